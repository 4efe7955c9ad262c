"""`inspection-central workstation add|reissue|cancel|list|revoke|reinstate|made-while-revoked`:
the lanes' workstations, their enrolment codes, and the records they may have made while
revoked."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from inspection_central.commands.common import Subparsers, add_database_argument, whole_number

if TYPE_CHECKING:
    from inspection_central.enrolment import Invitation

LANE_KINDS = ("passenger", "vehicle", "freight", "green_channel")
DEFAULT_LIMIT = 200


def register(sub: Subparsers) -> None:
    parser = sub.add_parser(
        "workstation",
        help="enrol, list, revoke and reinstate lane workstations; records made while revoked",
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
    reissue = verbs.add_parser(
        "reissue",
        help="print a new enrolment code for a workstation awaiting enrolment",
        description="Print a new one-time enrolment code, valid 24 hours, for a workstation "
        "that has not enrolled yet (its code ran out, or was lost); its earlier codes stop "
        "working.",
    )
    reissue.add_argument("workstation_id", metavar="ID")
    reissue.add_argument("--json", action="store_true", help="print a JSON object")
    add_database_argument(reissue)
    reissue.set_defaults(handler=_reissue)
    cancel = verbs.add_parser(
        "cancel",
        help="delete a workstation entry that never enrolled",
        description="Delete a workstation entry that no device enrolled with, and its codes "
        "(an entry added by mistake, or whose code was never used). An enrolled workstation "
        "is revoked instead.",
    )
    cancel.add_argument("workstation_id", metavar="ID")
    add_database_argument(cancel)
    cancel.set_defaults(handler=_cancel)
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
    reinstate = verbs.add_parser(
        "reinstate",
        help="lift a workstation's revocation",
        description="Lift the revocation of an enrolled workstation, so that it delivers the "
        "records it kept: only when the device and its key are known to be in the lane's "
        "hands (revoked by mistake, or found again). The reason is kept with the dates.",
    )
    reinstate.add_argument("workstation_id", metavar="ID")
    reinstate.add_argument(
        "--reason", required=True, help="why the workstation may send again (kept on record)"
    )
    add_database_argument(reinstate)
    reinstate.set_defaults(handler=_reinstate)
    marked = verbs.add_parser(
        "made-while-revoked",
        help="records a workstation may have made while it was revoked",
        description="List the records that a reinstated workstation delivered and may have "
        "made while it was revoked: numbered after the last record this central held when it "
        "was revoked, and stamped by the device before it was reinstated. The device clock "
        "alone never clears a record (whoever held the device could set it).",
    )
    marked.add_argument("workstation_id", metavar="ID", nargs="?", help="only this workstation's")
    marked.add_argument(
        "--limit",
        type=whole_number(1, 1_000_000),
        default=DEFAULT_LIMIT,
        metavar="N",
        help=f"at most N records (default {DEFAULT_LIMIT})",
    )
    marked.add_argument("--json", action="store_true", help="print JSON")
    add_database_argument(marked)
    marked.set_defaults(handler=_made_while_revoked)


def _add(args: argparse.Namespace) -> int:
    import re
    import sys

    from inspection_central.commands.common import open_from_args
    from inspection_central.enrolment import invite
    from inspection_central.errors import InputError

    if not re.fullmatch(r"[A-Za-z0-9]{2,8}", args.port_code):
        raise InputError(f"Port code {args.port_code!r}: 2 to 8 letters or digits.")
    if not re.fullmatch(r"[A-Za-z0-9-]{1,12}", args.lane):
        raise InputError(f"Lane {args.lane!r}: 1 to 12 letters, digits or dashes.")
    storage = open_from_args(args)
    try:
        invitation = invite(storage, args.port_code, args.lane, args.lane_kind)
        waiting = [
            w.workstation_id
            for w in storage.workstations()
            if (w.port_code, w.lane_id) == (invitation.port_code, invitation.lane_id)
            and w.public_key is None
            and not w.revoked
            and w.workstation_id != invitation.workstation_id
        ]
    finally:
        storage.close()
    _print_invitation(invitation, as_json=args.json)
    if waiting:
        # Each `add` is an entry of its own: say which older ones for the lane still wait.
        print(
            f"note: lane {invitation.port_code}/{invitation.lane_id} has other entries that never "
            f"enrolled: {', '.join(waiting)}. `workstation reissue ID` gives one a new code; "
            "`workstation cancel ID` deletes one.",
            file=sys.stderr,
        )
    return 0


def _reissue(args: argparse.Namespace) -> int:
    from inspection_central.commands.common import open_from_args
    from inspection_central.enrolment import reissue

    storage = open_from_args(args, create=False)
    try:
        invitation = reissue(storage, args.workstation_id)
    finally:
        storage.close()
    _print_invitation(invitation, as_json=args.json)
    return 0


def _cancel(args: argparse.Namespace) -> int:
    from inspection_central.commands.common import open_from_args
    from inspection_central.errors import EntryRefused, NotFound

    storage = open_from_args(args, create=False)
    try:
        found = storage.cancel_workstation(args.workstation_id)
    finally:
        storage.close()
    if found == "unknown":
        raise NotFound(f"There is no workstation {args.workstation_id}.")
    if found != "done":
        raise EntryRefused(
            f"Workstation {args.workstation_id} has enrolled; its entry is kept. Revoke it "
            f"instead (`inspection-central workstation revoke {args.workstation_id}`)."
        )
    print(f"Workstation entry {args.workstation_id} and its enrolment codes are deleted.")
    return 0


def _print_invitation(invitation: Invitation, *, as_json: bool) -> None:
    from inspection_central.commands.common import print_json

    if as_json:
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


def _list(args: argparse.Namespace) -> int:
    from inspection_central.commands.common import open_from_args, print_json

    storage = open_from_args(args, create=False)
    try:
        workstations = storage.workstations()
        lifted = storage.reinstatements()
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
                    "made_while_revoked": w.made_while_revoked,
                    "code_expires_at": w.code_expires_at,
                    "reinstated": [
                        {
                            "revoked_at": r.revoked_at,
                            "reinstated_at": r.reinstated_at,
                            "reason": r.reason,
                            "held_seq_at_revocation": r.held_seq_at_revocation,
                        }
                        for r in lifted
                        if r.workstation_id == w.workstation_id
                    ],
                }
                for w in workstations
            ]
        )
        return 0
    for w in workstations:
        seen = w.last_seen.isoformat(timespec="seconds") if w.last_seen else "never"
        line = (
            f"{w.workstation_id:24} {w.port_code:6} {w.lane_id:8} {w.lane_kind:14} "
            f"{w.state:20} seq {w.high_water_seq:<8} last seen {seen}"
        )
        if w.public_key is None and w.code_expires_at is not None:
            ends = "ran out" if w.state == "code expired" else "valid until"
            line += f"; code {ends} {w.code_expires_at.isoformat(timespec='seconds')}"
        if w.made_while_revoked:
            line += (
                f"; {w.made_while_revoked} record(s) made while revoked "
                f"(workstation made-while-revoked {w.workstation_id})"
            )
        print(line)
    return 0


def _made_while_revoked(args: argparse.Namespace) -> int:
    from inspection_central.commands.common import open_from_args, print_json
    from inspection_central.errors import NotFound

    storage = open_from_args(args, create=False)
    try:
        if args.workstation_id is not None and storage.workstation(args.workstation_id) is None:
            raise NotFound(f"There is no workstation {args.workstation_id}.")
        marked, total = storage.made_while_revoked(args.workstation_id, args.limit)
        lifted = [
            r
            for r in storage.reinstatements()
            if args.workstation_id is None or r.workstation_id == args.workstation_id
        ]
    finally:
        storage.close()
    if args.json:
        print_json(
            {
                "total": total,
                "records": [
                    {
                        "workstation_id": record.workstation_id,
                        "seq": record.seq,
                        "record_id": record.record_id,
                        "kind": record.kind,
                        "decision": record.decision,
                        "recorded_at": record.recorded_at,
                        "received_at": record.received_at,
                        "batch_id": record.batch_id,
                        "made_while_revoked": True,
                    }
                    for record in marked
                ],
                "reinstated": [
                    {
                        "workstation_id": r.workstation_id,
                        "revoked_at": r.revoked_at,
                        "reinstated_at": r.reinstated_at,
                        "reason": r.reason,
                        "held_seq_at_revocation": r.held_seq_at_revocation,
                    }
                    for r in lifted
                ],
            }
        )
        return 0
    for r in lifted:
        print(
            f"{r.workstation_id}: revoked {r.revoked_at.isoformat(timespec='seconds')} after "
            f"record #{r.held_seq_at_revocation}, reinstated "
            f"{r.reinstated_at.isoformat(timespec='seconds')}: {r.reason}"
        )
    if not marked:
        print("No record is marked as made while its workstation was revoked.")
        return 0
    for record in marked:
        stamped = (
            record.recorded_at.isoformat(timespec="seconds") if record.recorded_at else "unknown"
        )
        received = record.received_at.isoformat(timespec="seconds")
        print(
            f"{record.workstation_id} #{record.seq} {record.kind} {record.decision or '-'} "
            f"device time {stamped} received {received} record {record.record_id}"
        )
    if total > len(marked):
        print(f"{len(marked):,} of {total:,} shown; --limit N for more.")
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


def _reinstate(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from inspection_central import reference
    from inspection_central.commands.common import open_from_args
    from inspection_central.errors import EntryRefused, InputError, NotFound
    from inspection_client.sync.wire import ReferenceKind

    reason = " ".join(args.reason.split())
    if not 3 <= len(reason) <= 500:
        raise InputError("--reason: say in 3 to 500 characters why the workstation may send.")
    storage = open_from_args(args, create=False)
    try:
        storage.signing_key()  # the change is published signed: refuse a wrong key first
        found = storage.reinstate(args.workstation_id, reason, datetime.now(UTC))
        if found == "done":
            reference.republish(storage, ReferenceKind.WORKSTATION_KEYS)
    finally:
        storage.close()
    if found == "unknown":
        raise NotFound(f"There is no workstation {args.workstation_id}.")
    if found == "not revoked":
        print(f"Workstation {args.workstation_id} is not revoked; nothing changed.")
        return 0
    if found == "awaiting":
        raise EntryRefused(
            f"Workstation {args.workstation_id} never enrolled, so it holds no records to "
            f"deliver; add a new entry for its lane (`workstation add`) and cancel this one "
            f"(`workstation cancel {args.workstation_id}`)."
        )
    print(
        f"Workstation {args.workstation_id} is reinstated: its batches and requests are "
        "accepted again, records made while it was revoked included; those are marked "
        f"(`inspection-central workstation made-while-revoked {args.workstation_id}`)."
    )
    return 0
