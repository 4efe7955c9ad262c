"""An empty or missing database file where a lane was set up is a loss to report, not a new
lane to start: the records are elsewhere (a backup), and a new chain from #1 would fork the
lane's history at the central."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspection_client import paths
from inspection_client.cli import main


def _run(capsys: pytest.CaptureFixture[str], data_dir: Path, *argv: str) -> tuple[int, str]:
    status = main(["--data-dir", str(data_dir), *argv])
    return status, capsys.readouterr().err


@pytest.mark.parametrize("command", [["db", "info"], ["audit", "verify"], ["shift", "list"]])
def test_a_command_that_reads_leaves_an_empty_file_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    database = paths.database_file(tmp_path)
    database.touch()
    status, err = _run(capsys, tmp_path, *command)
    assert status == 3
    assert str(database) in err and "empty" in err
    assert database.stat().st_size == 0


def test_an_empty_file_with_no_lane_before_it_is_set_up_by_seed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths.database_file(tmp_path).touch()
    assert _run(capsys, tmp_path, "seed", "--records", "5")[0] == 0


@pytest.mark.parametrize("emptied", [True, False])
def test_a_lane_whose_database_is_gone_is_not_started_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], emptied: bool
) -> None:
    database = paths.database_file(tmp_path)
    key = paths.workstation_key_file(tmp_path)
    key.write_bytes(b"a workstation key")  # what enrolment left: the lane was set up here
    if emptied:
        database.touch()
    status, err = _run(capsys, tmp_path, "seed", "--records", "5")
    assert status == 3
    assert "db restore" in err and str(database) in err
    assert not database.exists() or database.stat().st_size == 0
    assert key.read_bytes() == b"a workstation key"
