"""What the dialogs that take PINs share: an explanation on top, a message under the fields
(hidden until there is something to say), and texts that wrap."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog

from inspection_client.ui.style import set_state


class PinDialog(QDialog):
    """`ui` has `explanationLabel` and `messageLabel`; `_describe` fills the explanation
    (again after a change of language)."""

    ui: Any

    def _describe(self) -> None:
        raise NotImplementedError

    def _fit(self) -> None:
        """Give the wrapped texts the height they need at their width, which the layout
        does not ask for on its own: without it they overlap the fields below."""
        for label in (self.ui.explanationLabel, self.ui.messageLabel):
            label.setMinimumHeight(max(0, label.heightForWidth(label.minimumWidth())))
        self.adjustSize()

    def _say(self, text: str) -> None:
        self.ui.messageLabel.setText(text)
        self.ui.messageLabel.show()
        set_state(self.ui.messageLabel, "alert")
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._describe()
        super().changeEvent(event)
