"""The lane screens: one form, four keys. Ctrl+Return clears, F8 refers, F9 refuses, F6 turns.

A save goes through the store worker; only when it has succeeded is the form cleared and the
record put at the top of "today at this lane". A failed save leaves the form as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QListWidgetItem, QWidget

from inspection_client.domain.codes import Decision, Direction, LaneKind, RefusalGround
from inspection_client.domain.models import Record
from inspection_client.errors import UserFacingError
from inspection_client.store import history, records
from inspection_client.store.history import HistoryRow
from inspection_client.store.records import Draft
from inspection_client.ui.forms.ui_lane import Ui_LaneScreen
from inspection_client.ui.forms.ui_refusal import Ui_RefusalDialog
from inspection_client.ui.labels import fill_combo, label
from inspection_client.ui.messages import show_problem
from inspection_client.ui.passenger import FormProblem, PassengerFields
from inspection_client.ui.session import Session
from inspection_client.ui.style import set_state
from inspection_client.ui.vehicle import VehicleFields

PASSENGER_GROUNDS = [g for g in RefusalGround if not g.value.startswith("V")]
# Vehicle and cargo grounds first at a vehicle lane; the document grounds still apply to drivers.
VEHICLE_GROUNDS = [g for g in RefusalGround if g.value.startswith("V")] + PASSENGER_GROUNDS


class RefusalDialog(QDialog):
    """Asks for the coded ground of a refusal."""

    def __init__(self, grounds: list[RefusalGround], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_RefusalDialog()
        self.ui.setupUi(self)
        self._grounds = grounds
        fill_combo(self.ui.groundCombo, grounds)
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setDefault(True)

    def ground(self) -> RefusalGround:
        return RefusalGround(self.ui.groundCombo.currentData())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            fill_combo(self.ui.groundCombo, self._grounds)
        super().changeEvent(event)


class LaneScreen(QWidget):
    """Shared by the passenger and vehicle lanes; `fields` is the lane's own form."""

    saved = Signal(list)  # the saved records
    direction_changed = Signal(str)

    def __init__(
        self, ops: Any, fields: PassengerFields | VehicleFields, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_LaneScreen()
        self.ui.setupUi(self)
        self.ops = ops
        self.fields = fields
        self.ui.fieldsHostLayout.addWidget(fields)
        self.session: Session | None = None
        self.direction = Direction.ENTRY
        self.saving = False
        self.refusal_dialog: RefusalDialog | None = None
        self._keys()
        self.ui.clearButton.clicked.connect(lambda: self.decide(Decision.CLEARED))
        self.ui.referButton.clicked.connect(lambda: self.decide(Decision.REFERRED))
        self.ui.refuseButton.clicked.connect(lambda: self.decide(Decision.REFUSED))
        set_state(self.ui.clearButton, "cleared")
        set_state(self.ui.referButton, "referred")
        set_state(self.ui.refuseButton, "refused")
        self._show_direction()
        self.retranslate()

    def _keys(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        bindings: list[tuple[str, Callable[[], None]]] = [
            ("Ctrl+Return", lambda: self.decide(Decision.CLEARED)),
            ("Ctrl+Enter", lambda: self.decide(Decision.CLEARED)),
            ("F8", lambda: self.decide(Decision.REFERRED)),
            ("F9", lambda: self.decide(Decision.REFUSED)),
            ("F6", self.toggle_direction),
        ]
        self._shortcuts = []
        for keys, action in bindings:
            shortcut = QShortcut(QKeySequence(keys), self, context=context)
            shortcut.activated.connect(action)
            self._shortcuts.append(shortcut)

    # -- overridden by the two lanes ------------------------------------------------------

    lane_kind = LaneKind.PASSENGER
    grounds = PASSENGER_GROUNDS

    def title(self) -> str:
        return label(self.lane_kind)

    def build_drafts(self, decision: Decision, ground: RefusalGround | None) -> list[Draft]:
        raise NotImplementedError

    # -- session ----------------------------------------------------------------------------

    def set_session(self, session: Session | None) -> None:
        self.session = session
        if session is not None:
            self.direction = session.direction
            self._show_direction()
            self.load_today()

    def toggle_direction(self) -> None:
        self.direction = Direction.EXIT if self.direction is Direction.ENTRY else Direction.ENTRY
        self._show_direction()
        self.direction_changed.emit(self.direction.value)

    def set_direction(self, direction: Direction) -> None:
        self.direction = direction
        self._show_direction()

    def _show_direction(self) -> None:
        arrow = "→" if self.direction is Direction.ENTRY else "←"
        self.ui.directionLabel.setText(f"{arrow} {label(self.direction).upper()}")
        set_state(self.ui.directionLabel, self.direction.value)

    # -- deciding and saving ----------------------------------------------------------------

    def decide(self, decision: Decision) -> None:
        if self.saving or self.session is None:
            return
        if decision is Decision.REFUSED:
            dialog = RefusalDialog(self.grounds, self)
            dialog.setObjectName("refusalDialog")
            dialog.accepted.connect(lambda: self._save(decision, dialog.ground()))
            dialog.finished.connect(dialog.deleteLater)
            dialog.finished.connect(lambda _: self.fields.focus_start())
            self.refusal_dialog = dialog
            dialog.open()
            return
        self._save(decision, None)

    def _save(self, decision: Decision, ground: RefusalGround | None) -> None:
        try:
            drafts = self.build_drafts(decision, ground)
        except FormProblem as problem:
            self.show_message(str(problem), "alert")
            return
        self.saving = True
        self.show_message(self.tr("Saving…"), "idle")
        self.ops.run(lambda store: records.save_many(store, drafts), self._saved, self._failed)

    def _saved(self, saved: list[Record]) -> None:
        self.saving = False
        main = saved[-1]
        who = self.fields.summary()
        self.fields.clear()
        self.fields.focus_start()
        decision = getattr(main.body, "decision", None)
        self.show_message(
            self.tr("Saved #{seq}: {decision} — {who}").format(
                seq=main.seq, decision=label(decision) if decision else "", who=who
            ),
            "ok",
        )
        self.load_today()
        self.saved.emit(saved)

    def _failed(self, error: UserFacingError) -> None:
        self.saving = False
        self.show_message(
            self.tr("NOT SAVED — the form is kept. {error}").format(error=error), "alert"
        )
        show_problem(self, str(error), self.tr("Not saved"))

    def show_message(self, text: str, state: str) -> None:
        self.ui.formMessageLabel.setText(text)
        set_state(self.ui.formMessageLabel, state)

    # -- today at this lane -----------------------------------------------------------------

    def load_today(self) -> None:
        self.ops.run(lambda store: history.today_at_lane(store), self._show_today)

    def _show_today(self, rows: list[HistoryRow]) -> None:
        listing = self.ui.todayList
        listing.clear()
        listing.ensurePolished()  # the style sheet's font, not the default one
        metrics = QFontMetrics(listing.font())
        # Chinese falls back to a taller font than Latin: measure both on both lines.
        least = metrics.boundingRect(QRect(0, 0, 2000, 200), 0, "国Ag\n国Ag").height()
        for row in rows:
            time = row.recorded_at[11:16]
            decision = label(Decision(row.decision)) if row.decision else ""
            direction = label(Direction(row.direction)) if row.direction else ""
            item = QListWidgetItem(f"{time}  {direction}  {decision}\n{row.who} · {row.document}")
            height = metrics.boundingRect(QRect(0, 0, 2000, 200), 0, item.text()).height()
            item.setSizeHint(QSize(0, max(height, least) + 14))
            listing.addItem(item)

    # -- language ---------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.ui.laneTitleLabel.setText(self.title())
        self._show_direction()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self.retranslate()
            self.load_today() if self.session is not None else None
        super().changeEvent(event)


class PassengerLane(LaneScreen):
    lane_kind = LaneKind.PASSENGER
    grounds = PASSENGER_GROUNDS

    def __init__(self, ops: Any, parent: QWidget | None = None) -> None:
        super().__init__(ops, PassengerFields(), parent)
        self.setObjectName("passengerLane")
        self.passenger: PassengerFields = self.fields  # type: ignore[assignment]

    def build_drafts(self, decision: Decision, ground: RefusalGround | None) -> list[Draft]:
        assert self.session is not None
        body = self.passenger.clearance(self.direction, decision, ground)
        shift = self.session.shift
        return [Draft(body, self.session.officer.code, shift.shift_id if shift else None)]


class VehicleLane(LaneScreen):
    lane_kind = LaneKind.VEHICLE
    grounds = VEHICLE_GROUNDS

    def __init__(self, ops: Any, parent: QWidget | None = None) -> None:
        super().__init__(ops, VehicleFields(), parent)
        self.setObjectName("vehicleLane")
        self.vehicle: VehicleFields = self.fields  # type: ignore[assignment]
        self.vehicle.message.connect(self.show_message)

    def build_drafts(self, decision: Decision, ground: RefusalGround | None) -> list[Draft]:
        assert self.session is not None
        shift = self.session.shift
        return self.vehicle.drafts(
            self.direction,
            decision,
            ground,
            self.session.officer.code,
            shift.shift_id if shift else None,
        )
