"""The deployment engine: PostgreSQL through psycopg 3, with a small connection pool.

Several API servers can share one database: ingestion locks the workstation's row, so two
batches of the same workstation are stored one after the other, and batches of different
workstations in parallel. A batch's records are copied into `records` as they pass validation
(`_insert_batch`); a batch that repeats records already held, or whose records do not hash to
its head, is undone and stored again through a temporary staging table and one
`INSERT ... SELECT ... ON CONFLICT DO NOTHING`.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import psycopg
from psycopg import errors as pg_errors
from psycopg.conninfo import conninfo_to_dict

from inspection_central.errors import CentralError, StorageUnavailable
from inspection_central.storage import IncomingRecord, PreparedBatch, WorkstationInfo
from inspection_central.storage.batches import StoreTheGeneralWay
from inspection_central.storage.dialect import RECORD_COLUMNS, WORKSTATION_COLUMNS, RecordRow
from inspection_central.storage.schema_steps import (
    SchemaNotUpgraded,
    SchemaTooNew,
    pending_steps,
)
from inspection_central.storage.sql import SqlStorage

POOL_SIZE = 8
CONNECT_TIMEOUT_S = 10
# Any constant will do: it serialises migrations of servers starting at the same time.
MIGRATION_LOCK = 8470_0001

# Transient faults: the client is told to try again later (5xx), never that its data is bad.
TRANSIENT = (
    psycopg.OperationalError,
    pg_errors.SerializationFailure,
    pg_errors.DeadlockDetected,
)

_COLUMNS = ", ".join(RECORD_COLUMNS)  # as COPY and INSERT name them
# The streamed COPY of a usual batch: what changes from record to record first, then what is
# the same for the whole batch (written once, see `_copy_lines`).
_STREAMED_COLUMNS = (
    "id, seq, kind, decision, content, content_hash, chain_hash, "
    "workstation_id, port_code, lane_id, flagged, batch_id, received_at"
)
# COPY's text format: a backslash starts an escape, tab and newline end a field and a row.
_BACKSLASH, _TWO_BACKSLASHES, _NULL = "\\", "\\\\", "\\N"
_COPY_ESCAPES = ((_BACKSLASH, _TWO_BACKSLASHES), ("\t", "\\t"), ("\n", "\\n"), ("\r", "\\r"))


def _held_before(workstation: str, moment: str) -> str:
    """SQL: the highest seq held for `workstation` that the central received before `moment`,
    0 for none."""
    held = ", ".join(
        f"(SELECT MAX(seq) FROM {table} WHERE {table}.workstation_id = {workstation} "
        f"AND {table}.received_at < {moment})"
        for table in ("records", "rejected_records", "quarantine")
    )
    return f"GREATEST({held}, 0)"


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
                created_at TIMESTAMPTZ NOT NULL,
                enrolled_at TIMESTAMPTZ,
                revoked_at TIMESTAMPTZ,
                last_seen TIMESTAMPTZ,
                high_water_seq BIGINT NOT NULL DEFAULT 0,
                chain_head TEXT,
                gaps TEXT NOT NULL DEFAULT '[]',
                records BIGINT NOT NULL DEFAULT 0,
                chain_alerts INTEGER NOT NULL DEFAULT 0
            )""",
            """CREATE TABLE enrolment_codes (
                code_hash BYTEA PRIMARY KEY,
                workstation_id TEXT NOT NULL REFERENCES workstations(workstation_id),
                created_at TIMESTAMPTZ NOT NULL,
                expires_at TIMESTAMPTZ NOT NULL,
                used_at TIMESTAMPTZ
            )""",
            """CREATE TABLE records (
                id UUID PRIMARY KEY,
                workstation_id TEXT NOT NULL,
                seq BIGINT NOT NULL,
                port_code TEXT NOT NULL,
                lane_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                decision TEXT,
                content TEXT NOT NULL,
                content_hash BYTEA NOT NULL,
                chain_hash BYTEA,
                flagged BOOLEAN NOT NULL DEFAULT FALSE,
                batch_id TEXT NOT NULL,
                received_at TIMESTAMPTZ NOT NULL,
                UNIQUE (workstation_id, seq)
            )""",
            """CREATE TABLE quarantine (
                workstation_id TEXT NOT NULL,
                seq BIGINT NOT NULL,
                record_id TEXT NOT NULL,
                content TEXT NOT NULL,
                content_hash BYTEA NOT NULL,
                reason TEXT NOT NULL,
                batch_id TEXT NOT NULL,
                received_at TIMESTAMPTZ NOT NULL,
                UNIQUE (workstation_id, seq, content_hash)
            )""",
            """CREATE TABLE rejected_records (
                workstation_id TEXT NOT NULL,
                seq BIGINT NOT NULL,
                record_id TEXT NOT NULL,
                content TEXT NOT NULL,
                reason TEXT NOT NULL,
                batch_id TEXT NOT NULL,
                received_at TIMESTAMPTZ NOT NULL,
                PRIMARY KEY (workstation_id, seq)
            )""",
            """CREATE TABLE chain_alerts (
                workstation_id TEXT NOT NULL,
                batch_id TEXT NOT NULL,
                first_seq BIGINT NOT NULL,
                last_seq BIGINT NOT NULL,
                reason TEXT NOT NULL,
                detected_at TIMESTAMPTZ NOT NULL
            )""",
            """CREATE TABLE batches (
                batch_id TEXT PRIMARY KEY,
                workstation_id TEXT NOT NULL,
                first_seq BIGINT NOT NULL,
                last_seq BIGINT NOT NULL,
                prev_head BYTEA NOT NULL,
                head BYTEA NOT NULL,
                remote_address TEXT NOT NULL,
                user_agent TEXT NOT NULL,
                received_at TIMESTAMPTZ NOT NULL,
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
                issued_at TIMESTAMPTZ NOT NULL,
                document BYTEA NOT NULL,
                PRIMARY KEY (kind, version)
            )""",
        ),
    ),
    (
        # Each batch stores its signed receipt, about 100 KB of JSON for 1,000 records.
        # PostgreSQL's default compression (pglz) took 1.5 ms of the server's CPU a batch;
        # lz4 takes a fraction. A server built without lz4 keeps pglz.
        "central_002_receipts_lz4",
        (
            """DO $$ BEGIN
                ALTER TABLE batches ALTER COLUMN receipt SET COMPRESSION lz4;
            EXCEPTION WHEN feature_not_supported OR syntax_error THEN NULL;
            END $$""",
        ),
    ),
    (
        # Chain alerts get a number (existing ones in the order the table holds them) and a
        # resolution: who closed the alert, when, and what the investigation found.
        "central_003_chain_alert_resolution",
        (
            "ALTER TABLE chain_alerts "
            "ADD COLUMN alert_id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
            "ALTER TABLE chain_alerts ADD COLUMN resolved_at TIMESTAMPTZ",
            "ALTER TABLE chain_alerts ADD COLUMN resolved_by TEXT",
            "ALTER TABLE chain_alerts ADD COLUMN resolution TEXT",
        ),
    ),
    (
        # Voids and amendments by the time they arrived: the release slips they withdraw are
        # published to the gates (`inspection_central.withdrawals`) without reading every record.
        "central_004_withdrawals",
        (
            "CREATE INDEX records_withdrawals ON records(received_at) "
            "WHERE kind IN ('void', 'amendment')",
        ),
    ),
    (
        # A revocation IT lifts is kept: when the workstation had been revoked, and why it
        # may send again (`workstation reinstate`).
        "central_005_reinstatements",
        (
            """CREATE TABLE workstation_reinstatements (
                workstation_id TEXT NOT NULL REFERENCES workstations(workstation_id),
                revoked_at TIMESTAMPTZ NOT NULL,
                reinstated_at TIMESTAMPTZ NOT NULL,
                reason TEXT NOT NULL
            )""",
        ),
    ),
    (
        # Records a workstation may have made while it was revoked are marked
        # (`inspection_central.revoked_time`): a revocation keeps the highest seq the central
        # held then. For revocations made before, it is worked out from when the central
        # received what it held, and records already stored are marked by the same rule.
        "central_006_made_while_revoked",
        (
            "ALTER TABLE workstations ADD COLUMN held_seq_at_revocation BIGINT",
            "ALTER TABLE workstation_reinstatements ADD COLUMN held_seq_at_revocation BIGINT",
            "ALTER TABLE records ADD COLUMN made_while_revoked BOOLEAN NOT NULL DEFAULT FALSE",
            "UPDATE workstations SET held_seq_at_revocation = "
            + _held_before("workstations.workstation_id", "workstations.revoked_at")
            + " WHERE revoked_at IS NOT NULL",
            "UPDATE workstation_reinstatements SET held_seq_at_revocation = "
            + _held_before(
                "workstation_reinstatements.workstation_id", "workstation_reinstatements.revoked_at"
            ),
            """UPDATE records SET made_while_revoked = TRUE WHERE EXISTS (
                SELECT 1 FROM workstation_reinstatements AS lifted
                WHERE lifted.workstation_id = records.workstation_id
                AND records.seq > lifted.held_seq_at_revocation
                AND (records.content::jsonb ->> 'recorded_at')::timestamptz
                    < lifted.reinstated_at)""",
            "CREATE INDEX records_made_while_revoked ON records(workstation_id, seq) "
            "WHERE made_while_revoked",
        ),
    ),
    (
        # The central's public key, stored the first time a key signs for this database:
        # every server of it must sign with that key, the one its workstations pin.
        "central_007_central_key",
        (
            """CREATE TABLE central_key (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                public_key TEXT NOT NULL,
                fingerprint TEXT NOT NULL,
                first_used_at TIMESTAMPTZ NOT NULL
            )""",
        ),
    ),
]


