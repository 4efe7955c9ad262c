"""What IT looks into: chain alerts and their resolution, the records kept aside (quarantined
or rejected), and a workstation's held records in seq order.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from inspection_central.storage import ChainAlert, HeldBackRecord, HeldRecordRow
from inspection_central.storage.dialect import SqlDialect

_HELD_BACK_COLUMNS = "workstation_id, seq, record_id, reason, batch_id, received_at, content"
ALERT_COLUMNS = (
    "alert_id, workstation_id, batch_id, first_seq, last_seq, reason, detected_at, "
    "resolved_at, resolved_by, resolution"
)


class Investigation(SqlDialect):
    """Chain alerts and the records held or kept aside."""

    def chain_alerts(self, *, include_resolved: bool = False) -> list[ChainAlert]:
        with self._read() as conn:
            return self._alerts(conn, include_resolved=include_resolved)

    def _alerts(self, conn: Any, *, include_resolved: bool) -> list[ChainAlert]:
        """Chain alerts in the order they were detected: the open ones, or all of them."""
        which = "" if include_resolved else " WHERE resolved_at IS NULL"
        rows = self._all(conn, f"SELECT {ALERT_COLUMNS} FROM chain_alerts{which} ORDER BY alert_id")
        return [self._alert_from_row(row) for row in rows]

    def resolve_chain_alert(
        self, alert_id: int, *, by: str, resolution: str, at: datetime
    ) -> tuple[ChainAlert, bool] | None:
        with self._write() as conn:
            changed = self._run(
                conn,
                "UPDATE chain_alerts SET resolved_at = ?, resolved_by = ?, resolution = ? "
                "WHERE alert_id = ? AND resolved_at IS NULL",
                (self._ts(at), by, resolution, alert_id),
            ).rowcount
            row = self._one(
                conn, f"SELECT {ALERT_COLUMNS} FROM chain_alerts WHERE alert_id = ?", (alert_id,)
            )
        return (self._alert_from_row(row), changed == 1) if row else None

    def held_back(self, workstation_id: str | None, limit: int) -> tuple[list[HeldBackRecord], int]:
        which, params = (
            ("", ()) if workstation_id is None else (" WHERE workstation_id = ?", (workstation_id,))
        )
        both = (
            f"SELECT 'quarantined', {_HELD_BACK_COLUMNS} FROM quarantine{which} "
            f"UNION ALL SELECT 'rejected', {_HELD_BACK_COLUMNS} FROM rejected_records{which}"
        )
        with self._read() as conn:
            rows = self._all(
                conn,
                f"SELECT * FROM ({both}) AS held ORDER BY 2, 3, 7 LIMIT ?",
                (*params, *params, limit),
            )
            total = self._one(conn, f"SELECT COUNT(*) FROM ({both}) AS held", (*params, *params))
        held = []
        for row in rows:
            received = self._dt(row[6])
            assert received is not None  # NOT NULL
            held.append(
                HeldBackRecord(
                    state=row[0],
                    workstation_id=row[1],
                    seq=int(row[2]),
                    record_id=row[3],
                    reason=row[4],
                    batch_id=row[5],
                    received_at=received,
                    content=row[7],
                )
            )
        return held, int(total[0]) if total else 0

    def held_records(self, workstation_id: str, after: int, limit: int) -> list[HeldRecordRow]:
        params = (workstation_id, after, after + limit)
        with self._read() as conn:
            rows = self._all(
                conn,
                "SELECT seq, CAST(id AS TEXT), content, chain_hash, NULL, 0 FROM records "
                "WHERE workstation_id = ? AND seq > ? AND seq <= ? "
                "UNION ALL SELECT seq, record_id, content, NULL, reason, 1 FROM rejected_records "
                "WHERE workstation_id = ? AND seq > ? AND seq <= ? ORDER BY 1, 6",
                params * 2,
            )
        held: list[HeldRecordRow] = []
        for seq, record_id, content, chain, reason, _ in rows:
            if seq == after + len(held):
                continue  # a seq stored since it was rejected: the stored record is the one
            if seq != after + len(held) + 1:
                break
            held.append(
                HeldRecordRow(
                    int(seq),
                    str(record_id),
                    str(content),
                    bytes(chain) if chain is not None else None,
                    None if reason is None else str(reason),
                )
            )
        return held

    def _alert_from_row(self, row: Sequence[Any]) -> ChainAlert:
        detected = self._dt(row[6])
        assert detected is not None  # NOT NULL
        return ChainAlert(
            alert_id=int(row[0]),
            workstation_id=row[1],
            batch_id=row[2],
            first_seq=int(row[3]),
            last_seq=int(row[4]),
            reason=row[5],
            detected_at=detected,
            resolved_at=self._dt(row[7]),
            resolved_by=row[8],
            resolution=row[9],
        )
