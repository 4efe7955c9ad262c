"""A lane's typed fields refuse a scan that cannot be their value, and say why.

A release slip's or a shift report's QR code, or a line of a passport's MRZ, scanned while
the focus is in the plate, a VIN, a name or the remarks would otherwise stand there as that
field's value (cut to the field's length, or
glued onto what was typed). A line edit also drops without a word what goes past its length,
so a long burst left its first characters looking like a value. At the scan's end (Enter) the
field is emptied instead and the lane's message says what happened; the rest of the form stays.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from inspection_client.reports.sealed_qr import PREFIXES

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_COMMANDS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)
_DOCUMENT_PREFIXES = tuple(PREFIXES.values())


def is_document_code(text: str) -> bool:
    """True when `text` is a release slip's or a shift report's QR text (GP1:…, SR1:…)."""
    return text.strip().upper().startswith(_DOCUMENT_PREFIXES)


# A line of a machine readable zone: 30, 36 or 44 of its characters, with a filler in it.
_MRZ_LINE = re.compile(r"[A-Z0-9<]*<[A-Z0-9<]*")
_MRZ_LINE_LENGTHS = (30, 36, 44)


def mrz_line_at_end(text: str) -> str:
    """The MRZ line `text` ends with (a reader's line: 30, 36 or 44 characters), or ''."""
    for length in sorted(_MRZ_LINE_LENGTHS, reverse=True):
        tail = text[-length:]
        if len(tail) == length and _MRZ_LINE.fullmatch(tail):
            return tail
    return ""


def _name_of(field: QWidget) -> str:
    return field.accessibleName() or field.objectName()


class TypedFieldGuard(QObject):
    """Watches the line edits and text boxes given; `refused` carries what to tell the officer.

    Per field it keeps what was keyed since the field was empty or the last Enter (the
    burst), and whether keys came that the field's length had no room for.
    """

    refused = Signal(str)

    def __init__(self, parent: QObject, fields: list[QWidget]) -> None:
        super().__init__(parent)
        self._burst: dict[QWidget, str] = {}
        self._too_long: set[QWidget] = set()
        for field in fields:
            field.installEventFilter(self)
            self._burst[field] = ""
            if isinstance(field, QLineEdit):
                field.textChanged.connect(
                    lambda text, f=field: self._forget(f) if not text else None
                )

    def _forget(self, field: QWidget) -> None:
        self._burst[field] = ""
        self._too_long.discard(field)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(watched, QWidget) or watched not in self._burst:
            return False
        if event.type() == QEvent.Type.FocusIn:
            self._forget(watched)
            return False
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if event.modifiers() & _COMMANDS:
            return False
        if event.key() in _ENTER:
            return self._scan_ended(watched)
        text = event.text()
        if text and text.isprintable():
            if isinstance(watched, QLineEdit) and _full(watched):
                self._too_long.add(watched)
            self._burst[watched] += text
        return False

    def _scan_ended(self, field: QWidget) -> bool:
        """True (the Enter is eaten) when what was scanned is refused and taken away."""
        burst, too_long = self._burst[field], field in self._too_long
        self._forget(field)
        name = _name_of(field)
        if isinstance(field, QPlainTextEdit):
            # An MRZ box: the reader's Enter ends each line; only the line just ended counts.
            cursor = field.textCursor()
            line = cursor.block().text()
            if not (is_document_code(line) or is_document_code(burst)):
                return False
            cursor.select(QTextCursor.SelectionType.BlockUnderCursor)
            cursor.removeSelectedText()
            field.setTextCursor(cursor)
            self.refused.emit(self._document_message(name))
            return True
        if not isinstance(field, QLineEdit):
            return False
        if is_document_code(burst) or is_document_code(field.text()):
            field.clear()
            self.refused.emit(self._document_message(name))
            return True
        line = mrz_line_at_end(burst)
        if line and field.text().endswith(line):
            # A passport read into the remarks (say): the line goes, what was typed stays.
            field.setText(field.text()[: -len(line)].rstrip())
            self.refused.emit(
                self.tr(
                    "Not taken in {field}: that is a line of a document's machine readable "
                    "zone. Scan the document with the focus in the MRZ box."
                ).format(field=name)
            )
            return True
        if too_long:
            field.clear()
            self.refused.emit(
                self.tr(
                    "Not taken in {field}: what was scanned or typed is longer than the field "
                    "takes ({count} characters), so it is not one. Scan or type it again."
                ).format(field=name, count=field.maxLength())
            )
            return True
        return False

    def _document_message(self, field: str) -> str:
        return self.tr(
            "Not taken in {field}: that is a release slip's or a shift report's code. Check it "
            "at Gate check (Ctrl+5); here, type what the vehicle or document shows."
        ).format(field=field)


def _full(edit: QLineEdit) -> bool:
    """True when a character typed now would be dropped for want of room."""
    return len(edit.text()) - len(edit.selectedText()) >= edit.maxLength()


def guard_typed_fields(form: QWidget) -> TypedFieldGuard:
    """Guard every line edit and text box of `form` (read-only ones are never typed into)."""
    fields: list[QWidget] = [
        edit
        for edit in (*form.findChildren(QLineEdit), *form.findChildren(QPlainTextEdit))
        if not edit.isReadOnly() and edit.objectName() and not edit.objectName().startswith("qt_")
    ]
    return TypedFieldGuard(form, fields)
