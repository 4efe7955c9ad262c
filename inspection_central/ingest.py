"""Receiving a signed batch: the one path that HTTP uploads and USB imports both take.

It checks the protocol, the workstation, the signature and the envelope (the whole batch is
refused if any of these fail), validates each record on its own (an invalid one is rejected
with a reason and never blocks the rest), notes the accompanying adults that minors' records
name, recomputes the audit chain, then hands the batch to the storage, which stores it in one
transaction (checking those adults against what it holds) and returns the signed receipt.
"""

from __future__ import annotations

import collections
import hashlib
import re
from typing import Any, NamedTuple

import orjson
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from pydantic import ValidationError

from inspection_central import sent_again, withdrawals
from inspection_central.storage import (
    AdultLink,
    CentralStorage,
    IncomingRecord,
    PreparedBatch,
    RejectedRecord,
    WorkstationRevoked,
)
from inspection_client.domain.canonical import canonical_json
from inspection_client.domain.codes import Decision
from inspection_client.domain.models import Amendment, PassengerClearance, Record, VehicleClearance
from inspection_client.domain.validation import describe_validation
from inspection_client.sync import wire
from inspection_client.sync.keys import public_key_from_text
from inspection_client.sync.wire import (
    PROTOCOL_RANGE,
    ErrorCode,
    SignedBatch,
)

_REASON_CHARS = 500
_FORMAT = "inspection-batch/1"


