"""The history filter's full-text index, `record_search`: FTS5's own check of it, and
building it again from the records, which hold every term it indexes (`search`)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import orjson

from inspection_client.domain.models import Record
from inspection_client.message import Message
from inspection_client.store.database import Store
from inspection_client.store.errors import StoreCorrupt, decoding
from inspection_client.store.search import record_terms, search_document

_BATCH = 5_000  # records read and indexed at a time


@contextmanager
def saving_names_index_damage(store: Store) -> Iterator[None]:
    """A save that fails on a damaged database says so when the damage is the search
    index's: a save writes the index too, and `db reindex` mends it in seconds, where damage
    to the records needs a backup."""
    try:
        yield
    except StoreCorrupt as error:
        if store.read_only or damage(store) is None:
            raise
        raise StoreCorrupt(
            Message(
                "The history filter's search index in {path} is damaged, and saving writes "
                "to it; the records saved before are not damaged. Ask IT to run "
                "`inspection-client db reindex`, then save again.",
                path=store.path,
            )
        ) from error


def damage(store: Store) -> str | None:
    """What FTS5's integrity check finds wrong with the index, or None when it is sound.

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

    Raises:
        StoreCorrupt: a record's content no longer decodes (the index is left as it was).
    """
    indexed = 0
    with store.write() as conn:
        conn.execute("INSERT INTO record_search(record_search) VALUES ('delete-all')")
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
                    terms = record_terms(Record.model_validate(orjson.loads(content)).body)
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
