"""Records a workstation delivers after a reinstatement are marked when it may have made them
while it was revoked (`inspection_central.revoked_time`), and IT sees them in its listings."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

import pytest
from fastapi.testclient import TestClient

from inspection_central import ingest
from inspection_central.cli import main
from inspection_central.revoked_time import LiftedRevocation, made_while_revoked
from inspection_central.storage import CentralStorage
from inspection_central.storage.sql import SqlStorage
from inspection_client.sync.wire import SignedReceipt
from tests.central.lane import Lane

REVOKED = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
REINSTATED = REVOKED + timedelta(days=2)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def send(client: TestClient, lane: Lane, first: int, last: int) -> SignedReceipt:
    answer = client.post("/v1/batches", content=lane.batch(first, last).canonical())
    assert answer.status_code == 200, answer.text
    return SignedReceipt.model_validate_json(answer.content)


def marked(storage: CentralStorage, lane: Lane) -> list[int]:
    records, total = storage.made_while_revoked(lane.workstation_id, 1000)
    assert total == len(records)
    return [record.seq for record in records]


def test_the_rule_trusts_the_sequence_over_the_device_clock() -> None:
    lifted = [LiftedRevocation(held_seq=5, reinstated_at=REINSTATED)]
    # Held before the revocation: never marked, whatever the clock says.
    assert not made_while_revoked(5, REVOKED + timedelta(hours=1), lifted)
    # Never seen before the revocation, stamped during it, or stamped before it (a clock set
    # back), or without an offset (read as UTC): marked.
    assert made_while_revoked(6, REVOKED + timedelta(hours=1), lifted)
    assert made_while_revoked(6, REVOKED - timedelta(days=30), lifted)
    assert made_while_revoked(6, (REINSTATED - timedelta(seconds=1)).replace(tzinfo=None), lifted)
    # Stamped once IT had reinstated the device: the lane's work again.
    assert not made_while_revoked(6, REINSTATED, lifted)
    assert not made_while_revoked(6, REVOKED, [])


def test_records_made_while_revoked_are_marked_and_shown(
    client: TestClient, storage: CentralStorage, lane: Lane, database: str, capsys
) -> None:
    lane.save(3, recorded_at=REVOKED - timedelta(hours=3))
    send(client, lane, 1, 3)
    assert storage.revoke(lane.workstation_id, REVOKED)
    lane.save(2, recorded_at=REVOKED + timedelta(hours=5))  # 4, 5: during the revocation
    lane.save(1, recorded_at=REVOKED - timedelta(days=1))  # 6: a clock set back
    lane.save(1, recorded_at=REINSTATED + timedelta(minutes=5))  # 7: after reinstatement
    refused = client.post("/v1/batches", content=lane.batch(4, 7).canonical())
    assert refused.status_code == 403
    assert storage.reinstate(lane.workstation_id, "device found in the KHG locker", REINSTATED)
    receipt = send(client, lane, 4, 7)
    # The receipt is the one every client knows: all accepted, nothing new in it.
    assert [o.status.value for o in receipt.receipt.outcomes] == ["accepted"] * 4
    assert marked(storage, lane) == [4, 5, 6]
    entry = storage.workstation(lane.workstation_id)
    assert entry is not None and entry.made_while_revoked == 3
    (lifted,) = storage.reinstatements()
    assert lifted.held_seq_at_revocation == 3

    # The same batch again, and the records again in another batch: duplicates, same marks.
    assert send(client, lane, 4, 7) == receipt
    again = send(client, lane, 2, 7)
    assert {o.status.value for o in again.receipt.outcomes} == {"duplicate"}
    assert marked(storage, lane) == [4, 5, 6]

    status, out, _ = run(capsys, "workstation", "list", "--database", database)
    assert status == 0
    assert "3 record(s) made while revoked" in out
    status, out, _ = run(capsys, "workstation", "list", "--json", "--database", database)
    (listed,) = json.loads(out)
    assert listed["made_while_revoked"] == 3
    assert listed["reinstated"][0]["held_seq_at_revocation"] == 3

    status, out, _ = run(
        capsys, "workstation", "made-while-revoked", lane.workstation_id, "--database", database
    )
    assert status == 0
    assert "after record #3" in out and "device found in the KHG locker" in out
    lines = [line for line in out.splitlines() if line.startswith(f"{lane.workstation_id} #")]
    assert [line.split()[1] for line in lines] == ["#4", "#5", "#6"]
    listing = ("workstation", "made-while-revoked", "--limit", "2", "--json")
    status, out, _ = run(capsys, *listing, "--database", database)
    shown = json.loads(out)
    assert shown["total"] == 3
    assert [(r["seq"], r["made_while_revoked"]) for r in shown["records"]] == [(4, True), (5, True)]
    assert shown["records"][0]["recorded_at"].startswith("2026-03-01T13:00:00")

    status, out, _ = run(capsys, "stats", "--database", database)
    assert "made while revoked 3" in out
    assert "Made while the workstation was revoked: 3" in out
    status, out, _ = run(capsys, "stats", "--json", "--database", database)
    figures = json.loads(out)
    assert figures["made_while_revoked_total"] == 3
    assert figures["workstations"][0]["made_while_revoked"] == 3


def test_a_workstation_never_revoked_has_nothing_marked(
    client: TestClient, storage: CentralStorage, lane: Lane, database: str, capsys
) -> None:
    lane.save(2)
    send(client, lane, 1, 2)
    assert marked(storage, lane) == []
    status, out, _ = run(capsys, "workstation", "made-while-revoked", "--database", database)
    assert (status, out.strip()) == (
        0,
        "No record is marked as made while its workstation was revoked.",
    )
    status, _, err = run(
        capsys, "workstation", "made-while-revoked", "NO-SUCH", "--database", database
    )
    assert status == 1 and "There is no workstation NO-SUCH" in err
    status, out, _ = run(capsys, "stats", "--database", database)
    assert "revoked" not in out


def test_a_record_numbered_below_what_was_held_is_never_marked(
    client: TestClient, storage: CentralStorage, lane: Lane
) -> None:
    """A record that fills a gap below the last one held at the revocation existed before it:
    its clock saying otherwise does not mark it."""
    lane.save(1, recorded_at=REVOKED - timedelta(hours=2))
    lane.save(1, recorded_at=REVOKED + timedelta(hours=2))  # a clock that is simply wrong
    lane.save(1, recorded_at=REVOKED - timedelta(hours=1))
    send(client, lane, 1, 1)
    send(client, lane, 3, 3)  # #2 is still missing when the workstation is revoked
    assert storage.revoke(lane.workstation_id, REVOKED)
    assert storage.reinstate(lane.workstation_id, "revoked by mistake", REINSTATED)
    lane.save(1, recorded_at=REVOKED + timedelta(hours=3))
    send(client, lane, 2, 4)
    assert marked(storage, lane) == [4]


def test_each_lifted_revocation_counts(
    client: TestClient, storage: CentralStorage, lane: Lane
) -> None:
    second = REINSTATED + timedelta(days=10)
    lane.save(1, recorded_at=REVOKED - timedelta(hours=1))
    send(client, lane, 1, 1)
    storage.revoke(lane.workstation_id, REVOKED)
    storage.reinstate(lane.workstation_id, "revoked by mistake", REINSTATED)
    lane.save(1, recorded_at=REVOKED + timedelta(hours=1))  # 2: first revocation
    lane.save(1, recorded_at=REINSTATED + timedelta(hours=1))  # 3: between the two
    send(client, lane, 2, 3)
    storage.revoke(lane.workstation_id, second)
    lane.save(1, recorded_at=second + timedelta(hours=1))  # 4: second revocation
    storage.reinstate(lane.workstation_id, "device checked again", second + timedelta(days=1))
    lane.save(1, recorded_at=second + timedelta(days=2))  # 5: after both
    send(client, lane, 4, 5)
    assert marked(storage, lane) == [2, 4]
    assert [r.held_seq_at_revocation for r in storage.reinstatements()] == [1, 3]


def test_a_batch_that_waited_while_its_workstation_was_revoked_is_refused(
    storage: CentralStorage, lane: Lane, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Revoked between the batch's checks and its storing: nothing is stored unmarked."""
    lane.save(2)
    checked = storage.workstation(lane.workstation_id)
    storage.revoke(lane.workstation_id, datetime.now(UTC))
    monkeypatch.setattr(storage, "workstation", lambda workstation_id: checked)
    parsed = ingest.parse_batch(lane.batch(1, 2).canonical())
    with pytest.raises(ingest.BatchRefused) as refused:
        ingest.receive(storage, parsed, remote_address="test", user_agent="test")
    assert (refused.value.status, refused.value.code.value) == (403, "revoked")
    monkeypatch.undo()
    entry = storage.workstation(lane.workstation_id)
    assert entry is not None and (entry.records, entry.high_water_seq) == (0, 0)


