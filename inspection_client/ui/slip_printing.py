"""Release slips on screen and on paper: issue, preview, save as PDF/PNG, print.

Printing goes through the system print dialog. The slip (or a report) is first rendered as PDF
by `reports/`, then rasterised page by page with poppler's `pdftoppm` and painted onto the
`QPrinter`: the PySide6 wheels we use have no PDF renderer, and a bitmap at printer resolution
prints the same on a receipt printer's driver as on an office laser.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QMarginsF,
    QObject,
    QRect,
    QSizeF,
    QStandardPaths,
    Qt,
)
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from inspection_client.domain.ids import short_id
from inspection_client.errors import UserFacingError
from inspection_client.reports.files import save_document
from inspection_client.reports.labels import Lang
from inspection_client.store.database import Store
from inspection_client.ui import language
from inspection_client.ui.file_dialogs import file_dialog
from inspection_client.ui.forms.ui_slip_preview import Ui_SlipPreviewDialog
from inspection_client.ui.labels import label
from inspection_client.ui.messages import error_text, show_problem
from inspection_client.ui.operations import ThreadDelivery

if TYPE_CHECKING:
    from inspection_client.reports import slip
    from inspection_client.reports.slip import ReleaseSlip

PRINT_DPI = 200
PDFTOPPM_TIMEOUT_S = 120


class PrintingUnavailable(UserFacingError):
    exit_status = 3


@dataclass(frozen=True)
class PrintPages:
    """A document rasterised for printing: PNG bytes per page, at `dpi`."""

    pages: list[bytes]
    dpi: int

    def page_size_mm(self) -> QSizeF:
        first = QImage.fromData(self.pages[0])
        return QSizeF(first.width() / self.dpi * 25.4, first.height() / self.dpi * 25.4)


def pdf_page_images(pdf: bytes, dpi: int = PRINT_DPI) -> list[bytes]:
    """Every page of a PDF as PNG bytes (poppler's pdftoppm; no Qt, runs in the worker).

    Raises:
        PrintingUnavailable: pdftoppm is not installed or fails.
    """
    tool = shutil.which("pdftoppm")
    if tool is None:
        raise PrintingUnavailable(
            QCoreApplication.translate(
                "slip_printing",
                "Printing needs poppler's pdftoppm (apt-get install poppler-utils); save the "
                "document as PDF and print that file instead.",
            )
        )
    with tempfile.TemporaryDirectory(prefix="inspection-print-") as tmp:
        source = Path(tmp) / "document.pdf"
        source.write_bytes(pdf)
        try:
            subprocess.run(
                [tool, "-png", "-r", str(dpi), str(source), str(Path(tmp) / "page")],
                check=True,
                capture_output=True,
                timeout=PDFTOPPM_TIMEOUT_S,
            )
        except (OSError, subprocess.SubprocessError) as error:
            raise PrintingUnavailable(
                QCoreApplication.translate(
                    "slip_printing", "Could not prepare the pages for printing: {error}"
                ).format(error=error)
            ) from error
        # pdftoppm numbers pages with as many digits as the last page needs: sort by number.
        files = sorted(Path(tmp).glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        return [path.read_bytes() for path in files]


def rasterise_then(
    parent: QObject,
    pdf: bytes,
    on_ready: Callable[[PrintPages], None],
    on_failed: Callable[[UserFacingError], None],
) -> threading.Thread:
    """Rasterise on a thread of its own, then call back on the GUI thread.

    Neither the GUI thread nor the store worker waits: pdftoppm takes about half a second per
    A4 page at 200 dpi, and a lane's saves must not queue behind a printout. When `parent`
    is deleted first (the officer closed the preview), the pages have no one to go to and
    are dropped.
    """
    delivery = ThreadDelivery(parent)

    def arrived(pages: PrintPages | None, error: UserFacingError | None) -> None:
        delivery.deleteLater()
        if error is not None:
            on_failed(error)
        elif pages is not None:
            on_ready(pages)

    delivery.done.connect(arrived)

    def work() -> None:
        try:
            pages = PrintPages(pdf_page_images(pdf), PRINT_DPI)
        except UserFacingError as error:
            delivery.send(None, error)
        except Exception as error:  # a thread of its own: report it rather than lose it
            delivery.send(
                None, UserFacingError(f"Could not prepare the pages for printing: {error!r}")
            )
        else:
            delivery.send(pages, None)

    thread = threading.Thread(target=work, name="print-rasteriser", daemon=True)
    thread.start()
    return thread


def prepare_printer(pages: PrintPages, printer: QPrinter | None = None) -> QPrinter:
    """A printer set to the document's own page size, without margins (the PDF has them)."""
    printer = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
    size = QPageSize(
        pages.page_size_mm(), QPageSize.Unit.Millimeter, "", QPageSize.SizeMatchPolicy.FuzzyMatch
    )
    printer.setPageLayout(
        QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
    )
    printer.setFullPage(True)
    return printer


def print_pages(printer: QPrinter, pages: PrintPages) -> int:
    """Paint the pages onto the printer, each scaled to fit its page; returns pages printed.

    Raises:
        PrintingUnavailable: the printer could not be opened.
    """
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintingUnavailable(
            QCoreApplication.translate(
                "slip_printing", "The printer could not be opened; check that it is ready."
            )
        )
    try:
        for number, data in enumerate(pages.pages):
            if number:
                printer.newPage()
            image = QImage.fromData(data)
            area = painter.viewport()
            scaled = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(area.topLeft(), scaled), image)
    finally:
        painter.end()
    return len(pages.pages)


