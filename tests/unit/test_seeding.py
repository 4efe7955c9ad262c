"""Synthetic traffic is real: valid records, in the outbox and the audit chain, reproducible."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

from inspection_client.domain.mrz import parse_mrz
from inspection_client.seeding import DEMO_WORKSTATION, seed
from inspection_client.store import records
from inspection_client.store.audit import verify_chain
from inspection_client.store.database import Store
from inspection_client.store.info import store_info
from tests.factories import traffic_without_ids


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
