"""The storage logic both engines share, written once in the SQL that SQLite and PostgreSQL
have in common (`?` placeholders are rewritten for psycopg).

An engine supplies its connections and transactions, how timestamps travel, and the
set-wise insert of a batch's records (COPY on PostgreSQL, executemany on SQLite).
"""

from __future__ import annotations

import json
from abc import abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from inspection_central import adult_links, sent_again
from inspection_central.revoked_time import LiftedRevocation, made_while_revoked
from inspection_central.storage import (
    CentralStorage,
    ChainAlert,
    EntryChange,
    HeldBackRecord,
    HeldClearance,
    HeldRecordRow,
    IncomingRecord,
    LaneEntry,
    OfficerEntry,
    PreparedBatch,
    ReceiptSigner,
    Reinstatement,
    RejectedRecord,
    RevokedTimeRecord,
    SnapshotBuilder,
    StoredBatch,
    WithdrawingRecord,
    WorkstationIdTaken,
    WorkstationInfo,
    WorkstationRevoked,
)
from inspection_client.domain.canonical import GENESIS_HASH
from inspection_client.sync.wire import (
    RecordStatus,
    ReferenceKind,
    signed_receipt_json,
    wire_time,
)

# Older snapshots than this many versions back are deleted when a new one is stored.
SNAPSHOTS_KEPT = 5

WORKSTATION_COLUMNS = (
    "workstation_id, port_code, lane_id, lane_kind, public_key, created_at, enrolled_at, "
    "revoked_at, last_seen, high_water_seq, chain_head, gaps, records"
)
_HELD_BACK_COLUMNS = "workstation_id, seq, record_id, reason, batch_id, received_at, content"
_ALERT_COLUMNS = (
    "alert_id, workstation_id, batch_id, first_seq, last_seq, reason, detected_at, "
    "resolved_at, resolved_by, resolution"
)

# (id, workstation_id, seq, port_code, lane_id, kind, decision, content, content_hash,
#  chain_hash, flagged, batch_id, received_at): the order of columns in `records`.
RECORD_COLUMNS = (
    "id",
    "workstation_id",
    "seq",
    "port_code",
    "lane_id",
    "kind",
    "decision",
    "content",
    "content_hash",
    "chain_hash",
    "flagged",
    "batch_id",
    "received_at",
)
RecordRow = tuple[Any, ...]
_ACCEPTED = RecordStatus.ACCEPTED.value
_DUPLICATE = RecordStatus.DUPLICATE.value


class _Unchanged(Exception):
    """Undoes a change to a workstation entry that turned out not to apply to it."""

    def __init__(self, found: EntryChange) -> None:
        super().__init__(found)
        self.found = found


class StoreTheGeneralWay(Exception):
    """A batch streamed into storage turned out unusual (a held id or seq, a chain that does
    not hash to its head): its transaction is undone, and it is stored the general way."""


def now_utc() -> datetime:
    return datetime.now(UTC)


