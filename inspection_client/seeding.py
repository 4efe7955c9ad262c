"""Realistic synthetic traffic for demos and benchmarks, saved through the real save path.

Shifts of eight hours around the clock; travellers of the nationalities seen on China's
western land border with valid passports or identity cards; trucks, buses and car carriers
with valid VINs, containers and declarations; hourly, direction and decision mixes as a busy
land port sees them. The same seed gives the same people and vehicles.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import itertools
import marshal
import multiprocessing
import os
import random
from bisect import bisect
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

import orjson

from inspection_client.domain.canonical import record_bytes
from inspection_client.domain.codes import (
    CaptureMethod,
    CargoCategory,
    Decision,
    Direction,
    LaneKind,
    Purpose,
    RefusalGround,
    Role,
    TravellerRole,
    VehicleKind,
)
from inspection_client.domain.container import make_container
from inspection_client.domain.declaration import make_declaration
from inspection_client.domain.models import (
    RECORD_SCHEMA_VERSION,
    Officer,
    PassengerClearance,
    Record,
    TravelDocument,
    Workstation,
)
from inspection_client.domain.mrz import build_td1, build_td3, check_digit
from inspection_client.domain.vin import make_vin
from inspection_client.store import officers, records
from inspection_client.store.database import Store
from inspection_client.store.records import Columns, ShippedDraft
from inspection_client.store.search import normalise_term, terms_for_body

CHINA_TIME = timezone(timedelta(hours=8))

DEMO_WORKSTATION = Workstation(
    workstation_id="DEMO-KHG-L01",
    port_code="KHG",
    lane_id="L01",
    lane_kind=LaneKind.VEHICLE,
    demo=True,
)
DEMO_OFFICERS = (
    (Officer(code="DEMO01", name="Demo Officer", role=Role.OFFICER), "2468"),
    (Officer(code="SUP01", name="Demo Supervisor", role=Role.SUPERVISOR), "1357"),
)

# Nationality -> (weight, surnames, given names, issuing an identity card instead of a passport).
PEOPLE: dict[str, tuple[int, tuple[str, ...], tuple[str, ...], float]] = {
    "CHN": (
        34,
        ("WANG", "LI", "ZHANG", "LIU", "CHEN", "YANG", "MA", "AISHAN", "MAIMAITI"),
        ("WEI", "FANG", "JUN", "LEI", "XIAOMING", "ALIMJAN", "GULNAR", "NURLAN"),
        0.0,
    ),
    "PAK": (
        22,
        ("KHAN", "AHMED", "HUSSAIN", "SHAH", "BAIG", "ALI", "QURESHI"),
        ("MUHAMMAD", "IMRAN", "SADIA", "ZAHID", "AYESHA", "KARIM", "FARHAN"),
        0.0,
    ),
    "KAZ": (
        14,
        ("NURLANOV", "SEITKALI", "ABENOV", "IVANOVA", "ZHUMABAYEV", "KIM"),
        ("ASKAR", "DINARA", "YERLAN", "AIGERIM", "SERIK", "MADINA"),
        0.35,
    ),
    "KGZ": (
        8,
        ("ASANOV", "TOKTOGULOV", "BEKOVA", "ISAKOV"),
        ("AIBEK", "NURIA", "BAKYT", "CHOLPON"),
        0.3,
    ),
    "TJK": (
        6,
        ("RAHMONOV", "SAIDOV", "NAZAROVA", "KARIMOV"),
        ("FARRUKH", "MANIZHA", "DILSHOD", "ZARINA"),
        0.0,
    ),
    "RUS": (
        6,
        ("IVANOV", "SMIRNOVA", "KUZNETSOV", "POPOV"),
        ("SERGEY", "OLGA", "DMITRY", "ANNA<MARIA"),
        0.25,
    ),
    "UZB": (4, ("TASHKENTOV", "YUSUPOVA", "ALIMOV"), ("BOBUR", "NODIRA", "SARDOR"), 0.0),
    "MNG": (2, ("BATBAYAR", "GANBOLD"), ("TEMUULEN", "SARANGEREL"), 0.0),
    "AFG": (1, ("AHMADZAI", "SAFI"), ("WAHID", "HABIBA"), 0.0),
    "D": (1, ("MUELLER", "SCHMIDT"), ("JONAS", "LEA"), 0.5),
    "GBR": (1, ("SMITH", "JONES"), ("OLIVER", "EMMA"), 0.0),
    "USA": (1, ("JOHNSON", "GARCIA"), ("MICHAEL", "SOPHIA"), 0.0),
}
PURPOSES = (
    (Purpose.TRADE, 35),
    (Purpose.BUSINESS, 25),
    (Purpose.TOURISM, 20),
    (Purpose.FAMILY, 12),
    (Purpose.WORK, 8),
)
# Share of arrivals by hour of day (a land port open round the clock, busiest late morning).
HOURLY = (1, 1, 1, 1, 1, 2, 4, 7, 9, 10, 10, 9, 7, 7, 8, 8, 7, 6, 5, 4, 3, 2, 2, 1)
GROUNDS = (
    (RefusalGround.NO_VALID_VISA, 40),
    (RefusalGround.NO_VALID_DOCUMENT, 20),
    (RefusalGround.PURPOSE_NOT_JUSTIFIED, 15),
    (RefusalGround.ALERT_REFUSE_ENTRY, 10),
    (RefusalGround.FALSE_DOCUMENT, 5),
    (RefusalGround.STAY_EXCEEDED, 10),
)
VEHICLE_GROUNDS = (
    (RefusalGround.VEHICLE_DOCUMENTS, 40),
    (RefusalGround.CARGO_NOT_AS_DECLARED, 30),
    (RefusalGround.QUARANTINE, 20),
    (RefusalGround.SEAL_BROKEN, 10),
)
# kind -> (weight, cargo categories, container count range, VIN count range)
VEHICLES: dict[
    VehicleKind, tuple[int, tuple[CargoCategory, ...], tuple[int, int], tuple[int, int]]
] = {
    VehicleKind.TRUCK: (
        40,
        (CargoCategory.GENERAL, CargoCategory.FRESH_AGRICULTURAL, CargoCategory.MINERAL_ORES),
        (0, 2),
        (0, 0),
    ),
    VehicleKind.TRACTOR_TRAILER: (20, (CargoCategory.GENERAL,), (1, 2), (0, 0)),
    VehicleKind.CAR_CARRIER: (12, (CargoCategory.COMPLETE_VEHICLES,), (0, 0), (6, 40)),
    VehicleKind.BUS: (10, (CargoCategory.NONE,), (0, 0), (0, 0)),
    VehicleKind.CAR: (12, (CargoCategory.NONE, CargoCategory.PERSONAL_EFFECTS), (0, 0), (0, 0)),
    VehicleKind.CAGE_CAR: (3, (CargoCategory.LIVESTOCK,), (0, 0), (0, 0)),
    VehicleKind.TANKER: (3, (CargoCategory.DANGEROUS_GOODS,), (0, 0), (0, 0)),
}
HS_CODES = {
    CargoCategory.GENERAL: ("8471300000", "6403990000", "8517620000", "9403600000"),
    CargoCategory.FRESH_AGRICULTURAL: ("0806100000", "0808100000", "0709999000", "0805100000"),
    CargoCategory.MINERAL_ORES: ("2603000000", "2601110000", "2616100000"),
    CargoCategory.COMPLETE_VEHICLES: ("8703239000", "8703800000", "8704210000"),
    CargoCategory.LIVESTOCK: ("0104101000",),
    CargoCategory.DANGEROUS_GOODS: ("2710192000",),
}
REPEAT_CROSSERS = 0.7  # share of crossings by someone who crossed before
PLATE_COUNTRIES = (("CHN", 55), ("PAK", 20), ("KAZ", 15), ("KGZ", 5), ("TJK", 5))


if TYPE_CHECKING:
    from _typeshed import SupportsLenAndGetItem

_T = TypeVar("_T")


class _QuickRandom(random.Random):
    """`random.Random` with the few draws the traffic makes, at a fraction of their cost.

    The standard ones reject and redraw to be exactly uniform over any range; synthetic
    traffic is well served by scaling one 53-bit float, and it is drawn ten times a record.
    """

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))

    def randrange(self, start: int, stop: int | None = None, step: int = 1) -> int:
        if stop is None and step == 1:
            return int(self.random() * start)
        return super().randrange(start, stop, step)

    def choice(self, seq: SupportsLenAndGetItem[_T]) -> _T:
        return seq[int(self.random() * len(seq))]


class _Weighted:
    """Values drawn in proportion to their weights (what `random.choices` does, for one)."""

    def __init__(self, weighted: Sequence[tuple[Any, int]]) -> None:
        # Records hold the codes' plain values: StrEnum members would serialise the same,
        # but the `records` columns and the comparisons here want the `str` itself.
        self.values = tuple(str(value) for value, _ in weighted)
        self.cumulative = tuple(itertools.accumulate(weight for _, weight in weighted))
        self.total = self.cumulative[-1]

    def draw(self, rng: random.Random) -> str:
        return self.values[bisect(self.cumulative, rng.random() * self.total)]


_NATIONALITIES = _Weighted([(nationality, p[0]) for nationality, p in PEOPLE.items()])
_PURPOSES = _Weighted(PURPOSES)
_GROUNDS = _Weighted(GROUNDS)
_VEHICLE_GROUNDS = _Weighted(VEHICLE_GROUNDS)
_VEHICLE_KINDS = _Weighted([(kind, v[0]) for kind, v in VEHICLES.items()])
_PLATE_COUNTRIES = _Weighted(PLATE_COUNTRIES)
_KINDS = {str(kind): (tuple(map(str, v[1])), v[2], v[3]) for kind, v in VEHICLES.items()}
_HS_CODES = {str(cargo): codes for cargo, codes in HS_CODES.items()}
_UNDECLARED = (str(CargoCategory.NONE), str(CargoCategory.PERSONAL_EFFECTS))
_FRESH = str(CargoCategory.FRESH_AGRICULTURAL)
_TRUCK, _CAR = str(VehicleKind.TRUCK), str(VehicleKind.CAR)
_ENTRY, _EXIT = str(Direction.ENTRY), str(Direction.EXIT)
_CLEARED, _REFERRED, _REFUSED = str(Decision.CLEARED), str(Decision.REFERRED), str(Decision.REFUSED)
_PASSENGER, _DRIVER, _CREW = (
    str(TravellerRole.PASSENGER),
    str(TravellerRole.DRIVER),
    str(TravellerRole.CREW),
)
_TRANSPORT = str(Purpose.TRANSPORT)
_SCANNED_MRZ = str(CaptureMethod.SCANNED_MRZ)
# Nationality -> (surnames, given names as written in a record, identity card share).
_PEOPLE = {
    nationality: (surnames, tuple(name.replace("<", " ") for name in given), id_cards)
    for nationality, (_, surnames, given, id_cards) in PEOPLE.items()
}
# The search terms of every name above, as `terms_for_body` splits and normalises them.
_NAME_TERMS = {
    name: tuple(normalise_term(part) for part in name.split())
    for surnames, given, _ in _PEOPLE.values()
    for name in (*surnames, *given)
}
_SHIFT_STARTS = (0, 8 * 3600, 16 * 3600)  # three eight-hour shifts a day, in seconds
_UTC_OFFSET = datetime(2000, 1, 1, tzinfo=CHINA_TIME).isoformat()[19:]  # "+08:00"


@dataclass(frozen=True)
class SeedSummary:
    clearances: int
    records: int
    shifts: int
    first_day: date
    last_day: date


# -- one day of traffic ------------------------------------------------------------------------


def _random_ids() -> Iterator[str]:
    """Random (version 4) UUIDs as `str(uuid.uuid4())` writes them, from few system calls.

    `uuid.uuid4()` and its `str()` cost more than the rest of a seeded record's envelope.
    """
    variant = {digit: "89ab"[int(digit, 16) & 3] for digit in "0123456789abcdef"}
    while True:
        hexes = os.urandom(16 * 4096).hex()
        for at in range(0, len(hexes), 32):
            h = hexes[at : at + 32]
            yield f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{variant[h[16]]}{h[17:20]}-{h[20:]}"


class _Document(NamedTuple):
    """A traveller's document in record form, made once and reused when they cross again."""

    fields: dict[str, Any]  # exactly `TravelDocument.model_dump(mode="json")`
    terms: tuple[str, ...]  # the search terms of a clearance with this document
    model: TravelDocument  # `fields` validated, once for every crossing with the document


