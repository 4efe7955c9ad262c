"""Pydantic validation errors in words, for messages to people and reasons in receipts."""

from __future__ import annotations

from pydantic import ValidationError

# No control characters: a name is printed on terminals, slips and reports, where an escape
# sequence would act instead of showing. Nor invisible formatting ones: a direction override
# (U+202E) prints the text after it backwards, so a report shows other than what is stored,
# and a zero-width space or a soft hyphen makes two names that print alike differ. The zero-width
# (non-)joiners stay allowed: Persian, Urdu and Indic names need them.
NO_CONTROL_CHARACTERS = (
    r"^[^\x00-\x1f\x7f-\x9f\u00ad\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064"
    r"\u2066-\u206f\ufeff\ufff9-\ufffb]*$"
)
CONTROL_CHARACTER_MESSAGE = (
    "holds a control character or an invisible formatting one (an escape, a bell, "
    "a direction override...)"
)


def describe_validation(error: ValidationError, limit: int = 3) -> str:
    """The first `limit` problems on one line, each as `where: what`, and how many more."""
    parts = []
    for item in error.errors()[:limit]:
        where = ".".join(str(part) for part in item["loc"])
        message = item["msg"]
        if item.get("ctx", {}).get("pattern") == NO_CONTROL_CHARACTERS:
            message = CONTROL_CHARACTER_MESSAGE
        parts.append(f"{where}: {message}" if where else message)
    more = error.error_count() - len(parts)
    if more > 0:
        parts.append(f"and {more} more")
    return "; ".join(parts)
