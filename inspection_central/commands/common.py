"""What every `inspection-central` command shares: the --database option and JSON output."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import date
from pathlib import Path
from typing import Any, TypeAlias

from inspection_central.storage import CentralStorage

Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def whole_number(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from `low` to `high`."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"must be from {low:,} to {high:,}")
        return value

    return parse


def add_database_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--database",
        metavar="URL_OR_PATH",
        help="postgresql://... URL or SQLite file (default: $INSPECTION_CENTRAL_DATABASE, "
        "else central.db in the user data directory)",
    )


def folder_to_write(given: str) -> Path:
    """`--to` of an export, checked before anything is read or written: an existing folder,
    or a new one inside an existing folder.

    Raises:
        InputError: it names a file, or the folder it would be made in does not exist.
    """
    from inspection_central.errors import InputError

    folder = Path(given).expanduser()
    if folder.exists() and not folder.is_dir():
        raise InputError(
            f"{folder} is a file, not a folder; choose another place. Nothing was written."
        )
    if not folder.exists() and not folder.parent.is_dir():
        # A stick not mounted: the folder made on the central's own disk would hold
        # travellers' records where no one looks, and the stick would leave empty.
        raise InputError(
            f"There is no folder {folder.parent} to write {folder.name} in (is the stick "
            "mounted?); nothing was written."
        )
    return folder


@contextmanager
def writing_into(folder: Path) -> Iterator[Path]:
    """`folder` (from `folder_to_write`), made if it is new, and removed again when the
    command made it but wrote nothing into it (a refusal, nothing to export)."""
    from inspection_central.errors import CentralError

    made = not folder.exists()
    try:
        folder.mkdir(exist_ok=True)
    except OSError as error:
        raise CentralError(f"Cannot create {folder}: {error.strerror or error}") from error
    try:
        yield folder
    finally:
        if made:
            with suppress(OSError):  # not empty after all: what was written stays
                folder.rmdir()


def open_from_args(
    args: argparse.Namespace,
    *,
    create: bool = True,
    make_key: bool = False,
    upgrade: bool = False,
) -> CentralStorage:
    """The storage `--database` names; commands that only read it pass `create=False`, so
    that a mistyped path is an error rather than an empty new central. `serve` passes
    `make_key`: on PostgreSQL it alone makes a missing key in the data directory. `serve`
    and `upgrade` pass `upgrade`: the other commands leave an older schema as it is, and
    refuse it, rather than change it under the servers of the older version."""
    from inspection_central.storage import open_storage

    return open_storage(
        getattr(args, "database", None), create=create, make_key=make_key, upgrade=upgrade
    )


def _json_value(value: Any) -> Any:
    """Times as ISO 8601 (`2026-12-05T23:17:28+00:00`), like every other JSON the
    commands print; anything else JSON cannot hold as its text."""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=_json_value)
    sys.stdout.write("\n")