def _unique(terms: list[str]) -> tuple[str, ...]:
    """Search terms as `records.prepare` keeps them: non-empty, first occurrence only."""
    return tuple(dict.fromkeys([term for term in terms if term]))


# -- machine readable zones: the names' line is cached, the rest written as `domain.mrz` does

_DateField = tuple[str, str]  # ISO date for the record, YYMMDD and check digit for the MRZ
_ANY_DAY = date(2000, 1, 1)


@functools.cache
def _date_field(day: date) -> _DateField:
    yymmdd = f"{day.year % 100:02d}{day.month:02d}{day.day:02d}"
    return day.isoformat(), yymmdd + check_digit(yymmdd)


@functools.cache
def _names_line(document_code: str, state: str, surname: str, given_names: str) -> str:
    """The MRZ line with the names (TD3's first, TD1's third): it depends on nothing else."""
    build = build_td1 if document_code == "I" else build_td3
    lines = build(
        issuing_state=state,
        document_number="0",
        surname=surname,
        given_names=given_names,
        nationality=state,
        birth_date=_ANY_DAY,
        sex="X",
        expiry_date=_ANY_DAY,
    )
    return lines[-1] if document_code == "I" else lines[0]


def _td3(
    state: str,
    number: str,
    surname: str,
    given_names: str,
    birth: _DateField,
    sex: str,
    expiry: _DateField,
) -> tuple[str, str]:
    """`build_td3` for a passport of `state` without a personal number, at a third the cost."""
    field = number.ljust(9, "<")
    line2 = f"{field}{check_digit(field)}{state.ljust(3, '<')}{birth[1]}{sex}{expiry[1]}{'<' * 15}"
    composite = check_digit(line2[0:10] + line2[13:20] + line2[21:43])
    return _names_line("P", state, surname, given_names), line2 + composite


