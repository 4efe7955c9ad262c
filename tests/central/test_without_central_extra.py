"""A lane-only install (no `central` extra): the central's commands say what is missing."""

from __future__ import annotations

import sys

import pytest

from inspection_central.cli import main


def test_serve_without_the_server_packages_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path
) -> None:
    monkeypatch.setitem(sys.modules, "uvicorn", None)  # import uvicorn fails as if missing

    status = main(["serve", "--port", "1", "--database", str(tmp_path / "central.db")])

    err = capsys.readouterr().err
    assert status == 3
    assert "uvicorn" in err
    assert "pip install 'inspection-client[central]'" in err
    assert "Traceback" not in err


def test_postgresql_without_its_driver_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)
    monkeypatch.delitem(sys.modules, "inspection_central.storage.postgres", raising=False)

    status = main(["stats", "--database", "postgresql://central@127.0.0.1:1/central"])

    err = capsys.readouterr().err
    assert status == 3
    assert "psycopg" in err
    assert "pip install 'inspection-client[central]'" in err
