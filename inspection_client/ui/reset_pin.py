"""Shift → Reset an officer's PIN…: a supervisor signed in gives another account at this lane
a new PIN, for an officer who forgot theirs, locked the account, or came with the roster
without one.

Supervisors only (the entry is hidden from officers, and refuses them if reached anyway).
A reset hands the account over to whoever learns the new PIN, so the supervisor confirms it
with their own PIN, in the same dialog: checked as at sign-in, a wrong one counts towards
the supervisor's own lock, and a locked supervisor is refused (the dialog does not open, or
says so). The new PIN goes through `officers.reset_pin`, which checks again, in the
transaction that sets it, that the one doing it is still a supervisor here and that the
account is neither theirs (Change my PIN asks for the current one) nor an administrator's
(IT's). The new PIN lifts a lock, ends a session signed in with the old one, and is written
to the accounts' history with the supervisor's code.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QWidget

from inspection_client.domain.codes import Role
from inspection_client.domain.pins import pin_problem
from inspection_client.errors import UserFacingError
from inspection_client.store import officers
from inspection_client.store.officers import Account, LoginResult
from inspection_client.ui.forms.ui_reset_pin import Ui_ResetPinDialog
from inspection_client.ui.messages import error_text, localised, show_info
from inspection_client.ui.pin_dialog import PinDialog
from inspection_client.ui.session import as_signed_in


class ResetPinDialog(PinDialog):
    """The officer, the new PIN twice, the supervisor's own PIN. Ok emits
    `pin_given(code, pin, own_pin)` once the new PIN passes the rules here; the dialog stays
    open until accepted, `refused` or `own_pin_refused`."""

    pin_given = Signal(str, str, str)

    def __init__(
        self, supervisor: str, accounts: list[Account], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ResetPinDialog()
        self.ui.setupUi(self)
        self.supervisor = supervisor
        self.accounts = accounts
        self.ok_button = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self.ui.messageLabel.hide()
        for edit in self._pin_edits():
            edit.textChanged.connect(self._enable)
        self.ui.officerCombo.currentIndexChanged.connect(self._enable)
        self.ui.buttonBox.accepted.connect(self._ok)
        self.ui.buttonBox.rejected.connect(self.reject)
        self._describe()
        self._enable()

    def _describe(self) -> None:
        self.ui.explanationLabel.setText(
            self.tr(
                "{supervisor}: choose the officer and type their new PIN twice. A PIN is 4 to "
                "12 digits; PINs that are easy to guess are refused. The new PIN lifts a lock "
                "after wrong PINs, and the officer's old PIN stops working. Tell the officer "
                "the PIN in person; they can change it with Shift → Change my PIN. Confirm "
                "with your own PIN: a wrong one counts towards the lock of your account, as "
                "at sign-in."
            ).format(supervisor=self.supervisor)
        )
        combo = self.ui.officerCombo
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        now = datetime.now(UTC)
        for account in self.accounts:
            combo.addItem(self._entry(account, now), account.officer.code)
        if chosen is not None:
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
        combo.blockSignals(False)
        self._fit()

    def _entry(self, account: Account, now: datetime) -> str:
        officer = account.officer
        if not account.has_pin:
            return self.tr("{code} — {name} (no PIN yet)").format(
                code=officer.code, name=officer.name
            )
        if account.locked_until is not None and account.locked_until > now:
            return self.tr("{code} — {name} (locked until {time})").format(
                code=officer.code,
                name=officer.name,
                time=officers.lock_end_text(account.locked_until, now),
            )
        return self.tr("{code} — {name}").format(code=officer.code, name=officer.name)

    def chosen(self) -> str:
        return str(self.ui.officerCombo.currentData() or "")

    def _pin_edits(self) -> tuple[QLineEdit, ...]:
        return (self.ui.newPinEdit, self.ui.newPinAgainEdit, self.ui.ownPinEdit)

    def _enable(self) -> None:
        self.ok_button.setEnabled(
            bool(self.chosen()) and all(edit.text() for edit in self._pin_edits())
        )

    def _ok(self) -> None:
        ui = self.ui
        code, new, own = self.chosen(), ui.newPinEdit.text(), ui.ownPinEdit.text()
        if not code:
            return
        if new != ui.newPinAgainEdit.text():
            self._say(self.tr("The two new PINs differ; type the same PIN twice."))
            ui.newPinAgainEdit.clear()
            ui.newPinAgainEdit.setFocus()
            return
        if problem := pin_problem(new, code):
            self.refused(localised(problem))
            return
        self.ok_button.setEnabled(False)  # until the store has answered
        self.pin_given.emit(code, new, own)

    def refused(self, text: str) -> None:
        """A refusal, here or from the store: said, and the PINs typed cleared."""
        self._say(text)
        for edit in self._pin_edits():
            edit.clear()
        self.ui.newPinEdit.setFocus()
        self._enable()

    def own_pin_refused(self, text: str) -> None:
        """The supervisor's own PIN was wrong, or their account is locked: said, and that
        PIN cleared; the new one stays typed for another try."""
        self._say(text)
        self.ui.ownPinEdit.clear()
        self.ui.ownPinEdit.setFocus()
        self._enable()


def own_pin_text(supervisor: str, result: LoginResult) -> str:
    """What the dialog says when the supervisor's own PIN did not check out."""
    if result.locked_until is not None:
        return locked_text(supervisor, result.locked_until)
    return QCoreApplication.translate(
        "ResetPinDialog",
        "Your own PIN is wrong; nothing was changed. It counts as a wrong PIN for your "
        "account {supervisor}: {count} attempt(s) left before it is locked for {minutes} "
        "minutes.",
    ).format(
        supervisor=supervisor,
        count=result.attempts_left,
        minutes=int(result.next_lock.total_seconds() // 60),
    )


def locked_text(supervisor: str, until: datetime) -> str:
    return QCoreApplication.translate(
        "ResetPinDialog",
        "Too many wrong PINs: your account {supervisor} is locked until {time}, and cannot "
        "give anyone a new PIN until then. Nothing was changed.",
    ).format(supervisor=supervisor, time=officers.lock_end_text(until))


def _is_supervisor(session: Any) -> bool:
    return session is not None and session.officer.role in (Role.SUPERVISOR, Role.ADMIN)


def attach_reset_pin(window: Any) -> None:
    """Add the Shift menu's entry, after Change my PIN, shown only to a supervisor."""
    action = QAction(window)
    action.setObjectName("actionResetPin")
    action.setVisible(False)
    action.triggered.connect(lambda: open_reset_pin(window))
    window.ui.menuShift.insertAction(window.ui.actionSignOut, action)
    window.action_reset_pin = action
    name_reset_action(window)
    window.signed_in.connect(lambda _session: show_reset_action(window))
    window.ui.menuShift.aboutToShow.connect(lambda: show_reset_action(window))


def name_reset_action(window: Any) -> None:
    window.action_reset_pin.setText(
        QCoreApplication.translate("ResetPinDialog", "&Reset an officer's PIN…")
    )


def show_reset_action(window: Any) -> None:
    """The entry is there for a supervisor signed in, and for nobody else."""
    window.action_reset_pin.setVisible(_is_supervisor(window.session))


def open_reset_pin(window: Any) -> None:
    """Refuse anyone but a supervisor; otherwise read the accounts they may reset and open
    the dialog (or say there are none)."""
    session = window.session
    if session is None:
        return
    if not _is_supervisor(session):
        show_info(
            window,
            QCoreApplication.translate(
                "ResetPinDialog",
                "Only a supervisor can give another officer a new PIN. Ask a supervisor, or IT.",
            ),
        )
        return
    code = session.officer.code

    def read(store: Any) -> tuple[datetime | None, list[Account]]:
        own = officers.get_account(store, code)
        return (own.locked_until if own else None), officers.resettable_accounts(store, code)

    def found(answer: tuple[datetime | None, list[Account]]) -> None:
        locked_until, accounts = answer
        if window.session is not session:
            return  # signed out or locked meanwhile
        if locked_until is not None and locked_until > datetime.now(UTC):
            show_info(window, locked_text(code, locked_until))
            return
        if not accounts:
            show_info(
                window,
                QCoreApplication.translate(
                    "ResetPinDialog",
                    "There is no other officer on this workstation whose PIN you can reset "
                    "(an administrator's is IT's to reset).",
                ),
            )
            return
        _open(window, session, accounts)

    window.ops.run(
        as_signed_in(code, session.stamp, read),
        found,
        lambda error: show_info(window, error_text(error)),
    )


def _open(window: Any, session: Any, accounts: list[Account]) -> ResetPinDialog:
    dialog = ResetPinDialog(session.officer.code, accounts, window)
    dialog.setObjectName("resetPinDialog")
    dialog.finished.connect(dialog.deleteLater)
    window.dialog = dialog
    dialog.pin_given.connect(lambda code, pin, own: _reset(window, dialog, code, pin, own))
    dialog.open()
    return dialog


def _reset(window: Any, dialog: ResetPinDialog, code: str, pin: str, own: str) -> None:
    session = window.session
    if session is None:
        dialog.reject()
        return
    supervisor = session.officer.code

    def done(result: LoginResult) -> None:
        if not result.ok:
            dialog.own_pin_refused(own_pin_text(supervisor, result))
            return
        dialog.accept()
        show_info(
            window,
            QCoreApplication.translate(
                "ResetPinDialog",
                "{officer} has a new PIN and can sign in with it now. Tell it to them in "
                "person; they can change it with Shift → Change my PIN.",
            ).format(officer=code),
        )

    def failed(error: UserFacingError) -> None:
        dialog.refused(error_text(error))

    window.ops.run(
        as_signed_in(
            supervisor,
            session.stamp,
            lambda store: officers.reset_pin(
                store, code, pin, supervisor=supervisor, supervisor_pin=own
            ),
        ),
        done,
        failed,
    )
