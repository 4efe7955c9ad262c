"""Sync rounds against the in-process fake central: outbox semantics and every fault the
client must survive without losing or doubling a record."""

from __future__ import annotations

import shutil
import threading
import uuid
from pathlib import Path

import httpx
import orjson
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from inspection_client import cli
from inspection_client.domain.codes import Role
from inspection_client.domain.models import Officer
from inspection_client.store import (
    audit,
    officers,
    records,
    restore_hold,
    sync_state,
    witness,
)
from inspection_client.store.backup import back_up, restore
from inspection_client.store.database import Store
from inspection_client.store.restore_hold import HeldAfterRestore
from inspection_client.sync import batches, outbox, usb
from inspection_client.sync.backoff import Backoff
from inspection_client.sync.enrolment import require_enrolment
from inspection_client.sync.service import SyncService, keep_syncing
from inspection_client.sync.wire import (
    MAX_BATCH_BYTES,
    SignedBatch,
    SignedReceipt,
    batch_signature_valid,
    verify,
)
from tests import factories
from tests.sync.conftest import FAKE_URL, save_clearances
from tests.sync.fake_central import FakeCentral


def service(data_dir: Path, central: FakeCentral) -> SyncService:
    return SyncService(data_dir, FAKE_URL, transport=central.transport())


def local_ids(store: Store) -> list[str]:
    return sorted(r[0] for r in store.conn.execute("SELECT id FROM records"))


def test_batch_is_deterministic_signed_and_matches_the_wire_model(enrolled: Store) -> None:
    save_clearances(enrolled, 30)
    ws, _central, key = require_enrolment(enrolled)
    first = batches.build(enrolled, key, ws, 1, 30)
    again = batches.build(enrolled, key, ws, 1, 30)
    assert first.body == again.body and first.batch_id == again.batch_id
    parsed = SignedBatch.model_validate_json(first.body)
    assert parsed.batch.batch_id == first.batch_id
    assert parsed.canonical() == first.body
    # Protocol 2 signs the batch id, protocol 1 the envelope itself; either is checked so.
    assert parsed.batch.protocol == 2
    assert not verify(parsed.batch, parsed.signature, key.public_key())
    canonical = parsed.batch.canonical()
    assert batch_signature_valid(2, canonical, first.batch_id, parsed.signature, key.public_key())
    older = SignedBatch.model_validate_json(batches.build(enrolled, key, ws, 1, 30, 1).body)
    assert older.batch.protocol == 1 and older.batch.batch_id != first.batch_id
    assert verify(older.batch, older.signature, key.public_key())
    assert (parsed.batch.first_seq, parsed.batch.last_seq, parsed.batch.count) == (1, 30, 30)
    head = enrolled.conn.execute("SELECT hash FROM audit_chain WHERE seq = 30").fetchone()[0]
    assert parsed.batch.head == bytes(head).hex()
    assert parsed.batch.prev_head == "0" * 64


def test_ranges_stop_at_non_pending_rows_and_batches_respect_the_byte_limit(
    enrolled: Store,
) -> None:
    save_clearances(enrolled, 2500)
    with enrolled.write() as conn:
        conn.execute("UPDATE outbox SET state = 'rejected' WHERE seq = 1200")
    assert list(batches.pending_ranges(enrolled)) == [
        (1, 1000),
        (1001, 1199),
        (1201, 2200),
        (2201, 2500),
    ]
    ws, _central, key = require_enrolment(enrolled)
    batch = batches.build(enrolled, key, ws, 1, 1000)
    assert len(batch.body) <= MAX_BATCH_BYTES
    assert SignedBatch.model_validate_json(batch.body).batch.count == batch.count


def test_a_batch_over_the_byte_limit_ends_with_the_last_record_that_fits(
    enrolled: Store,
) -> None:
    remarks = 'a "quoted" \\ remark, 新疆 ' * 60  # ~1,800 characters, escapes included
    drafts = [
        records.Draft(factories.passenger(remarks=remarks + str(n)), "OFF01") for n in range(900)
    ]
    records.save_many(enrolled, drafts)
    ws, _central, key = require_enrolment(enrolled)
    batch = batches.build(enrolled, key, ws, 1, 900)
    contents = [
        bytes(row[0])
        for row in enrolled.conn.execute("SELECT content FROM records ORDER BY seq").fetchall()
    ]
    sizes = [batches.item_size(content, seq) for seq, content in enumerate(contents, 1)]
    fitting = 0
    while 2_000 + sum(sizes[: fitting + 1]) <= MAX_BATCH_BYTES:
        fitting += 1
    assert 0 < fitting < 900
    assert batch.count == fitting and batch.last_seq == fitting
    assert len(batch.body) <= MAX_BATCH_BYTES
    parsed = SignedBatch.model_validate_json(batch.body)
    assert parsed.batch.count == fitting
    canonical = parsed.batch.canonical()
    assert batch_signature_valid(2, canonical, batch.batch_id, parsed.signature, key.public_key())
    head = enrolled.conn.execute("SELECT hash FROM audit_chain WHERE seq = ?", (fitting,))
    assert parsed.batch.head == bytes(head.fetchone()[0]).hex()
    assert sorted(batch.record_ids) == list(range(1, fitting + 1))


