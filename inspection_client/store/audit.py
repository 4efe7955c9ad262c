"""Verifying the audit chain: every record, in sequence order, hashed onto the one before.

An edited record, an edited or deleted chain entry, a deleted record (a gap in the sequence)
or an inserted one all break the chain at a place this module names. Someone who rewrites
the whole tail consistently is caught by the central instead, which holds the chain head
of every batch it received.
"""

from __future__ import annotations

import hmac
import sqlite3
from dataclasses import dataclass
from datetime import datetime

import orjson

from inspection_client.domain.canonical import GENESIS_HASH, chain_hash
from inspection_client.message import Message
from inspection_client.store.database import Store


@dataclass(frozen=True)
class ChainReport:
    intact: bool
    checked: int
    head: str  # hex of the last verified hash
    head_seq: int
    problem: str = ""
    broken_at: int | None = None  # sequence number of the first bad entry


_PAIRS = """
    SELECT r.seq, r.content, a.seq, a.prev_hash, a.hash,
           r.id, r.kind, r.recorded_at, r.officer, r.shift_id, r.target_id, r.direction, r.decision
    FROM records r LEFT JOIN audit_chain a ON a.seq = r.seq
    WHERE r.seq > ? ORDER BY r.seq LIMIT ?
"""


def verify_chain(store: Store, *, tail: int | None = None) -> ChainReport:
    """Check the chain, the whole of it or only its last `tail` entries.

    One snapshot: a record the lane saves meanwhile is not half seen (its audit entry
    without it), and a damaged page met on the way is reported as damage (`StoreError`).
    """
    with store.read() as conn:
        return _verify(conn, tail)


def _verify(conn: sqlite3.Connection, tail: int | None) -> ChainReport:
    last_seq = conn.execute("SELECT coalesce(max(seq), 0) FROM records").fetchone()[0]
    chain_last = conn.execute("SELECT coalesce(max(seq), 0) FROM audit_chain").fetchone()[0]
    start = 0 if tail is None else max(0, last_seq - tail)
    previous = GENESIS_HASH
    if start > 0:
        row = conn.execute("SELECT hash FROM audit_chain WHERE seq = ?", (start,)).fetchone()
        if row is None:
            return ChainReport(
                False, 0, "", start, Message("entry {entry} is missing.", entry=start), start
            )
        previous = bytes(row[0])
    earlier = previous  # the hash before `previous`, once one entry is verified
    expected_seq = start + 1
    checked = 0

    def broken(seq: int, problem: str) -> ChainReport:
        return ChainReport(False, checked, previous.hex(), expected_seq - 1, problem, seq)

    while True:
        rows = conn.execute(_PAIRS, (expected_seq - 1, 2000)).fetchall()
        if not rows:
            break
        for seq, content, a_seq, prev_hash, stored, *columns in rows:
            if seq != expected_seq:
                return broken(
                    expected_seq,
                    Message(
                        "record {seq} is missing (next is {next}).", seq=expected_seq, next=seq
                    ),
                )
            if a_seq is None:
                return broken(seq, Message("record {seq} has no audit entry.", seq=seq))
            # An edit made with SQL text functions turns the BLOB into TEXT; hash what is there.
            content = content.encode() if isinstance(content, str) else bytes(content)
            moved = _saved_as(content)
            if moved is not None and moved != seq:
                return broken(
                    seq,
                    Message(
                        "the record at sequence {seq} ({record}) was saved as record {saved}: "
                        "records were moved, copied or reordered.",
                        seq=seq,
                        record=columns[0],
                        saved=moved,
                    ),
                )
            prev_hash, stored = bytes(prev_hash), bytes(stored)
            digest = chain_hash(previous, content)
            if not hmac.compare_digest(prev_hash, previous):
                at, problem = _unlinked(conn, seq, prev_hash, stored, content, digest)
                if at < seq and checked > 0:  # the entry before, already counted as intact
                    return ChainReport(False, checked - 1, earlier.hex(), at - 1, problem, at)
                return broken(at, problem)
            if not hmac.compare_digest(digest, stored):
                return broken(seq, _hash_mismatch(conn, seq, str(columns[0]), stored, digest))
            problem = _columns_disagree(seq, tuple(columns), content)
            if problem:
                return broken(seq, problem)
            earlier, previous = previous, digest
            expected_seq += 1
            checked += 1
    if chain_last > last_seq:
        return broken(
            last_seq + 1,
            Message("audit entries exist past the last record ({last}).", last=chain_last),
        )
    return ChainReport(True, checked, previous.hex(), expected_seq - 1)


def _saved_as(content: bytes) -> int | None:
    """The sequence number a record's content says it was saved under, when readable."""
    try:
        seq = orjson.loads(content)["seq"]
    except (orjson.JSONDecodeError, KeyError, TypeError):
        return None
    return seq if isinstance(seq, int) else None


