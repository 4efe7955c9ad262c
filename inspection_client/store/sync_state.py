"""What the sync feature remembers between rounds, and the summary the GUI's status bar shows.

Values live in the `sync_state` table (see `migrations_sync`); only the sync worker and the
enrol command write them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from inspection_client.message import Message
from inspection_client.store.database import Store
from inspection_client.store.errors import decoding, translated_errors

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

CENTRAL_URL = "central_url"
CENTRAL_KEY = "central_key"  # base64url raw Ed25519 key pinned at enrolment
WORKSTATION_ID = "enrolled_workstation_id"
ENROLLED_AT = "enrolled_at"
LAST_SYNC_AT = "last_sync_at"  # end of the last round that left nothing pending
LAST_ATTEMPT_AT = "last_attempt_at"
LAST_ERROR = "last_error"
CLOCK_SKEW_S = "clock_skew_s"  # local clock minus the central's, seconds
ACKED_SEQ = "acked_seq"  # highest seq the central has acknowledged as held
NEWEST_RECEIPT_AT = "newest_receipt_at"  # the central's time on the newest receipt applied
# How many receipts were applied here, ever. Two rounds may run at once (the window's and the
# command line's): a status answer asked for before the other round applied a receipt may not
# know the records it acknowledged, and must not send them again (`outbox.requeue_missing`).
RECEIPTS_APPLIED = "receipts_applied"
# The protocol spoken with the central at the last enrolment or round: what USB batch files
# are made for, when no central is there to ask.
CENTRAL_PROTOCOL = "central_protocol"
# The central's list of withdrawn release slips (table `sync_withdrawn_slips`), when one is
# held: the issue time of the snapshot that brought it, when the central last said it was
# current (a round that fetched it or found no newer one), and from when it is whole.
WITHDRAWN_SLIPS_ISSUED_AT = "withdrawn_slips_issued_at"
WITHDRAWN_SLIPS_CHECKED_AT = "withdrawn_slips_checked_at"
WITHDRAWN_SLIPS_COMPLETE_SINCE = "withdrawn_slips_complete_since"


@dataclass(frozen=True)
class SyncStatus:
    enrolled: bool
    central_url: str | None
    pending: int
    problems: int
    last_sync_at: datetime | None
    last_error: str | None
    clock_skew_s: float | None


def get(store: Store, key: str) -> str | None:
    with translated_errors(store.path):
        row = store.conn.execute("SELECT value FROM sync_state WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def receipts_applied(store: Store) -> int:
    """The count of receipts applied so far (`RECEIPTS_APPLIED`), 0 before the first."""
    value = get(store, RECEIPTS_APPLIED)
    with decoding(Message("The sync state")):
        return int(value) if value is not None else 0


def put(store: Store, values: dict[str, str | None]) -> None:
    """Set (or, with None, clear) several values in one transaction."""
    with store.write() as conn:
        for key, value in values.items():
            if value is None:
                conn.execute("DELETE FROM sync_state WHERE key = ?", (key,))
            else:
                conn.execute(
                    "INSERT INTO sync_state(key, value) VALUES (?, ?) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (key, value),
                )


def sync_status(store: Store) -> SyncStatus:
    with store.read() as conn:
        values = dict(conn.execute("SELECT key, value FROM sync_state").fetchall())
        counts = dict(conn.execute("SELECT state, count(*) FROM outbox GROUP BY state").fetchall())
    last_sync = values.get(LAST_SYNC_AT)
    skew = values.get(CLOCK_SKEW_S)
    with decoding(Message("The sync state")):
        return SyncStatus(
            enrolled=CENTRAL_KEY in values and WORKSTATION_ID in values,
            central_url=values.get(CENTRAL_URL),
            pending=int(counts.get("pending", 0)),
            problems=sum(int(n) for state, n in counts.items() if state != "pending"),
            last_sync_at=datetime.fromisoformat(last_sync) if last_sync else None,
            last_error=values.get(LAST_ERROR),
            clock_skew_s=float(skew) if skew is not None else None,
        )


# Records that no receipt acknowledged and that have no outbox row. A receipt takes a row out
# and raises the acknowledged mark past it in the same transaction (so does taking records
# back from the central), so above the mark every record has its row; one without was
# deleted by hand or lost to damage, and would never be sent.
LOST_FROM_OUTBOX = (
    "SELECT r.seq FROM records r WHERE r.seq > coalesce((SELECT CAST(value AS INTEGER) "
    f"FROM sync_state WHERE key = '{ACKED_SEQ}'), 0) "
    "AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.seq = r.seq)"
)


def lost_from_outbox(store: Store) -> tuple[int, int | None]:
    """How many records are neither acknowledged by the central nor in the outbox, and the
    first of them (None when there are none)."""
    with store.read() as conn:
        count, first = conn.execute(
            f"SELECT count(*), min(seq) FROM ({LOST_FROM_OUTBOX})"
        ).fetchone()
    return int(count), None if first is None else int(first)


@dataclass(frozen=True)
class SyncProblem:
    """A record the central would not take: shown in the supervisor's queue."""

    seq: int
    record_id: str
    kind: str
    recorded_at: str
    state: str  # 'rejected' or 'conflict'
    detail: str | None  # the central's reason
    attempts: int


def sync_problems(store: Store) -> list[SyncProblem]:
    """Records the central rejected or found in conflict, oldest first."""
    with translated_errors(store.path):
        rows = store.conn.execute(
            "SELECT o.seq, r.id, r.kind, r.recorded_at, o.state, o.detail, o.attempts "
            "FROM outbox o JOIN records r ON r.seq = o.seq WHERE o.state != 'pending' "
            "ORDER BY o.seq"
        ).fetchall()
    return [SyncProblem(*row) for row in rows]


def workstation_public_keys(store: Store) -> dict[str, tuple[Ed25519PublicKey, bool]]:
    """Key id hex -> (public key, revoked): the central's workstation keys plus this one's."""
    from inspection_client.sync.reference import workstation_public_keys as from_reference

    return from_reference(store)
