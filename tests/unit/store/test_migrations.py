"""Every earlier schema version migrates to the current one without losing records."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from inspection_client.store import database, history, records
from inspection_client.store.audit import verify_chain
from inspection_client.store.database import Store
from inspection_client.store.errors import StoreError, StoreTooNew
from inspection_client.store.schema import MIGRATION_NAMES, SCHEMA_VERSION, migrations
from inspection_client.store.search import terms_for_body
from tests.conftest import TEST_WORKSTATION
from tests.factories import as_indexed, indexed_terms, passenger


def _database_at(path: Path, stop_before: str | None) -> Database:
    db = Database(sqlite3.connect(path, isolation_level=None))
    migrations.apply(db, stop_before=stop_before)
    return db


@pytest.mark.parametrize("stop_before", MIGRATION_NAMES[1:])
def test_each_earlier_version_migrates_and_keeps_its_records(
    tmp_path: Path, stop_before: str
) -> None:
    # Records are written by the current code into a database that is otherwise at the old
    # version, then the remaining migrations run on open.
    full = tmp_path / "full.db"
    with Store.open(full) as store:
        store.configure_workstation(TEST_WORKSTATION)
        saved = records.save(store, passenger(), officer="OFF01")
        row = store.conn.execute("SELECT * FROM records").fetchone()
        chain = store.conn.execute("SELECT * FROM audit_chain").fetchone()
    # The terms as versions before `0010_record_search` kept them.
    terms = [(term, 1) for term in dict.fromkeys(terms_for_body(saved.body))]
    record_terms = [(1, " " + " ".join(term for term, _ in terms))]

    old = tmp_path / "old.db"
    db = _database_at(old, stop_before)
    db.execute(
        "INSERT INTO workstation VALUES (1, ?, ?, ?, ?, 'entry', 0, '2026-01-01')",
        [TEST_WORKSTATION.workstation_id, "HRG", "P01", "passenger"],
    )
    db.execute(f"INSERT INTO records VALUES ({', '.join('?' * len(row))})", list(row))
    db.execute("INSERT INTO audit_chain VALUES (?, ?, ?)", list(chain))
    db.execute("INSERT INTO outbox(seq) VALUES (1)")
    if db["search_terms"].exists():  # versions that index terms got them on save
        db.conn.executemany("INSERT INTO search_terms VALUES (?, ?)", terms)
    if db["record_terms"].exists():
        db.conn.executemany("INSERT INTO record_terms VALUES (?, ?)", record_terms)
    db.conn.close()

    with Store.open(old) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert records.get(store, saved.id) == saved
        assert verify_chain(store).intact
        assert indexed_terms(store.conn) == {1: {as_indexed(term) for term, _ in terms}}
        assert not {"search_terms", "record_terms"} & set(store.db.table_names())
        assert records.save(store, passenger(), officer="OFF01").seq == 2
        found = history.page(store, history.HistoryFilter(text="kha")).rows
        assert [row.seq for row in found] == [2, 1]


def test_a_database_from_a_newer_version_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "lane.db"
    with Store.open(path):
        pass
    db = Database(sqlite3.connect(path, isolation_level=None))
    db["_sqlite_migrations"].insert(
        {"migration_set": "inspection_client", "name": "9999_future", "applied_at": "2030"}
    )
    db.conn.close()
    before = path.read_bytes()

    with pytest.raises(StoreTooNew, match="newer version"):
        Store.open(path)
    assert path.read_bytes() == before


def test_accounts_from_before_the_history_keep_their_pins_and_start_with_no_lock(
    tmp_path: Path,
) -> None:
    from inspection_client.store import account_history, officers
    from inspection_client.store.officers import hash_pin

    path = tmp_path / "old.db"
    db = _database_at(path, "0006_account_history")
    db.execute(
        "INSERT INTO officers(code, name, role, pin_hash, failed_attempts) "
        "VALUES ('OFF01', 'Li Wei', 'officer', ?, 3)",
        [hash_pin("2468")],
    )
    db.execute("INSERT INTO sign_in_failures(code, failed_attempts) VALUES ('NOBODY', 2)")
    db.conn.close()
    with Store.open(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert account_history.changes(store) == []
        # The wrong PINs counted before are still counted; no lock in a row yet.
        assert officers.check_pin(store, "OFF01", "0000").attempts_left == 1
        assert officers.check_pin(store, "NOBODY", "0000").attempts_left == 2
        assert store.conn.execute("SELECT lockouts FROM officers").fetchone() == (0,)
        assert officers.check_pin(store, "OFF01", "2468").ok
        # An account set up before the history keeps the first setup closed.
        assert not officers.first_setup_open(store)


def test_pins_kept_by_roster_retirements_are_removed_with_a_row_each(tmp_path: Path) -> None:
    from inspection_client.store import account_history, officers
    from inspection_client.store.account_history import Via
    from inspection_client.store.officers import hash_pin

    path = tmp_path / "old.db"
    db = _database_at(path, "0008_retired_pins_removed")
    accounts = [
        # code, active, PIN, failed attempts, locked until, locks in a row
        ("RET01", 0, hash_pin("2468"), 3, "2026-11-01T10:00:00+00:00", 2),  # retired, v3
        ("OLD02", 0, hash_pin("5937"), 0, None, 0),  # retired before the history began
        ("DIS03", 0, None, 0, None, 0),  # disabled by IT: its PIN went then
        ("ACT04", 1, hash_pin("7315"), 2, None, 0),
        ("NEW05", 1, None, 0, None, 0),  # from the roster, no PIN yet
    ]
    for code, active, pin_hash, failed, locked, lockouts in accounts:
        db.execute(
            "INSERT INTO officers(code, name, role, pin_hash, active, failed_attempts, "
            "locked_until, lockouts, last_failed_at) VALUES (?, ?, 'officer', ?, ?, ?, ?, ?, ?)",
            [code, code.title(), pin_hash, active, failed, locked, lockouts, locked],
        )
    earlier = [
        ("RET01", "added", None, "central roster v1", "officer"),
        ("RET01", "disabled", None, "central roster v3", "not in the roster"),
        ("DIS03", "disabled", "it", "command line", ""),
    ]
    for code, event, by, via, detail in earlier:
        db.execute(
            "INSERT INTO account_history(at, code, event, by, via, detail) "
            "VALUES ('2026-10-01T08:00:00+00:00', ?, ?, ?, ?, ?)",
            [code, event, by, via, detail],
        )
    db.conn.close()

    with Store.open(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        rows = store.conn.execute(
            "SELECT code, pin_hash IS NOT NULL, failed_attempts, locked_until, lockouts, "
            "last_failed_at FROM officers ORDER BY code"
        ).fetchall()
        assert rows == [
            ("ACT04", 1, 2, None, 0, None),
            ("DIS03", 0, 0, None, 0, None),
            ("NEW05", 0, 0, None, 0, None),
            ("OLD02", 0, 0, None, 0, None),
            ("RET01", 0, 0, None, 0, None),
        ]
        changes = account_history.changes(store)
        assert [(c.code, c.event, c.by, c.via, c.detail) for c in changes] == [
            *earlier,
            (
                "OLD02",
                "pin-removed",
                None,
                Via.STORE_UPGRADE,
                "the PIN kept since the account was retired before the accounts' history",
            ),
            (
                "RET01",
                "pin-removed",
                None,
                Via.STORE_UPGRADE,
                "the PIN kept since the account was retired via central roster v3",
            ),
        ]
        # Still out; the account still active signs in with its PIN.
        assert not officers.check_pin(store, "RET01", "2468").ok
        assert officers.check_pin(store, "ACT04", "7315").ok
        # IT's `officer enable` works as before, with a new PIN.
        officers.set_pin(store, "DIS03", "8264", by="it", via=Via.COMMAND_LINE, enable=True)
        assert officers.check_pin(store, "DIS03", "8264").ok


def test_a_sqlite_without_full_text_search_is_named_and_the_database_left_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.db"
    db = _database_at(path, "0010_record_search")
    db.conn.executemany("INSERT INTO record_terms VALUES (?, ?)", [(1, " KHAN IMRAN")])
    db.conn.close()
    real_execute = Database.execute

    def execute(self: Database, sql: str, *args: object) -> object:
        if "fts5" in sql:  # as a SQLite built without FTS5 answers
            raise sqlite3.OperationalError("no such module: fts5")
        return real_execute(self, sql, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(Database, "execute", execute)
    with pytest.raises(StoreError, match="no full-text search") as refused:
        Store.open(path)
    assert str(path) in str(refused.value)
    monkeypatch.undo()
    db = Database(sqlite3.connect(path))
    assert db["record_terms"].exists() and not db["record_search"].exists()
    assert "0010_record_search" not in {m.name for m in migrations.applied(db)}


def test_a_database_opened_where_sqlite_lacks_full_text_search_is_named_at_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "lane.db"
    with Store.open(path) as store:
        store.configure_workstation(TEST_WORKSTATION)
        records.save(store, passenger(), officer="OFF01")
    # As a SQLite without FTS5 answers the probe: it has no function of that name.
    monkeypatch.setattr(database, "FULL_TEXT_SEARCH_PROBE", "SELECT fts5_not_here(NULL)")
    before = path.read_bytes()
    for reading in (False, True):
        with pytest.raises(StoreError, match="no full-text search") as refused:
            Store.open(path, allow_read_only=reading)
        assert str(path) in str(refused.value)
    assert path.read_bytes() == before
