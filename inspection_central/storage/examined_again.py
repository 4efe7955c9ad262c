"""A batch stored before, sent again: the records its receipt rejected are stored, or rejected
again, and a new receipt replaces the stored one (`inspection_central.sent_again`).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from inspection_central import sent_again
from inspection_central.storage import PreparedBatch, ReceiptSigner, WorkstationInfo
from inspection_central.storage.record_outcomes import (
    RecordOutcomes,
    batch_receipt,
    forked_alert,
    status_counts,
)


class ExaminedAgain(RecordOutcomes):
    """Storing what a repeated batch's receipt rejected."""

    def _examine_again(
        self,
        conn: Any,
        batch: PreparedBatch,
        workstation: WorkstationInfo,
        stored: bytes,
        sign: ReceiptSigner,
        received_at: datetime,
    ) -> bytes:
        """Store, or reject again, the records of a batch stored before that its receipt
        `stored` rejects, as those of a new batch would be (`inspection_central.sent_again`);
        the receipt signed in its place.

        The batch's other records are as the receipt says. Every seq of the batch was held
        already, so the high-water mark and the gaps stay; its chain was checked when it
        first arrived, and records stored now are flagged if it raised an alert then.
        """
        seqs = sent_again.rejected_seqs(stored) & batch.examined_again
        if not seqs:
            return stored  # the same batch, sent twice at once: the other stored them
        batch = replace(batch, source=sent_again.OnlySeqs(batch.source, seqs))
        workstation_id = workstation.workstation_id
        alerted = self._one(
            conn, "SELECT 1 FROM chain_alerts WHERE batch_id = ? LIMIT 1", (batch.batch_id,)
        )
        rows = self._record_rows(
            batch,
            batch.records,
            workstation,
            flagged=alerted is not None,
            chained=batch.chain_consistent,
            at=received_at,
        )
        inserted = self._insert_records(conn, batch, rows) if rows else set()
        outcomes, forked, rejected = self._settle(conn, batch, inserted, received_at)
        alerts = [forked_alert(forked)] if forked else []
        if alerts:
            self._many(
                conn,
                "UPDATE records SET flagged = ? WHERE workstation_id = ? AND seq = ? AND id = ?",
                [(True, workstation_id, r.seq, r.id) for r in batch.records if r.id in inserted],
            )
            self._raise_alerts(conn, batch, alerts, received_at)
        # Rejected again: kept with the reason found now (the adult may be held now, and
        # voided), where the same record was rejected before.
        self._keep_rejected(conn, batch, rejected, received_at, new_reason=True)
        self._forget_rejections(conn, batch, inserted)
        high_water, gaps = workstation.high_water_seq, workstation.gaps
        chain_head = workstation.chain_head
        if inserted:
            # The record stored now may be the one at the high-water mark.
            chain_head = self._held_head(conn, workstation_id, high_water)
        every = sent_again.merged(stored, outcomes)
        signed = batch_receipt(batch, every, high_water, gaps, chain_head, received_at, sign)
        self._run(
            conn,
            "UPDATE workstations SET chain_head = ?, last_seen = ?, records = records + ?, "
            "chain_alerts = chain_alerts + ? WHERE workstation_id = ?",
            (chain_head, self._ts(received_at), len(inserted), len(alerts), workstation_id),
        )
        # The batch's row keeps when and from where it first arrived; its receipt is new.
        self._run(
            conn,
            "UPDATE batches SET accepted = ?, duplicates = ?, conflicts = ?, rejected = ?, "
            "receipt = ? WHERE batch_id = ?",
            (*status_counts(every), signed.decode(), batch.batch_id),
        )
        return signed
