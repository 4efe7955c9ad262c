"""The `inspection-client watchlist status|check|alerts|import-snapshot` command.

`check` exits 1 on a hit, 0 without one, 2 on a usage error and 3 when no watchlist
snapshot is active on this workstation.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Any

from inspection_client import paths
from inspection_client.errors import InputError, UserFacingError

EXIT_NO_HIT = 0
EXIT_HIT = 1
EXIT_NO_SNAPSHOT = 3


class NoActiveWatchlist(UserFacingError):
    exit_status = EXIT_NO_SNAPSHOT


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `watchlist` and its verbs."""
    watchlist = sub.add_parser(
        "watchlist",
        help="the offline watchlists: status, checks, retrospective alerts",
        description="The watchlist snapshot active on this workstation, and checks against it.",
    )
    verbs = watchlist.add_subparsers(dest="watchlist_command", metavar="COMMAND", required=True)

    status = verbs.add_parser("status", help="which snapshot is active, its age and size")
    status.add_argument("--json", action="store_true", help="print as JSON")
    status.set_defaults(handler=_status)

    check = verbs.add_parser(
        "check",
        help="check a document, name, plate, VIN or container",
        description="Check one value against the active snapshot. Exit status: 0 no hit, "
        "1 hit, 2 usage error, 3 no snapshot active.",
    )
    what = check.add_mutually_exclusive_group(required=True)
    what.add_argument("--document", metavar="NUMBER", help="travel document number (with --state)")
    what.add_argument("--name", metavar="NAME", help='a person\'s name, e.g. "ERIKSSON ANNA"')
    what.add_argument("--plate", metavar="PLATE", help="registration plate (with --country)")
    what.add_argument("--vin", metavar="VIN", help="vehicle identification number")
    what.add_argument("--container", metavar="NUMBER", help="ISO 6346 container number")
    check.add_argument("--state", metavar="XXX", help="issuing state of --document")
    check.add_argument("--country", metavar="XXX", help="registration country of --plate")
    check.add_argument(
        "--birth-date",
        metavar="YYYY-MM-DD",
        type=_birth_date,
        help="birth date for --name, or its year alone (YYYY) when only that is known",
    )
    check.add_argument("--nationality", metavar="XXX", default="", help="nationality for --name")
    check.add_argument("--json", action="store_true", help="print the result as JSON")
    check.set_defaults(handler=_check, parser=check)

    alerts = verbs.add_parser("alerts", help="retrospective alerts waiting for a supervisor")
    alerts.add_argument("--json", action="store_true", help="print as JSON lines")
    alerts.set_defaults(handler=_alerts)

    load = verbs.add_parser(
        "import-snapshot",
        help="apply a signed watchlist snapshot file (as `reference import` does)",
        description="Verify a signed watchlist snapshot file against the pinned central key "
        "(or --central-key) and make it active. Older or equal versions change nothing.",
    )
    load.add_argument(
        "file", type=paths.given_path_object, metavar="FILE", help="a *.snapshot.json file"
    )
    load.add_argument(
        "--central-key",
        metavar="KEY",
        help="the central's public key (base64url), when this workstation has none pinned; "
        "write it as --central-key=KEY, since a key may begin with '-'",
    )
    load.set_defaults(handler=_import_snapshot)


