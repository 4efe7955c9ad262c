"""Enrolment, reference snapshots and the USB procedure, against the in-process fake central."""

from __future__ import annotations

import errno
import importlib.util
import os
import signal
import stat
from datetime import timedelta
from pathlib import Path

import orjson
import pytest

from inspection_client import cli, paths
from inspection_client.domain.codes import LaneKind
from inspection_client.errors import InputError
from inspection_client.reports.files import OutputError
from inspection_client.reports.sealed_qr import key_id
from inspection_client.seeding import ensure_demo
from inspection_client.store import officers, sync_state
from inspection_client.store.database import Store
from inspection_client.store.errors import StoreCorrupt
from inspection_client.sync import keys, outbox, reference, usb
from inspection_client.sync.enrolment import EnrolmentRefused, enrol
from inspection_client.sync.errors import BadReferenceData
from inspection_client.sync.service import SyncService
from inspection_client.sync.wire import ReferenceKind, SignedBatch
from tests.sync.conftest import FAKE_URL, save_clearances
from tests.sync.fake_central import FakeCentral


def test_enrolment_creates_the_key_pins_the_central_and_sets_up_the_workstation(
    enrolled: Store, data_dir: Path, central: FakeCentral
) -> None:
    key_file = paths.workstation_key_file(data_dir)
    assert stat.S_IMODE(os.stat(key_file).st_mode) == 0o600
    workstation = enrolled.require_workstation()
    assert (workstation.workstation_id, workstation.lane_kind) == ("KHG-L07", LaneKind.VEHICLE)
    assert sync_state.get(enrolled, sync_state.CENTRAL_KEY) == central.public_text
    registered = central.workstations["KHG-L07"]["key"]
    assert registered == keys.public_key_text(keys.load_private_key(key_file).public_key())
    with pytest.raises(EnrolmentRefused, match="already enrolled"):
        enrol(enrolled, FAKE_URL, central.add_code("CODE-2"), transport=central.transport())


def test_wrong_code_is_refused_clearly(store: Store, central: FakeCentral) -> None:
    with pytest.raises(EnrolmentRefused, match="did not accept this enrolment code"):
        enrol(store, FAKE_URL, "WRONG-CODE", transport=central.transport())
    assert sync_state.get(store, sync_state.CENTRAL_KEY) is None


def test_demo_without_records_is_re_identified(data_dir: Path, central: FakeCentral) -> None:
    with Store.open(data_dir / "lane.db") as store:
        ensure_demo(store)
        enrol(store, FAKE_URL, central.add_code("CODE-4"), transport=central.transport())
        workstation = store.require_workstation()
    assert workstation.workstation_id == "KHG-L07" and not workstation.demo


def test_roster_applies_whole_keeps_pins_and_refuses_rollback_and_forgery(
    enrolled: Store, data_dir: Path, central: FakeCentral
) -> None:
    from inspection_client.domain.models import Officer

    officers.add_officer(enrolled, Officer(code="AB01", name="Old Name"), "2468")
    key = central.key.public_key()
    roster = {
        "officers": [
            {"code": "AB01", "name": "Ayşe Bek", "role": "officer", "port": "KHG"},
            {"code": "SUP9", "name": "Sup", "role": "supervisor", "port": None},
            {"code": "XX01", "name": "Elsewhere", "role": "officer", "port": "HRG"},
        ]
    }
    reference.apply(enrolled, central.publish(ReferenceKind.ROSTER, roster, 2), key)
    assert [o.code for o in officers.list_officers(enrolled)] == ["AB01", "SUP9"]
    assert officers.check_pin(enrolled, "AB01", "2468").ok
    assert officers.get_officer(enrolled, "AB01").name == "Ayşe Bek"  # type: ignore[union-attr]
    with pytest.raises(BadReferenceData, match="older"):
        reference.apply(enrolled, central.publish(ReferenceKind.ROSTER, {"officers": []}, 1), key)
    forged = central.publish(ReferenceKind.ROSTER, {"officers": []}, 3)
    tampered = forged.model_copy(
        update={"snapshot": forged.snapshot.model_copy(update={"version": 4})}
    )
    with pytest.raises(BadReferenceData, match="not signed"):
        reference.apply(enrolled, tampered, key)
    bad = central.publish(ReferenceKind.ROSTER, {"officers": [{"code": "!", "name": ""}]}, 5)
    with pytest.raises(BadReferenceData, match="unusable"):
        reference.apply(enrolled, bad, key)
    assert [o.code for o in officers.list_officers(enrolled)] == ["AB01", "SUP9"]
    assert reference.local_versions(enrolled)[ReferenceKind.ROSTER] == 2
    # A newer roster without SUP9 retires it; the locally made account stays only if listed.
    reference.apply(
        enrolled,
        central.publish(ReferenceKind.ROSTER, {"officers": [roster["officers"][0]]}, 6),
        key,
    )
    assert [o.code for o in officers.list_officers(enrolled)] == ["AB01"]


