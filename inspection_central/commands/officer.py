"""`inspection-central officer add|retire|list`: the roster published to the lanes."""

from __future__ import annotations

import argparse

from inspection_central.commands.common import Subparsers, add_database_argument


def register(sub: Subparsers) -> None:
    parser = sub.add_parser(
        "officer",
        help="maintain the officer roster",
        description="Maintain the officer roster; each change publishes a new roster snapshot.",
    )
    verbs = parser.add_subparsers(dest="verb", metavar="VERB", required=True)
    add = verbs.add_parser(
        "add", help="add or update an officer", description="Add or update an officer."
    )
    add.add_argument("code", metavar="CODE", help="officer code, 3 to 12 letters or digits")
    add.add_argument("--name", required=True)
    add.add_argument("--role", required=True, choices=("officer", "supervisor", "admin"))
    add.add_argument("--port", metavar="PORT_CODE", help="the officer's port (default: any)")
    add_database_argument(add)
    add.set_defaults(handler=_add)
    retire = verbs.add_parser(
        "retire",
        help="take an officer off the roster",
        description="Take an officer off the roster and publish it: at their next sync the "
        "lanes keep the account but it can no longer sign in, and its PIN is removed. "
        "`officer add` lists the officer again (they then need a new PIN on each lane).",
    )
    retire.add_argument("code", metavar="CODE", help="the officer's code")
    add_database_argument(retire)
    retire.set_defaults(handler=_retire)
    listing = verbs.add_parser("list", help="list officers", description="List the roster.")
    listing.add_argument("--json", action="store_true", help="print JSON")
    add_database_argument(listing)
    listing.set_defaults(handler=_list)


def _add(args: argparse.Namespace) -> int:
    import re

    from inspection_central import reference
    from inspection_central.commands.common import open_from_args
    from inspection_central.errors import InputError
    from inspection_central.storage import OfficerEntry
    from inspection_client.domain.validation import (
        CONTROL_CHARACTER_MESSAGE,
        NO_CONTROL_CHARACTERS,
    )
    from inspection_client.sync.wire import ReferenceKind

    code = args.code.upper()
    if not re.fullmatch(r"[A-Z0-9]{3,12}", code):
        raise InputError(f"Officer code {args.code!r}: 3 to 12 letters or digits.")
    name = args.name.strip()
    if not 1 <= len(name) <= 120:
        raise InputError("The officer's name must have 1 to 120 characters.")
    if not re.fullmatch(NO_CONTROL_CHARACTERS, name):
        raise InputError(f"The officer's name {CONTROL_CHARACTER_MESSAGE}.")
    port = args.port.upper() if args.port else None
    if port is not None and not re.fullmatch(r"[A-Z0-9]{2,8}", port):
        raise InputError(f"Port code {args.port!r}: 2 to 8 Latin letters or digits.")
    storage = open_from_args(args)
    try:
        storage.signing_key()  # the change is published signed: refuse a wrong key first
        storage.add_officer(OfficerEntry(code, name, args.role, port))
        snapshot = reference.republish(storage, ReferenceKind.ROSTER)
    finally:
        storage.close()
    print(f"Officer {code} saved; roster version {snapshot.snapshot.version} published.")
    return 0


def _retire(args: argparse.Namespace) -> int:
    from inspection_central import reference
    from inspection_central.commands.common import open_from_args
    from inspection_central.errors import NotFound
    from inspection_client.sync.wire import ReferenceKind

    code = args.code.strip().upper()
    storage = open_from_args(args, create=False)
    try:
        if code not in {o.code for o in storage.officers()}:
            raise NotFound(f"There is no officer {args.code} on the roster (`officer list`).")
        storage.signing_key()  # the change is published signed: refuse a wrong key first
        storage.remove_officer(code)
        snapshot = reference.republish(storage, ReferenceKind.ROSTER)
    finally:
        storage.close()
    print(
        f"Officer {code} retired; roster version {snapshot.snapshot.version} published. "
        "Each lane disables the account and removes its PIN at its next sync."
    )
    return 0


def _list(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from inspection_central.commands.common import open_from_args, print_json

    storage = open_from_args(args, create=False)
    try:
        officers = storage.officers()
    finally:
        storage.close()
    if args.json:
        print_json([asdict(o) for o in officers])
        return 0
    for o in officers:
        print(f"{o.code:12} {o.role:10} {o.port or '*':6} {o.name}")
    return 0
