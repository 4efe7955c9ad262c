"""`db backup` and `db restore`: a checked copy taken while the lane works, and put back."""

from __future__ import annotations

import json
import sqlite3
import stat
import subprocess
import sys
from datetime import datetime, tzinfo
from pathlib import Path

import pytest

from inspection_client.cli import main
from inspection_client.store import records
from inspection_client.store.audit import chain_head, verify_chain
from inspection_client.store.backup import (
    DEVICE_SETTINGS,
    FOLDER_SETTING,
    LAST_BACKUP_SETTING,
    RECIPIENT_SETTING,
    BackupError,
    back_up,
    restore,
)
from inspection_client.store.database import Store
from inspection_client.store.info import store_info
from inspection_client.sync import keys
from tests import factories
from tests.conftest import TEST_WORKSTATION


def save(store: Store, count: int) -> list[str]:
    drafts = [records.Draft(factories.passenger(), "OFF01") for _ in range(count)]
    return [str(record.id) for record in records.save_many(store, drafts)]


def ids(path: Path) -> list[str]:
    with Store.open(path, create=False) as store:
        return [row[0] for row in store.conn.execute("SELECT id FROM records ORDER BY seq")]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_a_backup_is_the_live_database_checked_self_contained_and_private(
    store: Store, tmp_path: Path
) -> None:
    saved = save(store, 5)
    target = tmp_path / "usb" / "lane.db"
    target.parent.mkdir()
    made = back_up(store, target)
    assert (made.records, made.head_seq) == (5, 5)
    assert made.head_hash == chain_head(store)[1]
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(p.name for p in target.parent.iterdir()) == ["lane.db"]  # no log beside it
    with sqlite3.connect(f"{target.as_uri()}?mode=ro", uri=True) as copy:
        assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    copy.close()
    assert ids(target) == saved
    noted = store_info(store).last_backup
    assert noted is not None and (noted["path"], noted["records"]) == (str(target), 5)
    store.set_setting(LAST_BACKUP_SETTING, '{"records": "many"}')  # damaged on disk
    assert store_info(store).last_backup is None
    # The lane goes on working; the backup keeps its snapshot.
    save(store, 2)
    assert len(ids(target)) == 5


def test_a_backup_never_replaces_a_file_nor_leaves_half_a_one(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    save(store, 2)
    existing = tmp_path / "kept.db"
    existing.write_bytes(b"someone else's file")
    with pytest.raises(BackupError, match="exists already"):
        back_up(store, existing)
    assert existing.read_bytes() == b"someone else's file"
    with pytest.raises(BackupError, match="There is no folder"):
        back_up(store, tmp_path / "missing" / "lane.db")

    def unreadable(*args: object) -> None:
        raise BackupError("the copy does not read back intact")

    monkeypatch.setattr("inspection_client.store.backup._check", unreadable)
    with pytest.raises(BackupError):
        back_up(store, tmp_path / "new.db")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "kept.db"]


