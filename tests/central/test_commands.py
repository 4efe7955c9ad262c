"""The `inspection-central` commands: USB import, roster and lanes, stats, export, serve."""

from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from inspection_central.cli import main
from inspection_central.storage import CentralStorage, open_storage
from inspection_client.sync import wire
from inspection_client.sync.keys import generate_key_file, public_key_from_text
from inspection_client.sync.wire import ReferenceKind, SignedReceipt, SignedSnapshot
from tests.central.lane import Lane


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    status = main(list(argv))
    return status, capsys.readouterr().out


def test_usb_import_writes_receipts_and_is_idempotent(
    storage: CentralStorage, lane: Lane, database: str, tmp_path: Path, capsys
) -> None:
    lane.save(6)
    folder = tmp_path / "usb"
    folder.mkdir()
    names = [f"{lane.workstation_id}-{a}-{b}.batch.json" for a, b in ((4, 6), (1, 3))]
    for name, (first, last) in zip(names, ((4, 6), (1, 3)), strict=True):
        (folder / name).write_text(lane.batch(first, last).model_dump_json())
    (folder / "manifest.json").write_text(json.dumps({"batches": [{"file": names[0]}]}))
    (folder / "junk.batch.json").write_text("this is not a batch")
    status, out = run(capsys, "import", str(folder), "--database", database)
    assert status == 1  # the junk file is refused, the others are imported
    assert "junk.batch.json: REFUSED malformed" in out
    assert "imported before" not in out
    receipts = {}
    for name in names:
        path = folder / name.replace(".batch.json", ".receipt.json")
        receipts[name] = SignedReceipt.model_validate_json(path.read_text())
    key = public_key_from_text(lane.headers("/")["X-Workstation"] and _central_key(storage))
    for receipt in receipts.values():
        assert wire.verify(receipt.receipt, receipt.signature, key)
    assert storage.workstation(lane.workstation_id).high_water_seq == 6  # type: ignore[union-attr]
    before = {p.name: p.read_bytes() for p in folder.glob("*.receipt.json")}
    (folder / "junk.batch.json").unlink()
    status, out = run(capsys, "import", str(folder), "--database", database)
    assert status == 0
    assert out.count("(imported before; the same receipt again)") == 2
    assert {p.name: p.read_bytes() for p in folder.glob("*.receipt.json")} == before
    assert storage.stats()["records_total"] == 6


