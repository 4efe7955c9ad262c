"""The store worker's answers reach only screens that still exist."""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from inspection_client.errors import UserFacingError
from inspection_client.store.database import Store
from inspection_client.ui.operations import Operations

pytestmark = pytest.mark.gui


class _Asker(QDialog):
    def __init__(self) -> None:
        super().__init__()
        self.heard: list[object] = []

    def saved(self, result: object) -> None:
        self.heard.append(result)

    def failed(self, error: UserFacingError) -> None:
        self.heard.append(error)


def test_an_answer_for_a_dialog_closed_meanwhile_is_dropped_and_a_failure_still_said(
    qtbot: QtBot, tmp_path: Path
) -> None:
    ops = Operations(tmp_path / "lane.db")
    owner = QWidget()
    qtbot.addWidget(owner)
    ops.problem_parent = owner
    try:
        kept, closed = _Asker(), _Asker()
        ops.run(lambda store: 1, kept.saved)
        ops.run(lambda store: 2, closed.saved)
        shiboken6.delete(closed)  # the officer closed it while the work ran
        qtbot.waitUntil(lambda: ops.pending == 0)
        assert kept.heard == [1]  # and no error for the closed one

        def refused(store: Store) -> None:
            raise UserFacingError("Wrong supervisor code or PIN")

        gone = _Asker()
        ops.run(refused, gone.saved, gone.failed)
        shiboken6.delete(gone)
        qtbot.waitUntil(lambda: ops.pending == 0)
        (box,) = owner.findChildren(QMessageBox)
        assert "Wrong supervisor code or PIN" in box.text()
        box.accept()
    finally:
        ops.shutdown()
