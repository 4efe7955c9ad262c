"""`inspection-client officer`: local sign-in accounts (an IT or supervisor task).

The roster from the central names officers but carries no PINs; an account gets its PIN
on the workstation, typed twice at a prompt or given on standard input for scripts.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from typing import TYPE_CHECKING

from inspection_client.commands.common import open_store
from inspection_client.domain.codes import Role
from inspection_client.errors import InputError

if TYPE_CHECKING:
    from inspection_client.store.database import Store
    from inspection_client.store.officers import Account


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "officer",
        help="local sign-in accounts",
        description="Local sign-in accounts and their PINs.",
    )
    actions = parser.add_subparsers(dest="officer_command", metavar="ACTION", required=True)
    add = actions.add_parser(
        "add",
        help="add a new account and set its PIN",
        description="Add a new account and set its PIN. A code that already has an account "
        "is refused: change it with set-pin, set-role, disable or enable.",
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
    set_role = actions.add_parser(
        "set-role",
        help="give an existing account another role",
        description="Give an existing account another role. A roster from the central sets "
        "the role again for the officers it lists.",
    )
    set_role.add_argument("code", metavar="CODE")
    set_role.add_argument("role", metavar="ROLE", choices=[r.value for r in Role])
    set_role.set_defaults(handler=run_set_role)
    disable = actions.add_parser(
        "disable",
        help="keep an account from signing in (its PIN is removed)",
        description="Keep an account from signing in. Its PIN is removed, so that no roster "
        "update lets it in again; enable sets a new one.",
    )
    disable.add_argument("code", metavar="CODE")
    disable.set_defaults(handler=run_disable)
    enable = actions.add_parser(
        "enable",
        help="let a disabled account sign in again, with a new PIN",
        description="Let a disabled account sign in again, with a new PIN.",
    )
    enable.add_argument("code", metavar="CODE")
    enable.add_argument(
        "--pin-stdin",
        action="store_true",
        help="read the PIN from the first line of standard input",
    )
    enable.set_defaults(handler=run_enable)
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
    with open_store(args) as store:
        store.require_workstation()
        # Refused before the PIN is asked for, and again when adding (the code may have come
        # with a roster in between).
        existing = officers.get_account(store, officer.code)
        if existing is None:
            existing = officers.new_officer(store, officer, _read_pin(args.pin_stdin))
    if existing is not None:
        raise InputError(_already_there(existing))
    print(f"Account {officer.code} ({officer.role.value}) can sign in on this workstation.")
    return 0


def _already_there(account: Account) -> str:
    code, role = account.officer.code, account.officer.role.value
    if not account.active:
        return (
            f"There is already an account {code} ({role}, {account.officer.name}), disabled; "
            f"nothing was changed. `officer enable {code}` lets it sign in again."
        )
    return (
        f"There is already an account {code} ({role}, {account.officer.name}); nothing was "
        f"changed. Change it with `officer set-pin {code}`, `officer set-role {code} ROLE` "
        f"or `officer disable {code}`."
    )


def _existing(store: Store, code: str) -> Account:
    from inspection_client.store import officers

    account = officers.get_account(store, code)
    if account is None:
        raise InputError(f"There is no account {code.strip().upper()} on this workstation.")
    return account


def run_set_pin(args: argparse.Namespace) -> int:
    from inspection_client.store import officers

    with open_store(args) as store:
        account = _existing(store, args.code)
        if not account.active:
            raise InputError(
                f"The account {account.officer.code} is disabled; "
                f"`officer enable {account.officer.code}` sets its PIN and lets it sign in."
            )
        officers.add_officer(store, account.officer, _read_pin(args.pin_stdin))
    print(f"New PIN set for {account.officer.code}.")
    return 0


def run_set_role(args: argparse.Namespace) -> int:
    from inspection_client.store import officers

    with open_store(args) as store:
        code = _existing(store, args.code).officer.code
        officers.set_role(store, code, Role(args.role))
    print(f"Account {code} is now {args.role}.")
    return 0


def run_disable(args: argparse.Namespace) -> int:
    from inspection_client.store import officers

    with open_store(args) as store:
        account = officers.disable_officer(store, args.code)
    if account is None:
        raise InputError(f"There is no account {args.code.strip().upper()} on this workstation.")
    if not account.active:
        print(f"Account {account.officer.code} was disabled already.")
    else:
        print(f"Account {account.officer.code} can no longer sign in; its PIN was removed.")
    return 0


def run_enable(args: argparse.Namespace) -> int:
    from inspection_client.store import officers

    with open_store(args) as store:
        account = _existing(store, args.code)
        if account.active:
            raise InputError(
                f"The account {account.officer.code} is not disabled; "
                f"`officer set-pin {account.officer.code}` gives it a new PIN."
            )
        officers.add_officer(store, account.officer, _read_pin(args.pin_stdin))
    print(f"Account {account.officer.code} can sign in again, with the new PIN.")
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
