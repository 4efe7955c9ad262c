"""The central's HTTP API (FastAPI): hello, enrolment, batch upload, reference data, status.

Every error answer is JSON: an `ErrorBody` for 4xx, and for 5xx a body of the same shape
with code "unavailable" or "internal". Request bodies are read with a size limit before
anything parses them. The API keeps no state of its own besides the enrolment rate limit,
so several servers can run behind a load balancer on one PostgreSQL database.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections import defaultdict, deque
from datetime import UTC, datetime
from typing import Any

from fastapi import FastAPI, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from inspection_central import enrolment, held, ingest, reference
from inspection_central.errors import StorageUnavailable
from inspection_central.internal_errors import InternalErrors
from inspection_central.keys import public_key_text
from inspection_central.storage import CentralStorage, WorkstationInfo
from inspection_client import __version__
from inspection_client.domain.validation import describe_validation
from inspection_client.sync import wire
from inspection_client.sync.keys import public_key_from_text, signature_valid
from inspection_client.sync.wire import (
    PROTOCOL_RANGE,
    REQUEST_MAX_SKEW_S,
    EnrolmentRequest,
    ErrorBody,
    ErrorCode,
    ErrorDetail,
    Hello,
    ReferenceKind,
    SignedBatch,
    SignedEnrolmentGrant,
    SignedReceipt,
    SignedRecordPage,
)

DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024
ENROL_ATTEMPTS_PER_MINUTE = 10
_ENROL_BODY_BYTES = 16 * 1024


class ApiError(Exception):
    def __init__(self, status: int, code: ErrorCode, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def error_response(status: int, code: ErrorCode, message: str) -> JSONResponse:
    detail = ErrorDetail(code=code, message=message)
    if code is ErrorCode.UNSUPPORTED_PROTOCOL:
        detail = ErrorDetail(
            code=code,
            message=message,
            protocol_min=PROTOCOL_RANGE[0],
            protocol_max=PROTOCOL_RANGE[1],
        )
    return JSONResponse(ErrorBody(error=detail).model_dump(mode="json"), status_code=status)


def _server_error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)


class AttemptLimit:
    """At most `limit` attempts per remote address in any sliding minute (in this process)."""

    def __init__(self, limit: int, window_s: float = 60.0) -> None:
        self.limit = limit
        self.window_s = window_s
        self._seen: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def allow(self, address: str) -> bool:
        now = time.monotonic()
        with self._lock:
            attempts = self._seen[address]
            while attempts and now - attempts[0] > self.window_s:
                attempts.popleft()
            if len(attempts) >= self.limit:
                return False
            attempts.append(now)
            if len(self._seen) > 10_000:  # forget idle addresses rather than grow forever
                for stale in [a for a, q in self._seen.items() if not q]:
                    del self._seen[stale]
            return True


async def read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise ApiError(413, ErrorCode.TOO_LARGE, f"The body is larger than {limit} bytes.")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ApiError(413, ErrorCode.TOO_LARGE, f"The body is larger than {limit} bytes.")
        chunks.append(chunk)
    return b"".join(chunks)


def _remote(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _json_body(model: type[Any]) -> dict[str, Any]:
    """OpenAPI description of a body that the endpoint reads and validates itself."""
    return {
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": model.model_json_schema()}},
        }
    }


_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody} for status in (400, 401, 403, 413, 426, 429)
}


_SNAPSHOT_ANSWERS: dict[int | str, dict[str, Any]] = {
    200: {"model": wire.SignedSnapshot},
    204: {"description": "no newer version than `since`"},
    **_ERRORS,
}


def create_app(
    storage: CentralStorage,
    *,
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    enrol_attempts_per_minute: int = ENROL_ATTEMPTS_PER_MINUTE,
) -> FastAPI:
    app = FastAPI(
        title="inspection-central",
        version=__version__,
        description="Central store of the lane clients: enrolment, signed batches of "
        "clearance records, signed reference data.",
        # The interactive pages load their scripts from a CDN: blank without a link, and a
        # page a central has no use for. /openapi.json describes the API on its own.
        docs_url=None,
        redoc_url=None,
    )
    key = storage.signing_key()
    central_key = public_key_text(key)
    enrol_limit = AttemptLimit(enrol_attempts_per_minute)

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, error: ApiError) -> JSONResponse:
        return error_response(error.status, error.code, error.message)

    @app.exception_handler(ingest.BatchRefused)
    async def _refused(request: Request, error: ingest.BatchRefused) -> JSONResponse:
        return error_response(error.status, error.code, error.message)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, error: RequestValidationError) -> JSONResponse:
        first = error.errors()[0] if error.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        return error_response(
            400, ErrorCode.MALFORMED, f"Invalid request: {where}: {first.get('msg', '')}"
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, error: StarletteHTTPException) -> JSONResponse:
        if error.status_code >= 500:
            return _server_error(error.status_code, "internal", str(error.detail))
        return error_response(error.status_code, ErrorCode.MALFORMED, str(error.detail))

    @app.exception_handler(StorageUnavailable)
    async def _unavailable(request: Request, error: StorageUnavailable) -> JSONResponse:
        response = _server_error(503, "unavailable", "The central database is unavailable.")
        response.headers["Retry-After"] = "30"
        return response

    # A bug answers 500 from there, and is logged without its message (which may quote data).
    app.add_middleware(InternalErrors)

    @app.get("/v1/hello", response_model=Hello)
    def hello() -> Hello:
        return Hello(
            protocol_min=PROTOCOL_RANGE[0],
            protocol_max=PROTOCOL_RANGE[1],
            central_key=central_key,
            server_time=datetime.now(UTC),
            app_version=__version__,
        )

    @app.post(
        "/v1/enrol",
        response_model=SignedEnrolmentGrant,
        responses={**_ERRORS, 409: {"model": ErrorBody}},
        openapi_extra=_json_body(EnrolmentRequest),
    )
    async def enrol(request: Request) -> SignedEnrolmentGrant:
        if not enrol_limit.allow(_remote(request)):
            raise ApiError(
                429, ErrorCode.RATE_LIMITED, "Too many enrolment attempts; wait a minute."
            )
        body = await read_body(request, _ENROL_BODY_BYTES)
        problem = ingest.not_utf8(body)
        if problem:
            raise ApiError(400, ErrorCode.MALFORMED, problem)
        try:
            enrolment_request = EnrolmentRequest.model_validate_json(body)
        except ValidationError as error:
            raise ApiError(
                400, ErrorCode.MALFORMED, "Invalid enrolment request: " + describe_validation(error)
            ) from None
        if not enrolment.protocol_supported(enrolment_request.protocol):
            raise ApiError(426, ErrorCode.UNSUPPORTED_PROTOCOL, ingest.upgrade_message())
        try:
            return await run_in_threadpool(enrolment.enrol, storage, enrolment_request)
        except enrolment.NotAKey as error:
            raise ApiError(400, ErrorCode.MALFORMED, str(error)) from None
        except enrolment.IdentityTaken as taken:
            raise ApiError(409, ErrorCode.WORKSTATION_ID_TAKEN, str(taken)) from None
        except enrolment.WrongLane as wrong:
            raise ApiError(409, ErrorCode.WRONG_LANE, str(wrong)) from None
        except enrolment.EnrolmentRefused as refused:
            raise ApiError(403, ErrorCode.INVALID_CODE, str(refused)) from None

    # Batches being checked and stored at once by this process. Each takes CPU and a few MB
    # while it is examined; beyond a couple, more at once only use more memory.
    ingest_slots = asyncio.Semaphore(INGEST_SLOTS)
    in_progress = [0]  # batches read and not yet answered in this process

    @app.post(
        "/v1/batches",
        response_model=SignedReceipt,
        responses=_ERRORS,
        openapi_extra=_json_body(SignedBatch),
    )
    async def batches(request: Request) -> Response:
        body = await read_body(request, max_body_bytes)
        # Read first, then wait for a slot: a slow upload from a remote port holds no slot.
        in_progress[0] += 1
        shared = in_progress[0] > 1
        try:
            async with ingest_slots:
                receipt = await run_in_threadpool(
                    _receive, body, _remote(request), request.headers.get("user-agent", "")
                )
        finally:
            shared = shared or in_progress[0] > 1
            in_progress[0] -= 1
        # A lane keeps its connection, and so its server process, from batch to batch. When
        # this process is shared with other lanes' batches, the lane is asked to reconnect, so
        # that its next batch goes to whichever process is free to take it.
        headers = {"Connection": "close"} if shared else None
        return Response(receipt, media_type="application/json", headers=headers)

    def _receive(body: bytes, remote: str, user_agent: str) -> bytes:
        parsed = ingest.parse_batch(body)
        return ingest.receive(storage, parsed, remote_address=remote, user_agent=user_agent)

    @app.get(
        "/v1/reference/{kind}",
        responses=_SNAPSHOT_ANSWERS,
    )
    def reference_data(request: Request, kind: ReferenceKind, since: int = 0) -> Response:
        authenticate(storage, request)
        if storage.latest_version(kind) <= since:
            return Response(status_code=204)
        stored = storage.latest_snapshot(kind)
        if stored is None or stored[0] <= since:
            return Response(status_code=204)
        headers = {"X-Snapshot-Version": str(stored[0])}
        if "gzip" in request.headers.get("accept-encoding", ""):
            headers["Content-Encoding"] = "gzip"
            return Response(stored[1], media_type="application/json", headers=headers)
        document = reference.latest_document(storage, kind)
        assert document is not None
        return Response(document[1], media_type="application/json", headers=headers)

    @app.get(
        "/v1/receipts/{batch_id}",
        response_model=SignedReceipt,
        responses={**_ERRORS, 404: {"model": ErrorBody}},
    )
    def stored_receipt(request: Request, batch_id: str) -> Response:
        """The receipt of a batch this central already stored, for the workstation that
        sent it: a lane that lost the answer asks for it instead of uploading the batch again."""
        caller = authenticate(storage, request)
        receipt = storage.stored_receipt(batch_id, caller.workstation_id)
        if receipt is None:
            raise ApiError(404, ErrorCode.UNKNOWN_BATCH, f"No batch {batch_id[:80]} is held.")
        return Response(receipt, media_type="application/json")

    @app.get("/v1/workstations/{workstation_id}/status", responses=_ERRORS)
    def status(request: Request, workstation_id: str) -> dict[str, Any]:
        caller = authenticate(storage, request)
        if caller.workstation_id != workstation_id:
            raise ApiError(
                403, ErrorCode.WRONG_WORKSTATION, "A workstation may only ask about itself."
            )
        # Every round starts here: a lane with nothing to send is still seen.
        storage.seen(caller.workstation_id, datetime.now(UTC))
        return {
            "workstation_id": caller.workstation_id,
            "high_water_seq": caller.high_water_seq,
            "chain_head": caller.chain_head,
            "gaps": [list(gap) for gap in caller.gaps],
            "records": caller.records,
        }

    @app.get(
        "/v1/workstations/{workstation_id}/records",
        response_model=SignedRecordPage,
        responses=_ERRORS,
    )
    def held_records(
        request: Request,
        workstation_id: str,
        after: int = Query(ge=0, le=2**62),
        limit: int = Query(wire.MAX_PAGE_RECORDS, ge=1, le=wire.MAX_PAGE_RECORDS),
    ) -> Response:
        """The caller's own records held past seq `after`, signed: a workstation restored
        from an old backup takes back what it had sent since the backup was made."""
        caller = authenticate(storage, request)
        if caller.workstation_id != workstation_id:
            raise ApiError(
                403, ErrorCode.WRONG_WORKSTATION, "A workstation may only ask about itself."
            )
        body, _count = held.signed_page(
            storage, caller.workstation_id, caller.high_water_seq, after, limit
        )
        return Response(body, media_type="application/json")

    return app


ENV_MAX_BODY_BYTES = "INSPECTION_CENTRAL_MAX_BODY_BYTES"
INGEST_SLOTS = 2  # batches one server process examines and stores at the same time


def app_from_environment() -> FastAPI:
    """The app of one uvicorn worker process (`serve --workers N`), configured from the
    environment that `serve` sets: $INSPECTION_CENTRAL_DATABASE, $INSPECTION_CENTRAL_KEY."""
    import os

    from inspection_central.storage import open_storage

    limit = int(os.environ.get(ENV_MAX_BODY_BYTES) or DEFAULT_MAX_BODY_BYTES)
    app = create_app(open_storage(), max_body_bytes=limit)
    tune_collector()
    return app


# Allocations between collections of the youngest generation (default 700), then the usual
# ratios for the older two.
SERVER_GC_THRESHOLDS = (50_000, 10, 10)


def tune_collector() -> None:
    """Garbage-collection settings for a server process, once its app is built.

    Reference counting frees a batch's objects; the cyclic collector, run every 700
    allocations by default, would otherwise walk them (and every module object) again and
    again: a tenth of the time of an ingest. What is loaded at start is frozen out of its
    reach, and the youngest generation is collected far less often; the older ones keep their
    usual ratios, so garbage in reference cycles is still freed every few batches.
    """
    import gc

    gc.collect()
    gc.freeze()
    gc.set_threshold(*SERVER_GC_THRESHOLDS)


def authenticate(storage: CentralStorage, request: Request) -> WorkstationInfo:
    """The workstation that signed this GET request's headers, or ApiError."""
    workstation_id = request.headers.get("x-workstation", "")
    timestamp = request.headers.get("x-timestamp", "")
    signature = request.headers.get("x-signature", "")
    if not (workstation_id and timestamp and signature):
        raise ApiError(
            401,
            ErrorCode.BAD_SIGNATURE,
            "Sign the request (X-Workstation, X-Timestamp, X-Signature).",
        )
    # Unix seconds have 10 digits until the year 2286; a longer number is no clock's reading
    # (and one of hundreds of digits cannot even be compared with the clock as a float).
    if not (timestamp.isascii() and timestamp.isdigit() and len(timestamp) <= 12):
        raise ApiError(401, ErrorCode.BAD_SIGNATURE, "X-Timestamp is not a number.")
    moment = int(timestamp)
    if abs(time.time() - moment) > REQUEST_MAX_SKEW_S:
        raise ApiError(
            401,
            ErrorCode.BAD_SIGNATURE,
            "X-Timestamp is more than a day off the central's clock; check the device clock.",
        )
    workstation = storage.workstation(workstation_id)
    if workstation is None or workstation.public_key is None:
        raise ApiError(
            403, ErrorCode.UNKNOWN_WORKSTATION, f"Workstation {workstation_id} is not enrolled."
        )
    if workstation.revoked:
        raise ApiError(403, ErrorCode.REVOKED, f"Workstation {workstation_id} has been revoked.")
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    message = wire.request_message(request.method, target, moment)
    try:
        raw = wire.from_b64url(signature)
    except ValueError:
        raw = b""
    key = public_key_from_text(workstation.public_key)
    if not signature_valid(key, raw, message):
        raise ApiError(401, ErrorCode.BAD_SIGNATURE, "The request signature does not verify.")
    return workstation
