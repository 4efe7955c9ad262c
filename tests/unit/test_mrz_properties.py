"""Properties of the MRZ parser: round trips, single-digit errors caught, no input crashes it."""

from __future__ import annotations

import string
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from inspection_client.domain.mrz import (
    CheckStatus,
    build_td1,
    build_td2,
    build_td3,
    is_complete_mrz,
    normalise_mrz_text,
    parse_mrz,
    split_mrz_blocks,
)

TODAY = date(2025, 6, 1)
ALNUM = string.ascii_uppercase + string.digits

words = st.lists(st.text(string.ascii_uppercase, min_size=1, max_size=10), min_size=1, max_size=3)
states = st.one_of(st.just("D"), st.text(string.ascii_uppercase, min_size=3, max_size=3))
# The two-digit years are only unambiguous inside the windows parse_mrz documents.
birth_dates = st.dates(min_value=TODAY - timedelta(days=99 * 365), max_value=TODAY)
expiry_dates = st.dates(
    min_value=TODAY - timedelta(days=49 * 365), max_value=TODAY + timedelta(days=49 * 365)
)


@st.composite
def people(draw: st.DrawFn, name_width: int) -> dict[str, object]:
    surname = " ".join(draw(words))
    given_names = " ".join(
        draw(st.lists(st.text(string.ascii_uppercase, min_size=1, max_size=8), max_size=3))
    )
    # Names that do not fit are truncated, which a round trip cannot survive.
    fits = len(surname) + (len(given_names) + 2 if given_names else 0) <= name_width
    if not fits:
        surname, given_names = surname[: name_width - 2].rstrip(), ""
    return {
        "issuing_state": draw(states),
        "nationality": draw(states),
        "surname": surname,
        "given_names": given_names,
        "birth_date": draw(birth_dates),
        "expiry_date": draw(expiry_dates),
        "sex": draw(st.sampled_from("MFX")),
    }


def assert_round_trip(result: object, person: dict[str, object], number: str) -> None:
    assert result.valid, result.errors  # type: ignore[attr-defined]
    for key, value in person.items():
        assert getattr(result, key) == value, key
    assert result.document_number == number  # type: ignore[attr-defined]


@given(people(39), st.text(ALNUM, min_size=1, max_size=9), st.text(ALNUM, max_size=14))
def test_td3_round_trip(person: dict[str, object], number: str, personal: str) -> None:
    lines = build_td3(document_number=number, personal_number=personal, **person)  # type: ignore[arg-type]
    result = parse_mrz("\n".join(lines), today=TODAY)
    assert_round_trip(result, person, number)
    assert (result.format, result.optional_data) == ("TD3", personal)
    assert is_complete_mrz("".join(lines))


@given(
    people(30),
    st.text(ALNUM, min_size=1, max_size=14),
    st.text(ALNUM, max_size=13),
    st.text(ALNUM, max_size=11),
)
def test_td1_round_trip(
    person: dict[str, object], number: str, optional: str, optional_2: str
) -> None:
    spill = len(number) - 9
    if spill > 0:
        optional = optional[: max(0, 15 - spill - 2)]
    lines = build_td1(
        document_number=number,
        optional_data=optional,
        optional_data_2=optional_2,
        **person,  # type: ignore[arg-type]
    )
    result = parse_mrz("".join(lines), today=TODAY)
    assert_round_trip(result, person, number)
    assert (result.format, result.optional_data, result.optional_data_2) == (
        "TD1",
        optional,
        optional_2,
    )


@given(people(31), st.text(ALNUM, min_size=1, max_size=13), st.text(ALNUM, max_size=7))
def test_td2_round_trip(person: dict[str, object], number: str, optional: str) -> None:
    spill = len(number) - 9
    if spill > 0:
        optional = optional[: max(0, 7 - spill - 2)]
    lines = build_td2(document_number=number, optional_data=optional, **person)  # type: ignore[arg-type]
    result = parse_mrz(" ".join(lines).lower(), today=TODAY)
    assert_round_trip(result, person, number)
    assert (result.format, result.optional_data) == ("TD2", optional)


# Which check guards each column of the line that carries the check digits.
TD3_GUARDS = (
    {column: "document_number" for column in range(10)}
    | {column: "birth_date" for column in range(13, 20)}
    | {column: "expiry_date" for column in range(21, 28)}
    | {column: "optional_data" for column in range(28, 43)}
    | {43: "composite"}
)
TD1_GUARDS = (
    {(0, column): "document_number" for column in range(5, 15)}
    | {(0, column): "composite" for column in range(15, 30)}
    | {(1, column): "birth_date" for column in range(7)}
    | {(1, column): "expiry_date" for column in range(8, 15)}
    | {(1, column): "composite" for column in range(18, 30)}
)


def change_digit(data: st.DataObject, line: str, column: int) -> str:
    digit = data.draw(st.sampled_from([d for d in string.digits if d != line[column]]))
    return line[:column] + digit + line[column + 1 :]


@given(people(39), st.text(ALNUM, min_size=1, max_size=9), st.text(ALNUM, max_size=14), st.data())
def test_td3_one_changed_digit_is_caught(
    person: dict[str, object], number: str, personal: str, data: st.DataObject
) -> None:
    line1, line2 = build_td3(document_number=number, personal_number=personal, **person)  # type: ignore[arg-type]
    columns = [column for column in TD3_GUARDS if line2[column].isdigit()]
    column = data.draw(st.sampled_from(columns))
    result = parse_mrz(f"{line1}\n{change_digit(data, line2, column)}", today=TODAY)
    assert not result.valid
    assert result.checks[TD3_GUARDS[column]] == CheckStatus.BAD


@given(people(30), st.text(ALNUM, min_size=1, max_size=9), st.text(ALNUM, max_size=15), st.data())
def test_td1_one_changed_digit_is_caught(
    person: dict[str, object], number: str, optional: str, data: st.DataObject
) -> None:
    lines = list(build_td1(document_number=number, optional_data=optional, **person))  # type: ignore[arg-type]
    places = [place for place in TD1_GUARDS if lines[place[0]][place[1]].isdigit()]
    row, column = data.draw(st.sampled_from(places))
    lines[row] = change_digit(data, lines[row], column)
    result = parse_mrz("\n".join(lines), today=TODAY)
    assert not result.valid
    assert result.checks[TD1_GUARDS[row, column]] == CheckStatus.BAD


@given(st.text())
def test_arbitrary_text_never_raises(text: str) -> None:
    result = parse_mrz(text, today=TODAY)
    assert isinstance(result.valid, bool)
    assert result.valid or result.errors
    normalise_mrz_text(text)
    is_complete_mrz(text)
    split_mrz_blocks(text)


mrz_like = st.text(alphabet=ALNUM + "<\x00 \nАО😀", min_size=60, max_size=100)


@given(mrz_like)
def test_near_mrz_text_never_raises(text: str) -> None:
    result = parse_mrz(text, today=TODAY)
    assert result.valid or result.errors
    result.to_json()


@given(st.sampled_from([(30, 30, 30), (36, 36), (44, 44)]), st.data())
def test_right_shape_with_random_content_never_raises(
    shape: tuple[int, ...], data: st.DataObject
) -> None:
    lines = [data.draw(st.text(ALNUM + "<", min_size=width, max_size=width)) for width in shape]
    result = parse_mrz("\n".join(lines), today=TODAY)
    assert result.format is not None
    assert result.valid or result.errors
    if result.suggestion is not None:
        assert parse_mrz("\n".join(result.suggestion), today=TODAY).valid
