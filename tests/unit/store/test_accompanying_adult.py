"""A minor's clearance names the adult it travels with: checked on saving, offered by shift."""

from __future__ import annotations

import uuid
from datetime import date, datetime

import pytest
from pydantic import ValidationError

from inspection_client.domain.codes import Role, TravellerRole
from inspection_client.domain.models import Amendment, Officer, PassengerClearance, Void
from inspection_client.store import companions, officers, records
from inspection_client.store.database import Store
from inspection_client.store.records import Draft, RecordRefused
from tests.factories import document, passenger, truck

SHIFT = uuid.uuid4()


def _adult(
    store: Store, surname: str = "KHAN", number: str = "AB1234567", **kw: object
) -> uuid.UUID:
    body = passenger(document=document(surname=surname, number=number), **kw)
    return records.save(store, body, officer="OFF01", shift_id=SHIFT).id


def _minor(adult: uuid.UUID | None, **kw: object) -> PassengerClearance:
    return passenger(
        document=document(
            surname="KHAN", given_names="ALI", number="CD7654321", birth_date=date(2016, 5, 1)
        ),
        traveller_role=TravellerRole.MINOR,
        accompanying_adult_id=adult,
        **kw,
    )


def test_a_minor_linked_to_an_adult_of_this_workstation_is_saved(store: Store) -> None:
    adult = _adult(store)
    saved = records.save(store, _minor(adult), officer="OFF01", shift_id=SHIFT)
    assert isinstance(saved.body, PassengerClearance)
    assert saved.body.accompanying_adult_id == adult
    assert records.save(store, _minor(None), officer="OFF01").seq == 3  # travelling alone


def test_a_forged_link_is_refused_and_nothing_is_saved(store: Store) -> None:
    with pytest.raises(RecordRefused, match="is not a passenger clearance of this workstation"):
        records.save(store, _minor(uuid.uuid4()), officer="OFF01")
    vehicle = records.save(store, truck(), officer="OFF01").id
    with pytest.raises(RecordRefused, match="#1 is not a passenger clearance"):
        records.save(store, _minor(vehicle), officer="OFF01")
    assert store.conn.execute("SELECT count(*) FROM records").fetchone()[0] == 1


def test_a_minor_cannot_accompany_a_minor(store: Store) -> None:
    adult = _adult(store)
    child = records.save(store, _minor(adult), officer="OFF01").id
    with pytest.raises(RecordRefused, match="#2 is a minor's clearance"):
        records.save(store, _minor(child), officer="OFF01")


def test_the_adult_is_checked_as_it_stands_now(store: Store) -> None:
    officers.add_officer(store, Officer(code="SUP01", name="Sup", role=Role.SUPERVISOR), "1357")
    adult = _adult(store)
    records.save(
        store,
        Amendment(
            target_id=adult,
            reason="a child after all",
            approved_by="SUP01",
            replacement=passenger(traveller_role=TravellerRole.MINOR),
        ),
        officer="OFF01",
    )
    with pytest.raises(RecordRefused, match="is a minor's clearance"):
        records.save(store, _minor(adult), officer="OFF01")
    other = _adult(store, "LEE", "ZZ1111111")
    records.save(
        store, Void(target_id=other, reason="duplicate", approved_by="SUP01"), officer="OFF01"
    )
    with pytest.raises(RecordRefused, match="has been voided"):
        records.save(store, _minor(other), officer="OFF01")


def test_an_amendment_that_names_an_adult_is_checked_too(store: Store) -> None:
    officers.add_officer(store, Officer(code="SUP01", name="Sup", role=Role.SUPERVISOR), "1357")
    child = records.save(store, _minor(None), officer="OFF01").id
    amend = Amendment(
        target_id=child,
        reason="with her mother",
        approved_by="SUP01",
        replacement=_minor(uuid.uuid4()),
    )
    with pytest.raises(RecordRefused, match="not a passenger clearance of this workstation"):
        records.save(store, amend, officer="OFF01")


def test_an_adult_saved_in_the_same_batch_can_be_named(store: Store) -> None:
    adult = uuid.uuid4()
    saved = records.save_many(
        store,
        [Draft(passenger(), "OFF01", record_id=adult), Draft(_minor(adult), "OFF01")],
    )
    assert len(saved) == 2


