"""Building signed batches from the outbox: contiguous ranges of pending records, byte-exact.

A batch is a function of (first_seq, last_seq) and the stored records only, so rebuilding it
after a lost answer gives the same bytes and the same batch id, and the central recognises
the retransmission. Ed25519 signatures are deterministic, so the signature is the same too.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import orjson
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from inspection_client import __version__
from inspection_client.domain.canonical import GENESIS_HASH, canonical_json
from inspection_client.message import Message
from inspection_client.store.database import Store
from inspection_client.store.errors import StoreError
from inspection_client.sync.wire import (
    MAX_BATCH_BYTES,
    MAX_BATCH_RECORDS,
    PROTOCOL_VERSION,
    batch_id_of,
    sign_batch,
)


class MissingRecords(StoreError):
    """A range names records this store does not hold (damaged store, or a foreign receipt)."""


# Room left in MAX_BATCH_BYTES for the envelope's own fields and the signature wrapper.
_ENVELOPE_ROOM = 2_000
# `{"content":"","id":"<36 characters>","seq":}` and the comma after it.
_ITEM_ROOM = len(b'{"content":"","id":"","seq":}') + 36 + 1


@dataclass(frozen=True)
class Batch:
    """A signed batch ready to send: its exact bytes and what it covers."""

    batch_id: str
    first_seq: int
    last_seq: int
    record_ids: dict[int, str]  # seq -> record id, to check a receipt's outcomes against
    body: bytes  # canonical JSON of the SignedBatch: the HTTP body and the USB file

    @property
    def count(self) -> int:
        return self.last_seq - self.first_seq + 1


def next_range(
    store: Store, after: int = 0, limit: int = MAX_BATCH_RECORDS
) -> tuple[int, int] | None:
    """The next run of consecutive pending seqs above `after`, at most `limit` long."""
    rows = store.conn.execute(
        "SELECT seq FROM outbox WHERE state = 'pending' AND seq > ? ORDER BY seq LIMIT ?",
        (after, limit),
    ).fetchall()
    if not rows:
        return None
    first = last = rows[0][0]
    for (seq,) in rows[1:]:
        if seq != last + 1:
            break
        last = seq
    return first, last


def pending_ranges(store: Store) -> Iterator[tuple[int, int]]:
    after = 0
    while (found := next_range(store, after)) is not None:
        yield found
        after = found[1]


def build(
    store: Store,
    key: Ed25519PrivateKey,
    workstation_id: str,
    first: int,
    last: int,
    protocol: int = PROTOCOL_VERSION,
) -> Batch:
    """The signed batch of records first..last, cut shorter if it would pass MAX_BATCH_BYTES,
    in `protocol`'s form (the version spoken with the central)."""
    last = min(last, first + MAX_BATCH_RECORDS - 1)
    rows = store.conn.execute(
        "SELECT r.seq, r.id, r.content, a.prev_hash, a.hash FROM records r "
        "JOIN audit_chain a ON a.seq = r.seq WHERE r.seq BETWEEN ? AND ? ORDER BY r.seq",
        (first, last),
    ).fetchall()
    if not rows or rows[0][0] != first:
        raise MissingRecords(
            Message(
                "Record {seq} (or its audit entry) is not in the local store, so it cannot be "
                "sent. Run `inspection-client audit verify` and tell IT.",
                seq=first,
            )
        )
    prev_head = bytes(rows[0][3]) if first > 1 else GENESIS_HASH
    records: list[dict[str, object]] = []
    for seq, record_id, content, _prev, _hash in rows:
        if seq != first + len(records):
            break  # a hole in the local store: the range ends before it
        try:
            text = bytes(content).decode("utf-8")
        except (UnicodeDecodeError, TypeError):
            if records:
                break  # a damaged record: the range ends before it
            raise MissingRecords(
                Message(
                    "Record {seq} is damaged in the local store (its content is not text), so "
                    "it cannot be sent. Run `inspection-client audit verify` and tell IT.",
                    seq=seq,
                )
            ) from None
        records.append({"content": text, "id": record_id, "seq": seq})
    envelope_bytes = _envelope(workstation_id, prev_head, rows, records, protocol)
    # Only a batch over the limit needs `item_size` record by record, to find where to cut.
    if _ENVELOPE_ROOM + _records_room(envelope_bytes) > MAX_BATCH_BYTES:
        size, keep = _ENVELOPE_ROOM, 0
        for seq, _id, content, _prev, _hash in rows[: len(records)]:
            size += item_size(content, seq)
            if keep and size > MAX_BATCH_BYTES:
                break
            keep += 1
        records = records[:keep]
        envelope_bytes = _envelope(workstation_id, prev_head, rows, records, protocol)
    batch_id = batch_id_of(envelope_bytes)
    signature = sign_batch(protocol, envelope_bytes, batch_id, key)
    body = (
        b'{"batch":'
        + envelope_bytes
        + b',"format":"inspection-batch/1","signature":'
        + orjson.dumps(signature)
        + b"}"
    )
    ids = {seq: record_id for seq, record_id, _content, _prev, _hash in rows[: len(records)]}
    return Batch(batch_id, first, first + len(records) - 1, ids, body)


def _records_room(envelope: bytes) -> int:
    """What `item_size` adds up over the envelope's records: the length of its `records` list
    without the brackets, plus the comma `item_size` counts after the last record."""
    start = envelope.index(b'"records":[') + len(b'"records":[')
    end = envelope.rindex(b'],"workstation_id":')
    return end - start + 1 if end > start else 0


def _envelope(
    workstation_id: str,
    prev_head: bytes,
    rows: list[Any],
    records: list[dict[str, object]],
    protocol: int,
) -> bytes:
    """The canonical bytes of the envelope of `records` (the first of `rows` onwards).

    The same bytes `BatchEnvelope.canonical()` gives, without validating 1,000 records twice.
    """
    head = bytes(rows[len(records) - 1][4]) if records else prev_head
    return canonical_json(
        {
            "app_version": __version__,
            "count": len(records),
            "first_seq": rows[0][0],
            "head": head.hex(),
            "last_seq": rows[0][0] + len(records) - 1,
            "prev_head": prev_head.hex(),
            "protocol": protocol,
            "records": records,
            "workstation_id": workstation_id,
        }
    )


def item_size(content: bytes, seq: int) -> int:
    """Bytes a record takes in a batch's `records` list, with its comma, without serialising it.

    Canonical JSON (control characters already escaped) written inside a JSON string gains
    one backslash per quote and per backslash, and nothing else.
    """
    return _ITEM_ROOM + len(content) + content.count(b'"') + content.count(b"\\") + len(str(seq))


def local_ids(store: Store, first: int, last: int) -> dict[int, str]:
    rows = store.conn.execute(
        "SELECT seq, id FROM records WHERE seq BETWEEN ? AND ?", (first, last)
    ).fetchall()
    return {seq: str(record_id) for seq, record_id in rows}
