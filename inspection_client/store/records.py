"""The save path and record look-ups.

Saving is one transaction that writes the record, its outbox entry (for sync) and its audit
chain entry, with the next gap-free sequence number of this workstation. Nothing else in the
program writes records.
"""

from __future__ import annotations

import itertools
import sqlite3
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from operator import itemgetter

import orjson

from inspection_client.domain.accompanying import AdultProblem, adult_problem, named_adult
from inspection_client.domain.canonical import (
    GENESIS_HASH,
    body_bytes,
    chain_hash,
    record_bytes_with_body,
)
from inspection_client.domain.codes import Role
from inspection_client.domain.ids import new_id
from inspection_client.domain.models import (
    Amendment,
    PassengerClearance,
    Record,
    RecordBody,
    VehicleClearance,
    Void,
)
from inspection_client.message import Message
from inspection_client.store import restore_hold, search_index, witness
from inspection_client.store.database import Store
from inspection_client.store.errors import StoreCorrupt, StoreError, decoding
from inspection_client.store.search import record_terms, search_document


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


# The columns of `records` besides seq and content, in the order of `INSERT_RECORD`.
Columns = tuple[str, str, str, str, str | None, str | None, str | None, str | None]
_SEQ_PLACEHOLDER = 1
_SEQ_MARK = b',"seq":1,"shift_id":'  # the envelope's keys are sorted: seq comes before shift_id


@dataclass(frozen=True, slots=True)
class PreparedDraft:
    """A draft with all the work that does not need the database done (see `prepare`).

    The record is validated and serialised already; only its sequence number is left out of
    the canonical bytes (`head` + seq + `tail`), for `save_many` to assign in order.
    """

    workstation_id: str
    head: bytes
    tail: bytes
    columns: Columns
    terms: tuple[str, ...]
    # What `save_many` checks against the database: a target, or a minor's adult.
    reference: Amendment | Void | PassengerClearance | None
    record: Record | None = None  # the validated record, with seq 1; not sent between processes

    def __reduce__(self) -> tuple[type[PreparedDraft], tuple[object, ...]]:
        # The model object is most of the cost of a pickle; the bytes are the record, and a
        # process that needs the object back gets it from them (`save_many` does).
        fields = (self.workstation_id, self.head, self.tail, self.columns, self.terms)
        return (PreparedDraft, (*fields, self.reference, None))

    def shipped(self) -> ShippedDraft:
        """The draft as bulk writers hand it between processes (`save_received`)."""
        return (self.head, self.tail, row_columns(self.columns), search_document(self.terms))


def prepare(draft: Draft, workstation_id: str) -> PreparedDraft:
    """Validate and serialise a draft for `save_many`, e.g. ahead of time in another process.

    Raises:
        pydantic.ValidationError: the envelope is not valid (an officer code, say).
    """
    body = draft.body
    recorded_at = draft.recorded_at or datetime.now().astimezone()
    record = Record(
        id=draft.record_id or new_id(recorded_at),
        workstation_id=workstation_id,
        seq=_SEQ_PLACEHOLDER,
        recorded_at=recorded_at,
        officer=draft.officer,
        shift_id=draft.shift_id,
        body=body,
    )
    content = record_bytes_with_body(record, body_bytes(body))
    cut = content.rindex(_SEQ_MARK) + len(b',"seq":')
    head, tail = content[:cut], content[cut + 1 :]
    terms = record_terms(body)
    reference: Amendment | Void | PassengerClearance | None = None
    if isinstance(body, Amendment | Void) or (
        isinstance(body, PassengerClearance) and body.accompanying_adult_id is not None
    ):
        reference = body
    return PreparedDraft(workstation_id, head, tail, columns_of(record), terms, reference, record)


# A prepared draft as bulk writers hand it between processes (`PreparedDraft.shipped`):
# `head` and `tail` of its canonical bytes, its columns as `row_columns` binds them, and its
# row of the search index (`search.search_document`; '' for none). The process that saves
# limits a bulk writer's rate: whatever can be done before is done by the sender.
ShippedDraft = tuple[bytes, bytes, Columns, str]


def row_columns(columns: Columns) -> Columns:
    """`columns` as `INSERT_RECORD` binds them: "no target" as ''."""
    if columns[5] is not None:
        return columns
    return (*columns[:5], "", *columns[6:])


