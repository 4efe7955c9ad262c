"""The demo workstation's own watchlist: signed, applied like a central's, gone at enrolment."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from inspection_client.seeding import ensure_demo
from inspection_client.store.database import Store
from inspection_client.sync.enrolment import enrol
from inspection_client.watchlist import demo
from inspection_client.watchlist.check import open_checker
from inspection_client.watchlist.status import active_snapshot
from tests.sync.conftest import FAKE_URL
from tests.sync.fake_central import FakeCentral


@pytest.fixture
def demo_store(data_dir: Path) -> Iterator[Store]:
    store = Store.open(data_dir / "lane.db")
    ensure_demo(store)
    try:
        yield store
    finally:
        store.close()


def test_the_demo_watchlist_finds_the_specimen_passport_and_its_holder(demo_store: Store) -> None:
    result = demo.install(demo_store)
    assert result.applied and result.version == demo.DEMO_VERSION
    assert result.entries == {"documents": 1, "persons": 1, "vehicles": 1, "containers": 1}
    checker = open_checker(demo_store)
    assert checker is not None
    with checker:
        assert [hit.entry_id for hit in checker.persons("ERIKSSON", "ANNA MARIA")] == ["DEMO-P1"]
        assert len(checker.documents("L898902C3", "UTO")) == 1
        assert checker.documents("L898902C4", "UTO") == []
        assert [hit.entry_id for hit in checker.containers("CSQU3054383")] == ["DEMO-C1"]


def test_only_a_demo_workstation_takes_it(store: Store) -> None:
    with pytest.raises(ValueError, match="demo workstation"):
        demo.install(store)
    assert active_snapshot(store) is None


def test_enrolling_the_demo_withdraws_its_watchlist_and_its_file(demo_store: Store) -> None:
    demo.install(demo_store)
    active = active_snapshot(demo_store)
    assert active is not None
    snapshot_file = active.path
    assert snapshot_file.exists()
    central = FakeCentral()
    enrol(
        demo_store, FAKE_URL, central.add_code("CODE-D", lane="L01"), transport=central.transport()
    )
    assert active_snapshot(demo_store) is None
    assert not snapshot_file.exists()
    outcomes = demo_store.conn.execute("SELECT outcome FROM watchlist_history").fetchall()
    assert [row[0] for row in outcomes] == ["applied", "withdrawn"]


def test_withdrawing_with_no_watchlist_changes_nothing(demo_store: Store) -> None:
    assert demo.withdraw(demo_store) is False
    assert demo_store.conn.execute("SELECT count(*) FROM watchlist_history").fetchone()[0] == 0


def test_a_demo_made_by_seed_gets_it_once(demo_store: Store) -> None:
    assert demo.install_if_never_had(demo_store) is True
    active = active_snapshot(demo_store)
    assert active is not None and active.version == demo.DEMO_VERSION
    assert demo.install_if_never_had(demo_store) is False
    outcomes = demo_store.conn.execute("SELECT outcome FROM watchlist_history").fetchall()
    assert [row[0] for row in outcomes] == ["applied"]


def test_a_demo_that_had_one_withdrawn_does_not_get_it_again(demo_store: Store) -> None:
    demo.install(demo_store)
    assert demo.withdraw(demo_store) is True
    assert demo.install_if_never_had(demo_store) is False
    assert active_snapshot(demo_store) is None


def test_an_enrolled_demo_does_not_get_it(demo_store: Store) -> None:
    central = FakeCentral()
    enrol(
        demo_store, FAKE_URL, central.add_code("CODE-E", lane="L01"), transport=central.transport()
    )
    assert demo.install_if_never_had(demo_store) is False
    assert active_snapshot(demo_store) is None


def test_a_real_workstation_does_not_get_it(store: Store) -> None:
    assert demo.install_if_never_had(store) is False
    assert active_snapshot(store) is None
