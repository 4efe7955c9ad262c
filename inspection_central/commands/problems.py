"""`inspection-central problems`: the records the central keeps aside, for IT to investigate.

Quarantined records (their id or seq is held with other content: an edited record, or a lane
restored from an old backup numbering its records again) and rejected ones (not valid
records), each with the reason and the content exactly as it arrived.
"""

from __future__ import annotations

import argparse

from inspection_central.commands.common import Subparsers, add_database_argument, whole_number

DEFAULT_LIMIT = 200


def register(sub: Subparsers) -> None:
    parser = sub.add_parser(
        "problems",
        help="quarantined and rejected records, with their reasons",
        description="Records kept aside: quarantined (id or seq held with other content) and "
        "rejected (not valid records), by workstation and sequence number.",
    )
    parser.add_argument("--workstation", metavar="ID", help="only this workstation's")
    parser.add_argument(
        "--limit",
        type=whole_number(1, 1_000_000),
        default=DEFAULT_LIMIT,
        metavar="N",
        help=f"at most N records (default {DEFAULT_LIMIT})",
    )
    parser.add_argument(
        "--json", action="store_true", help="print JSON, with each record's content as sent"
    )
    add_database_argument(parser)
    parser.set_defaults(handler=_problems)


def _problems(args: argparse.Namespace) -> int:
    from inspection_central.commands.common import open_from_args, print_json
    from inspection_central.errors import NotFound

    storage = open_from_args(args, create=False)
    try:
        if args.workstation is not None and storage.workstation(args.workstation) is None:
            raise NotFound(f"There is no workstation {args.workstation}.")
        held, total = storage.held_back(args.workstation, args.limit)
    finally:
        storage.close()
    if args.json:
        print_json(
            {
                "total": total,
                "records": [
                    {
                        "state": record.state,
                        "workstation_id": record.workstation_id,
                        "seq": record.seq,
                        "record_id": record.record_id,
                        "reason": record.reason,
                        "batch_id": record.batch_id,
                        "received_at": record.received_at.isoformat(),
                        "content": record.content,
                    }
                    for record in held
                ],
            }
        )
        return 0
    if not held:
        print("No quarantined or rejected records.")
        return 0
    for record in held:
        received = record.received_at.isoformat(timespec="seconds")
        print(
            f"{record.workstation_id} #{record.seq} {record.state} {received} "
            f"record {record.record_id}: {record.reason}"
        )
    if total > len(held):
        print(f"{len(held):,} of {total:,} shown; --limit N for more, --json for contents.")
    return 0
