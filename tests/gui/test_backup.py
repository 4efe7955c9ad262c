"""Tools → Back up the database…: a supervisor's copy onto a USB stick, off the store worker."""

from __future__ import annotations

import stat
from pathlib import Path

import pyrage
import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from inspection_client.store import records
from inspection_client.store.backup import RECIPIENT_SETTING
from inspection_client.store.database import Store
from inspection_client.store.sealing import AGE_MAGIC
from inspection_client.ui import backup
from inspection_client.ui.main_window import MainWindow
from inspection_client.ui.operations import ImmediateOperations
from tests.factories import passenger
from tests.gui.conftest import SUPERVISOR, sign_in

pytestmark = pytest.mark.gui


def boxes(window: MainWindow, name: str) -> list[str]:
    return [box.text() for box in window.findChildren(QMessageBox, name) if box.isVisible()]


def back_up_as_supervisor(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, str]:
    """A supervisor signs in and backs up into a new folder: the folder, and what was said."""
    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setattr(backup, "choose_folder", lambda parent, chosen=None: str(usb))
    sign_in(qtbot, window, SUPERVISOR)  # opening the shift saves a record too
    action = window.ui.actionBackUp
    assert action.isEnabled() and action.text() == "&Back up the database…"
    action.trigger()
    qtbot.waitUntil(lambda: bool(boxes(window, "infoBox")), timeout=10_000)
    (said,) = boxes(window, "infoBox")
    assert action.isEnabled()
    return usb, said


