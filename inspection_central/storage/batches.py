"""Storing a batch in one transaction: its records set-wise, the workstation's high-water mark,
gaps and chain head, chain alerts, and the signed receipt kept for repeats.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from inspection_central.storage import (
    PreparedBatch,
    ReceiptSigner,
    StoredBatch,
    WorkstationInfo,
    WorkstationRevoked,
)
from inspection_central.storage.dialect import now_utc
from inspection_central.storage.examined_again import ExaminedAgain
from inspection_central.storage.record_outcomes import batch_receipt, forked_alert, status_counts
from inspection_client.domain.canonical import GENESIS_HASH


class StoreTheGeneralWay(Exception):
    """A batch streamed into storage turned out unusual (a held id or seq, a chain that does
    not hash to its head): its transaction is undone, and it is stored the general way."""


class BatchIngestion(ExaminedAgain):
    """Batches and their receipts."""

    def stored_receipt(self, batch_id: str, workstation_id: str | None = None) -> bytes | None:
        with self._read() as conn:
            row = self._one(
                conn,
                "SELECT receipt FROM batches WHERE batch_id = ? "
                "AND (CAST(? AS TEXT) IS NULL OR workstation_id = ?)",
                (batch_id, workstation_id, workstation_id),
            )
        return str(row[0]).encode() if row else None

    def stored_batch(self, batch_id: str) -> StoredBatch | None:
        with self._read() as conn:
            row = self._one(
                conn, "SELECT receipt, rejected FROM batches WHERE batch_id = ?", (batch_id,)
            )
        return StoredBatch(str(row[0]).encode(), int(row[1])) if row else None

    def ingest(self, batch: PreparedBatch, sign: ReceiptSigner) -> bytes:
        received_at = now_utc()
        try:
            return self._ingest(batch, sign, received_at, streamed=True)
        except StoreTheGeneralWay:
            # Undone whole; every record of the batch has been examined by now.
            return self._ingest(batch, sign, received_at, streamed=False)

    def _ingest(
        self, batch: PreparedBatch, sign: ReceiptSigner, received_at: datetime, *, streamed: bool
    ) -> bytes:
        workstation_id = batch.workstation.workstation_id
        with self._write() as conn:
            locked = self._lock_workstation(conn, workstation_id)
            if locked is None:
                raise LookupError(f"workstation {workstation_id} disappeared")
            # A statement of its own, after the lock: on PostgreSQL it then sees a batch that
            # another transaction stored while this one waited for the lock (a look-up in the
            # locking statement would still see the database as it was before the wait).
            stored = self._one(
                conn, "SELECT receipt, rejected FROM batches WHERE batch_id = ?", (batch.batch_id,)
            )
            if stored is not None and not (batch.examined_again and stored[1]):
                return str(stored[0]).encode()
            if stored is None and batch.examined_again:
                raise LookupError(f"batch {batch.batch_id} disappeared")
            workstation = self._workstation_from_row(locked)
            if workstation.revoked:
                # Revoked after the batch was checked, while it waited for the lock.
                raise WorkstationRevoked(workstation_id)
            if stored is not None:
                return self._examine_again(
                    conn, batch, workstation, str(stored[0]).encode(), sign, received_at
                )
            alerts = self._chain_alerts(conn, batch)
            inserted = self._insert_batch(
                conn, batch, workstation, alerts, received_at, streamed=streamed
            )
            outcomes, forked, rejected = self._settle(conn, batch, inserted, received_at)
            if forked:
                alerts.append(forked_alert(forked))
                if inserted:
                    # The batch's new records continue the forked chain: in doubt as well.
                    self._run(
                        conn,
                        "UPDATE records SET flagged = ? WHERE workstation_id = ? "
                        "AND seq BETWEEN ? AND ? AND batch_id = ?",
                        (True, workstation_id, batch.first_seq, batch.last_seq, batch.batch_id),
                    )
            self._keep_rejected(conn, batch, rejected, received_at)
            self._forget_rejections(conn, batch, inserted)
            self._raise_alerts(conn, batch, alerts, received_at)
            # Every seq of the batch is held now (accepted, duplicate, quarantined or
            # rejected), so a batch that starts at or below the high-water mark moves it to
            # its last seq at least: only what lies above that needs looking at. With no gaps
            # before it, nothing was held above the mark (that would be a gap), so nothing is.
            high_water = workstation.high_water_seq
            in_order = batch.first_seq <= high_water + 1
            if in_order:
                high_water = max(high_water, batch.last_seq)
            if in_order and not workstation.gaps:
                gaps: list[tuple[int, int]] = []
            else:
                high_water, gaps = self._progress(conn, workstation_id, high_water)
            last = batch.records[-1] if batch.records else None
            if (
                last is not None
                and last.seq == high_water
                and last.id in inserted
                and not alerts
                and batch.chain_consistent
            ):
                # The usual batch: its own last record, stored unflagged, is the head.
                chain_head: str | None = last.chain_hash.hex()
            else:
                chain_head = self._held_head(conn, workstation_id, high_water)
            signed = batch_receipt(batch, outcomes, high_water, gaps, chain_head, received_at, sign)
            self._run(
                conn,
                "UPDATE workstations SET high_water_seq = ?, chain_head = ?, gaps = ?, "
                "last_seen = ?, records = records + ?, chain_alerts = chain_alerts + ? "
                "WHERE workstation_id = ?",
                (
                    high_water,
                    chain_head,
                    json.dumps(gaps),
                    self._ts(received_at),
                    len(inserted),
                    len(alerts),
                    workstation_id,
                ),
            )
            self._run(
                conn,
                "INSERT INTO batches(batch_id, workstation_id, first_seq, last_seq, prev_head, "
                "head, remote_address, user_agent, received_at, accepted, duplicates, conflicts, "
                "rejected, receipt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    batch.batch_id,
                    workstation_id,
                    batch.first_seq,
                    batch.last_seq,
                    batch.prev_head,
                    batch.head,
                    batch.remote_address[:200],
                    batch.user_agent[:400],
                    self._ts(received_at),
                    *status_counts(outcomes),
                    signed.decode(),
                ),
            )
        return signed

    def _insert_batch(
        self,
        conn: Any,
        batch: PreparedBatch,
        workstation: WorkstationInfo,
        alerts: list[str],
        at: datetime,
        *,
        streamed: bool = False,
    ) -> set[str]:
        """Examine the whole batch, then insert its valid records; the ids inserted.

        A batch whose records do not hash to its head adds its alert to `alerts`, and all its
        records are stored flagged. With `streamed`, an engine may instead send records to
        the database while later ones are still being examined, and raise StoreTheGeneralWay
        if the batch turns out unusual: the transaction is then undone and the batch stored
        again without `streamed`.
        """
        chained = batch.chain_consistent
        if not chained:
            alerts.insert(
                0,
                f"records {batch.first_seq}-{batch.last_seq} do not hash to the batch's chain "
                "head: edited history",
            )
        rows = self._record_rows(
            batch, batch.records, workstation, flagged=bool(alerts), chained=chained, at=at
        )
        return self._insert_records(conn, batch, rows) if rows else set()

    def _chain_alerts(self, conn: Any, batch: PreparedBatch) -> list[str]:
        """Why this batch's audit chain does not continue what is held, if it does not (its
        own records' hashes are checked by `_insert_batch`)."""
        alerts = []
        workstation_id = batch.workstation.workstation_id
        # What is held either side of the batch, in one round trip.
        around = self._one(
            conn,
            "SELECT (SELECT chain_hash FROM records WHERE workstation_id = ? AND seq = ?), "
            "(SELECT prev_head FROM batches WHERE workstation_id = ? AND first_seq = ? LIMIT 1)",
            (workstation_id, batch.first_seq - 1, workstation_id, batch.last_seq + 1),
        )
        held_before, held_after = around if around else (None, None)
        if batch.first_seq == 1:
            before: bytes | None = GENESIS_HASH
        else:
            before = bytes(held_before) if held_before is not None else None
        if before is not None and before != batch.prev_head:
            alerts.append(
                f"the chain before seq {batch.first_seq} differs from the one held: "
                "forked or edited history (a workstation restored from an old backup?)"
            )
        if held_after is not None and bytes(held_after) != batch.head:
            alerts.append(
                f"the chain after seq {batch.last_seq} does not lead to the one held: "
                "forked or edited history"
            )
        return alerts

    def _progress(
        self, conn: Any, workstation_id: str, high_water: int
    ) -> tuple[int, list[tuple[int, int]]]:
        """The new high-water mark and the missing ranges above it.

        A seq counts as received when a record, a rejected record or a quarantined one is
        held for it: sending it again would not change anything.
        """
        rows = self._all(
            conn,
            "SELECT seq FROM records WHERE workstation_id = ? AND seq > ? "
            "UNION SELECT seq FROM rejected_records WHERE workstation_id = ? AND seq > ? "
            "UNION SELECT seq FROM quarantine WHERE workstation_id = ? AND seq > ? "
            "ORDER BY seq",
            (workstation_id, high_water) * 3,
        )
        gaps: list[tuple[int, int]] = []
        previous = high_water
        for (seq,) in rows:
            if seq == previous + 1 and not gaps:
                high_water = seq
            elif seq > previous + 1:
                gaps.append((previous + 1, seq - 1))
            previous = max(previous, seq)
        return high_water, gaps
