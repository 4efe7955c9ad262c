"""The Reports screen: pick a shift or a period, read its summary, export, open or print it.

The summary is drawn from the same `ShiftReport` as the PDF (`reports/`), as HTML tables in a
text browser; "Open as PDF" writes the real PDF to a private temporary folder and hands it to
the system viewer. Export and print use the interface language.
"""

from __future__ import annotations

import html
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QEvent, QUrl
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from inspection_client.domain.clock import printed_iso, printed_time
from inspection_client.domain.codes import (
    CargoCategory,
    Decision,
    Direction,
    RefusalGround,
    VehicleKind,
)
from inspection_client.domain.ids import short_id
from inspection_client.domain.models import Shift
from inspection_client.errors import UserFacingError
from inspection_client.reports.labels import Lang
from inspection_client.store import shifts
from inspection_client.store.database import Store
from inspection_client.store.shifts import ShiftCounts
from inspection_client.ui.forms.ui_reports import Ui_ReportsScreen
from inspection_client.ui.labels import label

if TYPE_CHECKING:
    from inspection_client.reports.shift_report import ShiftReport
from inspection_client.ui.messages import error_text, show_info, show_problem
from inspection_client.ui.session import Session
from inspection_client.ui.slip_printing import (
    PrintPages,
    ask_to_print,
    ask_where_to_save,
    document_language,
    prepare_printer,
    print_pages,
    rasterise_then,
)

SHIFTS_LISTED = 100
LIST_LINES = 50  # the summary lists this many refusals, referrals, changes; the exports all


@dataclass(frozen=True)
class Scope:
    """A shift by id, or a period of whole days (local time)."""

    shift_id: str | None = None
    period: tuple[datetime, datetime] | None = None

    def build(self, store: Store) -> ShiftReport:
        from inspection_client.reports import documents  # fpdf2 loads on first use, not at start

        return documents.build_report(store, shift_id=self.shift_id, period=self.period)

    def file_stem(self) -> str:
        if self.shift_id is not None:
            return f"shift-{short_id(self.shift_id)}"
        assert self.period is not None
        return f"period-{self.period[0]:%Y%m%d}-{self.period[1]:%Y%m%d}"


def shift_choices(store: Store) -> list[tuple[Shift, ShiftCounts]]:
    """The latest shifts with their counts, newest first (runs in the store worker)."""
    return [
        (shift, shifts.shift_counts(store, shift.shift_id))
        for shift in shifts.list_shifts(store, limit=SHIFTS_LISTED)
    ]


def _coded(kind: type[StrEnum], value: str | None) -> str:
    if value is None:
        return "—"
    try:
        return label(kind(value))
    except ValueError:
        return value


def _table(headers: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th align='left'>{html.escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(cell))}</td>" for cell in row) + "</tr>"
        for row in rows
    )
    return f"<table border='1' cellspacing='0' cellpadding='3'><tr>{head}</tr>{body}</table>"


