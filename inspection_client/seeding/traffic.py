"""One day of synthetic lane traffic: shifts, travellers and vehicles, valid as they are made.

The same random generator gives the same day in any process; each record leaves here as the
parts `records.save_received` numbers, chains and inserts.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from typing import Any

import orjson

from inspection_client.domain.canonical import record_bytes
from inspection_client.domain.codes import (
    CaptureMethod,
    CargoCategory,
    Decision,
    Direction,
    LaneKind,
    Purpose,
    TravellerRole,
    VehicleKind,
)
from inspection_client.domain.container import make_container
from inspection_client.domain.declaration import make_declaration
from inspection_client.domain.ids import IdMaker
from inspection_client.domain.models import (
    RECORD_SCHEMA_VERSION,
    PassengerClearance,
    Record,
    TravelDocument,
    Workstation,
)
from inspection_client.domain.mrz import build_td1, build_td3
from inspection_client.domain.vin import make_vin
from inspection_client.seeding.documents import (
    Document,
    date_field,
    kept_terms,
    td1,
    td3,
)
from inspection_client.seeding.population import (
    CHINA_TIME,
    GROUNDS,
    HOURLY,
    HS_CODES,
    PEOPLE,
    PLATE_COUNTRIES,
    PURPOSES,
    REPEAT_CROSSERS,
    VEHICLE_GROUNDS,
    VEHICLES,
    Weighted,
    nationality_of,
    surname_of,
)
from inspection_client.store import records
from inspection_client.store.records import Columns, ShippedDraft
from inspection_client.store.search import normalise_term, search_document, terms_for_body

# The population's tables as the draws below want them: plain values, ready to draw.
_PEOPLES = Weighted([(people, p[0]) for people, p in PEOPLE.items()])
_PURPOSES = Weighted(PURPOSES)
_GROUNDS = Weighted(GROUNDS)
_VEHICLE_GROUNDS = Weighted(VEHICLE_GROUNDS)
_VEHICLE_KINDS = Weighted([(kind, v[0]) for kind, v in VEHICLES.items()])
_PLATE_COUNTRIES = Weighted(PLATE_COUNTRIES)
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
# People -> nationality, sex -> (surnames, given names as written in a record); identity card
# share.
_PEOPLE = {
    people: (
        nationality_of(people),
        {
            sex: (
                tuple(surname_of(surname, sex, nationality_of(people)) for surname in surnames),
                tuple(name.replace("<", " ") for name in given),
            )
            for sex, given in (("M", men), ("F", women))
        },
        id_cards,
    )
    for people, (_, surnames, men, women, id_cards) in PEOPLE.items()
}
# The search terms of every name above, as `terms_for_body` splits and normalises them.
_NAME_TERMS = {
    name: tuple(normalise_term(part) for part in name.split())
    for _, by_sex, _ in _PEOPLE.values()
    for surnames, given in by_sex.values()
    for name in (*surnames, *given)
}
SHIFT_STARTS = (0, 8 * 3600, 16 * 3600)  # three eight-hour shifts a day, in seconds
_UTC_OFFSET = datetime(2000, 1, 1, tzinfo=CHINA_TIME).isoformat()[19:]  # "+08:00"


# Besides the first record of each shape in a day, every `_SAMPLED`-th record is checked
# against the models: values drawn at random are then checked too, thousands in a large seed.
_SAMPLED = 32


class Traffic:
    """One day's records, drawn from one random generator and made valid by construction.

    Bodies are plain dicts that are exactly what `model_dump(mode="json")` gives for the
    models (every field, defaults included): building the models themselves would cost as
    much as everything else here. Every value that could be invalid is made by the code that
    defines it valid: MRZ lines with their check digits (each new document is validated
    whole by `TravelDocument`), VINs, container codes and declaration numbers by their
    `make_` functions; the rest is drawn from fixed tables. What is checked as the records
    are made (`_check_matches_models`; an invalid or mismatched record raises before
    anything of the day is saved): the first record of each shape in a day (kind, decision
    and ground, direction, traveller role and document code, vehicle kind and cargo) and
    every `_SAMPLED`-th record, each validated by the `Record` model from its canonical
    bytes and compared with the models' own bytes, columns and search terms. Validating
    every record the same way took over a quarter of a worker's time: the tests
    validate every record of seeded days of every lane kind instead.
    """

    def __init__(self, rng: random.Random, workstation: Workstation, day: date) -> None:
        self.rng = rng
        self.workstation_id = workstation.workstation_id
        self.lane_id = workstation.lane_id
        self.passenger_lane = workstation.lane_kind is LaneKind.PASSENGER
        self.green_channel = workstation.lane_kind is LaneKind.GREEN_CHANNEL
        self.day = day
        self.date_prefix = day.isoformat() + "T"
        midnight = datetime(day.year, day.month, day.day, tzinfo=CHINA_TIME)
        self.midnight_ms = int(midnight.timestamp()) * 1000
        self.ids = IdMaker()  # filed under the time of the latest `at`
        self.next_id = self.ids.next
        # Traders and drivers cross again and again; most travellers are people seen before.
        self.regulars: list[Document] = []
        self.made: list[ShippedDraft] = []
        self.checked: set[tuple[Any, ...]] = set()  # shapes of record checked today
        self.count = 0  # records made
        self.officer = self.shift_id = ""
        self.tail = self.ending = b""

    def at(self, second: int) -> str:
        """`recorded_at` of a second of the day, as both pydantic and `isoformat` write it.

        Ids made after it (`next_id`) are made at that second.
        """
        self.ids.milliseconds = self.midnight_ms + second * 1000
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
    ) -> None:
        """Serialise and keep one record of the current shift, checked against the models
        when it is the day's first of its shape or a sampled one (see the class)."""
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
        kind = body["kind"]
        # As the record is bound in the saving process: "no target" as '' (`row_columns`).
        columns = (record_id, kind, at, officer, self.shift_id, "", direction, decision)
        shape = _shape(body)
        self.count += 1
        if shape not in self.checked or self.count % _SAMPLED == 0:
            self.checked.add(shape)
            _check_matches_models(Record.model_validate_json(content), content, columns, terms)
        if not content.endswith(self.ending):
            raise RuntimeError(f"the envelope of a {kind} record does not end as expected")
        # The tail is the same for the whole shift: one object, sent once per day.
        self.made.append(
            (content[: -len(self.tail) - 1], self.tail, columns, search_document(terms))
        )

    def open_shift(self, officer: str, start: int) -> None:
        opened_at = self.at(start)
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
        self.add(opened, opened_at)

    def close_shift(self, at: int) -> None:
        self.add({"kind": "shift_close", "occurrences": ""}, self.at(at))

    def decision(self, grounds: Weighted) -> tuple[str, str | None]:
        roll = self.rng.random()
        if roll < 0.012:
            return _REFUSED, grounds.draw(self.rng)
        if roll < 0.045:
            return _REFERRED, None
        return _CLEARED, None

    def document(self) -> Document:
        regulars = self.regulars
        if len(regulars) > 200 and self.rng.random() < REPEAT_CROSSERS:
            return regulars[int(self.rng.random() * len(regulars))]
        document = self.new_document()
        if len(regulars) < 50_000:
            regulars.append(document)
        return document

    def new_document(self) -> Document:
        rng, day = self.rng, self.day
        nationality, by_sex, id_card_share = _PEOPLE[_PEOPLES.draw(rng)]
        sex = rng.choice("MF")
        surnames, given = by_sex[sex]
        surname, given_names = rng.choice(surnames), rng.choice(given)
        age = rng.randint(19, 70)
        birth = date_field(date(day.year - age, rng.randint(1, 12), rng.randint(1, 28)))
        expiry = date_field(day + timedelta(days=rng.randint(400, 3650)))
        lines: tuple[str, ...]
        if rng.random() < id_card_share:
            code = "I"
            number = f"{rng.choice('ABCDEFGHJKLMN')}{rng.randint(10**7, 10**8 - 1)}"
            lines = td1(nationality, number, surname, given_names, birth, sex, expiry)
        else:
            code = "P"
            prefix = "E" if nationality == "CHN" else rng.choice("ABCNP")
            number = f"{prefix}{rng.randint(10**7, 10**8 - 1)}"
            lines = td3(nationality, number, surname, given_names, birth, sex, expiry)
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
        TravelDocument.model_validate(fields)  # raises for an invalid one, before it is used
        return Document(fields, kept_terms(terms))

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
        self.add(body, at, direction, decision, document.terms, ids[0] if ids else None)

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
        vins = export_load(rng.randint(*vin_range), rng)
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
        self.add(body, at, direction, decision, kept_terms(terms), vehicle_id)


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