def test_round_pulls_reference_data_and_keys_include_our_own(
    enrolled: Store, data_dir: Path, central: FakeCentral
) -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from inspection_client.sync.service import SyncService

    other = Ed25519PrivateKey.generate().public_key()
    central.publish(
        ReferenceKind.WORKSTATION_KEYS,
        {
            "keys": [
                {
                    "workstation_id": "KHG-L02",
                    "port_code": "KHG",
                    "lane_id": "L02",
                    "public_key": keys.public_key_text(other),
                    "revoked": True,
                }
            ]
        },
        1,
    )
    central.publish(ReferenceKind.LANES, {"lanes": []}, 3, expires=timedelta(days=-1))
    central.publish(ReferenceKind.WATCHLIST, {"entries": "not a watchlist"}, 7)
    sync = SyncService(data_dir, FAKE_URL, transport=central.transport())
    result = sync.run_round()
    sync.close()
    assert result.ok
    versions = reference.local_versions(enrolled)
    assert versions[ReferenceKind.WORKSTATION_KEYS] == 1 and versions[ReferenceKind.LANES] == 3
    assert any(w.startswith("lanes v3") and "expired" in w for w in sync.warnings)
    assert {"workstation_keys v1", "lanes v3"} <= set(sync.applied)
    found = reference.workstation_public_keys(enrolled)
    own = keys.load_private_key(paths.workstation_key_file(data_dir)).public_key()
    assert found[key_id(other).hex()][1] is True
    assert found[key_id(own).hex()][1] is False
    if importlib.util.find_spec(reference.WATCHLIST_HOOK) is None:
        held = reference.held_snapshot(enrolled, ReferenceKind.WATCHLIST)
        assert held is not None and held.snapshot.version == 7
    else:  # the watchlist module refuses a malformed payload: a warning, not a stop
        assert ReferenceKind.WATCHLIST not in versions
        assert any(w.startswith("watchlist:") for w in sync.warnings)


def _central_imports(central: FakeCentral, folder: Path) -> None:
    """What `inspection-central import` does: a receipt file next to each batch file."""
    for path in sorted(folder.glob("*.batch.json")):
        signed = SignedBatch.model_validate_json(path.read_bytes())
        receipt = central.receipts.get(signed.batch.batch_id) or central._ingest(signed)
        central.receipts[signed.batch.batch_id] = receipt
        path.with_name(path.name.replace(".batch.json", ".receipt.json")).write_bytes(receipt)


