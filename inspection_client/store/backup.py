"""Backups of the lane database: a consistent, checked copy, taken while the lane keeps working.

A lane offline for weeks holds the only copy of its unsynced records; copying `lane.db` by
hand while the window writes to it can miss the write-ahead log or catch it half-written.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from inspection_client.domain.canonical import GENESIS_HASH
from inspection_client.message import Message
from inspection_client.store import partial_files, restore_hold, sync_state, witness
from inspection_client.store.database import Store, write_setting
from inspection_client.store.errors import (
    StoreCorrupt,
    StoreError,
    StoreTooNew,
    translated_errors,
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

_STAMP = re.compile(r"\d{8}-\d{6}")
# The last backup this database made of itself, as JSON: when, where, how many records.
LAST_BACKUP_SETTING = "backup.last"
# Kept in a restored database: which backup it was restored from, and when.
RESTORED_FROM_SETTING = "backup.restored_from"
# Written into each backup only, as JSON: when and where it was made. A database restored
# from it takes it as its last backup (the database's own note is one backup behind: the
# copy is taken before the live database notes it).
BACKUP_MADE_SETTING = "backup.made"
# The agency's recovery key (an age recipient, `age1…`): when set, every backup is sealed.
RECIPIENT_SETTING = "backup.recipient"
# Where it came from: `SET_ON_THIS_LANE`, or "central v<N>" (the reference snapshot's version).
RECIPIENT_SOURCE_SETTING = "backup.recipient_source"
# Where the window's shift-close backups go (`ui.backup`); absent or empty: none.
FOLDER_SETTING = "backup.folder"
# How this device is set up, not what it recorded: a restore over the same workstation's
# database keeps the values it had (`_device_settings`). The window's language and idle
# lock are kept under the names `ui.main_window` gives them.
DEVICE_SETTINGS = (
    RECIPIENT_SETTING,
    RECIPIENT_SOURCE_SETTING,
    FOLDER_SETTING,
    "ui.language",
    "ui.idle_minutes",
)
SET_ON_THIS_LANE = "set on this lane"


def set_recipient(store: Store, recipient: str, *, source: str) -> None:
    """Seal this lane's backups for `recipient` (checked by the caller) from now on.

    The newest word wins: a key set on the lane replaces the central's until the central
    publishes another, and the other way round.
    """
    with store.write() as conn:
        write_recipient(conn, recipient, source=source)


def write_recipient(conn: sqlite3.Connection, recipient: str, *, source: str) -> None:
    """`set_recipient` inside the caller's write transaction."""
    write_setting(conn, RECIPIENT_SETTING, recipient)
    write_setting(conn, RECIPIENT_SOURCE_SETTING, source)


class BackupError(StoreError):
    """The backup could not be made where asked; the lane database itself is untouched."""


class ReplaceNotGiven(BackupError):
    """A restore onto a database that is there, without --replace: a usage error."""

    exit_status = 2


class IdentityNotGiven(SealingError):
    """A restore of a sealed backup without --identity: a usage error, as a missing option."""

    exit_status = 2


@dataclass(frozen=True, slots=True)
class Backup:
    path: Path
    records: int
    head_seq: int  # the newest record in the copy
    head_hash: str  # its audit chain hash, hex
    size_bytes: int
    sealed_for: str | None = None  # the recovery key it is sealed for; None: not sealed


def sealed_name(target: Path) -> Path:
    """The name of a sealed backup: the one asked for, ending in `.age`."""
    return (
        target
        if target.name.endswith(SEALED_SUFFIX)
        else target.with_name(target.name + SEALED_SUFFIX)
    )