class ReportsScreen(QWidget):
    def __init__(self, ops: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ReportsScreen()
        self.ui.setupUi(self)
        self.setObjectName("reportsScreen")
        self.ops = ops
        self.session: Session | None = None
        self.choices: list[tuple[Shift, ShiftCounts]] = []
        self.report: ShiftReport | None = None
        self.file_dialog: QFileDialog | None = None
        self.print_dialog: QPrintDialog | None = None
        self.info_box: QMessageBox | None = None  # the export made as the shift closed
        self.last_written: Path | None = None
        self._wanted_shift: str | None = None
        self._temp = tempfile.TemporaryDirectory(prefix="inspection-reports-")
        today = QDate.currentDate()
        self.ui.fromDateEdit.setDate(today)
        self.ui.toDateEdit.setDate(today)
        ui = self.ui
        ui.refreshButton.clicked.connect(self.refresh_shifts)
        ui.showButton.clicked.connect(self.show_report)
        ui.openPdfButton.clicked.connect(self.open_pdf)
        ui.exportButton.clicked.connect(lambda: self.export())
        ui.printButton.clicked.connect(lambda: self.print_report())
        ui.shiftRadio.toggled.connect(self._scope_changed)
        ui.shiftCombo.activated.connect(lambda _i: self.show_report())
        self._scope_changed()

    # -- scope ------------------------------------------------------------------------------

    def set_session(self, session: Session | None) -> None:
        self.session = session
        if session is not None and self.isVisible():
            self.refresh_shifts()

    def showEvent(self, event: QShowEvent) -> None:
        # Listed when the screen is opened, not at sign-in: counting 100 shifts is not free.
        if self.session is not None:
            self.refresh_shifts()
        super().showEvent(event)

    def focus_start(self) -> None:
        self.ui.shiftCombo.setFocus()

    def _scope_changed(self) -> None:
        by_shift = self.ui.shiftRadio.isChecked()
        self.ui.shiftCombo.setEnabled(by_shift)
        self.ui.fromDateEdit.setEnabled(not by_shift)
        self.ui.toDateEdit.setEnabled(not by_shift)

    def refresh_shifts(self) -> None:
        self.ops.run(shift_choices, self._shifts_arrived)

    def _shifts_arrived(self, choices: list[tuple[Shift, ShiftCounts]]) -> None:
        self.choices = choices
        self._fill_shifts()
        if self._wanted_shift is not None:
            self.select_shift(self._wanted_shift)

    def _fill_shifts(self) -> None:
        combo = self.ui.shiftCombo
        current = self._wanted_shift or combo.currentData()
        combo.clear()
        for shift, counts in self.choices:
            # As the report prints them: in the offset the lane recorded, and saying it.
            opened = printed_time(shift.opened_at, None)
            if shift.closed_at is None:
                closed = self.tr("open")
            elif shift.closed_at.utcoffset() == shift.opened_at.utcoffset():
                closed = shift.closed_at.strftime("%H:%M")
            else:  # the lane's clock changed zone during the shift
                closed = printed_time(shift.closed_at, None)
            text = (
                self.tr("{opened} – {closed} · {officer} · 1 clearance")
                if counts.total == 1
                else self.tr("{opened} – {closed} · {officer} · {count} clearances")
            )
            combo.addItem(
                text.format(
                    opened=opened, closed=closed, officer=shift.officer, count=counts.total
                ),
                str(shift.shift_id),
            )
        if current is not None and combo.findData(current) >= 0:
            combo.setCurrentIndex(combo.findData(current))
        if not self.choices:
            self.ui.statusLabel.setText(self.tr("No shift has been recorded here yet."))

    def select_shift(self, shift_id: str) -> bool:
        """Preselect a shift (e.g. the one just closed); True when it is in the list."""
        self._wanted_shift = shift_id
        index = self.ui.shiftCombo.findData(shift_id)
        if index < 0:
            return False
        self._wanted_shift = None
        self.ui.shiftRadio.setChecked(True)
        self.ui.shiftCombo.setCurrentIndex(index)
        return True

    def scope(self) -> Scope | None:
        if self.ui.shiftRadio.isChecked():
            shift_id = self.ui.shiftCombo.currentData()
            return Scope(shift_id=str(shift_id)) if shift_id else None
        start = datetime.combine(self.ui.fromDateEdit.date().toPython(), time.min).astimezone()
        end = datetime.combine(self.ui.toDateEdit.date().toPython(), time.max).astimezone()
        return Scope(period=(start, end))

    def _scope_or_say(self) -> Scope | None:
        scope = self.scope()
        if scope is None:
            self.ui.statusLabel.setText(self.tr("Choose a shift or a period first."))
        return scope

    # -- preview ----------------------------------------------------------------------------

    def show_report(self) -> None:
        scope = self._scope_or_say()
        if scope is None:
            return
        self.ui.statusLabel.setText(self.tr("Preparing the report…"))
        self.ops.run(scope.build, self._report_arrived, self._failed)

    def _report_arrived(self, report: ShiftReport) -> None:
        self.report = report
        self.ui.statusLabel.setText(
            (
                self.tr("1 clearance in this report.")
                if report.total() == 1
                else self.tr("{count} clearances in this report.")
            ).format(count=report.total())
        )
        self.ui.previewText.setHtml(self.summary_html(report))

    def _failed(self, error: UserFacingError) -> None:
        self.ui.statusLabel.setText(error_text(error))
        show_problem(self, error_text(error))

    def summary_html(self, report: ShiftReport) -> str:
        if report.is_shift:
            scope = self.tr("Shift {id}, opened {opened}, closed {closed}").format(
                id=report.shift_id,
                # As the PDF prints them: in the device's offset, with it.
                opened=printed_iso(report.opened_at),
                closed=printed_iso(report.closed_at) or self.tr("not yet"),
            )
        else:
            scope = self.tr("Period {start} to {end}").format(
                start=printed_iso(report.period_from), end=printed_iso(report.period_to)
            )
        parts = [
            "<h2>"
            + html.escape(
                self.tr("Shift report") if report.is_shift else self.tr("Report for a period")
            )
            + "</h2>",
            "<p>"
            + html.escape(
                self.tr("Port {port}, lane {lane}, workstation {ws}").format(
                    port=report.port, lane=report.lane, ws=report.workstation_id
                )
            )
            + "<br/>"
            + html.escape(scope)
            + "<br/>"
            + html.escape(
                self.tr("Officers: {officers}; sequence numbers {first} to {last}").format(
                    officers=", ".join(report.officers) or "—",
                    first=report.first_seq or "—",
                    last=report.last_seq or "—",
                )
            )
            + "</p>",
        ]
        counts = report.counts()
        parts.append(
            "<p><b>"
            + html.escape(
                self.tr(
                    "Total {total}: cleared {cleared}, referred {referred}, refused {refused} "
                    "({passengers} passengers, {vehicles} vehicles)."
                ).format(
                    total=counts["clearances"],
                    cleared=counts["cleared"],
                    referred=counts["referred"],
                    refused=counts["refused"],
                    passengers=counts["passengers"],
                    vehicles=counts["vehicles"],
                )
            )
            + "</b><br/>"
            + html.escape(self.tr("Voided clearances are left out of every figure."))
            + "</p>"
        )
        kinds = {"passenger": self.tr("Passenger"), "vehicle": self.tr("Vehicle")}
        sections: list[tuple[str, list[str], list[list[str]]]] = [
            (
                self.tr("Totals"),
                [self.tr("Direction"), self.tr("Kind"), self.tr("Decision"), self.tr("Count")],
                [
                    [
                        _coded(Direction, t.direction),
                        kinds.get(t.kind, t.kind),
                        _coded(Decision, t.decision),
                        str(t.count),
                    ]
                    for t in report.totals
                ],
            ),
            (
                self.tr("Passengers by nationality"),
                [self.tr("Nationality"), self.tr("Count")],
                [[nat, str(n)] for nat, n in report.passengers_by_nationality[:LIST_LINES]],
            ),
            (
                self.tr("Vehicles by kind and cargo"),
                [self.tr("Vehicle kind"), self.tr("Cargo"), self.tr("Count")],
                [
                    [
                        _coded(VehicleKind, v.vehicle_kind),
                        _coded(CargoCategory, v.cargo_category),
                        str(v.count),
                    ]
                    for v in report.vehicles
                ],
            ),
            (
                self.tr("Refusals"),
                [self.tr("Time"), self.tr("Kind"), self.tr("Ground"), self.tr("Nationality")],
                [
                    [
                        printed_iso(r.recorded_at),
                        kinds.get(r.kind, r.kind),
                        _coded(RefusalGround, r.ground),
                        r.nationality,
                    ]
                    for r in report.refusals[:LIST_LINES]
                ],
            ),
            (
                self.tr("Amendments and voids"),
                [self.tr("Time"), self.tr("Change"), self.tr("Approved by"), self.tr("Reason")],
                [
                    [printed_iso(c.recorded_at), c.kind, c.approved_by, c.reason]
                    for c in report.changes[:LIST_LINES]
                ],
            ),
        ]
        nothing = self.tr("None.")
        for title, headers, rows in sections:
            parts.append(f"<h3>{html.escape(title)}</h3>")
            parts.append(_table(headers, rows) if rows else f"<p>{html.escape(nothing)}</p>")
        parts.append(
            "<p>"
            + html.escape(
                self.tr(
                    "Green-channel vehicles: {green}. Exported complete vehicles (VINs): "
                    "{vins}. Referrals: {referrals}. Watchlist hits: {hits}."
                ).format(
                    green=report.green_channel_vehicles,
                    vins=report.exported_vins,
                    referrals=len(report.referrals),
                    hits=len(report.watchlist_hits),
                )
            )
            + "</p>"
        )
        if report.occurrences:
            occurrences = self.tr("Particular occurrences")
            parts.append(f"<h3>{html.escape(occurrences)}</h3>")
            parts.append(f"<p>{html.escape(report.occurrences)}</p>")
        parts.append(
            "<p>"
            + html.escape(
                self.tr("Records not yet synchronised: {n}.").format(n=report.pending_sync)
            )
            + "</p>"
        )
        return "".join(parts)

    # -- files ------------------------------------------------------------------------------

    def _write(self, scope: Scope, path: Path, kind: str, lang: Lang) -> Callable[[Store], Path]:
        def write(store: Store) -> Path:
            from inspection_client.reports import (
                documents,  # fpdf2 loads on first use, not at start
            )

            return documents.write_report(store, scope.build(store), path, kind=kind, lang=lang)

        return write

    def open_pdf(self) -> None:
        scope = self._scope_or_say()
        if scope is None:
            return
        path = Path(self._temp.name) / f"{scope.file_stem()}.pdf"
        self.ui.statusLabel.setText(self.tr("Preparing the report…"))
        self.ops.run(self._write(scope, path, "pdf", document_language()), self._open, self._failed)

    def _open(self, path: Path) -> None:
        self.last_written = path
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.ui.statusLabel.setText(self.tr("Opened {path}").format(path=path))
        else:  # no PDF viewer set up on this workstation
            self.ui.statusLabel.setText(
                self.tr(
                    "No program to show PDF files is set up here; the report is in {path}. "
                    "Use Export… to keep it, or Print…"
                ).format(path=path)
            )

    def export(self, shift_id: str | None = None) -> None:
        """Ask where to save the report (of `shift_id`, else of the chosen scope)."""
        scope = Scope(shift_id=shift_id) if shift_id is not None else self._scope_or_say()
        if scope is None:
            return
        filters = [
            ("pdf", self.tr("PDF document (*.pdf)")),
            ("csv", self.tr("CSV table (*.csv)")),
            ("xlsx", self.tr("Excel workbook (*.xlsx)")),
        ]
        owner = self if self.isVisible() else self.window()
        self.file_dialog = ask_where_to_save(
            owner,
            self.tr("Export the report"),
            filters,
            f"{scope.file_stem()}.pdf",
            lambda path, kind: self.export_to(path, kind, scope),
        )

    def export_to(self, path: Path, kind: str, scope: Scope | None = None) -> None:
        scope = scope or self._scope_or_say()
        if scope is None:
            return
        self.ui.statusLabel.setText(self.tr("Preparing the report…"))
        self.ops.run(
            self._write(scope, path, kind, document_language()), self._exported, self._failed
        )

    def _exported(self, path: Path) -> None:
        self.last_written = path
        said = self.tr("Saved {path}").format(path=path)
        self.ui.statusLabel.setText(said)
        if not self.isVisible():
            # Exported as the shift closed: the lane is signed out, this screen unseen.
            self.info_box = show_info(self.window(), said, self.tr("Shift report"))

    # -- printing ---------------------------------------------------------------------------

    def print_report(self, printer: QPrinter | None = None) -> None:
        """Render the PDF, then open the print dialog (or print straight to `printer`)."""
        scope = self._scope_or_say()
        if scope is None:
            return
        lang = document_language()

        def render(store: Store) -> bytes:
            report = scope.build(store)
            from inspection_client.reports import (
                documents,  # fpdf2 loads on first use, not at start
            )

            qr_text = documents.seal_report(report, documents.workstation_key(store))
            return documents.render_report(report, "pdf", lang=lang, qr_text=qr_text)

        def ready(prepared: PrintPages) -> None:
            if printer is None:
                self.ui.statusLabel.setText(self.tr("Choose the printer, then Print."))
                self.print_dialog = ask_to_print(
                    self, prepared, self._printed, self._failed, self.ui.statusLabel.clear
                )
                return
            try:
                self._printed(print_pages(prepare_printer(prepared, printer), prepared))
            except UserFacingError as error:
                self._failed(error)

        self.ui.statusLabel.setText(self.tr("Preparing the pages for printing…"))
        self.ops.run(
            render, lambda pdf: rasterise_then(self, pdf, ready, self._failed), self._failed
        )

    def _printed(self, count: int) -> None:
        self.ui.statusLabel.setText(self.tr("Sent {n} page(s) to the printer.").format(n=count))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._fill_shifts()
            self.ui.statusLabel.clear()  # said in the language before
            if self.report is not None:
                self.ui.previewText.setHtml(self.summary_html(self.report))
        super().changeEvent(event)
