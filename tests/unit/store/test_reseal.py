"""Backups already on a medium, sealed for the recovery key after the fact: readable ones made
before a key was set, and ones sealed for a key IT retires."""

from __future__ import annotations

import io
from pathlib import Path

import pyrage
import pytest

from inspection_client.cli import main
from inspection_client.store import records
from inspection_client.store.backup import RECIPIENT_SETTING, back_up, copy_key, restore
from inspection_client.store.database import Store
from inspection_client.store.reseal import LEFT, RESEALED, SEALED, backups_in, seal_backups
from inspection_client.store.sealing import AGE_MAGIC, is_sealed, load_identity
from tests import factories

SURNAME = b"KHANZADA"


def _identity_file(folder: Path, name: str) -> tuple[Path, str]:
    """An unprotected identity file, as age-keygen writes one, and its recipient."""
    identity = pyrage.x25519.Identity.generate()
    path = folder / name
    path.write_text(f"# public key: {identity.to_public()}\n{identity}\n", encoding="utf-8")
    return path, str(identity.to_public())


@pytest.fixture
def readable(store: Store, tmp_path: Path) -> tuple[Path, Path]:
    """A readable backup with the workstation key beside it, made before any recovery key."""
    records.save(
        store, factories.passenger(document=factories.document(surname="KHANZADA")), officer="OFF01"
    )
    usb = tmp_path / "usb"
    usb.mkdir()
    made = back_up(store, usb / "lane-KHG-L01-20261201-080000.db")
    key_file = tmp_path / "workstation.key"
    key_file.write_bytes(b"PRIVATE SIGNING KEY")
    copy_key(key_file, made.path)
    assert SURNAME in made.path.read_bytes()
    return usb, made.path


def _restore(backup: Path, identity: Path, into: Path) -> bytes:
    done = restore(backup, into, replace=False, identity=lambda: load_identity(identity, str))
    assert done.records == 1
    return (into / "workstation.key").read_bytes()


def test_a_readable_backup_is_sealed_beside_itself_and_the_readable_one_is_gone(
    readable: tuple[Path, Path], tmp_path: Path
) -> None:
    usb, _ = readable
    identity, recipient = _identity_file(tmp_path, "it.key")
    (outcome,) = seal_backups(backups_in([usb]), recipient, tmp_path)
    assert (outcome.done, outcome.failed) == (SEALED, False)
    assert "its key as lane-KHG-L01-20261201-080000.key.age" in outcome.note
    assert sorted(path.name for path in usb.iterdir()) == [
        "lane-KHG-L01-20261201-080000.db.age",
        "lane-KHG-L01-20261201-080000.key.age",
    ]
    sealed = usb / "lane-KHG-L01-20261201-080000.db.age"
    assert sealed.read_bytes().startswith(AGE_MAGIC) and SURNAME not in sealed.read_bytes()
    assert _restore(sealed, identity, tmp_path / "restored") == b"PRIVATE SIGNING KEY"


def test_a_rotated_key_seals_the_old_backups_again_and_the_old_identity_no_longer_opens_them(
    readable: tuple[Path, Path], tmp_path: Path
) -> None:
    usb, _ = readable
    old_identity, old_recipient = _identity_file(tmp_path, "old.key")
    new_identity, new_recipient = _identity_file(tmp_path, "new.key")
    seal_backups(backups_in([usb]), old_recipient, tmp_path)
    sealed = usb / "lane-KHG-L01-20261201-080000.db.age"

    # Without the old identity a sealed backup is left as it is: nothing is wrong with it.
    (left,) = seal_backups(backups_in([usb]), new_recipient, tmp_path)
    assert (left.done, left.failed) == (LEFT, False) and "--identity" in left.note

    scratch = tmp_path / "lane"
    scratch.mkdir()
    old = lambda: load_identity(old_identity, str)  # noqa: E731
    (outcome,) = seal_backups(backups_in([usb]), new_recipient, scratch, old)
    assert outcome.done == RESEALED
    assert list(scratch.iterdir()) == []  # the opened copy does not stay on the lane's disk
    assert _restore(sealed, new_identity, tmp_path / "restored") == b"PRIVATE SIGNING KEY"
    with pytest.raises(Exception, match="cannot be opened with this recovery key"):
        _restore(sealed, old_identity, tmp_path / "again")

    # Run again with the old identity: those backups are the new key's already.
    (again,) = seal_backups(backups_in([usb]), new_recipient, scratch, old)
    assert (again.done, again.failed) == (LEFT, False) and "current key already" in again.note


