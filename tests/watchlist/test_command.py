"""`inspection-client watchlist ...`: exit 1 on a hit, 0 without, 2 usage, 3 no snapshot."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from inspection_client.cli import main
from inspection_client.store import records, sync_state
from inspection_client.store.database import Store
from inspection_client.store.errors import StoreCorrupt
from inspection_client.sync.keys import public_key_text
from inspection_client.watchlist import retrospective
from inspection_client.watchlist.apply import apply_snapshot
from tests import factories
from tests.watchlist.conftest import SnapshotMaker, power_cut_before_the_recheck

LISTED = factories.document(number="L898902C3", issuing_state="UTO", nationality="UTO")


@pytest.fixture
def applied(store: Store, make_snapshot: SnapshotMaker, central_key: Ed25519PrivateKey) -> Store:
    apply_snapshot(store, make_snapshot(7), central_key=central_key.public_key())
    return store


@pytest.mark.parametrize(
    ("argv", "status"),
    [
        (["--document", "L898902C3", "--state", "UTO"], 1),
        (["--document", "L8989O2C3", "--state", "UTO"], 1),
        (["--document", "L898902C3", "--state", "PAK"], 0),
        (["--name", "ERIKSSON ANNA MARIA", "--birth-date", "1974-08-12"], 1),
        (["--name", "王小明"], 1),
        (["--name", "SMITH JOHN"], 0),
        (["--name", "ERIKSSON ANNA MARIA", "--birth-date", "1974"], 1),  # only the year known
        (["--name", "ERIKSSON ANNA MARIA", "--birth-date", "1990"], 0),  # years apart
        (["--plate", "新A 12345", "--country", "CHN"], 1),
        (["--vin", "1M8GDM9AXKP042788"], 1),
        (["--container", "MSCU1234566"], 0),
    ],
)
def test_check_exit_status(applied: Store, argv: list[str], status: int) -> None:
    assert main(["watchlist", "check", *argv]) == status


def test_check_json(applied: Store, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["watchlist", "check", "--vin", "1M8GDM9AXKP042788", "--json"]) == 1
    result = json.loads(capsys.readouterr().out)
    assert result["snapshot_version"] == 7 and result["hit"]
    assert result["hits"][0]["action"] == "refuse"


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["--container", "MSCU1234567"], "not a valid container number: check digit is 7"),
        (["--vin", "1M8GDM9AXKP04278"], "not a valid VIN: VIN has 16 characters"),
    ],
)
def test_a_value_that_fails_its_own_check_is_checked_and_said(
    applied: Store, capsys: pytest.CaptureFixture[str], argv: list[str], said: str
) -> None:
    """A mistyped VIN or container number gives "No hit" with a warning, not as if clean."""
    assert main(["watchlist", "check", *argv]) == 0
    captured = capsys.readouterr()
    assert "No hit" in captured.out and said in captured.err
    assert main(["watchlist", "check", *argv, "--json"]) == 0
    errors = json.loads(capsys.readouterr().out)["value_errors"]
    assert errors and said.partition(": ")[2] in errors[0]
    assert main(["watchlist", "check", "--container", "MSCU1234566", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["value_errors"] == []


@pytest.mark.parametrize(
    "argv",
    [
        ["--document", "L898902C3"],  # no state
        ["--plate", "AB123"],  # no country
        ["--vin", "X", "--container", "Y"],  # two at once
        ["--name", "X", "--birth-date", "12.08.1974"],
        ["--name", "X", "--birth-date", "74"],
        [],
        ["--document", "", "--state", "UTO"],  # nothing to check: not "no hit"
        ["--name", "  "],
        ["--vin", ""],
    ],
)
def test_usage_errors_exit_2(applied: Store, argv: list[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["watchlist", "check", *argv])
    assert exit_info.value.code == 2


def test_no_snapshot_exits_3(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["watchlist", "check", "--vin", "1M8GDM9AXKP042788"]) == 3
    assert "No watchlist snapshot is active" in capsys.readouterr().err


@pytest.mark.parametrize("content", [b"", b"not a database at all", b"SQLite format 3\x00" * 8])
def test_a_damaged_snapshot_file_exits_3_and_says_so(
    applied: Store, content: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    # Not a traceback, and not exit 1, which would read as a hit.
    (applied.path.parent / "watchlist-7.db").write_bytes(content)
    assert main(["watchlist", "check", "--vin", "1M8GDM9AXKP042788"]) == 3
    err = capsys.readouterr().err
    assert "watchlist-7.db is damaged" in err and "nothing was checked" in err
    assert "Traceback" not in err


def test_status(applied: Store, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["watchlist", "status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["version"] == 7 and status["stale"] is False
    assert status["entries"]["documents"] == 3
    assert main(["watchlist", "status"]) == 0
    assert "snapshot 7" in capsys.readouterr().out


def test_status_says_when_the_active_file_is_missing(
    applied: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["watchlist", "status", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["file_usable"] is True
    (applied.path.parent / "watchlist-7.db").unlink()
    assert main(["watchlist", "status"]) == 3
    assert "missing or damaged" in capsys.readouterr().out
    assert main(["watchlist", "status", "--json"]) == 3
    status = json.loads(capsys.readouterr().out)
    assert status["version"] == 7 and status["file_usable"] is False


def test_import_snapshot_file(
    store: Store,
    make_snapshot: SnapshotMaker,
    central_key: Ed25519PrivateKey,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = tmp_path / "watchlist-v2.snapshot.json"
    path.write_text(make_snapshot(2).model_dump_json())
    key = public_key_text(central_key.public_key())
    assert main(["watchlist", "import-snapshot", str(path), f"--central-key={key}"]) == 0
    assert "snapshot 2 applied" in capsys.readouterr().out
    assert main(["watchlist", "import-snapshot", str(path), f"--central-key={key}"]) == 0
    assert "already active" in capsys.readouterr().out
    other = public_key_text(Ed25519PrivateKey.generate().public_key())
    path.write_text(make_snapshot(3).model_dump_json())
    assert main(["watchlist", "import-snapshot", str(path), f"--central-key={other}"]) == 1
    assert "bad signature" in capsys.readouterr().err
    path.write_text("<html>captive portal</html>")
    assert main(["watchlist", "import-snapshot", str(path), f"--central-key={key}"]) == 2
    assert "not a signed snapshot" in capsys.readouterr().err


def test_a_central_key_beginning_with_a_dash_is_taken_in_the_equals_form(
    store: Store,
    make_snapshot: SnapshotMaker,
    central_key: Ed25519PrivateKey,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # One base64url key in 64 begins with "-"; written KEY apart, it would read as an option.
    path = tmp_path / "watchlist-v2.snapshot.json"
    path.write_text(make_snapshot(2).model_dump_json())
    while not (dashed := public_key_text(Ed25519PrivateKey.generate().public_key())).startswith(
        "-"
    ):
        pass
    assert main(["watchlist", "import-snapshot", str(path), f"--central-key={dashed}"]) == 1
    assert "bad signature" in capsys.readouterr().err


def test_an_enrolled_workstation_verifies_against_the_key_pinned_at_enrolment(
    store: Store,
    make_snapshot: SnapshotMaker,
    central_key: Ed25519PrivateKey,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = tmp_path / "watchlist-v2.snapshot.json"
    path.write_text(make_snapshot(2).model_dump_json())
    assert main(["watchlist", "import-snapshot", str(path)]) == 1
    assert "no pinned central key" in capsys.readouterr().err
    sync_state.put(store, {sync_state.CENTRAL_KEY: public_key_text(central_key.public_key())})
    assert main(["watchlist", "import-snapshot", str(path)]) == 0
    assert "snapshot 2 applied" in capsys.readouterr().out
    other = Ed25519PrivateKey.generate().public_key()
    sync_state.put(store, {sync_state.CENTRAL_KEY: public_key_text(other)})
    path.write_text(make_snapshot(3).model_dump_json())
    assert main(["watchlist", "import-snapshot", str(path)]) == 1
    assert "bad signature" in capsys.readouterr().err


def test_status_names_an_owed_recheck_and_alerts_makes_it_first(
    applied: Store,
    make_snapshot: SnapshotMaker,
    central_key: Ed25519PrivateKey,
    capsys: pytest.CaptureFixture[str],
) -> None:
    records.save(applied, factories.passenger(document=LISTED), officer="OFF001")
    with power_cut_before_the_recheck():
        apply_snapshot(applied, make_snapshot(8), central_key=central_key.public_key())
    assert main(["watchlist", "status", "--json"]) == 0
    owed = json.loads(capsys.readouterr().out)["recheck_owed"]
    assert owed["version"] == 8 and owed["since"].startswith(str(datetime.now(UTC).year))
    assert main(["watchlist", "status"]) == 0
    assert "`inspection-client watchlist alerts` makes it now" in capsys.readouterr().out
    assert main(["watchlist", "alerts"]) == 0
    out, err = capsys.readouterr()
    assert "made now: 1 new alert(s)" in err and "UTO/L898902C3" in out
    assert main(["watchlist", "status", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["recheck_owed"] is None
    assert main(["watchlist", "alerts"]) == 0
    assert capsys.readouterr().err == ""


def test_import_snapshot_whose_recheck_the_database_refuses_says_so_with_status_3(
    store: Store,
    make_snapshot: SnapshotMaker,
    central_key: Ed25519PrivateKey,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refused(*_args: object) -> list[str]:
        raise StoreCorrupt("The database is damaged (database disk image is malformed).")

    monkeypatch.setattr(retrospective, "_recent_clearances", refused)
    path = tmp_path / "watchlist-v2.snapshot.json"
    path.write_text(make_snapshot(2).model_dump_json())
    key = public_key_text(central_key.public_key())
    assert main(["watchlist", "import-snapshot", str(path), f"--central-key={key}"]) == 3
    out = capsys.readouterr().out
    assert "snapshot 2 applied" in out and "could not be made: The database is damaged" in out
    assert store.setting(retrospective.RECHECK_OWED) is not None
