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
import multiprocessing
import os
import random
import uuid
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import TYPE_CHECKING, TypeVar

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
    ContainerLoad,
    Officer,
    PassengerClearance,
    ShiftClosed,
    ShiftOpened,
    TravelDocument,
    VehicleClearance,
    Workstation,
)
from inspection_client.domain.mrz import build_td1, build_td3
from inspection_client.domain.vin import make_vin
from inspection_client.store import officers, records
from inspection_client.store.database import Store
from inspection_client.store.records import Draft, PreparedDraft

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
_NATIONALITIES = tuple(PEOPLE)
_NATIONALITY_CUMULATIVE = tuple(itertools.accumulate(PEOPLE[n][0] for n in _NATIONALITIES))
_PURPOSES = (Purpose.TRADE, Purpose.BUSINESS, Purpose.TOURISM, Purpose.FAMILY, Purpose.WORK)
_PURPOSE_CUMULATIVE = tuple(itertools.accumulate((35, 25, 20, 12, 8)))

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
_VEHICLE_CUMULATIVE = tuple(itertools.accumulate(v[0] for v in VEHICLES.values()))
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


@functools.cache
def _cumulative(weighted: tuple[tuple[object, int], ...]) -> tuple[list[object], list[int]]:
    return [v for v, _ in weighted], list(itertools.accumulate(w for _, w in weighted))


@dataclass(frozen=True)
class SeedSummary:
    clearances: int
    records: int
    shifts: int
    first_day: date
    last_day: date


