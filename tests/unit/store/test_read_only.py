"""A database that cannot be written: read-only file, folder or disk.

Tests run as root, whom permission bits do not stop; an immutable file or folder
(`chattr +i`) stops root as a read-only file or folder stops anybody else, and a read-only
mount is that plus what `os.statvfs` reports. Tests that need `chattr` skip without it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from inspection_client.cli import main
from inspection_client.store import records
from inspection_client.store.database import Store
from inspection_client.store.errors import (
    StoreIOError,
    StoreReadOnly,
    read_only_reason,
    translate,
)
from inspection_client.sync import keys
from tests.factories import passenger

READ_ONLY_COMMANDS = [
    ["db", "info"],
    ["db", "check"],
    ["audit", "verify"],
    ["shift", "list"],
    ["report", "--last", "-o", "{out}/r.csv"],
    ["watchlist", "status"],
    ["officer", "list"],
    ["officer", "history"],
    ["reference", "list"],
    ["sync", "problems"],
    # A backup reads the lane; a disk gone read-only is when IT most needs one.
    ["db", "backup", "--to", "{out}"],
]

Freeze = Callable[[Path], None]


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def freeze() -> Iterator[Freeze]:
    """Makes a file or folder read-only even for root; undone after the test."""
    frozen: list[Path] = []

    def make_read_only(path: Path) -> None:
        if os.geteuid() != 0:
            path.chmod(0o555 if path.is_dir() else 0o444)
        else:
            if shutil.which("chattr") is None:
                pytest.skip("chattr is not installed")
            done = subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False)
            if done.returncode != 0:
                pytest.skip(f"chattr +i does not work here: {done.stderr.decode().strip()}")
        frozen.append(path)

    yield make_read_only
    for path in reversed(frozen):
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(path)], check=True)
        path.chmod(0o700 if path.is_dir() else 0o600)


@pytest.fixture
def saved(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A seeded lane database (records in shifts), closed."""
    assert main(["seed", "--records", "30", "--days", "1"]) == 0
    capsys.readouterr()
    return data_dir / "lane.db"


@pytest.fixture
def read_only_mount(monkeypatch: pytest.MonkeyPatch) -> None:
    """`os.statvfs` says every file system is mounted read-only."""
    real = os.statvfs

    class ReadOnly:
        def __init__(self, result: os.statvfs_result) -> None:
            self._result = result

        def __getattr__(self, name: str) -> Any:
            if name == "f_flag":
                return self._result.f_flag | os.ST_RDONLY
            return getattr(self._result, name)

    monkeypatch.setattr(os, "statvfs", lambda path: ReadOnly(real(path)))


def _error(name: str, text: str) -> sqlite3.OperationalError:
    error = sqlite3.OperationalError(text)
    error.sqlite_errorname = name  # type: ignore[attr-defined]
    return error


# -- what SQLite's errors become ----------------------------------------------------------


def test_cannot_open_on_a_read_only_mount_is_named_read_only(
    saved: Path, read_only_mount: None
) -> None:
    friendly = translate(_error("SQLITE_CANTOPEN", "unable to open database file"), saved)
    assert isinstance(friendly, StoreReadOnly) and friendly.exit_status == 3
    assert f"The database {saved} is read-only: it is on a file system mounted read-only" in str(
        friendly
    )
    assert "remount the disk read-write" in str(friendly)


def test_cannot_open_on_a_writable_disk_stays_an_io_error(saved: Path) -> None:
    friendly = translate(_error("SQLITE_CANTOPEN", "unable to open database file"), saved)
    assert isinstance(friendly, StoreIOError) and "read-only" not in str(friendly)


@pytest.mark.parametrize(
    "name", ["SQLITE_READONLY", "SQLITE_READONLY_DIRECTORY", "SQLITE_READONLY_DBMOVED"]
)
def test_every_kind_of_readonly_error_names_the_file(saved: Path, name: str) -> None:
    friendly = translate(_error(name, "attempt to write a readonly database"), saved)
    assert isinstance(friendly, StoreReadOnly) and str(saved) in str(friendly)
    assert "Nothing can be saved" in str(friendly)


def test_a_read_only_file_is_named_as_such(saved: Path, freeze: Freeze) -> None:
    freeze(saved)
    assert read_only_reason(saved) == "the file itself is read-only"


