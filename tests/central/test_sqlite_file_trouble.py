"""The central's SQLite file locked, damaged or full: a message naming the file and what to do."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from inspection_central.cli import main
from inspection_central.storage import open_storage


@pytest.fixture
def central_file(tmp_path: Path) -> Path:
    path = tmp_path / "central.db"
    open_storage(str(path), key_path=tmp_path / "central.key").close()
    return path


def test_a_file_another_program_is_writing_names_the_file_and_what_to_do(
    central_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("inspection_central.storage.sqlite.BUSY_TIMEOUT_S", 0.1)
    writer = sqlite3.connect(central_file, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        assert (
            main(
                [
                    "workstation",
                    "add",
                    "--port-code",
                    "KHG",
                    "--lane",
                    "L09",
                    "--database",
                    str(central_file),
                ]
            )
            == 3
        )
    finally:
        writer.close()
    err = capsys.readouterr().err
    assert str(central_file) in err
    assert "another program is writing to it" in err and "try again" in err


def test_a_damaged_file_names_the_file_and_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    damaged = tmp_path / "central.db"
    damaged.write_bytes(b"\x07" * 50_000)
    assert main(["stats", "--database", str(damaged)]) == 3
    err = capsys.readouterr().err
    assert str(damaged) in err and "is damaged" in err and "backup" in err
    assert damaged.read_bytes() == b"\x07" * 50_000


def test_figures_are_read_while_another_program_writes(
    central_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Reading needs no write lock: a server storing a batch must not make `stats` busy.
    monkeypatch.setattr("inspection_central.storage.sqlite.BUSY_TIMEOUT_S", 0.1)
    writer = sqlite3.connect(central_file, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("CREATE TABLE being_written(x)")
        assert main(["stats", "--database", str(central_file)]) == 0
    finally:
        writer.close()
    assert "busy" not in capsys.readouterr().err


def test_a_lane_s_database_is_named_as_one_and_left_as_it_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # It said "cannot be used: table records already exists", as if a central were damaged.
    from inspection_client.store import records
    from inspection_client.store.database import Store
    from tests import factories
    from tests.conftest import TEST_WORKSTATION

    lane_db = tmp_path / "lane" / "lane.db"
    lane_db.parent.mkdir()
    store = Store.open(lane_db)
    store.configure_workstation(TEST_WORKSTATION)
    records.save(store, factories.passenger(), officer="OFF01")
    store.close()
    lane_db.chmod(0o644)
    before = lane_db.read_bytes()
    files_before = sorted(p.name for p in lane_db.parent.iterdir())
    stick = tmp_path / "stick"
    stick.mkdir()
    (stick / "KHG-P01-1-1.batch.json").write_text("{}")
    for command in (
        ["stats"],
        ["problems"],
        ["workstation", "list"],
        ["workstation", "add", "--port-code", "KHG", "--lane", "P01"],
        ["officer", "add", "OFF9", "--name", "N", "--role", "officer"],
        ["lanes", "list"],
        ["chain-alerts", "list"],
        ["backup-key", "show"],
        ["upgrade"],
        ["import", str(stick)],
        ["export-reference", "--to", str(stick / "reference")],
        ["export-records", "--workstation", "W", "--after", "0", "--to", str(stick / "r")],
    ):
        assert main([*command, "--database", str(lane_db)]) == 3, command
        err = capsys.readouterr().err
        assert f"{lane_db} is not a central database: it looks like a lane client's" in err
        assert "already exists" not in err and len(err.strip().splitlines()) == 1
    assert lane_db.read_bytes() == before
    assert lane_db.stat().st_mode & 0o777 == 0o644
    assert sorted(p.name for p in lane_db.parent.iterdir()) == files_before
    assert sorted(p.name for p in stick.iterdir()) == ["KHG-P01-1-1.batch.json"]


def test_another_program_s_database_is_not_made_a_central(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "notes.db"
    with sqlite3.connect(notes) as conn:
        conn.execute("CREATE TABLE notes (body TEXT)")
    conn.close()
    rails = tmp_path / "app.db"
    with sqlite3.connect(rails) as conn:
        conn.execute("CREATE TABLE schema_migrations (version TEXT)")
        conn.execute("INSERT INTO schema_migrations VALUES ('20240101000000')")
    conn.close()
    for path, tables in ((notes, "(notes)"), (rails, "(schema_migrations)")):
        before = path.read_bytes()
        command = ["workstation", "add", "--port-code", "KHG", "--lane", "P01"]
        assert main([*command, "--database", str(path)]) == 3
        err = capsys.readouterr().err
        assert f"{path} is not a central database: it holds another program's tables" in err
        assert tables in err and "newer version" not in err
        assert path.read_bytes() == before