class _Traffic:
    """Draws travellers and vehicles from one random generator."""

    def __init__(self, rng: random.Random, workstation: Workstation, today: date) -> None:
        self.rng = rng
        self.workstation = workstation
        self.today = today
        # Traders and drivers cross again and again; most travellers are people seen before.
        self.regulars: list[TravelDocument] = []

    def pick(self, weighted: tuple[tuple[object, int], ...]) -> object:
        values, cumulative = _cumulative(weighted)
        return self.rng.choices(values, cum_weights=cumulative)[0]

    def decision(self, vehicle: bool) -> tuple[Decision, RefusalGround | None]:
        roll = self.rng.random()
        if roll < 0.012:
            ground = self.pick(VEHICLE_GROUNDS if vehicle else GROUNDS)
            assert isinstance(ground, RefusalGround)
            return Decision.REFUSED, ground
        if roll < 0.045:
            return Decision.REFERRED, None
        return Decision.CLEARED, None

    def document(self, day: date) -> TravelDocument:
        regulars = self.regulars
        if len(regulars) > 200 and self.rng.random() < REPEAT_CROSSERS:
            return regulars[self.rng.randrange(len(regulars))]
        document = self.new_document(day)
        if len(regulars) < 50_000:
            regulars.append(document)
        return document

    def new_document(self, day: date) -> TravelDocument:
        rng = self.rng
        nationality = rng.choices(_NATIONALITIES, cum_weights=_NATIONALITY_CUMULATIVE)[0]
        _, surnames, given, id_card_share = PEOPLE[nationality]
        surname, given_names = rng.choice(surnames), rng.choice(given).replace("<", " ")
        age = rng.randint(19, 70)
        birth = date(day.year - age, rng.randint(1, 12), rng.randint(1, 28))
        expiry = day + timedelta(days=rng.randint(400, 3650))
        sex = rng.choice("MF")
        state = nationality
        if rng.random() < id_card_share:
            number = f"{rng.choice('ABCDEFGHJKLMN')}{rng.randint(10**7, 10**8 - 1)}"
            lines: tuple[str, ...] = build_td1(
                issuing_state=state,
                document_number=number,
                surname=surname,
                given_names=given_names,
                nationality=nationality,
                birth_date=birth,
                sex=sex,
                expiry_date=expiry,
            )
            code = "I"
        else:
            prefix = "E" if nationality == "CHN" else rng.choice("ABCNP")
            number = f"{prefix}{rng.randint(10**7, 10**8 - 1)}"
            lines = build_td3(
                issuing_state=state,
                document_number=number,
                surname=surname,
                given_names=given_names,
                nationality=nationality,
                birth_date=birth,
                sex=sex,
                expiry_date=expiry,
            )
            code = "P"
        return TravelDocument(
            document_code=code,
            issuing_state=state,
            number=number,
            surname=surname,
            given_names=given_names,
            nationality=nationality,
            birth_date=birth,
            sex=sex,
            expiry_date=expiry,
            capture=CaptureMethod.SCANNED_MRZ,
            mrz=lines,
        )

    def passenger(
        self,
        day: date,
        direction: Direction,
        role: TravellerRole = TravellerRole.PASSENGER,
        vehicle_id: uuid.UUID | None = None,
    ) -> PassengerClearance:
        decision, ground = self.decision(vehicle=False)
        purpose = (
            Purpose.TRANSPORT
            if role in (TravellerRole.DRIVER, TravellerRole.CREW)
            else self.rng.choices(_PURPOSES, cum_weights=_PURPOSE_CUMULATIVE)[0]
        )
        return PassengerClearance(
            direction=direction,
            decision=decision,
            refusal_ground=ground,
            document=self.document(day),
            traveller_role=role,
            purpose=purpose,
            vehicle_clearance_id=vehicle_id,
        )

    def vehicle(
        self, day: date, direction: Direction, driver_id: uuid.UUID, crew_ids: tuple[uuid.UUID, ...]
    ) -> VehicleClearance:
        rng = self.rng
        kinds = tuple(VEHICLES)
        if self.workstation.lane_kind is LaneKind.GREEN_CHANNEL:
            kind, cargo = VehicleKind.TRUCK, CargoCategory.FRESH_AGRICULTURAL
            containers_range, vin_range = (0, 0), (0, 0)
        else:
            kind = rng.choices(kinds, cum_weights=_VEHICLE_CUMULATIVE)[0]
            _, cargos, containers_range, vin_range = VEHICLES[kind]
            cargo = rng.choice(cargos)
        country = str(self.pick(PLATE_COUNTRIES))
        plate = (
            f"{rng.choice('ABCDEFGHJK')}{rng.randint(10000, 99999)}"
            if country == "CHN"
            else (f"{rng.choice(('LEB', 'GLT', 'ISB', 'KHI'))}-{rng.randint(100, 9999)}")
        )
        if country == "CHN":
            plate = "新" + plate  # Xinjiang registrations
        vins = tuple(
            make_vin(
                "LSV" if i % 2 else "LGX",
                f"{rng.choice('ABCDE')}{rng.randint(1000, 9999)}",
                f"{rng.choice('RST')}{rng.choice('ABC')}{rng.randint(100000, 999999)}",
            )
            for i in range(rng.randint(*vin_range))
        )
        containers = tuple(
            ContainerLoad(
                number=make_container(
                    rng.choice(("CSQU", "MSKU", "TGHU", "CRSU")), f"{rng.randint(0, 999999):06d}"
                ),
                seals=(f"CN{rng.randint(10**7, 10**8 - 1)}",),
            )
            for _ in range(rng.randint(*containers_range))
        )
        hs = HS_CODES.get(cargo, ())
        decision, ground = self.decision(vehicle=True)
        declared = cargo not in (CargoCategory.NONE, CargoCategory.PERSONAL_EFFECTS)
        return VehicleClearance(
            direction=direction,
            decision=decision,
            refusal_ground=ground,
            plate=plate,
            registration_country=country,
            vehicle_kind=kind,
            vins=vins,
            containers=containers,
            cargo_category=cargo,
            hs_codes=tuple(rng.sample(hs, k=min(len(hs), rng.randint(1, 2)))) if hs else (),
            declaration_number=make_declaration(
                "6523",
                day.year,
                export=direction is Direction.EXIT,
                serial=rng.randint(1, 999_999_999),
            )
            if declared
            else None,
            gross_weight_kg=rng.randint(1500, 49000) if kind is not VehicleKind.CAR else None,
            driver_clearance_id=driver_id,
            crew_clearance_ids=crew_ids,
        )


def _arrival_times(rng: random.Random, day: date, count: int) -> list[datetime]:
    hours = rng.choices(range(24), weights=HOURLY, k=count)
    return sorted(
        datetime.combine(day, time(h, rng.randrange(60), rng.randrange(60)), CHINA_TIME)
        for h in hours
    )


def ensure_demo(store: Store) -> Workstation:
    """The configured workstation, or the demo one (with its two accounts) when there is none."""
    workstation = store.workstation()
    if workstation is not None:
        return workstation
    store.configure_workstation(DEMO_WORKSTATION)
    for officer, pin in DEMO_OFFICERS:
        officers.add_officer(store, officer, pin)
    return DEMO_WORKSTATION


