"""Times as printed documents and the gate write them: in a given offset, with that offset."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone, tzinfo
from typing import Any

# Real UTC offsets lie within ±14 h; anything else in a claim is not an offset.
_MAX_OFFSET_MINUTES = 18 * 60


def printed_time(moment: datetime, zone: tzinfo | None) -> str:
    """``moment`` in ``zone`` (as it is when None or naive), "2026-11-23 09:05 +0800"."""
    if zone is not None and moment.tzinfo is not None:
        moment = moment.astimezone(zone)
    return moment.strftime("%Y-%m-%d %H:%M %z").rstrip()


def printed_iso(text: str | None) -> str:
    """ISO 8601 text (as reports keep times) as documents print it, in its own offset and
    with it: "2026-11-23 09:05 +0800". Empty for None; text that is no time as it came."""
    if text is None:
        return ""
    try:
        return printed_time(datetime.fromisoformat(text), None)
    except ValueError:
        return text


def printed_offset(moment: datetime) -> str:
    """``moment``'s UTC offset as printed times end ("+0800"); empty when it has none."""
    return moment.strftime("%z")


def offset_minutes(moment: datetime) -> int | None:
    """``moment``'s UTC offset in whole minutes, None when it has none."""
    offset = moment.utcoffset()
    return None if offset is None else int(offset // timedelta(minutes=1))


def claims_zone(claims: dict[str, Any] | None) -> tzinfo:
    """The offset a sealed document's times are said in: its ``off`` claim (minutes east of
    UTC), the offset it prints them in.

    A document from before the claim names none (`names_offset` is false). Its times are then
    said in this computer's offset now, with it: a gate keeps its port's time, as the lane that
    printed the document did, so they most likely read as on the paper, and a gate in another
    zone still says each moment exactly. Whoever shows them says the offset was not the
    document's.
    """
    if names_offset(claims):
        return timezone(timedelta(minutes=(claims or {})["off"]))
    return datetime.now().astimezone().tzinfo or UTC


def names_offset(claims: dict[str, Any] | None) -> bool:
    """Whether a sealed document names the offset it prints its times in (its ``off``)."""
    value = (claims or {}).get("off")
    return type(value) is int and abs(value) <= _MAX_OFFSET_MINUTES


def claims_time(claims: dict[str, Any] | None, value: object) -> str:
    """A claimed time (unix seconds) or a moment, as the document prints it; anything else
    as it came."""
    try:
        if type(value) is int:
            return printed_time(datetime.fromtimestamp(value, UTC), claims_zone(claims))
        if isinstance(value, datetime):
            return printed_time(value, claims_zone(claims))
    except (OverflowError, OSError, ValueError):
        pass
    return str(value)
