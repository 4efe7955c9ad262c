"""Locked, full, damaged and missing databases give messages, not tracebacks, and lose nothing."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from pathlib import Path

import pytest
from sqlite_utils import Database

from inspection_client.store import database, records
from inspection_client.store import errors as store_errors
from inspection_client.store.database import Store, page_damage, page_problems
from inspection_client.store.errors import (
    StoreCorrupt,
    StoreError,
    StoreFull,
    StoreLocked,
    StoreReadOnly,
    translate,
)
from inspection_client.store.schema import TABLES, migrations
from tests.conftest import TEST_WORKSTATION
from tests.factories import damage_index_page, passenger


def test_garbage_file_is_reported_as_damaged_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "lane.db"
    path.write_bytes(b"this is not a database\x00" * 100)
    with pytest.raises(StoreCorrupt, match=str(path)):
        Store.open(path)
    assert path.read_bytes().startswith(b"this is not a database")


def test_the_page_check_opening_leaves_for_later_finds_damage_beside_the_store(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    for _ in range(20):
        records.save(store, passenger(), officer="OFF01")
    assert page_problems(store.path) == []
    # It reads a snapshot of its own: a save under way beside it changes nothing.
    with store.write() as conn:
        conn.execute("UPDATE settings SET value = value")
        assert page_problems(store.path) == []
    damage_index_page(store.conn, store.path)
    store.close()
    # A database larger than the check at open allows is opened without it.
    monkeypatch.setattr(database, "QUICK_CHECK_MAX_BYTES", 0)
    with Store.open(store.path) as again:
        assert again.conn.execute("SELECT count(*) FROM records").fetchone()[0] == 20
    problems = page_problems(store.path)
    assert problems and not any(line.startswith("***") for line in problems)
    assert len(problems) <= 5
    said = page_damage(store.path, problems)
    assert str(store.path) in said and problems[0] in said
    assert "`inspection-client db check`" in said and "Do not delete it" in said


def test_the_page_check_of_a_database_another_program_locks_finds_nothing(store: Store) -> None:
    # A lock is no damage: the check beside the lane must not cry wolf (a restore under way).
    store.close()
    other = sqlite3.connect(store.path, isolation_level=None)
    other.execute("PRAGMA locking_mode = EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    other.execute("UPDATE settings SET value = value")
    try:
        assert page_problems(store.path, timeout=0.05) == []
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert page_problems(store.path.with_name("gone.db")) == []


def test_the_page_check_of_a_file_that_is_no_database_says_so(tmp_path: Path) -> None:
    path = tmp_path / "lane.db"
    path.write_bytes(b"this is not a database\x00" * 100)
    assert page_problems(path) == ["file is not a database"]
    assert path.read_bytes().startswith(b"this is not a database")


def test_truncated_database_is_reported(store: Store) -> None:
    for _ in range(200):
        records.save(store, passenger(), officer="OFF01")
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    data = store.path.read_bytes()
    store.path.write_bytes(data[: len(data) // 2])
    with pytest.raises(StoreError):
        Store.open(store.path)


def test_another_program_s_database_is_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE records (anything)")
        conn.commit()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="database of another program"):
        Store.open(path)
    assert path.read_bytes() == before  # not switched to WAL, no migrations table
    assert not path.with_name("other.db-wal").exists()


def test_a_database_missing_a_table_is_damaged_and_kept(store: Store) -> None:
    records.save(store, passenger(), officer="OFF01")
    store.conn.execute("DROP TABLE outbox")
    store.close()
    with pytest.raises(StoreCorrupt, match="tables missing: outbox"):
        Store.open(store.path)
    with contextlib.closing(sqlite3.connect(store.path)) as conn:
        assert conn.execute("SELECT count(*) FROM records").fetchone() == (1,)


def test_the_list_of_tables_is_what_the_migrations_make() -> None:
    db = Database(sqlite3.connect(":memory:"))
    migrations.apply(db)
    assert set(db.table_names()) == TABLES


def test_an_unreadable_folder_on_the_way_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def denied(self: Path, **_: object) -> os.stat_result:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "stat", denied)
    with pytest.raises(StoreError, match=r"Cannot reach .*Permission denied"):
        Store.open(tmp_path / "locked" / "lane.db")


def test_missing_database_when_not_creating(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no lane database"):
        Store.open(tmp_path / "absent.db", create=False)


def test_locked_database_gives_a_busy_message_and_keeps_records(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved = records.save(store, passenger(), officer="OFF01")
    blocker = sqlite3.connect(store.path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        store.conn.execute("PRAGMA busy_timeout = 50")
        with pytest.raises(StoreLocked, match="busy"):
            records.save(store, passenger(), officer="OFF01")
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert records.get(store, saved.id) == saved
    assert records.save(store, passenger(), officer="OFF01").seq == 2


def test_full_disk_gives_a_clear_message_and_keeps_records(store: Store) -> None:
    saved = records.save(store, passenger(), officer="OFF01")
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(StoreFull, match="full"):
        records.save_many(store, [records.Draft(passenger(), "OFF01")] * 500)
    store.conn.execute("PRAGMA max_page_count = 1073741823")
    assert records.get(store, saved.id) == saved
    assert store.conn.execute("SELECT count(*) FROM records").fetchone()[0] == 1


def test_read_only_error_is_translated(tmp_path: Path) -> None:
    error = sqlite3.OperationalError("attempt to write a readonly database")
    error.sqlite_errorname = "SQLITE_READONLY"  # type: ignore[attr-defined]
    assert isinstance(translate(error, tmp_path / "lane.db"), StoreReadOnly)


def test_read_only_file_is_reported_when_opened_read_only(store: Store) -> None:
    records.save(store, passenger(), officer="OFF01")
    store.close()
    # Root ignores file permissions, so the read-only condition is made with SQLite's URI.
    conn = sqlite3.connect(f"file:{store.path}?mode=ro", uri=True, isolation_level=None)
    ro = Store(store.path, conn)
    with pytest.raises(StoreReadOnly, match="is read-only: SQLite refused to write it"):
        ro.configure_workstation(ro.require_workstation())
    conn.close()


def test_bugs_are_not_disguised_as_environment_errors(store: Store) -> None:
    with (
        pytest.raises(sqlite3.OperationalError, match="no such table"),
        store_errors.translated_errors(store.path),
    ):
        store.conn.execute("SELECT * FROM no_such_table")


def test_a_new_database_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "lane.db"
    with Store.open(path) as store:
        store.configure_workstation(TEST_WORKSTATION)
        records.save(store, passenger(), officer="OFF01")
        modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in tmp_path.iterdir()}
    assert modes == {
        "lane.db": 0o600,
        "lane.db-wal": 0o600,
        "lane.db-shm": 0o600,
        "lane.head": 0o600,
    }


def test_an_empty_file_made_into_the_database_is_its_owner_s_only(tmp_path: Path) -> None:
    path = tmp_path / "lane.db"
    path.touch(mode=0o644)
    path.chmod(0o644)
    with Store.open(path):
        pass
    assert path.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("left", ["missing", "empty"])
def test_a_log_left_without_its_database_is_kept_not_overwritten(
    store: Store, tmp_path: Path, left: str
) -> None:
    # The newest records live in the write-ahead log until a checkpoint copies them over.
    store.conn.execute("PRAGMA wal_autocheckpoint = 0")
    for _ in range(3):
        records.save(store, passenger(), officer="OFF01")
    wal = Path(f"{store.path}-wal")
    kept = tmp_path / "kept-wal"
    kept.write_bytes(wal.read_bytes())
    store.close()
    # The database was moved away (to be looked at, say), and its log was left behind.
    store.path.unlink()
    wal.write_bytes(kept.read_bytes())
    if left == "empty":
        store.path.touch()
    with pytest.raises(StoreCorrupt, match=r"beside its write-ahead log lane\.db-wal") as raised:
        Store.open(store.path)
    assert str(store.path) in str(raised.value) and "Do not delete it" in str(raised.value)
    assert wal.read_bytes() == kept.read_bytes()
