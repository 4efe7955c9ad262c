"""Scans that land in the wrong field of a lane: refused at their Enter, and said so."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from inspection_client.domain.codes import Decision, Direction, VehicleKind
from inspection_client.domain.models import ContainerLoad, VehicleClearance
from inspection_client.reports.sealed_qr import DocumentKind, seal
from inspection_client.store import records
from inspection_client.ui import language
from inspection_client.ui.main_window import MainWindow
from inspection_client.ui.operations import ImmediateOperations
from inspection_client.ui.supervisor import AmendDialog
from tests.gui.conftest import OFFICER, passport, sign_in

pytestmark = pytest.mark.gui

SLIP = seal(
    DocumentKind.SLIP,
    {"plate": "新A12345", "containers": ["CSQU3054383"]},
    Ed25519PrivateKey.generate(),
)
REPORT = seal(DocumentKind.REPORT, {"shift": "S1", "records": 42}, Ed25519PrivateKey.generate())


def _scan(qtbot: QtBot, edit: object, text: str) -> None:
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def _vehicle(qtbot: QtBot, window: MainWindow) -> object:
    sign_in(qtbot, window)
    window.ui.actionVehicleLane.trigger()
    fields = window.vehicle.vehicle.ui
    fields.vehicleKindCombo.setCurrentIndex(fields.vehicleKindCombo.findData("truck"))
    return fields


def test_the_gate_check_is_ctrl_5(window: MainWindow) -> None:
    assert window.action_gate.shortcut() == QKeySequence("Ctrl+5")


def test_a_release_slip_scanned_into_the_plate_is_not_taken(
    qtbot: QtBot, window: MainWindow
) -> None:
    fields = _vehicle(qtbot, window)
    _scan(qtbot, fields.countryEdit, "CHN")
    fields.remarksEdit.setText("driver asked for a receipt")
    _scan(qtbot, fields.plateEdit, SLIP)
    assert fields.plateEdit.text() == ""
    message = window.vehicle.ui.formMessageLabel.text()
    assert message.startswith("Not taken in Plate: that is a release slip's or a shift report's")
    assert "Gate check (Ctrl+5)" in message
    assert window.vehicle.ui.formMessageLabel.property("state") == "alert"
    # Nothing else on the form is lost, and the plate takes the real one next.
    assert fields.countryEdit.text() == "CHN"
    assert fields.remarksEdit.text() == "driver asked for a receipt"
    _scan(qtbot, fields.plateEdit, "A12345")
    assert fields.plateEdit.text() == "A12345"
    # The refusal no longer stands once the plate is typed again: the message goes.
    assert window.vehicle.ui.formMessageLabel.text() == ""


@pytest.mark.parametrize("name", ["vinEdit", "containerEdit", "sealsEdit", "declarationEdit"])
def test_a_shift_report_scanned_into_a_vehicle_field_is_not_taken(
    qtbot: QtBot, window: MainWindow, name: str
) -> None:
    fields = _vehicle(qtbot, window)
    fields.vehicleKindCombo.setCurrentIndex(fields.vehicleKindCombo.findData("car_carrier"))
    fields.vehicleKindCombo.setCurrentIndex(fields.vehicleKindCombo.findData("truck"))
    if name == "vinEdit":
        fields.cargoCombo.setCurrentIndex(fields.cargoCombo.findData("complete_vehicles"))
    if name == "sealsEdit":
        fields.containerEdit.setText("CSQU3054383")
    edit = getattr(fields, name)
    _scan(qtbot, edit, REPORT)
    assert edit.text() == ""
    assert fields.vinList.count() == 0 and fields.containerList.count() == 0
    message = window.vehicle.ui.formMessageLabel.text()
    assert message.startswith(f"Not taken in {edit.accessibleName()}: that is a release slip")
    if name == "sealsEdit":
        assert fields.containerEdit.text() == "CSQU3054383"


def test_a_release_slip_scanned_into_the_drivers_mrz_is_taken_out(
    qtbot: QtBot, window: MainWindow
) -> None:
    fields = _vehicle(qtbot, window)
    _scan(qtbot, fields.plateEdit, "A12345")
    _scan(qtbot, fields.driverMrzEdit, SLIP.lower())
    assert fields.driverMrzEdit.toPlainText() == ""
    assert window.vehicle.ui.formMessageLabel.text().startswith("Not taken in Driver MRZ:")
    assert fields.plateEdit.text() == "A12345"


def test_a_burst_longer_than_the_field_is_not_taken_cut_short(
    qtbot: QtBot, window: MainWindow
) -> None:
    fields = _vehicle(qtbot, window)
    _scan(qtbot, fields.plateEdit, "A12345")
    # A container number and its seals glued together by a scanner with no Enter between.
    _scan(qtbot, fields.containerEdit, "CSQU3054383MSKU9070323")
    assert fields.containerEdit.text() == ""
    assert fields.containerList.count() == 0
    assert window.vehicle.ui.formMessageLabel.text() == (
        "Not taken in Container: what was scanned or typed is longer than the field takes "
        "(20 characters), so it is not one. Scan or type it again."
    )
    assert fields.plateEdit.text() == "A12345"
    # What fits is taken as before.
    _scan(qtbot, fields.containerEdit, "CSQU3054383")
    assert fields.containerList.count() == 1


def test_passenger_fields_refuse_a_slip_and_keep_the_rest(qtbot: QtBot, window: MainWindow) -> None:
    sign_in(qtbot, window)
    window.ui.actionPassengerLane.trigger()
    fields = window.passenger.passenger.ui
    _scan(qtbot, fields.surnameEdit, "ERIKSSON")
    _scan(qtbot, fields.docNumberEdit, SLIP)
    assert fields.docNumberEdit.text() == ""
    assert fields.surnameEdit.text() == "ERIKSSON"
    message = window.passenger.ui.formMessageLabel.text()
    assert message.startswith("Not taken in Document number: that is a release slip")
    # The MRZ box, where the focus waits for the reader, too.
    _scan(qtbot, fields.mrzEdit, REPORT)
    assert fields.mrzEdit.toPlainText() == ""
    assert window.passenger.ui.formMessageLabel.text().startswith("Not taken in MRZ")
    assert fields.surnameEdit.text() == "ERIKSSON"
    # A long name typed past the field's end.
    _scan(qtbot, fields.issuingStateEdit, "UTOPIA")
    assert fields.issuingStateEdit.text() == ""
    assert "(3 characters)" in window.passenger.ui.formMessageLabel.text()


def test_a_container_shaped_seal_is_added_only_on_a_second_enter(
    qtbot: QtBot, window: MainWindow
) -> None:
    fields = _vehicle(qtbot, window)
    fields.containerEdit.setText("CSQU3054383")
    # Its check digit fails, but it has a container's shape: more likely a container too soon.
    _scan(qtbot, fields.sealsEdit, "MSKU9070320")
    assert fields.containerList.count() == 0
    assert window.vehicle.ui.formMessageLabel.text() == (
        "MSKU9070320 is shaped like a container number, not a seal: scan the seals of "
        "CSQU3054383, or empty Seals, then Enter. If it is a seal of CSQU3054383, press Enter "
        "again to add it."
    )
    assert fields.sealsEdit.selectedText() == "MSKU9070320"
    # It is a seal after all: a bare Enter adds it.
    qtbot.keyClick(fields.sealsEdit, Qt.Key.Key_Return)
    assert fields.containerList.count() == 1
    assert fields.containerList.item(0).data(Qt.ItemDataRole.UserRole).seals == ("MSKU9070320",)


def test_a_changed_seal_is_questioned_again(qtbot: QtBot, window: MainWindow) -> None:
    fields = _vehicle(qtbot, window)
    fields.containerEdit.setText("CSQU3054383")
    _scan(qtbot, fields.sealsEdit, "MSKU9070323")
    assert fields.containerList.count() == 0
    # The next scan replaces it: another container-shaped one is asked about once more.
    _scan(qtbot, fields.sealsEdit, "TGHU1234564")
    assert fields.containerList.count() == 0
    assert "TGHU1234564 is shaped like a container" in window.vehicle.ui.formMessageLabel.text()
    # Emptied, the container goes in with no seals.
    fields.sealsEdit.clear()
    qtbot.keyClick(fields.sealsEdit, Qt.Key.Key_Return)
    assert fields.containerList.count() == 1
    assert fields.containerList.item(0).data(Qt.ItemDataRole.UserRole).seals == ()


def test_leaving_a_half_filled_form_asks_with_buttons_that_say_what_they_do(
    qtbot: QtBot, window: MainWindow
) -> None:
    sign_in(qtbot, window)
    window.ui.actionPassengerLane.trigger()
    fields = window.passenger.passenger.ui
    _scan(qtbot, fields.surnameEdit, "HALFWAY")
    window.ui.actionSignOut.trigger()
    question = window.dialog
    assert isinstance(question, QMessageBox) and question.objectName() == "signOutQuestion"
    texts = {b.text() for b in question.buttons()}
    assert texts == {"&Sign out and clear it", "&Back to the form"}
    back = question.defaultButton()
    assert back.text() == "&Back to the form"
    back.click()
    assert window.session is not None and fields.surnameEdit.text() == "HALFWAY"
    # Shift → Quit (Ctrl+Q; a kiosk has no close button) asks as closing the window does.
    assert window.ui.actionQuit.shortcut().toString() == "Ctrl+Q"
    window.ui.actionQuit.trigger()
    question = window.dialog
    assert isinstance(question, QMessageBox) and question.objectName() == "closeQuestion"
    assert {b.text() for b in question.buttons()} == {"&Close and clear it", "&Back to the form"}
    question.defaultButton().click()
    assert window.isVisible() and fields.surnameEdit.text() == "HALFWAY"


@pytest.mark.parametrize("code", ["en", "zh_CN"])
def test_the_amendment_shows_a_container_and_its_seals_whole(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations, styled: None, code: str
) -> None:
    body = VehicleClearance(
        direction=Direction.ENTRY,
        decision=Decision.CLEARED,
        plate="KGZ123",
        registration_country="KGZ",
        vehicle_kind=VehicleKind.TRUCK,
        containers=(ContainerLoad(number="CSQU3054383", seals=("CN91234567",)),),
    )
    record = records.save(ops.store, body, officer=OFFICER[0])
    sign_in(qtbot, window)
    language.install(code)
    try:
        assert window.session is not None
        dialog = AmendDialog(ops, window.session, record, body, window)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        ui = dialog.fields.ui
        for edit, text in (
            (ui.containerEdit, "CSQU3054383"),
            (ui.sealsEdit, "CN91234567, CN91234568, CN91234569"),
        ):
            room = edit.contentsRect().width() - edit.textMargins().left()
            assert edit.fontMetrics().horizontalAdvance(text) < room, (edit.objectName(), code)
        # Two lines of the driver's wrapped line, two VINs, whatever room is left.
        lines = ui.driverLabel.fontMetrics().lineSpacing()
        assert ui.driverLabel.minimumHeight() >= 2 * lines
        assert ui.vinList.minimumHeight() >= 2 * ui.vinList.fontMetrics().height()
        dialog.close()
    finally:
        language.install("en")


def test_a_passport_read_into_the_remarks_is_not_kept_there(
    qtbot: QtBot, window: MainWindow
) -> None:
    sign_in(qtbot, window)
    fields = window.passenger.passenger.ui
    remarks = fields.remarksEdit
    qtbot.keyClicks(remarks, "travels with")
    for line in passport():
        qtbot.keyClicks(remarks, line)
        qtbot.keyClick(remarks, Qt.Key.Key_Return)
    assert remarks.text() == "travels with"  # what the officer typed stays
    message = window.passenger.ui.formMessageLabel.text()
    assert message.startswith("Not taken in Remarks: that is a line of a document's machine")
