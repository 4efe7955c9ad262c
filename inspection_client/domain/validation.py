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


OFFICER_CODE = r"^[A-Za-z0-9]{3,12}$"
STATE_CODE = r"^[A-Za-z]{1,3}$"
WORKSTATION_ID = r"^[A-Za-z0-9._-]{1,64}$"
# What each pattern asks for, in words: pydantic's own message quotes the expression.
_PATTERN_MESSAGES = {
    NO_CONTROL_CHARACTERS: CONTROL_CHARACTER_MESSAGE,
    OFFICER_CODE: "should be 3 to 12 letters or digits (A-Z, 0-9), without spaces",
    STATE_CODE: "should be a country code of 1 to 3 letters, as in a passport (PAK, D)",
    WORKSTATION_ID: "should be 1 to 64 letters, digits, dots, hyphens or underscores",
}


def describe_validation(error: ValidationError, limit: int = 3) -> str:
    """The first `limit` problems on one line, each as `where: what`, and how many more."""
    parts = []
    for item in error.errors()[:limit]:
        where = ".".join(str(part) for part in item["loc"])
        message = item["msg"]
        context = item.get("ctx", {})
        if context.get("pattern") in _PATTERN_MESSAGES:
            message = _PATTERN_MESSAGES[context["pattern"]]
        elif item["type"] == "string_too_short" and context.get("min_length") == 1:
            message = "is empty"
        parts.append(f"{where}: {message}" if where else message)
    more = error.error_count() - len(parts)
    if more > 0:
        parts.append(f"and {more} more")
    return "; ".join(parts)
