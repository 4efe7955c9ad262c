"""A batch sent again whose stored receipt rejected records: those records are examined again.

A lane rebuilds a batch byte for byte from its range, so a record a supervisor sends again
often comes back in the very batch that was rejected (a lane that syncs every minute sends
one-record batches). The central then examines again only the records that batch's receipt
rejected, and signs a new receipt for it in place of the old (`SqlStorage._examine_again`).
"""

from __future__ import annotations

from typing import Any

import orjson

from inspection_central.storage import AdultLink, IncomingRecord, RecordSource, RejectedRecord
from inspection_client.sync.wire import RecordStatus

_REJECTED = RecordStatus.REJECTED.value


def outcomes_of(receipt: bytes) -> list[dict[str, Any]]:
    """The outcomes a stored receipt (`SignedReceipt` JSON) lists, as its JSON holds them."""
    outcomes: list[dict[str, Any]] = orjson.loads(receipt)["receipt"]["outcomes"]
    return outcomes


def rejected_seqs(receipt: bytes) -> frozenset[int]:
    """The seqs a stored receipt says were rejected."""
    return frozenset(
        int(outcome["seq"]) for outcome in outcomes_of(receipt) if outcome["status"] == _REJECTED
    )


def merged(receipt: bytes, again: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The stored receipt's outcomes with those of the records examined again in their
    place, in seq order."""
    by_seq = {int(outcome["seq"]): outcome for outcome in outcomes_of(receipt)}
    by_seq.update((int(outcome["seq"]), outcome) for outcome in again)
    return [by_seq[seq] for seq in sorted(by_seq)]


class OnlySeqs:
    """The records of a `RecordSource` at some seqs only (`RecordSource`): of those a batch's
    receipt rejected, the ones still rejected when the batch's turn to be stored comes (the
    same batch sent twice at once: the other may have stored some meanwhile)."""

    def __init__(self, source: RecordSource, seqs: frozenset[int]) -> None:
        self._source = source
        self._seqs = seqs

    def next_chunk(self) -> list[IncomingRecord] | None:
        chunk = self._source.next_chunk()
        return None if chunk is None else [r for r in chunk if r.seq in self._seqs]

    def finish(self) -> None:
        self._source.finish()

    @property
    def incoming(self) -> list[IncomingRecord]:
        return [r for r in self._source.incoming if r.seq in self._seqs]

    @property
    def rejected(self) -> list[RejectedRecord]:
        return [r for r in self._source.rejected if r.seq in self._seqs]

    @property
    def links(self) -> list[AdultLink]:
        return [link for link in self._source.links if link.seq in self._seqs]

    @property
    def chain_consistent(self) -> bool:
        return self._source.chain_consistent
