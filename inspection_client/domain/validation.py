"""Pydantic validation errors in words, for messages to people and reasons in receipts."""

from __future__ import annotations

from pydantic import ValidationError

# No control characters: a name is printed on terminals, slips and reports, where an escape
# sequence would act instead of showing.
NO_CONTROL_CHARACTERS = r"^[^\x00-\x1f\x7f-\x9f]*$"


def describe_validation(error: ValidationError, limit: int = 3) -> str:
    """The first `limit` problems on one line, each as `where: what`, and how many more."""
    parts = []
    for item in error.errors()[:limit]:
        where = ".".join(str(part) for part in item["loc"])
        message = item["msg"]
        if item.get("ctx", {}).get("pattern") == NO_CONTROL_CHARACTERS:
            message = "holds a control character (an escape, a bell...)"
        parts.append(f"{where}: {message}" if where else message)
    more = error.error_count() - len(parts)
    if more > 0:
        parts.append(f"and {more} more")
    return "; ".join(parts)
