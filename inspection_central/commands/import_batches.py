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
        "write <name>.receipt.json next to each (or into --receipts-to) for the workstation "
        "to import. Importing twice or out of order is harmless: a batch stored before gets "
        "the same receipt again. Every file is tried; exit status 1 when a file was refused, "
        "a file manifest.json names is missing, manifest.json cannot be read, or a receipt "
        "could not be written.",
    )
    parser.add_argument("source", type=given_path, metavar="FILE_OR_DIR")
    parser.add_argument(
        "--receipts-to",
        type=given_path,
        metavar="DIR",
        help="write the receipts into DIR (made if needed) instead of next to the batch files, "
        "e.g. when the stick is write-protected",
    )
    add_database_argument(parser)
    parser.set_defaults(handler=_import)


def _import(args: argparse.Namespace) -> int:
    import sys
    from pathlib import Path

    from inspection_central.commands.common import folder_to_write, open_from_args
    from inspection_central.errors import CentralError
    from inspection_central.usb import MANIFEST, batch_files, import_file

    source = Path(args.source).expanduser()
    found = batch_files(source)
    if found.manifest_error:
        print(
            f"{MANIFEST}: CANNOT BE READ ({found.manifest_error}); every batch file in "
            f"{source} is tried, but a batch the lane wrote that is missing cannot be told."
        )
    for name in found.missing:
        print(f"{name}: MISSING, {MANIFEST} names it but it is not in {source}")
    files = found.files
    if not files:
        print(f"No batch files (*.batch.json) in {source}.")
        return EXIT_SOME_REFUSED
    receipts_to = None
    if args.receipts_to:
        # As for the exports: receipts for a stick that is not mounted would go nowhere.
        receipts_to = folder_to_write(args.receipts_to)
        try:
            receipts_to.mkdir(exist_ok=True)
        except OSError as error:
            raise CentralError(f"Cannot create {receipts_to}: {error.strerror or error}") from error
    storage = open_from_args(args)
    refused = unwritten = 0
    try:
        for path in files:
            outcome = import_file(storage, path, receipts_to)
            if outcome.error:
                refused += 1
                print(f"{path.name}: REFUSED {outcome.error}")
                continue
            earlier = ""
            if outcome.repeat:
                earlier = " (imported before; the same receipt again)"
            elif outcome.examined_again:
                earlier = " (imported before; the records it rejected examined again)"
            counts = (
                f"{outcome.accepted} accepted, {outcome.duplicates} duplicate, "
                f"{outcome.conflicts} conflict, {outcome.rejected} rejected"
            )
            if outcome.receipt_error:
                unwritten += 1
                print(
                    f"{path.name}{earlier}: {counts}; stored, but RECEIPT NOT WRITTEN: "
                    f"{outcome.receipt_error}"
                )
                continue
            receipt = outcome.receipt_file.name if outcome.receipt_file else "-"
            print(f"{path.name}{earlier}: {counts} -> {receipt}")
    finally:
        storage.close()
    if unwritten:
        receipts = "1 receipt was" if unwritten == 1 else f"{unwritten} receipts were"
        print(
            f"{receipts} not written; their batches are stored. Import the same files again "
            f"with --receipts-to a writable folder (nothing is stored twice): "
            f"`inspection-central import {source} --receipts-to DIR`, then take DIR to the "
            "lane for `inspection-client sync import-receipt DIR`.",
            file=sys.stderr,
        )
    if found.missing:
        print(
            f"{len(found.missing)} batch file(s) that {MANIFEST} names are missing: export "
            "again at the lane (`inspection-client sync export`) and import that folder "
            "(nothing is stored twice).",
            file=sys.stderr,
        )
    incomplete = found.missing or found.manifest_error
    return EXIT_SOME_REFUSED if refused or unwritten or incomplete else 0