class SqlStorage(CentralStorage):
    """`CentralStorage` over a DB-API connection; engines fill in the abstract hooks."""

    # -- engine hooks ----------------------------------------------------------------------

    @abstractmethod
    def _write(self) -> AbstractContextManager[Any]:
        """A connection inside a write transaction, committed on success."""

    @abstractmethod
    def _read(self) -> AbstractContextManager[Any]:
        """A connection for reading."""

    @abstractmethod
    def _sql(self, text: str) -> str:
        """The statement with this engine's placeholders."""

    @abstractmethod
    def _ts(self, value: datetime | None) -> Any:
        """A timestamp as this engine stores it."""

    @abstractmethod
    def _dt(self, value: Any) -> datetime | None:
        """A stored timestamp back as an aware datetime."""

    @abstractmethod
    def _lock_workstation(self, conn: Any, workstation_id: str) -> tuple[Any, ...] | None:
        """Lock the workstation's row for the rest of the transaction; its columns."""

    @abstractmethod
    def _insert_records(self, conn: Any, batch: PreparedBatch, rows: list[RecordRow]) -> set[str]:
        """Insert the rows whose id and (workstation, seq) are new; the ids inserted."""

    @abstractmethod
    def _existing_by_id(self, conn: Any, ids: Sequence[str]) -> dict[str, tuple[str, int, bytes]]:
        """id -> (workstation_id, seq, content_hash) of the records held with these ids."""

    # -- small helpers -------------------------------------------------------------------------

    def _run(self, conn: Any, text: str, params: Sequence[Any] = ()) -> Any:
        return conn.execute(self._sql(text), tuple(params))

    def _one(self, conn: Any, text: str, params: Sequence[Any] = ()) -> tuple[Any, ...] | None:
        row: tuple[Any, ...] | None = self._run(conn, text, params).fetchone()
        return row

    def _all(self, conn: Any, text: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        rows: list[tuple[Any, ...]] = self._run(conn, text, params).fetchall()
        return rows

    def _many(self, conn: Any, text: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = list(rows)
        if rows:
            conn.cursor().executemany(self._sql(text), rows)

    def _workstation_from_row(self, row: Sequence[Any]) -> WorkstationInfo:
        gaps = tuple((int(a), int(b)) for a, b in json.loads(row[11] or "[]"))
        created = self._dt(row[5])
        assert created is not None
        return WorkstationInfo(
            workstation_id=row[0],
            port_code=row[1],
            lane_id=row[2],
            lane_kind=row[3],
            public_key=row[4],
            created_at=created,
            enrolled_at=self._dt(row[6]),
            revoked_at=self._dt(row[7]),
            last_seen=self._dt(row[8]),
            high_water_seq=int(row[9]),
            chain_head=row[10],
            gaps=gaps,
            records=int(row[12]),
        )

    # -- workstations and enrolment ------------------------------------------------------

    def add_workstation(
        self,
        workstation_id: str,
        port_code: str,
        lane_id: str,
        lane_kind: str,
        code_hash: bytes,
        code_expires_at: datetime,
    ) -> None:
        now = now_utc()
        with self._write() as conn:
            self._run(
                conn,
                "INSERT INTO workstations(workstation_id, port_code, lane_id, lane_kind, "
                "created_at) VALUES (?, ?, ?, ?, ?)",
                (workstation_id, port_code, lane_id, lane_kind, self._ts(now)),
            )
            self._run(
                conn,
                "INSERT INTO enrolment_codes(code_hash, workstation_id, created_at, expires_at) "
                "VALUES (?, ?, ?, ?)",
                (code_hash, workstation_id, self._ts(now), self._ts(code_expires_at)),
            )

    def enrol(
        self,
        code_hash: bytes,
        public_key: str,
        now: datetime,
        workstation_id: str | None = None,
    ) -> WorkstationInfo | None:
        with self._write() as conn:
            row = self._one(
                conn,
                "SELECT workstation_id, expires_at, used_at FROM enrolment_codes "
                "WHERE code_hash = ?",
                (code_hash,),
            )
            if row is None or row[2] is not None:
                return None
            expires = self._dt(row[1])
            if expires is None or expires <= now:
                return None
            used = self._run(
                conn,
                "UPDATE enrolment_codes SET used_at = ? WHERE code_hash = ? AND used_at IS NULL",
                (self._ts(now), code_hash),
            )
            if used.rowcount != 1:
                return None
            enrolled_id = row[0]
            if workstation_id is not None and workstation_id != row[0]:
                # WorkstationIdTaken rolls the transaction back, so the code stays unused.
                if not self._take_identity(conn, code_hash, row[0], workstation_id):
                    return None
                enrolled_id = workstation_id
            self._run(
                conn,
                "UPDATE workstations SET public_key = ?, enrolled_at = ? "
                "WHERE workstation_id = ? AND revoked_at IS NULL",
                (public_key, self._ts(now), enrolled_id),
            )
            found = self._one(
                conn,
                f"SELECT {WORKSTATION_COLUMNS} FROM workstations WHERE workstation_id = ?",
                (enrolled_id,),
            )
        if found is None:
            return None
        workstation = self._workstation_from_row(found)
        return None if workstation.revoked else workstation

    def _take_identity(self, conn: Any, code_hash: bytes, invited: str, wanted: str) -> bool:
        """Move the code's (never enrolled) workstation entry to the id the device already has.

        False when the code's entry was revoked meanwhile. The id must be new to the central,
        or belong to a revoked entry that never delivered a batch (a device enrolled for the
        wrong lane, then revoked): any other entry is another device's.
        """
        entry = self._one(
            conn,
            "SELECT port_code, lane_id, lane_kind, created_at, revoked_at FROM workstations "
            "WHERE workstation_id = ?",
            (invited,),
        )
        if entry is None or entry[4] is not None:
            return False
        # One statement, so that of two enrolments claiming the same id at once the second
        # finds the first's row here (PostgreSQL waits for it) instead of failing at commit.
        moved = self._run(
            conn,
            "INSERT INTO workstations(workstation_id, port_code, lane_id, lane_kind, "
            "created_at) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (workstation_id) DO UPDATE SET port_code = excluded.port_code, "
            "lane_id = excluded.lane_id, lane_kind = excluded.lane_kind, "
            "created_at = excluded.created_at, public_key = NULL, enrolled_at = NULL, "
            "revoked_at = NULL, held_seq_at_revocation = NULL, last_seen = NULL "
            "WHERE workstations.revoked_at IS NOT NULL AND NOT EXISTS "
            "(SELECT 1 FROM batches WHERE batches.workstation_id = workstations.workstation_id)",
            (wanted, *entry[:4]),
        )
        if moved.rowcount != 1:
            raise WorkstationIdTaken(wanted)
        self._run(
            conn,
            "UPDATE enrolment_codes SET workstation_id = ? WHERE code_hash = ?",
            (wanted, code_hash),
        )
        self._run(
            conn,
            "DELETE FROM workstations WHERE workstation_id = ? AND public_key IS NULL "
            "AND NOT EXISTS (SELECT 1 FROM enrolment_codes WHERE workstation_id = ?)",
            (invited, invited),
        )
        return True

    def workstation(self, workstation_id: str) -> WorkstationInfo | None:
        with self._read() as conn:
            row = self._one(
                conn,
                f"SELECT {WORKSTATION_COLUMNS} FROM workstations WHERE workstation_id = ?",
                (workstation_id,),
            )
            expiries = self._code_expiries(conn, workstation_id)
            marked = self._revoked_time_counts(conn, workstation_id)
        if row is None:
            return None
        found = self._workstation_from_row(row)
        return replace(
            found,
            code_expires_at=expiries.get(found.workstation_id),
            made_while_revoked=marked.get(found.workstation_id, 0),
        )

    def workstations(self) -> list[WorkstationInfo]:
        with self._read() as conn:
            rows = self._all(
                conn, f"SELECT {WORKSTATION_COLUMNS} FROM workstations ORDER BY workstation_id"
            )
            expiries = self._code_expiries(conn)
            marked = self._revoked_time_counts(conn)
        listed = [self._workstation_from_row(row) for row in rows]
        return [
            replace(
                w,
                code_expires_at=expiries.get(w.workstation_id),
                made_while_revoked=marked.get(w.workstation_id, 0),
            )
            for w in listed
        ]

    def _revoked_time_counts(self, conn: Any, workstation_id: str | None = None) -> dict[str, int]:
        """workstation id -> how many of its records are marked made while it was revoked."""
        return {
            owner: int(count)
            for owner, count in self._all(
                conn,
                "SELECT workstation_id, COUNT(*) FROM records WHERE made_while_revoked "
                "AND (CAST(? AS TEXT) IS NULL OR workstation_id = ?) GROUP BY workstation_id",
                (workstation_id, workstation_id),
            )
        }

    def _code_expiries(self, conn: Any, workstation_id: str | None = None) -> dict[str, datetime]:
        """workstation id -> when its newest unused code runs out."""
        newest: dict[str, datetime] = {}
        for owner, stored in self._all(
            conn,
            "SELECT workstation_id, expires_at FROM enrolment_codes WHERE used_at IS NULL "
            "AND (CAST(? AS TEXT) IS NULL OR workstation_id = ?)",
            (workstation_id, workstation_id),
        ):
            expires = self._dt(stored)
            if expires is not None and (owner not in newest or expires > newest[owner]):
                newest[owner] = expires
        return newest

    def seen(self, workstation_id: str, at: datetime) -> None:
        with self._write() as conn:
            self._run(
                conn,
                "UPDATE workstations SET last_seen = ? "
                "WHERE workstation_id = ? AND (last_seen IS NULL OR last_seen < ?)",
                (self._ts(at), workstation_id, self._ts(at)),
            )

    def revoke(self, workstation_id: str, now: datetime) -> bool:
        with self._write() as conn:
            # Locked first: a batch being stored now counts among what was held before.
            if self._lock_workstation(conn, workstation_id) is None:
                return False
            held = self._one(
                conn,
                "SELECT (SELECT MAX(seq) FROM records WHERE workstation_id = ?), "
                "(SELECT MAX(seq) FROM rejected_records WHERE workstation_id = ?), "
                "(SELECT MAX(seq) FROM quarantine WHERE workstation_id = ?)",
                (workstation_id,) * 3,
            )
            held_seq = max((int(seq) for seq in held or () if seq is not None), default=0)
            done = self._run(
                conn,
                "UPDATE workstations SET revoked_at = COALESCE(revoked_at, ?), "
                "held_seq_at_revocation = CASE WHEN revoked_at IS NULL THEN ? "
                "ELSE held_seq_at_revocation END WHERE workstation_id = ?",
                (self._ts(now), held_seq, workstation_id),
            )
            return bool(done.rowcount)

    def replace_code(
        self, workstation_id: str, code_hash: bytes, code_expires_at: datetime
    ) -> EntryChange:
        try:
            with self._write() as conn:
                # The codes first, as `enrol` takes them: a code being used meanwhile is
                # waited for, and its workstation then found enrolled.
                self._run(
                    conn,
                    "DELETE FROM enrolment_codes WHERE workstation_id = ? AND used_at IS NULL",
                    (workstation_id,),
                )
                self._entry_awaiting(conn, workstation_id)
                self._run(
                    conn,
                    "INSERT INTO enrolment_codes(code_hash, workstation_id, created_at, "
                    "expires_at) VALUES (?, ?, ?, ?)",
                    (code_hash, workstation_id, self._ts(now_utc()), self._ts(code_expires_at)),
                )
        except _Unchanged as unchanged:
            return unchanged.found
        return "done"

    def cancel_workstation(self, workstation_id: str) -> EntryChange:
        try:
            with self._write() as conn:
                self._run(
                    conn,
                    "DELETE FROM enrolment_codes WHERE workstation_id = ? AND used_at IS NULL",
                    (workstation_id,),
                )
                self._entry_awaiting(conn, workstation_id, revoked_too=True)
                self._run(
                    conn, "DELETE FROM enrolment_codes WHERE workstation_id = ?", (workstation_id,)
                )
                self._run(
                    conn, "DELETE FROM workstations WHERE workstation_id = ?", (workstation_id,)
                )
        except _Unchanged as unchanged:
            return unchanged.found
        return "done"

    def _entry_awaiting(self, conn: Any, workstation_id: str, *, revoked_too: bool = False) -> None:
        """Raise _Unchanged unless the entry exists and never enrolled (nor was revoked)."""
        row = self._lock_workstation(conn, workstation_id)
        if row is None:
            raise _Unchanged("unknown")
        entry = self._workstation_from_row(row)
        if entry.public_key is not None:
            raise _Unchanged("revoked" if entry.revoked and not revoked_too else "enrolled")
        if entry.revoked and not revoked_too:
            raise _Unchanged("revoked")

    def reinstate(self, workstation_id: str, reason: str, now: datetime) -> EntryChange:
        with self._write() as conn:
            row = self._lock_workstation(conn, workstation_id)
            if row is None:
                return "unknown"
            entry = self._workstation_from_row(row)
            if entry.revoked_at is None:
                return "not revoked"
            if entry.public_key is None:
                return "awaiting"
            held = self._one(
                conn,
                "SELECT held_seq_at_revocation FROM workstations WHERE workstation_id = ?",
                (workstation_id,),
            )
            self._run(
                conn,
                "INSERT INTO workstation_reinstatements(workstation_id, revoked_at, "
                "reinstated_at, reason, held_seq_at_revocation) VALUES (?, ?, ?, ?, ?)",
                (
                    workstation_id,
                    self._ts(entry.revoked_at),
                    self._ts(now),
                    reason,
                    int(held[0]) if held and held[0] is not None else 0,
                ),
            )
            self._run(
                conn,
                "UPDATE workstations SET revoked_at = NULL, held_seq_at_revocation = NULL "
                "WHERE workstation_id = ?",
                (workstation_id,),
            )
        return "done"

    def reinstatements(self) -> list[Reinstatement]:
        with self._read() as conn:
            rows = self._all(
                conn,
                "SELECT workstation_id, revoked_at, reinstated_at, reason, "
                "COALESCE(held_seq_at_revocation, 0) "
                "FROM workstation_reinstatements ORDER BY reinstated_at, workstation_id",
            )
        found = []
        for workstation_id, revoked_at, reinstated_at, reason, held_seq in rows:
            revoked, reinstated = self._dt(revoked_at), self._dt(reinstated_at)
            assert revoked is not None and reinstated is not None
            found.append(Reinstatement(workstation_id, revoked, reinstated, reason, int(held_seq)))
        return found

    def _lifted_revocations(self, conn: Any, workstation_id: str) -> list[LiftedRevocation]:
        lifted = []
        for held_seq, reinstated_at in self._all(
            conn,
            "SELECT COALESCE(held_seq_at_revocation, 0), reinstated_at "
            "FROM workstation_reinstatements WHERE workstation_id = ?",
            (workstation_id,),
        ):
            reinstated = self._dt(reinstated_at)
            assert reinstated is not None  # NOT NULL
            lifted.append(LiftedRevocation(int(held_seq), reinstated))
        return lifted

    def made_while_revoked(
        self, workstation_id: str | None, limit: int
    ) -> tuple[list[RevokedTimeRecord], int]:
        which = "made_while_revoked AND (CAST(? AS TEXT) IS NULL OR workstation_id = ?)"
        with self._read() as conn:
            rows = self._all(
                conn,
                "SELECT workstation_id, seq, CAST(id AS TEXT), kind, decision, content, "
                f"received_at, batch_id FROM records WHERE {which} "
                "ORDER BY workstation_id, seq LIMIT ?",
                (workstation_id, workstation_id, limit),
            )
            total = self._one(
                conn,
                f"SELECT COUNT(*) FROM records WHERE {which}",
                (workstation_id, workstation_id),
            )
        found = []
        for owner, seq, record_id, kind, decision, content, received_at, batch_id in rows:
            received = self._dt(received_at)
            assert received is not None  # NOT NULL
            found.append(
                RevokedTimeRecord(
                    workstation_id=owner,
                    seq=int(seq),
                    record_id=str(record_id),
                    kind=kind,
                    decision=decision,
                    recorded_at=_device_time(str(content)),
                    received_at=received,
                    batch_id=batch_id,
                )
            )
        return found, int(total[0]) if total else 0

    # -- roster and lanes ------------------------------------------------------------------

    def add_officer(self, officer: OfficerEntry) -> None:
        with self._write() as conn:
            self._run(
                conn,
                "INSERT INTO officers(code, name, role, port) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (code) DO UPDATE SET name = excluded.name, role = excluded.role, "
                "port = excluded.port",
                (officer.code, officer.name, officer.role, officer.port),
            )

    def remove_officer(self, code: str) -> bool:
        with self._write() as conn:
            removed = self._run(conn, "DELETE FROM officers WHERE code = ?", (code,))
            return bool(removed.rowcount)

    def officers(self) -> list[OfficerEntry]:
        with self._read() as conn:
            rows = self._all(conn, "SELECT code, name, role, port FROM officers ORDER BY code")
        return [OfficerEntry(*row) for row in rows]

    def add_lane(self, lane: LaneEntry) -> None:
        with self._write() as conn:
            self._run(
                conn,
                "INSERT INTO lanes(port_code, lane_id, kind) VALUES (?, ?, ?) "
                "ON CONFLICT (port_code, lane_id) DO UPDATE SET kind = excluded.kind",
                (lane.port_code, lane.lane_id, lane.kind),
            )
            # The lane's workstations are the lane: the list and later grants say its kind.
            self._run(
                conn,
                "UPDATE workstations SET lane_kind = ? WHERE port_code = ? AND lane_id = ?",
                (lane.kind, lane.port_code, lane.lane_id),
            )

    def lanes(self) -> list[LaneEntry]:
        with self._read() as conn:
            rows = self._all(
                conn, "SELECT port_code, lane_id, kind FROM lanes ORDER BY port_code, lane_id"
            )
        return [LaneEntry(*row) for row in rows]

    # -- batches ---------------------------------------------------------------------------

    def stored_receipt(self, batch_id: str, workstation_id: str | None = None) -> bytes | None:
        with self._read() as conn:
            row = self._one(
                conn,
                "SELECT receipt FROM batches WHERE batch_id = ? "
                "AND (CAST(? AS TEXT) IS NULL OR workstation_id = ?)",
                (batch_id, workstation_id, workstation_id),
            )
        return str(row[0]).encode() if row else None

    def stored_batch(self, batch_id: str) -> StoredBatch | None:
        with self._read() as conn:
            row = self._one(
                conn, "SELECT receipt, rejected FROM batches WHERE batch_id = ?", (batch_id,)
            )
        return StoredBatch(str(row[0]).encode(), int(row[1])) if row else None

    def ingest(self, batch: PreparedBatch, sign: ReceiptSigner) -> bytes:
        received_at = now_utc()
        try:
            return self._ingest(batch, sign, received_at, streamed=True)
        except StoreTheGeneralWay:
            # Undone whole; every record of the batch has been examined by now.
            return self._ingest(batch, sign, received_at, streamed=False)

    def _ingest(
        self, batch: PreparedBatch, sign: ReceiptSigner, received_at: datetime, *, streamed: bool
    ) -> bytes:
        workstation_id = batch.workstation.workstation_id
        with self._write() as conn:
            locked = self._lock_workstation(conn, workstation_id)
            if locked is None:
                raise LookupError(f"workstation {workstation_id} disappeared")
            # A statement of its own, after the lock: on PostgreSQL it then sees a batch that
            # another transaction stored while this one waited for the lock (a look-up in the
            # locking statement would still see the database as it was before the wait).
            stored = self._one(
                conn, "SELECT receipt, rejected FROM batches WHERE batch_id = ?", (batch.batch_id,)
            )
            if stored is not None and not (batch.examined_again and stored[1]):
                return str(stored[0]).encode()
            if stored is None and batch.examined_again:
                raise LookupError(f"batch {batch.batch_id} disappeared")
            workstation = self._workstation_from_row(locked)
            if workstation.revoked:
                # Revoked after the batch was checked, while it waited for the lock.
                raise WorkstationRevoked(workstation_id)
            if stored is not None:
                return self._examine_again(
                    conn, batch, workstation, str(stored[0]).encode(), sign, received_at
                )
            alerts = self._chain_alerts(conn, batch)
            inserted = self._insert_batch(
                conn, batch, workstation, alerts, received_at, streamed=streamed
            )
            refused = self._refuse_broken_links(conn, batch, inserted)
            rejected = [*batch.rejected, *refused]
            outcomes, forked = self._outcomes(conn, batch, inserted, rejected, received_at)
            self._mark_made_while_revoked(conn, batch, inserted)
            if forked:
                alerts.append(_forked(forked))
                if inserted:
                    # The batch's new records continue the forked chain: in doubt as well.
                    self._run(
                        conn,
                        "UPDATE records SET flagged = ? WHERE workstation_id = ? "
                        "AND seq BETWEEN ? AND ? AND batch_id = ?",
                        (True, workstation_id, batch.first_seq, batch.last_seq, batch.batch_id),
                    )
            self._keep_rejected(conn, batch, rejected, received_at)
            self._forget_rejections(conn, batch, inserted)
            self._many(
                conn,
                "INSERT INTO chain_alerts(workstation_id, batch_id, first_seq, last_seq, reason, "
                "detected_at) VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (
                        workstation_id,
                        batch.batch_id,
                        batch.first_seq,
                        batch.last_seq,
                        reason,
                        self._ts(received_at),
                    )
                    for reason in alerts
                ],
            )
            # Every seq of the batch is held now (accepted, duplicate, quarantined or
            # rejected), so a batch that starts at or below the high-water mark moves it to
            # its last seq at least: only what lies above that needs looking at. With no gaps
            # before it, nothing was held above the mark (that would be a gap), so nothing is.
            high_water = workstation.high_water_seq
            in_order = batch.first_seq <= high_water + 1
            if in_order:
                high_water = max(high_water, batch.last_seq)
            if in_order and not workstation.gaps:
                gaps: list[tuple[int, int]] = []
            else:
                high_water, gaps = self._progress(conn, workstation_id, high_water)
            last = batch.records[-1] if batch.records else None
            if (
                last is not None
                and last.seq == high_water
                and last.id in inserted
                and not alerts
                and batch.chain_consistent
            ):
                # The usual batch: its own last record, stored unflagged, is the head.
                chain_head: str | None = last.chain_hash.hex()
            else:
                chain_head = self._held_head(conn, workstation_id, high_water)
            signed = _receipt(batch, outcomes, high_water, gaps, chain_head, received_at, sign)
            self._run(
                conn,
                "UPDATE workstations SET high_water_seq = ?, chain_head = ?, gaps = ?, "
                "last_seen = ?, records = records + ?, chain_alerts = chain_alerts + ? "
                "WHERE workstation_id = ?",
                (
                    high_water,
                    chain_head,
                    json.dumps(gaps),
                    self._ts(received_at),
                    len(inserted),
                    len(alerts),
                    workstation_id,
                ),
            )
            counts = {status.value: 0 for status in RecordStatus}
            for outcome in outcomes:
                counts[outcome["status"]] += 1
            self._run(
                conn,
                "INSERT INTO batches(batch_id, workstation_id, first_seq, last_seq, prev_head, "
                "head, remote_address, user_agent, received_at, accepted, duplicates, conflicts, "
                "rejected, receipt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    batch.batch_id,
                    workstation_id,
                    batch.first_seq,
                    batch.last_seq,
                    batch.prev_head,
                    batch.head,
                    batch.remote_address[:200],
                    batch.user_agent[:400],
                    self._ts(received_at),
                    counts["accepted"],
                    counts["duplicate"],
                    counts["conflict"],
                    counts["rejected"],
                    signed.decode(),
                ),
            )
        return signed

    def _examine_again(
        self,
        conn: Any,
        batch: PreparedBatch,
        workstation: WorkstationInfo,
        stored: bytes,
        sign: ReceiptSigner,
        received_at: datetime,
    ) -> bytes:
        """Store, or reject again, the records of a batch stored before that its receipt
        `stored` rejects, as those of a new batch would be (`inspection_central.sent_again`);
        the receipt signed in its place.

        The batch's other records are as the receipt says. Every seq of the batch was held
        already, so the high-water mark and the gaps stay; its chain was checked when it
        first arrived, and records stored now are flagged if it raised an alert then.
        """
        seqs = sent_again.rejected_seqs(stored) & batch.examined_again
        if not seqs:
            return stored  # the same batch, sent twice at once: the other stored them
        batch = replace(batch, source=sent_again.OnlySeqs(batch.source, seqs))
        workstation_id = workstation.workstation_id
        alerted = self._one(
            conn, "SELECT 1 FROM chain_alerts WHERE batch_id = ? LIMIT 1", (batch.batch_id,)
        )
        rows = self._record_rows(
            batch,
            batch.records,
            workstation,
            flagged=alerted is not None,
            chained=batch.chain_consistent,
            at=received_at,
        )
        inserted = self._insert_records(conn, batch, rows) if rows else set()
        refused = self._refuse_broken_links(conn, batch, inserted)
        rejected = [*batch.rejected, *refused]
        outcomes, forked = self._outcomes(conn, batch, inserted, rejected, received_at)
        self._mark_made_while_revoked(conn, batch, inserted)
        alerts = [_forked(forked)] if forked else []
        if alerts:
            self._many(
                conn,
                "UPDATE records SET flagged = ? WHERE workstation_id = ? AND seq = ? AND id = ?",
                [(True, workstation_id, r.seq, r.id) for r in batch.records if r.id in inserted],
            )
            self._many(
                conn,
                "INSERT INTO chain_alerts(workstation_id, batch_id, first_seq, last_seq, "
                "reason, detected_at) VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (
                        workstation_id,
                        batch.batch_id,
                        batch.first_seq,
                        batch.last_seq,
                        alerts[0],
                        self._ts(received_at),
                    )
                ],
            )
        # Rejected again: kept with the reason found now (the adult may be held now, and
        # voided), where the same record was rejected before.
        self._keep_rejected(conn, batch, rejected, received_at, new_reason=True)
        self._forget_rejections(conn, batch, inserted)
        high_water, gaps = workstation.high_water_seq, workstation.gaps
        chain_head = workstation.chain_head
        if inserted:
            # The record stored now may be the one at the high-water mark.
            chain_head = self._held_head(conn, workstation_id, high_water)
        every = sent_again.merged(stored, outcomes)
        signed = _receipt(batch, every, high_water, gaps, chain_head, received_at, sign)
        self._run(
            conn,
            "UPDATE workstations SET chain_head = ?, last_seen = ?, records = records + ?, "
            "chain_alerts = chain_alerts + ? WHERE workstation_id = ?",
            (chain_head, self._ts(received_at), len(inserted), len(alerts), workstation_id),
        )
        counts = {status.value: 0 for status in RecordStatus}
        for outcome in every:
            counts[outcome["status"]] += 1
        # The batch's row keeps when and from where it first arrived; its receipt is new.
        self._run(
            conn,
            "UPDATE batches SET accepted = ?, duplicates = ?, conflicts = ?, rejected = ?, "
            "receipt = ? WHERE batch_id = ?",
            (
                counts["accepted"],
                counts["duplicate"],
                counts["conflict"],
                counts["rejected"],
                signed.decode(),
                batch.batch_id,
            ),
        )
        return signed

    def _insert_batch(
        self,
        conn: Any,
        batch: PreparedBatch,
        workstation: WorkstationInfo,
        alerts: list[str],
        at: datetime,
        *,
        streamed: bool = False,
    ) -> set[str]:
        """Examine the whole batch, then insert its valid records; the ids inserted.

        A batch whose records do not hash to its head adds its alert to `alerts`, and all its
        records are stored flagged. With `streamed`, an engine may instead send records to
        the database while later ones are still being examined, and raise StoreTheGeneralWay
        if the batch turns out unusual: the transaction is then undone and the batch stored
        again without `streamed`.
        """
        chained = batch.chain_consistent
        if not chained:
            alerts.insert(
                0,
                f"records {batch.first_seq}-{batch.last_seq} do not hash to the batch's chain "
                "head: edited history",
            )
        rows = self._record_rows(
            batch, batch.records, workstation, flagged=bool(alerts), chained=chained, at=at
        )
        return self._insert_records(conn, batch, rows) if rows else set()

    def _record_rows(
        self,
        batch: PreparedBatch,
        records: Sequence[IncomingRecord],
        workstation: WorkstationInfo,
        *,
        flagged: bool,
        chained: bool,
        at: datetime,
    ) -> list[RecordRow]:
        """Rows of `records`: their chain hashes only when `chained` (the batch hashes to its
        head), and `flagged` when the batch's place in the chain is in doubt."""
        return [
            (
                record.id,
                workstation.workstation_id,
                record.seq,
                workstation.port_code,
                workstation.lane_id,
                record.kind,
                record.decision,
                record.content,
                record.content_hash,
                record.chain_hash if chained else None,
                flagged,
                batch.batch_id,
                self._ts(at),
            )
            for record in records
        ]

    def _held_head(self, conn: Any, workstation_id: str, seq: int) -> str | None:
        """The chain hash of the record held at `seq`, as a workstation's head: None when it
        is not held, has none, or is flagged (in doubt)."""
        row = self._one(
            conn,
            "SELECT chain_hash, flagged FROM records WHERE workstation_id = ? AND seq = ?",
            (workstation_id, seq),
        )
        return row[0].hex() if row and row[0] and not row[1] else None

    def _keep_rejected(
        self,
        conn: Any,
        batch: PreparedBatch,
        rejected: list[RejectedRecord],
        received_at: datetime,
        *,
        new_reason: bool = False,
    ) -> None:
        """Keep the batch's rejected records with their reasons; one rejected before keeps
        its first reason, unless `new_reason` (examined again: the reason found now)."""
        on_conflict = (
            "DO UPDATE SET reason = excluded.reason "
            "WHERE rejected_records.record_id = excluded.record_id"
            if new_reason
            else "DO NOTHING"
        )
        self._many(
            conn,
            "INSERT INTO rejected_records(workstation_id, seq, record_id, content, reason, "
            "batch_id, received_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
            f"ON CONFLICT (workstation_id, seq) {on_conflict}",
            [
                (
                    batch.workstation.workstation_id,
                    r.seq,
                    r.id,
                    r.content,
                    r.reason,
                    batch.batch_id,
                    self._ts(received_at),
                )
                for r in rejected
            ],
        )

    def _refuse_broken_links(
        self, conn: Any, batch: PreparedBatch, inserted: set[str]
    ) -> list[RejectedRecord]:
        """Reject the records just stored whose accompanying adult is not a valid one as the
        records held say (`inspection_central.adult_links`): they leave `records` and
        `inserted`, and are returned to be kept as rejected records.

        Runs once the batch's records are stored, so that an adult earlier in the same batch
        is found like one held before."""
        links = [link for link in batch.adult_links if link.id in inserted]
        if not links:
            return []
        workstation_id = batch.workstation.workstation_id
        contents = {record.seq: record.content for record in batch.records}
        refused: list[RejectedRecord] = []
        for link in links:
            row = self._one(
                conn,
                "SELECT workstation_id, seq, content FROM records WHERE id = ?",
                (link.adult_id,),
            )
            held = adult_links.HeldAdult(row[0], int(row[1]), str(row[2])) if row else None
            aimed: list[str] = []
            if held is not None and held.workstation_id == workstation_id:
                aimed = [
                    str(content)
                    for (content,) in self._all(
                        conn,
                        "SELECT content FROM records WHERE workstation_id = ? AND seq > ? "
                        "AND seq < ? AND kind IN ('amendment', 'void') AND content LIKE ? "
                        "ORDER BY seq",
                        (
                            workstation_id,
                            held.seq,
                            link.seq,
                            adult_links.target_pattern(link.adult_id),
                        ),
                    )
                ]
            reason = adult_links.refusal(link, workstation_id, held, aimed)
            if reason is not None:
                refused.append(RejectedRecord(link.seq, link.id, contents[link.seq], reason))
        if refused:
            self._many(
                conn,
                "DELETE FROM records WHERE workstation_id = ? AND seq = ? AND id = ?",
                [(workstation_id, record.seq, record.id) for record in refused],
            )
            inserted.difference_update(record.id for record in refused)
        return refused

    def _mark_made_while_revoked(self, conn: Any, batch: PreparedBatch, inserted: set[str]) -> None:
        """Mark the records just stored that the workstation may have made while it was
        revoked (`inspection_central.revoked_time`). Records held already keep their mark."""
        workstation_id = batch.workstation.workstation_id
        lifted = self._lifted_revocations(conn, workstation_id) if inserted else []
        if not lifted:
            return
        self._many(
            conn,
            "UPDATE records SET made_while_revoked = ? WHERE workstation_id = ? AND seq = ? "
            "AND id = ?",
            [
                (True, workstation_id, record.seq, record.id)
                for record in batch.records
                if record.id in inserted
                and made_while_revoked(record.seq, record.recorded_at, lifted)
            ],
        )

    def _forget_rejections(self, conn: Any, batch: PreparedBatch, inserted: set[str]) -> None:
        """A record rejected once and held now (sent again by a supervisor after the central
        was upgraded, say) is no longer a rejected one."""
        workstation_id = batch.workstation.workstation_id
        if not inserted or not self._one(
            conn,
            "SELECT 1 FROM rejected_records WHERE workstation_id = ? AND seq BETWEEN ? AND ? "
            "LIMIT 1",
            (workstation_id, batch.first_seq, batch.last_seq),
        ):
            return
        self._many(
            conn,
            "DELETE FROM rejected_records WHERE workstation_id = ? AND seq = ? AND record_id = ?",
            [(workstation_id, r.seq, r.id) for r in batch.records if r.id in inserted],
        )

    def _chain_alerts(self, conn: Any, batch: PreparedBatch) -> list[str]:
        """Why this batch's audit chain does not continue what is held, if it does not (its
        own records' hashes are checked by `_insert_batch`)."""
        alerts = []
        workstation_id = batch.workstation.workstation_id
        # What is held either side of the batch, in one round trip.
        around = self._one(
            conn,
            "SELECT (SELECT chain_hash FROM records WHERE workstation_id = ? AND seq = ?), "
            "(SELECT prev_head FROM batches WHERE workstation_id = ? AND first_seq = ? LIMIT 1)",
            (workstation_id, batch.first_seq - 1, workstation_id, batch.last_seq + 1),
        )
        held_before, held_after = around if around else (None, None)
        if batch.first_seq == 1:
            before: bytes | None = GENESIS_HASH
        else:
            before = bytes(held_before) if held_before is not None else None
        if before is not None and before != batch.prev_head:
            alerts.append(
                f"the chain before seq {batch.first_seq} differs from the one held: "
                "forked or edited history (a workstation restored from an old backup?)"
            )
        if held_after is not None and bytes(held_after) != batch.head:
            alerts.append(
                f"the chain after seq {batch.last_seq} does not lead to the one held: "
                "forked or edited history"
            )
        return alerts

    def _outcomes(
        self,
        conn: Any,
        batch: PreparedBatch,
        inserted: set[str],
        rejected: list[RejectedRecord],
        received_at: datetime,
    ) -> tuple[list[dict[str, Any]], list[int]]:
        """accepted / duplicate / conflict / rejected for each record, in sequence order, as
        the receipt's JSON holds them (`RecordOutcome`), and the seqs quarantined because
        another record is held at them: the workstation's history forked there. `rejected`
        are the batch's invalid records and those refused for their accompanying adult."""
        workstation_id = batch.workstation.workstation_id
        refused = {record.seq for record in rejected}
        skipped = [
            record
            for record in batch.records
            if record.id not in inserted and record.seq not in refused
        ]
        held = self._existing_by_id(conn, [record.id for record in skipped]) if skipped else {}
        # Plain dicts, written straight into the receipt: a thousand models a batch, made and
        # serialised, were a tenth of the central's work.
        outcomes: dict[int, dict[str, Any]] = {}
        quarantine = []
        forked: list[int] = []
        inserted = set(inserted)
        for record in batch.records:
            if record.seq in refused:
                continue
            if record.id in inserted:
                outcomes[record.seq] = {
                    "id": record.id,
                    "reason": None,
                    "seq": record.seq,
                    "status": _ACCEPTED,
                }
                # A second record with the same id later in this batch is not the same one.
                inserted.discard(record.id)
                held[record.id] = (workstation_id, record.seq, record.content_hash)
                continue
            known = held.get(record.id)
            if known is not None and known == (workstation_id, record.seq, record.content_hash):
                outcomes[record.seq] = {
                    "id": record.id,
                    "reason": None,
                    "seq": record.seq,
                    "status": _DUPLICATE,
                }
                continue
            if known is not None:
                reason = (
                    f"record {record.id} is already held with different content "
                    f"(workstation {known[0]}, seq {known[1]}); quarantined"
                )
            else:
                reason = (
                    f"seq {record.seq} is already held with another record; quarantined "
                    "(forked history?)"
                )
                forked.append(record.seq)
            outcomes[record.seq] = {
                "seq": record.seq,
                "id": record.id,
                "status": RecordStatus.CONFLICT.value,
                "reason": reason,
            }
            quarantine.append(self._quarantine_row(batch, record, reason, received_at))
        for kept_aside in rejected:
            outcomes[kept_aside.seq] = {
                "seq": kept_aside.seq,
                "id": kept_aside.id,
                "status": RecordStatus.REJECTED.value,
                "reason": kept_aside.reason,
            }
        self._many(
            conn,
            "INSERT INTO quarantine(workstation_id, seq, record_id, content, content_hash, "
            "reason, batch_id, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (workstation_id, seq, content_hash) DO NOTHING",
            quarantine,
        )
        return [outcomes[seq] for seq in sorted(outcomes)], forked

    def _quarantine_row(
        self, batch: PreparedBatch, record: IncomingRecord, reason: str, received_at: datetime
    ) -> tuple[Any, ...]:
        return (
            batch.workstation.workstation_id,
            record.seq,
            record.id,
            record.content,
            record.content_hash,
            reason,
            batch.batch_id,
            self._ts(received_at),
        )

    def _progress(
        self, conn: Any, workstation_id: str, high_water: int
    ) -> tuple[int, list[tuple[int, int]]]:
        """The new high-water mark and the missing ranges above it.

        A seq counts as received when a record, a rejected record or a quarantined one is
        held for it: sending it again would not change anything.
        """
        rows = self._all(
            conn,
            "SELECT seq FROM records WHERE workstation_id = ? AND seq > ? "
            "UNION SELECT seq FROM rejected_records WHERE workstation_id = ? AND seq > ? "
            "UNION SELECT seq FROM quarantine WHERE workstation_id = ? AND seq > ? "
            "ORDER BY seq",
            (workstation_id, high_water) * 3,
        )
        gaps: list[tuple[int, int]] = []
        previous = high_water
        for (seq,) in rows:
            if seq == previous + 1 and not gaps:
                high_water = seq
            elif seq > previous + 1:
                gaps.append((previous + 1, seq - 1))
            previous = max(previous, seq)
        return high_water, gaps

    # -- reference snapshots -----------------------------------------------------------------

    def store_snapshot(self, kind: ReferenceKind, build: SnapshotBuilder) -> int:
        with self._write() as conn:
            row = self._one(
                conn,
                "INSERT INTO reference_versions(kind, version) VALUES (?, 1) "
                "ON CONFLICT (kind) DO UPDATE SET version = reference_versions.version + 1 "
                "RETURNING version",
                (kind.value,),
            )
            assert row is not None
            version = int(row[0])
            document = build(version)
            self._run(
                conn,
                "INSERT INTO reference_snapshots(kind, version, issued_at, document) "
                "VALUES (?, ?, ?, ?)",
                (kind.value, version, self._ts(now_utc()), document),
            )
            self._run(
                conn,
                "DELETE FROM reference_snapshots WHERE kind = ? AND version <= ?",
                (kind.value, version - SNAPSHOTS_KEPT),
            )
        return version

    def latest_snapshot(self, kind: ReferenceKind) -> tuple[int, bytes] | None:
        with self._read() as conn:
            row = self._one(
                conn,
                "SELECT version, document FROM reference_snapshots WHERE kind = ? "
                "ORDER BY version DESC LIMIT 1",
                (kind.value,),
            )
        return (int(row[0]), bytes(row[1])) if row else None

    def latest_version(self, kind: ReferenceKind) -> int:
        with self._read() as conn:
            row = self._one(
                conn,
                "SELECT MAX(version) FROM reference_snapshots WHERE kind = ?",
                (kind.value,),
            )
        return int(row[0]) if row and row[0] is not None else 0

    # -- withdrawn release slips -------------------------------------------------------------

    def withdrawing_records(self, received_since: datetime) -> list[WithdrawingRecord]:
        with self._read() as conn:
            rows = self._all(
                conn,
                "SELECT CAST(id AS TEXT), workstation_id, seq, port_code, content FROM records "
                "WHERE kind IN ('void', 'amendment') AND received_at >= ? "
                "ORDER BY workstation_id, seq",
                (self._ts(received_since),),
            )
        return [WithdrawingRecord(str(r[0]), r[1], int(r[2]), r[3], str(r[4])) for r in rows]

    def clearances(self, record_ids: Sequence[str]) -> dict[str, HeldClearance]:
        found: dict[str, HeldClearance] = {}
        with self._read() as conn:
            for part in chunks(record_ids, 500):
                marks = ", ".join("?" * len(part))
                for row in self._all(
                    conn,
                    "SELECT CAST(id AS TEXT), workstation_id, seq, kind, decision FROM records "
                    f"WHERE id IN ({marks})",
                    part,
                ):
                    found[str(row[0])] = HeldClearance(row[1], int(row[2]), row[3], row[4])
        return found

    def amended_to(
        self, target_id: str, decision: str, workstation_id: str, after_seq: int, before_seq: int
    ) -> bool:
        # Records are canonical JSON, so the target's id appears exactly as written here.
        with self._read() as conn:
            row = self._one(
                conn,
                "SELECT 1 FROM records WHERE workstation_id = ? AND seq > ? AND seq < ? "
                "AND kind = 'amendment' AND decision = ? AND content LIKE ? LIMIT 1",
                (workstation_id, after_seq, before_seq, decision, f'%"target_id":"{target_id}"%'),
            )
        return row is not None

    # -- investigation: chain alerts and the records kept aside ----------------------------

    def chain_alerts(self, *, include_resolved: bool = False) -> list[ChainAlert]:
        which = "" if include_resolved else " WHERE resolved_at IS NULL"
        with self._read() as conn:
            rows = self._all(
                conn, f"SELECT {_ALERT_COLUMNS} FROM chain_alerts{which} ORDER BY alert_id"
            )
        return [self._alert_from_row(row) for row in rows]

    def resolve_chain_alert(
        self, alert_id: int, *, by: str, resolution: str, at: datetime
    ) -> tuple[ChainAlert, bool] | None:
        with self._write() as conn:
            changed = self._run(
                conn,
                "UPDATE chain_alerts SET resolved_at = ?, resolved_by = ?, resolution = ? "
                "WHERE alert_id = ? AND resolved_at IS NULL",
                (self._ts(at), by, resolution, alert_id),
            ).rowcount
            row = self._one(
                conn, f"SELECT {_ALERT_COLUMNS} FROM chain_alerts WHERE alert_id = ?", (alert_id,)
            )
        return (self._alert_from_row(row), changed == 1) if row else None

    def held_back(self, workstation_id: str | None, limit: int) -> tuple[list[HeldBackRecord], int]:
        which, params = (
            ("", ()) if workstation_id is None else (" WHERE workstation_id = ?", (workstation_id,))
        )
        both = (
            f"SELECT 'quarantined', {_HELD_BACK_COLUMNS} FROM quarantine{which} "
            f"UNION ALL SELECT 'rejected', {_HELD_BACK_COLUMNS} FROM rejected_records{which}"
        )
        with self._read() as conn:
            rows = self._all(
                conn,
                f"SELECT * FROM ({both}) AS held ORDER BY 2, 3, 7 LIMIT ?",
                (*params, *params, limit),
            )
            total = self._one(conn, f"SELECT COUNT(*) FROM ({both}) AS held", (*params, *params))
        held = []
        for row in rows:
            received = self._dt(row[6])
            assert received is not None  # NOT NULL
            held.append(
                HeldBackRecord(
                    state=row[0],
                    workstation_id=row[1],
                    seq=int(row[2]),
                    record_id=row[3],
                    reason=row[4],
                    batch_id=row[5],
                    received_at=received,
                    content=row[7],
                )
            )
        return held, int(total[0]) if total else 0

    def held_records(self, workstation_id: str, after: int, limit: int) -> list[HeldRecordRow]:
        params = (workstation_id, after, after + limit)
        with self._read() as conn:
            rows = self._all(
                conn,
                "SELECT seq, CAST(id AS TEXT), content, chain_hash, NULL, 0 FROM records "
                "WHERE workstation_id = ? AND seq > ? AND seq <= ? "
                "UNION ALL SELECT seq, record_id, content, NULL, reason, 1 FROM rejected_records "
                "WHERE workstation_id = ? AND seq > ? AND seq <= ? ORDER BY 1, 6",
                params * 2,
            )
        held: list[HeldRecordRow] = []
        for seq, record_id, content, chain, reason, _ in rows:
            if seq == after + len(held):
                continue  # a seq stored since it was rejected: the stored record is the one
            if seq != after + len(held) + 1:
                break
            held.append(
                HeldRecordRow(
                    int(seq),
                    str(record_id),
                    str(content),
                    bytes(chain) if chain is not None else None,
                    None if reason is None else str(reason),
                )
            )
        return held

    def _alert_from_row(self, row: Sequence[Any]) -> ChainAlert:
        detected = self._dt(row[6])
        assert detected is not None  # NOT NULL
        return ChainAlert(
            alert_id=int(row[0]),
            workstation_id=row[1],
            batch_id=row[2],
            first_seq=int(row[3]),
            last_seq=int(row[4]),
            reason=row[5],
            detected_at=detected,
            resolved_at=self._dt(row[7]),
            resolved_by=row[8],
            resolution=row[9],
        )

    # -- figures ---------------------------------------------------------------------------

    def stats(self) -> dict[str, Any]:
        with self._read() as conn:
            total = self._one(conn, "SELECT COUNT(*) FROM records")
            by_port = self._all(
                conn, "SELECT port_code, COUNT(*) FROM records GROUP BY port_code ORDER BY 1"
            )
            by_lane = self._all(
                conn,
                "SELECT port_code, lane_id, COUNT(*) FROM records GROUP BY port_code, lane_id "
                "ORDER BY 1, 2",
            )
            by_kind = self._all(conn, "SELECT kind, COUNT(*) FROM records GROUP BY kind ORDER BY 1")
            by_decision = self._all(
                conn,
                "SELECT COALESCE(decision, 'none'), COUNT(*) FROM records "
                "GROUP BY COALESCE(decision, 'none') ORDER BY 1",
            )
            quarantined = dict(
                self._all(conn, "SELECT workstation_id, COUNT(*) FROM quarantine GROUP BY 1")
            )
            rejected = dict(
                self._all(conn, "SELECT workstation_id, COUNT(*) FROM rejected_records GROUP BY 1")
            )
            alerts = [
                self._alert_from_row(row)
                for row in self._all(
                    conn,
                    f"SELECT {_ALERT_COLUMNS} FROM chain_alerts WHERE resolved_at IS NULL "
                    "ORDER BY alert_id",
                )
            ]
            resolved = self._one(
                conn, "SELECT COUNT(*) FROM chain_alerts WHERE resolved_at IS NOT NULL"
            )
            workstations = self._all(
                conn, f"SELECT {WORKSTATION_COLUMNS} FROM workstations ORDER BY workstation_id"
            )
            expiries = self._code_expiries(conn)
            marked = self._revoked_time_counts(conn)
        return {
            "records_total": int(total[0]) if total else 0,
            "by_port": {port: int(n) for port, n in by_port},
            "by_lane": {f"{port}/{lane}": int(n) for port, lane, n in by_lane},
            "by_kind": {kind: int(n) for kind, n in by_kind},
            "by_decision": {decision: int(n) for decision, n in by_decision},
            "quarantined_total": sum(int(n) for n in quarantined.values()),
            "rejected_total": sum(int(n) for n in rejected.values()),
            "chain_alerts": [alert_figures(alert) for alert in alerts],
            "chain_alerts_resolved": int(resolved[0]) if resolved else 0,
            "made_while_revoked_total": sum(marked.values()),
            "workstations": [
                _workstation_figures(
                    replace(
                        self._workstation_from_row(row),
                        code_expires_at=expiries.get(row[0]),
                        made_while_revoked=marked.get(row[0], 0),
                    ),
                    quarantined=int(quarantined.get(row[0], 0)),
                    rejected=int(rejected.get(row[0], 0)),
                    alerts=sum(1 for a in alerts if a.workstation_id == row[0]),
                )
                for row in workstations
            ],
        }


