"""The accompanying adult a minor's record names, checked by the central as the lane checks it,
on both engines: a record whose adult is not a valid one is rejected, kept aside with the
reason, named in the receipt and listed for IT."""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from fastapi.testclient import TestClient

from inspection_central import ingest
from inspection_central.cli import main
from inspection_central.storage import CentralStorage, StoredBatch
from inspection_client.domain.accompanying import named_adult
from inspection_client.domain.codes import Role, TravellerRole
from inspection_client.domain.models import (
    Amendment,
    Officer,
    PassengerClearance,
    Record,
    RecordBody,
    Void,
)
from inspection_client.store import officers, records
from inspection_client.sync import batches, outbox
from inspection_client.sync.keys import public_key_from_text
from inspection_client.sync.wire import SignedBatch
from tests.central.lane import OFFICER, Lane
from tests.central.test_ingest import batch_counts
from tests.factories import document, passenger, truck

SUPERVISOR = "SUP001"


def minor(adult: uuid.UUID | None) -> PassengerClearance:
    return passenger(
        document=document(surname="KHAN", given_names="ALI", birth_date=date(2016, 5, 1)),
        traveller_role=TravellerRole.MINOR,
        accompanying_adult_id=adult,
    )


def save(lane: Lane, body: RecordBody, record_id: uuid.UUID | None = None) -> Record:
    return records.save(lane.store, body, officer=OFFICER, record_id=record_id)


def amend(lane: Lane, target: uuid.UUID, replacement: PassengerClearance) -> Record:
    return save(
        lane,
        Amendment(
            target_id=target, reason="corrected", approved_by=SUPERVISOR, replacement=replacement
        ),
    )


def void(lane: Lane, target: uuid.UUID) -> Record:
    return save(lane, Void(target_id=target, reason="duplicate", approved_by=SUPERVISOR))


def post(client: TestClient, batch: SignedBatch) -> list[dict[str, str | None]]:
    answer = client.post("/v1/batches", content=batch.model_dump_json())
    assert answer.status_code == 200, answer.text
    outcomes: list[dict[str, str | None]] = answer.json()["receipt"]["outcomes"]
    return outcomes


def statuses(outcomes: list[dict[str, str | None]]) -> list[str | None]:
    return [outcome["status"] for outcome in outcomes]


@pytest.fixture
def supervised(lane: Lane) -> Lane:
    officers.add_officer(
        lane.store, Officer(code=SUPERVISOR, name="Sup", role=Role.SUPERVISOR), "1357"
    )
    return lane


