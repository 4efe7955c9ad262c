"""Fixtures of the sync tests: an in-process fake central, the real central in-process, and a
workstation enrolled with the fake one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from inspection_central.api import create_app
from inspection_central.storage import CentralStorage, open_storage
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


@pytest.fixture
def real_central(tmp_path: Path) -> Iterator[tuple[CentralStorage, TestClient]]:
    storage = open_storage(str(tmp_path / "central.db"), key_path=tmp_path / "central.key")
    try:
        with TestClient(create_app(storage), base_url=FAKE_URL) as client:
            yield storage, client
    finally:
        storage.close()


def through(client: TestClient) -> httpx.MockTransport:
    """An httpx transport for the workstation that hands each request to the in-process app."""

    def handle(request: httpx.Request) -> httpx.Response:
        answer = client.request(
            request.method,
            request.url.raw_path.decode(),
            content=request.content,
            headers=dict(request.headers),
        )
        # The body is already decoded: its encoding and length headers no longer apply.
        headers = {
            name: value
            for name, value in answer.headers.items()
            if name.lower() not in ("content-encoding", "content-length")
        }
        return httpx.Response(answer.status_code, headers=headers, content=answer.content)

    return httpx.MockTransport(handle)
