"""`inspection-client shift list`: the latest shifts of this workstation, with their counts."""

from __future__ import annotations

import argparse
import json

from inspection_client.commands.common import open_store, positive_int_up_to


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "shift",
        help="list shifts",
        description="Shifts of this workstation, newest first.",
    )
    actions = parser.add_subparsers(dest="shift_command", metavar="ACTION", required=True)
    listing = actions.add_parser(
        "list",
        help="the latest shifts with their clearance counts",
        description="The latest shifts, newest first: id, officer, opening and closing time "
        "and clearances as they stand (a voided one not counted). With --json, also the "
        "records not yet synced.",
    )
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    listing.add_argument(
        "--limit",
        type=positive_int_up_to(100_000),
        default=50,
        metavar="N",
        help="at most N shifts (default 50; 100,000 at most)",
    )
    listing.set_defaults(handler=run_list)


def run_list(args: argparse.Namespace) -> int:
    from inspection_client.store.shifts import list_shifts, shift_counts

    with open_store(args, reading=True) as store:
        rows = []
        for shift in list_shifts(store, limit=args.limit):
            counts = shift_counts(store, shift.shift_id)
            rows.append(
                {
                    "shift_id": str(shift.shift_id),
                    "officer": shift.officer,
                    "lane": shift.lane_id,
                    "opened_at": shift.opened_at.isoformat(),
                    "closed_at": shift.closed_at.isoformat() if shift.closed_at else None,
                    "clearances": counts.total,
                    "by_decision": counts.by_decision,
                    "pending_sync": counts.pending_sync,
                }
            )
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    if not rows:
        print("No shifts at this workstation yet.")
        return 0
    print(f"{'shift id':36}  {'officer':8}  {'opened':16}  {'closed':16}  {'clearances':>10}")
    for row in rows:
        opened = str(row["opened_at"])[:16].replace("T", " ")
        closed = str(row["closed_at"] or "open")[:16].replace("T", " ")
        print(
            f"{row['shift_id']:36}  {row['officer']:8}  {opened:16}  {closed:16}  "
            f"{row['clearances']:>10,}"
        )
    return 0
