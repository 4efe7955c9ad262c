"""Writing a finished report or slip to disk without leaving half a file behind."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from inspection_client.errors import UserFacingError
from inspection_client.message import Message


class OutputError(UserFacingError):
    """The document could not be written where the user asked."""

    exit_status = 3


def save_document(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename.

    The file is readable by its owner only (0600): reports and slips hold personal data.

    Raises:
        OutputError: the folder does not exist, is not writable, or the disk is full; or the
            path names something other than a file (a folder, a device, a pipe), which the
            rename would replace.
    """
    path = Path(path).expanduser()
    folder = path.parent if str(path.parent) else Path(".")
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
