"""Shift report data: totals against the database, current state, scope, digest, sync state."""

from __future__ import annotations

import time
import uuid
from collections import Counter
from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from inspection_client.domain.clock import claims_time
from inspection_client.domain.codes import Decision, Direction, RefusalGround
from inspection_client.domain.models import (
    Amendment,
    ShiftClosed,
    ShiftOpened,
    Void,
    WatchlistCheck,
    WatchlistHit,
)
from inspection_client.reports import shift_report
from inspection_client.reports.shift_report import ReportScopeError
from inspection_client.store import shifts
from inspection_client.store.database import Store
from tests import factories
from tests.reports.conftest import SaveAt, day


def _database_totals(store: Store, shift_id: str) -> Counter[tuple[str, str, str]]:
    rows = store.conn.execute(
        "SELECT direction, kind, decision, count(*) FROM records WHERE shift_id = ? "
        "AND kind IN ('passenger', 'vehicle') GROUP BY 1, 2, 3",
        (shift_id,),
    ).fetchall()
    return Counter({(d, k, dec): n for d, k, dec, n in rows})


@pytest.mark.slow
def test_totals_equal_database_counts_for_the_busiest_shifts(big_store: Store) -> None:
    busiest = big_store.conn.execute(
        "SELECT shift_id FROM records WHERE shift_id IS NOT NULL "
        "GROUP BY shift_id ORDER BY count(*) DESC LIMIT 3"
    ).fetchall()
    for (shift_id,) in busiest:
        report = shift_report.for_shift(big_store, shift_id)
        totals = Counter({(t.direction, t.kind, t.decision): t.count for t in report.totals})
        assert totals == _database_totals(big_store, shift_id)
        assert report.total() == len(report.rows) > 1000
        nationality = Counter(
            row[0]
            for row in big_store.conn.execute(
                "SELECT json_extract(content, '$.body.document.nationality') FROM records "
                "WHERE shift_id = ? AND kind = 'passenger'",
                (shift_id,),
            )
        )
        assert dict(report.passengers_by_nationality) == nationality
        refused = big_store.conn.execute(
            "SELECT count(*) FROM records WHERE shift_id = ? AND decision = 'refused'", (shift_id,)
        ).fetchone()[0]
        assert len(report.refusals) == refused == report.counts()["refused"]
        assert all(line.ground for line in report.refusals)
        assert sum(b.entry + b.exit for b in report.per_hour) == report.total()


@pytest.mark.slow
def test_period_totals_equal_database_counts(big_store: Store) -> None:
    (last,) = big_store.conn.execute("SELECT max(recorded_at) FROM records").fetchone()
    end = datetime.fromisoformat(last).replace(hour=23, minute=59, second=59)
    start = (end - timedelta(days=2)).replace(hour=0, minute=0, second=0)
    report = shift_report.for_period(big_store, start, end)
    # Every seeded record has the same UTC offset, so ISO text compares like time here.
    within = "recorded_at BETWEEN ? AND ?"
    bounds = (start.isoformat(), end.isoformat())
    rows = big_store.conn.execute(
        f"SELECT direction, kind, decision, count(*) FROM records WHERE {within} "
        "AND kind IN ('passenger', 'vehicle') GROUP BY 1, 2, 3",
        bounds,
    ).fetchall()
    totals = Counter({(t.direction, t.kind, t.decision): t.count for t in report.totals})
    assert totals == Counter({(d, k, dec): n for d, k, dec, n in rows})
    assert report.total() > 10_000
    (exported,) = big_store.conn.execute(
        "SELECT sum(json_array_length(content, '$.body.vins')) FROM records WHERE "
        f"{within} AND kind = 'vehicle' AND direction = 'exit' AND decision = 'cleared' "
        "AND json_extract(content, '$.body.cargo_category') = 'complete_vehicles'",
        bounds,
    ).fetchone()
    assert report.exported_vins == exported > 0
    (green,) = big_store.conn.execute(
        f"SELECT count(*) FROM records WHERE {within} AND kind = 'vehicle' "
        "AND json_extract(content, '$.body.cargo_category') = 'fresh_agricultural'",
        bounds,
    ).fetchone()
    assert report.green_channel_vehicles == green > 0


