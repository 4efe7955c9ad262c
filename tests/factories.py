"""Small builders of valid domain objects for tests."""

from __future__ import annotations

import sqlite3
import string
import uuid
from collections import defaultdict
from datetime import date
from typing import Any

from inspection_client.domain.codes import (
    CaptureMethod,
    CargoCategory,
    Decision,
    Direction,
    RefusalGround,
    VehicleKind,
)
from inspection_client.domain.models import (
    ContainerLoad,
    PassengerClearance,
    TravelDocument,
    VehicleClearance,
)

SPECIMEN_TD3 = (
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
)


def document(**overrides: Any) -> TravelDocument:
    values: dict[str, Any] = {
        "document_code": "P",
        "issuing_state": "PAK",
        "number": "AB1234567",
        "surname": "KHAN",
        "given_names": "IMRAN",
        "nationality": "PAK",
        "birth_date": date(1985, 3, 14),
        "sex": "M",
        "expiry_date": date(2030, 1, 1),
        "capture": CaptureMethod.SCANNED_MRZ,
    }
    values.update(overrides)
    return TravelDocument(**values)


def passenger(decision: Decision = Decision.CLEARED, **overrides: Any) -> PassengerClearance:
    values: dict[str, Any] = {
        "direction": Direction.ENTRY,
        "decision": decision,
        "document": document(),
    }
    if decision is Decision.REFUSED:
        values["refusal_ground"] = RefusalGround.NO_VALID_VISA
    values.update(overrides)
    return PassengerClearance(**values)


def truck(driver_id: uuid.UUID | None = None, **overrides: Any) -> VehicleClearance:
    values: dict[str, Any] = {
        "direction": Direction.EXIT,
        "decision": Decision.CLEARED,
        "plate": "新A12345",
        "registration_country": "CHN",
        "vehicle_kind": VehicleKind.TRUCK,
        "containers": (ContainerLoad(number="CSQU3054383", seals=("CN12345678",)),),
        "cargo_category": CargoCategory.GENERAL,
        "hs_codes": ("8471300000",),
        "gross_weight_kg": 24000,
        "driver_clearance_id": driver_id,
    }
    values.update(overrides)
    return VehicleClearance(**values)


def traffic_without_ids(contents: list[bytes]) -> list[dict[str, Any]]:
    """Seeded records with their random ids removed, to compare two seedings' traffic."""
    import orjson

    rows = [orjson.loads(content) for content in contents]
    for row in rows:
        row.pop("id")
        row.pop("shift_id")
        row["body"].pop("driver_clearance_id", None)
        row["body"].pop("vehicle_clearance_id", None)
        row["body"].pop("crew_clearance_ids", None)
    return rows


_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def as_indexed(term: str) -> str:
    """A term as the search index keeps it: its tokenizer lower-cases ASCII letters only."""
    return term.translate(_ASCII_LOWER)


def indexed_terms(conn: sqlite3.Connection) -> dict[int, set[str]]:
    """seq -> the terms the search index holds for the record (in `as_indexed` form)."""
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocabulary "
        "USING fts5vocab(main, record_search, instance)"
    )
    found: dict[int, set[str]] = defaultdict(set)
    for term, seq in conn.execute("SELECT term, doc FROM temp.search_vocabulary"):
        found[seq].add(term)
    return dict(found)


def damage_index_page(conn: sqlite3.Connection, path: Any, index: str = "records_kind") -> None:
    """Overwrite the root page of `index` in the file at `path`, as a failing disk might.

    `conn` (a connection to it) first moves the write-ahead log into the file. A page of an
    index is read by neither opening nor signing in, so only a check of every page finds it.
    """
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (index,)).fetchone()
    with open(path, "r+b") as file:
        file.seek((root[0] - 1) * page_size)
        file.write(b"\xa5" * page_size)
