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


@pytest.fixture(params=[LaneKind.PASSENGER, LaneKind.VEHICLE])
def lane_kind(request: pytest.FixtureRequest, accounts: Store) -> LaneKind:
    kind: LaneKind = request.param
    accounts.configure_workstation(TEST_WORKSTATION.model_copy(update={"lane_kind": kind}))
    return kind


def _press_ctrl(qtbot: QtBot, window: MainWindow, key: Qt.Key) -> None:
    focused = QApplication.focusWidget() or window
    qtbot.keyClick(focused, key, Qt.KeyboardModifier.ControlModifier)


def test_ctrl_1_is_the_workstations_own_lane_and_the_first_tab(
    qtbot: QtBot, lane_kind: LaneKind, window: MainWindow
) -> None:
    own, other = window.passenger, window.vehicle
    own_action, other_action = "actionPassengerLane", "actionVehicleLane"
    if lane_kind is LaneKind.VEHICLE:
        own, other = other, own
        own_action, other_action = other_action, own_action
    sign_in(qtbot, window)
    assert [window.ui.screens.widget(i) for i in (0, 1)] == [own, other]
    go_menu = [(a.objectName(), a.shortcut().toString()) for a in window.ui.menuGo.actions()]
    assert go_menu[:3] == [
        (own_action, "Ctrl+1"),
        (other_action, "Ctrl+2"),
        ("actionHistory", "Ctrl+3"),
    ]
    _press_ctrl(qtbot, window, Qt.Key.Key_2)
    assert window.ui.screens.currentWidget() is other
    _press_ctrl(qtbot, window, Qt.Key.Key_1)
    assert window.ui.screens.currentWidget() is own
