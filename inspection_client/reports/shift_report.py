"""The data of a shift report, built from the store: totals, sections and one row per clearance.

Qt-free and renderer-free: `pdf_report` and `tables` turn a `ShiftReport` into bytes. Figures
are the *current state* of each clearance in scope: an amendment replaces it, a void removes it
from the totals (it stays in the record rows, marked voided). A shift's records are found by
shift id, so a shift across midnight is one report; a period takes the clearances whose device
time falls within it.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Final

import orjson

from inspection_client.domain.canonical import canonical_json
from inspection_client.domain.clock import offset_minutes, printed_offset
from inspection_client.domain.codes import CargoCategory, Decision, Direction
from inspection_client.domain.models import (
    Amendment,
    Record,
    Void,
)
from inspection_client.errors import InputError
from inspection_client.message import Message
from inspection_client.store import shifts
from inspection_client.store.database import Store
from inspection_client.store.errors import decoding

REPORT_DATA_VERSION: Final = 1

# One row per clearance in the CSV and XLSX exports; the record id comes first so that a
# spreadsheet user can always find the record again.
RECORD_COLUMNS: Final[tuple[str, ...]] = (
    "record_id", "seq", "recorded_at", "officer", "shift_id", "kind", "direction", "decision",
    "refusal_ground", "status", "amended_by", "voided_by", "nationality", "document_code",
    "document_number", "surname", "given_names", "traveller_role", "purpose", "plate",
    "registration_country", "vehicle_kind", "cargo_category", "green_channel", "vin_count",
    "vins", "containers", "seals", "declaration_number", "hs_codes", "gross_weight_kg",
    "watchlist_outcome", "remarks",
)  # fmt: skip

Cell = str | int | None
Row = tuple[Cell, ...]


class ReportScopeError(InputError):
    """The shift or period asked for does not exist or holds nothing to report."""


@dataclass(frozen=True)
class TotalLine:
    direction: str
    kind: str
    decision: str
    count: int


@dataclass(frozen=True)
class VehicleLine:
    vehicle_kind: str
    cargo_category: str
    count: int


@dataclass(frozen=True)
class DecisionLine:
    """A refusal or referral: who or what, when, on which ground."""

    record_id: str
    recorded_at: str
    kind: str
    direction: str
    ground: str | None
    nationality: str  # a traveller's nationality, or a vehicle's registration country


@dataclass(frozen=True)
class WatchlistLine:
    record_id: str
    list_name: str
    entry_id: str
    score: int
    action: str
    outcome: str
    approved_by: str | None


@dataclass(frozen=True)
class ChangeLine:
    """An amendment or void, with the supervisor who approved it."""

    record_id: str
    target_id: str
    kind: str
    recorded_at: str
    officer: str
    approved_by: str
    reason: str
    # The sequence numbers officers know records by ("#3090"), for the documents; not in the
    # digest (`digest_data`), which reports signed before they were shown still match.
    seq: int | None = None
    target_seq: int | None = None


# Fields of a change line that are shown, not signed (see `ChangeLine`).
_UNSIGNED_CHANGE_FIELDS = ("seq", "target_seq")


@dataclass(frozen=True)
class HourBucket:
    hour: int  # hour of day in the device's local time
    entry: int
    exit: int


@dataclass(frozen=True)
class ShiftReport:
    """Everything a report shows. `digest_data` is what the signed QR code vouches for."""

    port: str
    lane: str
    workstation_id: str
    shift_id: str | None
    opened_at: str | None
    closed_at: str | None
    period_from: str | None
    period_to: str | None
    officers: tuple[str, ...]
    first_seq: int | None
    last_seq: int | None
    totals: tuple[TotalLine, ...]
    passengers_by_nationality: tuple[tuple[str, int], ...]
    vehicles: tuple[VehicleLine, ...]
    green_channel_vehicles: int
    exported_vins: int
    refusals: tuple[DecisionLine, ...]
    referrals: tuple[DecisionLine, ...]
    watchlist_hits: tuple[WatchlistLine, ...]
    changes: tuple[ChangeLine, ...]
    occurrences: str
    per_hour: tuple[HourBucket, ...]
    rows: tuple[Row, ...]
    # Neither part of the digest: they change without the records changing.
    pending_sync: int = 0
    last_acknowledged_seq: int | None = None
    generated_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    report_id: str = field(default_factory=lambda: str(uuid.uuid4()))

    @property
    def is_shift(self) -> bool:
        return self.shift_id is not None

    def total(self, *, decision: str | None = None, kind: str | None = None) -> int:
        return sum(
            line.count
            for line in self.totals
            if (decision is None or line.decision == decision)
            and (kind is None or line.kind == kind)
        )

    def counts(self) -> dict[str, int]:
        """The headline figures, as they go into the signed QR claims."""
        return {
            "clearances": self.total(),
            "passengers": self.total(kind="passenger"),
            "vehicles": self.total(kind="vehicle"),
            "cleared": self.total(decision=Decision.CLEARED.value),
            "referred": self.total(decision=Decision.REFERRED.value),
            "refused": self.total(decision=Decision.REFUSED.value),
            "rows": len(self.rows),
            "changes": len(self.changes),
        }

    def digest_data(self) -> dict[str, Any]:
        """The report's data without the time it was made, its id and the sync state."""
        data = asdict(self)
        for volatile in ("pending_sync", "last_acknowledged_seq", "generated_at", "report_id"):
            del data[volatile]
        data["v"] = REPORT_DATA_VERSION
        data["columns"] = list(RECORD_COLUMNS)
        for change in data["changes"]:
            for shown in _UNSIGNED_CHANGE_FIELDS:
                del change[shown]
        return data

    def digest(self) -> str:
        """SHA-256 hex of the canonical JSON of `digest_data`."""
        return hashlib.sha256(canonical_json(self.digest_data())).hexdigest()


