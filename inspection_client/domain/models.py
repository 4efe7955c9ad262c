"""The records an officer makes at a lane, and the people and places they refer to.

A `Record` is an immutable envelope (id, workstation, gap-free sequence number, device time,
officer, shift) around one body: a passenger or vehicle clearance, an amendment or void of an
earlier record, or the opening or closing of a shift. Amendments and voids are new records
that point at the original; the current state of a clearance is derived from them.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidatorFunctionWrapHandler,
    WrapValidator,
    model_validator,
)

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
from inspection_client.domain.container import (
    container_is_canonical,
    validate_container,
    validate_seal,
)
from inspection_client.domain.declaration import (
    declaration_is_canonical,
    validate_declaration,
    validate_hs_code,
)
from inspection_client.domain.validation import (
    NO_CONTROL_CHARACTERS,
    OFFICER_CODE,
    STATE_CODE,
    WORKSTATION_ID,
)
from inspection_client.domain.vin import validate_vin, vin_is_canonical
from inspection_client.message import Message, listed

# Record schema written by this version. The central accepts this and every earlier one.
RECORD_SCHEMA_VERSION = 1


class Strict(BaseModel):
    """Base for every domain model: unknown fields are errors and instances never change."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def _upper_matching(pattern: str) -> StringConstraints:
    """Upper-cased, and matching `pattern` (which allows lower case: it is checked first).

    Checked and converted inside pydantic-core: records are validated by the hundred
    thousand at the central, and a Python validator per field is a large part of that.
    """
    return StringConstraints(to_upper=True, pattern=pattern)


# Each check first asks whether the value is already valid in its stored form: records read
# back (at the central, by the million) always are, and that answer costs a regex and a sum.


def _check_vin(value: str) -> str:
    if vin_is_canonical(value):
        return value
    result = validate_vin(value)
    if not result.valid:
        raise ValueError(
            Message("VIN {value}: {errors}", value=value, errors=listed(result.errors))
        )
    return result.value


def _check_container(value: str) -> str:
    if container_is_canonical(value):
        return value
    result = validate_container(value)
    if not result.valid:
        raise ValueError(
            Message("container {value}: {errors}", value=value, errors=listed(result.errors))
        )
    return result.value


def _check_seal(value: str) -> str:
    errors = validate_seal(value)
    if errors:
        raise ValueError(Message("seal {value}: {errors}", value=value, errors=listed(errors)))
    return value.upper()


def _check_hs_code(value: str) -> str:
    errors = validate_hs_code(value)
    if errors:
        raise ValueError(Message("HS code {value}: {errors}", value=value, errors=listed(errors)))
    return value.replace(".", "")


def _check_declaration(value: str | None) -> str | None:
    if value is None or value == "":
        return None
    if declaration_is_canonical(value):
        return value
    result = validate_declaration(value)
    if not result.valid:
        raise ValueError(
            Message("declaration {value}: {errors}", value=value, errors=listed(result.errors))
        )
    return result.value


OfficerCode = Annotated[str, _upper_matching(OFFICER_CODE)]
StateCode = Annotated[str, _upper_matching(STATE_CODE)]
REMARKS_MAX = 2000  # characters
Remarks = Annotated[str, Field(max_length=REMARKS_MAX)]
Reason = Annotated[str, Field(min_length=3, max_length=2000)]
Vin = Annotated[str, AfterValidator(_check_vin)]
ContainerNumber = Annotated[str, AfterValidator(_check_container)]
SealNumber = Annotated[str, AfterValidator(_check_seal)]
HsCode = Annotated[str, AfterValidator(_check_hs_code)]
DeclarationNumber = Annotated[str | None, AfterValidator(_check_declaration)]


class Officer(Strict):
    code: OfficerCode
    name: Annotated[str, Field(min_length=1, max_length=120, pattern=NO_CONTROL_CHARACTERS)]
    role: Role = Role.OFFICER


class Workstation(Strict):
    """This workstation's place: which port and lane it serves."""

    workstation_id: Annotated[str, Field(pattern=WORKSTATION_ID)]
    port_code: Annotated[str, _upper_matching(r"^[A-Za-z0-9]{2,8}$")]
    lane_id: Annotated[str, _upper_matching(r"^[A-Za-z0-9-]{1,12}$")]
    lane_kind: LaneKind
    default_direction: Direction = Direction.ENTRY
    demo: bool = False


class Shift(Strict):
    """An officer's spell at a lane, derived from its opening and closing records."""

    shift_id: uuid.UUID
    officer: OfficerCode
    lane_id: str
    opened_at: datetime
    closed_at: datetime | None = None
    occurrences: str = ""


class TravelDocument(Strict):
    document_code: Annotated[str, _upper_matching(r"^[A-Za-z][A-Za-z0-9]?$")]
    issuing_state: StateCode
    number: Annotated[str, _upper_matching(r"^[A-Za-z0-9]{1,24}$")]
    surname: Annotated[str, Field(min_length=1, max_length=120)]
    given_names: Annotated[str, Field(max_length=120)] = ""
    nationality: StateCode
    birth_date: date | None = None
    sex: Literal["M", "F", "X"] = "X"
    expiry_date: date | None = None
    optional_data: Annotated[str, Field(max_length=40)] = ""
    capture: CaptureMethod
    mrz: tuple[Annotated[str, Field(max_length=44)], ...] = ()

    def is_expired(self, on: date) -> bool:
        return self.expiry_date is not None and self.expiry_date < on

    def age_on(self, on: date) -> int | None:
        if self.birth_date is None:
            return None
        born = self.birth_date
        return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def _keep_message(value: object, handler: ValidatorFunctionWrapHandler) -> object:
    # A reason made by the checker is a `Message`: the window shows it in the officer's
    # language. Anything else (a stored record read back, say) is an ordinary string.
    if isinstance(value, Message) and value == value.strip():
        return value
    return handler(value)