def test_a_void_saved_earlier_in_the_same_batch_counts(store: Store) -> None:
    # The rule looks at the adult as it stood when the minor's record was made, whether the
    # void was saved before or in the same transaction, as the central does by seq.
    officers.add_officer(store, Officer(code="SUP01", name="Sup", role=Role.SUPERVISOR), "1357")
    adult = _adult(store)
    void = Void(target_id=adult, reason="duplicate", approved_by="SUP01")
    with pytest.raises(RecordRefused, match="has been voided"):
        records.save_many(store, [Draft(void, "OFF01"), Draft(_minor(adult), "OFF01")])
    assert store.conn.execute("SELECT count(*) FROM records").fetchone()[0] == 1


def test_only_a_minor_names_an_adult() -> None:
    with pytest.raises(ValidationError, match="only a minor's clearance"):
        passenger(accompanying_adult_id=uuid.uuid4())


def test_the_shift_s_adults_are_offered_newest_first_and_the_last_is_the_default(
    store: Store,
) -> None:
    officers.add_officer(store, Officer(code="SUP01", name="Sup", role=Role.SUPERVISOR), "1357")
    first = _adult(store, "FIRST", "A1")
    voided = _adult(store, "VOIDED", "A2")
    records.save(
        store, Void(target_id=voided, reason="duplicate", approved_by="SUP01"), officer="OFF01"
    )
    records.save(
        store, passenger(document=document(surname="ELSEWHERE")), officer="OFF01"
    )  # no shift
    mother = _adult(store, "MOTHER", "A3")
    found = companions.recent_adults(store, SHIFT)
    assert [a.name for a in found.adults] == ["MOTHER IMRAN", "FIRST IMRAN"]
    assert [a.document_number for a in found.adults] == ["A3", "A1"]
    assert found.default == mother
    # A brother or sister just before: the default is the adult they went with.
    records.save(store, _minor(first), officer="OFF01", shift_id=SHIFT)
    found = companions.recent_adults(store, SHIFT)
    assert found.default == first
    assert [a.name for a in found.adults] == ["MOTHER IMRAN", "FIRST IMRAN"]  # no minor listed
    assert companions.recent_adults(store, SHIFT, limit=1).adults[0].record_id == mother
    # An amended record's adult is offered even when older than the list.
    assert [a.record_id for a in companions.recent_adults(store, SHIFT, 1, also=first).adults] == [
        mother,
        first,
    ]
    assert companions.recent_adults(store, uuid.uuid4()).adults == []


def test_the_named_adult_is_described_even_when_voided(store: Store) -> None:
    officers.add_officer(store, Officer(code="SUP01", name="Sup", role=Role.SUPERVISOR), "1357")
    adult = _adult(store, "MOTHER", "A3")
    records.save(
        store, Void(target_id=adult, reason="duplicate", approved_by="SUP01"), officer="OFF01"
    )
    named = companions.adult_named(store, adult)
    assert named is not None and named.name == "MOTHER IMRAN" and named.voided
    assert companions.adult_named(store, uuid.uuid4()) is None


def test_the_central_rejects_an_adult_named_by_anyone_but_a_minor() -> None:
    # What the central validates of each record on its own: a forged link on an adult's
    # record is refused there too, with the reason in words.
    import orjson

    from inspection_central.ingest import _validate
    from inspection_client.domain.canonical import canonical_json, record_bytes
    from inspection_client.domain.models import Record

    child = _minor(uuid.uuid4())
    record = Record(
        id=uuid.uuid4(),
        workstation_id="W1",
        seq=1,
        recorded_at=datetime.now().astimezone(),
        officer="OFF01",
        body=child,
    )
    good = record_bytes(record)
    assert _validate(good) == (record, None)
    forged = orjson.loads(good)
    forged["body"]["traveller_role"] = "passenger"
    found, reason = _validate(canonical_json(forged))
    assert found is None
    assert reason is not None and "only a minor's clearance names an accompanying adult" in reason


@pytest.mark.parametrize("shift", [SHIFT, None])
def test_the_recent_adults_are_read_newest_first_without_sorting_every_clearance(
    store: Store, shift: uuid.UUID | None
) -> None:
    _adult(store)
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    try:
        companions.recent_adults(store, shift)
    finally:
        store.conn.set_trace_callback(None)
    (query,) = [s for s in statements if s.startswith("SELECT content FROM records WHERE")][:1]
    plan = " ".join(str(row[3]) for row in store.conn.execute("EXPLAIN QUERY PLAN " + query))
    # With a million records, sorting every passenger clearance took over a second a save.
    assert "TEMP B-TREE" not in plan, plan
