"""One snapshot's lists as an SQLite file of their own, `watchlist-<version>.db`, keyed for
look-up by the normalised keys of `normalise`. Built complete before it is switched on.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import suppress
from pathlib import Path

from inspection_client.watchlist import normalise
from inspection_client.watchlist.payload import Columns, entry_id, list_size

FILE_PREFIX = "watchlist-"
# The file's `user_version`: how its keys were made. 1: plates keyed without their country
# band and with look-alike letters folded. Files built before (version 0) are re-keyed when
# opened (`check.Checker`), so that a listed plate hits before the next snapshot arrives.
KEYS_VERSION = 1
# Every table below: a file without one of them is not a usable snapshot file.
TABLES = frozenset(("documents", "persons", "person_keys", "plates", "vins", "containers"))

_SCHEMA = """
CREATE TABLE documents (
    key TEXT NOT NULL, number TEXT NOT NULL, state TEXT NOT NULL, type TEXT NOT NULL,
    reason TEXT NOT NULL, action TEXT NOT NULL, entry_id TEXT NOT NULL
);
CREATE TABLE persons (
    id INTEGER PRIMARY KEY, entry_id TEXT NOT NULL, display TEXT NOT NULL,
    sorted_names TEXT NOT NULL, joined_names TEXT NOT NULL,
    birth_date TEXT, birth_year INTEGER, nationality TEXT NOT NULL,
    reason TEXT NOT NULL, action TEXT NOT NULL
);
CREATE TABLE person_keys (key TEXT NOT NULL, person INTEGER NOT NULL);
CREATE TABLE plates (
    key TEXT NOT NULL, plate TEXT NOT NULL, country TEXT NOT NULL,
    reason TEXT NOT NULL, action TEXT NOT NULL, entry_id TEXT NOT NULL
);
CREATE TABLE vins (
    key TEXT NOT NULL, reason TEXT NOT NULL, action TEXT NOT NULL, entry_id TEXT NOT NULL
);
CREATE TABLE containers (
    key TEXT NOT NULL, reason TEXT NOT NULL, action TEXT NOT NULL, entry_id TEXT NOT NULL
);
"""
# Built after the rows are in: one sort per index is much faster than a million inserts
# into a growing B-tree.
_INDEXES = """
CREATE INDEX documents_key ON documents(key);
CREATE INDEX person_keys_key ON person_keys(key, person);
CREATE INDEX plates_key ON plates(key);
CREATE INDEX vins_key ON vins(key);
CREATE INDEX containers_key ON containers(key);
"""


def file_name(version: int) -> str:
    return f"{FILE_PREFIX}{version}.db"


def build(path: Path, lists: dict[str, Columns]) -> dict[str, int]:
    """Write the lists to a new file at `path` (replacing a leftover) and return entry counts.

    The file is written under a temporary name, flushed to disk, then renamed, so `path`
    either does not exist or is complete. Only the owner can read it, like the lane's
    database: it holds the names, birth dates and document numbers of listed people.
    """
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    # Made empty with its mode first (SQLite takes an empty file as a new database), so that
    # the rows are never readable by others, whatever the umask and the folder's mode.
    os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    conn = sqlite3.connect(partial, isolation_level=None)
    try:
        # Nothing here needs crash safety: a crash leaves a .partial file that is rebuilt.
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("PRAGMA cache_size = -65536")
        conn.execute("BEGIN")
        for statement in _SCHEMA.split(";"):
            if statement.strip():
                conn.execute(statement)
        conn.executemany(
            "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?)", _document_rows(lists["documents"])
        )
        persons, keys = _person_rows(lists["persons"])
        conn.executemany("INSERT INTO persons VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", persons)
        conn.executemany("INSERT INTO person_keys VALUES (?, ?)", keys)
        plates, vins = _vehicle_rows(lists["vehicles"])
        conn.executemany("INSERT INTO plates VALUES (?, ?, ?, ?, ?, ?)", plates)
        conn.executemany("INSERT INTO vins VALUES (?, ?, ?, ?)", vins)
        conn.executemany("INSERT INTO containers VALUES (?, ?, ?, ?)", _container_rows(lists))
        for statement in _INDEXES.split(";"):
            if statement.strip():
                conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {KEYS_VERSION}")
        conn.execute("COMMIT")
    finally:
        conn.close()
    with open(partial, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(partial, path)
    return {name: list_size(columns) for name, columns in lists.items()}


def keep_private(path: Path) -> None:
    """Make a snapshot file readable by its owner only (one built before files were made
    so); a file that cannot be changed (a read-only disk, another owner) is left as it is."""
    with suppress(OSError):
        if os.name == "posix" and path.stat().st_mode & 0o077:
            path.chmod(0o600)


def _document_rows(columns: Columns) -> Iterator[tuple[str, ...]]:
    key = normalise.document_key
    state_key = normalise.state_key
    for given_id, number, state, kind, reason, action in zip(
        columns["id"],
        columns["number"],
        columns["state"],
        columns["type"],
        columns["reason"],
        columns["action"],
        strict=True,
    ):
        yield (
            key(number),
            number,
            state_key(state),
            kind,
            reason,
            action or "refer",
            # As written, not folded: ids stay those of snapshots built before "CN" was
            # read as "CHN", so a retrospective alert is not raised twice for one entry.
            given_id or f"{state}/{number}",
        )


def _person_rows(columns: Columns) -> tuple[list[tuple[object, ...]], list[tuple[str, int]]]:
    rows: list[tuple[object, ...]] = []
    keys: list[tuple[str, int]] = []
    for index, values in enumerate(
        zip(*(columns[c] for c in _PERSON_COLUMNS), strict=True), start=1
    ):
        given_id, surname, given, original, birth, nationality, reason, action = values
        fast = None if original else normalise.latin_only_name(surname, given)
        if fast is not None:
            variants = normalise.with_name_spellings([fast]) if fast else []
        else:
            variants = normalise.name_variants(surname, given, original)
        if not variants:
            continue
        try:
            born, year = normalise.parse_birth(birth)
        except ValueError:
            born, year = None, None  # signed by the central, yet unusable: compare by name
        written = f"{surname.upper()} {given}".strip() or variants[0]
        display = f"{written} ({original})" if original else written
        rows.append(
            (
                index,
                entry_id("persons", given_id, surname, given, original, birth),
                display,
                "|".join(normalise.sorted_name(v.split()) for v in variants),
                "|".join(v.replace(" ", "") for v in variants),
                born.isoformat() if born else None,
                year,
                normalise.state_key(nationality),
                reason,
                action or "refer",
            )
        )
        keys.extend((key, index) for key in normalise.person_keys(variants, year))
    return rows, keys


_PERSON_COLUMNS = (
    "id",
    "surname",
    "given_names",
    "original_name",
    "birth_date",
    "nationality",
    "reason",
    "action",
)


def _vehicle_rows(
    columns: Columns,
) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    plates: list[tuple[str, ...]] = []
    vins: list[tuple[str, ...]] = []
    for given_id, plate, country, vin, reason, action in zip(
        columns["id"],
        columns["plate"],
        columns["country"],
        columns["vin"],
        columns["reason"],
        columns["action"],
        strict=True,
    ):
        ident = entry_id("vehicles", given_id, plate, country, vin)
        if plate:
            key = normalise.plate_key(plate, country)
            plates.append(
                (key, plate, normalise.state_key(country), reason, action or "refer", ident)
            )
        if vin:
            vins.append((normalise.vin_key(vin), reason, action or "refer", ident))
    return plates, vins


def _container_rows(lists: dict[str, Columns]) -> Iterator[tuple[str, ...]]:
    columns = lists["containers"]
    for given_id, number, reason, action in zip(
        columns["id"], columns["number"], columns["reason"], columns["action"], strict=True
    ):
        yield (
            normalise.exact_key(number),
            reason,
            action or "refer",
            entry_id("containers", given_id, number),
        )
