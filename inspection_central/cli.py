"""The `inspection-central` command: argument parsing and dispatch to sub-command modules.

Each module in `inspection_central.commands` (except `common`) adds its own sub-parser
through `register()` and sets `handler`, a function taking the parsed arguments and
returning the exit status. Command modules import heavy dependencies inside their handlers.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence

from inspection_central import commands
from inspection_client import __version__
from inspection_client.cli import output_cut_off
from inspection_client.errors import UserFacingError

NOT_COMMANDS = {"common"}
EXIT_OK = 0
EXIT_USAGE = 2
EXIT_UNUSABLE = 3
# What the `central` extra installs: a lane's install lacks them, and only `serve` and
# PostgreSQL need them.
CENTRAL_EXTRA = {"fastapi", "starlette", "uvicorn", "psycopg", "psycopg_binary"}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="inspection-central",
        description="Central store of the lane clients: receives their clearance records "
        "and publishes signed reference data.",
        epilog="Every command takes --database URL_OR_PATH: a postgresql:// URL or a SQLite "
        "file (default: $INSPECTION_CENTRAL_DATABASE, else central.db in the user data "
        "directory). The central's signing key is $INSPECTION_CENTRAL_KEY, else beside the "
        "SQLite file, else (PostgreSQL) central.key in the user data directory of the account "
        "running the command: set it for every account and host. Exit status: 0 done, 1 "
        "refused or not found, 2 bad input, 3 database or central key unusable, or the "
        "`central` extra (serve, PostgreSQL) not installed.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        if info.name in NOT_COMMANDS or info.name.startswith("_"):
            continue
        module = importlib.import_module(f"inspection_central.commands.{info.name}")
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        result: int = handler(args)
        return result
    except UserFacingError as error:
        print(f"inspection-central: {error}", file=sys.stderr)
        return error.exit_status
    except ModuleNotFoundError as error:
        missing = (error.name or "").split(".")[0]
        if missing not in CENTRAL_EXTRA:
            raise
        print(
            f"inspection-central: {missing} is not installed: this needs the central's own "
            "packages. Install them with pip install 'inspection-client[central]' (in the "
            "same environment).",
            file=sys.stderr,
        )
        return EXIT_UNUSABLE
    except KeyboardInterrupt:
        print("inspection-central: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # A reader such as `head` went away: the command did not finish (as the client says).
        return output_cut_off()


if __name__ == "__main__":
    sys.exit(main())