def test_a_read_only_folder_is_named_with_the_files_sqlite_needs(
    saved: Path, freeze: Freeze
) -> None:
    freeze(saved.parent)
    reason = read_only_reason(saved)
    assert reason is not None and f"its folder {saved.parent} is read-only" in reason
    assert "lane.db-wal and lane.db-shm" in reason


def test_a_writable_database_has_no_read_only_reason(saved: Path) -> None:
    assert read_only_reason(saved) is None


# -- the commands ------------------------------------------------------------------------


def test_read_only_file_refuses_saving_and_says_why(
    saved: Path, freeze: Freeze, capsys: pytest.CaptureFixture[str]
) -> None:
    freeze(saved)
    before = saved.read_bytes()
    status, _, err = _run(capsys, "seed", "--records", "2")
    assert status == 3 and "Traceback" not in err
    assert f"The database {saved} is read-only: the file itself is read-only." in err
    assert saved.read_bytes() == before
    # Reading needs no write: the commands that only read work.
    assert _run(capsys, "audit", "verify")[0] == 0


@pytest.mark.parametrize("command", READ_ONLY_COMMANDS)
def test_read_only_folder_still_serves_commands_that_only_read(
    saved: Path,
    tmp_path: Path,
    freeze: Freeze,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
) -> None:
    freeze(saved.parent)
    argv = [arg.replace("{out}", str(tmp_path)) for arg in command]
    status, _, err = _run(capsys, *argv)
    assert status == 0, err
    assert f"warning: The database {saved} is read-only (its folder" in err
    assert "opened for reading only" in err


def test_db_check_on_a_read_only_folder_checks_the_search_index_too(
    saved: Path, freeze: Freeze, capsys: pytest.CaptureFixture[str]
) -> None:
    freeze(saved.parent)
    status, out, err = _run(capsys, "db", "check")
    assert status == 0 and "integrity check ok" in out
    assert "search index" not in err


def test_db_check_on_a_read_only_folder_names_a_damaged_search_index(
    saved: Path, freeze: Freeze, capsys: pytest.CaptureFixture[str]
) -> None:
    with contextlib.closing(sqlite3.connect(saved)) as conn, conn:
        # Half of the index's newest block is lost, as a fault on disk could lose it.
        conn.execute(
            "UPDATE record_search_data SET block = substr(block, 1, length(block) / 2) "
            "WHERE id = (SELECT max(id) FROM record_search_data)"
        )
    before = saved.read_bytes()
    freeze(saved.parent)
    status, out, _ = _run(capsys, "db", "check")
    assert status == 1
    assert "search index is damaged" in out and "`inspection-client db reindex`" in out
    assert saved.read_bytes() == before


def test_sync_on_a_read_only_folder_is_refused_as_the_databases_fault(
    saved: Path, freeze: Freeze, capsys: pytest.CaptureFixture[str]
) -> None:
    freeze(saved.parent)
    status, _, err = _run(capsys, "sync")
    assert status == 3 and "Traceback" not in err  # not 4: no link would help
    assert f"The database {saved} is read-only: its folder {saved.parent} is read-only" in err


def test_read_only_folder_refuses_saving_and_names_the_wal_files(
    saved: Path, freeze: Freeze, capsys: pytest.CaptureFixture[str]
) -> None:
    freeze(saved.parent)
    status, _, err = _run(capsys, "seed", "--records", "2")
    assert status == 3 and "Traceback" not in err
    assert f"The database {saved} is read-only: its folder {saved.parent} is read-only" in err
    assert "cannot be read or written" not in err  # no longer taken for a missing disk
    assert "Commands that only read" in err


@pytest.mark.parametrize("command", [*READ_ONLY_COMMANDS, ["seed", "--records", "2"]])
def test_read_only_mount(
    saved: Path,
    tmp_path: Path,
    freeze: Freeze,
    read_only_mount: None,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
) -> None:
    freeze(saved)
    freeze(saved.parent)
    argv = [arg.replace("{out}", str(tmp_path)) for arg in command]
    status, _, err = _run(capsys, *argv)
    if command[0] == "seed":
        assert status == 3 and "Traceback" not in err
        assert f"The database {saved} is read-only: it is on a file system mounted read-only" in err
    else:
        assert status == 0, err
        assert "is read-only (it is on a file system mounted read-only)" in err


