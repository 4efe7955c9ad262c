"""Fault injection against the real `inspection-central serve` on PostgreSQL, over loopback
HTTP through a proxy that loses answers and cuts connections.

Every case ends with the same records on both sides, no duplicates, matching chain heads and
every rejected record visible at the client.
"""

from __future__ import annotations

import itertools
import json
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import httpx
import pytest

from inspection_client import paths
from inspection_client.domain.models import Record
from inspection_client.store import audit, records, restore_hold, sync_state
from inspection_client.store.backup import back_up, restore
from inspection_client.store.database import Store
from inspection_client.store.restore_hold import HeldAfterRestore
from inspection_client.sync import batches, keys, outbox, usb
from inspection_client.sync.backoff import Backoff
from inspection_client.sync.enrolment import enrol, require_enrolment
from inspection_client.sync.service import SyncService, keep_syncing
from tests import factories
from tests.sync.proxy import FaultProxy
from tests.sync.real_central import RealCentral, central_available

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.slow,
    pytest.mark.skipif(not central_available(), reason="inspection_central is not installed"),
]


@pytest.fixture(scope="module")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RealCentral]:
    running = RealCentral(tmp_path_factory.mktemp("central"))
    try:
        running.start()
        yield running
    finally:
        running.close()


@dataclass
class Lane:
    data_dir: Path
    store: Store
    workstation_id: str
    proxy: FaultProxy

    def round(self, url: str | None = None) -> tuple[bool, str | None]:
        service = SyncService(self.data_dir, url)
        try:
            result = service.run_round()
        finally:
            service.close()
        return result.ok, result.error

    def save(self, count: int, **draft: object) -> list[Record]:
        drafts = [records.Draft(factories.passenger(), "OFF01", **draft) for _ in range(count)]  # type: ignore[arg-type]
        return records.save_many(self.store, drafts)


def make_lane(central: RealCentral, base: Path) -> Lane:
    proxy = FaultProxy(central.port)
    data_dir = base / f"lane-{uuid.uuid4().hex[:6]}"
    store = Store.open(paths.database_file(data_dir))
    lane_id = f"L{uuid.uuid4().int % 10**6:06d}"
    # The central limits enrolment attempts per address; each lane enrols from its own
    # loopback address, then syncs through the fault proxy.
    source = next(_SOURCES)
    transport = httpx.HTTPTransport(local_address=f"127.0.{source // 250}.{source % 250 + 2}")
    enrolled = enrol(store, central.url, central.enrolment_code(lane=lane_id), transport=transport)
    sync_state.put(store, {sync_state.CENTRAL_URL: proxy.url})
    return Lane(data_dir, store, enrolled.workstation.workstation_id, proxy)


_SOURCES = itertools.count(1)


@pytest.fixture
def lane(central: RealCentral, tmp_path: Path) -> Iterator[Lane]:
    made = make_lane(central, tmp_path)
    try:
        yield made
    finally:
        made.store.close()
        made.proxy.close()


def assert_in_step(central: RealCentral, lane: Lane) -> None:
    """Same records on both sides, nothing pending, chain heads equal, problems visible."""
    store = lane.store
    problems = {p.record_id for p in outbox.sync_problems(store)}
    local = sorted(r[0] for r in store.conn.execute("SELECT id FROM records"))
    held = central.record_ids(lane.workstation_id)
    assert len(held) == len(set(held))
    assert held == sorted(set(local) - problems)
    assert outbox.pending_count(store) == 0
    view = central.workstation(lane.workstation_id)
    if not problems:
        head_seq, head = audit.chain_head(store)
        assert view["high_water_seq"] == head_seq
        assert view["chain_head"] == head


