"""Release slips withdrawn after they were printed, for the exit gates to refuse offline.

A lane prints a slip for a cleared vehicle; a supervisor may void the record or amend it to
refused or referred afterwards. A gate that does not hold the record cannot know, so the
central lists such records in the signed workstation keys snapshot (`withdrawn_slips`): the
snapshot every workstation already fetches to check slip signatures, under the same signature.

Only withdrawals whose slips may still be in force are listed: a slip is valid for at most
`WINDOW` after it was issued, and it was issued before its record was withdrawn, so an entry
is kept for `WINDOW` after the withdrawing record's time (the lane's clock, as on the slip).
At most `MAX_ENTRIES` are listed, the newest first kept; `complete_since` says from when the
list is whole.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import orjson

from inspection_central.storage import CentralStorage, HeldClearance, WithdrawingRecord
from inspection_client.sync.wire import wire_time

# The longest validity `inspection-client slip --valid-hours` allows (`reports.slip.MAX_VALIDITY`,
# not imported: it would bring the PDF libraries into the central; a test keeps them equal).
WINDOW = timedelta(days=30)
# A lane's clock may run ahead of the central's: voids are looked for among the records that
# arrived this much earlier still, then kept or not by their own time.
CLOCK_SLACK = timedelta(days=1)
# About 150 bytes each: 20,000 is 3 MB of JSON (1.3 MB sent gzipped), months of an agency's
# voids of cleared vehicles. Beyond it the oldest are left out and `complete_since` moves.
MAX_ENTRIES = 20_000
# A refresh that lost a race with another server process's publishes again, up to this often.
_REFRESH_ROUNDS = 3
_VEHICLE = "vehicle"
_CLEARED = "cleared"

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Step:
    """A void or an amendment of one clearance."""

    workstation_id: str
    seq: int
    port_code: str
    at: datetime
    decision: str | None  # the decision amended to; None for a void


def withdrawn_slips(storage: CentralStorage, now: datetime | None = None) -> dict[str, Any]:
    """The `withdrawn_slips` section of the workstation keys snapshot, as of `now`."""
    now = now or datetime.now(UTC)
    since = now - WINDOW
    steps: dict[str, list[_Step]] = {}
    for row in storage.withdrawing_records(since - CLOCK_SLACK):
        parsed = _step(row)
        if parsed is not None:
            steps.setdefault(parsed[0], []).append(parsed[1])
    held = storage.clearances(sorted(steps))
    entries: list[dict[str, Any]] = []
    for target, history in steps.items():
        entry = _withdrawal(storage, target, held.get(target), history, since)
        if entry is not None:
            entries.append(entry)
    complete_since = since
    if len(entries) > MAX_ENTRIES:
        entries.sort(key=lambda e: e["at"], reverse=True)
        entries = entries[:MAX_ENTRIES]
        complete_since = datetime.fromisoformat(entries[-1]["at"])
    entries.sort(key=lambda e: e["id"])
    return {
        "complete_since": wire_time(complete_since.astimezone(UTC).replace(microsecond=0)),
        "window_hours": WINDOW // timedelta(hours=1),
        "slips": entries,
    }


def _step(row: WithdrawingRecord) -> tuple[str, _Step] | None:
    """(target id, step) of a void or an amendment (validated when it was ingested)."""
    record = orjson.loads(row.content)
    body = record.get("body", {})
    target = body.get("target_id")
    if not isinstance(target, str):
        return None
    decision = None
    if body.get("kind") == "amendment":
        replacement = body.get("replacement", {})
        if replacement.get("kind") != _VEHICLE:
            return None
        decision = str(replacement.get("decision"))
    at = datetime.fromisoformat(record["recorded_at"])
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return target, _Step(row.workstation_id, row.seq, row.port_code, at, decision)


def _withdrawal(
    storage: CentralStorage,
    target: str,
    original: HeldClearance | None,
    history: list[_Step],
    since: datetime,
) -> dict[str, Any] | None:
    """The list entry of one clearance, or None when no slip of it can be withdrawn."""
    if original is None or original.kind != _VEHICLE:
        return None
    # A clearance is voided or amended where it is held: its workstation's seq orders them.
    history.sort(key=lambda s: (s.workstation_id != original.workstation_id, s.seq, s.at))
    last = history[-1]
    if last.decision == _CLEARED or last.at < since:
        return None  # stands cleared again, or any slip of it has expired
    was_cleared = (
        original.decision == _CLEARED
        or any(step.decision == _CLEARED for step in history[:-1])
        or storage.amended_to(target, _CLEARED, original.workstation_id, original.seq, last.seq)
    )
    if not was_cleared:
        return None  # never cleared: no slip was ever issued for it
    entry: dict[str, Any] = {
        "id": target,
        "withdrawn": "voided" if last.decision is None else "amended",
        "port": last.port_code,
        "at": wire_time(last.at.astimezone(UTC)),
    }
    if last.decision is not None:
        entry["decision"] = last.decision
    return entry


def refresh(storage: CentralStorage) -> int | None:
    """Publish the workstation keys snapshot again when its withdrawn slips (or keys) are not
    the current ones; the new version, or None when the latest one is current.

    Called after a batch with voids or amendments is stored. Two server processes may each
    compute the list before the other's batch is stored and publish in the other order; the
    one that published last then finds its list out of date and publishes again.
    """
    from inspection_central import reference
    from inspection_client.sync.wire import ReferenceKind

    kind = ReferenceKind.WORKSTATION_KEYS
    published = None
    for _ in range(_REFRESH_ROUNDS):
        payload = reference.workstation_keys_payload(storage)
        latest = reference.latest(storage, kind)
        if latest is None and not payload["keys"]:
            return published  # no workstation to tell
        if latest is not None and _same(latest.snapshot.payload, payload):
            return published
        published = reference.publish(storage, kind, payload).snapshot.version
    return published


def refresh_quietly(storage: CentralStorage) -> None:
    """`refresh` after a batch is stored: its receipt must reach the lane even when the
    publication fails; the next void or amendment, or the next start, publishes it then."""
    try:
        refresh(storage)
    except Exception:  # the batch is stored; a failure here must not lose its receipt
        log.exception("The list of withdrawn release slips could not be published")


def _same(held: dict[str, Any], fresh: dict[str, Any]) -> bool:
    """The same keys and the same slips (`complete_since` moves with the clock alone)."""
    old = held.get("withdrawn_slips")
    if not isinstance(old, dict):
        return False
    return bool(
        held.get("keys") == fresh["keys"]
        and old.get("slips") == fresh["withdrawn_slips"]["slips"]
        and old.get("window_hours") == fresh["withdrawn_slips"]["window_hours"]
    )