def back_up(store: Store, target: Path) -> Backup:
    """Copy the database to `target`, a new file, through SQLite's online backup.

    The copy is one snapshot: a record saved meanwhile is in it whole or not at all. Before
    it takes its name, the copy is checked page by page, its audit chain head is compared
    with the live database's at the same record, and it is made self-contained (no
    write-ahead log beside it, so it can be read from a read-only medium), synced to disk
    and made readable by its owner only: it holds travellers' personal data.

    When the database has a recovery key (`RECIPIENT_SETTING`), the copy is made and
    checked beside the database, then sealed for that key into `target` + `.age`, which is
    read back and compared; nothing readable reaches the medium.

    Raises:
        BackupError: `target` exists, its folder does not, or the copy fails its checks.
        StoreError: the medium is full, read-only or gone (named after `target`).
    """
    recipient = store.setting(RECIPIENT_SETTING)
    target = Path(target).expanduser()
    if recipient:
        target = sealed_name(target)
    if target.exists() or target.is_symlink():
        raise BackupError(
            Message("{path} exists already; a backup never replaces a file.", path=target)
        )
    folder = target.parent
    if not folder.is_dir():
        if folder.exists():
            raise BackupError(
                Message(
                    "{folder} is a file, not a folder; give a folder to write to.", folder=folder
                )
            )
        raise BackupError(Message("There is no folder {folder} to write to.", folder=folder))
    at = datetime.now().astimezone().isoformat(timespec="seconds")
    partial_files.remove_leftover_backups(folder)
    partial_files.remove_leftover_backups(store.path.parent)
    partial = plain = new_partial(folder)
    try:
        if recipient:  # the readable copy stays on this machine's own disk
            plain = _local_partial(store.path.parent)
        with translated_errors(target if plain == partial else store.path):
            copy = sqlite3.connect(plain, isolation_level=None)
            try:
                store.conn.backup(copy)
                copy.execute("PRAGMA journal_mode = DELETE")
                made_note = {"at": at, "path": str(target), "sealed": bool(recipient)}
                write_setting(copy, BACKUP_MADE_SETTING, json.dumps(made_note))
                summary = _check(store, copy, target)
            finally:
                copy.close()
        if recipient:
            seal_into(plain, partial, recipient, target)
        os.chmod(partial, 0o600)
        sync_to_disk(partial)
        os.replace(partial, target)
        sync_to_disk(folder)
        size = target.stat().st_size
    except OSError as error:
        raise BackupError(
            Message("Cannot write the backup to {path}: {error}", path=target, error=error)
        ) from error
    finally:
        for leftover in {partial, plain}:
            partial_files.discard(leftover)
    made = Backup(target, *summary, size, recipient or None)
    record = {
        "at": at,
        "path": str(target),
        "records": made.records,
        "head_seq": made.head_seq,
        "sealed": bool(recipient),
    }
    with contextlib.suppress(StoreError):  # the backup is made; noting it is a courtesy
        store.set_setting(LAST_BACKUP_SETTING, json.dumps(record))
    return made


def new_partial(folder: Path) -> Path:
    """A new, empty file in `folder` for a backup being written."""
    try:
        handle, name = tempfile.mkstemp(prefix=".lane-backup-", suffix=".partial", dir=folder)
    except OSError as error:
        raise BackupError(
            Message("Cannot write in {folder}: {error}", folder=folder, error=error.strerror)
        ) from error
    partial_files.hold(Path(name), handle)
    return Path(name)


def _local_partial(data_dir: Path) -> Path:
    """A new file for the readable copy of a sealed backup, on this machine's own disk:
    beside the database, or in the system's folder for temporary files when the data
    directory cannot be written (a disk gone read-only, when a backup is wanted most).
    Either way only its owner may read it, and it is removed once sealed."""
    try:
        return new_partial(data_dir)
    except BackupError:
        return new_partial(Path(tempfile.gettempdir()))


def seal_into(plain: Path, partial: Path, recipient: str, target: Path) -> None:
    """Seal the checked copy `plain` into `partial`, synced, and read it back."""
    from inspection_client.store.sealing import file_digest, seal

    with open(partial, "wb") as sealed:
        written = seal(plain, sealed, recipient)
        sealed.flush()
        os.fsync(sealed.fileno())
    if file_digest(partial) != written:
        raise BackupError(
            Message(
                "The sealed copy written to {path} does not read back as written; nothing "
                "was kept. Try another medium.",
                path=target,
            )
        )


