"""Shifts: opened and closed by records in the log, looked up from them.

A shift belongs to one officer at this workstation's lane. It may cross midnight; its
records are found by shift id, never by date.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

import orjson

from inspection_client.domain.codes import Direction
from inspection_client.domain.ids import new_id
from inspection_client.domain.models import Record, Shift, ShiftClosed, ShiftOpened
from inspection_client.message import Message
from inspection_client.store import records
from inspection_client.store.database import Store
from inspection_client.store.errors import StoreError, decoding, translated_errors


class ShiftError(StoreError):
    exit_status = 1


_SHIFTS = """
    SELECT o.shift_id, o.officer, o.recorded_at, o.content, c.recorded_at, c.content
    FROM records o
    LEFT JOIN records c ON c.shift_id = o.shift_id AND c.kind = 'shift_close'
    WHERE o.kind = 'shift_open'
"""


def _shift(row: tuple[object, ...]) -> Shift:
    shift_id, officer, opened_at, open_content, closed_at, close_content = row
    with decoding(Message("The record of shift {shift}", shift=shift_id)):
        lane = orjson.loads(open_content)["body"]["lane_id"]  # type: ignore[arg-type]
        occurrences = (
            orjson.loads(close_content)["body"]["occurrences"] if close_content else ""  # type: ignore[arg-type]
        )
        return Shift(
            shift_id=uuid.UUID(str(shift_id)),
            officer=str(officer),
            lane_id=lane,
            opened_at=datetime.fromisoformat(str(opened_at)),
            closed_at=datetime.fromisoformat(str(closed_at)) if closed_at else None,
            occurrences=occurrences,
        )


def open_shift_of(store: Store, officer: str) -> Shift | None:
    """The officer's shift at this workstation that has not been closed, if any."""
    with translated_errors(store.path):
        row = store.conn.execute(
            _SHIFTS + " AND o.officer = ? AND c.seq IS NULL ORDER BY o.seq DESC LIMIT 1",
            (officer.upper(),),
        ).fetchone()
    return _shift(row) if row else None


def get_shift(store: Store, shift_id: uuid.UUID | str) -> Shift | None:
    with translated_errors(store.path):
        row = store.conn.execute(_SHIFTS + " AND o.shift_id = ?", (str(shift_id),)).fetchone()
    return _shift(row) if row else None


def shifts_named_by(store: Store, part: str, limit: int = 2) -> list[Shift]:
    """Shifts whose id starts or ends with `part` (lower-case hex and hyphens), at most
    `limit`, so that a piece of an id as `shift list` shows it is enough to name a shift.

    Ids start with the time they were made (`domain.ids`): the first characters of every
    shift of a year are the same, and the end of an id, which is random, tells them apart.
    """
    with translated_errors(store.path):
        rows = store.conn.execute(
            _SHIFTS + " AND ((o.shift_id >= ? AND o.shift_id < ?) OR substr(o.shift_id, -?) = ?)"
            " ORDER BY o.seq DESC LIMIT ?",
            (part, part + "\uffff", len(part), part, limit),
        ).fetchall()
    return [_shift(row) for row in rows]


def list_shifts(store: Store, limit: int = 200) -> list[Shift]:
    """The latest shifts, newest first."""
    with translated_errors(store.path):
        rows = store.conn.execute(_SHIFTS + " ORDER BY o.seq DESC LIMIT ?", (limit,)).fetchall()
    return [_shift(row) for row in rows]


def open_shift(store: Store, officer: str, direction: Direction) -> Shift:
    """Open a shift for the officer at this workstation's lane."""
    if open_shift_of(store, officer) is not None:
        raise ShiftError(
            Message("{officer} already has an open shift; close it first.", officer=officer)
        )
    workstation = store.require_workstation()
    shift_id = new_id()
    record = records.save(
        store,
        ShiftOpened(lane_id=workstation.lane_id, direction=direction),
        officer=officer,
        shift_id=shift_id,
    )
    return Shift(
        shift_id=shift_id,
        officer=record.officer,
        lane_id=workstation.lane_id,
        opened_at=record.recorded_at,
    )


def close_shift(store: Store, shift: Shift, occurrences: str = "") -> Record:
    if get_shift(store, shift.shift_id) is None:
        raise ShiftError(
            Message("There is no shift {shift} at this workstation.", shift=shift.shift_id)
        )
    current = get_shift(store, shift.shift_id)
    if current is not None and current.closed_at is not None:
        raise ShiftError(Message("The shift {shift} is already closed.", shift=shift.shift_id))
    return records.save(
        store, ShiftClosed(occurrences=occurrences), officer=shift.officer, shift_id=shift.shift_id
    )


@dataclass(frozen=True)
class ShiftCounts:
    total: int
    by_decision: dict[str, int]
    pending_sync: int  # waiting in the outbox to be sent
    # Sent, and rejected or found in conflict by the central: in Sync problems, for a
    # supervisor; not sent again by themselves.
    sync_problems: int = 0


def shift_counts(store: Store, shift_id: uuid.UUID | str) -> ShiftCounts:
    """Clearances made in the shift in their current state, as the shift report counts them
    (a voided one not at all, an amended one by its latest decision), and unsynced records."""
    sid = str(shift_id)
    with translated_errors(store.path):
        by_decision = dict(
            store.conn.execute(
                "SELECT coalesce((SELECT a.decision FROM records a WHERE a.kind = 'amendment' "
                "AND a.target_id = r.id ORDER BY a.seq DESC LIMIT 1), r.decision), count(*) "
                "FROM records r WHERE r.shift_id = ? AND r.kind IN ('passenger', 'vehicle') "
                "AND NOT EXISTS (SELECT 1 FROM records v WHERE v.kind = 'void' "
                "AND v.target_id = r.id) GROUP BY 1",
                (sid,),
            ).fetchall()
        )
        pending, problems = store.conn.execute(
            "SELECT count(*) FILTER (WHERE outbox.state = 'pending'), "
            "count(*) FILTER (WHERE outbox.state != 'pending') "
            "FROM outbox JOIN records USING (seq) WHERE records.shift_id = ?",
            (sid,),
        ).fetchone()
    return ShiftCounts(sum(by_decision.values()), by_decision, pending, problems)
