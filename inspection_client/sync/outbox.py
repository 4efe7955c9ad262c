"""Acting on receipts: what leaves the outbox, what becomes a problem, what is sent again.

A row leaves the outbox only when a well-formed receipt, signed by the pinned central key,
for the batch that was sent, lists its record (same seq, same id) as accepted or duplicate.
Rejected and conflicting records stay, with the central's reason, for the supervisor queue;
a supervisor can put rejected ones back (`send_again`) once the cause is fixed at the central.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import orjson
import pydantic
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from inspection_client.domain.canonical import canonical_json
from inspection_client.store import sync_state
from inspection_client.store.database import Store
from inspection_client.store.sync_state import SyncProblem, sync_problems
from inspection_client.sync.errors import NotDelivered
from inspection_client.sync.wire import Receipt, RecordStatus, SignedReceipt, verify_canonical

__all__ = [
    "Acknowledgement",
    "NotAReceipt",
    "NotDelivered",
    "SyncProblem",
    "apply_receipt",
    "pending_count",
    "read_receipt",
    "rejects_any",
    "requeue_lost",
    "requeue_missing",
    "sync_problems",
]

_DELIVERED = (RecordStatus.ACCEPTED, RecordStatus.DUPLICATE)


@dataclass(frozen=True)
class Acknowledgement:
    acknowledged: int  # rows that left the outbox
    problems: int  # rows now rejected or conflict
    requeued: int  # acknowledged earlier, but the central says it lacks them now
    gaps: tuple[tuple[int, int], ...] = ()  # ranges the central said it lacked


class NotAReceipt(NotDelivered):
    """Bytes that are not a signed receipt at all (as opposed to one that fails a check)."""


def read_receipt(body: bytes, central_key: Ed25519PublicKey, batch_id: str | None) -> Receipt:
    """The receipt in an answer body, or NotDelivered when it is anything else
    (NotAReceipt when it is not even shaped like one)."""
    try:
        signed = SignedReceipt.model_validate_json(body)
        # The signature is checked over the receipt as it came, in canonical form: for a
        # receipt that validates, the same bytes as `signed.receipt.canonical()`, without
        # serialising a thousand outcomes again.
        canonical = canonical_json(orjson.loads(body)["receipt"])
    except (pydantic.ValidationError, ValueError, TypeError, KeyError):
        raise NotAReceipt(
            "The answer to a batch was not a receipt from the central (a captive portal, a "
            "proxy or a cut connection?); the records stay queued."
        ) from None
    if not verify_canonical(canonical, signed.signature, central_key):
        raise NotDelivered(
            "A receipt was not signed by the central this workstation enrolled with; "
            "the records stay queued."
        )
    if batch_id is not None and signed.receipt.batch_id != batch_id:
        raise NotDelivered("A receipt was for another batch; the records stay queued.")
    return signed.receipt


def rejects_any(
    body: bytes, central_key: Ed25519PublicKey, batch_id: str, sent_ids: dict[int, str]
) -> bool:
    """Whether a stored receipt the central handed back rejects records of the batch. Those
    are pending here again (a supervisor sent them again), and the batch must be uploaded
    for the central to examine them again: its stored receipt still says rejected."""
    if _REJECTED_MARK not in body:  # a receipt's canonical JSON: cheap to rule out
        return False
    try:
        receipt = read_receipt(body, central_key, batch_id)
    except NotDelivered:
        return False  # applying it says why
    return any(
        outcome.status is RecordStatus.REJECTED and sent_ids.get(outcome.seq) == outcome.id
        for outcome in receipt.outcomes
    )


_REJECTED_MARK = b'"status":"rejected"'


def apply_receipt(
    store: Store, receipt: Receipt, sent_ids: dict[int, str], *, requeue_gaps: bool = True
) -> Acknowledgement:
    """Mark what a verified receipt acknowledges, in one transaction; harmless to repeat.

    With `requeue_gaps`, what the receipt says the central lacks goes back into the outbox,
    unless a newer receipt was applied before: a receipt's gaps are the central's view at the
    time it was written (`received_at`), and a batch stored since then has filled them (a
    stick's receipts come in any order, and an old one may be imported again). Without, the
    caller gets the gaps and asks the central again once nothing is in flight: with two
    batches in flight, a receipt may be written before the other batch is stored.
    """
    delivered: list[tuple[int]] = []
    problems: list[tuple[str, str, int]] = []
    for outcome in receipt.outcomes:
        if not receipt.first_seq <= outcome.seq <= receipt.last_seq:
            continue
        local = sent_ids.get(outcome.seq)
        if local is None or local != outcome.id:
            continue  # an outcome about a record this workstation did not send: ignore it
        if outcome.status in _DELIVERED:
            delivered.append((outcome.seq,))
        else:
            reason = outcome.reason or f"the central reports {outcome.status.value}"
            problems.append((outcome.status.value, reason, outcome.seq))
    requeued = 0
    skew = (datetime.now(UTC) - receipt.received_at).total_seconds()
    with store.write() as conn:
        removed = conn.executemany(
            "DELETE FROM outbox WHERE seq BETWEEN ? AND ?", _runs(delivered)
        ).rowcount
        # Only rows still in the outbox change: a late receipt cannot resurrect a delivered one.
        # Nor can it undo what a newer receipt, or a send again after this one, decided.
        written = receipt.received_at.astimezone(UTC).isoformat(timespec="microseconds")
        changed = conn.executemany(
            "UPDATE outbox SET state = ?, detail = ?, attempts = attempts + 1, decided_at = ? "
            "WHERE seq = ? AND (decided_at IS NULL OR decided_at < ?)",
            [(state, reason, written, seq, written) for state, reason, seq in problems],
        ).rowcount
        newest = _get(conn, sync_state.NEWEST_RECEIPT_AT)
        if newest is None or written >= newest:
            _put(conn, sync_state.NEWEST_RECEIPT_AT, written)
            if requeue_gaps:
                for low, high in receipt.gaps:
                    requeued += _requeue(conn, low, high)
        conn.execute(
            "INSERT INTO sync_state(key, value) VALUES (?, '1') ON CONFLICT(key) "
            "DO UPDATE SET value = CAST(value AS INTEGER) + 1",
            (sync_state.RECEIPTS_APPLIED,),
        )
        acked = _get(conn, sync_state.ACKED_SEQ)
        highest = max([int(acked) if acked else 0] + [seq for (seq,) in delivered])
        _put(conn, sync_state.ACKED_SEQ, str(highest))
        _put(conn, sync_state.CLOCK_SKEW_S, f"{skew:.1f}")
    # What changed here: a receipt applied again acknowledges nothing new.
    return Acknowledgement(max(removed, 0), max(changed, 0), requeued, receipt.gaps)


def _runs(seqs: list[tuple[int]]) -> list[tuple[int, int]]:
    """Ascending seqs as (first, last) runs of consecutive ones: usually a whole batch in one."""
    runs: list[tuple[int, int]] = []
    for (seq,) in sorted(seqs):
        if runs and seq == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], seq)
        else:
            runs.append((seq, seq))
    return runs


def requeue_missing(
    store: Store,
    high_water_seq: int,
    gaps: list[tuple[int, int]],
    held_records: int | None,
    *,
    receipts_before: int,
) -> int | None:
    """Send again what the central says it lacks (a central restored from an older backup).

    The central holds 1..high_water_seq, then its records up to some top with `gaps` missing.
    Its top is records + gap sizes when it reports its record count; everything above the top
    that this workstation had seen acknowledged goes back into the outbox.

    `receipts_before` is `sync_state.receipts_applied` as read before the status was asked
    for. When another round has applied a receipt since, the answer may predate the records
    that receipt acknowledged: nothing is sent again on its word, and None is returned (the
    next round asks again).
    """
    missing = sum(high - low + 1 for low, high in gaps)
    top = high_water_seq
    if held_records is not None:
        top = max(top, held_records + missing)
    with store.write() as conn:
        # Read in the same transaction as the re-queueing: a receipt applied between a check
        # and the write would otherwise slip through.
        applied = _get(conn, sync_state.RECEIPTS_APPLIED)
        if (int(applied) if applied else 0) != receipts_before:
            return None
        count = sum(_requeue(conn, low, high) for low, high in gaps)
        count += _requeue(conn, top + 1, None)
        row = conn.execute(
            "SELECT value FROM sync_state WHERE key = ?", (sync_state.ACKED_SEQ,)
        ).fetchone()
        if row and int(row[0]) > top:
            _put(conn, sync_state.ACKED_SEQ, str(top))
    return count


def requeue_lost(store: Store) -> int:
    """Put back into the outbox the records it lost before any receipt acknowledged them
    (`sync_state.lost_from_outbox`); returns how many. Sending one the central holds after
    all is harmless: it answers "duplicate"."""
    with store.write() as conn:
        return conn.execute(
            "INSERT OR IGNORE INTO outbox(seq, detail) SELECT seq, 'sent again: the outbox had "
            f"lost it' FROM ({sync_state.LOST_FROM_OUTBOX})"
        ).rowcount


def _requeue(conn: sqlite3.Connection, low: int, high: int | None) -> int:
    cursor = conn.execute(
        "INSERT OR IGNORE INTO outbox(seq, detail) SELECT seq, 'sent again: the central lacks it' "
        "FROM records WHERE seq >= ? AND seq <= ?",
        (low, high if high is not None else 2**62),
    )
    return cursor.rowcount


def _get(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM sync_state WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def _put(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute(
        "INSERT INTO sync_state(key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def pending_count(store: Store) -> int:
    row = store.conn.execute("SELECT count(*) FROM outbox WHERE state = 'pending'").fetchone()
    return int(row[0])


def send_again(
    store: Store, seqs: Sequence[int], supervisor: str, *, now: datetime | None = None
) -> int:
    """Put records the central rejected back in the outbox; the next round sends them.

    For when the cause was fixed at the central (an upgrade that knows a newer record
    schema, say): the records themselves never change. Conflicts stay where they are, as the
    central holds a different record under the same id or number, and sending again cannot
    change that.
    Returns how many records were put back.
    """
    if not seqs:
        return 0
    when = (now or datetime.now(UTC)).isoformat(timespec="seconds")
    marks = ",".join("?" * len(seqs))
    with store.write() as conn:
        cursor = conn.execute(
            f"UPDATE outbox SET state = 'pending', detail = ? || coalesce(detail, '') "
            f"WHERE state = 'rejected' AND seq IN ({marks})",
            (f"sent again by {supervisor} at {when}; rejected before: ", *seqs),
        )
        return int(cursor.rowcount)
