"""Who a minor travels with: the adults a shift has just cleared, and the adult a record names.

Families come through a passenger lane one after another, the adult usually just before the
child; the lane offers the shift's latest adults, newest first. The save path checks the link
itself (`records._check_adult`); these look-ups only serve the screens.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from inspection_client.domain.codes import TravellerRole
from inspection_client.domain.models import Amendment, PassengerClearance, Record, Void
from inspection_client.store.database import Store
from inspection_client.store.records import parse_content

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


@dataclass(frozen=True, slots=True)
class RecentAdults:
    adults: list[Adult]  # newest first
    default: uuid.UUID | None  # the adult cleared just before, or the one a sibling went with


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
        )


def _states(conn: sqlite3.Connection, rows: Iterable[tuple[bytes]]) -> list[_State]:
    """Passenger clearances (from their contents) as they stand now, newest first."""
    records = [parse_content(content) for (content,) in rows]
    originals = {r.id: r for r in records if isinstance(r.body, PassengerClearance)}
    current: dict[uuid.UUID, PassengerClearance] = {}
    voided: set[uuid.UUID] = set()
    for record_id, record in originals.items():
        assert isinstance(record.body, PassengerClearance)
        current[record_id] = record.body
    ids = [str(record_id) for record_id in originals]
    for part in range(0, len(ids), 500):
        chunk = ids[part : part + 500]
        marks = ", ".join("?" * len(chunk))
        for (content,) in conn.execute(
            f"SELECT content FROM records WHERE target_id IN ({marks}) ORDER BY seq", chunk
        ):
            body = parse_content(content).body
            if isinstance(body, Void):
                voided.add(body.target_id)
            elif isinstance(body, Amendment) and isinstance(body.replacement, PassengerClearance):
                current[body.target_id] = body.replacement
    states = [_State(r, current[i], i in voided) for i, r in originals.items()]
    states.sort(key=lambda state: state.record.seq, reverse=True)
    return states


def recent_adults(
    store: Store,
    shift_id: uuid.UUID | None,
    limit: int = RECENT_ADULTS,
    also: uuid.UUID | None = None,
) -> RecentAdults:
    """The latest adults' passenger clearances of the shift (of the workstation without one).

    `also` is added when it is an adult's clearance not among them (the adult that a record
    being amended names). Voided clearances and minors are left out.
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
    default: uuid.UUID | None = None
    decided = False
    for state in states:
        minor = state.clearance.traveller_role is TravellerRole.MINOR
        if not decided and state.record.id != also:
            # The newest record decides: an adult is the default; a minor (a brother or
            # sister) passes on the adult it went with.
            if minor and state.clearance.accompanying_adult_id is not None:
                default, decided = state.clearance.accompanying_adult_id, True
            elif not minor:
                default, decided = state.record.id, True
        if not minor and (len(adults) < limit or state.record.id == also):
            adults.append(state.adult())
    if default is not None and all(adult.record_id != default for adult in adults):
        default = adults[0].record_id if adults else None
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
