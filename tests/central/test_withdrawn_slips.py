"""The central's list of withdrawn release slips, computed from the records it holds."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from inspection_central import reference, withdrawals
from inspection_central.storage import CentralStorage
from inspection_client.domain.codes import Decision, RefusalGround, Role
from inspection_client.domain.models import Amendment, Officer, Record, RecordBody, Void
from inspection_client.reports.slip import MAX_VALIDITY
from inspection_client.store import officers, records
from inspection_client.sync import reference as client_reference
from inspection_client.sync.errors import BadReferenceData
from inspection_client.sync.keys import public_key_from_text
from inspection_client.sync.wire import ReferenceKind, SignedSnapshot, wire_time
from tests import factories
from tests.central.lane import Lane

SUPERVISOR = "SUP01"


@pytest.fixture
def vehicle_lane(storage: CentralStorage, tmp_path: Path) -> Any:
    made = Lane(storage, tmp_path, lane="V01")
    officers.add_officer(
        made.store, Officer(code=SUPERVISOR, name="Sup", role=Role.SUPERVISOR), None
    )
    try:
        yield made
    finally:
        made.close()


def save(lane: Lane, body: RecordBody, at: datetime) -> Record:
    return records.save_many(lane.store, [records.Draft(body, "OFF001", None, at)])[0]


def void(target: Record) -> Void:
    return Void(target_id=target.id, reason="wrong vehicle", approved_by=SUPERVISOR)


def amend(target: Record, decision: Decision) -> Amendment:
    extra = {"refusal_ground": RefusalGround.SEAL_BROKEN} if decision is Decision.REFUSED else {}
    return Amendment(
        target_id=target.id,
        reason="found at the barrier",
        approved_by=SUPERVISOR,
        replacement=factories.truck(decision=decision, **extra),
    )


def send(client: TestClient, lane: Lane, first: int) -> int:
    """Post the lane's records from `first` on; the seq to send from next time."""
    (last,) = lane.store.conn.execute("SELECT max(seq) FROM records").fetchone()
    answer = client.post("/v1/batches", content=lane.batch(first, last).model_dump_json())
    assert answer.status_code == 200, answer.text
    return int(last) + 1


def listed(storage: CentralStorage) -> dict[str, dict[str, Any]]:
    latest = reference.latest(storage, ReferenceKind.WORKSTATION_KEYS)
    assert latest is not None
    return {e["id"]: e for e in latest.snapshot.payload["withdrawn_slips"]["slips"]}


def test_the_window_is_the_longest_validity_of_a_slip() -> None:
    assert withdrawals.WINDOW == MAX_VALIDITY


def test_cleared_vehicles_voided_or_amended_away_are_listed_and_nothing_else(
    storage: CentralStorage, client: TestClient, vehicle_lane: Lane
) -> None:
    lane = vehicle_lane
    now = datetime.now(UTC).replace(microsecond=0)
    hour = timedelta(hours=1)
    cleared = [save(lane, factories.truck(), now - 5 * hour) for _ in range(4)]
    gone, refused, back, untouched = cleared
    referred = save(lane, factories.truck(decision=Decision.REFERRED), now - 5 * hour)
    late = save(lane, factories.truck(decision=Decision.REFERRED), now - 5 * hour)
    long_ago = save(lane, factories.truck(), now - timedelta(days=40))
    passenger = save(lane, factories.passenger(), now - 5 * hour)
    version = reference.latest(storage, ReferenceKind.WORKSTATION_KEYS)
    next_seq = send(client, lane, 1)
    # A batch without voids or amendments publishes nothing.
    assert reference.latest(storage, ReferenceKind.WORKSTATION_KEYS) == version

    save(lane, void(gone), now - 2 * hour)
    save(lane, amend(refused, Decision.REFUSED), now - 2 * hour)
    save(lane, amend(back, Decision.REFERRED), now - 2 * hour)
    save(lane, amend(back, Decision.CLEARED), now - hour)  # cleared again: its slip stands
    save(lane, amend(referred, Decision.REFUSED), now - 2 * hour)  # never cleared: no slip
    cleared_late = save(lane, amend(late, Decision.CLEARED), now - 3 * hour)  # then voided
    save(lane, void(late), now - hour)
    save(lane, void(long_ago), now - timedelta(days=31))  # its slips have all expired
    save(lane, void(passenger), now - hour)  # passengers get no slips
    send(client, lane, next_seq)

    found = listed(storage)
    assert set(found) == {str(gone.id), str(refused.id), str(late.id)}
    assert found[str(gone.id)] == {
        "id": str(gone.id),
        "withdrawn": "voided",
        "port": "KHG",
        "at": wire_time(now - 2 * hour),
    }
    assert found[str(refused.id)]["withdrawn"] == "amended"
    assert found[str(refused.id)]["decision"] == "refused"
    assert str(untouched.id) not in found
    section = withdrawals.withdrawn_slips(storage, now)
    assert section["window_hours"] == 720
    assert section["complete_since"] == wire_time(now - timedelta(days=30))

    # The clearance of `late` arrived long ago: the list still finds that it was cleared.
    with storage._write() as conn:  # type: ignore[attr-defined]
        storage._run(  # type: ignore[attr-defined]
            conn,
            "UPDATE records SET received_at = ? WHERE id = ?",
            (storage._ts(now - timedelta(days=40)), str(cleared_late.id)),  # type: ignore[attr-defined]
        )
    again = {e["id"] for e in withdrawals.withdrawn_slips(storage)["slips"]}
    assert again == {str(gone.id), str(refused.id), str(late.id)}