def hour_offsets(report: ShiftReport) -> tuple[str, ...]:
    """The UTC offsets ("+0800") of the device times `per_hour` counts, in order of first use:
    one while the lane's clock keeps its zone, more when it changed within the report. A
    report without clearances has its shift's opening offset, or none."""
    time_at, status_at = RECORD_COLUMNS.index("recorded_at"), RECORD_COLUMNS.index("status")
    found: dict[str, None] = {}
    for row in report.rows:
        if row[status_at] != "voided":
            found.setdefault(printed_offset(datetime.fromisoformat(str(row[time_at]))))
    if not found and report.opened_at is not None:
        found.setdefault(printed_offset(datetime.fromisoformat(report.opened_at)))
    return tuple(offset for offset in found if offset)


# -- building -------------------------------------------------------------------------------


# A shift id, or its start or end as `shift list` shows it.
_SHIFT_ID_PART = re.compile(r"[0-9a-f-]{4,36}")


def for_shift(store: Store, shift_id: uuid.UUID | str) -> ShiftReport:
    """The report of one shift, found by its id or the unique start or end of it (so a shift
    across midnight is one report).

    Raises:
        ReportScopeError: there is no such shift at this workstation.
    """
    text = str(shift_id).strip().lower()
    if not _SHIFT_ID_PART.fullmatch(text) or len(text.replace("-", "")) < 4:
        raise ReportScopeError(
            Message(
                "{shift!r} is not a shift id (nor its first or last characters, at least 4).",
                shift=shift_id,
            )
        )
    found = shifts.shifts_named_by(store, text, limit=2)
    if not found:
        raise ReportScopeError(
            Message(
                "There is no shift {shift} at this workstation (`inspection-client shift list`).",
                shift=text,
            )
        )
    if len(found) > 1:
        raise ReportScopeError(
            Message(
                "More than one shift id starts or ends with {shift}; give more of it.", shift=text
            )
        )
    shift = found[0]
    sid = str(shift.shift_id)
    with store.read() as conn:
        contents = conn.execute(
            "SELECT kind, content FROM records WHERE shift_id = ? ORDER BY seq", (sid,)
        ).fetchall()
        in_shift = [(kind, _stored(content)) for kind, content in contents]
        clearances = [r for kind, r in in_shift if kind in _CLEARANCE_KINDS]
        later = _changes_of(conn, [r.id for r in clearances])
        sync = _sync_state(conn)
    # Amendments and voids made during the shift count even when they change older records.
    own_changes = [_parse(content) for kind, content in contents if kind in ("amendment", "void")]
    changes = {r.seq: r for r in (*later, *own_changes)}
    occurrences = next(
        (str(r.body.get("occurrences", "")) for kind, r in in_shift if kind == "shift_close"), ""
    )
    with decoding(Message("A record of the report")):  # bodies unvalidated: see `_build`
        return _build(
            store,
            clearances,
            sorted(changes.values(), key=lambda r: r.seq),
            scope={
                "shift_id": sid,
                "opened_at": shift.opened_at.isoformat(),
                "closed_at": shift.closed_at.isoformat() if shift.closed_at else None,
                "period_from": None,
                "period_to": None,
            },
            officers=[shift.officer, *(r.officer for _, r in in_shift)],
            seqs=[r.seq for _, r in in_shift],
            occurrences=occurrences,
            first_hour=shift.opened_at.hour,
            span_hours=_span_hours(shift.opened_at, shift.closed_at),
            sync=sync,
        )


