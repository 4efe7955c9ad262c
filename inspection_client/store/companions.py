"""Who a minor travels with: the adults a shift has just cleared, and the adult a record names.

Families come through a passenger lane one after another, the adult usually just before the
child; the lane offers the shift's latest adults, newest first, and presets a cleared one. The
save path checks the link itself (`records._check_adult`); these look-ups only serve the
screens.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from inspection_client.domain.codes import Decision, TravellerRole
from inspection_client.domain.models import PassengerClearance, Record
from inspection_client.store.crossings import as_they_stand
from inspection_client.store.database import Store

RECENT_ADULTS = 15
# Passenger clearances of the shift looked at to find them (minors and voided ones skipped).
_LOOK_BACK = 60


@dataclass(frozen=True, slots=True)
class Adult:
    """An adult's passenger clearance as it stands now, as the lane lists it."""

    record_id: uuid.UUID
    seq: int
    name: str
    document_number: str
    recorded_at: datetime
    voided: bool = False
    decision: Decision = Decision.CLEARED  # as the clearance stands now
    surname: str = ""
    nationality: str = ""  # of the document


@dataclass(frozen=True, slots=True)
class RecentAdults:
    adults: list[Adult]  # newest first
    # The adult cleared just before, or the one a sibling went with; never a referred or
    # refused adult, whom the officer may still choose.
    default: uuid.UUID | None


@dataclass(frozen=True, slots=True)
class _State:
    record: Record
    clearance: PassengerClearance  # as it stands now
    voided: bool

    def adult(self) -> Adult:
        doc = self.clearance.document
        return Adult(
            self.record.id,
            self.record.seq,
            f"{doc.surname} {doc.given_names}".strip(),
            doc.number,
            self.record.recorded_at,
            self.voided,
            self.clearance.decision,
            doc.surname,
            doc.nationality,
        )


def _states(conn: sqlite3.Connection, rows: Iterable[tuple[bytes]]) -> list[_State]:
    """Passenger clearances (from their contents) as they stand now, newest first."""
    return [
        _State(record, body, voided)
        for record, body, voided in as_they_stand(conn, rows)
        if isinstance(body, PassengerClearance)
    ]


def recent_adults(
    store: Store,
    shift_id: uuid.UUID | None,
    limit: int = RECENT_ADULTS,
    also: uuid.UUID | None = None,
) -> RecentAdults:
    """The latest adults' passenger clearances of the shift (of the workstation without one).

    `also` is added when it is an adult's clearance not among them (the adult that a record
    being amended names), whatever its decision. Voided clearances, minors and refused adults
    are left out: a refused traveller does not enter or leave with a child. A referred adult
    (sent to secondary inspection, a watchlist hit say) stays offered, as the officer may
    send the child with them, but is never the default: only a cleared adult is.
    """
    where, values = ("shift_id = ? AND ", (str(shift_id),)) if shift_id is not None else ("", ())
    with store.read() as conn:
        # `+kind`: walk back by seq (or the shift's seq index) and stop after the limit;
        # the kind index would sort every passenger clearance of the workstation first.
        rows = conn.execute(
            f"SELECT content FROM records WHERE {where}+kind = 'passenger' "
            "ORDER BY seq DESC LIMIT ?",
            (*values, _LOOK_BACK),
        ).fetchall()
        if also is not None:
            rows += conn.execute(
                "SELECT content FROM records WHERE id = ? AND kind = 'passenger'", (str(also),)
            ).fetchall()
        states = [state for state in _states(conn, rows) if not state.voided]
    adults: list[Adult] = []
    for state in states:
        if state.clearance.traveller_role is TravellerRole.MINOR:
            continue
        offered = state.clearance.decision is not Decision.REFUSED and len(adults) < limit
        if offered or state.record.id == also:
            adults.append(state.adult())
    cleared = {a.record_id for a in adults if a.decision is Decision.CLEARED}
    default: uuid.UUID | None = None
    for state in states:
        if state.record.id == also:
            continue
        # The newest record that names a cleared adult decides: an adult cleared just
        # before, or a brother or sister passing on the adult they went with (when that adult
        # still stands cleared). A referred or refused adult just before decides nothing.
        if state.clearance.traveller_role is TravellerRole.MINOR:
            candidate = state.clearance.accompanying_adult_id
        else:
            candidate = state.record.id
        if candidate in cleared:
            default = candidate
            break
    return RecentAdults(adults, default)


def adult_named(store: Store, record_id: uuid.UUID) -> Adult | None:
    """The passenger clearance a minor's record names, as it stands now (voided or not);
    None when no passenger clearance with that id is held here."""
    with store.read() as conn:
        rows = conn.execute(
            "SELECT content FROM records WHERE id = ? AND kind = 'passenger'", (str(record_id),)
        ).fetchall()
        states = _states(conn, rows)
    return states[0].adult() if states else None
