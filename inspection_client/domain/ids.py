"""Ids of records and shifts: UUIDs of version 7 (RFC 9562), which begin with a time.

An id is unique by its 74 random bits, whatever the clock says, and records are ordered by
their sequence number, never by id: a wrong clock changes nothing but the first 48 bits.
The time in front keeps ids made one after another next to each other in the `records.id`
index, here and at the central, so that a save adds its entry at the index's end. With
random (version 4) ids, each save wrote into a random page of an index of a million
entries: a bulk save spent a third of its SQL time there.

The time is that of the record: now for a record saved at the lane, the record's own time
for a seeded one.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterator
from datetime import datetime

_VERSION = 7
_VARIANT = 0b10  # RFC 9562's variant, as in every UUID the standard library makes


def new_id(at: datetime | None = None) -> uuid.UUID:
    """A new version 7 UUID with the time `at` (now when None)."""
    ms = time.time_ns() // 1_000_000 if at is None else int(at.timestamp() * 1000)
    ms &= (1 << 48) - 1  # a clock before 1970 or after 10889 still gives an id
    random_bits = int.from_bytes(os.urandom(10))  # 80 bits: 12 + 62 are used
    rand_a = random_bits >> 68
    rand_b = random_bits & ((1 << 62) - 1)
    return uuid.UUID(int=ms << 80 | _VERSION << 76 | rand_a << 64 | _VARIANT << 62 | rand_b)


def id_prefix(ms: int) -> str:
    """The first 15 characters of the text of every id with the time `ms` (Unix time in ms)."""
    ms &= (1 << 48) - 1
    return f"{ms >> 16:08x}-{ms & 0xFFFF:04x}-{_VERSION:x}"


def random_id_ends() -> Iterator[str]:
    """The rest of ids' text after `id_prefix`, random, as `str(uuid)` writes it.

    For the seeder, which makes ids by the hundred thousand: `new_id()` and `str()` of a
    UUID cost more than the rest of a seeded record's envelope. Few system calls: 4,096 ids'
    worth of random bytes at a time.
    """
    # The variant's two bits over the first hex digit of rand_b: 8, 9, a or b.
    variant = {digit: "89ab"[int(digit, 16) & 3] for digit in "0123456789abcdef"}
    while True:
        hexes = os.urandom(10 * 4096).hex()
        for at in range(0, len(hexes), 20):
            h = hexes[at : at + 20]
            yield f"{h[:3]}-{variant[h[3]]}{h[4:7]}-{h[7:19]}"
