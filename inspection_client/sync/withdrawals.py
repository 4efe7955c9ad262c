"""The central's list of release slips withdrawn since they were printed, kept for the gate.

A supervisor may void a cleared vehicle's record, or amend it to refused or referred, after
its slip was printed. The central lists those records in the workstation keys snapshot
(`withdrawn_slips`, docs/protocol.md); applying that snapshot replaces the list here whole,
and a snapshot from a central that predates the list leaves none, which the gate says.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from typing import Annotated, Any

import pydantic
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from inspection_client.domain.clock import printed_time
from inspection_client.domain.validation import describe_validation
from inspection_client.message import Message
from inspection_client.store import sync_state
from inspection_client.store.database import Store
from inspection_client.store.errors import decoding
from inspection_client.sync.errors import BadReferenceData
from inspection_client.sync.wire import RecordId, SignedSnapshot

PAYLOAD_KEY = "withdrawn_slips"
_STATE_KEYS = (
    sync_state.WITHDRAWN_SLIPS_ISSUED_AT,
    sync_state.WITHDRAWN_SLIPS_CHECKED_AT,
    sync_state.WITHDRAWN_SLIPS_COMPLETE_SINCE,
)


# A decision as the gate officer reads it, in the window's language.
DECISION_WORDS = {
    "cleared": Message("cleared"),
    "referred": Message("referred to secondary"),
    "refused": Message("refused"),
}


class _Entry(BaseModel):
    # Fields a newer central adds are ignored: the list stays usable by this client.
    model_config = ConfigDict(extra="ignore", frozen=True)

    id: RecordId
    withdrawn: Annotated[str, Field(min_length=1, max_length=20)]
    decision: Annotated[str, Field(max_length=20)] | None = None
    port: Annotated[str, Field(min_length=1, max_length=8)]
    at: AwareDatetime


class _Section(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    complete_since: AwareDatetime
    slips: list[_Entry]


@dataclass(frozen=True)
class Withdrawal:
    """Why a slip no longer lets its vehicle pass, as the central knows it."""

    record_id: str
    withdrawn: str  # "voided" or "amended"
    decision: str | None  # the decision it was amended to
    port_code: str
    at: datetime  # the withdrawing record's time (its lane's clock)

    def reason(self, zone: tzinfo = UTC) -> Message:
        """Why, with the time in ``zone`` (the gate says it in the slip's own offset)."""
        when = printed_time(self.at, zone)
        if self.withdrawn == "voided":
            return Message(
                "its record was voided at {port} on {when}, after the slip was issued "
                "(the central's list of withdrawn slips)",
                port=self.port_code,
                when=when,
            )
        return Message(
            "its record was amended to {decision} at {port} on {when}, after the slip was "
            "issued (the central's list of withdrawn slips)",
            decision=DECISION_WORDS.get(self.decision or "", self.decision or "?"),
            port=self.port_code,
            when=when,
        )


@dataclass(frozen=True)
class HeldList:
    """The list this workstation holds, and how current it is."""

    issued_at: datetime  # when the central made it
    checked_at: datetime  # when the central last said it was current (or made it)
    complete_since: datetime  # withdrawals from then on are all listed
    entries: int


def apply(conn: sqlite3.Connection, signed: SignedSnapshot) -> None:
    """Replace the list with the one in a workstation keys snapshot (inside the transaction
    that applies its keys), or drop it when the snapshot has none.

    Raises:
        BadReferenceData: the list is not usable; nothing of the snapshot is applied.
    """
    snapshot = signed.snapshot
    conn.execute("DELETE FROM sync_withdrawn_slips")
    conn.executemany("DELETE FROM sync_state WHERE key = ?", [(key,) for key in _STATE_KEYS])
    raw = snapshot.payload.get(PAYLOAD_KEY)
    if raw is None:
        return  # a central older than the list
    try:
        section = _Section.model_validate(raw)
    except pydantic.ValidationError as error:
        raise BadReferenceData(
            f"The workstation keys snapshot has an unusable list of withdrawn slips "
            f"({describe_validation(error, limit=1)}); nothing was applied."
        ) from None
    conn.executemany(
        "INSERT OR REPLACE INTO sync_withdrawn_slips(record_id, withdrawn, decision, port_code, "
        "withdrawn_at) VALUES (?, ?, ?, ?, ?)",
        [(e.id, e.withdrawn, e.decision, e.port, e.at.isoformat()) for e in section.slips],
    )
    issued = snapshot.issued_at.isoformat()
    conn.executemany(
        "INSERT OR REPLACE INTO sync_state(key, value) VALUES (?, ?)",
        [
            (sync_state.WITHDRAWN_SLIPS_ISSUED_AT, issued),
            # Until a round confirms it, the list is as current as the central made it.
            (sync_state.WITHDRAWN_SLIPS_CHECKED_AT, issued),
            (sync_state.WITHDRAWN_SLIPS_COMPLETE_SINCE, section.complete_since.isoformat()),
        ],
    )


def note_checked(store: Store, at: datetime) -> None:
    """The central said, at `at`, that the held list is its current one."""
    if sync_state.get(store, sync_state.WITHDRAWN_SLIPS_ISSUED_AT) is None:
        return  # no list held: nothing was confirmed
    sync_state.put(store, {sync_state.WITHDRAWN_SLIPS_CHECKED_AT: at.astimezone(UTC).isoformat()})


def held_list(store: Store) -> HeldList | None:
    """The list held here, or None when this workstation has received none."""
    rows = store.conn.execute(
        "SELECT key, value FROM sync_state WHERE key IN (?, ?, ?)", _STATE_KEYS
    ).fetchall()
    values: dict[str, Any] = dict(rows)
    if len(values) < len(_STATE_KEYS):
        return None
    (count,) = store.conn.execute("SELECT count(*) FROM sync_withdrawn_slips").fetchone()
    with decoding(Message("The list of withdrawn slips")):
        return HeldList(
            issued_at=datetime.fromisoformat(values[sync_state.WITHDRAWN_SLIPS_ISSUED_AT]),
            checked_at=datetime.fromisoformat(values[sync_state.WITHDRAWN_SLIPS_CHECKED_AT]),
            complete_since=datetime.fromisoformat(
                values[sync_state.WITHDRAWN_SLIPS_COMPLETE_SINCE]
            ),
            entries=int(count),
        )


def find(store: Store, record_id: str) -> Withdrawal | None:
    """The listed withdrawal of this record's slips, if any."""
    row = store.conn.execute(
        "SELECT withdrawn, decision, port_code, withdrawn_at FROM sync_withdrawn_slips "
        "WHERE record_id = ?",
        (record_id,),
    ).fetchone()
    if row is None:
        return None
    with decoding(Message("The list of withdrawn slips")):
        return Withdrawal(record_id, row[0], row[1], row[2], datetime.fromisoformat(row[3]))