@pytest.fixture
def unchecked(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lanes that save any link: a lane too old to check it, or a forged record."""
    monkeypatch.setattr(records, "_check_adult", lambda *args: None)


def test_an_adult_in_the_same_batch_or_an_earlier_one_is_accepted(
    client: TestClient, supervised: Lane, storage: CentralStorage
) -> None:
    lane = supervised
    mother = save(lane, passenger())
    assert statuses(post(client, lane.batch(1, 1))) == ["accepted"]
    father = save(lane, passenger(document=document(surname="LEE", number="ZZ1111111")))
    child = save(lane, minor(mother.id))
    amend(lane, child.id, minor(father.id))  # the amendment names an adult too
    save(lane, minor(father.id))
    void(lane, father.id)  # voided after the minors' records: they stand
    assert statuses(post(client, lane.batch(2, 6))) == ["accepted"] * 5
    assert storage.stats()["rejected_total"] == 0


def test_an_adult_the_central_does_not_hold_rejects_the_record_and_IT_sees_it(
    client: TestClient, lane: Lane, storage: CentralStorage, unchecked: None
) -> None:
    save(lane, passenger())
    nobody = uuid.uuid4()
    forged = save(lane, minor(nobody))
    save(lane, passenger())
    outcomes = post(client, lane.batch(2, 3))
    assert statuses(outcomes) == ["rejected", "accepted"]
    reason = outcomes[0]["reason"]
    assert reason is not None and f"record {nobody}, which the central does not hold" in reason
    figures = storage.stats()
    assert (figures["records_total"], figures["rejected_total"]) == (1, 1)
    held, total = storage.held_back(lane.workstation_id, 10)
    assert total == 1
    assert (held[0].state, held[0].seq, held[0].record_id) == ("rejected", 2, str(forged.id))
    assert held[0].reason == reason
    assert held[0].content == lane.rows(2, 2)[0][2]  # exactly as sent
    # The adult's record delivered afterwards leaves it rejected: it waits to be sent again.
    assert statuses(post(client, lane.batch(1, 1))) == ["accepted"]
    assert storage.stats()["rejected_total"] == 1


@pytest.fixture
def other_lane(storage: CentralStorage, tmp_path: Path) -> Iterator[Lane]:
    made = Lane(storage, tmp_path / "other", lane="P02")
    try:
        yield made
    finally:
        made.close()


def test_an_adult_that_is_not_a_valid_one_rejects_the_record(
    client: TestClient, supervised: Lane, other_lane: Lane, storage: CentralStorage, unchecked: None
) -> None:
    lane = supervised
    elsewhere = other_lane.save(1)[0]
    assert statuses(post(client, other_lane.batch(1, 1))) == ["accepted"]
    vehicle = save(lane, truck())  # 1
    adult = save(lane, passenger())  # 2
    child = save(lane, minor(adult.id))  # 3: valid
    voided = save(lane, passenger())  # 4
    void(lane, voided.id)  # 5
    grown_down = save(lane, passenger())  # 6
    amend(lane, grown_down.id, minor(None))  # 7: a minor after all
    later = uuid.uuid4()
    cases = {
        8: (minor(vehicle.id), "#1, which is not a passenger clearance of this workstation"),
        9: (minor(elsewhere.id), f"record {elsewhere.id} of {other_lane.workstation_id}, which"),
        10: (minor(child.id), "#3, which is a minor's clearance"),
        11: (minor(voided.id), "#4, which had been voided before this record"),
        12: (minor(grown_down.id), "#6, which is a minor's clearance"),
        13: (minor(later), "#14, which is not a passenger clearance of this workstation made"),
    }
    for body, _ in cases.values():
        save(lane, body)
    save(lane, passenger(), record_id=later)  # 14: made after the record that names it
    amend(lane, child.id, minor(voided.id))  # 15: an amendment's link is checked too
    # The central finds the links as the shared rule names them (it inlines that rule).
    examined = ingest.Examination(lane.batch(1, 15))
    examined.examine_all()
    saved = records.by_seq(lane.store, 1, 15)
    assert [(link.seq, link.adult_id) for link in examined.links] == [
        (record.seq, str(named_adult(record.body))) for record in saved if named_adult(record.body)
    ]
    outcomes = post(client, lane.batch(1, 15))
    expected = ["accepted"] * 7 + ["rejected"] * 6 + ["accepted", "rejected"]
    assert statuses(outcomes) == expected
    for seq, (_, said) in cases.items():
        reason = outcomes[seq - 1]["reason"]
        assert reason is not None and said in reason, (seq, reason)
    assert "#4, which had been voided" in str(outcomes[14]["reason"])
    figures = storage.stats()
    assert (figures["records_total"], figures["rejected_total"]) == (1 + 8, 7)
    assert [record.seq for record in storage.held_back(lane.workstation_id, 10)[0]] == [
        8,
        9,
        10,
        11,
        12,
        13,
        15,
    ]


def test_a_record_rejected_for_its_adult_is_held_once_sent_again_after_the_adult(
    client: TestClient, lane: Lane, storage: CentralStorage
) -> None:
    # Batches that arrive out of order (USB files imported in another order): the minor's
    # before the adult's. The minor is rejected, then held once sent again.
    adult = save(lane, passenger())
    save(lane, minor(adult.id))
    save(lane, passenger())
    assert statuses(post(client, lane.batch(2, 3))) == ["rejected", "accepted"]
    assert statuses(post(client, lane.batch(1, 1))) == ["accepted"]
    answer = client.post("/v1/batches", content=lane.batch(2, 2).model_dump_json())
    assert answer.status_code == 200
    receipt = answer.json()["receipt"]
    assert statuses(receipt["outcomes"]) == ["accepted"]
    assert receipt["high_water_seq"] == 3
    figures = storage.stats()
    assert (figures["records_total"], figures["rejected_total"]) == (3, 0)


def lane_batch(lane: Lane, first: int, last: int) -> batches.Batch:
    """The batch the lane's own sync builds for first..last: byte for byte the same each time."""
    return batches.build(lane.store, lane.key, lane.workstation_id, first, last)


def deliver(client: TestClient, lane: Lane, batch: batches.Batch) -> outbox.Acknowledgement:
    """Send a batch as a sync round does, and apply the receipt to the lane's outbox."""
    answer = client.post("/v1/batches", content=batch.body)
    assert answer.status_code == 200, answer.text
    receipt = outbox.read_receipt(answer.content, central_key(client), batch.batch_id)
    return outbox.apply_receipt(lane.store, receipt, batch.record_ids)


def central_key(client: TestClient) -> Ed25519PublicKey:
    return public_key_from_text(client.get("/v1/hello").json()["central_key"])


def outbox_states(lane: Lane) -> dict[int, str]:
    rows = lane.store.conn.execute("SELECT seq, state FROM outbox ORDER BY seq").fetchall()
    return {int(seq): str(state) for seq, state in rows}


def test_a_minor_sent_alone_before_its_adult_is_held_once_sent_again_in_the_same_batch(
    client: TestClient,
    supervised: Lane,
    storage: CentralStorage,
    database: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # A lane that syncs every minute sends one-record batches; the minor's arrives first
    # (the adult's batch was held up). Sent again, the minor's record is in a batch byte for
    # byte the same as the rejected one: the central examines it again.
    lane = supervised
    adult = save(lane, passenger())
    save(lane, minor(adult.id))
    alone = lane_batch(lane, 2, 2)
    assert deliver(client, lane, alone).problems == 1
    assert outbox_states(lane) == {1: "pending", 2: "rejected"}
    assert main(["problems", "--database", database]) == 0
    assert f"{lane.workstation_id} #2 rejected" in capsys.readouterr().out

    first = lane_batch(lane, 1, 1)
    assert deliver(client, lane, first).acknowledged == 1
    assert outbox.send_again(lane.store, [2], SUPERVISOR) == 1
    again = lane_batch(lane, *_next_range(lane))
    assert again.batch_id == alone.batch_id  # the very batch the central rejected
    assert deliver(client, lane, again).acknowledged == 1
    assert outbox_states(lane) == {}

    figures = storage.stats()
    assert (figures["records_total"], figures["rejected_total"]) == (2, 0)
    assert figures["workstations"][0]["records"] == 2
    assert figures["workstations"][0]["chain_head"] == lane.rows(2, 2)[0][4].hex()
    assert main(["problems", "--database", database]) == 0
    assert capsys.readouterr().out.strip() == "No quarantined or rejected records."
    # The lost-answer look-up hands back the new receipt; a pure repeat gets it unchanged.
    path = f"/v1/receipts/{alone.batch_id}"
    looked_up = client.get(path, headers=lane.headers(path))
    assert looked_up.status_code == 200
    assert statuses(looked_up.json()["receipt"]["outcomes"]) == ["accepted"]
    repeat = client.post("/v1/batches", content=alone.body)
    assert repeat.content == looked_up.content


def _next_range(lane: Lane) -> tuple[int, int]:
    found = batches.next_range(lane.store)
    assert found is not None
    return found


def test_a_batch_sent_again_examines_only_what_its_receipt_rejected(
    client: TestClient, lane: Lane, storage: CentralStorage
) -> None:
    adult = save(lane, passenger())
    save(lane, minor(adult.id))  # 2
    save(lane, passenger())  # 3
    both = lane.batch(2, 3)
    first = post(client, both)
    assert statuses(first) == ["rejected", "accepted"]
    # Sent again before the adult arrived: rejected again, nothing else changes.
    assert post(client, both) == first
    assert storage.stats()["records_total"] == 1
    assert statuses(post(client, lane.batch(1, 1))) == ["accepted"]
    outcomes = post(client, both)
    assert statuses(outcomes) == ["accepted", "accepted"]
    assert outcomes[1] == first[1]  # as the stored receipt said
    # The batch's row counts its records by status as the new receipt gives them.
    receipt = client.post("/v1/batches", content=both.model_dump_json()).json()["receipt"]
    assert batch_counts(storage, receipt["batch_id"]) == (2, 0, 0, 0)
    figures = storage.stats()
    assert (figures["records_total"], figures["rejected_total"]) == (3, 0)
    assert figures["workstations"][0]["records"] == 3
    assert not figures["chain_alerts"]
    assert storage.held_records(lane.workstation_id, 0, 10)[1].chain_hash == lane.rows(2, 2)[0][4]


def test_a_rejected_record_held_through_another_batch_is_a_duplicate_in_its_own(
    client: TestClient, lane: Lane, storage: CentralStorage
) -> None:
    adult = save(lane, passenger())
    save(lane, minor(adult.id))  # 2
    save(lane, passenger())  # 3
    assert statuses(post(client, lane.batch(2, 3))) == ["rejected", "accepted"]
    assert statuses(post(client, lane.batch(1, 1))) == ["accepted"]
    assert statuses(post(client, lane.batch(2, 2))) == ["accepted"]
    # The first batch again (its USB file imported once more): nothing is stored twice.
    assert statuses(post(client, lane.batch(2, 3))) == ["duplicate", "accepted"]
    figures = storage.stats()
    assert (figures["records_total"], figures["rejected_total"]) == (3, 0)
    assert figures["workstations"][0]["records"] == 3


def test_a_record_rejected_again_keeps_the_reason_found_now(
    client: TestClient, supervised: Lane, storage: CentralStorage, unchecked: None
) -> None:
    lane = supervised
    adult = save(lane, passenger())
    void(lane, adult.id)  # 2
    save(lane, minor(adult.id))  # 3: names a voided adult
    alone = lane.batch(3, 3)
    assert "does not hold" in str(post(client, alone)[0]["reason"])
    assert statuses(post(client, lane.batch(1, 2))) == ["accepted"] * 2
    outcomes = post(client, alone)
    assert statuses(outcomes) == ["rejected"]
    assert "#1, which had been voided before this record" in str(outcomes[0]["reason"])
    held, total = storage.held_back(lane.workstation_id, 10)
    assert total == 1 and held[0].reason == outcomes[0]["reason"]


def test_the_same_batch_sent_again_twice_at_once_is_stored_once(
    client: TestClient, lane: Lane, storage: CentralStorage, monkeypatch: pytest.MonkeyPatch
) -> None:
    adult = save(lane, passenger())
    save(lane, minor(adult.id))
    alone = lane.batch(2, 2)
    assert statuses(post(client, alone)) == ["rejected"]
    assert statuses(post(client, lane.batch(1, 1))) == ["accepted"]
    both_looked = threading.Barrier(2, timeout=10)
    look_up = storage.stored_batch

    def both_look_first(batch_id: str) -> StoredBatch | None:
        found = look_up(batch_id)
        both_looked.wait()
        return found

    monkeypatch.setattr(storage, "stored_batch", both_look_first)
    body = alone.model_dump_json().encode()

    def send() -> bytes:
        return ingest.receive(storage, ingest.parse_batch(body), remote_address="", user_agent="")

    with ThreadPoolExecutor(2) as pool:
        answers = [future.result() for future in [pool.submit(send), pool.submit(send)]]
    assert answers[0] == answers[1]
    assert statuses(json.loads(answers[0])["receipt"]["outcomes"]) == ["accepted"]
    figures = storage.stats()
    assert (figures["records_total"], figures["rejected_total"]) == (2, 0)
    assert figures["workstations"][0]["records"] == 2


def test_a_workstation_revoked_while_its_batch_is_examined_again_stores_nothing(
    client: TestClient, lane: Lane, storage: CentralStorage, monkeypatch: pytest.MonkeyPatch
) -> None:
    adult = save(lane, passenger())
    save(lane, minor(adult.id))
    alone = lane.batch(2, 2)
    assert statuses(post(client, alone)) == ["rejected"]
    assert statuses(post(client, lane.batch(1, 1))) == ["accepted"]
    look_up = storage.stored_batch

    def revoked_meanwhile(batch_id: str) -> StoredBatch | None:
        found = look_up(batch_id)
        storage.revoke(lane.workstation_id, datetime.now(UTC))
        return found

    monkeypatch.setattr(storage, "stored_batch", revoked_meanwhile)
    answer = client.post("/v1/batches", content=alone.model_dump_json())
    assert (answer.status_code, answer.json()["error"]["code"]) == (403, "revoked")
    figures = storage.stats()
    assert (figures["records_total"], figures["rejected_total"]) == (1, 1)
    stored = storage.stored_receipt(alone.batch.batch_id)
    assert stored is not None
    assert statuses(json.loads(stored)["receipt"]["outcomes"]) == ["rejected"]


def test_a_large_batch_with_links_on_the_streamed_path(
    client: TestClient, lane: Lane, storage: CentralStorage, unchecked: None
) -> None:
    # More records than one examination chunk: on PostgreSQL they are copied as examined,
    # and the refused one leaves `records` afterwards.
    adults = lane.save(150)
    save(lane, minor(adults[120].id))
    save(lane, minor(uuid.uuid4()))
    lane.save(30)
    outcomes = post(client, lane.batch(1, 182))
    assert statuses(outcomes).count("accepted") == 181
    assert outcomes[151]["status"] == "rejected"
    figures = storage.stats()
    assert (figures["records_total"], figures["rejected_total"]) == (181, 1)
    assert not figures["chain_alerts"]


def test_usb_files_are_imported_in_seq_order_and_problems_names_a_broken_link(
    storage: CentralStorage,
    lane: Lane,
    database: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    unchecked: None,
) -> None:
    lane.save(8)
    adult = save(lane, passenger())  # 9
    save(lane, minor(adult.id))  # 10: its file sorts before #9's as text
    nobody = uuid.uuid4()
    save(lane, minor(nobody))  # 11
    folder = tmp_path / "usb"
    folder.mkdir()
    for first, last in ((1, 8), (9, 9), (10, 11)):
        name = f"{lane.workstation_id}-{first}-{last}.batch.json"
        (folder / name).write_text(lane.batch(first, last).model_dump_json())
    assert main(["import", str(folder), "--database", database]) == 0
    capsys.readouterr()
    assert main(["problems", "--database", database]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1
    assert f"{lane.workstation_id} #11 rejected" in out[0]
    assert f"names as accompanying adult record {nobody}, which the central does not" in out[0]
    assert main(["stats", "--json", "--database", database]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert (figures["records_total"], figures["rejected_total"]) == (10, 1)


def test_a_usb_file_imported_again_after_the_adult_stores_the_minor(
    storage: CentralStorage,
    lane: Lane,
    database: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    adult = save(lane, passenger())
    save(lane, minor(adult.id))
    minors, adults = tmp_path / "minors", tmp_path / "adults"
    for folder, seq in ((minors, 2), (adults, 1)):
        folder.mkdir()
        name = f"{lane.workstation_id}-{seq}-{seq}.batch.json"
        (folder / name).write_bytes(lane_batch(lane, seq, seq).body)
    receipt = minors / f"{lane.workstation_id}-2-2.receipt.json"
    assert main(["import", str(minors), "--database", database]) == 0
    assert statuses(json.loads(receipt.read_bytes())["receipt"]["outcomes"]) == ["rejected"]
    assert main(["import", str(adults), "--database", database]) == 0
    capsys.readouterr()
    assert main(["import", str(minors), "--database", database]) == 0
    out = capsys.readouterr().out
    assert "(imported before; the records it rejected examined again): 1 accepted" in out
    assert statuses(json.loads(receipt.read_bytes())["receipt"]["outcomes"]) == ["accepted"]
    assert main(["import", str(minors), "--database", database]) == 0
    assert "(imported before; the same receipt again): 1 accepted" in capsys.readouterr().out
    figures = storage.stats()
    assert (figures["records_total"], figures["rejected_total"]) == (2, 0)
