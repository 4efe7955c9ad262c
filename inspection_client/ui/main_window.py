"""The workstation window: sign-in, the lane screens in tabs, lock screen, status bar.

Screens live in the `screens` tab widget; another feature adds its own with `add_screen`
(see docs/gui.md). The window holds the session and hands it to every screen.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QMessageBox, QWidget

from inspection_client import __version__, seeding
from inspection_client.domain.codes import Decision, Direction, LaneKind, Role
from inspection_client.domain.models import Officer, Shift, VehicleClearance, Workstation
from inspection_client.errors import UserFacingError
from inspection_client.store import officers, restore_hold, shifts
from inspection_client.store.database import Store
from inspection_client.store.errors import StoreError
from inspection_client.ui import backup, language, reindex
from inspection_client.ui.about import show_about
from inspection_client.ui.dialogs import (
    CloseShiftDialog,
    LiftHoldDialog,
    OpenShiftDialog,
    SettingsDialog,
    SetupDialog,
)
from inspection_client.ui.forms.ui_main_window import Ui_MainWindow
from inspection_client.ui.gate_screen import GateScreen
from inspection_client.ui.history import HistoryScreen
from inspection_client.ui.idle import DEFAULT_IDLE_MINUTES, IdleWatch
from inspection_client.ui.keyboard_back import KeyboardBack
from inspection_client.ui.lane import LaneScreen, PassengerLane, VehicleLane
from inspection_client.ui.login import LockScreen, LoginScreen
from inspection_client.ui.messages import error_text, localised, show_info, show_problem
from inspection_client.ui.own_pin import attach_own_pin
from inspection_client.ui.page_check import check_pages_after_start
from inspection_client.ui.reports_screen import ReportsScreen
from inspection_client.ui.reset_pin import attach_reset_pin, name_reset_action
from inspection_client.ui.scan_guard import guard_against_scans
from inspection_client.ui.session import Session, as_signed_in
from inspection_client.ui.slip_printing import (
    IssuedSlip,
    SlipPreviewDialog,
    document_language,
    issue_for_preview,
)
from inspection_client.ui.status import SYNC_AVAILABLE, StatusSegments, SyncFacts, sync_facts
from inspection_client.ui.style import set_state
from inspection_client.ui.supervisor import lift_hold_with_approval
from inspection_client.ui.sync_problems import register_sync_problems_screen
from inspection_client.ui.watchlist_alert import attach_watchlist, open_alerts
from inspection_client.watchlist import demo as demo_watchlist
from inspection_client.watchlist import retrospective

LANGUAGE_SETTING = "ui.language"
IDLE_SETTING = "ui.idle_minutes"
DEMO_CLEARANCES = 2000
DEMO_DAYS = 7


class DemoRefused(UserFacingError):
    exit_status = 2


@dataclass(frozen=True)
class Startup:
    workstation: Workstation | None
    warnings: list[str]
    language: str | None
    idle_minutes: float
    officers: list[Officer]
    can_sign_in: bool
    hold: restore_hold.Hold | None = None  # restored, and new records wait for a sync
    first_setup: bool = False  # no account was ever set up: the window may make the first


def load_startup(store: Store, demo: bool) -> Startup:
    """What the window needs before anyone signs in (runs on the store worker)."""
    workstation = store.workstation()
    if demo:
        if workstation is not None and not workstation.demo:
            raise DemoRefused(
                f"{store.path.parent} holds a real workstation ({workstation.workstation_id}); "
                "--demo will not touch it. Give the demo its own directory with --data-dir."
            )
        if workstation is None:
            seeding.ensure_demo(store)
            seeding.seed(store, clearances=DEMO_CLEARANCES, days=DEMO_DAYS)
            workstation = store.workstation()
    if workstation is not None and workstation.demo:
        demo_watchlist.install_if_never_had(store)
    try:
        idle = float(store.setting(IDLE_SETTING) or DEFAULT_IDLE_MINUTES)
    except ValueError:
        idle = DEFAULT_IDLE_MINUTES
    accounts = officers.list_officers(store)  # before the warnings: it may add one
    warnings = list(store.warnings)
    try:
        retrospective.recheck_if_owed(store)  # the lane stopped before a snapshot's re-check
    except StoreError as error:
        # The lane starts all the same: the re-check stays owed, for the next start.
        warnings.append(retrospective.recheck_failed(error.message))
    return Startup(
        workstation,
        warnings,
        store.setting(LANGUAGE_SETTING),
        idle,
        accounts,
        officers.can_sign_in(store),
        restore_hold.current(store),
        officers.first_setup_open(store),
    )


def set_up(store: Store, workstation: Workstation, supervisor: Officer, pin: str) -> None:
    # The PIN and the setup's being still open are checked before the workstation is
    # configured, so a refusal changes nothing; `add_first_supervisor` checks both again.
    officers.check_pin_choice(pin, supervisor.code)
    if not officers.first_setup_open(store):
        raise officers.SetupClosed(officers.SETUP_CLOSED)
    if store.workstation() is None:
        store.configure_workstation(workstation)
    officers.add_first_supervisor(store, supervisor, pin)


class MainWindow(QMainWindow):
    ready = Signal()  # the sign-in page can be used
    signed_in = Signal(object)  # Session

    def __init__(
        self,
        ops: Any,
        data_dir: Path,
        *,
        demo: bool = False,
        explicit_language: bool = False,
        sync: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self._title()
        self.ops = ops
        ops.problem_parent = self
        self.data_dir = data_dir
        self.demo = demo
        self.explicit_language = explicit_language
        self.session: Session | None = None
        self.workstation: Workstation | None = None
        self.warnings: list[str] = []
        self.hold: restore_hold.Hold | None = None
        self.page_check: threading.Thread | None = None  # a large database's (`page_check`)
        self.idle_minutes = float(DEFAULT_IDLE_MINUTES)
        self.exit_status = 0
        self.quit_on_startup_failure = False
        self._close_confirmed = False
        self._shut_down = False
        self.dialog: Any = None  # the dialog currently open (tests look at it)
        self._focus_before_lock: QWidget | None = None
        self._hidden_by_lock: list[QDialog] = []
        self._screen_titles: list[tuple[QWidget, Callable[[], str]]] = []
        self._stamp: str | None = None  # the PIN signed in with, until the session begins

        self.login = LoginScreen(ops)
        self.lock = LockScreen(ops)
        self.ui.pages.addWidget(self.login)
        self.ui.pages.addWidget(self.lock)
        self.passenger = PassengerLane(ops)
        self.vehicle = VehicleLane(ops)
        self.history = HistoryScreen(ops)
        self.reports = ReportsScreen(ops)
        self.gate = GateScreen(ops)
        self.last_vehicle_id: str | None = None  # the last vehicle cleared in this session
        self._add_document_actions()
        self.status = StatusSegments()
        self.statusBar().addPermanentWidget(self.status, 1)
        self.statusBar().setSizeGripEnabled(False)
        self.idle = IdleWatch(self)
        self.idle.idle.connect(self.lock_screen)
        self.sync_runner: Any = None
        self._want_sync = sync and SYNC_AVAILABLE

        self.login.signed_in.connect(self._signed_in)
        ops.session_ended.connect(self._session_ended)
        self.lock.unlocked.connect(self._unlocked)
        self.ui.screens.currentChanged.connect(self._screen_shown)
        for lane in (self.passenger, self.vehicle):
            lane.saved.connect(self._saved)
            lane.direction_changed.connect(self._direction_changed)
        # An amendment or a void waits to be sent too: the status bar counts it at once.
        self.history.saved.connect(self._saved)
        ui = self.ui
        ui.actionCloseShift.triggered.connect(self.close_shift)
        ui.actionLock.triggered.connect(self.lock_screen)
        ui.actionSignOut.triggered.connect(self.request_sign_out)
        # A kiosk session has no window manager's close button: the window closes itself,
        # asking first when a form holds what was not saved (`closeEvent`).
        ui.actionQuit.triggered.connect(self.close)
        ui.actionSettings.triggered.connect(self.open_settings)
        ui.actionLiftHold.triggered.connect(self.lift_hold_from_menu)
        ui.actionSyncNow.triggered.connect(self.sync_now)
        backup.attach_backup(self)
        reindex.attach_reindex(self)
        attach_own_pin(self)
        attach_reset_pin(self)
        ui.actionAbout.triggered.connect(self._about)
        ui.actionPassengerLane.triggered.connect(lambda: self.show_screen(self.passenger))
        ui.actionVehicleLane.triggered.connect(lambda: self.show_screen(self.vehicle))
        ui.actionHistory.triggered.connect(lambda: self.show_screen(self.history))
        self.status.ui.syncNowButton.clicked.connect(self.sync_now)
        self._set_work_actions(False)
        self.show_banner()
        self.watchlist = attach_watchlist(self)
        self.sync_problems = register_sync_problems_screen(self)
        self.keyboard_back = KeyboardBack(self)

    # -- screens ----------------------------------------------------------------------------

    def add_screen(self, widget: QWidget, title: Callable[[], str]) -> None:
        """Add a screen as a tab. `title` is called again when the language changes.

        A screen with `set_session(session | None)` is told who is signed in.
        """
        self.ui.screens.addTab(widget, title())
        self._screen_titles.append((widget, title))
        if self.session is not None and hasattr(widget, "set_session"):
            widget.set_session(self.session)

    def _add_standard_screens(self, workstation: Workstation) -> None:
        if self.ui.screens.count():
            return
        lanes: list[LaneScreen] = [self.passenger, self.vehicle]
        if workstation.lane_kind is not LaneKind.PASSENGER:
            # The workstation's own kind of lane comes first, and Ctrl+1 goes to it: the
            # Go menu, its shortcuts and the tabs are in one order, as in a browser.
            lanes.reverse()
            ui = self.ui
            ui.actionVehicleLane.setShortcut(QKeySequence("Ctrl+1"))
            ui.actionPassengerLane.setShortcut(QKeySequence("Ctrl+2"))
            ui.menuGo.removeAction(ui.actionVehicleLane)
            ui.menuGo.insertAction(ui.actionPassengerLane, ui.actionVehicleLane)
        for lane in lanes:
            self.add_screen(lane, lane.title)
        self.add_screen(self.history, lambda: self.tr("History"))
        self.add_screen(self.reports, lambda: self.tr("Reports"))
        self.add_screen(self.gate, lambda: self.tr("Gate check"))

    def _screen_shown(self, index: int) -> None:
        """A screen is read as it is now: another lane, a void or an amendment may have
        changed what it showed when it was last in front."""
        if self.session is None:
            return
        widget = self.ui.screens.widget(index)
        if isinstance(widget, LaneScreen):
            widget.load_today()
        elif widget is self.history:
            self.history.model.refresh()
        # Chosen with a click on its tab too: the page switch gave the focus to whatever the
        # screen last had, or its first widget in the focus chain (the list of today's
        # records), where a document reader's burst was lost without a word.
        self._focus_start(widget)

    def show_screen(self, widget: QWidget) -> None:
        if self.session is None or self.ui.pages.currentWidget() is not self.ui.workPage:
            return
        self.ui.screens.setCurrentWidget(widget)
        self._focus_start(widget)

    def _focus_start(self, widget: QWidget) -> None:
        """The focus where a screen's work starts: a lane's first scan field, History's
        filter, the gate's scan field."""
        if isinstance(widget, LaneScreen):
            widget.fields.focus_start()
        elif widget is self.history:
            self.history.ui.filterEdit.setFocus()
        elif widget is self.reports or widget is self.gate:
            widget.focus_start()

    def _set_work_actions(self, enabled: bool) -> None:
        ui = self.ui
        for action in (
            ui.actionCloseShift,
            ui.actionLock,
            ui.actionChangePin,
            self.action_reset_pin,
            ui.actionSignOut,
            ui.actionSyncNow,
            ui.actionBackUp,
            ui.actionBackUpAtShiftClose,
            ui.actionRebuildSearchIndex,
            ui.actionPassengerLane,
            ui.actionVehicleLane,
            ui.actionHistory,
            self.action_reports,
            self.action_gate,
            self.action_print_slip,
            self.action_alerts,
        ):
            action.setEnabled(enabled)
        self._enable_lift_hold()

    def _enable_lift_hold(self) -> None:
        """Lifting the restore hold from the menu: during a shift, while there is one, and
        not while the screen is locked."""
        working = self.session is not None and self.ui.pages.currentWidget() is self.ui.workPage
        self.ui.actionLiftHold.setEnabled(working and self.hold is not None)

    # -- start-up ---------------------------------------------------------------------------

    def start(self) -> None:
        self.ui.pages.setCurrentWidget(self.login)
        self.login.set_ready(False)
        note = (
            self.tr("Preparing the demo workstation ({n} sample clearances)…").format(
                n=DEMO_CLEARANCES
            )
            if self.demo
            else self.tr("Opening the lane database…")
        )
        self.login.show_workstation(None, note)
        demo = self.demo
        self.ops.run(lambda store: load_startup(store, demo), self._started, self._startup_failed)

    def _started(self, startup: Startup) -> None:
        if startup.language and not self.explicit_language:
            language.install(startup.language)
        self.idle_minutes = startup.idle_minutes
        self.idle.set_minutes(startup.idle_minutes)
        self.warnings = startup.warnings
        self.hold = startup.hold
        self.workstation = startup.workstation
        if startup.workstation is None:
            self._first_run()
            return
        if not startup.can_sign_in and startup.first_setup:
            # Enrolled without any local account (a roster brings none with a PIN).
            self._first_run(startup.workstation)
            return
        self._add_standard_screens(startup.workstation)
        self.login.show_workstation(startup.workstation)
        if not startup.can_sign_in:
            # Accounts were set up here, and all are disabled or without a PIN: IT's to fix,
            # not a new supervisor's for whoever is at the window. The page stays usable, so
            # an account IT lets in meanwhile can sign in without a restart.
            self.login.show_problem(localised(officers.NOBODY_CAN_SIGN_IN))
        self.login.set_ready(True)
        self.show_banner()
        if self._want_sync and self.sync_runner is None:
            from inspection_client.ui.status import SyncRunner

            self.sync_runner = SyncRunner(self.data_dir, self)
            self.sync_runner.state_changed.connect(self.status.set_sync_text)
            self.sync_runner.round_finished.connect(self.refresh_sync_facts)
            self.sync_runner.round_finished.connect(self.refresh_hold)
        self.refresh_sync_facts()
        self.ready.emit()
        check_pages_after_start(self)

    def _startup_failed(self, error: UserFacingError) -> None:
        self.login.show_workstation(None, error_text(error))
        box = show_problem(self, error_text(error))
        self.exit_status = error.exit_status
        if self.quit_on_startup_failure:
            print(f"inspection-client: {error}", file=sys.stderr)
            box.finished.connect(lambda _: QApplication.exit(error.exit_status))

    def _first_run(self, workstation: Workstation | None = None) -> None:
        dialog = SetupDialog(self, workstation)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._set_up(dialog))
        dialog.rejected.connect(self._setup_cancelled)
        dialog.open()

    def _setup_cancelled(self) -> None:
        self.login.show_workstation(
            None, self.tr("This workstation is not set up; restart the application to set it up.")
        )

    def _set_up(self, dialog: SetupDialog) -> None:
        assert dialog.result_value is not None
        workstation, supervisor, pin = dialog.result_value
        self.ops.run(
            lambda store: set_up(store, workstation, supervisor, pin),
            lambda _none: self.start(),
            self._set_up_failed,
        )

    def _set_up_failed(self, error: UserFacingError) -> None:
        show_problem(self, error_text(error))
        if isinstance(error, officers.SetupClosed):
            self.start()  # the sign-in page, saying what IT can do
        else:
            self._first_run(self.workstation)

    def show_banner(self) -> None:
        parts = []
        if self.workstation is not None and self.workstation.demo:
            parts.append(self.tr("DEMO WORKSTATION — synthetic data, not for real inspections."))
        parts += [f"⚠ {localised(warning)}" for warning in self.warnings]
        if self.hold is not None and self.hold.rolled_back:
            parts.append("⚠ " + localised(restore_hold.describe(self.hold)))
        elif self.hold is not None:
            parts.append(
                "⚠ "
                + self.tr(
                    "Restored from a backup (up to record #{seq}): new records are held until "
                    "a sync with the central brings back the records saved after it. If the "
                    "central cannot be reached, a supervisor can lift the hold (Tools menu)."
                ).format(seq=self.hold.head_seq)
            )
        self._enable_lift_hold()
        self.ui.bannerLabel.setText("\n".join(parts))
        self.ui.bannerLabel.setVisible(bool(parts))
        set_state(self.ui.bannerLabel, "alert" if self.warnings or self.hold else "demo")

    def refresh_hold(self) -> None:
        """Read the restore hold again (a sync round may have lifted it) and show it."""
        self.ops.run(restore_hold.current, self._hold_known, lambda _error: None)

    def _hold_known(self, hold: restore_hold.Hold | None) -> None:
        if (hold is None) != (self.hold is None):
            self.hold = hold
            self.show_banner()

    # -- signing in, shifts -----------------------------------------------------------------

    def _signed_in(self, result: officers.LoginResult) -> None:
        officer = result.officer
        assert officer is not None
        self._stamp = result.stamp
        self.ops.run(
            lambda store: (shifts.open_shift_of(store, officer.code), restore_hold.current(store)),
            lambda found: self._shift_found(officer, *found),
        )

    def _shift_found(
        self, officer: Officer, shift: Shift | None, hold: restore_hold.Hold | None = None
    ) -> None:
        assert self.workstation is not None
        self._hold_known(hold)
        if shift is not None:
            self._begin(
                Session(
                    self.workstation,
                    officer,
                    shift,
                    self.workstation.default_direction,
                    self._stamp,
                )
            )
            return
        if hold is not None:
            # Opening a shift is a record too: held like the clearances.
            self._held_at_sign_in(officer, hold)
            return
        dialog = OpenShiftDialog(self.workstation, officer, self)
        dialog.setObjectName("openShiftDialog")
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._open_shift(officer, dialog.direction()))
        dialog.rejected.connect(self._no_shift_opened)
        dialog.open()

    def _no_shift_opened(self) -> None:
        """Open shift cancelled: back at the sign-in page, which says why."""
        self.sign_out()
        self.login.show_note(
            self.tr(
                "No shift was opened, so you were signed out: the work of a lane is recorded "
                "in a shift. Sign in again to open one."
            )
        )

    def _held_at_sign_in(self, officer: Officer, hold: restore_hold.Hold) -> None:
        """A supervisor may lift the hold (and go on to open a shift); anyone else waits."""
        if officer.role not in (Role.SUPERVISOR, Role.ADMIN) and hold.rolled_back:
            show_info(self, localised(restore_hold.describe(hold)))
            self.sign_out()
            return
        if officer.role not in (Role.SUPERVISOR, Role.ADMIN):
            show_info(
                self,
                self.tr(
                    "This lane database was restored from a backup, and no shift can be opened "
                    "until a sync with the central brings back the records saved after it. "
                    "Wait for the sync (the status bar shows it), or ask a supervisor to sign "
                    "in and lift the hold."
                ),
            )
            self.sign_out()
            return
        dialog = LiftHoldDialog(hold, self)
        dialog.setObjectName("liftHoldDialog")
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._lift_hold(officer, dialog.reason()))
        dialog.rejected.connect(self.sign_out)
        dialog.open()

    def _lift_hold(self, officer: Officer, reason: str) -> None:
        self.ops.run(
            lambda store: restore_hold.lift(store, by=officer.code, reason=reason),
            lambda _lifted: self._shift_found(officer, None, None),
            lambda error: (show_problem(self, error_text(error)), self.sign_out()),
        )

    def lift_hold_from_menu(self) -> None:
        """During a shift (a shift opened before the backup, say): a supervisor's code and
        PIN, typed on the spot, lift the hold."""
        if self.session is None or self.hold is None:
            return
        dialog = LiftHoldDialog(self.hold, self, ask_supervisor=True)
        dialog.setObjectName("liftHoldDialog")
        self.dialog = dialog
        dialog.approval_given.connect(lambda code, pin: self._lift_hold_approved(dialog, code, pin))
        dialog.open()

    def _lift_hold_approved(self, dialog: LiftHoldDialog, code: str, pin: str) -> None:
        reason = dialog.reason()
        self.ops.run(
            lambda store: lift_hold_with_approval(store, code, pin, reason),
            lambda _lifted: (dialog.approved(), self._hold_known(None)),
            lambda error: dialog.refused(error_text(error)),
        )

    def _open_shift(self, officer: Officer, direction: Direction) -> None:
        assert self.workstation is not None
        workstation, stamp = self.workstation, self._stamp
        self.ops.run(
            as_signed_in(
                officer.code, stamp, lambda store: shifts.open_shift(store, officer.code, direction)
            ),
            lambda shift: self._begin(Session(workstation, officer, shift, direction, stamp)),
            lambda error: (show_problem(self, error_text(error)), self.sign_out()),
        )

    def _begin(self, session: Session) -> None:
        self.session = session
        for widget, _title in self._screen_titles:
            if hasattr(widget, "set_session"):
                widget.set_session(session)
        self.status.set_session(session)
        self.ui.pages.setCurrentWidget(self.ui.workPage)
        self._set_work_actions(True)
        self.activateWindow()  # take the keyboard back from the dialog that just closed
        self.ui.screens.setCurrentIndex(0)
        current = self.ui.screens.currentWidget()
        if isinstance(current, LaneScreen):
            current.fields.focus_start()
        self.idle.start()
        self.refresh_counts()
        self.signed_in.emit(session)
        self.refresh_sync_facts()

    def close_shift(self) -> None:
        """Shift → Close shift: asks first when a form holds what was typed and not saved
        (closing signs out, which clears it), as signing out does."""
        session = self.session
        if session is None or session.shift is None:
            return
        if not self.unsaved_work():
            self._count_shift()
            return
        self.ask(
            "closeShiftUnsavedQuestion",
            self.tr("Unsaved form"),
            self.tr("A form is filled in but not saved. Close the shift anyway and clear it?"),
            self._count_shift,
            answers=(self.tr("&Close the shift and clear it"), self.tr("&Back to the form")),
        )

    def _count_shift(self) -> None:
        session = self.session
        if session is None or session.shift is None:
            return
        shift = session.shift
        self.ops.run(
            lambda store: shifts.shift_counts(store, shift.shift_id),
            lambda counts: self._ask_close(shift, counts),
        )

    def _ask_close(self, shift: Shift, counts: shifts.ShiftCounts) -> None:
        dialog = CloseShiftDialog(counts, self)
        dialog.setObjectName("closeShiftDialog")
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._close_shift(shift, dialog.occurrences()))
        dialog.open()

    def _close_shift(self, shift: Shift, occurrences: str) -> None:
        if self.session is None:
            return
        session = self.session
        self.ops.run(
            as_signed_in(
                session.officer.code,
                session.stamp,
                lambda store: shifts.close_shift(store, shift, occurrences),
            ),
            lambda _record: (
                backup.back_up_at_shift_close(self),
                self.sign_out(),
                self._offer_report(shift),
            ),
        )

    def _offer_report(self, shift: Shift) -> None:
        """After closing: offer the shift report's export (the lane is already signed out)."""
        shift_id = str(shift.shift_id)
        self.ask(
            "exportReportQuestion",
            self.tr("Shift closed"),
            self.tr("The shift is closed. Export the shift report now?"),
            lambda: self.reports.export(shift_id),
            yes_by_default=True,
        )

    def ask(
        self,
        name: str,
        title: str,
        question: str,
        on_yes: Callable[[], None],
        *,
        yes_by_default: bool = False,
        answers: tuple[str, str] | None = None,
    ) -> None:
        """A Yes/No question asked without blocking; `on_yes` runs only on Yes.

        `answers` names the two buttons by what they do, where Yes and No would leave the
        officer reading the question again to know which one loses the form.
        """
        box = QMessageBox(
            QMessageBox.Icon.Question,
            title,
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName(name)
        yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
        if answers is not None:
            box.button(yes).setText(answers[0])
            box.button(no).setText(answers[1])
        box.setDefaultButton(yes if yes_by_default else no)
        guard_against_scans(box)  # "&Sign out and clear it" would answer to a scanned S
        box.finished.connect(lambda answer: on_yes() if answer == yes else None)
        self.dialog = box
        box.open()

    def request_sign_out(self) -> None:
        """Shift → Sign out: asks first when a form holds what was typed and not saved."""
        if not self.unsaved_work():
            self.sign_out()
            return
        self.ask(
            "signOutQuestion",
            self.tr("Unsaved form"),
            self.tr("A form is filled in but not saved. Sign out anyway and clear it?"),
            self.sign_out,
            answers=(self.tr("&Sign out and clear it"), self.tr("&Back to the form")),
        )

    def _session_ended(self, error: UserFacingError) -> None:
        """The account signed in was disabled or given a new PIN: back to the sign-in page,
        which says why (the action's own failure was shown where it was made)."""
        if self.session is None and self.ui.pages.currentWidget() is self.login:
            return
        # What was open for the officer closes with the session; the problem just shown
        # (where the refused action was made) stays, as it says what was not saved.
        for dialog in (*self.findChildren(QDialog), *self._hidden_by_lock):
            if dialog.objectName() == "problemBox":
                continue
            if dialog.isVisible() or dialog in self._hidden_by_lock:
                dialog.reject()
        self._hidden_by_lock = []
        self.sign_out()
        self.login.show_problem(error_text(error))

    def renew_session(self, session: Session) -> None:
        """The same session with a new PIN (the officer changed their own): the screens keep
        their work and save with it, where a new PIN from IT ends the session."""
        self.session = session
        self._stamp = session.stamp
        for widget, _title in self._screen_titles:
            if getattr(widget, "session", None) is not None:
                widget.session = session

    def sign_out(self) -> None:
        self.session = None
        self._stamp = None
        self.last_vehicle_id = None  # Ctrl+P of the next officer is never this one's vehicle
        self.idle.stop()
        for widget, _title in self._screen_titles:
            if isinstance(widget, LaneScreen):
                widget.fields.clear()
                widget.show_message("", "")  # the last officer's "Saved #…" is theirs
            if hasattr(widget, "set_session"):
                widget.set_session(None)
        self.status.set_session(None)
        self._set_work_actions(False)
        self.ui.pages.setCurrentWidget(self.login)
        self.login.reset()

    # -- idle lock --------------------------------------------------------------------------

    def lock_screen(self) -> None:
        if self.session is None or self.ui.pages.currentWidget() is self.lock:
            return
        self._focus_before_lock = QApplication.focusWidget()
        self.idle.stop()
        # A dialog left open (a void with its reason, a traveller's details) would stay on
        # top of the lock screen for anyone to read and use: it waits, hidden, until unlock.
        self._hidden_by_lock = [
            dialog for dialog in self.findChildren(QDialog) if dialog.isVisible()
        ]
        for dialog in self._hidden_by_lock:
            dialog.hide()
        self.ui.pages.setCurrentWidget(self.lock)
        self._set_work_actions(False)
        self.ui.actionSettings.setEnabled(False)  # the idle lock itself is set there
        self.lock.lock_for(self.session.officer)

    def _unlocked(self, _who: Officer) -> None:
        self.ui.pages.setCurrentWidget(self.ui.workPage)
        self._set_work_actions(True)
        self.ui.actionSettings.setEnabled(True)
        self.activateWindow()
        for dialog in self._hidden_by_lock:
            dialog.show()
        self._hidden_by_lock = []
        if self._focus_before_lock is not None:
            self._focus_before_lock.setFocus()
        self.idle.start()

    # -- documents: reports, gate, release slips ---------------------------------------------

    def _add_document_actions(self) -> None:
        # Made here rather than in forms/main_window.ui, which belongs to the lane feature.
        self.action_reports = QAction(self)
        self.action_reports.setObjectName("actionReports")
        self.action_reports.setShortcut(QKeySequence("Ctrl+4"))
        self.action_reports.triggered.connect(lambda: self.show_screen(self.reports))
        self.action_gate = QAction(self)
        self.action_gate.setObjectName("actionGate")
        self.action_gate.setShortcut(QKeySequence("Ctrl+5"))
        self.action_gate.triggered.connect(lambda: self.show_screen(self.gate))
        # Retrospective watchlist alerts: the status bar's button shows only while some wait;
        # the menu reaches the list (and its "none waiting") at any time.
        self.action_alerts = QAction(self)
        self.action_alerts.setObjectName("actionWatchlistAlerts")
        self.action_alerts.setShortcut(QKeySequence("Ctrl+6"))
        self.action_alerts.triggered.connect(self.open_watchlist_alerts)
        self.ui.menuGo.addAction(self.action_reports)
        self.ui.menuGo.addAction(self.action_gate)
        self.ui.menuGo.addAction(self.action_alerts)
        self.action_print_slip = QAction(self)
        self.action_print_slip.setObjectName("actionPrintSlip")
        self.action_print_slip.setShortcut(QKeySequence("Ctrl+P"))
        self.action_print_slip.triggered.connect(self.print_release_slip)
        self.history.slip_requested.connect(self.print_release_slip)
        # A void or an amendment changes the shift's counts as they stand.
        self.history.record_changed.connect(self.refresh_counts)
        self.ui.menuShift.insertAction(self.ui.actionCloseShift, self.action_print_slip)
        self.ui.menuShift.insertSeparator(self.ui.actionCloseShift)
        self._name_document_actions()

    def _name_document_actions(self) -> None:
        self.action_reports.setText(self.tr("&Reports"))
        self.action_gate.setText(self.tr("&Gate check"))
        self.action_alerts.setText(self.tr("&Watchlist alerts"))
        self.action_print_slip.setText(self.tr("&Print release slip for the last vehicle"))

    def open_watchlist_alerts(self) -> None:
        if self.session is not None:
            open_alerts(self, self.watchlist)

    def slip_record_id(self) -> str | None:
        """In History: the selected record; elsewhere the last vehicle cleared this session."""
        if self.ui.screens.currentWidget() is self.history:
            rows = self.history.ui.historyTable.selectionModel().selectedRows()
            if rows:
                return str(self.history.model.rows[rows[0].row()].record_id)
        return self.last_vehicle_id

    def print_release_slip(self, record_id: str | None = None) -> None:
        if self.session is None:
            return
        record_id = record_id or self.slip_record_id()
        if record_id is None:
            if self.ui.screens.currentWidget() is self.history:
                show_info(
                    self,
                    self.tr(
                        "Choose the vehicle's record in the list (Down from the filter box), "
                        "then Ctrl+P."
                    ),
                )
            else:
                show_info(self, self.tr("No vehicle has been cleared in this session yet."))
            return
        lang = document_language()
        self.ops.run(
            as_signed_in(
                self.session.officer.code,
                self.session.stamp,
                lambda store: issue_for_preview(store, record_id, lang),
            ),
            self._slip_issued,
        )

    def _slip_issued(self, issued: IssuedSlip) -> None:
        dialog = SlipPreviewDialog(self.ops, issued, self)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    # -- after saves ------------------------------------------------------------------------

    def _saved(self, _records: list[Any]) -> None:
        # Only a cleared vehicle gets a slip: one referred or refused after it does not take
        # Ctrl+P's place (it would only be refused).
        cleared = [
            r
            for r in _records
            if isinstance(r.body, VehicleClearance) and r.body.decision is Decision.CLEARED
        ]
        if cleared:
            self.last_vehicle_id = str(cleared[-1].id)
        self.refresh_counts()
        if self.status.facts is not None:
            self.status.set_sync_facts(
                replace(self.status.facts, pending=self.status.facts.pending + len(_records))
            )

    def _direction_changed(self, value: str) -> None:
        if self.session is None:
            return
        self.session = replace(self.session, direction=Direction(value))
        for lane in (self.passenger, self.vehicle):
            lane.set_direction(self.session.direction)
        self.status.set_session(self.session)

    def refresh_counts(self) -> None:
        if self.session is None or self.session.shift is None:
            return
        shift_id = self.session.shift.shift_id
        self.ops.run(
            lambda store: shifts.shift_counts(store, shift_id),
            lambda counts: self.status.set_counts(counts.total, counts.by_decision),
        )

    def refresh_sync_facts(self) -> None:
        self.ops.run(sync_facts, self._sync_facts)

    def _sync_facts(self, facts: SyncFacts) -> None:
        self.status.set_sync_facts(facts)
        if (
            facts.enrolled
            and self.sync_runner is not None
            and not self.sync_runner.timer.isActive()
        ):
            self.sync_runner.schedule(5000)

    def sync_now(self) -> None:
        facts = self.status.facts
        if facts is not None and not facts.enrolled:
            # A round would only fail as "offline": there is no central to reach yet.
            show_info(
                self,
                self.tr(
                    "This workstation is not enrolled with a central store yet, so there is "
                    "nothing to sync with. IT gives a one-time code for it (`inspection-client "
                    "enrol`). Every record is kept and waits until then."
                ),
            )
            return
        if self.sync_runner is not None:
            self.sync_runner.sync_now()
        else:
            show_info(self, self.tr("Synchronisation is not available in this installation."))

    # -- settings, language -----------------------------------------------------------------

    def open_settings(self) -> None:
        dialog = SettingsDialog(language.current(), int(self.idle_minutes), self)
        dialog.setObjectName("settingsDialog")
        # The language can be chosen before signing in; the idle lock only by an officer
        # signed in, not by whoever stands at the sign-in screen.
        dialog.ui.idleSpin.setEnabled(self.session is not None)
        if self.session is None:
            dialog.ui.idleSpin.setToolTip(self.tr("An officer signed in can change this."))
        self.dialog = dialog
        dialog.accepted.connect(
            lambda: self.apply_settings(dialog.language(), dialog.idle_minutes())
        )
        dialog.open()

    def apply_settings(self, code: str, idle_minutes: float) -> None:
        language.install(code)
        self.idle_minutes = idle_minutes
        self.idle.set_minutes(idle_minutes)

        def save(store: Store) -> None:
            store.set_setting(LANGUAGE_SETTING, code)
            store.set_setting(IDLE_SETTING, str(idle_minutes))

        self.ops.run(save, lambda _none: None)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._title()
            self._name_document_actions()
            backup.name_actions(self)
            name_reset_action(self)
            for widget, title in self._screen_titles:
                self.ui.screens.setTabText(self.ui.screens.indexOf(widget), title())
            self.show_banner()
        super().changeEvent(event)

    def _title(self) -> None:
        # The version is in the title (and Help → About), not in the status bar, whose width
        # the shift's counts, sync and watchlist segments need on a 1366 px screen.
        self.setWindowTitle(self.tr("Lane client {version}").format(version=__version__))

    def _about(self) -> None:
        show_about(self)

    # -- closing ----------------------------------------------------------------------------

    def unsaved_work(self) -> bool:
        return any(
            isinstance(w, LaneScreen) and not w.fields.is_blank() for w, _t in self._screen_titles
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.unsaved_work() and not self._close_confirmed:
            # Asked without blocking: the window stays open unless the officer says Yes.
            event.ignore()
            self.ask(
                "closeQuestion",
                self.tr("Unsaved form"),
                self.tr("A form is filled in but not saved. Close the application anyway?"),
                self._close_confirmed_now,
                answers=(self.tr("&Close and clear it"), self.tr("&Back to the form")),
            )
            return
        self.shutdown()
        event.accept()

    def _close_confirmed_now(self) -> None:
        self._close_confirmed = True
        self.close()

    def shutdown(self) -> None:
        if self._shut_down:
            return
        self._shut_down = True
        self.idle.stop()
        self.idle.remove()
        self.watchlist.stop()
        if self.sync_runner is not None:
            self.sync_runner.shutdown()
            self.sync_runner = None
        self.ops.shutdown()