def ask_to_print(
    parent: QWidget,
    pages: PrintPages,
    on_printed: Callable[[int], None],
    on_failed: Callable[[UserFacingError], None],
    on_cancelled: Callable[[], None] = lambda: None,
) -> QPrintDialog:
    """The system print dialog, opened without blocking; prints when the officer accepts."""
    printer = prepare_printer(pages)
    dialog = QPrintDialog(printer, parent)
    dialog.setObjectName("printDialog")

    def finished(result: int) -> None:
        if result != QDialog.DialogCode.Accepted.value:
            on_cancelled()
            return
        try:
            on_printed(print_pages(printer, pages))
        except UserFacingError as error:
            on_failed(error)

    # finished(int), not accepted: QPrintDialog overloads that signal with a printer argument.
    dialog.finished.connect(finished)
    # QDialog.open(): PySide6 binds only QPrintDialog's open(receiver, member) overload.
    QDialog.open(dialog)
    return dialog


_last_folder: list[Path | None] = [None]


def save_folder() -> Path:
    """Where a save dialog opens: the folder of the last document saved in this session,
    else the officer's documents folder, else the home folder (never the folder the program
    was started from, which a dialog falls back to for a folder that does not exist)."""
    last = _last_folder[0]
    if last is not None and last.is_dir():
        return last
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


def ask_where_to_save(
    parent: QWidget,
    title: str,
    filters: list[tuple[str, str]],
    suggested: str,
    on_chosen: Callable[[Path, str], None],
) -> QFileDialog:
    """A save dialog, opened without blocking; `on_chosen(path, kind)` with the kind from the
    file's extension, or from the chosen filter when the name has none (which is then added).

    `filters` are (kind, filter text) pairs, e.g. ("pdf", "PDF (*.pdf)").
    """
    dialog = file_dialog(parent, title)
    dialog.setObjectName("saveDialog")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setNameFilters([text for _kind, text in filters])
    dialog.setDirectory(str(save_folder()))
    dialog.selectFile(suggested)
    kinds = [kind for kind, _text in filters]

    def chosen(name: str) -> None:
        path = Path(name)
        _last_folder[0] = path.parent
        kind = path.suffix.lower().lstrip(".")
        if kind not in kinds:
            picked = dialog.selectedNameFilter()
            kind = next((k for k, text in filters if text == picked), kinds[0])
            path = path.with_name(f"{path.name}.{kind}")
        on_chosen(path, kind)

    dialog.fileSelected.connect(chosen)
    dialog.open()
    return dialog


def document_language() -> Lang:
    """Documents are made in the interface language."""
    return "zh_CN" if language.current() == "zh_CN" else "en"


# -- release slip ---------------------------------------------------------------------------


@dataclass(frozen=True)
class IssuedSlip:
    slip: ReleaseSlip
    png: bytes


def issue_for_preview(store: Store, record_id: str, lang: Lang) -> IssuedSlip:
    """Seal a slip with this workstation's key and draw it (runs in the store worker).

    Raises:
        slip.SlipRefused: unknown, voided, not a vehicle clearance, refused or referred.
        fonts.ReportFontMissing: Chinese without a CJK font.
    """
    from inspection_client.reports import documents, slip  # fpdf2 loads on first use

    issued = slip.issue_slip(store, record_id, documents.workstation_key(store))
    return IssuedSlip(issued, slip.render_png(issued, lang=lang))


