"""Shift → Reset an officer's PIN…: a supervisor gives another account at this lane a new PIN."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from inspection_client.domain.codes import Role
from inspection_client.domain.models import Officer
from inspection_client.store import account_history, officers
from inspection_client.store.account_history import Via
from inspection_client.ui.main_window import MainWindow
from inspection_client.ui.operations import ImmediateOperations
from inspection_client.ui.reset_pin import ResetPinDialog
from tests.gui.conftest import OFFICER, OTHER_OFFICER, SUPERVISOR, sign_in

pytestmark = pytest.mark.gui


def _boxes(window: MainWindow) -> list[str]:
    return [box.text() for box in window.findChildren(QMessageBox) if box.isVisible()]


def _close_boxes(window: MainWindow) -> None:
    for box in window.findChildren(QMessageBox):
        box.close()


def _open(window: MainWindow) -> ResetPinDialog:
    window.dialog = None
    window.action_reset_pin.trigger()
    dialog = window.dialog
    assert isinstance(dialog, ResetPinDialog) and dialog.isVisible()
    return dialog


def _reset(
    dialog: ResetPinDialog,
    code: str,
    pin: str,
    again: str | None = None,
    own: str = SUPERVISOR[1],
) -> str:
    combo = dialog.ui.officerCombo
    combo.setCurrentIndex(combo.findData(code))
    dialog.ui.newPinEdit.setText(pin)
    dialog.ui.newPinAgainEdit.setText(pin if again is None else again)
    dialog.ui.ownPinEdit.setText(own)
    dialog.ok_button.click()
    return dialog.ui.messageLabel.text() if dialog.isVisible() else ""


def _shift_menu_entries(window: MainWindow) -> list[str]:
    window.ui.menuShift.aboutToShow.emit()
    return [a.objectName() for a in window.ui.menuShift.actions() if a.isVisible()]


def test_the_entry_is_shown_to_a_supervisor_only_and_refuses_an_officer(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    assert "actionResetPin" not in _shift_menu_entries(window)  # nobody signed in
    sign_in(qtbot, window, OFFICER)
    assert not window.action_reset_pin.isVisible()
    assert "actionResetPin" not in _shift_menu_entries(window)
    # Reached anyway (a stale menu, a script): refused, nothing opens or changes.
    window.dialog = None
    window.action_reset_pin.trigger()
    assert window.dialog is None
    assert any("Only a supervisor" in text for text in _boxes(window))
    _close_boxes(window)
    window.sign_out()
    sign_in(qtbot, window, SUPERVISOR)
    assert window.action_reset_pin.isVisible() and window.action_reset_pin.isEnabled()
    entries = _shift_menu_entries(window)
    assert entries.index("actionResetPin") == entries.index("actionChangePin") + 1
    window.sign_out()
    assert "actionResetPin" not in _shift_menu_entries(window)
    assert not window.action_reset_pin.isEnabled()


def test_a_supervisor_resets_a_locked_officer_s_pin(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    store = ops.store
    officers.add_officer(store, Officer(code="ADM1", name="Admin", role=Role.ADMIN), "7315")
    officers.add_officer(store, Officer(code="NEW1", name="From the roster"), None)
    for _ in range(5):
        officers.check_pin(store, OFFICER[0], "0000")
    sign_in(qtbot, window, SUPERVISOR)
    dialog = _open(window)
    combo = dialog.ui.officerCombo
    listed = [combo.itemData(i) for i in range(combo.count())]
    # Not the supervisor's own account, nor an administrator's.
    assert listed == ["NEW1", OFFICER[0], OTHER_OFFICER[0]]
    assert "no PIN yet" in combo.itemText(0) and "locked until" in combo.itemText(1)
    assert _reset(dialog, OFFICER[0], "5937") == ""
    assert any("OFF1 has a new PIN" in text for text in _boxes(window))
    assert officers.check_pin(store, OFFICER[0], "5937").ok  # the lock is lifted
    assert not officers.check_pin(store, OFFICER[0], OFFICER[1]).ok
    changes = [(c.event, c.by, c.via) for c in account_history.changes(store, OFFICER[0]) if c.by]
    assert changes == [
        ("pin-set", SUPERVISOR[0], "supervisor at the window"),
        ("unlocked", SUPERVISOR[0], "supervisor at the window"),
    ]
    assert window.session is not None  # the supervisor keeps working


def test_refusals_in_the_dialog_change_nothing(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    store = ops.store
    sign_in(qtbot, window, SUPERVISOR)
    dialog = _open(window)
    assert not dialog.ok_button.isEnabled()  # no PIN typed yet
    dialog.ui.newPinEdit.setText("5937")
    dialog.ui.newPinAgainEdit.setText("5937")
    assert not dialog.ok_button.isEnabled()  # nor the supervisor's own
    dialog.ui.ownPinEdit.setText(SUPERVISOR[1])
    assert dialog.ok_button.isEnabled()
    assert "differ" in _reset(dialog, OFFICER[0], "5937", "5938")
    assert "digits in a row" in _reset(dialog, OFFICER[0], "1234")
    assert dialog.ui.newPinEdit.text() == "" and dialog.ui.newPinAgainEdit.text() == ""
    assert dialog.ui.ownPinEdit.text() == ""
    assert "4 to 12 digits" in _reset(dialog, OFFICER[0], "12")
    # Made an administrator at the command line while the dialog was open: the store refuses.
    officers.set_role(store, OFFICER[0], Role.ADMIN, by="it", via=Via.COMMAND_LINE)
    said = _reset(dialog, OFFICER[0], "5937")
    assert "administrator" in said and "Nothing was changed" in said
    assert officers.check_pin(store, OFFICER[0], OFFICER[1]).ok
    assert not [c for c in account_history.changes(store) if c.event == "pin-set"]
    dialog.reject()


def test_a_supervisor_demoted_meanwhile_is_refused(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    sign_in(qtbot, window, SUPERVISOR)
    dialog = _open(window)
    officers.set_role(ops.store, SUPERVISOR[0], Role.OFFICER, by="it", via=Via.COMMAND_LINE)
    assert "Only a supervisor" in _reset(dialog, OFFICER[0], "5937")
    assert officers.check_pin(ops.store, OFFICER[0], OFFICER[1]).ok


def test_with_nobody_to_reset_the_window_says_so(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    for code in (OFFICER[0], OTHER_OFFICER[0]):
        officers.disable_officer(ops.store, code, by="it", via=Via.COMMAND_LINE)
    sign_in(qtbot, window, SUPERVISOR)
    window.dialog = None
    window.action_reset_pin.trigger()
    assert window.dialog is None
    assert any("no other officer" in text for text in _boxes(window))


def test_a_wrong_own_pin_counts_against_the_supervisor_and_a_lock_refuses(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    store = ops.store
    sign_in(qtbot, window, SUPERVISOR)
    dialog = _open(window)
    said = _reset(dialog, OFFICER[0], "5937", own="0000")
    assert said == (
        "Your own PIN is wrong; nothing was changed. It counts as a wrong PIN for your "
        "account SUP1: 4 attempt(s) left before it is locked for 5 minutes."
    )
    # The supervisor's PIN is cleared for another try; the new PIN stays typed.
    assert dialog.ui.ownPinEdit.text() == "" and dialog.ui.newPinEdit.text() == "5937"
    assert officers.check_pin(store, OFFICER[0], OFFICER[1]).ok
    # The same count as sign-in's: three more wrong there, the fifth here locks.
    for _ in range(3):
        officers.check_pin(store, SUPERVISOR[0], "0000")
    assert "is locked until" in _reset(dialog, OFFICER[0], "5937", own="0000")
    # Locked: the right PIN is refused too, and the officer's PIN is untouched.
    said = _reset(dialog, OFFICER[0], "5937")
    assert "your account SUP1 is locked until" in said and "Nothing was changed" in said
    assert officers.check_pin(store, OFFICER[0], OFFICER[1]).ok
    assert not [c for c in account_history.changes(store) if c.event == "pin-set"]
    assert [c.event for c in account_history.changes(store, SUPERVISOR[0])] == ["locked"]
    dialog.reject()
    # While the lock lasts, the dialog does not open.
    window.dialog = None
    window.action_reset_pin.trigger()
    assert window.dialog is None
    assert any("your account SUP1 is locked until" in text for text in _boxes(window))