@pytest.mark.parametrize(
    "remarks",
    ["", 'he said "wait"', "a \\ back\\slash", "line one\nline two\t\u0001", "新A12345 Жанна é"],
)
def test_item_size_is_the_length_the_record_takes_in_the_batch(remarks: str) -> None:
    content = orjson.dumps(
        {"body": {"remarks": remarks}, "seq": 12345}, option=orjson.OPT_SORT_KEYS
    )
    item = {"content": content.decode(), "id": str(uuid.uuid4()), "seq": 12345}
    assert batches.item_size(content, 12345) == len(orjson.dumps(item)) + 1


def test_a_round_delivers_everything_once(
    enrolled: Store, data_dir: Path, central: FakeCentral
) -> None:
    save_clearances(enrolled, 2100)
    seen: list[int] = []
    sync = service(data_dir, central)
    result = sync.run_round(progress=lambda p: seen.append(p.sent))
    sync.close()
    assert result.ok and result.error is None and result.acknowledged == 2100
    assert seen == [1000, 2000, 2100]
    assert outbox.pending_count(enrolled) == 0
    assert central.ids_of("KHG-L07") == local_ids(enrolled)
    status = sync_state.sync_status(enrolled)
    assert status.enrolled and status.pending == 0 and status.last_sync_at is not None
    assert status.clock_skew_s is not None and abs(status.clock_skew_s) < 5


def test_lost_answer_leaves_outbox_then_retransmission_is_recognised(
    enrolled: Store, data_dir: Path, central: FakeCentral
) -> None:
    save_clearances(enrolled, 10)
    central.lose_next_answer = 1
    sync = service(data_dir, central)
    first = sync.run_round()
    assert not first.ok and "cannot be reached" in (first.error or "")
    assert outbox.pending_count(enrolled) == 10  # the central has them; the client may not know
    assert len(central.receipts) == 1
    second = sync.run_round()
    sync.close()
    assert second.ok and outbox.pending_count(enrolled) == 0
    assert len(central.receipts) == 1  # the same batch id: the stored receipt came back
    # ... asked for by id: the batch was not uploaded a second time.
    assert (central.batches_seen, central.receipts_fetched) == (1, 1)
    assert second.recovered == 10
    assert central.ids_of("KHG-L07") == local_ids(enrolled)


@pytest.mark.parametrize("fault", ["html", "5xx"])
def test_anything_but_a_signed_receipt_is_not_delivered(
    enrolled: Store, data_dir: Path, central: FakeCentral, fault: str
) -> None:
    save_clearances(enrolled, 5)
    if fault == "html":
        central.answer_html = 1
    else:
        central.fail_next = 1
    sync = service(data_dir, central)
    result = sync.run_round()
    assert not result.ok and outbox.pending_count(enrolled) == 5
    assert sync_state.sync_status(enrolled).last_error == result.error
    assert sync.run_round().ok
    sync.close()
    assert outbox.pending_count(enrolled) == 0


def _receipt_body(central: FakeCentral, enrolled: Store) -> tuple[bytes, batches.Batch]:
    ws, _c, key = require_enrolment(enrolled)
    batch = batches.build(enrolled, key, ws, 1, 3)
    central.workstations[ws]["revoked"] = False
    return central._ingest(SignedBatch.model_validate_json(batch.body)), batch


