"""The officer's English word for each code of the coded vocabularies, outside Qt.

One table for the window and for printed documents, so a slip or report says what the screen
says. The window shows each word through Qt's translations (context ``labels``, the English word
as source text: the window's `labels` module); printed documents take the English from here
and their Chinese from `inspection_client.reports.labels`. `QT_TRANSLATE_NOOP` only marks the
words for Qt's lupdate, which reads this module with the window's (`ui.build_forms`).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final

from inspection_client.domain.codes import (
    CargoCategory,
    Decision,
    Direction,
    LaneKind,
    Purpose,
    RefusalGround,
    TravellerRole,
    VehicleKind,
)

# The translation context of these words in resources/translations/*.ts.
CONTEXT: Final = "labels"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """``text`` unchanged; lupdate collects it for translation in ``context``."""
    return text


# Keyed by vocabulary, then code: vocabularies share codes ("passenger", "other").
WORDS: Final[dict[type[StrEnum], dict[StrEnum, str]]] = {
    Direction: {
        Direction.ENTRY: QT_TRANSLATE_NOOP("labels", "Entry"),
        Direction.EXIT: QT_TRANSLATE_NOOP("labels", "Exit"),
    },
    Decision: {
        Decision.CLEARED: QT_TRANSLATE_NOOP("labels", "Cleared"),
        Decision.REFERRED: QT_TRANSLATE_NOOP("labels", "Referred"),
        Decision.REFUSED: QT_TRANSLATE_NOOP("labels", "Refused"),
    },
    LaneKind: {
        LaneKind.PASSENGER: QT_TRANSLATE_NOOP("labels", "Passenger lane"),
        LaneKind.VEHICLE: QT_TRANSLATE_NOOP("labels", "Vehicle lane"),
        LaneKind.FREIGHT: QT_TRANSLATE_NOOP("labels", "Freight lane"),
        LaneKind.GREEN_CHANNEL: QT_TRANSLATE_NOOP("labels", "Green channel lane"),
    },
    Purpose: {
        Purpose.TOURISM: QT_TRANSLATE_NOOP("labels", "Tourism"),
        Purpose.BUSINESS: QT_TRANSLATE_NOOP("labels", "Business"),
        Purpose.TRADE: QT_TRANSLATE_NOOP("labels", "Border trade"),
        Purpose.WORK: QT_TRANSLATE_NOOP("labels", "Work"),
        Purpose.TRANSPORT: QT_TRANSLATE_NOOP("labels", "Transport (on duty)"),
        Purpose.FAMILY: QT_TRANSLATE_NOOP("labels", "Family visit"),
        Purpose.STUDY: QT_TRANSLATE_NOOP("labels", "Study"),
        Purpose.TRANSIT: QT_TRANSLATE_NOOP("labels", "Transit"),
        Purpose.OFFICIAL: QT_TRANSLATE_NOOP("labels", "Official"),
        Purpose.OTHER: QT_TRANSLATE_NOOP("labels", "Other"),
    },
    TravellerRole: {
        TravellerRole.PASSENGER: QT_TRANSLATE_NOOP("labels", "Passenger"),
        TravellerRole.DRIVER: QT_TRANSLATE_NOOP("labels", "Driver"),
        TravellerRole.CREW: QT_TRANSLATE_NOOP("labels", "Crew"),
        TravellerRole.MINOR: QT_TRANSLATE_NOOP("labels", "Minor"),
    },
    RefusalGround: {
        RefusalGround.NO_VALID_DOCUMENT: QT_TRANSLATE_NOOP(
            "labels", "A — no valid travel document"
        ),
        RefusalGround.FALSE_DOCUMENT: QT_TRANSLATE_NOOP(
            "labels", "B — false or falsified travel document"
        ),
        RefusalGround.NO_VALID_VISA: QT_TRANSLATE_NOOP(
            "labels", "C — no valid visa or residence permit"
        ),
        RefusalGround.FALSE_VISA: QT_TRANSLATE_NOOP(
            "labels", "D — false or falsified visa or permit"
        ),
        RefusalGround.PURPOSE_NOT_JUSTIFIED: QT_TRANSLATE_NOOP(
            "labels", "E — purpose and conditions of stay not justified"
        ),
        RefusalGround.STAY_EXCEEDED: QT_TRANSLATE_NOOP(
            "labels", "F — permitted stay already used up"
        ),
        RefusalGround.NO_MEANS_OF_SUBSISTENCE: QT_TRANSLATE_NOOP(
            "labels", "G — no sufficient means of subsistence"
        ),
        RefusalGround.ALERT_REFUSE_ENTRY: QT_TRANSLATE_NOOP(
            "labels", "H — alert issued to refuse entry"
        ),
        RefusalGround.THREAT_TO_PUBLIC_ORDER: QT_TRANSLATE_NOOP(
            "labels", "I — threat to public order or security"
        ),
        RefusalGround.VEHICLE_DOCUMENTS: QT_TRANSLATE_NOOP(
            "labels", "V1 — vehicle documents missing or invalid"
        ),
        RefusalGround.CARGO_NOT_AS_DECLARED: QT_TRANSLATE_NOOP(
            "labels", "V2 — cargo not as declared"
        ),
        RefusalGround.SEAL_BROKEN: QT_TRANSLATE_NOOP(
            "labels", "V3 — customs seal broken or missing"
        ),
        RefusalGround.PROHIBITED_GOODS: QT_TRANSLATE_NOOP(
            "labels", "V4 — prohibited or restricted goods"
        ),
        RefusalGround.QUARANTINE: QT_TRANSLATE_NOOP(
            "labels", "V5 — quarantine or sanitary reasons"
        ),
        RefusalGround.VEHICLE_ALERT: QT_TRANSLATE_NOOP("labels", "V6 — alert on the vehicle"),
    },
    VehicleKind: {
        VehicleKind.CAR: QT_TRANSLATE_NOOP("labels", "Car"),
        VehicleKind.VAN: QT_TRANSLATE_NOOP("labels", "Van"),
        VehicleKind.BUS: QT_TRANSLATE_NOOP("labels", "Bus"),
        VehicleKind.TRUCK: QT_TRANSLATE_NOOP("labels", "Truck"),
        VehicleKind.TRACTOR_TRAILER: QT_TRANSLATE_NOOP("labels", "Tractor-trailer"),
        VehicleKind.CAR_CARRIER: QT_TRANSLATE_NOOP("labels", "Car carrier"),
        VehicleKind.CAGE_CAR: QT_TRANSLATE_NOOP("labels", "Livestock cage car"),
        VehicleKind.TANKER: QT_TRANSLATE_NOOP("labels", "Tanker"),
        VehicleKind.MOTORCYCLE: QT_TRANSLATE_NOOP("labels", "Motorcycle"),
        VehicleKind.OTHER: QT_TRANSLATE_NOOP("labels", "Other vehicle"),
    },
    CargoCategory: {
        CargoCategory.NONE: QT_TRANSLATE_NOOP("labels", "No cargo"),
        CargoCategory.GENERAL: QT_TRANSLATE_NOOP("labels", "General cargo"),
        CargoCategory.FRESH_AGRICULTURAL: QT_TRANSLATE_NOOP(
            "labels", "Fresh agricultural goods (green channel)"
        ),
        CargoCategory.MINERAL_ORES: QT_TRANSLATE_NOOP("labels", "Mineral ores"),
        CargoCategory.COMPLETE_VEHICLES: QT_TRANSLATE_NOOP(
            "labels", "Complete vehicles for export"
        ),
        CargoCategory.LIVESTOCK: QT_TRANSLATE_NOOP("labels", "Livestock"),
        CargoCategory.DANGEROUS_GOODS: QT_TRANSLATE_NOOP("labels", "Dangerous goods"),
        CargoCategory.PERSONAL_EFFECTS: QT_TRANSLATE_NOOP("labels", "Personal effects"),
    },
}


def english(value: StrEnum) -> str:
    """The English word for a code; the code itself for one without a word."""
    return WORDS.get(type(value), {}).get(value, str(value))
