"""A lane database put back to an older copy without `db restore` is held like a restored one.

The witness file `lane.head` beside the database notes its newest record (`store.witness`).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from inspection_client.cli import main
from inspection_client.domain.codes import Role
from inspection_client.domain.models import Officer
from inspection_client.store import audit, officers, records, restore_hold, witness
from inspection_client.store.backup import back_up, restore
from inspection_client.store.database import Store
from inspection_client.store.restore_hold import HeldAfterRestore
from tests import factories
from tests.conftest import TEST_WORKSTATION


def save(store: Store, count: int = 1) -> list[int]:
    drafts = [records.Draft(factories.passenger(), "OFF01") for _ in range(count)]
    return [record.seq for record in records.save_many(store, drafts)]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def put_back(copy: Path, database: Path) -> None:
    """What IT does by hand: the old file over the database, its write-ahead log gone."""
    shutil.copyfile(copy, database)
    for end in ("-wal", "-shm"):
        Path(f"{database}{end}").unlink(missing_ok=True)


@pytest.fixture
def copied_at_3(store: Store, tmp_path: Path) -> Path:
    """#1-#3 saved and copied aside (the store's own backup), then #4-#5; the store closed."""
    officers.add_officer(store, Officer(code="SUP1", name="S", role=Role.SUPERVISOR), None)
    save(store, 3)
    back_up(store, tmp_path / "old.db")
    save(store, 2)
    store.close()
    return tmp_path / "old.db"


def test_every_save_notes_the_newest_record_beside_the_database(store: Store) -> None:
    path = store.path.with_name("lane.head")
    assert witness.path_of(store.path) == path
    assert witness.read(path) == witness.Head("", 0, bytes(32))  # made at open
    save(store, 2)
    seq, head = audit.chain_head(store)
    assert witness.read(path) == witness.Head(
        TEST_WORKSTATION.workstation_id, 2, bytes.fromhex(head)
    )
    assert seq == 2
    line = json.loads(path.read_text())
    assert set(line) == {"workstation", "seq", "hash", "check"}


