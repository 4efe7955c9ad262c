"""One central database, one central key: the first key that signs for the database is kept
in it, and a server or command given another key refuses to serve or sign (exit 3), on both
engines."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from inspection_central.cli import main
from inspection_central.keys import WrongCentralKey
from inspection_central.storage import LaneEntry, open_storage, postgres, sqlite
from inspection_client.sync.keys import fingerprint, generate_key_file
from tests.central.lane import Lane


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _fingerprint_of(path: Path) -> str:
    return fingerprint(generate_key_file(path).public_key())


def test_a_second_key_on_a_fresh_database_is_refused(
    database: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    first, second = tmp_path / "k1.key", tmp_path / "k2.key"
    first_print, second_print = _fingerprint_of(first), _fingerprint_of(second)
    # The first server starts: nothing enrolled yet, nothing published.
    storage = open_storage(database, key_path=first)
    try:
        storage.signing_key()
    finally:
        storage.close()
    monkeypatch.setenv("INSPECTION_CENTRAL_KEY", str(second))
    for command in (
        ["serve", "--port", str(_free_port())],
        ["officer", "add", "AB001", "--name", "Li", "--role", "officer"],
        ["lanes", "add", "KHG", "P01", "--kind", "passenger"],
    ):
        assert main([*command, "--database", database]) == 3, command
        err = " ".join(capsys.readouterr().err.split())
        assert f"(fingerprint {second_print}) is not the key of the central database" in err
        assert f"first served with the key of fingerprint {first_print}" in err
        assert "Copy the first server's key file" in err
    other = open_storage(database, key_path=second)
    try:
        with pytest.raises(WrongCentralKey):
            other.signing_key()  # receipts, grants and snapshots alike
        assert other.officers() == [] and other.lanes() == []
    finally:
        other.close()
    monkeypatch.setenv("INSPECTION_CENTRAL_KEY", str(first))
    assert main(["lanes", "add", "KHG", "P01", "--kind", "passenger", "--database", database]) == 0


def test_a_second_key_once_lanes_enrolled_is_refused_naming_both_fingerprints(
    database: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    """With lanes enrolled, the key they pinned is checked first; its refusal still names
    both keys, so IT can tell which server's key file to copy (packaging/README.md)."""
    first, second = tmp_path / "k1.key", tmp_path / "k2.key"
    first_print, second_print = _fingerprint_of(first), _fingerprint_of(second)
    storage = open_storage(database, key_path=first)
    try:
        lane = Lane(storage, tmp_path)
        lane.close()
    finally:
        storage.close()
    monkeypatch.setenv("INSPECTION_CENTRAL_KEY", str(second))
    assert main(["serve", "--port", str(_free_port()), "--database", database]) == 3
    err = " ".join(capsys.readouterr().err.split())
    assert f"The central key {second} (fingerprint {second_print})" in err
    assert f"workstations pinned (fingerprint {first_print}," in err


def test_a_database_from_before_adopts_the_first_key_that_signs_after_the_upgrade(
    database: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = postgres if database.startswith("postgresql:") else sqlite
    first, second = tmp_path / "k1.key", tmp_path / "k2.key"
    first_print = _fingerprint_of(first)
    _fingerprint_of(second)
    with monkeypatch.context() as patched:
        patched.setattr(engine, "MIGRATIONS", engine.MIGRATIONS[:-1])
        older = open_storage(database, key_path=first)
        try:
            older.add_lane(LaneEntry("KHG", "P01", "passenger"))
        finally:
            older.close()
    for key_path in (first, second):
        storage = open_storage(database, key_path=key_path)
        try:
            if key_path == first:
                storage.signing_key()
            else:
                with pytest.raises(WrongCentralKey, match=first_print):
                    storage.signing_key()
        finally:
            storage.close()


def test_a_start_refused_for_another_key_leaves_no_key_file_behind(
    database: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    first, elsewhere = tmp_path / "k1.key", tmp_path / "other-host" / "central.key"
    first_print = _fingerprint_of(first)
    storage = open_storage(database, key_path=first)
    try:
        storage.signing_key()
    finally:
        storage.close()
    # A second server pointed at a place with no key: the key it makes there is refused.
    monkeypatch.setenv("INSPECTION_CENTRAL_KEY", str(elsewhere))
    for _start in range(2):  # and the next start finds nothing there either, and says so
        assert main(["serve", "--port", str(_free_port()), "--database", database]) == 3
        assert not elsewhere.exists()
        err = " ".join(capsys.readouterr().err.split())
        assert f"There is no central key at {elsewhere}" in err
        assert f"keeps the key of fingerprint {first_print}" in err
    # A key file that was there before is someone's key: refused, but never deleted.
    second = tmp_path / "k2.key"
    _fingerprint_of(second)
    monkeypatch.setenv("INSPECTION_CENTRAL_KEY", str(second))
    assert main(["serve", "--port", str(_free_port()), "--database", database]) == 3
    assert second.exists()
    monkeypatch.setenv("INSPECTION_CENTRAL_KEY", str(first))
    assert main(["lanes", "add", "KHG", "P01", "--kind", "passenger", "--database", database]) == 0
