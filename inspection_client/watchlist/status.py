"""Which watchlist snapshot is active on this workstation, how old it is, and whether it is
past its expiry ("stale": checks still run on it, and the lane is warned)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from inspection_client.message import Message
from inspection_client.store.database import Store
from inspection_client.store.errors import StoreError, decoding, translated_errors


@dataclass(frozen=True)
class ActiveSnapshot:
    version: int
    path: Path
    issued_at: datetime
    expires_at: datetime
    applied_at: datetime
    entries: dict[str, int]


@dataclass(frozen=True)
class WatchlistStatus:
    """What the status bar and `watchlist status` show. `version` is None when no snapshot
    has been applied yet (checks are then recorded as "not_checked")."""

    version: int | None
    issued_at: datetime | None = None
    expires_at: datetime | None = None
    applied_at: datetime | None = None
    age: timedelta | None = None  # since the central issued it
    stale: bool = False
    entries: dict[str, int] = field(default_factory=dict)

    @property
    def active(self) -> bool:
        return self.version is not None

    def to_json(self) -> dict[str, Any]:
        return {
            "active": self.active,
            "version": self.version,
            "issued_at": self.issued_at.isoformat() if self.issued_at else None,
            "expires_at": self.expires_at.isoformat() if self.expires_at else None,
            "applied_at": self.applied_at.isoformat() if self.applied_at else None,
            "age_seconds": int(self.age.total_seconds()) if self.age is not None else None,
            "stale": self.stale,
            "entries": self.entries,
        }


def active_snapshot(store: Store) -> ActiveSnapshot | None:
    """The active snapshot, or None. A missing snapshot file is an error IT must fix."""
    with translated_errors(store.path):
        row = store.conn.execute(
            "SELECT version, file, issued_at, expires_at, applied_at, entries FROM watchlist_active"
        ).fetchone()
    if row is None:
        return None
    path = store.path.parent / row[1]
    if not path.is_file():
        raise StoreError(
            Message(
                "The active watchlist file {path} is missing. Import the latest watchlist "
                "snapshot again (sync, or `inspection-client reference import FILE`).",
                path=path,
            )
        )
    with decoding(Message("The active watchlist's details")):
        return ActiveSnapshot(
            version=int(row[0]),
            path=path,
            issued_at=datetime.fromisoformat(row[2]),
            expires_at=datetime.fromisoformat(row[3]),
            applied_at=datetime.fromisoformat(row[4]),
            entries={str(k): int(v) for k, v in json.loads(row[5]).items()},
        )


def watchlist_status(store: Store, now: datetime | None = None) -> WatchlistStatus:
    now = now or datetime.now(UTC)
    with translated_errors(store.path):
        row = store.conn.execute(
            "SELECT version, issued_at, expires_at, applied_at, entries FROM watchlist_active"
        ).fetchone()
    if row is None:
        return WatchlistStatus(version=None)
    with decoding(Message("The active watchlist's details")):
        issued = datetime.fromisoformat(row[1])
        expires = datetime.fromisoformat(row[2])
        return WatchlistStatus(
            version=int(row[0]),
            issued_at=issued,
            expires_at=expires,
            applied_at=datetime.fromisoformat(row[3]),
            age=now - issued,
            stale=now >= expires,
            entries={str(k): int(v) for k, v in json.loads(row[4]).items()},
        )
