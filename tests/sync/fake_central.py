"""A small in-process central for unit tests: the protocol's rules, kept in dictionaries.

It is served through `httpx.MockTransport`, so tests need no network and no PostgreSQL.
Faults are switched on through attributes (`fail_next`, `lose_next_answer`, `answer_html`).
"""

from __future__ import annotations

import hashlib
import json
import threading
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from inspection_client.domain.canonical import chain_hash
from inspection_client.sync import keys
from inspection_client.sync.wire import (
    REQUEST_MAX_SKEW_S,
    EnrolmentGrant,
    EnrolmentRequest,
    ErrorBody,
    ErrorDetail,
    HeldRecord,
    Hello,
    Receipt,
    RecordOutcome,
    RecordPage,
    RecordStatus,
    ReferenceKind,
    SignedBatch,
    SignedEnrolmentGrant,
    SignedReceipt,
    SignedRecordPage,
    SignedSnapshot,
    Snapshot,
    batch_signature_valid,
    sign,
)


class FakeCentral:
    def __init__(self, protocol: tuple[int, int] = (1, 1)) -> None:
        self._serving = threading.RLock()
        self.key = Ed25519PrivateKey.generate()
        self.protocol = protocol
        self.codes: dict[str, tuple[str, str, str, str]] = {}
        self.workstations: dict[str, dict[str, Any]] = {}
        self.records: dict[str, tuple[str, int, str]] = {}  # id -> (ws, seq, content)
        self.receipts: dict[str, bytes] = {}
        self.snapshots: dict[ReferenceKind, SignedSnapshot] = {}
        self.unknown_kinds: set[ReferenceKind] = set()
        self.batches_seen = 0  # batch uploads that reached the ingest
        self.receipts_fetched = 0  # stored receipts handed out by id instead
        self.fail_next = 0  # answer 503 to the next N batch posts
        self.lose_next_answer = 0  # process, then drop the answer (a lost response)
        self.answer_html = 0  # answer a captive portal's 200 page instead
        self.clock_offset = timedelta()
        self.malformed_next = 0  # refuse the next N batches as malformed
        self.reject_ids: set[str] = set()  # records this central cannot take (too old for them)
        self.chain: dict[tuple[str, int], bytes] = {}  # (ws, seq) -> chain hash of a batch's
        self.page_key: Ed25519PrivateKey | None = None  # signs record pages instead (a forgery)

    @property
    def public_text(self) -> str:
        return keys.public_key_text(self.key.public_key())

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)

    def add_code(
        self,
        code: str,
        ws: str = "KHG-L07",
        port: str = "KHG",
        lane: str = "L07",
        kind: str = "vehicle",
    ) -> str:
        self.codes[code] = (ws, port, lane, kind)
        return code

    def publish(
        self,
        kind: ReferenceKind,
        payload: dict[str, Any],
        version: int,
        expires: timedelta = timedelta(days=30),
    ) -> SignedSnapshot:
        now = datetime.now(UTC)
        snapshot = Snapshot(
            kind=kind, version=version, issued_at=now, expires_at=now + expires, payload=payload
        )
        signed = SignedSnapshot(snapshot=snapshot, signature=sign(snapshot, self.key))
        self.snapshots[kind] = signed
        return signed

    # -- the protocol -------------------------------------------------------------------------

    def handle(self, request: httpx.Request) -> httpx.Response:
        # A real central serves requests at once but stores each batch in one transaction:
        # one request at a time here, as two lanes' workers may call from their own threads.
        with self._serving:
            return self._handle(request)

    def _handle(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if path == "/v1/hello":
            hello = Hello(
                protocol_min=self.protocol[0],
                protocol_max=self.protocol[1],
                central_key=self.public_text,
                server_time=datetime.now(UTC) + self.clock_offset,
                app_version="fake",
            )
            return httpx.Response(200, content=hello.canonical())
        if path == "/v1/enrol":
            return self._enrol(request)
        if path == "/v1/batches":
            return self._batch(request)
        if path.startswith(("/v1/reference/", "/v1/workstations/", "/v1/receipts/")):
            stamp = int(request.headers.get("X-Timestamp", "0"))
            now = (datetime.now(UTC) + self.clock_offset).timestamp()
            if abs(stamp - now) > REQUEST_MAX_SKEW_S:
                return self._error(401, "bad_signature", "timestamp too far off")
            caller = self.workstations.get(request.headers.get("X-Workstation", ""))
            if caller is not None and caller["revoked"]:
                return self._error(403, "revoked")
        if path.startswith("/v1/reference/"):
            kind = ReferenceKind(path.rsplit("/", 1)[1])
            if kind in self.unknown_kinds:  # as a central older than the kind answers
                return self._error(422, "malformed", f"path.kind: {kind.value} is not a kind")
            since = int(request.url.params.get("since", "0"))
            signed = self.snapshots.get(kind)
            if signed is None or signed.snapshot.version <= since:
                return httpx.Response(204)
            return httpx.Response(200, content=signed.canonical())
        if path.startswith("/v1/workstations/") and path.endswith("/records"):
            return self._records(path.split("/")[3], int(request.url.params["after"]))
        if path.startswith("/v1/workstations/"):
            return httpx.Response(200, json=self.status(path.split("/")[3]))
        if path.startswith("/v1/receipts/"):
            answer = self.receipts.get(path.rsplit("/", 1)[1])
            if answer is None:
                return self._error(404, "unknown_batch")
            self.receipts_fetched += 1
            return httpx.Response(200, content=answer)
        return httpx.Response(404)

    def _error(self, status: int, code: str, message: str = "no") -> httpx.Response:
        body = ErrorBody(error=ErrorDetail.model_validate({"code": code, "message": message}))
        return httpx.Response(status, content=body.canonical())

    def _enrol(self, request: httpx.Request) -> httpx.Response:
        enrolment = EnrolmentRequest.model_validate_json(request.content)
        if enrolment.code not in self.codes:
            return self._error(403, "invalid_code")
        if enrolment.workstation_id in self.workstations:
            return self._error(409, "workstation_id_taken")
        ws, port, lane, kind = self.codes[enrolment.code]
        if enrolment.port_code is not None and (enrolment.port_code, enrolment.lane_id) != (
            port,
            lane,
        ):
            return self._error(
                409,
                "wrong_lane",
                f"The enrolment code was issued for port {port} lane {lane}, not for port "
                f"{enrolment.port_code} lane {enrolment.lane_id}; the code was not used.",
            )
        del self.codes[enrolment.code]
        ws = enrolment.workstation_id or ws
        self.workstations[ws] = {"key": enrolment.public_key, "revoked": False}
        grant = EnrolmentGrant(
            workstation_id=ws,
            port_code=port,
            lane_id=lane,
            lane_kind=kind,
            central_key=self.public_text,
        )
        signed = SignedEnrolmentGrant(grant=grant, signature=sign(grant, self.key))
        return httpx.Response(200, content=signed.canonical())

    def _batch(self, request: httpx.Request) -> httpx.Response:
        if self.fail_next:
            self.fail_next -= 1
            return httpx.Response(503, text="down")
        if self.malformed_next:
            self.malformed_next -= 1
            return self._error(400, "malformed", "count does not match")
        if self.answer_html:
            self.answer_html -= 1
            return httpx.Response(200, text="<html><body>Log in to the hotel Wi-Fi</body></html>")
        signed = SignedBatch.model_validate_json(request.content)
        batch = signed.batch
        ws = self.workstations.get(batch.workstation_id)
        if ws is None:
            return self._error(403, "unknown_workstation")
        if ws["revoked"]:
            return self._error(403, "revoked")
        key = keys.public_key_from_text(ws["key"])
        if not batch_signature_valid(
            batch.protocol, batch.canonical(), batch.batch_id, signed.signature, key
        ):
            return self._error(403, "bad_signature")
        self.batches_seen += 1
        batch_id = batch.batch_id
        if batch_id not in self.receipts:
            self.receipts[batch_id] = self._ingest(signed)
        answer = self.receipts[batch_id]
        if self.lose_next_answer:
            self.lose_next_answer -= 1
            raise httpx.ReadError("connection reset by peer")
        return httpx.Response(200, content=answer)

    def _records(self, ws: str, after: int) -> httpx.Response:
        held = {
            seq: (record_id, content)
            for record_id, (w, seq, content) in self.records.items()
            if w == ws
        }
        records = []
        seq = after + 1
        while seq in held and len(records) < 1000:
            chain = self.chain.get((ws, seq))
            records.append(
                HeldRecord(
                    seq=seq,
                    id=held[seq][0],
                    content=held[seq][1],
                    chain_hash=chain.hex() if chain else None,
                )
            )
            seq += 1
        page = RecordPage(
            workstation_id=ws,
            after=after,
            high_water_seq=self.status(ws)["high_water_seq"],
            records=tuple(records),
        )
        signed = SignedRecordPage(page=page, signature=sign(page, self.page_key or self.key))
        return httpx.Response(200, content=signed.canonical())

    def _ingest(self, signed: SignedBatch) -> bytes:
        batch = signed.batch
        previous = bytes.fromhex(batch.prev_head)
        for item in batch.records:
            previous = chain_hash(previous, item.content.encode())
            self.chain.setdefault((batch.workstation_id, item.seq), previous)
        outcomes = []
        for item in batch.records:
            held = self.records.get(str(item.id))
            content = json.loads(item.content)
            if content.get("workstation_id") != batch.workstation_id:
                status, reason = RecordStatus.REJECTED, "another workstation's record"
            elif str(item.id) in self.reject_ids:
                status, reason = RecordStatus.REJECTED, "record schema not known here"
            elif held is None:
                self.records[str(item.id)] = (batch.workstation_id, item.seq, item.content)
                status, reason = RecordStatus.ACCEPTED, None
            elif held[2] == item.content:
                status, reason = RecordStatus.DUPLICATE, None
            else:
                status, reason = RecordStatus.CONFLICT, "same id, different content"
            outcomes.append(RecordOutcome(seq=item.seq, id=item.id, status=status, reason=reason))
        view = self.status(batch.workstation_id)
        receipt = Receipt(
            protocol=batch.protocol,
            batch_id=batch.batch_id,
            workstation_id=batch.workstation_id,
            first_seq=batch.first_seq,
            last_seq=batch.last_seq,
            outcomes=tuple(outcomes),
            high_water_seq=view["high_water_seq"],
            chain_head=None,
            gaps=tuple(tuple(g) for g in view["gaps"]),
            received_at=datetime.now(UTC) + self.clock_offset,
        )
        return SignedReceipt(receipt=receipt, signature=sign(receipt, self.key)).canonical()

    def status(self, ws: str) -> dict[str, Any]:
        seqs = sorted(seq for w, seq, _c in self.records.values() if w == ws)
        high_water = 0
        for seq in seqs:
            if seq != high_water + 1:
                break
            high_water = seq
        gaps: list[list[int]] = []
        previous = 0
        for seq in seqs:
            if seq > previous + 1:
                gaps.append([previous + 1, seq - 1])
            previous = seq
        return {
            "high_water_seq": high_water,
            "chain_head": None,
            "gaps": gaps,
            "records": len(seqs),
        }

    def forget_above(self, ws: str, seq: int) -> None:
        """A central restored from a backup taken when it held only up to `seq`."""
        self.records = {k: v for k, v in self.records.items() if v[0] != ws or v[1] <= seq}
        self.receipts.clear()

    def ids_of(self, ws: str) -> list[str]:
        return sorted(k for k, v in self.records.items() if v[0] == ws)


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


__all__ = ["FakeCentral", "chain_hash", "digest"]
