"""What the central publishes to the lanes, as stored: the officer roster, the lanes, and the
signed reference snapshots with their versions.
"""

from __future__ import annotations

from inspection_central.storage import LaneEntry, OfficerEntry, SnapshotBuilder
from inspection_central.storage.dialect import SqlDialect, now_utc
from inspection_client.sync.wire import ReferenceKind

# Older snapshots than this many versions back are deleted when a new one is stored.
SNAPSHOTS_KEPT = 5


class ReferenceData(SqlDialect):
    """The roster, the lanes and the reference snapshots."""

    def add_officer(self, officer: OfficerEntry) -> None:
        with self._write() as conn:
            self._run(
                conn,
                "INSERT INTO officers(code, name, role, port) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (code) DO UPDATE SET name = excluded.name, role = excluded.role, "
                "port = excluded.port",
                (officer.code, officer.name, officer.role, officer.port),
            )

    def remove_officer(self, code: str) -> bool:
        with self._write() as conn:
            removed = self._run(conn, "DELETE FROM officers WHERE code = ?", (code,))
            return bool(removed.rowcount)

    def officers(self) -> list[OfficerEntry]:
        with self._read() as conn:
            rows = self._all(conn, "SELECT code, name, role, port FROM officers ORDER BY code")
        return [OfficerEntry(*row) for row in rows]

    def add_lane(self, lane: LaneEntry) -> None:
        with self._write() as conn:
            self._run(
                conn,
                "INSERT INTO lanes(port_code, lane_id, kind) VALUES (?, ?, ?) "
                "ON CONFLICT (port_code, lane_id) DO UPDATE SET kind = excluded.kind",
                (lane.port_code, lane.lane_id, lane.kind),
            )
            # The lane's workstations are the lane: the list and later grants say its kind.
            self._run(
                conn,
                "UPDATE workstations SET lane_kind = ? WHERE port_code = ? AND lane_id = ?",
                (lane.kind, lane.port_code, lane.lane_id),
            )

    def lanes(self) -> list[LaneEntry]:
        with self._read() as conn:
            rows = self._all(
                conn, "SELECT port_code, lane_id, kind FROM lanes ORDER BY port_code, lane_id"
            )
        return [LaneEntry(*row) for row in rows]

    def store_snapshot(self, kind: ReferenceKind, build: SnapshotBuilder) -> int:
        with self._write() as conn:
            row = self._one(
                conn,
                "INSERT INTO reference_versions(kind, version) VALUES (?, 1) "
                "ON CONFLICT (kind) DO UPDATE SET version = reference_versions.version + 1 "
                "RETURNING version",
                (kind.value,),
            )
            assert row is not None
            version = int(row[0])
            document = build(version)
            self._run(
                conn,
                "INSERT INTO reference_snapshots(kind, version, issued_at, document) "
                "VALUES (?, ?, ?, ?)",
                (kind.value, version, self._ts(now_utc()), document),
            )
            self._run(
                conn,
                "DELETE FROM reference_snapshots WHERE kind = ? AND version <= ?",
                (kind.value, version - SNAPSHOTS_KEPT),
            )
        return version

    def latest_snapshot(self, kind: ReferenceKind) -> tuple[int, bytes] | None:
        with self._read() as conn:
            row = self._one(
                conn,
                "SELECT version, document FROM reference_snapshots WHERE kind = ? "
                "ORDER BY version DESC LIMIT 1",
                (kind.value,),
            )
        return (int(row[0]), bytes(row[1])) if row else None

    def latest_version(self, kind: ReferenceKind) -> int:
        with self._read() as conn:
            row = self._one(
                conn,
                "SELECT MAX(version) FROM reference_snapshots WHERE kind = ?",
                (kind.value,),
            )
        return int(row[0]) if row and row[0] is not None else 0
