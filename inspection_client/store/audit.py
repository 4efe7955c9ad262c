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
            if not hmac.compare_digest(bytes(prev_hash), previous):
                return broken(
                    seq,
                    Message(
                        "audit entry {seq} does not follow entry {previous}.",
                        seq=seq,
                        previous=seq - 1,
                    ),
                )
            # An edit made with SQL text functions turns the BLOB into TEXT; hash what is there.
            content = content.encode() if isinstance(content, str) else bytes(content)
            digest = chain_hash(previous, content)
            if not hmac.compare_digest(digest, bytes(stored)):
                return broken(
                    seq,
                    Message(
                        "record {seq} ({record}) differs from what was saved.",
                        seq=seq,
                        record=columns[0],
                    ),
                )
            problem = _columns_disagree(seq, tuple(columns), content)
            if problem:
                return broken(seq, problem)
            previous = digest
            expected_seq += 1
            checked += 1
    if chain_last > last_seq:
        return broken(
            last_seq + 1,
            Message("audit entries exist past the last record ({last}).", last=chain_last),
        )
    return ChainReport(True, checked, previous.hex(), expected_seq - 1)


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