def test_a_store_opened_for_reading_refuses_writes_as_read_only(
    saved: Path, freeze: Freeze
) -> None:
    with Store.open(saved) as store:
        count = store.conn.execute("SELECT count(*) FROM records").fetchone()[0]
    freeze(saved.parent)
    with Store.open(saved, allow_read_only=True) as store:
        assert store.read_only and len(store.warnings) == 1
        assert store.conn.execute("SELECT count(*) FROM records").fetchone()[0] == count
        with pytest.raises(StoreReadOnly, match="is read-only"):
            records.save(store, passenger(), officer="OFF01")


def test_newest_records_in_an_unreadable_log_are_not_silently_left_out(
    saved: Path, tmp_path: Path, freeze: Freeze, capsys: pytest.CaptureFixture[str]
) -> None:
    # A copy taken while the lane was saving: the log holds records, and there is no -shm.
    copy = tmp_path / "copy"
    copy.mkdir()
    with Store.open(saved) as store:
        store.conn.execute("PRAGMA wal_autocheckpoint = 0")
        records.save(store, passenger(), officer="OFF01")
        shutil.copy(saved, copy / "lane.db")
        shutil.copy(saved.with_name("lane.db-wal"), copy / "lane.db-wal")
    freeze(copy)
    status, _, err = _run(capsys, "--data-dir", str(copy), "audit", "verify")
    assert status == 3 and "Traceback" not in err
    assert "write-ahead log" in err and "holds its newest records" in err


def test_a_read_only_database_of_an_older_version_asks_for_write_access(
    saved: Path, freeze: Freeze, capsys: pytest.CaptureFixture[str]
) -> None:
    db = Database(sqlite3.connect(saved, isolation_level=None))
    db.conn.execute(
        "DELETE FROM _sqlite_migrations WHERE name = (SELECT max(name) FROM _sqlite_migrations)"
    )
    db.conn.close()
    freeze(saved.parent)
    status, _, err = _run(capsys, "db", "info")
    assert status == 3 and "written by an older version" in err and "write access" in err


def test_a_missing_workstation_key_in_a_read_only_folder_is_explained(
    tmp_path: Path, freeze: Freeze
) -> None:
    freeze(tmp_path)
    with pytest.raises(keys.KeyFileUnwritable) as raised:
        keys.generate_key_file(tmp_path / "workstation.key")
    assert raised.value.exit_status == 3
    assert f"{tmp_path / 'workstation.key'} cannot be created" in str(raised.value)


def test_a_read_only_database_behind_its_witness_is_reported_not_held(
    saved: Path, freeze: Freeze, capsys: pytest.CaptureFixture[str]
) -> None:
    """Opened for reading only, nothing can be held or written: `db check` names the doubt."""
    from inspection_client.store import witness

    path = witness.path_of(saved)
    noted = witness.read(path)
    assert noted is not None
    witness.write(path, witness.Head(noted.workstation_id, noted.seq + 5, noted.hash))
    freeze(saved.parent)
    status, _, err = _run(capsys, "db", "check")
    assert status == 0 and "Traceback" not in err
    assert f"warning: The witness file {path} names record #{noted.seq + 5}, which" in err


def test_a_sealed_backup_is_made_from_a_read_only_folder(
    saved: Path, tmp_path: Path, freeze: Freeze, capsys: pytest.CaptureFixture[str]
) -> None:
    import pyrage

    from inspection_client.store.backup import set_recipient

    identity = pyrage.x25519.Identity.generate()
    with Store.open(saved) as store:
        set_recipient(store, str(identity.to_public()), source="test")
    freeze(saved.parent)
    out = tmp_path / "stick"
    out.mkdir()
    status, _, err = _run(capsys, "db", "backup", "--to", str(out))
    assert status == 0, err
    (sealed,) = out.iterdir()
    assert sealed.name.endswith(".db.age")
    plain = pyrage.decrypt(sealed.read_bytes(), [identity])
    assert plain.startswith(b"SQLite format 3\x00")
    assert not list(saved.parent.glob(".lane-backup-*"))
