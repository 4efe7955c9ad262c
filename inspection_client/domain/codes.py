"""The closed vocabularies officers choose from: directions, decisions, kinds, grounds.

Values are the stable codes stored in records and sent to the central; labels for people
live in the user interface (translated) and in reports.
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    OFFICER = "officer"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


class LaneKind(StrEnum):
    PASSENGER = "passenger"
    VEHICLE = "vehicle"
    FREIGHT = "freight"
    GREEN_CHANNEL = "green_channel"


class Direction(StrEnum):
    ENTRY = "entry"
    EXIT = "exit"


class Decision(StrEnum):
    CLEARED = "cleared"
    REFERRED = "referred"  # sent to secondary inspection
    REFUSED = "refused"


class CaptureMethod(StrEnum):
    SCANNED_MRZ = "scanned_mrz"
    TYPED_MRZ = "typed_mrz"
    TYPED_FIELDS = "typed_fields"


class TravellerRole(StrEnum):
    PASSENGER = "passenger"
    DRIVER = "driver"
    CREW = "crew"
    MINOR = "minor"


class Purpose(StrEnum):
    TOURISM = "tourism"
    BUSINESS = "business"
    TRADE = "trade"  # border traders
    WORK = "work"
    TRANSPORT = "transport"  # drivers and crew on duty
    FAMILY = "family"
    STUDY = "study"
    TRANSIT = "transit"
    OFFICIAL = "official"
    OTHER = "other"


class RefusalGround(StrEnum):
    """Coded grounds of refusal.

    A to I follow the standard form for refusal of entry (Schengen Borders Code, Annex V
    Part B), which many border agencies use as their coding; V1 to V6 cover vehicles and cargo.
    """

    NO_VALID_DOCUMENT = "A"
    FALSE_DOCUMENT = "B"
    NO_VALID_VISA = "C"
    FALSE_VISA = "D"
    PURPOSE_NOT_JUSTIFIED = "E"
    STAY_EXCEEDED = "F"
    NO_MEANS_OF_SUBSISTENCE = "G"
    ALERT_REFUSE_ENTRY = "H"
    THREAT_TO_PUBLIC_ORDER = "I"
    VEHICLE_DOCUMENTS = "V1"
    CARGO_NOT_AS_DECLARED = "V2"
    SEAL_BROKEN = "V3"
    PROHIBITED_GOODS = "V4"
    QUARANTINE = "V5"
    VEHICLE_ALERT = "V6"


class VehicleKind(StrEnum):
    CAR = "car"
    VAN = "van"
    BUS = "bus"
    TRUCK = "truck"
    TRACTOR_TRAILER = "tractor_trailer"
    CAR_CARRIER = "car_carrier"
    CAGE_CAR = "cage_car"  # livestock and poultry transport
    TANKER = "tanker"
    MOTORCYCLE = "motorcycle"
    OTHER = "other"


# The lanes that clear vehicles and print their release slips. A gate refuses a slip signed at
# any other kind of lane (a passenger lane's), and such a lane issues none.
SLIP_LANE_KINDS = frozenset({LaneKind.VEHICLE, LaneKind.FREIGHT, LaneKind.GREEN_CHANNEL})


class CargoCategory(StrEnum):
    NONE = "none"  # passengers only, or travelling empty
    GENERAL = "general"
    FRESH_AGRICULTURAL = "fresh_agricultural"  # green channel: priority clearance
    MINERAL_ORES = "mineral_ores"
    COMPLETE_VEHICLES = "complete_vehicles"  # exported complete vehicles on a car carrier
    LIVESTOCK = "livestock"
    DANGEROUS_GOODS = "dangerous_goods"
    PERSONAL_EFFECTS = "personal_effects"
