"""Files a backup or a restore writes before they take their name, and what a killed one left.

A backup is written as a hidden `.lane-backup-….partial` beside its target and renamed only
once checked, so a half-written one is never taken for a backup. A process killed (or a
machine switched off) before the rename leaves that file behind: a database-sized copy of
travellers' personal data, on a stick that fills up with them. The writer holds a lock on
its file while it works, so the next backup or restore in the same folder can tell a
leftover from a file another one is writing, and removes only the leftovers.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no leftover is recognised, so none is removed
    fcntl = None  # type: ignore[assignment]

BACKUP_PREFIX, BACKUP_SUFFIX = ".lane-backup-", ".partial"
RESTORE_PREFIXES = (".restoring-", ".unsealing-")
# The files SQLite keeps beside a database while it writes it.
COMPANIONS = ("", "-journal", "-wal", "-shm")

_held: dict[Path, int] = {}  # partial file -> the descriptor holding its lock


def hold(path: Path, handle: int) -> None:
    """Lock the new partial file `path`, open as `handle`, until `discard`."""
    if fcntl is not None:
        with contextlib.suppress(OSError):  # a medium without locks: nothing is removed
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    _held[path] = handle


def discard(path: Path) -> None:
    """Remove `path` (if it was not renamed) and what SQLite kept beside it; drop its lock."""
    for suffix in COMPANIONS:
        with contextlib.suppress(OSError):
            Path(f"{path}{suffix}").unlink()
    handle = _held.pop(path, None)
    if handle is not None:
        os.close(handle)


def remove_leftover_backups(folder: Path) -> None:
    """Remove the partial backups in `folder` that no running backup holds.

    Best effort: a folder that cannot be listed, or a file that cannot be removed (a
    read-only stick), stays as it is; a backup never fails for it.
    """
    if fcntl is None:
        return
    with contextlib.suppress(OSError):
        for path in folder.glob(f"{BACKUP_PREFIX}*{BACKUP_SUFFIX}*"):
            main = Path(str(path).removesuffix(path.name) + _main_name(path.name))
            if main.exists() and _in_use(main):
                continue
            with contextlib.suppress(OSError):
                path.unlink()


def remove_leftover_restores(folder: Path) -> None:
    """Remove the copies a restore staged in `folder` whose process is gone (killed)."""
    with contextlib.suppress(OSError):
        for prefix in RESTORE_PREFIXES:
            # The database staged, SQLite's files beside it, and its witness (`store.witness`).
            for path in [*folder.glob(f"{prefix}*.db*"), *folder.glob(f"{prefix}*.head")]:
                pid = path.name.removeprefix(prefix).split(".", 1)[0]
                if pid.isdigit() and not _running(int(pid)):
                    with contextlib.suppress(OSError):
                        path.unlink()


def _main_name(name: str) -> str:
    for suffix in COMPANIONS[1:]:
        if name.endswith(BACKUP_SUFFIX + suffix):
            return name.removesuffix(suffix)
    return name


def _in_use(path: Path) -> bool:
    assert fcntl is not None
    try:
        handle = os.open(path, os.O_RDONLY)
    except OSError:
        return True  # cannot tell: leave it
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(handle)  # closing drops the lock just taken
    return False


def _running(pid: int) -> bool:
    if pid == os.getpid() or os.name == "nt":  # Windows' os.kill would end the process
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # another user's process: it exists
    return True
