"""A slip voided at its lane after it was printed is refused at a gate that never held its
record: through real sync rounds against the central, in-process."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fastapi.testclient import TestClient

from inspection_central import enrolment as central_enrolment
from inspection_central.storage import CentralStorage
from inspection_client import paths
from inspection_client.domain.codes import Role
from inspection_client.domain.models import Officer, Void
from inspection_client.reports import gate, slip
from inspection_client.reports.sealed_qr import DocumentKind, Verdict, seal
from inspection_client.store import officers, records
from inspection_client.store.database import Store
from inspection_client.sync import keys
from inspection_client.sync.enrolment import enrol
from inspection_client.sync.service import SyncService
from tests import factories
from tests.sync.conftest import FAKE_URL, through


def enrolled(directory: Path, storage: CentralStorage, client: TestClient, lane: str) -> Store:
    store = Store.open(paths.database_file(directory))
    invitation = central_enrolment.invite(storage, "KHG", lane, "vehicle")
    enrol(store, FAKE_URL, invitation.code, transport=through(client))
    return store


def sync(directory: Path, client: TestClient) -> None:
    service = SyncService(directory, FAKE_URL, transport=through(client))
    try:
        result = service.run_round()
    finally:
        service.close()
    assert (result.ok, result.pending, result.problems) == (True, 0, 0), result.error


def test_a_void_at_the_lane_reaches_the_gate_at_its_next_sync(
    tmp_path: Path, real_central: tuple[CentralStorage, TestClient]
) -> None:
    storage, client = real_central
    lane_dir, gate_dir = tmp_path / "lane", tmp_path / "gate"
    lane = enrolled(lane_dir, storage, client, "L01")
    officers.add_officer(lane, Officer(code="SUP01", name="Sup", role=Role.SUPERVISOR), None)
    truck = records.save(lane, factories.truck(), officer="OFF01")
    text = slip.issue_slip(
        lane, str(truck.id), keys.load_private_key(paths.workstation_key_file(lane_dir))
    ).text
    sync(lane_dir, client)
    gate_store = enrolled(gate_dir, storage, client, "X01")
    try:
        sync(gate_dir, client)
        look = gate.verify_text(gate_store, text, mark_used=False)
        assert look.verdict is Verdict.VALID
        assert look.note.startswith("Checked against the central's list of withdrawn slips")
        assert "(0 min old)" in look.note

        records.save(
            lane,
            Void(target_id=truck.id, reason="wrong vehicle", approved_by="SUP01"),
            officer="OFF01",
        )
        sync(lane_dir, client)
        # Offline, the gate has only the list of its last round: the slip still looks valid,
        # and the gate says how old what it checked is.
        later = datetime.now(UTC) + timedelta(hours=5)
        offline = gate.verify_text(gate_store, text, now=later, mark_used=False)
        assert offline.verdict is Verdict.VALID and "(5 h old)" in offline.note

        sync(gate_dir, client)
        refused = gate.verify_text(gate_store, text)
        assert refused.verdict is Verdict.NOT_CLEARED
        assert refused.reason.startswith("its record was voided at KHG on ")
        assert "(0 min old)" in refused.note
        assert refused.to_json()["withdrawal_list"]["entries"] == 1
        # Still refused hours later without a link, and never counted as a use.
        assert gate.verify_text(gate_store, text, now=later).verdict is Verdict.NOT_CLEARED
        assert refused.key_id is not None
        assert gate.first_use(gate_store, refused.key_id, str(truck.id)) is None
    finally:
        gate_store.close()
        lane.close()


def test_a_slip_signed_at_another_port_does_not_pass_though_it_names_this_one(
    tmp_path: Path, real_central: tuple[CentralStorage, TestClient]
) -> None:
    # The key of a lane at ALA is a genuine workstation key, and signs whatever it is given:
    # a slip naming KHG is not one a KHG gate lets through, since only KHG's lanes clear
    # vehicles through KHG's gate.
    storage, client = real_central
    khg_dir, ala_dir, gate_dir = tmp_path / "khg", tmp_path / "ala", tmp_path / "gate"
    khg = enrolled(khg_dir, storage, client, "L01")
    ala = Store.open(paths.database_file(ala_dir))
    invitation = central_enrolment.invite(storage, "ALA", "L01", "vehicle")
    enrol(ala, FAKE_URL, invitation.code, transport=through(client))
    truck = records.save(khg, factories.truck(), officer="OFF01")
    genuine = slip.issue_slip(
        khg, str(truck.id), keys.load_private_key(paths.workstation_key_file(khg_dir))
    )
    ala_key = keys.load_private_key(paths.workstation_key_file(ala_dir))
    forged = seal(DocumentKind.SLIP, dict(genuine.claims, id=str(uuid.uuid4())), ala_key)
    gate_store = enrolled(gate_dir, storage, client, "X01")
    try:
        sync(gate_dir, client)
        refused = gate.verify_text(gate_store, forged)
        assert refused.verdict is Verdict.WRONG_PORT
        assert refused.reason == (
            f"signed by workstation {invitation.workstation_id} of port ALA, which issues no "
            "slips for this port"
        )
        assert gate.verify_text(gate_store, genuine.text).verdict is Verdict.VALID
    finally:
        for store in (khg, ala, gate_store):
            store.close()
