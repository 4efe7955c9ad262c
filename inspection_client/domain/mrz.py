"""ICAO Doc 9303 machine-readable zones: tolerant reading, strict verification, test builders.

The lane form, the `check` command and the synthetic-data seeder all read MRZs through here.
"""

from __future__ import annotations

import re
import string
import unicodedata
from calendar import isleap
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from itertools import combinations, cycle
from operator import mul

from inspection_client.message import Message


class CheckStatus(StrEnum):
    """Outcome of one check digit (shared by the VIN and container validators)."""

    OK = "ok"
    BAD = "bad"
    NOT_APPLICABLE = "not applicable"


CHECK_NAMES = ("document_number", "birth_date", "expiry_date", "optional_data", "composite")

# Generous room for separators and stray whitespace; anything longer cannot be one MRZ, and
# refusing it before splitting keeps a pasted 10 MB file from stalling the lane.
MAX_INPUT_CHARS = 1024

_VALUES: dict[str, int] = {"<": 0}
_VALUES.update({str(digit): digit for digit in range(10)})
_VALUES.update({letter: 10 + i for i, letter in enumerate(string.ascii_uppercase)})
# Byte-wise translation is the fastest pure-Python route to the character values; the
# parser checks every check digit of every MRZ, so this is the hot loop of the lane.
_NOT_MRZ_BYTE = 255
_BYTE_VALUES = bytes(_VALUES.get(chr(byte), _NOT_MRZ_BYTE) for byte in range(256))
_WEIGHTS = (7, 3, 1) * 20
_DIGITS = "0123456789"
_ASCII_UPPER = str.maketrans(string.ascii_lowercase, string.ascii_uppercase)
_NON_MRZ = re.compile(r"[^A-Z0-9<]")
_DIGIT = re.compile(r"[0-9]")
_PARTIAL_BIRTH = re.compile(r"[0-9]{2}(?:[0-9]{2}|<<)<<|<{6}")
_SECOND_LINE = re.compile(r".{13}[0-9<]{6}[0-9][MFX<][0-9]{7}")
_SHAPES = {(30, 30, 30): 30, (36, 36): 36, (44, 44): 44}
_BURST_WIDTHS = {90: 30, 72: 36, 88: 44}
_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_MAX_CHARACTER_ERRORS = 10

# OCR and typing confusions a suggestion may undo; never applied to a result.
_TO_DIGIT = {"O": "0", "I": "1", "B": "8", "S": "5", "Z": "2"}
_TO_LETTER = {digit: letter for letter, digit in _TO_DIGIT.items()}


@dataclass(frozen=True, slots=True)
class MrzResult:
    """Everything read from one MRZ, with the verdict of every check."""

    valid: bool
    format: str | None
    lines: tuple[str, ...]
    document_code: str
    issuing_state: str
    document_number: str
    surname: str
    given_names: str
    nationality: str
    birth_date: date | None
    expiry_date: date | None
    sex: str
    optional_data: str
    optional_data_2: str
    checks: dict[str, CheckStatus]
    errors: tuple[str, ...]
    suggestion: tuple[str, ...] | None = None
    notes: tuple[str, ...] = ()

    def to_json(self) -> dict[str, object]:
        """Return the result as JSON-ready values (dates as ISO 8601 strings)."""
        return {
            "valid": self.valid,
            "format": self.format,
            "document_code": self.document_code,
            "issuing_state": self.issuing_state,
            "document_number": self.document_number,
            "surname": self.surname,
            "given_names": self.given_names,
            "nationality": self.nationality,
            "birth_date": self.birth_date.isoformat() if self.birth_date else None,
            "expiry_date": self.expiry_date.isoformat() if self.expiry_date else None,
            "sex": self.sex,
            "optional_data": self.optional_data,
            "optional_data_2": self.optional_data_2,
            "checks": {name: str(status) for name, status in self.checks.items()},
            "errors": list(self.errors),
            "suggestion": list(self.suggestion) if self.suggestion is not None else None,
        }


def check_digit(field: str) -> str:
    """Return the Doc 9303 check digit (weights 7-3-1) of an MRZ field.

    Raises:
        ValueError: the field holds a character other than A-Z, 0-9 and `<`.
    """
    digit = _check_digit(field)
    if digit is None:
        bad = _NON_MRZ.search(field)
        raise ValueError(f"{bad.group() if bad else field!r} is not an MRZ character")
    return digit


