"""Writing a finished report or slip to disk without leaving half a file behind."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from inspection_client import paths
from inspection_client.errors import UserFacingError
from inspection_client.message import Message


class OutputError(UserFacingError):
    """The document could not be written where the user asked."""

    exit_status = 3


def save_document(path: Path, data: bytes, *, data_dir: Path | None = None) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename.

    The file is readable by its owner only (0600): reports and slips hold personal data.

    Args:
        path: where to write.
        data: the document's bytes.
        data_dir: the workstation's data directory: a file the workstation keeps there (its
            database, the database's journal, its key, reference data) is never replaced.

    Raises:
        OutputError: the folder does not exist, is not writable, or the disk is full; or the
            path names something other than a file (a folder, a device, a pipe), which the
            rename would replace; or one of the workstation's own files.
    """
    path = Path(path).expanduser()
    folder = path.parent if str(path.parent) else Path(".")
    if data_dir is not None and _is_workstation_file(path, folder, data_dir):
        raise OutputError(
            Message(
                "{path} is one of this workstation's own files (its database, key or reference "
                "data); write the document to another name or folder.",
                path=path,
            )
        )
    if path.is_dir():
        raise OutputError(
            Message("{path} is a folder; give a file name to write the document to.", path=path)
        )
    if path.exists() and not path.is_file():
        raise OutputError(
            Message("{path} is not a regular file; give a file name to write to.", path=path)
        )
    if not folder.is_dir():
        if folder.exists():
            raise OutputError(
                Message("{folder} is a file, not a folder; choose another place.", folder=folder)
            )
        raise OutputError(
            Message(
                "The folder {folder} does not exist; create it or choose another.", folder=folder
            )
        )
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
    except OSError as error:
        raise OutputError(
            Message(
                "Cannot write to {folder}: {error}.", folder=folder, error=error.strerror or error
            )
        ) from error
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise OutputError(
            Message("Cannot write {path}: {error}.", path=path, error=error.strerror or error)
        ) from error


# What this program writes as documents; none of the workstation's own files ends so.
DOCUMENT_SUFFIXES = frozenset({".pdf", ".png", ".csv", ".xlsx"})


def _is_workstation_file(path: Path, folder: Path, data_dir: Path) -> bool:
    """Whether ``path`` is a file in the data directory, or the name of a database journal.

    A document written there earlier (a report or slip of its own name) may be written again.
    """
    try:
        in_data_dir = folder.is_dir() and data_dir.is_dir() and folder.samefile(data_dir)
    except OSError:
        return False
    database = paths.database_file(data_dir).name
    # SQLite reads its -wal and -journal files back on opening, even ones that were not there.
    if not in_data_dir or path.name.startswith(database):
        return in_data_dir
    return path.exists() and path.suffix.lower() not in DOCUMENT_SUFFIXES
