"""`inspection-central chain-alerts list|resolve`: batches that broke a workstation's audit chain.

An alert stays open, and `stats` shows it, until IT has investigated (a workstation restored
from an old backup, a disk swapped, history edited) and resolves it with a note of what was
found. Resolved alerts are kept with who resolved them and when.
"""

from __future__ import annotations

import argparse

from inspection_central.commands.common import Subparsers, add_database_argument, whole_number

MAX_NAME = 64
MAX_RESOLUTION = 2000


def register(sub: Subparsers) -> None:
    parser = sub.add_parser(
        "chain-alerts",
        help="list and resolve audit-chain alerts",
        description="Batches whose records do not continue their workstation's audit chain "
        "as held here (forked or edited history). Investigate each, then resolve it.",
    )
    verbs = parser.add_subparsers(dest="verb", metavar="VERB", required=True)
    listing = verbs.add_parser(
        "list",
        help="the open alerts (--all: resolved ones too)",
        description="List the open chain alerts, oldest first.",
    )
    listing.add_argument("--all", action="store_true", help="resolved alerts too")
    listing.add_argument("--json", action="store_true", help="print JSON")
    add_database_argument(listing)
    listing.set_defaults(handler=_list)
    resolve = verbs.add_parser(
        "resolve",
        help="close an alert once investigated",
        description="Close an open chain alert, keeping who closed it, when, and what the "
        "investigation found. The records it concerns stay as they are, flagged.",
    )
    resolve.add_argument("alert_id", metavar="ID", type=whole_number(1, 2**62))
    resolve.add_argument("--by", required=True, metavar="NAME", help="who investigated")
    resolve.add_argument(
        "--note", required=True, metavar="TEXT", help="what was found and done (kept for audit)"
    )
    add_database_argument(resolve)
    resolve.set_defaults(handler=_resolve)


def _list(args: argparse.Namespace) -> int:
    from inspection_central.commands.common import open_from_args, print_json
    from inspection_central.storage.figures import alert_figures

    storage = open_from_args(args, create=False)
    try:
        alerts = storage.chain_alerts(include_resolved=args.all)
    finally:
        storage.close()
    if args.json:
        print_json([alert_figures(alert) for alert in alerts])
        return 0
    if not alerts:
        print("No chain alerts." if args.all else "No open chain alerts.")
        return 0
    for alert in alerts:
        detected = alert.detected_at.isoformat(timespec="seconds")
        print(
            f"#{alert.alert_id} {alert.workstation_id} seq {alert.first_seq}-{alert.last_seq} "
            f"detected {detected}: {alert.reason}"
        )
        if alert.resolved_at is not None:
            resolved = alert.resolved_at.isoformat(timespec="seconds")
            print(f"    resolved {resolved} by {alert.resolved_by}: {alert.resolution}")
    return 0


def _resolve(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from inspection_central.commands.common import open_from_args
    from inspection_central.errors import CentralError, NotFound

    by, note = _text(args.by, "--by", MAX_NAME), _text(args.note, "--note", MAX_RESOLUTION)
    storage = open_from_args(args, create=False)
    try:
        outcome = storage.resolve_chain_alert(
            args.alert_id, by=by, resolution=note, at=datetime.now(UTC)
        )
    finally:
        storage.close()
    if outcome is None:
        raise NotFound(f"There is no chain alert #{args.alert_id}.")
    alert, closed_now = outcome
    if not closed_now:
        resolved = alert.resolved_at.isoformat(timespec="seconds") if alert.resolved_at else "?"
        raise CentralError(
            f"Chain alert #{alert.alert_id} was resolved already, on {resolved} by "
            f"{alert.resolved_by}: {alert.resolution}"
        )
    print(
        f"Chain alert #{alert.alert_id} ({alert.workstation_id} seq {alert.first_seq}-"
        f"{alert.last_seq}) is resolved."
    )
    return 0


def _text(value: str, option: str, limit: int) -> str:
    """A one-line, printable, non-empty value of at most `limit` characters."""
    from inspection_central.errors import InputError

    text = value.strip()
    if not text:
        raise InputError(f"{option} must not be empty.")
    if len(text) > limit:
        raise InputError(f"{option} takes at most {limit:,} characters ({len(text):,} given).")
    if not text.isprintable():
        raise InputError(f"{option} must be printable text on one line.")
    return text