def save_received(store: Store, groups: Iterable[Sequence[ShippedDraft]]) -> int:
    """Save parts made in another process (by the seeder), in one transaction.

    The parts come in groups, each written as soon as it arrives, so that a producer can
    make the next group while this one is written; they are committed together at the end,
    or not at all. Returns the number of records saved.

    The sender vouches for the parts: valid records (the seeder makes them valid and checks
    them against the models, `seeding.traffic.Traffic`), with columns and terms taken from
    the same record (`prepare` is the checked way). Only records that refer to no other (clearances,
    shift records) travel like this, as there is no reference to check against the database.

    A transaction that fails on damage to the history filter's search index is made again
    without it, and saves leave the index from then on, as `save_many`'s do
    (`search_index.saving_past_damage`): the groups received are kept until the commit.

    Raises:
        ValueError: an amendment or void (a record with a target).
    """
    store.require_workstation()
    received: list[Sequence[ShippedDraft]] = []
    coming = iter(groups)

    def keeping() -> Iterator[Sequence[ShippedDraft]]:
        for shipped in coming:
            received.append(shipped)
            yield shipped

    try:
        return _write_received(store, keeping())
    except (StoreCorrupt, sqlite3.DatabaseError):
        if store.read_only or search_index.stopped(store.conn) is not None:
            raise
        if (found := search_index.damage_if_checkable(store)) is None:
            raise
    search_index.stop(store, found)
    # What was received, then the rest: the groups not yet asked for are still to come.
    return _write_received(store, itertools.chain(received, coming))


def _write_received(store: Store, groups: Iterable[Sequence[ShippedDraft]]) -> int:
    """`save_received`'s transaction; the witness notes its head once committed."""
    saved = 0
    head: tuple[int, bytes] | None = None
    with store.write() as conn:
        restore_hold.refuse_if_held(store, conn)
        for shipped in groups:
            # Looped over in C: a group is a day of tens of thousands of records.
            if any(map(itemgetter(5), map(itemgetter(2), shipped))):
                referring = next(part[2][0] for part in shipped if part[2][5])
                raise ValueError(f"record {referring} refers to another; use `prepare` for it.")
            if shipped:
                _first, last, digest = _append(conn, shipped)
                head = (last, digest)
            saved += len(shipped)
    if head is not None:
        witness.note(store, *head)
    return saved


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


# A row may give '' for "no target": binding None (or bytes) costs Python's sqlite3 module a
# look-up for an adapter, a third of the binding work of a row, while str, int and bytearray
# are bound directly. A target is a record id, never empty.
INSERT_RECORD = (
    "INSERT INTO records(seq, id, kind, recorded_at, officer, shift_id, target_id, "
    "direction, decision, content) VALUES (?, ?, ?, ?, ?, ?, NULLIF(?, ''), ?, ?, ?)"
)


def save_many(
    store: Store, drafts: Sequence[Draft | PreparedDraft], *, return_records: bool = True
) -> list[Record]:
    """Save several records in one transaction (all or none), in the given order.

    Drafts may come prepared (`prepare`); sequence numbers and the audit chain are assigned
    here, under the write lock, in order. Bulk writers that do not need the saved records
    back pass `return_records=False` (and get an empty list).

    A save that fails on damage to the history filter's search index is saved again
    without it, and saves leave the index from then on (`search_index.saving_past_damage`).
    """
    workstation_id = store.require_workstation().workstation_id
    prepared = [d if isinstance(d, PreparedDraft) else prepare(d, workstation_id) for d in drafts]
    for item in prepared:
        if item.workstation_id != workstation_id:
            raise RecordRefused(
                Message(
                    "A record of {workstation} cannot be saved here.",
                    workstation=item.workstation_id,
                )
            )
    appended = search_index.saving_past_damage(
        store, lambda stopping: _save_prepared(store, workstation_id, prepared, stopping)
    )
    if prepared:
        witness.note(store, appended[1], appended[2])
    if not return_records:
        return []
    saved: list[Record] = []
    for number, item in enumerate(prepared, appended[0]):
        template = item.record
        saved.append(
            template.model_copy(update={"seq": number})
            if template is not None
            else parse_content(b"%b%d%b" % (item.head, number, item.tail))
        )
    return saved


