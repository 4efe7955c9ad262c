"""History queries for the lane screens: pages of clearances, newest first, with one filter box.

Pages are keyset-paginated by sequence number (`seq < last seen ORDER BY seq DESC`), so the
200th page costs what the first does, with a million records. The filter box matches prefixes
of the search terms (document numbers, names, plates, VINs, containers, declarations).
"""

from __future__ import annotations

import sqlite3
import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import orjson

from inspection_client.domain.codes import Decision, Direction
from inspection_client.message import Message
from inspection_client.store import search_index
from inspection_client.store.database import Store
from inspection_client.store.errors import StoreCorrupt, decoding
from inspection_client.store.search import normalise_term, prefix_query

PAGE_SIZE = 200
# Above this many matching records a walk over the matches, newest first, finds a page
# sooner than collecting and sorting every match (a one-letter prefix matches most of the log).
_DENSE_MATCHES = 5_000
_CLEARANCE = "+r.kind IN ('passenger', 'vehicle')"


@dataclass(frozen=True)
class HistoryFilter:
    text: str = ""
    date_from: date | None = None
    date_to: date | None = None
    decision: Decision | None = None
    direction: Direction | None = None


@dataclass(frozen=True)
class HistoryRow:
    seq: int
    record_id: uuid.UUID
    kind: str
    recorded_at: str
    officer: str
    direction: str | None
    decision: str | None
    who: str
    document: str
    state: str = ""  # "", "amended" or "voided"
    extra: dict[str, Any] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class HistoryPage:
    rows: list[HistoryRow]
    more: bool

    @property
    def last_seq(self) -> int | None:
        return self.rows[-1].seq if self.rows else None


def page(
    store: Store,
    filters: HistoryFilter,
    *,
    before_seq: int | None = None,
    limit: int = PAGE_SIZE,
) -> HistoryPage:
    """Up to `limit` clearances matching `filters` with seq < `before_seq`, newest first."""
    where = [_CLEARANCE]
    params: list[Any] = []
    if before_seq is not None:
        where.append("r.seq < ?")
        params.append(before_seq)
    if filters.date_from is not None:
        where.append("r.recorded_at >= ?")
        params.append(filters.date_from.isoformat())
    if filters.date_to is not None:
        where.append("r.recorded_at < ?")
        params.append((filters.date_to + timedelta(days=1)).isoformat())
    if filters.decision is not None:
        where.append("+r.decision = ?")
        params.append(filters.decision.value)
    if filters.direction is not None:
        where.append("+r.direction = ?")
        params.append(filters.direction.value)
    prefix = normalise_term(filters.text)
    source = "records r"
    order = "r.seq"
    with store.read() as conn:
        if prefix:
            if (since := search_index.stopped(conn)) is not None:
                # Records saved since are not in the index: a filter would miss them.
                raise StoreCorrupt(search_index.stopped_message(store, since))
            query = prefix_query(prefix)
            dense = _matches(store, conn, query)
            if dense >= _DENSE_MATCHES:
                # The index's matches, newest first, each joined to its record until a page
                # is full: collecting them all first would take longer.
                source = "record_search s CROSS JOIN records r ON r.seq = s.rowid"
                order = "s.rowid"
                where.insert(0, "record_search MATCH ?")
                params.insert(0, query)
                if before_seq is not None:
                    where.append("s.rowid < ?")  # for the index, which orders by it
                    params.append(before_seq)
            else:
                # Also the clearances whose amendment matches: a corrected name is found too.
                where.append(
                    "r.seq IN (SELECT rowid FROM record_search WHERE record_search MATCH ? "
                    "UNION ALL SELECT t.seq FROM records a JOIN records t ON t.id = a.target_id "
                    "WHERE +a.kind = 'amendment' AND a.seq IN "
                    "(SELECT rowid FROM record_search WHERE record_search MATCH ?))"
                )
                params += [query, query]
        rows = conn.execute(
            "SELECT r.seq, r.id, r.kind, r.recorded_at, r.officer, r.direction, r.decision, "
            f"r.content FROM {source} WHERE {' AND '.join(where)} ORDER BY {order} DESC "
            "LIMIT ?",
            [*params, limit + 1],
        ).fetchall()
        more = len(rows) > limit
        rows = rows[:limit]
        changes = _changes(conn, [str(row[1]) for row in rows])
    return HistoryPage([_row(row, changes.get(str(row[1]))) for row in rows], more)


