"""The canonical byte form of a record and the hash chain built over it.

Both the workstation and the central compute the same bytes from the same record, so the
audit chain can be checked on either side: keys sorted, no insignificant white space,
UTF-8 without escaping non-ASCII, integers only (no floats in records).
"""

from __future__ import annotations

import hashlib
from typing import Any

import orjson

from inspection_client.domain.models import Record

GENESIS_HASH = bytes(32)  # the "previous hash" of a workstation's first record


def canonical_json(value: Any) -> bytes:
    """Serialise JSON-compatible data to its canonical bytes."""
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS)


def record_bytes(record: Record) -> bytes:
    return canonical_json(record.model_dump(mode="json"))


def chain_hash(previous: bytes, content: bytes) -> bytes:
    """hash_n = SHA-256(hash_{n-1} || canonical(entry_n))."""
    return hashlib.sha256(previous + content).digest()
