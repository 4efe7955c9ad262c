"""Shift → Change my PIN: the officer signed in gives their own account a new PIN.

The current PIN is checked as at sign-in (a wrong one counts towards the same lock), the new
one is held to the rules of `domain.pins`, and the session goes on with the new PIN: the
window takes the new PIN's stamp, so its next save is not refused as after IT's set-pin.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from inspection_client.domain.pins import pin_problem
from inspection_client.errors import UserFacingError
from inspection_client.store import officers
from inspection_client.store.officers import LoginResult
from inspection_client.ui.forms.ui_change_pin import Ui_ChangePinDialog
from inspection_client.ui.login import failure_text
from inspection_client.ui.messages import error_text, localised, show_info
from inspection_client.ui.pin_dialog import PinDialog
from inspection_client.ui.session import as_signed_in


class ChangePinDialog(PinDialog):
    """Current PIN, new PIN twice. Ok emits `pins_given(current, new)` once the new PIN
    passes the rules here; the dialog stays open until `changed` or `refused`."""

    pins_given = Signal(str, str)

    def __init__(self, officer: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ChangePinDialog()
        self.ui.setupUi(self)
        self.officer = officer
        self.ok_button = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self.ui.messageLabel.hide()
        for edit in (self.ui.currentPinEdit, self.ui.newPinEdit, self.ui.newPinAgainEdit):
            edit.textChanged.connect(self._enable)
        self.ui.buttonBox.accepted.connect(self._ok)
        self.ui.buttonBox.rejected.connect(self.reject)
        self._describe()
        self._enable()

    def _describe(self) -> None:
        self.ui.explanationLabel.setText(
            self.tr(
                "{officer}: type your current PIN, then the new one twice. A PIN is 4 to 12 "
                "digits; PINs that are easy to guess are refused."
            ).format(officer=self.officer)
        )
        self._fit()

    def _enable(self) -> None:
        ui = self.ui
        self.ok_button.setEnabled(
            all(edit.text() for edit in (ui.currentPinEdit, ui.newPinEdit, ui.newPinAgainEdit))
        )

    def _ok(self) -> None:
        ui = self.ui
        current, new = ui.currentPinEdit.text(), ui.newPinEdit.text()
        if new != ui.newPinAgainEdit.text():
            self._say(self.tr("The two new PINs differ; type the same PIN twice."))
            ui.newPinAgainEdit.clear()
            ui.newPinAgainEdit.setFocus()
            return
        if problem := pin_problem(new, self.officer):
            self._say(localised(problem))
            ui.newPinEdit.clear()
            ui.newPinAgainEdit.clear()
            ui.newPinEdit.setFocus()
            return
        self.ok_button.setEnabled(False)  # until the store has answered
        self.pins_given.emit(current, new)

    def refused(self, text: str) -> None:
        """The store refused: a wrong current PIN (cleared), a lock, a new PIN not allowed."""
        self._say(text)
        self.ui.currentPinEdit.clear()
        self.ui.currentPinEdit.setFocus()
        self._enable()


def wrong_pin_text(dialog: QWidget, result: LoginResult) -> str:
    if result.locked_until is not None:
        return failure_text(dialog, result)
    return QCoreApplication.translate(
        "ChangePinDialog",
        "Wrong current PIN. {count} attempt(s) left before the account is locked for "
        "{minutes} minutes.",
    ).format(count=result.attempts_left, minutes=int(result.next_lock.total_seconds() // 60))


def attach_own_pin(window: Any) -> None:
    window.ui.actionChangePin.triggered.connect(lambda: open_change_pin(window))


def open_change_pin(window: Any) -> ChangePinDialog | None:
    session = window.session
    if session is None:
        return None
    dialog = ChangePinDialog(session.officer.code, window)
    dialog.setObjectName("changePinDialog")
    dialog.finished.connect(dialog.deleteLater)
    window.dialog = dialog
    dialog.pins_given.connect(lambda current, new: _change(window, dialog, current, new))
    dialog.open()
    return dialog


def _change(window: Any, dialog: ChangePinDialog, current: str, new: str) -> None:
    session = window.session
    if session is None:
        dialog.reject()
        return
    code = session.officer.code

    def changed(result: LoginResult) -> None:
        if not result.ok:
            dialog.refused(wrong_pin_text(dialog, result))
            return
        window.renew_session(replace(session, stamp=result.stamp))
        dialog.accept()
        show_info(
            window,
            QCoreApplication.translate(
                "ChangePinDialog", "Your PIN was changed. Use the new PIN from now on."
            ),
        )

    def failed(error: UserFacingError) -> None:
        dialog.refused(error_text(error))

    window.ops.run(
        as_signed_in(
            code,
            session.stamp,
            lambda store: officers.change_own_pin(store, code, current, new),
        ),
        changed,
        failed,
    )
