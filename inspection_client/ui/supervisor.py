"""Supervisor actions: amend (a corrected copy) or void a saved record, and clear a traveller
or vehicle despite a watchlist hit — each approved by a supervisor's code and PIN typed on
the spot, even while an officer is signed in."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from typing import Any, cast

from pydantic import ValidationError
from PySide6.QtCore import QCoreApplication, QEvent, QTimer, Signal
from PySide6.QtWidgets import QDialog, QLabel, QStyle, QWidget

from inspection_client.domain.codes import Decision, RefusalGround
from inspection_client.domain.models import (
    Amendment,
    PassengerClearance,
    Record,
    RecordBody,
    VehicleClearance,
    Void,
)
from inspection_client.errors import UserFacingError
from inspection_client.store import companions, records, restore_hold
from inspection_client.store.database import Store
from inspection_client.store.officers import NotApproved, check_supervisor
from inspection_client.store.records import Draft
from inspection_client.ui.forms.ui_amend import Ui_AmendDialog
from inspection_client.ui.forms.ui_supervisor import Ui_SupervisorDialog
from inspection_client.ui.labels import PASSENGER_GROUNDS, VEHICLE_GROUNDS, fill_combo, select
from inspection_client.ui.messages import error_text
from inspection_client.ui.passenger import FormProblem, PassengerFields
from inspection_client.ui.problems import field_at_fault, form_problem, go_to_field
from inspection_client.ui.session import Session, as_signed_in
from inspection_client.ui.style import set_state
from inspection_client.ui.vehicle import VehicleFields


def approve_and_save(
    store: Store,
    supervisor: str,
    pin: str,
    build: Any,
    officer: str,
    shift_id: uuid.UUID | None,
) -> Record:
    """Check the supervisor's PIN and role, then save the body `build(code)` returns."""
    approver = check_supervisor(store, supervisor, pin)
    body: RecordBody = build(approver.code)
    return records.save(store, body, officer=officer, shift_id=shift_id)


def lift_hold_with_approval(
    store: Store, supervisor: str, pin: str, reason: str
) -> restore_hold.Lifted | None:
    """Check the supervisor, then lift the restore hold in their name (None: none was left)."""
    approver = check_supervisor(store, supervisor, pin)
    return restore_hold.lift(store, by=approver.code, reason=reason)


def save_with_approval(
    store: Store, supervisor: str, pin: str, drafts_for: Callable[[str], list[Draft]]
) -> list[Record]:
    """Check the supervisor, then save `drafts_for(code)` in one transaction."""
    approver = check_supervisor(store, supervisor, pin)
    return records.save_many(store, drafts_for(approver.code))


def missing_approval(ui: Any) -> tuple[str, QWidget] | None:
    """What the supervisor has not typed yet (code, then PIN), and its field; None when both
    are there. Said before the PIN is checked: an empty one would count as a wrong one."""
    if not ui.supervisorCodeEdit.text().strip():
        return (
            QCoreApplication.translate("SupervisorApproval", "Give the supervisor's code."),
            ui.supervisorCodeEdit,
        )
    if not ui.supervisorPinEdit.text():
        return (
            QCoreApplication.translate("SupervisorApproval", "Give the supervisor's PIN."),
            ui.supervisorPinEdit,
        )
    return None


def approval_at_fault(ui: Any, error: BaseException) -> QWidget | None:
    """The field a refused approval sends the supervisor back to: the PIN after a wrong code
    or PIN (a wrong PIN is by far the likelier), the code for an account that cannot approve
    (locked, or not a supervisor's). None for anything else (a full disk, a record voided
    meanwhile): no field is at fault."""
    if not isinstance(error, NotApproved):
        return None
    template = getattr(error.message, "template", "")
    if isinstance(template, str) and template.startswith("Wrong supervisor code or PIN"):
        return cast(QWidget, ui.supervisorPinEdit)
    return cast(QWidget, ui.supervisorCodeEdit)


