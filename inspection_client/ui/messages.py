"""Message boxes an officer can act on; opened without blocking, so the lane keeps running."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget


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
    box.open()
    return box
