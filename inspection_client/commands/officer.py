"""`inspection-client officer`: local sign-in accounts (an IT or supervisor task).

The roster from the central names officers but carries no PINs; an account gets its PIN
on the workstation, typed twice at a prompt or given on standard input for scripts.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys

from inspection_client.commands.common import open_store
from inspection_client.domain.codes import Role
from inspection_client.errors import InputError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "officer",
        help="local sign-in accounts",
        description="Local sign-in accounts and their PINs.",
    )
    actions = parser.add_subparsers(dest="officer_command", metavar="ACTION", required=True)
    add = actions.add_parser(
        "add",
        help="add or update an account and set its PIN",
        description="Add or update an account and set its PIN.",
    )
    add.add_argument("code", metavar="CODE")
    add.add_argument("--name", required=True)
    add.add_argument("--role", choices=[r.value for r in Role], default=Role.OFFICER.value)
    add.add_argument(
        "--pin-stdin",
        action="store_true",
        help="read the PIN from the first line of standard input",
    )
    add.set_defaults(handler=run_add)
    set_pin = actions.add_parser(
        "set-pin",
        help="set a new PIN for an existing account",
        description="Set a new PIN for an existing account.",
    )
    set_pin.add_argument("code", metavar="CODE")
    set_pin.add_argument(
        "--pin-stdin",
        action="store_true",
        help="read the PIN from the first line of standard input",
    )
    set_pin.set_defaults(handler=run_set_pin)
    listing = actions.add_parser(
        "list", help="accounts on this workstation", description="Accounts on this workstation."
    )
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=run_list)


def _read_pin(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().strip()
    if not sys.stdin.isatty():
        raise InputError("No terminal to ask for the PIN: use --pin-stdin.")
    pin = getpass.getpass("PIN: ")
    if getpass.getpass("PIN again: ") != pin:
        raise InputError("The two PINs differ; nothing was changed.")
    return pin


def run_add(args: argparse.Namespace) -> int:
    from pydantic import ValidationError

    from inspection_client.domain.models import Officer
    from inspection_client.domain.validation import describe_validation
    from inspection_client.store import officers

    try:
        officer = Officer(code=args.code, name=args.name, role=Role(args.role))
    except ValidationError as error:
        raise InputError(f"Not a valid account: {describe_validation(error)}.") from None
    pin = _read_pin(args.pin_stdin)
    with open_store(args) as store:
        store.require_workstation()
        officers.add_officer(store, officer, pin)
    print(f"Account {officer.code} ({officer.role.value}) can sign in on this workstation.")
    return 0


def run_set_pin(args: argparse.Namespace) -> int:
    from inspection_client.store import officers

    with open_store(args) as store:
        officer = officers.get_officer(store, args.code)
        if officer is None:
            raise InputError(f"There is no account {args.code.upper()} on this workstation.")
        officers.add_officer(store, officer, _read_pin(args.pin_stdin))
    print(f"New PIN set for {officer.code}.")
    return 0


def run_list(args: argparse.Namespace) -> int:
    """The active accounts; one that cannot be read (a role or a name damaged on disk) is
    named on stderr instead of printed, and the exit status is 3."""
    from inspection_client.store import officers
    from inspection_client.store.errors import translated_errors

    with open_store(args) as store:
        before = len(store.warnings)
        accounts = officers.list_officers(store)
        damaged = store.warnings[before:]
        with translated_errors(store.path):
            with_pin = {
                code
                for (code,) in store.conn.execute(
                    "SELECT code FROM officers WHERE active = 1 AND pin_hash IS NOT NULL"
                )
            }
    rows = [(a.code, a.name, a.role.value, a.code in with_pin) for a in accounts]
    if args.json:
        print(json.dumps([{"code": c, "name": n, "role": r, "has_pin": p} for c, n, r, p in rows]))
    else:
        for code, name, role, has_pin in rows:
            print(f"{code:<12} {role:<11} {'PIN set' if has_pin else 'no PIN yet':<11} {name}")
        if not rows and not damaged:
            print("No accounts yet.")
    for warning in damaged:
        print(f"inspection-client: {warning}", file=sys.stderr)
    return 3 if damaged else 0
