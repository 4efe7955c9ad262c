"""A document reader's burst never answers a question.

A reader (or a VIN or container scanner) types like a keyboard into whatever has the focus.
While a question box is up that is the box: a QMessageBox presses the button whose mnemonic
is a letter typed alone ("&Clear anyway" on the C of "CHN"), and the Enter that ends each
line presses the default button, closing an alert unread and sending the next line into
the form. Over a question box or an alert, `ScanGuard` therefore drops printable keys typed
without Alt or Ctrl (no answer there is typed: Alt+letter, Tab, Space, Escape, the arrow
keys and the function keys still work) and the Enter that ends a burst, and counts what it
dropped so the lane can ask for the scan again.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QWidget

# An Enter this soon after a dropped key ends the burst; a person pressing Enter after
# reading the question takes far longer. Readers type a character every 2 to 30 ms.
BURST_GAP_MS = 300
_DELIBERATE = (
    Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.MetaModifier
)
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ScanGuard(QObject):
    """Drops what a scan types into `dialog` while it is open (see the module).

    With `choice` (a list whose item a letter picks, as the refusal grounds' "C"), a key
    typed alone goes through; a second one within `BURST_GAP_MS` is a scan, and the choice
    goes back to what it was before the scan's first key.
    """

    def __init__(self, dialog: QDialog, choice: QComboBox | None = None) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self.choice = choice
        self.dropped = 0  # keys dropped: a scan arrived while the dialog was open
        self._since = QElapsedTimer()  # the last printable key
        self._keys = 0  # printable keys in the current burst
        self._chosen_before = -1  # `choice` before the last key let through
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        dialog.finished.connect(lambda _result: app.removeEventFilter(self))

    def _in_burst(self) -> bool:
        return self._since.isValid() and self._since.elapsed() < BURST_GAP_MS

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if not isinstance(watched, QWidget) or not (
            watched is self.dialog or self.dialog.isAncestorOf(watched)
        ):
            return False
        if event.modifiers() & _DELIBERATE:
            return False
        if event.key() in _ENTER:
            # The Enter that ends a scan; after a letter let through alone, the officer's.
            if self._in_burst() and self._keys > (1 if self.choice is not None else 0):
                self._since.restart()
                self.dropped += 1
                return True
            return False
        text = event.text()
        if not text or text == " " or not text.isprintable():
            return False
        self._keys = self._keys + 1 if self._in_burst() else 1
        self._since.restart()
        if self.choice is not None:
            if self._keys == 1:
                self._chosen_before = self.choice.currentIndex()
                return False  # a letter typed alone picks an item, as the list lets it
            # A scan: what its first key picked is undone.
            self.choice.setCurrentIndex(self._chosen_before)
        self.dropped += 1
        return True


def guard_against_scans(dialog: QDialog, choice: QComboBox | None = None) -> ScanGuard:
    """Install a `ScanGuard` on `dialog` for as long as it is open."""
    return ScanGuard(dialog, choice)
