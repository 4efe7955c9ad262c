"""Talking HTTP to the central: each call returns a parsed answer or raises a `SyncError`.

Only a well-formed answer counts: network failures, 5xx and bodies that are not the expected
message all become `CentralUnreachable`, and nothing local changes because of them.
"""

from __future__ import annotations

import time
from typing import Any, TypeVar

import httpx
import pydantic
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from inspection_client import __version__
from inspection_client.message import Message
from inspection_client.sync.errors import CentralRefused, CentralUnreachable, UpgradeRequired
from inspection_client.sync.wire import (
    PROTOCOL_RANGE,
    EnrolmentRequest,
    ErrorBody,
    ErrorCode,
    Hello,
    ReferenceKind,
    SignedEnrolmentGrant,
    SignedRecordPage,
    SignedSnapshot,
    b64url,
    request_message,
)

M = TypeVar("M", bound=pydantic.BaseModel)

TIMEOUT = httpx.Timeout(30.0, connect=10.0)
# The largest answer read, once unpacked (the central sends snapshots gzipped): a watchlist
# snapshot can be hundreds of MB, every other answer is a few MB at most. Whatever sits on the
# link (a proxy, a captive portal, someone hostile) cannot make the lane read more, or unpack
# a small compressed body into more.
MAX_SNAPSHOT_ANSWER_BYTES = 512 * 1024 * 1024
MAX_ANSWER_BYTES = 64 * 1024 * 1024


class AnswerTooLarge(Exception):
    """Internal: an answer passed the size read from the central."""


def _read_at_most(response: httpx.Response, limit: int) -> None:
    """Read a streamed answer's body, unpacked, into `response.content`, up to `limit`."""
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > limit:
            raise AnswerTooLarge
        chunks.append(chunk)
    # What `Response.read()` would have done, had it stopped at a limit.
    response._content = b"".join(chunks)


class Central:
    """One central store, reached at `url` (e.g. http://central.example:8470)."""

    def __init__(self, url: str, *, transport: httpx.BaseTransport | None = None) -> None:
        self.url = url.rstrip("/")
        self._http = httpx.Client(
            base_url=self.url,
            timeout=TIMEOUT,
            transport=transport,
            headers={"User-Agent": f"inspection-client/{__version__}"},
            follow_redirects=False,
        )
        # Central clock minus local clock, learnt from Hello: signed requests carry the
        # central's time, so a device clock a year off does not lock the workstation out.
        self.clock_offset_s = 0.0

    def close(self) -> None:
        self._http.close()

    def hello(self) -> Hello:
        response = self._request("GET", "/v1/hello", not_found_ok=True)
        if response.status_code == 404:  # a web server, or the central's address with a path
            raise CentralUnreachable(
                Message(
                    "{url} answers, but not as a central store (no /v1/hello there): check "
                    "the address, which is http://HOST:PORT without a path; every record is "
                    "kept and sent later.",
                    url=self.url,
                ),
                cause="it answers, but not as a central store: no /v1/hello there",
            )
        hello = _parse(Hello, response)
        self.clock_offset_s = hello.server_time.timestamp() - time.time()
        low, high = PROTOCOL_RANGE
        if not (hello.protocol_min <= high and low <= hello.protocol_max):
            raise UpgradeRequired(upgrade_message(hello.protocol_min, hello.protocol_max))
        return hello

    def enrol(self, request: EnrolmentRequest) -> SignedEnrolmentGrant:
        response = self._request(
            "POST",
            "/v1/enrol",
            content=request.canonical(),
            headers={"Content-Type": "application/json"},
        )
        return _parse(SignedEnrolmentGrant, response)

    def send_batch(self, body: bytes) -> bytes:
        """POST a signed batch; the raw 200 body (the caller verifies the receipt)."""
        response = self._request(
            "POST", "/v1/batches", content=body, headers={"Content-Type": "application/json"}
        )
        return response.content

    def stored_receipt(
        self, batch_id: str, workstation_id: str, key: Ed25519PrivateKey
    ) -> bytes | None:
        """The raw receipt of a batch the central already holds (the caller verifies it), or
        None when it holds no such batch, or is too old to answer the question."""
        path = f"/v1/receipts/{batch_id}"
        response = self._request(
            "GET",
            path,
            headers=_signed(path, workstation_id, key, self.clock_offset_s),
            not_found_ok=True,
        )
        return None if response.status_code == 404 else response.content

    def reference(
        self, kind: ReferenceKind, since: int, workstation_id: str, key: Ed25519PrivateKey
    ) -> SignedSnapshot | None:
        path = f"/v1/reference/{kind.value}?since={since}"
        response = self._request(
            "GET",
            path,
            headers=_signed(path, workstation_id, key, self.clock_offset_s),
            limit=MAX_SNAPSHOT_ANSWER_BYTES,
        )
        if response.status_code == 204:
            return None
        return _parse(SignedSnapshot, response)

    def status(self, workstation_id: str, key: Ed25519PrivateKey) -> dict[str, Any]:
        path = f"/v1/workstations/{workstation_id}/status"
        response = self._request(
            "GET", path, headers=_signed(path, workstation_id, key, self.clock_offset_s)
        )
        try:
            data = response.json()
            int(data["high_water_seq"])
        except (ValueError, KeyError, TypeError):
            raise CentralUnreachable(
                Message("The central's status answer was not readable; the records stay queued.")
            ) from None
        return dict(data)

    def held_records(
        self, workstation_id: str, after: int, key: Ed25519PrivateKey
    ) -> SignedRecordPage:
        """A page of this workstation's records the central holds past seq `after` (the
        caller verifies its signature)."""
        path = f"/v1/workstations/{workstation_id}/records?after={after}"
        response = self._request(
            "GET", path, headers=_signed(path, workstation_id, key, self.clock_offset_s)
        )
        return _parse(SignedRecordPage, response)

    def _request(
        self,
        method: str,
        path: str,
        *,
        not_found_ok: bool = False,
        limit: int | None = None,
        **kwargs: Any,
    ) -> httpx.Response:
        try:
            response = self._http.send(
                self._http.build_request(method, path, **kwargs), stream=True
            )
            try:
                _read_at_most(response, MAX_ANSWER_BYTES if limit is None else limit)
            finally:
                response.close()
        except AnswerTooLarge:
            raise CentralUnreachable(
                Message(
                    "The answer from {url} is far larger than any the central sends; "
                    "every record is kept and sent later.",
                    url=self.url,
                ),
                cause="an answer far larger than any the central sends",
            ) from None
        except httpx.HTTPError as error:
            raise CentralUnreachable(
                Message(
                    "The central {url} cannot be reached ({error}); "
                    "every record is kept and sent later.",
                    url=self.url,
                    error=type(error).__name__,
                ),
                cause=type(error).__name__,
            ) from None
        if response.status_code >= 500:
            raise CentralUnreachable(
                Message(
                    "The central {url} has a passing fault (HTTP {status}); "
                    "every record is kept and sent later.",
                    url=self.url,
                    status=response.status_code,
                ),
                cause=f"a fault of the central, HTTP {response.status_code}",
            )
        if response.status_code == 404 and not_found_ok:
            return response
        if 400 <= response.status_code < 500:
            _refusal(response)
        if response.status_code not in (200, 204):
            raise CentralUnreachable(
                Message(
                    "Unexpected answer from {url} (HTTP {status}); "
                    "every record is kept and sent later.",
                    url=self.url,
                    status=response.status_code,
                ),
                cause=f"an unexpected answer, HTTP {response.status_code}",
            )
        return response


