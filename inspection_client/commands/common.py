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
from inspection_client.store import restore_hold, witness
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
    if store.rolled_back is not None:
        print(f"warning: {restore_hold.describe(store.rolled_back)}", file=sys.stderr)
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
        witness.path_of(database),
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


# A PIN or a passphrase is one short line; more than this on stdin is not one.
MAX_SECRET_LINE_BYTES = 4096


def line_from_stdin(what: str, *, strip: bool) -> str:
    """`what` (a PIN, a passphrase), given on standard input by a script: its first line.

    The line may end in LF, CR LF (a file saved on Windows) or nothing; with `strip`,
    spaces and tabs around it are dropped too. Blank lines after it are ignored, but a second
    line with text is refused rather than ignored: it is not clear which line was meant (a
    PIN given twice, as at the prompt, or a file of several). On a terminal only one line
    is read.

    Raises:
        InputError: nothing on stdin, an empty first line, a second line with text, more
            than 4 KiB, or bytes that are not UTF-8 text.
    """
    from inspection_client.errors import InputError

    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # replaced by a text stream (an embedding program, a test)
        raw = sys.stdin.read(MAX_SECRET_LINE_BYTES + 1).encode("utf-8", "surrogateescape")
    elif sys.stdin.isatty():
        raw = stream.readline(MAX_SECRET_LINE_BYTES + 1)
    else:
        raw = stream.read(MAX_SECRET_LINE_BYTES + 1)
    if len(raw) > MAX_SECRET_LINE_BYTES:
        raise InputError(f"Standard input is longer than a {what} can be: give it on one line.")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(
            f"Standard input is not UTF-8 text; give the {what} on one line."
        ) from None
    if not text:
        raise InputError(f"No {what} on standard input: give it on the first line.")
    first, *rest = text.replace("\r\n", "\n").split("\n")
    if not first.strip():
        raise InputError(f"The first line of standard input is empty: give the {what} on it.")
    if any(line.strip() for line in rest):
        raise InputError(
            f"Standard input holds more than one line; give the {what} once, on the first "
            "line alone. Nothing was changed."
        )
    return first.strip() if strip else first


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
