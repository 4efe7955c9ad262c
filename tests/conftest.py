"""Shared fixtures. Qt runs headless; every database a test opens is closed by its fixture."""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest

from inspection_client.domain.codes import LaneKind
from inspection_client.domain.models import Workstation
from inspection_client.store.database import Store

# The console scripts of the project and its test extra (inspection-central, ruff, mypy,
# pyside6-uic) are installed next to the interpreter that runs the tests: commands the tests
# start find them there even when that environment is not activated.
_SCRIPTS = os.path.dirname(sys.executable)
if _SCRIPTS not in os.environ.get("PATH", "").split(os.pathsep):
    os.environ["PATH"] = os.pathsep.join([_SCRIPTS, os.environ.get("PATH", "")])

TEST_WORKSTATION = Workstation(
    workstation_id="TEST-HRG-P01", port_code="HRG", lane_id="P01", lane_kind=LaneKind.PASSENGER
)


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty data directory, also set as $INSPECTION_CLIENT_HOME for commands."""
    directory = tmp_path / "data"
    monkeypatch.setenv("INSPECTION_CLIENT_HOME", str(directory))
    return directory


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    """A configured workstation store in a fresh data directory."""
    opened = Store.open(data_dir / "lane.db")
    opened.configure_workstation(TEST_WORKSTATION)
    try:
        yield opened
    finally:
        opened.close()
