"""The vehicle lane under a scanner: bursts of VINs, line ends, and focus after a question."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from inspection_client.domain.models import VehicleClearance
from inspection_client.domain.vin import make_vin
from inspection_client.store import records
from inspection_client.ui import language
from inspection_client.ui.app import first_size
from inspection_client.ui.main_window import MainWindow
from inspection_client.ui.operations import ImmediateOperations
from tests.gui.conftest import sign_in

pytestmark = pytest.mark.gui

VINS = [make_vin("LSV", "AB12C", f"R{100000 + i:07d}") for i in range(32)]
MISREAD = "LSVAB12C1R0000099"  # its check digit fails
SHORT = "XYZ123"
CREW = (
    "P<KAZNURLANOV<<ASKAR<<<<<<<<<<<<<<<<<<<<<<<<",
    "N123456785KAZ8003041M3105065<<<<<<<<<<<<<<<2",
)
SPECIMEN = (  # ICAO Doc 9303's specimen passport
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
)


def _scan(qtbot: QtBot, edit: object, text: str) -> None:
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def _line_feed(widget: QWidget) -> None:
    """What X11 gives for a scanner's (or xdotool's) LF: key 0x0A with the text "\\n"."""
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, 0x0A, Qt.KeyboardModifier.NoModifier, "\n"))


def _vehicle_lane(qtbot: QtBot, window: MainWindow) -> object:
    sign_in(qtbot, window)
    window.ui.actionVehicleLane.trigger()
    fields = window.vehicle.vehicle.ui
    fields.plateEdit.setText("新A12345")
    fields.countryEdit.setText("CHN")
    fields.vehicleKindCombo.setCurrentIndex(fields.vehicleKindCombo.findData("car_carrier"))
    return fields


def test_vins_refused_in_a_burst_stay_in_sight_until_the_form_is_cleared(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    fields = _vehicle_lane(qtbot, window)
    burst = [*VINS[:10], MISREAD, *VINS[10:20], SHORT, VINS[3], *VINS[20:]]
    for vin in burst:
        _scan(qtbot, fields.vinEdit, vin)
    assert fields.vinList.count() == 32
    # The last scan was good, but the two refused ones are still named, with what to do.
    count = fields.vinCountLabel.text()
    assert "32 VIN(s)" in count and MISREAD in count and SHORT in count
    message = window.vehicle.ui.formMessageLabel.text()
    assert MISREAD in message and SHORT in message
    assert fields.vinCountLabel.property("state") == "alert"
    # Clearing asks once more: vehicles on board are not in the list.
    qtbot.keyClick(fields.vinEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    question = window.vehicle.clear_question
    assert question is not None and MISREAD in question.text() and SHORT in question.text()
    next(b for b in question.buttons() if b.text() == "&Clear anyway").click()
    (saved,) = (r for r in records.by_seq(ops.store, 1, 100) if r.body.kind == "vehicle")
    assert isinstance(saved.body, VehicleClearance) and len(saved.body.vins) == 32
    # The next vehicle starts with nothing refused.
    assert MISREAD not in fields.vinCountLabel.text()
    assert fields.vinCountLabel.property("state") != "alert"


def test_a_line_feed_ends_a_scan_like_enter(qtbot: QtBot, window: MainWindow) -> None:
    """Scanners set to end a code with LF (and pasted lists) must not run VINs together."""
    fields = _vehicle_lane(qtbot, window)
    for vin in VINS[:3]:
        qtbot.keyClicks(fields.vinEdit, vin)
        _line_feed(fields.vinEdit)
    assert fields.vinList.count() == 3
    assert fields.vinEdit.text() == ""


def test_back_to_the_form_returns_to_the_field_the_officer_was_in(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    fields = _vehicle_lane(qtbot, window)
    fields.vinEdit.setFocus()
    _scan(qtbot, fields.vinEdit, VINS[0])
    # No driver scanned: Ctrl+Return asks; going back leaves the scanner's field focused, so
    # the next VIN scanned does not land in the plate.
    qtbot.keyClick(fields.vinEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    question = window.vehicle.clear_question
    assert question is not None
    qtbot.keyClick(question, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is fields.vinEdit)
    # So does cancelling a refusal.
    qtbot.keyClick(fields.vinEdit, Qt.Key.Key_F9)
    dialog = window.vehicle.refusal_dialog
    assert dialog is not None
    dialog.reject()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is fields.vinEdit)
    assert fields.plateEdit.text() == "新A12345"
    # A save still starts the next vehicle at the plate.
    qtbot.keyClick(fields.vinEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    question = window.vehicle.clear_question
    next(b for b in question.buttons() if b.text() == "&Clear anyway").click()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is fields.plateEdit)


@pytest.mark.usefixtures("styled")
@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_on_a_1024_screen_the_mrz_boxes_are_whole_and_today_gives_way(
    qtbot: QtBot, window: MainWindow, lang: str
) -> None:
    language.install(lang)
    fields = _vehicle_lane(qtbot, window)
    window.resize(1024, 700)
    lane = window.vehicle
    scroll = lane.ui.fieldsScroll
    qtbot.waitUntil(lambda: window.width() == 1024)
    QApplication.sendPostedEvents()
    qtbot.wait(50)
    assert not scroll.horizontalScrollBar().isVisible()
    for box in (fields.driverMrzEdit, fields.crewMrzEdit, fields.vinEdit):
        right = box.mapTo(scroll.viewport(), box.rect().topRight()).x()
        assert right < scroll.viewport().width(), box.objectName()
    # Today's list is narrower, but still there.
    assert lane.ui.todayFrame.isVisible() and lane.ui.todayFrame.width() >= 100
    # A driver's passport shows whole, with no scroll bar of its own, crew or not.
    for line in CREW:
        qtbot.keyClicks(fields.crewMrzEdit, line)
        _line_feed(fields.crewMrzEdit)
    assert fields.crewList.count() == 1
    for line in SPECIMEN:
        qtbot.keyClicks(fields.driverMrzEdit, line)
        _line_feed(fields.driverMrzEdit)
    QApplication.sendPostedEvents()
    qtbot.wait(50)
    assert "ERIKSSON" in fields.driverLabel.text()
    assert fields.driverMrzEdit.toPlainText() == "\n".join(SPECIMEN)
    assert not fields.driverMrzEdit.horizontalScrollBar().isVisible()
    assert not fields.driverMrzEdit.verticalScrollBar().isVisible()
    # Refused VINs named under the list wrap there: the form never grows over the list.
    for vin in (MISREAD, SHORT, *VINS[:2]):
        _scan(qtbot, fields.vinEdit, vin)
    QApplication.sendPostedEvents()
    qtbot.wait(50)
    assert scroll.geometry().right() < lane.ui.todayFrame.geometry().left()
    assert window.width() == 1024
    right = fields.driverMrzEdit.mapTo(scroll.viewport(), fields.driverMrzEdit.rect().topRight())
    assert right.x() < scroll.viewport().width()


@pytest.mark.usefixtures("styled")
@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_a_car_carrier_with_driver_and_crew_needs_no_scrolling_at_1366(
    qtbot: QtBot, window: MainWindow, lang: str
) -> None:
    # The usual export carrier: its VIN count and Remove stay in sight, not under the fold.
    language.install(lang)
    fields = _vehicle_lane(qtbot, window)
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: window.width() == 1366)
    for box, lines in ((fields.driverMrzEdit, SPECIMEN), (fields.crewMrzEdit, CREW)):
        for line in lines:
            qtbot.keyClicks(box, line)
            _line_feed(box)
    for vin in VINS[:3]:
        _scan(qtbot, fields.vinEdit, vin)
    QApplication.sendPostedEvents()
    qtbot.wait(50)
    assert fields.crewList.count() == 1
    scroll = window.vehicle.ui.fieldsScroll
    assert not scroll.verticalScrollBar().isVisible()
    assert fields.removeVinButton.isVisible()


def test_the_window_starts_no_larger_than_a_small_screen() -> None:
    assert first_size(QSize(1024, 740)) == QSize(1024, 740)
    assert first_size(QSize(1920, 1040)) == QSize(1366, 768)
    assert first_size(QSize(800, 600)) == QSize(1024, 700)  # the least the lanes need


def test_after_a_question_the_window_is_active_again_for_its_shortcuts(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Without a window manager (a kiosk session) nobody else gives the window back its
    activation when a dialog closes: Ctrl+Return, F-keys and Alt+letters would go dead."""
    fields = _vehicle_lane(qtbot, window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    fields.vinEdit.setFocus()
    qtbot.keyClick(fields.vinEdit, Qt.Key.Key_F9)
    dialog = window.vehicle.refusal_dialog
    assert dialog is not None
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.reject()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
