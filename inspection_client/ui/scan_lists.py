"""The lists beside the scan fields (crew, VINs, containers) never swallow a scan.

They are out of the Tab chain (the form says so), but a click still focuses them: what is
then typed or scanned goes on into the list's own scan field instead of the list's type-ahead,
where a burst was lost without a word. Down in the scan field goes into its list, where Delete
removes the entry chosen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QListWidget, QWidget

_COMMANDS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


class ScanList(QObject):
    """Keys typed in `listing` go to `field`; Down in a line edit `field` enters the list."""

    def __init__(
        self,
        listing: QListWidget,
        field: QWidget,
        remove: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(listing)
        self.listing, self.field, self.remove = listing, field, remove
        listing.installEventFilter(self)
        if isinstance(field, QLineEdit):
            field.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if watched is self.listing:
            return self._in_list(event)
        if (
            watched is self.field
            and event.key() == Qt.Key.Key_Down
            and not event.modifiers() & _COMMANDS
            and self.listing.count()
            and self.listing.isVisible()
        ):
            self.listing.setFocus(Qt.FocusReason.OtherFocusReason)
            if self.listing.currentRow() < 0 or not self.listing.selectedItems():
                self.listing.setCurrentRow(self.listing.count() - 1)
            return True
        return False

    def _in_list(self, event: QKeyEvent) -> bool:
        if event.key() == Qt.Key.Key_Delete and self.remove is not None:
            self.remove()
            return True
        text = event.text()
        if text.strip() and text.isprintable() and not event.modifiers() & _COMMANDS:
            self.field.setFocus(Qt.FocusReason.OtherFocusReason)
            QApplication.sendEvent(
                self.field,
                QKeyEvent(
                    event.type(),
                    event.key(),
                    event.modifiers(),
                    text,
                    event.isAutoRepeat(),
                    event.count(),
                ),
            )
            return True
        return False
