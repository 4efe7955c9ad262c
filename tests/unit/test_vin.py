"""VIN validation (ISO 3779) and the North-American / Chinese check digit."""

from __future__ import annotations

import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspection_client.domain.mrz import CheckStatus
from inspection_client.domain.vin import make_vin, validate_vin, vin_check_digit

VIN_CHARACTERS = "".join(sorted(set(string.ascii_uppercase + string.digits) - set("IOQ")))


@pytest.mark.parametrize("vin", ["1M8GDM9AXKP042788", "11111111111111111", " 1m8gdm9axkp042788\n"])
def test_known_valid_north_american_vins(vin: str) -> None:
    result = validate_vin(vin)
    assert result.valid, result.errors
    assert result.check_digit == CheckStatus.OK
    assert result.value == vin.strip().upper()
    assert result.wmi == result.value[:3]


def test_wrong_check_digit() -> None:
    result = validate_vin("1M8GDM9A1KP042788")
    assert not result.valid
    assert result.check_digit == CheckStatus.BAD
    assert result.errors == ("check digit (position 9) is '1', expected 'X'",)


def test_european_vin_has_no_mandatory_check_digit() -> None:
    result = validate_vin("WVWZZZ1JZXW000001")
    assert result.valid
    assert result.check_digit == CheckStatus.NOT_APPLICABLE


def test_chinese_vin_is_checked() -> None:
    vin = make_vin("LSV", "AB12C", "JA123456")
    assert vin == "LSVAB12C3JA123456"
    assert validate_vin(vin).check_digit == CheckStatus.OK
    assert validate_vin(vin[:8] + "4" + vin[9:]).check_digit == CheckStatus.BAD


@pytest.mark.parametrize(
    ("value", "error"),
    [
        ("1M8GDM9AXKP04278", "VIN has 16 characters, expected 17"),
        ("", "VIN has 0 characters, expected 17"),
        ("1M8GDM9AXKPO42788", "position 12: 'O' is never used in a VIN (I, O, Q are excluded)"),
        (
            "1M8GDМ9AXKP042788",
            "position 6: 'М' (U+041C CYRILLIC CAPITAL LETTER EM) is not a VIN character",
        ),
        ("1M8GDM9AXKP04278\x00", "position 17: '\\x00' (U+0000) is not a VIN character"),
        ("'; DROP TABLE x;--", 'position 1: "\'" (U+0027 APOSTROPHE) is not a VIN character'),
    ],
)
def test_structure_errors(value: str, error: str) -> None:
    result = validate_vin(value)
    assert not result.valid
    assert error in result.errors


def test_huge_input_is_bounded() -> None:
    result = validate_vin("!" * 10_000_000)
    assert not result.valid
    assert len(result.errors) <= 101


def test_to_json() -> None:
    assert validate_vin("WVWZZZ1JZXW000001").to_json() == {
        "value": "WVWZZZ1JZXW000001",
        "valid": True,
        "errors": [],
        "check_digit": "not applicable",
    }


def test_make_vin_refuses_bad_sections() -> None:
    with pytest.raises(ValueError, match="3-character WMI"):
        make_vin("1M", "8GDM9A", "KP042788")
    with pytest.raises(ValueError, match="not 17 VIN characters"):
        make_vin("1MO", "8GDM9", "KP042788")


@given(
    st.sampled_from("12345L"),
    st.text(VIN_CHARACTERS, min_size=7, max_size=7),
    st.text(VIN_CHARACTERS, min_size=8, max_size=8),
    st.integers(0, 16),
    st.sampled_from(VIN_CHARACTERS),
)
def test_made_vins_validate_and_one_change_is_usually_caught(
    region: str, middle: str, vis: str, position: int, replacement: str
) -> None:
    vin = make_vin(region + middle[:2], middle[2:], vis)
    assert validate_vin(vin).valid
    changed = vin[:position] + replacement + vin[position + 1 :]
    # Weight 0 at position 9 and transliteration collisions (A/J, B/K...) are the known blind spots.
    if changed[0] in "12345L" and vin_check_digit(changed) != vin_check_digit(vin):
        assert not validate_vin(changed).valid