def for_last_shift(store: Store) -> ShiftReport:
    latest = shifts.list_shifts(store, limit=1)
    if not latest:
        raise ReportScopeError(Message("There are no shifts at this workstation yet."))
    return for_shift(store, latest[0].shift_id)


def for_period(store: Store, start: datetime, end: datetime) -> ShiftReport:
    """Clearances whose device time is within [start, end] (aware datetimes), of any shift."""
    if start.tzinfo is None or end.tzinfo is None:
        raise ValueError("period bounds must be timezone-aware")
    if end < start:
        raise ReportScopeError(
            Message(
                "The period ends ({end}) before it starts ({start}).",
                end=f"{end:%Y-%m-%d %H:%M}",
                start=f"{start:%Y-%m-%d %H:%M}",
            )
        )
    # recorded_at is ISO text with each device's own offset, so text comparison is only a
    # coarse pre-filter (a day either side covers every offset); the exact test is below.
    low = (start - timedelta(days=1)).date().isoformat()
    high = (end + timedelta(days=2)).date().isoformat()
    with store.read() as conn:
        contents = conn.execute(
            "SELECT content FROM records WHERE kind IN ('passenger', 'vehicle') "
            "AND recorded_at >= ? AND recorded_at < ? ORDER BY seq",
            (low, high),
        ).fetchall()
        clearances = [
            record
            for record in (_stored(content) for (content,) in contents)
            if start <= record.recorded_at <= end
        ]
        changes = _changes_of(conn, [r.id for r in clearances])
        sync = _sync_state(conn)
    with decoding(Message("A record of the report")):  # bodies unvalidated: see `_build`
        return _build(
            store,
            clearances,
            changes,
            scope={
                "shift_id": None,
                "opened_at": None,
                "closed_at": None,
                "period_from": start.isoformat(),
                "period_to": end.isoformat(),
            },
            officers=[r.officer for r in clearances],
            seqs=[r.seq for r in clearances],
            occurrences="",
            first_hour=0,
            span_hours=None,
            sync=sync,
        )


