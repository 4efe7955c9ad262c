"""`inspection-central workstation add|list|revoke`: the lanes' workstations and their codes."""

from __future__ import annotations

import argparse

from inspection_central.commands.common import Subparsers, add_database_argument

LANE_KINDS = ("passenger", "vehicle", "freight", "green_channel")


def register(sub: Subparsers) -> None:
    parser = sub.add_parser(
        "workstation",
        help="enrol, list and revoke lane workstations",
        description="Manage the workstations that may send records to this central.",
    )
    verbs = parser.add_subparsers(dest="verb", metavar="VERB", required=True)
    add = verbs.add_parser(
        "add",
        help="register a workstation and print its one-time enrolment code",
        description="Register a workstation for a lane and print a one-time enrolment code, "
        "valid 24 hours, for `inspection-client enrol`.",
    )
    add.add_argument("--port-code", required=True, help="port code, e.g. KHG")
    add.add_argument("--lane", required=True, help="lane id, e.g. P01")
    add.add_argument(
        "--lane-kind",
        choices=LANE_KINDS,
        help="kind of lane (default: as configured with `lanes add`, else passenger)",
    )
    add.add_argument("--json", action="store_true", help="print a JSON object")
    add_database_argument(add)
    add.set_defaults(handler=_add)
    listing = verbs.add_parser("list", help="list workstations", description="List workstations.")
    listing.add_argument("--json", action="store_true", help="print JSON")
    add_database_argument(listing)
    listing.set_defaults(handler=_list)
    revoke = verbs.add_parser(
        "revoke",
        help="revoke a workstation",
        description="Revoke a workstation: its batches and requests are refused from now on.",
    )
    revoke.add_argument("workstation_id", metavar="ID")
    add_database_argument(revoke)
    revoke.set_defaults(handler=_revoke)


def _add(args: argparse.Namespace) -> int:
    import re

    from inspection_central.commands.common import open_from_args, print_json
    from inspection_central.enrolment import invite
    from inspection_central.errors import InputError

    if not re.fullmatch(r"[A-Za-z0-9]{2,8}", args.port_code):
        raise InputError(f"Port code {args.port_code!r}: 2 to 8 letters or digits.")
    if not re.fullmatch(r"[A-Za-z0-9-]{1,12}", args.lane):
        raise InputError(f"Lane {args.lane!r}: 1 to 12 letters, digits or dashes.")
    storage = open_from_args(args)
    try:
        invitation = invite(storage, args.port_code, args.lane, args.lane_kind)
    finally:
        storage.close()
    if args.json:
        print_json(
            {
                "code": invitation.code,
                "expires_at": invitation.expires_at.isoformat(),
                "workstation_id": invitation.workstation_id,
                "port_code": invitation.port_code,
                "lane_id": invitation.lane_id,
                "lane_kind": invitation.lane_kind,
            }
        )
    else:
        print(f"Workstation {invitation.workstation_id} ({invitation.lane_kind} lane)")
        print(f"Enrolment code: {invitation.code}")
        print(f"Valid until {invitation.expires_at.isoformat()}; it works once.")
    return 0


def _list(args: argparse.Namespace) -> int:
    from inspection_central.commands.common import open_from_args, print_json

    storage = open_from_args(args, create=False)
    try:
        workstations = storage.workstations()
    finally:
        storage.close()
    if args.json:
        print_json(
            [
                {
                    "workstation_id": w.workstation_id,
                    "port_code": w.port_code,
                    "lane_id": w.lane_id,
                    "lane_kind": w.lane_kind,
                    "state": w.state,
                    "public_key": w.public_key,
                    "enrolled_at": w.enrolled_at,
                    "revoked_at": w.revoked_at,
                    "last_seen": w.last_seen,
                    "high_water_seq": w.high_water_seq,
                    "records": w.records,
                }
                for w in workstations
            ]
        )
        return 0
    for w in workstations:
        seen = w.last_seen.isoformat(timespec="seconds") if w.last_seen else "never"
        print(
            f"{w.workstation_id:24} {w.port_code:6} {w.lane_id:8} {w.lane_kind:14} "
            f"{w.state:20} seq {w.high_water_seq:<8} last seen {seen}"
        )
    return 0


def _revoke(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from inspection_central import reference
    from inspection_central.commands.common import open_from_args
    from inspection_central.errors import NotFound
    from inspection_client.sync.wire import ReferenceKind

    storage = open_from_args(args, create=False)
    try:
        held = storage.workstation(args.workstation_id)
        if held is not None and held.revoked_at is not None:
            # A repeat publishes nothing: the lanes' key list already says so.
            print(
                f"Workstation {args.workstation_id} was revoked already, on "
                f"{held.revoked_at.isoformat(timespec='seconds')}; nothing changed."
            )
            return 0
        storage.signing_key()  # the change is published signed: refuse a wrong key first
        if not storage.revoke(args.workstation_id, datetime.now(UTC)):
            raise NotFound(f"There is no workstation {args.workstation_id}.")
        reference.republish(storage, ReferenceKind.WORKSTATION_KEYS)
    finally:
        storage.close()
    print(f"Workstation {args.workstation_id} is revoked.")
    return 0