def test_amendments_replace_and_voids_remove(lane: Store, save_at: SaveAt) -> None:
    shift = uuid.uuid4()
    save_at(ShiftOpened(lane_id="V01", direction=Direction.ENTRY), day(8), shift)
    kept = save_at(factories.passenger(), day(9), shift)
    amended = save_at(factories.passenger(), day(9, 5), shift)
    voided = save_at(factories.truck(), day(9, 10), shift)
    refusal = factories.passenger(Decision.REFUSED)
    save_at(
        Amendment(
            target_id=amended.id, reason="wrong decision", approved_by="SUP01", replacement=refusal
        ),
        day(10),
        shift,
    )
    save_at(
        Void(target_id=voided.id, reason="entered twice", approved_by="SUP01"), day(10, 5), shift
    )

    report = shift_report.for_shift(lane, shift)

    assert report.total() == 2
    assert report.total(decision="refused") == 1
    assert report.total(kind="vehicle") == 0
    assert [line.record_id for line in report.refusals] == [str(amended.id)]
    assert report.refusals[0].ground == RefusalGround.NO_VALID_VISA.value
    status = {row[0]: row[9] for row in report.rows}
    assert status == {
        str(kept.id): "original",
        str(amended.id): "amended",
        str(voided.id): "voided",
    }
    assert [(c.kind, c.approved_by) for c in report.changes] == [
        ("amendment", "SUP01"),
        ("void", "SUP01"),
    ]
    # Numbered as History numbers records, for the documents: "#6 amends #3".
    assert [(c.seq, c.target_seq) for c in report.changes] == [
        (amended.seq + 2, amended.seq),
        (amended.seq + 3, voided.seq),
    ]
    # Shown, not signed: reports sealed before the numbers were shown still match.
    unnumbered = replace(
        report, changes=tuple(replace(c, seq=None, target_seq=None) for c in report.changes)
    )
    assert unnumbered.digest() == report.digest()
    assert "SUP01" in report.officers


def test_a_shift_across_midnight_is_one_report(lane: Store, save_at: SaveAt) -> None:
    shift = uuid.uuid4()
    save_at(ShiftOpened(lane_id="V01", direction=Direction.ENTRY), day(22), shift)
    late = save_at(factories.passenger(), day(23, 30), shift)
    early = save_at(factories.passenger(direction=Direction.EXIT), day(0, 30, plus_days=1), shift)
    save_at(ShiftClosed(occurrences="Power cut 01:10-01:25."), day(5, 59, plus_days=1), shift)

    report = shift_report.for_shift(lane, shift)

    assert {row[0] for row in report.rows} == {str(late.id), str(early.id)}
    assert report.occurrences == "Power cut 01:10-01:25."
    assert [bucket.hour for bucket in report.per_hour][:4] == [22, 23, 0, 1]
    assert len(report.per_hour) == 8
    by_hour = {b.hour: (b.entry, b.exit) for b in report.per_hour}
    assert by_hour[23] == (1, 0) and by_hour[0] == (0, 1)
    # A calendar day cuts the same shift in two.
    first_day = shift_report.for_period(lane, day(0), day(23, 59))
    assert [row[0] for row in first_day.rows] == [str(late.id)]


def test_period_bounds_are_inclusive_and_must_be_ordered(lane: Store, save_at: SaveAt) -> None:
    at_start = save_at(factories.passenger(), day(8))
    at_end = save_at(factories.passenger(), day(12))
    save_at(factories.passenger(), day(12, 1))
    report = shift_report.for_period(lane, day(8), day(12))
    assert [row[0] for row in report.rows] == [str(at_start.id), str(at_end.id)]
    assert report.occurrences == "" and report.shift_id is None
    with pytest.raises(ReportScopeError, match="before it starts"):
        shift_report.for_period(lane, day(12), day(8))


def test_unknown_or_missing_shifts_are_clear_errors(lane: Store) -> None:
    with pytest.raises(ReportScopeError, match="no shifts"):
        shift_report.for_last_shift(lane)
    with pytest.raises(ReportScopeError, match="no shift"):
        shift_report.for_shift(lane, uuid.uuid4())
    with pytest.raises(ReportScopeError, match="not a shift id"):
        shift_report.for_shift(lane, "yesterday")


def test_a_shift_is_found_by_the_start_or_the_end_of_its_id(lane: Store, save_at: SaveAt) -> None:
    first = uuid.UUID("abcd1111-0000-4000-8000-000000000001")
    second = uuid.UUID("abcd2222-0000-4000-8000-00000000a002")
    for shift, hour in ((first, 8), (second, 16)):
        save_at(ShiftOpened(lane_id="V01", direction=Direction.ENTRY), day(hour), shift)
        save_at(factories.passenger(), day(hour, 5), shift)
    assert shift_report.for_shift(lane, "ABCD1").shift_id == str(first)
    assert shift_report.for_shift(lane, " abcd2222-0 ").shift_id == str(second)
    # Ids start with the time they were made: the end is what tells a year's shifts apart.
    assert shift_report.for_shift(lane, "0001").shift_id == str(first)
    assert shift_report.for_shift(lane, "-00000000A002").shift_id == str(second)
    with pytest.raises(ReportScopeError, match="More than one shift id starts or ends with abcd"):
        shift_report.for_shift(lane, "abcd")
    for not_an_id in ("abc", "a-b-c", "------", "yesterday"):
        with pytest.raises(ReportScopeError, match="not a shift id"):
            shift_report.for_shift(lane, not_an_id)
    with pytest.raises(ReportScopeError, match="no shift abce"):
        shift_report.for_shift(lane, "abce")