def _save_prepared(
    store: Store, workstation_id: str, prepared: Sequence[PreparedDraft], stopping: str | None
) -> tuple[int, int, bytes]:
    """`save_many`'s transaction: references checked, records appended (see `_append`);
    with `stopping`, saves stop writing the search index first (`search_index.note_stopped`).
    """
    with store.write() as conn:
        if stopping is not None:
            search_index.note_stopped(conn, stopping)
        restore_hold.refuse_if_held(store, conn)
        if any(item.reference is not None for item in prepared):
            pending: dict[str, str] = {}  # id -> kind of the records before it in this batch
            bodies: dict[str, RecordBody | None] = {}  # id -> body, of the same
            aimed: dict[str, list[RecordBody]] = {}  # target id -> its amendments and voids, same
            for item in prepared:
                reference = item.reference
                if isinstance(reference, Amendment | Void):
                    _check_references(conn, reference, pending)
                if reference is not None and (adult := named_adult(reference)) is not None:
                    _check_adult(conn, workstation_id, str(adult), bodies, aimed)
                pending[item.columns[0]] = item.columns[1]
                bodies[item.columns[0]] = item.record.body if item.record is not None else None
                if isinstance(reference, Amendment | Void):
                    aimed.setdefault(str(reference.target_id), []).append(reference)
        return _append(conn, [item.shipped() for item in prepared])


def _append(conn: sqlite3.Connection, parts: Sequence[ShippedDraft]) -> tuple[int, int, bytes]:
    """Write records after the last one, inside the caller's write transaction.

    Each gets the next sequence number (which completes its canonical bytes) and the next
    audit chain entry; each enters the outbox and the search index. Returns the first
    sequence number given, the last, and the last's chain hash (for `witness.note`, once
    committed).
    """
    row = conn.execute("SELECT seq, hash FROM audit_chain ORDER BY seq DESC LIMIT 1").fetchone()
    seq, previous = (row[0], row[1]) if row else (0, GENESIS_HASH)
    first = seq + 1
    record_rows: list[tuple[object, ...]] = []
    chain_rows: list[tuple[int, bytes | bytearray, bytes | bytearray]] = []
    search_rows: list[tuple[int, str]] = []
    # Blobs go to the database as bytearrays (see `INSERT_RECORD`): they are bound as they
    # are, where bytes are first offered to adapters.
    previous_blob = bytearray(previous)
    for head, tail, columns, search_row in parts:
        seq += 1
        content = b"%b%d%b" % (head, seq, tail)
        digest = chain_hash(previous, content)
        record_rows.append((seq, *columns, bytearray(content)))
        blob = bytearray(digest)
        chain_rows.append((seq, previous_blob, blob))
        if search_row:
            search_rows.append((seq, search_row))
        previous, previous_blob = digest, blob
    insert_rows(conn, record_rows, chain_rows, search_rows)
    # Every record of this transaction enters the outbox: one statement, not one per row.
    conn.execute(
        "INSERT INTO outbox(seq) SELECT seq FROM records WHERE seq BETWEEN ? AND ?", (first, seq)
    )
    return first, seq, previous


def insert_rows(
    conn: sqlite3.Connection,
    record_rows: Sequence[tuple[object, ...]],
    chain_rows: Sequence[tuple[int, bytes | bytearray, bytes | bytearray]],
    search_rows: Sequence[tuple[int, str]],
) -> None:
    """Records with their audit chain entries and search index rows (seq and
    `search.search_document`; not their outbox rows), inside the caller's write transaction.

    The search rows are left out while saves no longer write the index (`search_index.stopped`).
    """
    try:
        conn.executemany(INSERT_RECORD, record_rows)
    except sqlite3.IntegrityError as error:
        # The only unique column a caller controls is the record id (given for linked
        # driver and vehicle records); the transaction is rolled back as a whole.
        raise RecordRefused(
            Message("A record with the same id is already saved ({error}).", error=error)
        ) from error
    conn.executemany("INSERT INTO audit_chain(seq, prev_hash, hash) VALUES (?, ?, ?)", chain_rows)
    # Once the index was found damaged, saves leave it (`search_index.saving_past_damage`).
    if search_rows and search_index.stopped(conn) is None:
        conn.executemany("INSERT INTO record_search(rowid, terms) VALUES (?, ?)", search_rows)


