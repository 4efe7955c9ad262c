"""A restored database holds new records: the window says so, an officer waits, and a
supervisor who cannot wait for the central lifts the hold at sign-in."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from inspection_client.store import restore_hold
from inspection_client.store.database import Store
from inspection_client.ui.dialogs import LiftHoldDialog
from inspection_client.ui.main_window import MainWindow
from tests.gui.conftest import OFFICER, SUPERVISOR, sign_in

pytestmark = pytest.mark.gui


@pytest.fixture
def held(accounts: Store) -> Store:
    restore_hold.place(accounts, head_seq=0)
    return accounts


def boxes(window: MainWindow, name: str) -> list[str]:
    return [box.text() for box in window.findChildren(QMessageBox, name) if box.isVisible()]


def type_sign_in(qtbot: QtBot, window: MainWindow, account: tuple[str, str]) -> None:
    login = window.login.ui
    login.codeEdit.clear()
    qtbot.keyClicks(login.codeEdit, account[0])
    qtbot.keyClicks(login.pinEdit, account[1])
    qtbot.keyClick(login.pinEdit, Qt.Key.Key_Return)


def test_an_officer_is_told_to_wait_and_nothing_is_saved(
    qtbot: QtBot, held: Store, window: MainWindow
) -> None:
    banner = window.ui.bannerLabel
    assert banner.isVisible() and "Restored from a backup (up to record #0)" in banner.text()
    type_sign_in(qtbot, window, OFFICER)
    (said,) = boxes(window, "infoBox")
    assert said.startswith("This lane database was restored from a backup, and no shift")
    assert window.session is None and window.ui.pages.currentWidget() is window.login
    assert held.conn.execute("SELECT count(*) FROM records").fetchone()[0] == 0


def test_a_supervisor_who_cannot_wait_lifts_the_hold_and_opens_the_shift(
    qtbot: QtBot, held: Store, window: MainWindow
) -> None:
    type_sign_in(qtbot, window, SUPERVISOR)
    dialog = window.dialog
    assert isinstance(dialog, LiftHoldDialog) and dialog.isVisible()
    assert "ends at record #0" in dialog.ui.explanationLabel.text()
    assert not dialog.ok_button.isEnabled()  # a reason and the tick, both
    dialog.ui.confirmCheck.setChecked(True)
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.ui.reasonEdit, "Fibre cut at the pass; central down for days")
    assert dialog.ok_button.isEnabled()
    dialog.ok_button.click()

    opened = window.dialog
    assert opened.objectName() == "openShiftDialog" and opened.isVisible()
    qtbot.keyClick(opened, Qt.Key.Key_Return)
    assert window.session is not None and window.session.officer.code == SUPERVISOR[0]
    lifted = restore_hold.last_lifted(held)
    assert lifted is not None and lifted.by == SUPERVISOR[0]
    assert lifted.reason == "Fibre cut at the pass; central down for days"
    assert "Restored from a backup" not in window.ui.bannerLabel.text()


def test_cancelling_waits_for_the_sync(qtbot: QtBot, held: Store, window: MainWindow) -> None:
    type_sign_in(qtbot, window, SUPERVISOR)
    window.dialog.reject()
    assert window.session is None and restore_hold.current(held) is not None
    # The sync lifts it meanwhile (on its own connection): the next sign-in just opens a shift.
    with Store.open(held.path) as worker:
        restore_hold.lift(worker, by=restore_hold.LIFTED_BY_SYNC, reason="in step")
    sign_in(qtbot, window, OFFICER)
    assert "Restored from a backup" not in window.ui.bannerLabel.text()


def test_the_chinese_dialog(qtbot: QtBot, held: Store, window: MainWindow) -> None:
    window.apply_settings("zh_CN", 10)
    qtbot.waitUntil(lambda: "已从备份恢复" in window.ui.bannerLabel.text(), timeout=3000)
    type_sign_in(qtbot, window, SUPERVISOR)
    assert window.dialog.windowTitle() == "数据库已恢复：新记录暂停保存"
    assert window.dialog.ok_button.text() == "解除暂停"
