"""What becomes of each record of a batch being stored (accepted, duplicate, quarantined or
rejected), what is kept of it, and the receipt that says so: shared by both ingest paths.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any, NamedTuple

from inspection_central import adult_links
from inspection_central.revoked_time import LiftedRevocation, made_while_revoked
from inspection_central.storage import (
    IncomingRecord,
    PreparedBatch,
    ReceiptSigner,
    RejectedRecord,
    WorkstationInfo,
)
from inspection_central.storage.dialect import RecordRow, SqlDialect
from inspection_client.sync.wire import RecordStatus, signed_receipt_json, wire_time

_ACCEPTED = RecordStatus.ACCEPTED.value
_DUPLICATE = RecordStatus.DUPLICATE.value


class Settled(NamedTuple):
    """What became of a batch's records, as `RecordOutcomes._settle` found it."""

    outcomes: list[dict[str, Any]]  # each record's, in seq order, as the receipt holds them
    forked: list[int]  # the seqs quarantined because another record is held at them
    rejected: list[RejectedRecord]  # invalid, or refused for their accompanying adult


class RecordOutcomes(SqlDialect):
    """The steps both ingest paths take for a batch's records."""

    def _record_rows(
        self,
        batch: PreparedBatch,
        records: Sequence[IncomingRecord],
        workstation: WorkstationInfo,
        *,
        flagged: bool,
        chained: bool,
        at: datetime,
    ) -> list[RecordRow]:
        """Rows of `records`: their chain hashes only when `chained` (the batch hashes to its
        head), and `flagged` when the batch's place in the chain is in doubt."""
        return [
            (
                record.id,
                workstation.workstation_id,
                record.seq,
                workstation.port_code,
                workstation.lane_id,
                record.kind,
                record.decision,
                record.content,
                record.content_hash,
                record.chain_hash if chained else None,
                flagged,
                batch.batch_id,
                self._ts(at),
            )
            for record in records
        ]

    def _held_head(self, conn: Any, workstation_id: str, seq: int) -> str | None:
        """The chain hash of the record held at `seq`, as a workstation's head: None when it
        is not held, has none, or is flagged (in doubt)."""
        row = self._one(
            conn,
            "SELECT chain_hash, flagged FROM records WHERE workstation_id = ? AND seq = ?",
            (workstation_id, seq),
        )
        return row[0].hex() if row and row[0] and not row[1] else None

    def _keep_rejected(
        self,
        conn: Any,
        batch: PreparedBatch,
        rejected: list[RejectedRecord],
        received_at: datetime,
        *,
        new_reason: bool = False,
    ) -> None:
        """Keep the batch's rejected records with their reasons; one rejected before keeps
        its first reason, unless `new_reason` (examined again: the reason found now)."""
        on_conflict = (
            "DO UPDATE SET reason = excluded.reason "
            "WHERE rejected_records.record_id = excluded.record_id"
            if new_reason
            else "DO NOTHING"
        )
        self._many(
            conn,
            "INSERT INTO rejected_records(workstation_id, seq, record_id, content, reason, "
            "batch_id, received_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
            f"ON CONFLICT (workstation_id, seq) {on_conflict}",
            [
                (
                    batch.workstation.workstation_id,
                    r.seq,
                    r.id,
                    r.content,
                    r.reason,
                    batch.batch_id,
                    self._ts(received_at),
                )
                for r in rejected
            ],
        )

    def _refuse_broken_links(
        self, conn: Any, batch: PreparedBatch, inserted: set[str]
    ) -> list[RejectedRecord]:
        """Reject the records just stored whose accompanying adult is not a valid one as the
        records held say (`inspection_central.adult_links`): they leave `records` and
        `inserted`, and are returned to be kept as rejected records.

        Runs once the batch's records are stored, so that an adult earlier in the same batch
        is found like one held before."""
        links = [link for link in batch.adult_links if link.id in inserted]
        if not links:
            return []
        workstation_id = batch.workstation.workstation_id
        contents = {record.seq: record.content for record in batch.records}
        refused: list[RejectedRecord] = []
        for link in links:
            row = self._one(
                conn,
                "SELECT workstation_id, seq, content FROM records WHERE id = ?",
                (link.adult_id,),
            )
            held = adult_links.HeldAdult(row[0], int(row[1]), str(row[2])) if row else None
            aimed: list[str] = []
            if held is not None and held.workstation_id == workstation_id:
                aimed = [
                    str(content)
                    for (content,) in self._all(
                        conn,
                        "SELECT content FROM records WHERE workstation_id = ? AND seq > ? "
                        "AND seq < ? AND kind IN ('amendment', 'void') AND content LIKE ? "
                        "ORDER BY seq",
                        (
                            workstation_id,
                            held.seq,
                            link.seq,
                            adult_links.target_pattern(link.adult_id),
                        ),
                    )
                ]
            reason = adult_links.refusal(link, workstation_id, held, aimed)
            if reason is not None:
                refused.append(RejectedRecord(link.seq, link.id, contents[link.seq], reason))
        if refused:
            self._many(
                conn,
                "DELETE FROM records WHERE workstation_id = ? AND seq = ? AND id = ?",
                [(workstation_id, record.seq, record.id) for record in refused],
            )
            inserted.difference_update(record.id for record in refused)
        return refused

    def _lifted_revocations(self, conn: Any, workstation_id: str) -> list[LiftedRevocation]:
        lifted = []
        for held_seq, reinstated_at in self._all(
            conn,
            "SELECT COALESCE(held_seq_at_revocation, 0), reinstated_at "
            "FROM workstation_reinstatements WHERE workstation_id = ?",
            (workstation_id,),
        ):
            reinstated = self._dt(reinstated_at)
            assert reinstated is not None  # NOT NULL
            lifted.append(LiftedRevocation(int(held_seq), reinstated))
        return lifted

    def _mark_made_while_revoked(self, conn: Any, batch: PreparedBatch, inserted: set[str]) -> None:
        """Mark the records just stored that the workstation may have made while it was
        revoked (`inspection_central.revoked_time`). Records held already keep their mark."""
        workstation_id = batch.workstation.workstation_id
        lifted = self._lifted_revocations(conn, workstation_id) if inserted else []
        if not lifted:
            return
        self._many(
            conn,
            "UPDATE records SET made_while_revoked = ? WHERE workstation_id = ? AND seq = ? "
            "AND id = ?",
            [
                (True, workstation_id, record.seq, record.id)
                for record in batch.records
                if record.id in inserted
                and made_while_revoked(record.seq, record.recorded_at, lifted)
            ],
        )

    def _forget_rejections(self, conn: Any, batch: PreparedBatch, inserted: set[str]) -> None:
        """A record rejected once and held now (sent again by a supervisor after the central
        was upgraded, say) is no longer a rejected one."""
        workstation_id = batch.workstation.workstation_id
        if not inserted or not self._one(
            conn,
            "SELECT 1 FROM rejected_records WHERE workstation_id = ? AND seq BETWEEN ? AND ? "
            "LIMIT 1",
            (workstation_id, batch.first_seq, batch.last_seq),
        ):
            return
        self._many(
            conn,
            "DELETE FROM rejected_records WHERE workstation_id = ? AND seq = ? AND record_id = ?",
            [(workstation_id, r.seq, r.id) for r in batch.records if r.id in inserted],
        )

    def _settle(
        self, conn: Any, batch: PreparedBatch, inserted: set[str], received_at: datetime
    ) -> Settled:
        """What became of the batch's records once its valid ones are inserted: those whose
        accompanying adult is not a valid one are taken out again (and out of `inserted`),
        the conflicting ones quarantined, and those stored marked if the workstation may have
        made them while it was revoked."""
        refused = self._refuse_broken_links(conn, batch, inserted)
        rejected = [*batch.rejected, *refused]
        outcomes, forked = self._outcomes(conn, batch, inserted, rejected, received_at)
        self._mark_made_while_revoked(conn, batch, inserted)
        return Settled(outcomes, forked, rejected)

    def _outcomes(
        self,
        conn: Any,
        batch: PreparedBatch,
        inserted: set[str],
        rejected: list[RejectedRecord],
        received_at: datetime,
    ) -> tuple[list[dict[str, Any]], list[int]]:
        """accepted / duplicate / conflict / rejected for each record, in sequence order, as
        the receipt's JSON holds them (`RecordOutcome`), and the seqs quarantined because
        another record is held at them: the workstation's history forked there. `rejected`
        are the batch's invalid records and those refused for their accompanying adult."""
        workstation_id = batch.workstation.workstation_id
        refused = {record.seq for record in rejected}
        skipped = [
            record
            for record in batch.records
            if record.id not in inserted and record.seq not in refused
        ]
        held = self._existing_by_id(conn, [record.id for record in skipped]) if skipped else {}
        # Plain dicts, written straight into the receipt: a thousand models a batch, made and
        # serialised, were a tenth of the central's work.
        outcomes: dict[int, dict[str, Any]] = {}
        quarantine = []
        forked: list[int] = []
        inserted = set(inserted)
        for record in batch.records:
            if record.seq in refused:
                continue
            if record.id in inserted:
                outcomes[record.seq] = {
                    "id": record.id,
                    "reason": None,
                    "seq": record.seq,
                    "status": _ACCEPTED,
                }
                # A second record with the same id later in this batch is not the same one.
                inserted.discard(record.id)
                held[record.id] = (workstation_id, record.seq, record.content_hash)
                continue
            known = held.get(record.id)
            if known is not None and known == (workstation_id, record.seq, record.content_hash):
                outcomes[record.seq] = {
                    "id": record.id,
                    "reason": None,
                    "seq": record.seq,
                    "status": _DUPLICATE,
                }
                continue
            if known is not None:
                reason = (
                    f"record {record.id} is already held with different content "
                    f"(workstation {known[0]}, seq {known[1]}); quarantined"
                )
            else:
                reason = (
                    f"seq {record.seq} is already held with another record; quarantined "
                    "(forked history?)"
                )
                forked.append(record.seq)
            outcomes[record.seq] = {
                "seq": record.seq,
                "id": record.id,
                "status": RecordStatus.CONFLICT.value,
                "reason": reason,
            }
            quarantine.append(self._quarantine_row(batch, record, reason, received_at))
        for kept_aside in rejected:
            outcomes[kept_aside.seq] = {
                "seq": kept_aside.seq,
                "id": kept_aside.id,
                "status": RecordStatus.REJECTED.value,
                "reason": kept_aside.reason,
            }
        self._many(
            conn,
            "INSERT INTO quarantine(workstation_id, seq, record_id, content, content_hash, "
            "reason, batch_id, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (workstation_id, seq, content_hash) DO NOTHING",
            quarantine,
        )
        return [outcomes[seq] for seq in sorted(outcomes)], forked

    def _raise_alerts(
        self, conn: Any, batch: PreparedBatch, alerts: list[str], detected_at: datetime
    ) -> None:
        """Keep the chain alerts the batch raised, each over its whole seq range."""
        self._many(
            conn,
            "INSERT INTO chain_alerts(workstation_id, batch_id, first_seq, last_seq, reason, "
            "detected_at) VALUES (?, ?, ?, ?, ?, ?)",
            [
                (
                    batch.workstation.workstation_id,
                    batch.batch_id,
                    batch.first_seq,
                    batch.last_seq,
                    reason,
                    self._ts(detected_at),
                )
                for reason in alerts
            ],
        )

    def _quarantine_row(
        self, batch: PreparedBatch, record: IncomingRecord, reason: str, received_at: datetime
    ) -> tuple[Any, ...]:
        return (
            batch.workstation.workstation_id,
            record.seq,
            record.id,
            record.content,
            record.content_hash,
            reason,
            batch.batch_id,
            self._ts(received_at),
        )


