"""A central database and the version opening it: one upgraded by a newer version is refused
by every command and left untouched; one of an older version is upgraded only by `serve` and
`upgrade`, on both engines."""

from __future__ import annotations

import socket
import sqlite3
from pathlib import Path

import psycopg
import pytest

from inspection_central.cli import main
from inspection_central.storage import open_storage, postgres, sqlite

FUTURE_STEP = "central_999_from_a_newer_version"


def _query(database: str, text: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    if database.startswith("postgresql:"):
        with psycopg.connect(database, autocommit=True) as conn:
            cursor = conn.execute(text.replace("?", "%s"), params)
            return cursor.fetchall() if cursor.description else []
    conn = sqlite3.connect(database)
    try:
        with conn:
            return conn.execute(text, params).fetchall()
    finally:
        conn.close()


def _state(database: str) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """The steps applied and the tables: what an open that changes nothing leaves alone."""
    steps = _query(database, "SELECT name, applied_at FROM schema_migrations ORDER BY name")
    if database.startswith("postgresql:"):
        tables = _query(
            database,
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = current_schema() ORDER BY 1",
        )
    else:
        tables = _query(database, "SELECT name FROM sqlite_master ORDER BY name")
    return steps, tables


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _description(database: str, key_path: Path) -> str:
    storage = open_storage(database, key_path=key_path)
    try:
        return storage.description
    finally:
        storage.close()


def test_every_command_refuses_a_database_a_newer_version_upgraded(
    database: str, key_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    description = _description(database, key_path)
    _query(
        database,
        "INSERT INTO schema_migrations(name, applied_at) VALUES (?, ?)",
        (FUTURE_STEP, "2027-01-01T00:00:00+00:00"),
    )
    before = _state(database)
    for command in (
        ["serve", "--port", str(_free_port())],
        ["stats"],
        ["problems"],
        ["workstation", "add", "--port-code", "KHG", "--lane", "P01"],
        ["officer", "list"],
        ["watchlist", "show"],
        ["upgrade"],
    ):
        assert main([*command, "--database", database]) == 3, command
        err = " ".join(capsys.readouterr().err.split())
        assert f"The central database {description} was upgraded by a newer version" in err
        assert FUTURE_STEP in err
        assert "Upgrade this server's package" in err
        assert "upgraded together" in err
        assert _state(database) == before, command


def test_an_older_database_is_upgraded_by_serve_or_upgrade_only(
    database: str, key_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    engine = postgres if database.startswith("postgresql:") else sqlite
    last = engine.MIGRATIONS[-1][0]
    with monkeypatch.context() as patched:
        patched.setattr(engine, "MIGRATIONS", engine.MIGRATIONS[:-1])
        description = _description(database, key_path)
    before = _state(database)
    for command in (["stats"], ["workstation", "list"], ["watchlist", "show"]):
        assert main([*command, "--database", database]) == 3, command
        err = " ".join(capsys.readouterr().err.split())
        assert f"The central database {description} was made by an older version" in err
        assert last in err and "inspection-central upgrade" in err
        assert _state(database) == before, command
    assert main(["upgrade", "--database", database]) == 0
    assert "is up to date" in capsys.readouterr().out
    assert (last,) in _query(database, "SELECT name FROM schema_migrations")
    assert main(["stats", "--database", database]) == 0


def test_upgrade_does_not_make_a_new_central(tmp_path: Path, key_path: Path, capsys) -> None:
    missing = tmp_path / "nothing-here.db"
    assert main(["upgrade", "--database", str(missing)]) == 3
    assert "There is no central database" in capsys.readouterr().err
    assert not missing.exists()
