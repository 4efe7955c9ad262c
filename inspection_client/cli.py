"""The `inspection-client` command: argument parsing and dispatch to sub-command modules.

Each module in `inspection_client.commands` adds its own sub-parser through `register()`
and sets `handler`, a function taking the parsed arguments and returning the exit status.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sqlite3
import sys
from collections.abc import Sequence

from inspection_client import __version__, commands, paths
from inspection_client.errors import UserFacingError

# Modules of `inspection_client.commands` that are not sub-commands.
NOT_COMMANDS = {"common", "gui"}

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2
STORE_FAILED = 3  # as `store.errors.StoreError`
# Output cut off by a reader that went away (`| head`): the status of a command killed by
# SIGPIPE (128 + 13), as the shell reports it for any other program in the pipe.
EXIT_BROKEN_PIPE = 141


def output_cut_off() -> int:
    """`EXIT_BROKEN_PIPE`, with standard output pointed at nothing, so that flushing it at
    exit does not fail again (and print a traceback of its own)."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real file behind sys.stdout (a test's capture)
        pass
    return EXIT_BROKEN_PIPE


def _language(text: str) -> str:
    """A language the program speaks (en, zh_CN, and their spellings such as zh-Hans-CN):
    another one would be English without a word."""
    if not text.replace("-", "_").lower().startswith(("en", "zh")):
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a language of this program: choose en or zh_CN"
        )
    return text


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="inspection-client",
        description="Lane client for border inspection. "
        "With no command, opens the workstation window.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--data-dir",
        type=paths.given_folder,
        metavar="DIR",
        help="where the workstation keeps its database and keys "
        "(default: $INSPECTION_CLIENT_HOME, else the user data directory)",
    )
    parser.add_argument(
        "--demo", action="store_true", help="open a clearly labelled demo workstation"
    )
    parser.add_argument(
        "--lang",
        type=_language,
        metavar="LOCALE",
        help="user interface language, e.g. en or zh_CN",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    # Every other module in the package is a sub-command; `-h` lists them alphabetically.
    # Command modules import their heavy dependencies inside their handlers, so that
    # building the parser stays cheap for the GUI's start-up.
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        if info.name in NOT_COMMANDS or info.name.startswith("_"):
            continue
        module = importlib.import_module(f"inspection_client.commands.{info.name}")
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    try:
        if handler is None:
            from inspection_client.commands.gui import open_window

            return open_window(args)
        result: int = handler(args)
        return result
    except UserFacingError as error:
        print(f"inspection-client: {error}", file=sys.stderr)
        return error.exit_status
    except sqlite3.DatabaseError as error:
        # An error SQLite did not explain, which the store could not name as damage, a full
        # disk or a lock (`store.errors.translate`): said, with what to do, not a traceback.
        print(
            f"inspection-client: the database reported an error the program cannot name: "
            f"{error}. What was saved before stays saved; the transaction under way was not. "
            "Run `inspection-client db check`, and tell IT what it says.",
            file=sys.stderr,
        )
        return STORE_FAILED
    except KeyboardInterrupt:
        print("inspection-client: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # A reader such as `head` went away: the data are fine, but the command did not
        # finish (a failure it would have reported may be among what was not written).
        return output_cut_off()
