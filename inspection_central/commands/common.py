"""What every `inspection-central` command shares: the --database option and JSON output."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
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


def made_folder(given: str) -> Path:
    """The folder a command writes into, made if needed."""
    from inspection_central.errors import CentralError

    folder = Path(given).expanduser()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise CentralError(f"Cannot create {folder}: {error}") from error
    return folder


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
