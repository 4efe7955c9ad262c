"""The save path and record look-ups.

Saving is one transaction that writes the record, its outbox entry (for sync) and its audit
chain entry, with the next gap-free sequence number of this workstation. Nothing else in the
program writes records.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime

import orjson

from inspection_client.domain.canonical import GENESIS_HASH, chain_hash, record_bytes
from inspection_client.domain.codes import Role
from inspection_client.domain.models import (
    Amendment,
    PassengerClearance,
    Record,
    RecordBody,
    VehicleClearance,
    Void,
)
from inspection_client.store.database import Store
from inspection_client.store.errors import StoreError
from inspection_client.store.search import terms_for_body


class RecordRefused(StoreError):
    """A record that breaks a rule of the log (unknown target, approval by a non-supervisor)."""

    exit_status = 1


@dataclass(frozen=True, slots=True)
class Draft:
    """What the caller decides; the store adds id (unless given), sequence number and time."""

    body: RecordBody
    officer: str
    shift_id: uuid.UUID | None = None
    recorded_at: datetime | None = None
    record_id: uuid.UUID | None = None


def save(
    store: Store,
    body: RecordBody,
    *,
    officer: str,
    shift_id: uuid.UUID | None = None,
    record_id: uuid.UUID | None = None,
) -> Record:
    """Save one record durably and return it with its sequence number."""
    draft = Draft(body, officer, shift_id, record_id=record_id)
    return save_many(store, [draft])[0]


def save_many(store: Store, drafts: Sequence[Draft]) -> list[Record]:
    """Save several records in one transaction (all or none), in the given order."""
    workstation = store.require_workstation()
    saved: list[Record] = []
    with store.write() as conn:
        row = conn.execute("SELECT seq, hash FROM audit_chain ORDER BY seq DESC LIMIT 1").fetchone()
        seq, previous = (row[0], row[1]) if row else (0, GENESIS_HASH)
        record_rows: list[tuple[object, ...]] = []
        chain_rows: list[tuple[int, bytes, bytes]] = []
        term_rows: list[tuple[str, int]] = []
        for draft in drafts:
            _check_references(conn, draft.body, pending=saved)
            seq += 1
            record = Record(
                id=draft.record_id or uuid.uuid4(),
                workstation_id=workstation.workstation_id,
                seq=seq,
                recorded_at=draft.recorded_at or datetime.now().astimezone(),
                officer=draft.officer,
                shift_id=draft.shift_id,
                body=draft.body,
            )
            content = record_bytes(record)
            digest = chain_hash(previous, content)
            record_rows.append(_record_row(record, content))
            chain_rows.append((seq, previous, digest))
            term_rows.extend((term, seq) for term in set(terms_for_body(record.body)) if term)
            previous = digest
            saved.append(record)
        conn.executemany(
            "INSERT INTO records(seq, id, kind, recorded_at, officer, shift_id, target_id, "
            "direction, decision, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            record_rows,
        )
        conn.executemany(
            "INSERT INTO audit_chain(seq, prev_hash, hash) VALUES (?, ?, ?)", chain_rows
        )
        conn.executemany("INSERT INTO outbox(seq) VALUES (?)", ((r.seq,) for r in saved))
        conn.executemany("INSERT OR IGNORE INTO search_terms(term, seq) VALUES (?, ?)", term_rows)
    return saved


def _record_row(record: Record, content: bytes) -> tuple[object, ...]:
    body = record.body
    target = body.target_id if isinstance(body, Amendment | Void) else None
    decided = body.replacement if isinstance(body, Amendment) else body
    direction = decision = None
    if isinstance(decided, PassengerClearance | VehicleClearance):
        direction, decision = decided.direction.value, decided.decision.value
    return (
        record.seq,
        str(record.id),
        body.kind,
        record.recorded_at.isoformat(),
        record.officer,
        str(record.shift_id) if record.shift_id else None,
        str(target) if target else None,
        direction,
        decision,
        content,
    )


def _check_references(conn: sqlite3.Connection, body: RecordBody, pending: list[Record]) -> None:
    if not isinstance(body, Amendment | Void):
        return
    target = str(body.target_id)
    row = conn.execute("SELECT kind FROM records WHERE id = ?", (target,)).fetchone()
    kind = row[0] if row else next((r.kind for r in pending if str(r.id) == target), None)
    if kind not in ("passenger", "vehicle"):
        raise RecordRefused(f"Record {target} is not a clearance of this workstation.")
    if isinstance(body, Amendment) and body.replacement.kind != kind:
        raise RecordRefused(f"An amendment of a {kind} clearance must be a {kind} clearance.")
    voided = conn.execute(
        "SELECT 1 FROM records WHERE target_id = ? AND kind = 'void'", (target,)
    ).fetchone()
    if voided:
        raise RecordRefused(f"Record {target} has been voided; it cannot be changed any more.")
    approver = conn.execute(
        "SELECT role FROM officers WHERE code = ? AND active = 1", (body.approved_by,)
    ).fetchone()
    if approver is None or approver[0] not in (Role.SUPERVISOR.value, Role.ADMIN.value):
        raise RecordRefused(f"{body.approved_by} is not a supervisor of this workstation.")


# -- reading -------------------------------------------------------------------------------


def parse_content(content: bytes) -> Record:
    return Record.model_validate(orjson.loads(content))


def get(store: Store, record_id: uuid.UUID | str) -> Record | None:
    with store.read() as conn:
        row = conn.execute("SELECT content FROM records WHERE id = ?", (str(record_id),)).fetchone()
    return parse_content(row[0]) if row else None


def by_seq(store: Store, first: int, last: int) -> Iterator[Record]:
    """Records with first <= seq <= last, in sequence order."""
    cursor = store.conn.execute(
        "SELECT content FROM records WHERE seq BETWEEN ? AND ? ORDER BY seq", (first, last)
    )
    for (content,) in cursor:
        yield parse_content(content)


def revisions(store: Store, record_id: uuid.UUID | str) -> list[Record]:
    """The original clearance followed by its amendments and void, in sequence order."""
    with store.read() as conn:
        rows = conn.execute(
            "SELECT content FROM records WHERE id = ? OR target_id = ? ORDER BY seq",
            (str(record_id), str(record_id)),
        ).fetchall()
    return [parse_content(content) for (content,) in rows]


@dataclass(frozen=True)
class CurrentState:
    """A clearance as it stands now: the latest amendment's content, or voided."""

    original: Record
    clearance: PassengerClearance | VehicleClearance
    amended_by: tuple[Record, ...]
    voided_by: Record | None

    @property
    def voided(self) -> bool:
        return self.voided_by is not None


def current(store: Store, record_id: uuid.UUID | str) -> CurrentState | None:
    history = revisions(store, record_id)
    if not history or not isinstance(history[0].body, PassengerClearance | VehicleClearance):
        return None
    clearance: PassengerClearance | VehicleClearance = history[0].body
    amendments: list[Record] = []
    voided_by = None
    for record in history[1:]:
        if isinstance(record.body, Amendment):
            clearance = record.body.replacement
            amendments.append(record)
        elif isinstance(record.body, Void):
            voided_by = record
    return CurrentState(history[0], clearance, tuple(amendments), voided_by)


def iter_all(store: Store, batch: int = 5000) -> Iterable[tuple[int, bytes]]:
    """(seq, content) of every record, in sequence order, read in slices."""
    last = 0
    while True:
        rows = store.conn.execute(
            "SELECT seq, content FROM records WHERE seq > ? ORDER BY seq LIMIT ?", (last, batch)
        ).fetchall()
        if not rows:
            return
        yield from rows
        last = rows[-1][0]