def _check_digit(field: str) -> str | None:
    try:
        values = field.encode("ascii").translate(_BYTE_VALUES)
    except UnicodeEncodeError:
        return None
    if _NOT_MRZ_BYTE in values:
        return None
    weights = _WEIGHTS if len(values) <= len(_WEIGHTS) else cycle((7, 3, 1))
    return _DIGITS[sum(map(mul, values, weights)) % 10]


def describe_character(char: str) -> str:
    """Name a character unambiguously, e.g. `'А' (U+0410 CYRILLIC CAPITAL LETTER A)`."""
    name = unicodedata.name(char, "")
    label = f"U+{ord(char):04X} {name}" if name else f"U+{ord(char):04X}"
    return f"{char!r} ({label})"


def _split(text: str) -> tuple[tuple[str, ...], bool]:
    """Split text into MRZ lines; the flag says whether a separator-less burst was cut up."""
    # str.upper() would turn 'ß' into 'SS' and shift every reported position after it.
    upper = text.upper() if text.isascii() else text.translate(_ASCII_UPPER)
    pieces = upper.split()
    if tuple(map(len, pieces)) in _SHAPES:
        return tuple(pieces), False
    joined = "".join(pieces)
    width = _BURST_WIDTHS.get(len(joined))
    # Only text without line breaks is cut into lines: when the reader or the officer broke
    # the lines, a wrong length must be reported on that line, not hidden by re-cutting.
    if width and len(upper.strip().splitlines()) == 1:
        return tuple(joined[i : i + width] for i in range(0, len(joined), width)), True
    # Keep line breaks as the reader sent them so errors point at the line the officer sees.
    return tuple(line.strip() for line in upper.splitlines() if line.strip()), False


def normalise_mrz_text(text: str) -> tuple[str, ...]:
    """Split MRZ text into upper-case lines, tolerating CR/LF, spaces or no separator at all."""
    return _split(text)[0]


def is_complete_mrz(text: str) -> bool:
    """Tell whether text holds a whole MRZ of some format (a reader's burst has finished)."""
    if len(text) > MAX_INPUT_CHARS:
        return False
    lines, burst = _split(text)
    if tuple(map(len, lines)) not in _SHAPES:
        return False
    if burst and len(lines) == 2:
        # Without separators, the first 72 or 88 characters of a longer MRZ have the same
        # length as a whole shorter one; only a real second line has digits and a sex where
        # the dates and check digits belong (in a cut-off TD3 that spot holds the nationality).
        return _SECOND_LINE.match(lines[1]) is not None
    return True


def split_mrz_blocks(text: str) -> list[str]:
    """Split text holding several MRZs, separated by blank lines or one burst per line."""
    blocks: list[str] = []
    current: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or (len(stripped) in _BURST_WIDTHS and len(stripped.split()) == 1):
            if current:
                blocks.append("\n".join(current))
                current = []
            if stripped:
                blocks.append(stripped)
        else:
            current.append(stripped)
    if current:
        blocks.append("\n".join(current))
    return blocks


def _empty_result(lines: tuple[str, ...], errors: list[str]) -> MrzResult:
    checks = dict.fromkeys(CHECK_NAMES, CheckStatus.NOT_APPLICABLE)
    return MrzResult(
        False, None, lines, "", "", "", "", "", "", None, None, "", "", "", checks, tuple(errors)
    )


# Names of the MRZ's fields in the verdict's messages.
_DOCUMENT_NUMBER = Message("document number")
_BIRTH_DATE = Message("birth date")
_EXPIRY_DATE = Message("expiry date")
_PERSONAL_NUMBER = Message("personal number")
_COMPOSITE = Message("composite")
_ISSUING_STATE = Message("issuing state")
_NATIONALITY = Message("nationality")
_MONTHS = (
    Message("January"),
    Message("February"),
    Message("March"),
    Message("April"),
    Message("May"),
    Message("June"),
    Message("July"),
    Message("August"),
    Message("September"),
    Message("October"),
    Message("November"),
    Message("December"),
)