def _birth_date(text: str) -> tuple[date | None, int | None]:
    from inspection_client.watchlist.normalise import parse_birth

    try:
        return parse_birth(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _status(args: argparse.Namespace) -> int:
    from inspection_client.commands.common import open_store
    from inspection_client.watchlist.apply import needs_rebuild
    from inspection_client.watchlist.retrospective import owed_recheck
    from inspection_client.watchlist.status import watchlist_status

    with open_store(args, reading=True) as store:
        status = watchlist_status(store)
        damaged = status.active and needs_rebuild(store)
        owed = owed_recheck(store)
    # A snapshot whose file is missing or damaged is recorded as active, yet checks nothing.
    exit_status = EXIT_NO_SNAPSHOT if damaged else 0
    if args.json:
        extra = {
            "file_usable": status.active and not damaged,
            "recheck_owed": {"version": owed[0], "since": owed[1].isoformat()} if owed else None,
        }
        print(json.dumps(status.to_json() | extra))
        return exit_status
    if not status.active:
        print("No watchlist snapshot is active: checks are recorded as not checked.")
        return 0
    assert status.issued_at and status.expires_at and status.age is not None
    days = status.age.days
    print(
        f"Watchlist snapshot {status.version}, issued {status.issued_at:%Y-%m-%d %H:%M} "
        f"({days} day(s) ago), expires {status.expires_at:%Y-%m-%d %H:%M}"
        + ("  STALE: past its expiry, get a new one" if status.stale else "")
    )
    for name, count in status.entries.items():
        print(f"  {name:<11}{count:>10,}")
    if damaged:
        print(
            "Its file is missing or damaged: nothing is checked until the snapshot is imported "
            "again (sync, or `inspection-client reference import FILE`)."
        )
    if owed:
        print(
            f"The re-check of the clearances of the day before {owed[1]:%Y-%m-%d %H:%M %Z} "
            "is still owed (the lane stopped before it ended): the window makes it when it "
            "starts, and `inspection-client watchlist alerts` makes it now."
        )
    return exit_status


def _check(args: argparse.Namespace) -> int:
    from inspection_client.commands.common import open_store
    from inspection_client.watchlist.check import open_checker

    parser: argparse.ArgumentParser = args.parser
    if args.document is not None and not args.state:
        parser.error("--document needs --state (the issuing state, e.g. UTO)")
    if args.plate is not None and not args.country:
        parser.error("--plate needs --country (the registration country, e.g. CHN)")
    if args.birth_date is not None and args.name is None:
        parser.error("--birth-date goes with --name")
    given = (args.document, args.name, args.plate, args.vin, args.container)
    if not any(value.strip() for value in given if value is not None):
        parser.error("the value to check is empty")
    with open_store(args, reading=True) as store:
        checker = open_checker(store)
    if checker is None:
        raise NoActiveWatchlist(
            "No watchlist snapshot is active on this workstation; nothing was checked. "
            "Sync with the central or import a snapshot file."
        )
    with checker:
        if args.document is not None:
            hits = checker.documents(args.document, args.state)
        elif args.name is not None:
            born, year = args.birth_date or (None, None)
            hits = checker.persons(
                args.name, birth_date=born, birth_year=year, nationality=args.nationality
            )
        elif args.plate is not None:
            hits = checker.plates(args.plate, args.country)
        elif args.vin is not None:
            hits = checker.vins(args.vin)
        else:
            hits = checker.containers(args.container)
        stale = checker.stale()
        version = checker.version
    # A VIN or container number that fails its own check is checked as given (a watchlist
    # may list a forged one), but "No hit" alone would read as a clean vehicle when the value
    # was mistyped: the fault is said beside it.
    problems = _value_problems(args.vin, args.container)
    if args.json:
        result: dict[str, Any] = {
            "snapshot_version": version,
            "stale": stale,
            "hit": bool(hits),
            "hits": [hit.model_dump(mode="json") for hit in hits],
            "value_errors": problems,
        }
        print(json.dumps(result, ensure_ascii=False))
    else:
        if stale:
            print(f"warning: watchlist snapshot {version} is past its expiry", file=sys.stderr)
        if problems:
            print(
                "warning: checked as given, but it is not a valid "
                + ("VIN" if args.vin is not None else "container number")
                + ": "
                + "; ".join(problems),
                file=sys.stderr,
            )
        if not hits:
            print(f"No hit (watchlist snapshot {version}).")
        for hit in hits:
            print(
                f"HIT {hit.list_name} {hit.entry_id} score {hit.score} "
                f"action {hit.action.upper()}: {hit.reason}"
            )
    return EXIT_HIT if hits else EXIT_NO_HIT


def _value_problems(vin: str | None, container: str | None) -> list[str]:
    """What the VIN's or container number's own check finds wrong with it (empty: valid, or
    neither was given)."""
    if vin is not None:
        from inspection_client.domain.vin import validate_vin

        return list(validate_vin(vin).errors)
    if container is not None:
        from inspection_client.domain.container import validate_container

        return list(validate_container(container).errors)
    return []


def _alerts(args: argparse.Namespace) -> int:
    from inspection_client.commands.common import open_store
    from inspection_client.watchlist.retrospective import (
        owed_recheck,
        pending_alerts,
        recheck_if_owed,
    )

    with open_store(args) as store:
        # A re-check the lane still owes (it stopped before one ended) is made first, so
        # that the list is whole.
        if owed_recheck(store) is not None:
            made = recheck_if_owed(store)
            print(
                f"The re-check the lane still owed was made now: {made} new alert(s)."
                if owed_recheck(store) is None
                else "The re-check the lane still owes cannot be made: the watchlist file is "
                "missing or damaged (`inspection-client watchlist status`).",
                file=sys.stderr,
            )
        alerts = pending_alerts(store)
    for alert in alerts:
        if args.json:
            print(
                json.dumps(
                    {
                        "id": alert.id,
                        "record_id": str(alert.record_id),
                        "record_seq": alert.record_seq,
                        "recorded_at": alert.recorded_at.isoformat(),
                        "snapshot_version": alert.snapshot_version,
                        "list": alert.list_name,
                        "entry_id": alert.entry_id,
                        "score": alert.score,
                        "reason": alert.reason,
                        "action": alert.action,
                        "subject": alert.subject,
                    },
                    ensure_ascii=False,
                )
            )
        else:
            print(
                f"#{alert.id} record {alert.record_seq} ({alert.recorded_at:%Y-%m-%d %H:%M}) "
                f"{alert.subject}: {alert.list_name} {alert.entry_id} score {alert.score}, "
                f"{alert.action}: {alert.reason}"
            )
    if not alerts and not args.json:
        print("No retrospective alerts pending.")
    return 0


def _import_snapshot(args: argparse.Namespace) -> int:
    from inspection_client.commands.common import open_store
    from inspection_client.sync.keys import public_key_from_text
    from inspection_client.watchlist.apply import apply_snapshot, read_snapshot_file

    key = None
    if args.central_key:
        try:
            key = public_key_from_text(args.central_key)
        except ValueError as error:
            raise InputError(f"--central-key is not an Ed25519 public key: {error}") from None
    signed = read_snapshot_file(args.file)
    with open_store(args) as store:
        result = apply_snapshot(store, signed, central_key=key)
    print(result.message)
    # In use all the same; the database that refused its re-check wants IT's attention.
    return 3 if result.unchecked else 0
