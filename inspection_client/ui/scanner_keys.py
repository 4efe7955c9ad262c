"""Keys in the fields scanners type into: a line feed counts as Enter, and a new scan
replaces a finished one.

Under X11 a scanner (or a paste tool) that ends each code with LF delivers the key 0x0A,
which a line edit ignores: the codes of a burst would run together into one field.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QWidget

_LINE_FEED = 0x0A


class LineFeedAsEnter(QObject):
    """Turns an unmodified LF key press on the watched widgets into Return."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease)
            and isinstance(event, QKeyEvent)
            and event.key() == _LINE_FEED
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            enter = QKeyEvent(event.type(), Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r")
            QApplication.sendEvent(watched, enter)
            return True
        return False


def end_scans_on_line_feed(*widgets: QWidget) -> LineFeedAsEnter:
    """Watch `widgets` (one filter, owned by the first) so LF ends a scan as Enter does."""
    keys = LineFeedAsEnter(widgets[0])
    for widget in widgets:
        widget.installEventFilter(keys)
    return keys


class NewScanReplaces(QObject):
    """A character typed at the end of an MRZ box that holds a finished scan (a whole MRZ,
    or lines no MRZ has) starts the next scan in an empty box: appended, two documents'
    lines read as no MRZ at all. Typed anywhere else (correcting a character), it is typed
    as usual."""

    def __init__(self, edit: QPlainTextEdit, finished: Callable[[str], bool]) -> None:
        super().__init__(edit)
        self.edit = edit
        self.finished = finished
        edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and not event.modifiers()
            & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
            and event.text().strip()
            and event.text().isprintable()
        ):
            cursor = self.edit.textCursor()
            text = self.edit.toPlainText()
            if cursor.atEnd() and not cursor.hasSelection() and self.finished(text):
                self.edit.clear()
        return False