def test_receipt_for_another_batch_or_with_a_bad_signature_is_refused(
    enrolled: Store, central: FakeCentral
) -> None:
    save_clearances(enrolled, 3)
    body, batch = _receipt_body(central, enrolled)
    key = central.key.public_key()
    assert outbox.read_receipt(body, key, batch.batch_id).batch_id == batch.batch_id
    with pytest.raises(outbox.NotDelivered, match="another batch"):
        outbox.read_receipt(body, key, "0" * 64)
    forged = orjson.loads(body)
    forged["receipt"]["high_water_seq"] = 99
    with pytest.raises(outbox.NotDelivered, match="not signed"):
        outbox.read_receipt(orjson.dumps(forged), key, batch.batch_id)
    with pytest.raises(outbox.NotDelivered):
        outbox.read_receipt(body[: len(body) // 2], key, batch.batch_id)
    assert outbox.pending_count(enrolled) == 3


def test_outcome_for_a_record_not_sent_is_ignored(enrolled: Store, central: FakeCentral) -> None:
    save_clearances(enrolled, 3)
    body, batch = _receipt_body(central, enrolled)
    receipt = SignedReceipt.model_validate_json(body).receipt
    wrong = {seq: str(uuid.uuid4()) for seq in batch.record_ids}
    assert outbox.apply_receipt(enrolled, receipt, wrong).acknowledged == 0
    assert outbox.pending_count(enrolled) == 3


def test_conflict_is_kept_and_shown_to_the_supervisor(
    enrolled: Store, data_dir: Path, central: FakeCentral
) -> None:
    saved = save_clearances(enrolled, 4)
    clash = str(saved[2].id)
    central.records[clash] = ("KHG-L07", 3, '{"different":"content"}')
    sync = service(data_dir, central)
    result = sync.run_round()
    sync.close()
    assert (
        not result.ok
        and result.error == "1 record(s) not accepted by the central — see Sync problems"
    )
    assert result.pending == 0 and result.problems == 1
    problems = outbox.sync_problems(enrolled)
    assert [(p.seq, p.record_id, p.state) for p in problems] == [(3, clash, "conflict")]
    assert problems[0].detail == "same id, different content"


def test_a_workstation_restored_from_an_old_backup_is_told_to_call_it(
    enrolled: Store, data_dir: Path, central: FakeCentral
) -> None:
    save_clearances(enrolled, 3)
    sync = service(data_dir, central)
    assert sync.run_round().ok
    # Before its disk failed the lane had sent #4 and #5 too; its backup ends at #3.
    workstation = enrolled.require_workstation().workstation_id
    for seq in (4, 5):
        central.records[str(uuid.uuid4())] = (workstation, seq, '{"sent":"before"}')
    save_clearances(enrolled, 1)  # #4 again, for another traveller
    result = sync.run_round()
    sync.close()
    assert not result.ok
    assert result.error == (
        "Restored from an old backup? Call IT: the central holds records up to #5, this database "
        "only up to #4, and new records collide"
    )
    # Once this database has gone past what the central holds, the warning stops (this fake
    # took the colliding #4; the real central quarantines it, see tests/central).
    save_clearances(enrolled, 2)
    sync = service(data_dir, central)
    result = sync.run_round()
    sync.close()
    assert result.ok and result.error is None


def restored_from_backup(
    enrolled: Store, data_dir: Path, central: FakeCentral
) -> tuple[Store, tuple[int, str]]:
    """#1-#3 synced and backed up, #4-#5 synced; then the disk dies and the backup goes back.
    The database as restored, and the chain head the lost one had."""
    head = synced_past_a_backup(enrolled, data_dir, central, data_dir.parent / "backup.db")
    restore(data_dir.parent / "backup.db", data_dir, replace=True)
    return Store.open(data_dir / "lane.db"), head


def synced_past_a_backup(
    enrolled: Store, data_dir: Path, central: FakeCentral, backup: Path
) -> tuple[int, str]:
    """#1-#3 synced and backed up to `backup`, #4-#5 synced, the store closed; its chain head."""
    save_clearances(enrolled, 3)
    sync = service(data_dir, central)
    assert sync.run_round().ok
    back_up(enrolled, backup)
    save_clearances(enrolled, 2)
    assert sync.run_round().ok
    sync.close()
    head = audit.chain_head(enrolled)
    enrolled.close()
    return head


def test_a_workstation_restored_from_an_old_backup_takes_back_what_the_central_holds(
    enrolled: Store, data_dir: Path, central: FakeCentral
) -> None:
    restored, head = restored_from_backup(enrolled, data_dir, central)
    assert audit.chain_head(restored)[0] == 3
    sync = service(data_dir, central)
    result = sync.run_round()
    sync.close()
    assert (result.ok, result.taken_back, result.error) == (True, 2, None)
    assert audit.chain_head(restored) == head
    assert sorted(local_ids(restored)) == central.ids_of(
        restored.require_workstation().workstation_id
    )
    restored.close()


def test_a_restored_workstation_saves_nothing_until_the_central_was_asked(
    enrolled: Store, data_dir: Path, central: FakeCentral, capsys: pytest.CaptureFixture[str]
) -> None:
    restored, head = restored_from_backup(enrolled, data_dir, central)
    with pytest.raises(HeldAfterRestore, match=r"restored from a backup on .* Nothing was saved"):
        save_clearances(restored, 1)
    assert audit.chain_head(restored)[0] == 3  # #4 stays the central's
    assert cli.main(["db", "info"]) == 0
    assert "New records:     held until a sync with the central" in capsys.readouterr().out

    sync = service(data_dir, central)
    result = sync.run_round()
    sync.close()
    assert (result.ok, result.taken_back, result.hold_lifted) == (True, 2, True)
    assert audit.chain_head(restored) == head
    (saved,) = save_clearances(restored, 1)  # this connection saw the hold: it looks again
    assert saved.seq == 6
    assert restore_hold.last_lifted(restored) == restore_hold.Lifted(
        restore_hold.last_lifted(restored).at,  # type: ignore[union-attr]
        "sync",
        "the central holds no record past #5",
        5,
    )
    restored.close()


def test_a_database_put_back_by_hand_takes_back_what_the_central_holds_before_saving(
    enrolled: Store, data_dir: Path, central: FakeCentral, capsys: pytest.CaptureFixture[str]
) -> None:
    """No `db restore`: IT copied an old lane.db back. The witness beside it (`lane.head`)
    tells the open, which holds new records as after a restore, until the sync round."""
    head = synced_past_a_backup(enrolled, data_dir, central, data_dir.parent / "old.db")
    shutil.copyfile(data_dir.parent / "old.db", data_dir / "lane.db")
    for end in ("-wal", "-shm"):
        (data_dir / f"lane.db{end}").unlink(missing_ok=True)

    rolled_back = Store.open(data_dir / "lane.db")
    hold = restore_hold.current(rolled_back)
    assert hold is not None and (hold.cause, hold.head_seq, hold.noted_seq) == (
        restore_hold.ROLLED_BACK,
        3,
        5,
    )
    assert hold.enrolled
    with pytest.raises(HeldAfterRestore, match=r"put back to an older copy .* Sync first"):
        save_clearances(rolled_back, 1)
    assert cli.main(["db", "info"]) == 0
    out = capsys.readouterr().out
    assert "Rolled back:     this database ends at record #3, but record #5 was saved" in out
    assert "New records:     held until a sync with the central brings back the records " in out

    sync = service(data_dir, central)
    result = sync.run_round()
    sync.close()
    assert (result.ok, result.taken_back, result.hold_lifted) == (True, 2, True)
    assert audit.chain_head(rolled_back) == head
    noted = witness.read(data_dir / "lane.head")  # the witness followed the take-back
    assert noted is not None and (noted.seq, noted.hash.hex()) == head
    (saved,) = save_clearances(rolled_back, 1)
    assert saved.seq == 6
    rolled_back.close()
    with Store.open(data_dir / "lane.db") as again:
        assert restore_hold.current(again) is None and again.warnings == []


def test_records_past_a_gap_at_the_central_keep_the_hold(
    enrolled: Store, data_dir: Path, central: FakeCentral
) -> None:
    restored, _ = restored_from_backup(enrolled, data_dir, central)
    workstation = restored.require_workstation().workstation_id
    (lost,) = [k for k, v in central.records.items() if v[:2] == (workstation, 4)]
    del central.records[lost]  # #5 is held, #4 is not: numbering #4 here would collide
    sync = service(data_dir, central)
    result = sync.run_round()
    sync.close()
    assert (result.taken_back, result.hold_lifted) == (0, False)
    assert sync.notes == [
        "The central holds records of this workstation past missing ones (from #4); the "
        "restored database keeps holding new records. Call IT."
    ]
    assert restore_hold.current(restored) is not None
    restored.close()


def test_a_supervisor_lifts_the_hold_when_the_central_cannot_be_reached(
    enrolled: Store, data_dir: Path, central: FakeCentral, capsys: pytest.CaptureFixture[str]
) -> None:
    officers.add_officer(enrolled, Officer(code="SUP1", name="S", role=Role.SUPERVISOR), None)
    officers.add_officer(enrolled, Officer(code="OFF9", name="O", role=Role.OFFICER), None)
    restored, _ = restored_from_backup(enrolled, data_dir, central)
    capsys.readouterr()
    assert cli.main(["db", "lift-hold", "--supervisor", "OFF9", "--reason", "link down"]) == 2
    assert "OFF9 is not a supervisor" in capsys.readouterr().err
    assert cli.main(["db", "lift-hold", "--supervisor", "SUP1", "--reason", "  "]) == 2
    with pytest.raises(HeldAfterRestore):
        save_clearances(restored, 1)

    assert cli.main(["db", "lift-hold", "--supervisor", "sup1", "--reason", "link down"]) == 0
    assert "Hold lifted by SUP1: records can be saved from #4 on" in capsys.readouterr().out
    assert [record.seq for record in save_clearances(restored, 1)] == [4]
    assert cli.main(["db", "info", "--json"]) == 0
    info = orjson.loads(capsys.readouterr().out)
    assert info["held_after_restore"] is None
    assert info["hold_lifted"]["by"] == "SUP1" and info["hold_lifted"]["reason"] == "link down"
    assert cli.main(["db", "lift-hold", "--supervisor", "SUP1", "--reason", "again"]) == 0
    assert "nothing to lift" in capsys.readouterr().out
    restored.close()


def test_files_of_records_are_checked_before_anything_is_taken_back(
    enrolled: Store, data_dir: Path, central: FakeCentral, tmp_path: Path, capsys
) -> None:
    restored, _ = restored_from_backup(enrolled, data_dir, central)
    workstation = restored.require_workstation().workstation_id
    stick = tmp_path / "stick"
    stick.mkdir()
    (stick / "junk.records.json").write_bytes(b"\x00 not a page")
    central.page_key = Ed25519PrivateKey.generate()
    (stick / "forged.records.json").write_bytes(central._records(workstation, 3).content)
    central.page_key = None
    (stick / "other.records.json").write_bytes(central._records("KHG-L99", 3).content)
    (stick / "later.records.json").write_bytes(central._records(workstation, 4).content)
    capsys.readouterr()
    assert cli.main(["sync", "take-back", str(stick)]) == 2
    out, err = capsys.readouterr()
    assert out == "Took back 0 records; this database now ends at #3, the central's files at #5.\n"
    assert f"{stick / 'junk.records.json'}: not a page of records from the central" in err
    assert "forged.records.json: The records sent back were not signed by the central" in err
    assert "the records of another workstation, KHG-L99 (1 file), not of this one" in err
    assert "another question" not in err
    assert "page after #4: does not follow this database's last record (#3)" in err
    assert audit.chain_head(restored)[0] == 3 and restore_hold.current(restored) is not None
    assert cli.main(["sync", "take-back", str(tmp_path / "nothing")]) == 2
    assert "is neither a file of records from the central" in capsys.readouterr().err
    (tmp_path / "empty").mkdir()
    assert cli.main(["sync", "take-back", str(tmp_path / "empty")]) == 2
    assert "No files of records from the central were found" in capsys.readouterr().err

    (stick / "right.records.json").write_bytes(central._records(workstation, 3).content)
    assert cli.main(["sync", "take-back", str(stick)]) == 0  # the rest is reported, not used
    assert "Took back 2 records; this database now ends at #5" in capsys.readouterr().out
    assert restore_hold.current(restored) is None
    restored.close()


def test_files_of_another_workstation_are_said_once_naming_both(
    enrolled: Store, data_dir: Path, central: FakeCentral, tmp_path: Path, capsys
) -> None:
    restored, _ = restored_from_backup(enrolled, data_dir, central)
    workstation = restored.require_workstation().workstation_id
    stick = tmp_path / "stick"
    stick.mkdir()
    for after in range(3, 6):
        page = central._records("KHG-P01-3DC429", after).content
        (stick / f"KHG-P01-3DC429-after-{after}.records.json").write_bytes(page)
    capsys.readouterr()
    assert cli.main(["sync", "take-back", str(stick)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1, err  # one line for the three files
    assert (
        f"Those files hold the records of another workstation, KHG-P01-3DC429 (3 files), not "
        f"of this one ({workstation}); nothing was taken back from them." in err
    )
    assert f"export-records --workstation {workstation} --after 3 --to DIR" in err
    assert "another question" not in err and "not used" not in err
    assert audit.chain_head(restored)[0] == 3 and restore_hold.current(restored) is not None
    restored.close()


def test_records_sent_back_under_another_key_are_not_taken(
    enrolled: Store, data_dir: Path, central: FakeCentral
) -> None:
    restored, _ = restored_from_backup(enrolled, data_dir, central)
    central.page_key = Ed25519PrivateKey.generate()
    sync = service(data_dir, central)
    result = sync.run_round()
    sync.close()
    assert not result.ok and result.taken_back == 0
    assert result.error == (
        "The records sent back were not signed by the central this workstation enrolled "
        "with; nothing was taken back."
    )
    assert audit.chain_head(restored)[0] == 3
    with pytest.raises(HeldAfterRestore):  # still held: the central was not heard
        save_clearances(restored, 1)
    restored.close()


def test_a_supervisor_sends_a_rejected_record_again_once_the_central_takes_it(
    enrolled: Store, data_dir: Path, central: FakeCentral
) -> None:
    saved = save_clearances(enrolled, 4)
    refused, clash = str(saved[2].id), str(saved[3].id)
    central.reject_ids.add(refused)
    central.records[clash] = ("KHG-L07", 4, '{"different":"content"}')
    sync = service(data_dir, central)
    assert not sync.run_round().ok
    assert [(p.seq, p.state) for p in outbox.sync_problems(enrolled)] == [
        (3, "rejected"),
        (4, "conflict"),
    ]

    # A conflict stays: the central holds a different record with that id.
    assert outbox.send_again(enrolled, [3, 4], "SUP01") == 1
    assert [(p.seq, p.state) for p in outbox.sync_problems(enrolled)] == [(4, "conflict")]
    detail = enrolled.conn.execute("SELECT detail FROM outbox WHERE seq = 3").fetchone()[0]
    assert detail.startswith("sent again by SUP01 at ")
    assert detail.endswith("rejected before: record schema not known here")

    central.reject_ids.clear()  # the central, upgraded
    result = sync.run_round()
    sync.close()
    assert result.pending == 0 and result.problems == 1
    assert central.records[refused][1] == 3
    assert enrolled.conn.execute("SELECT seq FROM outbox").fetchall() == [(4,)]


def test_central_restored_from_older_backup_gets_the_missing_range_again(
    enrolled: Store, data_dir: Path, central: FakeCentral
) -> None:
    save_clearances(enrolled, 50)
    sync = service(data_dir, central)
    assert sync.run_round().ok
    central.forget_above("KHG-L07", 20)
    assert len(central.ids_of("KHG-L07")) == 20
    result = sync.run_round()
    assert result.ok and result.acknowledged == 30
    assert central.ids_of("KHG-L07") == local_ids(enrolled)
    # Restored again, but now new records arrive: the receipt's gap triggers the re-send.
    central.forget_above("KHG-L07", 10)
    save_clearances(enrolled, 5)
    assert sync.run_round().ok
    sync.close()
    assert central.ids_of("KHG-L07") == local_ids(enrolled)


@pytest.mark.parametrize(
    ("setup", "expected"),
    [
        ("revoked", "revoked"),
        ("protocol", "the central requires a newer lane client (protocol 3..4); upgrade"),
        ("unknown", "does not know this workstation"),
    ],
)
def test_refusals_stop_the_round_with_one_clear_cause(
    enrolled: Store, data_dir: Path, central: FakeCentral, setup: str, expected: str
) -> None:
    save_clearances(enrolled, 2)
    if setup == "revoked":
        central.workstations["KHG-L07"]["revoked"] = True
    elif setup == "protocol":
        central.protocol = (3, 4)
    else:
        central.workstations.clear()
    sync = service(data_dir, central)
    result = sync.run_round()
    sync.close()
    assert not result.ok and expected in (result.error or "")
    assert outbox.pending_count(enrolled) == 2


def test_not_enrolled_and_unreachable(store: Store, data_dir: Path) -> None:
    result = SyncService(data_dir, FAKE_URL).run_round()
    assert not result.ok and (result.error or "").startswith("not enrolled")
    assert not result.central_reachable


def test_repeated_central_errors_recover_by_themselves(
    enrolled: Store, data_dir: Path, central: FakeCentral
) -> None:
    save_clearances(enrolled, 20)
    central.fail_next = 6
    rounds: list[bool] = []
    sync = service(data_dir, central)
    result = keep_syncing(
        sync,
        threading.Event(),
        backoff=Backoff(base=0.001, cap=0.01),
        until_synced=True,
        on_round=lambda r: rounds.append(r.ok),
    )
    sync.close()
    assert result is not None and result.ok
    assert rounds == [False] * 6 + [True]
    assert central.ids_of("KHG-L07") == local_ids(enrolled)


def test_backoff_is_full_jitter_with_a_cap() -> None:
    import random

    backoff = Backoff(base=1.0, cap=300.0, rng=random.Random(4))
    assert backoff.next_delay() <= 1.0
    for _ in range(100):
        backoff.failed()
    delays = [backoff.next_delay() for _ in range(200)]
    assert max(delays) <= 300.0 and max(delays) > 150.0 and min(delays) < 100.0
    backoff.succeeded()
    assert backoff.next_delay() <= 1.0


def test_two_workers_at_once_deliver_each_record_once(
    enrolled: Store, data_dir: Path, central: FakeCentral
) -> None:
    save_clearances(enrolled, 3000)
    results = []

    def work() -> None:
        sync = service(data_dir, central)
        results.append(sync.run_round())
        sync.close()

    threads = [threading.Thread(target=work) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(r.error is None or "pending" not in r.error for r in results)
    assert outbox.pending_count(enrolled) == 0
    assert central.ids_of("KHG-L07") == local_ids(enrolled)


def test_clock_a_year_wrong_is_accepted_ordered_by_seq_and_shown(
    enrolled: Store, data_dir: Path, central: FakeCentral
) -> None:
    from datetime import datetime, timedelta

    from inspection_client.store import records
    from tests import factories

    now = datetime.now().astimezone()
    drafts = [
        records.Draft(factories.passenger(), "OFF01", recorded_at=now + timedelta(days=365)),
        records.Draft(factories.passenger(), "OFF01", recorded_at=now - timedelta(days=400)),
        records.Draft(factories.passenger(), "OFF01", recorded_at=now),
    ]
    records.save_many(enrolled, drafts)
    central.clock_offset = timedelta(days=-365)  # i.e. this device runs a year fast
    sync = service(data_dir, central)
    assert sync.run_round().ok  # signed requests carry the central's time
    assert sync.run_round().ok  # and the status check of the next round works too
    sync.close()
    assert central.status("KHG-L07")["high_water_seq"] == 3
    skew = sync_state.sync_status(enrolled).clock_skew_s
    assert skew is not None and abs(skew - 365 * 86400) < 60


def test_another_central_at_the_address_gets_nothing(enrolled: Store, data_dir: Path) -> None:
    save_clearances(enrolled, 2)
    impostor = FakeCentral()
    impostor.workstations["KHG-L07"] = {"key": "x", "revoked": False}
    result = SyncService(data_dir, FAKE_URL, transport=impostor.transport()).run_round()
    assert not result.ok and "not the central this workstation enrolled with" in (
        result.error or ""
    )
    assert impostor.batches_seen == 0 and outbox.pending_count(enrolled) == 2


def test_a_refused_batch_does_not_stall_the_rest_of_the_queue(
    enrolled: Store, data_dir: Path, central: FakeCentral
) -> None:
    save_clearances(enrolled, 2500)
    central.malformed_next = 1
    sync = service(data_dir, central)
    first = sync.run_round()
    assert not first.ok and first.acknowledged == 1500 and first.pending == 1000
    assert "1000 records not taken" in (first.error or "")
    attempts = enrolled.conn.execute("SELECT max(attempts), min(detail) FROM outbox").fetchone()
    assert attempts[0] == 1 and "could not read a batch" in attempts[1]
    assert sync.run_round().ok
    sync.close()
    assert central.ids_of("KHG-L07") == local_ids(enrolled)


def test_a_round_cut_short_reports_what_it_did_deliver(
    enrolled: Store, data_dir: Path, central: FakeCentral
) -> None:
    save_clearances(enrolled, 2500)
    real = central.handle
    calls = {"batches": 0}

    def flaky(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v1/batches":
            calls["batches"] += 1
            if calls["batches"] == 3:
                raise httpx.ConnectError("link down")
        return real(request)

    sync = SyncService(data_dir, FAKE_URL, transport=httpx.MockTransport(flaky))
    result = sync.run_round()
    sync.close()
    assert not result.ok and result.acknowledged == 2000 and result.pending == 500
    assert sync_state.sync_status(enrolled).last_error == result.error


@pytest.mark.parametrize("spoken", [1, 2])
def test_batches_are_made_in_the_protocol_both_ends_speak(
    enrolled: Store, data_dir: Path, central: FakeCentral, tmp_path: Path, spoken: int
) -> None:
    """A central that speaks protocol 1 only gets protocol-1 batches (signed over the whole
    envelope); one that speaks 2 gets protocol 2 (signed over the batch id). USB files are
    made for the protocol of the last round."""
    central.protocol = (1, spoken)
    save_clearances(enrolled, 5)
    sync = service(data_dir, central)
    assert sync.run_round().ok
    sync.close()
    (receipt,) = [SignedReceipt.model_validate_json(body) for body in central.receipts.values()]
    assert receipt.receipt.protocol == spoken
    assert sync_state.get(enrolled, sync_state.CENTRAL_PROTOCOL) == str(spoken)

    save_clearances(enrolled, 2)
    usb.export_batches(enrolled, tmp_path / "stick")
    (path,) = (tmp_path / "stick").glob("*.batch.json")
    on_stick = SignedBatch.model_validate_json(path.read_bytes())
    assert on_stick.batch.protocol == spoken
    _ws, _key, key = require_enrolment(enrolled)
    canonical = on_stick.batch.canonical()
    assert batch_signature_valid(
        spoken, canonical, on_stick.batch.batch_id, on_stick.signature, key.public_key()
    )
    assert verify(on_stick.batch, on_stick.signature, key.public_key()) == (spoken == 1)


@pytest.mark.parametrize("stored", ["garbage", "9", ""])
def test_usb_files_fall_back_to_protocol_1_when_the_stored_version_is_unusable(
    enrolled: Store, tmp_path: Path, stored: str
) -> None:
    sync_state.put(enrolled, {sync_state.CENTRAL_PROTOCOL: stored})
    save_clearances(enrolled, 2)
    usb.export_batches(enrolled, tmp_path / "stick")
    (path,) = (tmp_path / "stick").glob("*.batch.json")
    assert SignedBatch.model_validate_json(path.read_bytes()).batch.protocol == 1


def test_the_queue_and_send_again_from_the_command_line(
    enrolled: Store, data_dir: Path, central: FakeCentral, capsys: pytest.CaptureFixture[str]
) -> None:
    saved = save_clearances(enrolled, 4)
    central.reject_ids.add(str(saved[2].id))
    central.records[str(saved[3].id)] = ("KHG-L07", 4, '{"different":"content"}')
    sync = service(data_dir, central)
    sync.run_round()
    sync.close()
    officers.add_officer(enrolled, Officer(code="SUP1", name="S", role=Role.SUPERVISOR), None)
    officers.add_officer(enrolled, Officer(code="OFF9", name="O", role=Role.OFFICER), None)
    capsys.readouterr()

    assert cli.main(["sync", "problems", "--json"]) == 0
    listed = [orjson.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(p["seq"], p["state"]) for p in listed] == [(3, "rejected"), (4, "conflict")]
    assert listed[0]["detail"] == "record schema not known here"

    assert cli.main(["sync", "send-again", "3", "--supervisor", "OFF9"]) == 2
    assert "OFF9 is not a supervisor" in capsys.readouterr().err
    assert cli.main(["sync", "send-again", "2", "--supervisor", "SUP1"]) == 2
    assert "Not in the sync problems: #2." in capsys.readouterr().err
    assert cli.main(["sync", "send-again", "3", "4", "--supervisor", "sup1"]) == 1
    out = capsys.readouterr().out
    assert "1 record(s) back in the outbox" in out and "#4" in out.splitlines()[-1]

    central.reject_ids.clear()
    sync = service(data_dir, central)
    assert sync.run_round().pending == 0
    sync.close()
    assert cli.main(["sync", "problems"]) == 0
    assert capsys.readouterr().out.startswith("#4 ")


def test_what_comes_back_before_the_central_s_history_forks_is_kept_and_counted(
    enrolled: Store,
    data_dir: Path,
    central: FakeCentral,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    restored, _ = restored_from_backup(enrolled, data_dir, central)
    workstation = restored.require_workstation().workstation_id
    # From #5 on, the central holds another copy's history of this workstation.
    central.chain[(workstation, 5)] = bytes(32)
    stick = tmp_path / "stick"
    stick.mkdir()
    (stick / "page.records.json").write_bytes(central._records(workstation, 3).content)
    capsys.readouterr()
    assert cli.main(["sync", "take-back", str(stick)]) == 1
    out, err = capsys.readouterr()
    assert out.startswith("Took back 1 record; this database now ends at #4")
    assert "record #5 does not continue this database's audit chain" in err
    assert "another history of this workstation" in err
    assert audit.chain_head(restored)[0] == 4

    restored.close()
    restore(data_dir.parent / "backup.db", data_dir, replace=True)
    restored = Store.open(data_dir / "lane.db")
    sync = service(data_dir, central)
    result = sync.run_round()
    notes = " ".join(sync.notes)
    sync.close()
    assert result.taken_back == 1 and audit.chain_head(restored)[0] == 4
    assert "record #5 does not continue" in notes
    assert result.error is not None and "central holds records up to #5" in result.error
    with pytest.raises(HeldAfterRestore):  # behind the central still: held
        save_clearances(restored, 1)
    restored.close()


def test_an_address_that_is_not_a_central_says_so_before_any_batch(
    enrolled: Store, data_dir: Path, central: FakeCentral
) -> None:
    save_clearances(enrolled, 2)
    sync = SyncService(data_dir, FAKE_URL + "/v1", transport=central.transport())
    try:
        result = sync.run_round()
    finally:
        sync.close()
    assert not result.ok and result.pending == 2
    assert result.error is not None
    assert "answers, but not as a central store (no /v1/hello there)" in result.error
    assert "batch" not in result.error


@pytest.mark.parametrize("lost", [5, 10])
def test_a_record_that_left_the_outbox_without_a_receipt_is_sent_again(
    enrolled: Store, data_dir: Path, central: FakeCentral, lost: int
) -> None:
    # Deleted by hand or lost to damage: the central sees no gap when it is the last record,
    # so only this side can tell it was never acknowledged.
    save_clearances(enrolled, 10)
    with enrolled.write() as conn:
        conn.execute("DELETE FROM outbox WHERE seq = ?", (lost,))
    assert sync_state.lost_from_outbox(enrolled) == (1, lost)
    sync = service(data_dir, central)
    result = sync.run_round()
    notes = sync.notes
    sync.close()
    assert result.ok and central.ids_of("KHG-L07") == local_ids(enrolled)
    assert notes == [
        f"1 records had left the outbox without a receipt (the first is #{lost}); they were "
        "put back and are sent again"
    ]
    assert sync_state.lost_from_outbox(enrolled) == (0, None)
    # Acknowledged records are not in the outbox either, and are not sent again.
    again = service(data_dir, central)
    assert again.run_round().ok and again.notes == []
    again.close()


def test_a_usb_export_takes_a_record_the_outbox_lost(
    enrolled: Store, data_dir: Path, central: FakeCentral, tmp_path: Path
) -> None:
    save_clearances(enrolled, 3)
    with enrolled.write() as conn:
        conn.execute("DELETE FROM outbox WHERE seq = 3")
    exported = usb.export_batches(enrolled, tmp_path / "stick")
    assert exported.records == 3
    assert outbox.pending_count(enrolled) == 3


@pytest.mark.parametrize(
    ("damage", "said"),
    [
        ("UPDATE records SET content = X'FFFE' WHERE seq = ?", "Record 5 is damaged"),
        ("DELETE FROM audit_chain WHERE seq = ?", "Record 5 (or its audit entry) is not"),
    ],
)
def test_a_record_that_cannot_be_read_does_not_hold_back_the_rest(
    enrolled: Store,
    data_dir: Path,
    central: FakeCentral,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    damage: str,
    said: str,
) -> None:
    saved = save_clearances(enrolled, 10)
    with enrolled.write() as conn:
        conn.execute(damage, (5,))
    # The USB files leave it out and say so.
    assert cli.main(["sync", "export", "--to", str(tmp_path / "stick")]) == 1
    out, err = capsys.readouterr()
    assert "(9 records)" in out and f"not written: {said}" in err
    sync = service(data_dir, central)
    result = sync.run_round()
    sync.close()
    assert not result.ok and result.error is not None and said in result.error
    assert central.ids_of("KHG-L07") == sorted(str(r.id) for r in saved if r.seq != 5)
    [(seq, detail)] = enrolled.conn.execute("SELECT seq, detail FROM outbox").fetchall()
    assert seq == 5 and said in detail