def _check(store: Store, copy: sqlite3.Connection, target: Path) -> tuple[int, int, str]:
    """(records, head seq, head hash) of the copy, once it has proved sound."""
    problems = _quick_check(copy)
    if problems != ["ok"]:
        # The copy is the database page for page: its damage is most often the lane's own,
        # which no other medium cures.
        damage = _quick_check(store.conn)
        if damage != ["ok"]:
            raise StoreCorrupt(
                Message(
                    "The database {path} is damaged ({error}). Do not delete it: copy the "
                    "whole data directory somewhere safe and ask IT to restore it or recover "
                    "its records.",
                    path=store.path,
                    error="; ".join(damage),
                )
            )
        raise BackupError(
            Message(
                "The copy written to {path} does not read back intact ({problems}); nothing "
                "was kept. Try another medium.",
                path=target,
                problems="; ".join(problems),
            )
        )
    records = int(copy.execute("SELECT COUNT(*) FROM records").fetchone()[0])
    head = copy.execute("SELECT seq, hash FROM audit_chain ORDER BY seq DESC LIMIT 1").fetchone()
    head_seq, head_hash = (0, GENESIS_HASH) if head is None else (int(head[0]), bytes(head[1]))
    live = store.conn.execute("SELECT hash FROM audit_chain WHERE seq = ?", (head_seq,)).fetchone()
    if head_seq and (live is None or bytes(live[0]) != head_hash):
        raise BackupError(
            Message(
                "The copy's audit chain at record {seq} differs from the lane database's; "
                "nothing was kept. Run `inspection-client audit verify`.",
                seq=head_seq,
            )
        )
    return records, head_seq, head_hash.hex()


def _quick_check(conn: sqlite3.Connection) -> list[str]:
    """SQLite's quick check: ["ok"], or the problems it found (a page it cannot read at all
    is an error, not a problem row)."""
    try:
        return [row[0] for row in conn.execute("PRAGMA quick_check(5)")]
    except sqlite3.DatabaseError as error:
        return [str(error)]


def sync_to_disk(path: Path) -> None:
    """Flush a file, or a folder's entries, to the disk (folders cannot be opened on Windows)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        if path.is_dir():
            return
        raise
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def file_name(workstation_id: str | None, at: datetime) -> str:
    """A backup's name in a folder: the workstation and the local time, sortable (`prune`)."""
    return f"lane-{workstation_id or 'lane'}-{at:%Y%m%d-%H%M%S}.db"


def prune(folder: Path, workstation_id: str, keep: int) -> list[Path]:
    """Delete all but the newest `keep` backups of this workstation in `folder`, with their
    keys; the backups deleted. Only files named as `file_name` names them are touched."""
    prefix = f"lane-{workstation_id}-"

    def stamp(name: str) -> str | None:
        for ending in (".db", ".db" + SEALED_SUFFIX):
            if name.startswith(prefix) and name.endswith(ending):
                middle = name[len(prefix) : -len(ending)]
                return middle if _STAMP.fullmatch(middle) else None
        return None

    made = sorted(
        (path for path in folder.iterdir() if stamp(path.name) and path.is_file()),
        key=lambda path: stamp(path.name) or "",
    )
    removed = made[: max(0, len(made) - keep)]
    for path in removed:
        path.unlink()
        key_beside(path).unlink(missing_ok=True)
    return removed


def key_beside(backup: Path) -> Path:
    """Where the workstation key goes beside a backup: same name, `.key` (`.key.age` sealed)."""
    name = backup.name
    if name.endswith(SEALED_SUFFIX):
        return backup.with_name(Path(name[: -len(SEALED_SUFFIX)]).stem + ".key" + SEALED_SUFFIX)
    return backup.with_name(backup.stem + ".key")


def copy_key(key_file: Path, backup: Path, recipient: str | None = None) -> Path:
    """Put the workstation's private key beside `backup` (0600), sealed for `recipient` when
    one is given; its path.

    Raises:
        BackupError: there is no key (the workstation is not enrolled), or it cannot be
            written there, or a file of that name exists.
    """
    try:
        key = key_file.read_bytes()
    except FileNotFoundError:
        raise BackupError(
            Message(
                "This workstation has no key to back up ({path}): it is not enrolled.",
                path=key_file,
            )
        ) from None
    except OSError as error:
        raise BackupError(
            Message("Cannot read the workstation key {path}: {error}", path=key_file, error=error)
        ) from error
    if recipient:
        import pyrage

        key = pyrage.encrypt(key, [pyrage.x25519.Recipient.from_str(recipient)])
    destination = key_beside(backup)
    write_new(destination, key)
    return destination


def missing_folder(path: Path) -> Message:
    """What to say when the folder `path` was to be written in does not exist (or is a
    file): a stick not mounted, or a mistyped path."""
    folder = path.parent
    if folder.exists():
        return Message(
            "{folder} is a file, not a folder; give a folder to write to.", folder=folder
        )
    return Message(
        "There is no folder {folder} to write {name} in; create it or choose another.",
        folder=folder,
        name=path.name,
    )


