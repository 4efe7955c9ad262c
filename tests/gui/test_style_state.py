"""State shown on widgets: the colours and the room around the words change with it."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from inspection_client.ui.style import RESOURCES, set_state

pytestmark = pytest.mark.gui


def test_a_message_shown_before_its_state_gets_the_state_s_padding(qtbot: QtBot) -> None:
    """The sign-in's message is shown empty, then says a wrong PIN: its text must not touch
    the red border, nor its wrapped last line overlap it (style.qss: alert is a 2 px border
    and 1 px by 6 px of padding)."""
    holder = QWidget()
    holder.setStyleSheet((RESOURCES / "style.qss").read_text(encoding="utf-8"))
    qtbot.addWidget(holder)
    label = QLabel(holder)
    label.setWordWrap(True)
    QVBoxLayout(holder).addWidget(label)
    holder.show()
    qtbot.waitExposed(holder)
    set_state(label, "idle")  # "Checking…"
    label.setText("Wrong officer code or PIN. 4 attempt(s) left before the account is locked.")
    set_state(label, "alert")
    margins = label.contentsMargins()
    assert (margins.left(), margins.top(), margins.right(), margins.bottom()) == (8, 3, 8, 3)
