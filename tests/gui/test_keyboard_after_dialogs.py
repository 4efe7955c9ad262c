"""Without a window manager (a kiosk session) the window takes the keyboard back from every
dialog that closes, so that its shortcuts (Ctrl+5, Ctrl+Return, F-keys) work again."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from inspection_client.ui.main_window import MainWindow
from inspection_client.ui.operations import ImmediateOperations
from inspection_client.ui.slip_printing import SlipPreviewDialog
from tests.gui.conftest import SUPERVISOR
from tests.gui.test_reports_screen import _open_slip_preview

pytestmark = pytest.mark.gui


def test_after_the_slip_preview_the_window_is_active_again(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = _open_slip_preview(qtbot, window)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.reject()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert isinstance(dialog, SlipPreviewDialog)


def test_after_a_record_s_dialog_in_history_the_window_is_active_again(
    qtbot: QtBot, window: MainWindow
) -> None:
    _open_slip_preview(qtbot, window).reject()
    window.ui.actionHistory.trigger()
    history = window.history
    qtbot.waitUntil(lambda: history.model.rowCount() > 0)
    history.ui.historyTable.selectRow(0)
    history.open_selected()
    dialog = history.record_dialog
    assert dialog is not None
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.reject()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def test_after_a_void_both_dialogs_close_and_the_window_is_active_again(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    """The void's dialog closes its record's dialog: the keyboard goes past both."""
    _open_slip_preview(qtbot, window).reject()
    window.ui.actionHistory.trigger()
    history = window.history
    qtbot.waitUntil(lambda: history.model.rowCount() > 0)
    history.ui.historyTable.selectRow(0)
    history.open_selected()
    record_dialog = history.record_dialog
    assert record_dialog is not None
    record_dialog.ui.voidButton.click()
    void = record_dialog.approval
    void.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is void)
    void.ui.reasonEdit.setPlainText("Recorded twice")
    void.ui.supervisorCodeEdit.setText(SUPERVISOR[0])
    void.ui.supervisorPinEdit.setText(SUPERVISOR[1])
    void.submit()
    qtbot.waitUntil(lambda: not record_dialog.isVisible())
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    # And the shift's counts in the status bar are the clearances as they now stand.
    assert window.status.counts is not None
    assert window.status.counts[1].get("cleared") == 1
