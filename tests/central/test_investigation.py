"""Chain alerts and the records kept aside: raised by a forked or edited history, read and
resolved by IT from the command line, on both engines."""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import psycopg
import pytest
from fastapi.testclient import TestClient

from inspection_central.cli import main
from inspection_central.storage import CentralStorage, open_storage, postgres, sqlite
from inspection_client.domain.canonical import canonical_json
from inspection_client.store import restore_hold
from inspection_client.store.database import Store
from tests.central.lane import Lane

FORKED = "ab" * 32  # the chain head a workstation restored from an old backup would claim


def fork(client: TestClient, lane: Lane) -> None:
    """Four records sent, then two more that do not continue the chain held for them."""
    lane.save(6)
    assert client.post("/v1/batches", content=lane.batch(1, 4).model_dump_json()).is_success
    forked = lane.batch(5, 6, prev_head=FORKED).model_dump_json()
    assert client.post("/v1/batches", content=forked).is_success


def test_a_resolved_alert_leaves_the_open_ones_and_keeps_its_resolution(
    client: TestClient, lane: Lane, storage: CentralStorage
) -> None:
    assert storage.chain_alerts() == []
    fork(client, lane)
    alerts = storage.chain_alerts()
    assert len(alerts) == 2  # does not continue seq 4, and does not hash to its head
    assert [a.alert_id for a in alerts] == sorted({a.alert_id for a in alerts})
    assert not any(a.resolved for a in alerts)
    first, second = alerts

    at = datetime(2026, 12, 4, 9, 30, tzinfo=UTC)
    outcome = storage.resolve_chain_alert(
        first.alert_id, by="IT Wang", resolution="restored from backup", at=at
    )
    assert outcome is not None
    resolved, closed_now = outcome
    assert closed_now
    assert (resolved.resolved_at, resolved.resolved_by, resolved.resolution) == (
        at,
        "IT Wang",
        "restored from backup",
    )
    assert storage.chain_alerts() == [second]
    assert storage.chain_alerts(include_resolved=True) == [resolved, second]

    figures = storage.stats()
    assert [a["alert_id"] for a in figures["chain_alerts"]] == [second.alert_id]
    assert figures["chain_alerts_resolved"] == 1
    (workstation,) = figures["workstations"]
    assert workstation["chain_alerts"] == 1

    # The first resolution stands: a second one changes nothing and says so.
    again = storage.resolve_chain_alert(
        first.alert_id, by="someone else", resolution="other", at=datetime.now(UTC)
    )
    assert again == (resolved, False)
    assert storage.resolve_chain_alert(second.alert_id + 100, by="x", resolution="y", at=at) is None


