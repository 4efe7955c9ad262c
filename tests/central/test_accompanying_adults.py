"""The accompanying adult a minor's record names, checked by the central as the lane checks it,
on both engines: a record whose adult is not a valid one is rejected, kept aside with the
reason, named in the receipt and listed for IT."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from inspection_central import ingest
from inspection_central.cli import main
from inspection_central.storage import CentralStorage
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
from inspection_client.sync.wire import SignedBatch
from tests.central.lane import OFFICER, Lane
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
