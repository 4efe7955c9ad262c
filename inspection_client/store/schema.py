"""The local database schema, as an ordered list of named migrations.

A migration, once released, never changes: a new need is a new migration appended at the end.
`SCHEMA_VERSION` is the number of migrations this code knows; a database that has applied
migrations this code does not know was written by a newer lane client and is not touched.
"""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from inspection_client.store import (
    migrations_gui,
    migrations_reports,
    migrations_sync,
    migrations_watchlist,
)
from inspection_client.store.errors import lacks_full_text_search, without_full_text_search
from inspection_client.store.sql import run_script

migrations = Migrations("inspection_client")


@migrations(name="0001_records_audit_outbox")
def _records_audit_outbox(db: Database) -> None:
    run_script(
        db,
        """
        CREATE TABLE workstation (
            singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
            workstation_id TEXT NOT NULL,
            port_code TEXT NOT NULL,
            lane_id TEXT NOT NULL,
            lane_kind TEXT NOT NULL,
            default_direction TEXT NOT NULL,
            demo INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL
        );
        -- One row per record. seq is the workstation's gap-free sequence number and the
        -- only order; content is the canonical JSON that is hashed and sent, byte for byte.
        CREATE TABLE records (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            officer TEXT NOT NULL,
            shift_id TEXT,
            target_id TEXT,
            direction TEXT,
            decision TEXT,
            content BLOB NOT NULL
        );
        CREATE INDEX records_target ON records(target_id) WHERE target_id IS NOT NULL;
        CREATE INDEX records_shift ON records(shift_id, seq);
        -- Counts by kind and decision read this small index, not a million record bodies.
        CREATE INDEX records_kind ON records(kind, decision, direction);
        -- hash = SHA-256(prev_hash || content): the audit chain over every record.
        CREATE TABLE audit_chain (
            seq INTEGER PRIMARY KEY REFERENCES records(seq),
            prev_hash BLOB NOT NULL,
            hash BLOB NOT NULL
        );
        -- Records not yet acknowledged by the central. A row leaves when a signed receipt
        -- lists its record as accepted or duplicate; rejected and conflicting rows stay.
        CREATE TABLE outbox (
            seq INTEGER PRIMARY KEY REFERENCES records(seq),
            state TEXT NOT NULL DEFAULT 'pending',
            attempts INTEGER NOT NULL DEFAULT 0,
            detail TEXT
        );
        """,
    )


@migrations(name="0002_officers_settings")
def _officers_settings(db: Database) -> None:
    run_script(
        db,
        """
        CREATE TABLE officers (
            code TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            role TEXT NOT NULL,
            pin_hash TEXT,
            failed_attempts INTEGER NOT NULL DEFAULT 0,
            locked_until TEXT,
            active INTEGER NOT NULL DEFAULT 1
        );
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        """,
    )


@migrations(name="0003_search_terms")
def _search_terms(db: Database) -> None:
    # Document numbers, names, plates, VINs and containers, for the history filter box.
    # Records saved before this migration are indexed here from their content.
    run_script(
        db,
        """
        CREATE TABLE search_terms (
            term TEXT NOT NULL,
            seq INTEGER NOT NULL,
            PRIMARY KEY (term, seq)
        ) WITHOUT ROWID;
        """,
    )
    from inspection_client.store.search import terms_for_content

    rows = db.execute("SELECT seq, content FROM records").fetchall()
    db.conn.executemany(
        "INSERT OR IGNORE INTO search_terms(term, seq) VALUES (?, ?)",
        ((term, seq) for seq, content in rows for term in terms_for_content(content)),
    )


# Each feature keeps its migrations in its own module; they are registered in this fixed
# order after the foundation's, and the order is part of the schema history.
migrations_sync.register(migrations)
migrations_gui.register(migrations)
migrations_watchlist.register(migrations)
migrations_reports.register(migrations)


# Foundation migrations made after the features' first ones follow them, in order.


