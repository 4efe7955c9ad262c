"""Qt's own log, kept free of what officers type and read on the screen.

An operator chasing a display problem turns on Qt's debug output (``QT_LOGGING_RULES``). Qt's
text categories then log every character they lay out, one line each (``ucs4 == 'E'``):
travellers' names and document numbers, readable from the log. Debug and info lines of those
categories are dropped whatever the rules say; everything else goes where it went before.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import (
    QMessageLogContext,
    QtMsgType,
    qFormatLogMessage,
    qInstallMessageHandler,
)

# Categories whose debug lines carry the text on screen, or typed into it.
HIDDEN_CATEGORIES = ("qt.text.", "qt.accessibility")
_QUIET_KINDS = (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg)

Handler = Callable[[QtMsgType, QMessageLogContext, str], None]


def install() -> Handler | None:
    """Drop the text categories' debug lines from Qt's log, from now on; the handler that
    had Qt's log before, which gets every other line."""
    previous: Handler | None = qInstallMessageHandler(None)

    def handle(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if kind in _QUIET_KINDS and (context.category or "").startswith(HIDDEN_CATEGORIES):
            return
        if previous is not None:
            previous(kind, context, message)
        else:
            print(qFormatLogMessage(kind, context, message), file=sys.stderr, flush=True)

    qInstallMessageHandler(handle)
    return previous