def status_counts(outcomes: Iterable[dict[str, Any]]) -> tuple[int, int, int, int]:
    """How many of a receipt's outcomes are accepted, duplicate, conflict and rejected: the
    `batches` row's accepted, duplicates, conflicts and rejected, in that order."""
    counts = {status.value: 0 for status in RecordStatus}
    for outcome in outcomes:
        counts[outcome["status"]] += 1
    return (
        counts[RecordStatus.ACCEPTED.value],
        counts[RecordStatus.DUPLICATE.value],
        counts[RecordStatus.CONFLICT.value],
        counts[RecordStatus.REJECTED.value],
    )


def forked_alert(seqs: list[int]) -> str:
    """The chain alert of a batch whose seqs are held with other records."""
    return (
        f"seq {seqs[0]}-{seqs[-1]} already held with other records: the workstation's history "
        "forked (a workstation restored from an old backup?)"
    )


def batch_receipt(
    batch: PreparedBatch,
    outcomes: Any,
    high_water: int,
    gaps: Any,
    chain_head: str | None,
    received_at: datetime,
    sign: ReceiptSigner,
) -> bytes:
    """The batch's signed receipt, as canonical JSON: what became of each of its records and
    where the workstation's history stands."""
    return signed_receipt_json(
        {
            "batch_id": batch.batch_id,
            "chain_head": chain_head,
            "first_seq": batch.first_seq,
            "gaps": [list(gap) for gap in gaps],
            "high_water_seq": high_water,
            "last_seq": batch.last_seq,
            "outcomes": outcomes,
            "protocol": batch.protocol,
            "received_at": wire_time(received_at),
            "workstation_id": batch.workstation.workstation_id,
        },
        sign,
    )