def _hash_mismatch(
    conn: sqlite3.Connection, seq: int, record: str, stored: bytes, digest: bytes
) -> str:
    """Why entry `seq`'s stored hash is not the hash of its record: the next entry's
    prev-hash, a copy of the stored hash made when the next record was saved, tells which
    of the two was edited."""
    row = conn.execute("SELECT prev_hash FROM audit_chain WHERE seq = ?", (seq + 1,)).fetchone()
    following = None if row is None else bytes(row[0])
    if following is not None and hmac.compare_digest(following, digest):
        return Message(
            "the stored hash of audit entry {seq} was edited: it does not match the content "
            "of record {seq} ({record}), which still matches the prev-hash kept by entry {next}.",
            seq=seq,
            record=record,
            next=seq + 1,
        )
    if following is not None and hmac.compare_digest(following, stored):
        return Message(
            "record {seq} ({record}) was edited after it was saved: its content no longer "
            "matches the hash in audit entry {seq}, which entry {next} confirms.",
            seq=seq,
            record=record,
            next=seq + 1,
        )
    if following is not None:
        return Message(
            "record {seq} ({record}) and the stored hash of audit entry {seq} were both "
            "edited: neither matches the prev-hash kept by entry {next}.",
            seq=seq,
            record=record,
            next=seq + 1,
        )
    return Message(
        "the content of record {seq} ({record}) does not match the stored hash of audit "
        "entry {seq}: the record or the stored hash was edited (it is the newest entry, so "
        "no later entry tells which).",
        seq=seq,
        record=record,
    )


def _unlinked(
    conn: sqlite3.Connection,
    seq: int,
    prev_hash: bytes,
    stored: bytes,
    content: bytes,
    digest: bytes,
) -> tuple[int, str]:
    """Entry `seq`'s prev-hash is not the hash of the entry before it: the first broken
    entry, and what was edited there.

    `digest` is the hash entry `seq` should hold, chained on the verified entry before it.
    """
    previous = seq - 1
    if hmac.compare_digest(digest, stored):
        return (
            seq,
            Message(
                "the prev-hash stored in audit entry {seq} was edited: it does not match the "
                "hash of entry {previous}, while entry {seq}'s own hash still does.",
                seq=seq,
                previous=previous,
            ),
        )
    other = conn.execute(
        "SELECT seq FROM audit_chain WHERE hash = ? AND seq NOT IN (?, ?)",
        (prev_hash, previous, seq),
    ).fetchone()
    if other is not None:
        return (
            seq,
            Message(
                "audit entry {seq} follows entry {other}, not entry {previous}: audit entries "
                "were moved, copied or reordered.",
                seq=seq,
                other=other[0],
                previous=previous,
            ),
        )
    if previous > 0 and hmac.compare_digest(chain_hash(prev_hash, content), stored):
        # Entry `seq` is whole on its own: what changed is the entry before it, rewritten
        # consistently (its record and its stored hash together).
        return (
            previous,
            Message(
                "record {previous} and its audit entry were rewritten together: the stored "
                "hash of entry {previous} no longer matches the prev-hash kept by entry {seq}.",
                seq=seq,
                previous=previous,
            ),
        )
    return (
        seq,
        Message(
            "audit entry {seq} does not follow entry {previous}: its prev-hash and its hash "
            "were both edited.",
            seq=seq,
            previous=previous,
        ),
    )


def _columns_disagree(seq: int, columns: tuple[object, ...], content: bytes) -> str:
    """Queries read the indexed columns, so they must say what the hashed content says."""
    try:
        data = orjson.loads(content)
        body = data["body"]
        decided = body.get("replacement", body)
        if body["kind"] not in ("passenger", "vehicle", "amendment"):
            decided = {}
        expected = (
            data["id"],
            body["kind"],
            data["recorded_at"],
            data["officer"],
            data["shift_id"],
            body.get("target_id"),
            decided.get("direction"),
            decided.get("decision"),
        )
        recorded_at = datetime.fromisoformat(str(columns[2])) == datetime.fromisoformat(expected[2])
    except (orjson.JSONDecodeError, KeyError, TypeError, AttributeError, ValueError):
        return Message("record {seq} is not a readable record.", seq=seq)
    same = (
        data["seq"] == seq
        and recorded_at
        and columns[:2] + columns[3:] == expected[:2] + expected[3:]
    )
    return "" if same else Message("record {seq}'s columns do not match its content.", seq=seq)


def chain_head(store: Store) -> tuple[int, str]:
    """(sequence number, hex hash) of the newest audit entry; (0, zeros) when empty."""
    row = store.conn.execute(
        "SELECT seq, hash FROM audit_chain ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    return (0, GENESIS_HASH.hex()) if row is None else (row[0], bytes(row[1]).hex())