def test_usb_export_import_receipt_is_idempotent(
    enrolled: Store,
    data_dir: Path,
    central: FakeCentral,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    save_clearances(enrolled, 1500)
    stick = tmp_path / "stick"
    assert cli.main(["sync", "export", "--to", str(stick)]) == 0
    assert "Wrote 2 batch files (1,500 records) and manifest.json" in capsys.readouterr().out
    names = sorted(p.name for p in stick.iterdir())
    assert names == ["KHG-L07-1-1000.batch.json", "KHG-L07-1001-1500.batch.json", "manifest.json"]
    manifest = orjson.loads((stick / "manifest.json").read_bytes())
    assert [b["count"] for b in manifest["batches"]] == [1000, 500]
    assert outbox.pending_count(enrolled) == 1500  # nothing leaves before a receipt
    _central_imports(central, stick)
    assert cli.main(["sync", "import-receipt", str(stick)]) == 0
    assert outbox.pending_count(enrolled) == 0
    assert cli.main(["sync", "import-receipt", str(stick)]) == 0  # twice: harmless
    assert "0 records acknowledged" in capsys.readouterr().out.splitlines()[-1]
    assert outbox.pending_count(enrolled) == 0


def test_usb_export_refuses_a_folder_on_a_stick_that_is_not_mounted(
    enrolled: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--to /media/usb/out` with no stick at /media/usb would put the batches on the lane's
    own disk and send the stick to the central empty: refused, nothing made."""
    save_clearances(enrolled, 1)
    unmounted = tmp_path / "media" / "usb"
    # Files that cannot be written where asked: exit 3, as for `db backup` and `report`.
    assert cli.main(["sync", "export", "--to", str(unmounted / "out")]) == 3
    assert f"There is no folder {unmounted} to write out in" in capsys.readouterr().err
    assert not (tmp_path / "media").exists()
    taken = tmp_path / "notes.txt"  # a file where the folder should be made
    taken.write_text("mine")
    assert cli.main(["sync", "export", "--to", str(taken)]) == 3
    assert f"{taken} is a file, not a folder" in capsys.readouterr().err
    assert taken.read_text() == "mine"
    assert outbox.pending_count(enrolled) == 1


def test_one_batch_file_is_said_in_the_singular(
    enrolled: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    save_clearances(enrolled, 1)
    assert cli.main(["sync", "export", "--to", str(tmp_path / "stick")]) == 0
    assert "Wrote 1 batch file (1 record) and manifest.json" in capsys.readouterr().out


def test_a_stale_receipt_does_not_send_again_what_a_newer_one_acknowledged(
    enrolled: Store,
    central: FakeCentral,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The second batch reaches the central first: its receipt lists the first as a gap,
    # which the first batch fills a moment later.
    save_clearances(enrolled, 1500)
    stick = tmp_path / "stick"
    usb.export_batches(enrolled, stick)
    early = tmp_path / "early"
    early.mkdir()
    (stick / "KHG-L07-1001-1500.batch.json").rename(early / "KHG-L07-1001-1500.batch.json")
    _central_imports(central, early)
    _central_imports(central, stick)
    stale = orjson.loads((early / "KHG-L07-1001-1500.receipt.json").read_bytes())
    assert stale["receipt"]["gaps"] == [[1, 1000]]
    for receipts in (early, stick):  # the stale receipt first: its gap is still open then
        assert cli.main(["sync", "import-receipt", str(receipts)]) == 0
    assert outbox.pending_count(enrolled) == 0
    capsys.readouterr()
    # Imported again after the newer one: the gap it lists was filled since it was written.
    assert cli.main(["sync", "import-receipt", str(early)]) == 0
    assert "0 records acknowledged" in capsys.readouterr().out
    assert outbox.pending_count(enrolled) == 0
    # A newer receipt that still lists a gap (a central restored from a backup) is heeded.
    central.forget_above("KHG-L07", 0)
    save_clearances(enrolled, 1)
    newer = tmp_path / "newer"
    usb.export_batches(enrolled, newer)
    _central_imports(central, newer)
    assert cli.main(["sync", "import-receipt", str(newer)]) == 0
    assert outbox.pending_count(enrolled) == 1500


def test_a_full_stick_is_reported_and_left_without_half_files(
    enrolled: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_clearances(enrolled, 5)
    stick = tmp_path / "stick"

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OutputError, match="No space left on device"):
        usb.export_batches(enrolled, stick)
    assert [p.name for p in stick.iterdir()] == []
    assert outbox.pending_count(enrolled) == 5


def test_usb_receipt_from_elsewhere_is_not_applied(
    enrolled: Store, central: FakeCentral, tmp_path: Path
) -> None:
    save_clearances(enrolled, 5)
    stick = tmp_path / "stick"
    usb.export_batches(enrolled, stick)
    _central_imports(central, stick)
    receipt = next(stick.glob("*.receipt.json"))
    data = orjson.loads(receipt.read_bytes())
    data["receipt"]["batch_id"] = "f" * 64
    receipt.write_bytes(orjson.dumps(data))
    (stick / "junk.receipt.json").write_text("<html>")
    imported = usb.import_receipts(enrolled, stick)
    assert imported.receipts == 0 and len(imported.refused) == 2
    assert any(
        "junk.receipt.json: not a receipt file from the central" in r for r in imported.refused
    )
    assert outbox.pending_count(enrolled) == 5


def test_reference_import_command(
    enrolled: Store, central: FakeCentral, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "roster-v2.snapshot.json"
    signed = central.publish(
        ReferenceKind.ROSTER, {"officers": [{"code": "AB01", "name": "A", "role": "officer"}]}, 2
    )
    file.write_bytes(signed.canonical())
    assert cli.main(["reference", "import", str(file)]) == 0
    assert cli.main(["reference", "import", str(file)]) == 0
    out = capsys.readouterr().out
    assert "roster v2 applied" in out and "roster v2 already in use\n" in out
    empty = tmp_path / "empty"
    empty.mkdir()
    assert cli.main(["reference", "import", str(empty)]) == 2
    assert "No snapshot files (*.snapshot.json) in" in capsys.readouterr().err
    older = tmp_path / "roster-v1.snapshot.json"
    older.write_bytes(central.publish(ReferenceKind.ROSTER, {"officers": []}, 1).canonical())
    garbage = tmp_path / "x.snapshot.json"
    garbage.write_bytes(b"\x00\xff not json")
    assert cli.main(["reference", "import", str(older), str(garbage)]) == 2
    err = capsys.readouterr().err
    assert "older than the v2" in err and "not a reference snapshot" in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_or_a_device_on_a_stick_is_refused_not_waited_on(
    enrolled: Store, central: FakeCentral, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A name on a stick that is a pipe once left `reference import` and `sync import-receipt`
    # waiting for ever; a link to /dev/zero read until memory ran out (test_carried_files).
    stick = tmp_path / "stick"
    stick.mkdir()
    os.mkfifo(stick / "roster-v3.snapshot.json")
    save_clearances(enrolled, 2)
    usb.export_batches(enrolled, stick)
    _central_imports(central, stick)
    os.mkfifo(stick / "late.receipt.json")
    previous = signal.signal(signal.SIGALRM, _waited)
    signal.alarm(20)
    try:
        assert cli.main(["reference", "import", str(stick)]) == 2
        err = capsys.readouterr().err
        assert "roster-v3.snapshot.json: cannot be read (not a file (a device, pipe or" in err
        imported = usb.import_receipts(enrolled, stick)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert imported.receipts == 1 and outbox.pending_count(enrolled) == 0
    assert imported.refused == [
        f"late.receipt.json: Cannot read {stick / 'late.receipt.json'}: not a file (a device, "
        "pipe or folder)"
    ]


def _waited(signum: int, frame: object) -> None:
    raise AssertionError("a file that never ends was waited on")


def test_a_missing_watchlist_file_is_fetched_again_by_sync_and_by_reference_import(
    enrolled: Store,
    data_dir: Path,
    central: FakeCentral,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from inspection_client.watchlist.check import open_checker
    from tests.watchlist.conftest import sample_payload

    signed = central.publish(ReferenceKind.WATCHLIST, sample_payload(), 5)
    file = tmp_path / "watchlist-v5.snapshot.json"
    file.write_bytes(signed.canonical())
    assert cli.main(["reference", "import", str(file)]) == 0
    watchlist_file = data_dir / "watchlist-5.db"
    watchlist_file.unlink()
    assert ReferenceKind.WATCHLIST not in reference.local_versions(enrolled)
    assert cli.main(["reference", "import", str(file)]) == 0
    assert "missing or damaged" in capsys.readouterr().out
    watchlist_file.write_bytes(b"damaged")
    sync = SyncService(data_dir, FAKE_URL, transport=central.transport())
    assert sync.run_round().ok
    sync.close()
    checker = open_checker(enrolled)
    assert checker is not None
    with checker:
        assert checker.version == 5 and checker.vins("1M8GDM9AXKP042788")
    assert reference.local_versions(enrolled)[ReferenceKind.WATCHLIST] == 5


def test_a_watchlist_whose_recheck_the_database_refuses_is_applied_and_said(
    enrolled: Store,
    data_dir: Path,
    central: FakeCentral,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """By the sync round (one of its warnings) and by `reference import` (stderr, status 3):
    the snapshot is in use, and its re-check of the last day stays owed."""
    from inspection_client.watchlist import retrospective
    from tests.watchlist.conftest import sample_payload

    def refused(*_args: object) -> list[str]:
        raise StoreCorrupt("The database is damaged (database disk image is malformed).")

    monkeypatch.setattr(retrospective, "_recent_clearances", refused)
    central.publish(ReferenceKind.WATCHLIST, sample_payload(), 5)
    sync = SyncService(data_dir, FAKE_URL, transport=central.transport())
    assert sync.run_round().ok
    sync.close()
    (warning,) = [w for w in sync.warnings if w.startswith("watchlist v5: ")]
    assert "re-check of the last day's clearances could not be made" in warning
    assert reference.local_versions(enrolled)[ReferenceKind.WATCHLIST] == 5
    signed = central.publish(ReferenceKind.WATCHLIST, sample_payload(), 6)
    file = tmp_path / "watchlist-v6.snapshot.json"
    file.write_bytes(signed.canonical())
    assert cli.main(["reference", "import", str(file)]) == 3
    captured = capsys.readouterr()
    assert "watchlist v6 applied" in captured.out
    assert "watchlist-v6.snapshot.json: Its re-check" in captured.err
    assert enrolled.setting(retrospective.RECHECK_OWED) is not None


def test_reference_import_goes_on_past_a_refused_watchlist(
    enrolled: Store, central: FakeCentral, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    bad = central.publish(ReferenceKind.WATCHLIST, {"entries": "not a watchlist"}, 7)
    (folder / "watchlist-v7.snapshot.json").write_bytes(bad.canonical())
    keys_snapshot = central.publish(ReferenceKind.WORKSTATION_KEYS, {"keys": []}, 2)
    (folder / "workstation_keys-v2.snapshot.json").write_bytes(keys_snapshot.canonical())
    assert cli.main(["reference", "import", str(folder)]) == 1
    captured = capsys.readouterr()
    assert "watchlist-v7.snapshot.json: Watchlist snapshot 7 is malformed" in captured.err
    assert "workstation_keys v2 applied" in captured.out
    assert reference.local_versions(enrolled)[ReferenceKind.WORKSTATION_KEYS] == 2


def test_reference_import_on_a_workstation_not_enrolled_refuses_as_import_snapshot_does(
    store: Store, tmp_path: Path, central: FakeCentral, capsys: pytest.CaptureFixture[str]
) -> None:
    # No central key is pinned: nothing can be verified, so nothing is applied (1, as a
    # watchlist snapshot that cannot be verified), and a missing file is named (2).
    folder = tmp_path / "usb"
    folder.mkdir()
    snapshot = folder / "watchlist-v7.snapshot.json"
    snapshot.write_bytes(central.publish(ReferenceKind.WATCHLIST, {"entries": []}, 7).canonical())
    assert cli.main(["reference", "import", str(folder)]) == 1
    err = capsys.readouterr().err
    assert "no pinned central key" in err and "nothing was applied" in err
    assert cli.main(["watchlist", "import-snapshot", str(snapshot)]) == 1
    assert "no pinned central key" in capsys.readouterr().err
    assert cli.main(["reference", "import", str(tmp_path / "nowhere")]) == 2
    assert "nowhere: cannot be read" in capsys.readouterr().err


def test_sync_command_exit_status_and_one_line_cause(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    save_clearances(store, 1)
    assert cli.main(["sync", "--central", "http://127.0.0.1:9"]) == 4
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        "inspection-client: not enrolled: run `inspection-client enrol --central "
        "URL --code CODE` first"
    ]


def test_enrolment_that_does_not_reach_the_central_says_what_to_check(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    """No record is at stake at enrolment: the message is about the address, the network and
    the central, not about records kept for later."""
    assert cli.main(["enrol", "--central", "http://127.0.0.1:9", "--code", "ABCD-EFGH"]) == 4
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert err[0].startswith(
        "inspection-client: Enrolment did not reach the central at http://127.0.0.1:9 (Connect"
    )
    assert "Check the address" in err[0] and "network" in err[0] and "running" in err[0]
    assert "The code was not used" in err[0]
    assert "sent later" not in err[0]
    assert sync_state.get(store, sync_state.CENTRAL_KEY) is None


def test_enrolment_cut_off_after_the_central_answered_says_the_code_may_be_used(
    store: Store, central: FakeCentral
) -> None:
    import httpx

    from inspection_client.sync.errors import CentralUnreachable

    def cut_at_enrol(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v1/enrol":
            return httpx.Response(502, text="Bad Gateway")
        return central.handle(request)

    with pytest.raises(CentralUnreachable) as raised:
        enrol(
            store, FAKE_URL, central.add_code("CODE-9"), transport=httpx.MockTransport(cut_at_enrol)
        )
    assert raised.value.exit_status == 4
    assert "(a fault of the central, HTTP 502)" in str(raised.value)
    assert "workstation reissue" in str(raised.value)
    assert "sent later" not in str(raised.value)


def test_a_revoked_workstation_s_round_fails_once_even_with_nothing_to_send(
    enrolled: Store, data_dir: Path, central: FakeCentral
) -> None:
    workstation_id = enrolled.require_workstation().workstation_id
    sync = SyncService(data_dir, FAKE_URL, transport=central.transport())
    try:
        assert sync.run_round().ok
        central.workstations[workstation_id]["revoked"] = True
        result = sync.run_round()
        assert not result.ok and result.pending == 0
        assert result.error is not None and "revoked at the central" in result.error
        assert sync.notes == [] and sync.warnings == []  # said once, as the round's error
    finally:
        sync.close()


def test_seeding_an_enrolled_workstation_says_where_the_records_go(
    enrolled: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["seed", "--records", "5", "--days", "1"]) == 0
    err = capsys.readouterr().err
    assert f"enrolled with the central at {FAKE_URL}" in err
    assert "go there at the next sync" in err
    assert outbox.pending_count(enrolled) == 5 + 6


def test_the_agency_recovery_key_reaches_the_lane_and_the_newer_word_wins(
    enrolled: Store,
    data_dir: Path,
    central: FakeCentral,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import pyrage

    from inspection_client.store.backup import back_up
    from inspection_client.store.info import store_info
    from inspection_client.store.sealing import is_sealed
    from inspection_client.sync.service import SyncService

    agency = pyrage.x25519.Identity.generate()
    lane_key = str(pyrage.x25519.Identity.generate().to_public())
    central.publish(ReferenceKind.BACKUP_KEY, {"recipient": str(agency.to_public())}, 1)
    sync = SyncService(data_dir, FAKE_URL, transport=central.transport())
    assert sync.run_round().ok
    info = store_info(enrolled)
    assert info.backup_recovery_key == str(agency.to_public())
    assert info.backup_recovery_key_source == "central v1"
    save_clearances(enrolled, 2)
    made = back_up(enrolled, tmp_path / "usb.db.age")
    assert made.sealed_for == str(agency.to_public()) and is_sealed(made.path)

    # A key set on the lane holds until the central publishes another.
    assert cli.main(["db", "backup-key", "set", lane_key]) == 0
    assert sync.run_round().ok  # the same v1 again: nothing changes
    assert store_info(enrolled).backup_recovery_key == lane_key
    assert cli.main(["db", "info"]) == 0
    assert f"sealed for the recovery key {lane_key} (set on this lane)" in capsys.readouterr().out
    rotated = str(pyrage.x25519.Identity.generate().to_public())
    central.publish(ReferenceKind.BACKUP_KEY, {"recipient": rotated}, 2)
    assert sync.run_round().ok
    assert store_info(enrolled).backup_recovery_key == rotated

    # A snapshot without a usable public key is a warning; the lane keeps the key it has.
    central.publish(ReferenceKind.BACKUP_KEY, {"recipient": "AGE-SECRET-KEY-1QQQ"}, 3)
    assert sync.run_round().ok
    sync.close()
    assert any(
        w.startswith("backup_key: The backup key snapshot holds no usable recovery key")
        for w in sync.warnings
    )
    assert store_info(enrolled).backup_recovery_key == rotated
    assert reference.local_versions(enrolled)[ReferenceKind.BACKUP_KEY] == 2


def test_a_central_older_than_a_kind_of_reference_data_is_a_warning(
    enrolled: Store, data_dir: Path, central: FakeCentral
) -> None:
    from inspection_client.sync.service import SyncService

    central.unknown_kinds.add(ReferenceKind.BACKUP_KEY)
    central.publish(ReferenceKind.LANES, {"lanes": []}, 1)
    save_clearances(enrolled, 2)
    sync = SyncService(data_dir, FAKE_URL, transport=central.transport())
    result = sync.run_round()
    sync.close()
    assert result.ok and result.acknowledged == 2
    assert sync.warnings == [
        "backup_key: the central does not publish this kind of reference data (it is older "
        "than this lane client); nothing was applied"
    ]
    assert reference.local_versions(enrolled) == {ReferenceKind.LANES: 1}


def test_what_a_roster_changes_in_the_accounts_is_in_their_history(
    enrolled: Store, central: FakeCentral
) -> None:
    from inspection_client.domain.models import Officer
    from inspection_client.store import account_history

    officers.add_officer(enrolled, Officer(code="AB01", name="A"), "2468")
    key = central.key.public_key()

    def roster(version: int, *entries: tuple[str, str]) -> None:
        listed = [{"code": code, "name": code, "role": role} for code, role in entries]
        reference.apply(
            enrolled, central.publish(ReferenceKind.ROSTER, {"officers": listed}, version), key
        )

    def changes() -> list[tuple[str, str, str | None, str, str]]:
        return [(c.code, c.event, c.by, c.via, c.detail) for c in account_history.changes(enrolled)]

    roster(2, ("AB01", "officer"), ("SUP9", "supervisor"))
    assert changes() == [
        ("AB01", "name-set", None, "central roster v2", "A -> AB01"),  # the roster's name
        ("SUP9", "added", None, "central roster v2", "supervisor"),
    ]
    roster(3, ("AB01", "officer"), ("SUP9", "supervisor"))  # nothing changed: nothing noted
    roster(4, ("AB01", "supervisor"))
    roster(5, ("AB01", "supervisor"), ("SUP9", "admin"))
    assert changes()[2:] == [
        ("AB01", "role-set", None, "central roster v4", "officer -> supervisor"),
        ("SUP9", "disabled", None, "central roster v4", "not in the roster"),
        ("SUP9", "enabled", None, "central roster v5", "admin"),
        ("SUP9", "role-set", None, "central roster v5", "supervisor -> admin"),
    ]
    assert officers.get_account(enrolled, "AB01").officer.role.value == "supervisor"  # type: ignore[union-attr]


def test_a_roster_s_accounts_keep_a_new_lane_s_first_setup_open(
    enrolled: Store, central: FakeCentral
) -> None:
    listed = [{"code": "SUP9", "name": "Sup", "role": "supervisor"}]
    reference.apply(
        enrolled,
        central.publish(ReferenceKind.ROSTER, {"officers": listed}, 2),
        central.key.public_key(),
    )
    assert officers.first_setup_open(enrolled)


def test_a_retired_officer_s_pin_goes_and_a_re_listed_one_needs_a_new_pin(
    enrolled: Store, central: FakeCentral
) -> None:
    from inspection_client.store import account_history
    from inspection_client.store.account_history import Via

    key = central.key.public_key()

    def roster(version: int, *codes: str) -> None:
        listed = [{"code": code, "name": code, "role": "officer"} for code in codes]
        reference.apply(
            enrolled, central.publish(ReferenceKind.ROSTER, {"officers": listed}, version), key
        )

    roster(2, "AB01", "CD02")
    officers.set_pin(enrolled, "AB01", "2468", by="it", via=Via.COMMAND_LINE)
    officers.set_pin(enrolled, "CD02", "5937", by="it", via=Via.COMMAND_LINE)
    for _ in range(5):  # a lock, which the retirement forgets as well
        officers.check_pin(enrolled, "AB01", "0000")
    roster(3, "CD02")
    row = enrolled.conn.execute(
        "SELECT active, pin_hash, failed_attempts, locked_until, lockouts FROM officers "
        "WHERE code = 'AB01'"
    ).fetchone()
    assert row == (0, None, 0, None, 0)
    assert not officers.check_pin(enrolled, "AB01", "2468").ok
    # Listed again: an account with no PIN, like a new officer's; the old PIN does not work.
    roster(4, "AB01", "CD02")
    account = officers.get_account(enrolled, "AB01")
    assert account is not None and account.active and not account.has_pin
    assert not officers.check_pin(enrolled, "AB01", "2468").ok
    assert officers.check_pin(enrolled, "CD02", "5937").ok  # listed all along: kept
    # The new-account path: a new PIN (the same rules as for anyone), then sign-in.
    with pytest.raises(InputError, match="among the first guesses"):
        officers.set_pin(enrolled, "AB01", "1234", by="it", via=Via.COMMAND_LINE)
    officers.set_pin(enrolled, "AB01", "8264", by="it", via=Via.COMMAND_LINE)
    assert officers.check_pin(enrolled, "AB01", "8264").ok
    history = [
        (c.event, c.via, c.detail)
        for c in account_history.changes(enrolled, "AB01")
        if c.via.startswith("central")
    ]
    assert history == [
        ("added", "central roster v2", "officer"),
        ("disabled", "central roster v3", "not in the roster; PIN removed"),
        ("enabled", "central roster v4", "officer"),
    ]


def test_an_officer_retired_with_their_pin_kept_comes_back_without_it(
    enrolled: Store, central: FakeCentral
) -> None:
    """A lane that retired officers before their PIN was removed still holds the hash: the
    roster that lists them again removes it."""
    from inspection_client.store import account_history
    from inspection_client.store.account_history import Via

    key = central.key.public_key()
    listed = [{"code": "AB01", "name": "A", "role": "officer"}]
    reference.apply(enrolled, central.publish(ReferenceKind.ROSTER, {"officers": listed}, 2), key)
    officers.set_pin(enrolled, "AB01", "2468", by="it", via=Via.COMMAND_LINE)
    enrolled.conn.execute("UPDATE officers SET active = 0 WHERE code = 'AB01'")  # as before
    reference.apply(enrolled, central.publish(ReferenceKind.ROSTER, {"officers": listed}, 3), key)
    account = officers.get_account(enrolled, "AB01")
    assert account is not None and account.active and not account.has_pin
    assert not officers.check_pin(enrolled, "AB01", "2468").ok
    last = account_history.changes(enrolled, "AB01")[-1]
    assert (last.event, last.detail) == ("enabled", "officer; old PIN removed")


def test_sync_without_a_lane_database_says_so_with_exit_status_3(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A mistyped --data-dir is the lane's database missing, as for every other command,
    not records left pending (4); and no database is made there."""
    missing = tmp_path / "lane-khg-p0l"
    assert cli.main(["--data-dir", str(missing), "sync"]) == 3
    err = capsys.readouterr().err
    assert f"There is no lane database at {missing / 'lane.db'}" in err
    assert "Traceback" not in err and not missing.exists()


def _contents(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_a_refused_enrolment_leaves_no_new_data_directory_behind(
    data_dir: Path,
    central: FakeCentral,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A bad code, a central that refuses and one that cannot be reached all leave the disk as
    it was: no folder that looks like a half-set-up workstation."""
    from inspection_client.sync import enrolment
    from inspection_client.sync.transport import Central

    def fake(url: str, transport: object = None) -> Central:
        return Central(url, transport=central.transport())

    monkeypatch.setattr(enrolment, "Central", fake)
    deep = data_dir / "lanes" / "p01"
    for argv, status in (
        (["enrol", "--central", FAKE_URL, "--code", "X"], 2),  # not a code at all
        (["enrol", "--central", FAKE_URL, "--code", "WRONG-CODE"], 2),  # refused
        (["--data-dir", str(deep), "enrol", "--central", FAKE_URL, "--code", "WRONG-CODE"], 2),
    ):
        assert cli.main(argv) == status
        assert "did not accept" in capsys.readouterr().err or argv[-1] == "X"
        assert not data_dir.exists()
    monkeypatch.undo()
    monkeypatch.setenv(paths.ENV_HOME, str(data_dir))
    assert cli.main(["enrol", "--central", "http://127.0.0.1:9", "--code", "ABCD-EFGH"]) == 4
    assert "did not reach the central" in capsys.readouterr().err
    assert not data_dir.exists()


def test_a_refused_enrolment_leaves_an_existing_folder_as_it_was(
    store: Store, data_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Neither the database that was there nor anything else changes, and no key is left."""
    store.close()
    (data_dir / "notes.txt").write_text("kept")
    before = _contents(data_dir)
    assert cli.main(["enrol", "--central", "http://127.0.0.1:9", "--code", "ABCD-EFGH"]) == 4
    assert _contents(data_dir) == before
    other = tmp_path / "other"
    other.mkdir()
    (other / "notes.txt").write_text("kept")
    argv = ["--data-dir", str(other), "enrol", "--central", "http://127.0.0.1:9"]
    assert cli.main([*argv, "--code", "ABCD-EFGH"]) == 4
    assert _contents(other) == {"notes.txt": b"kept"}
    capsys.readouterr()


def test_a_roster_that_renames_an_account_says_so_in_its_history(
    enrolled: Store, central: FakeCentral, capsys: pytest.CaptureFixture[str]
) -> None:
    """A roster officer with the code of an account made on this lane takes that account and
    gives it the roster's name: the history says so, as it says a new role."""
    from inspection_client.domain.models import Officer
    from inspection_client.store import account_history
    from inspection_client.store.account_history import Via

    officers.new_officer(
        enrolled, Officer(code="AB01", name="Ma Lin"), "9731", by="it", via=Via.COMMAND_LINE
    )
    key = central.key.public_key()

    def roster(version: int, name: str, role: str = "officer") -> None:
        listed = [{"code": "AB01", "name": name, "role": role}]
        reference.apply(
            enrolled, central.publish(ReferenceKind.ROSTER, {"officers": listed}, version), key
        )

    roster(2, "Wang Fang", "supervisor")
    roster(3, "Wang Fang", "supervisor")  # nothing changed: nothing noted
    roster(4, "Wang Fang Jr")
    changes = [(c.event, c.via, c.detail) for c in account_history.changes(enrolled, "AB01")]
    assert changes[1:] == [
        ("role-set", "central roster v2", "officer -> supervisor"),
        ("name-set", "central roster v2", "Ma Lin -> Wang Fang"),
        ("role-set", "central roster v4", "supervisor -> officer"),
        ("name-set", "central roster v4", "Wang Fang -> Wang Fang Jr"),
    ]
    assert officers.get_officer(enrolled, "AB01").name == "Wang Fang Jr"  # type: ignore[union-attr]
    assert cli.main(["officer", "history", "AB01"]) == 0
    out = capsys.readouterr().out
    assert "name-set  via central roster v2 (Ma Lin -> Wang Fang)" in out
    assert cli.main(["officer", "history", "AB01", "--json"]) == 0
    events = orjson.loads(capsys.readouterr().out)
    assert [e["event"] for e in events].count("name-set") == 2


def test_an_enrolled_workstation_without_its_key_signs_nothing_with_a_new_one(
    enrolled: Store, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A database put back without its key: a report or slip would otherwise make a new key
    that neither the gates nor the central trust, and sync would then be refused."""
    from datetime import date

    from inspection_client.reports import documents

    save_clearances(enrolled, 2)
    key_file = paths.workstation_key_file(data_dir)
    key_file.unlink()
    with pytest.raises(keys.KeyFileError, match=r"is enrolled, but its key .* is missing"):
        documents.workstation_key(enrolled)
    today = date.today().isoformat()
    report = ["report", "--from", today, "--to", today, "-o", str(data_dir.parent / "r.pdf")]
    assert cli.main(report) == 3
    assert "is missing. A new key would sign" in capsys.readouterr().err
    assert not key_file.exists() and not (data_dir.parent / "r.pdf").exists()
    # Sync says the same, with the same exit status: the lane's fault, not the link's.
    stick = data_dir.parent / "stick"
    for command in (["sync"], ["sync", "export", "--to", str(stick)]):
        assert cli.main(command) == 3, command
        err = capsys.readouterr().err
        assert "is enrolled, but its key" in err and "put the key back" in err, err
        assert "Enrol the workstation first" not in err
    assert not key_file.exists() and not stick.exists()
    sync = SyncService(data_dir, FAKE_URL)
    result = sync.run_round()  # the window's round says it too
    sync.close()
    assert not result.ok and "is enrolled, but its key" in str(result.error)


def test_a_round_signed_by_a_key_the_central_does_not_hold_stops_and_fails(
    enrolled: Store, data_dir: Path, central: FakeCentral
) -> None:
    save_clearances(enrolled, 3)
    key_file = paths.workstation_key_file(data_dir)
    key_file.unlink()
    keys.generate_key_file(key_file)  # not the key the central registered
    sync = SyncService(data_dir, FAKE_URL, transport=central.transport())
    result = sync.run_round()
    sync.close()
    assert not result.ok and result.pending == 3
    assert "does not accept this workstation's signature" in str(result.error)
    assert sync.warnings == []  # one cause, not one warning per kind of reference data


def test_a_damaged_workstation_key_is_named_and_not_backed_up(
    enrolled: Store, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    key_file = paths.workstation_key_file(data_dir)
    key_file.write_bytes(os.urandom(200))
    stick = tmp_path / "stick"
    stick.mkdir()
    assert cli.main(["db", "backup", "--to", str(stick), "--with-key"]) == 3
    err = capsys.readouterr().err
    assert "is damaged: it is not a private key in PEM form" in err
    assert "cryptography.io" not in err and list(stick.iterdir()) == []
    assert cli.main(["sync", "--central", FAKE_URL]) == 3  # the lane's file, not the link
    assert "is damaged: it is not a private key in PEM form" in capsys.readouterr().err
