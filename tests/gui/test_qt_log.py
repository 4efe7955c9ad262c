"""Qt's debug output never carries what is on the screen, character by character."""

from __future__ import annotations

import pytest
from PySide6.QtCore import (
    QLoggingCategory,
    QMessageLogContext,
    QtMsgType,
    qCDebug,
    qCWarning,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication

from inspection_client.ui import qt_log

pytestmark = pytest.mark.gui


def test_the_text_categories_debug_lines_are_dropped_and_the_rest_kept(qapp: QApplication) -> None:
    seen: list[tuple[str, str]] = []

    def collect(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        seen.append((context.category or "", message))

    before = qInstallMessageHandler(collect)
    try:
        qt_log.install()
        # What Qt logs for each character it lays out, once an operator sets
        # QT_LOGGING_RULES="*.debug=true" to chase a display problem.
        segmenter = QLoggingCategory("qt.text.emojisegmenter")
        segmenter.setEnabled(QtMsgType.QtDebugMsg, True)
        qCDebug(segmenter, "Checking character 0 , ucs4 == 'E' , category: 7")
        qCWarning(segmenter, "a warning of the text categories is kept")
        painting = QLoggingCategory("qt.widgets.painting")
        painting.setEnabled(QtMsgType.QtDebugMsg, True)
        qCDebug(painting, "Flushing QRegion(0,0 10x10)")
    finally:
        qInstallMessageHandler(before)
    assert seen == [
        ("qt.text.emojisegmenter", "a warning of the text categories is kept"),
        ("qt.widgets.painting", "Flushing QRegion(0,0 10x10)"),
    ]
