"""Facts about the local database for `db info` and the status bar."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

from inspection_client.store import restore_hold, search_index
from inspection_client.store.audit import chain_head
from inspection_client.store.backup import (
    LAST_BACKUP_SETTING,
    RECIPIENT_SETTING,
    RECIPIENT_SOURCE_SETTING,
    RESTORED_FROM_SETTING,
)
from inspection_client.store.database import Store


@dataclass(frozen=True)
class StoreInfo:
    path: str
    schema_version: int
    size_bytes: int
    workstation_id: str | None
    port_code: str | None
    lane_id: str | None
    records_total: int
    records_by_kind: dict[str, int]
    pending_sync: int
    sync_problems: int
    audit_head: str
    audit_head_seq: int
    last_backup: dict[str, Any] | None  # `store.backup.LAST_BACKUP_SETTING`, None: never
    restored_from: dict[str, Any] | None  # `store.backup.RESTORED_FROM_SETTING`, None: never
    backup_recovery_key: str | None  # backups are sealed for it; None: not sealed
    # "set on this lane", or "central v<N>" when the central's reference data set it
    backup_recovery_key_source: str | None
    # Restored (or found put back to an older copy: `cause`) and not yet synced: new records
    # are refused (`store.restore_hold`, `Hold.to_json`).
    held_after_restore: dict[str, Any] | None
    hold_lifted: dict[str, Any] | None  # how the last such hold ended, None: never held
    # Saves stopped writing the history filter's search index, found damaged (`after`, `at`,
    # `damage`: `search_index.Stopped`); None: they write it.
    search_index_stopped: dict[str, Any] | None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def store_info(store: Store) -> StoreInfo:
    with store.read() as conn:
        by_kind = dict(conn.execute("SELECT kind, count(*) FROM records GROUP BY kind").fetchall())
        outbox = dict(conn.execute("SELECT state, count(*) FROM outbox GROUP BY state").fetchall())
        head_seq, head = chain_head(store)
        index_stopped = search_index.stopped(conn)
    workstation = store.workstation()
    size = store.path.stat().st_size
    wal = store.path.with_name(store.path.name + "-wal")
    if wal.exists():
        size += wal.stat().st_size
    return StoreInfo(
        path=str(store.path),
        schema_version=store.schema_version,
        size_bytes=size,
        workstation_id=workstation.workstation_id if workstation else None,
        port_code=workstation.port_code if workstation else None,
        lane_id=workstation.lane_id if workstation else None,
        records_total=sum(by_kind.values()),
        records_by_kind=by_kind,
        pending_sync=sum(count for state, count in outbox.items() if state == "pending"),
        sync_problems=sum(count for state, count in outbox.items() if state != "pending"),
        audit_head=head,
        audit_head_seq=head_seq,
        last_backup=_noted_backup(store, LAST_BACKUP_SETTING),
        restored_from=_noted_backup(store, RESTORED_FROM_SETTING),
        backup_recovery_key=store.setting(RECIPIENT_SETTING),
        backup_recovery_key_source=store.setting(RECIPIENT_SOURCE_SETTING),
        held_after_restore=hold.to_json() if (hold := restore_hold.current(store)) else None,
        hold_lifted=asdict(lifted) if (lifted := restore_hold.last_lifted(store)) else None,
        search_index_stopped=asdict(index_stopped) if index_stopped else None,
    )


def _noted_backup(store: Store, setting: str) -> dict[str, Any] | None:
    """A backup noted in the settings: when, which file, how many records, up to which."""
    try:
        noted = json.loads(store.setting(setting) or "null")
    except ValueError:
        return None  # a note damaged on disk says nothing about the backups themselves
    shape = {"at": str, "path": str, "records": int, "head_seq": int}
    if not isinstance(noted, dict) or not all(
        isinstance(noted.get(key), kind) for key, kind in shape.items()
    ):
        return None
    return noted