def test_a_workstation_restored_from_an_old_backup_raises_an_alert(
    client: TestClient, lane: Lane, storage: CentralStorage, tmp_path: Path
) -> None:
    lane.save(4)
    assert client.post("/v1/batches", content=lane.batch(1, 4).model_dump_json()).is_success
    backup = tmp_path / "backup.db"
    with sqlite3.connect(backup) as copy:
        lane.store.conn.backup(copy)
    copy.close()
    lane.save(2)
    assert client.post("/v1/batches", content=lane.batch(5, 6).model_dump_json()).is_success
    assert storage.chain_alerts() == []

    # The lane's disk is replaced and its database restored from the copy taken at seq 4:
    # seqs 5 and 6 are given again, to other records, and its batch continues at seq 4.
    path = lane.store.path
    lane.store.close()
    for leftover in (Path(f"{path}-wal"), Path(f"{path}-shm")):
        leftover.unlink(missing_ok=True)
    shutil.copyfile(backup, path)
    lane.store = Store.open(path)
    # The lane finds itself put back (its witness file names #6) and holds new records;
    # a supervisor who cannot wait lifts the hold, which is what forks its history.
    assert restore_hold.current(lane.store) is not None
    restore_hold.lift(lane.store, by="SUP01", reason="the lane cannot wait")
    lane.save(3)
    response = client.post("/v1/batches", content=lane.batch(5, 7).model_dump_json())
    assert response.status_code == 200
    receipt = response.json()["receipt"]
    assert [o["status"] for o in receipt["outcomes"]] == ["conflict", "conflict", "accepted"]
    assert receipt["chain_head"] is None  # the held chain forks here: no head to vouch for

    (alert,) = storage.chain_alerts()
    assert (alert.first_seq, alert.last_seq) == (5, 7)
    assert alert.reason.startswith("seq 5-6 already held with other records")
    figures = storage.stats()
    assert figures["quarantined_total"] == 2
    assert figures["workstations"][0]["chain_alerts"] == 1
    # The record that continues the forked history is kept, and marked as in doubt.
    with storage._read() as conn:  # type: ignore[attr-defined]
        flagged = storage._one(  # type: ignore[attr-defined]
            conn,
            "SELECT flagged FROM records WHERE workstation_id = ? AND seq = 7",
            (lane.workstation_id,),
        )
    assert flagged is not None and bool(flagged[0])


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_it_lists_and_resolves_alerts_from_the_command_line(
    client: TestClient,
    lane: Lane,
    database: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run(capsys, "chain-alerts", "list", "--database", database)[:2] == (
        0,
        "No open chain alerts.\n",
    )
    fork(client, lane)
    status, out, _ = run(capsys, "chain-alerts", "list", "--json", "--database", database)
    listed = json.loads(out)
    assert status == 0 and len(listed) == 2
    number = listed[0]["alert_id"]
    assert listed[0]["workstation_id"] == lane.workstation_id
    assert listed[0]["resolved_at"] is None

    status, out, _ = run(capsys, "stats", "--database", database)
    assert status == 0
    assert f"CHAIN ALERT #{number} {lane.workstation_id}" in out
    assert "chain-alerts resolve ID" in out
    (line,) = [row for row in out.splitlines() if row.startswith(lane.workstation_id)]
    assert line.endswith("open chain alerts 2")

    status, out, _ = run(
        capsys, "chain-alerts", "resolve", str(number), "--by", "IT Wang",
        "--note", "disk swapped; restored from the 1 Dec backup", "--database", database,
    )  # fmt: skip
    assert status == 0 and f"Chain alert #{number}" in out and "is resolved" in out

    status, out, _ = run(capsys, "chain-alerts", "list", "--database", database)
    assert f"#{number} " not in out and out.count("\n") == 1
    status, out, _ = run(capsys, "chain-alerts", "list", "--all", "--database", database)
    assert f"#{number} " in out
    assert "by IT Wang: disk swapped; restored from the 1 Dec backup" in out
    status, out, _ = run(capsys, "stats", "--database", database)
    assert "Resolved chain alerts: 1" in out

    status, _, err = run(
        capsys, "chain-alerts", "resolve", str(number), "--by", "B", "--note", "again",
        "--database", database,
    )  # fmt: skip
    assert status == 1 and "resolved already" in err and "by IT Wang" in err
    status, _, err = run(
        capsys, "chain-alerts", "resolve", "999999", "--by", "B", "--note", "n",
        "--database", database,
    )  # fmt: skip
    assert status == 1 and "There is no chain alert #999999" in err


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["0", "--by", "A", "--note", "n"], "must be from 1"),
        (["x", "--by", "A", "--note", "n"], "'x' is not a whole number"),
        (["1", "--by", "  ", "--note", "n"], "--by must not be empty"),
        (["1", "--by", "A", "--note", "line\nbreak"], "--note must be printable text"),
        (["1", "--by", "A" * 65, "--note", "n"], "--by takes at most 64 characters"),
    ],
)
def test_bad_resolutions_are_refused_with_a_message(
    database: str, key_path: Path, capsys: pytest.CaptureFixture[str], arguments, message
) -> None:
    try:
        status = main(["chain-alerts", "resolve", *arguments, "--database", database])
    except SystemExit as stop:  # argparse's own refusals
        status = int(stop.code or 0)
    assert status == 2
    assert message in capsys.readouterr().err


