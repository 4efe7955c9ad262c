"""The witness file beside the database: the newest record it was seen to hold, kept outside it.

A lane database can go back without `db restore`: IT copies an old `lane.db` back by hand,
a virtual machine is rolled back to a snapshot, a disk controller loses its last writes. The
records after the old copy's last one are then gone without a word, and the next record
would take a number the central already holds for another (the history forks). The witness
notes the number and audit chain hash of the newest record in a file of its own, which
whatever put the old database back leaves as it was. Opening the database for writing
compares the two (`check`): a witness naming a record the database does not hold, or holds
with another hash, means the database went back, and it is held as after a restore
(`store.restore_hold`, cause `ROLLED_BACK`) until a sync round has taken back what the
central holds, or a supervisor lifts the hold.

The witness sees only what leaves it in place. A virtual machine rolled back whole, or a
disk that loses its last writes, takes the witness back with the database (it is written
after it, on the same disk): that is caught here only when the witness is kept elsewhere
than what went back, and otherwise by the central's high-water mark at the next sync round.

The witness is written after every transaction that adds records, once it is committed, in
place, and not synced to disk (`write` says why). It only ever names a record whose commit is
on disk (commits are synced: `synchronous=FULL`), so it cannot report a rollback that did not
happen; one that lags behind (a crash between the commit and the write, a power cut that
loses the file's newest version) only detects less: a database put back to a copy newer than
the witness's record goes unnoticed. A witness that cannot be written never fails a save:
the record is saved, and `db check` reports the file.

The file is the database's name with `.head` for `.db` (`lane.head` beside `lane.db`): one
line of JSON with the workstation id, the record's number and its chain hash in hex, and a
SHA-256 of those three, padded with spaces to `LINE_BYTES`. A damaged file is recognised
by its checksum and written again rather than believed. A witness of another workstation
(the data directory was set up anew) is not this database's history: written again too.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from inspection_client.domain.canonical import GENESIS_HASH
from inspection_client.message import Message
from inspection_client.store import restore_hold
from inspection_client.store.database import Store

SUFFIX = ".head"
# A witness is one line, padded to this length so that each write covers the one before.
LINE_BYTES = 256
# More than this is not a witness (and is not read into memory).
MAX_BYTES = 1024


@dataclass(frozen=True, slots=True)
class Head:
    """A database's newest record, as the witness notes it."""

    workstation_id: str  # "" before the workstation is set up
    seq: int  # 0: no record yet
    hash: bytes  # its audit chain hash (`GENESIS_HASH` for none)


class Damaged(Exception):
    """The witness file is there but cannot be read, or does not check out."""


def path_of(database: Path) -> Path:
    """The witness beside `database`: `lane.head` for `lane.db`."""
    return database.with_name(database.stem + SUFFIX)


def head_of(store: Store) -> Head:
    """This database's newest record."""
    workstation = store.workstation()
    seq, digest = _chain_head(store.conn)
    return Head(workstation.workstation_id if workstation else "", seq, digest)


def read(path: Path) -> Head | None:
    """The head the witness at `path` notes; None when there is none.

    Raises:
        Damaged: it cannot be read (a folder in its place, no permission), or it is not a
            witness, or its checksum does not match what it says.
    """
    try:
        with open(path, "rb") as file:
            data = file.read(MAX_BYTES + 1)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise Damaged(error.strerror or str(error)) from None
    try:
        noted: Any = json.loads(data.decode("utf-8")) if len(data) <= MAX_BYTES else {}
        head = Head(str(noted["workstation"]), int(noted["seq"]), bytes.fromhex(noted["hash"]))
        if noted["check"] == _check_of(head) and head.seq >= 0 and len(head.hash) == 32:
            return head
    except (ValueError, TypeError, KeyError, RecursionError):  # RecursionError: [[[[…
        pass
    raise Damaged("not a witness file, or changed since it was written")


def write(path: Path, head: Head) -> None:
    """Write the witness at `path` over the one there, in place, without syncing it.

    Not through a new file renamed over the old one: on ext4 such a rename makes the kernel
    write the new file out at once, which cost a save 0.2 to 0.4 ms (`benchmarks/
    bench_save.py`), against microseconds for one write of a line of constant length in
    place. A crash in the middle of that write leaves a line that fails its checksum: taken
    as damaged and written again, which detects less and never holds wrongly.

    Raises:
        OSError: it cannot be written there.
    """
    fields = {"workstation": head.workstation_id, "seq": head.seq, "hash": head.hash.hex()}
    line = json.dumps({**fields, "check": _check_of(head)}).ljust(LINE_BYTES - 1) + "\n"
    data = line.encode("utf-8")
    # The owner's, like the database; binary, or Windows would write "\r\n".
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
    try:
        os.write(fd, data)  # at the start: a new descriptor's offset is 0
        os.ftruncate(fd, len(data))  # a longer file there before: damaged, or by hand
    finally:
        os.close(fd)


