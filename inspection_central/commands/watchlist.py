"""The `inspection-central watchlist import|show` command: publish watchlists from CSV files."""

from __future__ import annotations

import argparse
import json
from datetime import timedelta

from inspection_client.paths import given_path_object
from inspection_client.watchlist.payload import LIST_NAMES


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `watchlist import` and `watchlist show`."""
    watchlist = sub.add_parser(
        "watchlist",
        help="import watchlists and publish them as signed snapshots",
        description="Import watchlist CSV files (formats in docs/watchlist.md) and publish "
        "them to the lanes as the next signed snapshot.",
    )
    verbs = watchlist.add_subparsers(dest="watchlist_command", metavar="COMMAND", required=True)
    load = verbs.add_parser(
        "import",
        help="replace one list from a CSV file and publish the next snapshot",
        description="Replace one list entirely with the rows of FILE and publish the next "
        "snapshot carrying every list. A header line that does not fit the list, or any bad "
        "row, rejects the whole file: every problem is listed with its line number and "
        "nothing is published (exit status 2).",
    )
    load.add_argument(
        "file", metavar="FILE", type=given_path_object, help="UTF-8 CSV file with a header"
    )
    load.add_argument(
        "--list",
        dest="list_name",
        choices=LIST_NAMES,
        help="which list FILE replaces (default: recognised from the header)",
    )
    load.add_argument(
        "--valid-days",
        type=int,
        default=30,
        metavar="N",
        help="days until lanes see the snapshot as stale (default 30)",
    )
    load.add_argument(
        "--allow-empty",
        action="store_true",
        help="publish a FILE without entries even though the list has some (empties it)",
    )
    load.add_argument("--json", action="store_true", help="print the outcome as JSON")
    _database_option(load)
    load.set_defaults(handler=_import)
    show = verbs.add_parser(
        "show",
        help="the latest published watchlist snapshot",
        description="The latest published watchlist snapshot: its version, when it was issued "
        "and expires, and how many entries each list holds.",
    )
    show.add_argument("--json", action="store_true", help="print as JSON")
    _database_option(show)
    show.set_defaults(handler=_show)


def _database_option(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS: a --database given before the command name is not overwritten by None.
    parser.add_argument(
        "--database",
        metavar="URL_OR_PATH",
        default=argparse.SUPPRESS,
        help="postgresql://... or a SQLite file (default: $INSPECTION_CENTRAL_DATABASE, "
        "else the embedded database)",
    )


def _import(args: argparse.Namespace) -> int:
    from inspection_central.storage import open_storage
    from inspection_central.watchlist_import import import_list
    from inspection_client.errors import InputError

    if not 1 <= args.valid_days <= 3650:
        raise InputError("--valid-days must be between 1 and 3650")
    storage = open_storage(getattr(args, "database", None), upgrade=False)
    try:
        outcome = import_list(
            storage,
            args.file,
            args.list_name,
            valid_for=timedelta(days=args.valid_days),
            allow_empty=args.allow_empty,
        )
    finally:
        storage.close()
    if args.json:
        print(
            json.dumps(
                {
                    "list": outcome.list_name,
                    "entries": outcome.entries,
                    "version": outcome.version,
                    "expires_at": outcome.expires_at,
                    "lists": outcome.counts,
                }
            )
        )
    else:
        print(
            f"{outcome.list_name}: {outcome.entries:,} entries imported; watchlist snapshot "
            f"{outcome.version} published (expires {outcome.expires_at})."
        )
        print("  " + ", ".join(f"{name} {count:,}" for name, count in outcome.counts.items()))
    return 0


def _show(args: argparse.Namespace) -> int:
    from inspection_central import reference
    from inspection_central.storage import open_storage
    from inspection_client.sync.wire import ReferenceKind
    from inspection_client.watchlist.payload import PayloadError, list_size, read_payload

    storage = open_storage(getattr(args, "database", None), create=False, upgrade=False)
    try:
        signed = reference.latest(storage, ReferenceKind.WATCHLIST)
    finally:
        storage.close()
    if signed is None:
        print(json.dumps({"version": None}) if args.json else "No watchlist published yet.")
        return 0
    snapshot = signed.snapshot
    try:
        counts = {n: list_size(c) for n, c in read_payload(snapshot.payload).items()}
    except PayloadError as error:
        counts = {}
        print(f"warning: the stored payload is malformed: {error}")
    if args.json:
        print(
            json.dumps(
                {
                    "version": snapshot.version,
                    "issued_at": snapshot.issued_at.isoformat(),
                    "expires_at": snapshot.expires_at.isoformat(),
                    "lists": counts,
                }
            )
        )
    else:
        print(
            f"Watchlist snapshot {snapshot.version}, issued {snapshot.issued_at:%Y-%m-%d %H:%M}"
            f", expires {snapshot.expires_at:%Y-%m-%d %H:%M}"
        )
        for name, count in counts.items():
            print(f"  {name:<11}{count:>10,}")
    return 0
