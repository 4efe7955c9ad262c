"""The sync-problems screen: the supervisor's queue of records the central would not take."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from inspection_client.domain.codes import Decision, Direction
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
