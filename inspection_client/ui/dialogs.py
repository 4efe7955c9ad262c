"""Small dialogs of the working day: first-run setup, opening and closing a shift, settings,
and lifting a restored database's hold on new records."""

from __future__ import annotations

import secrets

from pydantic import ValidationError
from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from inspection_client.domain.codes import Direction, LaneKind, Role
from inspection_client.domain.models import Officer, Workstation
from inspection_client.domain.pins import guessable
from inspection_client.store.restore_hold import ROLLED_BACK_TITLE, Hold, describe
from inspection_client.store.shifts import ShiftCounts
from inspection_client.ui import language
from inspection_client.ui.forms.ui_close_shift import Ui_CloseShiftDialog
from inspection_client.ui.forms.ui_lift_hold import Ui_LiftHoldDialog
from inspection_client.ui.forms.ui_open_shift import Ui_OpenShiftDialog
from inspection_client.ui.forms.ui_settings import Ui_SettingsDialog
from inspection_client.ui.forms.ui_setup import Ui_SetupDialog
from inspection_client.ui.labels import fill_combo, label, select
from inspection_client.ui.messages import localised
from inspection_client.ui.problems import form_problem
from inspection_client.ui.style import set_state


class SetupDialog(QDialog):
    """First run: where this workstation serves and the first supervisor account.

    Given a `workstation` (one enrolled with the central but without any local account),
    its place is shown and kept, and only the supervisor account is asked for.
    """

    def __init__(
        self, parent: QWidget | None = None, workstation: Workstation | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_SetupDialog()
        self.ui.setupUi(self)
        self._fill()
        self.workstation = workstation
        if workstation is not None:
            self.ui.portEdit.setText(workstation.port_code)
            self.ui.laneEdit.setText(workstation.lane_id)
            select(self.ui.laneKindCombo, workstation.lane_kind)
            select(self.ui.directionCombo, workstation.default_direction)
            for field in (
                self.ui.portEdit,
                self.ui.laneEdit,
                self.ui.laneKindCombo,
                self.ui.directionCombo,
            ):
                field.setEnabled(False)
            self.ui.introLabel.setText(
                self.tr(
                    "This workstation ({workstation}) is set up but has no sign-in account "
                    "yet. Enter the first supervisor account."
                ).format(workstation=workstation.workstation_id)
            )
            self.ui.supervisorCodeEdit.setFocus()
        self.result_value: tuple[Workstation, Officer, str] | None = None
        self.ui.buttonBox.accepted.connect(self._check)
        self.ui.buttonBox.rejected.connect(self.reject)

    def _fill(self) -> None:
        fill_combo(self.ui.laneKindCombo, LaneKind)
        fill_combo(self.ui.directionCombo, Direction)

    def _check(self) -> None:
        ui = self.ui
        pin, again = ui.pinEdit.text(), ui.pinAgainEdit.text()
        problem = ""
        if pin != again:
            problem = self.tr("The two PINs differ; type the same PIN twice.")
        elif not (pin.isascii() and pin.isdigit() and 4 <= len(pin) <= 12):
            problem = self.tr("A PIN is 4 to 12 digits.")
        elif weak := guessable(pin, ui.supervisorCodeEdit.text().strip().upper()):
            problem = localised(weak)
        if not problem:
            port, lane = ui.portEdit.text().strip().upper(), ui.laneEdit.text().strip().upper()
            try:
                workstation = self.workstation or Workstation(
                    workstation_id=f"{port}-{lane}-{secrets.token_hex(3).upper()}",
                    port_code=port,
                    lane_id=lane,
                    lane_kind=LaneKind(ui.laneKindCombo.currentData()),
                    default_direction=Direction(ui.directionCombo.currentData()),
                )
                supervisor = Officer(
                    code=ui.supervisorCodeEdit.text().strip(),
                    name=ui.supervisorNameEdit.text().strip(),
                    role=Role.SUPERVISOR,
                )
            except ValidationError as error:
                problem = form_problem(error)
        if problem:
            ui.messageLabel.setText(problem)
            set_state(ui.messageLabel, "alert")
            return
        self.result_value = (workstation, supervisor, pin)
        self.accept()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._fill()
        super().changeEvent(event)


class OpenShiftDialog(QDialog):
    """Opening a shift: the lane is this workstation's; Enter accepts."""

    def __init__(
        self, workstation: Workstation, officer: Officer, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_OpenShiftDialog()
        self.ui.setupUi(self)
        self.workstation, self.officer = workstation, officer
        fill_combo(self.ui.directionCombo, Direction)
        select(self.ui.directionCombo, workstation.default_direction)
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setDefault(True)
        self._describe()

    def _describe(self) -> None:
        self.ui.infoLabel.setText(
            self.tr("{name} ({code}) has no open shift. Open one now?").format(
                name=self.officer.name, code=self.officer.code
            )
        )
        self.ui.laneValueLabel.setText(
            f"{self.workstation.lane_id} — {label(self.workstation.lane_kind)}"
        )

    def direction(self) -> Direction:
        return Direction(self.ui.directionCombo.currentData())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            fill_combo(self.ui.directionCombo, Direction)
            self._describe()
        super().changeEvent(event)


class CloseShiftDialog(QDialog):
    """Closing a shift: its counts, what is not yet synced, particular occurrences, confirm."""

    def __init__(self, counts: ShiftCounts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_CloseShiftDialog()
        self.ui.setupUi(self)
        self.counts = counts
        self.ok_button = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setEnabled(False)
        self.ui.confirmCheck.toggled.connect(self.ok_button.setEnabled)
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        self._describe()

    def _describe(self) -> None:
        by = self.counts.by_decision
        self.ui.countsLabel.setText(
            self.tr(
                "Clearances in this shift: {total} — cleared {cleared}, referred {referred}, "
                "refused {refused}."
            ).format(
                total=self.counts.total,
                cleared=by.get("cleared", 0),
                referred=by.get("referred", 0),
                refused=by.get("refused", 0),
            )
        )
        text = self.tr(
            "Records of this shift not yet synchronised with the central: {count}. They "
            "stay safely on this workstation and are sent later."
        ).format(count=self.counts.pending_sync)
        if self.counts.sync_problems:
            # Not "sent later": the central refused them, and they wait for a supervisor.
            text += "\n" + self.tr(
                "Not accepted by the central: {count} record(s), in Sync problems for a supervisor."
            ).format(count=self.counts.sync_problems)
        self.ui.pendingLabel.setText(text)

    def occurrences(self) -> str:
        return self.ui.occurrencesEdit.toPlainText().strip()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._describe()
        super().changeEvent(event)


class SettingsDialog(QDialog):
    def __init__(
        self, language_code: str, idle_minutes: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_SettingsDialog()
        self.ui.setupUi(self)
        for code, name in language.LANGUAGES:
            self.ui.languageCombo.addItem(name, code)
        select(self.ui.languageCombo, language_code)
        self.ui.idleSpin.setValue(idle_minutes)
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)

    def language(self) -> str:
        return str(self.ui.languageCombo.currentData())

    def idle_minutes(self) -> int:
        return int(self.ui.idleSpin.value())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
        super().changeEvent(event)


class LiftHoldDialog(QDialog):
    """A supervisor lifts a restored database's hold on new records (`store.restore_hold`):
    why, and a tick that says they know what it costs. Cancel waits for the sync.

    At sign-in the supervisor is the one signing in. From the menu, during anyone's shift,
    `ask_supervisor` adds a supervisor's code and PIN, typed on the spot; Ok then emits
    `approval_given(code, pin)` and the dialog stays open until `approved` or `refused`.
    """

    approval_given = Signal(str, str)

    def __init__(
        self, hold: Hold, parent: QWidget | None = None, *, ask_supervisor: bool = False
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_LiftHoldDialog()
        self.ui.setupUi(self)
        self.narrowest = self.minimumWidth()  # the form's; the layout's minimum takes over
        self.hold = hold
        self.ask_supervisor = ask_supervisor
        for widget in (
            self.ui.supervisorCodeEditLabel,
            self.ui.supervisorCodeEdit,
            self.ui.supervisorPinEditLabel,
            self.ui.supervisorPinEdit,
        ):
            widget.setVisible(ask_supervisor)
        self.ui.messageLabel.hide()
        self.ok_button = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self.ui.confirmCheck.toggled.connect(self._check)
        for edit in (self.ui.reasonEdit, self.ui.supervisorCodeEdit, self.ui.supervisorPinEdit):
            edit.textChanged.connect(self._check)
        self.ui.buttonBox.accepted.connect(self._ok)
        self.ui.buttonBox.rejected.connect(self.reject)
        self._describe()
        self._check()

    def _ok(self) -> None:
        if not self.ask_supervisor:
            self.accept()
            return
        self.ok_button.setEnabled(False)  # until the store has answered
        self.approval_given.emit(
            self.ui.supervisorCodeEdit.text().strip().upper(), self.ui.supervisorPinEdit.text()
        )

    def approved(self) -> None:
        self.accept()

    def refused(self, text: str) -> None:
        self.ui.messageLabel.setText(text)
        self.ui.messageLabel.show()
        set_state(self.ui.messageLabel, "alert")
        self.ui.supervisorPinEdit.clear()
        self.ui.supervisorPinEdit.setFocus()
        self._check()

    def _describe(self) -> None:
        if self.hold.rolled_back:  # found put back to an older copy, not restored
            self.setWindowTitle(localised(ROLLED_BACK_TITLE))
            self.ui.explanationLabel.setText(localised(describe(self.hold)))
            if not self.hold.enrolled:  # no central to wait for
                self.ui.reasonLabel.setText(self.tr("&Why the hold is lifted:"))
                self.ui.reasonEdit.setAccessibleName(self.tr("Why the hold is lifted"))
        else:
            self._describe_restore()
        self.ok_button.setText(self.tr("Lift the hold"))
        # The wrapped explanation needs its height at the dialog's narrowest, which the
        # layout does not ask for on its own: without it the text is cut off.
        margins = self.ui.mainLayout.contentsMargins()
        width = self.narrowest - margins.left() - margins.right()
        label = self.ui.explanationLabel
        label.setMinimumHeight(label.heightForWidth(width))

    def _describe_restore(self) -> None:
        self.ui.explanationLabel.setText(
            self.tr(
                "This lane database was restored on {since} from a backup that ends at record "
                "#{seq}. Records the lane saved after that backup are at the central, and a "
                "sync brings them back; until then, new records are held, because they would "
                "take the numbers of those records.\n\n"
                "Wait for the sync when the central can be reached (Cancel). Lift the hold only "
                "when the lane cannot wait: the central will then flag the records numbered "
                "twice, and IT must sort them out."
            ).format(since=self.hold.when, seq=self.hold.head_seq)
        )

    def _check(self) -> None:
        ready = self.ui.confirmCheck.isChecked() and bool(self.reason())
        if self.ask_supervisor:
            ready = ready and bool(self.ui.supervisorCodeEdit.text().strip())
            ready = ready and bool(self.ui.supervisorPinEdit.text())
        self.ok_button.setEnabled(ready)

    def reason(self) -> str:
        return self.ui.reasonEdit.text().strip()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._describe()
        super().changeEvent(event)