def say_refused(ui: Any, text: str, field: QWidget | None) -> None:
    """Say in the dialog why it did not go through, and go to the field at fault, so that
    what the supervisor types next goes where it is needed. A PIN that was refused, or that
    belongs to a code that was, is cleared: it is typed again."""
    ui.messageLabel.setText(text)
    set_state(ui.messageLabel, "alert")
    if field in (ui.supervisorCodeEdit, ui.supervisorPinEdit):
        ui.supervisorPinEdit.clear()
    go_to_field(field)


class _Approval(QDialog):
    done = Signal(object)  # the saved Record

    def __init__(self, ops: Any, session: Session, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ops, self.session = ops, session

    def _submit(self, code: str, pin: str, build: Any) -> None:
        missing = missing_approval(self.ui)  # type: ignore[attr-defined]
        if missing is not None:
            self._refused(*missing)
            return
        shift = self.session.shift
        officer = self.session.officer.code
        self.ops.run(
            as_signed_in(
                self.session.officer.code,
                self.session.stamp,
                lambda store: approve_and_save(
                    store, code, pin, build, officer, shift.shift_id if shift else None
                ),
            ),
            self._saved,
            self._failed,
        )

    def _saved(self, record: Record) -> None:
        self.done.emit(record)
        self.accept()

    def _failed(self, error: UserFacingError) -> None:
        ui = self.ui  # type: ignore[attr-defined]
        say_refused(ui, error_text(error), approval_at_fault(ui, error))

    def _refused(self, text: str, field: QWidget | None) -> None:
        say_refused(self.ui, text, field)  # type: ignore[attr-defined]


class VoidDialog(_Approval):
    def __init__(
        self, ops: Any, session: Session, target: Record, parent: QWidget | None = None
    ) -> None:
        super().__init__(ops, session, parent)
        self.ui = Ui_SupervisorDialog()
        self.ui.setupUi(self)
        self.target = target
        self.setObjectName("voidDialog")
        self.setWindowTitle(self.tr("Void a record"))
        self.ui.actionLabel.setText(
            self.tr(
                "Void record #{seq}. It stays in the log, marked void, with the reason."
            ).format(seq=target.seq)
        )
        self.ui.buttonBox.accepted.connect(self.submit)
        self.ui.buttonBox.rejected.connect(self.reject)

    def submit(self) -> None:
        reason = self.ui.reasonEdit.toPlainText().strip()
        target_id = self.target.id
        try:
            Void(target_id=target_id, reason=reason, approved_by="SUP01")
        except ValidationError as error:
            self._refused(
                form_problem(error), field_at_fault(error, {"reason": self.ui.reasonEdit})
            )
            return
        self._submit(
            self.ui.supervisorCodeEdit.text().strip().upper(),
            self.ui.supervisorPinEdit.text(),
            lambda code: Void(target_id=target_id, reason=reason, approved_by=code),
        )


class AmendDialog(_Approval):
    """The lane form prefilled with the record's current content, plus the approval."""

    def __init__(
        self,
        ops: Any,
        session: Session,
        target: Record,
        current: PassengerClearance | VehicleClearance,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ops, session, parent)
        self.ui = Ui_AmendDialog()
        self.ui.setupUi(self)
        self.setObjectName("amendDialog")
        self.target, self.current = target, current
        self.fields: PassengerFields | VehicleFields
        if isinstance(current, PassengerClearance):
            self.fields = PassengerFields()
        else:
            self.fields = VehicleFields()
        self.ui.formHostLayout.addWidget(self.fields)
        self.fields.load(current)  # type: ignore[arg-type]
        if isinstance(self.fields, PassengerFields):
            self._offer_adults(self.fields, target, current)
        fill_combo(self.ui.decisionCombo, Decision)
        passenger = isinstance(current, PassengerClearance)
        fill_combo(self.ui.groundCombo, PASSENGER_GROUNDS if passenger else VEHICLE_GROUNDS)
        select(self.ui.decisionCombo, current.decision)
        select(self.ui.groundCombo, current.refusal_ground)
        # A ground goes with a refusal only: offered when Refused is chosen.
        self.ui.decisionCombo.currentIndexChanged.connect(self._offer_ground)
        self._offer_ground()
        self.ui.infoLabel.setText(
            self.tr(
                "Amend record #{seq}: correct the form, give the reason, "
                "and have a supervisor approve."
            ).format(seq=target.seq)
        )
        self.ui.buttonBox.accepted.connect(self.submit)
        self.ui.buttonBox.rejected.connect(self.reject)
        self._unshare_letters()
        self.fit_form()

    def available_height(self) -> int:
        """The height the dialog may take: its screen's, less a window title."""
        screen = (self.parentWidget() or self).screen()
        title = self.style().pixelMetric(QStyle.PixelMetric.PM_TitleBarHeight, None, self)
        return screen.availableGeometry().height() - title - 8

    def fit_form(self) -> None:
        """As tall as the whole form needs, up to the screen: the form is read and corrected
        as a whole, and the scroll box (whose own idea of its height predates the form) cut
        a row in half with room to spare."""
        self.ensurePolished()
        scroll, host = self.ui.formScroll, self.ui.formHost
        margins = self.layout().contentsMargins()
        width = self.width() - margins.left() - margins.right() - 2 * scroll.frameWidth()
        form = host.heightForWidth(width) if host.hasHeightForWidth() else -1
        form = max(form, host.sizeHint().height()) + 2 * scroll.frameWidth()
        layout = self.layout()
        whole = (
            layout.totalHeightForWidth(self.width())
            if layout.hasHeightForWidth()
            else layout.totalSizeHint().height()
        )
        rest = whole - scroll.sizeHint().height()
        height = min(max(rest + form, self.minimumHeight()), self.available_height())
        self.resize(self.width(), height)

    def _unshare_letters(self) -> None:
        """The form's fields give up the Alt letters the dialog's own fields use.

        The lane form keeps its letters at the lane, where officers learn them; here the
        decision, the reason and the supervisor's code and PIN come first, and a letter that
        led to two places would lead to neither reliably.
        """
        own = {
            letter
            for label in self.findChildren(QLabel)
            if not self.fields.isAncestorOf(label)
            for letter in mnemonics(label.text())
        }
        for label in self.fields.findChildren(QLabel):
            text = label.text()
            if any(letter in own for letter in mnemonics(text)):
                label.setText(without_mnemonic(text))

    def _offer_adults(self, fields: PassengerFields, target: Record, current: Any) -> None:
        """The adults of the record's shift, and the one it names: a wrong link is amended
        like any other field. A minor left without one needs no remark here (older records
        never had one)."""
        fields.unaccompanied_needs_remark = False
        named = current.accompanying_adult_id
        self.ops.run(
            lambda store: companions.recent_adults(store, target.shift_id, also=named),
            fields.set_adults,
            lambda _error: None,  # the one it names stays chosen; saving says what is wrong
        )

    def _offer_ground(self) -> None:
        refused = self.ui.decisionCombo.currentData() == Decision.REFUSED.value
        self.ui.groundCombo.setEnabled(refused)
        self.ui.groundComboLabel.setEnabled(refused)

    def replacement(self) -> PassengerClearance | VehicleClearance:
        decision = Decision(self.ui.decisionCombo.currentData())
        ground = (
            RefusalGround(self.ui.groundCombo.currentData())
            if decision is Decision.REFUSED
            else None
        )
        direction = self.current.direction
        if isinstance(self.fields, PassengerFields):
            assert isinstance(self.current, PassengerClearance)
            return self.fields.clearance(
                direction,
                decision,
                ground,
                vehicle_clearance_id=self.current.vehicle_clearance_id,
                watchlist=self.current.watchlist,
            )
        return self.fields.vehicle(direction, decision, ground, watchlist=self.current.watchlist)

    def submit(self) -> None:
        reason = self.ui.reasonEdit.text().strip()
        if not reason:
            self._refused(self.tr("Give the reason for the amendment."), self.ui.reasonEdit)
            return
        try:
            replacement = self.replacement()
            Amendment(
                target_id=self.target.id,
                reason=reason,
                approved_by="SUP01",
                replacement=replacement,
            )
        except FormProblem as problem:
            self._refused(str(problem), problem.field)
            return
        except ValidationError as error:
            self._refused(
                form_problem(error), field_at_fault(error, {"reason": self.ui.reasonEdit})
            )
            return
        target_id = self.target.id
        self._submit(
            self.ui.supervisorCodeEdit.text().strip().upper(),
            self.ui.supervisorPinEdit.text(),
            lambda code: Amendment(
                target_id=target_id, reason=reason, approved_by=code, replacement=replacement
            ),
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            # The form retranslates itself on its own event, which may come after this one.
            QTimer.singleShot(0, self._unshare_letters)
        super().changeEvent(event)


_MNEMONIC = re.compile(r"&([^&\s])")


def mnemonics(text: str) -> set[str]:
    """The Alt letters a label's text marks ("&Decision:" -> {"D"})."""
    return {match.group(1).upper() for match in _MNEMONIC.finditer(text)}


_BRACKETED = re.compile(r"[(（]&[^&\s][)）]")  # the Chinese way: "证件号码(&N)："


def without_mnemonic(text: str) -> str:
    """The text with its Alt letters unmarked ("&&" stays a literal ampersand); a letter
    given in brackets after the words goes with its brackets."""
    return _MNEMONIC.sub(lambda match: match.group(1), _BRACKETED.sub("", text))


class WatchlistApprovalDialog(QDialog):
    """Clearing despite a watchlist hit: a supervisor's code, PIN and the reason.

    `drafts_for(code, reason)` gives the drafts to save once the PIN checks out; `approved` carries
    the saved records.
    """

    approved = Signal(list)

    def __init__(
        self,
        ops: Any,
        drafts_for: Callable[[str, str], list[Draft]],
        summary: str,
        parent: QWidget | None = None,
        session: Session | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_SupervisorDialog()
        self.ui.setupUi(self)
        self.setObjectName("watchlistApprovalDialog")
        self.session = session  # whose records these are: saved only while signed in
        self.ops, self.drafts_for, self.summary = ops, drafts_for, summary
        self.ui.buttonBox.accepted.connect(self.submit)
        self.ui.buttonBox.rejected.connect(self.reject)
        self._texts()

    def _texts(self) -> None:
        self.setWindowTitle(self.tr("Clear despite a watchlist hit"))
        self.ui.actionLabel.setText(
            self.tr(
                "{summary}\nis on a watchlist. Clearing needs a supervisor's code and PIN "
                "and the reason; both are saved with the record."
            ).format(summary=self.summary)
        )
        set_state(self.ui.actionLabel, "alert")

    def submit(self) -> None:
        reason = self.ui.reasonEdit.toPlainText().strip()
        if not reason:
            text = self.tr("Give the reason for clearing despite the hit.")
            say_refused(self.ui, text, self.ui.reasonEdit)
            return
        missing = missing_approval(self.ui)
        if missing is not None:
            say_refused(self.ui, *missing)
            return
        code = self.ui.supervisorCodeEdit.text().strip().upper()
        pin = self.ui.supervisorPinEdit.text()
        drafts_for = self.drafts_for

        def work(store: Store) -> list[Record]:
            return save_with_approval(
                store, code, pin, lambda approver: drafts_for(approver, reason)
            )

        session = self.session
        self.ops.run(
            work if session is None else as_signed_in(session.officer.code, session.stamp, work),
            self._saved,
            self._failed,
        )

    def _saved(self, saved: list[Record]) -> None:
        self.approved.emit(saved)
        self.accept()

    def _failed(self, error: UserFacingError) -> None:
        self.ui.supervisorPinEdit.clear()  # as before: whatever went wrong, typed again
        say_refused(self.ui, error_text(error), approval_at_fault(self.ui, error))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._texts()
        super().changeEvent(event)
