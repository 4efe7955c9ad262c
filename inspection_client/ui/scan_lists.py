"""The lists beside the scan fields (crew, VINs, containers) never swallow a scan, and show
whole rows.

They are out of the Tab chain (the form says so), but a click still focuses them: what is
then typed or scanned goes on into the list's own scan field instead of the list's type-ahead,
where a burst was lost without a word. Down in the scan field goes into its list, where Delete
removes the entry chosen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QPalette
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


class WholeRows(QObject):
    """Keeps a list's rows whole: the room under its last whole row is left empty.

    Squeezed by a band or a crew list at 1366x768, the container list showed its third
    container cut in half, and the VINs three and a half: fewer rows, whole, with the scroll
    bar saying there are more, read better.
    """

    def __init__(self, listing: QListWidget) -> None:
        super().__init__(listing)
        self.listing = listing
        # The room left empty looks like the list's own, not like a gap in its frame.
        listing.setBackgroundRole(QPalette.ColorRole.Base)
        listing.setAutoFillBackground(True)
        listing.viewport().installEventFilter(self)
        # The first entry gives the height of a row (an empty list has none to cut).
        listing.model().rowsInserted.connect(self.fit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def fit(self) -> None:
        listing = self.listing
        spare = listing.viewportMargins().bottom()
        room = listing.viewport().height() + spare
        row = _row_height(listing)
        wanted = room % row if room >= row else 0
        if wanted != spare:
            # The entry just scanned, shown at the bottom, stays in sight as the room shrinks.
            bar = listing.verticalScrollBar()
            at_end = bar.value() == bar.maximum()
            listing.setViewportMargins(0, 0, 0, wanted)
            if at_end:
                bar.setValue(bar.maximum())


def _row_height(listing: QListWidget) -> int:
    """Pixels one entry of a list takes (its tallest among the first few)."""
    rows = [listing.sizeHintForRow(i) for i in range(min(listing.count(), 20))]
    return max(rows, default=listing.fontMetrics().height() + 2)


def rows_height(listing: QListWidget, rows: int) -> int:
    """Pixels a list needs to show `rows` one-line entries whole."""
    listing.ensurePolished()
    row = max(listing.sizeHintForRow(0), listing.fontMetrics().height() + 2)
    return rows * row + 2 * listing.frameWidth() + 4