def parse_mrz(text: str, *, today: date | None = None) -> MrzResult:
    """Read and verify one MRZ. Never raises: every problem is named in `errors`.

    Two-digit years: a birth year is the latest one not in the future; an expiry year is the
    one in the window (today - 50 years, today + 50 years].

    Args:
        text: the MRZ lines, separated by line breaks, spaces or nothing.
        today: the reference date for two-digit years (default: the system date).
    """
    if not isinstance(text, str):
        return _empty_result(
            (), [Message("MRZ must be text, not {type}", type=type(text).__name__)]
        )
    if len(text) > MAX_INPUT_CHARS:
        return _empty_result(
            (),
            [
                Message(
                    "input is {length:,} characters long; an MRZ has at most 90 characters",
                    length=len(text),
                )
            ],
        )
    today = today or date.today()
    result = _parse(_split(text)[0], today)
    if result.valid or result.format is None:
        return result
    suggestion = _suggest(result, today)
    if suggestion is None:
        return result
    return replace(result, suggestion=suggestion)


def _character_errors(lines: tuple[str, ...]) -> list[str]:
    errors: list[str] = []
    for number, line in enumerate(lines, 1):
        for match in _NON_MRZ.finditer(line):
            if len(errors) == _MAX_CHARACTER_ERRORS:
                errors.append(Message("… further characters that are not MRZ characters omitted"))
                return errors
            errors.append(
                Message(
                    "line {line}, position {position}: {character} is not an MRZ character",
                    line=number,
                    position=match.start() + 1,
                    character=describe_character(match.group()),
                )
            )
    return errors


_MRZ_SHAPES = Message(
    "an MRZ has 3 lines of 30 (TD1), 2 lines of 36 (TD2, MRV-B) or 2 lines of 44 characters "
    "(TD3, MRV-A)"
)


def _shape_error(lines: tuple[str, ...]) -> str:
    if not lines:
        return Message("no MRZ text")
    if len(lines) == 1:
        return Message(
            "found 1 line of {length} characters; {shapes}",
            length=len(lines[0]),
            shapes=_MRZ_SHAPES,
        )
    lengths = [str(len(line)) for line in lines]
    return Message(
        "found {count} lines of {lengths} and {last} characters; {shapes}",
        count=len(lines),
        lengths=", ".join(lengths[:-1]),
        last=lengths[-1],
        shapes=_MRZ_SHAPES,
    )


def _parse(lines: tuple[str, ...], today: date) -> MrzResult:
    """Verify normalised lines without looking for a suggestion."""
    width = _SHAPES.get(tuple(map(len, lines)))
    errors = _character_errors(lines) if any(map(_NON_MRZ.search, lines)) else []
    if width is None:
        errors.insert(0, _shape_error(lines))
        return _empty_result(lines, errors)
    notes: list[str] = []
    optional_2 = ""
    optional_cd: str | None = None
    composite: str | None = None
    if width == 30:
        line1, line2, name = lines
        code, state, number, number_cd = line1[0:2], line1[2:5], line1[5:14], line1[14]
        optional = line1[15:30]
        birth, birth_cd, sex, expiry, expiry_cd = (
            line2[0:6],
            line2[6],
            line2[7],
            line2[8:14],
            line2[14],
        )
        nationality, optional_2 = line2[15:18], line2[18:29].rstrip("<")
        composite, composite_cd = line1[5:30] + line2[0:7] + line2[8:15] + line2[18:29], line2[29]
        doc_format = "TD1"
    else:
        line1, line2 = lines
        code, state, name = line1[0:2], line1[2:5], line1[5:]
        number, number_cd, nationality = line2[0:9], line2[9], line2[10:13]
        birth, birth_cd, sex, expiry, expiry_cd = (
            line2[13:19],
            line2[19],
            line2[20],
            line2[21:27],
            line2[27],
        )
        visa = code[0] == "V"
        if width == 44:
            doc_format = "MRVA" if visa else "TD3"
            optional = line2[28:44] if visa else line2[28:42]
            if not visa:
                optional_cd = line2[42]
                composite, composite_cd = line2[0:10] + line2[13:20] + line2[21:43], line2[43]
        else:
            doc_format = "MRVB" if visa else "TD2"
            optional = line2[28:36] if visa else line2[28:35]
            if not visa:
                composite, composite_cd = line2[0:10] + line2[13:20] + line2[21:35], line2[35]

    checks = dict.fromkeys(CHECK_NAMES, CheckStatus.NOT_APPLICABLE)
    if number_cd == "<" and doc_format in ("TD1", "TD2") and optional[0] != "<":
        # Long document number: it continues in the optional data, then its check digit.
        continuation = optional.split("<", 1)[0]
        number, number_cd = number + continuation[:-1], continuation[-1]
        optional = optional[len(continuation) + 1 :]
    number = number.rstrip("<")
    if not number:
        errors.append(Message("document number is empty"))
    checks["document_number"] = _verify(_DOCUMENT_NUMBER, number, number_cd, errors)
    checks["birth_date"] = _verify(_BIRTH_DATE, birth, birth_cd, errors)
    checks["expiry_date"] = _verify(_EXPIRY_DATE, expiry, expiry_cd, errors)
    if optional_cd is not None:
        if optional_cd == "<" and optional == "<" * 14:
            checks["optional_data"] = CheckStatus.OK
        else:
            checks["optional_data"] = _verify(_PERSONAL_NUMBER, optional, optional_cd, errors)
    if composite is not None:
        checks["composite"] = _verify(_COMPOSITE, composite, composite_cd, errors)

    if not ("A" <= code[0] <= "Z"):
        errors.append(Message("document code {code!r} must start with a letter", code=code))
    issuing_state = _country(state, _ISSUING_STATE, errors)
    nationality = _country(nationality, _NATIONALITY, errors)
    surname, given_names = _names(name, errors)
    birth_date = _birth_date(birth, today, errors, notes)
    expiry_date = _expiry_date(expiry, today, errors)
    if sex == "<":
        sex = "X"
    elif sex not in ("M", "F", "X"):
        errors.append(Message("sex is {sex!r}, expected M, F, X or <", sex=sex))
    return MrzResult(
        not errors,
        doc_format,
        lines,
        code.rstrip("<"),
        issuing_state,
        number,
        surname,
        given_names,
        nationality,
        birth_date,
        expiry_date,
        sex,
        optional.rstrip("<"),
        optional_2,
        checks,
        tuple(errors),
        None,
        tuple(notes),
    )


