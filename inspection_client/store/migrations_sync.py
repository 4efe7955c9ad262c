"""Local schema of the sync feature, registered after the foundation's migrations.

Append new migrations at the end of `register` with names "sync_NNN_what"; never change a
released one. Those made after the foundation's later migrations are in `register_later`,
registered after them.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from inspection_client.store.sql import run_script


def register(migrations: Migrations) -> None:
    """Add this feature's migrations, in order."""

    @migrations(name="sync_001_state_reference")
    def _state_reference(db: Database) -> None:
        run_script(
            db,
            """
            -- Enrolment, pinned central key, last sync, skew, acknowledged high-water:
            -- one value per key, written by the sync worker only.
            CREATE TABLE sync_state (
                key TEXT PRIMARY KEY,
                value TEXT NOT NULL
            );
            -- The version of each kind of reference data applied here; older ones are refused.
            CREATE TABLE sync_reference (
                kind TEXT PRIMARY KEY,
                version INTEGER NOT NULL,
                issued_at TEXT NOT NULL,
                expires_at TEXT NOT NULL,
                applied_at TEXT NOT NULL,
                -- the signed snapshot, kept when no module here can apply it yet (watchlist)
                held TEXT
            );
            -- Public keys of every workstation, for checking release slips offline.
            CREATE TABLE sync_workstation_keys (
                key_id TEXT PRIMARY KEY,
                workstation_id TEXT NOT NULL,
                public_key TEXT NOT NULL,
                revoked INTEGER NOT NULL DEFAULT 0
            );
            -- Officers that came from the central's roster, so that a newer roster can retire
            -- those it no longer lists without touching accounts made on this workstation.
            CREATE TABLE sync_roster_officers (
                code TEXT PRIMARY KEY
            );
            CREATE INDEX outbox_state ON outbox(state, seq);
            """,
        )


def register_key_ports(migrations: Migrations) -> None:
    """This feature's migrations made after the foundation's 0008, in order."""

    @migrations(name="sync_003_workstation_key_ports")
    def _key_ports(db: Database) -> None:
        # The port each workstation key belongs to, from the keys snapshot, so that a gate
        # takes a release slip only from a workstation of its own port. NULL for keys applied
        # before: the next keys snapshot brings their ports.
        run_script(db, "ALTER TABLE sync_workstation_keys ADD COLUMN port_code TEXT;")


def register_later(migrations: Migrations) -> None:
    """This feature's migrations made after the foundation's 0005, in order."""

    @migrations(name="sync_002_withdrawn_slips")
    def _withdrawn_slips(db: Database) -> None:
        run_script(
            db,
            """
            -- The central's list of release slips withdrawn since they were printed (their
            -- record voided, or amended to another decision), replaced whole with each
            -- workstation keys snapshot, for the gate to refuse them offline.
            CREATE TABLE sync_withdrawn_slips (
                record_id TEXT PRIMARY KEY,
                withdrawn TEXT NOT NULL,
                decision TEXT,
                port_code TEXT NOT NULL,
                withdrawn_at TEXT NOT NULL
            ) WITHOUT ROWID;
            """,
        )


def register_key_lane_kinds(migrations: Migrations) -> None:
    """This feature's migrations made after `sync_003_workstation_key_ports`, in order."""

    @migrations(name="sync_004_workstation_key_lane_kinds")
    def _key_lane_kinds(db: Database) -> None:
        # The kind of lane each workstation key belongs to, from the keys snapshot, so that a
        # gate takes a release slip only from a lane that issues them (not a passenger
        # lane's). NULL for keys applied before, and from a central that does not send it.
        run_script(db, "ALTER TABLE sync_workstation_keys ADD COLUMN lane_kind TEXT;")
