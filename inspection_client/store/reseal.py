"""Backups already on a medium, sealed for the recovery key after the fact.

A lane that made backups before IT set a recovery key left readable copies of travellers'
personal data (and, with `--with-key`, its signing key) on USB sticks; a key rotation leaves
backups sealed for an identity IT wants to retire. `seal_backups` turns both into backups
sealed for the current key:

- a readable backup (`lane-….db`, with its `.key`) is checked (it must open as a sound
  SQLite database), sealed beside itself (`.db.age`, `.key.age`), read back and compared,
  and only then overwritten with zeros and deleted; a readable `.key` beside no readable
  backup is sealed the same way on its own;
- with the old recovery identity, a sealed one is opened on the lane's own disk (nothing
  readable reaches the medium), checked, sealed for the current key into a new file and put
  in the old one's place in one rename.

Overwriting before deleting defeats an undelete tool on an ordinary file system; a flash
medium may still keep old blocks of its own accord, so a stick that once held readable
backups is best wiped as a whole once they are sealed.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from inspection_client.message import Message
from inspection_client.store import partial_files
from inspection_client.store.backup import (
    BackupError,
    key_beside,
    new_partial,
    seal_into,
    sealed_name,
    sync_to_disk,
)
from inspection_client.store.sealing import (
    SEALED_SUFFIX,
    SealingError,
    is_sealed,
    unseal,
    unseal_bytes,
)

if TYPE_CHECKING:
    import pyrage

_CHUNK = 1024 * 1024
# Sealed newly (a readable backup), sealed again (for the current key), or left as it was.
SEALED, RESEALED, LEFT = "sealed", "resealed", "left"


@dataclass(frozen=True, slots=True)
class Outcome:
    path: Path  # the backup as found
    done: str  # `SEALED`, `RESEALED` or `LEFT`
    note: Message  # what was done, or why the backup was left as it was
    failed: bool = False  # left because something is wrong with it (not merely: nothing to do)


def backups_in(given: Iterable[Path]) -> list[Path]:
    """The backups to look at: files as given; in a folder, those named as backups are.

    Raises:
        BackupError: a path that does not exist.
    """
    found: list[Path] = []
    for path in given:
        path = Path(path).expanduser()
        if path.is_dir():
            found += sorted(
                child
                for child in path.iterdir()
                if child.is_file()
                and child.name.startswith("lane-")
                and (child.name.endswith((".db", ".db" + SEALED_SUFFIX)) or _key_alone(child))
            )
        elif path.is_file():
            found.append(path)
        else:
            raise BackupError(Message("There is no file or folder {path}.", path=path))
    return list(dict.fromkeys(found))


def _key_alone(path: Path) -> bool:
    """Whether `path` is a workstation key left beside no readable backup (`lane-….key`,
    say beside a backup sealed by hand, or whose backup was deleted): a signing key
    readable by anyone with the medium. Beside a readable backup, it is sealed with it."""
    return path.name.endswith(".key") and not path.with_suffix(".db").exists()


def seal_backups(
    backups: list[Path],
    recipient: str,
    scratch: Path,
    identity: Callable[[], pyrage.x25519.Identity] | None = None,
) -> list[Outcome]:
    """Seal each backup for `recipient`; what was done to each, in order.

    `scratch` is a folder on the lane's own disk, where a sealed backup is opened while it
    is sealed again; `identity` gives the old recovery identity, asked for at the first
    sealed backup, and without it sealed backups are left as they are. One backup that
    cannot be sealed does not stop the others.

    Raises:
        SealingError: the old identity cannot be loaded (a wrong passphrase, say).
    """
    opener: list[pyrage.x25519.Identity] = []
    outcomes = []
    for backup in backups:
        try:
            if backup.name.endswith(".key") and not is_sealed(backup):
                outcomes.append(_seal_key(backup, recipient))
            elif not is_sealed(backup):
                outcomes.append(_seal_readable(backup, recipient))
            elif identity is None:
                outcomes.append(
                    Outcome(
                        backup,
                        LEFT,
                        Message(
                            "sealed already; give the old recovery identity (--identity) "
                            "to seal it for the current key"
                        ),
                    )
                )
            else:
                if not opener:
                    opener.append(identity())
                outcomes.append(_seal_again(backup, recipient, scratch, opener[0]))
        except (BackupError, OSError) as error:
            reason = error.strerror if isinstance(error, OSError) and error.strerror else error
            outcomes.append(
                Outcome(
                    backup,
                    LEFT,
                    Message("left as it was: {reason}", reason=str(reason)),
                    failed=True,
                )
            )
    return outcomes


def _seal_readable(backup: Path, recipient: str) -> Outcome:
    if _live(backup):
        # A lane's own database (write-ahead log mode; a backup is made in rollback mode):
        # sealing it would delete what the lane works on.
        return Outcome(
            backup,
            LEFT,
            Message("a lane's working database, not a backup; left as it was"),
            failed=True,
        )
    problem = _unsound(backup)
    if problem:
        return Outcome(
            backup,
            LEFT,
            Message("not a readable lane database ({problem}); left as it was", problem=problem),
            failed=True,
        )
    target = sealed_name(backup)
    plain_key = key_beside(backup)
    sealed_key = key_beside(target)
    for taken in [target] + ([sealed_key] if plain_key.is_file() else []):
        if taken.exists():
            return _taken(backup, taken)
    with_key = plain_key.is_file()
    _write_sealed(backup, target, recipient)
    if with_key:
        try:
            _write_sealed_bytes(plain_key.read_bytes(), sealed_key, recipient)
        except BaseException:
            target.unlink()  # as it was: the readable pair, ready for another try
            raise
        _scrub(plain_key)
    _scrub(backup)
    sync_to_disk(backup.parent)
    if with_key:
        return Outcome(
            backup,
            SEALED,
            Message("sealed as {name}, its key as {key}", name=target.name, key=sealed_key.name),
        )
    return Outcome(backup, SEALED, Message("sealed as {name}", name=target.name))


def _taken(found: Path, target: Path) -> Outcome:
    """`found` left as it was: the file it would be sealed into is there already."""
    return Outcome(
        found, LEFT, Message("{path} exists already; left as it was", path=target.name), failed=True
    )


def _seal_key(key: Path, recipient: str) -> Outcome:
    """A readable workstation key on its own: sealed beside itself (`.key.age`, where a
    backup made with `--with-key` keeps it sealed), read back, and only then scrubbed."""
    target = key.with_name(key.name + SEALED_SUFFIX)
    if target.exists():
        return _taken(key, target)
    _write_sealed_bytes(key.read_bytes(), target, recipient)
    _scrub(key)
    sync_to_disk(key.parent)
    return Outcome(key, SEALED, Message("a workstation key; sealed as {name}", name=target.name))


def _seal_again(
    backup: Path, recipient: str, scratch: Path, identity: pyrage.x25519.Identity
) -> Outcome:
    """Seal again what the old identity opens: the backup, its key, or both.

    Each file is replaced on its own, so a run cut short between the two is finished by the
    next one.
    """
    key = key_beside(backup)
    new_key = None
    if key.is_file():
        with contextlib.suppress(SealingError):  # sealed for the current key already
            new_key = unseal_bytes(key.read_bytes(), key, identity)
    fd, name = tempfile.mkstemp(prefix=".resealing-", suffix=".db", dir=scratch)
    plain = Path(name)
    try:
        try:
            with os.fdopen(fd, "wb") as opened:
                unseal(backup, opened, identity)
            opens = True
        except SealingError:
            opens = False
        if opens:
            problem = _unsound(plain)
            if problem:
                return Outcome(
                    backup,
                    LEFT,
                    Message(
                        "opens, but is not a readable lane database ({problem}); left as it was",
                        problem=problem,
                    ),
                    failed=True,
                )
            _write_sealed(plain, backup, recipient, replacing=True)
        if new_key is not None:
            _write_sealed_bytes(new_key, key, recipient, replacing=True)
        sync_to_disk(backup.parent)
    finally:
        _scrub(plain)
    if not opens and new_key is None:
        return Outcome(
            backup,
            LEFT,
            Message(
                "not sealed for the old identity given (sealed for the current key "
                "already?); left as it was"
            ),
        )
    return Outcome(backup, RESEALED, Message("sealed again for the current key"))


def _live(database: Path) -> bool:
    """Whether `database` is in use or was last used in write-ahead log mode, as a lane's
    working database is (SQLite's header: bytes 18 and 19 are 2)."""
    if any(Path(f"{database}{suffix}").exists() for suffix in ("-wal", "-shm")):
        return True
    with open(database, "rb") as file:
        header = file.read(20)
    return header.startswith(b"SQLite format 3\x00") and header[18:20] == b"\x02\x02"


def _unsound(database: Path) -> str | None:
    """Why `database` is not a sound SQLite database with records, or None when it is."""
    try:
        conn = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        return str(error)
    try:
        problems = [row[0] for row in conn.execute("PRAGMA quick_check(5)")]
        if problems != ["ok"]:
            return "; ".join(problems)
        conn.execute("SELECT count(*) FROM records").fetchone()
    except sqlite3.DatabaseError as error:
        return str(error)
    finally:
        conn.close()
    return None


def _write_sealed(plain: Path, target: Path, recipient: str, *, replacing: bool = False) -> None:
    """Seal `plain` into `target` through a new file beside it, read back and compared."""
    if target.exists() and not replacing:
        raise BackupError(Message("{path} exists already.", path=target))
    partial = new_partial(target.parent)
    try:
        seal_into(plain, partial, recipient, target)
        os.chmod(partial, 0o600)
        os.replace(partial, target)
    finally:
        partial_files.discard(partial)


def _write_sealed_bytes(
    data: bytes, target: Path, recipient: str, *, replacing: bool = False
) -> None:
    import pyrage

    sealed = pyrage.encrypt(data, [pyrage.x25519.Recipient.from_str(recipient)])
    if target.exists() and not replacing:
        raise BackupError(Message("{path} exists already.", path=target))
    partial = new_partial(target.parent)
    try:
        with open(partial, "wb") as file:
            file.write(sealed)
            file.flush()
            os.fsync(file.fileno())
        if partial.read_bytes() != sealed:
            raise BackupError(
                Message("{path} does not read back as written; left as it was.", path=target)
            )
        os.chmod(partial, 0o600)
        os.replace(partial, target)
    finally:
        partial_files.discard(partial)


def _scrub(path: Path) -> None:
    """Overwrite a readable file with zeros, to the disk, and delete it."""
    with contextlib.suppress(FileNotFoundError):
        size = path.stat().st_size
        with open(path, "r+b") as file:
            zeros = bytes(min(size, _CHUNK))
            left = size
            while left > 0:
                left -= file.write(zeros[: min(left, _CHUNK)])
            file.flush()
            os.fsync(file.fileno())
        path.unlink()
