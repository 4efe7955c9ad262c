"""Where a scan lands after a refusal, a Tab or a form problem: never glued on, never lost."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from inspection_client.domain.codes import Decision, Direction, VehicleKind
from inspection_client.domain.models import VehicleClearance
from inspection_client.store import records
from inspection_client.ui.main_window import MainWindow
from inspection_client.ui.operations import ImmediateOperations
from inspection_client.ui.supervisor import AmendDialog
from tests.gui.conftest import OFFICER, SUPERVISOR, sign_in
from tests.gui.test_vehicle_scanning import CREW, VINS, _vehicle_lane

pytestmark = pytest.mark.gui

GOOD_CONTAINER = "MSCU1234519"
NEXT_CONTAINER = "MSCU1234524"


def _type_into_focus(qtbot: QtBot, text: str) -> None:
    """What a scanner does: keys to whatever has the focus, then Enter."""
    for char in text:
        qtbot.keyClicks(QApplication.focusWidget(), char)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)


def _truck(qtbot: QtBot, window: MainWindow) -> object:
    fields = _vehicle_lane(qtbot, window)
    fields.vehicleKindCombo.setCurrentIndex(fields.vehicleKindCombo.findData("truck"))
    return fields


def test_a_refused_seal_is_replaced_by_the_next_scan_not_glued_to_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    fields = _truck(qtbot, window)
    fields.containerEdit.setFocus()
    qtbot.keyClicks(fields.containerEdit, GOOD_CONTAINER)
    qtbot.keyClick(fields.containerEdit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is fields.sealsEdit
    qtbot.keyClicks(fields.sealsEdit, "CN9")
    qtbot.keyClick(fields.sealsEdit, Qt.Key.Key_Return)
    assert fields.containerList.count() == 0  # the seal is too short
    assert "not added" in window.vehicle.ui.formMessageLabel.text()
    # The refused seal is selected where the officer is: the next scan replaces it.
    assert QApplication.focusWidget() is fields.sealsEdit
    assert fields.sealsEdit.selectedText() == "CN9"
    qtbot.keyClicks(QApplication.focusWidget(), "CN91234567")
    assert fields.sealsEdit.text() == "CN91234567"


def test_a_container_scanned_into_the_seals_is_not_taken_for_a_seal(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The officer moved on to the next container with the focus still in Seals."""
    fields = _truck(qtbot, window)
    fields.containerEdit.setText(GOOD_CONTAINER)
    fields.sealsEdit.setFocus()
    _type_into_focus(qtbot, NEXT_CONTAINER)
    assert fields.containerList.count() == 0
    message = window.vehicle.ui.formMessageLabel.text()
    assert f"{NEXT_CONTAINER} is shaped like a container number, not a seal" in message
    assert fields.sealsEdit.selectedText() == NEXT_CONTAINER
    # A real seal replaces it, and the line under the form says the container was added
    # (the refusal no longer stands there).
    _type_into_focus(qtbot, "CN91234567")
    assert fields.containerList.count() == 1
    message = window.vehicle.ui.formMessageLabel.text()
    assert "not" not in message and f"Container {GOOD_CONTAINER} added" in message


def test_a_refused_container_is_selected_for_the_next_scan(
    qtbot: QtBot, window: MainWindow
) -> None:
    fields = _truck(qtbot, window)
    fields.sealsEdit.setText("CN91234567")
    fields.containerEdit.setFocus()
    qtbot.keyClicks(fields.containerEdit, "MSCU1234510")  # its check digit fails
    qtbot.keyClick(fields.sealsEdit, Qt.Key.Key_Return)
    assert fields.containerList.count() == 0
    assert QApplication.focusWidget() is fields.containerEdit
    assert fields.containerEdit.selectedText() == "MSCU1234510"
    _type_into_focus(qtbot, NEXT_CONTAINER)
    assert fields.containerList.count() == 1
    assert fields.containerList.item(0).text().startswith(NEXT_CONTAINER)


