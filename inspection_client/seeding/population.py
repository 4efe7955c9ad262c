"""Who and what crosses a land port on China's western border: the tables traffic is drawn from.

Nationalities with their names and documents, purposes of travel, refusal grounds, vehicle
kinds with their cargo, HS codes and plate countries, the hourly mix of arrivals, and the
cheap random draws that the traffic generator makes from them.
"""

from __future__ import annotations

import itertools
import random
from bisect import bisect
from collections.abc import Sequence
from datetime import timedelta, timezone
from typing import TYPE_CHECKING, Any, TypeVar

from inspection_client.domain.codes import (
    CargoCategory,
    Purpose,
    RefusalGround,
    VehicleKind,
)

CHINA_TIME = timezone(timedelta(hours=8))

# People -> (weight, surnames, men's given names, women's given names, share issuing an
# identity card instead of a passport). A people is its nationality's code, followed by
# "/" and a name where one nationality has several ways of naming (`nationality_of`), so
# that a traveller's surname and given names come from the same one. Surnames are the men's
# forms; `surname_of` gives a woman's where the language has one.
PEOPLE: dict[str, tuple[int, tuple[str, ...], tuple[str, ...], tuple[str, ...], float]] = {
    "CHN": (
        26,
        ("WANG", "LI", "ZHANG", "LIU", "CHEN", "YANG", "MA", "ZHAO"),
        ("WEI", "JUN", "LEI", "XIAOMING", "HAO"),
        ("FANG", "XIAOHONG", "LI", "JING"),
        0.0,
    ),
    # Uyghur names in Chinese passports: the father's name in the surname field.
    "CHN/UYGHUR": (
        6,
        ("AISHAN", "MAIMAITI", "TUERXUN", "ABULIMITI"),
        ("ALIMJAN", "ERKIN", "MUHTAR"),
        ("GULNAR", "AYGUL", "MIHRIGUL"),
        0.0,
    ),
    "CHN/KAZAKH": (2, ("NURLAN", "SERIK"), ("ASKAR", "BOLAT"), ("AIGERIM",), 0.0),
    "PAK": (
        22,
        ("KHAN", "AHMED", "HUSSAIN", "SHAH", "BAIG", "ALI", "QURESHI"),
        ("MUHAMMAD", "IMRAN", "ZAHID", "KARIM", "FARHAN"),
        ("SADIA", "AYESHA", "FATIMA"),
        0.0,
    ),
    "KAZ": (
        14,
        ("NURLANOV", "SEITKALI", "ABENOV", "IVANOV", "ZHUMABAYEV", "KIM"),
        ("ASKAR", "YERLAN", "SERIK"),
        ("DINARA", "AIGERIM", "MADINA"),
        0.35,
    ),
    "KGZ": (
        8,
        ("ASANOV", "TOKTOGULOV", "BEKOV", "ISAKOV"),
        ("AIBEK", "BAKYT"),
        ("NURIA", "CHOLPON"),
        0.3,
    ),
    "TJK": (
        6,
        ("RAHMONOV", "SAIDOV", "NAZAROV", "KARIMOV"),
        ("FARRUKH", "DILSHOD"),
        ("MANIZHA", "ZARINA"),
        0.0,
    ),
    "RUS": (
        6,
        ("IVANOV", "SMIRNOV", "KUZNETSOV", "POPOV"),
        ("SERGEY", "DMITRY"),
        ("OLGA", "ANNA<MARIA"),
        0.25,
    ),
    "UZB": (4, ("TASHKENTOV", "YUSUPOV", "ALIMOV"), ("BOBUR", "SARDOR"), ("NODIRA",), 0.0),
    "MNG": (2, ("BATBAYAR", "GANBOLD"), ("TEMUULEN",), ("SARANGEREL",), 0.0),
    "AFG": (1, ("AHMADZAI", "SAFI"), ("WAHID",), ("HABIBA",), 0.0),
    "D": (1, ("MUELLER", "SCHMIDT"), ("JONAS",), ("LEA",), 0.5),
    "GBR": (1, ("SMITH", "JONES"), ("OLIVER",), ("EMMA",), 0.0),
    "USA": (1, ("JOHNSON", "GARCIA"), ("MICHAEL",), ("SOPHIA",), 0.0),
}
# Where a woman's surname is her father's or husband's with -A (IVANOV, IVANOVA).
_GENDERED_SURNAMES = frozenset({"KAZ", "KGZ", "TJK", "RUS", "UZB"})


def nationality_of(people: str) -> str:
    """The nationality code of a people of `PEOPLE` ("CHN/UYGHUR" -> "CHN")."""
    return people.partition("/")[0]


def surname_of(surname: str, sex: str, nationality: str) -> str:
    """The surname as a man (M) or woman (F) of that nationality writes it."""
    if sex == "F" and nationality in _GENDERED_SURNAMES and surname.endswith(("OV", "EV", "IN")):
        return surname + "A"
    return surname


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


class QuickRandom(random.Random):
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


class Weighted:
    """Values drawn in proportion to their weights (what `random.choices` does, for one)."""

    def __init__(self, weighted: Sequence[tuple[Any, int]]) -> None:
        # Records hold the codes' plain values: StrEnum members would serialise the same,
        # but the `records` columns and the comparisons here want the `str` itself.
        self.values = tuple(str(value) for value, _ in weighted)
        self.cumulative = tuple(itertools.accumulate(weight for _, weight in weighted))
        self.total = self.cumulative[-1]

    def draw(self, rng: random.Random) -> str:
        return self.values[bisect(self.cumulative, rng.random() * self.total)]
