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
