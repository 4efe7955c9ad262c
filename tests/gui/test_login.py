"""Signing in, the lockout after wrong PINs, opening a shift, the idle lock."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from inspection_client.store import shifts
from inspection_client.ui.main_window import MainWindow
from inspection_client.ui.operations import ImmediateOperations
from tests.gui.conftest import OFFICER, OTHER_OFFICER, SUPERVISOR, sign_in

pytestmark = pytest.mark.gui


def _try(qtbot: QtBot, window: MainWindow, code: str, pin: str) -> str:
    login = window.login.ui
    login.codeEdit.clear()
    qtbot.keyClicks(login.codeEdit, code)
    qtbot.keyClicks(login.pinEdit, pin)
    qtbot.keyClick(login.pinEdit, Qt.Key.Key_Return)
    return login.messageLabel.text()


def test_wrong_pins_count_down_then_lock_the_account(qtbot: QtBot, window: MainWindow) -> None:
    assert window.login.ui.loginButton.isEnabled()
    assert "4 attempt(s) left" in _try(qtbot, window, OFFICER[0], "0000")
    for _ in range(3):
        _try(qtbot, window, OFFICER[0], "0000")
    message = _try(qtbot, window, OFFICER[0], "0000")
    assert "locked until" in message
    # The right PIN does not get in while the lock lasts.
    assert "locked until" in _try(qtbot, window, OFFICER[0], OFFICER[1])
    assert window.session is None
    assert window.ui.pages.currentWidget() is window.login


def test_sign_in_opens_a_shift_with_the_lane_preselected(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    sign_in(qtbot, window)
    assert window.session is not None and window.session.shift is not None
    opened = shifts.open_shift_of(ops.store, OFFICER[0])
    assert opened is not None and opened.lane_id == "P01"
    assert window.status.ui.officerLabel.text() == "Officer: OFF1"
    # Signing out and in again finds the open shift: no second dialog.
    window.sign_out()
    sign_in(qtbot, window)
    assert window.session.shift.shift_id == opened.shift_id


def test_cancelling_the_open_shift_question_says_why_the_officer_is_signed_out(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    login = window.login.ui
    qtbot.keyClicks(login.codeEdit, SUPERVISOR[0])
    qtbot.keyClicks(login.pinEdit, SUPERVISOR[1])
    qtbot.keyClick(login.pinEdit, Qt.Key.Key_Return)
    dialog = window.dialog
    assert dialog is not None and dialog.objectName() == "openShiftDialog"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert window.session is None and window.ui.pages.currentWidget() is window.login
    said = login.messageLabel.text()
    assert "No shift was opened, so you were signed out" in said
    assert login.messageLabel.property("state") == "idle"
    assert shifts.open_shift_of(ops.store, SUPERVISOR[0]) is None
    # The next attempt starts with a clean page.
    sign_in(qtbot, window)
    window.sign_out()
    assert login.messageLabel.text() == ""


def test_idle_lock_keeps_the_half_filled_form(qtbot: QtBot, window: MainWindow) -> None:
    sign_in(qtbot, window)
    fields = window.passenger.passenger.ui
    qtbot.keyClicks(fields.surnameEdit, "HALFWAY")
    qtbot.keyClicks(fields.docNumberEdit, "X123")
    window.idle.set_minutes(0.002)  # 120 ms
    window.idle.start()
    qtbot.waitUntil(lambda: window.ui.pages.currentWidget() is window.lock, timeout=3000)
    lock = window.lock.ui
    assert lock.lockCodeEdit.text() == OFFICER[0]
    # Another officer cannot unlock someone else's screen.
    lock.lockCodeEdit.setText(OTHER_OFFICER[0])
    qtbot.keyClicks(lock.lockPinEdit, OTHER_OFFICER[1])
    qtbot.keyClick(lock.lockPinEdit, Qt.Key.Key_Return)
    assert window.ui.pages.currentWidget() is window.lock
    assert "Only OFF1 or a supervisor" in lock.lockMessageLabel.text()
    # A supervisor can.
    lock.lockCodeEdit.setText(SUPERVISOR[0])
    qtbot.keyClicks(lock.lockPinEdit, SUPERVISOR[1])
    qtbot.keyClick(lock.lockPinEdit, Qt.Key.Key_Return)
    assert window.ui.pages.currentWidget() is window.ui.workPage
    assert fields.surnameEdit.text() == "HALFWAY"
    assert fields.docNumberEdit.text() == "X123"
    assert window.session is not None and window.session.officer.code == OFFICER[0]


def test_the_officer_unlocks_with_their_own_pin(qtbot: QtBot, window: MainWindow) -> None:
    sign_in(qtbot, window)
    qtbot.keyClicks(window.passenger.passenger.ui.mrzEdit, "P<UTO")
    window.lock_screen()
    qtbot.keyClicks(window.lock.ui.lockPinEdit, "0000")
    qtbot.keyClick(window.lock.ui.lockPinEdit, Qt.Key.Key_Return)
    assert "attempt(s) left" in window.lock.ui.lockMessageLabel.text()
    qtbot.keyClicks(window.lock.ui.lockPinEdit, OFFICER[1])
    qtbot.keyClick(window.lock.ui.lockPinEdit, Qt.Key.Key_Return)
    assert window.ui.pages.currentWidget() is window.ui.workPage
    assert window.passenger.passenger.ui.mrzEdit.toPlainText() == "P<UTO"


def test_a_dialog_left_open_is_hidden_while_locked_and_back_after(
    qtbot: QtBot, window: MainWindow
) -> None:
    sign_in(qtbot, window)
    window.close_shift()  # a dialog with the shift's figures, left open at the lane
    dialog = window.dialog
    assert dialog is not None and dialog.isVisible()
    window.idle.set_minutes(0.002)
    window.idle.start()
    qtbot.waitUntil(lambda: window.ui.pages.currentWidget() is window.lock, timeout=3000)
    assert not dialog.isVisible()  # nobody reads or uses it over the lock screen
    qtbot.keyClicks(window.lock.ui.lockPinEdit, OFFICER[1])
    qtbot.keyClick(window.lock.ui.lockPinEdit, Qt.Key.Key_Return)
    assert window.ui.pages.currentWidget() is window.ui.workPage
    assert dialog.isVisible() and window.session is not None


def test_closing_the_shift_shows_counts_and_needs_confirmation(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    sign_in(qtbot, window)
    shift = window.session.shift if window.session else None
    assert shift is not None
    window.ui.actionCloseShift.trigger()
    dialog = window.dialog
    assert dialog.objectName() == "closeShiftDialog"
    assert "Clearances in this shift: 0" in dialog.ui.countsLabel.text()
    assert not dialog.ok_button.isEnabled()  # nothing closes without the confirmation
    dialog.ui.occurrencesEdit.setPlainText("Reader on lane 2 replaced at 14:00.")
    dialog.ui.confirmCheck.setChecked(True)
    dialog.ok_button.click()
    closed = shifts.get_shift(ops.store, shift.shift_id)
    assert closed is not None and closed.closed_at is not None
    assert closed.occurrences == "Reader on lane 2 replaced at 14:00."
    assert window.session is None and window.ui.pages.currentWidget() is window.login


def test_settings_are_off_behind_the_lock_and_the_idle_lock_needs_a_signed_in_officer(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.ui.actionSettings.trigger()  # at the sign-in screen: the language only
    dialog = window.dialog
    assert dialog is not None and not dialog.ui.idleSpin.isEnabled()
    assert dialog.ui.languageCombo.isEnabled()
    dialog.reject()
    sign_in(qtbot, window)
    window.lock_screen()
    assert not window.ui.actionSettings.isEnabled()
    qtbot.keyClicks(window.lock.ui.lockPinEdit, OFFICER[1])
    qtbot.keyClick(window.lock.ui.lockPinEdit, Qt.Key.Key_Return)
    assert window.ui.actionSettings.isEnabled()
    window.ui.actionSettings.trigger()
    assert window.dialog.ui.idleSpin.isEnabled()
    window.dialog.reject()


def test_signing_out_asks_before_clearing_a_filled_form_and_leaves_no_status_behind(
    qtbot: QtBot, window: MainWindow
) -> None:
    sign_in(qtbot, window)
    lane = window.passenger
    lane.show_message("Saved #12: Cleared", "ok")
    qtbot.keyClicks(lane.passenger.ui.surnameEdit, "HALFWAY")
    window.ui.actionSignOut.trigger()
    question = window.dialog
    assert isinstance(question, QMessageBox) and question.objectName() == "signOutQuestion"
    question.done(QMessageBox.StandardButton.No)
    assert window.session is not None and lane.passenger.ui.surnameEdit.text() == "HALFWAY"
    window.ui.actionSignOut.trigger()
    window.dialog.done(QMessageBox.StandardButton.Yes)
    assert window.session is None and lane.passenger.is_blank()
    assert lane.ui.formMessageLabel.text() == ""


def test_closing_the_shift_asks_before_clearing_a_filled_form(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Closing the shift signs out, which clears the forms: asked first, as signing out is."""
    sign_in(qtbot, window)
    lane = window.passenger
    qtbot.keyClicks(lane.passenger.ui.surnameEdit, "HALFWAY")
    window.ui.actionCloseShift.trigger()
    question = window.dialog
    assert isinstance(question, QMessageBox)
    assert question.objectName() == "closeShiftUnsavedQuestion"
    question.done(QMessageBox.StandardButton.No)
    assert window.session is not None and lane.passenger.ui.surnameEdit.text() == "HALFWAY"
    window.ui.actionCloseShift.trigger()
    window.dialog.done(QMessageBox.StandardButton.Yes)
    qtbot.waitUntil(lambda: window.dialog.objectName() == "closeShiftDialog")
    assert lane.passenger.ui.surnameEdit.text() == "HALFWAY"  # cleared only once closed
    window.dialog.reject()