def write_new(path: Path, data: bytes) -> None:
    """Write a new file readable by its owner only, synced; never replace one."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise BackupError(
            Message("{path} exists already; a backup never replaces a file.", path=path)
        ) from None
    except (FileNotFoundError, NotADirectoryError):
        raise BackupError(missing_folder(path)) from None
    except OSError as error:
        raise BackupError(
            Message("Cannot write {path}: {error}", path=path, error=error.strerror or error)
        ) from error
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
    except OSError as error:
        with contextlib.suppress(OSError):
            path.unlink()
        raise BackupError(
            Message("Cannot write {path}: {error}", path=path, error=error.strerror or error)
        ) from error


@dataclass(frozen=True, slots=True)
class Restored:
    records: int
    head_seq: int
    moved_aside: tuple[Path, ...]  # what was in the data directory before, renamed
    key: Path | None  # the workstation key put in place, if one came with the backup
    held: bool = False  # new records wait for a sync round (`store.restore_hold`)
    # The device's settings (`DEVICE_SETTINGS`) were kept from the database replaced, of
    # the same workstation, rather than taken from the backup.
    settings_kept: bool = False


def restore(
    backup: Path,
    data_dir: Path,
    *,
    replace: bool,
    identity: Callable[[], pyrage.x25519.Identity] | None = None,
) -> Restored:
    """Make the data directory's database (and key, if one is beside the backup) the backup's.

    A sealed backup (and its key) is opened with the recovery identity `identity` gives,
    asked for only then, into the data directory, before anything else is checked.

    The backup is copied in and checked first: it opens as a lane database of this version
    or an older one, and its whole audit chain is intact. Only then is what the data
    directory held moved aside (renamed with the time; nothing is deleted), and only with
    `replace`; and only while no lane client has the database open. An enrolled
    workstation's restored database holds new records until a sync round has asked the
    central for the ones it lost (`store.restore_hold`).

    Raises:
        ReplaceNotGiven: a database is there and `replace` is not given.
        BackupError: not a usable backup, or a lane client is using the database.
        IdentityNotGiven: a sealed backup and no identity.
        SealingError: not the identity it was sealed for, or it was changed after it was
            sealed.
        StoreError: the backup cannot be read, or the data directory cannot be written.
    """
    from inspection_client import paths
    from inspection_client.store.audit import verify_chain

    backup = Path(backup).expanduser()
    if backup.is_dir():
        raise BackupError(
            Message(
                "{path} is a folder; give the backup file itself (lane-….db or lane-….db.age).",
                path=backup,
            )
        )
    if not backup.is_file():
        raise BackupError(Message("There is no backup file {path}.", path=backup))
    database, key_file = paths.database_file(data_dir), paths.workstation_key_file(data_dir)
    beside = key_beside(backup)
    try:
        key = beside.read_bytes() if beside.is_file() else None
    except OSError as error:
        raise BackupError(
            Message("Cannot read the workstation key {path}: {error}", path=beside, error=error)
        ) from error
    replaced = [database, *_companions(database)] + ([key_file] if key is not None else [])
    present = [path for path in replaced if path.exists()]
    if present and not replace:
        raise ReplaceNotGiven(
            Message(
                "{path} is there already. Add --replace to move it aside (it is renamed, "
                "not deleted) and put the backup in its place.",
                path=present[0],
            )
        )
    if database.exists() and not database.is_file():
        raise BackupError(
            Message(
                "{path} is not a file: the restored database cannot be put there. Nothing "
                "was changed.",
                path=database,
            )
        )
    live = _device_settings(database)
    if database.exists():
        _require_unused(database)
    sealed = is_sealed(backup)
    opener = None
    if sealed:
        if identity is None:
            raise IdentityNotGiven(
                Message(
                    "{path} is sealed with the agency's recovery key: add --identity FILE, "
                    "the recovery identity IT keeps (the file `inspection-client db "
                    "backup-key new` wrote; its passphrase is asked). Nothing was changed.",
                    path=backup,
                )
            )
        opener = identity()
        if key is not None:
            key = unseal_bytes(key, beside, opener)
    partial_files.remove_leftover_restores(data_dir)
    staged = data_dir / f".restoring-{os.getpid()}.db"
    unsealed = data_dir / f".unsealing-{os.getpid()}.db"
    try:
        data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        readable = backup
        if opener is not None:
            fd = os.open(unsealed, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "wb") as plain:
                unseal(backup, plain, opener)
            readable = unsealed
        try:
            source = sqlite3.connect(f"{readable.resolve().as_uri()}?mode=ro", uri=True)
        except sqlite3.Error as error:
            raise BackupError(
                Message(
                    "{path} cannot be read ({error}). Nothing was changed.",
                    path=backup,
                    error=error,
                )
            ) from error
        try:
            problems = [row[0] for row in source.execute("PRAGMA quick_check(5)")]
        except sqlite3.DatabaseError as error:
            problems = [str(error)]
        if problems != ["ok"]:
            source.close()
            raise BackupError(
                Message(
                    "{path} is not a readable lane database ({problems}). Nothing was changed.",
                    path=backup,
                    problems="; ".join(problems),
                )
            )
        try:
            with translated_errors(staged):
                copy = sqlite3.connect(staged, isolation_level=None)
                try:
                    source.backup(copy)
                finally:
                    copy.close()
        finally:
            source.close()
        try:
            opened = Store.open(staged, create=False)
        except StoreTooNew as error:
            raise BackupError(
                Message(
                    "The backup {path} was written by a newer lane client: upgrade this one "
                    "first. Nothing was changed.",
                    path=backup,
                )
            ) from error
        except StoreCorrupt as error:  # a lane database missing a table, say
            raise BackupError(
                Message(
                    "{path} is not a readable lane database ({problems}). Nothing was changed.",
                    path=backup,
                    problems=str(error.__cause__ or "tables missing"),
                )
            ) from error
        except StoreError as error:
            if type(error) is not StoreError:
                raise  # the data directory's disk, full or read-only: named as it is
            # Another program's SQLite file: the message would name the copy staged here.
            raise BackupError(
                Message("{path} is not a backup of a lane workstation.", path=backup)
            ) from error
        with opened as store:
            restored_workstation = store.workstation()
            if restored_workstation is None:
                raise BackupError(
                    Message("{path} is not a backup of a lane workstation.", path=backup)
                )
            if key is None and key_file.exists():
                _require_same_workstation(
                    backup, restored_workstation.workstation_id, database, key_file
                )
            report = verify_chain(store)
            if not report.intact:
                raise BackupError(
                    Message(
                        "The backup {path} fails its audit check at record {seq}: {problem} "
                        "Nothing was changed.",
                        path=backup,
                        seq=report.broken_at,
                        problem=report.problem,
                    )
                )
            records = int(store.conn.execute("SELECT COUNT(*) FROM records").fetchone()[0])
            made = _made_note(store.setting(BACKUP_MADE_SETTING))
            noted = {
                "at": datetime.now().astimezone().isoformat(timespec="seconds"),
                "path": str(backup.resolve()),
                "records": records,
                "head_seq": report.head_seq,
                "made_at": made["at"] if made else None,  # None: a backup that did not say
            }
            with store.write() as conn:
                write_setting(conn, RESTORED_FROM_SETTING, json.dumps(noted))
                # The backup restored is this database's last one. The note the copy held
                # names the one before it: false, so it goes when the backup did not say.
                if made:
                    last = {**made, "records": records, "head_seq": report.head_seq}
                    write_setting(conn, LAST_BACKUP_SETTING, json.dumps(last))
                else:
                    conn.execute("DELETE FROM settings WHERE key = ?", (LAST_BACKUP_SETTING,))
                conn.execute("DELETE FROM settings WHERE key = ?", (BACKUP_MADE_SETTING,))
                # A recovery key set, or shift-close backups ticked, since the backup was
                # made is the device's as it is now: kept, or the next backups would go
                # unsealed, or not be made, without a word.
                settings_kept = live is not None and live[0] == (
                    restored_workstation.workstation_id
                )
                if live is not None and settings_kept:
                    for name in DEVICE_SETTINGS:
                        conn.execute("DELETE FROM settings WHERE key = ?", (name,))
                    for name, value in live[1].items():
                        write_setting(conn, name, value)
            # An enrolled workstation synced records past the backup: none is numbered
            # until the central has been asked for them.
            held = sync_state.get(store, sync_state.CENTRAL_KEY) is not None
            if held:
                restore_hold.place(store, report.head_seq)
            restored_head = witness.head_of(store)
        # The witness names the restored head before the database takes its place: the
        # next open must not take this restore for a rollback. (Were the rename to fail,
        # the witness would lag behind the database that stays, which is harmless.)
        witness.write(witness.path_of(database), restored_head)
        # Listed again: the check for other users closed the last connection, which folds
        # the write-ahead log into the database and removes it.
        moved = _move_aside([path for path in replaced if path.exists()])
        os.chmod(staged, 0o600)
        os.replace(staged, database)
        if key is not None:
            write_new(key_file, key)
        sync_to_disk(data_dir)
    except OSError as error:
        raise BackupError(
            Message("Cannot restore into {folder}: {error}", folder=data_dir, error=error)
        ) from error
    finally:
        for leftover in (staged, *_companions(staged), witness.path_of(staged), unsealed):
            with contextlib.suppress(OSError):
                leftover.unlink()
    return Restored(
        records,
        report.head_seq,
        tuple(moved),
        key_file if key is not None else None,
        held,
        settings_kept,
    )


def _device_settings(database: Path) -> tuple[str, dict[str, str]] | None:
    """The workstation id of the database about to be replaced and its `DEVICE_SETTINGS`;
    None when there is none, or it cannot be read (a damaged one is a reason to restore)."""
    if not database.is_file():
        return None
    try:
        # Read-write, though it only reads: a read-only connection leaves the shared-memory
        # file of a log behind, which the restore would move aside as the database's.
        conn = sqlite3.connect(f"{database.resolve().as_uri()}?mode=rw", uri=True)
        try:
            row = conn.execute("SELECT workstation_id FROM workstation LIMIT 1").fetchone()
            marks = ", ".join("?" * len(DEVICE_SETTINGS))
            settings = dict(
                conn.execute(
                    f"SELECT key, value FROM settings WHERE key IN ({marks})", DEVICE_SETTINGS
                ).fetchall()
            )
        finally:
            conn.close()
    except (sqlite3.Error, OSError):
        return None
    return (str(row[0]), settings) if row else None


def _require_same_workstation(backup: Path, restored: str, database: Path, key_file: Path) -> None:
    """Refuse a backup of another workstation where the data directory's key stays: the
    restored database would sign with a key the central knows for another workstation,
    and only the next sync would say so. A database here that cannot be read (a damaged
    one is a reason to restore) says nothing, and the restore goes on."""
    try:
        conn = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT workstation_id FROM workstation LIMIT 1").fetchone()
        finally:
            conn.close()
    except (sqlite3.Error, OSError):
        return
    here = row[0] if row else None
    if here is None or here == restored:
        return
    raise BackupError(
        Message(
            "The backup {path} is of workstation {restored}, but the key {key} here belongs "
            "to workstation {here}: the restored database could not sync with it. Nothing "
            "was changed. Restore the backup with its own key (made by `db backup "
            "--with-key`), into another --data-dir, or move {key} aside first.",
            path=backup,
            restored=restored,
            key=key_file,
            here=here,
        )
    )


def _made_note(text: str | None) -> dict[str, object] | None:
    """A backup's note of itself (`BACKUP_MADE_SETTING`); None when it has none that reads."""
    try:
        made = json.loads(text or "null")
    except ValueError:
        return None
    if not isinstance(made, dict) or not all(
        isinstance(made.get(key), str) for key in ("at", "path")
    ):
        return None
    return {"at": made["at"], "path": made["path"], "sealed": bool(made.get("sealed"))}


