"""`inspection-central import`: ingest USB batch files and write their receipts."""

from __future__ import annotations

import argparse

from inspection_central.commands.common import Subparsers, add_database_argument
from inspection_client.paths import given_path

EXIT_SOME_REFUSED = 1


def register(sub: Subparsers) -> None:
    parser = sub.add_parser(
        "import",
        help="ingest USB batch files (*.batch.json) and write their receipts",
        description="Ingest signed batch files exactly as if they had been uploaded, and "
        "write <name>.receipt.json next to each for the workstation to import. Importing "
        "twice or out of order is harmless. Exit status 1 when a file was refused.",
    )
    parser.add_argument("source", type=given_path, metavar="FILE_OR_DIR")
    add_database_argument(parser)
    parser.set_defaults(handler=_import)


def _import(args: argparse.Namespace) -> int:
    from pathlib import Path

    from inspection_central.commands.common import open_from_args
    from inspection_central.usb import batch_files, import_file

    source = Path(args.source).expanduser()
    files = batch_files(source)
    if not files:
        print(f"No batch files (*.batch.json) in {source}.")
        return EXIT_SOME_REFUSED
    storage = open_from_args(args)
    refused = 0
    try:
        for path in files:
            outcome = import_file(storage, path)
            if outcome.error:
                refused += 1
                print(f"{path.name}: REFUSED {outcome.error}")
                continue
            earlier = " (imported before; the same receipt again)" if outcome.repeat else ""
            print(
                f"{path.name}{earlier}: {outcome.accepted} accepted, "
                f"{outcome.duplicates} duplicate, "
                f"{outcome.conflicts} conflict, {outcome.rejected} rejected -> "
                f"{outcome.receipt_file.name if outcome.receipt_file else '-'}"
            )
    finally:
        storage.close()
    return EXIT_SOME_REFUSED if refused else 0