def _td1(
    state: str,
    number: str,
    surname: str,
    given_names: str,
    birth: _DateField,
    sex: str,
    expiry: _DateField,
) -> tuple[str, str, str]:
    """`build_td1` for an identity card of `state` with a number of up to 9 characters."""
    line1 = f"I<{state.ljust(3, '<')}{number.ljust(9, '<')}{check_digit(number)}{'<' * 15}"
    line2 = f"{birth[1]}{sex}{expiry[1]}{state.ljust(3, '<')}{'<' * 11}"
    composite = check_digit(line1[5:30] + line2[0:7] + line2[8:15] + line2[18:29])
    return line1, line2 + composite, _names_line("I", state, surname, given_names)


class _Traffic:
    """One day's records, drawn from one random generator and validated as they are made.

    Bodies are plain dicts that are exactly what `model_dump(mode="json")` gives for the
    models (every field, defaults included): building the models themselves would cost as
    much as everything else here. Each record's canonical bytes are then validated by the
    `Record` model, so an invalid one raises instead of being saved, and the first record
    of each kind is checked against the models' own serialisation and search terms.
    """

    def __init__(self, rng: random.Random, workstation: Workstation, day: date) -> None:
        self.rng = rng
        self.workstation_id = workstation.workstation_id
        self.lane_id = workstation.lane_id
        self.passenger_lane = workstation.lane_kind is LaneKind.PASSENGER
        self.green_channel = workstation.lane_kind is LaneKind.GREEN_CHANNEL
        self.day = day
        self.date_prefix = day.isoformat() + "T"
        self.next_id = _random_ids().__next__
        # Traders and drivers cross again and again; most travellers are people seen before.
        self.regulars: list[_Document] = []
        self.made: list[ShippedDraft] = []
        self.checked: set[str] = set()
        self.officer = self.shift_id = ""
        self.tail = self.ending = b""

    def at(self, second: int) -> str:
        """`recorded_at` of a second of the day, as both pydantic and `isoformat` write it."""
        return (
            f"{self.date_prefix}{second // 3600:02d}:{second // 60 % 60:02d}:{second % 60:02d}"
            f"{_UTC_OFFSET}"
        )

    def add(
        self,
        body: dict[str, Any],
        at: str,
        direction: str | None = None,
        decision: str | None = None,
        terms: tuple[str, ...] = (),
        record_id: str | None = None,
        document: TravelDocument | None = None,
    ) -> None:
        """Serialise, validate and keep one record of the current shift.

        A clearance with a `document` already validated (a traveller crossing again) is
        validated with that model in place of its document's fields, which it was made from.
        """
        record_id = record_id or self.next_id()
        officer = self.officer
        envelope = {
            "body": body,
            "id": record_id,
            "officer": officer,
            "recorded_at": at,
            "schema_version": RECORD_SCHEMA_VERSION,
            "seq": 1,
            "shift_id": self.shift_id,
            "workstation_id": self.workstation_id,
        }
        content = orjson.dumps(envelope, option=orjson.OPT_SORT_KEYS)
        if document is None:
            record = Record.model_validate_json(content)
        else:
            body["document"] = document
            record = Record.model_validate(envelope)
        kind = body["kind"]
        columns = (record_id, kind, at, officer, self.shift_id, None, direction, decision)
        if kind not in self.checked:
            _check_matches_models(record, content, columns, terms)
            self.checked.add(kind)
        if not content.endswith(self.ending):
            raise RuntimeError(f"the envelope of a {kind} record does not end as expected")
        # The tail is the same for the whole shift: one object, sent once per day.
        self.made.append((content[: -len(self.tail) - 1], self.tail, columns, terms))

    def open_shift(self, officer: str, start: int) -> None:
        self.officer, self.shift_id = officer, self.next_id()
        # Keys sort as ..."seq", "shift_id", "workstation_id": the envelope ends the same way
        # for every record of a shift, and `save_many` puts the sequence number before it.
        self.tail = (
            b',"shift_id":'
            + orjson.dumps(self.shift_id)
            + b',"workstation_id":'
            + orjson.dumps(self.workstation_id)
            + b"}"
        )
        self.ending = b'"seq":1' + self.tail
        opened = {"kind": "shift_open", "lane_id": self.lane_id, "direction": _ENTRY}
        self.add(opened, self.at(start))

    def close_shift(self, at: int) -> None:
        self.add({"kind": "shift_close", "occurrences": ""}, self.at(at))

    def decision(self, grounds: _Weighted) -> tuple[str, str | None]:
        roll = self.rng.random()
        if roll < 0.012:
            return _REFUSED, grounds.draw(self.rng)
        if roll < 0.045:
            return _REFERRED, None
        return _CLEARED, None

    def document(self) -> _Document:
        regulars = self.regulars
        if len(regulars) > 200 and self.rng.random() < REPEAT_CROSSERS:
            return regulars[int(self.rng.random() * len(regulars))]
        document = self.new_document()
        if len(regulars) < 50_000:
            regulars.append(document)
        return document

    def new_document(self) -> _Document:
        rng, day = self.rng, self.day
        nationality = _NATIONALITIES.draw(rng)
        surnames, given, id_card_share = _PEOPLE[nationality]
        surname, given_names = rng.choice(surnames), rng.choice(given)
        age = rng.randint(19, 70)
        birth = _date_field(date(day.year - age, rng.randint(1, 12), rng.randint(1, 28)))
        expiry = _date_field(day + timedelta(days=rng.randint(400, 3650)))
        sex = rng.choice("MF")
        lines: tuple[str, ...]
        if rng.random() < id_card_share:
            code = "I"
            number = f"{rng.choice('ABCDEFGHJKLMN')}{rng.randint(10**7, 10**8 - 1)}"
            lines = _td1(nationality, number, surname, given_names, birth, sex, expiry)
        else:
            code = "P"
            prefix = "E" if nationality == "CHN" else rng.choice("ABCNP")
            number = f"{prefix}{rng.randint(10**7, 10**8 - 1)}"
            lines = _td3(nationality, number, surname, given_names, birth, sex, expiry)
        fields = {
            "document_code": code,
            "issuing_state": nationality,
            "number": number,
            "surname": surname,
            "given_names": given_names,
            "nationality": nationality,
            "birth_date": birth[0],
            "sex": sex,
            "expiry_date": expiry[0],
            "optional_data": "",
            "capture": _SCANNED_MRZ,
            "mrz": lines,
        }
        terms = [normalise_term(number), *_NAME_TERMS[surname], *_NAME_TERMS[given_names]]
        return _Document(fields, _unique(terms), TravelDocument.model_validate(fields))

    def passenger(
        self, at: str, direction: str, role: str = _PASSENGER, ids: tuple[str, str] | None = None
    ) -> None:
        """A traveller's clearance; `ids` (record, vehicle) for a driver or crew member."""
        decision, ground = self.decision(_GROUNDS)
        purpose = _PURPOSES.draw(self.rng) if role == _PASSENGER else _TRANSPORT
        document = self.document()
        body = {
            "kind": "passenger",
            "direction": direction,
            "decision": decision,
            "refusal_ground": ground,
            "remarks": "",
            "watchlist": None,
            "document": document.fields,
            "traveller_role": role,
            "accompanying_adult_id": None,
            "purpose": purpose,
            "vehicle_clearance_id": ids[1] if ids else None,
        }
        self.add(
            body, at, direction, decision, document.terms, ids[0] if ids else None, document.model
        )

    def vehicle(self, at: str, direction: str, vehicle_id: str, people: list[str]) -> None:
        """A vehicle cleared with its driver (`people[0]`) and crew."""
        rng = self.rng
        if self.green_channel:
            kind, cargo = _TRUCK, _FRESH
            containers_range, vin_range = (0, 0), (0, 0)
        else:
            kind = _VEHICLE_KINDS.draw(rng)
            cargos, containers_range, vin_range = _KINDS[kind]
            cargo = rng.choice(cargos)
        country = _PLATE_COUNTRIES.draw(rng)
        if country == "CHN":
            plate = f"新{rng.choice('ABCDEFGHJK')}{rng.randint(10000, 99999)}"  # Xinjiang
        else:
            plate = f"{rng.choice(('LEB', 'GLT', 'ISB', 'KHI'))}-{rng.randint(100, 9999)}"
        vins = _export_load(rng.randint(*vin_range), rng)
        containers = [
            make_container(
                rng.choice(("CSQU", "MSKU", "TGHU", "CRSU")), f"{rng.randint(0, 999999):06d}"
            )
            for _ in range(rng.randint(*containers_range))
        ]
        hs = _HS_CODES.get(cargo, ())
        decision, ground = self.decision(_VEHICLE_GROUNDS)
        declaration = (
            make_declaration(
                "6523",
                self.day.year,
                export=direction == _EXIT,
                serial=rng.randint(1, 999_999_999),
            )
            if cargo not in _UNDECLARED
            else None
        )
        body = {
            "kind": "vehicle",
            "direction": direction,
            "decision": decision,
            "refusal_ground": ground,
            "remarks": "",
            "watchlist": None,
            "plate": plate,
            "registration_country": country,
            "vehicle_kind": kind,
            "vins": vins,
            "containers": [
                {"number": number, "seals": [f"CN{rng.randint(10**7, 10**8 - 1)}"]}
                for number in containers
            ],
            "cargo_category": cargo,
            "hs_codes": _one_or_two(rng, hs),
            "declaration_number": declaration,
            "gross_weight_kg": rng.randint(1500, 49000) if kind != _CAR else None,
            "driver_clearance_id": people[0],
            "crew_clearance_ids": people[1:],
        }
        terms = [normalise_term(plate), *vins, *containers]
        if declaration:
            terms.append(declaration)
        self.add(body, at, direction, decision, _unique(terms), vehicle_id)


