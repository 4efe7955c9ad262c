"""A restored database holds new records: the window says so, an officer waits, and a
supervisor who cannot wait for the central lifts the hold at sign-in, or from the Tools menu
during a shift opened before the backup."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from inspection_client.domain.codes import Direction
from inspection_client.store import restore_hold, shifts
from inspection_client.store.database import Store
from inspection_client.ui.dialogs import LiftHoldDialog
from inspection_client.ui.main_window import MainWindow
from tests.gui.conftest import OFFICER, SUPERVISOR, passport, sign_in

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


@pytest.fixture
def held_mid_shift(accounts: Store) -> Store:
    """The backup was made during OFF1's shift: signing in goes straight back to it."""
    shifts.open_shift(accounts, OFFICER[0], Direction.ENTRY)
    restore_hold.place(accounts, head_seq=1)
    return accounts


def record_count(store: Store) -> int:
    return int(store.conn.execute("SELECT count(*) FROM records").fetchone()[0])


def save_passenger(qtbot: QtBot, window: MainWindow) -> None:
    mrz = window.passenger.passenger.ui.mrzEdit
    for line in passport():
        qtbot.keyClicks(mrz, line)
        qtbot.keyClick(mrz, Qt.Key.Key_Return)
    qtbot.keyClick(mrz, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def lift_from_menu(qtbot: QtBot, window: MainWindow, code: str, pin: str) -> LiftHoldDialog:
    window.ui.actionLiftHold.trigger()
    dialog = window.dialog
    assert isinstance(dialog, LiftHoldDialog) and dialog.isVisible()
    dialog.ui.confirmCheck.setChecked(True)
    qtbot.keyClicks(dialog.ui.reasonEdit, "Link down since the storm")
    assert not dialog.ok_button.isEnabled()  # the supervisor's code and PIN are asked for too
    qtbot.keyClicks(dialog.ui.supervisorCodeEdit, code)
    qtbot.keyClicks(dialog.ui.supervisorPinEdit, pin)
    assert dialog.ok_button.isEnabled()
    dialog.ok_button.click()
    return dialog


def test_during_a_shift_a_supervisor_lifts_the_hold_from_the_tools_menu(
    qtbot: QtBot, held_mid_shift: Store, window: MainWindow
) -> None:
    sign_in(qtbot, window, OFFICER)
    assert window.ui.actionLiftHold.isEnabled()
    window.lock_screen()
    assert not window.ui.actionLiftHold.isEnabled()  # not from behind the lock screen
    qtbot.keyClicks(window.lock.ui.lockPinEdit, OFFICER[1])
    qtbot.keyClick(window.lock.ui.lockPinEdit, Qt.Key.Key_Return)
    assert window.ui.actionLiftHold.isEnabled()
    save_passenger(qtbot, window)
    assert record_count(held_mid_shift) == 1  # held: only the shift opened before the backup
    (refused,) = boxes(window, "problemBox")
    assert "restored from a backup" in refused and "Nothing was saved." in refused
    for box in window.findChildren(QMessageBox, "problemBox"):
        box.close()

    dialog = lift_from_menu(qtbot, window, "sup1", "0000")  # a wrong PIN: the dialog stays
    assert dialog.isVisible() and restore_hold.current(held_mid_shift) is not None
    assert "Wrong supervisor code or PIN (4 attempt(s) left)" in dialog.ui.messageLabel.text()
    assert dialog.ui.supervisorPinEdit.text() == ""
    qtbot.keyClicks(dialog.ui.supervisorPinEdit, SUPERVISOR[1])
    dialog.ok_button.click()

    assert not dialog.isVisible()
    lifted = restore_hold.last_lifted(held_mid_shift)
    assert lifted is not None and lifted.by == SUPERVISOR[0]
    assert lifted.reason == "Link down since the storm"
    assert "Restored from a backup" not in window.ui.bannerLabel.text()
    assert not window.ui.actionLiftHold.isEnabled()
    save_passenger(qtbot, window)
    assert record_count(held_mid_shift) == 2


def test_an_officer_cannot_approve_the_lifting(
    qtbot: QtBot, held_mid_shift: Store, window: MainWindow
) -> None:
    sign_in(qtbot, window, OFFICER)
    dialog = lift_from_menu(qtbot, window, *OFFICER)
    assert dialog.isVisible()
    assert dialog.ui.messageLabel.text() == "OFF1 is not a supervisor."
    assert restore_hold.current(held_mid_shift) is not None
    dialog.reject()
    assert window.session is not None  # cancelling leaves the shift as it was


def test_the_menu_entry_is_off_without_a_hold(
    qtbot: QtBot, accounts: Store, window: MainWindow
) -> None:
    sign_in(qtbot, window, SUPERVISOR)
    assert not window.ui.actionLiftHold.isEnabled()
    window.lift_hold_from_menu()
    assert window.dialog is None or not isinstance(window.dialog, LiftHoldDialog)


@pytest.fixture
def rolled_back(accounts: Store) -> Store:
    """Found at open put back to an older copy (`store.witness`); not enrolled."""
    with accounts.write() as conn:
        restore_hold.place_in(
            conn, 2, cause=restore_hold.ROLLED_BACK, noted_seq=7, noted_in="/lanes/lane.head"
        )
    accounts.hold_possible = True
    return accounts


ROLLED_BACK_SAID = (
    "This lane database ends at record #2, but record #7 was saved on it before (noted in "
    "/lanes/lane.head): it was put back to an older copy without `db restore`."
)


def test_a_database_put_back_by_hand_says_so(
    qtbot: QtBot, rolled_back: Store, window: MainWindow
) -> None:
    banner = window.ui.bannerLabel
    assert banner.isVisible() and ROLLED_BACK_SAID in banner.text()
    assert "Restored from a backup" not in banner.text()
    assert "not enrolled, so no sync can bring them back" in banner.text()
    type_sign_in(qtbot, window, OFFICER)
    (said,) = boxes(window, "infoBox")
    assert said.startswith(ROLLED_BACK_SAID) and window.session is None
    for box in window.findChildren(QMessageBox, "infoBox"):
        box.close()

    type_sign_in(qtbot, window, SUPERVISOR)
    dialog = window.dialog
    assert isinstance(dialog, LiftHoldDialog) and dialog.isVisible()
    assert dialog.windowTitle() == "Lane database put back to an older copy: new records are held"
    assert dialog.ui.explanationLabel.text().startswith(ROLLED_BACK_SAID)
    assert dialog.ui.reasonLabel.text() == "&Why the hold is lifted:"  # no central to wait for
    dialog.ui.confirmCheck.setChecked(True)
    qtbot.keyClicks(dialog.ui.reasonEdit, "No newer copy anywhere")
    dialog.ok_button.click()
    assert window.dialog.objectName() == "openShiftDialog"
    assert restore_hold.current(rolled_back) is None


def test_a_database_put_back_by_hand_says_so_in_chinese(
    qtbot: QtBot, rolled_back: Store, window: MainWindow
) -> None:
    window.apply_settings("zh_CN", 10)
    qtbot.waitUntil(lambda: "换回了旧副本" in window.ui.bannerLabel.text(), timeout=3000)
    assert "最后一条记录是 #2" in window.ui.bannerLabel.text()
    type_sign_in(qtbot, window, SUPERVISOR)
    assert window.dialog.windowTitle() == "通道数据库被换回旧副本：新记录暂停保存"
