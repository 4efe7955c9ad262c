"""On PostgreSQL, an admin command run in a shell without $INSPECTION_CENTRAL_KEY must not
make a second central key in that account's data directory and sign with it."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspection_central.cli import main
from inspection_central.keys import ENV_KEY
from inspection_central.storage import open_storage


@pytest.fixture
def admin_shell(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An account with no $INSPECTION_CENTRAL_KEY; its data directory under tmp_path."""
    monkeypatch.delenv(ENV_KEY, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data" / "inspection-central" / "central.key"


@pytest.mark.postgres
def test_only_serve_makes_the_key_in_the_data_directory(
    postgres_schema: str, admin_shell: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add = ["officer", "add", "OFF001", "--name", "Li Wei", "--role", "officer"]

    assert main([*add, "--database", postgres_schema]) == 3

    err = capsys.readouterr().err
    assert f"There is no central key at {admin_shell}" in err
    assert "inspection-central serve" in err and f"${ENV_KEY}" in err
    assert not admin_shell.exists()
    served = open_storage(postgres_schema, make_key=True)  # what `serve` opens
    try:
        assert served.officers() == []  # the refused command saved nothing
        served.signing_key()
    finally:
        served.close()
    assert admin_shell.exists()
    # The account that runs the service finds its key there.
    assert main([*add, "--database", postgres_schema]) == 0


@pytest.mark.postgres
def test_an_explicit_key_path_is_made_by_any_command(
    postgres_schema: str, admin_shell: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = tmp_path / "keys" / "central.key"
    monkeypatch.setenv(ENV_KEY, str(key))
    add = ["officer", "add", "OFF001", "--name", "Li Wei", "--role", "officer"]

    assert main([*add, "--database", postgres_schema]) == 0

    assert key.exists()
    assert not admin_shell.exists()


def test_a_sqlite_central_keeps_making_its_key_beside_its_file(
    tmp_path: Path, admin_shell: Path
) -> None:
    database = tmp_path / "central.db"
    add = ["officer", "add", "OFF001", "--name", "Li Wei", "--role", "officer"]

    assert main([*add, "--database", str(database)]) == 0

    assert (tmp_path / "central.key").exists()
