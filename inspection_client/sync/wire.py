"""The sync protocol's messages, shared by the workstation and the central store.

Every signed message is a wrapper `{"<name>": {...}, "signature": "<base64url>"}` whose
signature is Ed25519 over the canonical JSON bytes (`domain.canonical.canonical_json`) of
the inner object. A batch's id is the SHA-256 of its envelope's canonical bytes, so the same
range of records always gives the same bytes and the same id, and a retransmission is
recognised. The same wrappers are the files carried on USB.

Records travel as their canonical JSON text (`BatchRecord.content`), exactly the bytes the
workstation hashed into its audit chain, so the central can recompute the chain.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any, Literal

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from inspection_client.domain.canonical import canonical_json
from inspection_client.domain.validation import WORKSTATION_ID
from inspection_client.sync.keys import signature_valid

PROTOCOL_VERSION = 2
# The oldest and newest protocol versions this code speaks. Version 2 differs from 1 only in
# what a batch's signature covers (see `batch_signed_message`).
PROTOCOL_RANGE = (1, 2)
MAX_BATCH_RECORDS = 1000
MAX_BATCH_BYTES = 1_000_000

HexHash = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
WorkstationId = Annotated[str, Field(pattern=WORKSTATION_ID)]


class Wire(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    def canonical(self) -> bytes:
        return canonical_json(self.model_dump(mode="json"))


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def from_b64url(text: str) -> bytes:
    """Decode base64url without padding; raises ValueError on anything else."""
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def sign(model: Wire, key: Ed25519PrivateKey) -> str:
    return b64url(key.sign(model.canonical()))


def verify(model: Wire, signature: str, key: Ed25519PublicKey) -> bool:
    return verify_canonical(model.canonical(), signature, key)


def verify_canonical(canonical: bytes, signature: str, key: Ed25519PublicKey) -> bool:
    """`verify`, given the canonical bytes (computed once by a caller that needs them too)."""
    try:
        raw = from_b64url(signature)
    except ValueError:
        return False
    return signature_valid(key, raw, canonical)


# -- discovery and enrolment -----------------------------------------------------------------


class Hello(Wire):
    """GET /v1/hello: who the central is and which protocol versions it speaks."""

    service: Literal["inspection-central"] = "inspection-central"
    protocol_min: int
    protocol_max: int
    central_key: str  # base64url raw Ed25519 public key
    server_time: datetime
    app_version: str


class EnrolmentRequest(Wire):
    """POST /v1/enrol: a one-time code and the workstation's new public key.

    `workstation_id` is the identity a workstation already has (one set up offline, whose
    records carry it); the central registers the device under it instead of a new one.
    `port_code` and `lane_id` come with it: the lane that workstation serves, which the
    code must have been issued for, else the central refuses without spending the code.
    """

    protocol: int
    code: Annotated[str, Field(min_length=4, max_length=64)]
    public_key: Annotated[str, Field(min_length=40, max_length=48)]
    app_version: Annotated[str, Field(max_length=40)]
    workstation_id: WorkstationId | None = None
    port_code: Annotated[str, Field(pattern=r"^[A-Z0-9]{2,8}$")] | None = None
    lane_id: Annotated[str, Field(pattern=r"^[A-Z0-9-]{1,12}$")] | None = None

    def canonical(self) -> bytes:
        # Without an id the body stays byte-identical to before, so a central that predates
        # the field (and forbids unknown ones) still enrols fresh workstations.
        return canonical_json(self.model_dump(mode="json", exclude_none=True))


class EnrolmentGrant(Wire):
    workstation_id: WorkstationId
    port_code: str
    lane_id: str
    lane_kind: str
    central_key: str


class SignedEnrolmentGrant(Wire):
    grant: EnrolmentGrant
    signature: str


# -- batches up ------------------------------------------------------------------------------


# A record id as records carry it (`str(uuid4())`: lower-case hex, hyphenated). Kept as text
# on the wire: the central reads a thousand a batch and names each in its receipt, and a UUID
# object made and formatted again for each was a tenth of its work.
RecordId = Annotated[
    str,
    StringConstraints(pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"),
]


# A sequence number: both SQLite's INTEGER and PostgreSQL's bigint hold it.
MAX_SEQ = 2**63 - 1
Seq = Annotated[int, Field(ge=1, le=MAX_SEQ)]


class BatchRecord(Wire):
    seq: Seq
    id: RecordId
    content: str  # canonical JSON of the record, exactly as hashed into the audit chain


class BatchEnvelope(Wire):
    """A contiguous range of one workstation's records, with its audit chain around them.

    No field depends on the time of sending, so a rebuilt batch is byte-identical.
    """

    protocol: int
    app_version: str
    workstation_id: WorkstationId
    first_seq: Seq
    last_seq: Seq
    count: Annotated[int, Field(ge=1, le=MAX_BATCH_RECORDS)]
    prev_head: HexHash  # chain hash before first_seq (zeros for seq 1)
    head: HexHash  # chain hash after last_seq
    records: tuple[BatchRecord, ...]

    @property
    def batch_id(self) -> str:
        return batch_id_of(self.canonical())


def batch_id_of(canonical: bytes) -> str:
    """The id of the batch envelope whose canonical bytes these are."""
    return hashlib.sha256(canonical).hexdigest()


_BATCH_DIGEST_TAG = b"inspection-batch-sha256:"


def batch_signed_message(protocol: int, canonical: bytes, batch_id: str) -> bytes:
    """What a workstation signs for a batch envelope with these canonical bytes and id.

    Protocol 1: the bytes themselves. Protocol 2: a tag and the batch id's 32 bytes (SHA-256
    of the bytes), because Ed25519 hashes all of its message, twice when signing: for a 1 MB
    batch that was a few milliseconds at each end, against the hash both ends make anyway
    for the id.
    """
    if protocol < 2:
        return canonical
    return _BATCH_DIGEST_TAG + bytes.fromhex(batch_id)


def sign_batch(protocol: int, canonical: bytes, batch_id: str, key: Ed25519PrivateKey) -> str:
    return b64url(key.sign(batch_signed_message(protocol, canonical, batch_id)))


def batch_signature_valid(
    protocol: int, canonical: bytes, batch_id: str, signature: str, key: Ed25519PublicKey
) -> bool:
    return verify_canonical(batch_signed_message(protocol, canonical, batch_id), signature, key)


class SignedBatch(Wire):
    """POST /v1/batches body, and the content of a USB batch file."""

    format: Literal["inspection-batch/1"] = "inspection-batch/1"
    batch: BatchEnvelope
    signature: str  # workstation key over `batch_signed_message` of the envelope


class RecordStatus(StrEnum):
    ACCEPTED = "accepted"
    DUPLICATE = "duplicate"  # already held, same content: delivered
    CONFLICT = "conflict"  # already held with different content: quarantined
    REJECTED = "rejected"  # invalid record; reason says why


class RecordOutcome(Wire):
    seq: int
    id: RecordId
    status: RecordStatus
    reason: str | None = None


class Receipt(Wire):
    protocol: int
    batch_id: HexHash
    workstation_id: WorkstationId
    first_seq: int
    last_seq: int
    outcomes: tuple[RecordOutcome, ...]
    # The central's view of this workstation after the batch.
    high_water_seq: int  # highest seq held with everything below it held too
    chain_head: HexHash | None  # chain hash at high_water_seq, when the chain is verified there
    gaps: tuple[tuple[int, int], ...] = ()  # inclusive ranges the central is missing
    received_at: datetime  # central clock; the client records its skew


class SignedReceipt(Wire):
    format: Literal["inspection-receipt/1"] = "inspection-receipt/1"
    receipt: Receipt
    signature: str  # central key over receipt.canonical()


def signed_receipt_json(receipt: dict[str, Any], sign: Callable[[bytes], str]) -> bytes:
    """The canonical JSON of a `SignedReceipt` around `receipt`, the JSON form of a `Receipt`
    (its fields, `wire_time` times), signed by `sign` over the receipt's canonical bytes.

    What a central answers to a batch: made without building a thousand outcome models.
    """
    canonical = canonical_json(receipt)
    return b"".join(
        (
            b'{"format":"inspection-receipt/1","receipt":',
            canonical,
            b',"signature":',
            canonical_json(sign(canonical)),
            b"}",
        )
    )


def wire_time(moment: datetime) -> str:
    """An aware UTC time as the wire models write it (ISO 8601 with `Z`)."""
    return moment.isoformat().replace("+00:00", "Z")


# -- records back down ------------------------------------------------------------------------
# A workstation restored from an old backup asks the central for its own records past the
# backup's last one (GET /v1/workstations/{id}/records?after=N), and takes them back when they
# continue its audit chain: the history then goes on where it stopped instead of forking.

MAX_PAGE_RECORDS = 1000


class HeldRecord(Wire):
    seq: Seq
    id: RecordId
    content: str  # canonical JSON of the record, exactly as the workstation hashed it
    # The chain hash the central holds for this record (its batch hashed to its head), else
    # None; the taker recomputes every hash and requires these to match.
    chain_hash: HexHash | None = None
    rejected: str | None = None  # the central's reason, for a record it holds as rejected


class RecordPage(Wire):
    """Records of one workstation the central holds, contiguous from `after + 1`."""

    workstation_id: WorkstationId
    after: Annotated[int, Field(ge=0, le=MAX_SEQ)]
    high_water_seq: Annotated[int, Field(ge=0, le=MAX_SEQ)]
    records: tuple[HeldRecord, ...]


class SignedRecordPage(Wire):
    format: Literal["inspection-records/1"] = "inspection-records/1"
    page: RecordPage
    signature: str  # central key over page.canonical()


# -- reference data down ---------------------------------------------------------------------


class ReferenceKind(StrEnum):
    ROSTER = "roster"  # officers: code, name, role
    LANES = "lanes"  # lane configuration of each port
    WORKSTATION_KEYS = "workstation_keys"  # public keys, to verify release slips offline
    WATCHLIST = "watchlist"
    # The agency's recovery key (an age recipient) that every lane seals its backups for.
    BACKUP_KEY = "backup_key"


class Snapshot(Wire):
    """A whole set of reference data of one kind; a newer version replaces it entirely."""

    kind: ReferenceKind
    version: Annotated[int, Field(ge=1)]
    issued_at: datetime
    expires_at: datetime
    payload: dict[str, Any]


class SignedSnapshot(Wire):
    format: Literal["inspection-snapshot/1"] = "inspection-snapshot/1"
    snapshot: Snapshot
    signature: str  # central key over snapshot.canonical()


# -- errors ----------------------------------------------------------------------------------


class ErrorCode(StrEnum):
    MALFORMED = "malformed"
    TOO_LARGE = "too_large"
    BAD_SIGNATURE = "bad_signature"
    UNKNOWN_WORKSTATION = "unknown_workstation"
    REVOKED = "revoked"
    UNSUPPORTED_PROTOCOL = "unsupported_protocol"  # the client must upgrade
    INVALID_CODE = "invalid_code"
    RATE_LIMITED = "rate_limited"
    WRONG_WORKSTATION = "wrong_workstation"  # a batch of another workstation replayed
    WORKSTATION_ID_TAKEN = "workstation_id_taken"  # enrolment asked for a registered id
    WRONG_LANE = "wrong_lane"  # enrolment code issued for another port or lane than asked
    UNKNOWN_BATCH = "unknown_batch"  # no stored receipt for that batch id and workstation


class ErrorDetail(Wire):
    code: ErrorCode
    message: str
    protocol_min: int | None = None
    protocol_max: int | None = None


class ErrorBody(Wire):
    """Body of every 4xx answer; 5xx answers may carry it too."""

    error: ErrorDetail


# -- signed requests -------------------------------------------------------------------------
# Requests that carry no signed body (GET reference data, GET status) are signed in headers:
#   X-Workstation: the workstation id
#   X-Timestamp: unix seconds; the central refuses more than REQUEST_MAX_SKEW_S off its clock
#   X-Signature: base64url Ed25519 over request_message(method, path_and_query, timestamp)

REQUEST_MAX_SKEW_S = 24 * 3600  # generous: a remote post's clock can be far off


def request_message(method: str, path_and_query: str, timestamp: int) -> bytes:
    return f"{method.upper()}\n{path_and_query}\n{timestamp}".encode()
