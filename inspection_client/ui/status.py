"""The status bar: officer, lane, direction, shift time and counts, sync state, watchlist
snapshot and alerts, version.

The sync part works with what is installed: when the sync feature is present it shows
offline / syncing x of y / last sync and runs rounds on its own thread (with its own store
connection, as `SyncService` opens one); otherwise it shows the records waiting to be sent.
"""

from __future__ import annotations

import importlib.util
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QLocale, QObject, QThread, QTimer, Signal, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

from inspection_client.store.database import Store
from inspection_client.ui.forms.ui_status_bar import Ui_StatusSegments
from inspection_client.ui.labels import label
from inspection_client.ui.messages import localised
from inspection_client.ui.session import Session
from inspection_client.ui.style import set_state
from inspection_client.watchlist.status import WatchlistStatus

# The one place that asks whether the sync feature is installed. The service (and the HTTP
# client under it) is imported by the first round, on the sync thread: not while the window
# starts.
try:
    from inspection_client.store.sync_state import sync_status
    from inspection_client.sync.backoff import Backoff

    SYNC_AVAILABLE = importlib.util.find_spec("inspection_client.sync.service") is not None
except ModuleNotFoundError as missing:
    if missing.name not in (
        "inspection_client.store.sync_state",
        "inspection_client.sync.backoff",
        "inspection_client.sync",
    ):
        raise
    SYNC_AVAILABLE = False

SYNC_INTERVAL_MS = 3 * 60 * 1000
STATUS_REFRESH_MS = 60 * 1000


# The state a round that could not reach the central gives the sync segment: its text is the
# cause, and the segment says "Offline — N waiting" with the store's count.
OFFLINE = "offline"


@dataclass(frozen=True)
class SyncFacts:
    pending: int
    problems: int = 0
    enrolled: bool = False
    last_sync_at: datetime | None = None
    last_error: str | None = None


def sync_facts(store: Store) -> SyncFacts:
    """What the sync segment shows (runs on the store worker)."""
    if SYNC_AVAILABLE:
        status = sync_status(store)
        return SyncFacts(
            status.pending, status.problems, status.enrolled, status.last_sync_at, status.last_error
        )
    from inspection_client.store.info import store_info

    info = store_info(store)
    return SyncFacts(info.pending_sync, info.sync_problems)


def _count(number: int) -> str:
    """A count as the window's language groups digits: a million waiting reads 1,000,000."""
    return QLocale().toString(number)


class _SyncWorker(QObject):
    """Runs one sync round at a time on the sync thread."""

    progress = Signal(int, int)
    finished = Signal(object, object)  # RoundResult or None, error text or None

    def __init__(self, data_dir: Path) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.stop = threading.Event()
        self._service: Any = None

    @Slot()
    def run_round(self) -> None:
        try:
            if self._service is None:
                from inspection_client.sync.service import SyncService

                self._service = SyncService(self.data_dir)
            result = self._service.run_round(
                lambda p: self.progress.emit(p.sent, p.pending_total), self.stop
            )
        except Exception as error:  # a crashed round must not take the lane down
            self.finished.emit(None, f"{type(error).__name__}: {error}")
            return
        self.finished.emit(result, None)

    @Slot()
    def close(self) -> None:
        if self._service is not None:
            self._service.close()


class SyncRunner(QObject):
    """Sync rounds every few minutes, sooner after "Sync now", later after failures."""

    _start = Signal()
    _close = Signal()
    state_changed = Signal(str, str)  # text, state
    round_finished = Signal()  # after every round, good or bad: time to re-read the store

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.running = False
        self.backoff = Backoff()
        self.thread = QThread()
        self.thread.setObjectName("sync")
        self.worker = _SyncWorker(data_dir)
        self.worker.moveToThread(self.thread)
        self._start.connect(self.worker.run_round)
        self._close.connect(self.worker.close)
        self.worker.progress.connect(self._progress)
        self.worker.finished.connect(self._finished)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.sync_now)
        self.thread.start()
        self.last_result: Any = None

    def schedule(self, delay_ms: int = SYNC_INTERVAL_MS) -> None:
        self.timer.start(delay_ms)

    def sync_now(self) -> None:
        if self.running:
            return
        self.running = True
        self.state_changed.emit(self.tr("Syncing…"), "busy")
        self._start.emit()

    def _progress(self, sent: int, total: int) -> None:
        self.state_changed.emit(
            self.tr("Syncing {sent} of {total}").format(sent=_count(sent), total=_count(total)),
            "busy",
        )

    def _finished(self, result: Any, crash: str | None) -> None:
        self.running = False
        self.last_result = result
        if crash is not None or result is None or not result.ok:
            self.backoff.failed()
            delay = int(self.backoff.next_delay() * 1000)
            reason = crash or (result.error if result is not None else "")
            offline = result is not None and not result.central_reachable
            if offline:
                # Said with the store's own count (`StatusSegments`), which the records saved
                # while offline go on raising; the round's count would stand still.
                self.state_changed.emit(localised(reason) or "offline", OFFLINE)
            else:
                text = self.tr("Sync problem: {reason}").format(reason=localised(reason))
                self.state_changed.emit(text, "alert")
            self.schedule(max(delay, 5000))
            self.round_finished.emit()
            return
        self.backoff.succeeded()
        if result.taken_back:
            # Said until the next round: this database had lost records (restored from an
            # older backup), and they are back.
            text = self.tr("{count} lost records taken back from the central").format(
                count=_count(result.taken_back)
            )
            self.state_changed.emit(text, "ok")
        else:
            # No text of its own: the status bar shows the last sync and what is waiting now,
            # from the store, so records saved after this round are counted.
            self.state_changed.emit("", "ok")
        self.schedule()
        self.round_finished.emit()

    def shutdown(self) -> None:
        self.timer.stop()
        self.worker.stop.set()
        self._close.emit()
        self.thread.quit()
        self.thread.wait()