def _verify(label: str, field: str, digit: str, errors: list[str]) -> CheckStatus:
    expected = _check_digit(field)
    if expected is None:
        errors.append(
            Message(
                "{label} check digit cannot be verified: the field holds non-MRZ characters",
                label=label,
            )
        )
        return CheckStatus.BAD
    if digit == expected:
        return CheckStatus.OK
    shown = digit if digit in "0123456789" else repr(digit)
    errors.append(
        Message(
            "{label} check digit is {shown}, expected {expected}",
            label=label,
            shown=shown,
            expected=expected,
        )
    )
    return CheckStatus.BAD


def _country(raw: str, label: str, errors: list[str]) -> str:
    # Germany is the one state with a one-letter code, written `D<<`.
    code = raw.rstrip("<")
    if not (code.isascii() and code.isalpha()):
        errors.append(
            Message(
                "{label} {raw!r} is not a country code (letters, then `<` fillers)",
                label=label,
                raw=raw,
            )
        )
    return code


def _names(field: str, errors: list[str]) -> tuple[str, str]:
    if _DIGIT.search(field):
        errors.append(
            Message("name {name!r} holds digits; names are letters only", name=field.rstrip("<"))
        )
    primary, _, secondary = field.rstrip("<").partition("<<")
    return " ".join(primary.split("<")).strip(), " ".join(secondary.replace("<", " ").split())


def _birth_date(raw: str, today: date, errors: list[str], notes: list[str]) -> date | None:
    if not (raw.isascii() and raw.isdigit()):
        if _PARTIAL_BIRTH.fullmatch(raw):
            # Doc 9303 lets a state write an unknown day or month of birth as `<<`.
            notes.append(Message("birth date is only partly known ({raw})", raw=raw))
        else:
            errors.append(_not_yymmdd(_BIRTH_DATE, raw))
        return None
    month, day = int(raw[2:4]), int(raw[4:6])
    year = today.year // 100 * 100 + int(raw[:2])
    if (year, month, day) > (today.year, today.month, today.day):
        year -= 100
    return _real_date(_BIRTH_DATE, raw, year, month, day, errors)


def _expiry_date(raw: str, today: date, errors: list[str]) -> date | None:
    if not (raw.isascii() and raw.isdigit()):
        errors.append(_not_yymmdd(_EXPIRY_DATE, raw))
        return None
    year = today.year // 100 * 100 + int(raw[:2])
    if year > today.year + 50:
        year -= 100
    elif year <= today.year - 50:
        year += 100
    return _real_date(_EXPIRY_DATE, raw, year, int(raw[2:4]), int(raw[4:6]), errors)


def _not_yymmdd(label: str, raw: str) -> Message:
    return Message("{label} {raw!r} is not a date in YYMMDD form", label=label, raw=raw)