def columns_of(record: Record) -> Columns:
    body = record.body
    target = body.target_id if isinstance(body, Amendment | Void) else None
    decided = body.replacement if isinstance(body, Amendment) else body
    direction = decision = None
    if isinstance(decided, PassengerClearance | VehicleClearance):
        # StrEnum members are their values; str() is much cheaper than `.value` here.
        direction, decision = str(decided.direction), str(decided.decision)
    return (
        str(record.id),
        body.kind,
        record.recorded_at.isoformat(),
        record.officer,
        str(record.shift_id) if record.shift_id else None,
        str(target) if target else None,
        direction,
        decision,
    )


_CLEARANCE_KINDS = {"passenger": Message("passenger"), "vehicle": Message("vehicle")}


def _check_references(
    conn: sqlite3.Connection, body: Amendment | Void, pending: dict[str, str]
) -> None:
    target = str(body.target_id)
    row = conn.execute("SELECT kind, seq FROM records WHERE id = ?", (target,)).fetchone()
    kind = row[0] if row else pending.get(target)
    named = f"#{row[1]}" if row else target  # as History numbers it
    if kind not in ("passenger", "vehicle"):
        raise RecordRefused(
            Message("Record {record} is not a clearance of this workstation.", record=named)
        )
    if isinstance(body, Amendment) and body.replacement.kind != kind:
        raise RecordRefused(
            Message(
                "An amendment of a {kind} clearance must be a {kind} clearance.",
                kind=_CLEARANCE_KINDS.get(kind, kind),
            )
        )
    voided = conn.execute(
        "SELECT 1 FROM records WHERE target_id = ? AND kind = 'void'", (target,)
    ).fetchone()
    if voided:
        raise RecordRefused(
            Message("Record {record} has been voided; it cannot be changed any more.", record=named)
        )
    approver = conn.execute(
        "SELECT role FROM officers WHERE code = ? AND active = 1", (body.approved_by,)
    ).fetchone()
    if approver is None or approver[0] not in (Role.SUPERVISOR.value, Role.ADMIN.value):
        raise RecordRefused(
            Message("{officer} is not a supervisor of this workstation.", officer=body.approved_by)
        )


def _check_adult(
    conn: sqlite3.Connection,
    workstation_id: str,
    adult_id: str,
    bodies: dict[str, RecordBody | None],
    aimed: dict[str, list[RecordBody]],
) -> None:
    """The accompanying adult a minor's clearance names is an adult's passenger clearance
    of this workstation, as it stands now (amended, not voided): `accompanying.adult_problem`.

    `bodies` and `aimed` are the records saved before it in the same transaction: by id, and
    the amendments and voids by the id they aim at."""
    rows = conn.execute(
        "SELECT seq, content FROM records WHERE id = ? OR target_id = ? ORDER BY seq",
        (adult_id, adult_id),
    ).fetchall()
    original = parse_content(rows[0][1]) if rows else None
    if original is not None and str(original.id) != adult_id:
        original = None  # only records that point at it: it is not saved here
    named = f"#{rows[0][0]}" if original is not None else adult_id  # as History numbers it
    if original is None:
        body, saved_after = bodies.get(adult_id), rows
    else:
        body = original.body if original.workstation_id == workstation_id else None
        saved_after = rows[1:]
    later = [parse_content(content).body for _seq, content in saved_after]
    problem = adult_problem(body, [*later, *aimed.get(adult_id, ())])
    if problem is AdultProblem.NOT_A_PASSENGER_CLEARANCE:
        raise RecordRefused(
            Message(
                "The accompanying adult {record} is not a passenger clearance of this workstation.",
                record=named,
            )
        )
    if problem is AdultProblem.VOIDED:
        raise RecordRefused(
            Message(
                "The accompanying adult {record} has been voided; choose another.", record=named
            )
        )
    if problem is AdultProblem.MINOR:
        raise RecordRefused(
            Message(
                "The accompanying adult {record} is a minor's clearance; a minor cannot "
                "accompany another.",
                record=named,
            )
        )


# -- reading -------------------------------------------------------------------------------


def parse_content(content: bytes) -> Record:
    with decoding(Message("A saved record")):
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
