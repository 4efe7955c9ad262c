"""`inspection-central export-records`: a workstation's records as signed files, for a lane
restored from an old backup that has no link to take them back itself."""

from __future__ import annotations

import argparse

from inspection_central.commands.common import Subparsers, add_database_argument, whole_number
from inspection_client.paths import given_path


def register(sub: Subparsers) -> None:
    parser = sub.add_parser(
        "export-records",
        help="a workstation's records past N as signed files (USB), for a restored lane",
        description="Write the records this central holds for workstation ID past record "
        "N into DIR as signed page files (<ID>-after-000000123.records.json). A lane restored "
        "from a backup that ends at record N takes them back with `inspection-client sync "
        "take-back DIR`: the same records, numbers and audit chain it had before. N is the "
        "restored lane's last record (its `db info`, 'Audit head … sequence N').",
    )
    parser.add_argument("--workstation", required=True, metavar="ID")
    parser.add_argument(
        "--after", required=True, type=whole_number(0, 2**62), metavar="N", help="last record"
    )
    parser.add_argument(
        "--to",
        required=True,
        type=given_path,
        metavar="DIR",
        help="a folder (made if needed, inside an existing one)",
    )
    add_database_argument(parser)
    parser.set_defaults(handler=_export)


def _export(args: argparse.Namespace) -> int:
    from inspection_central.commands.common import folder_to_write, open_from_args, writing_into
    from inspection_central.held import export_pages

    folder = folder_to_write(args.to)
    storage = open_from_args(args, create=False)
    try:
        with writing_into(folder):
            done = export_pages(storage, args.workstation, args.after, folder)
    finally:
        storage.close()
    for path in done.files:
        print(f"wrote {path}")
    beyond = ""
    if done.gaps:
        missing = ", ".join(f"#{a}" if a == b else f"#{a}-#{b}" for a, b in done.gaps)
        beyond = (
            f" It also holds records past the gap(s) {missing}, which a lane cannot take "
            "back: a lane restored from the files would number records the central holds. "
            "Investigate before giving them to the lane (`inspection-central stats`)."
        )
    if done.records == 0:
        print(
            f"The central holds no record of {args.workstation} past #{args.after} that can "
            f"be taken back (it holds up to #{done.high_water_seq}); nothing was written." + beyond
        )
        return 0 if done.high_water_seq <= args.after and not done.gaps else 1
    print(
        f"{done.records:,} records of {args.workstation} (#{args.after + 1} to "
        f"#{done.last_seq}) in {len(done.files)} file(s)."
    )
    if done.last_seq < done.high_water_seq:
        print(
            f"The central holds records up to #{done.high_water_seq}, but #{done.last_seq + 1} "
            "is missing or quarantined: the lane can take back only up to "
            f"#{done.last_seq}. See `inspection-central problems --workstation "
            f"{args.workstation}`."
        )
        return 1
    if beyond:
        print(beyond.strip())
        return 1
    return 0
