"""Signing in and unlocking: officer code and PIN, checked off the GUI thread (scrypt is slow
on purpose), with the attempts left and the lock time shown after a wrong PIN."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import QWidget

from inspection_client.domain.codes import Role
from inspection_client.domain.models import Officer, Workstation
from inspection_client.domain.pins import pin_format_problem
from inspection_client.store import officers
from inspection_client.store.officers import LoginResult
from inspection_client.ui.forms.ui_lock import Ui_LockScreen
from inspection_client.ui.forms.ui_login import Ui_LoginScreen
from inspection_client.ui.messages import error_text
from inspection_client.ui.style import set_state


def failure_text(widget: QWidget, result: LoginResult) -> str:
    if result.locked_until is not None:
        return QCoreApplication.translate(
            "LoginScreen",
            "Too many wrong PINs: this account is locked until {time}. Wait, or ask a supervisor.",
        ).format(time=officers.lock_end_text(result.locked_until))
    return QCoreApplication.translate(
        "LoginScreen",
        "Wrong officer code or PIN. {count} attempt(s) left before the account "
        "is locked for {minutes} minutes.",
    ).format(count=result.attempts_left, minutes=int(result.next_lock.total_seconds() // 60))


class LoginScreen(QWidget):
    signed_in = Signal(object)  # LoginResult, ok

    def __init__(self, ops: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_LoginScreen()
        self.ui.setupUi(self)
        self.ops = ops
        self.workstation: Workstation | None = None
        self.ui.loginButton.clicked.connect(self.submit)
        self.ui.pinEdit.returnPressed.connect(self.submit)
        self.ui.codeEdit.returnPressed.connect(self.ui.pinEdit.setFocus)
        self.ui.demoLabel.setVisible(False)
        set_state(self.ui.titleLabel, "title")
        set_state(self.ui.demoLabel, "demo")

    def show_workstation(self, workstation: Workstation | None, note: str = "") -> None:
        self.workstation = workstation
        self.ui.demoLabel.setVisible(bool(workstation and workstation.demo))
        self._describe(note)

    def _describe(self, note: str = "") -> None:
        workstation = self.workstation
        # The form's example names the demo account; a real workstation's officers know
        # their code (and a language change sets the form's texts again).
        demo = bool(workstation and workstation.demo)
        self.ui.codeEdit.setPlaceholderText(self.tr("e.g. DEMO01") if demo else "")
        if workstation is None:
            self.ui.workstationLabel.setText(note)
            return
        text = self.tr("Port {port} · lane {lane} · workstation {ws}").format(
            port=workstation.port_code, lane=workstation.lane_id, ws=workstation.workstation_id
        )
        self.ui.workstationLabel.setText(text + (f"\n{note}" if note else ""))

    def set_ready(self, ready: bool) -> None:
        for widget in (self.ui.codeEdit, self.ui.pinEdit, self.ui.loginButton):
            widget.setEnabled(ready)
        if ready:
            self.ui.codeEdit.setFocus()

    def reset(self) -> None:
        self.ui.codeEdit.clear()
        self.ui.pinEdit.clear()
        self.ui.messageLabel.clear()
        self.ui.codeEdit.setFocus()

    def show_problem(self, text: str) -> None:
        """Say on the page what keeps officers out (shown until the next attempt)."""
        self.ui.messageLabel.setText(text)
        set_state(self.ui.messageLabel, "alert")

    def show_note(self, text: str) -> None:
        """Say on the page why the officer is back at it (shown until the next attempt)."""
        self.ui.messageLabel.setText(text)
        set_state(self.ui.messageLabel, "idle")

    def submit(self) -> None:
        code, pin = self.ui.codeEdit.text().strip().upper(), self.ui.pinEdit.text()
        if not code or not pin or not self.ui.loginButton.isEnabled():
            return
        if pin_format_problem(pin) is not None:
            self.ui.pinEdit.clear()
            self.ui.messageLabel.setText(not_a_pin_text())
            set_state(self.ui.messageLabel, "alert")
            return
        self.ui.loginButton.setEnabled(False)
        self.ui.messageLabel.setText(self.tr("Checking…"))
        set_state(self.ui.messageLabel, "idle")
        self.ops.run(
            lambda store: officers.check_pin(store, code, pin), self._checked, self._failed
        )

    def _checked(self, result: LoginResult) -> None:
        self.ui.loginButton.setEnabled(True)
        self.ui.pinEdit.clear()
        if result.ok:
            self.ui.messageLabel.clear()
            self.ui.codeEdit.clear()
            self.signed_in.emit(result)
            return
        self.ui.messageLabel.setText(failure_text(self, result))
        set_state(self.ui.messageLabel, "alert")
        self.ui.pinEdit.setFocus()

    def _failed(self, error: Exception) -> None:
        self.ui.loginButton.setEnabled(True)
        self.ui.messageLabel.setText(error_text(error))
        set_state(self.ui.messageLabel, "alert")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._describe()
        super().changeEvent(event)


class LockScreen(QWidget):
    """Covers the work page after idle minutes; the forms behind it are left untouched."""

    unlocked = Signal(object)  # the Officer who unlocked

    def __init__(self, ops: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_LockScreen()
        self.ui.setupUi(self)
        self.ops = ops
        self.officer: Officer | None = None
        self.ui.unlockButton.clicked.connect(self.submit)
        self.ui.lockPinEdit.returnPressed.connect(self.submit)
        set_state(self.ui.lockTitleLabel, "title")

    def lock_for(self, officer: Officer) -> None:
        self.officer = officer
        self.ui.lockCodeEdit.setText(officer.code)
        self.ui.lockPinEdit.clear()
        self.ui.lockMessageLabel.clear()
        self.ui.lockPinEdit.setFocus()

    def submit(self) -> None:
        code, pin = self.ui.lockCodeEdit.text().strip().upper(), self.ui.lockPinEdit.text()
        if not code or not pin or self.officer is None:
            return
        if pin_format_problem(pin) is not None:
            # A scanner's burst landing here (the screen locked itself while the officer was
            # at the vehicle) would otherwise count each code as a wrong PIN and lock the
            # account in mid-shift; a PIN is digits, so this one cannot be right anyway.
            self.ui.lockPinEdit.clear()
            self.ui.lockMessageLabel.setText(not_a_pin_text())
            set_state(self.ui.lockMessageLabel, "alert")
            return
        self.ui.unlockButton.setEnabled(False)
        self.ops.run(
            lambda store: officers.check_pin(store, code, pin), self._checked, self._failed
        )

    def _checked(self, result: LoginResult) -> None:
        self.ui.unlockButton.setEnabled(True)
        self.ui.lockPinEdit.clear()
        assert self.officer is not None
        who = result.officer
        if who is not None and (
            who.code == self.officer.code or who.role in (Role.SUPERVISOR, Role.ADMIN)
        ):
            self.unlocked.emit(who)
            return
        if who is not None:
            text = self.tr("Only {officer} or a supervisor can unlock this screen.").format(
                officer=self.officer.code
            )
        else:
            text = failure_text(self, result)
        self.ui.lockMessageLabel.setText(text)
        set_state(self.ui.lockMessageLabel, "alert")

    def _failed(self, error: Exception) -> None:
        self.ui.unlockButton.setEnabled(True)
        self.ui.lockMessageLabel.setText(error_text(error))
        set_state(self.ui.lockMessageLabel, "alert")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
        super().changeEvent(event)


def not_a_pin_text() -> str:
    """What the sign-in and lock screens say of a PIN field holding what no PIN is: not
    checked, so not counted as a wrong PIN."""
    return QCoreApplication.translate(
        "LoginScreen",
        "A PIN is 4 to 12 digits: that was not checked, and no attempt was counted. "
        "If a scanner typed it, enter your PIN first, then scan again.",
    )
