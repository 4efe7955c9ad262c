"""A document's latest crossing at this workstation, as it stands now."""

from __future__ import annotations

import uuid
from datetime import timedelta

from inspection_client.domain.codes import Decision, Direction, RefusalGround, Role
from inspection_client.domain.models import Amendment, Officer, Void
from inspection_client.store import officers, records, search_index
from inspection_client.store.crossings import latest_crossing, latest_vehicle_crossing
from inspection_client.store.database import Store
from tests.factories import document, passenger, truck


def _save(store: Store, number: str = "AB1234567", **kw: object) -> records.Record:
    body = passenger(document=document(number=number), **kw)
    return records.save(store, body, officer="OFF01", shift_id=uuid.uuid4())


def _supervisor(store: Store) -> None:
    officers.add_officer(store, Officer(code="SUP01", name="Sup", role=Role.SUPERVISOR), "1357")


def test_the_latest_clearance_of_the_document_is_found(store: Store) -> None:
    assert latest_crossing(store, "PAK", "AB1234567") is None
    _save(store, direction=Direction.ENTRY)
    _save(store, "ZZ9999999", direction=Direction.EXIT)  # another document
    records.save(store, truck(), officer="OFF01")
    latest = _save(store, decision=Decision.REFUSED, direction=Direction.EXIT)
    crossing = latest_crossing(store, "PAK", "ab 1234567")  # as typed
    assert crossing is not None
    assert (crossing.seq, crossing.direction, crossing.decision) == (
        latest.seq,
        Direction.EXIT,
        Decision.REFUSED,
    )
    assert crossing.refusal_ground is RefusalGround.NO_VALID_VISA
    assert crossing.recorded_at == latest.recorded_at
    # The same number from another state is another document; a prefix is not the number.
    assert latest_crossing(store, "KAZ", "AB1234567") is None
    assert latest_crossing(store, "PAK", "AB123456") is None


def test_only_crossings_of_the_last_day_are_said(store: Store) -> None:
    saved = _save(store)
    later = saved.recorded_at + timedelta(hours=23)
    assert latest_crossing(store, "PAK", "AB1234567", now=later) is not None
    much_later = saved.recorded_at + timedelta(hours=25)
    assert latest_crossing(store, "PAK", "AB1234567", now=much_later) is None
    assert latest_crossing(store, "PAK", "AB1234567", now=much_later, within=timedelta(days=2))


def test_a_voided_clearance_is_passed_over_and_an_amended_one_read_as_it_stands(
    store: Store,
) -> None:
    _supervisor(store)
    first = _save(store, direction=Direction.ENTRY)
    second = _save(store, direction=Direction.ENTRY)
    records.save(
        store,
        Void(target_id=second.id, reason="saved twice", approved_by="SUP01"),
        officer="OFF01",
    )
    crossing = latest_crossing(store, "PAK", "AB1234567")
    assert crossing is not None and crossing.seq == first.seq
    records.save(
        store,
        Amendment(
            target_id=first.id,
            reason="was referred",
            approved_by="SUP01",
            replacement=passenger(decision=Decision.REFERRED, document=document()),
        ),
        officer="OFF01",
    )
    crossing = latest_crossing(store, "PAK", "AB1234567")
    assert crossing is not None and (crossing.seq, crossing.decision) == (
        first.seq,
        Decision.REFERRED,
    )


def test_a_number_an_amendment_corrected_is_found_by_the_corrected_number(store: Store) -> None:
    _supervisor(store)
    typo = _save(store, "AB1234576")
    records.save(
        store,
        Amendment(
            target_id=typo.id,
            reason="digits swapped",
            approved_by="SUP01",
            replacement=passenger(document=document(number="AB1234567")),
        ),
        officer="OFF01",
    )
    crossing = latest_crossing(store, "PAK", "AB1234567")
    assert crossing is not None and crossing.seq == typo.seq
    assert latest_crossing(store, "PAK", "AB1234576") is None  # no longer its number


def test_nothing_is_said_while_saves_no_longer_write_the_index(store: Store) -> None:
    _save(store)
    search_index.stop(store, "a test")
    assert latest_crossing(store, "PAK", "AB1234567") is None
    assert latest_crossing(store, "", "AB1234567") is None


def test_a_vehicle_is_found_by_its_plate_and_country(store: Store) -> None:
    assert latest_vehicle_crossing(store, "CHN", "新A12345") is None
    first = records.save(store, truck(direction=Direction.ENTRY), officer="OFF01")
    _save(store)  # a passenger: not a vehicle
    crossing = latest_vehicle_crossing(store, "chn", "新A 12345")  # as typed
    assert crossing is not None
    assert (crossing.seq, crossing.direction, crossing.decision) == (
        first.seq,
        Direction.ENTRY,
        Decision.CLEARED,
    )
    assert latest_vehicle_crossing(store, "KAZ", "新A12345") is None
    # A traveller's document with the same number is not the vehicle, nor the other way.
    _save(store, "LEB1234")
    assert latest_vehicle_crossing(store, "PAK", "LEB1234") is None
    assert latest_crossing(store, "CHN", "新A12345") is None
