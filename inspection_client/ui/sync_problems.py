"""The supervisor's queue of records the central rejected or found in conflict, with the
central's reason; a record opens read-only, and a supervisor can send a rejected one again
once the cause is fixed at the central. Refreshed after every sync round."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QMessageBox, QTableWidgetItem, QWidget

from inspection_client.domain.codes import Role
from inspection_client.domain.models import Amendment, Record, Void
from inspection_client.store import records
from inspection_client.store.companions import Adult
from inspection_client.store.database import Store
from inspection_client.store.records import CurrentState
from inspection_client.store.sync_state import SyncProblem, sync_problems
from inspection_client.sync.outbox import send_again
from inspection_client.ui.forms.ui_sync_problems import Ui_SyncProblemsScreen
from inspection_client.ui.history import RecordDialog, adults_named
from inspection_client.ui.session import Session
from inspection_client.ui.style import set_state
from inspection_client.ui.watchlist_alert import after_sync_rounds

# The clearance's current state, its revisions, the problem record itself, and the adults
# a minor's revisions name (for the record view).
RecordFound = tuple[CurrentState | None, list[Record], Record | None, dict[uuid.UUID, Adult]]


def find_record(store: Store, record_id: str) -> RecordFound:
    """The clearance a problem record belongs to (an amendment or void opens its target)."""
    record = records.get(store, record_id)
    target = record_id
    if record is not None and isinstance(record.body, Amendment | Void):
        target = str(record.body.target_id)
    revisions = records.revisions(store, target)
    return records.current(store, target), revisions, record, adults_named(store, revisions)


class SyncProblemsScreen(QWidget):
    """Rejected and conflicting records, oldest first."""

    sent_again = Signal()  # records went back to the outbox: the status bar and sync follow

    def __init__(self, ops: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SyncProblemsScreen()
        self.ui.setupUi(self)
        self.setObjectName("syncProblemsScreen")
        self.ops = ops
        self.session: Session | None = None
        self.problems: list[SyncProblem] = []
        self.record_dialog: Any = None
        self.question: QMessageBox | None = None
        header = self.ui.problemsTable.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.ui.refreshButton.clicked.connect(self.refresh)
        self.ui.openButton.clicked.connect(self.open_selected)
        self.ui.sendAgainButton.clicked.connect(self.send_again_selected)
        self.ui.problemsTable.itemSelectionChanged.connect(self._enable_send_again)
        self.ui.problemsTable.doubleClicked.connect(lambda _index: self.open_selected())
        self._show()

    def title(self) -> str:
        return self.tr("Sync problems")

    def set_session(self, session: Session | None) -> None:
        self.session = session
        if session is not None:
            self.refresh()
        self._enable_send_again()

    def refresh(self) -> None:
        self.ops.run(sync_problems, self._loaded)

    def _loaded(self, problems: list[SyncProblem]) -> None:
        self.problems = problems
        self._show()

    def _state(self, state: str) -> str:
        return {
            "rejected": self.tr("rejected"),
            "conflict": self.tr("conflict"),
        }.get(state, state)

    def _kind(self, kind: str) -> str:
        return {
            "passenger": self.tr("Passenger clearance"),
            "vehicle": self.tr("Vehicle clearance"),
            "amendment": self.tr("Amendment"),
            "void": self.tr("Void"),
            "shift_open": self.tr("Shift opened"),
            "shift_close": self.tr("Shift closed"),
        }.get(kind, kind)

    def _show(self) -> None:
        ui, problems = self.ui, self.problems
        ui.countLabel.setText(self.tr("{n} record(s) need a supervisor").format(n=len(problems)))
        set_state(ui.countLabel, "alert" if problems else "ok")
        ui.problemsTable.setRowCount(len(problems))
        for row, problem in enumerate(problems):
            cells = (
                f"#{problem.seq}",
                self._kind(problem.kind),
                problem.recorded_at[:16].replace("T", " "),
                self._state(problem.state),
                str(problem.attempts),
                problem.detail or self.tr("(no reason given)"),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                item.setData(Qt.ItemDataRole.UserRole, problem.record_id)
                ui.problemsTable.setItem(row, column, item)
        if problems and not ui.problemsTable.selectedItems():
            ui.problemsTable.selectRow(0)
        ui.openButton.setEnabled(bool(problems))
        self._enable_send_again()

    def _selected(self) -> SyncProblem | None:
        rows = self.ui.problemsTable.selectionModel().selectedRows()
        return self.problems[rows[0].row()] if rows and rows[0].row() < len(self.problems) else None

    def _supervisor(self) -> str | None:
        officer = self.session.officer if self.session is not None else None
        if officer is None or officer.role not in (Role.SUPERVISOR, Role.ADMIN):
            return None
        return officer.code

    def _enable_send_again(self) -> None:
        problem, supervisor = self._selected(), self._supervisor()
        button = self.ui.sendAgainButton
        button.setEnabled(
            problem is not None and problem.state == "rejected" and supervisor is not None
        )
        if supervisor is None:
            button.setToolTip(self.tr("A supervisor signs in to send records again."))
        elif problem is not None and problem.state == "conflict":
            button.setToolTip(
                self.tr(
                    "The central holds a different record with this id: sending it again "
                    "cannot help. Open it and ask IT."
                )
            )
        else:
            button.setToolTip(self.tr("Put the record back in the outbox for the next sync."))

    def send_again_selected(self) -> None:
        problem, supervisor = self._selected(), self._supervisor()
        if problem is None or problem.state != "rejected" or supervisor is None:
            return
        question = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Send again"),
            self.tr(
                "Send record #{seq} again? The central rejected it: {reason}\n\nSend it again "
                "only when IT says the cause is fixed at the central; otherwise it comes back "
                "here. The record itself is not changed."
            ).format(seq=problem.seq, reason=problem.detail or self.tr("(no reason given)")),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        question.setObjectName("sendAgainQuestion")
        question.setDefaultButton(QMessageBox.StandardButton.Cancel)
        question.finished.connect(question.deleteLater)
        seq = problem.seq

        def answered(button: int) -> None:
            if button == QMessageBox.StandardButton.Yes:
                self.ops.run(lambda store: send_again(store, [seq], supervisor), self._sent)

        question.finished.connect(answered)
        self.question = question
        question.open()

    def open_selected(self) -> None:
        items = self.ui.problemsTable.selectedItems()
        if not items:
            return
        record_id = str(items[0].data(Qt.ItemDataRole.UserRole))
        self.ops.run(lambda store: find_record(store, record_id), self._show_record)

    def _show_record(self, found: RecordFound) -> None:
        state, revisions, record, adults = found
        if state is not None:
            # No session: the record is shown read-only (amend and void are disabled).
            dialog: Any = RecordDialog(self.ops, None, state, revisions, self, adults)
        else:
            text = record.model_dump_json(indent=2) if record is not None else ""
            dialog = QMessageBox(
                QMessageBox.Icon.Information,
                self.tr("Record"),
                self.tr("This record is not a clearance; its content:"),
                QMessageBox.StandardButton.Close,
                self,
            )
            dialog.setObjectName("syncProblemRecord")
            dialog.setDetailedText(text)
        dialog.finished.connect(dialog.deleteLater)
        self.record_dialog = dialog
        dialog.open()

    def _sent(self, _count: int) -> None:
        self.refresh()
        self.sent_again.emit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._show()
        super().changeEvent(event)


def register_sync_problems_screen(window: Any) -> SyncProblemsScreen:
    """Add the sync-problems tab to `window`, refreshed after every sync round.

    Called from `MainWindow.__init__`: the tab is added once the standard screens are (the
    window's `ready` signal).
    """
    screen = SyncProblemsScreen(window.ops)
    window.sync_problems = screen

    def add() -> None:
        if window.ui.screens.indexOf(screen) < 0:
            window.add_screen(screen, screen.title)

    if window.ui.screens.count():
        add()
    else:
        window.ready.connect(add)
    after_sync_rounds(window, screen.refresh)
    # The status bar's counts, and a round soon when enrolled (`MainWindow._sync_facts`).
    screen.sent_again.connect(window.refresh_sync_facts)
    return screen
