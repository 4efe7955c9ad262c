"""The watchlist snapshot's payload: every list as column arrays, shared with the central.

`{"format": "inspection-watchlist/1", "lists": {"documents": {"number": [...], ...}, ...}}`.
Columns, not one object per entry, keep a million entries at about 35 bytes each. An empty
`id` means "derive it from the entry's key" (see `entry_id`), which keeps ids out of the
payload for the million-row document list.
"""

from __future__ import annotations

import hashlib
from typing import Any

PAYLOAD_FORMAT = "inspection-watchlist/1"

LIST_COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": ("id", "number", "state", "type", "reason", "action"),
    "persons": (
        "id",
        "surname",
        "given_names",
        "original_name",
        "birth_date",
        "nationality",
        "reason",
        "action",
    ),
    "vehicles": ("id", "plate", "country", "vin", "reason", "action"),
    "containers": ("id", "number", "reason", "action"),
}
LIST_NAMES = tuple(LIST_COLUMNS)
ACTIONS = ("refer", "refuse", "notify")

Columns = dict[str, list[str]]


class PayloadError(ValueError):
    """A payload that does not have the shape above."""


def empty_list(name: str) -> Columns:
    return {column: [] for column in LIST_COLUMNS[name]}


def list_size(columns: Columns) -> int:
    return len(columns["id"])


def build_payload(lists: dict[str, Columns]) -> dict[str, Any]:
    """The payload carrying every list; lists not given are published empty."""
    unknown = set(lists) - set(LIST_COLUMNS)
    if unknown:
        raise PayloadError(f"unknown watchlist(s): {', '.join(sorted(unknown))}")
    return {
        "format": PAYLOAD_FORMAT,
        "lists": {name: lists.get(name) or empty_list(name) for name in LIST_NAMES},
    }


def read_payload(payload: dict[str, Any]) -> dict[str, Columns]:
    """Check the payload's shape and return its lists (missing lists are empty).

    Raises:
        PayloadError: wrong format marker, unknown list, missing column, a value that is
            not text, or columns of different lengths.
    """
    if payload.get("format") != PAYLOAD_FORMAT:
        raise PayloadError(
            f"the payload is not {PAYLOAD_FORMAT} (format {payload.get('format')!r})"
        )
    lists = payload.get("lists")
    if not isinstance(lists, dict):
        raise PayloadError("the payload has no lists")
    unknown = set(lists) - set(LIST_COLUMNS)
    if unknown:
        raise PayloadError(f"the payload has unknown list(s): {', '.join(sorted(unknown))}")
    result: dict[str, Columns] = {}
    for name in LIST_NAMES:
        columns = lists.get(name)
        if columns is None:
            result[name] = empty_list(name)
            continue
        if not isinstance(columns, dict):
            raise PayloadError(f"list {name} is not a set of columns")
        lengths = set()
        for column in LIST_COLUMNS[name]:
            values = columns.get(column)
            if not isinstance(values, list):
                raise PayloadError(f"list {name} has no column {column}")
            # One pass with all() over a million entries costs ~20 ms; worth it for safety.
            if not all(type(value) is str for value in values):
                raise PayloadError(f"list {name} column {column} holds a value that is not text")
            lengths.add(len(values))
        if len(lengths) > 1:
            raise PayloadError(f"list {name} has columns of different lengths")
        result[name] = {column: columns[column] for column in LIST_COLUMNS[name]}
    return result


def entry_id(list_name: str, given: str, *key_parts: str) -> str:
    """The entry's id from the list, or one derived from its key so it is stable across
    versions (a retrospective alert names the same entry in the next snapshot)."""
    if given:
        return given
    if list_name == "documents":
        return f"{key_parts[1]}/{key_parts[0]}" if len(key_parts) > 1 else key_parts[0]
    digest = hashlib.sha256("\x1f".join(key_parts).encode()).hexdigest()[:12]
    return f"{list_name[0].upper()}-{digest}"