def describe(url: str) -> str:
    """The database's address for messages, without its password."""
    try:
        parts = conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return "PostgreSQL (unparsable URL)"
    host, port = parts.get("host", "localhost"), parts.get("port", 5432)
    return f"PostgreSQL {host}:{port}/{parts.get('dbname', '')}"


class _Pool:
    """A few open connections reused between requests; broken ones are dropped."""

    def __init__(self, url: str, size: int) -> None:
        self._url = url
        self._idle: list[psycopg.Connection[Any]] = []
        self._lock = threading.Lock()
        self._slots = threading.BoundedSemaphore(size)

    def _connect(self) -> psycopg.Connection[Any]:
        return psycopg.connect(self._url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S)

    @contextmanager
    def connection(self) -> Iterator[psycopg.Connection[Any]]:
        if not self._slots.acquire(timeout=60):
            raise StorageUnavailable("All database connections are busy; try again shortly.")
        conn: psycopg.Connection[Any] | None = None
        try:
            with self._lock:
                conn = self._idle.pop() if self._idle else None
            if conn is None or conn.closed:
                conn = self._connect()
            yield conn
        finally:
            if conn is not None:
                if conn.closed or conn.broken:
                    conn.close()
                else:
                    with self._lock:
                        self._idle.append(conn)
            self._slots.release()

    def close(self) -> None:
        with self._lock:
            for conn in self._idle:
                conn.close()
            self._idle.clear()