@pytest.mark.parametrize(("lost", "acknowledged"), [(1, 0), (1001, 1000)])
def test_lost_answer_after_commit(
    central: RealCentral, lane: Lane, lost: int, acknowledged: int
) -> None:
    # Two batches (1,000 records and 500) are in flight together, and the central commits
    # the one whose answer is then lost. Which batch reaches the proxy first is the
    # scheduler's choice, so the fault is aimed at a batch by its first sequence number.
    lane.save(1500)
    lane.proxy.faults.append(("/v1/batches", "drop_response", b'"first_seq":%d,' % lost))
    ok, error = lane.round()
    assert not ok and "cannot be reached" in (error or "")
    # Receipts are applied in batch order and the lost answer stops the round: the batch
    # before it is acknowledged, the one after it stays pending though its answer came.
    assert outbox.pending_count(lane.store) == 1500 - acknowledged
    lane.proxy.requests.clear()
    assert lane.round() == (True, None)
    assert_in_step(central, lane)
    # The central committed every batch: what is pending is recovered by id, not sent again.
    assert "/v1/batches" not in lane.proxy.requests
    lookups = sum(path.startswith("/v1/receipts/") for path in lane.proxy.requests)
    assert lookups == (2 if acknowledged == 0 else 1)


def test_cut_upload_and_captive_portal(central: RealCentral, lane: Lane) -> None:
    lane.save(300)
    lane.proxy.faults += [("/v1/batches", "cut_upload"), ("/v1/batches", "html")]
    assert not lane.round()[0]
    assert not lane.round()[0]
    assert outbox.pending_count(lane.store) == 300
    assert lane.round() == (True, None)
    assert_in_step(central, lane)


def test_central_killed_mid_ingest(central: RealCentral, lane: Lane) -> None:
    lane.save(2000)
    lane.proxy.faults.append(("/v1/batches", central.kill))
    try:
        ok, _error = lane.round()
        assert not ok
    finally:
        central.start()
    assert lane.round() == (True, None)
    assert_in_step(central, lane)


CLIENT = [sys.executable, "-m", "inspection_client"]


def _client(
    lane: Lane, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "inspection_client", "--data-dir", str(lane.data_dir), *args],
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_client_killed_between_receipt_and_marking(central: RealCentral, lane: Lane) -> None:
    lane.save(1200)
    crashed = _client(lane, "sync", env={"INSPECTION_SYNC_CRASH_AT": "after_send"})
    assert crashed.returncode == -signal.SIGKILL
    assert outbox.pending_count(lane.store) == 1200  # committed at the central, not marked here
    # The first batch (1,000) is held; the second (200) too, unless the kill came before
    # its upload was complete.
    held = -1
    while held != (held := len(central.record_ids(lane.workstation_id))):
        time.sleep(0.3)  # until the central has finished what it received before the kill
    assert held in (1000, 1200)
    lane.proxy.requests.clear()
    done = _client(lane, "sync")
    assert done.returncode == 0, done.stderr
    assert_in_step(central, lane)
    # What the central held is recovered by id, not uploaded again; only the rest is sent.
    lookups = sum(path.startswith("/v1/receipts/") for path in lane.proxy.requests)
    assert lookups == (2 if held == 1200 else 1)
    assert lane.proxy.requests.count("/v1/batches") == (0 if held == 1200 else 1)
    assert f"{held:,} of them already held by the central" in done.stdout


def test_client_killed_between_save_and_send(central: RealCentral, lane: Lane) -> None:
    script = (
        "import os, signal, sys\n"
        "from inspection_client.store.database import Store\n"
        "from inspection_client.store import records\n"
        "from tests import factories\n"
        "store = Store.open(sys.argv[1])\n"
        "records.save(store, factories.passenger(), officer='OFF01')\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    killed = subprocess.run(
        [sys.executable, "-c", script, str(paths.database_file(lane.data_dir))],
        capture_output=True,
        timeout=60,
        cwd=Path(__file__).parents[2],
    )
    assert killed.returncode == -signal.SIGKILL
    assert outbox.pending_count(lane.store) == 1
    assert lane.round() == (True, None)
    assert_in_step(central, lane)


