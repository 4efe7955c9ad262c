"""A scanner burst that lands on the lock screen is not a PIN, and costs no attempt."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from inspection_client.domain.vin import make_vin
from inspection_client.ui.main_window import MainWindow
from tests.gui.conftest import OFFICER, sign_in

pytestmark = pytest.mark.gui


def test_vins_scanned_into_the_lock_screen_do_not_lock_the_account(
    qtbot: QtBot, window: MainWindow
) -> None:
    sign_in(qtbot, window)
    window.lock_screen()  # the idle lock came while the officer was at the vehicle
    lock = window.lock.ui
    for i in range(8):  # a car carrier's VINs, each with the scanner's Enter
        qtbot.keyClicks(lock.lockPinEdit, make_vin("LSV", "AB12C", f"R{100000 + i:07d}"))
        qtbot.keyClick(lock.lockPinEdit, Qt.Key.Key_Return)
    message = lock.lockMessageLabel.text()
    assert "digits" in message and "scan" in message
    assert "attempt(s) left" not in message
    assert lock.lockPinEdit.text() == ""
    # The officer's own PIN still unlocks: the scans were not counted as wrong PINs.
    qtbot.keyClicks(lock.lockPinEdit, OFFICER[1])
    qtbot.keyClick(lock.lockPinEdit, Qt.Key.Key_Return)
    assert window.ui.pages.currentWidget() is window.ui.workPage