def spoken_protocol(hello: Hello) -> int:
    """The protocol version to speak with a central that said `hello`: the newest both know
    (`Central.hello` has checked that there is one)."""
    return min(PROTOCOL_RANGE[1], hello.protocol_max)


def upgrade_message(low: int | None, high: int | None) -> str:
    return Message(
        "the central requires a newer lane client (protocol {low}..{high}); upgrade — "
        "all records are kept",
        low=low,
        high=high,
    )


def _refusal(response: httpx.Response) -> None:
    try:
        error = ErrorBody.model_validate_json(response.content).error
    except (pydantic.ValidationError, ValueError):
        # A 4xx that is not the central's own (a proxy's login page): nothing was delivered.
        raise CentralUnreachable(
            Message(
                "Something between this workstation and the central answered HTTP "
                "{status}; every record is kept and sent later.",
                status=response.status_code,
            ),
            cause=f"something between answered HTTP {response.status_code}",
        ) from None
    if error.code is ErrorCode.UNSUPPORTED_PROTOCOL:
        raise UpgradeRequired(upgrade_message(error.protocol_min, error.protocol_max))
    if error.code is ErrorCode.RATE_LIMITED:
        raise CentralUnreachable(
            Message("The central asks to wait: {detail}", detail=error.message)
        )
    raise CentralRefused(
        error.code,
        Message(
            "{refusal} ({code}: {detail})",
            refusal=_REFUSALS.get(error.code, Message("the central refused the request")),
            code=error.code.value,
            detail=error.message,
        ),
        detail=error.message,
    )


_REFUSALS = {
    ErrorCode.REVOKED: Message(
        "this workstation is revoked at the central; records are kept — ask IT"
    ),
    ErrorCode.UNKNOWN_WORKSTATION: Message(
        "the central does not know this workstation; records are kept — ask IT (was the "
        "central restored without it?)"
    ),
    ErrorCode.BAD_SIGNATURE: Message(
        "the central does not accept this workstation's signature (is its key the one it "
        "enrolled with? a database put back without its key needs it back too); records are "
        "kept — ask IT"
    ),
    ErrorCode.WRONG_WORKSTATION: Message(
        "the central says the batch belongs to another workstation"
    ),
    ErrorCode.MALFORMED: Message("the central could not read a batch"),
    ErrorCode.TOO_LARGE: Message("a batch is larger than the central accepts"),
    ErrorCode.INVALID_CODE: Message("the enrolment code was not accepted"),
}


def _parse(model: type[M], response: httpx.Response) -> M:
    try:
        return model.model_validate_json(response.content)
    except (pydantic.ValidationError, ValueError):
        raise CentralUnreachable(
            Message(
                "The answer from {host} was not the central's {answer}; nothing was changed.",
                host=response.request.url.host,
                answer=model.__name__,
            )
        ) from None


def _signed(
    path: str, workstation_id: str, key: Ed25519PrivateKey, offset_s: float
) -> dict[str, str]:
    now = int(time.time() + offset_s)
    return {
        "X-Workstation": workstation_id,
        "X-Timestamp": str(now),
        "X-Signature": b64url(key.sign(request_message("GET", path, now))),
    }
