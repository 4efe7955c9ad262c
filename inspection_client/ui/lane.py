"""The lane screens: one form, four keys. Ctrl+Return clears, F8 refers, F9 refuses, F6 turns.

A save goes through the store worker; only when it has succeeded is the form cleared and the
record put at the top of "today at this lane". A failed save leaves the form as it was.
Every record is checked against the watchlist before the decision: a hit shows a red band,
beeps and opens the alert dialog; clearing despite a hit needs a supervisor.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFontMetrics, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QListWidgetItem,
    QMessageBox,
    QScrollArea,
    QWidget,
)

from inspection_client.domain.codes import Decision, Direction, LaneKind, RefusalGround
from inspection_client.domain.models import (
    REMARKS_MAX,
    PassengerClearance,
    Record,
    VehicleClearance,
    WatchlistHit,
)
from inspection_client.errors import UserFacingError
from inspection_client.store import companions, crossings, history, records
from inspection_client.store.history import HistoryRow
from inspection_client.store.records import Draft
from inspection_client.ui.crossing_note import CrossingNote, Identity, Source
from inspection_client.ui.forms.ui_lane import Ui_LaneScreen
from inspection_client.ui.forms.ui_refusal import Ui_RefusalDialog
from inspection_client.ui.labels import (
    PASSENGER_GROUNDS,
    VEHICLE_GROUNDS,
    document_text,
    fill_combo,
    label,
)
from inspection_client.ui.messages import error_text, show_problem
from inspection_client.ui.passenger import FormProblem, PassengerFields
from inspection_client.ui.problems import go_to_field
from inspection_client.ui.scan_guard import guard_against_scans
from inspection_client.ui.session import Session, as_signed_in
from inspection_client.ui.style import set_state
from inspection_client.ui.supervisor import WatchlistApprovalDialog
from inspection_client.ui.vehicle import VehicleFields
from inspection_client.ui.watchlist_alert import (
    WatchlistAlertDialog,
    hit_line,
    hits_of,
    source_for,
    with_watchlist,
)
from inspection_client.watchlist.check import WatchlistCheckResult


class RefusalDialog(QDialog):
    """Asks for the coded ground of a refusal."""

    def __init__(self, grounds: list[RefusalGround], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_RefusalDialog()
        self.ui.setupUi(self)
        self._grounds = grounds
        self._fill()
        # No ground is chosen for the officer: a stray Enter would otherwise record the first
        # one. OK waits for a choice (arrows or the ground's letter, then Enter).
        combo = self.ui.groundCombo
        combo.setCurrentIndex(-1)
        ok = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)
        combo.currentIndexChanged.connect(lambda index: ok.setEnabled(index >= 0))
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        ok.setDefault(True)

    def _fill(self) -> None:
        combo = self.ui.groundCombo
        chosen = combo.currentIndex()
        fill_combo(combo, self._grounds)
        combo.setCurrentIndex(chosen)  # none stays none

    def accept(self) -> None:
        if self.ui.groundCombo.currentIndex() < 0:
            self.ui.groundCombo.setFocus()
            return
        super().accept()

    def ground(self) -> RefusalGround:
        return RefusalGround(self.ui.groundCombo.currentData())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._fill()
        super().changeEvent(event)


class WheelGuard(QObject):
    """The mouse wheel over a choice or a number the officer is not editing scrolls the form.

    Without it, scrolling the form over a combo box or a spin box changes the purpose, the
    traveller's role or the gross weight without a word. Guarded widgets take focus from a
    click or Tab only, never from the wheel; once focused, the wheel changes them as usual.
    """

    def guard(self, form: QWidget) -> None:
        for widget in (*form.findChildren(QComboBox), *form.findChildren(QAbstractSpinBox)):
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        wheel = event.type() == QEvent.Type.Wheel
        if wheel and isinstance(watched, QWidget) and not watched.hasFocus():
            scroll = _scroll_area_of(watched)
            if scroll is not None:
                QApplication.sendEvent(scroll.viewport(), event)
            return True
        return super().eventFilter(watched, event)


def _scroll_area_of(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    return parent


class FormFirst(QObject):
    """Keeps the form's scroll area as wide as the fields need, whatever they show.

    A scroll area asks the layout for no width of its own, so on a 1024 px screen the list of
    today's records took its share and the MRZ boxes went under a horizontal scroll bar,
    half out of sight. The list gives way instead (it is there for a glance, not for work),
    down to its own least width (its title's): past that the form scrolls, and the window
    never grows wider than the screen.
    """

    def __init__(
        self, lane: QWidget, scroll: QScrollArea, fields: QWidget, beside: QWidget, gap: int
    ) -> None:
        super().__init__(scroll)
        self._lane = lane
        self._scroll = scroll
        self._fields = fields
        self._beside = beside
        self._gap = gap
        fields.installEventFilter(self)
        lane.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A section shown or hidden, a language change, a style, a narrower window.
        if event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Show, QEvent.Type.Resize):
            self.fit()
        return False

    def fit(self) -> None:
        scroll = self._scroll
        bar = scroll.verticalScrollBar().sizeHint().width()
        # A viewport exactly as wide as the fields still gets a horizontal bar: a few pixels
        # more keep it away.
        # Where there is room, also what the fields would like more (a long choice whole).
        wanted = getattr(self._fields, "wanted_width", lambda: 0)()
        need = self._fields.minimumSizeHint().width() + wanted
        need += 2 * scroll.frameWidth() + bar + 4
        layout = self._lane.layout()
        margins = layout.contentsMargins() if layout is not None else self._lane.contentsMargins()
        room = self._lane.width() - margins.left() - margins.right()
        room -= self._beside.minimumSizeHint().width() + self._gap
        need = max(0, min(need, room))
        if scroll.minimumWidth() != need:
            scroll.setMinimumWidth(need)


# "Today at this lane": the colours of the decision buttons, darkened to read as text; a
# cleared record in the list's own colour.
_DECISION_COLOURS = {
    "referred": "#a84300",
    "refused": "#a51d1d",
    "voided": "#6c757d",
}

# The width a watchlist note in the lane's header is left at least ("✓ Watchlist v12: no
# hit" on one line; "not available" in two or three) before the keys' hint wraps.
_NOTE_ROOM = 300


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
        self._form_first = FormFirst(
            self,
            self.ui.fieldsScroll,
            fields,
            beside=self.ui.todayFrame,
            gap=self.ui.bodyLayout.spacing(),
        )
        self._wheel_guard = WheelGuard(self)
        self._wheel_guard.guard(fields)
        self.session: Session | None = None
        self.direction = Direction.ENTRY
        self.saving = False
        self.refusal_dialog: RefusalDialog | None = None
        self.alert_dialog: WatchlistAlertDialog | None = None
        self._focus_before_alert: QWidget | None = None  # where the officer was scanning
        self.approval_dialog: WatchlistApprovalDialog | None = None
        self.clear_question: QMessageBox | None = None
        # The field the officer was in when a decision opened a dialog: going back to the
        # form goes back there, so the next scan lands where it did before.
        self._focus_before: QWidget | None = None
        self.hits: list[WatchlistHit] = []
        self.crossing_note: CrossingNote | None = None  # made by each kind of lane
        self._scan_lost = False  # a scan dropped by a question box, to be said after the save
        self._seen: set[tuple[str, str]] = set()  # hits the officer has been shown
        self._checked = False
        self._problem_said = False  # the message under the form says what to fix in it
        self.watchlist = source_for(ops)
        self.watchlist.changed.connect(self._watchlist_reloaded)
        fields.changed.connect(self.check_watchlist)
        fields.changed.connect(self._problem_outdated)
        # What the message says of a field (a scan refused there, a value found wanting) no
        # longer stands once the officer types in the form again.
        for edit in fields.findChildren(QLineEdit):
            edit.textEdited.connect(lambda _text: self._problem_outdated())
        fields.typed_guard.refused.connect(self._refusal_said)
        self._keys()
        self.ui.clearButton.clicked.connect(lambda: self.decide(Decision.CLEARED))
        self.ui.referButton.clicked.connect(lambda: self.decide(Decision.REFERRED))
        self.ui.refuseButton.clicked.connect(lambda: self.decide(Decision.REFUSED))
        set_state(self.ui.clearButton, "cleared")
        set_state(self.ui.referButton, "referred")
        set_state(self.ui.refuseButton, "refused")
        self._show_direction()
        self.retranslate()
        # Tabbing scrolls the form by itself; focus set by the program (back to the first
        # field after a save, a reader's burst) must too, or the officer types out of sight.
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._follow_focus)

    def _follow_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        scroll = self.ui.fieldsScroll
        if new is not None and scroll.isAncestorOf(new):
            scroll.ensureWidgetVisible(new, 0, 24)

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

    def watch_results(self) -> list[WatchlistCheckResult]:
        """The watchlist results for what the form holds so far."""
        raise NotImplementedError

    # -- session ----------------------------------------------------------------------------

    def set_session(self, session: Session | None) -> None:
        self.session = session
        if session is not None:
            self.direction = session.direction
            self._show_direction()
            self.load_today()
            self.watchlist.refresh()
        else:
            self._forget_watchlist()

    def toggle_direction(self) -> None:
        self.direction = Direction.EXIT if self.direction is Direction.ENTRY else Direction.ENTRY
        self._show_direction()
        self.direction_changed.emit(self.direction.value)

    def set_direction(self, direction: Direction) -> None:
        self.direction = direction
        self._show_direction()
        if self.crossing_note is not None:
            self.crossing_note.say()

    def _show_direction(self) -> None:
        arrow = "→" if self.direction is Direction.ENTRY else "←"
        self.ui.directionLabel.setText(f"{arrow} {label(self.direction).upper()}")
        set_state(self.ui.directionLabel, self.direction.value)

    # -- deciding and saving ----------------------------------------------------------------

    def decide(self, decision: Decision) -> None:
        if self.saving or self.session is None:
            return
        if self.fields.is_blank() and self.ui.formMessageLabel.property("state") == "ok":
            # A second Ctrl+Return after a save: the empty form keeps saying what was saved
            # (a red "scan the document" over it read as a save that failed).
            return
        focused = QApplication.focusWidget()
        self._focus_before = (
            focused if focused is not None and self.fields.isAncestorOf(focused) else None
        )
        if decision is Decision.REFUSED:
            dialog = RefusalDialog(self.grounds, self)
            dialog.setObjectName("refusalDialog")
            # A letter typed into the grounds' list chooses a ground: never a scan's.
            self._guard(dialog, dialog.ui.groundCombo)
            dialog.accepted.connect(lambda: self._save(decision, dialog.ground()))
            dialog.finished.connect(dialog.deleteLater)
            dialog.finished.connect(lambda _: self._back_to_the_form())
            self.refusal_dialog = dialog
            dialog.open()
            return
        doubts = self.fields.doubts() if decision is Decision.CLEARED else []
        if doubts:
            try:
                self.build_drafts(decision, None)  # a form that cannot be saved is not asked
            except FormProblem as problem:
                self._show_form_problem(problem)
                return
            self._ask_clear_despite(doubts)
            return
        self._save(decision, None)

    def _show_form_problem(self, problem: FormProblem) -> None:
        """Say what to fix and go to it, selected: the officer corrects it at once (after a
        refusal's dialog too, which would otherwise go back to the field the officer was in)."""
        self.show_message(str(problem), "alert")
        self._problem_said = True
        if problem.field is not None and problem.field.isVisible():
            self._focus_before = problem.field
            go_to_field(problem.field)

    def _back_to_the_form(self) -> None:
        """After a dialog: the field the officer was in, unless a save is under way or done
        (its end starts the next traveller or vehicle at the first field)."""
        widget, self._focus_before = self._focus_before, None
        # Without a window manager (a kiosk session) nothing else makes the window active
        # again, and its shortcuts (Ctrl+Return, F8, Alt+letters) would not fire.
        self.window().activateWindow()
        if self.saving:
            return
        if widget is not None and widget.isVisible() and self.fields.isAncestorOf(widget):
            widget.setFocus()
        else:
            self.fields.focus_start()

    def _ask_clear_despite(self, doubts: list[str]) -> None:
        """Clearing over a failed MRZ check or an expired document is a choice made twice.

        The default answer goes back to the form, so a second Ctrl+Return or a stray Enter
        does not clear; referring (F8) and refusing (F9) never ask.
        """
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Clear despite the warnings?"),
            "\n".join(f"⚠ {doubt}" for doubt in doubts)
            + "\n\n"
            + self.tr("Compare the documents with the form. Clear anyway?"),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setObjectName("clearDespiteQuestion")
        clear = box.addButton(self.tr("&Clear anyway"), QMessageBox.ButtonRole.AcceptRole)
        back = box.addButton(self.tr("&Back to the form"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(back)
        box.setEscapeButton(back)
        self._guard(box)  # before the answer is acted on: a save says the scan was lost too
        box.finished.connect(
            lambda _: (
                self._save(Decision.CLEARED, None, despite=doubts)
                if box.clickedButton() is clear
                else None
            )
        )
        box.finished.connect(box.deleteLater)
        box.finished.connect(lambda _: self._back_to_the_form())
        self.clear_question = box
        box.open()

    def _save(
        self, decision: Decision, ground: RefusalGround | None, despite: list[str] | None = None
    ) -> None:
        """Save what the form holds as `decision`; `despite` the doubts the officer was
        asked about and cleared over, which the record's remarks then keep."""
        try:
            drafts = self.build_drafts(decision, ground)
        except FormProblem as problem:
            self._show_form_problem(problem)
            return
        if despite:
            note = self.tr("Cleared despite: {doubts}").format(doubts="; ".join(despite))
            drafts = with_remark(drafts, note)
        if not self.watchlist.ready:
            self.watchlist.refresh()
            if not self.watchlist.ready:
                self.show_message(
                    self.tr("The watchlist is still loading — decide again in a moment."), "alert"
                )
                return
        # What is saved is checked as it will be saved, whatever the live checks saw.
        try:
            results = self.watchlist.check_drafts(drafts)
        except UserFacingError as error:
            # The officer decided expecting a check that could not be made: nothing is saved
            # this time; the band now says that records are saved as not checked.
            self._failed(error)
            return
        hits = hits_of(results)
        self._checked = True
        self._show_band(hits)
        if any((h.list_name, h.entry_id) not in self._seen for h in hits):
            self.raise_alert(hits)
            return
        if hits and decision is Decision.CLEARED:
            self._ask_supervisor(drafts, results)
            return
        self._store(with_watchlist(drafts, results, decision))

    def _ask_supervisor(
        self, drafts: list[Draft], results: list[WatchlistCheckResult | None]
    ) -> None:
        dialog = WatchlistApprovalDialog(
            self.ops,
            lambda code, reason: with_watchlist(
                drafts, results, Decision.CLEARED, approved_by=code, approval_reason=reason
            ),
            self.fields.summary(),
            self,
            self.session,
        )
        dialog.approved.connect(self._saved)
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(lambda _: self._back_to_the_form())
        self.approval_dialog = dialog
        self.show_message(self.tr("Clearing despite a watchlist hit needs a supervisor."), "alert")
        dialog.open()

    def _guard(self, dialog: QDialog, choice: QComboBox | None = None) -> None:
        """Keep a scan made while `dialog` is open from answering it (`ScanGuard`); once
        it is closed, say that the scan was not used."""
        guard = guard_against_scans(dialog, choice)
        dialog.finished.connect(lambda _result: self._scan_dropped(guard.dropped))

    def _scan_dropped(self, keys: int) -> None:
        if keys:
            self._scan_lost = True
            # Once the answer has been acted on: a save under way says it with its result.
            QTimer.singleShot(0, self._say_scan_lost)

    def _say_scan_lost(self) -> None:
        if self.saving or not self._scan_lost:
            return  # `_saved` says it, or has said it
        self._scan_lost = False
        shown = self.ui.formMessageLabel
        saved = shown.text() if shown.property("state") == "ok" else ""
        lost = "⚠ " + self._scan_lost_text()
        self.show_message(f"{saved}\n{lost}" if saved else lost, "warning")

    def _scan_lost_text(self) -> str:
        return self.tr("A scan arrived while a question was open and was not used: scan it again.")

    def _store(self, drafts: list[Draft]) -> None:
        assert self.session is not None
        self.saving = True
        self.show_message(self.tr("Saving…"), "idle")
        self.ops.run(
            as_signed_in(
                self.session.officer.code,
                self.session.stamp,
                lambda store: records.save_many(store, drafts),
            ),
            self._saved,
            self._failed,
        )

    def _saved(self, saved: list[Record]) -> None:
        self.saving = False
        main = saved[-1]
        who = self.fields.summary()
        self.fields.clear()
        self._focus_before = None
        self.fields.focus_start()
        self._forget_watchlist()
        decision = getattr(main.body, "decision", None)
        said = self.tr("Saved #{seq}: {decision} — {who}").format(
            seq=main.seq, decision=label(decision) if decision else "", who=who
        )
        if self._scan_lost:
            self._scan_lost = False
            self.show_message(said + "\n⚠ " + self._scan_lost_text(), "warning")
        else:
            self.show_message(said, "ok")
        self.load_today()
        self.saved.emit(saved)

    def _failed(self, error: UserFacingError) -> None:
        self.saving = False
        self.show_message(
            self.tr("NOT SAVED — the form is kept. {error}").format(error=error_text(error)),
            "alert",
        )
        show_problem(self, error_text(error), self.tr("Not saved"))

    def show_message(self, text: str, state: str) -> None:
        self._problem_said = False
        self.ui.formMessageLabel.setText(text)
        set_state(self.ui.formMessageLabel, state)

    def _refusal_said(self, _text: str) -> None:
        """The fields have just said (`message`) what a field refused: a problem of the form."""
        self._problem_said = True

    def _problem_outdated(self) -> None:
        """The form changed since it was found wanting: what it said may no longer hold (it
        is said again at the next decision if it does)."""
        if self._problem_said:
            self.show_message("", "")

    # -- watchlist --------------------------------------------------------------------------

    def check_watchlist(self) -> None:
        """Check what the form holds now; alert on hits the officer has not been shown."""
        if not self.watchlist.ready:
            return
        hits = hits_of(self.watch_results())
        self._checked = True
        self._show_band(hits)
        if any((h.list_name, h.entry_id) not in self._seen for h in hits):
            self.raise_alert(hits)

    def raise_alert(self, hits: list[WatchlistHit]) -> None:
        """Band, sound and the modal dialog: an alert the officer cannot miss."""
        self._seen.update((h.list_name, h.entry_id) for h in hits)
        self._show_band(hits)
        QApplication.beep()
        if self.alert_dialog is not None:
            self.alert_dialog.close()
        # Where the officer was scanning (a container, a VIN): the focus goes back there.
        focused = QApplication.focusWidget()
        self._focus_before_alert = focused if focused and self.isAncestorOf(focused) else None
        dialog = WatchlistAlertDialog(hits, self.fields.summary(), self)
        self._guard(dialog)  # a scan's Enter would close the alert unread
        dialog.finished.connect(self._alert_closed)
        dialog.finished.connect(dialog.deleteLater)
        self.alert_dialog = dialog
        # Below the band, so that the band stays in sight while the dialog is up (a position
        # set before showing is kept; Qt would centre it over the lane otherwise).
        dialog.adjustSize()
        self.ui.laneLayout.activate()  # the band has just grown: place it first
        band = self.ui.watchlistBand
        top = band.mapToGlobal(band.rect().bottomLeft()).y() + 6
        left = self.mapToGlobal(self.rect().center()).x() - dialog.width() // 2
        available = self.screen().availableGeometry()
        if top + dialog.height() <= available.bottom():
            dialog.move(max(available.left(), left), top)
        dialog.open()

    def _alert_closed(self, result: int) -> None:
        self.alert_dialog = None
        before, self._focus_before_alert = self._focus_before_alert, None
        if before is not None and before.isVisible() and before.isEnabled():
            before.setFocus()  # the next scan goes on where the officer was
        else:
            self.fields.focus_start()
        if result == WatchlistAlertDialog.REFER:
            self.decide(Decision.REFERRED)
        elif result == WatchlistAlertDialog.REFUSE:
            self.decide(Decision.REFUSED)

    def _forget_watchlist(self) -> None:
        self._seen.clear()
        self._checked = False
        self._show_band([])

    def _watchlist_reloaded(self) -> None:
        if not self.fields.is_blank():
            self.check_watchlist()
        else:
            self._show_band([])

    def _show_band(self, hits: list[WatchlistHit]) -> None:
        band, status = self.ui.watchlistBand, self.watchlist.status
        self.hits = hits
        if hits:
            text, state = "\n".join("⚠ " + hit_line(h) for h in hits), "hit"
        elif status is None:
            text, state = "", ""
        elif status.version is None:
            text = "⚠ " + self.tr("Watchlist not available — records are saved as not checked.")
            if self.watchlist.error:
                text += " " + self.watchlist.error
            state = "warning"
        elif status.stale:
            text = "⚠ " + self.tr(
                "Watchlist v{v} is STALE (past its expiry) — checks use it until a newer one "
                "arrives."
            ).format(v=status.version)
            if self._checked and not self.fields.is_blank():
                text += " " + self.tr("No hit.")
            state = "warning"
        elif self._checked and not self.fields.is_blank():
            text, state = self.tr("✓ Watchlist v{v}: no hit").format(v=status.version), "ok"
        else:
            text, state = "", ""
        # A hit takes the whole width under the header; the everyday states (no hit, not
        # available, stale) sit in the header itself, so that they cost the form no height.
        note = self.ui.watchlistNote
        shown, hidden = (band, note) if state == "hit" else (note, band)
        hidden.setVisible(False)
        hidden.setText("")
        set_state(hidden, "idle")
        shown.setText(text)
        shown.setVisible(bool(text))
        set_state(shown, state or "idle")

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
            if row.state == "voided":
                decision = self.tr("VOIDED")
            elif row.state == "amended":
                decision += " · " + self.tr("amended")
            # The decision right after the time, in its colour: where the list gives way to
            # the form (1024 px), the end of each line is cut, and the tooltip has it whole.
            item = QListWidgetItem(
                f"{time}  {decision}  {direction}\n{row.who} · {document_text(row)}"
            )
            item.setToolTip(item.text())
            colour = _DECISION_COLOURS.get("voided" if row.state == "voided" else row.decision)
            if colour is not None:
                item.setForeground(QColor(colour))
            height = metrics.boundingRect(QRect(0, 0, 2000, 200), 0, item.text()).height()
            item.setSizeHint(QSize(0, max(height, least) + 14))
            listing.addItem(item)

    # -- language ---------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.ui.laneTitleLabel.setText(self.title())
        self._keep_keys_whole()
        self._show_direction()
        self._show_band(self.hits)

    def _keep_keys_whole(self) -> None:
        """The keys' hint wraps on a narrow screen (a watchlist note beside it), between its
        keys only: never with a "·" leading a line, nor a key apart from what it does."""
        keys = self.ui.keysLabel
        parts = keys.text().replace("\N{NO-BREAK SPACE}", " ").split(" · ")
        whole = (part.replace(" ", "\N{NO-BREAK SPACE}") for part in parts)
        keys.setText("\N{NO-BREAK SPACE}· ".join(whole))
        self._fit_keys()

    def _fit_keys(self) -> None:
        """One line for the keys' hint where the header has room for it beside a watchlist
        note of `_NOTE_ROOM`; below that it may wrap (a wrapping label asks for less width
        than its line, so the layout would wrap it even where there is room)."""
        ui = self.ui
        keys = ui.keysLabel
        line = keys.fontMetrics().horizontalAdvance(keys.text()) + 2 * keys.margin() + 2
        spacing = max(ui.headerLayout.spacing(), 0)
        beside = ui.directionLabel.sizeHint().width() + ui.laneTitleLabel.sizeHint().width()
        room = self.width() - self.layout().contentsMargins().left() * 2 - 4 * spacing
        keys.setMinimumWidth(line if room - beside - line >= _NOTE_ROOM else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_keys()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self.retranslate()
            self.show_message("", "")  # said in the language before; the record is in the list
            self.load_today() if self.session is not None else None
        super().changeEvent(event)


class PassengerLane(LaneScreen):
    lane_kind = LaneKind.PASSENGER
    grounds = PASSENGER_GROUNDS

    def __init__(self, ops: Any, parent: QWidget | None = None) -> None:
        super().__init__(ops, PassengerFields(), parent)
        self.setObjectName("passengerLane")
        self.passenger: PassengerFields = self.fields  # type: ignore[assignment]
        self.passenger.message.connect(self.show_message)
        # A document cleared, referred or refused here in the last day is said under the form.
        self.crossing_note = CrossingNote(self, Source(self._document, crossings.latest_crossing))

    def load_today(self) -> None:
        super().load_today()
        # A minor's accompanying adult is offered from this shift's latest adults; after each
        # save the list is read again, so the adult just cleared is there for the child.
        shift = self.session.shift if self.session is not None else None
        shift_id = shift.shift_id if shift is not None else None
        self.ops.run(
            lambda store: companions.recent_adults(store, shift_id), self.passenger.set_adults
        )

    def _document(self) -> Identity | None:
        ui = self.passenger.ui
        state, number = ui.issuingStateEdit.text().strip(), ui.docNumberEdit.text().strip()
        return (state.upper(), number) if state and number else None

    def build_drafts(self, decision: Decision, ground: RefusalGround | None) -> list[Draft]:
        assert self.session is not None
        body = self.passenger.clearance(self.direction, decision, ground)
        shift = self.session.shift
        return [Draft(body, self.session.officer.code, shift.shift_id if shift else None)]

    def watch_results(self) -> list[WatchlistCheckResult]:
        document = self.passenger.watch_document()
        return self.watchlist.check_people([document] if document is not None else [])


class VehicleLane(LaneScreen):
    lane_kind = LaneKind.VEHICLE
    grounds = VEHICLE_GROUNDS

    def __init__(self, ops: Any, parent: QWidget | None = None) -> None:
        super().__init__(ops, VehicleFields(), parent)
        self.setObjectName("vehicleLane")
        self.vehicle: VehicleFields = self.fields  # type: ignore[assignment]
        self.vehicle.message.connect(self.show_message)
        # A vehicle cleared, referred or refused here in the last day is said under the form.
        # And the driver's document: a driver refused this morning may come back in another
        # lorry.
        self.crossing_note = CrossingNote(
            self,
            Source(self._plate, crossings.latest_vehicle_crossing),
            Source(self._driver, crossings.latest_crossing, self._driver_named),
        )

    def _driver(self) -> Identity | None:
        driver = self.vehicle.driver
        return (driver.issuing_state, driver.number) if driver is not None else None

    def _driver_named(self) -> str:
        driver = self.vehicle.driver
        return self.tr("Driver {name}").format(name=driver.surname if driver else "")

    def _plate(self) -> Identity | None:
        ui = self.vehicle.ui
        country, plate = ui.countryEdit.text().strip(), ui.plateEdit.text().strip()
        return (country.upper(), plate) if country and plate else None

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

    def watch_results(self) -> list[WatchlistCheckResult]:
        results = self.watchlist.check_people(self.vehicle.watch_documents())
        subject = self.vehicle.watch_vehicle()
        if subject.plate or subject.vins or subject.containers:
            vehicle = self.watchlist.check_vehicle(subject)
            if vehicle is not None:
                results.append(vehicle)
        return results


def with_remark(drafts: list[Draft], note: str) -> list[Draft]:
    """`drafts` with `note` added to the remarks of the last one: the passenger's, or on a
    vehicle lane the vehicle's, which its driver and crew clearances are saved with.

    An override is part of the record, not only of the screen: History, the shift report
    and the central all read it in the remarks. The officer's own remarks come first; the
    whole is cut to the remarks' limit.
    """
    last = drafts[-1]
    if not isinstance(last.body, PassengerClearance | VehicleClearance):
        raise TypeError(f"a {last.body.kind} record has no remarks")
    own = last.body.remarks
    remarks = f"{own} · {note}" if own else note
    if len(remarks) > REMARKS_MAX:
        remarks = remarks[: REMARKS_MAX - 1] + "…"
    body = last.body.model_copy(update={"remarks": remarks})
    return [*drafts[:-1], dataclasses.replace(last, body=body)]