@migrations(name="0004_record_terms")
def _record_terms(db: Database) -> None:
    # Each record's search terms in one row, " TERM TERM ...", for the history filter's walk
    # over the newest records when a short prefix matches too many terms to sort. It
    # replaces the (seq, term) index: one row appended per record instead of an index entry
    # per term (3.6 a record). The terms' two B-trees took a third of the SQL time of saving
    # in bulk; the (term, seq) one stays, for prefix look-ups.
    run_script(
        db,
        """
        CREATE TABLE record_terms (
            seq INTEGER PRIMARY KEY REFERENCES records(seq),
            terms TEXT NOT NULL
        );
        INSERT INTO record_terms(seq, terms)
            SELECT seq, ' ' || group_concat(term, ' ') FROM search_terms GROUP BY seq;
        DROP INDEX IF EXISTS search_terms_seq;
        """,
    )


@migrations(name="0005_sign_in_failures")
def _sign_in_failures(db: Database) -> None:
    # Wrong PINs typed with a code that has no account here are counted and locked out by the
    # same rule as an account's, so the answers at sign-in do not tell which codes exist.
    run_script(
        db,
        """
        CREATE TABLE sign_in_failures (
            code TEXT PRIMARY KEY,
            failed_attempts INTEGER NOT NULL DEFAULT 0,
            locked_until TEXT
        );
        """,
    )


migrations_sync.register_later(migrations)


@migrations(name="0006_account_history")
def _account_history(db: Database) -> None:
    # Who changed which account, when, and how: added, new PIN, role, disabled, enabled,
    # locked by wrong PINs, unlocked. Never a PIN nor its hash. Rows are only ever added:
    # the triggers refuse to change or delete one. `lockouts` counts the locks in a row,
    # for a lock that grows each time, on accounts and on codes with none alike.
    run_script(
        db,
        """
        CREATE TABLE account_history (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            code TEXT NOT NULL,
            event TEXT NOT NULL,
            by TEXT,
            via TEXT NOT NULL,
            detail TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX account_history_code ON account_history(code, id);
        CREATE TRIGGER account_history_no_update BEFORE UPDATE ON account_history
        BEGIN SELECT RAISE(ABORT, 'account history is append-only'); END;
        CREATE TRIGGER account_history_no_delete BEFORE DELETE ON account_history
        BEGIN SELECT RAISE(ABORT, 'account history is append-only'); END;
        ALTER TABLE officers ADD COLUMN lockouts INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE sign_in_failures ADD COLUMN lockouts INTEGER NOT NULL DEFAULT 0;
        """,
    )


@migrations(name="0007_last_failed_at")
def _last_failed_at(db: Database) -> None:
    # When the last wrong PIN was typed, so that a long quiet time forgets the wrong PINs and
    # the locks in a row (`officers.FORGOTTEN_AFTER`). NULL on rows from before: those keep
    # their count until the next wrong PIN dates it.
    run_script(
        db,
        """
        ALTER TABLE officers ADD COLUMN last_failed_at TEXT;
        ALTER TABLE sign_in_failures ADD COLUMN last_failed_at TEXT;
        """,
    )


migrations_watchlist.register_later(migrations)


@migrations(name="0008_retired_pins_removed")
def _retired_pins_removed(db: Database) -> None:
    # Until a roster's retirement removed the PIN, a lane kept the PIN hash of an officer the
    # central's roster retired: inactive, but holding a PIN that someone could make work
    # again. Those hashes go now, with the wrong PINs counted and the lock, and each account
    # changed gets a row in its history (`pin-removed`, by nobody, via `store upgrade`).
    #
    # Every inactive account that holds a PIN hash is such a retirement, and all of them are
    # cleared: `officer disable` has removed the PIN in the same statement that disables
    # since the command exists, and nothing else makes an account inactive but a roster.
    # The history cannot be the test: retirements from before `0006_account_history` have no
    # row there (those that do are named in the detail). Were an account disabled by IT to
    # hold a hash anyway, keeping it would serve nothing: `officer enable` always takes a new
    # PIN and never brings back the old one, and a roster listing it again drops the hash.
    #
    # Written out here rather than through `account_history.note`, so that this migration
    # stays as released whatever that module becomes.
    from datetime import UTC, datetime

    now = datetime.now(UTC).isoformat()
    rows = db.execute(
        "SELECT code, (SELECT via FROM account_history h WHERE h.code = o.code "
        "AND h.event = 'disabled' ORDER BY h.id DESC LIMIT 1) "
        "FROM officers o WHERE active = 0 AND pin_hash IS NOT NULL ORDER BY code"
    ).fetchall()
    for code, via in rows:
        retired = f"retired via {via}" if via else "retired before the accounts' history"
        db.execute(
            "UPDATE officers SET pin_hash = NULL, failed_attempts = 0, locked_until = NULL, "
            "lockouts = 0, last_failed_at = NULL WHERE code = ?",
            [code],
        )
        db.execute(
            "INSERT INTO account_history(at, code, event, by, via, detail) "
            "VALUES (?, ?, 'pin-removed', NULL, 'store upgrade', ?)",
            [now, code, f"the PIN kept since the account was {retired}"],
        )


