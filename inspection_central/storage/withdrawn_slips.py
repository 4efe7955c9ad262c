"""The records that tell which release slips were withdrawn: voids and amendments by when they
arrived, and where the records they name are held (`inspection_central.withdrawals`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from inspection_central.storage import HeldClearance, WithdrawingRecord
from inspection_central.storage.dialect import SqlDialect, chunks


class WithdrawnSlips(SqlDialect):
    """Voids, amendments and the clearances they name."""

    def withdrawing_records(self, received_since: datetime) -> list[WithdrawingRecord]:
        with self._read() as conn:
            rows = self._all(
                conn,
                "SELECT CAST(id AS TEXT), workstation_id, seq, port_code, content FROM records "
                "WHERE kind IN ('void', 'amendment') AND received_at >= ? "
                "ORDER BY workstation_id, seq",
                (self._ts(received_since),),
            )
        return [WithdrawingRecord(str(r[0]), r[1], int(r[2]), r[3], str(r[4])) for r in rows]

    def clearances(self, record_ids: Sequence[str]) -> dict[str, HeldClearance]:
        found: dict[str, HeldClearance] = {}
        with self._read() as conn:
            for part in chunks(record_ids, 500):
                marks = ", ".join("?" * len(part))
                for row in self._all(
                    conn,
                    "SELECT CAST(id AS TEXT), workstation_id, seq, kind, decision FROM records "
                    f"WHERE id IN ({marks})",
                    part,
                ):
                    found[str(row[0])] = HeldClearance(row[1], int(row[2]), row[3], row[4])
        return found

    def amended_to(
        self, target_id: str, decision: str, workstation_id: str, after_seq: int, before_seq: int
    ) -> bool:
        # Records are canonical JSON, so the target's id appears exactly as written here.
        with self._read() as conn:
            row = self._one(
                conn,
                "SELECT 1 FROM records WHERE workstation_id = ? AND seq > ? AND seq < ? "
                "AND kind = 'amendment' AND decision = ? AND content LIKE ? LIMIT 1",
                (workstation_id, after_seq, before_seq, decision, f'%"target_id":"{target_id}"%'),
            )
        return row is not None
