"""Local schema of the watchlist feature, registered after the foundation's migrations.

Append new migrations at the end of `register_later` with names "watchlist_NNN_what"; never
change a released one. `register` holds the first ones; `register_later` those made after the
foundation's 0007, registered after it.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from inspection_client.store.sql import run_script


def register(migrations: Migrations) -> None:
    """Add this feature's migrations, in order."""

    @migrations(name="watchlist_001_active_snapshot_alerts")
    def _active_snapshot_alerts(db: Database) -> None:
        run_script(
            db,
            """
            -- The active snapshot: one row, switched in one transaction once the new
            -- snapshot's file is complete, so a check never sees half a snapshot.
            CREATE TABLE watchlist_active (
                singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
                version INTEGER NOT NULL,
                file TEXT NOT NULL,
                issued_at TEXT NOT NULL,
                expires_at TEXT NOT NULL,
                applied_at TEXT NOT NULL,
                entries TEXT NOT NULL
            );
            -- Every snapshot ever applied or refused, for the supervisor and for IT.
            CREATE TABLE watchlist_history (
                id INTEGER PRIMARY KEY,
                version INTEGER NOT NULL,
                issued_at TEXT,
                outcome TEXT NOT NULL,
                detail TEXT,
                at TEXT NOT NULL
            );
            -- Hits found when a newer snapshot re-checks records already cleared.
            CREATE TABLE watchlist_alerts (
                id INTEGER PRIMARY KEY,
                record_id TEXT NOT NULL,
                record_seq INTEGER NOT NULL,
                recorded_at TEXT NOT NULL,
                snapshot_version INTEGER NOT NULL,
                list_name TEXT NOT NULL,
                entry_id TEXT NOT NULL,
                score INTEGER NOT NULL,
                reason TEXT NOT NULL,
                action TEXT NOT NULL,
                subject TEXT NOT NULL,
                created_at TEXT NOT NULL,
                acknowledged_at TEXT,
                acknowledged_by TEXT,
                UNIQUE (record_id, list_name, entry_id)
            );
            CREATE INDEX watchlist_alerts_pending ON watchlist_alerts(acknowledged_at, id);
            """,
        )


def register_later(migrations: Migrations) -> None:
    """This feature's migrations made after the foundation's 0007, in order."""

    @migrations(name="watchlist_002_alert_reason_words")
    def _alert_reason_words(db: Database) -> None:
        run_script(
            db,
            """
            -- The reason's template and values (JSON), so that each officer reads it in the
            -- window's language; `reason` keeps the English text. NULL on alerts from before:
            -- those show `reason` as it is.
            ALTER TABLE watchlist_alerts ADD COLUMN reason_words TEXT;
            """,
        )
