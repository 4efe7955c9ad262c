"""An older receipt applied after a newer decision about the same record changes nothing:
a stick's receipts come in any order, and the same file may be imported twice."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from inspection_client.domain.models import Record
from inspection_client.store import records
from inspection_client.store.database import Store
from inspection_client.store.sync_state import sync_problems
from inspection_client.sync import outbox
from inspection_client.sync.wire import Receipt, RecordOutcome, RecordStatus
from tests import factories

T1 = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)


def _receipt(record: Record, status: RecordStatus, reason: str | None, at: datetime) -> Receipt:
    return Receipt(
        protocol=1,
        batch_id="ab" * 32,
        workstation_id=record.workstation_id,
        first_seq=record.seq,
        last_seq=record.seq,
        outcomes=(RecordOutcome(seq=record.seq, id=str(record.id), status=status, reason=reason),),
        high_water_seq=0,
        chain_head=None,
        received_at=at,
    )


def _state(store: Store, seq: int) -> tuple[str, str | None] | None:
    row = store.conn.execute("SELECT state, detail FROM outbox WHERE seq = ?", (seq,)).fetchone()
    return None if row is None else (row[0], row[1])


def test_an_old_rejection_imported_again_does_not_undo_a_send_again(store: Store) -> None:
    record = records.save(store, factories.passenger(), officer="OFF01")
    sent = {record.seq: str(record.id)}
    old = _receipt(record, RecordStatus.REJECTED, "schema not known here", T1)
    assert outbox.apply_receipt(store, old, sent).problems == 1
    assert outbox.send_again(store, [record.seq], "SUP01") == 1

    again = outbox.apply_receipt(store, old, sent)  # the same file, from the stick, again

    assert again.problems == 0
    state = _state(store, record.seq)
    assert state is not None and state[0] == "pending"
    assert [problem.seq for problem in sync_problems(store)] == []


def test_a_newer_rejection_applies_and_an_older_one_keeps_its_reason_out(store: Store) -> None:
    record = records.save(store, factories.passenger(), officer="OFF01")
    sent = {record.seq: str(record.id)}
    outbox.apply_receipt(store, _receipt(record, RecordStatus.REJECTED, "first", T1), sent)
    outbox.send_again(store, [record.seq], "SUP01")
    later = _receipt(record, RecordStatus.REJECTED, "examined again", T1 + timedelta(hours=2))
    assert outbox.apply_receipt(store, later, sent).problems == 1

    outbox.apply_receipt(store, _receipt(record, RecordStatus.REJECTED, "first", T1), sent)

    state = _state(store, record.seq)
    assert state == ("rejected", "examined again")


def test_an_acceptance_applies_whatever_its_age(store: Store) -> None:
    # Accepted is final at the central: a record it holds stays held, so even an old receipt
    # that says so takes the record out of the outbox.
    record = records.save(store, factories.passenger(), officer="OFF01")
    sent = {record.seq: str(record.id)}
    late = T1 + timedelta(hours=2)
    outbox.apply_receipt(store, _receipt(record, RecordStatus.REJECTED, "no", late), sent)
    outbox.send_again(store, [record.seq], "SUP01")

    done = outbox.apply_receipt(store, _receipt(record, RecordStatus.ACCEPTED, None, T1), sent)

    assert done.acknowledged == 1
    assert _state(store, record.seq) is None
