"""Enrolment codes, the rate limit, signed GET requests and reference snapshots."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime, timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from fastapi.testclient import TestClient

from inspection_central import enrolment, reference
from inspection_central.api import create_app
from inspection_central.storage import CentralStorage, LaneEntry, OfficerEntry
from inspection_client.sync import wire
from inspection_client.sync.keys import public_key_from_text, public_key_text
from inspection_client.sync.wire import ReferenceKind, SignedEnrolmentGrant, SignedSnapshot
from tests.central.lane import Lane


def enrol_body(code: str, workstation_id: str | None = None) -> dict[str, object]:
    key = Ed25519PrivateKey.generate()
    body: dict[str, object] = {
        "protocol": wire.PROTOCOL_VERSION,
        "code": code,
        "public_key": public_key_text(key.public_key()),
        "app_version": "test",
    }
    if workstation_id is not None:
        body["workstation_id"] = workstation_id
    return body


def test_a_code_works_once(client: TestClient, storage: CentralStorage) -> None:
    invitation = enrolment.invite(storage, "khg", "p01", None)
    not_a_key = {**enrol_body(invitation.code), "public_key": "A" * 44}
    answer = client.post("/v1/enrol", json=not_a_key)
    assert (answer.status_code, answer.json()["error"]["code"]) == (400, "malformed")
    assert "not an Ed25519 key" in answer.json()["error"]["message"]
    answer = client.post("/v1/enrol", json=enrol_body(invitation.code.lower()))
    assert answer.status_code == 200
    grant = SignedEnrolmentGrant.model_validate(answer.json())
    hello = client.get("/v1/hello").json()
    assert grant.grant.central_key == hello["central_key"]
    assert wire.verify(grant.grant, grant.signature, public_key_from_text(hello["central_key"]))
    assert (grant.grant.port_code, grant.grant.lane_id) == ("KHG", "P01")
    again = client.post("/v1/enrol", json=enrol_body(invitation.code))
    assert (again.status_code, again.json()["error"]["code"]) == (403, "invalid_code")
    unknown = client.post("/v1/enrol", json=enrol_body("ABCD-EFGH-JKLM"))
    assert unknown.json()["error"]["code"] == "invalid_code"
    keys = reference.latest(storage, ReferenceKind.WORKSTATION_KEYS)
    assert keys is not None
    assert [k["workstation_id"] for k in keys.snapshot.payload["keys"]] == [
        grant.grant.workstation_id
    ]


def test_a_workstation_keeps_its_own_id_once(client: TestClient, storage: CentralStorage) -> None:
    first = enrolment.invite(storage, "KHG", "L01", "vehicle")
    answer = client.post("/v1/enrol", json=enrol_body(first.code, "DEMO-KHG-L01"))
    assert answer.status_code == 200
    grant = SignedEnrolmentGrant.model_validate(answer.json()).grant
    assert (grant.workstation_id, grant.port_code, grant.lane_id) == ("DEMO-KHG-L01", "KHG", "L01")
    # The code's own entry became the device's: no second, never-enrolled entry is left.
    [registered] = storage.workstations()
    assert (registered.workstation_id, registered.state) == ("DEMO-KHG-L01", "enrolled")
    keys = reference.latest(storage, ReferenceKind.WORKSTATION_KEYS)
    assert keys is not None
    assert [k["workstation_id"] for k in keys.snapshot.payload["keys"]] == ["DEMO-KHG-L01"]

    second = enrolment.invite(storage, "KHG", "L02", "vehicle")
    taken = client.post("/v1/enrol", json=enrol_body(second.code, "DEMO-KHG-L01"))
    assert (taken.status_code, taken.json()["error"]["code"]) == (409, "workstation_id_taken")
    assert "DEMO-KHG-L01" in taken.json()["error"]["message"]
    # The refused code was not spent: it still enrols a device under its own id.
    again = client.post("/v1/enrol", json=enrol_body(second.code))
    assert again.status_code == 200
    assert again.json()["grant"]["workstation_id"] == second.workstation_id
    used = client.post("/v1/enrol", json=enrol_body(first.code, "OTHER-ID"))
    assert (used.status_code, used.json()["error"]["code"]) == (403, "invalid_code")
    assert storage.workstation("OTHER-ID") is None


def test_a_code_for_another_lane_is_refused_without_being_used(
    client: TestClient, storage: CentralStorage
) -> None:
    """The workstation names the lane it serves; a code for another lane changes nothing."""
    invitation = enrolment.invite(storage, "KHG", "V01", "vehicle")
    asked = {**enrol_body(invitation.code, "DEMO-KHG-L01"), "port_code": "KHG", "lane_id": "L01"}
    refused = client.post("/v1/enrol", json=asked)
    assert (refused.status_code, refused.json()["error"]["code"]) == (409, "wrong_lane")
    assert "port KHG lane V01, not for port KHG lane L01" in refused.json()["error"]["message"]
    [entry] = storage.workstations()
    assert (entry.workstation_id, entry.state) == (invitation.workstation_id, "awaiting enrolment")
    right = {**enrol_body(invitation.code, "DEMO-KHG-V01"), "port_code": "KHG", "lane_id": "V01"}
    answer = client.post("/v1/enrol", json=right)
    assert answer.status_code == 200
    assert SignedEnrolmentGrant.model_validate(answer.json()).grant.workstation_id == (
        "DEMO-KHG-V01"
    )


def test_an_invalid_code_with_an_id_registers_nothing(
    client: TestClient, storage: CentralStorage
) -> None:
    answer = client.post("/v1/enrol", json=enrol_body("ABCD-EFGH-JKLM", "DEMO-KHG-L01"))
    assert (answer.status_code, answer.json()["error"]["code"]) == (403, "invalid_code")
    assert storage.workstations() == []


def test_a_revoked_id_that_never_delivered_can_be_enrolled_again(
    client: TestClient, storage: CentralStorage, lane: Lane
) -> None:
    """A device enrolled with a code for the wrong lane, then revoked by IT, can try again."""
    wrong = enrolment.invite(storage, "KHG", "L07", "vehicle")
    assert client.post("/v1/enrol", json=enrol_body(wrong.code, "DEMO-KHG-L01")).status_code == 200
    storage.revoke("DEMO-KHG-L01", datetime.now(UTC))
    right = enrolment.invite(storage, "KHG", "L01", "vehicle")
    answer = client.post("/v1/enrol", json=enrol_body(right.code, "DEMO-KHG-L01"))
    assert answer.status_code == 200
    entry = storage.workstation("DEMO-KHG-L01")
    assert entry is not None
    assert (entry.lane_id, entry.state) == ("L01", "enrolled")
    # A revoked workstation that delivered records keeps its id for good.
    lane.save(1)
    delivered = client.post("/v1/batches", content=lane.batch(1, 1).canonical())
    assert delivered.status_code == 200
    storage.revoke(lane.workstation_id, datetime.now(UTC))
    late = enrolment.invite(storage, "KHG", "L03", "vehicle")
    refused = client.post("/v1/enrol", json=enrol_body(late.code, lane.workstation_id))
    assert (refused.status_code, refused.json()["error"]["code"]) == (409, "workstation_id_taken")


def test_an_expired_code_is_refused(client: TestClient, storage: CentralStorage) -> None:
    storage.add_workstation(
        "KHG-P09-OLD",
        "KHG",
        "P09",
        "passenger",
        enrolment.code_hash("OLDC-ODEX-XXXX"),
        datetime.now(UTC) - timedelta(seconds=1),
    )
    answer = client.post("/v1/enrol", json=enrol_body("OLDC-ODEX-XXXX"))
    assert (answer.status_code, answer.json()["error"]["code"]) == (403, "invalid_code")


def test_enrolment_attempts_are_rate_limited(storage: CentralStorage) -> None:
    with TestClient(create_app(storage)) as client:
        codes = [
            client.post("/v1/enrol", json=enrol_body(f"WRONG{i:03d}")).status_code
            for i in range(11)
        ]
    assert codes == [403] * 10 + [429]


def test_signed_requests(client: TestClient, lane: Lane, storage: CentralStorage) -> None:
    path = "/v1/reference/roster?since=0"
    assert client.get(path).json()["error"]["code"] == "bad_signature"
    forged = lane.headers(path) | {"X-Signature": wire.b64url(b"\0" * 64)}
    assert client.get(path, headers=forged).status_code == 401
    stale = lane.headers(path) | {"X-Timestamp": "1000"}
    assert client.get(path, headers=stale).status_code == 401
    status = f"/v1/workstations/{lane.workstation_id}/status"
    other = client.get(
        "/v1/workstations/SOMEONE-ELSE/status",
        headers=lane.headers("/v1/workstations/SOMEONE-ELSE/status"),
    )
    assert other.json()["error"]["code"] == "wrong_workstation"
    # A round with nothing to send still shows the lane as seen: its status request counts.
    assert storage.workstation(lane.workstation_id).last_seen is None  # type: ignore[union-attr]
    before = datetime.now(UTC)
    assert client.get(status, headers=lane.headers(status)).status_code == 200
    seen = storage.workstation(lane.workstation_id).last_seen  # type: ignore[union-attr]
    assert seen is not None and seen >= before.replace(microsecond=0)
    storage.revoke(lane.workstation_id, datetime.now(UTC))
    assert client.get(status, headers=lane.headers(status)).json()["error"]["code"] == "revoked"


@pytest.mark.parametrize("timestamp", ["9" * 400, "-1e5", "1.5e9", " 17"])
def test_a_timestamp_no_clock_reads_is_a_bad_signature(
    client: TestClient, lane: Lane, timestamp: str
) -> None:
    # A number of hundreds of digits once overflowed the comparison with the clock: a 500
    # with a traceback in the central's log, which a lane takes for a passing fault.
    path = f"/v1/workstations/{lane.workstation_id}/status"
    headers = lane.headers(path) | {"X-Timestamp": timestamp}
    answer = client.get(path, headers=headers)
    assert answer.status_code == 401
    assert answer.json()["error"]["code"] == "bad_signature"


def test_reference_snapshots_are_versioned_signed_and_since(
    client: TestClient, lane: Lane, storage: CentralStorage
) -> None:
    path = "/v1/reference/roster?since=0"
    assert client.get(path, headers=lane.headers(path)).status_code == 204
    storage.add_officer(OfficerEntry("OFF001", "Li Wei", "officer", "KHG"))
    first = reference.republish(storage, ReferenceKind.ROSTER)
    storage.add_officer(OfficerEntry("SUP001", "Amina Yusuf", "supervisor", None))
    second = reference.republish(storage, ReferenceKind.ROSTER)
    assert (first.snapshot.version, second.snapshot.version) == (1, 2)
    answer = client.get(path, headers=lane.headers(path))
    assert answer.status_code == 200
    snapshot = SignedSnapshot.model_validate(answer.json())
    key = public_key_from_text(client.get("/v1/hello").json()["central_key"])
    assert wire.verify(snapshot.snapshot, snapshot.signature, key)
    assert snapshot.snapshot.version == 2
    assert [o["code"] for o in snapshot.snapshot.payload["officers"]] == ["OFF001", "SUP001"]
    assert snapshot.snapshot.expires_at - snapshot.snapshot.issued_at == timedelta(days=30)
    newer = "/v1/reference/roster?since=2"
    assert client.get(newer, headers=lane.headers(newer)).status_code == 204
    older = "/v1/reference/roster?since=1"
    assert client.get(older, headers=lane.headers(older)).json()["snapshot"]["version"] == 2
    bad_kind = "/v1/reference/passwords?since=0"
    assert client.get(bad_kind, headers=lane.headers(bad_kind)).status_code == 400


def test_large_payloads_are_stored_compressed(storage: CentralStorage) -> None:
    entries = [{"id": f"E{i}", "number": f"X{i:08d}", "state": "UTO"} for i in range(50_000)]
    published = reference.publish(storage, ReferenceKind.WATCHLIST, {"entries": entries})
    stored = storage.latest_snapshot(ReferenceKind.WATCHLIST)
    assert stored is not None
    assert len(stored[1]) < len(gzip.decompress(stored[1])) / 4
    assert reference.latest(storage, ReferenceKind.WATCHLIST) == published
    storage.add_lane(LaneEntry("KHG", "V01", "vehicle"))
    lanes = reference.republish(storage, ReferenceKind.LANES)
    assert lanes.snapshot.payload == {
        "lanes": [{"port_code": "KHG", "lane_id": "V01", "kind": "vehicle"}]
    }


def test_a_bug_answers_500_and_its_message_stays_out_of_the_log(
    storage: CentralStorage,
    lane: Lane,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    # A PostgreSQL error quotes the row it failed on: were it logged whole, a traveller's name
    # would be in the central's log.
    row = ("ERIKSSON", "ANNA MARIA", "L898902C3")

    def failing(workstation_id: str) -> None:
        raise RuntimeError(f"Failing row contains {row}")

    monkeypatch.setattr(storage, "workstation", failing)
    path = f"/v1/workstations/{lane.workstation_id}/status"
    with TestClient(create_app(storage)) as client:
        answer = client.get(path, headers=lane.headers(path))
    assert answer.status_code == 500
    assert answer.json() == {
        "error": {"code": "internal", "message": "Internal error of the central; try again later."}
    }
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert f"GET {path}" in logged and "builtins.RuntimeError" in logged
    assert "in failing" in logged  # where it was raised
    assert "ERIKSSON" not in logged and "L898902C3" not in logged