def note(store: Store, seq: int, digest: bytes) -> None:
    """After a commit that added records up to `seq` (chain hash `digest`): note them.

    Never raises: the records are saved whatever happens to the witness. A failure is kept in
    `store.witness_trouble` (shown by `db check`).
    """
    workstation = store.workstation()
    head = Head(workstation.workstation_id if workstation else "", seq, digest)
    try:
        write(path_of(store.path), head)
    except OSError as error:
        _cannot_write(store, error)


def check(store: Store) -> None:
    """At open, for writing: hold new records if the database went back; then note its head.

    A witness naming a record past this database's newest one, or one this database holds
    with another chain hash, places the restore hold (`restore_hold.ROLLED_BACK`), once:
    the witness is then written for the database as it is. A missing witness is written; a
    damaged one too, and the damage is kept in `store.witness_trouble`.
    """
    path = path_of(store.path)
    head = head_of(store)
    try:
        noted = read(path)
    except Damaged as damage:
        store.witness_trouble.append(
            Message(
                "The witness file {path} was damaged ({problem}); it was written again for "
                "record #{seq}. A damaged witness cannot tell whether this database was "
                "put back to an older copy: if it may have been, compare `db info` with the "
                "central or the last backup.",
                path=path,
                problem=str(damage),
                seq=head.seq,
            )
        )
        noted = None
    if noted == head or (noted is not None and noted.seq == head.seq == 0):
        return  # nothing to write (before the first record, the workstation may be set up)
    if noted is not None and _went_back(store.conn, head, noted):
        _hold(store, noted, path)
        head = head_of(store)
    try:
        write(path, head)
    except OSError as error:
        _cannot_write(store, error)


def problems(store: Store) -> list[str]:
    """What `db check` reports about the witness.

    Opened for writing, the store has checked it and written it again already: what went
    wrong then, or at a save since (`store.witness_trouble`). Opened for reading only, the
    witness is only read: damage is reported, as is a record the database does not hold.
    """
    if not store.read_only:
        return list(store.witness_trouble)
    path = path_of(store.path)
    try:
        noted = read(path)
    except Damaged as damage:
        return [
            Message(
                "The witness file {path} is damaged ({problem}).", path=path, problem=str(damage)
            )
        ]
    if noted is not None and _went_back(store.conn, head_of(store), noted):
        return [
            Message(
                "The witness file {path} names record #{noted}, which this database does not "
                "hold as it was saved: it may have been put back to an older copy. Open it "
                "for writing (make it writable) and new records are held until it is "
                "sorted out.",
                path=path,
                noted=noted.seq,
            )
        ]
    return []


def _went_back(conn: sqlite3.Connection, head: Head, noted: Head) -> bool:
    if noted.workstation_id != head.workstation_id or noted.seq == 0:
        return False  # another workstation's history, or none: nothing this one lost
    if noted.seq > head.seq:
        return True
    row = conn.execute("SELECT hash FROM audit_chain WHERE seq = ?", (noted.seq,)).fetchone()
    return row is None or bytes(row[0]) != noted.hash


def _hold(store: Store, noted: Head, path: Path) -> None:
    """Place the hold, looking again under the write lock: another connection (the window's
    and the sync worker's open at the same time) may have placed it, or taken records back."""
    with store.write() as conn:
        seq, digest = _chain_head(conn)
        current = Head(noted.workstation_id, seq, digest)
        if not _went_back(conn, current, noted):
            return
        hold = restore_hold.place_in(
            conn, seq, cause=restore_hold.ROLLED_BACK, noted_seq=noted.seq, noted_in=str(path)
        )
    store.hold_possible = True
    store.rolled_back = hold


def _cannot_write(store: Store, error: OSError) -> None:
    trouble = Message(
        "The witness file {path} cannot be written ({error}); records are saved, but "
        "a rollback of this database to an older copy would go unnoticed. Check that "
        "the data directory can be written.",
        path=path_of(store.path),
        error=error.strerror or str(error),
    )
    if trouble not in store.witness_trouble:  # once, however many saves follow
        store.witness_trouble.append(trouble)


def _chain_head(conn: sqlite3.Connection) -> tuple[int, bytes]:
    row = conn.execute("SELECT seq, hash FROM audit_chain ORDER BY seq DESC LIMIT 1").fetchone()
    return (int(row[0]), bytes(row[1])) if row else (0, GENESIS_HASH)


def _check_of(head: Head) -> str:
    text = f"{head.workstation_id}\n{head.seq}\n{head.hash.hex()}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