# ISO 3779 weights of VIN positions 12 to 17 (the serial number), two digits a table.
_SERIAL_PAIR_SUMS = tuple(
    tuple(high * (pair // 10) + low * (pair % 10) for pair in range(100))
    for high, low in ((7, 6), (5, 4), (3, 2))
)


def _serial_sum(serial: int) -> int:
    """The weighted sum of a six-digit serial number's digits in the VIN check digit."""
    rest, last = divmod(serial, 100)
    first, middle = divmod(rest, 100)
    return _SERIAL_PAIR_SUMS[0][first] + _SERIAL_PAIR_SUMS[1][middle] + _SERIAL_PAIR_SUMS[2][last]


def _export_load(count: int, rng: random.Random) -> list[str]:
    """A car carrier's load: `count` new cars of one model from one plant, in serial order.

    The first VIN is made the checked way (`make_vin`); the others differ from it only in
    the serial number, so their check digit is the first one's moved by the difference of
    the serial numbers' weighted sums.
    """
    if not count:
        return []
    wmi = "LSV" if rng.random() < 0.5 else "LGX"
    start = rng.randint(100_000, 999_999 - count)
    first = make_vin(
        wmi,
        f"{rng.choice('ABCDE')}{rng.randint(1000, 9999)}",
        f"{rng.choice('RST')}{rng.choice('ABC')}{start:06d}",
    )
    head, middle = first[:8], first[9:11]
    base = (10 if first[8] == "X" else int(first[8])) - _serial_sum(start)
    vins = [first]
    for serial in range(start + 1, start + count):
        remainder = (base + _serial_sum(serial)) % 11
        vins.append(f"{head}{'X' if remainder == 10 else remainder}{middle}{serial}")
    return vins


def _one_or_two(rng: random.Random, codes: tuple[str, ...]) -> list[str]:
    """One or two different codes in random order, as `rng.sample` draws them (cheaper)."""
    if not codes:
        return []
    first = int(rng.random() * len(codes))
    if len(codes) == 1 or rng.random() < 0.5:
        return [codes[first]]
    second = int(rng.random() * (len(codes) - 1))
    return [codes[first], codes[second + (second >= first)]]


def _check_matches_models(
    record: Record, content: bytes, columns: Columns, terms: tuple[str, ...]
) -> None:
    """Fail loudly when the models and what is written here have drifted apart.

    A field added to a model with a default validates fine from bytes without it, but the
    saved bytes would no longer be the record's canonical form. The first passenger of a
    day always brings a new document, so the MRZ written here is checked once a day too.
    """
    problems = []
    if record_bytes(record) != content:
        problems.append("canonical bytes")
    if _unique(terms_for_body(record.body)) != terms:
        problems.append("search terms")
    if records._columns(record) != columns:
        problems.append("columns")
    body = record.body
    if isinstance(body, PassengerClearance):
        document = body.document
        build = build_td1 if document.document_code == "I" else build_td3
        if document.birth_date and document.expiry_date:
            lines = build(
                issuing_state=document.issuing_state,
                document_number=document.number,
                surname=document.surname,
                given_names=document.given_names,
                nationality=document.nationality,
                birth_date=document.birth_date,
                sex=document.sex,
                expiry_date=document.expiry_date,
            )
            if lines != document.mrz:
                problems.append("machine readable zone")
    if problems:
        raise RuntimeError(
            f"seeded {record.kind} record differs from the models' own in: " + ", ".join(problems)
        )


def _day(traffic: _Traffic, count: int, roster: list[str]) -> list[ShippedDraft]:
    """One day of three eight-hour shifts with `count` clearances."""
    rng = traffic.rng
    hours = rng.choices(range(24), weights=HOURLY, k=count)
    seconds = sorted(hour * 3600 + rng.randrange(3600) for hour in hours)
    made = 0
    for number, start in enumerate(_SHIFT_STARTS):
        end = start + 8 * 3600
        traffic.open_shift(roster[(traffic.day.toordinal() * 3 + number) % len(roster)], start)
        while made < count and seconds[made] < end:
            at = traffic.at(seconds[made])
            direction = _ENTRY if rng.random() < 0.52 else _EXIT
            if traffic.passenger_lane or made + 2 > count or rng.random() < 0.6:
                traffic.passenger(at, direction)
                made += 1
                continue
            # A vehicle: its driver (and sometimes a crew member) are cleared with it.
            vehicle_id = traffic.next_id()
            people = [traffic.next_id()]
            if rng.random() < 0.3 and made + 2 < count:
                people.append(traffic.next_id())
            for index, person_id in enumerate(people):
                role = _CREW if index else _DRIVER
                traffic.passenger(at, direction, role, (person_id, vehicle_id))
            traffic.vehicle(at, direction, vehicle_id, people)
            made += len(people) + 1
        traffic.close_shift(end - 60)
    return traffic.made


# -- saving ------------------------------------------------------------------------------------


def ensure_demo(store: Store) -> Workstation:
    """The configured workstation, or the demo one (with its two accounts) when there is none."""
    workstation = store.workstation()
    if workstation is not None:
        return workstation
    store.configure_workstation(DEMO_WORKSTATION)
    for officer, pin in DEMO_OFFICERS:
        officers.add_officer(store, officer, pin)
    return DEMO_WORKSTATION


# Bounds of a seed: a day is made whole in memory (about 1.5 KB a record) before it is saved.
MAX_CLEARANCES = 10_000_000
MAX_DAYS = 3650
MAX_DAY = 200_000  # clearances


def size_problem(clearances: int, days: int) -> str | None:
    """Why a seed of this size cannot be made, or None when it can."""
    if not (1 <= clearances <= MAX_CLEARANCES and 1 <= days <= MAX_DAYS):
        return f"A seed makes 1 to {MAX_CLEARANCES:,} clearances over 1 to {MAX_DAYS:,} days."
    days_needed = -(-clearances // MAX_DAY)
    if days < days_needed:
        return (
            f"A seed makes at most {MAX_DAY:,} clearances a day: spread {clearances:,} over "
            f"--days {days_needed} or more."
        )
    return None


# Past this many clearances, days are made in worker processes while this one saves; below
# it, starting the workers costs more than they save.
POOL_THRESHOLD = 20_000
POOL_MAX_DAY = 25_000
_DAYS_AHEAD = 4  # days made ahead of the one being saved, per worker
# The saving process is the one that limits the rate: when the workers compete with it for
# a core, it should win. They still get every moment it waits (on a commit, say).
_WORKER_NICENESS = 10
SEED_CACHE_SIZE = -65536  # KiB (negative: a size, not a page count)
SEED_TRANSACTION = 20_000  # records


def seed(
    store: Store,
    *,
    clearances: int,
    days: int = 14,
    seed_value: int = 1,
    today: date | None = None,
    progress: Callable[[int], None] | None = None,
    workers: int | None = None,
) -> SeedSummary:
    """Save `clearances` synthetic clearances spread over the `days` days before `today`.

    Today itself is left to the officers, so no synthetic record lies in the future. Record,
    shift and vehicle ids are random, so seeding the same store twice adds new records.

    Each day is drawn from its own random generator, so the traffic depends only on the seed,
    whether the days are made here or (`workers` > 0; by default when there are many and more
    than one core) in worker processes. Sequence numbers, the hash chain and the inserts stay
    in this process, in day order.

    Raises:
        ValueError: `clearances` or `days` out of bounds (`MAX_CLEARANCES`, `MAX_DAYS`, and
            at most `MAX_DAY` clearances a day).
    """
    problem = size_problem(clearances, days)
    if problem is not None:
        raise ValueError(problem)
    configured = store.workstation()
    workstation = configured or DEMO_WORKSTATION
    roster = _roster(store, adding_demo=configured is None)
    today = today or date.today()
    first_day = today - timedelta(days=days)
    per_day = [clearances // days + (1 if i < clearances % days else 0) for i in range(days)]
    plans = [
        _DayPlan(seed_value, index, first_day + timedelta(days=index), count, roster, workstation)
        for index, count in enumerate(per_day)
    ]
    if workers is None:
        # Days made ahead are held in memory whole: very large days are made here, in turn.
        pooled = clearances >= POOL_THRESHOLD and max(per_day) <= POOL_MAX_DAY
        workers = min(2, os.cpu_count() or 1) if pooled else 0
    # Tens of thousands of records per transaction touch many index pages: a larger page
    # cache (for this connection, while seeding) saves reading them back.
    cache_pages = store.conn.execute("PRAGMA cache_size").fetchone()[0]
    store.conn.execute(f"PRAGMA cache_size = {SEED_CACHE_SIZE}")
    try:
        with _collector_paused(), _made_days(plans, workers) as made:
            ensure_demo(store)  # hashing the demo accounts' PINs while the first days are made
            with store.checkpoints_alongside() as committed:
                total = _save_days(store, made, progress, committed)
    finally:
        store.conn.execute(f"PRAGMA cache_size = {int(cache_pages)}")
    shifts = len(_SHIFT_STARTS) * days
    return SeedSummary(sum(per_day), total, shifts, first_day, today - timedelta(days=1))


def _roster(store: Store, *, adding_demo: bool) -> list[str]:
    """The codes of the officer accounts there will be once `ensure_demo` has run."""
    roles = {officer.code: officer.role for officer in officers.list_officers(store)}
    if adding_demo:
        roles.update((officer.code, officer.role) for officer, _ in DEMO_OFFICERS)
    return sorted(code for code, role in roles.items() if role is Role.OFFICER) or ["DEMO01"]


def _save_days(
    store: Store,
    days: Iterator[list[ShippedDraft]],
    progress: Callable[[int], None] | None,
    committed: Callable[[], None],
) -> int:
    """Save the days, a transaction per `SEED_TRANSACTION` records or more; records saved.

    Each day is written as soon as it is made, while the workers make the next ones; only
    the commit waits for a transaction's last day. Larger transactions write each index
    page they touch fewer times; the last one is committed after the workers are done.
    `committed` is called after each commit (to checkpoint it alongside).
    """
    total = 0
    while True:
        in_transaction = 0

        def until_full() -> Iterator[list[ShippedDraft]]:
            nonlocal in_transaction
            for made in days:
                yield made
                in_transaction += len(made)
                if in_transaction >= SEED_TRANSACTION:
                    return

        saved = records.save_received(store, until_full())
        if saved == 0:
            return total
        total += saved
        committed()
        if progress:
            progress(total)


@dataclass(frozen=True)
class _DayPlan:
    seed_value: int
    index: int
    day: date
    clearances: int
    roster: list[str]
    workstation: Workstation


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection for a while (reference counting still frees memory).

    Tens of thousands of new records, none of them garbage, otherwise make the collector
    walk them again and again: a quarter of the time of making them.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _make_day(plan: _DayPlan) -> list[ShippedDraft]:
    """One day's records, validated and serialised: the same in any process."""
    with _collector_paused():
        rng = _QuickRandom(f"{plan.seed_value}:{plan.index}")
        return _day(_Traffic(rng, plan.workstation, plan.day), plan.clearances, plan.roster)


def _marshalled_day(plan: _DayPlan) -> bytes:
    """`_make_day` in a worker process, in the cheapest form to send and to read back.

    Bytes, strings, tuples and None are all a day holds: `marshal` writes and reads them
    in a fraction of pickle's time, and the process that saves is the one that limits
    the rate. Its format is tied to the Python version, which both ends share.
    """
    return marshal.dumps(_make_day(plan))


def _worker_started() -> None:
    if hasattr(os, "nice"):  # POSIX only; elsewhere the workers compete as equals
        with contextlib.suppress(OSError):
            os.nice(_WORKER_NICENESS)


@contextlib.contextmanager
def _made_days(plans: list[_DayPlan], workers: int) -> Iterator[Iterator[list[ShippedDraft]]]:
    """Days in order, made `_DAYS_AHEAD` per worker ahead of the one being consumed.

    With workers, the first days are being made from the moment this is entered.
    """
    if workers <= 0 or len(plans) < 2:
        yield map(_make_day, plans)
        return
    # fork: the workers need no re-import, and they never touch the parent's connection.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_worker_started)
    pending: deque[Future[bytes]] = deque()
    upcoming = iter(plans)
    for plan in itertools.islice(upcoming, workers * _DAYS_AHEAD):
        pending.append(pool.submit(_marshalled_day, plan))

    def in_order() -> Iterator[list[ShippedDraft]]:
        while pending:
            made = pending.popleft().result()
            for plan in itertools.islice(upcoming, 1):
                pending.append(pool.submit(_marshalled_day, plan))
            day: list[ShippedDraft] = marshal.loads(made)
            yield day

    try:
        yield in_order()
    except BaseException:
        pool.shutdown(cancel_futures=True)  # only the days being made are waited for
        raise
    pool.shutdown()