class PostgresStorage(SqlStorage):
    def __init__(self, url: str, key_path: Path) -> None:
        super().__init__(key_path, describe(url))
        self._pool = _Pool(url, POOL_SIZE)

    @classmethod
    def open(
        cls, url: str, key_path: Path, *, create: bool = True, upgrade: bool = True
    ) -> PostgresStorage:
        """Connect and migrate. Without `create`, a database (or schema) that holds no central
        yet is an error rather than one made empty: the command only reads."""
        storage = cls(url, key_path)
        try:
            empty = not create and not storage._holds_a_central()
            if not empty:
                storage._migrate(upgrade=upgrade)
        except (SchemaTooNew, SchemaNotUpgraded):
            storage.close()
            raise
        except StorageUnavailable as error:
            raise StorageUnavailable(
                f"Cannot reach the central database ({storage.description}): {error}"
            ) from error
        except psycopg.Error as error:
            raise CentralError(
                f"The central database ({storage.description}) cannot be prepared: {error}"
            ) from error
        if empty:
            storage.close()
            raise StorageUnavailable(
                f"There is no central in the database {storage.description} (a mistyped "
                "--database?); `inspection-central serve` makes one."
            )
        return storage

    def _holds_a_central(self) -> bool:
        with self._read() as conn:
            row = conn.execute("SELECT to_regclass('schema_migrations')").fetchone()
        return row is not None and row[0] is not None

    def _migrate(self, *, upgrade: bool) -> None:
        with self._write() as conn:
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
            conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations "
                "(name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"
            )
            done = {row[0] for row in conn.execute("SELECT name FROM schema_migrations")}
            pending = pending_steps(
                self.description, done, [name for name, _ in MIGRATIONS], upgrade=upgrade
            )
            for name, statements in MIGRATIONS:
                if name not in pending:
                    continue
                for statement in statements:
                    conn.execute(statement)
                conn.execute("INSERT INTO schema_migrations(name) VALUES (%s)", (name,))

    def close(self) -> None:
        self._pool.close()

    @contextmanager
    def _write(self) -> Iterator[psycopg.Connection[Any]]:
        try:
            with self._pool.connection() as conn, conn.transaction():
                yield conn
        except TRANSIENT as error:
            raise StorageUnavailable(f"The central database is unavailable: {error}") from error

    @contextmanager
    def _read(self) -> Iterator[psycopg.Connection[Any]]:
        try:
            with self._pool.connection() as conn:
                yield conn
        except TRANSIENT as error:
            raise StorageUnavailable(f"The central database is unavailable: {error}") from error

    def _sql(self, text: str) -> str:
        return text.replace("?", "%s")

    def _ts(self, value: datetime | None) -> Any:
        return value

    def _dt(self, value: Any) -> datetime | None:
        return value if isinstance(value, datetime) else None

    def _lock_workstation(self, conn: Any, workstation_id: str) -> tuple[Any, ...] | None:
        return self._one(
            conn,
            f"SELECT {WORKSTATION_COLUMNS} FROM workstations WHERE workstation_id = ? FOR UPDATE",
            (workstation_id,),
        )

    def _existing_by_id(self, conn: Any, ids: Sequence[str]) -> dict[str, tuple[str, int, bytes]]:
        rows = conn.execute(
            "SELECT id, workstation_id, seq, content_hash FROM records WHERE id = ANY(%s::uuid[])",
            (list(ids),),
        ).fetchall()
        return {str(row[0]): (row[1], int(row[2]), bytes(row[3])) for row in rows}

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
        # The usual batch: new records, a chain that continues what is held. Each chunk is
        # copied as soon as it is examined, so PostgreSQL stores the first records while
        # Python checks the next. Anything unusual (a held id or seq, a chain that does not
        # hash to the head) undoes the whole transaction, and the batch is stored again the
        # general way: rare enough that a savepoint around every copy costs more.
        if alerts or not streamed:
            return super()._insert_batch(conn, batch, workstation, alerts, at)
        source = batch.source
        same = "\t".join(
            (
                _copy_field(workstation.workstation_id),
                _copy_field(workstation.port_code),
                _copy_field(workstation.lane_id),
                "f",
                _copy_field(batch.batch_id),
                at.isoformat(),
            )
        )
        try:
            with conn.cursor().copy(f"COPY records ({_STREAMED_COLUMNS}) FROM STDIN") as copy:
                while (chunk := source.next_chunk()) is not None:
                    copy.write(_copy_lines(chunk, same))
        except pg_errors.UniqueViolation:
            raise StoreTheGeneralWay from None
        if not source.chain_consistent:
            raise StoreTheGeneralWay
        return {record.id for record in source.incoming}

    def _insert_records(self, conn: Any, batch: PreparedBatch, rows: list[RecordRow]) -> set[str]:
        """The general path: COPY into a staging table, then one `INSERT ... ON CONFLICT DO
        NOTHING`, so records already held are skipped."""
        conn.execute(
            "CREATE TEMP TABLE IF NOT EXISTS staging_records "
            "(LIKE records INCLUDING DEFAULTS) ON COMMIT DELETE ROWS"
        )
        self._copy(conn, "staging_records", rows)
        inserted = conn.execute(
            f"INSERT INTO records ({_COLUMNS}) SELECT {_COLUMNS} FROM staging_records "
            "ORDER BY seq ON CONFLICT DO NOTHING RETURNING id"
        ).fetchall()
        return {str(row[0]) for row in inserted}

    @staticmethod
    def _copy(conn: Any, table: str, rows: list[RecordRow]) -> None:
        with conn.cursor().copy(f"COPY {table} ({_COLUMNS}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)


def _copy_field(text: str) -> str:
    for special, escaped in _COPY_ESCAPES:
        text = text.replace(special, escaped)
    return text


def _copy_lines(records: Sequence[IncomingRecord], same: str) -> bytes:
    """Rows of `_STREAMED_COLUMNS` in COPY's text format, `same` ending each.

    Written here rather than by psycopg's `write_row`: a third of the cost, a thousand times
    a batch. Ids are UUIDs, kinds and decisions fixed words. A record's content has passed the
    canonical-form check, and canonical JSON escapes every control character, so a backslash
    is the only character in it that COPY reads specially.
    """
    return "".join(
        [
            f"{r.id}\t{r.seq}\t{r.kind}\t{r.decision or _NULL}\t"
            f"{r.content.replace(_BACKSLASH, _TWO_BACKSLASHES)}\t"
            f"\\\\x{r.content_hash.hex()}\t\\\\x{r.chain_hash.hex()}\t{same}\n"
            for r in records
        ]
    ).encode()
