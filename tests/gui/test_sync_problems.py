"""The sync-problems screen: the supervisor's queue of records the central would not take."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from inspection_client.domain.codes import Decision, Direction, TravellerRole
from inspection_client.store import records
from inspection_client.store.database import Store
from inspection_client.ui.main_window import MainWindow
from inspection_client.ui.operations import ImmediateOperations
from tests.factories import passenger
from tests.gui.conftest import SUPERVISOR, sign_in

pytestmark = pytest.mark.gui

REASON = "record_schema: document.expiry_date before birth_date"


def reject(store: Store, seq: int, state: str = "rejected", detail: str | None = REASON) -> None:
    with store.write() as conn:
        conn.execute(
            "UPDATE outbox SET state = ?, detail = ?, attempts = 2 WHERE seq = ?",
            (state, detail, seq),
        )


def test_a_rejected_record_is_listed_with_the_reason_and_opens_read_only(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    body = passenger(Decision.CLEARED, direction=Direction.ENTRY)
    saved = records.save(ops.store, body, officer="OFF1")
    records.save(ops.store, passenger(), officer="OFF1")  # still pending: not listed
    reject(ops.store, saved.seq)
    screen = window.sync_problems
    sign_in(qtbot, window, SUPERVISOR)
    assert window.ui.screens.indexOf(screen) >= 0
    assert window.ui.screens.tabText(window.ui.screens.indexOf(screen)) == "Sync problems"
    table = screen.ui.problemsTable
    assert table.rowCount() == 1
    assert table.item(0, 0).text() == f"#{saved.seq}"
    assert table.item(0, 3).text() == "rejected"
    assert table.item(0, 4).text() == "2"
    assert table.item(0, 5).text() == REASON
    assert screen.ui.countLabel.text() == "1 record(s) need a supervisor"
    screen.open_selected()
    dialog = screen.record_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.objectName() == "recordDialog"
    assert not dialog.ui.amendButton.isEnabled() and not dialog.ui.voidButton.isEnabled()
    assert body.document.number in dialog.ui.revisionsText.toPlainText()
    dialog.reject()


def test_the_queue_follows_the_store_on_refresh(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    screen = window.sync_problems
    sign_in(qtbot, window)
    assert screen.ui.problemsTable.rowCount() == 0
    assert screen.ui.countLabel.text() == "0 record(s) need a supervisor"
    saved = records.save(ops.store, passenger(), officer="OFF1")
    reject(ops.store, saved.seq, "conflict", None)
    screen.refresh()
    assert screen.ui.problemsTable.rowCount() == 1
    assert screen.ui.problemsTable.item(0, 3).text() == "conflict"
    assert screen.ui.problemsTable.item(0, 5).text() == "(no reason given)"


def test_a_supervisor_sends_a_rejected_record_again_after_saying_yes(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    rejected = records.save(ops.store, passenger(), officer="OFF1")
    conflicting = records.save(ops.store, passenger(), officer="OFF1")
    reject(ops.store, rejected.seq)
    reject(ops.store, conflicting.seq, "conflict", "same id, different content")
    screen = window.sync_problems
    sign_in(qtbot, window, SUPERVISOR)
    table, button = screen.ui.problemsTable, screen.ui.sendAgainButton
    table.selectRow(1)  # the conflict: sending it again cannot help
    assert not button.isEnabled() and "different record" in button.toolTip()
    table.selectRow(0)
    assert button.isEnabled()

    button.click()  # asked first; Cancel changes nothing
    question = screen.question
    assert question is not None and f"#{rejected.seq}" in question.text()
    assert REASON in question.text()
    question.button(QMessageBox.StandardButton.Cancel).click()
    assert table.rowCount() == 2

    sync_label = window.status.ui.syncLabel  # the shift's opening record waits too
    assert sync_label.text() == "1 waiting · not enrolled · 2 sync problem(s)"
    button.click()
    screen.question.button(QMessageBox.StandardButton.Yes).click()
    assert table.rowCount() == 1 and table.item(0, 3).text() == "conflict"
    assert sync_label.text() == "2 waiting · not enrolled · 1 sync problem(s)"  # it follows
    state, detail = ops.store.conn.execute(
        "SELECT state, detail FROM outbox WHERE seq = ?", (rejected.seq,)
    ).fetchone()
    assert state == "pending" and detail.startswith(f"sent again by {SUPERVISOR[0]} at ")


def test_an_officer_cannot_send_records_again(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    saved = records.save(ops.store, passenger(), officer="OFF1")
    reject(ops.store, saved.seq)
    screen = window.sync_problems
    sign_in(qtbot, window)
    screen.ui.problemsTable.selectRow(0)
    assert not screen.ui.sendAgainButton.isEnabled()
    assert "supervisor" in screen.ui.sendAgainButton.toolTip()
    screen.send_again_selected()  # even when called directly
    assert ops.store.conn.execute(
        "SELECT state FROM outbox WHERE seq = ?", (saved.seq,)
    ).fetchone() == ("rejected",)


def test_a_minors_record_opened_from_the_queue_names_the_adult(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    adult = records.save(ops.store, passenger(), officer="OFF1")
    child_body = passenger(traveller_role=TravellerRole.MINOR, accompanying_adult_id=adult.id)
    child = records.save(ops.store, child_body, officer="OFF1")
    reject(ops.store, child.seq)
    screen = window.sync_problems
    sign_in(qtbot, window, SUPERVISOR)
    screen.open_selected()
    dialog = screen.record_dialog
    assert dialog is not None and dialog.objectName() == "recordDialog"
    text = dialog.ui.revisionsText.toPlainText()
    assert f"(#{adult.seq}, " in text and "with the adult of record" not in text
    dialog.reject()
