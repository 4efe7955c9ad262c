"""Local schema of the reports feature, registered after the foundation's migrations.

Append new migrations at the end of `register` with names "reports_NNN_what"; never change a
released one.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from inspection_client.store.sql import run_script


def register(migrations: Migrations) -> None:
    """Add this feature's migrations, in order."""

    @migrations(name="reports_001_used_slips")
    def _used_slips(db: Database) -> None:
        # A release slip is valid once: the gate keys its use on the signer's key id and the
        # slip id (the same signed slip can be re-encoded into a different text).
        run_script(
            db,
            """
            CREATE TABLE used_slips (
                key_id TEXT NOT NULL,
                slip_id TEXT NOT NULL,
                first_used_at TEXT NOT NULL,
                officer TEXT,
                uses INTEGER NOT NULL DEFAULT 1,
                PRIMARY KEY (key_id, slip_id)
            );
            """,
        )
