"""The vehicle form's choices show whole on a 1366 px screen: a clipped "Fresh agricultural
goods (green cha" hid what the officer chose. (On 1024 px the form has no room to spare.)"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QComboBox, QStyle, QStyleOptionComboBox
from pytestqt.qtbot import QtBot

from inspection_client.ui import language
from inspection_client.ui.main_window import MainWindow
from tests.gui.test_vehicle_scanning import _vehicle_lane

pytestmark = pytest.mark.gui


def _text_room(combo: QComboBox) -> int:
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    return field.width()


@pytest.mark.usefixtures("styled")
@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_every_cargo_and_vehicle_kind_shows_whole(
    qtbot: QtBot, window: MainWindow, lang: str
) -> None:
    language.install(lang)
    fields = _vehicle_lane(qtbot, window)
    window.resize(1366, 768)
    for combo in (fields.cargoCombo, fields.vehicleKindCombo):
        for index in range(combo.count()):
            combo.setCurrentIndex(index)
            QApplication.sendPostedEvents()
            qtbot.wait(10)
            text = combo.currentText()
            assert combo.fontMetrics().horizontalAdvance(text) <= _text_room(combo), text
    # The MRZ boxes keep their whole line, and today's list is still there.
    lane = window.vehicle
    scroll = lane.ui.fieldsScroll
    assert not scroll.horizontalScrollBar().isVisible()
    box = fields.driverMrzEdit
    assert box.mapTo(scroll.viewport(), box.rect().topRight()).x() < scroll.viewport().width()
    assert lane.ui.todayFrame.width() >= 250
