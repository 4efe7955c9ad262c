"""Synthetic traffic is real: valid records, in the outbox and the audit chain, reproducible.

The seeder writes records as plain dicts rather than through the models, so every record it
saves is checked here against what the models and the store would have made of it.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from multiprocessing.context import BaseContext
from multiprocessing.pool import Pool
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from inspection_client import seeding
from inspection_client.cli import main
from inspection_client.domain.canonical import record_bytes
from inspection_client.domain.codes import LaneKind, Role
from inspection_client.domain.models import Officer, Record, Workstation
from inspection_client.domain.mrz import CheckStatus, build_td1, build_td3, parse_mrz
from inspection_client.domain.vin import validate_vin
from inspection_client.seeding import DEMO_WORKSTATION, seed
from inspection_client.seeding import saving as seeding_saving
from inspection_client.seeding import traffic as seeding_traffic
from inspection_client.seeding.population import PEOPLE, QuickRandom, Weighted
from inspection_client.seeding.saving import DayPlan, make_day, roster_codes
from inspection_client.seeding.traffic import Traffic, export_load
from inspection_client.store import officers, records
from inspection_client.store.audit import verify_chain
from inspection_client.store.database import Store
from inspection_client.store.info import store_info
from inspection_client.store.search import terms_for_body, unique_terms
from tests.factories import as_indexed, indexed_terms, traffic_without_ids

LANES = {
    LaneKind.PASSENGER: Workstation(
        workstation_id="TEST-KHG-P01", port_code="KHG", lane_id="P01", lane_kind=LaneKind.PASSENGER
    ),
    LaneKind.VEHICLE: DEMO_WORKSTATION,
    LaneKind.GREEN_CHANNEL: Workstation(
        workstation_id="TEST-KHG-G01",
        port_code="KHG",
        lane_id="G01",
        lane_kind=LaneKind.GREEN_CHANNEL,
    ),
}
WORKERS = (0, 2)


@dataclass(frozen=True)
class Seeded:
    """What one seeding left in its database, read back after the store was closed."""

    directory: Path
    rows: list[tuple[Any, ...]]  # every `records` column, in sequence order
    terms: dict[int, set[str]]  # seq -> its search terms, as the index keeps them


def _seeded(directory: Path, workstation: Workstation, workers: int) -> Seeded:
    with Store.open(directory / "lane.db") as store:
        store.configure_workstation(workstation)
        summary = seed(
            store, clearances=2500, days=2, seed_value=5, today=date(2026, 6, 2), workers=workers
        )
        assert summary.clearances == 2500 and summary.shifts == 6
        rows = store.conn.execute(
            "SELECT seq, id, kind, recorded_at, officer, shift_id, target_id, direction, "
            "decision, content FROM records ORDER BY seq"
        ).fetchall()
        terms = indexed_terms(store.conn)
    assert len(rows) == summary.records == 2500 + 6 * 2
    return Seeded(directory, rows, terms)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[LaneKind, int], Seeded]:
    """Each lane seeded with the same seed, here and in worker processes."""
    return {
        (lane, workers): _seeded(tmp_path_factory.mktemp(f"{lane}-{workers}"), station, workers)
        for lane, station in LANES.items()
        for workers in WORKERS
    }


def _records(seeded: Seeded) -> Iterator[tuple[tuple[Any, ...], Record]]:
    for row in seeded.rows:
        yield row, Record.model_validate_json(row[-1])


def test_large_days_are_made_one_ahead_per_worker_and_give_the_same_traffic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Days too large to hold four ahead per worker are made one ahead each, in turn.
    monkeypatch.setattr(seeding_saving, "_RECORDS_AHEAD", 300)
    traffic = []
    for workers in (0, 2):
        with Store.open(tmp_path / f"{workers}.db") as store:
            summary = seed(
                store,
                clearances=2000,
                days=5,
                seed_value=3,
                today=date(2026, 6, 2),
                workers=workers,
            )
            rows = store.conn.execute("SELECT content FROM records ORDER BY seq").fetchall()
            assert verify_chain(store).intact
        assert summary.records == len(rows) == 2000 + 6 * 5
        traffic.append(traffic_without_ids([bytes(row[0]) for row in rows]))
    assert traffic[0] == traffic[1]
    day = DayPlan(1, 0, date(2026, 6, 1), 400, [], DEMO_WORKSTATION)
    assert seeding_saving.days_ahead([day], 2) == 1
    assert seeding_saving.days_ahead([replace(day, clearances=70)], 2) == 2  # 300 in all
    assert seeding_saving.days_ahead([replace(day, clearances=35)], 2) == 4
    assert seeding_saving.days_ahead([replace(day, clearances=35)], 3) == 2


@pytest.mark.parametrize(("cores", "workers"), [(1, 0), (2, 2), (3, 2), (4, 3), (8, 3), (64, 3)])
def test_a_large_seed_uses_the_cores_there_are_up_to_three_workers(
    cores: int, workers: int
) -> None:
    assert seeding_saving.worker_count(cores) == workers


@pytest.mark.parametrize(("cores", "workers"), [(1, 0), (4, 3)])
def test_a_large_seed_starts_the_workers_its_usable_cores_call_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cores: int, workers: int
) -> None:
    # One core is as under `taskset -c 0`: workers would only take turns with the process
    # that saves, so the days are made in it.
    monkeypatch.setattr(seeding_saving, "usable_cores", lambda: cores)
    monkeypatch.setattr(seeding_saving, "POOL_THRESHOLD", 100)
    started: list[int] = []

    start_pool = seeding_saving._start_pool

    def pool(context: BaseContext, workers: int) -> Pool:
        started.append(workers)
        return start_pool(context, workers)

    monkeypatch.setattr(seeding_saving, "_start_pool", pool)
    with Store.open(tmp_path / "lane.db") as store:
        summary = seed(store, clearances=400, days=4, today=date(2026, 6, 2))
        assert summary.records == 400 + 6 * 4 and verify_chain(store).intact
    assert started == ([workers] if workers else [])


@pytest.mark.parametrize("workers", WORKERS)
@pytest.mark.parametrize("lane", list(LANES))
def test_seeded_records_are_what_the_models_and_the_store_make_of_them(
    seeded: dict[tuple[LaneKind, int], Seeded], lane: LaneKind, workers: int
) -> None:
    kinds: Counter[str] = Counter()
    for (seq, *columns, content), record in _records(seeded[lane, workers]):
        assert record.seq == seq
        assert record_bytes(record) == content
        assert tuple(columns) == records.columns_of(record)
        assert seeded[lane, workers].terms.get(seq, set()) == {
            as_indexed(term) for term in unique_terms(terms_for_body(record.body))
        }
        kinds[record.kind] += 1
    assert kinds["shift_open"] == kinds["shift_close"] == 6
    if lane is LaneKind.PASSENGER:
        assert set(kinds) == {"passenger", "shift_open", "shift_close"}
    else:
        assert kinds["vehicle"] > 200


@pytest.mark.parametrize("lane", list(LANES))
def test_the_same_seed_gives_the_same_traffic_with_and_without_workers(
    seeded: dict[tuple[LaneKind, int], Seeded], lane: LaneKind
) -> None:
    here, pooled = (
        traffic_without_ids([bytes(row[-1]) for row in seeded[lane, workers].rows])
        for workers in WORKERS
    )
    assert here == pooled


@pytest.mark.parametrize("workers", WORKERS)
@pytest.mark.parametrize("lane", list(LANES))
def test_audit_verify_passes_on_seeded_traffic(
    seeded: dict[tuple[LaneKind, int], Seeded],
    lane: LaneKind,
    workers: int,
    capsys: pytest.CaptureFixture[str],
) -> None:
    directory = seeded[lane, workers].directory
    assert main(["--data-dir", str(directory), "audit", "verify"]) == 0
    assert "intact" in capsys.readouterr().out


def test_green_channel_traffic_is_fresh_produce_trucks(
    seeded: dict[tuple[LaneKind, int], Seeded],
) -> None:
    for _row, record in _records(seeded[LaneKind.GREEN_CHANNEL, 0]):
        if record.body.kind == "vehicle":
            assert record.body.vehicle_kind == "truck" and record.body.green_channel


def test_travellers_names_agree_with_their_sex(
    seeded: dict[tuple[LaneKind, int], Seeded],
) -> None:
    men = {name.replace("<", " ") for p in PEOPLE.values() for name in p[2]}
    women = {name.replace("<", " ") for p in PEOPLE.values() for name in p[3]}
    seen: Counter[tuple[str, str]] = Counter()
    for _row, record in _records(seeded[LaneKind.PASSENGER, 0]):
        if record.body.kind != "passenger":
            continue
        document = record.body.document
        assert document.given_names in (men if document.sex == "M" else women), document
        if document.nationality in ("KAZ", "RUS") and document.surname.endswith(("OV", "OVA")):
            assert document.surname.endswith("A") == (document.sex == "F"), document
            seen[document.nationality, document.sex] += 1
    assert min(seen.values()) > 0 and len(seen) == 4


def test_seed_makes_valid_records_through_the_save_path(data_dir: Path) -> None:
    with Store.open(data_dir / "lane.db") as store:
        summary = seed(store, clearances=1500, days=3, today=date(2026, 11, 24))
        info = store_info(store)
        assert store.workstation() == DEMO_WORKSTATION
        assert summary.clearances == 1500 and summary.shifts == 9
        assert info.records_by_kind["passenger"] + info.records_by_kind["vehicle"] == 1500
        assert info.records_by_kind["shift_open"] == info.records_by_kind["shift_close"] == 9
        assert info.pending_sync == info.records_total
        assert verify_chain(store).intact

        kinds: Counter[str] = Counter()
        nationalities: Counter[str] = Counter()
        for _seq, content in records.iter_all(store):
            record = records.parse_content(bytes(content))
            body = record.body
            kinds[body.kind] += 1
            if body.kind == "passenger":
                nationalities[body.document.nationality] += 1
                assert parse_mrz("\n".join(body.document.mrz)).valid
            if body.kind == "vehicle" and body.driver_clearance_id:
                driver = records.get(store, body.driver_clearance_id)
                assert driver is not None and driver.body.kind == "passenger"
        assert kinds["vehicle"] > 100
        assert {"CHN", "PAK", "KAZ"} <= set(nationalities)


def test_same_seed_gives_the_same_traffic(tmp_path: Path) -> None:
    def contents(name: str) -> list[dict[str, object]]:
        with Store.open(tmp_path / name) as store:
            seed(store, clearances=200, days=2, seed_value=7, today=date(2026, 1, 5))
            return traffic_without_ids([bytes(c) for _s, c in records.iter_all(store)])

    assert contents("a.db") == contents("b.db")


def test_seeding_twice_adds_to_the_same_store(data_dir: Path) -> None:
    with Store.open(data_dir / "lane.db") as store:
        seed(store, clearances=300, days=2, today=date(2026, 11, 24))
        seed(store, clearances=300, days=2, today=date(2026, 11, 24))
        info = store_info(store)
        assert info.records_by_kind["passenger"] + info.records_by_kind["vehicle"] == 600
        assert verify_chain(store).intact


def test_seeded_traffic_ends_before_today(data_dir: Path) -> None:
    with Store.open(data_dir / "lane.db") as store:
        summary = seed(store, clearances=200, days=2, today=date(2026, 11, 24))
        latest = max(
            records.parse_content(bytes(c)).recorded_at for _s, c in records.iter_all(store)
        )
    assert summary.last_day == date(2026, 11, 23)
    assert latest.date() <= date(2026, 11, 23)


# -- the shortcuts the seeder takes ----------------------------------------------------------


def test_written_machine_readable_zones_are_the_builders_own() -> None:
    traffic = Traffic(QuickRandom("mrz"), DEMO_WORKSTATION, date(2026, 3, 1))
    codes: Counter[str] = Counter()
    for _ in range(3000):
        fields = traffic.new_document().fields
        build = build_td1 if fields["document_code"] == "I" else build_td3
        assert tuple(fields["mrz"]) == build(
            issuing_state=fields["issuing_state"],
            document_number=fields["number"],
            surname=fields["surname"],
            given_names=fields["given_names"],
            nationality=fields["nationality"],
            birth_date=date.fromisoformat(fields["birth_date"]),
            sex=fields["sex"],
            expiry_date=date.fromisoformat(fields["expiry_date"]),
        )
        codes[fields["document_code"]] += 1
    assert codes["I"] > 100 and codes["P"] > 1000


@pytest.mark.parametrize("lane", list(LANES))
def test_seeded_ids_are_filed_under_the_time_their_records_were_made(
    seeded: dict[tuple[LaneKind, int], Seeded], lane: LaneKind
) -> None:
    shift_ids, ids = set(), []
    for _row, record in _records(seeded[lane, 2]):
        assert record.id.version == 7 and record.id.variant == uuid.RFC_4122
        assert record.id.int >> 80 == int(record.recorded_at.timestamp() * 1000)
        ids.append(record.id)
        if record.kind == "shift_open":
            assert record.shift_id is not None
            assert record.shift_id.int >> 80 == record.id.int >> 80  # made at the same second
            shift_ids.add(record.shift_id)
    assert len(set(ids)) == len(ids)
    assert len(shift_ids) == 6  # three shifts on each of the fixture's two days


@pytest.mark.parametrize("workers", WORKERS)
@pytest.mark.parametrize("lane", list(LANES))
def test_records_are_numbered_in_the_order_of_their_times(
    seeded: dict[tuple[LaneKind, int], Seeded], lane: LaneKind, workers: int
) -> None:
    # A shift closes after its last clearance, and the next opens after it closes.
    times = [record.recorded_at for _row, record in _records(seeded[lane, workers])]
    assert times == sorted(times)


def test_an_invalid_record_stops_the_seeding_before_anything_is_saved(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(seeding_traffic, "_SCANNED_MRZ", "photographed")
    with Store.open(data_dir / "lane.db") as store:
        with pytest.raises(ValidationError):
            seed(store, clearances=300, days=2, today=date(2026, 11, 24), workers=0)
        assert store_info(store).records_total == 0


def test_a_record_the_models_would_write_differently_stops_the_seeding(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Valid (the field has a default), but not the canonical bytes of the record.
    def close_shift(traffic: Traffic, at: int) -> None:
        traffic.add({"kind": "shift_close"}, traffic.at(at))

    monkeypatch.setattr(Traffic, "close_shift", close_shift)
    with Store.open(data_dir / "lane.db") as store:
        with pytest.raises(RuntimeError, match="canonical bytes"):
            seed(store, clearances=300, days=2, today=date(2026, 11, 24), workers=0)
        assert store_info(store).records_total == 0


def test_the_first_record_of_a_rare_shape_is_checked_against_the_models(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A few refusals a day, all with a ground no model knows: the first is checked.
    monkeypatch.setattr(seeding_traffic, "_GROUNDS", Weighted([("Z9", 1)]))
    with Store.open(data_dir / "lane.db") as store:
        with pytest.raises(ValidationError, match="refusal_ground"):
            seed(store, clearances=2000, days=1, today=date(2026, 11, 24), workers=0)
        assert store_info(store).records_total == 0


def test_a_day_checks_the_first_record_of_each_shape_and_a_sample_of_the_rest(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    checked: list[str] = []

    def check(record: Record, *args: Any) -> None:
        checked.append(str(record.id))
        original(record, *args)

    original = seeding_traffic._check_matches_models
    monkeypatch.setattr(seeding_traffic, "_check_matches_models", check)
    plan = DayPlan(2, 0, date(2026, 6, 1), 5000, ["DEMO01"], DEMO_WORKSTATION)
    made = make_day(plan)
    first_of_shape: dict[tuple[Any, ...], str] = {}
    sampled = set()
    for number, (head, tail, columns, _terms) in enumerate(made, 1):
        body = orjson.loads(head + b"1" + tail)["body"]
        first_of_shape.setdefault(seeding_traffic._shape(body), columns[0])
        if number % seeding_traffic._SAMPLED == 0:
            sampled.add(columns[0])
    assert len(checked) == len(set(checked))
    assert set(checked) == set(first_of_shape.values()) | sampled
    assert len(first_of_shape) > 40  # decisions, grounds, roles, vehicle kinds, cargo...
    assert len(checked) < len(made) / 10


def test_received_drafts_refuse_a_record_that_refers_to_another(tmp_path: Path) -> None:
    columns: records.Columns = (
        str(uuid.uuid4()),
        "void",
        "2026-01-01T00:00:00+08:00",
        "DEMO01",
        None,
        str(uuid.uuid4()),
        None,
        None,
    )
    plan = DayPlan(1, 0, date(2026, 1, 1), 10, ["DEMO01"], DEMO_WORKSTATION)
    valid_day = make_day(plan)
    with Store.open(tmp_path / "lane.db") as store:
        seeding.ensure_demo(store)
        with pytest.raises(ValueError, match="refers to another"):
            records.save_received(store, [valid_day, [(b"{", b"}", columns, "")]])
        assert store_info(store).records_total == 0  # the day before it is not kept either
        assert records.save_received(store, [valid_day]) == len(valid_day)


@given(st.integers(min_value=0, max_value=2**32), st.integers(min_value=0, max_value=40))
def test_a_car_carrier_load_is_consecutive_vins_with_their_own_check_digits(
    seed_value: int, count: int
) -> None:
    vins = export_load(count, QuickRandom(seed_value))
    assert len(vins) == count
    for vin in vins:
        result = validate_vin(vin)
        assert result.valid, (vin, result.errors)
        assert result.check_digit is CheckStatus.OK
    serials = [int(vin[11:]) for vin in vins]
    if vins:
        assert serials == list(range(serials[0], serials[0] + count))
    assert len({vin[:8] + vin[9:11] for vin in vins}) <= 1  # one model from one plant


def test_the_roster_the_days_are_made_for_is_the_one_the_demo_set_up_leaves(
    tmp_path: Path,
) -> None:
    # The days are made while `ensure_demo` runs, for the roster it is going to leave.
    with Store.open(tmp_path / "lane.db") as store:
        officers.add_officer(store, Officer(code="AAA01", name="A", role=Role.OFFICER), None)
        officers.add_officer(store, Officer(code="SUP01", name="S", role=Role.OFFICER), None)
        officers.add_officer(store, Officer(code="ZZZ01", name="Z", role=Role.SUPERVISOR), None)
        expected = roster_codes(store, adding_demo=True)
        seeding.ensure_demo(store)
        after = [o.code for o in officers.list_officers(store) if o.role is Role.OFFICER]
        assert expected == after == ["AAA01", "DEMO01"]
        assert roster_codes(store, adding_demo=False) == after


def test_a_travellers_surname_and_given_names_come_from_the_same_people(
    seeded: dict[tuple[LaneKind, int], Seeded],
) -> None:
    # A Han surname with a Uyghur given name (WANG ALIMJAN) is not a name anyone has.
    groups = {
        people: (set(p[1]), {name.replace("<", " ") for name in (*p[2], *p[3])})
        for people, p in PEOPLE.items()
        if people.startswith("CHN")
    }
    seen: Counter[str] = Counter()
    for _row, record in _records(seeded[LaneKind.PASSENGER, 0]):
        if record.body.kind != "passenger" or record.body.document.nationality != "CHN":
            continue
        document = record.body.document
        matching = [
            people
            for people, (surnames, given) in groups.items()
            if document.surname in surnames and document.given_names in given
        ]
        assert matching, document
        seen.update(matching)
    assert len(seen) == len(groups)
