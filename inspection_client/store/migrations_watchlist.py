"""Local schema of the watchlist feature, registered after the foundation's migrations.

Append new migrations at the end of `register` with names "watchlist_NNN_what"; never change a
released one.
"""

from __future__ import annotations

from sqlite_utils import Database  # noqa: F401
from sqlite_utils.migrations import Migrations

from inspection_client.store.sql import run_script  # noqa: F401


def register(migrations: Migrations) -> None:
    """Add this feature's migrations, in order."""
