"""The history filter's full-text index, `record_search`: FTS5's own check of it, and
building it again from the records, which hold every term it indexes (`search`)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

import orjson

from inspection_client.message import Message
from inspection_client.store.database import Store, write_setting
from inspection_client.store.errors import StoreCorrupt, decoding
from inspection_client.store.search import content_terms, search_document

_BATCH = 5_000  # records read and indexed at a time
# The setting that says saves no longer write the index: it was found damaged (`Stopped`).
STOPPED_SETTING = "search_index_stopped"

T = TypeVar("T")


@dataclass(frozen=True)
class Stopped:
    """Saves stopped writing the index when it was found damaged: records after `after`
    are not in it. `db reindex` builds it again from every record and starts it again."""

    after: int  # the last record saved before it stopped
    at: str  # when, ISO 8601
    damage: str  # what FTS5's check found, or the error of the save that met it

    @property
    def minute(self) -> str:
        """`at` to the minute, as the window shows times ("2026-12-07 01:07"); '' unknown."""
        return self.at[:16].replace("T", " ")


def stopped(conn: sqlite3.Connection) -> Stopped | None:
    """Whether saves have stopped writing the index, and since when."""
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (STOPPED_SETTING,)).fetchone()
    if row is None:
        return None
    try:
        noted = orjson.loads(row[0])
        return Stopped(int(noted["after"]), str(noted["at"]), str(noted["damage"]))
    except (orjson.JSONDecodeError, KeyError, TypeError, ValueError):
        return Stopped(0, "", f"the note of it is unreadable: {row[0]!r}"[:200])


def saving_past_damage(store: Store, save: Callable[[str | None], T]) -> T:
    """`save(None)`; when it fails on damage to the search index, `save(found)`: the same
    save in a new transaction that first notes (`note_stopped`) that saves no longer write
    the index, so that a damaged index never stops a lane from saving.

    The index's damage is what FTS5's check finds. Damage that the check misses can still
    make a write of the index fail with an error SQLite does not explain (a
    `sqlite3.DatabaseError`: FTS5 writes what a transaction added as its next statement
    starts, and meets a lost piece as "constraint failed"); such a save is made again
    without the index too. If that fails as well, the index was not the cause: the first
    error is raised, and nothing is noted. Damage to the records (`StoreCorrupt`, with an
    index its check finds sound) is raised as it is.

    The records hold every term the index holds, so nothing is lost: the history filter
    names the damage and `db reindex` (which starts the index again) until IT runs it.
    """
    try:
        return save(None)
    except (StoreCorrupt, sqlite3.DatabaseError) as error:
        found = None if store.read_only else damage_if_checkable(store)
        if found is None and (store.read_only or isinstance(error, StoreCorrupt)):
            raise
        failed: Exception = error
        stopping = found or f"a save failed: {error}"
    try:
        return save(stopping)
    except (StoreCorrupt, sqlite3.DatabaseError):
        raise failed from None


def damage_if_checkable(store: Store) -> str | None:
    """`damage`, or None when the check itself cannot run (the database busy, say): the
    save's own error is what to go by then."""
    try:
        return damage(store)
    except sqlite3.DatabaseError:
        return None


def note_stopped(conn: sqlite3.Connection, found: str) -> None:
    """Note, inside the caller's write transaction, that saves no longer write the index
    (found damaged: `found`); a note made before stays."""
    if stopped(conn) is not None:
        return
    last = conn.execute("SELECT max(seq) FROM records").fetchone()[0] or 0
    at = datetime.now().astimezone().isoformat(timespec="seconds")
    write_setting(
        conn, STOPPED_SETTING, orjson.dumps({"after": last, "at": at, "damage": found}).decode()
    )


def stop(store: Store, found: str) -> None:
    """`note_stopped` in a transaction of its own."""
    with store.write() as conn:
        note_stopped(conn, found)


def stopped_message(store: Store, since: Stopped) -> Message:
    return Message(
        "The history filter's search index in {path} was found damaged on {at}, and saves "
        "no longer write to it; the records are not damaged. Filter by date, decision or "
        "direction instead, and ask IT to run `inspection-client db reindex`.",
        path=store.path,
        at=since.minute or Message("an unknown date"),
    )


