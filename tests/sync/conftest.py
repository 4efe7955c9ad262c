"""Fixtures of the sync tests: an in-process fake central and a workstation enrolled with it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from inspection_client.domain.models import Record
from inspection_client.store import records
from inspection_client.store.database import Store
from inspection_client.sync.enrolment import enrol
from tests import factories
from tests.sync.fake_central import FakeCentral

FAKE_URL = "http://central.test"


@pytest.fixture
def central() -> FakeCentral:
    return FakeCentral()


@pytest.fixture
def enrolled(data_dir: Path, central: FakeCentral) -> Iterator[Store]:
    """A fresh data directory enrolled with the fake central as KHG-L07."""
    store = Store.open(data_dir / "lane.db")
    try:
        enrol(store, FAKE_URL, central.add_code("CODE-1234"), transport=central.transport())
        yield store
    finally:
        store.close()


def save_clearances(store: Store, count: int) -> list[Record]:
    drafts = [records.Draft(factories.passenger(), "OFF01") for _ in range(count)]
    return records.save_many(store, drafts)