def test_a_supervisor_backs_up_onto_the_chosen_folder(
    qtbot: QtBot,
    window: MainWindow,
    ops: ImmediateOperations,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for _ in range(3):
        records.save(ops.store, passenger(), officer="OFF1")
    usb, said = back_up_as_supervisor(qtbot, window, tmp_path, monkeypatch)
    (made,) = usb.glob("lane-*.db")
    assert stat.S_IMODE(made.stat().st_mode) == 0o600
    with Store.open(made, create=False) as copy:
        assert copy.conn.execute("SELECT COUNT(*) FROM records").fetchone()[0] == 4
    assert said.startswith(f"Backed up 4 records (up to #4) to {made}")
    assert "It is NOT encrypted: no recovery key is set on this lane" in said  # as the CLI warns


def test_with_a_recovery_key_the_window_seals_the_backup_and_says_so(
    qtbot: QtBot,
    window: MainWindow,
    ops: ImmediateOperations,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    recipient = str(pyrage.x25519.Identity.generate().to_public())
    ops.store.set_setting(RECIPIENT_SETTING, recipient)
    usb, said = back_up_as_supervisor(qtbot, window, tmp_path, monkeypatch)
    (made,) = usb.iterdir()
    assert made.name.endswith(".db.age") and made.read_bytes().startswith(AGE_MAGIC)
    assert said.startswith(f"Backed up 1 records (up to #1) to {made}")
    assert "sealed for the agency's recovery key: only IT can open it." in said


def test_an_officer_is_sent_to_a_supervisor_and_a_failure_is_explained(
    qtbot: QtBot,
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[object] = []
    monkeypatch.setattr(
        backup, "choose_folder", lambda parent, chosen=None: asked.append(parent) or ""
    )
    sign_in(qtbot, window)
    window.ui.actionBackUp.trigger()
    assert asked == []
    assert boxes(window, "infoBox") == [
        "A supervisor backs up the lane database: the copy holds travellers' personal data."
    ]
    window.sign_out()

    gone = tmp_path / "unplugged"
    monkeypatch.setattr(backup, "choose_folder", lambda parent, chosen=None: str(gone))
    sign_in(qtbot, window, SUPERVISOR)
    window.ui.actionBackUp.trigger()
    qtbot.waitUntil(lambda: bool(boxes(window, "problemBox")), timeout=10_000)
    assert boxes(window, "problemBox") == [f"There is no folder {gone} to write to."]
    assert window.ui.actionBackUp.isEnabled()


def test_the_chinese_window_says_it_in_chinese(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backup, "choose_folder", lambda parent, chosen=None: "")
    window.apply_settings("zh_CN", 10)
    qtbot.waitUntil(lambda: window.ui.actionBackUp.text() == "备份数据库(&B)…", timeout=3000)
    sign_in(qtbot, window)
    window.ui.actionBackUp.trigger()
    assert boxes(window, "infoBox") == ["通道数据库由主管备份：副本含有旅客个人信息。"]


def close_shift(window: MainWindow) -> None:
    window.ui.actionCloseShift.trigger()
    window.dialog.ui.confirmCheck.setChecked(True)
    window.dialog.accept()
    window.dialog.button(QMessageBox.StandardButton.No).click()  # no report now


def test_after_every_shift_close_a_backup_goes_into_the_chosen_folder(
    qtbot: QtBot,
    window: MainWindow,
    ops: ImmediateOperations,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    workstation = ops.store.require_workstation().workstation_id
    older = [usb / f"lane-{workstation}-2026110{day}-080000.db" for day in range(1, 10)]
    for path in older:
        path.write_bytes(b"an older backup")
    (usb / "notes.txt").write_text("not a backup")
    monkeypatch.setattr(backup, "choose_folder", lambda parent, chosen=None: str(usb))
    sign_in(qtbot, window, SUPERVISOR)
    action = window.ui.actionBackUpAtShiftClose
    action.trigger()  # ticks it, asks for the folder
    assert action.isChecked() and action.text() == f"Back up at every shift &close (to {usb})"
    assert ops.store.setting(backup.FOLDER_SETTING) == str(usb)

    close_shift(window)

    def newest() -> list[Path]:
        return sorted(usb.glob(f"lane-{workstation}-202612*.db"))

    qtbot.waitUntil(lambda: len(newest()) == 1, timeout=10_000)
    (made,) = newest()
    with Store.open(made, create=False) as copy:  # the shift's closing record is in it
        kinds = [row[0] for row in copy.conn.execute("SELECT kind FROM records ORDER BY seq")]
    assert kinds[-2:] == ["shift_open", "shift_close"]
    qtbot.waitUntil(lambda: len(list(usb.glob("lane-*.db"))) == backup.BACKUPS_KEPT)
    assert sorted(usb.glob("lane-*.db")) == [*older[-(backup.BACKUPS_KEPT - 1) :], made]
    assert (usb / "notes.txt").exists()
    assert boxes(window, "problemBox") == []

    # Unticked by a supervisor: no more backups.
    sign_in(qtbot, window, SUPERVISOR)
    action.trigger()
    assert not action.isChecked() and action.text() == "Back up at every shift &close"
    assert ops.store.setting(backup.FOLDER_SETTING) == ""


def test_only_a_supervisor_changes_it_and_a_missing_medium_is_said(
    qtbot: QtBot,
    window: MainWindow,
    ops: ImmediateOperations,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    unplugged = tmp_path / "unplugged"
    ops.store.set_setting(backup.FOLDER_SETTING, str(unplugged))
    backup.show_shift_close_folder(window, str(unplugged))
    monkeypatch.setattr(
        backup, "choose_folder", lambda parent, chosen=None: pytest.fail("not asked")
    )
    sign_in(qtbot, window)
    action = window.ui.actionBackUpAtShiftClose
    action.trigger()  # an officer tries to untick it
    assert action.isChecked()
    assert ops.store.setting(backup.FOLDER_SETTING) == str(unplugged)
    assert boxes(window, "infoBox")[0].startswith("A supervisor backs up")

    close_shift(window)
    qtbot.waitUntil(lambda: bool(boxes(window, "problemBox")), timeout=10_000)
    (said,) = boxes(window, "problemBox")
    assert said.startswith(f"The backup at shift close failed: There is no folder {unplugged}")


def test_the_folder_dialog_opens_where_a_backup_can_go(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stick = tmp_path / "media" / "officer" / "USB"
    stick.mkdir(parents=True)
    monkeypatch.setattr(backup, "removable_media", lambda: [stick])
    opened: list[str] = []

    def pick(dialog: QFileDialog) -> int:  # the supervisor takes the folder it opens in
        opened.append(dialog.directory().absolutePath())
        dialog.selectFile(opened[-1])
        return 1

    monkeypatch.setattr(QFileDialog, "exec", pick)
    monkeypatch.chdir(tmp_path)  # never the folder the program was started from
    assert backup.choose_folder(window) == str(stick)  # a stick plugged in
    chosen = tmp_path / "backups"
    chosen.mkdir()
    assert backup.choose_folder(window, str(chosen)) == str(chosen)  # the folder chosen before
    monkeypatch.setattr(backup, "removable_media", lambda: [])
    assert backup.choose_folder(window, str(tmp_path / "gone")) == str(Path.home())
    assert opened == [str(stick), str(chosen), str(Path.home())]
    monkeypatch.setattr(QFileDialog, "exec", lambda dialog: 0)
    assert backup.choose_folder(window) == ""  # cancelled


def test_removable_media_are_the_mounted_volumes_under_the_media_folders(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class Volume:
        def __init__(self, root: str) -> None:
            self.root = root

        def rootPath(self) -> str:
            return self.root

        def isValid(self) -> bool:
            return True

        def isReady(self) -> bool:
            return True

    volumes = [
        Volume("/"),
        Volume("/boot/efi"),
        Volume("/media/duty/KINGSTON"),
        Volume("/run/media/duty/SD"),
    ]
    monkeypatch.setattr(backup.QStorageInfo, "mountedVolumes", staticmethod(lambda: volumes))
    assert backup.removable_media() == [Path("/media/duty/KINGSTON"), Path("/run/media/duty/SD")]
