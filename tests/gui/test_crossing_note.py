"""A document, a vehicle or a driver seen at this lane in the last day is said under the form."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from inspection_client.domain.codes import Direction, RefusalGround
from inspection_client.ui.main_window import MainWindow
from inspection_client.ui.operations import ImmediateOperations
from tests.gui.conftest import passport, sign_in

pytestmark = pytest.mark.gui

OTHER = passport(document_number="AB1234567", surname="KHAN", given_names="IMRAN")
DRIVER = passport(document_number="E12345678", surname="MAIMAITI", given_names="ALI")


def _scan(qtbot: QtBot, window: MainWindow, lines: tuple[str, ...]) -> None:
    mrz = window.passenger.passenger.ui.mrzEdit
    for line in lines:
        qtbot.keyClicks(mrz, line)
        qtbot.keyClick(mrz, Qt.Key.Key_Return)


def _message(window: MainWindow) -> tuple[str, str]:
    label = window.passenger.ui.formMessageLabel
    return label.text(), str(label.property("state"))


def _clear(qtbot: QtBot, window: MainWindow) -> None:
    mrz = window.passenger.passenger.ui.mrzEdit
    qtbot.keyClick(mrz, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_a_document_cleared_again_in_the_same_direction_is_said(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    sign_in(qtbot, window)
    _scan(qtbot, window, passport())
    assert _message(window)[0] == ""  # first crossing: nothing to say
    _clear(qtbot, window)
    text, _state = _message(window)
    assert text.startswith("Saved #2")
    # The same passport again, at once: a record made twice, or a document in two hands.
    _scan(qtbot, window, passport())
    text, state = _message(window)
    assert state == "warning"
    assert text.startswith("⚠ Already cleared for entry here today at ") and "(#2)" in text
    # Turned to exit (F6), the earlier entry is the usual day: nothing is said.
    qtbot.keyClick(window.passenger.passenger.ui.mrzEdit, Qt.Key.Key_F6)
    assert window.passenger.direction is Direction.EXIT
    assert _message(window) == ("", "")
    qtbot.keyClick(window.passenger.passenger.ui.mrzEdit, Qt.Key.Key_F6)
    assert "Already cleared for entry" in _message(window)[0]
    # Another traveller's document takes the note back.
    window.passenger.passenger.ui.mrzEdit.clear()
    _scan(qtbot, window, OTHER)
    assert _message(window) == ("", "")


def test_a_refusal_of_the_last_day_is_said_in_either_direction(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    sign_in(qtbot, window)
    _scan(qtbot, window, OTHER)
    mrz = window.passenger.passenger.ui.mrzEdit
    qtbot.keyClick(mrz, Qt.Key.Key_F9)
    dialog = window.passenger.refusal_dialog
    assert dialog is not None
    combo = dialog.ui.groundCombo
    combo.setCurrentIndex(combo.findData(RefusalGround.NO_VALID_VISA.value))
    ground = combo.currentText()
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    assert _message(window)[0].startswith("Saved #2")
    qtbot.keyClick(mrz, Qt.Key.Key_F6)  # back, on the way out
    _scan(qtbot, window, OTHER)
    text, state = _message(window)
    assert state == "warning"
    assert text.startswith("⚠ Refused entry here today at ") and text.endswith(f"(#2): {ground}.")


def test_a_problem_the_form_has_is_not_taken_back_by_the_note(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    sign_in(qtbot, window)
    _scan(qtbot, window, passport(birth_date=date(1990, 1, 1)))
    _clear(qtbot, window)
    _scan(qtbot, window, passport(birth_date=date(1990, 1, 1)))
    assert "Already cleared" in _message(window)[0]
    # Another message (a form problem, say) replaces it; the note never takes that back.
    window.passenger.show_message("Fill in the surname.", "alert")
    window.passenger.passenger.ui.mrzEdit.clear()
    _scan(qtbot, window, OTHER)
    assert _message(window) == ("Fill in the surname.", "alert")


def _vehicle(qtbot: QtBot, window: MainWindow, plate: str) -> None:
    fields = window.vehicle.vehicle.ui
    fields.plateEdit.setText(plate)  # QTest cannot type Chinese; a scanner would
    fields.countryEdit.clear()
    qtbot.keyClicks(fields.countryEdit, "CHN")
    qtbot.keyClick(fields.countryEdit, Qt.Key.Key_Tab)  # editing finished
    _scan_driver(qtbot, window, DRIVER)


def _scan_driver(qtbot: QtBot, window: MainWindow, lines: tuple[str, ...]) -> None:
    box = window.vehicle.vehicle.ui.driverMrzEdit
    for line in lines:
        qtbot.keyClicks(box, line)
        qtbot.keyClick(box, Qt.Key.Key_Return)


def _at_the_vehicle_lane(qtbot: QtBot, window: MainWindow) -> QLabel:
    """Signed in at the vehicle lane; the label its notes are said in."""
    sign_in(qtbot, window)
    window.ui.actionVehicleLane.trigger()
    return window.vehicle.ui.formMessageLabel


def test_a_vehicle_cleared_again_in_the_same_direction_is_said(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    label = _at_the_vehicle_lane(qtbot, window)
    _vehicle(qtbot, window, "新F12345")
    assert not label.text().startswith("⚠")
    fields = window.vehicle.vehicle.ui
    qtbot.keyClick(fields.plateEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert label.text().startswith("Saved #")
    seq = label.text().split("#")[1].split(":")[0]
    _vehicle(qtbot, window, "新F12345")
    assert label.property("state") == "warning"
    assert label.text().startswith("⚠ Already cleared for entry here today at ")
    assert f"(#{seq})" in label.text()
    # The driver was saved with that vehicle: said once, with it.
    assert "Driver" not in label.text()
    # Another plate: the vehicle is new, its driver is not, and is named.
    fields.plateEdit.setText("新F99999")
    qtbot.keyClick(fields.countryEdit, Qt.Key.Key_Tab)
    fields.plateEdit.setFocus()
    qtbot.keyClick(fields.plateEdit, Qt.Key.Key_Tab)
    assert label.text().startswith("⚠ Driver MAIMAITI: Already cleared for entry here today")
    assert f"(#{int(seq) - 1})" in label.text()  # the driver's own record, saved first
    # Another driver as well takes the note back.
    fields.driverMrzEdit.clear()
    _scan_driver(qtbot, window, OTHER)
    assert not label.text().startswith("⚠")


def test_a_driver_refused_with_one_vehicle_is_said_with_the_next(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    label = _at_the_vehicle_lane(qtbot, window)
    _vehicle(qtbot, window, "新F12345")
    fields = window.vehicle.vehicle.ui
    qtbot.keyClick(fields.plateEdit, Qt.Key.Key_F9)
    dialog = window.vehicle.refusal_dialog
    assert dialog is not None
    combo = dialog.ui.groundCombo
    combo.setCurrentIndex(0)
    ground = combo.currentText()
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    assert label.text().startswith("Saved #")
    # Out again, then back with another lorry: the plate is new, the driver is not.
    _vehicle(qtbot, window, "新F55555")
    text = label.text()
    assert label.property("state") == "warning"
    assert text.startswith("⚠ Driver MAIMAITI: Refused entry here today at ")
    assert text.endswith(f": {ground}.")
