"""A test lane workstation enrolled with a central: real records from `inspection_client.store`,
and signed batches built from their stored canonical content (independent of the client's
own batch builder)."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from inspection_central import enrolment, ingest
from inspection_central.storage import CentralStorage
from inspection_client.domain.codes import LaneKind
from inspection_client.domain.models import Record, Workstation
from inspection_client.store import records
from inspection_client.store.database import Store
from inspection_client.sync import wire
from inspection_client.sync.keys import public_key_text
from inspection_client.sync.wire import (
    BatchEnvelope,
    BatchRecord,
    EnrolmentRequest,
    SignedBatch,
)
from tests.factories import passenger

OFFICER = "OFF001"


class Lane:
    """A workstation with its own key and store, enrolled directly through the storage."""

    def __init__(
        self, storage: CentralStorage, directory: Path, port: str = "KHG", lane: str = "P01"
    ):
        invitation = enrolment.invite(storage, port, lane, "passenger")
        self.key = Ed25519PrivateKey.generate()
        grant = enrolment.enrol(
            storage,
            EnrolmentRequest(
                protocol=wire.PROTOCOL_VERSION,
                code=invitation.code,
                public_key=public_key_text(self.key.public_key()),
                app_version="test",
            ),
        )
        self.workstation_id = grant.grant.workstation_id
        self.store = Store.open(directory / f"{self.workstation_id}.db")
        self.store.configure_workstation(
            Workstation(
                workstation_id=self.workstation_id,
                port_code=port,
                lane_id=lane,
                lane_kind=LaneKind.PASSENGER,
            )
        )

    def close(self) -> None:
        self.store.close()

    def save(
        self, count: int, *, recorded_at: datetime | None = None, **overrides: Any
    ) -> list[Record]:
        """`count` passenger records; `recorded_at` sets the device time they carry."""
        drafts = [
            records.Draft(passenger(**overrides), OFFICER, recorded_at=recorded_at)
            for _ in range(count)
        ]
        return records.save_many(self.store, drafts)

    def rows(self, first: int, last: int) -> list[tuple[int, str, str, bytes, bytes]]:
        rows = self.store.conn.execute(
            "SELECT r.seq, r.id, r.content, a.prev_hash, a.hash FROM records r "
            "JOIN audit_chain a ON a.seq = r.seq WHERE r.seq BETWEEN ? AND ? ORDER BY r.seq",
            (first, last),
        ).fetchall()
        return [(s, i, c.decode() if isinstance(c, bytes) else c, p, h) for s, i, c, p, h in rows]

    def batch(
        self,
        first: int,
        last: int,
        *,
        key: Ed25519PrivateKey | None = None,
        edit: Callable[[int, str], str] | None = None,
        **envelope: Any,
    ) -> SignedBatch:
        """Records first..last as a signed batch; `edit(seq, content)` may change contents."""
        rows = self.rows(first, last)
        values: dict[str, Any] = {
            "protocol": wire.PROTOCOL_VERSION,
            "app_version": "test",
            "workstation_id": self.workstation_id,
            "first_seq": first,
            "last_seq": last,
            "count": len(rows),
            "prev_head": rows[0][3].hex(),
            "head": rows[-1][4].hex(),
            "records": tuple(
                BatchRecord(seq=s, id=i, content=edit(s, c) if edit else c)
                for s, i, c, _, _ in rows
            ),
        }
        values.update(envelope)
        return sign(BatchEnvelope(**values), key or self.key)

    def headers(self, path: str, method: str = "GET") -> dict[str, str]:
        now = int(time.time())
        message = wire.request_message(method, path, now)
        return {
            "X-Workstation": self.workstation_id,
            "X-Timestamp": str(now),
            "X-Signature": wire.b64url(self.key.sign(message)),
        }


def reject_as_too_new(monkeypatch: pytest.MonkeyPatch, record_id: str) -> None:
    """Make the central reject the record `record_id` as a central too old for it would."""
    validate = ingest._validate

    def older_central(content: bytes) -> tuple[Any, str | None]:
        if record_id.encode() in content:
            return None, "record schema not known here"
        return validate(content)

    monkeypatch.setattr(ingest, "_validate", older_central)


def sign(envelope: BatchEnvelope, key: Ed25519PrivateKey) -> SignedBatch:
    canonical = envelope.canonical()
    signature = wire.sign_batch(envelope.protocol, canonical, wire.batch_id_of(canonical), key)
    return SignedBatch(batch=envelope, signature=signature)