def _matches(store: Store, conn: sqlite3.Connection, query: str) -> int:
    """How many records the index matches, up to `_DENSE_MATCHES`.

    The index alone answers this, so damage found here is the index's: said so, with the
    remedy, rather than as damage to the whole database.
    """
    try:
        return int(
            conn.execute(
                "SELECT count(*) FROM (SELECT 1 FROM record_search WHERE record_search MATCH ? "
                "LIMIT ?)",
                (query, _DENSE_MATCHES),
            ).fetchone()[0]
        )
    except sqlite3.DatabaseError as error:
        if "malformed" not in str(error):
            raise
        raise StoreCorrupt(
            Message(
                "The history filter's search index in {path} is damaged; the records are "
                "not. Filter by date, decision or direction instead, and ask IT to run "
                "`inspection-client db reindex`.",
                path=store.path,
            )
        ) from error


def _changes(conn: Any, ids: list[str]) -> dict[str, tuple[str, Any]]:
    """For amended or voided records: ("amended" | "voided", latest replacement body or None)."""
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    found: dict[str, tuple[str, Any]] = {}
    for target, kind, content in conn.execute(
        f"SELECT target_id, kind, content FROM records WHERE target_id IN ({marks}) ORDER BY seq",
        ids,
    ):
        latest = found.get(target, ("", None))[1]
        if kind == "void":
            found[target] = ("voided", latest)
        elif found.get(target, ("",))[0] != "voided":
            with decoding(Message("An amendment of record {record}", record=target)):
                found[target] = ("amended", orjson.loads(content)["body"]["replacement"])
    return found


def _row(row: tuple[Any, ...], change: tuple[str, Any] | None) -> HistoryRow:
    """A table row showing the clearance as it stands now (its latest amendment, if any)."""
    with decoding(Message("Record {seq}", seq=row[0])):
        return _decoded_row(row, change)


def _decoded_row(row: tuple[Any, ...], change: tuple[str, Any] | None) -> HistoryRow:
    seq, record_id, kind, recorded_at, officer, direction, decision, content = row
    state, replacement = change or ("", None)
    body = replacement or orjson.loads(content)["body"]
    if replacement is not None:
        direction, decision = replacement["direction"], replacement["decision"]
    if kind == "passenger":
        doc = body["document"]
        who = f"{doc['surname']} {doc.get('given_names', '')}".strip()
        document = f"{doc['document_code']} {doc['issuing_state']} {doc['number']}"
    else:
        who = f"{body['plate']} ({body['registration_country']})"
        parts = []
        if body.get("vins"):
            parts.append(f"{len(body['vins'])} VIN")
        parts += [load["number"] for load in body.get("containers", [])[:2]]
        document = " ".join(parts)  # nothing to name it by: the window shows its kind
    return HistoryRow(
        seq=seq,
        record_id=uuid.UUID(record_id),
        kind=kind,
        recorded_at=recorded_at,
        officer=officer,
        direction=direction,
        decision=decision,
        who=who,
        document=document,
        state=state,
        extra={"vehicle_kind": body["vehicle_kind"]} if kind == "vehicle" else {},
    )


def today_at_lane(store: Store, today: date | None = None, limit: int = 100) -> list[HistoryRow]:
    """The latest clearances recorded today (device date), newest first."""
    today = today or date.today()
    return page(store, HistoryFilter(date_from=today), limit=limit).rows
