"""Retrospective alerts: a newer snapshot re-checks the clearances of the last 24 hours, and
hits the officer did not see at the time wait here for a supervisor."""

from __future__ import annotations

import json
import sqlite3
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from inspection_client.domain.models import PassengerClearance, VehicleClearance
from inspection_client.message import Message, from_message_data, message_data
from inspection_client.store import records
from inspection_client.store.database import Store, write_setting
from inspection_client.store.errors import decoding, translated_errors
from inspection_client.watchlist.check import (
    Checker,
    WatchlistCheckResult,
    check_passenger,
    check_vehicle,
    open_checker,
)

RECHECK_WINDOW = timedelta(hours=24)
# Set (a setting) in the transaction that makes a snapshot active, with its version and the
# time, and cleared in the one that saves the re-check's alerts: a lane that stops between
# the two (a power cut at a remote port, a disk error) still owes the re-check, and makes it
# when it starts again or applies the next snapshot (`recheck_if_owed`).
RECHECK_OWED = "watchlist.recheck_owed"


@dataclass(frozen=True)
class RetrospectiveAlert:
    id: int
    record_id: uuid.UUID
    record_seq: int
    recorded_at: datetime
    snapshot_version: int
    list_name: str
    entry_id: str
    score: int
    reason: str  # a Message when the alert was saved with its words (`reason_words`)
    action: str
    subject: str  # who or what was cleared, as the officer recorded it
    created_at: datetime


def recheck_recent(
    store: Store,
    *,
    now: datetime | None = None,
    window: timedelta = RECHECK_WINDOW,
    checker: Checker | None = None,
) -> int:
    """Re-check clearances recorded within `window` before `now`; return new alerts.

    Amended clearances are checked as they stand now; voided ones are skipped. A hit
    already on the clearance's own watchlist check (seen and handled) is not alerted again.
    """
    now = now or datetime.now(UTC)
    since = now - window
    own_checker = checker is None
    checker = checker or open_checker(store)
    if checker is None:
        return 0
    try:
        found = []
        for record_id in _recent_clearances(store, since, now):
            state = records.current(store, record_id)
            if state is None or state.voided:
                continue
            result = _check(checker, state.clearance)
            seen = set()
            if state.clearance.watchlist is not None:
                seen = {(h.list_name, h.entry_id) for h in state.clearance.watchlist.hits}
            for hit in result.hits:
                if (hit.list_name, hit.entry_id) not in seen:
                    found.append((state.original, state.clearance, hit))
    finally:
        if own_checker:
            checker.close()
    created = 0
    with store.write() as conn:
        # Made now; one owed by a newer snapshot (applied meanwhile) is that one's to make.
        conn.execute(
            "DELETE FROM settings WHERE key = ? AND coalesce(CASE WHEN json_valid(value) "
            "THEN json_extract(value, '$.version') END, 0) <= ?",
            (RECHECK_OWED, checker.version),
        )
        for original, clearance, hit in found:
            cursor = conn.execute(
                "INSERT OR IGNORE INTO watchlist_alerts(record_id, record_seq, recorded_at, "
                "snapshot_version, list_name, entry_id, score, reason, reason_words, action, "
                "subject, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    str(original.id),
                    original.seq,
                    original.recorded_at.isoformat(),
                    checker.version,
                    hit.list_name,
                    hit.entry_id,
                    hit.score,
                    hit.reason,
                    json.dumps(message_data(hit.reason), ensure_ascii=False),
                    hit.action,
                    _subject(clearance),
                    now.isoformat(),
                ),
            )
            created += cursor.rowcount
    return created


def owe_recheck(conn: sqlite3.Connection, version: int, at: datetime) -> None:
    """Note, inside the transaction that makes snapshot `version` active at `at`, that its
    re-check is still to be made (`RECHECK_OWED`)."""
    write_setting(conn, RECHECK_OWED, json.dumps({"version": version, "at": at.isoformat()}))


def owed_recheck(store: Store) -> tuple[int | None, datetime] | None:
    """The re-check still owed (see `RECHECK_OWED`): the snapshot's version and when it was
    made active; None when none is owed. A damaged note owes one over the day before now
    (version None).
    """
    owed = store.setting(RECHECK_OWED)
    if owed is None:
        return None
    try:
        note = json.loads(owed)
        at = datetime.fromisoformat(note["at"])
        if at.tzinfo is None:
            raise ValueError("no time zone")
        version = note.get("version")
        return (version if isinstance(version, int) else None), at
    except (ValueError, KeyError, TypeError, AttributeError):
        return None, datetime.now(UTC)


