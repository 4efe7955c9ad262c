"""What IT does with workstation entries after `workstation add`: a new code for one that
never enrolled, cancelling one that is not wanted, the lane's kind, and lifting a revocation."""

from __future__ import annotations

import gzip
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from inspection_central import enrolment
from inspection_central.cli import main
from inspection_central.storage import CentralStorage, LaneEntry
from inspection_client.sync.wire import ReferenceKind, SignedSnapshot
from tests.central.lane import Lane
from tests.central.test_enrolment_and_reference import enrol_body


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def listed(capsys: pytest.CaptureFixture[str], database: str) -> dict[str, dict[str, object]]:
    status, out, _ = run(capsys, "workstation", "list", "--json", "--database", database)
    assert status == 0
    return {entry["workstation_id"]: entry for entry in json.loads(out)}


def test_a_code_that_ran_out_is_listed_as_expired(
    storage: CentralStorage, database: str, capsys
) -> None:
    fresh = enrolment.invite(storage, "KHG", "P01", None)
    storage.add_workstation(
        "KHG-P09-OLD",
        "KHG",
        "P09",
        "passenger",
        enrolment.code_hash("OLDC-ODEX-XXXX"),
        datetime.now(UTC) - timedelta(seconds=1),
    )
    entries = listed(capsys, database)
    assert entries[fresh.workstation_id]["state"] == "awaiting enrolment"
    assert entries["KHG-P09-OLD"]["state"] == "code expired"
    figures = {w["workstation_id"]: w["state"] for w in storage.stats()["workstations"]}
    assert figures == {fresh.workstation_id: "awaiting enrolment", "KHG-P09-OLD": "code expired"}
    assert entries["KHG-P09-OLD"]["code_expires_at"] is not None
    status, out, _ = run(capsys, "workstation", "list", "--database", database)
    assert status == 0
    line = next(line for line in out.splitlines() if line.startswith("KHG-P09-OLD"))
    assert "code expired" in line and "code ran out" in line


def test_adding_a_lane_s_entry_again_names_the_ones_still_waiting(
    storage: CentralStorage, database: str, capsys
) -> None:
    first = enrolment.invite(storage, "KHG", "P01", None)
    status, _, err = run(
        capsys, "workstation", "add", "--port-code", "khg", "--lane", "p01", "--database", database
    )
    assert status == 0
    assert f"other entries that never enrolled: {first.workstation_id}." in err
    assert "workstation reissue ID" in err and "workstation cancel ID" in err
    status, _, err = run(
        capsys, "workstation", "add", "--port-code", "KHG", "--lane", "P02", "--database", database
    )
    assert (status, err) == (0, "")


def test_a_reissued_code_replaces_the_old_one(
    client: TestClient, storage: CentralStorage, database: str, capsys
) -> None:
    storage.add_workstation(
        "KHG-P09-OLD",
        "KHG",
        "P09",
        "passenger",
        enrolment.code_hash("OLDC-ODEX-XXXX"),
        datetime.now(UTC) + timedelta(hours=1),
    )
    status, out, _ = run(
        capsys, "workstation", "reissue", "KHG-P09-OLD", "--json", "--database", database
    )
    assert status == 0
    reissued = json.loads(out)
    assert reissued["workstation_id"] == "KHG-P09-OLD"
    assert storage.workstation("KHG-P09-OLD").state == "awaiting enrolment"  # type: ignore[union-attr]
    old = client.post("/v1/enrol", json=enrol_body("OLDC-ODEX-XXXX"))
    assert (old.status_code, old.json()["error"]["code"]) == (403, "invalid_code")
    new = client.post("/v1/enrol", json=enrol_body(reissued["code"]))
    assert new.status_code == 200
    assert new.json()["grant"]["workstation_id"] == "KHG-P09-OLD"
    assert len(storage.workstations()) == 1
    # Enrolled: no further code is issued for it.
    status, _, err = run(capsys, "workstation", "reissue", "KHG-P09-OLD", "--database", database)
    assert status == 1
    assert "enrolled already" in err


