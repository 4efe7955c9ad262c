"""What several sub-commands share: finding and opening the workstation's store."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from inspection_client import paths
from inspection_client.store.database import Store

SubParsers = "argparse._SubParsersAction[argparse.ArgumentParser]"


def open_store(args: argparse.Namespace, *, create: bool = False) -> Store:
    directory = paths.data_dir(getattr(args, "data_dir", None))
    store = Store.open(paths.database_file(directory), create=create)
    for warning in store.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return store


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def positive_int_up_to(maximum: int) -> Callable[[str], int]:
    """`positive_int`, and at most `maximum`."""

    def parse(text: str) -> int:
        value = positive_int(text)
        if value > maximum:
            raise argparse.ArgumentTypeError(f"must be at most {maximum:,}")
        return value

    return parse