def _span_hours(opened: datetime, closed: datetime | None) -> int:
    """How many clock hours, counted from the opening hour, the shift touches (1-24)."""
    end = closed if closed is not None else datetime.now(opened.tzinfo)
    start = opened.replace(minute=0, second=0, microsecond=0)
    touched = int((end - start).total_seconds() // 3600) + 1
    return max(1, min(24, touched))


def _seqs_of(store: Store, ids: set[str]) -> dict[str, int]:
    """The sequence numbers of the records with these ids (those of this workstation)."""
    found: dict[str, int] = {}
    listed = sorted(ids)
    with store.read() as conn:
        for start in range(0, len(listed), 500):
            chunk = listed[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            found.update(conn.execute(f"SELECT id, seq FROM records WHERE id IN ({marks})", chunk))
    return found


def _changes_of(conn: Any, ids: Sequence[str]) -> list[Record]:
    """Amendments and voids of the given clearances, in sequence order."""
    found: list[Record] = []
    # SQLite limits host parameters; 900 stays below every build's limit.
    for start in range(0, len(ids), 900):
        chunk = ids[start : start + 900]
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(
            f"SELECT content FROM records WHERE target_id IN ({marks}) ORDER BY seq", chunk
        ).fetchall()
        found.extend(_parse(content) for (content,) in rows)
    found.sort(key=lambda r: r.seq)
    return found


def _sync_state(conn: Any) -> tuple[int, int | None]:
    pending = conn.execute("SELECT count(*) FROM outbox").fetchone()[0]
    # Walks back from the newest record and stops at the first one no longer in the outbox.
    row = conn.execute(
        "SELECT seq FROM records r WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.seq = r.seq) "
        "ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    return int(pending), None if row is None else int(row[0])


def _parse(content: bytes) -> Record:
    with decoding(Message("A saved record")):
        return Record.model_validate_json(content)


_CLEARANCE_KINDS: Final = ("passenger", "vehicle")


@dataclass(frozen=True, slots=True)
class _Stored:
    """A stored clearance read as JSON, without validation.

    Every record was validated when it was saved and its bytes are covered by the audit chain;
    validating 5,000 of them again with pydantic would be two thirds of a report's time.
    """

    id: str
    seq: int
    recorded_at: datetime
    officer: str
    shift_id: str | None
    body: dict[str, Any]


def _stored(content: bytes) -> _Stored:
    with decoding(Message("A saved record")):
        raw = orjson.loads(content)
        return _Stored(
            id=raw["id"],
            seq=raw["seq"],
            recorded_at=datetime.fromisoformat(raw["recorded_at"]),
            officer=raw["officer"],
            shift_id=raw.get("shift_id"),
            body=raw["body"],
        )


# The clearances' bodies are read as JSON, unvalidated (see `_Stored`): callers build within
# `decoding`, so that one lacking what a clearance has is reported as changed on disk.
def _build(
    store: Store,
    clearances: Sequence[_Stored],
    changes: Sequence[Record],
    *,
    scope: dict[str, str | None],
    officers: Iterable[str],
    seqs: Sequence[int],
    occurrences: str,
    first_hour: int,
    span_hours: int | None,
    sync: tuple[int, int | None],
) -> ShiftReport:
    workstation = store.require_workstation()
    current: dict[str, dict[str, Any]] = {}
    amended_by: dict[str, list[str]] = {}
    voided_by: dict[str, str] = {}
    change_lines: list[ChangeLine] = []
    approvers: list[str] = []
    target_seqs = _seqs_of(store, {str(record.body.target_id) for record in changes})  # type: ignore[union-attr]
    for record in changes:
        change = record.body
        assert isinstance(change, Amendment | Void)
        target = str(change.target_id)
        if isinstance(change, Amendment):
            current[target] = change.replacement.model_dump(mode="json")
            amended_by.setdefault(target, []).append(str(record.id))
        else:
            voided_by[target] = str(record.id)
        approvers.append(change.approved_by)
        change_lines.append(
            ChangeLine(
                record_id=str(record.id),
                target_id=target,
                kind=change.kind,
                recorded_at=record.recorded_at.isoformat(),
                officer=record.officer,
                approved_by=change.approved_by,
                reason=change.reason,
                seq=record.seq,
                target_seq=target_seqs.get(target),
            )
        )

    totals: Counter[tuple[str, str, str]] = Counter()
    nationalities: Counter[str] = Counter()
    vehicles: Counter[tuple[str, str]] = Counter()
    per_hour: dict[int, list[int]] = {hour: [0, 0] for hour in range(24)}
    green = exported_vins = 0
    refusals: list[DecisionLine] = []
    referrals: list[DecisionLine] = []
    hits: list[WatchlistLine] = []
    rows: list[Row] = []
    for stored in clearances:
        rid = stored.id
        body = current.get(rid, stored.body)
        voided = rid in voided_by
        status = "voided" if voided else "amended" if rid in amended_by else "original"
        rows.append(_row(stored, body, status, amended_by.get(rid, ()), voided_by.get(rid)))
        if voided:
            continue
        kind, direction, decision = body["kind"], body["direction"], body["decision"]
        totals[(direction, kind, decision)] += 1
        per_hour[stored.recorded_at.hour][0 if direction == Direction.ENTRY.value else 1] += 1
        origin = _origin(body)
        if kind == "passenger":
            nationalities[origin] += 1
        else:
            cargo = body.get("cargo_category", CargoCategory.NONE.value)
            vehicles[(body["vehicle_kind"], cargo)] += 1
            green += cargo == CargoCategory.FRESH_AGRICULTURAL.value
            if (
                direction == Direction.EXIT.value
                and cargo == CargoCategory.COMPLETE_VEHICLES.value
                and decision == Decision.CLEARED.value
            ):
                exported_vins += len(body.get("vins", ()))
        if decision != Decision.CLEARED.value:
            line = DecisionLine(
                record_id=rid,
                recorded_at=stored.recorded_at.isoformat(),
                kind=kind,
                direction=direction,
                ground=body.get("refusal_ground"),
                nationality=origin,
            )
            (refusals if decision == Decision.REFUSED.value else referrals).append(line)
        watchlist = body.get("watchlist")
        if watchlist:
            hits.extend(
                WatchlistLine(
                    record_id=rid,
                    list_name=hit["list_name"],
                    entry_id=hit["entry_id"],
                    score=hit["score"],
                    action=hit["action"],
                    outcome=watchlist["outcome"],
                    approved_by=watchlist.get("approved_by"),
                )
                for hit in watchlist.get("hits", ())
            )

    hours = [(first_hour + offset) % 24 for offset in range(24)]
    if span_hours is not None:
        # A shift's chart covers the shift, plus any later hour that has clearances (a clock
        # set wrong must not hide them).
        busy = [i for i, hour in enumerate(hours) if any(per_hour[hour])]
        hours = hours[: max(span_hours, busy[-1] + 1 if busy else 0)]
    return ShiftReport(
        port=workstation.port_code,
        lane=workstation.lane_id,
        workstation_id=workstation.workstation_id,
        shift_id=scope["shift_id"],
        opened_at=scope["opened_at"],
        closed_at=scope["closed_at"],
        period_from=scope["period_from"],
        period_to=scope["period_to"],
        officers=tuple(sorted(set(officers) | set(approvers))),
        first_seq=min(seqs) if seqs else None,
        last_seq=max(seqs) if seqs else None,
        totals=tuple(TotalLine(*key, count) for key, count in sorted(totals.items())),
        passengers_by_nationality=tuple(
            sorted(nationalities.items(), key=lambda item: (-item[1], item[0]))
        ),
        vehicles=tuple(VehicleLine(*key, count) for key, count in sorted(vehicles.items())),
        green_channel_vehicles=green,
        exported_vins=exported_vins,
        refusals=tuple(refusals),
        referrals=tuple(referrals),
        watchlist_hits=tuple(hits),
        changes=tuple(change_lines),
        occurrences=occurrences,
        per_hour=tuple(HourBucket(hour, *per_hour[hour]) for hour in hours),
        rows=tuple(rows),
        pending_sync=sync[0],
        last_acknowledged_seq=sync[1],
    )


def _origin(body: dict[str, Any]) -> str:
    if body["kind"] == "passenger":
        return str(body["document"]["nationality"])
    return str(body["registration_country"])


def _joined(values: Iterable[str]) -> str | None:
    return " ".join(values) or None


def _row(
    record: _Stored,
    body: dict[str, Any],
    status: str,
    amended_by: Sequence[str],
    voided_by: str | None,
) -> Row:
    """One CSV/XLSX row; cells that do not apply to the kind are None (empty)."""
    passenger = body["kind"] == "passenger"
    document: dict[str, Any] = body["document"] if passenger else {}
    vehicle: dict[str, Any] = {} if passenger else body
    containers: list[dict[str, Any]] = vehicle.get("containers", [])
    watchlist = body.get("watchlist")
    return (
        record.id,
        record.seq,
        record.recorded_at.isoformat(),
        record.officer,
        record.shift_id,
        body["kind"],
        body["direction"],
        body["decision"],
        body.get("refusal_ground"),
        status,
        _joined(amended_by),
        voided_by,
        document.get("nationality"),
        document.get("document_code"),
        document.get("number"),
        document.get("surname"),
        document.get("given_names"),
        body.get("traveller_role") if passenger else None,
        body.get("purpose") if passenger else None,
        vehicle.get("plate"),
        vehicle.get("registration_country"),
        vehicle.get("vehicle_kind"),
        vehicle.get("cargo_category"),
        None if passenger else int(vehicle.get("cargo_category") == "fresh_agricultural"),
        None if passenger else len(vehicle.get("vins", ())),
        None if passenger else _joined(vehicle.get("vins", ())),
        None if passenger else _joined(c["number"] for c in containers),
        None if passenger else _joined(seal for c in containers for seal in c.get("seals", ())),
        vehicle.get("declaration_number"),
        None if passenger else _joined(vehicle.get("hs_codes", ())),
        vehicle.get("gross_weight_kg"),
        watchlist["outcome"] if watchlist else None,
        body.get("remarks") or None,
    )


# -- the signed digest ----------------------------------------------------------------------


def digest_claims(report: ShiftReport, *, valid_years: int = 10) -> dict[str, Any]:
    """The claims sealed into a report's QR code (`sealed_qr.DocumentKind.REPORT`)."""
    issued = int(report.generated_at.timestamp())
    claims: dict[str, Any] = {
        "v": 1,
        "id": report.report_id,
        "iat": issued,
        "exp": issued + valid_years * 365 * 24 * 3600,
        "port": report.port,
        "lane": report.lane,
        "ws": report.workstation_id,
        "shift": report.shift_id,
        "from": report.first_seq,
        "to": report.last_seq,
        "counts": report.counts(),
        "digest": report.digest(),
    }
    if not report.is_shift:
        claims["period"] = [report.period_from, report.period_to]
    # The offset the report prints its generation time in (this computer's), so that the
    # gate says the times of its code the same way.
    offset = offset_minutes(report.generated_at.astimezone())
    if offset is not None:
        claims["off"] = offset
    return claims


def recompute_digest(store: Store, claims: dict[str, Any]) -> tuple[bool, str]:
    """Rebuild the report the claims describe from this database; (matches, explanation)."""
    shift = claims.get("shift")
    period = claims.get("period")
    workstation = store.require_workstation().workstation_id
    if claims.get("ws") != workstation:
        return False, f"the report was made at workstation {claims.get('ws')}, not {workstation}"
    try:
        if isinstance(shift, str):
            report = for_shift(store, shift)
        elif (
            isinstance(period, list)
            and len(period) == 2
            and all(isinstance(p, str) for p in period)
        ):
            report = for_period(
                store, datetime.fromisoformat(period[0]), datetime.fromisoformat(period[1])
            )
        else:
            return False, "the claims name neither a shift nor a period"
    except (ReportScopeError, ValueError) as error:
        return False, str(error)
    digest = report.digest()
    if digest == claims.get("digest"):
        return True, "the records in this database match the printed report"
    return False, (
        "the records in this database differ from the printed report "
        f"(digest now {digest[:16]}…, printed {str(claims.get('digest'))[:16]}…); records may "
        "have been amended or voided since it was printed"
    )