def _real_date(
    label: str, raw: str, year: int, month: int, day: int, errors: list[str]
) -> date | None:
    if not 1 <= month <= 12:
        errors.append(
            Message(
                "{label} {raw} is not a real date: there is no month {month:02d}",
                label=label,
                raw=raw,
                month=month,
            )
        )
        return None
    if not 1 <= day <= (29 if month == 2 and isleap(year) else _MONTH_DAYS[month]):
        errors.append(
            Message(
                "{label} {raw} is not a real date: {month_name} {year} has no day {day}",
                label=label,
                raw=raw,
                month_name=_MONTHS[month - 1],
                year=year,
                day=day,
            )
        )
        return None
    return date(year, month, day)


# Character classes per format, as (line, column) pairs, for the suggestion search.
def _columns(*spans: tuple[int, int, int]) -> tuple[tuple[int, int], ...]:
    return tuple((line, column) for line, start, end in spans for column in range(start, end))


_LINE2_NUMERIC = ((1, 9, 10), (1, 13, 20), (1, 21, 28))
_LAYOUTS: dict[str, tuple[tuple[tuple[int, int], ...], ...]] = {
    # (numeric columns, alphanumeric columns under a check digit, alphabetic columns)
    "TD1": (
        _columns((0, 14, 15), (1, 0, 7), (1, 8, 15), (1, 29, 30)),
        _columns((0, 5, 14), (0, 15, 30), (1, 18, 29)),
        _columns((0, 0, 5), (1, 15, 18), (2, 0, 30)),
    ),
    "TD2": (
        _columns(*_LINE2_NUMERIC, (1, 35, 36)),
        _columns((1, 0, 9), (1, 28, 35)),
        _columns((0, 0, 36), (1, 10, 13)),
    ),
    "TD3": (
        _columns(*_LINE2_NUMERIC, (1, 42, 44)),
        _columns((1, 0, 9), (1, 28, 42)),
        _columns((0, 0, 44), (1, 10, 13)),
    ),
    "MRVA": (_columns(*_LINE2_NUMERIC), _columns((1, 0, 9)), _columns((0, 0, 44), (1, 10, 13))),
    "MRVB": (_columns(*_LINE2_NUMERIC), _columns((1, 0, 9)), _columns((0, 0, 36), (1, 10, 13))),
}
_MAX_SUGGESTION_FLIPS = 16


def _suggest(result: MrzResult, today: date) -> tuple[str, ...] | None:
    """Find the one O/0, I/1, B/8, S/5, Z/2 correction that makes every check pass, if any."""
    if result.format is None or any(map(_NON_MRZ.search, result.lines)):
        return None
    numeric, checked, alphabetic = _LAYOUTS[result.format]
    rows = [list(line) for line in result.lines]
    for line, column in numeric:
        rows[line][column] = _TO_DIGIT.get(rows[line][column], rows[line][column])
    for line, column in alphabetic:
        rows[line][column] = _TO_LETTER.get(rows[line][column], rows[line][column])
    flips = [
        (line, column, _TO_DIGIT.get(rows[line][column]) or _TO_LETTER[rows[line][column]])
        for line, column in checked
        if rows[line][column] in _TO_DIGIT or rows[line][column] in _TO_LETTER
    ]
    max_flips = 2 if len(flips) <= _MAX_SUGGESTION_FLIPS else 1
    for count in range(max_flips + 1):
        found: list[tuple[str, ...]] = []
        for chosen in combinations(flips, count):
            candidate = [row[:] for row in rows]
            for line, column, char in chosen:
                candidate[line][column] = char
            lines = tuple("".join(row) for row in candidate)
            if lines != result.lines and _parse(lines, today).valid:
                found.append(lines)
        if found:
            # Two different corrections that both pass mean we cannot tell which is right.
            return found[0] if len(found) == 1 else None
    return None


def _name_part(name: str) -> str:
    part = name.strip().upper().replace(" ", "<").replace("-", "<").replace("'", "")
    if _NON_MRZ.search(part):
        raise ValueError(f"name {name!r} must be written in Latin letters A-Z")
    return part


def _name_field(surname: str, given_names: str, width: int) -> str:
    primary, secondary = _name_part(surname), _name_part(given_names)
    field = f"{primary}<<{secondary}" if secondary else primary
    # Doc 9303 truncates names that do not fit; the seeder relies on that rather than failing.
    return field[:width].ljust(width, "<")


def _code(value: str, width: int, label: str) -> str:
    code = value.upper()
    if len(code) > width or _NON_MRZ.search(code):
        raise ValueError(f"{label} {value!r} does not fit an MRZ field of {width}")
    return code.ljust(width, "<")


