"""`inspection-client officer`: local sign-in accounts (an IT or supervisor task).

The roster from the central names officers but carries no PINs; an account gets its PIN
on the workstation, typed twice at a prompt or given on standard input for scripts.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from inspection_client.commands.common import line_from_stdin, open_store
from inspection_client.domain.codes import Role
from inspection_client.errors import InputError
from inspection_client.store.account_history import Via

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
    _pin_argument(add)
    add.set_defaults(handler=run_add)
    set_pin = actions.add_parser(
        "set-pin",
        help="set a new PIN for an existing account",
        description="Set a new PIN for an existing account.",
    )
    set_pin.add_argument("code", metavar="CODE")
    _pin_argument(set_pin)
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
    _pin_argument(enable)
    enable.set_defaults(handler=run_enable)
    listing = actions.add_parser(
        "list", help="accounts on this workstation", description="Accounts on this workstation."
    )
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=run_list)
    history = actions.add_parser(
        "history",
        help="who changed which account, when",
        description="Who changed which account, when and how: added, new PIN, role, name (by "
        "the central's roster), disabled, enabled, locked by wrong PINs, unlocked. Oldest "
        "first. Never shows a PIN.",
    )
    history.add_argument("code", metavar="CODE", nargs="?", help="only this account's changes")
    history.add_argument("--json", action="store_true")
    history.set_defaults(handler=run_history)


def _pin_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--pin-stdin",
        action="store_true",
        help="read the PIN from standard input: one line, for scripts (a Windows line end "
        "is fine; a second line with text is refused)",
    )


def _operator() -> str | None:
    """Who runs the command, for the accounts' history: the operating-system user."""
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return None


def _read_pin(from_stdin: bool) -> str:
    if from_stdin:
        return line_from_stdin("PIN", strip=True)
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
            existing = officers.new_officer(
                store, officer, _read_pin(args.pin_stdin), by=_operator(), via=Via.COMMAND_LINE
            )
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
        if account.active:
            pin = _read_pin(args.pin_stdin)
            account = (
                officers.set_pin(
                    store, account.officer.code, pin, by=_operator(), via=Via.COMMAND_LINE
                )
                or account
            )
        if not account.active:
            raise InputError(
                f"The account {account.officer.code} is disabled; "
                f"`officer enable {account.officer.code}` sets its PIN and lets it sign in."
            )
    print(f"New PIN set for {account.officer.code}.")
    return 0


def run_set_role(args: argparse.Namespace) -> int:
    from inspection_client.store import officers

    with open_store(args) as store:
        code = _existing(store, args.code).officer.code
        officers.set_role(store, code, Role(args.role), by=_operator(), via=Via.COMMAND_LINE)
    print(f"Account {code} is now {args.role}.")
    return 0


def run_disable(args: argparse.Namespace) -> int:
    from inspection_client.store import officers

    with open_store(args) as store:
        account = officers.disable_officer(store, args.code, by=_operator(), via=Via.COMMAND_LINE)
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
        if not account.active:
            pin = _read_pin(args.pin_stdin)
            account = (
                officers.set_pin(
                    store,
                    account.officer.code,
                    pin,
                    by=_operator(),
                    via=Via.COMMAND_LINE,
                    enable=True,
                )
                or account
            )
        if account.active:
            raise InputError(
                f"The account {account.officer.code} is not disabled; "
                f"`officer set-pin {account.officer.code}` gives it a new PIN."
            )
    print(f"Account {account.officer.code} can sign in again, with the new PIN.")
    return 0


def run_list(args: argparse.Namespace) -> int:
    """Every account, with what keeps it from signing in (no PIN yet, a lock, disabled); one
    that cannot be read (a role or a name damaged on disk) is named on stderr instead of
    printed, and the exit status is 3."""
    from inspection_client.store import officers

    with open_store(args, reading=True) as store:
        before = len(store.warnings)
        accounts = officers.list_accounts(store)
        damaged = store.warnings[before:]
    now = datetime.now(UTC)
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "code": a.officer.code,
                        "name": a.officer.name,
                        "role": a.officer.role.value,
                        "has_pin": a.has_pin,
                        "active": a.active,
                        "locked_until": _locked(a, now),
                    }
                    for a in accounts
                ]
            )
        )
    else:
        states = [_state(a, now) for a in accounts]
        width = max((len(state) for state in states), default=0)
        for account, state in zip(accounts, states, strict=True):
            code, role = account.officer.code, account.officer.role.value
            print(f"{code:<12} {role:<11} {state:<{width}} {account.officer.name}")
        if not accounts and not damaged:
            print("No accounts yet.")
    for warning in damaged:
        print(f"inspection-client: {warning}", file=sys.stderr)
    return 3 if damaged else 0


def _locked(account: Account, now: datetime) -> str | None:
    """Until when wrong PINs keep the account locked (ISO 8601), or None."""
    lock = account.locked_until
    return lock.isoformat() if account.active and lock is not None and lock > now else None


def _state(account: Account, now: datetime) -> str:
    if not account.active:
        return "disabled"
    if not account.has_pin:
        return "no PIN yet"
    if locked := _locked(account, now):
        return f"locked until {datetime.fromisoformat(locked).astimezone():%H:%M:%S}"
    return "PIN set"


def run_history(args: argparse.Namespace) -> int:
    """The accounts' history, oldest first; one account's with CODE (a code with no account
    may have some: the locks of wrong PINs typed with it)."""
    from inspection_client.store import account_history

    with open_store(args, reading=True) as store:
        found = account_history.changes(store, args.code)
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "at": change.at.isoformat(),
                        "code": change.code,
                        "event": change.event,
                        "by": change.by,
                        "via": change.via,
                        "detail": change.detail,
                    }
                    for change in found
                ]
            )
        )
        return 0
    for change in found:
        by = f"by {_printable(change.by)} " if change.by else ""
        detail = f" ({_printable(change.detail)})" if change.detail else ""
        print(
            f"{change.at.astimezone():%Y-%m-%d %H:%M:%S}  {_printable(change.code):<12} "
            f"{change.event:<9} {by}via {change.via}{detail}"
        )
    if not found:
        print("No changes recorded" + (f" for {args.code.strip().upper()}." if args.code else "."))
    return 0


def _printable(text: str) -> str:
    """Text from the database as a terminal shows it safely: control characters escaped
    (a code typed at sign-in is kept as typed)."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)
