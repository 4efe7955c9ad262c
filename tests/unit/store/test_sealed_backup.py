"""Sealed backups: encrypted for the agency's recovery key, opened only with its identity."""

from __future__ import annotations

import io
import json
import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pyrage
import pytest

from inspection_client.cli import main
from inspection_client.store import records
from inspection_client.store.audit import chain_head
from inspection_client.store.backup import (
    RECIPIENT_SETTING,
    back_up,
    copy_key,
    file_name,
    key_beside,
    prune,
    restore,
)
from inspection_client.store.database import Store
from inspection_client.store.sealing import (
    AGE_MAGIC,
    SealingError,
    load_identity,
    new_identity,
    recipient_from,
)
from tests import factories
from tests.conftest import TEST_WORKSTATION

PASSPHRASE = "correct horse battery staple"


@pytest.fixture(scope="module")
def recovery(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """IT's recovery identity (sealed with `PASSPHRASE`) and its public key."""
    sealed, recipient = new_identity(PASSPHRASE)
    path = tmp_path_factory.mktemp("it") / "recovery.key"
    path.write_bytes(sealed)
    return path, recipient


def _identity(recovery: tuple[Path, str]) -> pyrage.x25519.Identity:
    return load_identity(recovery[0], lambda: PASSPHRASE)


def test_a_sealed_backup_holds_nothing_readable_and_opens_with_the_identity(
    store: Store, tmp_path: Path, recovery: tuple[Path, str]
) -> None:
    store.set_setting(RECIPIENT_SETTING, recovery[1])
    records.save(
        store, factories.passenger(document=factories.document(surname="KHANZADA")), officer="OFF01"
    )
    usb = tmp_path / "usb"
    usb.mkdir()
    made = back_up(store, usb / "lane.db")
    assert made.path == usb / "lane.db.age" and made.sealed_for == recovery[1]
    sealed = made.path.read_bytes()
    assert sealed.startswith(AGE_MAGIC)
    assert b"KHANZADA" not in sealed and b"SQLite format 3" not in sealed
    # Nothing readable was left on the medium or beside the database on the way.
    assert sorted(p.name for p in usb.iterdir()) == ["lane.db.age"]
    assert sorted(p.name for p in store.path.parent.iterdir() if "backup" in p.name) == []

    fresh = tmp_path / "fresh"
    done = restore(made.path, fresh, replace=False, identity=lambda: _identity(recovery))
    assert (done.records, done.head_seq) == (1, 1)
    with Store.open(fresh / "lane.db", create=False) as restored:
        assert chain_head(restored) == chain_head(store)
        content = restored.conn.execute("SELECT content FROM records").fetchone()[0]
        assert b"KHANZADA" in content
        # The restored lane keeps sealing its backups for the same key.
        assert restored.setting(RECIPIENT_SETTING) == recovery[1]
    # No plaintext left over; the witness names the restored head (`store.witness`).
    assert sorted(p.name for p in fresh.iterdir()) == ["lane.db", "lane.head"]


def test_the_workstation_key_beside_a_sealed_backup_is_sealed_and_comes_back(
    store: Store, tmp_path: Path, recovery: tuple[Path, str]
) -> None:
    store.set_setting(RECIPIENT_SETTING, recovery[1])
    records.save(store, factories.passenger(), officer="OFF01")
    made = back_up(store, tmp_path / file_name(TEST_WORKSTATION.workstation_id, datetime.now()))
    secret = tmp_path / "workstation.key"
    secret.write_bytes(b"PRIVATE SIGNING KEY")
    key = copy_key(secret, made.path, made.sealed_for)
    assert key == key_beside(made.path) and key.name.endswith(".key.age")
    assert b"PRIVATE" not in key.read_bytes()

    fresh = tmp_path / "fresh"
    done = restore(made.path, fresh, replace=False, identity=lambda: _identity(recovery))
    assert done.key == fresh / "workstation.key"
    assert (fresh / "workstation.key").read_bytes() == b"PRIVATE SIGNING KEY"


def test_without_the_right_identity_or_intact_bytes_nothing_is_changed(
    store: Store, tmp_path: Path, recovery: tuple[Path, str]
) -> None:
    store.set_setting(RECIPIENT_SETTING, recovery[1])
    records.save(store, factories.passenger(), officer="OFF01")
    made = back_up(store, tmp_path / "lane.db")
    fresh = tmp_path / "fresh"

    with pytest.raises(SealingError, match="--identity"):
        restore(made.path, fresh, replace=False)
    with pytest.raises(SealingError, match="passphrase does not open"):
        restore(
            made.path,
            fresh,
            replace=False,
            identity=lambda: load_identity(recovery[0], lambda: "not the passphrase"),
        )
    other = pyrage.x25519.Identity.generate()
    with pytest.raises(SealingError, match="sealed for another one, or it is damaged"):
        restore(made.path, fresh, replace=False, identity=lambda: other)
    garbled = tmp_path / "garbled.db.age"  # a header this age library cannot read
    garbled.write_bytes(b"age-encryption.org/v1\n-> X25519 abc\nxyz\n--- mac\n")
    with pytest.raises(SealingError) as refused:
        restore(garbled, fresh, replace=False, identity=lambda: other)
    assert "upgrading" not in refused.value.message and "\n" not in refused.value.message
    tampered = tmp_path / "tampered.db.age"
    data = bytearray(made.path.read_bytes())
    data[len(data) // 2] ^= 0x01
    tampered.write_bytes(bytes(data))
    with pytest.raises(SealingError, match="damaged"):
        restore(tampered, fresh, replace=False, identity=lambda: _identity(recovery))
    assert not fresh.exists() or sorted(fresh.iterdir()) == []


def test_a_recovery_identity_needs_a_passphrase_and_may_come_from_age_keygen(
    tmp_path: Path,
) -> None:
    with pytest.raises(SealingError, match="at least 12"):
        new_identity("short")
    plain = pyrage.x25519.Identity.generate()  # as `age-keygen` writes it, unprotected
    keygen = tmp_path / "keygen.txt"
    keygen.write_text(f"# created: today\n# public key: {plain.to_public()}\n{plain}\n")

    def never() -> str:
        raise AssertionError("an unprotected identity needs no passphrase")

    loaded = load_identity(keygen, never)
    assert str(loaded.to_public()) == str(plain.to_public())
    assert recipient_from(keygen.read_text()) == str(plain.to_public())
    for garbage in ("", "age1notakey", "AGE-SECRET-KEY-1X", "\x00" * 40, "age1a age1b"):
        with pytest.raises(SealingError):
            recipient_from(garbage)
    junk = tmp_path / "junk.key"
    junk.write_bytes(os.urandom(200))
    with pytest.raises(SealingError, match="not a recovery identity"):
        load_identity(junk, never)
    with pytest.raises(SealingError, match="Cannot read"):
        load_identity(tmp_path / "missing.key", never)


def test_a_file_that_is_not_an_identity_says_what_one_is(
    store: Store, tmp_path: Path, recovery: tuple[Path, str]
) -> None:
    def never() -> str:
        raise AssertionError("no passphrase is asked for a file that cannot be an identity")

    def refusal(path: Path, passphrase: Callable[[], str] = never) -> str:
        with pytest.raises(SealingError) as refused:
            load_identity(path, passphrase)
        return refused.value.message

    def describes_both_forms(message: str) -> bool:
        return all(
            form in message
            for form in ("db backup-key new", "age-encryption.org/v1", "AGE-SECRET-KEY-1")
        )

    garbage = tmp_path / "notes.txt"
    garbage.write_text("remember to buy milk\n")
    message = refusal(garbage)
    assert "is not a recovery identity" in message and describes_both_forms(message)

    empty = tmp_path / "empty.key"
    empty.write_bytes(b"")
    message = refusal(empty)
    assert f"{empty} is empty" in message and describes_both_forms(message)

    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(300))
    message = refusal(binary)
    assert "not a text file" in message and describes_both_forms(message)

    # The .pub that `db backup-key new` writes beside the identity, given by mistake: named
    # as the public half, and the identity beside it offered.
    public = tmp_path / "r.key.pub"
    public.write_text(f"{recovery[1]}\n")
    message = refusal(public)
    assert "is the public half of a recovery key" in message and "cannot open" in message
    assert "probably" not in message and describes_both_forms(message)  # none beside it
    identity = tmp_path / "r.key"
    identity.write_bytes(recovery[0].read_bytes())
    message = refusal(public)
    assert f"the identity is probably {identity}" in message

    # A sealed backup given as the identity: sealed for a key, not with a passphrase.
    store.set_setting(RECIPIENT_SETTING, recovery[1])
    made = back_up(store, tmp_path / "lane.db")
    message = refusal(made.path)
    assert "sealed for a recovery key, not with a passphrase" in message
    assert describes_both_forms(message)

    # A file sealed with a passphrase that holds something else.
    other = tmp_path / "diary.age"
    other.write_bytes(pyrage.passphrase.encrypt(b"dear diary\n", PASSPHRASE))
    message = refusal(other, lambda: PASSPHRASE)
    assert "opens with the passphrase but holds no recovery identity" in message


def test_pruning_keeps_the_newest_backups_sealed_or_not_with_their_keys(tmp_path: Path) -> None:
    workstation = TEST_WORKSTATION.workstation_id
    names = [
        f"lane-{workstation}-20261201-080000.db",
        f"lane-{workstation}-20261202-080000.db.age",
        f"lane-{workstation}-20261203-080000.db",
        f"lane-{workstation}-20261204-080000.db.age",
    ]
    for name in names:
        (tmp_path / name).write_bytes(b"x")
        key_beside(tmp_path / name).write_bytes(b"k")
    (tmp_path / "holiday.db.age").write_bytes(b"not ours")
    removed = prune(tmp_path, workstation, 2)
    assert [path.name for path in removed] == names[:2]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["holiday.db.age", *names[2:], *(key_beside(tmp_path / n).name for n in names[2:])]
    )


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_it_sets_a_recovery_key_and_restores_from_the_command_line(
    store: Store,
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    records.save(store, factories.passenger(), officer="OFF01")
    store.close()
    usb = tmp_path / "usb"
    usb.mkdir()
    # Before a recovery key is set, a backup says plainly that it is not encrypted.
    status, out, err = run(capsys, "db", "backup", "--to", str(usb))
    assert status == 0 and "warning: this backup is not encrypted" in err
    status, out, _ = run(capsys, "db", "backup-key", "show")
    assert status == 1 and "No recovery key" in out

    it = tmp_path / "it"
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSPHRASE + "\n"))
    status, _, err = run(
        capsys, "db", "backup-key", "new", "--out", str(it / "r.key"), "--passphrase-stdin"
    )
    assert status == 3 and f"There is no folder {it} to write r.key in" in err
    assert "Errno" not in err and not it.exists()
    it.mkdir()
    monkeypatch.setattr("sys.stdin", io.StringIO("too short\n"))
    status, _, err = run(
        capsys, "db", "backup-key", "new", "--out", str(it / "r.key"), "--passphrase-stdin"
    )
    assert status == 2 and "at least 12" in err and not (it / "r.key").exists()
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSPHRASE + "\n"))
    status, out, _ = run(
        capsys, "db", "backup-key", "new", "--out", str(it / "r.key"), "--passphrase-stdin"
    )
    assert status == 0
    recipient = out.split()[-1]
    assert (it / "r.key.pub").read_text().strip() == recipient
    status, _, err = run(capsys, "db", "backup-key", "set", str(it / "r.key"))
    assert status == 2 and "private identity" in err
    status, _, err = run(capsys, "db", "backup-key", "set", "age1notakey; DROP TABLE records")
    assert status == 2 and "not a valid recovery key" in err
    status, out, _ = run(capsys, "db", "backup-key", "set", str(it / "r.key.pub"))
    assert status == 0 and recipient in out
    status, out, _ = run(capsys, "db", "info", "--json")
    assert json.loads(out)["backup_recovery_key"] == recipient

    status, out, err = run(capsys, "db", "backup", "--to", str(usb))
    assert status == 0 and f"Sealed for the recovery key {recipient}" in out
    assert "not encrypted" not in err
    (sealed,) = usb.glob("*.db.age")

    fresh = str(tmp_path / "fresh")
    # Without --identity the command lacks an option this file needs: a usage error, saying
    # which option to add and where the recovery identity comes from.
    status, _, err = run(capsys, "--data-dir", fresh, "db", "restore", str(sealed))
    assert status == 2 and "add --identity FILE" in err and "db backup-key new" in err
    assert not Path(fresh).exists()
    restoring = ("--data-dir", fresh, "db", "restore", str(sealed), "--identity")
    unsealing = (*restoring, str(it / "r.key"), "--passphrase-stdin")
    monkeypatch.setattr("sys.stdin", io.StringIO("wrong passphrase here\n"))
    status, _, err = run(capsys, *unsealing)
    assert status == 3 and "passphrase does not open" in err
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSPHRASE + "\n"))
    status, out, _ = run(capsys, *unsealing)
    assert status == 0 and "Restored 1 records (up to #1)" in out


