"""A traveller's or a vehicle's latest crossing at this workstation: what a lane says when
the same document or plate comes back soon.

A document cleared for entry an hour ago and read for entry again is a record made twice,
or a document in two hands; one refused this morning is back. The lane says so beside the
form; nothing is refused for it. Only this workstation's records are looked at: the central
holds the other lanes'.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from inspection_client.domain.codes import Decision, Direction, RefusalGround
from inspection_client.domain.models import (
    Amendment,
    PassengerClearance,
    Record,
    VehicleClearance,
    Void,
)
from inspection_client.store import search_index
from inspection_client.store.database import Store
from inspection_client.store.records import parse_content
from inspection_client.store.search import normalise_term

# How long ago a crossing is still said when the document comes back.
RECENT_CROSSING = timedelta(hours=24)
# Records of the document (or plate) looked at, newest first: a trader crossing twice a
# day for weeks has many; the latest that still stands is among the newest.
_LOOK_BACK = 20


@dataclass(frozen=True, slots=True)
class Crossing:
    """A clearance of the document or vehicle, as it stands now (amended or not)."""

    seq: int
    recorded_at: datetime
    direction: Direction
    decision: Decision
    refusal_ground: RefusalGround | None
    # The vehicle clearance it is (a vehicle's) or was saved with (a driver's or crew
    # member's); None for a traveller on foot.
    vehicle_id: uuid.UUID | None = None


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
    return _latest(store, "passenger", issuing_state, number, now, within)


def latest_vehicle_crossing(
    store: Store,
    registration_country: str,
    plate: str,
    *,
    now: datetime | None = None,
    within: timedelta = RECENT_CROSSING,
) -> Crossing | None:
    """`latest_crossing` for a vehicle: by its plate and country of registration."""
    return _latest(store, "vehicle", registration_country, plate, now, within)


def _identity(body: PassengerClearance | VehicleClearance) -> tuple[str, str]:
    if isinstance(body, PassengerClearance):
        return body.document.issuing_state, normalise_term(body.document.number)
    return body.registration_country, normalise_term(body.plate)


def _latest(
    store: Store,
    kind: str,
    state: str,
    number: str,
    now: datetime | None,
    within: timedelta,
) -> Crossing | None:
    term = normalise_term(number)
    state = state.strip().upper()
    if not term or not state:
        return None
    query = '"' + term.replace('"', '""') + '"'  # the whole term, not a prefix
    now = now or datetime.now().astimezone()
    with store.read() as conn:
        if search_index.stopped(conn) is not None:
            return None
        try:
            rows = conn.execute(
                # The clearances with the term, and those an amendment gave it to.
                "SELECT content FROM records WHERE seq IN ("
                "SELECT rowid FROM record_search WHERE record_search MATCH ? "
                "UNION ALL SELECT t.seq FROM records a JOIN records t ON t.id = a.target_id "
                "WHERE +a.kind = 'amendment' AND a.seq IN "
                "(SELECT rowid FROM record_search WHERE record_search MATCH ?)"
                ") AND +kind = ? ORDER BY seq DESC LIMIT ?",
                (query, query, kind, _LOOK_BACK),
            ).fetchall()
            found = as_they_stand(conn, rows)
        except sqlite3.DatabaseError:
            return None  # a damaged index: the history filter names it, this says nothing
    for record, body, voided in found:  # newest first
        if voided or _identity(body) != (state, term):
            continue
        if now - record.recorded_at > within:
            return None
        vehicle = body.vehicle_clearance_id if isinstance(body, PassengerClearance) else record.id
        return Crossing(
            record.seq,
            record.recorded_at,
            body.direction,
            body.decision,
            body.refusal_ground,
            vehicle,
        )
    return None


def as_they_stand(
    conn: sqlite3.Connection, rows: Iterable[tuple[bytes]]
) -> list[tuple[Record, PassengerClearance | VehicleClearance, bool]]:
    """Clearances (from their contents): each with its latest amendment applied, and
    whether it is voided, newest first, each once. Other records among `rows` are left out."""
    found = [parse_content(content) for (content,) in rows]
    current: dict[uuid.UUID, PassengerClearance | VehicleClearance] = {}
    for record in found:
        if isinstance(record.body, PassengerClearance | VehicleClearance):
            current[record.id] = record.body
    voided: set[uuid.UUID] = set()
    ids = [str(record_id) for record_id in current]
    for part in range(0, len(ids), 500):  # SQLite's limit of bound values, well within
        chunk = ids[part : part + 500]
        marks = ", ".join("?" * len(chunk))
        for (content,) in conn.execute(
            f"SELECT content FROM records WHERE target_id IN ({marks}) ORDER BY seq", chunk
        ):
            body = parse_content(content).body
            if isinstance(body, Void):
                voided.add(body.target_id)
            elif isinstance(body, Amendment) and isinstance(
                body.replacement, PassengerClearance | VehicleClearance
            ):
                current[body.target_id] = body.replacement
    unique = {r.id: r for r in found if r.id in current}  # a record given twice, once
    ordered = sorted(unique.values(), key=lambda r: r.seq, reverse=True)
    return [(r, current[r.id], r.id in voided) for r in ordered]