class SlipPreviewDialog(QDialog):
    """The slip as it will print, with the paper size, save and print buttons."""

    def __init__(self, ops: Any, issued: IssuedSlip, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SlipPreviewDialog()
        self.ui.setupUi(self)
        self.setObjectName("slipPreviewDialog")
        self.ops, self.issued = ops, issued
        self.file_dialog: QFileDialog | None = None
        self.print_dialog: QPrintDialog | None = None
        self.last_saved: Path | None = None
        self._fill_sizes()
        self.ui.imageLabel.setPixmap(QPixmap.fromImage(QImage.fromData(issued.png)))
        self.ui.printButton.clicked.connect(lambda: self.print_slip())
        self.ui.savePdfButton.clicked.connect(lambda: self.save("pdf"))
        self.ui.savePngButton.clicked.connect(lambda: self.save("png"))
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.printButton.setDefault(True)
        self._describe()
        self.resize(1000, 680)

    def _fill_sizes(self) -> None:
        current = self.ui.sizeCombo.currentData() or "80mm"
        self.ui.sizeCombo.clear()
        self.ui.sizeCombo.addItem(self.tr("80 mm receipt"), "80mm")
        self.ui.sizeCombo.addItem(self.tr("A5 sheet"), "a5")
        self.ui.sizeCombo.setCurrentIndex(max(self.ui.sizeCombo.findData(current), 0))

    def _describe(self) -> None:
        from inspection_client.reports.slip import slip_time

        issued = self.issued.slip
        clearance = issued.clearance
        self.ui.summaryLabel.setText(
            self.tr(
                "Release slip for {plate} — {decision}, {direction}.\n"
                "VINs: {vins} · containers: {containers}\nValid until {until}."
            ).format(
                plate=clearance.plate,
                decision=label(clearance.decision),
                direction=label(clearance.direction),
                vins=len(clearance.vins),
                containers=len(clearance.containers),
                # As the slip prints it (the port's time, with its offset), not this
                # machine's zone: one record must not show two clock times.
                until=slip_time(issued, issued.expires_at),
            )
        )

    def paper_size(self) -> slip.SlipSize:
        return "a5" if self.ui.sizeCombo.currentData() == "a5" else "80mm"

    def document_bytes(self, kind: str, lang: Lang) -> bytes:
        from inspection_client.reports import slip

        if kind == "png":
            return slip.render_png(self.issued.slip, lang=lang)
        return slip.render_pdf(self.issued.slip, size=self.paper_size(), lang=lang)

    def save(self, kind: str) -> None:
        filters = {
            "pdf": [("pdf", self.tr("PDF document (*.pdf)"))],
            "png": [("png", self.tr("PNG image (*.png)"))],
        }[kind]
        plate = "".join(c for c in self.issued.slip.clearance.plate if c.isalnum())
        suggested = f"slip-{plate}-{short_id(self.issued.slip.record_id)}.{kind}"
        self.file_dialog = ask_where_to_save(
            self, self.tr("Save the release slip"), filters, suggested, self.save_to
        )

    def save_to(self, path: Path, kind: str) -> None:
        lang = document_language()

        def write(store: Store) -> Path:
            save_document(path, self.document_bytes(kind, lang), data_dir=store.path.parent)
            return path

        self.ops.run(write, self._saved, self._failed)

    def _saved(self, path: Path) -> None:
        self.last_saved = path
        self.ui.statusLabel.setText(self.tr("Saved {path}").format(path=path))

    def _failed(self, error: UserFacingError) -> None:
        self.ui.statusLabel.setText(error_text(error))
        show_problem(self, error_text(error))

    def print_slip(self, printer: QPrinter | None = None) -> None:
        """Render for the chosen size and open the print dialog (or print to `printer`)."""
        lang, size = document_language(), self.paper_size()

        def render(_store: Store) -> bytes:
            from inspection_client.reports import slip

            return slip.render_pdf(self.issued.slip, size=size, lang=lang)

        def ready(prepared: PrintPages) -> None:
            if printer is not None:
                try:
                    self._printed(print_pages(prepare_printer(prepared, printer), prepared))
                except UserFacingError as error:
                    self._failed(error)
            else:
                self.ui.statusLabel.setText(self.tr("Choose the printer, then Print."))
                self.print_dialog = ask_to_print(
                    self, prepared, self._printed, self._failed, self.ui.statusLabel.clear
                )

        def rendered(pdf: bytes) -> None:
            if shiboken6.isValid(self):  # the officer may have closed the preview meanwhile
                rasterise_then(self, pdf, ready, self._failed)

        self.ops.run(render, rendered, self._failed)

    def _printed(self, count: int) -> None:
        self.ui.statusLabel.setText(self.tr("Sent {n} page(s) to the printer.").format(n=count))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._fill_sizes()
            self._describe()
        super().changeEvent(event)
