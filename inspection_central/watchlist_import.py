"""Importing a watchlist CSV at the central and publishing the next signed snapshot.

Each file replaces one list entirely; the snapshot carries all four lists, the others as
they were in the latest snapshot. A header that does not fit the list, or any bad row,
rejects the whole file: every problem is reported with its line number and nothing is
published. Formats: docs/watchlist.md.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from inspection_client.domain.container import validate_container
from inspection_client.errors import InputError
from inspection_client.watchlist import normalise
from inspection_client.watchlist.payload import (
    ACTIONS,
    LIST_COLUMNS,
    LIST_NAMES,
    Columns,
    PayloadError,
    build_payload,
    empty_list,
    list_size,
    read_payload,
)

if TYPE_CHECKING:
    from inspection_central.storage import CentralStorage

MAX_FILE_BYTES = 256 * 1024 * 1024
MAX_REPORTED_PROBLEMS = 50
DOCUMENT_REASONS = ("lost", "stolen", "revoked", "invalidated", "stolen_blank")

# CSV header -> payload column, per list. Required headers are marked with True.
CSV_HEADERS: dict[str, dict[str, tuple[str, bool]]] = {
    "documents": {
        "number": ("number", True),
        "issuing_state": ("state", True),
        "document_type": ("type", True),
        "reason": ("reason", True),
        "action": ("action", False),
        "id": ("id", False),
    },
    "persons": {
        "surname": ("surname", True),
        "given_names": ("given_names", False),
        "original_name": ("original_name", False),
        "birth_date": ("birth_date", False),
        "nationality": ("nationality", False),
        "reason": ("reason", True),
        "action": ("action", True),
        "id": ("id", False),
    },
    "vehicles": {
        "plate": ("plate", False),
        "country": ("country", False),
        "vin": ("vin", False),
        "reason": ("reason", True),
        "action": ("action", False),
        "id": ("id", False),
    },
    "containers": {
        "container": ("number", True),
        "reason": ("reason", True),
        "action": ("action", False),
        "id": ("id", False),
    },
}

_STATE = re.compile(r"^[A-Z]{1,3}$")
_DOCUMENT_NUMBER = re.compile(r"^[A-Z0-9]{1,24}$")
_DOCUMENT_TYPE = re.compile(r"^[A-Z][A-Z0-9]?$")
_VIN = re.compile(r"^[A-HJ-NPR-Z0-9]{17}$")
_ID = re.compile(r"^[A-Za-z0-9._:/-]{1,64}$")


class ImportRejected(InputError):
    """A file with bad rows: nothing was published."""

    def __init__(self, path: str, problems: list[tuple[int, str]]) -> None:
        shown = problems[:MAX_REPORTED_PROBLEMS]
        lines = [f"  line {line}: {text}" for line, text in shown]
        if len(problems) > len(shown):
            lines.append(f"  ... and {len(problems) - len(shown)} more")
        # A row may have several problems, all listed; the count is of rows.
        rows = len({line for line, _ in problems})
        super().__init__(f"{self._headline(path, rows)}\n" + "\n".join(lines))
        self.problems = problems

    def _headline(self, path: str, rows: int) -> str:
        return f"{path}: {rows} bad row(s); nothing was published."


class HeaderRejected(ImportRejected):
    """A file whose header line (its columns) does not fit the list: nothing was published."""

    def __init__(self, path: str, problems: list[tuple[int, str]], list_name: str | None) -> None:
        self.list_name = list_name
        super().__init__(path, problems)

    def _headline(self, path: str, rows: int) -> str:
        fits = f"does not fit the {self.list_name} list" if self.list_name else "is not usable"
        return f"{path}: the header line (the file's columns) {fits}; nothing was published."


class TextRejected(ImportRejected):
    """A file that is not UTF-8 text: a problem of the whole file, not of one row."""

    def _headline(self, path: str, rows: int) -> str:
        return f"{path}: the file is not UTF-8 text; nothing was published."


@dataclass(frozen=True)
class ParsedList:
    name: str
    columns: Columns

    @property
    def size(self) -> int:
        return list_size(self.columns)


def detect_list(header: list[str]) -> str | None:
    """The list a CSV header belongs to, from its distinctive column."""
    names = {h.strip().lower() for h in header}
    for column, list_name in (
        ("issuing_state", "documents"),
        ("surname", "persons"),
        ("container", "containers"),
        ("plate", "vehicles"),
        ("vin", "vehicles"),
    ):
        if column in names:
            return list_name
    return None


def parse_csv(data: bytes, list_name: str | None = None, *, source: str = "input") -> ParsedList:
    """Parse and check a whole CSV file.

    Raises:
        HeaderRejected: the header line (the file's columns) does not fit the list, or
            there is none.
        ImportRejected: bad encoding or bad rows, with their line numbers.
    """
    text = _decode(data, source)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        # Blank lines are skipped, before the header too.
        header = next((row for row in reader if any(cell.strip() for cell in row)), None)
    except csv.Error as error:
        raise HeaderRejected(
            source, [(reader.line_num, f"unreadable CSV: {error}")], list_name
        ) from None
    if header is None:
        raise HeaderRejected(
            source, [(1, "the file is empty; a header line is required")], list_name
        )
    header_line = reader.line_num
    if len(header) == 1 and (separator := _other_separator(header[0])):
        raise HeaderRejected(
            source,
            [
                (
                    header_line,
                    f"the header is one column separated by {separator!r}: save the file as "
                    "comma-separated CSV",
                )
            ],
            list_name,
        )
    name = list_name or detect_list(header)
    if name is None:
        raise HeaderRejected(
            source,
            [
                (
                    header_line,
                    "cannot tell which list this is; give --list or a documented header",
                )
            ],
            None,
        )
    if name not in CSV_HEADERS:
        raise HeaderRejected(source, [(1, f"unknown list {name!r}")], None)
    spec = CSV_HEADERS[name]
    header = [h.strip().lower() for h in header]
    problems: list[tuple[int, str]] = []
    unknown = [h for h in header if h not in spec]
    missing = [h for h, (_, required) in spec.items() if required and h not in header]
    if unknown:
        problems.append(
            (header_line, f"unknown column(s) for the {name} list: {', '.join(unknown)}")
        )
    if missing:
        problems.append(
            (header_line, f"missing column(s) for the {name} list: {', '.join(missing)}")
        )
    if len(set(header)) != len(header):
        problems.append((header_line, "a column appears twice"))
    if problems:
        raise HeaderRejected(source, problems, name)

    columns = empty_list(name)
    check_row = _ROW_CHECKS[name]
    seen: dict[tuple[str, ...], int] = {}
    for line, row in _rows(reader, source, problems):
        if not any(cell.strip() for cell in row):
            continue  # blank lines are allowed
        if len(row) != len(header):
            problems.append((line, f"{len(row)} fields where the header has {len(header)}"))
            continue
        values = {spec[h][0]: cell.strip() for h, cell in zip(header, row, strict=True)}
        values = {column: values.get(column, "") for column in LIST_COLUMNS[name]}
        errors, key = check_row(values)
        if key in seen and not errors:
            errors.append(f"duplicate of line {seen[key]}")
        if errors:
            problems.append((line, "; ".join(errors)))
            continue
        seen[key] = line
        for column, value in values.items():
            columns[column].append(value)
    if problems:
        raise ImportRejected(source, problems)
    return ParsedList(name, columns)


def _other_separator(header: str) -> str | None:
    """The separator of a header written with semicolons or tabs (spreadsheets in many
    locales save CSV so), or None."""
    for separator in (";", "\t", "|"):
        if separator in header:
            return separator
    return None


def _rows(
    reader: Iterator[list[str]], source: str, problems: list[tuple[int, str]]
) -> Iterator[tuple[int, list[str]]]:
    line = getattr(reader, "line_num", 1)
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            problems.append((line + 1, f"unreadable CSV: {error}"))
            return
        # The line a row starts on (a quoted field may span lines).
        start = line + 1
        line = getattr(reader, "line_num", start)
        yield start, row


def _decode(data: bytes, source: str) -> str:
    skipped = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        text = data[skipped:].decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise TextRejected(
            source, [(line, f"not UTF-8 text (byte 0x{data[error.start]:02x}); save as UTF-8")]
        ) from None
    if "\x00" in text:
        raise TextRejected(source, [(text[: text.index("\x00")].count("\n") + 1, "NUL byte")])
    return text


# -- per-list row checks: (errors, duplicate key) ------------------------------------------


def _common(values: dict[str, str], errors: list[str], *, action_required: bool) -> None:
    if values["id"] and not _ID.match(values["id"]):
        errors.append("id: 1-64 letters, digits or ._:/-")
    if not values["reason"]:
        errors.append("reason is empty")
    elif len(values["reason"]) > 200:
        errors.append("reason is longer than 200 characters")
    action = values["action"].lower()
    values["action"] = action
    if action_required and not action:
        errors.append(f"action is empty (one of {', '.join(ACTIONS)})")
    elif action and action not in ACTIONS:
        errors.append(f"action {action!r} is not one of {', '.join(ACTIONS)}")


def _document_row(values: dict[str, str]) -> tuple[list[str], tuple[str, ...]]:
    errors: list[str] = []
    number = re.sub(r"[\s<-]+", "", values["number"].upper())
    values["number"] = number
    if not _DOCUMENT_NUMBER.match(number):
        errors.append(f"document number {values['number']!r}: 1-24 letters and digits")
    state = values["state"].upper().rstrip("<")
    values["state"] = state
    if not _STATE.match(state):
        errors.append(f"issuing_state {state!r}: an ICAO code of 1-3 letters")
    kind = values["type"].upper()
    values["type"] = kind
    if not _DOCUMENT_TYPE.match(kind):
        errors.append(f"document_type {kind!r}: 1-2 characters, e.g. P, PD, ID")
    reason = values["reason"].lower()
    values["reason"] = reason
    _common(values, errors, action_required=False)
    if reason and reason not in DOCUMENT_REASONS:
        errors.append(f"reason {reason!r} is not one of {', '.join(DOCUMENT_REASONS)}")
    return errors, (normalise.state_key(state), normalise.document_key(number))


def _person_row(values: dict[str, str]) -> tuple[list[str], tuple[str, ...]]:
    errors: list[str] = []
    if not values["surname"] and not values["original_name"]:
        errors.append("surname or original_name is required")
    for column in ("surname", "given_names", "original_name"):
        if len(values[column]) > 120:
            errors.append(f"{column} is longer than 120 characters")
    if (values["surname"] or values["original_name"]) and not normalise.name_variants(
        values["surname"], values["given_names"], values["original_name"]
    ):
        errors.append("the name has no letters that can be compared")
    try:
        normalise.parse_birth(values["birth_date"])
    except ValueError as error:
        errors.append(str(error))
    nationality = values["nationality"].upper()
    values["nationality"] = nationality
    if nationality and not _STATE.match(nationality):
        errors.append(f"nationality {nationality!r}: an ICAO code of 1-3 letters")
    _common(values, errors, action_required=True)
    key = (values["id"],) if values["id"] else tuple(values.values())
    return errors, key


def _vehicle_row(values: dict[str, str]) -> tuple[list[str], tuple[str, ...]]:
    errors: list[str] = []
    country = values["country"].upper()
    values["country"] = country
    vin = values["vin"].upper()
    values["vin"] = vin
    if not values["plate"] and not vin:
        errors.append("a plate (with its country) or a VIN is required")
    if values["plate"]:
        if not 2 <= len(normalise.plate_key(values["plate"])) <= 16:
            errors.append(f"plate {values['plate']!r}: 2-16 characters")
        if not _STATE.match(country):
            errors.append("a plate needs its country (ICAO code of 1-3 letters)")
    elif country and not _STATE.match(country):
        errors.append(f"country {country!r}: an ICAO code of 1-3 letters")
    if vin and not _VIN.match(vin):
        errors.append(f"VIN {vin!r}: 17 letters and digits without I, O or Q")
    _common(values, errors, action_required=False)
    plate = normalise.plate_key(values["plate"], country)
    return errors, (plate, normalise.state_key(country), vin)


def _container_row(values: dict[str, str]) -> tuple[list[str], tuple[str, ...]]:
    errors: list[str] = []
    result = validate_container(values["number"])
    if not result.valid:
        errors.append(f"container {values['number']!r}: " + "; ".join(result.errors))
    else:
        values["number"] = result.value
    _common(values, errors, action_required=False)
    return errors, (normalise.exact_key(values["number"]),)


_ROW_CHECKS: dict[str, Callable[[dict[str, str]], tuple[list[str], tuple[str, ...]]]] = {
    "documents": _document_row,
    "persons": _person_row,
    "vehicles": _vehicle_row,
    "containers": _container_row,
}


# -- publishing ----------------------------------------------------------------------------


def read_file(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise InputError(f"{path} is larger than {MAX_FILE_BYTES // 2**20} MB")
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"No such file: {path}") from None
    except IsADirectoryError:
        raise InputError(f"{path} is a directory, not a CSV file") from None
    except OSError as error:
        raise InputError(f"Cannot read {path}: {error.strerror}") from None


def merged_payload(previous: dict[str, Any] | None, replacement: ParsedList) -> dict[str, Any]:
    """The next payload: the previous snapshot's lists with one list replaced whole."""
    lists: dict[str, Columns] = {name: empty_list(name) for name in LIST_NAMES}
    if previous is not None:
        try:
            lists = read_payload(previous)
        except PayloadError:
            lists = {name: empty_list(name) for name in LIST_NAMES}
    lists[replacement.name] = replacement.columns
    return build_payload(lists)


def _list_size_in(payload: dict[str, Any] | None, list_name: str) -> int:
    """Entries of one list in a published payload (0 when there is none or it is malformed)."""
    if payload is None:
        return 0
    try:
        return list_size(read_payload(payload)[list_name])
    except PayloadError:
        return 0


@dataclass(frozen=True)
class ImportOutcome:
    list_name: str
    entries: int
    version: int
    expires_at: str
    counts: dict[str, int]


def import_list(
    storage: CentralStorage,
    path: Path,
    list_name: str | None = None,
    *,
    valid_for: timedelta = timedelta(days=30),
    allow_empty: bool = False,
) -> ImportOutcome:
    """Parse `path`, and only if every row is good, publish the next watchlist snapshot.

    A file without entries does not empty a list that has some unless `allow_empty`: a
    failed export that wrote only its header would take the list off every lane.
    """
    from inspection_central import reference
    from inspection_client.sync.wire import ReferenceKind

    parsed = parse_csv(read_file(path), list_name, source=str(path))
    previous = reference.latest(storage, ReferenceKind.WATCHLIST)
    previous_payload = previous.snapshot.payload if previous else None
    if parsed.size == 0 and not allow_empty:
        current = _list_size_in(previous_payload, parsed.name)
        if current:
            raise InputError(
                f"{path} has no entries, only a header line; publishing it would remove all "
                f"{current:,} entries of the {parsed.name} list from every lane, so nothing "
                "was published. To empty the list on purpose, give --allow-empty."
            )
    payload = merged_payload(previous_payload, parsed)
    signed = reference.publish(storage, ReferenceKind.WATCHLIST, payload, valid_for=valid_for)
    counts = {name: list_size(columns) for name, columns in read_payload(payload).items()}
    return ImportOutcome(
        parsed.name,
        parsed.size,
        signed.snapshot.version,
        signed.snapshot.expires_at.isoformat(),
        counts,
    )
