"""What can go wrong with the database file, in words an officer or IT administrator can act on.

SQLite reports environment problems (locked, full, read-only, corrupt) as exceptions; these
are translated here into `StoreError`s naming the file and what to do. Anything else
(a programming error such as bad SQL) is left alone so that it fails loudly in tests.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from inspection_client.errors import UserFacingError
from inspection_client.message import Message


class StoreError(UserFacingError):
    """The database cannot be used right now; nothing already saved has been changed."""

    exit_status = 3


class StoreLocked(StoreError):
    pass


class StoreFull(StoreError):
    pass


class StoreReadOnly(StoreError):
    pass


class StoreCorrupt(StoreError):
    pass


class StoreTooNew(StoreError):
    pass


class StoreIOError(StoreError):
    pass


def translate(error: sqlite3.Error, path: Path) -> StoreError | None:
    """The user-facing error for an SQLite error, or None when it is a bug."""
    name = getattr(error, "sqlite_errorname", "") or ""
    text = str(error).lower()
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in text:
        return StoreLocked(
            Message(
                "The database {path} is busy: another program is writing to it. Wait a moment "
                "and try again; if it persists, close other copies of the lane client.",
                path=path,
            )
        )
    if name.startswith("SQLITE_FULL") or "disk is full" in text:
        return StoreFull(
            Message(
                "The disk holding {path} is full. Free some space (or ask IT to), then try "
                "again. Nothing already saved was lost.",
                path=path,
            )
        )
    if name.startswith("SQLITE_READONLY") or "readonly" in text:
        return read_only(path, read_only_reason(path) or Message("SQLite refused to write it"))
    if (
        name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB"))
        or "malformed" in text
        or ("not a database" in text)
    ):
        return StoreCorrupt(
            Message(
                "The database {path} is damaged ({error}). Do not delete it: copy the whole "
                "data directory somewhere safe and ask IT to restore it or recover its records.",
                path=path,
                error=error,
            )
        )
    if name.startswith(("SQLITE_IOERR", "SQLITE_CANTOPEN", "SQLITE_PERM")) or (
        "unable to open" in text or "disk i/o" in text
    ):
        # SQLite says only that it cannot open a file: its database, or the -wal and -shm
        # files it must create beside it, on a disk or in a folder that cannot be written.
        reason = read_only_reason(path)
        if reason:
            return read_only(path, reason)
        return StoreIOError(
            Message(
                "The database {path} cannot be read or written ({error}). "
                "Check that the disk is present and the data directory is accessible.",
                path=path,
                error=error,
            )
        )
    return None


def read_only(path: Path, reason: str) -> StoreReadOnly:
    """The error for a database that cannot be written, and why."""
    return StoreReadOnly(
        Message(
            "The database {path} is read-only: {reason}. Nothing can be saved to it. Make it "
            "writable (remount the disk read-write, or ask IT to give this user write "
            "permission on the file and its folder) and try again. Commands that only read "
            "(db info, db check, db backup, audit verify, report, shift list, officer list, "
            "watchlist status, watchlist check) still work.",
            path=path,
            reason=reason,
        )
    )


def read_only_reason(path: Path) -> str | None:
    """Why the database at `path` cannot be written, or None when nothing stops it.

    A process run as root writes whatever the permission bits say; a read-only file system
    or an immutable file (`chattr +i`) stops it too, and `os.access` tells both.
    """
    folder = path.parent
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return Message("it is on a file system mounted read-only")
    except (OSError, AttributeError):  # Windows has no statvfs; a missing folder is not this
        pass
    try:
        if path.exists() and not os.access(path, os.W_OK):
            return Message("the file itself is read-only")
        if folder.is_dir() and not os.access(folder, os.W_OK | os.X_OK):
            return Message(
                "its folder {folder} is read-only, so SQLite cannot create its {wal} and "
                "{shm} files there",
                folder=folder,
                wal=f"{path.name}-wal",
                shm=f"{path.name}-shm",
            )
        for log in (f"{path.name}-wal", f"{path.name}-shm"):
            beside = path.with_name(log)
            if beside.exists() and not os.access(beside, os.R_OK | os.W_OK):
                return Message("its file {file} is read-only", file=beside)
    except OSError:
        return None
    return None


def without_full_text_search(path: Path | str) -> StoreError:
    """The error for a SQLite built without FTS5, which the history filter's index needs."""
    return StoreError(
        Message(
            "The SQLite library this Python uses has no full-text search (FTS5), which the "
            "lane database {path} needs for its search index. The file is left as it was. "
            "Run the lane client with a Python whose SQLite has FTS5 (Debian's and "
            "python.org's have).",
            path=path,
        )
    )


def lacks_full_text_search(error: sqlite3.Error) -> bool:
    """The error of a SQLite without FTS5: at a statement on the index, or at FTS5's function."""
    text = str(error)
    return "no such module: fts5" in text or "no such function: fts5" in text


@contextmanager
def decoding(what: str) -> Iterator[None]:
    """Values read back from the database that do not decode are damage, not bugs.

    Only this program writes the file, always valid; a value that no longer decodes was
    changed on disk (by hand, a tool or a fault). `what` names it for the message.
    """
    try:
        yield
    except (ValueError, KeyError, TypeError, IndexError) as error:
        detail = f"{error} is missing" if isinstance(error, KeyError) else str(error)
        raise StoreCorrupt(
            Message(
                "{what} cannot be read from the lane database: it was changed on disk or "
                "damaged ({detail}). The file is left as it is: run `inspection-client audit "
                "verify`, and ask IT to restore the data directory from a backup.",
                what=what,
                detail=detail,
            )
        ) from error


@contextmanager
def translated_errors(path: Path) -> Iterator[None]:
    """Re-raise environment-caused SQLite errors as `StoreError`s."""
    try:
        yield
    except sqlite3.Error as error:
        friendly = translate(error, path)
        if friendly is None:
            raise
        raise friendly from error
