"""Accounts IT changes while the window runs: sessions that end, a setup that stays closed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from inspection_client.domain.models import Officer
from inspection_client.store import account_history, officers
from inspection_client.store.account_history import Via
from inspection_client.store.database import Store
from inspection_client.ui.dialogs import SetupDialog
from inspection_client.ui.main_window import MainWindow
from inspection_client.ui.operations import ImmediateOperations
from inspection_client.ui.own_pin import ChangePinDialog
from tests.gui.conftest import OFFICER, SUPERVISOR, passport, sign_in

pytestmark = pytest.mark.gui


def _fill_and_clear(qtbot: QtBot, window: MainWindow) -> None:
    mrz = window.passenger.passenger.ui.mrzEdit
    for line in passport():
        qtbot.keyClicks(mrz, line)
        qtbot.keyClick(mrz, Qt.Key.Key_Return)
    qtbot.keyClick(mrz, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def _saved(store: Store) -> int:
    return int(
        store.conn.execute("SELECT count(*) FROM records WHERE kind != 'shift'").fetchone()[0]
    )


def _problem_boxes(window: MainWindow) -> list[str]:
    return [box.text() for box in window.findChildren(QMessageBox) if box.isVisible()]


@pytest.mark.parametrize("change", ["disabled", "new PIN"])
def test_an_officer_disabled_or_given_a_new_pin_can_no_longer_save(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations, change: str
) -> None:
    sign_in(qtbot, window)
    before = _saved(ops.store)
    # IT, at the command line, while the officer is signed in at the window.
    if change == "disabled":
        officers.disable_officer(ops.store, OFFICER[0], by="it", via=Via.COMMAND_LINE)
    else:
        officers.set_pin(ops.store, OFFICER[0], "5937", by="it", via=Via.COMMAND_LINE)
    _fill_and_clear(qtbot, window)
    assert _saved(ops.store) == before
    assert window.session is None
    assert window.ui.pages.currentWidget() is window.login
    said = window.login.ui.messageLabel.text()
    assert "OFF1 is no longer signed in" in said and "Nothing was saved" in said
    assert any("no longer signed in" in text for text in _problem_boxes(window))


def test_a_new_pin_signs_in_again_and_saves(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    sign_in(qtbot, window)
    officers.set_pin(ops.store, OFFICER[0], "5937", by="it", via=Via.COMMAND_LINE)
    _fill_and_clear(qtbot, window)
    for box in window.findChildren(QMessageBox):
        box.close()
    assert window.session is None
    sign_in(qtbot, window, (OFFICER[0], "5937"))
    before = _saved(ops.store)
    _fill_and_clear(qtbot, window)
    assert _saved(ops.store) == before + 1


def test_closing_the_shift_of_a_disabled_officer_is_refused(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    sign_in(qtbot, window)
    officers.disable_officer(ops.store, OFFICER[0], by="it", via=Via.COMMAND_LINE)
    assert window.session is not None and window.session.shift is not None
    shift = window.session.shift
    window._close_shift(shift, "")
    assert window.session is None
    closed = ops.store.conn.execute(
        "SELECT count(*) FROM records WHERE kind = 'shift_close'"
    ).fetchone()[0]
    assert closed == 0


def test_with_every_account_disabled_the_window_tells_it_not_whoever_is_there(
    qtbot: QtBot, accounts: Store, data_dir: object
) -> None:
    # Before, the first-supervisor setup opened: anyone could make themselves a supervisor.
    officers.disable_officer(accounts, OFFICER[0], by="it", via=Via.COMMAND_LINE)
    accounts.conn.execute("UPDATE officers SET active = 0, pin_hash = NULL")
    window = MainWindow(ImmediateOperations(accounts), accounts.path.parent, sync=False)
    qtbot.addWidget(window)
    window.start()
    assert not isinstance(window.dialog, SetupDialog)
    assert window.ui.pages.currentWidget() is window.login
    said = window.login.ui.messageLabel.text()
    assert "No account can sign in" in said
    assert "inspection-client officer enable CODE" in said
    assert "inspection-client officer set-pin CODE" in said
    # IT lets one in again while the window is open: it signs in without a restart.
    officers.set_pin(accounts, SUPERVISOR[0], "5826", by="it", via=Via.COMMAND_LINE, enable=True)
    sign_in(qtbot, window, (SUPERVISOR[0], "5826"))
    window.shutdown()


def test_a_stale_setup_dialog_cannot_add_a_supervisor(qtbot: QtBot, store: Store) -> None:
    # The dialog opened on a lane with no account; IT set one up before it was sent.
    window = MainWindow(ImmediateOperations(store), store.path.parent, sync=False)
    qtbot.addWidget(window)
    window.start()
    dialog = window.dialog
    assert isinstance(dialog, SetupDialog)
    intro = dialog.ui.introLabel.text()
    assert "TEST-HRG-P01" in intro and "no workstation yet" not in intro
    officers.new_officer(
        store, Officer(code="IT1", name="By IT"), "5826", by="it", via=Via.COMMAND_LINE
    )
    ui = dialog.ui
    ui.supervisorCodeEdit.setText("SUP7")
    ui.supervisorNameEdit.setText("Walk In")
    ui.pinEdit.setText("8642")
    ui.pinAgainEdit.setText("8642")
    ui.buttonBox.accepted.emit()
    assert officers.get_account(store, "SUP7") is None
    assert any("already been set up" in text for text in _problem_boxes(window))
    assert not dialog.isVisible() and window.dialog is dialog  # not opened again
    assert window.ui.pages.currentWidget() is window.login
    assert window.login.ui.loginButton.isEnabled()
    window.shutdown()


def test_the_countdown_says_how_long_the_next_lock_lasts(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    login = window.login.ui

    def attempt() -> str:
        login.codeEdit.setText(OFFICER[0])
        login.pinEdit.setText("0000")
        window.login.submit()
        return login.messageLabel.text()

    assert "locked for 5 minutes" in attempt()
    for _ in range(4):
        text = attempt()
    assert "locked until" in text
    # The lock has run out: the next one, after four more wrong PINs, is twice as long.
    past = (datetime.now(UTC) - timedelta(seconds=1)).isoformat()
    ops.store.conn.execute("UPDATE officers SET locked_until = ? WHERE code = 'OFF1'", (past,))
    assert "locked for 10 minutes" in attempt()
    QApplication.processEvents()


# -- the session checked inside the save ---------------------------------------------------


def test_a_new_pin_between_the_check_and_the_save_saves_nothing(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations, monkeypatch: pytest.MonkeyPatch
) -> None:
    from inspection_client.store import records

    sign_in(qtbot, window)
    before = _saved(ops.store)
    save_many = records.save_many

    def it_lands_first(store: Store, drafts: list[object]) -> object:
        # The check before the work has passed; the command line changes the PIN now.
        with Store.open(store.path) as other:
            officers.set_pin(other, OFFICER[0], "5937", by="it", via=Via.COMMAND_LINE)
        return save_many(store, drafts)  # type: ignore[arg-type]

    monkeypatch.setattr(records, "save_many", it_lands_first)
    _fill_and_clear(qtbot, window)
    assert _saved(ops.store) == before
    assert window.session is None
    assert "no longer signed in" in window.login.ui.messageLabel.text()


# -- an officer's own new PIN --------------------------------------------------------------


def _change_pin(window: MainWindow, current: str, new: str, again: str | None = None) -> str:
    window.ui.actionChangePin.trigger()
    dialog = window.dialog
    assert isinstance(dialog, ChangePinDialog) and dialog.isVisible()
    dialog.ui.currentPinEdit.setText(current)
    dialog.ui.newPinEdit.setText(new)
    dialog.ui.newPinAgainEdit.setText(new if again is None else again)
    dialog.ok_button.click()
    return dialog.ui.messageLabel.text() if dialog.isVisible() else ""


def test_an_officer_changes_their_own_pin_and_keeps_working(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    assert not window.ui.actionChangePin.isEnabled()  # nobody signed in
    sign_in(qtbot, window)
    assert window.ui.actionChangePin.isEnabled()
    assert _change_pin(window, OFFICER[1], "5937") == ""
    assert any("PIN was changed" in box.text() for box in window.findChildren(QMessageBox))
    before = _saved(ops.store)
    _fill_and_clear(qtbot, window)
    assert window.session is not None
    assert _saved(ops.store) == before + 1
    (change,) = [c for c in account_history.changes(ops.store, OFFICER[0]) if c.by]
    assert (change.event, change.by, change.via) == ("pin-set", OFFICER[0], "window")
    # IT's new PIN still ends the session.
    officers.set_pin(ops.store, OFFICER[0], "8264", by="it", via=Via.COMMAND_LINE)
    _fill_and_clear(qtbot, window)
    assert window.session is None
    assert _saved(ops.store) == before + 1


def test_a_wrong_current_pin_counts_and_a_guessable_new_one_is_refused(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    sign_in(qtbot, window)
    said = _change_pin(window, "0000", "5937")
    assert "4 attempt(s) left" in said
    dialog = window.dialog
    assert dialog.isVisible() and dialog.ui.currentPinEdit.text() == ""
    dialog.reject()
    assert "differ" in _change_pin(window, OFFICER[1], "5937", "5938")
    window.dialog.reject()
    assert "digits in a row" in _change_pin(window, OFFICER[1], "1234")
    window.dialog.reject()
    # Neither of the last two reached the store: still four attempts left.
    assert officers.check_pin(ops.store, OFFICER[0], "0000").attempts_left == 3
    assert officers.check_pin(ops.store, OFFICER[0], OFFICER[1]).ok
    assert window.session is not None
