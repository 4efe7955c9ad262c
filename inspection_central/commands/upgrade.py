"""`inspection-central upgrade`: bring an existing central database's schema up to date."""

from __future__ import annotations

import argparse

from inspection_central.commands.common import Subparsers, add_database_argument


def register(sub: Subparsers) -> None:
    parser = sub.add_parser(
        "upgrade",
        help="bring the database's schema up to this version (serve does it too)",
        description="Apply this version's schema steps to an existing central database. "
        "Stop every server of the database and upgrade them all first: a server of the "
        "older version keeps running on the new schema until it is stopped. The other "
        "commands, `serve` aside, refuse a database that is not upgraded.",
    )
    add_database_argument(parser)
    parser.set_defaults(handler=_upgrade)


def _upgrade(args: argparse.Namespace) -> int:
    from inspection_central.commands.common import open_from_args
    from inspection_client import __version__

    storage = open_from_args(args, create=False, upgrade=True)
    try:
        description = storage.description
    finally:
        storage.close()
    print(f"inspection-central: {description} is up to date with version {__version__}.")
    return 0
