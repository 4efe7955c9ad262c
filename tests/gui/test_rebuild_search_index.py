"""Tools → Rebuild the search index…: `db reindex` from the window, asked first."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from inspection_client.store import history, records, search_index
from inspection_client.store.errors import StoreCorrupt
from inspection_client.store.history import HistoryFilter
from inspection_client.ui.main_window import MainWindow
from inspection_client.ui.operations import ImmediateOperations
from tests import factories
from tests.gui.conftest import OFFICER, sign_in

pytestmark = pytest.mark.gui


def _visible(window: MainWindow, name: str) -> list[QMessageBox]:
    return [box for box in window.findChildren(QMessageBox, name) if box.isVisible()]


def _saved(ops: ImmediateOperations, count: int) -> None:
    drafts = [
        records.Draft(
            factories.passenger(document=factories.document(number=f"KX{i:07d}")), OFFICER[0]
        )
        for i in range(count)
    ]
    records.save_many(ops.store, drafts)


def test_a_stopped_index_is_built_again_from_the_menu(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    _saved(ops, 12)
    search_index.stop(ops.store, "found damaged")
    _saved(ops, 3)  # not in the index
    sign_in(qtbot, window)
    assert window.ui.actionRebuildSearchIndex.isEnabled()

    window.ui.actionRebuildSearchIndex.trigger()
    (question,) = _visible(window, "rebuildSearchIndexQuestion")
    text = question.text()
    assert (
        "saves stopped writing to it" in text and "all 16 records" in text
    )  # and the shift opened
    assert "Records cannot be saved meanwhile" in text
    # Not now: nothing changes.
    question.button(QMessageBox.StandardButton.No).click()
    assert search_index.stopped(ops.store.conn) is not None

    window.ui.actionRebuildSearchIndex.trigger()
    (question,) = _visible(window, "rebuildSearchIndexQuestion")
    assert question.button(QMessageBox.StandardButton.Yes).text() == "&Rebuild it now"
    question.button(QMessageBox.StandardButton.Yes).click()
    (said,) = _visible(window, "infoBox")
    assert said.text().startswith("Search index built again from 16 records in ")
    assert search_index.stopped(ops.store.conn) is None
    assert len(history.page(ops.store, HistoryFilter(text="KX")).rows) == 15
    assert window.ui.actionRebuildSearchIndex.isEnabled()


def test_a_sound_index_can_be_built_again_too_and_a_failure_is_said(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    _saved(ops, 4)
    sign_in(qtbot, window)
    window.ui.actionRebuildSearchIndex.trigger()
    (question,) = _visible(window, "rebuildSearchIndexQuestion")
    assert "found damaged" not in question.text() and "all 5 records" in question.text()

    def refused(_fn: object) -> object:
        def fail(_store: object) -> object:
            raise StoreCorrupt("Record 3 of lane.db no longer decodes.")

        return fail

    ops.intercept = refused
    question.button(QMessageBox.StandardButton.Yes).click()
    (problem,) = _visible(window, "problemBox")
    assert "Record 3" in problem.text()
    assert window.ui.actionRebuildSearchIndex.isEnabled()


def test_the_action_waits_for_a_shift(window: MainWindow) -> None:
    assert not window.ui.actionRebuildSearchIndex.isEnabled()