def test_the_list_is_signed_published_when_it_changes_and_bounded(
    storage: CentralStorage,
    client: TestClient,
    vehicle_lane: Lane,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lane = vehicle_lane
    now = datetime.now(UTC).replace(microsecond=0)
    trucks = [save(lane, factories.truck(), now - timedelta(hours=6)) for _ in range(3)]
    next_seq = send(client, lane, 1)
    for hours, truck in zip((3, 2, 1), trucks, strict=True):
        save(lane, void(truck), now - timedelta(hours=hours))
    send(client, lane, next_seq)
    latest = reference.latest(storage, ReferenceKind.WORKSTATION_KEYS)
    assert latest is not None
    assert len(latest.snapshot.payload["withdrawn_slips"]["slips"]) == 3
    # Nothing changed: no new version; a refresh after a lost race publishes the current one.
    assert withdrawals.refresh(storage) is None
    # Signed with the keys: what the gate receives verifies, and a changed list does not.
    central_key = public_key_from_text(client.get("/v1/hello").json()["central_key"])
    answer = client.get(
        "/v1/reference/workstation_keys",
        headers=lane.headers("/v1/reference/workstation_keys"),
    )
    signed = SignedSnapshot.model_validate_json(answer.content)
    client_reference.apply(lane.store, signed, central_key)
    forged = signed.model_copy(
        update={
            "snapshot": signed.snapshot.model_copy(
                update={
                    "version": signed.snapshot.version + 1,
                    "payload": {**signed.snapshot.payload, "withdrawn_slips": {"slips": []}},
                }
            )
        }
    )
    with pytest.raises(BadReferenceData, match="not signed"):
        client_reference.apply(lane.store, forged, central_key)

    # Over the bound, the newest are kept and the list says from when it is whole.
    monkeypatch.setattr(withdrawals, "MAX_ENTRIES", 2)
    section = withdrawals.withdrawn_slips(storage, now)
    assert [e["id"] for e in section["slips"]] == sorted(str(t.id) for t in trucks[1:])
    assert section["complete_since"] == wire_time(now - timedelta(hours=2))
    version = withdrawals.refresh(storage)
    assert version == latest.snapshot.version + 1
    assert len(listed(storage)) == 2


def test_a_central_that_published_keys_without_the_list_sends_it_after_a_refresh(
    storage: CentralStorage, vehicle_lane: Lane
) -> None:
    keys = reference.latest(storage, ReferenceKind.WORKSTATION_KEYS)
    assert keys is not None
    old = {"keys": keys.snapshot.payload["keys"]}
    version = reference.publish(storage, ReferenceKind.WORKSTATION_KEYS, old).snapshot.version
    assert withdrawals.refresh(storage) == version + 1
    assert listed(storage) == {}
    assert withdrawals.refresh(storage) is None


def test_a_failed_publication_does_not_lose_the_receipt(
    storage: CentralStorage,
    client: TestClient,
    vehicle_lane: Lane,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    truck = save(vehicle_lane, factories.truck(), datetime.now(UTC))
    save(vehicle_lane, void(truck), datetime.now(UTC))

    def broken(storage: CentralStorage) -> None:
        raise RuntimeError("database went away")

    monkeypatch.setattr(withdrawals, "refresh", broken)
    answer = client.post("/v1/batches", content=vehicle_lane.batch(1, 2).model_dump_json())
    assert answer.status_code == 200
    assert [o["status"] for o in answer.json()["receipt"]["outcomes"]] == ["accepted"] * 2
    assert str(uuid.UUID(str(truck.id))) not in listed(storage)
