"""What several sub-commands share: finding and opening the workstation's store."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from inspection_client import paths
from inspection_client.store.database import Store

if TYPE_CHECKING:
    from inspection_client.domain.models import Officer

SubParsers = "argparse._SubParsersAction[argparse.ArgumentParser]"


def open_store(args: argparse.Namespace, *, create: bool = False, reading: bool = False) -> Store:
    """The workstation's store; with `reading`, for a command that only reads, opened
    read-only (with a warning) when the database cannot be written."""
    directory = paths.data_dir(getattr(args, "data_dir", None))
    store = Store.open(paths.database_file(directory), create=create, allow_read_only=reading)
    for warning in store.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return store


def supervisor_account(store: Store, code: str) -> Officer:
    """The supervisor (or admin) account `code` names, for a decision taken on their word.

    Raises:
        InputError: no such account, or not a supervisor's.
    """
    from inspection_client.domain.codes import Role
    from inspection_client.errors import InputError
    from inspection_client.store import officers

    supervisor = officers.get_officer(store, code)
    if supervisor is None or supervisor.role not in (Role.SUPERVISOR, Role.ADMIN):
        raise InputError(f"{code} is not a supervisor account on this workstation.")
    return supervisor


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


def central_url(text: str) -> str:
    """An argparse type: the central's address, http:// or https:// with a host."""
    from urllib.parse import urlsplit

    parts = urlsplit(text.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not the address of a central: give http://HOST:PORT or "
            "https://HOST (as IT gave it)"
        )
    return text.strip()
