"""History by keyboard: from the filter into the list, and a slip for the row chosen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from inspection_client.ui import language
from inspection_client.ui.main_window import MainWindow
from inspection_client.ui.slip_printing import SlipPreviewDialog
from tests.gui.conftest import SUPERVISOR, sign_in
from tests.gui.test_reports_screen import _clear_a_truck

pytestmark = pytest.mark.gui


def test_down_from_the_filter_chooses_the_first_record_for_a_slip(
    qtbot: QtBot, window: MainWindow
) -> None:
    sign_in(qtbot, window)
    _clear_a_truck(qtbot, window)
    window.last_vehicle_id = None  # signed in again since: the lane has cleared nothing
    window.ui.actionHistory.trigger()
    history = window.history
    edit = history.ui.filterEdit
    edit.setFocus()
    qtbot.keyClicks(edit, "CSQU")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: history.model.rowCount() == 1)
    # Ctrl+P with nothing chosen says how to choose.
    qtbot.keyClick(edit, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    (info,) = window.findChildren(QMessageBox, "infoBox")
    assert "Choose the vehicle's record in the list" in info.text()
    info.accept()
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_Down)
    table = history.ui.historyTable
    assert QApplication.focusWidget() is table
    assert [index.row() for index in table.selectionModel().selectedRows()] == [0]
    qtbot.keyClick(table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(window.dialog, SlipPreviewDialog)


def test_enter_on_a_record_opens_it(qtbot: QtBot, window: MainWindow) -> None:
    sign_in(qtbot, window)
    _clear_a_truck(qtbot, window)
    window.ui.actionHistory.trigger()
    history = window.history
    qtbot.waitUntil(lambda: history.model.rowCount() > 0)
    history.ui.filterEdit.setFocus()
    qtbot.keyClick(history.ui.filterEdit, Qt.Key.Key_Down)
    qtbot.keyClick(history.ui.historyTable, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: history.record_dialog is not None)


@pytest.mark.usefixtures("styled")
@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_every_column_title_shows_whole(qtbot: QtBot, window: MainWindow, lang: str) -> None:
    language.install(lang)
    QApplication.sendPostedEvents()
    sign_in(qtbot, window)
    window.ui.actionHistory.trigger()
    header = window.history.ui.historyTable.horizontalHeader()
    for column in range(header.count()):
        assert header.sectionSize(column) >= header.sectionSizeHint(column), column


@pytest.mark.usefixtures("styled")
def test_on_a_1024_screen_a_voided_record_reads_as_voided_without_scrolling(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The state (amended, VOIDED) stands beside the decision it qualifies: the columns on
    the right scroll out of sight on a narrow screen."""
    from inspection_client.ui.history import STATE_COLUMN

    sign_in(qtbot, window)
    window.resize(1024, 768)
    window.ui.actionHistory.trigger()
    table = window.history.ui.historyTable
    qtbot.waitUntil(lambda: table.viewport().width() < 1000)
    header = table.horizontalHeader()
    assert header.sectionViewportPosition(STATE_COLUMN) + header.sectionSize(STATE_COLUMN) <= (
        table.viewport().width()
    )
    assert window.history.model.headers()[STATE_COLUMN] == "State"


def test_ctrl_p_never_offers_the_officer_before_s_vehicle(qtbot: QtBot, window: MainWindow) -> None:
    sign_in(qtbot, window)
    _clear_a_truck(qtbot, window)
    assert window.last_vehicle_id is not None
    window.sign_out()
    sign_in(qtbot, window, SUPERVISOR)
    window.action_print_slip.trigger()
    assert not isinstance(window.dialog, SlipPreviewDialog)
    (info,) = window.findChildren(QMessageBox, "infoBox")
    assert "No vehicle has been cleared in this session" in info.text()
    info.accept()
