"""Watchlist checks in the lanes: the active snapshot kept open, the hit dialog, the status-bar
segment and the retrospective alerts an officer acknowledges.

Checks run on the GUI thread (an indexed look-up, see docs/watchlist.md); opening a snapshot
and reading its status run on the store worker. One `WatchlistSource` serves every screen
built on the same `Operations`.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any, Literal

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShowEvent
from PySide6.QtWidgets import QDialog, QHeaderView, QTableWidgetItem, QWidget

from inspection_client.domain.codes import Decision
from inspection_client.domain.models import PassengerClearance, TravelDocument, VehicleClearance
from inspection_client.domain.models import WatchlistHit as Hit
from inspection_client.errors import UserFacingError
from inspection_client.message import Message
from inspection_client.store.database import Store
from inspection_client.store.errors import StoreError
from inspection_client.store.records import Draft
from inspection_client.ui.forms.ui_watchlist_alert import Ui_WatchlistAlertDialog
from inspection_client.ui.forms.ui_watchlist_alerts import Ui_WatchlistAlertsDialog
from inspection_client.ui.messages import error_text, localised
from inspection_client.ui.session import as_signed_in
from inspection_client.ui.style import set_state
from inspection_client.watchlist import retrospective
from inspection_client.watchlist.check import (
    Checker,
    WatchlistCheckResult,
    check_passenger,
    check_vehicle,
    not_checked,
    open_checker,
)
from inspection_client.watchlist.check import VehicleFields as VehicleSubject
from inspection_client.watchlist.normalise import load_transliteration
from inspection_client.watchlist.retrospective import (
    RECHECK_FAILED,
    RetrospectiveAlert,
    acknowledge_alert,
    pending_alerts,
    recheck_failed,
)
from inspection_client.watchlist.status import WatchlistStatus, watchlist_status

REFRESH_MS = 60 * 1000
ALERTS_SIZE = (1240, 640)  # the alerts list at most, when the window has the room
Outcome = Literal["referred", "refused", "cleared_with_approval"]
OUTCOMES: dict[Decision, Outcome] = {
    Decision.CLEARED: "cleared_with_approval",
    Decision.REFERRED: "referred",
    Decision.REFUSED: "refused",
}

# What a refresh reads on the store worker: status, a newly opened checker, the alerts, and
# why an owed re-check could not be made.
Loaded = tuple[WatchlistStatus, Checker | None, list[RetrospectiveAlert], Message | None]

_sources: weakref.WeakKeyDictionary[Any, WatchlistSource] = weakref.WeakKeyDictionary()


def source_for(ops: Any) -> WatchlistSource:
    """The one watchlist source of the screens that share these operations."""
    source = _sources.get(ops)
    if source is None:
        source = WatchlistSource(ops, parent=ops)  # goes when the operations go
        _sources[ops] = source
    return source


class WatchlistSource(QObject):
    """The active snapshot (reopened when its version changes), its status and the alerts."""

    changed = Signal()

    def __init__(self, ops: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.checker: Checker | None = None
        self.status: WatchlistStatus | None = None  # None until the first load
        self.alerts: list[RetrospectiveAlert] = []
        self.error: str | None = None
        # Why a re-check a snapshot owes could not be made (a sync round applied it, and the
        # database refused the re-check): tried again at every refresh until it is made.
        self.recheck_problem: Message | None = None
        self.now: Callable[[], datetime] = lambda: datetime.now(UTC)
        self._loading = False
        self._again = False
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.refresh)

    @property
    def ready(self) -> bool:
        return self.status is not None

    def refresh(self) -> None:
        if self._loading:
            self._again = True
            return
        self._loading = True
        if not self.timer.isActive():
            self.timer.start(REFRESH_MS)
        have = self.checker.version if self.checker is not None else None
        now = self.now()

        def load(store: Store) -> Loaded:
            load_transliteration()  # here, on the worker, not at the first name checked
            # A snapshot a sync round applied may still owe its re-check of the last day (the
            # round's store refused it): made here, so that its alerts are listed below.
            problem = None
            try:
                retrospective.recheck_if_owed(store)
            except StoreError as error:
                problem = recheck_failed(error.message)
            status = watchlist_status(store, now)
            checker = None
            if status.version is not None and status.version != have:
                checker = open_checker(store)
            return status, checker, pending_alerts(store), problem

        self.ops.run(load, self._loaded, self._failed)

    def _loaded(self, found: Loaded) -> None:
        status, checker, alerts, problem = found
        if checker is not None or status.version is None:
            if self.checker is not None:
                self.checker.close()
            self.checker = checker
        self.status, self.alerts, self.error = status, alerts, None
        self.recheck_problem = problem
        self._done()

    def _failed(self, error: UserFacingError) -> None:
        # A missing snapshot file and the like: the lane records "not checked" and says why.
        if self.checker is not None:
            self.checker.close()
        self.checker = None
        self.status = WatchlistStatus(version=None)
        self.error = error_text(error)
        self._done()

    def _lost(self, error: UserFacingError) -> None:
        """The open snapshot file failed under a check (damaged or replaced on disk since it
        was opened): go on as without a watchlist and say why, until a refresh opens a good
        one."""
        if self.checker is not None:
            self.checker.close()
        self.checker = None
        self.status = WatchlistStatus(version=None)
        self.error = error_text(error)
        if self._loading:
            self._again = True  # what is loading now was read before the failure
        self.changed.emit()

    def _done(self) -> None:
        self._loading = False
        self.changed.emit()
        if self._again:
            self._again = False
            self.refresh()

    def stop(self) -> None:
        """Stop refreshing and let the source go with its window (at shutdown)."""
        self.timer.stop()
        _sources.pop(self.ops, None)
        if self.checker is not None:
            self.checker.close()
            self.checker = None

    # -- checking ---------------------------------------------------------------------------

    def check_people(self, documents: Iterable[TravelDocument]) -> list[WatchlistCheckResult]:
        if self.checker is None:
            return []
        try:
            return [check_passenger(self.checker, doc) for doc in documents]
        except UserFacingError as error:
            self._lost(error)
            return []

    def check_vehicle(self, vehicle: VehicleSubject) -> WatchlistCheckResult | None:
        if self.checker is None:
            return None
        try:
            return check_vehicle(self.checker, vehicle)
        except UserFacingError as error:
            self._lost(error)
            return None

    def check_drafts(self, drafts: list[Draft]) -> list[WatchlistCheckResult | None]:
        """One result per draft (None when no snapshot is active or it is no clearance).

        Raises:
            UserFacingError: the snapshot file failed under the check; from now on the source
                answers as without a snapshot, so the next decision is saved "not checked".
        """
        try:
            return self._check_drafts(drafts)
        except UserFacingError as error:
            self._lost(error)
            raise

    def _check_drafts(self, drafts: list[Draft]) -> list[WatchlistCheckResult | None]:
        results: list[WatchlistCheckResult | None] = []
        for draft in drafts:
            body = draft.body
            if self.checker is None:
                results.append(None)
            elif isinstance(body, PassengerClearance):
                results.append(check_passenger(self.checker, body.document))
            elif isinstance(body, VehicleClearance):
                results.append(check_vehicle(self.checker, body))
            else:
                results.append(None)
        return results


def hits_of(results: Iterable[WatchlistCheckResult | None]) -> list[Hit]:
    return [hit for result in results if result is not None for hit in result.hits]


def with_watchlist(
    drafts: list[Draft],
    results: list[WatchlistCheckResult | None],
    decision: Decision,
    *,
    approved_by: str | None = None,
    approval_reason: str | None = None,
) -> list[Draft]:
    """The drafts with their `watchlist` field: no_hit, not_checked, or what the officer did."""
    out = []
    for draft, result in zip(drafts, results, strict=True):
        body = draft.body
        if not isinstance(body, PassengerClearance | VehicleClearance):
            out.append(draft)
            continue
        if result is None:
            check = not_checked()
        elif result.hits:
            check = result.as_check(
                OUTCOMES[decision], approved_by=approved_by, approval_reason=approval_reason
            )
        else:
            check = result.as_check()
        out.append(replace(draft, body=body.model_copy(update={"watchlist": check})))
    return out


def list_title(list_name: str) -> str:
    names = {
        "documents": QCoreApplication.translate("WatchlistAlert", "Lost/stolen documents"),
        "persons": QCoreApplication.translate("WatchlistAlert", "Wanted persons"),
        "vehicles": QCoreApplication.translate("WatchlistAlert", "Vehicles"),
        "containers": QCoreApplication.translate("WatchlistAlert", "Containers"),
    }
    return names.get(list_name, list_name)


def action_text(action: str) -> str:
    actions = {
        "refer": QCoreApplication.translate("WatchlistAlert", "Refer to secondary inspection"),
        "refuse": QCoreApplication.translate("WatchlistAlert", "Refuse entry/exit"),
        "notify": QCoreApplication.translate(
            "WatchlistAlert", "Notify the supervisor; the officer decides"
        ),
    }
    return actions.get(action, action)


def hit_line(hit: Hit) -> str:
    return QCoreApplication.translate(
        "WatchlistAlert", "WATCHLIST HIT — {list}: {reason} (score {score})"
    ).format(list=list_title(hit.list_name), reason=localised(hit.reason), score=hit.score)


class WatchlistAlertDialog(QDialog):
    """The modal alert on a hit: every entry found, its reason, the required action, the score.

    Refer (F8) and refuse (F9) act from here; clearing needs a supervisor at the lane.
    """

    REFER = 2
    REFUSE = 3

    def __init__(self, hits: list[Hit], subject: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_WatchlistAlertDialog()
        self.ui.setupUi(self)
        self.setObjectName("watchlistAlertDialog")
        self.hits, self.subject = hits, subject
        self.ui.referButton.setShortcut(QKeySequence("F8"))
        self.ui.refuseButton.setShortcut(QKeySequence("F9"))
        self.ui.referButton.clicked.connect(lambda: self.done(self.REFER))
        self.ui.refuseButton.clicked.connect(lambda: self.done(self.REFUSE))
        self.ui.seenButton.clicked.connect(self.accept)
        self.ui.seenButton.setDefault(True)
        header = self.ui.hitsTable.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self._show()

    def _show(self) -> None:
        ui = self.ui
        ui.headlineLabel.setText(
            "⚠ " + self.tr("WATCHLIST HIT — entries found: {n}").format(n=len(self.hits))
        )
        ui.subjectLabel.setText(self.tr("Checked: {subject}").format(subject=self.subject))
        ui.hitsTable.setRowCount(len(self.hits))
        for row, hit in enumerate(self.hits):
            cells = (
                list_title(hit.list_name),
                hit.entry_id,
                localised(hit.reason),
                action_text(hit.action),
                str(hit.score),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                ui.hitsTable.setItem(row, column, item)
        ui.hitsTable.resizeRowsToContents()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Row heights follow the wrapped reasons once the columns have their real widths.
        self.ui.hitsTable.resizeRowsToContents()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._show()
        super().changeEvent(event)


WHO_COLUMN, REASON_COLUMN = 2, 3


class WatchlistAlertsDialog(QDialog):
    """Retrospective alerts: records a newer snapshot found; an officer acknowledges each."""

    def __init__(
        self, source: WatchlistSource, officer: str | None, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_WatchlistAlertsDialog()
        self.ui.setupUi(self)
        self.setObjectName("watchlistAlertsDialog")
        self.source, self.officer = source, officer
        self.stamp: str | None = None  # the PIN the officer signed in with (`as_signed_in`)
        # The reason is what the officer acts on: it and the subject share the width left by
        # the short columns and wrap, rather than the reason getting what the others leave
        # (a few pixels at 1366 px: "Los…").
        table = self.ui.alertsTable
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(WHO_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(REASON_COLUMN, QHeaderView.ResizeMode.Stretch)
        table.setWordWrap(True)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.ui.acknowledgeButton.clicked.connect(self.acknowledge)
        self.ui.buttonBox.rejected.connect(self.reject)
        source.changed.connect(self._show)
        self._listening = True
        self._show()

    def _show(self) -> None:
        ui, alerts = self.ui, self.source.alerts
        ui.alertsTable.setRowCount(len(alerts))
        for row, alert in enumerate(alerts):
            cells = (
                f"#{alert.record_seq}",
                alert.recorded_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                alert.subject,
                self.tr("{list}: {reason}").format(
                    list=list_title(alert.list_name), reason=localised(alert.reason)
                ),
                action_text(alert.action),
                str(alert.score),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                item.setData(Qt.ItemDataRole.UserRole, alert.id)
                ui.alertsTable.setItem(row, column, item)
        if alerts and not ui.alertsTable.selectedItems():
            ui.alertsTable.selectRow(0)
        ui.acknowledgeButton.setEnabled(bool(alerts) and self.officer is not None)
        if not alerts:
            ui.messageLabel.setText(self.tr("No alerts are waiting."))
            set_state(ui.messageLabel, "ok")

    def acknowledge(self) -> None:
        items = self.ui.alertsTable.selectedItems()
        if not items or self.officer is None:
            return
        alert_id = int(items[0].data(Qt.ItemDataRole.UserRole))
        officer = self.officer
        self.ops_run(
            as_signed_in(
                officer, self.stamp, lambda store: acknowledge_alert(store, alert_id, officer)
            )
        )

    def ops_run(self, fn: Callable[[Store], bool]) -> None:
        def done(_changed: bool) -> None:
            self.ui.messageLabel.setText(self.tr("Acknowledged."))
            set_state(self.ui.messageLabel, "ok")
            self.source.refresh()

        def failed(error: UserFacingError) -> None:
            self.ui.messageLabel.setText(error_text(error))
            set_state(self.ui.messageLabel, "alert")

        self.source.ops.run(fn, done, failed)

    def done(self, result: int) -> None:
        if self._listening:
            self._listening = False
            self.source.changed.disconnect(self._show)
        super().done(result)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._show()
        super().changeEvent(event)


def attach_watchlist(window: Any) -> WatchlistSource:
    """Show the watchlist segment and the alerts in the window's status bar; reload the
    snapshot at sign-in, after every sync round and every minute."""
    source = source_for(window.ops)
    status = window.status
    source.changed.connect(lambda: status.set_watchlist(source.status, len(source.alerts)))
    source.changed.connect(lambda: _show_recheck_problem(window, source.recheck_problem))
    status.set_watchlist(source.status, len(source.alerts))

    status.ui.alertsButton.clicked.connect(lambda: open_alerts(window, source))
    window.signed_in.connect(lambda _session: source.refresh())
    window.ready.connect(source.refresh)
    after_sync_rounds(window, source.refresh)
    return source


def open_alerts(window: Any, source: WatchlistSource) -> WatchlistAlertsDialog:
    """The retrospective alerts, for the officer signed in at `window` to acknowledge."""
    session = window.session
    dialog = WatchlistAlertsDialog(
        source, session.officer.code if session is not None else None, window
    )
    dialog.stamp = session.stamp if session is not None else None
    dialog.finished.connect(dialog.deleteLater)
    # Most of the window: a reason wraps over several lines, and at its least size only two
    # alerts showed at a time.
    room = window.size()
    dialog.resize(
        max(dialog.minimumWidth(), min(ALERTS_SIZE[0], room.width() - 40)),
        max(dialog.minimumHeight(), min(ALERTS_SIZE[1], room.height() - 80)),
    )
    window.dialog = dialog
    dialog.open()
    return dialog


def after_sync_rounds(window: Any, callback: Callable[[], None]) -> None:
    """Call `callback` after every sync round (the runner exists once the window is ready)."""
    hooked: list[Any] = []

    def hook() -> None:
        runner = getattr(window, "sync_runner", None)
        if runner is not None and runner not in hooked:
            hooked.append(runner)
            runner.round_finished.connect(callback)

    hook()
    window.ready.connect(hook)


def _show_recheck_problem(window: Any, problem: Message | None) -> None:
    """The banner names an owed re-check that cannot be made (`problem`), once, in place of
    any earlier such warning (the one of the start, say), and no longer once it is made."""
    kept = [
        warning
        for warning in window.warnings
        if getattr(warning, "template", None) != RECHECK_FAILED
    ]
    if problem is not None:
        kept.append(problem)
    if kept != window.warnings:
        window.warnings = kept
        window.show_banner()
