"""`seed`, `audit verify`, `db info` and `db check` as a user runs them."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from inspection_client import __version__, seeding
from inspection_client.cli import build_parser, main
from inspection_client.domain.codes import Role
from inspection_client.domain.models import Officer
from inspection_client.reports import gate
from inspection_client.seeding import saving as seed_saving
from inspection_client.store import history, officers, records, sync_state, witness
from inspection_client.store.database import Store
from inspection_client.store.errors import StoreCorrupt
from tests import factories


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_every_command_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    parser = build_parser()
    pending = [((), parser)]
    seen = 0
    while pending:
        path, current = pending.pop()
        for action in current._actions:
            choices = getattr(action, "choices", None)
            if not isinstance(choices, dict):  # option values, not sub-commands
                continue
            for name, child in choices.items():
                if hasattr(child, "_actions"):
                    pending.append(((*path, name), child))
        with pytest.raises(SystemExit) as exit_info:
            main([*path, "-h"])
        assert exit_info.value.code == 0, path
        assert "usage:" in capsys.readouterr().out
        seen += 1
    assert seen >= 8


def test_seed_then_info_then_verify(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "seed", "--records", "600", "--days", "2")
    assert status == 0
    assert (
        "Saved 600 clearances and 6 shifts (three a day, each opened and closed): 612 records"
        in out
    )

    status, out, _ = _run(capsys, "db", "info", "--json")
    info = json.loads(out)
    assert status == 0
    assert info["path"] == str(data_dir / "lane.db")
    assert info["records_by_kind"]["passenger"] + info["records_by_kind"]["vehicle"] == 600
    assert info["records_total"] == info["pending_sync"] == 600 + 12
    assert len(info["audit_head"]) == 64 and info["schema_version"] >= 3

    status, out, _ = _run(capsys, "db", "info")
    assert status == 0 and "Pending sync:" in out and "DEMO-KHG-L01" in out

    status, out, _ = _run(capsys, "audit", "verify")
    assert status == 0 and "intact" in out and info["audit_head"] in out

    status, out, _ = _run(capsys, "db", "check")
    assert status == 0 and "ok" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--records", "99999999999999999999"], "--records: must be at most 10,000,000"),
        (["--records", "10", "--days", "3651"], "--days: must be at most 3,650"),
        (["--records", "1000000", "--days", "2"], "spread 1,000,000 over --days 5 or more"),
    ],
)
def test_seed_refuses_what_it_could_not_hold_in_memory(
    data_dir: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    try:
        status = main(["seed", *argv])
    except SystemExit as exit_info:  # argparse's own usage errors
        status = int(exit_info.code or 0)
    assert status == 2
    assert message in capsys.readouterr().err
    assert not (data_dir / "lane.db").exists()


def test_shift_list_refuses_a_limit_beyond_any_workstation(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["shift", "list", "--limit", "99999999999999999999"])
    assert exit_info.value.code == 2
    assert "--limit: must be at most 100,000" in capsys.readouterr().err


def test_seed_bounds_hold_for_callers_of_the_function_too(store: Store) -> None:
    with pytest.raises(ValueError, match="at most 200,000 clearances a day"):
        seeding.seed(store, clearances=400_001, days=2)
    with pytest.raises(ValueError, match="1 to 3,650 days"):
        seeding.seed(store, clearances=1, days=0)
    assert store.conn.execute("SELECT count(*) FROM records").fetchone()[0] == 0


def _children(pid: int) -> list[int]:
    """The processes `pid` started that are still running (Linux's /proc)."""
    try:
        listed = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []
    return [int(child) for child in listed]


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has ended; only its exit status waits to be read


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads Linux's /proc")
@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL])
def test_a_seed_stopped_by_a_signal_leaves_no_worker_behind(
    tmp_path: Path, how: signal.Signals
) -> None:
    """SIGTERM ends a seed as Ctrl+C does (what was committed is kept and said); after
    SIGKILL, which nothing can catch, the workers end with it instead of waiting on a pipe."""
    data = tmp_path / "data"
    command = [sys.executable, "-m", "inspection_client", "--data-dir", str(data)]
    seeding_run = [*command, "seed", "--records", "2000000", "--days", "40"]
    with subprocess.Popen(seeding_run, stderr=subprocess.PIPE, text=True) as process:
        deadline = time.monotonic() + 60
        workers: list[int] = []
        while time.monotonic() < deadline and process.poll() is None:
            workers = _children(process.pid)
            if len(workers) >= 2 or (workers == [] and os.cpu_count() == 1):
                break
            time.sleep(0.05)
        time.sleep(1.0)  # a transaction or two committed, the workers making days
        process.send_signal(how)
        _, err = process.communicate(timeout=60)
    assert process.returncode == (130 if how is signal.SIGTERM else -signal.SIGKILL)
    deadline = time.monotonic() + 10
    while any(map(_running, workers)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(map(_running, workers)), err
    if how is signal.SIGTERM:
        assert "inspection-client: interrupted;" in err and "Traceback" not in err, err
    verified = subprocess.run([*command, "audit", "verify"], capture_output=True, text=True)
    assert verified.returncode == 0, verified.stdout + verified.stderr


def test_an_interrupted_seed_says_what_it_kept(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Ctrl+C during the third transaction: the two committed before it stay, whole.
    monkeypatch.setattr(seed_saving, "SEED_TRANSACTION", 300)
    save_received = records.save_received
    calls = 0

    def interrupted_third_time(*args: Any, **kwargs: Any) -> int:
        nonlocal calls
        calls += 1
        if calls == 3:
            raise KeyboardInterrupt
        return save_received(*args, **kwargs)

    monkeypatch.setattr(records, "save_received", interrupted_third_time)
    status, out, err = _run(capsys, "seed", "--records", "1200", "--days", "4")
    assert status == 130 and out == ""
    said = re.search(r"interrupted; the ([\d,]+) records saved before it are kept", err)
    assert said, err
    kept = int(said[1].replace(",", ""))
    assert kept == 2 * (300 + 6)  # two days of 300 clearances and their 6 shift records
    monkeypatch.setattr(records, "save_received", save_received)

    status, out, err = _run(capsys, "db", "info", "--json")
    assert status == 0, err
    assert json.loads(out)["records_total"] == kept
    assert _run(capsys, "audit", "verify")[0] == 0


@pytest.mark.parametrize("where", ["after the commit", "after the witness"])
def test_a_seed_interrupted_right_after_its_first_commit_counts_it(
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    where: str,
) -> None:
    """On a fresh data directory, Ctrl+C that lands once the first transaction is committed
    but before the seeder has counted it still says what was committed."""
    monkeypatch.setattr(seed_saving, "SEED_TRANSACTION", 300)
    note = witness.note

    def interrupted_after_noting(store: Store, seq: int, digest: bytes) -> None:
        if where == "after the witness":
            note(store, seq, digest)
        raise KeyboardInterrupt  # the first commit of records is the first note

    monkeypatch.setattr(witness, "note", interrupted_after_noting)
    status, out, err = _run(capsys, "seed", "--records", "1200", "--days", "4")
    monkeypatch.setattr(witness, "note", note)
    assert status == 130 and out == "", err
    assert "no records were saved" not in err
    assert "interrupted; the 306 records saved before it are kept" in err, err
    status, out, err = _run(capsys, "db", "info", "--json")
    assert status == 0, err
    assert json.loads(out)["records_total"] == 306
    assert _run(capsys, "audit", "verify")[0] == 0


_LAST_PASSENGER = "(SELECT max(seq) FROM records WHERE kind = 'passenger')"


@pytest.mark.parametrize(
    ("damage", "command", "what"),
    [
        ("UPDATE workstation SET lane_kind = 'bogus'", ["db", "info"], "workstation's settings"),
        (
            "UPDATE records SET content = x'00ff' WHERE kind = 'shift_open'",
            ["shift", "list"],
            "record of shift",
        ),
        (
            f'UPDATE records SET content = \'{{"body": {{"kind": "passenger"}}, "id": "x", '
            f'"seq": 1, "recorded_at": "2026-01-01T00:00:00", "officer": "X"}}\' '
            f"WHERE seq = {_LAST_PASSENGER}",
            ["report", "--last", "-o", "{tmp}/r.csv"],
            "record of the report",
        ),
    ],
)
def test_a_value_changed_on_disk_is_reported_not_a_traceback(
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    damage: str,
    command: list[str],
    what: str,
) -> None:
    assert _run(capsys, "seed", "--records", "300", "--days", "1")[0] == 0
    with sqlite3.connect(data_dir / "lane.db") as conn:
        conn.execute(damage)
    status, _, err = _run(capsys, *[arg.replace("{tmp}", str(tmp_path)) for arg in command])
    assert status == 3
    assert what in err and "cannot be read from the lane database" in err


def test_a_damaged_account_keeps_only_itself_out(store: Store) -> None:
    for code, role in (("OFF01", Role.OFFICER), ("OFF02", Role.OFFICER)):
        officers.add_officer(store, Officer(code=code, name=code, role=role), "2468")
    store.conn.execute("UPDATE officers SET role = 'bogus' WHERE code = 'OFF01'")
    assert [o.code for o in officers.list_officers(store)] == ["OFF02"]
    assert any("The account OFF01 cannot be read" in w for w in store.warnings)
    with pytest.raises(StoreCorrupt, match="The account OFF01 cannot be read"):
        officers.check_pin(store, "OFF01", "2468")
    assert officers.check_pin(store, "OFF02", "2468").ok


def test_a_saved_record_changed_on_disk_cannot_be_read_as_one(store: Store) -> None:
    saved = records.save(store, factories.passenger(), officer="OFF01")
    store.conn.execute("UPDATE records SET content = '{}' WHERE seq = ?", (saved.seq,))
    with pytest.raises(StoreCorrupt, match="A saved record cannot be read"):
        records.get(store, saved.id)
    with pytest.raises(StoreCorrupt, match=f"Record {saved.seq} cannot be read"):
        history.page(store, history.HistoryFilter())


def test_damaged_sync_state_and_slip_uses_are_reported(store: Store) -> None:
    sync_state.put(store, {sync_state.LAST_SYNC_AT: "yesterday-ish"})
    with pytest.raises(StoreCorrupt, match="The sync state cannot be read"):
        sync_state.sync_status(store)
    key = "k" * 8
    store.conn.execute(
        "INSERT INTO used_slips(key_id, slip_id, first_used_at, officer) VALUES (?, ?, ?, ?)",
        (key, "s1", "not a time", "GATE1"),
    )
    with pytest.raises(StoreCorrupt, match="The use of slip s1 cannot be read"):
        gate.first_use(store, key, "s1")


def test_audit_verify_names_the_first_broken_entry(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _run(capsys, "seed", "--records", "50", "--days", "1")
    conn = sqlite3.connect(data_dir / "lane.db")
    conn.execute(
        "UPDATE records SET content = replace(content, 'cleared', 'refused') WHERE seq = 7"
    )
    conn.commit()
    conn.close()

    status, out, _ = _run(capsys, "audit", "verify", "--json")
    assert status == 1
    report = json.loads(out)
    assert report["intact"] is False and report["broken_at"] == 7

    status, out, _ = _run(capsys, "audit", "verify")
    assert status == 1 and "BROKEN at sequence 7" in out
    assert "record 7 (" in out and "was edited after it was saved" in out


def test_audit_verify_names_an_edited_stored_hash_as_such(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _run(capsys, "seed", "--records", "20", "--days", "1")
    with contextlib.closing(sqlite3.connect(data_dir / "lane.db")) as conn, conn:
        conn.execute("UPDATE audit_chain SET hash = zeroblob(32) WHERE seq = 4")
    status, out, _ = _run(capsys, "audit", "verify")
    assert status == 1 and "BROKEN at sequence 4" in out
    assert "the stored hash of audit entry 4 was edited" in out
    assert "differs" not in out and "6 records before it" not in out


def test_commands_on_a_missing_database_explain(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = _run(capsys, "db", "info")
    assert status == 3 and "no lane database" in err and "Traceback" not in err
    assert not (data_dir / "lane.db").exists()


def test_commands_on_a_damaged_database_explain(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "lane.db").write_bytes(b"\x00\xff garbage " * 1000)
    for argv in (("db", "info"), ("audit", "verify"), ("seed", "--records", "5")):
        status, _, err = _run(capsys, *argv)
        assert status == 3 and "damaged" in err, argv
    assert (data_dir / "lane.db").read_bytes().startswith(b"\x00\xff garbage")


@pytest.mark.parametrize(
    "command",
    [
        ["audit", "verify"],
        ["shift", "list"],
        ["report", "--last", "-o", "{tmp}/r.csv"],
        ["db", "backup", "--to", "{tmp}"],
    ],
)
def test_a_large_database_damaged_past_the_open_check_is_named_as_damaged(
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    command: list[str],
) -> None:
    # Above this size the page check at open is skipped; a command meets the damage itself.
    monkeypatch.setattr("inspection_client.store.database.QUICK_CHECK_MAX_BYTES", 0)
    _run(capsys, "seed", "--records", "300", "--days", "1")
    path = data_dir / "lane.db"
    with sqlite3.connect(path) as conn:
        query = "SELECT pageno FROM dbstat WHERE name = 'records' AND pagetype = 'leaf'"
        page = conn.execute(query).fetchall()[5][0]
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    with path.open("r+b") as file:
        file.seek((page - 1) * page_size)
        file.write(b"\xff" * page_size)
    status, _, err = _run(capsys, *[arg.replace("{tmp}", str(tmp_path)) for arg in command])
    assert status == 3 and "is damaged" in err and str(path) in err
    assert not list(tmp_path.glob("*lane-*")), "no backup, nor part of one"


@pytest.mark.parametrize(
    "command", [["officer", "list"], ["officer", "set-pin", "DEMO01", "--pin-stdin"]]
)
def test_damaged_accounts_past_the_open_check_are_named_as_damaged(
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    command: list[str],
) -> None:
    monkeypatch.setattr("inspection_client.store.database.QUICK_CHECK_MAX_BYTES", 0)
    monkeypatch.setattr("sys.stdin", io.StringIO("2468\n"))
    _run(capsys, "seed", "--records", "20", "--days", "1")
    path = data_dir / "lane.db"
    with sqlite3.connect(path) as conn:
        query = "SELECT pageno FROM dbstat WHERE name = 'officers' AND pagetype = 'leaf'"
        page = conn.execute(query).fetchone()[0]
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    with path.open("r+b") as file:
        file.seek((page - 1) * page_size)
        file.write(b"\xff" * page_size)
    status, _, err = _run(capsys, *command)
    assert status == 3 and "is damaged" in err and str(path) in err


@pytest.mark.parametrize(
    "argv",
    [("seed",), ("seed", "--records", "0"), ("seed", "--records", "x"), ("db",), ("audit", "nope")],
)
def test_usage_errors_exit_2(argv: tuple[str, ...], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(list(argv))
    assert exit_info.value.code == 2
    assert "usage:" in capsys.readouterr().err


def test_data_dir_option_wins_over_environment(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other"
    status, _, _ = _run(capsys, "--data-dir", str(other), "seed", "--records", "10", "--days", "1")
    assert status == 0
    assert (other / "lane.db").exists() and not (data_dir / "lane.db").exists()


def test_officer_accounts_from_the_command_line(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    from inspection_client.store import officers
    from inspection_client.store.database import Store

    _run(capsys, "seed", "--records", "5", "--days", "1")
    monkeypatch.setattr("sys.stdin", io.StringIO("97531\n"))
    status, out, _ = _run(
        capsys, "officer", "add", "sup22", "--name", "Ma Lin", "--role", "supervisor", "--pin-stdin"
    )
    assert status == 0 and "SUP22" in out
    monkeypatch.setattr("sys.stdin", io.StringIO("12\n"))
    status, _, err = _run(capsys, "officer", "set-pin", "SUP22", "--pin-stdin")
    assert status == 2 and "4 to 12 digits" in err
    status, out, _ = _run(capsys, "officer", "list", "--json")
    accounts = {a["code"]: a for a in json.loads(out)}
    assert accounts["SUP22"] == {
        "code": "SUP22",
        "name": "Ma Lin",
        "role": "supervisor",
        "has_pin": True,
        "active": True,
        "locked_until": None,
    }
    with Store.open(data_dir / "lane.db") as store:
        assert officers.check_pin(store, "SUP22", "97531").ok
    status, _, err = _run(capsys, "officer", "set-pin", "NOBODY", "--pin-stdin")
    assert status == 2 and "no account" in err
    status, _, err = _run(capsys, "officer", "add", "OFF33", "--name", "Ma\x1b]0;owned\x07")
    assert status == 2 and "control character" in err


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["--data-dir", "", "db", "info"], "argument --data-dir: is empty (give a folder)"),
        (["db", "backup", "--to", ""], "is empty (give the file or folder)"),
        (["db", "seal-backups", ""], "is empty (give the file or folder)"),
        (["db", "restore", ""], "is empty (give a file)"),
        (["db", "backup-key", "new", "--out", ""], "is empty (give a file)"),
        (["sync", "export", "--to", ""], "argument --to: is empty (give a folder)"),
        (["sync", "import-receipt", ""], "is empty (give the file or folder)"),
        (["report", "--last", "--output", ""], "is empty (give the file to write)"),
        (["slip", "1234abcd", "--output", ""], "is empty (give the file to write)"),
        (["reference", "import", ""], "is empty (give the file or folder)"),
    ],
)
def test_an_empty_path_is_a_usage_error_not_the_current_folder(
    data_dir: Path,
    tmp_path: Path,
    argv: list[str],
    said: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    assert said in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "argv",
    [["report", "--last", "--output", "-"], ["slip", "1234abcd", "-o", "-"]],
)
def test_a_document_is_never_written_to_a_file_named_dash(
    data_dir: Path,
    tmp_path: Path,
    argv: list[str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    assert "'-' is not a file: documents are written to a file" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_the_window_without_a_screen_is_a_message_not_an_abort(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    status, _, err = _run(capsys, "--demo")
    assert status == 2
    assert "there is no screen to open the window on" in err


@pytest.mark.parametrize("url", ["not a url", "ftp://central.example", "http://", "127.0.0.1:8470"])
def test_a_central_address_that_is_not_http_is_a_usage_error(
    data_dir: Path, capsys: pytest.CaptureFixture[str], url: str
) -> None:
    for argv in (["enrol", "--central", url, "--code", "ABCD-EFGH"], ["sync", "--central", url]):
        with pytest.raises(SystemExit) as exit_info:
            main(argv)
        assert exit_info.value.code == 2
        assert "is not the address of a central" in capsys.readouterr().err


def test_a_file_where_a_folder_is_expected_is_named_as_such(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _run(capsys, "seed", "--records", "5", "--days", "1")
    in_the_way = tmp_path / "afile"
    in_the_way.write_text("not a folder")
    for argv, said in (
        (["db", "backup", "--to", f"{in_the_way}/x.db"], "is a file, not a folder"),
        (["report", "--last", "--output", f"{in_the_way}/x.pdf"], "is a file, not a folder"),
        (["--data-dir", str(in_the_way), "seed", "--records", "1"], "a file is in the way"),
        (["--data-dir", str(in_the_way), "db", "info"], "a file is in the way"),
        (["db", "restore", str(tmp_path)], "is a folder; give the backup file itself"),
    ):
        status, _, err = _run(capsys, *argv)
        assert status == 3 and said in err, (argv, err)
    assert in_the_way.read_text() == "not a folder"


def test_an_account_damaged_on_disk_is_named_not_printed(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3

    _run(capsys, "seed", "--records", "5", "--days", "1")
    with sqlite3.connect(data_dir / "lane.db") as conn:
        conn.execute("UPDATE officers SET role = 'god' WHERE code = 'SUP01'")
        conn.execute(
            "UPDATE officers SET name = 'X' || char(27) || '[31mRED' WHERE code = 'DEMO01'"
        )
    conn.close()
    status, out, err = _run(capsys, "officer", "list")
    assert status == 3
    assert "god" not in out and "\x1b" not in out
    assert "SUP01" in err and "DEMO01" in err and "\x1b" not in err


def test_db_check_finds_a_record_that_left_the_outbox_without_a_receipt(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    records.save_many(store, [records.Draft(factories.passenger(), "OFF01") for _ in range(6)])
    with store.write() as conn:
        conn.execute("DELETE FROM outbox WHERE seq IN (2, 5)")
    status, out, _ = _run(capsys, "db", "check")
    assert status == 1
    assert "2 records (the first is #2) are neither in the outbox nor acknowledged" in out
    assert "`inspection-client sync`" in out
    # Records the central acknowledged left the outbox as they should.
    sync_state.put(store, {sync_state.ACKED_SEQ: "5"})
    status, out, _ = _run(capsys, "db", "check")
    assert status == 0 and "integrity check ok" in out


def test_adding_an_existing_code_changes_nothing_and_says_how_to(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # `officer add` on DEMO01 used to make it an admin with a PIN of the caller's choosing.
    _run(capsys, "seed", "--records", "5", "--days", "1")
    monkeypatch.setattr("sys.stdin", io.StringIO("9999\n"))
    status, out, err = _run(
        capsys, "officer", "add", "demo01", "--name", "Mallory", "--role", "admin", "--pin-stdin"
    )
    assert status == 2 and out == ""
    assert "There is already an account DEMO01 (officer," in err
    assert "officer set-pin DEMO01" in err and "officer set-role DEMO01 ROLE" in err
    with Store.open(data_dir / "lane.db") as store:
        officer = officers.get_officer(store, "DEMO01")
        assert officer is not None and officer.role is Role.OFFICER and officer.name != "Mallory"
        assert officers.check_pin(store, "DEMO01", "2468").ok
        assert not officers.check_pin(store, "DEMO01", "9999").ok


def test_roles_disabling_and_enabling_are_deliberate_commands(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _run(capsys, "seed", "--records", "5", "--days", "1")
    status, out, _ = _run(capsys, "officer", "set-role", "demo01", "supervisor")
    assert status == 0 and "DEMO01 is now supervisor" in out
    status, out, _ = _run(capsys, "officer", "disable", "DEMO01")
    assert status == 0 and "can no longer sign in" in out
    with Store.open(data_dir / "lane.db") as store:
        assert not officers.check_pin(store, "DEMO01", "2468").ok
        # A roster from the central marks the officers it lists active again; the PIN is gone.
        store.conn.execute("UPDATE officers SET active = 1 WHERE code = 'DEMO01'")
        assert not officers.check_pin(store, "DEMO01", "2468").ok
        store.conn.execute("UPDATE officers SET active = 0 WHERE code = 'DEMO01'")
    assert (
        _run(capsys, "officer", "disable", "DEMO01")[1] == "Account DEMO01 was disabled already.\n"
    )
    monkeypatch.setattr("sys.stdin", io.StringIO("5826\n"))
    status, _, err = _run(capsys, "officer", "add", "DEMO01", "--name", "X", "--pin-stdin")
    assert status == 2 and "disabled" in err and "officer enable DEMO01" in err
    monkeypatch.setattr("sys.stdin", io.StringIO("5826\n"))
    status, _, err = _run(capsys, "officer", "set-pin", "DEMO01", "--pin-stdin")
    assert status == 2 and "is disabled" in err and "officer enable DEMO01" in err
    monkeypatch.setattr("sys.stdin", io.StringIO("5826\n"))
    status, out, _ = _run(capsys, "officer", "enable", "DEMO01", "--pin-stdin")
    assert status == 0 and "can sign in again" in out
    with Store.open(data_dir / "lane.db") as store:
        signed_in = officers.check_pin(store, "DEMO01", "5826")
        assert signed_in.officer is not None and signed_in.officer.role is Role.SUPERVISOR
    monkeypatch.setattr("sys.stdin", io.StringIO("7391\n"))
    status, _, err = _run(capsys, "officer", "enable", "DEMO01", "--pin-stdin")
    assert status == 2 and "is not disabled" in err
    for argv in (["set-role", "NOBODY", "admin"], ["disable", "NOBODY"], ["enable", "NOBODY"]):
        status, _, err = _run(capsys, "officer", *argv)
        assert status == 2 and "There is no account NOBODY" in err


def test_the_last_account_that_can_sign_in_cannot_be_disabled(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # With none left, the window would let whoever is in front of it set up a supervisor.
    _run(capsys, "seed", "--records", "5", "--days", "1")
    assert _run(capsys, "officer", "disable", "SUP01")[0] == 0
    status, _, err = _run(capsys, "officer", "disable", "DEMO01")
    assert status == 2 and "DEMO01 is the last account that can sign in" in err
    with Store.open(data_dir / "lane.db") as store:
        assert officers.check_pin(store, "DEMO01", "2468").ok


def test_officer_list_shows_it_what_keeps_an_account_out(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Before, a disabled account was not listed at all and a locked one read "PIN set".
    _run(capsys, "seed", "--records", "5", "--days", "1")
    with Store.open(data_dir / "lane.db") as store:
        officers.add_officer(store, Officer(code="ROST01", name="From the roster"), None)
        for _ in range(5):
            officers.check_pin(store, "SUP01", "0000")
    assert _run(capsys, "officer", "disable", "DEMO01")[0] == 0
    status, out, _ = _run(capsys, "officer", "list")
    assert status == 0
    lines = {line.split()[0]: line for line in out.splitlines()}
    assert "disabled" in lines["DEMO01"]
    assert "no PIN yet" in lines["ROST01"]
    assert re.search(r"locked until \d\d:\d\d:\d\d", lines["SUP01"])
    status, out, _ = _run(capsys, "officer", "list", "--json")
    accounts = {a["code"]: a for a in json.loads(out)}
    assert accounts["DEMO01"]["active"] is False and accounts["DEMO01"]["has_pin"] is False
    assert accounts["SUP01"]["locked_until"] is not None
    assert accounts["ROST01"]["locked_until"] is None


def test_a_guessable_pin_is_refused_by_every_command_that_sets_one(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _run(capsys, "seed", "--records", "5", "--days", "1")
    for argv in (
        ["officer", "add", "OFF77", "--name", "Ma Lin", "--pin-stdin"],
        ["officer", "set-pin", "DEMO01", "--pin-stdin"],
    ):
        monkeypatch.setattr("sys.stdin", io.StringIO("1234\n"))
        status, out, err = _run(capsys, *argv)
        assert status == 2 and out == "", argv
        assert "digits in a row (like 1234 or 4321)" in err and "choose another" in err
    _run(capsys, "officer", "disable", "DEMO01")
    monkeypatch.setattr("sys.stdin", io.StringIO("0000\n"))
    status, _, err = _run(capsys, "officer", "enable", "DEMO01", "--pin-stdin")
    assert status == 2 and "repeats one digit" in err
    with Store.open(data_dir / "lane.db") as store:
        assert officers.get_account(store, "OFF77") is None
        assert not officers.check_pin(store, "DEMO01", "0000").ok


def test_officer_history_says_who_changed_which_account_and_never_a_pin(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("getpass.getuser", lambda: "it-wang")
    _run(capsys, "seed", "--records", "5", "--days", "1")
    monkeypatch.setattr("sys.stdin", io.StringIO("5826\n"))
    assert _run(capsys, "officer", "add", "OFF77", "--name", "Ma Lin", "--pin-stdin")[0] == 0
    assert _run(capsys, "officer", "set-role", "OFF77", "supervisor")[0] == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("7315\n"))
    assert _run(capsys, "officer", "set-pin", "OFF77", "--pin-stdin")[0] == 0
    assert _run(capsys, "officer", "disable", "OFF77")[0] == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("9264\n"))
    assert _run(capsys, "officer", "enable", "OFF77", "--pin-stdin")[0] == 0
    status, out, _ = _run(capsys, "officer", "history", "off77")
    assert status == 0
    events = [line.split()[3] for line in out.splitlines()]
    assert events == ["added", "role-set", "pin-set", "disabled", "enabled"]
    assert all("by it-wang via command line" in line for line in out.splitlines())
    assert "(officer -> supervisor)" in out
    for pin in ("5826", "7315", "9264"):
        assert pin not in out
    status, out, _ = _run(capsys, "officer", "history", "--json")
    changes = json.loads(out)
    assert {c["code"] for c in changes} == {"DEMO01", "SUP01", "OFF77"}
    assert changes[0] | {"at": None} == {
        "at": None,
        "code": "DEMO01",
        "event": "added",
        "by": None,
        "via": "demo setup",
        "detail": "officer",
    }
    status, out, _ = _run(capsys, "officer", "history", "NOBODY")
    assert status == 0 and out == "No changes recorded for NOBODY.\n"


@pytest.mark.parametrize(
    ("given", "status", "said"),
    [
        (b"97531\n", 0, "can sign in"),
        (b"97531\r\n", 0, "can sign in"),  # a file saved on Windows
        (b"97531", 0, "can sign in"),  # no line end at all
        (b" 97531 \n\n\r\n", 0, "can sign in"),  # spaces around it, blank lines after it
        (b"97531\n97531\n", 2, "more than one line; give the PIN once"),  # typed twice
        (b"97531\n86420\n", 2, "more than one line; give the PIN once"),
        (b"\n97531\n", 2, "The first line of standard input is empty: give the PIN on it."),
        (b"", 2, "No PIN on standard input"),
        (b"\xff\xfe9\n", 2, "Standard input is not UTF-8 text; give the PIN on one line."),
        (b"9" * 5000, 2, "longer than a PIN can be"),
    ],
)
def test_a_pin_on_standard_input_is_its_first_line_alone(
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    given: bytes,
    status: int,
    said: str,
) -> None:
    """What README says of --pin-stdin: one line, a Windows line end and blank lines after it
    are fine; an empty first line, a second line with text or bytes that are not text are
    refused, and the account is not added."""
    _run(capsys, "seed", "--records", "1", "--days", "1")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(given)))
    result, out, err = _run(capsys, "officer", "add", "OFF42", "--name", "Ma Lin", "--pin-stdin")
    assert (result, "Traceback" not in err) == (status, True)
    assert said in (out if status == 0 else err)
    accounts = json.loads(_run(capsys, "officer", "list", "--json")[1])
    assert ("OFF42" in [account["code"] for account in accounts]) == (status == 0)
    if status == 0:
        from inspection_client.store import officers
        from inspection_client.store.database import Store

        with Store.open(data_dir / "lane.db") as store:
            assert officers.check_pin(store, "OFF42", "97531").ok


@pytest.mark.parametrize(("given", "taken"), [("xx", False), ("fr", False), ("zh-Hans-CN", True)])
def test_a_language_the_program_does_not_speak_is_refused_not_ignored(
    data_dir: Path, capsys: pytest.CaptureFixture[str], given: str, taken: bool
) -> None:
    if taken:
        assert build_parser().parse_args(["--lang", given, "db", "info"]).lang == given
        return
    with pytest.raises(SystemExit) as exit_info:
        main(["--lang", given, "db", "info"])
    assert exit_info.value.code == 2
    assert "is not a language of this program: choose en or zh_CN" in capsys.readouterr().err