def test_shifts_opened_one_after_another_are_named_by_the_ends_of_their_ids(
    lane: Store,
) -> None:
    first = shifts.open_shift(lane, "OFF01", Direction.ENTRY)
    shifts.close_shift(lane, first)
    second = shifts.open_shift(lane, "OFF01", Direction.EXIT)
    ids = [str(first.shift_id), str(second.shift_id)]
    assert ids[0][:8] == ids[1][:8]  # made within a minute of each other
    for shift_id in ids:
        assert shift_report.for_shift(lane, shift_id[-8:]).shift_id == shift_id
    with pytest.raises(ReportScopeError, match="More than one shift id starts or ends with"):
        shift_report.for_shift(lane, ids[0][:8])


def test_digest_is_stable_and_follows_the_records(lane: Store, save_at: SaveAt) -> None:
    shift = uuid.uuid4()
    save_at(ShiftOpened(lane_id="V01", direction=Direction.ENTRY), day(8), shift)
    clearance = save_at(factories.passenger(), day(9), shift)
    first = shift_report.for_shift(lane, shift)
    second = shift_report.for_shift(lane, shift)
    assert first.report_id != second.report_id
    assert first.digest() == second.digest()
    claims = shift_report.digest_claims(first)
    assert claims["counts"]["clearances"] == 1 and claims["shift"] == str(shift)
    assert shift_report.recompute_digest(lane, claims)[0] is True
    # Syncing changes the sync section, never the digest.
    lane.conn.execute("DELETE FROM outbox")
    assert shift_report.for_shift(lane, shift).digest() == first.digest()

    save_at(Void(target_id=clearance.id, reason="entered twice", approved_by="SUP01"), day(10))
    assert shift_report.for_shift(lane, shift).digest() != first.digest()
    matches, detail = shift_report.recompute_digest(lane, claims)
    assert matches is False and "differ" in detail


def test_sync_state_counts_the_outbox(lane: Store, save_at: SaveAt) -> None:
    saved = [save_at(factories.passenger(), day(9, minute)) for minute in range(5)]
    report = shift_report.for_period(lane, day(0), day(23))
    assert (report.pending_sync, report.last_acknowledged_seq) == (5, None)
    lane.conn.execute("DELETE FROM outbox WHERE seq <= ?", (saved[2].seq,))
    report = shift_report.for_period(lane, day(0), day(23))
    assert (report.pending_sync, report.last_acknowledged_seq) == (2, saved[2].seq)


def test_watchlist_hits_and_their_outcome(lane: Store, save_at: SaveAt) -> None:
    check = WatchlistCheck(
        snapshot_version=7,
        hits=(
            WatchlistHit(
                list_name="interpol", entry_id="E-1", score=93, reason="name", action="refer"
            ),
        ),
        outcome="referred",
    )
    hit = save_at(factories.passenger(Decision.REFERRED, watchlist=check), day(9))
    save_at(
        factories.passenger(watchlist=WatchlistCheck(snapshot_version=7, outcome="no_hit")),
        day(9, 1),
    )
    report = shift_report.for_period(lane, day(0), day(23))
    assert [(w.record_id, w.list_name, w.score, w.outcome) for w in report.watchlist_hits] == [
        (str(hit.id), "interpol", 93, "referred")
    ]
    assert [line.record_id for line in report.referrals] == [str(hit.id)]


def test_the_report_code_names_the_offset_its_times_print_in(
    lane: Store, save_at: SaveAt, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The PDF prints when it was made in this computer's zone; the gate says the code's
    # times in the same offset.
    shift = uuid.uuid4()
    save_at(ShiftOpened(lane_id="V01", direction=Direction.ENTRY), day(8), shift)
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    try:
        report = shift_report.for_shift(lane, shift)
        claims = shift_report.digest_claims(report)
        assert claims["off"] == 480
        assert claims_time(claims, claims["iat"]).endswith("+0800")
    finally:
        monkeypatch.undo()
        time.tzset()