def _forked(seqs: list[int]) -> str:
    """The chain alert of a batch whose seqs are held with other records."""
    return (
        f"seq {seqs[0]}-{seqs[-1]} already held with other records: the workstation's history "
        "forked (a workstation restored from an old backup?)"
    )


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def alert_figures(alert: ChainAlert) -> dict[str, Any]:
    """A chain alert as `stats --json` and `chain-alerts list --json` print it."""
    return {
        "alert_id": alert.alert_id,
        "workstation_id": alert.workstation_id,
        "batch_id": alert.batch_id,
        "first_seq": alert.first_seq,
        "last_seq": alert.last_seq,
        "reason": alert.reason,
        "detected_at": _iso(alert.detected_at),
        "resolved_at": _iso(alert.resolved_at),
        "resolved_by": alert.resolved_by,
        "resolution": alert.resolution,
    }


def _workstation_figures(
    workstation: WorkstationInfo, *, quarantined: int, rejected: int, alerts: int
) -> dict[str, Any]:
    return {
        "workstation_id": workstation.workstation_id,
        "port_code": workstation.port_code,
        "lane_id": workstation.lane_id,
        "state": workstation.state,
        "last_seen": _iso(workstation.last_seen),
        "high_water_seq": workstation.high_water_seq,
        "chain_head": workstation.chain_head,
        "gaps": [list(gap) for gap in workstation.gaps],
        "records": workstation.records,
        "made_while_revoked": workstation.made_while_revoked,
        "quarantined": quarantined,
        "rejected": rejected,
        "chain_alerts": alerts,
    }


def _device_time(content: str) -> datetime | None:
    """The device time a stored record carries (`recorded_at`)."""
    try:
        stamped = json.loads(content).get("recorded_at")
        return datetime.fromisoformat(stamped) if isinstance(stamped, str) else None
    except (ValueError, AttributeError):
        return None


def chunks(values: Sequence[str], size: int) -> Iterator[Sequence[str]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _receipt(
    batch: PreparedBatch,
    outcomes: Any,
    high_water: int,
    gaps: Any,
    chain_head: str | None,
    received_at: datetime,
    sign: ReceiptSigner,
) -> bytes:
    """The batch's signed receipt, as canonical JSON: what became of each of its records and
    where the workstation's history stands."""
    return signed_receipt_json(
        {
            "batch_id": batch.batch_id,
            "chain_head": chain_head,
            "first_seq": batch.first_seq,
            "gaps": [list(gap) for gap in gaps],
            "high_water_seq": high_water,
            "last_seq": batch.last_seq,
            "outcomes": outcomes,
            "protocol": batch.protocol,
            "received_at": wire_time(received_at),
            "workstation_id": batch.workstation.workstation_id,
        },
        sign,
    )