def test_a_database_put_back_by_hand_holds_new_records_until_a_supervisor_lifts_it(
    copied_at_3: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = data_dir / "lane.db"
    put_back(copied_at_3, database)
    with Store.open(database) as again:
        hold = restore_hold.current(again)
        assert hold is not None and hold.rolled_back
        assert (hold.head_seq, hold.noted_seq, hold.noted_in) == (3, 5, str(data_dir / "lane.head"))
        assert hold.enrolled is False
        said = (
            "This lane database ends at record #3, but record #5 was saved on it before "
            f"(noted in {data_dir / 'lane.head'}): it was put back to an older copy without "
            "`db restore`."
        )
        assert again.rolled_back == hold and again.warnings == []
        assert restore_hold.describe(hold).startswith(said)
        with pytest.raises(HeldAfterRestore) as refused:
            save(again)
        text = str(refused.value)
        assert text.startswith(said) and text.endswith("Nothing was saved.")
        assert "not enrolled, so no sync can bring them back" in text and "Sync first" not in text
        assert again.conn.execute("SELECT max(seq) FROM records").fetchone()[0] == 3
        # Placed once: the witness now names this database's head.
        assert witness.read(data_dir / "lane.head").seq == 3  # type: ignore[union-attr]

    status, out, err = run(capsys, "db", "info", "--json")
    assert status == 0 and "put back to an older copy" not in err  # said once, at the open
    held = json.loads(out)["held_after_restore"]
    assert held == {
        "since": hold.since,
        "head_seq": 3,
        "cause": "rolled_back",
        "noted_seq": 5,
        "noted_in": str(data_dir / "lane.head"),
        "enrolled": False,
    }
    status, out, _ = run(capsys, "db", "info")
    assert "Rolled back:     this database ends at record #3, but record #5 was saved" in out
    assert "New records:     held until a supervisor lifts the hold (`db lift-hold`)" in out

    status, out, _ = run(capsys, "db", "lift-hold", "--supervisor", "SUP1", "--reason", "no copy")
    assert status == 0
    assert out.startswith("Hold lifted by SUP1: records can be saved from #4 on. They take the")
    assert "If the central" not in out
    with Store.open(database) as again:
        assert restore_hold.current(again) is None and again.rolled_back is None
        assert save(again) == [4]


def test_the_same_number_of_records_but_others_is_found_by_the_hash(
    copied_at_3: Path, data_dir: Path, tmp_path: Path
) -> None:
    """A copy that went on elsewhere to the same number: only the chain hash tells."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.copyfile(copied_at_3, elsewhere / "lane.db")
    with Store.open(elsewhere / "lane.db") as other:
        assert save(other, 2) == [4, 5]
    put_back(elsewhere / "lane.db", data_dir / "lane.db")
    with Store.open(data_dir / "lane.db") as again:
        hold = restore_hold.current(again)
        assert hold is not None and (hold.head_seq, hold.noted_seq) == (5, 5)
        with pytest.raises(HeldAfterRestore):
            save(again)


def test_a_witness_behind_the_database_is_brought_up_to_it(
    copied_at_3: Path, data_dir: Path
) -> None:
    """A crash between the commit and the witness: the witness lags, which is no rollback."""
    path = data_dir / "lane.head"
    with Store.open(copied_at_3) as old:
        behind = witness.head_of(old)
    witness.write(path, behind)
    with Store.open(data_dir / "lane.db") as again:
        assert restore_hold.current(again) is None
        assert witness.read(path) == witness.head_of(again)
        assert again.warnings == [] and again.witness_trouble == []


def test_the_command_that_finds_it_says_so_once(
    copied_at_3: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    put_back(copied_at_3, data_dir / "lane.db")
    status, _, err = run(capsys, "db", "check")
    assert status == 0
    assert err.startswith("warning: This lane database ends at record #3, but record #5 was")
    assert "not enrolled, so no sync can bring them back" in err
    assert run(capsys, "db", "check")[2] == ""


@pytest.mark.parametrize(
    "damage",
    ["checksum", "garbage", "huge", "nested", "empty", "folder"],
)
def test_a_damaged_witness_places_no_hold_is_written_again_and_db_check_warns(
    copied_at_3: Path, data_dir: Path, capsys: pytest.CaptureFixture[str], damage: str
) -> None:
    path = data_dir / "lane.head"
    noted = json.loads(path.read_text())
    path.unlink()
    if damage == "checksum":  # a seq changed by hand, say
        path.write_text(json.dumps({**noted, "seq": 9}) + "\n")
    elif damage == "garbage":
        path.write_bytes(b"\x00\xff not json \x80")
    elif damage == "huge":
        path.write_text(json.dumps(noted) + " " * 5000)
    elif damage == "nested":
        path.write_text("[" * 1000)  # deeper than the parser goes
    elif damage == "empty":
        path.write_bytes(b"")
    else:
        path.mkdir()
    put_back(copied_at_3, data_dir / "lane.db")  # undetectable with a damaged witness
    status, out, err = run(capsys, "db", "check")
    assert status == 0 and "integrity check ok" in out
    assert f"warning: The witness file {path} was damaged (" in err
    assert "Traceback" not in err
    if damage == "folder":
        assert f"warning: The witness file {path} cannot be written" in err
    with Store.open(data_dir / "lane.db") as again:
        assert restore_hold.current(again) is None
        assert save(again) == [4]
        if damage != "folder":
            assert witness.read(path) == witness.head_of(again)
            assert again.witness_trouble == []
        else:  # the save went through all the same
            assert path.is_dir() and len(again.witness_trouble) == 2


def test_a_missing_witness_is_made(copied_at_3: Path, data_dir: Path) -> None:
    """A database of a version that wrote none, or one whose witness was deleted."""
    (data_dir / "lane.head").unlink()
    with Store.open(data_dir / "lane.db") as again:
        assert restore_hold.current(again) is None
        assert witness.read(data_dir / "lane.head") == witness.head_of(again)
        assert witness.head_of(again).seq == 5


def test_another_workstation_s_witness_is_not_this_database_s_history(
    copied_at_3: Path, data_dir: Path
) -> None:
    path = data_dir / "lane.head"
    witness.write(path, witness.Head("OTHER-KHG-L01", 900, bytes(32)))
    with Store.open(data_dir / "lane.db") as again:
        assert restore_hold.current(again) is None
        assert witness.read(path) == witness.head_of(again)


def test_a_proper_restore_is_no_rollback(copied_at_3: Path, data_dir: Path) -> None:
    restore(copied_at_3, data_dir, replace=True)
    assert witness.read(data_dir / "lane.head").seq == 3  # type: ignore[union-attr]
    assert [p.name for p in data_dir.iterdir() if p.name.startswith(".restoring")] == []
    with Store.open(data_dir / "lane.db") as again:
        assert restore_hold.current(again) is None  # not enrolled: nothing to wait for
        assert again.warnings == []
        assert save(again) == [4]


def test_an_enrolled_restore_keeps_its_own_wording(store: Store, tmp_path: Path) -> None:
    store.conn.execute("INSERT INTO sync_state(key, value) VALUES ('central_key', 'pinned')")
    save(store, 3)
    back_up(store, tmp_path / "usb.db")
    save(store, 2)
    store.close()
    restore(tmp_path / "usb.db", store.path.parent, replace=True)
    with Store.open(store.path) as again:
        hold = restore_hold.current(again)
        assert hold is not None and hold.cause == restore_hold.RESTORED
        assert hold.to_json() == {"since": hold.since, "head_seq": 3}
        with pytest.raises(HeldAfterRestore, match="restored from a backup on"):
            save(again)


def test_seeding_notes_its_newest_record(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "seed", "--records", "50", "--days", "1")[0] == 0
    with Store.open(data_dir / "lane.db") as seeded:
        noted = witness.read(data_dir / "lane.head")
        assert noted is not None and noted == witness.head_of(seeded) and noted.seq > 50


def test_a_rollback_found_by_one_connection_is_held_for_the_other(
    copied_at_3: Path, data_dir: Path
) -> None:
    """The window's worker and the sync worker open the database at about the same time."""
    put_back(copied_at_3, data_dir / "lane.db")
    with Store.open(data_dir / "lane.db") as first, Store.open(data_dir / "lane.db") as second:
        assert first.rolled_back is not None and second.rolled_back is None
        for each in (first, second):
            with pytest.raises(HeldAfterRestore):
                save(each)
