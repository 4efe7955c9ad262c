"""Taking back records the central holds: for a database restored from an older backup.

A lane restored from a backup has lost the records it saved after the backup was made. The
ones it had synced are still at the central, byte for byte. Taken back in their order, with
the same bytes, they continue this database's audit chain exactly as it ran before, and the
lane's next record gets the number it would have had: nothing forks and nothing collides.

The records are checked here, not believed: each must be a valid record of this workstation
at its number, and together they must continue this database's chain. The central's own
chain hashes vouch for that: the SHA-256 chain computed here from this database's head must
meet them, so a record is taken back only up to the last one whose hash the central holds
and this chain reaches.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pydantic

from inspection_client.domain.canonical import GENESIS_HASH, chain_hash
from inspection_client.domain.models import Record
from inspection_client.message import Message
from inspection_client.store import records, search_index, sync_state, witness
from inspection_client.store.database import Store
from inspection_client.store.errors import StoreError
from inspection_client.store.search import record_terms, search_document


@dataclass(frozen=True, slots=True)
class HeldCopy:
    """A record of this workstation as the central holds it."""

    seq: int
    content: bytes  # canonical JSON, as this workstation hashed it
    chain_hash: bytes | None  # the central's chain hash at this record, when it holds one
    rejected: str | None = None  # the central's reason, when it holds the record as rejected


class NotTakenBack(StoreError):
    """Records from the central that cannot continue this database; nothing was changed."""

    exit_status = 1


def take_back(store: Store, after: int, held: Sequence[HeldCopy]) -> int:
    """Append records the central holds for this workstation, after record `after`.

    They are written as they are (the same bytes, numbers and chain), in one transaction,
    up to the last one whose chain hash the central holds and this database's chain meets
    (when a later one's does not, the ones before it are taken back and the next call raises
    at it). They are not in the outbox, since the central holds them, except those it holds as
    rejected: those stay rejected, with its reason, for the supervisor queue. Returns how
    many were taken back (0 when none could be vouched for).

    Raises:
        NotTakenBack: this database's last record is not `after` (any more); a record is
            not a valid record of this workstation at its number; or the first record the
            central vouches for does not continue this database's chain: this database, or
            another copy of it, saved other records under the same numbers.
    """
    return search_index.saving_past_damage(
        store, lambda stopping: _take_back(store, after, held, stopping)
    )


def _take_back(store: Store, after: int, held: Sequence[HeldCopy], stopping: str | None) -> int:
    workstation_id = store.require_workstation().workstation_id
    with store.write() as conn:
        if stopping is not None:
            search_index.note_stopped(conn, stopping)
        row = conn.execute("SELECT seq, hash FROM audit_chain ORDER BY seq DESC LIMIT 1").fetchone()
        last, previous = (int(row[0]), bytes(row[1])) if row else (0, GENESIS_HASH)
        if last != after:
            raise NotTakenBack(
                Message(
                    "This database's last record is #{last}, not #{after}: it changed while "
                    "the central's copies were fetched; nothing was taken back.",
                    last=last,
                    after=after,
                )
            )
        chain: list[tuple[int, bytes, bytes]] = []
        vouched = 0
        for expected, copy in enumerate(held, after + 1):
            if copy.seq != expected:
                raise NotTakenBack(
                    Message(
                        "The central sent record #{seq} where #{expected} was due; nothing "
                        "was taken back.",
                        seq=copy.seq,
                        expected=expected,
                    )
                )
            digest = chain_hash(previous, copy.content)
            if copy.chain_hash is not None:
                if copy.chain_hash != digest:
                    if vouched:
                        break  # what the central vouched for before it is taken back
                    raise NotTakenBack(
                        Message(
                            "The central's record #{seq} does not continue this database's "
                            "audit chain: from there the central holds another history of "
                            "this workstation (this database, or another copy of it, saved "
                            "other records under the same numbers). Call IT.",
                            seq=copy.seq,
                        )
                    )
                vouched = len(chain) + 1
            chain.append((copy.seq, previous, digest))
            previous = digest
        taken = held[:vouched]
        record_rows: list[tuple[object, ...]] = []
        search_rows: list[tuple[int, str]] = []
        for copy in taken:
            record = _readable(copy, workstation_id)
            record_rows.append((copy.seq, *records.columns_of(record), copy.content))
            terms = record_terms(record.body)
            if terms:
                search_rows.append((copy.seq, search_document(terms)))
        if not taken:
            return 0
        records.insert_rows(conn, record_rows, chain[:vouched], search_rows)
        conn.executemany(
            "INSERT INTO outbox(seq, state, detail) VALUES (?, 'rejected', ?)",
            [(copy.seq, copy.rejected) for copy in taken if copy.rejected is not None],
        )
        # The central holds everything up to here: what a later round compares its view with.
        conn.execute(
            "INSERT INTO sync_state(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET "
            "value = max(CAST(value AS INTEGER), CAST(excluded.value AS INTEGER))",
            (sync_state.ACKED_SEQ, str(taken[-1].seq)),
        )
    last_seq, _previous, digest = chain[vouched - 1]
    witness.note(store, last_seq, digest)
    return len(taken)


def _readable(copy: HeldCopy, workstation_id: str) -> Record:
    try:
        record = records.parse_content(copy.content)
    except (StoreError, pydantic.ValidationError, ValueError):
        record = None  # not a record, or of a newer schema than this client knows
    if record is None or record.seq != copy.seq or record.workstation_id != workstation_id:
        raise NotTakenBack(
            Message(
                "The central's record #{seq} is not a record of this workstation that this "
                "lane client can read; nothing was taken back.",
                seq=copy.seq,
            )
        )
    return record