class BatchRefused(Exception):
    """The whole batch is refused; `status` and `code` are what the HTTP answer carries."""

    def __init__(self, status: int, code: ErrorCode, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def upgrade_message() -> str:
    low, high = PROTOCOL_RANGE
    return (
        f"This central speaks sync protocol {low} to {high}. Upgrade the lane client; "
        "all its records are kept and will be sent after the upgrade."
    )


class ParsedBatch(NamedTuple):
    signed: SignedBatch
    envelope: dict[str, Any]  # as parsed from the body
    # The envelope's bytes as the body carries them, when the body has the exact form clients
    # send it in: `{"batch":ENVELOPE,"format":"inspection-batch/1","signature":"…"}`.
    sent: bytes | None

    @property
    def canonical(self) -> bytes:
        """The envelope's bytes: as sent by a client (which sends its canonical form), else
        made canonical here. What the batch id hashes (for a valid batch,
        `signed.batch.canonical()`)."""
        return self.sent if self.sent is not None else canonical_json(self.envelope)

    def verified_batch_id(self, key: Ed25519PublicKey) -> str | None:
        """The batch id, when the signature covers these envelope bytes as sent or else their
        canonical form; None when it covers neither. The bytes as sent are tried first: they
        are the canonical form for every client that follows the protocol, and making that
        form again for a 1 MB batch is a millisecond of the central's time."""
        signature, protocol = self.signed.signature, self.signed.batch.protocol
        if self.sent is not None:
            batch_id = wire.batch_id_of(self.sent)
            if wire.batch_signature_valid(protocol, self.sent, batch_id, signature, key):
                return batch_id
        canonical = canonical_json(self.envelope)
        if canonical != self.sent:
            batch_id = wire.batch_id_of(canonical)
            if wire.batch_signature_valid(protocol, canonical, batch_id, signature, key):
                return batch_id
        return None


_BODY_HEAD = b'{"batch":'
_BODY_TAIL = re.compile(rb',"format":"inspection-batch/1","signature":"([A-Za-z0-9_-]{1,200})"\}\Z')


def _as_sent(body: bytes) -> tuple[bytes, str] | None:
    """The envelope's bytes and the signature, when the body has the exact form clients send."""
    if not body.startswith(_BODY_HEAD):
        return None
    cut = body.rfind(b',"format":')
    tail = _BODY_TAIL.match(body, cut) if cut > 0 else None
    if tail is None:
        return None
    return body[len(_BODY_HEAD) : cut], tail[1].decode()


def not_utf8(body: bytes) -> str | None:
    """What to say of a body that is not UTF-8 text (the JSON parser's own word for it is
    "surrogates not allowed"); None when it is."""
    try:
        body.decode("utf-8")
    except UnicodeDecodeError as error:
        return (
            f"The content is not valid UTF-8 (byte {error.start:,} cannot be read); a request or "
            "batch file is JSON in UTF-8."
        )
    return None


def parse_batch(body: bytes) -> ParsedBatch:
    """The signed batch in a request body or USB file, or BatchRefused saying what is wrong."""
    sent = _as_sent(body)
    raw: Any = None
    if sent is not None:
        # Only the envelope's own bytes are parsed: what is used is what was sent as it.
        try:
            raw = {"batch": orjson.loads(sent[0]), "format": _FORMAT, "signature": sent[1]}
        except orjson.JSONDecodeError:
            sent = None
    if raw is None:
        try:
            raw = orjson.loads(body)
        except orjson.JSONDecodeError as error:
            said = not_utf8(body) or f"The body is not JSON: {error}"
            raise BatchRefused(400, ErrorCode.MALFORMED, said) from None
    envelope = raw.get("batch") if isinstance(raw, dict) else None
    protocol = envelope.get("protocol") if isinstance(envelope, dict) else None
    # Checked before the full validation: a newer client's batch may not parse here at all.
    if isinstance(protocol, int) and not PROTOCOL_RANGE[0] <= protocol <= PROTOCOL_RANGE[1]:
        raise BatchRefused(426, ErrorCode.UNSUPPORTED_PROTOCOL, upgrade_message())
    try:
        signed = SignedBatch.model_validate(raw)
    except ValidationError as error:
        raise BatchRefused(
            400, ErrorCode.MALFORMED, "The batch is malformed: " + _described(error)
        ) from None
    assert isinstance(envelope, dict)  # SignedBatch validated it as an object
    return ParsedBatch(signed, envelope, sent[0] if sent is not None else None)


def _described(error: ValidationError) -> str:
    return describe_validation(error)[:_REASON_CHARS]


def receive(
    storage: CentralStorage,
    parsed: ParsedBatch,
    *,
    remote_address: str,
    user_agent: str,
) -> bytes:
    """Verify and store one batch; its signed receipt as canonical JSON (the stored one if the
    batch was seen before, unless that receipt rejected records: they are examined again,
    and a new receipt replaces it).

    Raises:
        BatchRefused: unsupported protocol, unknown or revoked workstation, bad signature,
            inconsistent envelope.
    """
    signed = parsed.signed
    batch = signed.batch
    if not PROTOCOL_RANGE[0] <= batch.protocol <= PROTOCOL_RANGE[1]:
        raise BatchRefused(426, ErrorCode.UNSUPPORTED_PROTOCOL, upgrade_message())
    workstation = storage.workstation(batch.workstation_id)
    if workstation is None or workstation.public_key is None:
        raise BatchRefused(
            403,
            ErrorCode.UNKNOWN_WORKSTATION,
            f"Workstation {batch.workstation_id} is not enrolled with this central.",
        )
    if workstation.revoked:
        raise BatchRefused(
            403, ErrorCode.REVOKED, f"Workstation {batch.workstation_id} has been revoked."
        )
    batch_id = parsed.verified_batch_id(public_key_from_text(workstation.public_key))
    if batch_id is None:
        raise BatchRefused(
            401,
            ErrorCode.BAD_SIGNATURE,
            f"The batch is not signed by the key registered for {batch.workstation_id}.",
        )
    _check_envelope(signed)
    # A repeat costs one look-up: no record is validated again. Unless its receipt rejected
    # records: a supervisor sent them again once the cause was fixed (the adult a minor's
    # record names has arrived, the central was upgraded), and the lane rebuilt the same
    # batch. Those records, and only those, are examined again.
    stored = storage.stored_batch(batch_id)
    if stored is not None and not stored.rejected:
        return stored.receipt
    again = sent_again.rejected_seqs(stored.receipt) if stored is not None else frozenset()
    examination = Examination(signed, only=again or None)
    if batch.first_seq > workstation.high_water_seq + 1:
        # The batch before it is not stored yet: most likely it is being stored now (a lane
        # sends two at once), and this one will wait for the workstation's lock. Its records
        # are examined while it waits, rather than as they are copied once it has the lock.
        examination.examine_all()
    prepared = PreparedBatch(
        batch_id=batch_id,
        protocol=batch.protocol,
        workstation=workstation,
        first_seq=batch.first_seq,
        last_seq=batch.last_seq,
        prev_head=bytes.fromhex(batch.prev_head),
        head=bytes.fromhex(batch.head),
        source=examination,
        remote_address=remote_address,
        user_agent=user_agent,
        examined_again=again,
    )
    key = storage.signing_key()

    def sign(canonical: bytes) -> str:
        return wire.b64url(key.sign(canonical))

    try:
        receipt = storage.ingest(prepared, sign)
    except WorkstationRevoked:
        raise BatchRefused(
            403, ErrorCode.REVOKED, f"Workstation {batch.workstation_id} has been revoked."
        ) from None
    if any(record.kind in _WITHDRAWING for record in examination.incoming):
        # A void or an amendment may withdraw a release slip: the gates learn it at their
        # next sync, with the workstation keys.
        withdrawals.refresh_quietly(storage)
    return receipt


_WITHDRAWING = frozenset({"void", "amendment"})


def _check_envelope(signed: SignedBatch) -> None:
    batch = signed.batch
    expected = batch.last_seq - batch.first_seq + 1
    if not batch.count == len(batch.records) == expected:
        raise BatchRefused(
            400,
            ErrorCode.MALFORMED,
            f"The batch says {batch.count} records for seq {batch.first_seq}-{batch.last_seq} "
            f"but holds {len(batch.records)}.",
        )
    for offset, record in enumerate(batch.records):
        if record.seq != batch.first_seq + offset:
            raise BatchRefused(
                400,
                ErrorCode.MALFORMED,
                f"The batch's records are not the contiguous range {batch.first_seq}-"
                f"{batch.last_seq} (record {offset + 1} has seq {record.seq}).",
            )


class Examination:
    """Validates a batch's records a chunk at a time and recomputes its audit chain
    (`RecordSource`): an invalid record is rejected with a reason and never blocks the rest.

    With `only`, the records at those seqs alone are validated (and listed); the chain is
    still recomputed over them all.
    """

    CHUNK = 100

    def __init__(self, signed: SignedBatch, *, only: frozenset[int] | None = None) -> None:
        batch = signed.batch
        self._only = only
        self._items = batch.records
        self._workstation_id = batch.workstation_id
        self._head = batch.head
        self._running = bytes.fromhex(batch.prev_head)
        self._position = 0
        self.incoming: list[IncomingRecord] = []
        self.rejected: list[RejectedRecord] = []
        self.links: list[AdultLink] = []
        self._ready: collections.deque[list[IncomingRecord]] = collections.deque()

    def next_chunk(self) -> list[IncomingRecord] | None:
        if self._ready:
            return self._ready.popleft()
        return self._examine_next()

    def examine_all(self) -> None:
        while (chunk := self._examine_next()) is not None:
            self._ready.append(chunk)

    def _examine_next(self) -> list[IncomingRecord] | None:
        if self._position >= len(self._items):
            return None
        part = self._items[self._position : self._position + self.CHUNK]
        self._position += len(part)
        return self._examine(part)

    def finish(self) -> None:
        while self._examine_next() is not None:
            pass

    @property
    def chain_consistent(self) -> bool:
        if self._position < len(self._items):
            raise RuntimeError("the chain is known once every record is examined")
        return self._running.hex() == self._head

    def _examine(self, items: tuple[wire.BatchRecord, ...]) -> list[IncomingRecord]:
        good: list[IncomingRecord] = []
        running = self._running
        sha256 = hashlib.sha256
        only = self._only
        for item in items:
            text = item.content
            content = text.encode()
            running = sha256(running + content).digest()  # chain_hash, inlined: a hot loop
            if only is not None and item.seq not in only:
                continue
            record, reason = _validate(content)
            if record is not None:
                reason = _mismatch(record, item.seq, item.id, self._workstation_id)
            if record is None or reason is not None:
                self.rejected.append(RejectedRecord(item.seq, item.id, text, reason or "invalid"))
                continue
            # The decision it states, and the adult it names (`accompanying.named_adult`),
            # found inline: a hot loop.
            body = record.body
            decided = body.replacement if type(body) is Amendment else body
            decision = None
            if type(decided) is PassengerClearance:
                decision = _DECISION_TEXT[decided.decision]
                if decided.accompanying_adult_id is not None:
                    adult = str(decided.accompanying_adult_id)
                    self.links.append(AdultLink(item.seq, item.id, adult))
            elif type(decided) is VehicleClearance:
                decision = _DECISION_TEXT[decided.decision]
            good.append(
                IncomingRecord(
                    seq=item.seq,
                    id=item.id,
                    content=text,
                    content_hash=sha256(content).digest(),
                    kind=record.body.kind,
                    decision=decision,
                    chain_hash=running,
                    recorded_at=record.recorded_at,
                )
            )
        self._running = running
        self.incoming.extend(good)
        return good


def _validate(content: bytes) -> tuple[Record | None, str | None]:
    """The record in `content`, or why it is refused: not JSON, not canonical, not valid."""
    try:
        parsed = orjson.loads(content)
    except orjson.JSONDecodeError as error:
        return None, f"not JSON: {error}"[:_REASON_CHARS]
    try:
        if canonical_json(parsed) != content:
            return None, "not in canonical form (keys sorted, no spaces, no floats)"
    except (TypeError, orjson.JSONEncodeError) as error:
        return None, f"not canonical JSON: {error}"[:_REASON_CHARS]
    try:
        # From the bytes again: pydantic-core parses JSON faster than it reads Python objects.
        return Record.model_validate_json(content), None
    except ValidationError as error:
        return None, "invalid record: " + _described(error)


def _mismatch(record: Record, seq: int, record_id: str, workstation_id: str) -> str | None:
    if record.workstation_id != workstation_id:
        return (
            f"wrong workstation: the record belongs to {record.workstation_id}, "
            f"not to {workstation_id}"
        )
    # The id's number against the envelope's text: cheaper than formatting the UUID.
    if record.seq != seq or record.id.int != int(record_id.replace("-", ""), 16):
        return (
            f"the envelope says seq {seq}, id {record_id} but the record is "
            f"seq {record.seq}, id {record.id}"
        )
    return None


# An enum's `.value` is a descriptor call; a dict look-up is a tenth of it, once a record.
_DECISION_TEXT = {decision: decision.value for decision in Decision}
