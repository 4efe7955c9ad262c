"""The history screen: every clearance, newest first, one filter box, loaded page by page.

The table model asks the store worker for pages of 200 rows (keyset by sequence number) as
the view scrolls, so a million records open as fast as a hundred.
"""

from __future__ import annotations

import html
import uuid
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QEvent,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QHideEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import QDialog, QHeaderView, QWidget

from inspection_client.domain.codes import Decision, Direction, TravellerRole
from inspection_client.domain.models import (
    Amendment,
    PassengerClearance,
    Record,
    VehicleClearance,
    Void,
    WatchlistCheck,
)
from inspection_client.store import companions, history, records
from inspection_client.store.companions import Adult
from inspection_client.store.database import Store
from inspection_client.store.history import HistoryFilter, HistoryPage, HistoryRow
from inspection_client.store.records import CurrentState
from inspection_client.ui.forms.ui_history import Ui_HistoryScreen
from inspection_client.ui.forms.ui_record import Ui_RecordDialog
from inspection_client.ui.labels import document_text, label
from inspection_client.ui.messages import error_text, localised
from inspection_client.ui.session import Session
from inspection_client.ui.style import set_state
from inspection_client.ui.supervisor import AmendDialog, VoidDialog
from inspection_client.ui.watchlist_alert import list_title

FILTER_DELAY_MS = 150


STATE_COLUMN = 5  # amended / VOIDED
WHO_COLUMN = 6  # the traveller or the vehicle: takes the width left