def _yymmdd(day: date) -> str:
    return f"{day.year % 100:02d}{day.month:02d}{day.day:02d}"


def _sex(sex: str) -> str:
    if sex not in ("M", "F", "X", "<"):
        raise ValueError(f"sex {sex!r} must be M, F or X")
    return "<" if sex == "X" else sex


def _long_number(number: str, optional: str, width: int) -> tuple[str, str, str]:
    """Return (9-character number field, its check digit, optional field) for TD1/TD2."""
    number = _code(number, 30, "document number").rstrip("<")
    cd = check_digit(number)
    if len(number) <= 9:
        return number.ljust(9, "<"), cd, _code(optional, width, "optional data")
    spill = f"{number[9:]}{cd}<{optional.upper()}" if optional else f"{number[9:]}{cd}"
    return number[:9], "<", _code(spill, width, "document number with optional data")


def build_td3(
    *,
    document_code: str = "P",
    issuing_state: str,
    document_number: str,
    surname: str,
    given_names: str,
    nationality: str,
    birth_date: date,
    sex: str,
    expiry_date: date,
    personal_number: str = "",
) -> tuple[str, str]:
    """Build a passport (TD3) MRZ with correct check digits.

    Raises:
        ValueError: a value that cannot be written in the MRZ.
    """
    number = _code(document_number, 9, "document number")
    personal = _code(personal_number, 14, "personal number")
    birth, expiry = _yymmdd(birth_date), _yymmdd(expiry_date)
    personal_cd = check_digit(personal) if personal_number else "<"
    line2 = (
        f"{number}{check_digit(number)}{_code(nationality, 3, 'nationality')}"
        f"{birth}{check_digit(birth)}{_sex(sex)}{expiry}{check_digit(expiry)}{personal}{personal_cd}"
    )
    line1 = f"{_code(document_code, 2, 'document code')}{_code(issuing_state, 3, 'issuing state')}"
    line1 += _name_field(surname, given_names, 39)
    return line1, line2 + check_digit(line2[0:10] + line2[13:20] + line2[21:43])


def build_td2(
    *,
    document_code: str = "I",
    issuing_state: str,
    document_number: str,
    surname: str,
    given_names: str,
    nationality: str,
    birth_date: date,
    sex: str,
    expiry_date: date,
    optional_data: str = "",
) -> tuple[str, str]:
    """Build a TD2 MRZ with correct check digits (long document numbers spill over).

    Raises:
        ValueError: a value that cannot be written in the MRZ.
    """
    number, number_cd, optional = _long_number(document_number, optional_data, 7)
    birth, expiry = _yymmdd(birth_date), _yymmdd(expiry_date)
    line2 = (
        f"{number}{number_cd}{_code(nationality, 3, 'nationality')}{birth}{check_digit(birth)}"
        f"{_sex(sex)}{expiry}{check_digit(expiry)}{optional}"
    )
    line1 = f"{_code(document_code, 2, 'document code')}{_code(issuing_state, 3, 'issuing state')}"
    line1 += _name_field(surname, given_names, 31)
    return line1, line2 + check_digit(line2[0:10] + line2[13:20] + line2[21:35])


def build_td1(
    *,
    document_code: str = "I",
    issuing_state: str,
    document_number: str,
    surname: str,
    given_names: str,
    nationality: str,
    birth_date: date,
    sex: str,
    expiry_date: date,
    optional_data: str = "",
    optional_data_2: str = "",
) -> tuple[str, str, str]:
    """Build an identity card (TD1) MRZ with correct check digits.

    Raises:
        ValueError: a value that cannot be written in the MRZ.
    """
    number, number_cd, optional = _long_number(document_number, optional_data, 15)
    birth, expiry = _yymmdd(birth_date), _yymmdd(expiry_date)
    line1 = (
        f"{_code(document_code, 2, 'document code')}{_code(issuing_state, 3, 'issuing state')}"
        f"{number}{number_cd}{optional}"
    )
    line2 = (
        f"{birth}{check_digit(birth)}{_sex(sex)}{expiry}{check_digit(expiry)}"
        f"{_code(nationality, 3, 'nationality')}{_code(optional_data_2, 11, 'optional data 2')}"
    )
    composite = check_digit(line1[5:30] + line2[0:7] + line2[8:15] + line2[18:29])
    return line1, line2 + composite, _name_field(surname, given_names, 30)