def test_usb_import_stores_every_batch_when_receipts_cannot_be_written(
    storage: CentralStorage,
    lane: Lane,
    database: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A write-protected stick: every batch is stored, each unwritten receipt is named, and
    a rerun with --receipts-to writes them without storing anything twice."""
    from inspection_central import usb
    from inspection_central.errors import CentralError

    lane.save(6)
    stick = tmp_path / "stick"
    stick.mkdir()
    for first, last in ((1, 3), (4, 6)):
        name = f"{lane.workstation_id}-{first}-{last}.batch.json"
        (stick / name).write_text(lane.batch(first, last).model_dump_json())
    real_write = usb.write_atomically

    def write_protected(target: Path, data: bytes) -> None:
        if target.parent == stick:
            raise CentralError(f"Cannot write {target}: [Errno 30] Read-only file system")
        real_write(target, data)

    monkeypatch.setattr(usb, "write_atomically", write_protected)
    status = main(["import", str(stick), "--database", database])
    captured = capsys.readouterr()
    assert status == 1
    assert captured.out.count("stored, but RECEIPT NOT WRITTEN") == 2
    assert "Read-only file system" in captured.out
    assert "2 receipts were not written" in captured.err
    assert "--receipts-to" in captured.err
    assert storage.stats()["records_total"] == 6
    assert not list(stick.glob("*.receipt.json"))

    receipts = tmp_path / "receipts"
    status = main(["import", str(stick), "--receipts-to", str(receipts), "--database", database])
    out = capsys.readouterr().out
    assert status == 0
    assert out.count("(imported before; the same receipt again)") == 2
    assert sorted(p.name for p in receipts.glob("*.receipt.json")) == [
        f"{lane.workstation_id}-{a}-{b}.receipt.json" for a, b in ((1, 3), (4, 6))
    ]
    for path in receipts.glob("*.receipt.json"):
        outcomes = SignedReceipt.model_validate_json(path.read_text()).receipt.outcomes
        assert {o.status.value for o in outcomes} == {"accepted"}  # the first storing's receipt
    assert storage.stats()["records_total"] == 6
    assert storage.workstation(lane.workstation_id).high_water_seq == 6  # type: ignore[union-attr]


def _central_key(storage: CentralStorage) -> str:
    from inspection_central.keys import public_key_text

    return public_key_text(storage.signing_key())


def test_roster_lanes_workstations_stats_and_export(
    database: str, key_path: Path, tmp_path: Path, capsys
) -> None:
    status, out = run(
        capsys,
        "workstation",
        "add",
        "--port-code",
        "KHG",
        "--lane",
        "V01",
        "--json",
        "--database",
        database,
    )
    assert status == 0
    added = json.loads(out)
    assert {"code", "expires_at", "workstation_id"} <= added.keys()
    assert (
        run(capsys, "lanes", "add", "KHG", "V01", "--kind", "vehicle", "--database", database)[0]
        == 0
    )
    assert (
        run(
            capsys,
            "officer",
            "add",
            "off001",
            "--name",
            "Li Wei",
            "--role",
            "officer",
            "--port",
            "KHG",
            "--database",
            database,
        )[0]
        == 0
    )
    status, out = run(capsys, "officer", "list", "--json", "--database", database)
    assert json.loads(out) == [
        {"code": "OFF001", "name": "Li Wei", "role": "officer", "port": "KHG"}
    ]
    status, out = run(capsys, "lanes", "list", "--database", database)
    assert "V01" in out and "vehicle" in out
    status, out = run(capsys, "workstation", "list", "--json", "--database", database)
    assert json.loads(out)[0]["state"] == "awaiting enrolment"
    status, out = run(capsys, "stats", "--json", "--database", database)
    figures = json.loads(out)
    assert figures["records_total"] == 0
    assert set(figures["workstations"][0]) >= {
        "workstation_id",
        "port_code",
        "lane_id",
        "last_seen",
        "high_water_seq",
        "chain_head",
        "gaps",
        "records",
    }
    assert (
        run(capsys, "workstation", "revoke", added["workstation_id"], "--database", database)[0]
        == 0
    )
    assert run(capsys, "workstation", "revoke", "NOPE", "--database", database)[0] == 1
    status, out = run(
        capsys, "export-reference", "--to", str(tmp_path / "out"), "--database", database
    )
    files = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert files == [
        "lanes-v1.snapshot.json",
        "roster-v1.snapshot.json",
        "workstation_keys-v1.snapshot.json",
    ]
    roster = SignedSnapshot.model_validate_json((tmp_path / "out" / files[1]).read_text())
    assert roster.snapshot.payload["officers"][0]["code"] == "OFF001"


def test_the_recovery_key_is_published_once_for_every_lane(
    database: str, key_path: Path, tmp_path: Path, capsys
) -> None:
    import pyrage

    identity = pyrage.x25519.Identity.generate()
    public = str(identity.to_public())
    open_storage(database, key_path=key_path).close()  # a central without a recovery key
    assert run(capsys, "backup-key", "show", "--database", database)[0] == 1
    secret = tmp_path / "recovery.key"
    secret.write_text(f"# public key: {public}\n{identity}\n")
    secret_only = tmp_path / "only-secret.key"
    secret_only.write_text(f"{identity}\n")
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(300))
    notes = tmp_path / "notes.txt"
    notes.write_text("remember to buy milk\n")
    for given, said in (
        (str(secret_only), "holds a private identity"),
        ("age1notakey", "is not a valid recovery key"),
        # These said "Expected one recovery key (a line starting age1…), found 0."
        (str(tmp_path / "missing.pub"), f"There is no file {tmp_path / 'missing.pub'}"),
        (str(tmp_path), f"{tmp_path} is not a file"),
        (str(photo), f"{photo} is not a text file"),
        (str(notes), f"{notes} holds no recovery key (a line starting age1…)"),
    ):
        assert main(["backup-key", "set", given, "--by", "IT", "--database", database]) == 2
        err = capsys.readouterr().err
        assert said in err and "found 0" not in err, err
    assert main(["backup-key", "set", public, "--by", " ", "--database", database]) == 2
    assert "say who sets the key" in capsys.readouterr().err

    pub = tmp_path / "recovery.key.pub"
    pub.write_text(public + "\n")
    status, out = run(
        capsys, "backup-key", "set", str(pub), "--by", "IT Wang", "--database", database
    )
    assert status == 0 and f"Published recovery key {public} (backup_key v1)" in out
    status, out = run(
        capsys, "backup-key", "set", public, "--by", "IT Wang", "--database", database
    )
    assert status == 0 and "nothing changed" in out
    status, out = run(capsys, "backup-key", "show", "--json", "--database", database)
    shown = json.loads(out)
    assert (shown["recipient"], shown["set_by"], shown["version"]) == (public, "IT Wang", 1)
    run(capsys, "export-reference", "--to", str(tmp_path / "out"), "--database", database)
    exported = SignedSnapshot.model_validate_json(
        (tmp_path / "out" / "backup_key-v1.snapshot.json").read_text()
    )
    assert exported.snapshot.payload == {"recipient": public, "set_by": "IT Wang"}
    assert exported.snapshot.expires_at.year >= exported.snapshot.issued_at.year + 9


def test_records_are_exported_for_a_restored_lane_up_to_the_first_gap(
    storage: CentralStorage, lane: Lane, database: str, tmp_path: Path, capsys
) -> None:
    lane.save(6)
    folder = tmp_path / "usb"
    folder.mkdir()
    for first, last in ((1, 3), (5, 6)):  # #4 never arrived
        name = f"{lane.workstation_id}-{first}-{last}.batch.json"
        (folder / name).write_text(lane.batch(first, last).model_dump_json())
    assert run(capsys, "import", str(folder), "--database", database)[0] == 0
    stick = tmp_path / "stick"
    status, out = run(
        capsys,
        "export-records",
        *("--workstation", lane.workstation_id, "--after", "0", "--to", str(stick)),
        *("--database", database),
    )
    assert status == 1
    assert f"3 records of {lane.workstation_id} (#1 to #3) in 1 file(s)." in out
    assert "also holds records past the gap(s) #4, which a lane cannot take back" in out
    (page_file,) = stick.iterdir()
    assert page_file.name == f"{lane.workstation_id}-after-000000000.records.json"
    assert page_file.stat().st_mode & 0o777 == 0o600  # travellers' personal data
    signed = wire.SignedRecordPage.model_validate_json(page_file.read_bytes())
    key = public_key_from_text(_central_key(storage))
    assert wire.verify(signed.page, signed.signature, key)
    assert [r.seq for r in signed.page.records] == [1, 2, 3]
    assert signed.page.high_water_seq == 3
    status, out = run(
        capsys,
        "export-records",
        *("--workstation", lane.workstation_id, "--after", "3", "--to", str(stick / "2")),
        *("--database", database),
    )
    assert status == 1 and "nothing was written. It also holds records past" in out
    assert (
        main(
            [
                "export-records",
                "--workstation",
                "NOPE",
                "--after",
                "0",
                "--to",
                str(stick),
                "--database",
                database,
            ]
        )
        == 1
    )
    assert "No workstation NOPE" in capsys.readouterr().err


def test_a_command_that_only_reads_never_makes_a_new_central(tmp_path: Path, capsys) -> None:
    mistyped = tmp_path / "centarl.db"
    for command in (
        ["stats"],
        ["workstation", "list"],
        ["officer", "list"],
        ["lanes", "list"],
        ["watchlist", "show"],
        ["backup-key", "show"],
        ["chain-alerts", "list"],
        ["problems"],
    ):
        assert main([*command, "--database", str(mistyped)]) == 3
        assert "There is no central database at" in capsys.readouterr().err
    assert not mistyped.exists()
    assert main(["stats", "--database", ""]) == 2
    assert main(["stats", "--database", f"sqlite:///{mistyped}"]) == 2
    assert "postgresql://… URL or the path of a SQLite file" in capsys.readouterr().err
    assert not mistyped.exists()


def test_a_command_that_only_reads_takes_an_empty_file_for_no_central(
    tmp_path: Path, capsys
) -> None:
    empty = tmp_path / "central.db"
    empty.touch()
    for command in (["stats"], ["problems"], ["workstation", "list"]):
        assert main([*command, "--database", str(empty)]) == 3
        err = capsys.readouterr().err
        assert f"There is no central database at {empty}: the file is empty" in err
        assert "Traceback" not in err
    assert empty.stat().st_size == 0
    assert not (tmp_path / "central.db-wal").exists()


def test_serve_says_when_its_address_is_taken(database: str, capsys) -> None:
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        assert main(["serve", "--port", str(port), "--database", database]) == 1
    out, err = capsys.readouterr()
    assert "listening" not in out and f"Cannot listen on 127.0.0.1:{port}" in err


def test_bad_command_line_input_is_a_message(database: str, key_path: Path, capsys) -> None:
    status = main(
        ["workstation", "add", "--port-code", "K'; --", "--lane", "P01", "--database", database]
    )
    assert status == 2
    assert "Port code" in capsys.readouterr().err
    assert main(["import", "/nonexistent/usb", "--database", database]) == 2
    add = ["officer", "add", "OFF009", "--role", "officer", "--database", database]
    assert main([*add, "--name", "X\x1b[31mRED\x07"]) == 2  # would colour a terminal
    assert "control character" in capsys.readouterr().err
    assert main([*add, "--name", "Li Wei\u202eKCOLB"]) == 2  # would print backwards
    assert "direction override" in capsys.readouterr().err
    assert main([*add, "--name", "Li Wei", "--port", "\u041a1"]) == 2  # Cyrillic К
    assert "Port code" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--port", "99999", "--port: must be from 1 to 65,535"),
        ("--port", "-1", "--port: must be from 1 to 65,535"),
        ("--max-body-bytes", "99999999999999999999", "--max-body-bytes: must be from 65,536"),
        ("--workers", "0", "--workers: must be from 1 to 64"),
        ("--workers", "many", "'many' is not a whole number"),
    ],
)
def test_serve_refuses_numbers_out_of_range_before_starting(
    database: str, capsys: pytest.CaptureFixture[str], option: str, value: str, message: str
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["serve", "--database", database, option, value])
    assert exit_info.value.code == 2
    assert message in capsys.readouterr().err


def test_serve_refuses_workers_on_sqlite_before_making_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = tmp_path / "central.db"
    assert main(["serve", "--database", str(database), "--workers", "2"]) == 2
    assert "needs PostgreSQL" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []  # no database, no key


@pytest.mark.parametrize("how", ["--database", "environment"])
def test_serve_refuses_a_database_in_a_folder_that_does_not_exist(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    """A mistyped path would start a new central with a new key that no lane trusts."""
    database = tmp_path / "nodir" / "central.db"
    argv = ["serve", "--port", str(_free_port())]
    if how == "--database":
        argv += ["--database", str(database)]
    else:
        monkeypatch.setenv("INSPECTION_CENTRAL_DATABASE", str(database))
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert f"The folder {tmp_path / 'nodir'} of the central database" in err
    assert "does not exist (a mistyped " in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []  # no folder, database or key


def test_serve_refuses_a_database_under_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "notes").write_text("x")
    database = tmp_path / "notes" / "central.db"
    assert main(["serve", "--port", str(_free_port()), "--database", str(database)]) == 2
    assert "is a file, not a folder (a mistyped --database?)" in capsys.readouterr().err


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.e2e
def test_serve_answers_over_real_http(
    database: str, key_path: Path, tmp_path: Path, storage: CentralStorage
) -> None:
    lane = Lane(storage, tmp_path)
    lane.save(3)
    port = _free_port()
    env = os.environ | {"INSPECTION_CENTRAL_KEY": str(key_path)}
    log = tmp_path / "serve.log"
    with open(log, "wb") as log_file:
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "inspection_central",
                "serve",
                "--database",
                database,
                "--port",
                str(port),
                "--log-level",
                "warning",
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=log_file,
        )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 20
        while True:
            try:
                hello = httpx.get(f"{base}/v1/hello", timeout=1)
                break
            except httpx.TransportError:
                assert server.poll() is None, log.read_text()
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.1)
        assert hello.json()["central_key"] == _central_key(storage)
        answer = httpx.post(f"{base}/v1/batches", content=lane.batch(1, 3).model_dump_json())
        assert answer.status_code == 200
        assert [o["status"] for o in answer.json()["receipt"]["outcomes"]] == ["accepted"] * 3
        assert httpx.post(f"{base}/v1/batches", content=b"<html>").status_code == 400
        assert "openapi" in httpx.get(f"{base}/openapi.json").json()
    finally:
        server.terminate()
        server.wait(timeout=10)
        lane.close()
    reopened = open_storage(database, key_path=key_path)
    try:
        assert reopened.stats()["records_total"] == 3
    finally:
        reopened.close()


def test_a_central_whose_workstations_pinned_its_key_never_makes_or_uses_another(
    storage: CentralStorage, database: str, key_path: Path, tmp_path: Path, monkeypatch, capsys
) -> None:
    """A mistyped $INSPECTION_CENTRAL_KEY, or an admin command run by another user (whose
    default key path differs), must not sign with a new key the lanes would all refuse."""
    lane = Lane(storage, tmp_path)
    storage.close()
    misplaced = tmp_path / "elsewhere" / "central.key"
    monkeypatch.setenv("INSPECTION_CENTRAL_KEY", str(misplaced))
    add = ["officer", "add", "OFF009", "--name", "Li Wei", "--role", "officer"]
    assert main([*add, "--database", database]) == 3
    err = capsys.readouterr().err
    assert f"There is no central key at {misplaced}" in err
    assert "1 workstation(s) enrolled" in err
    assert not misplaced.exists()
    assert main(["workstation", "revoke", lane.workstation_id, "--database", database]) == 3
    other = tmp_path / "other.key"
    generate_key_file(other)
    monkeypatch.setenv("INSPECTION_CENTRAL_KEY", str(other))
    assert main([*add, "--database", database]) == 3
    assert "is not the key this central database's workstations pinned" in capsys.readouterr().err
    monkeypatch.setenv("INSPECTION_CENTRAL_KEY", str(key_path))
    reopened = open_storage(database)
    try:
        assert reopened.officers() == []  # nothing was saved by the refused commands
        assert not reopened.workstation(lane.workstation_id).revoked  # type: ignore[union-attr]
    finally:
        reopened.close()
    assert main([*add, "--database", database]) == 0
    lane.close()


def test_revoking_twice_says_so_and_publishes_nothing_new(
    storage: CentralStorage, database: str, key_path: Path, tmp_path: Path, capsys
) -> None:
    lane = Lane(storage, tmp_path)
    revoke = ["workstation", "revoke", lane.workstation_id, "--database", database]
    assert run(capsys, *revoke) == (0, f"Workstation {lane.workstation_id} is revoked.\n")
    version = storage.latest_version(ReferenceKind.WORKSTATION_KEYS)
    status, out = run(capsys, *revoke)
    assert status == 0
    assert "was revoked already" in out and "nothing changed" in out
    assert storage.latest_version(ReferenceKind.WORKSTATION_KEYS) == version
    lane.close()


def test_an_unusable_central_key_is_named_as_the_central_s(
    database: str, tmp_path: Path, monkeypatch, capsys
) -> None:
    loose = tmp_path / "central.key"
    generate_key_file(loose)
    loose.chmod(0o644)
    monkeypatch.setenv("INSPECTION_CENTRAL_KEY", str(loose))
    add = ["lanes", "add", "KHG", "P01", "--kind", "passenger", "--database", database]
    assert main(add) == 3
    err = capsys.readouterr().err
    assert f"The central key {loose} can be read by other users" in err
    assert "workstation" not in err


@pytest.mark.postgres
def test_a_command_that_only_reads_never_fills_an_empty_postgresql_database(
    postgres_schema: str, key_path: Path, capsys
) -> None:
    import psycopg

    for command in (["stats"], ["workstation", "list"], ["watchlist", "show"]):
        assert main([*command, "--database", postgres_schema]) == 3
        assert "There is no central in the database PostgreSQL" in capsys.readouterr().err
    with psycopg.connect(postgres_schema) as conn:
        assert conn.execute("SELECT to_regclass('schema_migrations')").fetchone() == (None,)
    assert (
        main(["lanes", "add", "KHG", "P01", "--kind", "vehicle", "--database", postgres_schema])
        == 0
    )
    assert main(["stats", "--database", postgres_schema]) == 0


def test_the_help_says_where_the_database_and_the_key_are(capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["-h"])
    assert exit_info.value.code == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "$INSPECTION_CENTRAL_DATABASE" in out and "$INSPECTION_CENTRAL_KEY" in out
    with pytest.raises(SystemExit):
        main(["watchlist", "show", "-h"])
    assert "how many entries each list holds" in " ".join(capsys.readouterr().out.split())


def test_officer_retire_takes_an_officer_off_the_published_roster(
    storage: CentralStorage, database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """IT retires an officer at the central: the roster the lanes get no longer lists them
    (so each lane disables the account and removes its PIN); a wrong code changes nothing."""
    import gzip

    for code in ("OFF001", "OFF002"):
        add = ["officer", "add", code, "--name", "Li Wei", "--role", "officer"]
        assert run(capsys, *add, "--database", database)[0] == 0
    status, out = run(capsys, "officer", "retire", "off001", "--database", database)
    assert status == 0
    assert "Officer OFF001 retired; roster version 3 published." in out
    assert [o.code for o in storage.officers()] == ["OFF002"]
    stored = storage.latest_snapshot(ReferenceKind.ROSTER)
    assert stored is not None and stored[0] == 3
    raw = stored[1]
    roster = SignedSnapshot.model_validate_json(raw if raw[:1] == b"{" else gzip.decompress(raw))
    assert [o["code"] for o in roster.snapshot.payload["officers"]] == ["OFF002"]

    status = main(["officer", "retire", "OFF001", "--database", database])
    assert status == 1
    assert "There is no officer OFF001 on the roster" in capsys.readouterr().err
    assert storage.latest_snapshot(ReferenceKind.ROSTER)[0] == 3  # type: ignore[index]


def test_json_output_gives_times_in_iso_8601(
    database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Times in the commands' JSON read as ISO 8601 with a `T`, whichever database holds
    them (PostgreSQL hands back datetimes, which str() would print with a space)."""
    from datetime import datetime

    added = ["workstation", "add", "--port-code", "KHG", "--lane", "P01", "--json"]
    assert run(capsys, *added, "--database", database)[0] == 0
    status, out = run(capsys, "workstation", "list", "--json", "--database", database)
    assert status == 0
    expires = json.loads(out)[0]["code_expires_at"]
    assert "T" in expires and " " not in expires
    assert datetime.fromisoformat(expires).tzinfo is not None


def test_a_receipt_is_never_written_through_a_link_waiting_on_the_stick(tmp_path: Path) -> None:
    # The temporary name was the receipt's name and the central's process id: a stick could
    # hold that name as a link to a file of the central's (its key, its database), which the
    # receipt's bytes then replaced.
    from inspection_central import usb

    stick = tmp_path / "stick"
    stick.mkdir()
    central_file = tmp_path / "central.key"
    central_file.write_bytes(b"the central's own file")
    target = stick / "KHG-L01-1-3.receipt.json"
    for pid in range(os.getpid() - 50, os.getpid() + 50):
        (stick / f".{target.name}.{pid}.tmp").symlink_to(central_file)
    usb.write_atomically(target, b"{}")
    assert central_file.read_bytes() == b"the central's own file"
    assert target.read_bytes() == b"{}"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_stats_shows_last_seen_to_the_second() -> None:
    from inspection_central.commands.stats import _to_the_second

    assert _to_the_second("2026-12-06T19:58:23.785510+00:00") == "2026-12-06T19:58:23+00:00"
    assert _to_the_second(None) == "never"
    assert _to_the_second("not a time") == "not a time"