def damage(store: Store) -> str | None:
    """What FTS5's integrity check finds wrong with the index, or a write of it that fails
    (`_write_refused`, tried and taken back); None when it is sound.

    The check is a command written as an INSERT, so it needs a writable database; it
    changes nothing. A database opened read-only has its index checked as a copy in memory
    (`_damage_of_copy`).
    """
    if store.read_only:
        return _damage_of_copy(store)
    # Outside `store.write`, which would report the damage as the whole database's.
    return _integrity_check(store.conn)


def _integrity_check(conn: sqlite3.Connection) -> str | None:
    try:
        conn.execute("INSERT INTO record_search(record_search) VALUES ('integrity-check')")
    except sqlite3.DatabaseError as error:
        if "malformed" not in str(error) and "corrupt" not in str(error).lower():
            raise
        return str(error)
    return _write_refused(conn)


def _write_refused(conn: sqlite3.Connection) -> str | None:
    """Whether the index refuses a write, tried and taken back: damage FTS5's check misses.

    The check reads the index's pieces, not its structure (the list of them, which every
    write reads first): with that lost, the check passes and every save that writes the
    index fails as "constraint failed". A lock, a full disk or a read-only file
    (`sqlite3.OperationalError`) says nothing of the index and is raised.
    """
    conn.execute("SAVEPOINT index_write_probe")
    try:
        conn.execute("INSERT INTO record_search(rowid, terms) VALUES (0, 'probe')")
        # Opening a savepoint makes FTS5 write out what it holds: the piece is written too.
        conn.execute("SAVEPOINT index_write_flushed")
    except sqlite3.OperationalError:
        raise
    except sqlite3.DatabaseError as error:
        return f"a write of it fails: {error}"
    finally:
        conn.execute("ROLLBACK TO index_write_probe")
        conn.execute("RELEASE index_write_probe")
    return None


# The tables FTS5 keeps a contentless index in: its blocks, their directory, its settings.
_INDEX_TABLES = ("record_search_data", "record_search_idx", "record_search_config")


def _damage_of_copy(store: Store) -> str | None:
    """`damage` of a read-only database: its index's own tables copied, as they are, into an
    index of the same definition in memory, and that one checked. A contentless index holds
    nothing else, and the copy is small: 30 to 40 MB for a million records."""
    row = store.conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'record_search'"
    ).fetchone()
    copy = sqlite3.connect(":memory:", isolation_level=None)
    try:
        copy.execute(row[0])
        copy.execute("BEGIN")
        for table in _INDEX_TABLES:
            copy.execute(f"DELETE FROM {table}")  # what the new index starts with
            rows = store.conn.execute(f"SELECT * FROM {table}")
            marks = ", ".join("?" * len(rows.description))
            copy.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
        copy.execute("COMMIT")
        return _integrity_check(copy)
    finally:
        copy.close()


def rebuild(store: Store, progress: Callable[[int], None] | None = None) -> int:
    """Empty the index and index every record again, in one transaction; records indexed.

    Saves write the index again from then on, if they had stopped (`stopped`).

    Raises:
        StoreCorrupt: a record's content no longer decodes (the index is left as it was).
    """
    indexed = 0
    with store.write() as conn:
        conn.execute("INSERT INTO record_search(record_search) VALUES ('delete-all')")
        conn.execute("DELETE FROM settings WHERE key = ?", (STOPPED_SETTING,))
        last = 0
        while True:
            rows = conn.execute(
                "SELECT seq, content FROM records WHERE seq > ? ORDER BY seq LIMIT ?",
                (last, _BATCH),
            ).fetchall()
            if not rows:
                break
            search_rows = []
            for seq, content in rows:
                with decoding(Message("Record {seq}", seq=seq)):
                    terms = content_terms(content)
                if terms:
                    search_rows.append((seq, search_document(terms)))
            conn.executemany("INSERT INTO record_search(rowid, terms) VALUES (?, ?)", search_rows)
            indexed += len(rows)
            last = rows[-1][0]
            if progress:
                progress(indexed)
        # One piece, as after migration 0010: single saves afterwards merge nothing large.
        conn.execute("INSERT INTO record_search(record_search) VALUES ('optimize')")
    return indexed
