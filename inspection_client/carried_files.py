"""Reading a file someone brought (a USB stick, a path typed by hand) without trusting it.

A name on a stick can be a pipe that never ends, a link to ``/dev/zero`` or a folder; the
size a device reports is 0. Such a file is refused before a byte of it is read, and a real
file is read only up to its limit, so that neither waits forever nor fills the memory.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path


class NotAFile(OSError):
    """The name is a device, pipe, socket or folder rather than a file."""


def read_file_at_most(path: Path, limit: int) -> bytes | None:
    """The bytes of the regular file at ``path``, or None when it holds more than ``limit``.

    Raises:
        NotAFile: the name is something other than a regular file (after links).
        OSError: the file cannot be opened or read (missing, no permission, I/O error).
    """
    # Without O_NONBLOCK, opening a pipe waits for a writer that may never come.
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        regular = stat.S_ISREG(os.fstat(descriptor).st_mode)
    except OSError:
        os.close(descriptor)
        raise
    if not regular:
        os.close(descriptor)
        raise NotAFile(errno.EINVAL, "not a file (a device, pipe or folder)", os.fspath(path))
    with open(descriptor, "rb") as handle:
        data = handle.read(limit + 1)
    return None if len(data) > limit else data