def recheck_if_owed(store: Store) -> int:
    """Make the re-check a snapshot applied earlier still owes (`owed_recheck`), over the day
    before it was applied; return the new alerts (0 when none is owed).

    Without a usable watchlist file it stays owed: the file is built again from the
    snapshot, then checked.
    """
    owed = owed_recheck(store)
    if owed is None:
        return 0
    return recheck_recent(store, now=owed[1])


def recheck_failed(problem: str) -> Message:
    """What to say when an owed re-check cannot be made (`problem`, the error)."""
    return Message(
        "The re-check of the last day's clearances against the newest watchlist could not be "
        "made: {problem} It is tried again after each sync and at the next start; tell IT if "
        "this stays.",
        problem=problem,
    )


RECHECK_FAILED = recheck_failed("").template  # what tells this warning from the others


def _recent_clearances(store: Store, since: datetime, now: datetime) -> list[str]:
    # recorded_at carries the device's own UTC offset, so text order is only approximate:
    # a wide text bound first, then the exact comparison on parsed times.
    bound = (since - timedelta(days=1)).date().isoformat()
    with store.read() as conn:
        rows = conn.execute(
            "SELECT id, kind, target_id, recorded_at FROM records "
            "WHERE kind IN ('passenger', 'vehicle', 'amendment') AND recorded_at >= ? "
            "ORDER BY seq",
            (bound,),
        ).fetchall()
    ids: dict[str, None] = {}
    for record_id, kind, target_id, recorded_at in rows:
        try:
            at = datetime.fromisoformat(recorded_at)
        except ValueError:
            continue
        if at.tzinfo is None:
            at = at.replace(tzinfo=UTC)
        if since <= at <= now + timedelta(hours=1):
            ids[target_id if kind == "amendment" else record_id] = None
    return list(ids)


def _check(
    checker: Checker, clearance: PassengerClearance | VehicleClearance
) -> WatchlistCheckResult:
    if isinstance(clearance, PassengerClearance):
        return check_passenger(checker, clearance.document)
    return check_vehicle(checker, clearance)


def _subject(clearance: PassengerClearance | VehicleClearance) -> str:
    if isinstance(clearance, PassengerClearance):
        doc = clearance.document
        name = f"{doc.surname} {doc.given_names}".strip()
        return f"{name}, {doc.document_code} {doc.number} ({doc.issuing_state})"
    return f"{clearance.vehicle_kind.value} {clearance.plate} ({clearance.registration_country})"


def pending_alerts(store: Store) -> list[RetrospectiveAlert]:
    """Alerts no supervisor has acknowledged yet, oldest first."""
    with translated_errors(store.path):
        rows = store.conn.execute(
            "SELECT id, record_id, record_seq, recorded_at, snapshot_version, list_name, "
            "entry_id, score, reason, action, subject, created_at, reason_words "
            "FROM watchlist_alerts "
            "WHERE acknowledged_at IS NULL ORDER BY id"
        ).fetchall()
    with decoding(Message("A watchlist alert")):
        return [_alert(row) for row in rows]


def _alert(row: tuple[Any, ...]) -> RetrospectiveAlert:
    return RetrospectiveAlert(
        id=row[0],
        record_id=uuid.UUID(row[1]),
        record_seq=row[2],
        recorded_at=datetime.fromisoformat(row[3]),
        snapshot_version=row[4],
        list_name=row[5],
        entry_id=row[6],
        score=row[7],
        reason=_reason(row[8], row[12]),
        action=row[9],
        subject=row[10],
        created_at=datetime.fromisoformat(row[11]),
    )


def _reason(english: str, words: str | None) -> str:
    """The reason as its Message when its words were kept and still make the same English."""
    if words is None:
        return english
    try:
        made = from_message_data(json.loads(words))
    except ValueError:  # json.JSONDecodeError included
        return english
    return made if made == english else english


def acknowledge_alert(store: Store, alert_id: int, officer: str) -> bool:
    """Mark an alert as dealt with by `officer`; False if it was unknown or already done."""
    with store.write() as conn:
        cursor = conn.execute(
            "UPDATE watchlist_alerts SET acknowledged_at = ?, acknowledged_by = ? "
            "WHERE id = ? AND acknowledged_at IS NULL",
            (datetime.now(UTC).isoformat(), officer, alert_id),
        )
    return cursor.rowcount == 1