def _companions(database: Path) -> tuple[Path, Path]:
    """The write-ahead log and its index beside a database."""
    return Path(f"{database}-wal"), Path(f"{database}-shm")


def _require_unused(database: Path) -> None:
    """Refuse while another connection (a running lane client) has the database open."""
    conn = sqlite3.connect(database, isolation_level=None, timeout=0.5)
    try:
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("COMMIT")
    except sqlite3.DatabaseError as error:
        if "locked" not in str(error) and "busy" not in str(error):
            return  # damaged, say: not in use by a lane client, and what a restore is for
        raise BackupError(
            Message(
                "{path} is in use (by a running lane client?): close it first. Nothing was "
                "changed.",
                path=database,
            )
        ) from error
    finally:
        conn.close()


def _move_aside(files: list[Path]) -> list[Path]:
    """Rename the files to `<name>.before-restore-<time>`; their new names.

    Another restore in the same second moved files aside under that time already: this one
    takes `<time>-2` (and so on), never a name in use, which the rename would overwrite.
    """
    stamp = base = datetime.now().strftime("%Y%m%d-%H%M%S")
    taken = 1
    while any(path.with_name(f"{path.name}.before-restore-{stamp}").exists() for path in files):
        taken += 1
        stamp = f"{base}-{taken}"
    moved = []
    for path in files:
        aside = path.with_name(f"{path.name}.before-restore-{stamp}")
        os.replace(path, aside)
        moved.append(aside)
    return moved