def test_a_line_said_in_one_language_does_not_stay_after_switching(
    qtbot: QtBot, window: MainWindow
) -> None:
    from inspection_client.ui import language

    sign_in(qtbot, window)
    window.passenger.show_message("Saved #12: Cleared", "ok")
    window.reports.ui.statusLabel.setText("Saved /tmp/period.xlsx")
    language.install("zh_CN")
    try:
        qtbot.waitUntil(lambda: window.passenger.ui.formMessageLabel.text() == "")
        assert window.reports.ui.statusLabel.text() == ""
    finally:
        language.install("en")


def test_the_code_field_suggests_the_demo_account_only_on_a_demo_workstation(
    window: MainWindow,
) -> None:
    login = window.login
    # The test workstation is a real one: no example code, in any language.
    assert login.ui.codeEdit.placeholderText() == ""
    window.apply_settings("zh_CN", 10)
    try:
        assert login.ui.codeEdit.placeholderText() == ""
    finally:
        window.apply_settings("en", 10)
    assert window.workstation is not None
    login.show_workstation(window.workstation.model_copy(update={"demo": True}))
    assert login.ui.codeEdit.placeholderText() == "e.g. DEMO01"


def test_the_close_shift_dialog_tells_records_to_send_from_records_refused(
    qtbot: QtBot, window: MainWindow
) -> None:
    """A record the central refused is not "sent later": it waits in Sync problems."""
    from inspection_client.store.shifts import ShiftCounts
    from inspection_client.ui.dialogs import CloseShiftDialog

    dialog = CloseShiftDialog(ShiftCounts(3, {"cleared": 3}, 2, 1), window)
    qtbot.addWidget(dialog)
    said = dialog.ui.pendingLabel.text()
    assert "Records of this shift not yet synchronised with the central: 2." in said
    assert "Not accepted by the central: 1 record(s), in Sync problems" in said
    quiet = CloseShiftDialog(ShiftCounts(3, {"cleared": 3}, 2, 0), window)
    qtbot.addWidget(quiet)
    assert "Not accepted" not in quiet.ui.pendingLabel.text()
