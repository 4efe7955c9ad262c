"""Vehicle identification numbers (ISO 3779): structure and the North-American check digit.

Used by the vehicle lane (exported complete vehicles, trucks) and the `check vin` command.
"""

from __future__ import annotations

import operator
import re
import string
from dataclasses import dataclass

from inspection_client.domain.mrz import CheckStatus, describe_character
from inspection_client.message import Message

VIN_LENGTH = 17
CHECK_DIGIT_POSITION = 9

_ASCII_UPPER = str.maketrans(string.ascii_lowercase, string.ascii_uppercase)
_ALLOWED = frozenset(string.digits + string.ascii_uppercase) - frozenset("IOQ")
_TRANSLITERATION = {str(digit): digit for digit in range(10)} | dict(
    zip(
        "ABCDEFGHJKLMNPRSTUVWXYZ",
        (1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9),
        strict=True,
    )
)
# The values again, as a table indexed by character code: a VIN already known to hold only
# VIN characters (all ASCII) turns into its values with one `bytes.translate`.
_VALUE_TABLE = bytes(_TRANSLITERATION.get(chr(code), 0) for code in range(256))
_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
# The check digit is mandatory in North America (WMI 1-5) and China (L); elsewhere
# position 9 is free for the manufacturer, so a mismatch there means nothing.
_CHECKED_REGIONS = frozenset("12345L")
# A VIN exactly as records store it: upper case, 17 of the allowed characters.
_CANONICAL = re.compile(r"[A-HJ-NPR-Z0-9]{17}\Z")


@dataclass(frozen=True, slots=True)
class VinResult:
    """The verdict on one VIN."""

    value: str
    valid: bool
    errors: tuple[str, ...]
    check_digit: CheckStatus
    wmi: str

    def to_json(self) -> dict[str, object]:
        """Return the result as JSON-ready values."""
        return {
            "value": self.value,
            "valid": self.valid,
            "errors": list(self.errors),
            "check_digit": str(self.check_digit),
        }


def vin_check_digit(vin: str) -> str:
    """Return the ISO 3779 check digit ("0"-"9" or "X") of a 17-character VIN.

    Position 9 itself has weight 0, so whatever it holds does not matter.

    Raises:
        ValueError: the VIN is not 17 characters of A-Z (without I, O, Q) and 0-9.
    """
    if len(vin) != VIN_LENGTH or not _ALLOWED.issuperset(vin):
        raise ValueError(f"{vin!r} is not 17 VIN characters")
    return _check_digit_of(vin)


def _check_digit_of(vin: str) -> str:
    """The check digit of a VIN of 17 VIN characters (the caller has checked them)."""
    values = vin.encode("ascii").translate(_VALUE_TABLE)
    remainder = sum(map(operator.mul, values, _WEIGHTS)) % 11
    return "X" if remainder == 10 else str(remainder)


def vin_is_canonical(vin: str) -> bool:
    """True when `vin` is valid exactly as records store it (upper case, nothing around it).

    The quick yes for the records a central validates by the million; `validate_vin` says
    why a VIN is not valid, and accepts lower case and surrounding spaces.
    """
    if _CANONICAL.fullmatch(vin) is None:
        return False
    return vin[0] not in _CHECKED_REGIONS or _check_digit_of(vin) == vin[CHECK_DIGIT_POSITION - 1]


def validate_vin(value: str) -> VinResult:
    """Check a VIN: 17 characters, A-Z and 0-9 without I, O and Q, and its check digit.

    Surrounding whitespace is dropped and letters are upper-cased; nothing else is changed.
    """
    vin = value.strip().translate(_ASCII_UPPER)
    if len(vin) == VIN_LENGTH and _ALLOWED.issuperset(vin):
        # The usual case, a well-formed VIN: only the check digit is left to look at.
        if vin[0] not in _CHECKED_REGIONS:
            return VinResult(vin, True, (), CheckStatus.NOT_APPLICABLE, vin[:3])
        expected, found = vin_check_digit(vin), vin[CHECK_DIGIT_POSITION - 1]
        if found == expected:
            return VinResult(vin, True, (), CheckStatus.OK, vin[:3])
    errors: list[str] = []
    if len(vin) != VIN_LENGTH:
        errors.append(
            Message(
                "VIN has {length} characters, expected {expected}",
                length=len(vin),
                expected=VIN_LENGTH,
            )
        )
    for position, char in enumerate(vin[:100], 1):
        if char in "IOQ":
            errors.append(
                Message(
                    "position {position}: {char!r} is never used in a VIN (I, O, Q are excluded)",
                    position=position,
                    char=char,
                )
            )
        elif char not in _ALLOWED:
            errors.append(
                Message(
                    "position {position}: {character} is not a VIN character",
                    position=position,
                    character=describe_character(char),
                )
            )
    status = CheckStatus.NOT_APPLICABLE
    if vin[:1] in _CHECKED_REGIONS and vin:
        if errors:
            status = CheckStatus.BAD
        else:
            expected, found = vin_check_digit(vin), vin[CHECK_DIGIT_POSITION - 1]
            if found == expected:
                status = CheckStatus.OK
            else:
                status = CheckStatus.BAD
                errors.append(
                    Message(
                        "check digit (position 9) is {found!r}, expected {expected!r}",
                        found=found,
                        expected=expected,
                    )
                )
    return VinResult(vin, not errors, tuple(errors), status, vin[:3])


def make_vin(wmi: str, vds: str, vis: str) -> str:
    """Assemble a VIN from its sections and insert the check digit at position 9.

    Args:
        wmi: world manufacturer identifier, 3 characters.
        vds: vehicle descriptor section without the check digit, 5 characters.
        vis: vehicle identifier section, 8 characters.

    Raises:
        ValueError: a section of the wrong length or with characters a VIN cannot hold.
    """
    if (len(wmi), len(vds), len(vis)) != (3, 5, 8):
        raise ValueError("a VIN is a 3-character WMI, a 5-character VDS and an 8-character VIS")
    draft = f"{wmi}{vds}0{vis}".upper()
    return f"{draft[:8]}{vin_check_digit(draft)}{draft[9:]}"
