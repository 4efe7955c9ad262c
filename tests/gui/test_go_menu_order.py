"""Ctrl+1 goes to the first tab: the workstation's own kind of lane, in the Go menu's order."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from inspection_client.domain.codes import LaneKind
from inspection_client.store.database import Store
from inspection_client.ui.main_window import MainWindow
from tests.conftest import TEST_WORKSTATION
from tests.gui.conftest import sign_in

pytestmark = pytest.mark.gui


@pytest.fixture
def vehicle_workstation(accounts: Store) -> None:
    accounts.configure_workstation(
        TEST_WORKSTATION.model_copy(update={"lane_kind": LaneKind.VEHICLE})
    )


def _go_menu(window: MainWindow) -> list[tuple[str, str]]:
    return [
        (action.objectName(), action.shortcut().toString())
        for action in window.ui.menuGo.actions()[:3]
    ]


def _press_ctrl(qtbot: QtBot, window: MainWindow, key: Qt.Key) -> None:
    focused = QApplication.focusWidget() or window
    qtbot.keyClick(focused, key, Qt.KeyboardModifier.ControlModifier)


def test_on_a_vehicle_lane_ctrl_1_is_the_vehicle_lane_and_first(
    qtbot: QtBot, vehicle_workstation: None, window: MainWindow
) -> None:
    sign_in(qtbot, window)
    assert window.ui.screens.widget(0) is window.vehicle
    assert window.ui.screens.widget(1) is window.passenger
    assert _go_menu(window) == [
        ("actionVehicleLane", "Ctrl+1"),
        ("actionPassengerLane", "Ctrl+2"),
        ("actionHistory", "Ctrl+3"),
    ]
    _press_ctrl(qtbot, window, Qt.Key.Key_2)
    assert window.ui.screens.currentWidget() is window.passenger
    _press_ctrl(qtbot, window, Qt.Key.Key_1)
    assert window.ui.screens.currentWidget() is window.vehicle


def test_on_a_passenger_lane_ctrl_1_is_the_passenger_lane_and_first(
    qtbot: QtBot, window: MainWindow
) -> None:
    sign_in(qtbot, window)
    assert window.ui.screens.widget(0) is window.passenger
    assert _go_menu(window) == [
        ("actionPassengerLane", "Ctrl+1"),
        ("actionVehicleLane", "Ctrl+2"),
        ("actionHistory", "Ctrl+3"),
    ]
    _press_ctrl(qtbot, window, Qt.Key.Key_2)
    assert window.ui.screens.currentWidget() is window.vehicle
    _press_ctrl(qtbot, window, Qt.Key.Key_1)
    assert window.ui.screens.currentWidget() is window.passenger
