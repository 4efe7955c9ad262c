"""The canonical byte form of a record and the hash chain built over it.

Both the workstation and the central compute the same bytes from the same record, so the
audit chain can be checked on either side: keys sorted, no insignificant white space,
UTF-8 without escaping non-ASCII, integers only (no floats in records).
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

import orjson
from pydantic import TypeAdapter

from inspection_client.domain.models import Record, RecordBody

GENESIS_HASH = bytes(32)  # the "previous hash" of a workstation's first record

_SORT_KEYS = orjson.OPT_SORT_KEYS
_DATETIME: TypeAdapter[datetime] = TypeAdapter(datetime)
# The envelope fields `record_bytes_with_body` writes itself. "body" sorts before all of them,
# so the canonical form is `{"body":<body bytes>,` followed by the rest of the envelope. If the
# envelope ever gains a field, the shortcut turns itself off rather than drop it.
_ENVELOPE = ("id", "officer", "recorded_at", "schema_version", "seq", "shift_id", "workstation_id")
_SPLICE = set(Record.model_fields) == {"body", *_ENVELOPE} and min(Record.model_fields) == "body"


def canonical_json(value: Any) -> bytes:
    """Serialise JSON-compatible data to its canonical bytes."""
    return orjson.dumps(value, option=_SORT_KEYS)


def record_bytes(record: Record) -> bytes:
    return orjson.dumps(record.model_dump(mode="json"), option=_SORT_KEYS)


def body_bytes(body: RecordBody) -> bytes:
    """The canonical bytes of a record body alone (a part of `record_bytes`)."""
    return orjson.dumps(body.model_dump(mode="json"), option=_SORT_KEYS)


def record_bytes_with_body(record: Record, body_json: bytes) -> bytes:
    """`record_bytes(record)`, given `body_bytes(record.body)` computed earlier (or elsewhere).

    The body is the bulk of a record; serialising it once, where it is made, and splicing it
    into the envelope gives the same bytes for a fraction of the work on the save path.
    """
    if not _SPLICE:
        return record_bytes(record)
    envelope = {
        "id": str(record.id),
        "officer": record.officer,
        "recorded_at": _DATETIME.dump_python(record.recorded_at, mode="json"),
        "schema_version": record.schema_version,
        "seq": record.seq,
        "shift_id": str(record.shift_id) if record.shift_id is not None else None,
        "workstation_id": record.workstation_id,
    }
    return b'{"body":' + body_json + b"," + orjson.dumps(envelope, option=_SORT_KEYS)[1:]


def chain_hash(previous: bytes, content: bytes) -> bytes:
    """hash_n = SHA-256(hash_{n-1} || canonical(entry_n))."""
    return hashlib.sha256(previous + content).digest()
