"""Translated names of the coded vocabularies (directions, decisions, grounds, kinds)."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox

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
from inspection_client.store.history import HistoryRow


def label(value: StrEnum) -> str:
    """The officer's word for a code, in the current language."""
    # Keyed by (type, code): different vocabularies share codes ("passenger", "other").
    names: dict[tuple[type[StrEnum], StrEnum], str] = {
        (Direction, Direction.ENTRY): QCoreApplication.translate("labels", "Entry"),
        (Direction, Direction.EXIT): QCoreApplication.translate("labels", "Exit"),
        (Decision, Decision.CLEARED): QCoreApplication.translate("labels", "Cleared"),
        (Decision, Decision.REFERRED): QCoreApplication.translate("labels", "Referred"),
        (Decision, Decision.REFUSED): QCoreApplication.translate("labels", "Refused"),
        (LaneKind, LaneKind.PASSENGER): QCoreApplication.translate("labels", "Passenger lane"),
        (LaneKind, LaneKind.VEHICLE): QCoreApplication.translate("labels", "Vehicle lane"),
        (LaneKind, LaneKind.FREIGHT): QCoreApplication.translate("labels", "Freight lane"),
        (LaneKind, LaneKind.GREEN_CHANNEL): QCoreApplication.translate(
            "labels", "Green channel lane"
        ),
        (Purpose, Purpose.TOURISM): QCoreApplication.translate("labels", "Tourism"),
        (Purpose, Purpose.BUSINESS): QCoreApplication.translate("labels", "Business"),
        (Purpose, Purpose.TRADE): QCoreApplication.translate("labels", "Border trade"),
        (Purpose, Purpose.WORK): QCoreApplication.translate("labels", "Work"),
        (Purpose, Purpose.TRANSPORT): QCoreApplication.translate("labels", "Transport (on duty)"),
        (Purpose, Purpose.FAMILY): QCoreApplication.translate("labels", "Family visit"),
        (Purpose, Purpose.STUDY): QCoreApplication.translate("labels", "Study"),
        (Purpose, Purpose.TRANSIT): QCoreApplication.translate("labels", "Transit"),
        (Purpose, Purpose.OFFICIAL): QCoreApplication.translate("labels", "Official"),
        (Purpose, Purpose.OTHER): QCoreApplication.translate("labels", "Other"),
        (TravellerRole, TravellerRole.PASSENGER): QCoreApplication.translate("labels", "Passenger"),
        (TravellerRole, TravellerRole.DRIVER): QCoreApplication.translate("labels", "Driver"),
        (TravellerRole, TravellerRole.CREW): QCoreApplication.translate("labels", "Crew"),
        (TravellerRole, TravellerRole.MINOR): QCoreApplication.translate("labels", "Minor"),
        (RefusalGround, RefusalGround.NO_VALID_DOCUMENT): QCoreApplication.translate(
            "labels", "A — no valid travel document"
        ),
        (RefusalGround, RefusalGround.FALSE_DOCUMENT): QCoreApplication.translate(
            "labels", "B — false or falsified travel document"
        ),
        (RefusalGround, RefusalGround.NO_VALID_VISA): QCoreApplication.translate(
            "labels", "C — no valid visa or residence permit"
        ),
        (RefusalGround, RefusalGround.FALSE_VISA): QCoreApplication.translate(
            "labels", "D — false or falsified visa or permit"
        ),
        (RefusalGround, RefusalGround.PURPOSE_NOT_JUSTIFIED): QCoreApplication.translate(
            "labels", "E — purpose and conditions of stay not justified"
        ),
        (RefusalGround, RefusalGround.STAY_EXCEEDED): QCoreApplication.translate(
            "labels", "F — permitted stay already used up"
        ),
        (RefusalGround, RefusalGround.NO_MEANS_OF_SUBSISTENCE): QCoreApplication.translate(
            "labels", "G — no sufficient means of subsistence"
        ),
        (RefusalGround, RefusalGround.ALERT_REFUSE_ENTRY): QCoreApplication.translate(
            "labels", "H — alert issued to refuse entry"
        ),
        (RefusalGround, RefusalGround.THREAT_TO_PUBLIC_ORDER): QCoreApplication.translate(
            "labels", "I — threat to public order or security"
        ),
        (RefusalGround, RefusalGround.VEHICLE_DOCUMENTS): QCoreApplication.translate(
            "labels", "V1 — vehicle documents missing or invalid"
        ),
        (RefusalGround, RefusalGround.CARGO_NOT_AS_DECLARED): QCoreApplication.translate(
            "labels", "V2 — cargo not as declared"
        ),
        (RefusalGround, RefusalGround.SEAL_BROKEN): QCoreApplication.translate(
            "labels", "V3 — customs seal broken or missing"
        ),
        (RefusalGround, RefusalGround.PROHIBITED_GOODS): QCoreApplication.translate(
            "labels", "V4 — prohibited or restricted goods"
        ),
        (RefusalGround, RefusalGround.QUARANTINE): QCoreApplication.translate(
            "labels", "V5 — quarantine or sanitary reasons"
        ),
        (RefusalGround, RefusalGround.VEHICLE_ALERT): QCoreApplication.translate(
            "labels", "V6 — alert on the vehicle"
        ),
        (VehicleKind, VehicleKind.CAR): QCoreApplication.translate("labels", "Car"),
        (VehicleKind, VehicleKind.VAN): QCoreApplication.translate("labels", "Van"),
        (VehicleKind, VehicleKind.BUS): QCoreApplication.translate("labels", "Bus"),
        (VehicleKind, VehicleKind.TRUCK): QCoreApplication.translate("labels", "Truck"),
        (VehicleKind, VehicleKind.TRACTOR_TRAILER): QCoreApplication.translate(
            "labels", "Tractor-trailer"
        ),
        (VehicleKind, VehicleKind.CAR_CARRIER): QCoreApplication.translate("labels", "Car carrier"),
        (VehicleKind, VehicleKind.CAGE_CAR): QCoreApplication.translate(
            "labels", "Livestock cage car"
        ),
        (VehicleKind, VehicleKind.TANKER): QCoreApplication.translate("labels", "Tanker"),
        (VehicleKind, VehicleKind.MOTORCYCLE): QCoreApplication.translate("labels", "Motorcycle"),
        (VehicleKind, VehicleKind.OTHER): QCoreApplication.translate("labels", "Other vehicle"),
        (CargoCategory, CargoCategory.NONE): QCoreApplication.translate("labels", "No cargo"),
        (CargoCategory, CargoCategory.GENERAL): QCoreApplication.translate(
            "labels", "General cargo"
        ),
        (CargoCategory, CargoCategory.FRESH_AGRICULTURAL): QCoreApplication.translate(
            "labels", "Fresh agricultural goods (green channel)"
        ),
        (CargoCategory, CargoCategory.MINERAL_ORES): QCoreApplication.translate(
            "labels", "Mineral ores"
        ),
        (CargoCategory, CargoCategory.COMPLETE_VEHICLES): QCoreApplication.translate(
            "labels", "Complete vehicles for export"
        ),
        (CargoCategory, CargoCategory.LIVESTOCK): QCoreApplication.translate("labels", "Livestock"),
        (CargoCategory, CargoCategory.DANGEROUS_GOODS): QCoreApplication.translate(
            "labels", "Dangerous goods"
        ),
        (CargoCategory, CargoCategory.PERSONAL_EFFECTS): QCoreApplication.translate(
            "labels", "Personal effects"
        ),
    }
    return names.get((type(value), value), str(value))


PASSENGER_GROUNDS = [g for g in RefusalGround if not g.value.startswith("V")]
# Vehicle and cargo grounds first at a vehicle lane; the document grounds still apply to drivers.
VEHICLE_GROUNDS = [g for g in RefusalGround if g.value.startswith("V")] + PASSENGER_GROUNDS


def fill_combo(combo: QComboBox, values: list[StrEnum] | type[StrEnum]) -> None:
    """Fill a combo box with translated labels, keeping the code as item data and the choice."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for value in values:
        combo.addItem(label(value), value.value)
    index = combo.findData(current)
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)


def select(combo: QComboBox, value: StrEnum | str | None) -> None:
    index = combo.findData(value.value if isinstance(value, StrEnum) else value)
    combo.setCurrentIndex(max(index, 0))


def document_text(row: HistoryRow) -> str:
    """A history row's document column: its numbers, else (a vehicle with no VIN or
    container) the kind of vehicle, in the window's language."""
    if row.document or "vehicle_kind" not in row.extra:
        return row.document
    return label(VehicleKind(row.extra["vehicle_kind"]))
