"""China customs declaration numbers and HS codes."""

from __future__ import annotations

from datetime import date

import pytest

from inspection_client.domain.declaration import (
    make_declaration,
    validate_declaration,
    validate_hs_code,
)

TODAY = date(2025, 6, 1)


def test_valid_import_and_export() -> None:
    result = validate_declaration("510020251000012345", today=TODAY)
    assert result.valid, result.errors
    assert (result.customs_code, result.year, result.direction) == ("5100", 2025, "import")
    exported = validate_declaration(make_declaration("0200", 2024, True, 7), today=TODAY)
    assert (exported.value, exported.direction, exported.valid) == (
        "020020240000000007",
        "export",
        True,
    )
    assert exported.to_json()["direction"] == "export"


def test_spaces_and_hyphens_are_ignored() -> None:
    assert validate_declaration(" 5100-2025-1-000012345 ", today=TODAY).valid


@pytest.mark.parametrize(
    ("value", "error"),
    [
        (
            "51002025100001234",
            "declaration number has 17 characters besides spaces and hyphens, expected 18 digits",
        ),
        ("51002025100001234X", "declaration number must be digits only"),
        ("５１００20251000012345", "declaration number must be digits only"),
        ("510020257000012345", "position 9 is 7; the flag is 1 for import or 0 for export"),
        ("510020271000012345", "year 2027 is outside 1990–2026"),
        ("000020251000012345", "customs office code 0000 does not exist"),
        ("510020251000000000", "serial number 000000000 is never issued"),
        ("'; DROP TABLE x;--", "declaration number must be digits only"),
        ("", "declaration number has 0 characters besides spaces and hyphens, expected 18 digits"),
    ],
)
def test_invalid_declarations(value: str, error: str) -> None:
    result = validate_declaration(value, today=TODAY)
    assert not result.valid
    assert error in result.errors


def test_invalid_flag_has_no_direction() -> None:
    assert validate_declaration("510020257000012345", today=TODAY).direction == ""


def test_make_declaration_refuses_what_does_not_fit() -> None:
    with pytest.raises(ValueError, match="4 digits"):
        make_declaration("51", 2025, False, 1)
    with pytest.raises(ValueError, match="serial"):
        make_declaration("5100", 2025, False, 10**9)


@pytest.mark.parametrize(
    "code", ["870323", "8703.23", "87032310", "8703.23.10", "8703231090", " 0101.21 "]
)
def test_valid_hs_codes(code: str) -> None:
    assert validate_hs_code(code) == []


@pytest.mark.parametrize(
    ("code", "error"),
    [
        ("87032", "HS code has 5 digits, expected 6, 8 or 10"),
        ("870323101", "HS code has 9 digits, expected 6, 8 or 10"),
        ("8703A3", "HS code must be digits (dots are allowed between groups)"),
        ("000000", "HS chapter 00 does not exist"),
        ("", "HS code has 0 digits, expected 6, 8 or 10"),
    ],
)
def test_invalid_hs_codes(code: str, error: str) -> None:
    assert error in validate_hs_code(code)