def test_a_recovery_key_file_that_cannot_be_used_is_named_with_why(
    store: Store,
    tmp_path: Path,
    recovery: tuple[Path, str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Each said "Expected one recovery key (a line starting age1…), found 0.", as if the
    # file had been read and found empty of keys.
    store.close()
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(300))
    notes = tmp_path / "notes.txt"
    notes.write_text("remember to buy milk\n")
    log = tmp_path / "big.log"
    log.write_text("a line of a log\n" * 10_000)
    for given, said in (
        (tmp_path / "missing.pub", f"There is no file {tmp_path / 'missing.pub'}"),
        (tmp_path / "nowhere" / "r.key.pub", "There is no file"),
        (tmp_path, f"{tmp_path} is not a file"),
        (binary, f"{binary} is not a text file"),
        (notes, f"{notes} holds no recovery key (a line starting age1…)"),
        (log, f"{log} is far larger than a file holding a recovery key"),
    ):
        status, out, err = run(capsys, "db", "backup-key", "set", str(given))
        assert status == 2 and said in err and "found 0" not in err, err
        assert "Traceback" not in err and len(err.strip().splitlines()) <= 2
    status, out, _ = run(capsys, "db", "backup-key", "show")
    assert status == 1 and "No recovery key" in out  # nothing was set

    from inspection_client.store import sealing

    public = tmp_path / "r.key.pub"
    public.write_text(f"{recovery[1]}\n")

    def refused(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    with monkeypatch.context() as patched:
        patched.setattr(sealing, "open", refused, raising=False)
        with pytest.raises(SealingError, match=f"Cannot read {public}: Permission denied"):
            sealing.recipient_given(str(public))
    assert sealing.recipient_given(str(public)) == recovery[1]
    # A key pasted with its comment is still taken as the key, not as a missing file.
    assert sealing.recipient_given(f"# public key: {recovery[1]}") == recovery[1]
