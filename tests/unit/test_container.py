"""ISO 6346 container codes and seal numbers."""

from __future__ import annotations

import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspection_client.domain.container import (
    container_check_digit,
    container_shaped,
    make_container,
    validate_container,
    validate_seal,
)
from inspection_client.domain.mrz import CheckStatus


@pytest.mark.parametrize(
    "value", ["CSQU3054383", "CSQU 305438 3", "csqu-305438-3", " MSKU 907032 3 "]
)
def test_known_valid_codes(value: str) -> None:
    result = validate_container(value)
    assert result.valid, result.errors
    assert result.check_digit == CheckStatus.OK


def test_parts() -> None:
    result = validate_container("CSQU 305438 3")
    assert (result.value, result.owner_code, result.category, result.serial) == (
        "CSQU3054383",
        "CSQ",
        "U",
        "305438",
    )
    assert result.to_json() == {"value": "CSQU3054383", "valid": True, "errors": []}


def test_wrong_check_digit() -> None:
    result = validate_container("CSQU3054384")
    assert result.errors == ("check digit is 4, expected 3",)
    assert result.check_digit == CheckStatus.BAD


@pytest.mark.parametrize(
    ("value", "error"),
    [
        ("CSQU305438", "container code has 10 characters, expected 11"),
        ("C5QU3054383", "position 2: '5' — the owner code is 3 letters"),
        ("CSQX3054383", "position 4: 'X' — the equipment category is U, J or Z"),
        ("CSQU30543B3", "position 10: 'B' — positions 5 to 11 are digits"),
        ("CSQU305438\x00", "position 11: '\\x00' (U+0000) — positions 5 to 11 are digits"),
        ("СSQU3054383", "position 1: 'С' (U+0421 CYRILLIC CAPITAL LETTER ES) — the owner code"),
        ("'; DROP TABLE x;--", 'position 1: "\'" — the owner code is 3 letters'),
    ],
)
def test_structure_errors(value: str, error: str) -> None:
    result = validate_container(value)
    assert not result.valid
    assert any(message.startswith(error) for message in result.errors), result.errors


def test_letter_values_skip_multiples_of_eleven() -> None:
    # A=10, B=12 (11 skipped): AAAU000000 and its check digit follow the standard table.
    assert container_check_digit("AAAU000000") == str((10 + 20 + 40 + 32 * 8) % 11 % 10)
    assert make_container("CSQU", "305438") == "CSQU3054383"
    with pytest.raises(ValueError, match="category"):
        make_container("CSQX", "305438")


@given(
    st.text(string.ascii_uppercase, min_size=3, max_size=3),
    st.sampled_from("UJZ"),
    st.text(string.digits, min_size=6, max_size=6),
    st.integers(4, 9),
    st.sampled_from(string.digits),
)
def test_one_changed_serial_digit_is_caught(
    owner: str, category: str, serial: str, position: int, digit: str
) -> None:
    code = make_container(owner + category, serial)
    assert validate_container(code).valid
    changed = code[:position] + digit + code[position + 1 :]
    # The one blind spot of ISO 6346: a remainder of 10 is written as 0.
    if changed != code and container_check_digit(changed) != code[10]:
        assert not validate_container(changed).valid


@pytest.mark.parametrize("seal", ["ABCD", "EU-123456", "12345678901234567890", " cn-2024-0001 "])
def test_valid_seals(seal: str) -> None:
    assert validate_seal(seal) == []


@pytest.mark.parametrize(
    ("seal", "error"),
    [
        ("ABC", "seal number has 3 characters, expected 4 to 20"),
        ("A" * 21, "seal number has 21 characters, expected 4 to 20"),
        ("AB CD", "' ' cannot appear in a seal number"),
        ("AB\x00CD", "'\\x00' (U+0000) cannot appear in a seal number"),
        ("ABCD;", "';' cannot appear in a seal number"),
    ],
)
def test_invalid_seals(seal: str, error: str) -> None:
    assert error in validate_seal(seal)


@pytest.mark.parametrize(
    ("value", "shaped"),
    [
        ("CSQU3054383", True),
        ("CSQU3054380", True),  # a wrong check digit: still a container's shape
        ("csqu 305438-3", True),
        ("CN91234567", False),
        ("CSQX3054383", False),
        ("CSQU305438", False),
    ],
)
def test_container_shape_whatever_the_check_digit(value: str, shaped: bool) -> None:
    assert container_shaped(value) is shaped
