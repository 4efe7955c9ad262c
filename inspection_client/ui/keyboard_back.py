"""The window under a dialog takes the keyboard back when the dialog closes.

A window manager makes the parent active again; in a kiosk session without one nothing does,
and the window's shortcuts (Ctrl+5, Ctrl+Return, F8, Alt+letters) go dead until a click. So
every dialog that gets the keyboard is watched, and when it closes while it still has the
keyboard (or nobody has), the window it belongs to is activated.
"""

from __future__ import annotations

import shiboken6
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
            and _nobody_active_but(watched)
        ):
            owners = _owners_of(watched)
            # After the close is done: a window manager may have activated the owner itself.
            # Timed on this watcher: an owner may be a dialog closed and deleted meanwhile.
            QTimer.singleShot(0, self, lambda: _activate(owners))
        return False


def _nobody_active_but(dialog: QWidget) -> bool:
    active = QApplication.activeWindow()
    return active is None or active is dialog or not active.isVisible()


def _owners_of(dialog: QWidget) -> list[QWidget]:
    """The windows under `dialog`, nearest first (a void's, a record's, the main window)."""
    owners = []
    parent = dialog.parentWidget()
    while parent is not None:
        owners.append(parent.window())
        parent = owners[-1].parentWidget()
    return owners


def _activate(owners: list[QWidget]) -> None:
    """Activate the nearest owner still open (a void's dialog closes its record's dialog
    with it)."""
    for owner in owners:
        if shiboken6.isValid(owner) and owner.isVisible():
            if _nobody_active_but(owner):
                owner.activateWindow()
            return
