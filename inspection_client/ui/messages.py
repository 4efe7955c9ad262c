"""Message boxes an officer can act on; opened without blocking, so the lane keeps running.

Text from below the window (a validator's verdict, the store's or sync's errors) reaches the
officer through `localised` and `error_text`, in the language of the window.
"""

from __future__ import annotations

from string import Formatter
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from inspection_client.message import Message
from inspection_client.ui.scan_guard import guard_against_scans

MESSAGE_CONTEXT = "messages"  # where build_forms puts `Message` templates in the catalogue


def localised(text: object) -> str:
    """`text` in the window's language when it is a `Message`; otherwise as it is.

    Values keep their type (a number keeps its format, `{count:,}`); those that are Messages
    are translated in turn. A translation that names a value its template was not given, or
    that cannot be filled in (a translator's slip), is not used: the English text is shown
    instead of a broken one.
    """
    if not isinstance(text, Message):
        return str(text)
    translated = QCoreApplication.translate(MESSAGE_CONTEXT, text.template)
    if not text.values:
        return translated
    if not _fields(translated) <= text.values.keys():
        return str(text)
    values = {
        name: localised(value) if isinstance(value, Message) else value
        for name, value in text.values.items()
    }
    try:
        return translated.format(**values)
    except (ValueError, TypeError, KeyError, IndexError, AttributeError):
        return str(text)


def localised_all(texts: list[str] | tuple[str, ...], separator: str = "; ") -> str:
    return separator.join(localised(text) for text in texts)


def error_text(error: BaseException) -> str:
    """What an error says, in the window's language when it was made from a `Message`."""
    message = getattr(error, "message", None)
    if isinstance(message, Message):
        return localised(message)
    if isinstance(error, ValueError) and len(error.args) == 1:
        return localised(error.args[0])
    return str(error)


def _fields(template: str) -> set[str]:
    try:
        return {name for _, name, _, _ in Formatter().parse(template) if name is not None}
    except ValueError:
        return {"\0unreadable"}


def show_problem(parent: Any, text: str, title: str | None = None) -> QMessageBox:
    """Show what went wrong and what to do; the caller's form stays as it was."""
    owner = parent if isinstance(parent, QWidget) else QApplication.activeWindow()
    box = QMessageBox(owner)
    box.setObjectName("problemBox")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title or QCoreApplication.translate("messages", "Problem"))
    box.setText(text)
    box.setAccessibleName(QCoreApplication.translate("messages", "Problem"))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    guard_against_scans(box)  # a scan's Enter would close it unread
    box.open()
    return box


def show_info(parent: Any, text: str, title: str | None = None) -> QMessageBox:
    owner = parent if isinstance(parent, QWidget) else QApplication.activeWindow()
    box = QMessageBox(owner)
    box.setObjectName("infoBox")
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(title or QCoreApplication.translate("messages", "Information"))
    box.setText(text)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    guard_against_scans(box)  # a scan's Enter would close it unread
    box.open()
    return box
