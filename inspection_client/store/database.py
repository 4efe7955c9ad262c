"""Opening the workstation's SQLite database: pragmas, migrations, checks, transactions.

Each thread that touches the store opens its own `Store` (SQLite connections are not shared
between threads): the GUI's query worker has one, the sync worker another. WAL lets them
read while the other writes; writers queue behind SQLite's lock for up to `BUSY_TIMEOUT_MS`.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from sqlite_utils import Database

from inspection_client import paths
from inspection_client.domain.codes import Direction, LaneKind
from inspection_client.domain.models import Workstation
from inspection_client.message import Message
from inspection_client.store.errors import (
    StoreCorrupt,
    StoreError,
    StoreIOError,
    StoreReadOnly,
    StoreTooNew,
    decoding,
    lacks_full_text_search,
    read_only_reason,
    translate,
    translated_errors,
    without_full_text_search,
)
from inspection_client.store.schema import MIGRATION_NAMES, SCHEMA_VERSION, TABLES, migrations

if TYPE_CHECKING:
    from inspection_client.store import restore_hold

BUSY_TIMEOUT_MS = 5000
# The page size of a new database (an existing one keeps its own: a database in WAL mode
# cannot change it). A record is about 800 bytes and comes with six or seven index entries;
# pages of 8 KiB make bulk saving (a seed, records taken back from the central) a sixth faster than
# SQLite's default of 4 KiB, for about 0.1 ms more per single save (`benchmarks/`).
PAGE_SIZE = 8192
# A save writes about ten pages; checkpointing every 1,000 (SQLite's default) puts a
# checkpoint in roughly one save in a hundred, which is the p99. Every 40 MB of WAL makes it
# one in a thousand; durability is the same (the WAL is synced on commit).
WAL_CHECKPOINT_BYTES = 40 * 1024 * 1024
# Answers NULL where SQLite has FTS5; "no such function: fts5" where it has not.
FULL_TEXT_SEARCH_PROBE = "SELECT fts5(NULL)"
# Below this size a full page check at open costs well under the 0.5 s start-up budget.
QUICK_CHECK_MAX_BYTES = 64 * 1024 * 1024


# What keeps a page check from reading, without being damage: the file busy or locked by
# another program (a restore under way, say), or gone. The check then says nothing.
_NOT_DAMAGE = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED, sqlite3.SQLITE_CANTOPEN}


def page_problems(path: Path, limit: int = 5, timeout: float = BUSY_TIMEOUT_MS / 1000) -> list[str]:
    """SQLite's `quick_check` of every page of the database at `path`: what it found, or [].

    It reads on a connection of its own, read-only and in a snapshot, so it can run on a
    thread beside the store's connection while that one saves. SQLite leaves Python's lock
    while it checks. At most `limit` problems, each on a line; a file that cannot be read
    for the check is one problem, unless what stops it is no damage (`_NOT_DAMAGE`, waited
    for up to `timeout` seconds): then [] too, for nothing was found.
    """
    try:
        conn = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None, timeout=timeout
        )
        try:
            rows = conn.execute(f"PRAGMA quick_check({int(limit)})").fetchall()
        finally:
            conn.close()
    except sqlite3.Error as error:
        code = getattr(error, "sqlite_errorcode", None)
        return [] if code is not None and code & 0xFF in _NOT_DAMAGE else [str(error)]
    lines = [line for row in rows for line in str(row[0]).splitlines()]
    if lines == ["ok"]:
        return []
    # The check heads its list with the name of the schema it looked at.
    return [line for line in lines if not line.startswith("*** in database")][:limit]


def page_damage(path: Path, problems: list[str]) -> Message:
    """What to say of a database whose page check (`page_problems`) found `problems`."""
    return Message(
        "The database {path} is damaged ({problem}): a save may fail. Tell IT now: they "
        "copy the whole data directory somewhere safe and recover its records "
        "(`inspection-client db check` lists the damage). Do not delete it.",
        path=path,
        problem=problems[0] if problems else "",
    )


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return -1


class Store:
    """One connection to the workstation database."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self.conn = conn
        self.db = Database(conn)
        # Problems found at open that must be shown but must not stop the lane.
        self.warnings: list[str] = []
        # Read once: the save path needs it for every record, and it changes only at set-up.
        self._workstation: Workstation | None = None
        # False once this connection has seen no restore hold (`store.restore_hold`).
        self.hold_possible = True
        # True when opened for reading only (`open(..., allow_read_only=True)`).
        self.read_only = False
        # Checks run at the start of every write transaction (`guarding_writes`).
        self._write_guards: list[Callable[[], None]] = []
        # What went wrong with the witness file beside the database (`store.witness`), for
        # `db check`: it never stops the lane.
        self.witness_trouble: list[str] = []
        # The hold this open placed, having found the database put back to an older copy
        # (`store.witness`): the command line says so once; the window shows the hold.
        self.rolled_back: restore_hold.Hold | None = None

    @classmethod
    def open(cls, path: Path, *, create: bool = True, allow_read_only: bool = False) -> Store:
        """Open (and if needed create and migrate) the database at `path`.

        With `allow_read_only`, for commands that only read: a database that cannot be
        written (a read-only disk, file or folder) is opened for reading instead of refused,
        with a warning.

        Raises:
            StoreError: the file is missing (and `create` is false), locked, read-only,
                damaged, or written by a newer version of the lane client.
        """
        path = Path(path)
        try:
            return cls._open(path, create=create)
        except StoreReadOnly as refusal:
            try:
                readable = allow_read_only and path.is_file() and path.stat().st_size > 0
            except OSError:
                readable = False
            if not readable:
                raise
            return cls._open_for_reading(path, refusal)

    @classmethod
    def _open_for_reading(cls, path: Path, refusal: StoreReadOnly) -> Store:
        """`path` opened read-only, for a database SQLite cannot open for writing.

        A database in WAL mode needs its -shm file to be read, which SQLite cannot create
        in a read-only folder or on a read-only disk. Opened as immutable it needs none:
        safe when nothing can write the file, which is the case here (a writer needs that
        folder too). A write-ahead log that holds records, though, is read only through
        its -shm file: without one, the newest records would silently be missing.
        """
        wal = path.with_name(path.name + "-wal")
        holds_records = wal.is_file() and wal.stat().st_size > 0
        uri = f"{path.resolve().as_uri()}?mode=ro" + ("" if holds_records else "&immutable=1")
        try:
            conn = sqlite3.connect(
                uri, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000
            )
        except sqlite3.Error:
            raise refusal from None
        store = cls(path, conn)
        store.read_only = True
        try:
            store._prepare(writable=False)
        except sqlite3.Error as error:
            conn.close()
            friendly = translate(error, path)
            if holds_records and isinstance(friendly, StoreReadOnly | StoreIOError):
                raise StoreReadOnly(
                    Message(
                        "The database {path} is read-only and cannot even be read: its "
                        "write-ahead log {wal} holds its newest records, which SQLite reads "
                        "only with write access to the folder. Make it writable (remount "
                        "the disk read-write, or ask IT to give this user write permission "
                        "on the folder) and try again; nothing is lost.",
                        path=path,
                        wal=wal,
                    )
                ) from error
            raise friendly or error from error
        except BaseException:
            conn.close()
            raise
        store.warnings.append(
            Message(
                "The database {path} is read-only ({reason}): it was opened for reading only.",
                path=path,
                reason=read_only_reason(path) or Message("SQLite refused to write it"),
            )
        )
        return store

    @classmethod
    def _open(cls, path: Path, *, create: bool) -> Store:
        try:
            exists, is_file = path.exists(), path.is_file()
        except OSError as error:  # a folder on the way that cannot be read
            raise StoreError(
                Message("Cannot reach {path}: {error}", path=path, error=error.strerror)
            ) from None
        wal = path.with_name(path.name + "-wal")
        with suppress(OSError):
            # SQLite would start a new database over a log that is not its own, and drop it:
            # the newest records, not yet copied into the database that was moved away.
            if (not exists or path.stat().st_size == 0) and wal.stat().st_size > 0:
                raise StoreCorrupt(
                    Message(
                        "The database {path} is damaged ({error}). Do not delete it: copy the "
                        "whole data directory somewhere safe and ask IT to restore it or "
                        "recover its records.",
                        path=path,
                        error=f"missing or empty beside its write-ahead log {wal.name}, "
                        "which holds its newest records",
                    )
                )
        empty = is_file and _size(path) == 0
        key = paths.workstation_key_file(path.parent)  # a lane was set up where one is
        if (empty or not exists) and key.is_file():
            raise StoreError(
                Message(
                    "The lane database {path} is {state}, but this data directory holds the "
                    "key of a workstation set up before ({key}): its records are not here. "
                    "Nothing was changed. Restore the latest backup with `inspection-client "
                    "db restore BACKUP` (add --replace when an empty file is in the way), or "
                    "ask IT to recover the data directory.",
                    path=path,
                    state=Message("empty") if empty else Message("missing"),
                    key=key,
                )
            )
        if not create and empty:
            raise StoreError(
                Message(
                    "The lane database {path} is empty: it holds no records. Check "
                    "--data-dir, or set up the workstation (start the app, or run "
                    "`inspection-client seed`); nothing was changed.",
                    path=path,
                )
            )
        if not exists and path.parent.exists() and not path.parent.is_dir():
            raise StoreError(
                Message(
                    "{folder} is not a folder (a file is in the way); give --data-dir a folder.",
                    folder=path.parent,
                )
            )
        if not create and not exists:
            raise StoreError(
                Message(
                    "There is no lane database at {path}. Check --data-dir, or set up the "
                    "workstation first (start the app, or run `inspection-client seed`).",
                    path=path,
                )
            )
        if exists and not is_file:
            raise StoreError(
                Message(
                    "{path} is not a file; the lane database cannot be opened there.", path=path
                )
            )
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        except (FileExistsError, NotADirectoryError):
            raise StoreError(
                Message(
                    "{folder} is not a folder (a file is in the way); give --data-dir a folder.",
                    folder=path.parent,
                )
            ) from None
        except OSError as error:
            raise StoreError(
                Message(
                    "Cannot create the data directory {folder}: {error}",
                    folder=path.parent,
                    error=error,
                )
            ) from error
        # An empty file (made by `touch`, say) becomes the database just as a missing one.
        new = not path.exists() or path.stat().st_size == 0
        with translated_errors(path):
            conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
        if new:
            # Travellers' personal data: the owner's only, like the workstation key. SQLite
            # gives its -wal and -shm files the database's own permissions.
            with suppress(OSError):
                path.chmod(0o600)
        store = cls(path, conn)
        try:
            store._prepare()
        except sqlite3.Error as error:
            conn.close()
            raise translate(error, path) or error from error
        except BaseException:
            conn.close()
            raise
        return store

    def _prepare(self, *, writable: bool = True) -> None:
        conn = self.conn
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        # Reading the schema first turns "not a database" into a clear error before any write.
        tables = self._tables()
        self._refuse_newer_schema()
        if tables and not migrations.applied(self.db):
            raise StoreError(
                Message(
                    "{path} is a database of another program, not a lane database; the lane "
                    "client leaves it untouched. Check --data-dir.",
                    path=self.path,
                )
            )
        if not writable:
            self._prepare_for_reading()
            return
        # Takes effect only in a file that holds nothing yet: it is the new database's.
        conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal" and self.path.stat().st_size > 0:
            raise StoreError(
                Message(
                    "{path} cannot be switched to write-ahead logging ({mode}).",
                    path=self.path,
                    mode=mode,
                )
            )
        conn.execute("PRAGMA synchronous = FULL")
        page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
        conn.execute(f"PRAGMA wal_autocheckpoint = {WAL_CHECKPOINT_BYTES // page_size}")
        conn.execute("PRAGMA foreign_keys = ON")
        if migrations.pending(self.db):
            migrations.apply(self.db)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            tables = self._tables()
        self._refuse_missing_tables(tables)
        self._check_integrity()
        self._require_full_text_search()
        from inspection_client.store import witness

        # After the checks: a database found damaged is not held as well.
        witness.check(self)

    def _prepare_for_reading(self) -> None:
        if migrations.pending(self.db):
            raise StoreReadOnly(
                Message(
                    "The database {path} is read-only and was written by an older version "
                    "of the lane client: this version must first upgrade it, which needs "
                    "write access. Make it writable (remount the disk read-write, or ask IT "
                    "to give this user write permission on the file and its folder), or use "
                    "the version that wrote it.",
                    path=self.path,
                )
            )
        self.conn.execute("PRAGMA query_only = ON")
        self._refuse_missing_tables(self._tables())
        self._check_integrity()
        self._require_full_text_search()

    def _require_full_text_search(self) -> None:
        """A database copied to a machine whose SQLite lacks FTS5 is named at open, not at
        the first save or history filter. The probe is FTS5's own SQL function, which reads
        nothing: a damaged index does not keep the lane from opening (`db check` finds it)."""
        try:
            self.conn.execute(FULL_TEXT_SEARCH_PROBE).fetchall()
        except sqlite3.OperationalError as error:
            if not lacks_full_text_search(error):
                raise
            raise without_full_text_search(self.path) from error

    def _refuse_missing_tables(self, tables: set[str]) -> None:
        missing = sorted(TABLES - tables)
        if missing:
            raise StoreCorrupt(
                Message(
                    "The database {path} is damaged (tables missing: {tables}). Do not delete "
                    "it: copy the data directory somewhere safe and ask IT to recover it.",
                    path=self.path,
                    tables=", ".join(missing),
                )
            )

    def _tables(self) -> set[str]:
        query = "SELECT name FROM sqlite_master WHERE type = 'table'"
        return {str(name) for (name,) in self.conn.execute(query)}

    def _refuse_newer_schema(self) -> None:
        known = set(MIGRATION_NAMES)
        applied = [m.name for m in migrations.applied(self.db)]
        unknown = [name for name in applied if name not in known]
        if unknown:
            raise StoreTooNew(
                Message(
                    "The database {path} was written by a newer version of the lane client "
                    "(schema step {step}). Install that version or newer; this version "
                    "leaves the file untouched.",
                    path=self.path,
                    step=unknown[-1],
                )
            )

    def _check_integrity(self) -> None:
        """A page-level check when it is cheap, and always a check of the audit chain's tail.

        The page check of a larger database runs after opening, beside it (`page_problems`:
        the window starts one on a thread of its own), and as `inspection-client db check`,
        so that opening stays fast with a million records.
        """
        if self.path.stat().st_size <= QUICK_CHECK_MAX_BYTES:
            result = self.conn.execute("PRAGMA quick_check").fetchone()[0]
            if result != "ok":
                raise StoreCorrupt(
                    Message(
                        "The database {path} is damaged ({result}). Do not delete it: copy "
                        "the data directory somewhere safe and ask IT to recover it.",
                        path=self.path,
                        result=result,
                    )
                )
        from inspection_client.store.audit import verify_chain

        report = verify_chain(self, tail=64)
        if not report.intact:
            self.warnings.append(
                Message(
                    "The audit chain of {path} is broken: {problem} "
                    "Run `inspection-client audit verify` and tell a supervisor.",
                    path=self.path,
                    problem=report.problem,
                )
            )

    # -- lifecycle -----------------------------------------------------------------------

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- transactions --------------------------------------------------------------------

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: everything inside is saved together or not at all.

        BEGIN IMMEDIATE takes the write lock up front, so that the sequence number read
        inside cannot be taken by another connection before this one commits. The guards
        of `guarding_writes` run first, under that lock.
        """
        with translated_errors(self.path):
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                for guard in tuple(self._write_guards):
                    guard()
                yield self.conn
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise
            try:
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise

    @contextmanager
    def guarding_writes(self, guard: Callable[[], None]) -> Iterator[None]:
        """Run `guard` at the start of every write transaction made inside the block.

        It runs under the write lock, so that what it checks (the signed-in officer's
        account, say) cannot change before the commit, as it could between a check made
        first and the save; what it raises rolls the transaction back.
        """
        self._write_guards.append(guard)
        try:
            yield
        finally:
            self._write_guards.remove(guard)

    @contextmanager
    def checkpoints_alongside(self) -> Iterator[Callable[[], None]]:
        """For bulk writes: checkpoints run in a thread of their own, on a second connection.

        A checkpoint copies committed pages from the write-ahead log into the database file.
        SQLite otherwise runs it inside the commit that fills the log, and a bulk writer
        waits for it. A passive checkpoint never blocks the writer, and SQLite releases the
        GIL while it runs. Call the yielded function after each commit. Durability does not
        change: a commit is on disk once the log is synced, checkpointed or not.
        """
        with translated_errors(self.path):
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        wake = threading.Event()
        finished = False

        def checkpoint() -> None:
            while True:
                wake.wait()
                wake.clear()
                if finished:
                    return
                try:
                    conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
                except sqlite3.Error:
                    return  # harmless: the log keeps the pages until checkpoints resume

        pages = int(self.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0])
        self.conn.execute("PRAGMA wal_autocheckpoint = 0")
        thread = threading.Thread(target=checkpoint, name="wal-checkpoints", daemon=True)
        thread.start()
        try:
            yield wake.set
        finally:
            finished = True
            wake.set()
            thread.join()
            conn.close()
            self.conn.execute(f"PRAGMA wal_autocheckpoint = {pages}")

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """Reads with environment errors translated; several statements see one snapshot."""
        with translated_errors(self.path):
            self.conn.execute("BEGIN")
            try:
                yield self.conn
            finally:
                if self.conn.in_transaction:
                    self.conn.execute("COMMIT")

    # -- the workstation's own configuration ----------------------------------------------

    @property
    def schema_version(self) -> int:
        return len(migrations.applied(self.db))

    def workstation(self) -> Workstation | None:
        if self._workstation is not None:
            return self._workstation
        with translated_errors(self.path):
            row = self.conn.execute(
                "SELECT workstation_id, port_code, lane_id, lane_kind, default_direction, demo "
                "FROM workstation"
            ).fetchone()
        if row is None:
            return None
        with decoding(Message("The workstation's settings")):
            self._workstation = Workstation(
                workstation_id=row[0],
                port_code=row[1],
                lane_id=row[2],
                lane_kind=LaneKind(row[3]),
                default_direction=Direction(row[4]),
                demo=bool(row[5]),
            )
        return self._workstation

    def require_workstation(self) -> Workstation:
        workstation = self.workstation()
        if workstation is None:
            raise StoreError(
                Message(
                    "The workstation in {folder} is not set up yet: start the app to "
                    "run first-time setup, or enrol it with the central.",
                    folder=self.path.parent,
                )
            )
        return workstation

    def configure_workstation(self, workstation: Workstation) -> None:
        """Set this workstation's identity. Its id cannot change once records exist."""
        with self.write() as conn:
            current = conn.execute("SELECT workstation_id FROM workstation").fetchone()
            has_records = conn.execute("SELECT 1 FROM records LIMIT 1").fetchone() is not None
            if current and current[0] != workstation.workstation_id and has_records:
                raise StoreError(
                    Message(
                        "This workstation already has records as {current}; its id cannot "
                        "become {new}. Use a new data directory.",
                        current=current[0],
                        new=workstation.workstation_id,
                    )
                )
            conn.execute(
                "INSERT INTO workstation(singleton, workstation_id, port_code, lane_id, "
                "lane_kind, default_direction, demo, created_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(singleton) DO UPDATE SET workstation_id = excluded.workstation_id, "
                "port_code = excluded.port_code, lane_id = excluded.lane_id, "
                "lane_kind = excluded.lane_kind, default_direction = excluded.default_direction, "
                "demo = excluded.demo",
                (
                    workstation.workstation_id,
                    workstation.port_code,
                    workstation.lane_id,
                    workstation.lane_kind.value,
                    workstation.default_direction.value,
                    int(workstation.demo),
                    datetime.now(UTC).isoformat(),
                ),
            )
        self._workstation = workstation

    def setting(self, key: str, default: str | None = None) -> str | None:
        with translated_errors(self.path):
            row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return default if row is None else str(row[0])

    def set_setting(self, key: str, value: str) -> None:
        with self.write() as conn:
            write_setting(conn, key, value)


def write_setting(conn: sqlite3.Connection, key: str, value: str) -> None:
    """`Store.set_setting` inside the caller's write transaction."""
    conn.execute(
        "INSERT INTO settings(key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def private_file_mode_ok(path: Path) -> bool:
    """True when only the owner can read the file (keys must be 0600)."""
    return os.name != "posix" or (path.stat().st_mode & 0o077) == 0