def test_restoring_puts_the_backup_and_its_key_in_place_and_keeps_what_was_there(
    store: Store, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    saved = save(store, 4)
    store.close()
    usb = tmp_path / "usb"
    usb.mkdir()
    status, _, err = run(capsys, "db", "backup", "--to", str(usb), "--with-key")
    assert status == 3 and "no key to back up" in err
    assert list(usb.iterdir()) == []  # nothing half done
    (data_dir / "workstation.key").write_bytes(b"not a key")
    (data_dir / "workstation.key").chmod(0o600)  # as a key is kept: only the damage is said
    status, _, err = run(capsys, "db", "backup", "--to", str(usb), "--with-key")
    assert status == 3 and "is damaged: it is not a private key in PEM form" in err
    assert list(usb.iterdir()) == []  # a damaged key would be restored as one
    (data_dir / "workstation.key").unlink()
    keys.generate_key_file(data_dir / "workstation.key")
    the_key = (data_dir / "workstation.key").read_bytes()
    status, out, _ = run(capsys, "db", "backup", "--to", str(usb), "--with-key")
    assert status == 0 and "Backed up 4 records (up to #4" in out
    (backup,) = usb.glob("lane-*.db")
    assert backup.name.startswith(f"lane-{TEST_WORKSTATION.workstation_id}-")
    key = backup.with_name(backup.stem + ".key")
    assert key.read_bytes() == the_key
    status, out, _ = run(capsys, "db", "info")
    assert "Last backup:     " in out and f"4 records (up to #4), to {backup}" in out
    backup_noted = json.loads(run(capsys, "db", "info", "--json")[1])["last_backup"]
    assert stat.S_IMODE(key.stat().st_mode) == 0o600

    # The disk is replaced: a new data directory gets the backup.
    fresh = tmp_path / "fresh"
    status, out, _ = run(capsys, "--data-dir", str(fresh), "db", "restore", str(backup))
    assert status == 0 and "Restored 4 records (up to #4)" in out
    assert ids(fresh / "lane.db") == saved
    assert (fresh / "workstation.key").read_bytes() == the_key
    with Store.open(fresh / "lane.db", create=False) as restored:
        assert verify_chain(restored).intact
        noted = store_info(restored).restored_from
    assert noted is not None
    assert (noted["path"], noted["records"], noted["head_seq"]) == (str(backup), 4, 4)
    made = backup_noted["at"]
    assert noted["made_at"] == made
    status, out, _ = run(capsys, "--data-dir", str(fresh), "db", "info")
    restored_line = (
        f"Restored:        {noted['at']}, from {backup} (4 records, up to #4, made {made})"
    )
    assert restored_line in out
    # Its last backup is the one it came from, not the one before that.
    assert (
        f"Last backup:     {made}, 4 records (up to #4), to {backup} (the backup this "
        "database was restored from)" in out
    )
    status, out, _ = run(capsys, "--data-dir", str(fresh), "db", "info", "--json")
    assert json.loads(out)["restored_from"] == noted

    # Over a database that is there, only with --replace, and nothing is deleted.
    with Store.open(data_dir / "lane.db", create=False) as again:
        save(again, 3)
    status, _, err = run(capsys, "db", "restore", str(backup))
    assert status == 2 and "Add --replace" in err  # a usage error
    assert len(ids(data_dir / "lane.db")) == 7
    status, out, _ = run(capsys, "db", "restore", str(backup), "--replace")
    assert status == 0 and "Kept what was there as" in out
    assert ids(data_dir / "lane.db") == saved
    (aside,) = data_dir.glob("lane.db.before-restore-*")
    assert len(ids(aside)) == 7
    assert len(list(data_dir.glob("workstation.key.before-restore-*"))) == 1


def test_a_database_in_use_or_a_bad_backup_changes_nothing(
    store: Store, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    save(store, 3)
    backup = tmp_path / "lane.db"
    back_up(store, backup)
    # The lane client still has its database open.
    with pytest.raises(BackupError, match="is in use"):
        restore(backup, data_dir, replace=True)
    store.close()

    edited = tmp_path / "edited.db"
    edited.write_bytes(backup.read_bytes())
    with sqlite3.connect(edited) as conn:
        conn.execute(
            "UPDATE records SET content = replace(content, 'OFF01', 'OFF02') WHERE seq = 2"
        )
    conn.close()
    status, _, err = run(capsys, "db", "restore", str(edited), "--replace")
    assert status == 3 and "fails its audit check at record 2" in err

    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"\x00not a database\xff" * 100)
    status, _, err = run(capsys, "db", "restore", str(garbage), "--replace")
    assert status == 3 and "garbage.db" in err and "Traceback" not in err
    status, _, err = run(capsys, "db", "restore", str(tmp_path / "none.db"))
    assert status == 3 and "There is no backup file" in err
    # "Nothing was changed" holds for a new data directory too: none is left behind.
    fresh = tmp_path / "new" / "lane"
    for bad in (garbage, edited):
        status, _, err = run(capsys, "--data-dir", str(fresh), "db", "restore", str(bad))
        assert status == 3 and "Nothing was changed" in err
        assert not fresh.parent.exists()

    assert len(ids(data_dir / "lane.db")) == 3
    assert sorted(p.name for p in data_dir.iterdir()) == ["lane.db", "lane.head"]


def test_another_program_s_database_or_a_lane_database_missing_a_table_is_no_backup(
    store: Store, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    save(store, 3)
    store.close()
    foreign = tmp_path / "photos.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE photos (name TEXT)")
    conn.close()
    status, _, err = run(capsys, "db", "restore", str(foreign), "--replace")
    assert status == 3 and f"{foreign} is not a backup of a lane workstation" in err
    assert ".restoring-" not in err and "--data-dir" not in err

    partial = tmp_path / "partial.db"
    partial.write_bytes((data_dir / "lane.db").read_bytes())
    with sqlite3.connect(partial) as conn:
        conn.execute("DROP TABLE outbox")
    conn.close()
    status, _, err = run(capsys, "db", "restore", str(partial), "--replace")
    assert status == 3 and f"{partial} is not a readable lane database" in err
    assert ".restoring-" not in err

    assert len(ids(data_dir / "lane.db")) == 3
    assert sorted(p.name for p in data_dir.iterdir()) == ["lane.db", "lane.head"]


def test_two_restores_in_the_same_second_keep_both_databases_aside(
    store: Store,
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    save(store, 2)
    first = tmp_path / "first.db"
    back_up(store, first)
    save(store, 3)
    store.close()

    class Stopped(datetime):
        @classmethod
        def now(cls, tz: tzinfo | None = None) -> Stopped:
            return cls(2026, 12, 4, 16, 0, 0, tzinfo=tz)

    monkeypatch.setattr("inspection_client.store.backup.datetime", Stopped)
    assert run(capsys, "db", "restore", str(first), "--replace")[0] == 0
    assert run(capsys, "db", "restore", str(first), "--replace")[0] == 0
    kept = sorted(len(ids(aside)) for aside in data_dir.glob("lane.db.before-restore-*"))
    assert kept == [2, 5]  # the database that was there first is not overwritten


def test_a_damaged_database_is_replaced_and_kept_aside(
    store: Store, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    saved = save(store, 3)
    backup = tmp_path / "lane.db"
    back_up(store, backup)
    store.close()
    damaged = b"SQLite format 3\x00" + b"\xff" * 5000
    (data_dir / "lane.db").write_bytes(damaged)
    status, out, err = run(capsys, "db", "restore", str(backup), "--replace")
    assert (status, err) == (0, "") and "Kept what was there as" in out
    assert ids(data_dir / "lane.db") == saved
    (aside,) = data_dir.glob("lane.db.before-restore-*")
    assert aside.read_bytes() == damaged


def test_a_lane_client_that_died_leaves_its_log_and_the_restore_keeps_it_all(
    store: Store, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    save(store, 2)
    backup = tmp_path / "lane.db"
    back_up(store, backup)
    store.close()
    # A lane client killed after saving: its write-ahead log is left beside the database.
    died = subprocess.run(
        [
            sys.executable,
            "-c",
            "import os, sys\n"
            "from tests.unit.store.test_backup import save\n"
            "from inspection_client.store.database import Store\n"
            "store = Store.open(sys.argv[1], create=False)\n"
            "save(store, 3)\n"
            "os._exit(0)\n",
            str(data_dir / "lane.db"),
        ],
        capture_output=True,
        text=True,
        cwd=Path(__file__).parents[3],  # where `tests` is a package
    )
    assert died.returncode == 0, died.stderr
    assert (data_dir / "lane.db-wal").exists()

    status, out, err = run(capsys, "db", "restore", str(backup), "--replace")
    assert (status, err) == (0, "") and "Kept what was there as" in out
    assert len(ids(data_dir / "lane.db")) == 2
    (aside,) = data_dir.glob("lane.db.before-restore-*")
    assert len(ids(aside)) == 5  # the log was folded into what was kept aside


def test_a_backup_to_a_folder_that_is_not_there_is_refused_not_written_beside_it(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--to /media/usb` with the stick not mounted: no `usb` file on the lane's own disk."""
    save(store, 2)
    store.close()
    unmounted = tmp_path / "media" / "usb"
    unmounted.parent.mkdir()
    status, _, err = run(capsys, "db", "backup", "--to", str(unmounted))
    assert status == 3
    assert f"There is no folder {unmounted} to write to" in err
    assert list(unmounted.parent.iterdir()) == []
    status, _, _ = run(capsys, "db", "backup", "--to", str(unmounted.parent / "named.db"))
    assert status == 0 and (unmounted.parent / "named.db").is_file()


def test_a_backup_file_not_named_db_is_told_the_rule(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    save(store, 2)
    store.close()
    usb = tmp_path / "usb"
    usb.mkdir()
    status, _, err = run(capsys, "db", "backup", "--to", str(usb / "x.txt"))
    assert status == 2
    said = f"A backup file's name ends in .db, not .txt: give a new file such as {usb / 'x.db'}"
    assert said in err
    assert "There is no folder" not in err
    assert list(usb.iterdir()) == []


def test_a_database_restored_says_truthfully_what_its_last_backup_was(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The copy is taken before the live database notes it: the note inside names the backup
    before. A restored database takes the backup it came from as its last one; one from a
    backup that does not say when it was made says only that."""
    save(store, 2)
    first, second = tmp_path / "first.db", tmp_path / "second.db"
    back_up(store, first)
    save(store, 1)
    made = back_up(store, second)
    noted = store_info(store).last_backup
    assert noted is not None
    for restored_from, last in ((first, None), (second, noted)):
        restored = tmp_path / restored_from.stem
        restore(restored_from, restored, replace=False)
        with Store.open(restored / "lane.db", create=False) as again:
            info = store_info(again)
        if last is None:  # the first backup: "none" before this fix, though it is one
            assert info.last_backup is not None and info.last_backup["path"] == str(first)
        else:
            assert info.last_backup == {**last, "records": made.records}
    # A backup made before backups noted themselves: the older note inside is not kept.
    old = tmp_path / "old.db"
    old.write_bytes(second.read_bytes())
    with sqlite3.connect(old) as conn:
        conn.execute("DELETE FROM settings WHERE key = 'backup.made'")
    conn.close()
    restored = tmp_path / "from-old"
    restore(old, restored, replace=False)
    with Store.open(restored / "lane.db", create=False) as again:
        info = store_info(again)
    assert info.last_backup is None
    assert info.restored_from is not None and info.restored_from["made_at"] is None
    status, out, _ = run(capsys, "--data-dir", str(restored), "db", "info")
    assert status == 0
    assert "Last backup:     the backup this database was restored from (it does not say" in out
    assert f"from {old} (3 records, up to #3)\n" in out


def test_another_workstation_s_backup_is_refused_where_this_one_s_key_stays(
    store: Store, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other_dir = tmp_path / "other"
    with Store.open(other_dir / "lane.db") as other:
        other.configure_workstation(
            TEST_WORKSTATION.model_copy(
                update={"workstation_id": "KHG-P02-0FF1CE", "lane_id": "P02"}
            )
        )
        save(other, 2)
        backup = tmp_path / "other.db"
        back_up(other, backup)
    mine = save(store, 3)
    store.close()
    key = data_dir / "workstation.key"
    key.write_bytes(b"this workstation's key")
    status, _, err = run(capsys, "db", "restore", str(backup), "--replace")
    assert status == 3
    assert "is of workstation KHG-P02-0FF1CE, but the key" in err
    assert f"belongs to workstation {TEST_WORKSTATION.workstation_id}" in err
    assert ids(data_dir / "lane.db") == mine  # nothing was changed
    assert not list(data_dir.glob("lane.db.before-restore-*"))
    # Its own backup, or one with its key, is restored as before.
    key.rename(tmp_path / "aside.key")
    assert run(capsys, "db", "restore", str(backup), "--replace")[0] == 0


def test_a_restore_over_the_same_workstation_keeps_how_the_device_is_set_up(
    store: Store, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The backup was made before IT set a recovery key and shift-close backups were ticked:
    # restored as they were in it, the next backups would go unsealed, or not be made.
    store.set_setting("ui.language", "en")
    save(store, 2)
    backup = tmp_path / "before.db"
    back_up(store, backup)
    store.set_setting(RECIPIENT_SETTING, "age1newerkeysetafterthebackup")
    store.set_setting(FOLDER_SETTING, str(tmp_path / "usb"))
    store.conn.execute("DELETE FROM settings WHERE key = 'ui.language'")  # back to default
    store.close()
    status, out, _ = run(capsys, "db", "restore", str(backup), "--replace")
    assert status == 0 and "settings (recovery key, shift-close backups" in out
    with Store.open(data_dir / "lane.db", create=False) as restored:
        assert restored.setting(RECIPIENT_SETTING) == "age1newerkeysetafterthebackup"
        assert restored.setting(FOLDER_SETTING) == str(tmp_path / "usb")
        assert restored.setting("ui.language") is None
        assert len(ids(data_dir / "lane.db")) == 2
    # Into an empty data directory, the backup's own settings are what there is.
    fresh = tmp_path / "fresh"
    status, out, _ = run(capsys, "--data-dir", str(fresh), "db", "restore", str(backup))
    assert status == 0 and "settings" not in out
    with Store.open(fresh / "lane.db", create=False) as restored:
        assert restored.setting(RECIPIENT_SETTING) is None
        assert restored.setting("ui.language") == "en"


def test_the_device_settings_kept_are_the_ones_the_window_reads() -> None:
    from inspection_client.ui import main_window

    assert main_window.LANGUAGE_SETTING in DEVICE_SETTINGS
    assert main_window.IDLE_SETTING in DEVICE_SETTINGS
