"""A screen chosen with a click on its tab takes the next scan where its work starts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from inspection_client.ui.main_window import MainWindow
from tests.gui.conftest import sign_in

pytestmark = pytest.mark.gui


def test_a_lane_chosen_by_its_tab_takes_the_reader_s_burst(
    qtbot: QtBot, window: MainWindow
) -> None:
    sign_in(qtbot, window)
    # What the page switch would give the focus back to: the passenger lane's list of today's
    # records, clicked last time the lane was in front.
    window.passenger.ui.todayList.setFocus()
    window.ui.actionVehicleLane.trigger()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert QApplication.focusWidget() is window.vehicle.vehicle.ui.plateEdit
    bar = window.ui.screens.tabBar()
    for screen, start in (
        (window.passenger, window.passenger.passenger.ui.mrzEdit),
        (window.history, window.history.ui.filterEdit),
        (window.vehicle, window.vehicle.vehicle.ui.plateEdit),
    ):
        index = window.ui.screens.indexOf(screen)
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
        assert window.ui.screens.currentWidget() is screen
        qtbot.waitUntil(lambda start=start: QApplication.focusWidget() is start)
