"""Enrolling a data directory that already holds records (the demo's, or one set up offline):
it keeps its workstation id, and its records reach the central."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from inspection_central import enrolment as central_enrolment
from inspection_central.storage import CentralStorage
from inspection_client.seeding import DEMO_WORKSTATION, seed
from inspection_client.store import sync_state
from inspection_client.store.database import Store
from inspection_client.sync.enrolment import EnrolmentRefused, enrol
from inspection_client.sync.service import SyncService
from tests.sync.conftest import FAKE_URL, save_clearances, through
from tests.sync.fake_central import FakeCentral

SEEDED = 40


@pytest.fixture
def seeded(data_dir: Path) -> Iterator[Store]:
    store = Store.open(data_dir / "lane.db")
    try:
        seed(store, clearances=SEEDED, days=2, workers=0)
        yield store
    finally:
        store.close()


def record_count(store: Store) -> int:
    count: int = store.conn.execute("SELECT count(*) FROM records").fetchone()[0]
    return count


def test_demo_with_records_enrols_under_its_own_id_and_every_record_syncs(
    seeded: Store, data_dir: Path, real_central: tuple[CentralStorage, TestClient]
) -> None:
    storage, client = real_central
    invitation = central_enrolment.invite(storage, "KHG", "L01", "vehicle")
    enrolled = enrol(seeded, FAKE_URL, invitation.code, transport=through(client))
    assert enrolled.workstation == DEMO_WORKSTATION
    assert seeded.require_workstation() == DEMO_WORKSTATION  # still the demo, unchanged
    assert sync_state.get(seeded, sync_state.WORKSTATION_ID) == "DEMO-KHG-L01"
    ids = [w.workstation_id for w in storage.workstations()]
    assert ids == ["DEMO-KHG-L01"]  # the code's own entry was renamed, not duplicated
    save_clearances(seeded, 3)  # recorded after enrolment
    held = record_count(seeded)
    assert held > SEEDED
    result = SyncService(data_dir, FAKE_URL, transport=through(client)).run_round()
    assert (result.ok, result.pending, result.problems) == (True, 0, 0)
    central_view = storage.workstation("DEMO-KHG-L01")
    assert central_view is not None
    assert (central_view.records, central_view.high_water_seq) == (held, held)
    assert (central_view.port_code, central_view.lane_id) == ("KHG", "L01")


def test_demo_records_reach_the_fake_central_under_the_demo_id(
    seeded: Store, data_dir: Path, central: FakeCentral
) -> None:
    enrol(seeded, FAKE_URL, central.add_code("CODE-5", lane="L01"), transport=central.transport())
    assert list(central.workstations) == ["DEMO-KHG-L01"]
    result = SyncService(data_dir, FAKE_URL, transport=central.transport()).run_round()
    assert result.ok and result.pending == 0
    assert len(central.ids_of("DEMO-KHG-L01")) == record_count(seeded)


def test_code_for_another_lane_is_refused_naming_both_and_nothing_changes(
    seeded: Store, data_dir: Path, central: FakeCentral
) -> None:
    code = central.add_code("CODE-6", lane="L07")
    with pytest.raises(EnrolmentRefused) as refused:
        enrol(seeded, FAKE_URL, code, transport=central.transport())
    message = str(refused.value)
    assert "port KHG lane L07" in message and "port KHG lane L01" in message
    assert "nothing changed at the central" in message
    assert "--port-code KHG --lane L01" in message
    assert "CODE-6" in central.codes and not central.workstations  # the code is still good
    assert seeded.require_workstation() == DEMO_WORKSTATION
    assert sync_state.get(seeded, sync_state.CENTRAL_KEY) is None
    assert sync_state.get(seeded, sync_state.WORKSTATION_ID) is None


def test_a_code_for_another_lane_leaves_the_real_central_unchanged_and_usable(
    seeded: Store, data_dir: Path, tmp_path: Path, real_central: tuple[CentralStorage, TestClient]
) -> None:
    storage, client = real_central
    other = central_enrolment.invite(storage, "KHG", "V01", "vehicle")
    with pytest.raises(EnrolmentRefused, match=r"port KHG lane V01, not for port KHG lane L01"):
        enrol(seeded, FAKE_URL, other.code, transport=through(client))
    entries = storage.workstations()
    assert [(w.workstation_id, w.enrolled_at) for w in entries] == [(other.workstation_id, None)]
    assert sync_state.get(seeded, sync_state.CENTRAL_KEY) is None
    # The code IT gives next, for the workstation's own lane, enrols it under its own id...
    own = central_enrolment.invite(storage, "KHG", "L01", "vehicle")
    assert enrol(seeded, FAKE_URL, own.code, transport=through(client)).workstation == (
        DEMO_WORKSTATION
    )
    # ...and the first code still enrols a fresh workstation of its own lane.
    fresh = Store.open(tmp_path / "fresh" / "lane.db")
    try:
        enrolled = enrol(fresh, FAKE_URL, other.code, transport=through(client))
    finally:
        fresh.close()
    assert enrolled.workstation.workstation_id == other.workstation_id
    assert {w.workstation_id for w in storage.workstations() if w.enrolled_at} == {
        "DEMO-KHG-L01",
        other.workstation_id,
    }


def test_a_central_that_does_not_know_the_lane_field_is_asked_again_without_it(
    seeded: Store, central: FakeCentral
) -> None:
    """A central older than the lane in the request refuses it as malformed, code unused;
    the lane then checks the grant itself, as it did before."""
    asked: list[bytes] = []

    def older_central(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v1/enrol":
            asked.append(request.content)
            if b'"port_code"' in request.content:
                return central._error(400, "malformed", "extra inputs are not permitted")
        return central.handle(request)

    transport = httpx.MockTransport(older_central)
    with pytest.raises(EnrolmentRefused) as refused:
        enrol(seeded, FAKE_URL, central.add_code("CODE-9", lane="L07"), transport=transport)
    assert len(asked) == 2 and b'"port_code"' not in asked[1]
    assert "revoke workstation DEMO-KHG-L01" in str(refused.value)
    assert sync_state.get(seeded, sync_state.CENTRAL_KEY) is None


def test_an_id_the_central_already_has_is_refused_and_the_code_kept(
    seeded: Store, central: FakeCentral
) -> None:
    central.workstations["DEMO-KHG-L01"] = {"key": "someone else's", "revoked": False}
    with pytest.raises(
        EnrolmentRefused, match=r"already has a workstation DEMO-KHG-L01"
    ) as refused:
        enrol(
            seeded, FAKE_URL, central.add_code("CODE-7", lane="L01"), transport=central.transport()
        )
    assert "workstation revoke DEMO-KHG-L01" in str(refused.value)
    assert "refused the request" not in str(refused.value)  # said once, not twice
    assert "CODE-7" in central.codes
    assert sync_state.get(seeded, sync_state.CENTRAL_KEY) is None


def test_a_grant_for_another_id_is_refused(seeded: Store, central: FakeCentral) -> None:
    """A central that ignores the requested id (one older than the field) is not trusted."""

    def ignore_the_id(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v1/enrol":
            body = request.content.replace(b',"workstation_id":"DEMO-KHG-L01"', b"")
            request = httpx.Request("POST", request.url, content=body, headers=request.headers)
        return central.handle(request)

    transport = httpx.MockTransport(ignore_the_id)
    with pytest.raises(EnrolmentRefused, match=r"as KHG-L07, not as DEMO-KHG-L01"):
        enrol(seeded, FAKE_URL, central.add_code("CODE-8", lane="L01"), transport=transport)
    assert seeded.require_workstation() == DEMO_WORKSTATION
    assert sync_state.get(seeded, sync_state.CENTRAL_KEY) is None


def test_a_lane_kind_that_differs_at_the_central_is_kept_here_and_reported(
    seeded: Store, central: FakeCentral
) -> None:
    code = central.add_code("CODE-6", lane="L01", kind="passenger")
    enrolled = enrol(seeded, FAKE_URL, code, transport=central.transport())
    assert enrolled.workstation.lane_kind.value == "vehicle"  # the demo's own, kept
    assert enrolled.granted_lane_kind == "passenger"  # what `enrol` warns about