@migrations(name="0009_outbox_decided_at")
def _outbox_decided_at(db: Database) -> None:
    # When the central wrote the receipt that last decided an outbox row's state (its
    # `received_at`, the central's clock), so that an older receipt applied after it (a
    # stick's file imported again, say) cannot undo a send again or bring back an old reason.
    # NULL on rows from before, and on rows no receipt has decided yet.
    run_script(db, "ALTER TABLE outbox ADD COLUMN decided_at TEXT;")


migrations_sync.register_key_ports(migrations)
migrations_sync.register_key_lane_kinds(migrations)


# Every printable ASCII character that is not a letter or a digit. With these as token
# characters, SQLite's `ascii` tokenizer splits a document at spaces (and control characters)
# only: each search term is one token, whatever punctuation it holds, and letters and digits
# beyond ASCII are token characters already. Written out, as a released migration never changes.
_TERM_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"


@migrations(name="0010_record_search")
def _record_search(db: Database) -> None:
    # The history filter's terms move into a full-text index (SQLite FTS5): one row per
    # record, its terms separated by spaces, under the record's seq as rowid. It replaces
    # `search_terms` (a (term, seq) B-tree row per term, 3.6 a record) and `record_terms`.
    # Saving in bulk wrote those two at about 5 us a record, a third of its SQL; the index
    # writes a transaction's terms as one sorted segment at commit, at about 1.5 us. It is
    # contentless (the records hold the terms), keeps no positions or column sizes (a filter
    # matches a prefix of any term, never a phrase, and does not rank), and indexes prefixes
    # of one to three characters, which match the most terms.
    tokenizer = "ascii tokenchars '" + _TERM_PUNCTUATION.replace("'", "''") + "'"
    quoted = '"' + tokenizer.replace('"', '""') + '"'
    try:
        db.execute(
            "CREATE VIRTUAL TABLE record_search USING fts5(terms, content='', "
            f"tokenize={quoted}, detail=none, columnsize=0, prefix='1 2 3')"
        )
    except sqlite3.OperationalError as error:
        if not lacks_full_text_search(error):
            raise
        path = db.conn.execute("PRAGMA database_list").fetchone()[2]
        raise without_full_text_search(path) from error
    # All the terms at once leave the index in pieces that later saves would merge, 20 ms
    # every 64 saves on a million records; 'optimize' merges them now, once (1 s).
    run_script(
        db,
        """
        INSERT INTO record_search(rowid, terms) SELECT seq, substr(terms, 2) FROM record_terms;
        INSERT INTO record_search(record_search) VALUES ('optimize');
        DROP TABLE record_terms;
        DROP TABLE search_terms;
        """,
    )


# sqlite-utils keeps the registration order in a private list; the order is the schema history.
MIGRATION_NAMES: tuple[str, ...] = tuple(m.name for m in migrations._migrations)
SCHEMA_VERSION = len(MIGRATION_NAMES)
# The tables a database at SCHEMA_VERSION holds (a test applies the migrations and compares):
# one missing is damage, found at open instead of halfway through a command.
TABLES = frozenset(
    {
        "_sqlite_migrations",
        "account_history",
        "audit_chain",
        "officers",
        "outbox",
        "record_search",
        "record_search_config",
        "record_search_data",
        "record_search_idx",
        "records",
        "settings",
        "sign_in_failures",
        "sync_reference",
        "sync_roster_officers",
        "sync_state",
        "sync_withdrawn_slips",
        "sync_workstation_keys",
        "used_slips",
        "watchlist_active",
        "watchlist_alerts",
        "watchlist_history",
        "workstation",
    }
)