def test_tab_from_the_crew_box_goes_to_the_next_scan_field_not_a_list(
    qtbot: QtBot, window: MainWindow
) -> None:
    fields = _vehicle_lane(qtbot, window)  # a car carrier: VINs shown
    fields.crewMrzEdit.setFocus()
    for line in CREW:
        qtbot.keyClicks(fields.crewMrzEdit, line)
        qtbot.keyClick(fields.crewMrzEdit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: fields.crewList.count() == 1)
    fields.crewMrzEdit.setFocus()
    qtbot.keyClick(fields.crewMrzEdit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is fields.vinEdit
    _type_into_focus(qtbot, VINS[0])
    assert fields.vinList.count() == 1
    # Tab from the VIN field skips the list too.
    qtbot.keyClick(fields.vinEdit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not fields.vinList


@pytest.mark.parametrize("list_name", ["crewList", "vinList", "containerList"])
def test_a_scan_typed_into_a_list_goes_to_the_list_s_scan_field(
    qtbot: QtBot, window: MainWindow, list_name: str
) -> None:
    fields = _vehicle_lane(qtbot, window)
    if list_name == "containerList":
        fields.vehicleKindCombo.setCurrentIndex(fields.vehicleKindCombo.findData("other"))
    _type_into = {
        "crewList": fields.crewMrzEdit,
        "vinList": fields.vinEdit,
        "containerList": fields.containerEdit,
    }[list_name]
    listing = getattr(fields, list_name)
    listing.setVisible(True)
    listing.setFocus()  # clicked, say
    assert QApplication.focusWidget() is listing
    qtbot.keyClicks(listing, "ABC")
    assert QApplication.focusWidget() is _type_into
    text = _type_into.text() if isinstance(_type_into, QLineEdit) else _type_into.toPlainText()
    assert text == "ABC"


def test_a_vin_can_still_be_removed_by_keyboard(qtbot: QtBot, window: MainWindow) -> None:
    fields = _vehicle_lane(qtbot, window)
    fields.vinEdit.setFocus()
    for vin in VINS[:3]:
        _type_into_focus(qtbot, vin)
    # Down from the scan field into the list, at the last one scanned; Delete removes it.
    qtbot.keyClick(fields.vinEdit, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is fields.vinList
    qtbot.keyClick(fields.vinList, Qt.Key.Key_Up)
    qtbot.keyClick(fields.vinList, Qt.Key.Key_Delete)
    assert window.vehicle.vehicle.vins() == [VINS[0], VINS[2]]
    # Or Tab to the Remove button and Space.
    qtbot.keyClick(fields.vinList, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is fields.removeVinButton
    qtbot.keyClick(fields.removeVinButton, Qt.Key.Key_Space)
    assert len(window.vehicle.vehicle.vins()) == 1


def test_a_form_problem_puts_the_focus_on_the_field_at_fault(
    qtbot: QtBot, window: MainWindow
) -> None:
    fields = _truck(qtbot, window)
    fields.declarationEdit.setText("12")
    fields.remarksEdit.setFocus()
    qtbot.keyClick(fields.remarksEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "Declaration" in window.vehicle.ui.formMessageLabel.text()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is fields.declarationEdit)
    assert fields.declarationEdit.selectedText() == "12"
    # A bad plate: the plate.
    fields.declarationEdit.clear()
    fields.plateEdit.setText("AB#12")
    fields.remarksEdit.setFocus()
    qtbot.keyClick(fields.remarksEdit, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is fields.plateEdit)
    # An HS code.
    fields.plateEdit.setText("AB123")
    fields.hsCodesEdit.setText("0808, 12")
    qtbot.keyClick(fields.remarksEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is fields.hsCodesEdit)
    # After a refusal's dialog too (which otherwise goes back to where the officer was).
    fields.hsCodesEdit.clear()
    fields.declarationEdit.setText("12")
    fields.remarksEdit.setFocus()
    qtbot.keyClick(fields.remarksEdit, Qt.Key.Key_F9)
    dialog = window.vehicle.refusal_dialog
    assert dialog is not None
    dialog.ui.groundCombo.setCurrentIndex(0)  # no ground is preset
    dialog.accept()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is fields.declarationEdit)


def test_a_passenger_form_problem_goes_to_the_date_at_fault(
    qtbot: QtBot, window: MainWindow
) -> None:
    sign_in(qtbot, window)
    window.ui.actionPassengerLane.trigger()
    fields = window.passenger.passenger.ui
    fields.docNumberEdit.setText("E1234567")
    fields.surnameEdit.setText("DOE")
    fields.birthDateEdit.setText("1990-13-45")
    fields.remarksEdit.setFocus()
    qtbot.keyClick(fields.remarksEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is fields.birthDateEdit)
    assert fields.birthDateEdit.selectedText() == "1990-13-45"


def test_an_amendment_s_form_problem_goes_to_the_field_at_fault(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    body = VehicleClearance(
        direction=Direction.ENTRY,
        decision=Decision.CLEARED,
        plate="TNK9001",
        registration_country="KAZ",
        vehicle_kind=VehicleKind.TANKER,
    )
    record = records.save(ops.store, body, officer=OFFICER[0])
    sign_in(qtbot, window)
    assert window.session is not None
    dialog = AmendDialog(ops, window.session, record, body, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    fields = dialog.fields.ui
    fields.declarationEdit.setText("12")
    dialog.ui.supervisorCodeEdit.setText(SUPERVISOR[0])
    dialog.ui.supervisorPinEdit.setFocus()
    qtbot.keyClicks(dialog.ui.supervisorPinEdit, SUPERVISOR[1])
    dialog.submit()  # no reason yet
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.ui.reasonEdit)
    dialog.ui.reasonEdit.setText("Declaration added from the papers")
    dialog.submit()
    assert "Declaration" in dialog.ui.messageLabel.text()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is fields.declarationEdit)
    assert fields.declarationEdit.selectedText() == "12"
