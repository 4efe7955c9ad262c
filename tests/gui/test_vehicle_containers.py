"""Containers and their seals under a scanner: each container, then its seals, once each."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QListWidget
from pytestqt.qtbot import QtBot

from inspection_client.domain.container import make_container
from inspection_client.domain.models import ContainerLoad
from inspection_client.ui import language
from inspection_client.ui.main_window import MainWindow
from tests.gui.test_vehicle_scan_focus import _truck, _type_into_focus
from tests.gui.test_vehicle_scanning import CREW, SPECIMEN, VINS, _line_feed, _scan, _vehicle_lane

pytestmark = pytest.mark.gui

FIRST = "MSCU1234566"
SECOND = "MSCU1234519"
THIRD = "CSQU3054383"


def _loads(fields: object) -> list[ContainerLoad]:
    listing = fields.containerList  # type: ignore[attr-defined]
    return [listing.item(i).data(Qt.ItemDataRole.UserRole) for i in range(listing.count())]


def _message(window: MainWindow) -> str:
    return window.vehicle.ui.formMessageLabel.text()


def test_after_a_container_the_next_scans_are_its_seals_until_a_bare_enter(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The seal scanned after a container was taken as the next container."""
    fields = _truck(qtbot, window)
    fields.containerEdit.setFocus()
    _type_into_focus(qtbot, FIRST)
    assert _loads(fields) == [ContainerLoad(number=FIRST)]
    assert QApplication.focusWidget() is fields.sealsEdit
    assert f"Container {FIRST} added: 1 in the list. Now its seals" in _message(window)
    for seal in ("CN91234567", "CN91234568"):
        _type_into_focus(qtbot, seal)
        assert QApplication.focusWidget() is fields.sealsEdit and fields.sealsEdit.text() == ""
    assert _loads(fields)[0].seals == ("CN91234567", "CN91234568")
    assert _message(window) == f"Seals of container {FIRST}: CN91234567, CN91234568."
    assert fields.containerList.item(0).text().endswith("CN91234567, CN91234568")
    # The next container scanned too soon, into Seals: questioned, as before.
    _type_into_focus(qtbot, SECOND)
    assert f"{SECOND} is shaped like a container number" in _message(window)
    assert fields.sealsEdit.selectedText() == SECOND
    fields.sealsEdit.clear()
    # A bare Enter ends this container's seals: the next scan is a container.
    qtbot.keyClick(fields.sealsEdit, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is fields.containerEdit
    _type_into_focus(qtbot, SECOND)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # no seals
    assert _loads(fields) == [
        ContainerLoad(number=FIRST, seals=("CN91234567", "CN91234568")),
        ContainerLoad(number=SECOND),
    ]
    assert QApplication.focusWidget() is fields.containerEdit


def test_seals_scanned_before_any_container_wait_for_it(qtbot: QtBot, window: MainWindow) -> None:
    fields = _truck(qtbot, window)
    fields.sealsEdit.setFocus()
    _type_into_focus(qtbot, "CN91234567")
    assert fields.containerList.count() == 0
    assert _message(window) == "Scan the container first, then its seals."
    assert QApplication.focusWidget() is fields.containerEdit
    _type_into_focus(qtbot, FIRST)
    assert _loads(fields) == [ContainerLoad(number=FIRST, seals=("CN91234567",))]


def test_a_container_already_in_this_vehicle_is_refused_and_selected(
    qtbot: QtBot, window: MainWindow
) -> None:
    """MSCU1234566 was saved twice: the record said 4 containers for 3."""
    fields = _truck(qtbot, window)
    fields.containerEdit.setFocus()
    _type_into_focus(qtbot, FIRST)
    qtbot.keyClick(fields.sealsEdit, Qt.Key.Key_Return)
    _type_into_focus(qtbot, FIRST.lower())
    assert fields.containerList.count() == 1
    assert _message(window) == f"Container {FIRST} is already in this vehicle's list."
    assert window.vehicle.ui.formMessageLabel.property("state") == "alert"
    assert QApplication.focusWidget() is fields.containerEdit
    assert fields.containerEdit.selectedText() == FIRST.lower()
    # The next scan replaces it.
    _type_into_focus(qtbot, SECOND)
    assert [load.number for load in _loads(fields)] == [FIRST, SECOND]


def test_a_seal_already_used_in_this_vehicle_is_refused_and_selected(
    qtbot: QtBot, window: MainWindow
) -> None:
    fields = _truck(qtbot, window)
    fields.containerEdit.setFocus()
    _type_into_focus(qtbot, FIRST)
    _type_into_focus(qtbot, "CN91234567")
    qtbot.keyClick(fields.sealsEdit, Qt.Key.Key_Return)
    _type_into_focus(qtbot, SECOND)
    # Scanned again for the second container: it is the first's.
    _type_into_focus(qtbot, "cn91234567")
    assert _message(window) == f"Seal CN91234567 is already entered for container {FIRST}."
    assert QApplication.focusWidget() is fields.sealsEdit
    assert fields.sealsEdit.selectedText() == "cn91234567"
    assert _loads(fields)[1].seals == ()
    # Twice in one entry, with the container typed in the form.
    fields.sealsEdit.clear()
    qtbot.keyClick(fields.sealsEdit, Qt.Key.Key_Return)
    fields.containerEdit.setText(THIRD)
    fields.sealsEdit.setText("CN1234, CN5678, CN1234")
    qtbot.keyClick(fields.sealsEdit, Qt.Key.Key_Return)
    assert fields.containerList.count() == 2
    assert _message(window) == f"Seal CN1234 is already entered for container {THIRD}."
    assert fields.sealsEdit.selectedText() == "CN1234, CN5678, CN1234"
    # And for the container just added.
    fields.sealsEdit.setText("CN1234, CN5678")
    qtbot.keyClick(fields.sealsEdit, Qt.Key.Key_Return)
    _type_into_focus(qtbot, "CN5678")
    assert _message(window) == f"Seal CN5678 is already entered for container {THIRD}."
    assert _loads(fields)[2].seals == ("CN1234", "CN5678")


def test_a_refused_seal_is_named_with_its_container(qtbot: QtBot, window: MainWindow) -> None:
    """ "seal number has 3 characters, expected 4 to 20" twice did not say which seal."""
    fields = _truck(qtbot, window)
    fields.containerEdit.setText(FIRST)
    fields.sealsEdit.setText("CN9, CN91234567, AB1")
    qtbot.keyClick(fields.sealsEdit, Qt.Key.Key_Return)
    assert fields.containerList.count() == 0
    assert _message(window) == (
        f"Container {FIRST} not added: seal CN9: seal number has 3 characters, expected 4 to 20; "
        "seal AB1: seal number has 3 characters, expected 4 to 20"
    )
    # A seal of the container just added.
    fields.sealsEdit.setText("CN91234567")
    qtbot.keyClick(fields.sealsEdit, Qt.Key.Key_Return)
    _type_into_focus(qtbot, "XY1")
    assert _message(window) == (
        f"Seals not added to container {FIRST}: seal XY1: seal number has 3 characters, "
        "expected 4 to 20"
    )
    assert fields.sealsEdit.selectedText() == "XY1"
    assert _loads(fields)[0].seals == ("CN91234567",)


def _rows_whole(listing: QListWidget) -> bool:
    """No entry is partly in sight: each one shown is shown whole."""
    room = listing.viewport().rect()
    shown = [listing.visualItemRect(listing.item(i)) for i in range(listing.count())]
    return all(room.contains(rect) for rect in shown if rect.intersects(room))


@pytest.mark.usefixtures("styled")
@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_lists_show_whole_rows_on_a_1366_screen(
    qtbot: QtBot, window: MainWindow, lang: str
) -> None:
    """Squeezed by the green band and the driver, the containers showed one cut in half; with
    crew, the VINs three and a half."""
    language.install(lang)
    fields = _vehicle_lane(qtbot, window)
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: window.width() == 1366)
    fields.vehicleKindCombo.setCurrentIndex(fields.vehicleKindCombo.findData("truck"))
    fields.cargoCombo.setCurrentIndex(fields.cargoCombo.findData("fresh_agricultural"))
    for line in SPECIMEN:
        qtbot.keyClicks(fields.driverMrzEdit, line)
        _line_feed(fields.driverMrzEdit)
    for serial in range(8):
        fields.containerEdit.setText(make_container("CSQU", f"{serial:06d}"))
        fields.sealsEdit.setText(f"CN{serial:06d}")
        qtbot.keyClick(fields.sealsEdit, Qt.Key.Key_Return)
    QApplication.sendPostedEvents()
    qtbot.wait(50)
    containers = fields.containerList
    assert containers.count() == 8 and _rows_whole(containers)
    last = containers.visualItemRect(containers.item(7))
    assert containers.viewport().rect().contains(last)
    scroll = window.vehicle.ui.fieldsScroll
    assert not scroll.verticalScrollBar().isVisible()
    # A car carrier with crew: the VINs.
    window.vehicle.vehicle.clear()
    fields.vehicleKindCombo.setCurrentIndex(fields.vehicleKindCombo.findData("car_carrier"))
    for box, lines in ((fields.driverMrzEdit, SPECIMEN), (fields.crewMrzEdit, CREW)):
        for line in lines:
            qtbot.keyClicks(box, line)
            _line_feed(box)
    for vin in VINS[:8]:
        _scan(qtbot, fields.vinEdit, vin)
    QApplication.sendPostedEvents()
    qtbot.wait(50)
    vins = fields.vinList
    assert vins.count() == 8 and _rows_whole(vins)
    assert vins.viewport().rect().contains(vins.visualItemRect(vins.item(7)))
    assert vins.verticalScrollBar().isVisible()  # it says there are more
    assert _rows_whole(fields.crewList)
    assert not scroll.verticalScrollBar().isVisible()
    assert fields.removeVinButton.isVisible()