class WatchlistHit(Strict):
    list_name: str
    entry_id: str
    score: Annotated[int, Field(ge=0, le=100)]
    reason: Annotated[str, WrapValidator(_keep_message)]
    action: Literal["refer", "refuse", "notify"]


class WatchlistCheck(Strict):
    """Which snapshot a record was checked against, what it found, and what was done."""

    snapshot_version: int | None
    hits: tuple[WatchlistHit, ...] = ()
    outcome: Literal["no_hit", "referred", "refused", "cleared_with_approval", "not_checked"]
    approved_by: OfficerCode | None = None
    approval_reason: str | None = None


# Looked up once: on Python 3.11 each `Decision.REFUSED` is a descriptor call, and this check
# runs for every clearance validated.
_REFUSED = Decision.REFUSED
_MINOR = TravellerRole.MINOR


class _Decided(Strict):
    direction: Direction
    decision: Decision
    refusal_ground: RefusalGround | None = None
    remarks: Remarks = ""
    watchlist: WatchlistCheck | None = None

    @model_validator(mode="after")
    def _ground_with_refusal(self) -> _Decided:
        refused = self.decision is _REFUSED
        if refused and self.refusal_ground is None:
            raise ValueError(Message("a refusal needs a coded ground"))
        if not refused and self.refusal_ground is not None:
            raise ValueError(Message("a refusal ground is only given with a refusal"))
        return self


class PassengerClearance(_Decided):
    kind: Literal["passenger"] = "passenger"
    document: TravelDocument
    traveller_role: TravellerRole = TravellerRole.PASSENGER
    accompanying_adult_id: uuid.UUID | None = None
    purpose: Purpose = Purpose.TOURISM
    vehicle_clearance_id: uuid.UUID | None = None

    @model_validator(mode="after")
    def _adult_with_minor(self) -> PassengerClearance:
        # Which record the adult is can only be checked where the records are (the store);
        # that only a minor names one is a rule of the record itself, checked everywhere.
        if self.accompanying_adult_id is not None and self.traveller_role is not _MINOR:
            raise ValueError(Message("only a minor's clearance names an accompanying adult"))
        return self


class ContainerLoad(Strict):
    number: ContainerNumber
    seals: tuple[SealNumber, ...] = ()


class VehicleClearance(_Decided):
    kind: Literal["vehicle"] = "vehicle"
    plate: Annotated[str, StringConstraints(to_upper=True, min_length=2, max_length=16)]
    registration_country: StateCode
    vehicle_kind: VehicleKind
    vins: Annotated[tuple[Vin, ...], Field(max_length=300)] = ()
    containers: Annotated[tuple[ContainerLoad, ...], Field(max_length=20)] = ()
    cargo_category: CargoCategory = CargoCategory.NONE
    hs_codes: Annotated[tuple[HsCode, ...], Field(max_length=50)] = ()
    declaration_number: DeclarationNumber = None
    gross_weight_kg: Annotated[int, Field(ge=0, le=200_000)] | None = None
    driver_clearance_id: uuid.UUID | None = None
    crew_clearance_ids: tuple[uuid.UUID, ...] = ()

    @property
    def green_channel(self) -> bool:
        return self.cargo_category is CargoCategory.FRESH_AGRICULTURAL


Clearance = Annotated[PassengerClearance | VehicleClearance, Field(discriminator="kind")]


class Amendment(Strict):
    """A corrected version of an earlier clearance, approved by a supervisor."""

    kind: Literal["amendment"] = "amendment"
    target_id: uuid.UUID
    reason: Reason
    approved_by: OfficerCode
    replacement: Clearance


class Void(Strict):
    """Withdraws an earlier clearance, approved by a supervisor."""

    kind: Literal["void"] = "void"
    target_id: uuid.UUID
    reason: Reason
    approved_by: OfficerCode


class ShiftOpened(Strict):
    kind: Literal["shift_open"] = "shift_open"
    lane_id: str
    direction: Direction


class ShiftClosed(Strict):
    kind: Literal["shift_close"] = "shift_close"
    occurrences: Annotated[str, Field(max_length=10_000)] = ""


RecordBody = Annotated[
    PassengerClearance | VehicleClearance | Amendment | Void | ShiftOpened | ShiftClosed,
    Field(discriminator="kind"),
]

RECORD_KINDS = ("passenger", "vehicle", "amendment", "void", "shift_open", "shift_close")


class Record(Strict):
    """One immutable entry of a workstation's log, in the order of its sequence number."""

    id: uuid.UUID
    workstation_id: str
    seq: Annotated[int, Field(ge=1)]
    recorded_at: datetime  # the device's wall clock: informative, never used for ordering
    officer: OfficerCode
    shift_id: uuid.UUID | None = None
    schema_version: Annotated[int, Field(ge=1)] = RECORD_SCHEMA_VERSION
    body: RecordBody

    @property
    def kind(self) -> str:
        return self.body.kind