def test_what_cannot_be_sealed_is_left_as_it_was_and_the_rest_is_sealed(
    readable: tuple[Path, Path], tmp_path: Path
) -> None:
    usb, backup = readable
    damaged = usb / "lane-KHG-L01-20261130-080000.db"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    in_the_way = usb / "lane-KHG-L01-20261129-080000.db"
    in_the_way.write_bytes(backup.read_bytes())
    (usb / "lane-KHG-L01-20261129-080000.db.age").write_bytes(b"someone else's file")
    _, recipient = _identity_file(tmp_path, "it.key")
    outcomes = {o.path.name: o for o in seal_backups(backups_in([usb]), recipient, tmp_path)}
    assert outcomes[damaged.name].failed and "not a readable lane database" in (
        outcomes[damaged.name].note
    )
    assert outcomes[in_the_way.name].failed and "exists already" in outcomes[in_the_way.name].note
    assert outcomes[backup.name].done == SEALED
    # Left as they were, byte for byte.
    assert damaged.read_bytes().startswith(b"SQLite format 3")
    assert SURNAME in in_the_way.read_bytes()
    assert (usb / "lane-KHG-L01-20261129-080000.db.age").read_bytes() == b"someone else's file"
    assert is_sealed(usb / "lane-KHG-L01-20261201-080000.db.age")