def test_the_migration_marks_records_stored_before_it(
    client: TestClient, storage: CentralStorage, lane: Lane
) -> None:
    """A central upgraded after a reinstatement: the migration works out what was held at the
    revocation from when it arrived, and marks the records already stored by the same rule."""
    assert isinstance(storage, SqlStorage)
    lane.save(2, recorded_at=REVOKED - timedelta(hours=1))
    send(client, lane, 1, 2)
    storage.revoke(lane.workstation_id, datetime.now(UTC))
    storage.reinstate(lane.workstation_id, "revoked by mistake", datetime.now(UTC))
    # Stamped before the reinstatement, and after it, by a clock set to Beijing time: the
    # offset is taken into account, not the text.
    beijing = timezone(timedelta(hours=8))
    lane.save(2, recorded_at=(datetime.now(UTC) - timedelta(hours=1)).astimezone(beijing))
    lane.save(1, recorded_at=(datetime.now(UTC) + timedelta(hours=1)).astimezone(beijing))
    send(client, lane, 3, 5)
    assert marked(storage, lane) == [3, 4]
    # As the central held it before the migration: no seq kept, no mark.
    with storage._write() as conn:
        storage._run(conn, "UPDATE workstation_reinstatements SET held_seq_at_revocation = NULL")
        storage._run(conn, "UPDATE records SET made_while_revoked = ?", (False,))
    assert marked(storage, lane) == []
    engine = __import__(type(storage).__module__, fromlist=["MIGRATIONS"])
    (statements,) = [s for name, s in engine.MIGRATIONS if name.endswith("_made_while_revoked")]
    with storage._write() as conn:
        for statement in statements:
            if statement.startswith("UPDATE"):
                conn.execute(statement)
    assert [r.held_seq_at_revocation for r in storage.reinstatements()] == [2]
    assert marked(storage, lane) == [3, 4]
