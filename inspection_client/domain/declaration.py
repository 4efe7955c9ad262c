"""China customs declaration numbers and HS commodity codes: structure checks only.

Neither carries a check digit, so these checks catch wrong lengths, letters and impossible
parts (an import/export flag of 7, a year in the future), not every typing error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from inspection_client.message import Message

DECLARATION_LENGTH = 18
FIRST_YEAR = 1990
HS_LENGTHS = (6, 8, 10)

_IGNORED = str.maketrans("", "", " -\t")
# Office, year, import/export flag, serial; [0-9] rather than \d, which admits other scripts.
_CANONICAL = re.compile(r"[0-9]{4}([0-9]{4})[01][0-9]{9}\Z")


@dataclass(frozen=True, slots=True)
class DeclarationResult:
    """The verdict on one declaration number, split into its parts."""

    value: str
    valid: bool
    errors: tuple[str, ...]
    customs_code: str
    year: int | None
    direction: str  # "import", "export" or "" when the flag is unreadable

    def to_json(self) -> dict[str, object]:
        """Return the result as JSON-ready values."""
        return {
            "value": self.value,
            "valid": self.valid,
            "errors": list(self.errors),
            "customs_code": self.customs_code,
            "year": self.year,
            "direction": self.direction,
        }


def _is_digits(text: str) -> bool:
    # str.isdigit() alone would accept Arabic-Indic and full-width digits.
    return text.isascii() and text.isdigit()


def validate_declaration(value: str, *, today: date | None = None) -> DeclarationResult:
    """Check an 18-digit declaration number: customs office, year, I/E flag, serial.

    Args:
        value: the number as typed; spaces and hyphens are ignored.
        today: the reference date for "year not in the future" (default: the system date).
    """
    number = value.strip().translate(_IGNORED)
    errors: list[str] = []
    if len(number) != DECLARATION_LENGTH:
        errors.append(
            Message(
                "declaration number has {length} characters besides spaces and hyphens, "
                "expected 18 digits",
                length=len(number),
            )
        )
    if not _is_digits(number):
        errors.append(Message("declaration number must be digits only"))
    customs_code, year_text, flag, serial = number[0:4], number[4:8], number[8:9], number[9:18]
    if errors:
        return DeclarationResult(number, False, tuple(errors), "", None, "")
    current_year = (today or date.today()).year
    year = int(year_text)
    if customs_code == "0000":
        errors.append(Message("customs office code 0000 does not exist"))
    # A declaration lodged in the last days of December may carry the coming year.
    if not FIRST_YEAR <= year <= current_year + 1:
        errors.append(
            Message(
                "year {year} is outside {first}–{last}",
                year=year,
                first=FIRST_YEAR,
                last=current_year + 1,
            )
        )
    direction = {"1": "import", "0": "export"}.get(flag, "")
    if not direction:
        errors.append(
            Message("position 9 is {flag}; the flag is 1 for import or 0 for export", flag=flag)
        )
    if serial == "0" * 9:
        errors.append(Message("serial number 000000000 is never issued"))
    return DeclarationResult(number, not errors, tuple(errors), customs_code, year, direction)


def declaration_is_canonical(number: str, *, today: date | None = None) -> bool:
    """True when `number` is valid exactly as records store it (18 digits, no separators).

    The quick yes for the records a central validates by the million; `validate_declaration`
    says why a number is not valid, and ignores spaces and hyphens.
    """
    match = _CANONICAL.fullmatch(number)
    if match is None or number[:4] == "0000" or number[9:] == "000000000":
        return False
    return FIRST_YEAR <= int(match[1]) <= (today or date.today()).year + 1


def validate_hs_code(value: str) -> list[str]:
    """Check an HS commodity code: 6, 8 or 10 digits, dots and spaces ignored. Returns errors."""
    code = value.strip().replace(".", "").replace(" ", "")
    errors: list[str] = []
    if not _is_digits(code):
        errors.append(Message("HS code must be digits (dots are allowed between groups)"))
    if len(code) not in HS_LENGTHS:
        errors.append(Message("HS code has {length} digits, expected 6, 8 or 10", length=len(code)))
    if not errors and code[:2] in ("00", "77"):
        errors.append(Message("HS chapter {chapter} does not exist", chapter=code[:2]))
    return errors


def make_declaration(customs_code: str, year: int, export: bool, serial: int) -> str:
    """Assemble an 18-digit declaration number.

    Raises:
        ValueError: a part that does not fit its digits.
    """
    if len(customs_code) != 4 or not _is_digits(customs_code):
        raise ValueError(f"customs office code {customs_code!r} must be 4 digits")
    if not 0 <= year <= 9999 or not 0 < serial < 10**9:
        raise ValueError("year must have 4 digits and serial 1 to 9 digits")
    return f"{customs_code}{year:04d}{0 if export else 1}{serial:09d}"
