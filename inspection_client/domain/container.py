"""Freight container codes (ISO 6346) and seal numbers, as read at the freight lane.

The check digit catches a mistyped or misread code before it reaches a clearance record.
"""

from __future__ import annotations

import operator
import re
import string
from dataclasses import dataclass

from inspection_client.domain.mrz import CheckStatus, describe_character
from inspection_client.message import Message

CONTAINER_LENGTH = 11
CATEGORIES = "UJZ"

_ASCII_UPPER = str.maketrans(string.ascii_lowercase, string.ascii_uppercase)
_SEPARATORS = str.maketrans("", "", " -\t")
_SEAL = re.compile(r"[A-Z0-9-]{4,20}")
_ASCII_LETTERS = frozenset(string.ascii_uppercase)
_ASCII_DIGITS = frozenset(string.digits)
# re's [A-Z] and [0-9] are ASCII only; \Z rather than $ so a trailing newline is not allowed.
_WELL_FORMED = re.compile(r"[A-Z]{3}[UJZ][0-9]{7}\Z")


def _letter_values() -> dict[str, int]:
    # ISO 6346 numbers the letters from 10 but skips 11, 22 and 33, so that no letter is
    # worth a multiple of 11 (which would vanish in the mod-11 sum).
    values: dict[str, int] = {}
    value = 10
    for letter in string.ascii_uppercase:
        if value % 11 == 0:
            value += 1
        values[letter] = value
        value += 1
    return values


_VALUES = _letter_values() | {digit: int(digit) for digit in string.digits}


@dataclass(frozen=True, slots=True)
class ContainerResult:
    """The verdict on one container code, split into its parts."""

    value: str
    valid: bool
    errors: tuple[str, ...]
    owner_code: str
    category: str
    serial: str
    check_digit: CheckStatus

    def to_json(self) -> dict[str, object]:
        """Return the result as JSON-ready values."""
        return {"value": self.value, "valid": self.valid, "errors": list(self.errors)}


def container_check_digit(code: str) -> str:
    """Return the ISO 6346 check digit of the first 10 characters (owner, category, serial).

    Raises:
        ValueError: the code does not start with 4 letters and 6 digits.
    """
    head = code[:10]
    if len(head) != 10 or not (set(head[:4]) <= _ASCII_LETTERS and set(head[4:]) <= _ASCII_DIGITS):
        raise ValueError(f"{code!r} does not start with 4 letters and 6 digits")
    return _check_digit_of(head)


def _check_digit_of(code: str) -> str:
    total = sum(map(operator.lshift, map(_VALUES.__getitem__, code[:10]), range(10)))
    return str(total % 11 % 10)


def container_is_canonical(code: str) -> bool:
    """True when `code` is valid exactly as records store it (upper case, no separators).

    The quick yes for the records a central validates by the million; `validate_container`
    says why a code is not valid, and accepts lower case, spaces and hyphens.
    """
    return _WELL_FORMED.fullmatch(code) is not None and code[10] == _check_digit_of(code)


def container_shaped(value: str) -> bool:
    """True when `value` has an ISO 6346 code's shape (owner code, category, 7 digits), its
    check digit right or not: a seal like that is more likely a container scanned too soon."""
    code = value.strip().translate(_ASCII_UPPER).translate(_SEPARATORS)
    return _WELL_FORMED.fullmatch(code) is not None


def validate_container(value: str) -> ContainerResult:
    """Check a container code such as `CSQU3054383` (spaces and hyphens are tolerated)."""
    code = value.strip().translate(_ASCII_UPPER).translate(_SEPARATORS)
    if container_is_canonical(code):
        # The usual case: the right shape and the right check digit.
        return ContainerResult(code, True, (), code[:3], code[3], code[4:10], CheckStatus.OK)
    errors: list[str] = []
    if len(code) != CONTAINER_LENGTH:
        errors.append(
            Message(
                "container code has {length} characters, expected {expected} "
                "(3-letter owner code, category U, J or Z, 6-digit serial, check digit)",
                length=len(code),
                expected=CONTAINER_LENGTH,
            )
        )
    for position, char in enumerate(code[:100], 1):
        if position <= 3 and char not in _ASCII_LETTERS:
            errors.append(
                Message(
                    "position {position}: {character} — the owner code is 3 letters",
                    position=position,
                    character=_show(char),
                )
            )
        elif position == 4 and char not in CATEGORIES:
            errors.append(
                Message(
                    "position 4: {character} — the equipment category is U, J or Z",
                    character=_show(char),
                )
            )
        elif 5 <= position <= 11 and char not in _ASCII_DIGITS:
            errors.append(
                Message(
                    "position {position}: {character} — positions 5 to 11 are digits",
                    position=position,
                    character=_show(char),
                )
            )
    status = CheckStatus.BAD
    if not errors:
        expected = container_check_digit(code)
        if code[10] == expected:
            status = CheckStatus.OK
        else:
            errors.append(
                Message(
                    "check digit is {found}, expected {expected}", found=code[10], expected=expected
                )
            )
    return ContainerResult(code, not errors, tuple(errors), code[:3], code[3:4], code[4:10], status)


def make_container(owner_category: str, serial: str) -> str:
    """Return the full container code, e.g. `make_container("CSQU", "305438")` → `CSQU3054383`.

    Raises:
        ValueError: not 3 letters + U/J/Z and 6 digits.
    """
    head = f"{owner_category.upper()}{serial}"
    if len(owner_category) != 4 or head[3] not in CATEGORIES:
        raise ValueError(
            f"{owner_category!r} is not a 3-letter owner code and a category U, J or Z"
        )
    return head + container_check_digit(head)


def validate_seal(value: str) -> list[str]:
    """Check a seal number: 4 to 20 characters of A-Z, 0-9 and `-`. Returns the errors."""
    seal = value.strip().translate(_ASCII_UPPER)
    if _SEAL.fullmatch(seal):
        return []
    errors: list[str] = []
    if not 4 <= len(seal) <= 20:
        errors.append(
            Message("seal number has {length} characters, expected 4 to 20", length=len(seal))
        )
    bad = [char for char in dict.fromkeys(seal[:100]) if not re.fullmatch(r"[A-Z0-9-]", char)]
    errors.extend(
        Message("{character} cannot appear in a seal number", character=_show(char)) for char in bad
    )
    return errors


def _show(char: str) -> str:
    return repr(char) if char.isascii() and char.isprintable() else describe_character(char)