def test_reissue_refuses_unknown_and_revoked_entries(
    storage: CentralStorage, database: str, capsys
) -> None:
    status, _, err = run(capsys, "workstation", "reissue", "NO-SUCH", "--database", database)
    assert (status, err.strip()) == (1, "inspection-central: There is no workstation NO-SUCH.")
    invitation = enrolment.invite(storage, "KHG", "P01", None)
    storage.revoke(invitation.workstation_id, datetime.now(UTC))
    status, _, err = run(
        capsys, "workstation", "reissue", invitation.workstation_id, "--database", database
    )
    assert status == 1
    assert f"workstation cancel {invitation.workstation_id}" in err


def test_an_entry_that_never_enrolled_can_be_cancelled(
    client: TestClient, storage: CentralStorage, lane: Lane, database: str, capsys
) -> None:
    unused = enrolment.invite(storage, "KHG", "P02", None)
    status, out, _ = run(
        capsys, "workstation", "cancel", unused.workstation_id, "--database", database
    )
    assert status == 0
    assert "deleted" in out
    assert storage.workstation(unused.workstation_id) is None
    answer = client.post("/v1/enrol", json=enrol_body(unused.code))
    assert (answer.status_code, answer.json()["error"]["code"]) == (403, "invalid_code")
    # An enrolled workstation is revoked, never deleted.
    status, _, err = run(
        capsys, "workstation", "cancel", lane.workstation_id, "--database", database
    )
    assert status == 1
    assert f"workstation revoke {lane.workstation_id}" in err
    assert storage.workstation(lane.workstation_id) is not None
    status, _, _ = run(capsys, "workstation", "cancel", "NO-SUCH", "--database", database)
    assert status == 1


def test_a_lane_s_kind_is_its_workstations_kind(
    client: TestClient, storage: CentralStorage, database: str, capsys
) -> None:
    """`lanes add` (as `inspection-client enrol` advises) changes the listed kind and the
    kind a later enrolment is granted."""
    invitation = enrolment.invite(storage, "KHG", "L01", None)
    other = enrolment.invite(storage, "KHG", "L02", None)
    status, _, _ = run(
        capsys, "lanes", "add", "KHG", "L01", "--kind", "vehicle", "--database", database
    )
    assert status == 0
    entries = listed(capsys, database)
    assert entries[invitation.workstation_id]["lane_kind"] == "vehicle"
    assert entries[other.workstation_id]["lane_kind"] == "passenger"
    granted = client.post("/v1/enrol", json=enrol_body(invitation.code))
    assert granted.json()["grant"]["lane_kind"] == "vehicle"
    storage.add_lane(LaneEntry("KHG", "L01", "freight"))
    assert storage.workstation(invitation.workstation_id).lane_kind == "freight"  # type: ignore[union-attr]


def test_a_second_entry_of_another_kind_for_a_lane_is_refused(
    storage: CentralStorage, database: str, capsys
) -> None:
    """A lane is one kind: an entry registered as another (a typo in --lane-kind) would
    print slips that its gates refuse, or refuse slips where a vehicle lane issues them."""
    first = enrolment.invite(storage, "KHG", "P01", None)
    add = ("workstation", "add", "--port-code", "KHG", "--lane", "P01", "--database", database)
    status, out, err = run(capsys, *add, "--lane-kind", "vehicle")
    assert (status, out) == (1, "")
    assert "Lane KHG/P01 is a passenger lane" in err
    assert f"as workstation {first.workstation_id} was registered" in err
    assert "lanes add KHG P01 --kind vehicle" in err
    assert list(listed(capsys, database)) == [first.workstation_id]
    # Without --lane-kind, the lane's kind; with the same one, accepted.
    status, out, _ = run(capsys, *add)
    assert status == 0 and "(passenger lane)" in out
    status, out, _ = run(capsys, *add, "--lane-kind", "passenger")
    assert status == 0 and "(passenger lane)" in out
    # Once the lane is changed as the message says, the new kind is the lane's.
    assert (
        run(capsys, "lanes", "add", "KHG", "P01", "--kind", "vehicle", "--database", database)[0]
        == 0
    )
    status, out, _ = run(capsys, *add, "--lane-kind", "vehicle")
    assert status == 0 and "(vehicle lane)" in out
    status, _, err = run(capsys, *add, "--lane-kind", "freight")
    assert status == 1 and "is a vehicle lane (as configured with `lanes add`)" in err


