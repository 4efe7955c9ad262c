"""What several sub-commands share: finding and opening the workstation's store."""

from __future__ import annotations

import argparse
import contextlib
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from inspection_client import paths
from inspection_client.store.database import Store

if TYPE_CHECKING:
    from inspection_client.domain.models import Officer

SubParsers = "argparse._SubParsersAction[argparse.ArgumentParser]"


def open_store(args: argparse.Namespace, *, create: bool = False, reading: bool = False) -> Store:
    """The workstation's store; with `reading`, for a command that only reads, opened
    read-only (with a warning) when the database cannot be written."""
    directory = paths.data_dir(getattr(args, "data_dir", None))
    store = Store.open(paths.database_file(directory), create=create, allow_read_only=reading)
    for warning in store.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return store


@contextlib.contextmanager
def nothing_left_if_refused(directory: Path) -> Iterator[None]:
    """Around a command that sets up a data directory (enrolment, a restore): when it fails,
    whatever it created goes again, so that a refused command leaves no half-set-up
    workstation behind to be mistaken for one. A folder that was there before keeps what it
    held, and only the lane's own files (database, key) that were not there are removed.
    """
    directory = directory.expanduser().absolute()
    created = _top_missing_folder(directory)
    database = paths.database_file(directory)
    ours = [
        database,
        *(database.with_name(database.name + end) for end in ("-wal", "-shm", "-journal")),
        paths.workstation_key_file(directory),
    ]
    there = {path for path in ours if path.exists() or path.is_symlink()}
    try:
        yield
    except BaseException:
        if created is not None:
            shutil.rmtree(created, ignore_errors=True)
        else:
            for path in ours:
                if path not in there:
                    with contextlib.suppress(OSError):
                        path.unlink(missing_ok=True)
        raise


def _top_missing_folder(directory: Path) -> Path | None:
    """The outermost folder on the way to `directory` that does not exist yet (the one
    creating `directory` would create first); None when `directory` exists."""
    missing = None
    try:
        for folder in (directory, *directory.parents):
            if folder.exists() or folder.is_symlink():
                break
            missing = folder
    except OSError:  # a folder on the way that cannot be read: nothing can be created there
        return None
    return missing


def supervisor_account(store: Store, code: str) -> Officer:
    """The supervisor (or admin) account `code` names, for a decision taken on their word.

    Raises:
        InputError: no such account, or not a supervisor's.
    """
    from inspection_client.domain.codes import Role
    from inspection_client.errors import InputError
    from inspection_client.store import officers

    supervisor = officers.get_officer(store, code)
    if supervisor is None or supervisor.role not in (Role.SUPERVISOR, Role.ADMIN):
        raise InputError(f"{code} is not a supervisor account on this workstation.")
    return supervisor


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def positive_int_up_to(maximum: int) -> Callable[[str], int]:
    """`positive_int`, and at most `maximum`."""

    def parse(text: str) -> int:
        value = positive_int(text)
        if value > maximum:
            raise argparse.ArgumentTypeError(f"must be at most {maximum:,}")
        return value

    return parse


def central_url(text: str) -> str:
    """An argparse type: the central's address, http:// or https:// with a host."""
    from urllib.parse import urlsplit

    parts = urlsplit(text.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not the address of a central: give http://HOST:PORT or "
            "https://HOST (as IT gave it)"
        )
    return text.strip()
