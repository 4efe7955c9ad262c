"""`inspection-central lanes add|list`: the lane configuration published to the lanes."""

from __future__ import annotations

import argparse

from inspection_central.commands.common import Subparsers, add_database_argument

LANE_KINDS = ("passenger", "vehicle", "freight", "green_channel")


def register(sub: Subparsers) -> None:
    parser = sub.add_parser(
        "lanes",
        help="maintain the lane configuration",
        description="Maintain the lanes of each port; each change publishes a new snapshot.",
    )
    verbs = parser.add_subparsers(dest="verb", metavar="VERB", required=True)
    add = verbs.add_parser("add", help="add or change a lane", description="Add or change a lane.")
    add.add_argument("port_code", metavar="PORT")
    add.add_argument("lane_id", metavar="LANE")
    add.add_argument("--kind", required=True, choices=LANE_KINDS)
    add_database_argument(add)
    add.set_defaults(handler=_add)
    listing = verbs.add_parser("list", help="list lanes", description="List the lanes.")
    listing.add_argument("--json", action="store_true", help="print JSON")
    add_database_argument(listing)
    listing.set_defaults(handler=_list)


def _add(args: argparse.Namespace) -> int:
    import re

    from inspection_central import reference
    from inspection_central.commands.common import open_from_args
    from inspection_central.errors import InputError
    from inspection_central.storage import LaneEntry
    from inspection_client.sync.wire import ReferenceKind

    port, lane = args.port_code.upper(), args.lane_id.upper()
    if not re.fullmatch(r"[A-Z0-9]{2,8}", port):
        raise InputError(f"Port code {args.port_code!r}: 2 to 8 letters or digits.")
    if not re.fullmatch(r"[A-Z0-9-]{1,12}", lane):
        raise InputError(f"Lane {args.lane_id!r}: 1 to 12 letters, digits or dashes.")
    storage = open_from_args(args)
    try:
        storage.signing_key()  # the change is published signed: refuse a wrong key first
        storage.add_lane(LaneEntry(port, lane, args.kind))
        snapshot = reference.republish(storage, ReferenceKind.LANES)
    finally:
        storage.close()
    print(f"Lane {port}/{lane} ({args.kind}) saved; lanes version {snapshot.snapshot.version}.")
    return 0


def _list(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from inspection_central.commands.common import open_from_args, print_json

    storage = open_from_args(args, create=False)
    try:
        lanes = storage.lanes()
    finally:
        storage.close()
    if args.json:
        print_json([asdict(lane) for lane in lanes])
        return 0
    for lane in lanes:
        print(f"{lane.port_code:8} {lane.lane_id:12} {lane.kind}")
    return 0