def _published_revocations(storage: CentralStorage) -> dict[str, bool]:
    stored = storage.latest_snapshot(ReferenceKind.WORKSTATION_KEYS)
    assert stored is not None
    snapshot = SignedSnapshot.model_validate_json(gzip.decompress(stored[1])).snapshot
    return {key["workstation_id"]: key["revoked"] for key in snapshot.payload["keys"]}


def test_a_reinstated_workstation_delivers_what_it_kept(
    client: TestClient, storage: CentralStorage, lane: Lane, database: str, capsys
) -> None:
    lane.save(3)
    assert client.post("/v1/batches", content=lane.batch(1, 1).canonical()).status_code == 200
    status, _, _ = run(capsys, "workstation", "revoke", lane.workstation_id, "--database", database)
    assert status == 0
    refused = client.post("/v1/batches", content=lane.batch(2, 3).canonical())
    assert (refused.status_code, refused.json()["error"]["code"]) == (403, "revoked")
    with pytest.raises(SystemExit) as usage:  # the reason is required
        main(["workstation", "reinstate", lane.workstation_id, "--database", database])
    assert usage.value.code == 2
    assert "--reason" in capsys.readouterr().err
    status, out, _ = run(
        capsys,
        "workstation",
        "reinstate",
        lane.workstation_id,
        "--reason",
        "revoked by mistake; device checked at KHG",
        "--database",
        database,
    )
    assert status == 0
    assert "reinstated" in out
    delivered = client.post("/v1/batches", content=lane.batch(2, 3).canonical())
    assert delivered.status_code == 200
    entry = storage.workstation(lane.workstation_id)
    assert entry is not None
    assert (entry.state, entry.high_water_seq) == ("enrolled", 3)
    lifted = listed(capsys, database)[lane.workstation_id]["reinstated"]
    assert isinstance(lifted, list) and len(lifted) == 1
    assert lifted[0]["reason"] == "revoked by mistake; device checked at KHG"
    assert _published_revocations(storage)[lane.workstation_id] is False
    # A second reinstatement has nothing to lift.
    status, out, _ = run(
        capsys,
        "workstation",
        "reinstate",
        lane.workstation_id,
        "--reason",
        "again",
        "--database",
        database,
    )
    assert status == 0
    assert "not revoked; nothing changed" in out
    assert len(storage.reinstatements()) == 1


def test_reinstate_refuses_entries_that_never_enrolled(
    storage: CentralStorage, database: str, capsys
) -> None:
    invitation = enrolment.invite(storage, "KHG", "P01", None)
    storage.revoke(invitation.workstation_id, datetime.now(UTC))
    status, _, err = run(
        capsys,
        "workstation",
        "reinstate",
        invitation.workstation_id,
        "--reason",
        "mistake",
        "--database",
        database,
    )
    assert status == 1
    assert "never enrolled" in err
    status, _, _ = run(
        capsys,
        "workstation",
        "reinstate",
        "NO-SUCH",
        "--reason",
        "mistake",
        "--database",
        database,
    )
    assert status == 1
    status, _, err = run(
        capsys,
        "workstation",
        "reinstate",
        invitation.workstation_id,
        "--reason",
        " ",
        "--database",
        database,
    )
    assert status == 2


def test_a_lost_key_is_never_replaced_while_a_revoked_workstation_pinned_it(
    storage: CentralStorage, lane: Lane, database: str, key_path: Path, capsys
) -> None:
    """A revoked workstation may be reinstated: it holds the central's key pinned, so a
    central whose key file went missing does not make another one for it."""
    storage.revoke(lane.workstation_id, datetime.now(UTC))
    key_path.unlink()
    status, _, err = run(
        capsys,
        "workstation",
        "reinstate",
        lane.workstation_id,
        "--reason",
        "found again",
        "--database",
        database,
    )
    assert status == 3
    assert "There is no central key" in err
    assert not key_path.exists()
    assert storage.workstation(lane.workstation_id).revoked  # type: ignore[union-attr]
