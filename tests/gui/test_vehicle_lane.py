"""The vehicle lane: a truck with its driver and three VINs is saved as linked records."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from inspection_client.domain.codes import CargoCategory, Decision, TravellerRole, VehicleKind
from inspection_client.domain.container import make_container
from inspection_client.domain.models import PassengerClearance, VehicleClearance
from inspection_client.domain.vin import make_vin
from inspection_client.store import records
from inspection_client.ui.main_window import MainWindow
from inspection_client.ui.operations import ImmediateOperations
from tests.gui.conftest import passport, sign_in

pytestmark = pytest.mark.gui

VINS = ("LSVAU218XN2183294", "LFV3A23C5N3105238", "LGWEF4A51NH251843")


def test_a_truck_with_its_driver_and_three_vins(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    sign_in(qtbot, window)
    window.ui.actionVehicleLane.trigger()
    fields = window.vehicle.vehicle.ui
    assert window.ui.screens.currentWidget() is window.vehicle
    fields.plateEdit.setText("新F12345")  # QTest cannot type Chinese; a scanner would
    qtbot.keyClicks(fields.countryEdit, "CHN")
    fields.vehicleKindCombo.setCurrentIndex(fields.vehicleKindCombo.findData("truck"))
    fields.cargoCombo.setCurrentIndex(fields.cargoCombo.findData("fresh_agricultural"))
    assert fields.greenChannelLabel.isVisibleTo(window)
    assert "GREEN CHANNEL" in fields.greenChannelLabel.text()
    driver = passport(
        document_number="E12345678",
        surname="MAIMAITI",
        given_names="ALIMJAN",
        issuing_state="CHN",
        nationality="CHN",
        birth_date=date(1985, 6, 1),
        sex="M",
    )
    for line in driver:
        qtbot.keyClicks(fields.driverMrzEdit, line)
        qtbot.keyClick(fields.driverMrzEdit, Qt.Key.Key_Return)
    assert "MAIMAITI" in fields.driverLabel.text()
    for vin in VINS:
        qtbot.keyClicks(fields.vinEdit, vin)
        qtbot.keyClick(fields.vinEdit, Qt.Key.Key_Return)
    # The count is in the message too: on a small screen the list may be out of sight.
    assert "3 in the list" in window.vehicle.ui.formMessageLabel.text()
    # A mistyped VIN is refused with the reason and not added.
    qtbot.keyClicks(fields.vinEdit, "LSVAU2180N2183294")
    qtbot.keyClick(fields.vinEdit, Qt.Key.Key_Return)
    assert "not added" in window.vehicle.ui.formMessageLabel.text()
    fields.vinEdit.clear()
    assert fields.vinList.count() == 3
    qtbot.keyClicks(fields.containerEdit, "CSQU3054383")
    qtbot.keyClicks(fields.sealsEdit, "CN123456")
    qtbot.keyClick(fields.sealsEdit, Qt.Key.Key_Return)
    assert fields.containerList.count() == 1
    qtbot.keyClick(fields.plateEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    # The refused VIN is named once more before clearing: a vehicle the list leaves out.
    question = window.vehicle.clear_question
    assert question is not None and "LSVAU2180N2183294" in question.text()
    next(b for b in question.buttons() if b.text() == "&Clear anyway").click()

    saved = list(records.by_seq(ops.store, 1, 100))
    vehicles = [r for r in saved if isinstance(r.body, VehicleClearance)]
    people = [r for r in saved if isinstance(r.body, PassengerClearance)]
    assert len(vehicles) == 1 and len(people) == 1
    vehicle, person = vehicles[0], people[0]
    assert isinstance(vehicle.body, VehicleClearance) and isinstance(
        person.body, PassengerClearance
    )
    assert vehicle.body.vins == VINS
    assert vehicle.body.vehicle_kind is VehicleKind.TRUCK
    assert vehicle.body.cargo_category is CargoCategory.FRESH_AGRICULTURAL
    assert vehicle.body.containers[0].seals == ("CN123456",)
    assert vehicle.body.decision is Decision.CLEARED
    assert vehicle.body.driver_clearance_id == person.id
    assert person.body.vehicle_clearance_id == vehicle.id
    assert person.body.traveller_role is TravellerRole.DRIVER
    assert person.seq == vehicle.seq - 1  # one transaction, driver first
    assert fields.vinList.count() == 0 and fields.plateEdit.text() == ""


def test_a_vehicle_without_plate_is_not_saved(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    sign_in(qtbot, window)
    window.ui.actionVehicleLane.trigger()
    fields = window.vehicle.vehicle.ui
    qtbot.keyClicks(fields.vinEdit, VINS[0])
    qtbot.keyClick(fields.vinEdit, Qt.Key.Key_Return)
    qtbot.keyClick(fields.vinEdit, Qt.Key.Key_F8)
    assert "plate" in window.vehicle.ui.formMessageLabel.text()
    assert fields.vinList.count() == 1
    assert list(records.by_seq(ops.store, 2, 100)) == []


def test_a_plate_with_characters_no_plate_has_is_not_saved(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    sign_in(qtbot, window)
    window.ui.actionVehicleLane.trigger()
    fields = window.vehicle.vehicle.ui
    qtbot.keyClicks(fields.plateEdit, "AB@#!!")
    qtbot.keyClicks(fields.countryEdit, "CHN")
    qtbot.keyClick(fields.plateEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    message = window.vehicle.ui.formMessageLabel.text()
    assert "not allowed: @ # !" in message
    assert fields.plateEdit.text() == "AB@#!!"  # kept, to be corrected
    assert list(records.by_seq(ops.store, 2, 100)) == []
    fields.plateEdit.setText("KZ 777 ABC 02")
    qtbot.keyClick(fields.plateEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    # No driver was scanned: clearing is asked twice.
    question = window.vehicle.clear_question
    assert question is not None and "No driver scanned" in question.text()
    assert list(records.by_seq(ops.store, 2, 100)) == []
    next(b for b in question.buttons() if b.text() == "&Clear anyway").click()
    (saved,) = (r for r in records.by_seq(ops.store, 1, 100) if r.body.kind == "vehicle")
    assert isinstance(saved.body, VehicleClearance) and saved.body.plate == "KZ 777 ABC 02"
    # The override is part of the record: its remarks say what was cleared over.
    assert saved.body.remarks == (
        "Cleared despite: No driver scanned: the driver's document is not recorded"
    )
    # What was saved is named by its plate alone: it had no VIN and no container.
    assert "KZ 777 ABC 02" in window.vehicle.ui.formMessageLabel.text()
    assert "VIN" not in window.vehicle.ui.formMessageLabel.text()


def test_an_expired_driver_or_crew_passport_is_flagged_as_in_the_passenger_lane(
    qtbot: QtBot, window: MainWindow
) -> None:
    sign_in(qtbot, window)
    window.ui.actionVehicleLane.trigger()
    fields = window.vehicle.vehicle.ui
    expired = passport(document_number="E12345678", expiry_date=date(2012, 4, 15))
    for line in expired:
        qtbot.keyClicks(fields.driverMrzEdit, line)
        qtbot.keyClick(fields.driverMrzEdit, Qt.Key.Key_Return)
    assert "MRZ checks passed" in fields.driverLabel.text()
    assert "DOCUMENT EXPIRED on 2012-04-15" in fields.driverLabel.text()
    assert fields.driverLabel.property("state") == "alert"
    for line in expired:
        qtbot.keyClicks(fields.crewMrzEdit, line)
        qtbot.keyClick(fields.crewMrzEdit, Qt.Key.Key_Return)
    crew = fields.crewList.item(0)
    assert crew.text().startswith("⚠ EXPIRED 2012-04-15 · ERIKSSON ANNA MARIA")
    assert "DOCUMENT EXPIRED on 2012-04-15" in crew.toolTip()
    # One row high, the list shows the row whole: no scroll bar of its own cuts it.
    assert fields.crewList.viewport().height() >= fields.crewList.sizeHintForRow(0)


def test_the_form_scrolls_to_the_field_the_program_puts_the_focus_in(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.resize(1000, 400)  # a small screen: the form does not fit
    window.show()
    qtbot.waitExposed(window)
    sign_in(qtbot, window)
    window.ui.actionVehicleLane.trigger()
    scroll = window.vehicle.ui.fieldsScroll.verticalScrollBar()
    fields = window.vehicle.vehicle.ui
    fields.vehicleKindCombo.setCurrentIndex(fields.vehicleKindCombo.findData("truck"))
    qtbot.waitUntil(lambda: scroll.maximum() > 0)
    fields.sealsEdit.setFocus()
    qtbot.waitUntil(lambda: scroll.value() > 0)
    window.vehicle.vehicle.focus_start()  # as after a save: back to the plate
    qtbot.waitUntil(lambda: scroll.value() == 0)


def _wheel(widget: QWidget, steps: int) -> None:
    """`steps` notches of the wheel turned down (towards the user) over the widget's middle."""
    at = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(
        at,
        widget.mapToGlobal(at),
        QPoint(),
        QPoint(0, -120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_the_wheel_scrolls_the_form_instead_of_changing_a_choice(
    qtbot: QtBot, window: MainWindow
) -> None:
    sign_in(qtbot, window)
    window.ui.actionVehicleLane.trigger()
    fields = window.vehicle.vehicle.ui
    fields.vehicleKindCombo.setCurrentIndex(fields.vehicleKindCombo.findData("truck"))
    window.resize(1000, 400)  # small enough for the form to scroll
    qtbot.waitUntil(lambda: window.vehicle.ui.fieldsScroll.verticalScrollBar().maximum() > 0)
    fields.weightSpin.setValue(12_000)
    kind = fields.vehicleKindCombo.currentIndex()
    scroll_bar = window.vehicle.ui.fieldsScroll.verticalScrollBar()
    fields.plateEdit.setFocus()
    for widget in (fields.vehicleKindCombo, fields.cargoCombo, fields.weightSpin):
        scroll_bar.setValue(0)
        _wheel(widget, 3)
        assert scroll_bar.value() > 0, widget.objectName()
    assert fields.vehicleKindCombo.currentIndex() == kind
    assert fields.weightSpin.value() == 12_000
    # Chosen by the officer (focused), the wheel changes the value as usual.
    fields.weightSpin.setFocus()
    _wheel(fields.weightSpin, 1)
    assert fields.weightSpin.value() == 11_900


@pytest.mark.usefixtures("styled")
def test_a_drivers_whole_mrz_line_is_in_view(qtbot: QtBot, window: MainWindow) -> None:
    sign_in(qtbot, window)
    window.ui.actionVehicleLane.trigger()
    window.resize(1366, 768)
    fields = window.vehicle.vehicle.ui
    for edit in (fields.driverMrzEdit, fields.crewMrzEdit):
        edit.setPlainText("\n".join(passport()))
        qtbot.waitUntil(lambda edit=edit: edit.isVisible())
        assert edit.horizontalScrollBar().maximum() == 0, edit.objectName()
    # ... and the form itself fits the width of a 1366-pixel screen: nothing to scroll sideways,
    # since the cargo choice does not ask for its longest item's width (the list still shows it).
    assert window.vehicle.ui.fieldsScroll.horizontalScrollBar().maximum() == 0
    cargo = fields.cargoCombo
    longest = max(
        cargo.fontMetrics().horizontalAdvance(cargo.itemText(i)) for i in range(cargo.count())
    )
    assert cargo.minimumSizeHint().width() < longest


def test_clearing_a_vehicle_whose_driver_has_an_expired_document_is_asked_twice(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    sign_in(qtbot, window)
    window.ui.actionVehicleLane.trigger()
    fields = window.vehicle.vehicle.ui
    qtbot.keyClicks(fields.plateEdit, "AB1234")
    qtbot.keyClicks(fields.countryEdit, "KAZ")
    fields.driverMrzEdit.setPlainText("\n".join(passport(expiry_date=date(2021, 3, 1))))
    qtbot.keyClick(fields.plateEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    question = window.vehicle.clear_question
    assert question is not None and question.isVisible()
    assert "Driver: DOCUMENT EXPIRED on 2021-03-01" in question.text()

    def kinds() -> list[str]:
        return [r.body.kind for r in records.by_seq(ops.store, 1, 100)]

    assert kinds() == ["shift_open"]
    next(b for b in question.buttons() if b.text() == "&Clear anyway").click()
    assert kinds() == ["shift_open", "passenger", "vehicle"]


def test_the_vin_just_scanned_is_in_view_in_a_long_list(qtbot: QtBot, window: MainWindow) -> None:
    # A car carrier brings dozens: the list used to stay at its top, so the officer could not
    # see the VIN just scanned; the same for the containers.
    sign_in(qtbot, window)
    window.show_screen(window.vehicle)
    fields = window.vehicle.vehicle
    kinds = fields.ui.vehicleKindCombo
    kinds.setCurrentIndex(kinds.findData("car_carrier"))
    for serial in range(40):
        fields.ui.vinEdit.setText(make_vin("LSV", "AU218", f"N{serial:07d}"))
        qtbot.keyClick(fields.ui.vinEdit, Qt.Key.Key_Return)
    vins = fields.ui.vinList
    assert vins.count() == 40
    last = vins.item(vins.count() - 1)
    assert vins.viewport().rect().contains(vins.visualItemRect(last))
    kinds.setCurrentIndex(kinds.findData("truck"))
    for serial in range(8):
        fields.ui.containerEdit.setText(make_container("CSQU", f"{serial:06d}"))
        qtbot.keyClick(fields.ui.containerEdit, Qt.Key.Key_Return)
    containers = fields.ui.containerList
    assert containers.count() == 8
    newest = containers.item(containers.count() - 1)
    assert containers.viewport().rect().contains(containers.visualItemRect(newest))


@pytest.mark.parametrize(
    ("kind", "shown", "hidden"),
    [
        ("car_carrier", "vinEdit", "containerEdit"),
        ("truck", "containerEdit", "vinEdit"),
        ("car", None, "vinEdit"),
    ],
)
def test_the_form_shows_the_vins_or_the_containers_the_vehicle_can_carry_without_scrolling(
    qtbot: QtBot, window: MainWindow, kind: str, shown: str | None, hidden: str
) -> None:
    # With both always there, the seals were below the bottom of a 1366x768 screen.
    sign_in(qtbot, window)
    window.show_screen(window.vehicle)
    fields = window.vehicle.vehicle.ui
    fields.vehicleKindCombo.setCurrentIndex(fields.vehicleKindCombo.findData(kind))
    QApplication.processEvents()
    if shown is not None:
        assert getattr(fields, shown).isVisible()
    assert not getattr(fields, hidden).isVisible()
    if kind == "car":
        assert not fields.containerEdit.isVisible()
    qtbot.waitUntil(lambda: window.vehicle.ui.fieldsScroll.verticalScrollBar().maximum() == 0)


def test_a_list_that_holds_something_stays_shown_whatever_kind_is_chosen(
    qtbot: QtBot, window: MainWindow
) -> None:
    sign_in(qtbot, window)
    window.show_screen(window.vehicle)
    fields = window.vehicle.vehicle.ui
    fields.vehicleKindCombo.setCurrentIndex(fields.vehicleKindCombo.findData("truck"))
    fields.containerEdit.setText(make_container("CSQU", "305438"))
    qtbot.keyClick(fields.containerEdit, Qt.Key.Key_Return)
    fields.vehicleKindCombo.setCurrentIndex(fields.vehicleKindCombo.findData("car"))
    assert fields.containerList.isVisible() and fields.containerList.count() == 1
    window.vehicle.vehicle.clear()
    assert not fields.containerList.isVisible()


@pytest.mark.usefixtures("styled")
def test_the_driver_s_identity_card_with_the_reader_s_enter_shows_whole(
    qtbot: QtBot, window: MainWindow
) -> None:
    from inspection_client.domain.mrz import build_td1

    lines = build_td1(
        document_code="I",
        issuing_state="UTO",
        document_number="D23145890",
        birth_date=date(1974, 8, 12),
        sex="F",
        expiry_date=date(2034, 4, 15),
        nationality="UTO",
        surname="ERIKSSON",
        given_names="ANNA MARIA",
    )
    sign_in(qtbot, window)
    window.show_screen(window.vehicle)
    driver = window.vehicle.vehicle.ui.driverMrzEdit
    for line in lines:
        qtbot.keyClicks(driver, line)
        qtbot.keyClick(driver, Qt.Key.Key_Return)
    assert driver.toPlainText() == "\n".join(lines) and driver.blockCount() == 3
    qtbot.waitUntil(lambda: driver.verticalScrollBar().maximum() == 0)
    assert window.vehicle.vehicle.driver is not None
    assert window.vehicle.vehicle.driver.surname == "ERIKSSON"
