"""The window under a dialog takes the keyboard back when the dialog closes.

A window manager makes the parent active again; in a kiosk session without one nothing does,
and the window's shortcuts (Ctrl+5, Ctrl+Return, F8, Alt+letters) go dead until a click. So
every dialog that gets the keyboard is watched, and when it closes while it still has the
keyboard (or nobody has), the window it belongs to is activated.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtWidgets import QApplication, QDialog, QWidget


class KeyboardBack(QObject):
    """Follows the application's focus window (one per application, owned by its window)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication)
        app.focusWindowChanged.connect(self._focus_moved)

    def _focus_moved(self, window: QWindow | None) -> None:
        if window is None:
            return
        dialog = next(
            (w for w in QApplication.topLevelWidgets() if w.windowHandle() is window), None
        )
        if isinstance(dialog, QDialog):
            dialog.installEventFilter(self)  # once: installing it again changes nothing

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Hide
            and isinstance(watched, QDialog)
            and watched.isWindow()
            and watched.parentWidget() is not None
            and QApplication.activeWindow() in (None, watched)
        ):
            owner = watched.parentWidget().window()
            # After the close is done: a window manager may have activated the owner itself.
            QTimer.singleShot(0, owner, lambda: _activate(owner))
        return False


def _activate(owner: QWidget) -> None:
    active = QApplication.activeWindow()
    if (active is None or not active.isVisible()) and owner.isVisible():
        owner.activateWindow()
