"""Workstation entries in the central's tables: enrolment codes, enrolment, revocation and
reinstatement, and the records a workstation may have made while it was revoked.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime
from typing import Any

from inspection_central.storage import (
    CodeForAnotherLane,
    EntryChange,
    Reinstatement,
    RevokedTimeRecord,
    WorkstationIdTaken,
    WorkstationInfo,
)
from inspection_central.storage.dialect import WORKSTATION_COLUMNS, SqlDialect, now_utc


class _Unchanged(Exception):
    """Undoes a change to a workstation entry that turned out not to apply to it."""

    def __init__(self, found: EntryChange) -> None:
        super().__init__(found)
        self.found = found


class WorkstationEntries(SqlDialect):
    """Workstation entries and their enrolment."""

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
        lane: tuple[str, str] | None = None,
    ) -> WorkstationInfo | None:
        with self._write() as conn:
            row = self._one(
                conn,
                "SELECT c.workstation_id, c.expires_at, c.used_at, w.port_code, w.lane_id "
                "FROM enrolment_codes c JOIN workstations w USING (workstation_id) "
                "WHERE c.code_hash = ?",
                (code_hash,),
            )
            if row is None or row[2] is not None:
                return None
            expires = self._dt(row[1])
            if expires is None or expires <= now:
                return None
            if lane is not None and (row[3], row[4]) != lane:
                # Checked before the code is spent: the workstation would refuse the grant,
                # and the code stays good for a workstation of its own lane.
                raise CodeForAnotherLane(row[3], row[4])
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
            found = self._entries(conn, workstation_id)
        return found[0] if found else None

    def workstations(self) -> list[WorkstationInfo]:
        with self._read() as conn:
            return self._entries(conn)

    def _entries(self, conn: Any, workstation_id: str | None = None) -> list[WorkstationInfo]:
        """Every workstation by id (or the one with `workstation_id`), each with when its
        newest unused code runs out and how many of its records are marked made while it was
        revoked."""
        if workstation_id is None:
            rows = self._all(
                conn, f"SELECT {WORKSTATION_COLUMNS} FROM workstations ORDER BY workstation_id"
            )
        else:
            rows = self._all(
                conn,
                f"SELECT {WORKSTATION_COLUMNS} FROM workstations WHERE workstation_id = ?",
                (workstation_id,),
            )
        expiries = self._code_expiries(conn, workstation_id)
        marked = self._revoked_time_counts(conn, workstation_id)
        return [
            replace(
                self._workstation_from_row(row),
                code_expires_at=expiries.get(row[0]),
                made_while_revoked=marked.get(row[0], 0),
            )
            for row in rows
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


def _device_time(content: str) -> datetime | None:
    """The device time a stored record carries (`recorded_at`)."""
    try:
        stamped = json.loads(content).get("recorded_at")
        return datetime.fromisoformat(stamped) if isinstance(stamped, str) else None
    except (ValueError, AttributeError):
        return None
