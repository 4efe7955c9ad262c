"""Workstations join the central with a one-time code that an IT administrator hands out.

`workstation add` registers the lane's workstation and prints the code (valid 24 hours);
the workstation sends it with its new public key and receives a grant signed by the central
key, which it pins. Only a hash of the code is stored. A workstation set up offline sends the
id its records already carry; the code's lane is then registered under that id, if no other
workstation has it.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from inspection_central import reference
from inspection_central.errors import EntryRefused, NotFound
from inspection_central.keys import public_key_text
from inspection_central.storage import (
    CentralStorage,
    CodeForAnotherLane,
    WorkstationIdTaken,
    WorkstationInfo,
)
from inspection_client.sync import wire
from inspection_client.sync.keys import public_key_from_text
from inspection_client.sync.wire import (
    PROTOCOL_RANGE,
    EnrolmentGrant,
    EnrolmentRequest,
    ReferenceKind,
    SignedEnrolmentGrant,
)

CODE_VALIDITY = timedelta(hours=24)
# Crockford-like alphabet: no 0/O or 1/I/L to misread when the code is read out by phone.
_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
_CODE_GROUPS = 3
_GROUP_LENGTH = 4


class EnrolmentRefused(Exception):
    """A code that is unknown, used or expired, or a request that cannot be honoured."""


class NotAKey(ValueError):
    """The public key in an enrolment request is not an Ed25519 key; the code was not used."""


class IdentityTaken(EnrolmentRefused):
    """The workstation id asked for is registered already; the code was not used."""


class WrongLane(EnrolmentRefused):
    """The code was issued for another lane than the one the workstation serves; the code
    was not used."""


@dataclass(frozen=True)
class Invitation:
    workstation_id: str
    port_code: str
    lane_id: str
    lane_kind: str
    code: str
    expires_at: datetime


def normalise_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def code_hash(code: str) -> bytes:
    return hashlib.sha256(normalise_code(code).encode()).digest()


def new_code() -> str:
    groups = (
        "".join(secrets.choice(_ALPHABET) for _ in range(_GROUP_LENGTH))
        for _ in range(_CODE_GROUPS)
    )
    return "-".join(groups)


def invite(
    storage: CentralStorage, port_code: str, lane_id: str, lane_kind: str | None
) -> Invitation:
    """Register a new workstation for a lane and make its one-time enrolment code."""
    port_code, lane_id = port_code.upper(), lane_id.upper()
    known = lane_kind_known(storage, port_code, lane_id)
    if lane_kind is None:
        lane_kind = known[0] if known else "passenger"
    elif known and known[0] != lane_kind:
        # A lane is one kind: the gates take a vehicle lane's slips and nobody else's.
        kind, source = known
        raise EntryRefused(
            f"Lane {port_code}/{lane_id} is a {kind} lane ({source}), not {lane_kind}; "
            f"nothing was added. Leave out --lane-kind, or change the lane first "
            f"(`inspection-central lanes add {port_code} {lane_id} --kind {lane_kind}`)."
        )
    workstation_id = f"{port_code}-{lane_id}-{secrets.token_hex(3).upper()}"
    code = new_code()
    expires = datetime.now(UTC).replace(microsecond=0) + CODE_VALIDITY
    storage.add_workstation(workstation_id, port_code, lane_id, lane_kind, code_hash(code), expires)
    return Invitation(workstation_id, port_code, lane_id, lane_kind, code, expires)


def lane_kind_known(
    storage: CentralStorage, port_code: str, lane_id: str
) -> tuple[str, str] | None:
    """The kind of a lane and where it is known from: the lanes configured (`lanes add`),
    else the workstations registered for it that are not revoked; None for a new lane."""
    for lane in storage.lanes():
        if (lane.port_code, lane.lane_id) == (port_code, lane_id):
            return lane.kind, "as configured with `lanes add`"
    for entry in storage.workstations():
        if (entry.port_code, entry.lane_id) == (port_code, lane_id) and not entry.revoked:
            return entry.lane_kind, f"as workstation {entry.workstation_id} was registered"
    return None


def reissue(storage: CentralStorage, workstation_id: str) -> Invitation:
    """A new one-time code for a workstation awaiting enrolment; its earlier codes stop
    working (a code that ran out, or was read out to the wrong person).

    Raises:
        NotFound: there is no such workstation.
        EntryRefused: the workstation enrolled already, or is revoked.
    """
    code = new_code()
    expires = datetime.now(UTC).replace(microsecond=0) + CODE_VALIDITY
    found = storage.replace_code(workstation_id, code_hash(code), expires)
    if found == "unknown":
        raise NotFound(f"There is no workstation {workstation_id}.")
    if found == "enrolled":
        raise EntryRefused(
            f"Workstation {workstation_id} has enrolled already; a code would serve nothing. "
            "A lane that needs a new device or data directory gets a new entry "
            "(`workstation add`)."
        )
    if found == "revoked":
        raise EntryRefused(
            f"Workstation {workstation_id} is revoked; no code is issued for it. Cancel the "
            f"entry (`workstation cancel {workstation_id}`) and add a new one."
        )
    entry = storage.workstation(workstation_id)
    assert entry is not None  # an entry with a code is never deleted but by cancel
    return Invitation(
        entry.workstation_id, entry.port_code, entry.lane_id, entry.lane_kind, code, expires
    )


def enrol(storage: CentralStorage, request: EnrolmentRequest) -> SignedEnrolmentGrant:
    """Use a code; the grant signed by the central key.

    With `request.workstation_id`, the device is registered under that id (the port and
    lane stay the code's). With `request.port_code` and `request.lane_id`, the code must
    have been issued for that lane; a workstation that does not send them checks the
    grant's lane against its own, after the code is spent.

    Raises:
        EnrolmentRefused: the code is unknown, used or expired.
        NotAKey: the public key is not an Ed25519 key (the code is not used).
        IdentityTaken: the requested workstation id is registered already.
        WrongLane: the code was issued for another lane than the one given.
    """
    try:
        public_key_from_text(request.public_key)
    except ValueError as error:
        raise NotAKey(
            f"The public key is not an Ed25519 key ({error}); the code was not used."
        ) from None
    storage.signing_key()  # a central with a wrong key refuses before the code is spent
    lane = None
    if request.port_code is not None and request.lane_id is not None:
        lane = (request.port_code, request.lane_id)
    try:
        workstation = storage.enrol(
            code_hash(request.code),
            request.public_key,
            datetime.now(UTC),
            workstation_id=request.workstation_id,
            lane=lane,
        )
    except CodeForAnotherLane as other:
        assert lane is not None
        raise WrongLane(
            f"The enrolment code was issued for port {other.port_code} lane {other.lane_id}, "
            f"not for port {lane[0]} lane {lane[1]}; the code was not used."
        ) from None
    except WorkstationIdTaken:
        raise IdentityTaken(
            f"A workstation {request.workstation_id} is already registered with this central; "
            "the code was not used. Ask the central's administrator to check the workstation "
            "list."
        ) from None
    if workstation is None:
        raise EnrolmentRefused(
            "The enrolment code is unknown, already used or expired. "
            "Ask the central's administrator for a new one."
        )
    reference.republish(storage, ReferenceKind.WORKSTATION_KEYS)
    return grant_for(storage, workstation)


def grant_for(storage: CentralStorage, workstation: WorkstationInfo) -> SignedEnrolmentGrant:
    key = storage.signing_key()
    grant = EnrolmentGrant(
        workstation_id=workstation.workstation_id,
        port_code=workstation.port_code,
        lane_id=workstation.lane_id,
        lane_kind=workstation.lane_kind,
        central_key=public_key_text(key),
    )
    return SignedEnrolmentGrant(grant=grant, signature=wire.sign(grant, key))


def protocol_supported(protocol: int) -> bool:
    return PROTOCOL_RANGE[0] <= protocol <= PROTOCOL_RANGE[1]
