"""`inspection-central export-reference`: signed snapshots as files, for ports without a link."""

from __future__ import annotations

import argparse

from inspection_central.commands.common import Subparsers, add_database_argument
from inspection_client.paths import given_path


def register(sub: Subparsers) -> None:
    parser = sub.add_parser(
        "export-reference",
        help="write the latest reference snapshots to a folder (USB delivery)",
        description="Write the latest signed snapshot of each kind as "
        "<kind>-v<version>.snapshot.json into a folder, for `inspection-client reference "
        "import` at ports without a link.",
    )
    parser.add_argument(
        "--to",
        required=True,
        type=given_path,
        metavar="DIR",
        help="destination folder (made if needed, inside an existing one)",
    )
    add_database_argument(parser)
    parser.set_defaults(handler=_export)


def _export(args: argparse.Namespace) -> int:
    from inspection_central import reference, withdrawals
    from inspection_central.commands.common import folder_to_write, open_from_args, writing_into
    from inspection_central.usb import write_atomically
    from inspection_client.sync.wire import ReferenceKind

    folder = folder_to_write(args.to)
    storage = open_from_args(args, create=False)
    written = 0
    try:
        # The gates on the stick get the withdrawn release slips as of now.
        withdrawals.refresh(storage)
        with writing_into(folder):
            for kind in ReferenceKind:
                document = reference.latest_document(storage, kind)
                if document is None:
                    continue
                target = folder / f"{kind.value}-v{document[0]}.snapshot.json"
                write_atomically(target, document[1])
                print(f"wrote {target}")
                written += 1
    finally:
        storage.close()
    if not written:
        print("Nothing has been published yet; no snapshot written.")
    return 0