class HistoryModel(QAbstractTableModel):
    loaded = Signal(int, bool)  # rows so far, more to come
    failed = Signal(str)  # what kept a page from loading, each time it does

    def __init__(self, ops: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.rows: list[HistoryRow] = []
        self.filters = HistoryFilter()
        self.more = False
        self.loading = False
        self._generation = 0
        # The problem last shown in a window, until a page loads: the same one again (the
        # filter box refreshing as an officer types, say) is said only beside the count.
        self._shown_problem: str | None = None

    def headers(self) -> list[str]:
        return [
            self.tr("#"),
            self.tr("Time"),
            self.tr("Kind"),
            self.tr("Direction"),
            self.tr("Decision"),
            # Beside the decision it qualifies: on a narrow screen the right-hand columns
            # scroll out of sight, and a voided clearance read as a plain "Cleared".
            self.tr("State"),
            self.tr("Traveller or vehicle"),
            self.tr("Document"),
            self.tr("Officer"),
        ]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 9

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self.rows[index.row()]
        column = index.column()
        if column == 0:
            return row.seq
        if column == 1:
            return row.recorded_at[:16].replace("T", " ")
        if column == 2:
            return self.tr("Passenger") if row.kind == "passenger" else self.tr("Vehicle")
        if column == 3:
            return label(Direction(row.direction)) if row.direction else ""
        if column == 4:
            return label(Decision(row.decision)) if row.decision else ""
        if column == STATE_COLUMN:
            return {"amended": self.tr("amended"), "voided": self.tr("VOIDED")}.get(row.state, "")
        if column == WHO_COLUMN:
            return row.who
        if column == 7:
            return document_text(row)
        return row.officer

    def set_filter(self, filters: HistoryFilter) -> None:
        self._generation += 1
        self.beginResetModel()
        self.filters = filters
        self.rows = []
        self.more = True
        self.loading = False
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def refresh(self) -> None:
        self.set_filter(self.filters)

    def canFetchMore(self, parent: QModelIndex) -> bool:
        return not parent.isValid() and self.more and not self.loading

    def fetchMore(self, parent: QModelIndex) -> None:
        if not self.canFetchMore(parent):
            return
        self.loading = True
        generation, filters = self._generation, self.filters
        before = self.rows[-1].seq if self.rows else None
        self.ops.run(
            lambda store: history.page(store, filters, before_seq=before),
            lambda page: self._arrived(generation, page),
            lambda error: self._failed(generation, error),
        )

    def _arrived(self, generation: int, page: HistoryPage) -> None:
        if generation != self._generation:
            return  # the filter changed while this page was on its way
        self.loading = False
        self._shown_problem = None
        self.more = page.more
        if page.rows:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self.rows.extend(page.rows)
            self.endInsertRows()
        self.loaded.emit(len(self.rows), self.more)

    def _failed(self, generation: int, error: Exception) -> None:
        if generation == self._generation:
            self.loading = False
            self.more = False
            self.loaded.emit(len(self.rows), False)
        from inspection_client.ui.messages import show_problem

        text = error_text(error)
        self.failed.emit(text)
        if text != self._shown_problem:
            self._shown_problem = text
            show_problem(self.ops.problem_parent, text)


def adults_named(store: Store, revisions: list[Record]) -> dict[uuid.UUID, Adult]:
    """The accompanying adults that a minor's record and its amendments name."""
    found: dict[uuid.UUID, Adult] = {}
    for record in revisions:
        body = record.body
        clearance = body.replacement if isinstance(body, Amendment) else body
        named = getattr(clearance, "accompanying_adult_id", None)
        if named is not None and named not in found:
            adult = companions.adult_named(store, named)
            if adult is not None:
                found[named] = adult
    return found


def adult_line(clearance: PassengerClearance, adults: dict[uuid.UUID, Adult]) -> str | None:
    """What a minor's record says of the adult: name and document (record and time), or
    that the minor travelled alone; None for anyone else."""
    if clearance.traveller_role is not TravellerRole.MINOR:
        return None
    named = clearance.accompanying_adult_id
    if named is None:
        return QCoreApplication.translate("HistoryScreen", "travelling alone (no adult)")
    adult = adults.get(named)
    if adult is None:
        return QCoreApplication.translate("HistoryScreen", "with the adult of record {id}").format(
            id=named
        )
    text = QCoreApplication.translate(
        "HistoryScreen", "with adult {name}, {document} (#{seq}, {time})"
    ).format(
        name=adult.name,
        document=adult.document_number,
        seq=adult.seq,
        time=adult.recorded_at.strftime("%H:%M"),
    )
    if adult.voided:
        text += " · " + QCoreApplication.translate("HistoryScreen", "VOIDED")
    return text


def describe_record(
    widget: QWidget, record: Record, adults: dict[uuid.UUID, Adult] | None = None
) -> str:
    adults = adults or {}
    body = record.body
    when = record.recorded_at.strftime("%Y-%m-%d %H:%M:%S")
    head = f"<b>#{record.seq}</b> {when} · {html.escape(record.officer)}"
    if isinstance(body, Amendment):
        clearance = body.replacement
        text = QCoreApplication.translate(
            "HistoryScreen", "Amendment approved by {sup}: {reason}"
        ).format(sup=body.approved_by, reason=body.reason)
        return f"{head}<br/>{html.escape(text)}<br/>{_clearance_html(widget, clearance, adults)}"
    if isinstance(body, Void):
        text = QCoreApplication.translate(
            "HistoryScreen", "VOID approved by {sup}: {reason}"
        ).format(sup=body.approved_by, reason=body.reason)
        return f"{head}<br/><b>{html.escape(text)}</b>"
    return f"{head}<br/>{_clearance_html(widget, body, adults)}"  # type: ignore[arg-type]


def _clearance_html(widget: QWidget, clearance: Any, adults: dict[uuid.UUID, Adult]) -> str:
    parts = [label(clearance.direction), label(clearance.decision)]
    if clearance.refusal_ground is not None:
        parts.append(label(clearance.refusal_ground))
    if isinstance(clearance, PassengerClearance):
        doc = clearance.document
        parts += [
            f"{doc.surname} {doc.given_names}",
            f"{doc.document_code} {doc.issuing_state} {doc.number}",
        ]
        if doc.birth_date is not None:
            parts.append(
                QCoreApplication.translate("HistoryScreen", "born {date}").format(
                    date=doc.birth_date.isoformat()
                )
            )
        if doc.expiry_date is not None:
            parts.append(
                QCoreApplication.translate("HistoryScreen", "valid until {date}").format(
                    date=doc.expiry_date.isoformat()
                )
            )
        parts += [label(clearance.purpose), label(clearance.traveller_role)]
        adult = adult_line(clearance, adults)
        if adult is not None:
            parts.append(adult)
    else:
        parts += [
            f"{clearance.plate} ({clearance.registration_country})",
            label(clearance.vehicle_kind),
            label(clearance.cargo_category),
        ]
        if clearance.vins:
            parts.append(
                QCoreApplication.translate("HistoryScreen", "VINs: {vins}").format(
                    vins=", ".join(clearance.vins)
                )
            )
        if clearance.containers:
            parts.append(
                ", ".join(
                    c.number + (f" ({' '.join(c.seals)})" if c.seals else "")
                    for c in clearance.containers
                )
            )
        if clearance.hs_codes:
            parts.append(
                QCoreApplication.translate("HistoryScreen", "HS codes: {codes}").format(
                    codes=", ".join(clearance.hs_codes)
                )
            )
        if clearance.declaration_number:
            parts.append(
                QCoreApplication.translate("HistoryScreen", "declaration {number}").format(
                    number=clearance.declaration_number
                )
            )
        if clearance.gross_weight_kg is not None:
            parts.append(
                QCoreApplication.translate("HistoryScreen", "{kg} kg gross").format(
                    kg=f"{clearance.gross_weight_kg:,}"
                )
            )
        people = (1 if clearance.driver_clearance_id else 0) + len(clearance.crew_clearance_ids)
        if people:
            parts.append(
                QCoreApplication.translate("HistoryScreen", "driver and crew: {n}").format(n=people)
            )
    lines = [" · ".join(parts), watchlist_line(clearance.watchlist)]
    if clearance.remarks:
        lines.append(
            QCoreApplication.translate("HistoryScreen", "Remarks: {remarks}").format(
                remarks=clearance.remarks
            )
        )
    return "<br/>".join(html.escape(line) for line in lines)


def watchlist_line(check: WatchlistCheck | None) -> str:
    """What the watchlist check saved with a clearance found, and what was done about it."""
    if check is None:  # saved before the lane checked at all
        return QCoreApplication.translate("HistoryScreen", "Watchlist: no check recorded")
    if check.outcome == "not_checked" or check.snapshot_version is None:
        return QCoreApplication.translate(
            "HistoryScreen", "Watchlist: not checked (no watchlist loaded)"
        )
    if not check.hits:
        return QCoreApplication.translate("HistoryScreen", "Watchlist: v{version}, no hit").format(
            version=check.snapshot_version
        )
    hits = ", ".join(
        f"{list_title(hit.list_name)} {hit.entry_id} ({localised(hit.reason)})"
        for hit in check.hits
    )
    if check.outcome == "cleared_with_approval":
        text = QCoreApplication.translate(
            "HistoryScreen",
            "Watchlist: v{version}, hit: {hits}; cleared with supervisor {supervisor}'s "
            "approval: {reason}",
        ).format(
            version=check.snapshot_version,
            hits=hits,
            supervisor=check.approved_by or "?",
            reason=check.approval_reason or "",
        )
    elif check.outcome == "referred":
        text = QCoreApplication.translate(
            "HistoryScreen", "Watchlist: v{version}, hit: {hits}; referred"
        ).format(version=check.snapshot_version, hits=hits)
    elif check.outcome == "refused":
        text = QCoreApplication.translate(
            "HistoryScreen", "Watchlist: v{version}, hit: {hits}; refused"
        ).format(version=check.snapshot_version, hits=hits)
    else:
        text = QCoreApplication.translate(
            "HistoryScreen", "Watchlist: v{version}, hit: {hits}"
        ).format(version=check.snapshot_version, hits=hits)
    return text


class RecordDialog(QDialog):
    """One clearance with its amendments and void; supervisors act from here."""

    changed = Signal()
    saved = Signal(object)  # the Amendment or Void record saved from here
    slip_requested = Signal(str)  # record id of a vehicle clearance

    def __init__(
        self,
        ops: Any,
        session: Session | None,
        state: CurrentState,
        revisions: list[Record],
        parent: QWidget | None = None,
        adults: dict[uuid.UUID, Adult] | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_RecordDialog()
        self.ui.setupUi(self)
        self.setObjectName("recordDialog")
        self.ops, self.session, self.state = ops, session, state
        self.ui.revisionsText.setHtml(
            "<hr/>".join(describe_record(self, r, adults) for r in revisions)
        )
        status = (
            self.tr("VOIDED")
            if state.voided
            else (
                self.tr("amended {n} time(s)").format(n=len(state.amended_by))
                if state.amended_by
                else self.tr("as recorded")
            )
        )
        self.ui.summaryLabel.setText(
            self.tr("Record #{seq} — {status}").format(seq=state.original.seq, status=status)
        )
        can_act = session is not None and not state.voided
        self.ui.amendButton.setEnabled(can_act)
        self.ui.voidButton.setEnabled(can_act)
        self.ui.amendButton.clicked.connect(self.amend)
        self.ui.voidButton.clicked.connect(self.void)
        is_vehicle = isinstance(state.clearance, VehicleClearance)
        self.ui.slipButton.setVisible(is_vehicle)
        self.ui.slipButton.setEnabled(can_act and is_vehicle)
        self.ui.slipButton.clicked.connect(lambda: self.slip_requested.emit(str(state.original.id)))
        self.ui.buttonBox.rejected.connect(self.reject)
        self.approval: QDialog | None = None

    def amend(self) -> None:
        assert self.session is not None
        dialog = AmendDialog(
            self.ops, self.session, self.state.original, self.state.clearance, self
        )
        self._open(dialog)

    def void(self) -> None:
        assert self.session is not None
        self._open(VoidDialog(self.ops, self.session, self.state.original, self))

    def _open(self, dialog: AmendDialog | VoidDialog) -> None:
        self.approval = dialog
        dialog.done.connect(lambda record: (self.saved.emit(record), self.accept()))
        dialog.done.connect(lambda _record: self.changed.emit())
        dialog.open()


def _record_with_adults(
    store: Store, record_id: str
) -> tuple[CurrentState | None, list[Record], dict[uuid.UUID, Adult]]:
    revisions = records.revisions(store, record_id)
    return records.current(store, record_id), revisions, adults_named(store, revisions)


class HistoryScreen(QWidget):
    slip_requested = Signal(str)  # a record dialog asked for a vehicle's release slip
    record_changed = Signal()  # a record was amended or voided from here
    saved = Signal(list)  # the Records saved from here (an amendment or a void)

    def __init__(self, ops: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_HistoryScreen()
        self.ui.setupUi(self)
        self.setObjectName("historyScreen")
        self.ops = ops
        self.session: Session | None = None
        self.record_dialog: RecordDialog | None = None
        self.model = HistoryModel(ops, self)
        self.ui.historyTable.setModel(self.model)
        header = self.ui.historyTable.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        # The sequence number column fits eight digits: a busy lane passes a million records.
        seq_width = self.ui.historyTable.fontMetrics().horizontalAdvance("0" * 8) + 16
        for column, width in enumerate((seq_width, 170, 100, 80, 120, 90, 0, 230, 90)):
            if width:
                header.resizeSection(column, width)
        header.setSectionResizeMode(WHO_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.ui.historyTable.verticalHeader().setVisible(False)
        today = QDate.currentDate()
        self.ui.fromDateEdit.setDate(today.addDays(-7))
        self.ui.toDateEdit.setDate(today)
        self._fill_combos()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FILTER_DELAY_MS)
        self._timer.timeout.connect(self.apply_filter)
        self.ui.filterEdit.textChanged.connect(self._timer.start)
        self.ui.filterEdit.returnPressed.connect(self.apply_filter)
        self.ui.filterEdit.installEventFilter(self)
        for widget in (self.ui.decisionCombo, self.ui.directionCombo):
            widget.currentIndexChanged.connect(self.apply_filter)
        self.ui.dateCheck.toggled.connect(self._dates_toggled)
        self.ui.fromDateEdit.dateChanged.connect(self.apply_filter)
        self.ui.toDateEdit.dateChanged.connect(self.apply_filter)
        # Enter on a record opens it, as a double click does.
        self.ui.historyTable.activated.connect(self.open_selected)
        self.ui.openButton.clicked.connect(self.open_selected)
        self._last_count: tuple[int, bool] | None = None
        # The amendment or void just saved from here: (its kind, the record's #, its own #),
        # said beside the count until the officer searches again or leaves the screen.
        self._confirmed: tuple[str, int, int] | None = None
        self.model.loaded.connect(self._loaded)
        self.model.failed.connect(self._not_loaded)
        self._started = False
        self._dates_toggled(False)

    def _fit_titles(self) -> None:
        """Widen a column whose title would be cut ("Direction" in bold needs more than its
        data); a column the officer made wider stays so."""
        header = self.ui.historyTable.horizontalHeader()
        for column in range(header.count()):
            hint = header.sectionSizeHint(column)
            if header.sectionSize(column) < hint:
                header.resizeSection(column, hint)

    def showEvent(self, event: QShowEvent) -> None:
        self._fit_titles()  # styled by now: the style sheet's bold titles
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self._confirmed = None  # said; back at History later, it would be news no more
        super().hideEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down from the filter box goes into the list, at its first record: the keyboard's
        # way to choose a record to open (Open record…) or to print a slip for.
        if (
            watched is self.ui.filterEdit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and self.model.rowCount() > 0
        ):
            table = self.ui.historyTable
            table.setFocus(Qt.FocusReason.OtherFocusReason)
            if not table.selectionModel().selectedRows():
                table.selectRow(0)
            return True
        return super().eventFilter(watched, event)

    def _fill_combos(self) -> None:
        for combo, everything, values in (
            (self.ui.decisionCombo, self.tr("All decisions"), list(Decision)),
            (self.ui.directionCombo, self.tr("Both directions"), list(Direction)),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for value in values:
                combo.addItem(label(value), value.value)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)

    def _dates_toggled(self, on: bool) -> None:
        self.ui.fromDateEdit.setEnabled(on)
        self.ui.toDateEdit.setEnabled(on)
        if self._started:
            self.apply_filter()

    def set_session(self, session: Session | None) -> None:
        self.session = session
        if session is not None:
            self._started = True
            self.apply_filter()

    def current_filter(self) -> HistoryFilter:
        decision = self.ui.decisionCombo.currentData()
        direction = self.ui.directionCombo.currentData()
        dates = self.ui.dateCheck.isChecked()
        return HistoryFilter(
            text=self.ui.filterEdit.text(),
            date_from=self.ui.fromDateEdit.date().toPython() if dates else None,
            date_to=self.ui.toDateEdit.date().toPython() if dates else None,
            decision=Decision(decision) if decision else None,
            direction=Direction(direction) if direction else None,
        )

    def apply_filter(self) -> None:
        self._timer.stop()
        self._confirmed = None
        self.ui.resultLabel.setText(self.tr("Searching…"))
        set_state(self.ui.resultLabel, "")
        self.model.set_filter(self.current_filter())

    def _loaded(self, count: int, more: bool) -> None:
        self._last_count = (count, more)
        text = (
            self.tr("Records: {count} shown, more below") if more else self.tr("Records: {count}")
        ).format(count=count)
        confirmation = self._confirmation()
        if confirmation:
            text = f"{confirmation}  {text}"
        self.ui.resultLabel.setText(text)
        set_state(self.ui.resultLabel, "ok" if confirmation else "")

    def _confirmation(self) -> str:
        if self._confirmed is None:
            return ""
        kind, seq, own = self._confirmed
        if kind == "void":
            return self.tr("Record #{seq} voided (#{own}).").format(seq=seq, own=own)
        return self.tr("Record #{seq} amended (#{own}).").format(seq=seq, own=own)

    def _record_saved(self, target: CurrentState, record: Record) -> None:
        """Confirm what was saved from a record's dialog, beside the count."""
        kind = "void" if isinstance(record.body, Void) else "amendment"
        self._confirmed = (kind, target.original.seq, record.seq)
        text = self._confirmation()
        if self._last_count is not None:
            self._loaded(*self._last_count)
        else:
            self.ui.resultLabel.setText(text)
            set_state(self.ui.resultLabel, "ok")
        self.saved.emit([record])

    def _not_loaded(self, problem: str) -> None:
        """Say beside the count why it may be short, for as long as that is so."""
        self.ui.resultLabel.setText(problem)
        set_state(self.ui.resultLabel, "alert")

    def open_selected(self) -> None:
        rows = self.ui.historyTable.selectionModel().selectedRows()
        index = rows[0] if rows else self.ui.historyTable.currentIndex()
        if not index.isValid():
            return
        self.open_record(str(self.model.rows[index.row()].record_id))

    def open_record(self, record_id: str) -> None:
        self.ops.run(
            lambda store: _record_with_adults(store, record_id),
            self._show_record,
        )

    def _show_record(
        self, found: tuple[CurrentState | None, list[Record], dict[uuid.UUID, Adult]]
    ) -> None:
        state, revisions, adults = found
        if state is None:
            return
        dialog = RecordDialog(self.ops, self.session, state, revisions, self, adults)
        dialog.saved.connect(lambda record: self._record_saved(state, record))
        dialog.changed.connect(self.model.refresh)
        dialog.changed.connect(self.record_changed)
        dialog.slip_requested.connect(self.slip_requested)
        dialog.finished.connect(dialog.deleteLater)
        self.record_dialog = dialog
        dialog.open()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._fill_combos()
            self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 8)
            self._fit_titles()
            if self._last_count is not None:
                self._loaded(*self._last_count)
        super().changeEvent(event)