def export_load(count: int, rng: random.Random) -> list[str]:
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


def _shape(body: dict[str, Any]) -> tuple[Any, ...]:
    """What sets a record apart from others of its kind for the models' checks."""
    document = body.get("document")
    return (
        body["kind"],
        body.get("direction"),
        body.get("decision"),
        body.get("refusal_ground"),
        body.get("traveller_role"),
        document["document_code"] if document else None,
        body.get("vehicle_kind"),
        body.get("cargo_category"),
        body.get("declaration_number") is None,
    )


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
    if kept_terms(terms_for_body(record.body)) != terms:
        problems.append("search terms")
    if records.row_columns(records.columns_of(record)) != columns:
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


def one_day(traffic: Traffic, count: int, roster: list[str]) -> list[ShippedDraft]:
    """One day of three eight-hour shifts with `count` clearances."""
    rng = traffic.rng
    hours = rng.choices(range(24), weights=HOURLY, k=count)
    seconds = sorted(hour * 3600 + rng.randrange(3600) for hour in hours)
    made = last = 0  # clearances made; the second of the last one
    for number, start in enumerate(SHIFT_STARTS):
        end = start + 8 * 3600
        traffic.open_shift(roster[(traffic.day.toordinal() * 3 + number) % len(roster)], start)
        while made < count and seconds[made] < end:
            last = seconds[made]
            at = traffic.at(last)
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
        # A minute before the next shift, or at its last clearance if that came later (a
        # vehicle's driver and crew are counted as clearances of the vehicle's second).
        traffic.close_shift(max(end - 60, last))
    return traffic.made
