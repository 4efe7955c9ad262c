"""Reference data for the lanes: versioned snapshots signed by the central key.

`publish` makes a new version of one kind (roster, lanes, workstation keys with the withdrawn
release slips, watchlist, the backup recovery key) from a whole payload; `latest` returns the
newest. Snapshots are stored gzip-compressed, ready to be sent as they are, so a watchlist of a
million entries costs its size once.
"""

from __future__ import annotations

import gzip
from datetime import UTC, datetime, timedelta
from typing import Any

from inspection_central import withdrawals
from inspection_central.storage import CentralStorage
from inspection_client.sync import wire
from inspection_client.sync.wire import ReferenceKind, SignedSnapshot, Snapshot

DEFAULT_VALIDITY = timedelta(days=30)
# A recovery key is not data that goes stale: it holds until IT publishes another.
BACKUP_KEY_VALIDITY = timedelta(days=3650)
# Fast compression: a snapshot is written once per change and read by every lane.
_GZIP_LEVEL = 6


def publish(
    storage: CentralStorage,
    kind: ReferenceKind,
    payload: dict[str, Any],
    *,
    valid_for: timedelta = DEFAULT_VALIDITY,
) -> SignedSnapshot:
    """Store and return the next version of `kind`, signed by the central key."""
    key = storage.signing_key()
    made: list[SignedSnapshot] = []

    def build(version: int) -> bytes:
        issued = datetime.now(UTC).replace(microsecond=0)
        snapshot = Snapshot(
            kind=kind,
            version=version,
            issued_at=issued,
            expires_at=issued + valid_for,
            payload=payload,
        )
        signed = SignedSnapshot(snapshot=snapshot, signature=wire.sign(snapshot, key))
        made.append(signed)
        return gzip.compress(signed.model_dump_json().encode(), _GZIP_LEVEL, mtime=0)

    storage.store_snapshot(kind, build)
    return made[-1]


def latest(storage: CentralStorage, kind: ReferenceKind) -> SignedSnapshot | None:
    document = latest_document(storage, kind)
    return SignedSnapshot.model_validate_json(document[1]) if document else None


def latest_document(storage: CentralStorage, kind: ReferenceKind) -> tuple[int, bytes] | None:
    """(version, SignedSnapshot JSON bytes) of the newest snapshot of `kind`."""
    stored = storage.latest_snapshot(kind)
    if stored is None:
        return None
    return stored[0], gzip.decompress(stored[1])


# -- the payloads the central builds from its own tables --------------------------------------


def roster_payload(storage: CentralStorage) -> dict[str, Any]:
    return {
        "officers": [
            {"code": o.code, "name": o.name, "role": o.role, "port": o.port}
            for o in storage.officers()
        ]
    }


def lanes_payload(storage: CentralStorage) -> dict[str, Any]:
    return {
        "lanes": [
            {"port_code": lane.port_code, "lane_id": lane.lane_id, "kind": lane.kind}
            for lane in storage.lanes()
        ]
    }


def workstation_keys_payload(storage: CentralStorage) -> dict[str, Any]:
    """Every workstation's public key, and the release slips withdrawn since they were printed
    (`withdrawals`): what a gate needs to check a slip offline, under one signature."""
    return {
        "withdrawn_slips": withdrawals.withdrawn_slips(storage),
        "keys": [
            {
                "workstation_id": w.workstation_id,
                "port_code": w.port_code,
                "lane_id": w.lane_id,
                # A gate takes release slips only from the lane kinds that issue them.
                "lane_kind": w.lane_kind,
                "public_key": w.public_key,
                "revoked": w.revoked,
            }
            for w in storage.workstations()
            if w.public_key is not None
        ],
    }


_BUILDERS = {
    ReferenceKind.ROSTER: roster_payload,
    ReferenceKind.LANES: lanes_payload,
    ReferenceKind.WORKSTATION_KEYS: workstation_keys_payload,
}


def publish_backup_key(storage: CentralStorage, recipient: str, set_by: str) -> SignedSnapshot:
    """Publish the agency's recovery key (an `age1…` recipient, checked by the caller): each
    lane seals its backups for it from its next sync, or `reference import` of the snapshot."""
    return publish(
        storage,
        ReferenceKind.BACKUP_KEY,
        {"recipient": recipient, "set_by": set_by},
        valid_for=BACKUP_KEY_VALIDITY,
    )


def republish(storage: CentralStorage, kind: ReferenceKind) -> SignedSnapshot:
    """Publish the current state of a kind the central keeps itself (not the watchlist)."""
    return publish(storage, kind, _BUILDERS[kind](storage))
