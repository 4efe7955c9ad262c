"""`inspection-central stats`: what the central holds, and how far each workstation has got."""

from __future__ import annotations

import argparse
from datetime import datetime

from inspection_central.commands.common import Subparsers, add_database_argument


def register(sub: Subparsers) -> None:
    parser = sub.add_parser(
        "stats",
        help="records by port, lane, kind and decision; progress of each workstation",
        description="Records held by port, lane, kind and decision; per workstation: last "
        "seen, high-water sequence, chain head, gaps, open chain alerts, records it may have "
        "made while it was revoked.",
    )
    parser.add_argument("--json", action="store_true", help="print JSON")
    add_database_argument(parser)
    parser.set_defaults(handler=_stats)


def _stats(args: argparse.Namespace) -> int:
    from inspection_central.commands.common import open_from_args, print_json

    storage = open_from_args(args, create=False)
    try:
        figures = storage.stats()
    finally:
        storage.close()
    if args.json:
        print_json(figures)
        return 0
    print(f"Records held: {figures['records_total']}")
    for title, key in (
        ("By port", "by_port"),
        ("By lane", "by_lane"),
        ("By kind", "by_kind"),
        ("By decision", "by_decision"),
    ):
        if figures[key]:
            print(f"{title}: " + ", ".join(f"{k} {v}" for k, v in figures[key].items()))
    print(f"Quarantined: {figures['quarantined_total']}  Rejected: {figures['rejected_total']}")
    if figures["made_while_revoked_total"]:
        print(
            f"Made while the workstation was revoked: {figures['made_while_revoked_total']} "
            "(inspection-central workstation made-while-revoked)"
        )
    for w in figures["workstations"]:
        gaps = ", ".join(f"{a}-{b}" for a, b in w["gaps"]) or "none"
        head = (w["chain_head"] or "-")[:16]
        print(
            f"{w['workstation_id']:24} {w['state']:18} records {w['records']:<8} "
            f"seq {w['high_water_seq']:<8} head {head:16} gaps {gaps}  "
            f"last seen {_to_the_second(w['last_seen'])}"
            + (f"  open chain alerts {w['chain_alerts']}" if w["chain_alerts"] else "")
            + (f"  made while revoked {w['made_while_revoked']}" if w["made_while_revoked"] else "")
        )
    for alert in figures["chain_alerts"]:
        print(
            f"CHAIN ALERT #{alert['alert_id']} {alert['workstation_id']} seq "
            f"{alert['first_seq']}-{alert['last_seq']}: {alert['reason']}"
        )
    if figures["chain_alerts"]:
        print(
            "Investigate each chain alert, then close it: "
            "inspection-central chain-alerts resolve ID --by NAME --note TEXT"
        )
    if figures["chain_alerts_resolved"]:
        print(
            f"Resolved chain alerts: {figures['chain_alerts_resolved']} "
            "(inspection-central chain-alerts list --all)"
        )
    return 0


def _to_the_second(when: object) -> str:
    """A stored time for people: to the second, as `workstation list` shows it."""
    if not when:
        return "never"
    try:
        return datetime.fromisoformat(str(when)).isoformat(timespec="seconds")
    except ValueError:
        return str(when)
