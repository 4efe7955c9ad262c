"""A document reader's burst, typed while a question or an alert is up, never answers it."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from inspection_client.domain.codes import Decision
from inspection_client.domain.models import PassengerClearance
from inspection_client.store import records
from inspection_client.ui.main_window import MainWindow
from inspection_client.ui.operations import ImmediateOperations
from inspection_client.ui.scan_guard import BURST_GAP_MS
from tests.gui.conftest import passport, sign_in
from tests.gui.test_watchlist_alerts import publish

pytestmark = pytest.mark.gui

# A Chinese passport's lines: full of C (the mnemonic of "Clear anyway") and B ("Back").
CHINESE = passport(issuing_state="CHN", nationality="CHN", surname="CHEN", given_names="BO")


def _clearances(ops: ImmediateOperations) -> list[PassengerClearance]:
    saved = records.by_seq(ops.store, 1, 1000)
    return [r.body for r in saved if isinstance(r.body, PassengerClearance)]


def _burst_into(qtbot: QtBot, target: QWidget, lines: tuple[str, ...]) -> None:
    """A reader's burst, into the widget that has the keyboard while a dialog is up."""
    for line in lines:
        qtbot.keyClicks(target, line)
        qtbot.keyClick(target, Qt.Key.Key_Return)


def _scan(qtbot: QtBot, window: MainWindow, lines: tuple[str, ...]) -> None:
    mrz = window.passenger.passenger.ui.mrzEdit
    for line in lines:
        qtbot.keyClicks(mrz, line)
        qtbot.keyClick(mrz, Qt.Key.Key_Return)


def test_a_scan_during_the_clear_anyway_question_neither_clears_nor_closes_it(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    sign_in(qtbot, window)
    lane = window.passenger
    expired = passport(expiry_date=date(2020, 1, 31))
    _scan(qtbot, window, expired)
    qtbot.keyClick(
        lane.passenger.ui.mrzEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    question = lane.clear_question
    assert question is not None and question.isVisible()
    _burst_into(qtbot, question.defaultButton(), CHINESE)
    assert question.isVisible() and _clearances(ops) == []
    qtbot.keyClicks(question.defaultButton(), "c")  # a C typed alone is no answer either
    assert question.isVisible() and _clearances(ops) == []
    # A deliberate answer still works; the form is the expired passport's, untouched.
    question.defaultButton().click()
    assert lane.passenger.ui.mrzEdit.toPlainText() == "\n".join(expired)
    message = lane.ui.formMessageLabel
    qtbot.waitUntil(lambda: "was not used" in message.text())
    assert message.property("state") == "warning"
    assert "A scan arrived while a question was open and was not used" in message.text()


def test_clearing_anyway_after_a_dropped_scan_says_both(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    sign_in(qtbot, window)
    lane = window.passenger
    _scan(qtbot, window, passport(expiry_date=date(2020, 1, 31)))
    qtbot.keyClick(
        lane.passenger.ui.mrzEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    question = lane.clear_question
    assert question is not None
    _burst_into(qtbot, question.defaultButton(), CHINESE)
    next(b for b in question.buttons() if b.text() == "&Clear anyway").click()
    assert [c.decision for c in _clearances(ops)] == [Decision.CLEARED]
    qtbot.waitUntil(lambda: "was not used" in lane.ui.formMessageLabel.text())
    text = lane.ui.formMessageLabel.text()
    assert text.startswith("Saved #") and "was not used: scan it again" in text


def test_a_scan_during_a_watchlist_alert_does_not_close_it(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    publish(ops.store)
    sign_in(qtbot, window)
    lane = window.passenger
    _scan(qtbot, window, passport())  # the ICAO specimen: on the watchlist
    dialog = lane.alert_dialog
    assert dialog is not None and dialog.isVisible()
    _burst_into(qtbot, dialog.ui.seenButton, CHINESE)
    assert dialog.isVisible()
    assert lane.passenger.ui.surnameEdit.text() == "ERIKSSON"
    # Enter pressed by the officer, after reading, still answers (the default: seen).
    qtbot.wait(BURST_GAP_MS + 50)
    qtbot.keyClick(dialog.ui.seenButton, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: "was not used" in lane.ui.formMessageLabel.text())


def test_a_scan_does_not_choose_a_refusal_ground_but_a_letter_typed_alone_does(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    sign_in(qtbot, window)
    lane = window.passenger
    _scan(qtbot, window, passport())
    qtbot.keyClick(lane.passenger.ui.mrzEdit, Qt.Key.Key_F9)
    dialog = lane.refusal_dialog
    assert dialog is not None and dialog.isVisible()
    combo = dialog.ui.groundCombo
    assert combo.currentIndex() == -1  # none chosen for the officer
    # A container code scanned into the list: its C would pick "C — …", its Enter save it.
    _burst_into(qtbot, combo, ("CSQU3054383",))
    assert dialog.isVisible() and combo.currentIndex() == -1
    assert _clearances(ops) == []
    # The officer's own letter, typed alone, still picks its ground; Enter then refuses.
    qtbot.wait(max(BURST_GAP_MS, QApplication.keyboardInputInterval()) + 100)
    qtbot.keyClicks(combo, "c")
    assert combo.currentText().startswith("C — ")
    qtbot.wait(BURST_GAP_MS + 50)
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    assert [c.decision for c in _clearances(ops)] == [Decision.REFUSED]
    qtbot.waitUntil(lambda: "was not used" in lane.ui.formMessageLabel.text())
    assert lane.ui.formMessageLabel.text().startswith("Saved #")
