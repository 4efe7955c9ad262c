"""The embedded engine: one SQLite file, one connection shared under a lock.

Good for a single central server with modest traffic and for trying the service out; the
API serialises writes through the lock, and WAL lets readers carry on.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from inspection_central.errors import CentralError, StorageUnavailable
from inspection_central.storage import PreparedBatch
from inspection_central.storage.dialect import (
    RECORD_COLUMNS,
    WORKSTATION_COLUMNS,
    RecordRow,
    chunks,
)
from inspection_central.storage.schema_steps import pending_steps
from inspection_central.storage.sql import SqlStorage

BUSY_TIMEOUT_S = 10.0


def _held_before(workstation: str, moment: str) -> str:
    """SQL: the highest seq held for `workstation` that the central received before `moment`,
    0 for none (timestamps are stored in one ISO form, in UTC, so they compare as text)."""
    held = ", ".join(
        f"COALESCE((SELECT MAX(seq) FROM {table} WHERE {table}.workstation_id = {workstation} "
        f"AND {table}.received_at < {moment}), 0)"
        for table in ("records", "rejected_records", "quarantine")
    )
    return f"max({held})"


# Versioned migrations: (name, statements). Never edit one that has shipped; append.
MIGRATIONS: list[tuple[str, tuple[str, ...]]] = [
    (
        "central_001_initial",
        (
            """CREATE TABLE workstations (
                workstation_id TEXT PRIMARY KEY,
                port_code TEXT NOT NULL,
                lane_id TEXT NOT NULL,
                lane_kind TEXT NOT NULL,
                public_key TEXT,
                created_at TEXT NOT NULL,
                enrolled_at TEXT,
                revoked_at TEXT,
                last_seen TEXT,
                high_water_seq INTEGER NOT NULL DEFAULT 0,
                chain_head TEXT,
                gaps TEXT NOT NULL DEFAULT '[]',
                records INTEGER NOT NULL DEFAULT 0,
                chain_alerts INTEGER NOT NULL DEFAULT 0
            )""",
            """CREATE TABLE enrolment_codes (
                code_hash BLOB PRIMARY KEY,
                workstation_id TEXT NOT NULL REFERENCES workstations(workstation_id),
                created_at TEXT NOT NULL,
                expires_at TEXT NOT NULL,
                used_at TEXT
            )""",
            """CREATE TABLE records (
                id TEXT PRIMARY KEY,
                workstation_id TEXT NOT NULL,
                seq INTEGER NOT NULL,
                port_code TEXT NOT NULL,
                lane_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                decision TEXT,
                content TEXT NOT NULL,
                content_hash BLOB NOT NULL,
                chain_hash BLOB,
                flagged INTEGER NOT NULL DEFAULT 0,
                batch_id TEXT NOT NULL,
                received_at TEXT NOT NULL,
                UNIQUE (workstation_id, seq)
            )""",
            """CREATE TABLE quarantine (
                workstation_id TEXT NOT NULL,
                seq INTEGER NOT NULL,
                record_id TEXT NOT NULL,
                content TEXT NOT NULL,
                content_hash BLOB NOT NULL,
                reason TEXT NOT NULL,
                batch_id TEXT NOT NULL,
                received_at TEXT NOT NULL,
                UNIQUE (workstation_id, seq, content_hash)
            )""",
            """CREATE TABLE rejected_records (
                workstation_id TEXT NOT NULL,
                seq INTEGER NOT NULL,
                record_id TEXT NOT NULL,
                content TEXT NOT NULL,
                reason TEXT NOT NULL,
                batch_id TEXT NOT NULL,
                received_at TEXT NOT NULL,
                PRIMARY KEY (workstation_id, seq)
            )""",
            """CREATE TABLE chain_alerts (
                workstation_id TEXT NOT NULL,
                batch_id TEXT NOT NULL,
                first_seq INTEGER NOT NULL,
                last_seq INTEGER NOT NULL,
                reason TEXT NOT NULL,
                detected_at TEXT NOT NULL
            )""",
            """CREATE TABLE batches (
                batch_id TEXT PRIMARY KEY,
                workstation_id TEXT NOT NULL,
                first_seq INTEGER NOT NULL,
                last_seq INTEGER NOT NULL,
                prev_head BLOB NOT NULL,
                head BLOB NOT NULL,
                remote_address TEXT NOT NULL,
                user_agent TEXT NOT NULL,
                received_at TEXT NOT NULL,
                accepted INTEGER NOT NULL,
                duplicates INTEGER NOT NULL,
                conflicts INTEGER NOT NULL,
                rejected INTEGER NOT NULL,
                receipt TEXT NOT NULL
            )""",
            "CREATE INDEX batches_by_first_seq ON batches(workstation_id, first_seq)",
            """CREATE TABLE officers (
                code TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                role TEXT NOT NULL,
                port TEXT
            )""",
            """CREATE TABLE lanes (
                port_code TEXT NOT NULL,
                lane_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                PRIMARY KEY (port_code, lane_id)
            )""",
            """CREATE TABLE reference_versions (
                kind TEXT PRIMARY KEY,
                version INTEGER NOT NULL
            )""",
            """CREATE TABLE reference_snapshots (
                kind TEXT NOT NULL,
                version INTEGER NOT NULL,
                issued_at TEXT NOT NULL,
                document BLOB NOT NULL,
                PRIMARY KEY (kind, version)
            )""",
        ),
    ),
    (
        # Chain alerts get a stable number (a rowid alone may change on VACUUM) and a
        # resolution: who closed the alert, when, and what the investigation found.
        "central_002_chain_alert_resolution",
        (
            """CREATE TABLE chain_alerts_numbered (
                alert_id INTEGER PRIMARY KEY,
                workstation_id TEXT NOT NULL,
                batch_id TEXT NOT NULL,
                first_seq INTEGER NOT NULL,
                last_seq INTEGER NOT NULL,
                reason TEXT NOT NULL,
                detected_at TEXT NOT NULL,
                resolved_at TEXT,
                resolved_by TEXT,
                resolution TEXT
            )""",
            """INSERT INTO chain_alerts_numbered(workstation_id, batch_id, first_seq, last_seq,
                reason, detected_at)
            SELECT workstation_id, batch_id, first_seq, last_seq, reason, detected_at
            FROM chain_alerts ORDER BY rowid""",
            "DROP TABLE chain_alerts",
            "ALTER TABLE chain_alerts_numbered RENAME TO chain_alerts",
        ),
    ),
    (
        # Voids and amendments by the time they arrived: the release slips they withdraw are
        # published to the gates (`inspection_central.withdrawals`) without reading every record.
        "central_003_withdrawals",
        (
            "CREATE INDEX records_withdrawals ON records(received_at) "
            "WHERE kind IN ('void', 'amendment')",
        ),
    ),
    (
        # A revocation IT lifts is kept: when the workstation had been revoked, and why it
        # may send again (`workstation reinstate`).
        "central_004_reinstatements",
        (
            """CREATE TABLE workstation_reinstatements (
                workstation_id TEXT NOT NULL REFERENCES workstations(workstation_id),
                revoked_at TEXT NOT NULL,
                reinstated_at TEXT NOT NULL,
                reason TEXT NOT NULL
            )""",
        ),
    ),
    (
        # Records a workstation may have made while it was revoked are marked
        # (`inspection_central.revoked_time`): a revocation keeps the highest seq the central
        # held then. For revocations made before, it is worked out from when the central
        # received what it held, and records already stored are marked by the same rule.
        "central_005_made_while_revoked",
        (
            "ALTER TABLE workstations ADD COLUMN held_seq_at_revocation INTEGER",
            "ALTER TABLE workstation_reinstatements ADD COLUMN held_seq_at_revocation INTEGER",
            "ALTER TABLE records ADD COLUMN made_while_revoked INTEGER NOT NULL DEFAULT 0",
            "UPDATE workstations SET held_seq_at_revocation = "
            + _held_before("workstations.workstation_id", "workstations.revoked_at")
            + " WHERE revoked_at IS NOT NULL",
            "UPDATE workstation_reinstatements SET held_seq_at_revocation = "
            + _held_before(
                "workstation_reinstatements.workstation_id", "workstation_reinstatements.revoked_at"
            ),
            """UPDATE records SET made_while_revoked = 1 WHERE EXISTS (
                SELECT 1 FROM workstation_reinstatements AS lifted
                WHERE lifted.workstation_id = records.workstation_id
                AND records.seq > lifted.held_seq_at_revocation
                AND julianday(json_extract(records.content, '$.recorded_at'))
                    < julianday(lifted.reinstated_at))""",
            "CREATE INDEX records_made_while_revoked ON records(workstation_id, seq) "
            "WHERE made_while_revoked",
        ),
    ),
    (
        # The central's public key, stored the first time a key signs for this database:
        # every server of it must sign with that key, the one its workstations pin.
        "central_006_central_key",
        (
            """CREATE TABLE central_key (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                public_key TEXT NOT NULL,
                fingerprint TEXT NOT NULL,
                first_used_at TEXT NOT NULL
            )""",
        ),
    ),
]


class SqliteStorage(SqlStorage):
    def __init__(self, path: Path, conn: sqlite3.Connection, key_path: Path) -> None:
        super().__init__(key_path, str(path))
        self.path = path
        self._conn = conn
        self._lock = threading.RLock()

    @classmethod
    def open(cls, path: Path, key_path: Path, *, upgrade: bool = True) -> SqliteStorage:
        if path.exists() and not path.is_file():
            raise CentralError(f"{path} is not a file; the central database cannot be kept there.")
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            conn = sqlite3.connect(
                path, isolation_level=None, timeout=BUSY_TIMEOUT_S, check_same_thread=False
            )
        except (OSError, sqlite3.Error) as error:
            raise _unavailable(path, error) from error
        try:
            # Before anything is changed: the migrations would fill another program's
            # database with the central's tables, or fail half-way on a table it has too.
            _refuse_if_not_a_central(path, conn)
            # Records hold personal data: only the service's account may read the file.
            path.chmod(0o600)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("PRAGMA foreign_keys=ON")
        except StorageUnavailable:
            conn.close()
            raise
        except (OSError, sqlite3.Error) as error:
            conn.close()
            raise _unavailable(path, error) from error
        storage = cls(path, conn, key_path)
        try:
            storage._migrate(upgrade=upgrade)
        except StorageUnavailable:
            conn.close()
            raise
        except sqlite3.DatabaseError as error:
            conn.close()
            raise StorageUnavailable(
                f"The central database {path} cannot be used: {error}. "
                "Is it a central database, and is the disk healthy?"
            ) from error
        return storage

    def _migrate(self, *, upgrade: bool) -> None:
        if self._up_to_date(upgrade=upgrade):
            return  # no write lock: a command that only reads is not kept waiting by a writer
        with self._write() as conn:
            conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations "
                "(name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
            )
            done = {row[0] for row in conn.execute("SELECT name FROM schema_migrations")}
            pending = pending_steps(
                str(self.path), done, [name for name, _ in MIGRATIONS], upgrade=upgrade
            )
            for name, statements in MIGRATIONS:
                if name not in pending:
                    continue
                for statement in statements:
                    conn.execute(statement)
                conn.execute(
                    "INSERT INTO schema_migrations(name, applied_at) VALUES (?, ?)",
                    (name, datetime.now(UTC).isoformat()),
                )

    def _up_to_date(self, *, upgrade: bool) -> bool:
        """Whether every step is applied, read without the write lock (`pending_steps` refuses
        a database a newer version upgraded, or, without `upgrade`, one not upgraded yet)."""
        try:
            done = {row[0] for row in self._conn.execute("SELECT name FROM schema_migrations")}
        except sqlite3.OperationalError:
            return False  # a new database: made under the write lock
        names = [name for name, _ in MIGRATIONS]
        return not pending_steps(str(self.path), done, names, upgrade=upgrade)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as error:
                raise _unavailable(self.path, error) from error
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            try:
                self._conn.execute("COMMIT")
            except sqlite3.OperationalError as error:
                # SQLite may have rolled back already (a full disk): nothing left to undo.
                with suppress(sqlite3.Error):
                    self._conn.execute("ROLLBACK")
                raise _unavailable(self.path, error) from error

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            yield self._conn

    def _sql(self, text: str) -> str:
        return text

    def _ts(self, value: datetime | None) -> Any:
        return value.astimezone(UTC).isoformat() if value is not None else None

    def _dt(self, value: Any) -> datetime | None:
        return datetime.fromisoformat(value) if value else None

    def _lock_workstation(self, conn: Any, workstation_id: str) -> tuple[Any, ...] | None:
        # BEGIN IMMEDIATE already holds the database's write lock.
        return self._one(
            conn,
            f"SELECT {WORKSTATION_COLUMNS} FROM workstations WHERE workstation_id = ?",
            (workstation_id,),
        )

    def _existing_by_id(self, conn: Any, ids: Sequence[str]) -> dict[str, tuple[str, int, bytes]]:
        found: dict[str, tuple[str, int, bytes]] = {}
        for part in chunks(ids, 500):
            marks = ", ".join("?" * len(part))
            for row in conn.execute(
                f"SELECT id, workstation_id, seq, content_hash FROM records WHERE id IN ({marks})",
                tuple(part),
            ):
                found[row[0]] = (row[1], int(row[2]), bytes(row[3]))
        return found

    def _insert_records(self, conn: Any, batch: PreparedBatch, rows: list[RecordRow]) -> set[str]:
        held_ids = self._existing_by_id(conn, [row[0] for row in rows])
        held_seqs = {
            seq
            for (seq,) in conn.execute(
                "SELECT seq FROM records WHERE workstation_id = ? AND seq BETWEEN ? AND ?",
                (batch.workstation.workstation_id, batch.first_seq, batch.last_seq),
            )
        }
        new: list[RecordRow] = []
        taken: set[str] = set()
        for row in rows:
            if row[0] in held_ids or row[0] in taken or row[2] in held_seqs:
                continue
            taken.add(row[0])
            new.append(row)
        marks = ", ".join("?" * len(RECORD_COLUMNS))
        conn.executemany(
            f"INSERT OR IGNORE INTO records ({', '.join(RECORD_COLUMNS)}) VALUES ({marks})", new
        )
        return taken


# Tables only a lane client's database (inspection-client's lane.db) has.
LANE_TABLES = frozenset({"audit_chain", "outbox", "workstation"})


def _refuse_if_not_a_central(path: Path, conn: sqlite3.Connection) -> None:
    """Refuse a SQLite database that holds tables but is no central's (a lane's, most
    likely: both are SQLite files), reading it only.

    Raises:
        StorageUnavailable: it is not a central database; nothing was changed.
    """
    tables = {
        name
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if not name.startswith("sqlite_")
    }
    if not tables:
        return  # a new database: the migrations make it a central
    if "schema_migrations" in tables and "name" in {
        column[1] for column in conn.execute("PRAGMA table_info(schema_migrations)")
    }:
        steps = {name for (name,) in conn.execute("SELECT name FROM schema_migrations")}
        if MIGRATIONS[0][0] in steps or tables == {"schema_migrations"}:
            return  # a central's (pending_steps says whether this version may use it)
    if LANE_TABLES.issubset(tables):
        raise StorageUnavailable(
            f"{path} is not a central database: it looks like a lane client's (the "
            "inspection-client lane.db). Give --database the central's file (central.db); "
            "nothing was changed."
        )
    raise StorageUnavailable(
        f"{path} is not a central database: it holds another program's tables "
        f"({', '.join(sorted(tables)[:5])}). Give --database the central's file "
        "(central.db); nothing was changed."
    )


def _unavailable(path: Path, error: OSError | sqlite3.Error) -> StorageUnavailable:
    """What the central's SQLite file `path` cannot do now, named, with what to do."""
    text = str(error)
    if "locked" in text or "busy" in text:
        return StorageUnavailable(
            f"The central database {path} is busy: another program is writing to it "
            f"({text}). Wait a moment and try again; if it persists, stop the other program "
            "using the file (another `inspection-central`?)."
        )
    if "full" in text:
        return StorageUnavailable(
            f"The disk holding the central database {path} is full ({text}). Free some "
            "space, then try again; nothing the central acknowledged was lost."
        )
    if "readonly" in text or "read-only" in text:
        return StorageUnavailable(
            f"The central database {path} is read-only ({text}). Give the account that "
            "runs the central write permission on the file and its folder."
        )
    if isinstance(error, sqlite3.DatabaseError) and (
        "not a database" in text or "malformed" in text
    ):
        return StorageUnavailable(
            f"The central database {path} is damaged ({text}). It was left as it is: keep "
            "a copy, restore the central's latest backup, or give the right --database."
        )
    return StorageUnavailable(f"Cannot use the central database {path}: {text}")