def test_the_command_seals_for_this_lanes_key_and_says_what_it_left(
    readable: tuple[Path, Path],
    store: Store,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    usb, backup = readable
    status = main(["db", "seal-backups", str(usb)])
    assert status == 2 and "no recovery key" in capsys.readouterr().err
    assert backup.exists()
    status = main(["db", "seal-backups", str(tmp_path / "nowhere"), "--key", "age1x"])
    assert status == 2 and "not a valid recovery key" in capsys.readouterr().err

    identity, recipient = _identity_file(tmp_path, "it.key")
    store.set_setting(RECIPIENT_SETTING, recipient)
    (usb / "lane-KHG-L01-20261130-080000.db").write_bytes(b"\x00binary garbage")
    status = main(["db", "seal-backups", str(usb)])
    out, err = capsys.readouterr()
    assert status == 1
    assert f"1 of 2 backup(s) sealed for {recipient}; 1 could not be." in out
    assert "lane-KHG-L01-20261130-080000.db: not a readable lane database" in err
    assert "wipe a stick" in out and not backup.exists()

    _, newer = _identity_file(tmp_path, "newer.key")
    monkeypatch.setattr("sys.stdin", io.StringIO("\n"))
    argv = ["db", "seal-backups", str(usb), "--key", newer, "--identity", str(identity)]
    status = main([*argv, "--passphrase-stdin"])
    out, err = capsys.readouterr()
    assert status == 1 and "sealed again for the current key" in out


def test_a_run_cut_short_leaves_nothing_half_done_that_the_next_run_does_not_finish(
    readable: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from inspection_client.store import reseal

    usb, backup = readable
    old_identity, old_recipient = _identity_file(tmp_path, "old.key")
    new_identity, new_recipient = _identity_file(tmp_path, "new.key")
    real_write = reseal._write_sealed_bytes

    def medium_pulled(*args: object, **kwargs: object) -> None:
        raise OSError(5, "Input/output error")

    # Sealing a readable backup: the key fails, so the sealed backup is taken back too.
    monkeypatch.setattr(reseal, "_write_sealed_bytes", medium_pulled)
    (cut,) = seal_backups(backups_in([usb]), old_recipient, tmp_path)
    assert cut.failed and "Input/output error" in cut.note
    assert sorted(p.name for p in usb.iterdir()) == [backup.name, backup.with_suffix(".key").name]

    monkeypatch.setattr(reseal, "_write_sealed_bytes", real_write)
    seal_backups(backups_in([usb]), old_recipient, tmp_path)
    # Sealing again: the backup is sealed for the new key, then the key fails.
    monkeypatch.setattr(reseal, "_write_sealed_bytes", medium_pulled)
    old = lambda: load_identity(old_identity, str)  # noqa: E731
    (cut,) = seal_backups(backups_in([usb]), new_recipient, tmp_path, old)
    assert cut.failed
    monkeypatch.setattr(reseal, "_write_sealed_bytes", real_write)
    (finished,) = seal_backups(backups_in([usb]), new_recipient, tmp_path, old)
    assert finished.done == RESEALED  # the key, which the old identity still opened
    sealed = usb / "lane-KHG-L01-20261201-080000.db.age"
    assert _restore(sealed, new_identity, tmp_path / "restored") == b"PRIVATE SIGNING KEY"


def test_a_lanes_working_database_is_never_taken_for_a_backup(
    readable: tuple[Path, Path], store: Store, tmp_path: Path
) -> None:
    _, recipient = _identity_file(tmp_path, "it.key")
    before = store.path.read_bytes()
    (outcome,) = seal_backups([store.path], recipient, tmp_path)
    assert outcome.failed and "working database, not a backup" in outcome.note
    assert store.path.read_bytes() == before
    assert not store.path.with_name(store.path.name + ".age").exists()
    # Closed, with its log folded in, it still says it is one.
    store.close()
    assert not Path(f"{store.path}-wal").exists()
    (outcome,) = seal_backups([store.path], recipient, tmp_path)
    assert outcome.failed and store.path.read_bytes()[:16] == b"SQLite format 3\x00"


def test_a_readable_key_left_beside_no_readable_backup_is_sealed_on_its_own(
    readable: tuple[Path, Path], tmp_path: Path
) -> None:
    # Its backup was sealed by hand, or deleted: the signing key is still readable by
    # anyone with the stick, and is sealed where `--with-key` keeps a sealed one.
    usb, backup = readable
    identity, recipient = _identity_file(tmp_path, "it.key")
    backup.unlink()
    key = usb / "lane-KHG-L01-20261201-080000.key"
    assert backups_in([usb]) == [key]
    (outcome,) = seal_backups(backups_in([usb]), recipient, tmp_path)
    assert (outcome.done, outcome.failed) == (SEALED, False)
    assert "sealed as lane-KHG-L01-20261201-080000.key.age" in outcome.note
    sealed = usb / "lane-KHG-L01-20261201-080000.key.age"
    assert not key.exists() and is_sealed(sealed)
    opened = pyrage.decrypt(sealed.read_bytes(), [load_identity(identity, str)])
    assert opened == b"PRIVATE SIGNING KEY"
    assert sealed.stat().st_mode & 0o077 == 0
    # Found again, it is not listed: nothing readable is left to seal.
    assert backups_in([usb]) == []


def test_a_readable_key_beside_its_readable_backup_is_sealed_with_it_not_twice(
    readable: tuple[Path, Path], tmp_path: Path
) -> None:
    usb, backup = readable
    assert backups_in([usb]) == [backup]
    _, recipient = _identity_file(tmp_path, "it.key")
    key = usb / "lane-KHG-L01-20261201-080000.key"
    (usb / "lane-KHG-L01-20261201-080000.key.age").write_bytes(b"taken")
    (outcome,) = seal_backups([key], recipient, tmp_path)  # given by name, its sealed one there
    assert (outcome.done, outcome.failed) == (LEFT, True) and "exists already" in outcome.note
    assert key.read_bytes() == b"PRIVATE SIGNING KEY"
