"""Where the officer's next key goes after the lane's own dialogs: the watchlist alert and
the refusal's ground."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from inspection_client.domain.codes import Decision, RefusalGround
from inspection_client.domain.models import PassengerClearance
from inspection_client.store import records
from inspection_client.store.database import Store
from inspection_client.ui.main_window import MainWindow
from inspection_client.ui.operations import ImmediateOperations
from tests.gui.conftest import passport, sign_in
from tests.gui.test_vehicle_scanning import _vehicle_lane
from tests.gui.test_watchlist_alerts import publish

pytestmark = pytest.mark.gui

LISTED_VIN = "1M8GDM9AXKP042788"  # on the sample watchlist: refuse


def test_after_a_watchlist_alert_the_next_scan_goes_where_the_officer_was_scanning(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    """A hit on the third VIN of a car carrier: the VIN after it goes to the VIN field, not
    into the plate (where the next scan used to land)."""
    publish(ops.store)
    fields = _vehicle_lane(qtbot, window)  # a car carrier, plate 新A12345
    fields.vinEdit.setFocus()
    qtbot.keyClicks(fields.vinEdit, LISTED_VIN)
    qtbot.keyClick(fields.vinEdit, Qt.Key.Key_Return)
    dialog = window.vehicle.alert_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.reject()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is fields.vinEdit)
    assert fields.plateEdit.text() == "新A12345"


def _clearances(store: Store) -> list[PassengerClearance]:
    return [
        record.body
        for record in records.by_seq(store, 1, 1_000)
        if isinstance(record.body, PassengerClearance)
    ]


def test_a_refusal_waits_for_its_ground_to_be_chosen(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    """No ground is preset: a stray Enter after F9 records nothing, rather than the first
    ground of the list."""
    sign_in(qtbot, window)
    mrz = window.passenger.passenger.ui.mrzEdit
    for line in passport():
        qtbot.keyClicks(mrz, line)
        qtbot.keyClick(mrz, Qt.Key.Key_Return)
    qtbot.keyClick(mrz, Qt.Key.Key_F9)
    dialog = window.passenger.refusal_dialog
    assert dialog is not None and dialog.isVisible()
    combo = dialog.ui.groundCombo
    assert combo.currentIndex() == -1 and combo.placeholderText() == "Choose the ground…"
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    assert dialog.isVisible() and _clearances(ops.store) == []
    combo.setCurrentIndex(combo.findData(RefusalGround.NO_VALID_VISA.value))
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    (saved,) = _clearances(ops.store)
    assert saved.decision is Decision.REFUSED
    assert saved.refusal_ground is RefusalGround.NO_VALID_VISA
