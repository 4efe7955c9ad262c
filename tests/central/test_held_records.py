"""GET /v1/workstations/{id}/records: a workstation's own records back, signed, on both
engines, for a lane restored from an older backup."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from inspection_central.storage import CentralStorage
from inspection_client.sync import wire
from inspection_client.sync.keys import public_key_from_text
from inspection_client.sync.wire import SignedRecordPage
from tests.central.lane import Lane, reject_as_too_new


def page(client: TestClient, lane: Lane, query: str) -> SignedRecordPage:
    path = f"/v1/workstations/{lane.workstation_id}/records?{query}"
    answer = client.get(path, headers=lane.headers(path))
    assert answer.status_code == 200, answer.text
    signed = SignedRecordPage.model_validate_json(answer.content)
    key = public_key_from_text(client.get("/v1/hello").json()["central_key"])
    assert wire.verify(signed.page, signed.signature, key)
    return signed


def test_records_come_back_as_sent_with_their_chain_hashes_and_rejections(
    client: TestClient, lane: Lane, monkeypatch: pytest.MonkeyPatch
) -> None:
    lane.save(5)
    reject_as_too_new(monkeypatch, lane.rows(3, 3)[0][1])
    assert client.post("/v1/batches", content=lane.batch(1, 5).model_dump_json()).is_success

    signed = page(client, lane, "after=0")
    assert (signed.page.workstation_id, signed.page.after) == (lane.workstation_id, 0)
    assert signed.page.high_water_seq == 5
    rows = lane.rows(1, 5)
    assert [(r.seq, r.id, r.content) for r in signed.page.records] == [
        (seq, record_id, content) for seq, record_id, content, _, _ in rows
    ]
    assert [r.chain_hash for r in signed.page.records] == [
        None if seq == 3 else digest.hex() for seq, _, _, _, digest in rows
    ]
    assert [r.rejected for r in signed.page.records] == [
        None,
        None,
        "record schema not known here",
        None,
        None,
    ]

    assert [r.seq for r in page(client, lane, "after=2").page.records] == [3, 4, 5]
    assert [r.seq for r in page(client, lane, "after=1&limit=2").page.records] == [2, 3]
    assert page(client, lane, "after=5").page.records == ()


def test_only_a_contiguous_run_comes_back(client: TestClient, lane: Lane) -> None:
    lane.save(7)
    assert client.post("/v1/batches", content=lane.batch(1, 3).model_dump_json()).is_success
    assert client.post("/v1/batches", content=lane.batch(6, 7).model_dump_json()).is_success
    assert [r.seq for r in page(client, lane, "after=0").page.records] == [1, 2, 3]
    assert page(client, lane, "after=3").page.records == ()
    assert [r.seq for r in page(client, lane, "after=5").page.records] == [6, 7]


def test_a_workstation_gets_only_its_own_records_and_only_when_it_signs(
    client: TestClient, lane: Lane, storage: CentralStorage, tmp_path: Any
) -> None:
    lane.save(2)
    assert client.post("/v1/batches", content=lane.batch(1, 2).model_dump_json()).is_success
    other = Lane(storage, tmp_path / "other", lane="P02")
    try:
        path = f"/v1/workstations/{lane.workstation_id}/records?after=0"
        answer = client.get(path, headers=other.headers(path))
        assert (answer.status_code, answer.json()["error"]["code"]) == (403, "wrong_workstation")
    finally:
        other.close()
    assert client.get(path).status_code == 401
    for query in ("after=-1", "after=x", "after=0&limit=0", "after=0&limit=1001", ""):
        bad = f"/v1/workstations/{lane.workstation_id}/records?{query}".rstrip("?")
        answer = client.get(bad, headers=lane.headers(bad))
        assert (answer.status_code, answer.json()["error"]["code"]) == (400, "malformed"), query