def test_two_workers_and_usb_import_at_once(
    central: RealCentral, lane: Lane, tmp_path: Path
) -> None:
    lane.save(3000)
    stick = tmp_path / "stick"
    usb.export_batches(lane.store, stick)
    workers = [
        subprocess.Popen(
            [sys.executable, "-m", "inspection_client", "--data-dir", str(lane.data_dir), "sync"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for _ in range(2)
    ]
    imported = central.command("import", str(stick), check=False)
    outputs = [worker.communicate(timeout=300) for worker in workers]
    assert all(w.returncode == 0 for w in workers), outputs
    assert imported.returncode == 0, imported.stderr
    usb.import_receipts(lane.store, stick)
    usb.import_receipts(lane.store, stick)  # twice, and after HTTP delivered: harmless
    assert lane.round() == (True, None)
    assert_in_step(central, lane)


def test_same_id_different_content_is_quarantined_and_flagged(
    central: RealCentral, lane: Lane, tmp_path: Path
) -> None:
    original = lane.save(3)[1]
    assert lane.round() == (True, None)
    other = make_lane(central, tmp_path)
    try:
        records.save(other.store, factories.passenger(), officer="OFF01", record_id=original.id)
        other.save(2)
        ok, error = other.round()
        assert not ok and error == "1 record(s) not accepted by the central — see Sync problems"
        problems = outbox.sync_problems(other.store)
        assert [(p.seq, p.record_id, p.state) for p in problems] == [
            (1, str(original.id), "conflict")
        ]
        assert problems[0].detail
        assert_in_step(central, other)
    finally:
        other.store.close()
        other.proxy.close()
    assert_in_step(central, lane)


def restored_after_losing(
    lane: Lane, tmp_path: Path, lost: int
) -> tuple[list[Record], tuple[int, str]]:
    """#1-#30 synced and backed up, then `lost` more synced; then the disk dies and the backup
    goes back. The records lost with it, and the chain head the lost database had."""
    lane.save(30)
    assert lane.round() == (True, None)
    backup_file = tmp_path / "usb.db"
    back_up(lane.store, backup_file)  # at the shift change
    saved = lane.save(lost)
    assert lane.round() == (True, None)  # they reach the central; then the disk dies
    head_before = audit.chain_head(lane.store)
    lane.store.close()
    restore(backup_file, lane.data_dir, replace=True)
    lane.store = Store.open(paths.database_file(lane.data_dir))
    assert audit.chain_head(lane.store)[0] == 30
    return saved, head_before


def test_a_lane_restored_from_its_backup_is_told_and_the_central_raises_an_alert(
    central: RealCentral, lane: Lane, tmp_path: Path
) -> None:
    restored_after_losing(lane, tmp_path, 20)
    with pytest.raises(HeldAfterRestore):
        lane.save(1)
    # A supervisor who cannot wait for the central lifts the hold: the history forks.
    restore_hold.lift(lane.store, by="SUP01", reason="link down")
    lane.save(5)  # #31-#35 again, for other travellers
    ok, error = lane.round()
    assert not ok
    assert error == (
        "Restored from an old backup? Call IT: the central holds records up to #50, this "
        "database only up to #35, and new records collide"
    )
    problems = outbox.sync_problems(lane.store)
    assert [(p.seq, p.state) for p in problems] == [(seq, "conflict") for seq in range(31, 36)]
    alerts = json.loads(central.command("chain-alerts", "list", "--json").stdout)
    mine = [a for a in alerts if a["workstation_id"] == lane.workstation_id]
    assert [a["reason"].split(":")[0] for a in mine] == [
        "seq 31-35 already held with other records"
    ]
    kept = json.loads(
        central.command("problems", "--workstation", lane.workstation_id, "--json").stdout
    )
    assert [(r["seq"], r["state"]) for r in kept["records"]] == [
        (seq, "quarantined") for seq in range(31, 36)
    ]
    number = str(mine[0]["alert_id"])
    central.command("chain-alerts", "resolve", number, "--by", "IT", "--note", "restored lane")
    alerts = json.loads(central.command("chain-alerts", "list", "--json").stdout)
    assert all(a["workstation_id"] != lane.workstation_id for a in alerts)


def test_a_lane_restored_from_its_backup_takes_back_what_the_central_holds(
    central: RealCentral, lane: Lane, tmp_path: Path
) -> None:
    lost, head_before = restored_after_losing(lane, tmp_path, 20)

    synced = subprocess.run(
        [*CLIENT, "--data-dir", str(lane.data_dir), "sync"], capture_output=True, text=True
    )
    assert synced.returncode == 0, synced.stderr
    assert synced.stdout.splitlines() == [
        "Took back 20 records this database had lost (it was put back to an older copy: a "
        "backup, or a file copied by hand): the central held them.",
        "The restored database now has every record the central holds for this "
        "workstation: new records can be saved.",
        "Synced: 0 records acknowledged, nothing pending.",
    ]
    # The same records, the same bytes, the same chain: as if the disk had never died.
    assert audit.chain_head(lane.store) == head_before
    assert audit.verify_chain(lane.store).intact
    assert [r.id for r in records.by_seq(lane.store, 31, 50)] == [r.id for r in lost]
    assert outbox.pending_count(lane.store) == 0
    assert records.current(lane.store, lost[-1].id) is not None

    lane.save(5)  # #51-#55: they follow on, nothing collides
    assert lane.round() == (True, None)
    assert_in_step(central, lane)
    alerts = json.loads(central.command("chain-alerts", "list", "--json").stdout)
    assert all(a["workstation_id"] != lane.workstation_id for a in alerts)


def test_a_lane_without_a_link_takes_back_its_records_from_a_usb_stick(
    central: RealCentral, lane: Lane, tmp_path: Path
) -> None:
    # Past one page of records; the link dies with the disk.
    lost, head_before = restored_after_losing(lane, tmp_path, 1_030)

    stick = tmp_path / "stick"
    exported = central.command(
        "export-records", "--workstation", lane.workstation_id, "--after", "30", "--to", str(stick)
    )
    assert exported.stdout.splitlines()[-1] == (
        f"1,030 records of {lane.workstation_id} (#31 to #1060) in 2 file(s)."
    )
    first = stick / f"{lane.workstation_id}-after-000000030.records.json"
    half = _client(lane, "sync", "take-back", str(first))  # one page of two: not done yet
    assert half.returncode == 1
    assert "Took back 1,000 records; this database now ends at #1030" in half.stdout
    assert "ask IT for the files from #1030 on" in half.stderr
    with pytest.raises(HeldAfterRestore):
        lane.save(1)

    taken = _client(lane, "sync", "take-back", str(stick))  # again, whole: harmless
    assert taken.returncode == 0, taken.stderr
    assert taken.stdout.splitlines() == [
        "Took back 30 records; this database now ends at #1060, the central's files at #1060.",
        "The restored database now has every record the central's files hold for this "
        "workstation: new records can be saved.",
    ]
    assert audit.chain_head(lane.store) == head_before
    assert [r.id for r in records.by_seq(lane.store, 31, 1060)] == [r.id for r in lost]
    lane.save(2)  # #1061-#1062 follow on when the link is back
    assert lane.round() == (True, None)
    assert_in_step(central, lane)
    info = _client(lane, "db", "info")
    assert "Hold lifted:" in info.stdout and "by the central's records on USB" in info.stdout


def test_bad_signature_revoked_and_replay_are_rejected(
    central: RealCentral, lane: Lane, tmp_path: Path
) -> None:
    lane.save(5)
    key_file = paths.workstation_key_file(lane.data_dir)
    genuine = key_file.read_bytes()
    key_file.unlink()
    keys.generate_key_file(key_file)
    ok, error = lane.round()
    assert not ok and "signature" in (error or "")
    key_file.unlink()
    key_file.write_bytes(genuine)
    key_file.chmod(0o600)
    assert outbox.pending_count(lane.store) == 5
    # Another workstation signs a batch of this one's records: refused.
    other = make_lane(central, tmp_path)
    try:
        _ws, _c, other_key = require_enrolment(other.store)
        forged = batches.build(lane.store, other_key, lane.workstation_id, 1, 5)
        answer = httpx.post(f"{central.url}/v1/batches", content=forged.body, timeout=30)
        assert 400 <= answer.status_code < 500
        assert answer.json()["error"]["code"] in ("bad_signature", "wrong_workstation")
    finally:
        other.store.close()
        other.proxy.close()
    assert lane.round() == (True, None)
    assert_in_step(central, lane)
    central.command("workstation", "revoke", lane.workstation_id)
    lane.save(1)
    ok, error = lane.round()
    assert not ok and "revoked" in (error or "")
    assert outbox.pending_count(lane.store) == 1


def test_device_clock_a_year_off_is_accepted_in_seq_order(central: RealCentral, lane: Lane) -> None:
    now = datetime.now().astimezone()
    lane.save(2, recorded_at=now + timedelta(days=365))
    lane.save(2, recorded_at=now - timedelta(days=400))
    lane.save(2)
    assert lane.round() == (True, None)
    assert_in_step(central, lane)


def test_central_errors_for_a_while_then_recovery_without_new_records(
    central: RealCentral, lane: Lane
) -> None:
    lane.save(50)
    lane.proxy.faults += [("/v1/hello", "503")] * 3 + [("/v1/batches", "503")] * 3
    seen: list[bool] = []
    service = SyncService(lane.data_dir)
    try:
        result = keep_syncing(
            service,
            threading.Event(),
            backoff=Backoff(0.01, 0.05),
            until_synced=True,
            on_round=lambda r: seen.append(r.ok),
        )
    finally:
        service.close()
    assert result is not None and result.ok and seen == [False] * 6 + [True]
    assert_in_step(central, lane)


def test_central_restored_from_an_older_backup(tmp_path: Path) -> None:
    restored = RealCentral(tmp_path / "restored")
    restored.workdir.mkdir()
    try:
        restored.start()
        lane = make_lane(restored, tmp_path)
        lane.save(700)
        assert lane.round() == (True, None)
        restored.stop()
        backup = f"{restored.name}_bak"
        restored.snapshot(backup)
        restored.start()
        lane.save(1300)
        assert lane.round() == (True, None)
        restored.stop()
        restored.restore(backup)
        restored.start()
        assert len(restored.record_ids(lane.workstation_id)) == 700
        assert lane.round() == (True, None)
        assert_in_step(restored, lane)
        lane.store.close()
        lane.proxy.close()
    finally:
        restored.close()


def test_enrol_and_sync_commands(central: RealCentral, tmp_path: Path) -> None:
    fresh = tmp_path / "fresh"
    code = central.enrolment_code(lane="P77")
    enrolled = subprocess.run(
        [*CLIENT, "--data-dir", str(fresh), "enrol", "--central", central.url, "--code", code],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert enrolled.returncode == 0, enrolled.stderr
    assert "Enrolled as" in enrolled.stdout and "pinned" in enrolled.stdout
    again = subprocess.run(
        [*CLIENT, "--data-dir", str(fresh), "enrol", "--central", central.url, "--code", code],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert again.returncode == 2 and "already enrolled" in again.stderr
    seeded = subprocess.run(
        [*CLIENT, "--data-dir", str(fresh), "seed", "--records", "30"],
        capture_output=True,
        timeout=120,
    )
    assert seeded.returncode == 0
    synced = subprocess.run(
        [*CLIENT, "--data-dir", str(fresh), "sync"], capture_output=True, text=True, timeout=120
    )
    assert synced.returncode == 0, synced.stderr
    assert "records left" in synced.stderr and "nothing pending" in synced.stdout
    # The key list published at enrolment arrives with the first round, and it says so.
    assert "Reference data applied: workstation_keys v" in synced.stdout
    # The demo's data directory holds records: it keeps its id, so a code for another lane is
    # refused naming both lanes, before the central uses it; a code for L01 then enrols it.
    demo = tmp_path / "demo"
    subprocess.run(
        [*CLIENT, "--data-dir", str(demo), "seed", "--records", "3"],
        capture_output=True,
        timeout=120,
        check=True,
    )
    refused = subprocess.run(
        [
            *CLIENT,
            "--data-dir",
            str(demo),
            "enrol",
            "--central",
            central.url,
            "--code",
            central.enrolment_code(lane="P78"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert refused.returncode == 2
    assert "lane P78" in refused.stderr and "lane L01" in refused.stderr
    assert "nothing changed at the central" in refused.stderr
    assert "Traceback" not in refused.stderr
    listed = json.loads(central.command("workstation", "list", "--json").stdout)
    states = {entry["workstation_id"]: entry["state"] for entry in listed}
    assert "DEMO-KHG-L01" not in states
    assert "awaiting enrolment" in {
        state for ws, state in states.items() if ws.startswith("KHG-P78-")
    }
    demo_enrolled = subprocess.run(
        [
            *CLIENT,
            "--data-dir",
            str(demo),
            "enrol",
            "--central",
            central.url,
            "--code",
            central.enrolment_code(lane="L01"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert demo_enrolled.returncode == 0, demo_enrolled.stderr
    assert "Enrolled as DEMO-KHG-L01" in demo_enrolled.stdout
    demo_synced = subprocess.run(
        [*CLIENT, "--data-dir", str(demo), "sync"], capture_output=True, text=True, timeout=120
    )
    assert demo_synced.returncode == 0, demo_synced.stderr
    with Store.open(paths.database_file(demo)) as demo_store:
        held = demo_store.conn.execute("SELECT count(*) FROM records").fetchone()[0]
    assert held > 3  # the seeded clearances and their shifts
    assert central.workstation("DEMO-KHG-L01")["records"] == held
    unreachable = subprocess.run(
        [*CLIENT, "--data-dir", str(fresh), "sync", "--central", "http://127.0.0.1:9"],
        capture_output=True,
        text=True,
    )
    assert unreachable.returncode == 4
    assert unreachable.stderr.strip().splitlines()[-1].startswith("inspection-client: The central")


def test_reference_data_over_http_and_usb(central: RealCentral, lane: Lane, tmp_path: Path) -> None:
    from inspection_client.store import officers
    from inspection_client.store.sync_state import workstation_public_keys
    from inspection_client.sync import reference
    from inspection_client.sync.wire import ReferenceKind

    code = f"R{uuid.uuid4().hex[:5].upper()}"
    central.command(
        "officer", "add", code, "--name", "Roster Officer", "--role", "supervisor", "--port", "KHG"
    )
    import pyrage

    from inspection_client.store.backup import RECIPIENT_SETTING

    recovery = str(pyrage.x25519.Identity.generate().to_public())
    central.command("backup-key", "set", recovery, "--by", "IT Wang")
    assert lane.round() == (True, None)
    assert officers.get_officer(lane.store, code) is not None
    assert lane.store.setting(RECIPIENT_SETTING) == recovery  # backups are sealed for it
    versions = reference.local_versions(lane.store)
    assert versions.get(ReferenceKind.WORKSTATION_KEYS, 0) >= 1
    _ws, _central_key, own = require_enrolment(lane.store)
    from inspection_client.reports.sealed_qr import key_id

    assert key_id(own.public_key()).hex() in workstation_public_keys(lane.store)
    # The same snapshots on a stick: already in use, so harmless; then a newer roster.
    central.command("officer", "add", code + "X", "--name", "Second", "--role", "officer")
    stick = tmp_path / "reference"
    central.command("export-reference", "--to", str(stick))
    imported = _client(lane, "reference", "import", str(stick))
    assert imported.returncode == 0, imported.stderr
    assert "roster" in imported.stdout
    assert officers.get_officer(lane.store, code + "X") is not None