def test_alerts_held_before_resolution_existed_are_numbered_and_open(
    database: str, key_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A central of the previous release, holding one alert, opened by this one.
    engine = postgres if database.startswith("postgresql:") else sqlite
    earlier = [m for m in engine.MIGRATIONS if "chain_alert_resolution" not in m[0]]
    assert len(earlier) == len(engine.MIGRATIONS) - 1
    with monkeypatch.context() as patched:
        patched.setattr(engine, "MIGRATIONS", earlier)
        open_storage(database, key_path=key_path).close()
    row = (
        "KHG-P01-0001",
        "b" * 64,
        5,
        6,
        "the chain before seq 5 differs",
        "2026-12-01T08:00:00+00:00",
    )
    insert = (
        "INSERT INTO chain_alerts(workstation_id, batch_id, first_seq, last_seq, reason, "
        "detected_at) VALUES (?, ?, ?, ?, ?, ?)"
    )
    if engine is postgres:
        with psycopg.connect(database, autocommit=True) as conn:
            conn.execute(insert.replace("?", "%s"), row)
    else:
        with sqlite3.connect(database) as conn:
            conn.execute(insert, row)
        conn.close()
    storage = open_storage(database, key_path=key_path)
    try:
        (alert,) = storage.chain_alerts()
        assert (alert.alert_id, alert.first_seq, alert.resolved) == (1, 5, False)
        assert alert.detected_at == datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
        assert storage.resolve_chain_alert(1, by="IT", resolution="checked", at=datetime.now(UTC))
    finally:
        storage.close()


def test_it_reads_the_records_kept_aside_with_their_reasons_and_contents(
    client: TestClient,
    lane: Lane,
    storage: CentralStorage,
    database: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run(capsys, "problems", "--database", database)[:2] == (
        0,
        "No quarantined or rejected records.\n",
    )
    lane.save(4)
    assert client.post("/v1/batches", content=lane.batch(1, 2).model_dump_json()).is_success

    def edit(seq: int, content: str) -> str:
        record = json.loads(content)
        if seq == 2:  # same id, other content: quarantined
            record["body"]["remarks"] = "changed after the fact"
        if seq == 4:  # not a valid record: rejected
            record["officer"] = "x"
        return canonical_json(record).decode()

    edited = lane.batch(1, 4, edit=edit).model_dump_json()
    assert client.post("/v1/batches", content=edited).is_success

    held, total = storage.held_back(lane.workstation_id, 10)
    assert total == 2
    assert [(r.seq, r.state) for r in held] == [(2, "quarantined"), (4, "rejected")]
    assert "changed after the fact" in held[0].content
    assert held[1].reason and '"officer":"x"' in held[1].content
    assert storage.held_back(lane.workstation_id, 1) == (held[:1], 2)
    assert storage.held_back("KHG-NONE-0000", 10) == ([], 0)

    status, out, _ = run(capsys, "problems", "--database", database)
    assert status == 0
    assert f"{lane.workstation_id} #2 quarantined" in out
    assert f"{lane.workstation_id} #4 rejected" in out
    status, out, _ = run(capsys, "problems", "--limit", "1", "--database", database)
    assert "1 of 2 shown" in out
    status, out, _ = run(
        capsys, "problems", "--workstation", lane.workstation_id, "--json", "--database", database
    )
    listed = json.loads(out)
    assert listed["total"] == 2 and [r["seq"] for r in listed["records"]] == [2, 4]
    assert json.loads(listed["records"][0]["content"])["body"]["remarks"] == (
        "changed after the fact"
    )
    status, _, err = run(capsys, "problems", "--workstation", "NOPE", "--database", database)
    assert status == 1 and "There is no workstation NOPE" in err
