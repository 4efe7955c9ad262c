"""A traveller's latest crossing at this workstation: what the passenger lane says when the
same document comes back soon.

A document cleared for entry an hour ago and read for entry again is a record made twice,
or a document in two hands; one refused this morning is back. The lane says so beside the
form; nothing is refused for it. Only this workstation's records are looked at: the central
holds the other lanes'.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta

from inspection_client.domain.codes import Decision, Direction, RefusalGround
from inspection_client.store import search_index
from inspection_client.store.companions import passenger_states
from inspection_client.store.database import Store
from inspection_client.store.search import normalise_term

# How long ago a crossing is still said when the document comes back.
RECENT_CROSSING = timedelta(hours=24)
# Records of the document looked at, newest first: a trader crossing twice a day for weeks
# has many; the latest that still stands is among the newest.
_LOOK_BACK = 20


@dataclass(frozen=True, slots=True)
class Crossing:
    """A passenger clearance of the document, as it stands now (amended or not)."""

    seq: int
    recorded_at: datetime
    direction: Direction
    decision: Decision
    refusal_ground: RefusalGround | None


def latest_crossing(
    store: Store,
    issuing_state: str,
    number: str,
    *,
    now: datetime | None = None,
    within: timedelta = RECENT_CROSSING,
) -> Crossing | None:
    """This workstation's latest passenger clearance of the document (issuing state and
    number, as it stands now: amendments applied, voided ones left out) made in the last
    `within`; None when there is none, or when the history filter's index, which finds it,
    is not in use (damaged: saves no longer write to it)."""
    term = normalise_term(number)
    if not term or not issuing_state:
        return None
    query = '"' + term.replace('"', '""') + '"'  # the whole term, not a prefix
    now = now or datetime.now().astimezone()
    with store.read() as conn:
        if search_index.stopped(conn) is not None:
            return None
        try:
            rows = conn.execute(
                # The clearances with the number, and those an amendment gave it to.
                "SELECT content FROM records WHERE seq IN ("
                "SELECT rowid FROM record_search WHERE record_search MATCH ? "
                "UNION ALL SELECT t.seq FROM records a JOIN records t ON t.id = a.target_id "
                "WHERE +a.kind = 'amendment' AND a.seq IN "
                "(SELECT rowid FROM record_search WHERE record_search MATCH ?)"
                ") AND +kind = 'passenger' ORDER BY seq DESC LIMIT ?",
                (query, query, _LOOK_BACK),
            ).fetchall()
        except sqlite3.DatabaseError:
            return None  # a damaged index: the history filter names it, this says nothing
        states = passenger_states(conn, rows)
    for state in states:  # newest first
        document = state.clearance.document
        if state.voided or (document.issuing_state, normalise_term(document.number)) != (
            issuing_state,
            term,
        ):
            continue
        if now - state.record.recorded_at > within:
            return None
        clearance = state.clearance
        return Crossing(
            state.record.seq,
            state.record.recorded_at,
            clearance.direction,
            clearance.decision,
            clearance.refusal_ground,
        )
    return None