class StatusSegments(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_StatusSegments()
        self.ui.setupUi(self)
        self.setObjectName("statusSegments")
        self.session: Session | None = None
        self.counts: tuple[int, dict[str, int]] = (0, {})
        self.facts: SyncFacts | None = None
        self.sync_text: tuple[str, str] | None = None
        self.watchlist: WatchlistStatus | None = None
        self.watchlist_alerts = 0
        # Each segment's shorter form, for a status bar too narrow for the full ones (see
        # `_fit`); its tooltip keeps the full text.
        self._short: dict[QLabel, str] = {}
        self._full: dict[QLabel, str] = {}
        # Long segments give way (clipped) rather than widen the window past a 1366 px screen.
        for text_label in (self.ui.countsLabel, self.ui.syncLabel):
            text_label.setMinimumWidth(60)
        self._clock = QTimer(self)
        self._clock.timeout.connect(self.refresh)
        self._clock.start(30_000)
        self.refresh()

    def set_session(self, session: Session | None) -> None:
        self.session = session
        self.refresh()

    def set_counts(self, total: int, by_decision: dict[str, int]) -> None:
        self.counts = (total, by_decision)
        self.refresh()

    def set_sync_facts(self, facts: SyncFacts) -> None:
        self.facts = facts
        self.refresh()

    def set_sync_text(self, text: str, state: str) -> None:
        """A sync round's own state (syncing, offline, a problem); empty text: none."""
        self.sync_text = (text, state) if text else None
        self.refresh()

    def set_watchlist(self, status: WatchlistStatus | None, alerts: int) -> None:
        self.watchlist, self.watchlist_alerts = status, alerts
        self.refresh()

    def refresh(self) -> None:
        ui, session = self.ui, self.session
        for widget in (
            ui.officerLabel,
            ui.laneLabel,
            ui.statusDirectionLabel,
            ui.shiftLabel,
            ui.countsLabel,
        ):
            widget.setVisible(session is not None)
        self._short.clear()
        if session is not None:
            code, lane = session.officer.code, session.workstation.lane_id
            self._say(ui.officerLabel, self.tr("Officer: {code}").format(code=code), code)
            self._say(ui.laneLabel, self.tr("Lane: {lane}").format(lane=lane), lane)
            ui.statusDirectionLabel.setText(label(session.direction))
            if session.shift is not None:
                minutes = int(
                    (datetime.now().astimezone() - session.shift.opened_at).total_seconds() // 60
                )
                duration = self.tr("{h}h {m:02d}m").format(h=minutes // 60, m=minutes % 60)
                self._say(
                    ui.shiftLabel, self.tr("Shift: {duration}").format(duration=duration), duration
                )
            else:
                self._say(ui.shiftLabel, self.tr("No open shift"))
            total, by = self.counts
            numbers = {
                "total": _count(total),
                "cleared": _count(by.get("cleared", 0)),
                "referred": _count(by.get("referred", 0)),
                "refused": _count(by.get("refused", 0)),
            }
            # Next to the shift's duration, the three decisions need no "this shift" of their
            # own (nor the total, their sum): short enough for a 1366 px status bar that also
            # shows the watchlist and its alerts.
            self._say(
                ui.countsLabel,
                self.tr("{cleared} cleared · {referred} referred · {refused} refused").format(
                    **numbers
                ),
                # Where even that is too long: marks, with the words in the tooltip.
                self.tr("{cleared} ✓ · {referred} ↗ · {refused} ✗").format(**numbers),
                self.tr(
                    "This shift: {total} ({cleared} cleared, {referred} "
                    "referred, {refused} refused)"
                ).format(**numbers),
            )
        self._show_sync()
        self._show_watchlist()
        self._fit()

    def _say(self, segment: QLabel, text: str, short: str | None = None, tip: str = "") -> None:
        """Show a segment's full text; `short` is its form for a narrow status bar."""
        segment.setText(text)
        self._full[segment] = text
        if short is not None and short != text:
            self._short[segment] = short
            segment.setToolTip(tip or text)
        elif tip:
            segment.setToolTip(tip)
        else:
            segment.setToolTip("")

    def _needed(self) -> int:
        layout = self.layout()
        shown = [
            layout.itemAt(i).widget()
            for i in range(layout.count())
            if layout.itemAt(i).widget() is not None and not layout.itemAt(i).widget().isHidden()
        ]
        spacing = max(layout.spacing(), 0)
        return sum(w.sizeHint().width() for w in shown) + spacing * max(len(shown) - 1, 0)

    def _fit(self) -> None:
        """Shorten segments, one at a time, while the full texts do not fit (a 1024 px
        screen): the officer's, lane's and shift's labels first, then the watchlist's age,
        sync's last time and the counts' words; the tooltips keep the full texts."""
        for segment, text in self._full.items():
            if segment in self._short:
                segment.setText(text)
        if not self.isVisible():
            return
        available = self.width()
        order = (
            (self.ui.officerLabel, self.ui.laneLabel, self.ui.shiftLabel),
            (self.ui.watchlistLabel,),
            (self.ui.syncLabel,),
            (self.ui.countsLabel,),
        )
        for step in order:
            if self._needed() <= available:
                return
            for segment in step:
                if segment in self._short:
                    segment.setText(self._short[segment])

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _age(self, age: timedelta) -> str:
        minutes = max(0, int(age.total_seconds() // 60))
        if minutes < 60:
            return self.tr("{n} min old").format(n=minutes)
        if minutes < 48 * 60:
            return self.tr("{n} h old").format(n=minutes // 60)
        return self.tr("{n} days old").format(n=minutes // (24 * 60))

    def _show_watchlist(self) -> None:
        ui, status = self.ui, self.watchlist
        ui.watchlistLabel.setVisible(status is not None)
        if status is not None:
            short = None
            if status.version is None:
                text, state = self.tr("Watchlist not available"), "warning"
            elif status.stale:
                text, state = self.tr("Watchlist v{v} STALE").format(v=status.version), "stale"
                if status.expires_at is not None:
                    short = text
                    text += " " + self.tr("(expired {date})").format(
                        date=status.expires_at.astimezone().strftime("%Y-%m-%d %H:%M")
                    )
            else:
                text = self.tr("Watchlist v{v}, {age}").format(
                    v=status.version, age=self._age(status.age or timedelta())
                )
                short = self.tr("Watchlist v{v}").format(v=status.version)
                state = "idle"
            self._say(ui.watchlistLabel, text, short)
            set_state(ui.watchlistLabel, state)
        ui.alertsButton.setVisible(self.watchlist_alerts > 0)
        # Beside the watchlist's own segment, "alert(s)" says enough: with sync's button too,
        # the longer text clipped the shift's counts at 1366 px.
        ui.alertsButton.setText("⚠ " + self.tr("{n} alert(s)").format(n=self.watchlist_alerts))
        ui.alertsButton.setToolTip(
            self.tr(
                "{n} watchlist alert(s): earlier records that a newer watchlist matches (Ctrl+6)"
            ).format(n=self.watchlist_alerts)
        )

    def _show_sync(self) -> None:
        facts = self.facts
        tip = ""
        short = None
        if self.sync_text is not None and self.sync_text[1] == OFFLINE:
            cause, state = self.sync_text[0], "alert"
            pending = _count(facts.pending) if facts is not None else "?"
            text = self.tr("Offline — {pending} waiting").format(pending=pending)
            last = facts.last_sync_at if facts is not None else None
            tip = text + "\n" + cause
            tip += "\n" + (
                self.tr("Last complete sync: {time}").format(
                    time=last.astimezone().strftime("%Y-%m-%d %H:%M")
                )
                if last is not None
                else self.tr("No complete sync yet.")
            )
        elif self.sync_text is not None:
            text, state = self.sync_text
        elif facts is None:
            text, state = "", "idle"
        else:
            pending = _count(facts.pending)
            # The count leads: it is what matters, and the short form keeps it alone.
            short = self.tr("{pending} waiting").format(pending=pending)
            if facts.enrolled and facts.last_sync_at is not None:
                synced = facts.last_sync_at.astimezone()
                same_day = synced.date() == datetime.now().astimezone().date()
                text = self.tr("{pending} waiting · synced {time}").format(
                    time=synced.strftime("%H:%M" if same_day else "%m-%d %H:%M"),
                    pending=pending,
                )
                state = "ok" if facts.pending == 0 else "idle"
            elif facts.enrolled:
                text, state = (
                    self.tr("{pending} waiting · not synced yet").format(pending=pending),
                    "idle",
                )
            else:
                text, state = (
                    self.tr("{pending} waiting · not enrolled").format(pending=pending),
                    "idle",
                )
        if facts is not None and facts.problems:
            problems = " · " + self.tr("{n} sync problem(s)").format(n=_count(facts.problems))
            text += problems
            short = short + problems if short is not None else None
            state = "alert"
        self._say(self.ui.syncLabel, text, short, tip or text)
        set_state(self.ui.syncLabel, state)
        self.ui.syncNowButton.setVisible(bool(facts and facts.enrolled))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self.refresh()
        super().changeEvent(event)
