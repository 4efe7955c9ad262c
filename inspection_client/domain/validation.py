"""Pydantic validation errors in words, for messages to people and reasons in receipts."""

from __future__ import annotations

from pydantic import ValidationError


def describe_validation(error: ValidationError, limit: int = 3) -> str:
    """The first `limit` problems on one line, each as `where: what`, and how many more."""
    parts = []
    for item in error.errors()[:limit]:
        where = ".".join(str(part) for part in item["loc"])
        parts.append(f"{where}: {item['msg']}" if where else item["msg"])
    more = error.error_count() - len(parts)
    if more > 0:
        parts.append(f"and {more} more")
    return "; ".join(parts)
