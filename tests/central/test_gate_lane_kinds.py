"""A release slip signed at a passenger lane does not pass a gate: the workstation keys
snapshot says each key's lane kind, through real sync rounds against the central on both
engines; a snapshot without kinds (a central before them) keeps working."""

from __future__ import annotations

import gzip
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from inspection_central import enrolment as central_enrolment
from inspection_central import reference
from inspection_central.api import create_app
from inspection_central.storage import CentralStorage
from inspection_client import paths
from inspection_client.reports import gate, slip
from inspection_client.reports.sealed_qr import DocumentKind, Verdict, seal
from inspection_client.store import records
from inspection_client.store.database import Store
from inspection_client.sync import keys
from inspection_client.sync.enrolment import enrol
from inspection_client.sync.reference import apply
from inspection_client.sync.service import SyncService
from inspection_client.sync.wire import ReferenceKind, SignedSnapshot
from tests import factories
from tests.sync.conftest import FAKE_URL, through


@pytest.fixture
def central(storage: CentralStorage) -> Iterator[TestClient]:
    with TestClient(create_app(storage), base_url=FAKE_URL) as client:
        yield client


def _enrolled(
    directory: Path, storage: CentralStorage, client: TestClient, lane: str, kind: str
) -> tuple[Store, str]:
    store = Store.open(paths.database_file(directory))
    invitation = central_enrolment.invite(storage, "KHG", lane, kind)
    enrol(store, FAKE_URL, invitation.code, transport=through(client))
    return store, invitation.workstation_id


def _sync(directory: Path, client: TestClient) -> None:
    service = SyncService(directory, FAKE_URL, transport=through(client))
    try:
        result = service.run_round()
    finally:
        service.close()
    assert (result.ok, result.pending, result.problems) == (True, 0, 0), result.error


def _forged_by(directory: Path, genuine: slip.ReleaseSlip) -> str:
    """A slip with a genuine slip's claims, signed with the key of the lane in `directory`."""
    key = keys.load_private_key(paths.workstation_key_file(directory))
    return seal(DocumentKind.SLIP, dict(genuine.claims, id=str(uuid.uuid4())), key)


def test_the_keys_snapshot_says_each_key_s_lane_kind(
    storage: CentralStorage, central: TestClient, tmp_path: Path
) -> None:
    passenger, _ = _enrolled(tmp_path / "p", storage, central, "P01", "passenger")
    green, _ = _enrolled(tmp_path / "g", storage, central, "G01", "green_channel")
    passenger.close()
    green.close()
    stored = storage.latest_snapshot(ReferenceKind.WORKSTATION_KEYS)
    assert stored is not None
    payload = SignedSnapshot.model_validate_json(gzip.decompress(stored[1])).snapshot.payload
    assert sorted((k["lane_id"], k["lane_kind"]) for k in payload["keys"]) == [
        ("G01", "green_channel"),
        ("P01", "passenger"),
    ]


def test_a_slip_signed_at_a_passenger_lane_does_not_pass(
    storage: CentralStorage, central: TestClient, tmp_path: Path
) -> None:
    vehicle, _ = _enrolled(tmp_path / "v", storage, central, "V01", "vehicle")
    passenger, passenger_id = _enrolled(tmp_path / "p", storage, central, "P01", "passenger")
    freight, _ = _enrolled(tmp_path / "f", storage, central, "F01", "freight")
    green, _ = _enrolled(tmp_path / "g", storage, central, "G01", "green_channel")
    gate_store, _ = _enrolled(tmp_path / "gate", storage, central, "X01", "vehicle")
    try:
        truck = records.save(vehicle, factories.truck(), officer="OFF01")
        genuine = slip.issue_slip(
            vehicle,
            str(truck.id),
            keys.load_private_key(paths.workstation_key_file(tmp_path / "v")),
        )
        _sync(tmp_path / "gate", central)
        refused = gate.verify_text(gate_store, _forged_by(tmp_path / "p", genuine))
        assert refused.verdict is Verdict.NOT_CLEARED
        assert refused.reason == (
            f"signed by workstation {passenger_id} of a passenger lane, which issues no slips"
        )
        assert refused.key_id is not None
        assert gate.first_use(gate_store, refused.key_id, str(refused.claims["id"])) is None
        for lane in ("f", "g"):
            passing = gate.verify_text(gate_store, _forged_by(tmp_path / lane, genuine))
            assert passing.verdict is Verdict.VALID, lane
        assert gate.verify_text(gate_store, genuine.text).verdict is Verdict.VALID
    finally:
        for store in (vehicle, passenger, freight, green, gate_store):
            store.close()


def test_a_keys_snapshot_without_lane_kinds_still_applies(
    storage: CentralStorage, central: TestClient, tmp_path: Path
) -> None:
    vehicle, _ = _enrolled(tmp_path / "v", storage, central, "V01", "vehicle")
    passenger, _ = _enrolled(tmp_path / "p", storage, central, "P01", "passenger")
    gate_store, _ = _enrolled(tmp_path / "gate", storage, central, "X01", "vehicle")
    try:
        payload = reference.workstation_keys_payload(storage)
        for entry in payload["keys"]:
            del entry["lane_kind"]
        old = reference.publish(storage, ReferenceKind.WORKSTATION_KEYS, payload)
        apply(gate_store, old, storage.signing_key().public_key())
        kinds = gate_store.conn.execute("SELECT lane_kind FROM sync_workstation_keys").fetchall()
        assert kinds and all(kind == (None,) for kind in kinds)
        truck = records.save(vehicle, factories.truck(), officer="OFF01")
        genuine = slip.issue_slip(
            vehicle,
            str(truck.id),
            keys.load_private_key(paths.workstation_key_file(tmp_path / "v")),
        )
        # Not known to be a passenger lane's: as before lane kinds were sent.
        forged = _forged_by(tmp_path / "p", genuine)
        assert gate.verify_text(gate_store, forged, mark_used=False).verdict is Verdict.VALID
    finally:
        for store in (vehicle, passenger, gate_store):
            store.close()
