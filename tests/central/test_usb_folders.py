"""The folders of USB delivery at the central: exports that never write travellers' records
onto the central's own disk when the stick is not there, and imports that say what the
lane's manifest lists but the folder lacks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from inspection_central.cli import main
from inspection_central.storage import CentralStorage
from tests.central.lane import Lane


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def _export_records(lane: Lane, after: int, to: Path, database: str) -> list[str]:
    return [
        *("export-records", "--workstation", lane.workstation_id, "--after", str(after)),
        *("--to", str(to), "--database", database),
    ]


def _deliver(lane: Lane, database: str, tmp_path: Path, capsys) -> None:
    folder = tmp_path / "from-lane"
    folder.mkdir()
    name = f"{lane.workstation_id}-1-3.batch.json"
    (folder / name).write_text(lane.batch(1, 3).model_dump_json())
    assert _run(capsys, "import", str(folder), "--database", database)[0] == 0


def test_an_export_to_a_stick_that_is_not_mounted_writes_nothing(
    storage: CentralStorage, lane: Lane, database: str, tmp_path: Path, capsys
) -> None:
    # Both made the missing folders (parents and all) and wrote the pages into them, exit 0.
    lane.save(3)
    _deliver(lane, database, tmp_path, capsys)
    unmounted = tmp_path / "media" / "usb"
    for argv in (
        _export_records(lane, 0, unmounted / "records", database),
        ["export-reference", "--to", str(unmounted / "reference"), "--database", database],
        # Receipts for a stick that is not there would reach no lane either.
        [
            "import",
            str(tmp_path / "from-lane"),
            "--receipts-to",
            str(unmounted / "receipts"),
            "--database",
            database,
        ],
    ):
        status, out, err = _run(capsys, *argv)
        assert status == 2, (out, err)
        assert f"There is no folder {unmounted} to write" in err
        assert "is the stick mounted?" in err and "nothing was written" in err
        assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "media").exists()

    # A new folder inside one that exists (the stick's) is made, as before.
    stick = tmp_path / "stick"
    stick.mkdir()
    status, out, _ = _run(capsys, *_export_records(lane, 0, stick / "records", database))
    assert status == 0 and "3 records of" in out
    assert [p.name for p in (stick / "records").iterdir()] == [
        f"{lane.workstation_id}-after-000000000.records.json"
    ]


def test_an_export_to_a_file_says_it_is_a_file(
    storage: CentralStorage, lane: Lane, database: str, tmp_path: Path, capsys
) -> None:
    # It said "[Errno 17] File exists", exit 1.
    lane.save(3)
    _deliver(lane, database, tmp_path, capsys)
    taken = tmp_path / "notes.txt"
    taken.write_text("a file of someone's")
    for argv in (
        _export_records(lane, 0, taken, database),
        ["export-reference", "--to", str(taken), "--database", database],
    ):
        status, out, err = _run(capsys, *argv)
        assert status == 2, (out, err)
        assert f"{taken} is a file, not a folder; choose another place" in err
        assert "Errno" not in err and "Traceback" not in err
    assert taken.read_text() == "a file of someone's"


def test_an_export_that_writes_nothing_leaves_no_folder_behind(
    storage: CentralStorage, lane: Lane, database: str, tmp_path: Path, capsys
) -> None:
    lane.save(3)
    _deliver(lane, database, tmp_path, capsys)
    stick = tmp_path / "stick"
    stick.mkdir()
    unknown = [
        *("export-records", "--workstation", "NOPE", "--after", "0"),
        *("--to", str(stick / "unknown"), "--database", database),
    ]
    status, _, err = _run(capsys, *unknown)
    assert status == 1 and "No workstation NOPE" in err
    status, out, _ = _run(capsys, *_export_records(lane, 3, stick / "nothing", database))
    assert status == 0 and "nothing was written" in out
    assert list(stick.iterdir()) == []

    # A folder that was there before stays, empty or not.
    there = stick / "there"
    there.mkdir()
    assert _run(capsys, *_export_records(lane, 3, there, database))[0] == 0
    assert there.is_dir()


def test_export_reference_with_nothing_published_leaves_no_folder_behind(
    database: str, key_path: Path, tmp_path: Path, capsys
) -> None:
    from inspection_central.storage import open_storage

    open_storage(database, key_path=key_path).close()  # a central that published nothing
    stick = tmp_path / "stick"
    stick.mkdir()
    status, out, _ = _run(
        capsys, "export-reference", "--to", str(stick / "ref"), "--database", database
    )
    assert status == 0 and "no snapshot written" in out
    assert list(stick.iterdir()) == []


def _stick_with_batches(lane: Lane, tmp_path: Path) -> tuple[Path, list[str]]:
    lane.save(6)
    stick = tmp_path / "stick"
    stick.mkdir()
    names = [f"{lane.workstation_id}-{a}-{b}.batch.json" for a, b in ((1, 3), (4, 6))]
    (stick / names[0]).write_text(lane.batch(1, 3).model_dump_json())
    (stick / names[1]).write_text(lane.batch(4, 6).model_dump_json())
    return stick, names


def test_a_batch_file_the_manifest_names_but_the_folder_lacks_is_named(
    storage: CentralStorage, lane: Lane, database: str, tmp_path: Path, capsys
) -> None:
    # It was passed over in silence, exit 0: the lane's records 7-9 left behind unnoticed.
    stick, names = _stick_with_batches(lane, tmp_path)
    lost = f"{lane.workstation_id}-7-9.batch.json"
    manifest = {"batches": [{"file": name} for name in [*names, lost]]}
    (stick / "manifest.json").write_text(json.dumps(manifest))
    status, out, err = _run(capsys, "import", str(stick), "--database", database)
    assert status == 1
    assert f"{lost}: MISSING, manifest.json names it but it is not in {stick}" in out
    assert "1 batch file(s) that manifest.json names are missing" in err
    for name in names:
        assert f"{name}: 3 accepted" in out  # the others are imported all the same
    assert storage.stats()["records_total"] == 6

    (stick / "manifest.json").write_text(json.dumps({"batches": [{"file": n} for n in names]}))
    status, out, _ = _run(capsys, "import", str(stick), "--database", database)
    assert status == 0 and "MISSING" not in out


def test_a_manifest_that_cannot_be_read_leaves_every_batch_file_tried(
    storage: CentralStorage, lane: Lane, database: str, tmp_path: Path, capsys
) -> None:
    # It stopped the whole import ("The manifest … cannot be read: Expecting value…", exit 2)
    # though every file is tried: the manifest only names files, each batch is signed.
    stick, names = _stick_with_batches(lane, tmp_path)
    (stick / "manifest.json").write_text('{"batches": [{"file": "')  # a copy cut short
    status, out, err = _run(capsys, "import", str(stick), "--database", database)
    assert status == 1, err
    assert "manifest.json: CANNOT BE READ (not valid JSON:" in out
    assert f"every batch file in {stick} is tried" in out
    assert "Traceback" not in err
    for name in names:
        assert f"{name}: 3 accepted" in out
        assert (stick / name.replace(".batch.json", ".receipt.json")).is_file()
    assert storage.stats()["records_total"] == 6


def test_a_manifest_larger_than_any_batch_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from inspection_central import usb

    monkeypatch.setattr(usb, "MAX_FILE_BYTES", 1024)
    stick = tmp_path / "stick"
    stick.mkdir()
    (stick / usb.MANIFEST).write_text(json.dumps({"batches": ["x" * 2000 + ".batch.json"]}))
    (stick / "KHG-1-1.batch.json").write_text("{}")
    found = usb.batch_files(stick)
    assert found.manifest_error == "larger than 1024 bytes"
    assert found.files == [stick / "KHG-1-1.batch.json"] and found.missing == []
