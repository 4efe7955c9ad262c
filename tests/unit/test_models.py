"""Domain models refuse what a record must never hold."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from pydantic import ValidationError

from inspection_client.domain.canonical import canonical_json, record_bytes
from inspection_client.domain.codes import Decision, RefusalGround
from inspection_client.domain.models import ContainerLoad, Record
from tests.factories import document, passenger, truck


def test_refusal_needs_a_ground_and_only_refusals_have_one() -> None:
    with pytest.raises(ValidationError, match="coded ground"):
        passenger(Decision.REFUSED, refusal_ground=None)
    with pytest.raises(ValidationError, match="only given with a refusal"):
        passenger(Decision.CLEARED, refusal_ground=RefusalGround.FALSE_DOCUMENT)
    assert passenger(Decision.REFUSED).refusal_ground is RefusalGround.NO_VALID_VISA


def test_unknown_fields_are_errors() -> None:
    with pytest.raises(ValidationError, match="Extra inputs"):
        document(favourite_colour="blue")


@pytest.mark.parametrize(
    "vins",
    [("LSVAB2BM1NN000001X",), ("LSVAB2BM0NN000001",), ("1HGCM82633A00435O",)],
)
def test_vins_are_validated_in_the_record(vins: tuple[str, ...]) -> None:
    with pytest.raises(ValidationError, match="VIN"):
        truck(vins=vins)


def test_container_check_digit_is_validated_in_the_record() -> None:
    with pytest.raises(ValidationError, match="container"):
        ContainerLoad(number="CSQU3054384")


def test_document_helpers() -> None:
    doc = document(birth_date=date(2010, 6, 1), expiry_date=date(2026, 1, 1))
    assert doc.age_on(date(2026, 5, 31)) == 15
    assert doc.age_on(date(2026, 6, 1)) == 16
    assert doc.is_expired(date(2026, 1, 2)) and not doc.is_expired(date(2026, 1, 1))


def test_canonical_bytes_are_sorted_compact_utf8() -> None:
    assert canonical_json({"b": "新", "a": [1, {"d": None, "c": True}]}) == (
        '{"a":[1,{"c":true,"d":null}],"b":"新"}'.encode()
    )
    record = Record(
        id=uuid.uuid4(),
        workstation_id="W1",
        seq=1,
        recorded_at="2026-11-24T10:00:00+08:00",  # type: ignore[arg-type]
        officer="OFF01",
        body=truck(),
    )
    content = record_bytes(record)
    assert Record.model_validate_json(content) == record
    assert canonical_json(Record.model_validate_json(content).model_dump(mode="json")) == content


def test_records_are_immutable() -> None:
    record = passenger()
    with pytest.raises(ValidationError, match="frozen"):
        record.remarks = "changed"  # type: ignore[misc]


# A right-to-left override prints "Li Wei\u202eKCOLB" as "Li WeiBLOCK";
# a zero-width space or a soft hyphen makes two names that print alike differ.
@pytest.mark.parametrize(
    "invisible", ["\u202e", "\u202a", "\u2066", "\u2069", "\u200f", "\u200b", "\u00ad", "\ufeff"]
)
def test_an_officer_name_refuses_invisible_formatting_characters(invisible: str) -> None:
    from inspection_client.domain.models import Officer
    from inspection_client.domain.validation import describe_validation

    with pytest.raises(ValidationError) as refused:
        Officer(code="OFF01", name=f"Li Wei{invisible}KCOLB")
    assert "direction override" in describe_validation(refused.value)


@pytest.mark.parametrize(
    ("fields", "said"),
    [
        ({"code": "off 1;drop", "name": "A"}, "code: should be 3 to 12 letters or digits"),
        ({"code": "OFF01", "name": ""}, "name: is empty"),
    ],
)
def test_a_refused_account_is_described_in_words_not_expressions(
    fields: dict[str, str], said: str
) -> None:
    from inspection_client.domain.models import Officer
    from inspection_client.domain.validation import describe_validation

    with pytest.raises(ValidationError) as refused:
        Officer(**fields)
    described = describe_validation(refused.value)
    assert said in described and "pattern" not in described and "String" not in described


def test_an_officer_name_keeps_the_joiners_scripts_need() -> None:
    from inspection_client.domain.models import Officer

    # Persian "Mehrnāz" is spelt with a zero-width non-joiner.
    assert Officer(code="OFF01", name="مهر\u200cناز").name == "مهر\u200cناز"
