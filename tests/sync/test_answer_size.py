"""What the lane reads of the central's answers is bounded, once unpacked too."""

from __future__ import annotations

import gzip

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from inspection_client.sync import transport
from inspection_client.sync.errors import CentralUnreachable
from inspection_client.sync.transport import Central
from inspection_client.sync.wire import ReferenceKind
from tests.sync.conftest import FAKE_URL

LIMIT = 64 * 1024


@pytest.fixture(autouse=True)
def small_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(transport, "MAX_ANSWER_BYTES", LIMIT)
    monkeypatch.setattr(transport, "MAX_SNAPSHOT_ANSWER_BYTES", 4 * LIMIT)


def _answering(body: bytes, *, gzipped: bool) -> Central:
    def handle(request: httpx.Request) -> httpx.Response:
        headers = {"Content-Type": "application/json"}
        if gzipped:
            headers["Content-Encoding"] = "gzip"
        return httpx.Response(
            200, content=gzip.compress(body) if gzipped else body, headers=headers
        )

    return Central(FAKE_URL, transport=httpx.MockTransport(handle))


@pytest.mark.parametrize("gzipped", [False, True], ids=["plain", "a small gzip bomb"])
def test_an_answer_past_the_limit_is_not_read(gzipped: bool) -> None:
    # Something on the link (a proxy, a portal, someone hostile) answers with far more than
    # the central ever sends, or with a few KB that unpack into it.
    central = _answering(b" " * (LIMIT * 8) + b"{}", gzipped=gzipped)
    with pytest.raises(CentralUnreachable) as caught:
        central.hello()
    assert "far larger than any the central sends" in str(caught.value)
    key = Ed25519PrivateKey.generate()
    with pytest.raises(CentralUnreachable) as caught:
        central.reference(ReferenceKind.WATCHLIST, 0, "KHG-L01-000000", key)
    assert "far larger than any the central sends" in str(caught.value)
    central.close()


def test_a_snapshot_may_be_larger_than_other_answers() -> None:
    central = _answering(b" " * (LIMIT * 2) + b"{}", gzipped=True)
    with pytest.raises(CentralUnreachable) as caught:
        central.hello()
    assert "far larger" in str(caught.value)
    with pytest.raises(CentralUnreachable) as caught:
        central.reference(
            ReferenceKind.WATCHLIST, 0, "KHG-L01-000000", Ed25519PrivateKey.generate()
        )
    # Read whole, and refused for what it is, not for its size.
    assert "far larger" not in str(caught.value)
    central.close()