# Past this many clearances, days are made in worker processes while this one saves; below
# it, starting the workers costs more than they save.
POOL_THRESHOLD = 20_000
POOL_MAX_DAY = 25_000
_DAYS_AHEAD = 4  # days made ahead of the one being saved, per worker
SEED_CACHE_SIZE = -65536  # KiB (negative: a size, not a page count)


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
    """
    workstation = ensure_demo(store)
    today = today or date.today()
    roster = [o.code for o in officers.list_officers(store) if o.role is Role.OFFICER] or ["DEMO01"]
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
        with _collector_paused():
            shifts, total = _save_days(store, _made_days(plans, workers), progress)
    finally:
        store.conn.execute(f"PRAGMA cache_size = {int(cache_pages)}")
    return SeedSummary(sum(per_day), total, shifts, first_day, today - timedelta(days=1))


def _save_days(
    store: Store, days: Iterator[list[PreparedDraft]], progress: Callable[[int], None] | None
) -> tuple[int, int]:
    """Save the days in batches of about 10,000 records; (shifts, records) saved."""
    shifts = total = 0
    batch: list[PreparedDraft] = []
    for made in days:
        for prepared in made:
            batch.append(prepared)
            if prepared.columns[1] == "shift_open":
                shifts += 1
            if len(batch) >= 10_000:
                records.save_many(store, batch, return_records=False)
                total += len(batch)
                batch = []
                if progress:
                    progress(total)
    if batch:
        records.save_many(store, batch, return_records=False)
        total += len(batch)
    if progress:
        progress(total)
    return shifts, total


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


def _make_day(plan: _DayPlan) -> list[PreparedDraft]:
    """One day's records, serialised and ready to save: the same in any process."""
    with _collector_paused():
        return _prepared_day(plan)


def _prepared_day(plan: _DayPlan) -> list[PreparedDraft]:
    rng = _QuickRandom(f"{plan.seed_value}:{plan.index}")
    traffic = _Traffic(rng, plan.workstation, plan.day)
    workstation_id = plan.workstation.workstation_id
    drafts = _day(traffic, plan.day, plan.clearances, plan.roster)
    return [records.prepare(draft, workstation_id) for draft in drafts]


def _made_days(plans: list[_DayPlan], workers: int) -> Iterator[list[PreparedDraft]]:
    """Days in order, made `_DAYS_AHEAD` per worker ahead of the one being consumed."""
    if workers <= 0 or len(plans) < 2:
        yield from map(_make_day, plans)
        return
    # fork: the workers need no re-import, and they never touch the parent's connection.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        pending: deque[Future[list[PreparedDraft]]] = deque()
        upcoming = iter(plans)
        for plan in itertools.islice(upcoming, workers * _DAYS_AHEAD):
            pending.append(pool.submit(_make_day, plan))
        while pending:
            made = pending.popleft().result()
            for plan in itertools.islice(upcoming, 1):
                pending.append(pool.submit(_make_day, plan))
            yield made


def _day(traffic: _Traffic, day: date, count: int, roster: list[str]) -> Iterator[Draft]:
    """One day of three eight-hour shifts with `count` clearances."""
    rng = traffic.rng
    times = _arrival_times(rng, day, count)
    lane = traffic.workstation.lane_id
    passenger_lane = traffic.workstation.lane_kind is LaneKind.PASSENGER
    made = 0
    for number, start_hour in enumerate((0, 8, 16)):
        start = datetime.combine(day, time(start_hour), CHINA_TIME)
        end = start + timedelta(hours=8)
        officer = roster[(day.toordinal() * 3 + number) % len(roster)]
        shift_id = uuid.uuid4()
        yield Draft(ShiftOpened(lane_id=lane, direction=Direction.ENTRY), officer, shift_id, start)
        while made < count and times[made] < end:
            at = times[made]
            direction = Direction.ENTRY if rng.random() < 0.52 else Direction.EXIT
            if passenger_lane or made + 2 > count or rng.random() < 0.6:
                body = traffic.passenger(day, direction)
                yield Draft(body, officer, shift_id, at)
                made += 1
                continue
            # A vehicle: its driver (and sometimes a crew member) are cleared with it.
            vehicle_id = uuid.uuid4()
            people = [(TravellerRole.DRIVER, uuid.uuid4())]
            if rng.random() < 0.3 and made + 2 < count:
                people.append((TravellerRole.CREW, uuid.uuid4()))
            for role, person_id in people:
                body = traffic.passenger(day, direction, role, vehicle_id)
                yield Draft(body, officer, shift_id, at, person_id)
                made += 1
            vehicle = traffic.vehicle(
                day, direction, people[0][1], tuple(pid for _, pid in people[1:])
            )
            yield Draft(vehicle, officer, shift_id, at, vehicle_id)
            made += 1
        yield Draft(ShiftClosed(occurrences=""), officer, shift_id, end - timedelta(minutes=1))
