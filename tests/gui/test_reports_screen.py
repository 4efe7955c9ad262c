"""Reports screen (preview, export, print), the close-shift offer, and the release slip."""

from __future__ import annotations

import csv
import io
import re
import threading
import time
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from inspection_client.domain.codes import Decision, Direction, RefusalGround, VehicleKind
from inspection_client.domain.models import VehicleClearance
from inspection_client.reports import gate, slip
from inspection_client.store import records, shifts
from inspection_client.store.database import Store
from inspection_client.ui import slip_printing
from inspection_client.ui.main_window import MainWindow
from inspection_client.ui.operations import ImmediateOperations, deliver
from inspection_client.ui.slip_printing import SlipPreviewDialog
from tests.factories import passenger, truck
from tests.gui.conftest import OFFICER, OTHER_OFFICER, issuing_slips, passport, sign_in

pytestmark = pytest.mark.gui


def _pdf_text(path: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(path).pages).replace("\x00", "")


def _csv_ids(path: Path) -> set[str]:
    text = path.read_bytes().decode("utf-8-sig")
    return {row["record_id"] for row in csv.DictReader(io.StringIO(text))}


def _seed_shift(store: Store, window: MainWindow) -> set[str]:
    """Seven clearances in the signed-in officer's shift, two outside it."""
    other = shifts.open_shift(store, OTHER_OFFICER[0], Direction.ENTRY)
    records.save(store, truck(), officer=OTHER_OFFICER[0], shift_id=other.shift_id)
    records.save(store, passenger(), officer=OTHER_OFFICER[0])
    assert window.session is not None and window.session.shift is not None
    mine = window.session.shift.shift_id
    bodies = [truck() for _ in range(3)] + [passenger() for _ in range(3)]
    bodies.append(passenger(Decision.REFUSED, refusal_ground=RefusalGround.NO_VALID_VISA))
    return {str(records.save(store, b, officer=OFFICER[0], shift_id=mine).id) for b in bodies}


def _choose_file(qtbot: QtBot, window: MainWindow, path: Path) -> None:
    dialog = window.reports.file_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    dialog.selectFile(str(path))
    dialog.accept()


def test_preview_export_and_print_a_shift(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations, tmp_path: Path
) -> None:
    sign_in(qtbot, window)
    ids = _seed_shift(ops.store, window)
    window.action_reports.trigger()
    reports = window.reports
    assert window.ui.screens.currentWidget() is reports
    assert window.session is not None and window.session.shift is not None
    shift_id = str(window.session.shift.shift_id)
    assert reports.ui.shiftCombo.count() == 2
    assert reports.select_shift(shift_id)
    assert "7 clearances" in reports.ui.shiftCombo.currentText()
    # Opened as the lane recorded it, with its offset, as the report prints it.
    opened = window.session.shift.opened_at
    combo = reports.ui.shiftCombo
    assert combo.currentText().startswith(opened.strftime("%Y-%m-%d %H:%M %z") + " – open")
    # The other officer's shift holds one truck: one clearance, said so.
    counts = {combo.itemText(i).split(" · ", 2)[2] for i in range(combo.count())}
    assert counts == {"7 clearances", "1 clearance"}
    # Shown whole, the arrow beside it (a four-figure count of clearances too).
    longest = combo.currentText().replace(" 7 ", " 1000 ")
    assert combo.width() >= combo.fontMetrics().horizontalAdvance(longest) + 24
    qtbot.mouseClick(reports.ui.showButton, Qt.MouseButton.LeftButton)
    preview = reports.ui.previewText.toPlainText()
    assert "Total 7: cleared 6, referred 0, refused 1" in preview
    assert "No valid visa" in preview or "visa" in preview.lower()
    # Times as the PDF prints them, with the offset the lane recorded them in.
    stamp = r"\d{4}-\d\d-\d\d \d\d:\d\d [+-]\d{4}"
    assert re.search(f"opened {stamp}, closed not yet", preview)
    assert re.search(rf"Refusals\s+Time.*\s{stamp}\s", preview, re.S)

    reports.export()
    _choose_file(qtbot, window, tmp_path / "shift.csv")
    assert reports.last_written == tmp_path / "shift.csv"
    assert _csv_ids(tmp_path / "shift.csv") == ids

    reports.export()
    assert reports.file_dialog is not None
    # Named by the end of the shift's id, the part that tells shifts apart.
    assert reports.file_dialog.selectedFiles()[0].endswith(f"shift-{shift_id[-8:]}.pdf")
    reports.file_dialog.selectNameFilter("PDF document (*.pdf)")
    _choose_file(qtbot, window, tmp_path / "shift")  # no extension: the filter's is added
    pdf = tmp_path / "shift.pdf"
    assert reports.last_written == pdf
    text = _pdf_text(pdf)
    assert shift_id in text
    assert "Total 6 0 1 7" in text  # cleared, referred, refused, total
    pages = len(PdfReader(pdf).pages)

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    reports.print_report(printer)
    qtbot.waitUntil(lambda: "Sent" in reports.ui.statusLabel.text(), timeout=20_000)
    printed = PdfReader(tmp_path / "printed.pdf")
    assert len(printed.pages) == pages
    width_mm = float(printed.pages[0].mediabox.width) / 72 * 25.4
    assert 205 < width_mm < 215  # the report's own A4 page size

    # Print… as the officer uses it: the system print dialog, then the printer chosen there.
    reports.ui.statusLabel.clear()
    reports.print_report()
    qtbot.waitUntil(lambda: reports.print_dialog is not None, timeout=20_000)
    chooser = reports.print_dialog
    assert chooser.isVisible()
    assert reports.ui.statusLabel.text() == "Choose the printer, then Print."
    chooser.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    chooser.printer().setOutputFileName(str(tmp_path / "chosen.pdf"))
    chooser.done(QDialog.DialogCode.Accepted)  # Print, with the printer set up as above
    assert "Sent" in reports.ui.statusLabel.text()
    assert len(PdfReader(tmp_path / "chosen.pdf").pages) == pages
    reports.print_report()
    qtbot.waitUntil(lambda: reports.print_dialog is not chooser, timeout=20_000)
    reports.print_dialog.done(QDialog.DialogCode.Rejected)  # Cancel: nothing said, nothing sent
    assert reports.ui.statusLabel.text() == ""

    # A period report of today holds every clearance, of both shifts.
    reports.ui.periodRadio.setChecked(True)
    reports.export_to(tmp_path / "today.csv", "csv")
    assert len(_csv_ids(tmp_path / "today.csv")) == 9
    reports.show_report()
    qtbot.waitUntil(lambda: "Report for a period" in reports.ui.previewText.toPlainText())
    assert "Shift report" not in reports.ui.previewText.toPlainText()


def test_closing_the_shift_offers_its_report(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations, tmp_path: Path
) -> None:
    sign_in(qtbot, window)
    ids = _seed_shift(ops.store, window)
    window.ui.actionCloseShift.trigger()
    close = window.dialog
    close.ui.confirmCheck.setChecked(True)
    close.accept()
    assert window.session is None
    question = window.dialog
    assert isinstance(question, QMessageBox)
    assert question.objectName() == "exportReportQuestion"
    assert "Export the shift report now?" in question.text()
    question.button(QMessageBox.StandardButton.Yes).click()
    _choose_file(qtbot, window, tmp_path / "closed.csv")
    assert _csv_ids(tmp_path / "closed.csv") == ids
    # The lane is signed out and the Reports screen unseen: the officer is told it was saved.
    qtbot.waitUntil(lambda: window.reports.info_box is not None)
    said = window.reports.info_box
    assert said.isVisible() and str(tmp_path / "closed.csv") in said.text()


def test_closing_without_the_report(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    sign_in(qtbot, window)
    window.ui.actionCloseShift.trigger()
    window.dialog.ui.confirmCheck.setChecked(True)
    window.dialog.accept()
    window.dialog.button(QMessageBox.StandardButton.No).click()
    assert window.reports.file_dialog is None


def _clear_a_truck(qtbot: QtBot, window: MainWindow) -> None:
    issuing_slips(window.ops.store)  # its slip is printed next
    window.ui.actionVehicleLane.trigger()
    fields = window.vehicle.vehicle.ui
    fields.plateEdit.setText("新F12345")
    qtbot.keyClicks(fields.countryEdit, "CHN")
    fields.vehicleKindCombo.setCurrentIndex(fields.vehicleKindCombo.findData("truck"))
    fields.cargoCombo.setCurrentIndex(fields.cargoCombo.findData("general"))
    for line in passport(issuing_state="CHN", nationality="CHN", document_number="E1234567"):
        qtbot.keyClicks(fields.driverMrzEdit, line)
        qtbot.keyClick(fields.driverMrzEdit, Qt.Key.Key_Return)
    qtbot.keyClicks(fields.containerEdit, "CSQU3054383")
    qtbot.keyClicks(fields.sealsEdit, "CN123456")
    qtbot.keyClick(fields.sealsEdit, Qt.Key.Key_Return)
    qtbot.keyClick(fields.plateEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_release_slip_for_the_truck_just_cleared(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations, tmp_path: Path
) -> None:
    sign_in(qtbot, window)
    window.action_print_slip.trigger()  # nothing cleared yet: says so, no slip
    assert not isinstance(window.dialog, SlipPreviewDialog)
    (info,) = window.findChildren(QMessageBox, "infoBox")
    assert "No vehicle has been cleared" in info.text()
    info.accept()
    _clear_a_truck(qtbot, window)
    vehicle = next(
        r for r in records.by_seq(ops.store, 1, 100) if isinstance(r.body, VehicleClearance)
    )
    assert window.last_vehicle_id == str(vehicle.id)
    qtbot.keyClick(
        window.vehicle.vehicle.ui.plateEdit, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier
    )
    dialog = window.dialog
    assert isinstance(dialog, SlipPreviewDialog)
    assert dialog.issued.slip.record_id == str(vehicle.id)
    assert dialog.ui.imageLabel.pixmap().width() == 576
    assert "新F12345" in dialog.ui.summaryLabel.text()

    dialog.ui.sizeCombo.setCurrentIndex(dialog.ui.sizeCombo.findData("a5"))
    dialog.save_to(tmp_path / "slip.pdf", "pdf")
    reader = PdfReader(tmp_path / "slip.pdf")
    assert 145 < float(reader.pages[0].mediabox.width) / 72 * 25.4 < 152  # A5 is 148 mm wide
    assert "CSQU3054383" in _pdf_text(tmp_path / "slip.pdf")
    dialog.save_to(tmp_path / "slip.png", "png")
    assert (tmp_path / "slip.png").read_bytes().startswith(b"\x89PNG")
    assert dialog.last_saved == tmp_path / "slip.png"

    dialog.ui.sizeCombo.setCurrentIndex(dialog.ui.sizeCombo.findData("80mm"))
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    dialog.print_slip(printer)
    qtbot.waitUntil(lambda: "Sent 1 page(s)" in dialog.ui.statusLabel.text(), timeout=20_000)
    printed = PdfReader(tmp_path / "printed.pdf")
    assert len(printed.pages) == 1
    assert 78 < float(printed.pages[0].mediabox.width) / 72 * 25.4 < 82

    # The slip's own code passes the gate once.
    result = gate.verify_text(ops.store, dialog.issued.slip.text, officer="OFF1")
    assert result.valid


def _open_slip_preview(qtbot: QtBot, window: MainWindow) -> SlipPreviewDialog:
    sign_in(qtbot, window)
    _clear_a_truck(qtbot, window)
    qtbot.keyClick(
        window.vehicle.vehicle.ui.plateEdit, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier
    )
    dialog = window.dialog
    assert isinstance(dialog, SlipPreviewDialog)
    return dialog


def _close(qtbot: QtBot, dialog: SlipPreviewDialog) -> None:
    dialog.reject()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=3000)


def test_closing_the_preview_before_the_slip_is_rendered_for_printing(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _open_slip_preview(qtbot, window)
    # The store worker answers after the officer has closed the preview.
    answers: list[tuple[Any, Any, Any]] = []
    monkeypatch.setattr(
        ops, "run", lambda fn, done, failed=None: answers.append((fn(ops.store), done, failed))
    )
    dialog.print_slip()
    monkeypatch.undo()
    _close(qtbot, dialog)
    ((pdf, done, failed),) = answers
    assert pdf.startswith(b"%PDF")
    started: list[bytes] = []
    monkeypatch.setattr(slip_printing, "rasterise_then", lambda _p, data, *_: started.append(data))
    deliver(pdf, None, done, failed, window)  # no one to print for: nothing happens
    assert started == []


def test_closing_the_preview_while_the_pages_are_prepared_for_printing(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _open_slip_preview(qtbot, window)
    closed, rasterised = threading.Event(), threading.Event()
    real = slip_printing.pdf_page_images

    def slow(pdf: bytes) -> list[bytes]:
        closed.wait(10)
        try:
            return real(pdf)
        finally:
            rasterised.set()

    monkeypatch.setattr(slip_printing, "pdf_page_images", slow)
    failures: list[BaseException | None] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: failures.append(args.exc_value))
    dialog.print_slip()
    (thread,) = (t for t in threading.enumerate() if t.name == "print-rasteriser")
    _close(qtbot, dialog)
    closed.set()
    thread.join(20)
    assert rasterised.is_set() and not thread.is_alive()
    assert failures == []  # the pages are dropped; the thread ends without an error
    assert window.isVisible()


def test_a_passenger_record_gets_no_slip(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    sign_in(qtbot, window)
    record = records.save(ops.store, passenger(), officer=OFFICER[0])
    window.print_release_slip(str(record.id))
    assert not isinstance(window.dialog, SlipPreviewDialog)
    boxes = window.findChildren(QMessageBox, "problemBox")
    assert any("vehicles only" in box.text() for box in boxes)


def test_reports_screen_speaks_chinese(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    sign_in(qtbot, window)
    _seed_shift(ops.store, window)
    window.action_reports.trigger()
    reports = window.reports
    reports.show_report()
    window.apply_settings("zh_CN", 10)
    try:
        qtbot.waitUntil(lambda: reports.ui.exportButton.text().startswith("导出"), timeout=3000)
        assert window.ui.screens.tabText(window.ui.screens.indexOf(reports)) == "报表"
        assert "合计" in reports.ui.previewText.toPlainText()
        assert "人次" in reports.ui.shiftCombo.currentText()
    finally:
        window.apply_settings("en", 10)


def test_release_slip_for_the_vehicle_selected_in_history(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    issuing_slips(ops.store)
    wanted = records.save(ops.store, truck(plate="新B77777"), officer=OFFICER[0])
    records.save(ops.store, truck(), officer=OFFICER[0])  # newer, so first in the list
    sign_in(qtbot, window)
    window.ui.actionHistory.trigger()
    table = window.history.ui.historyTable
    row = next(i for i, r in enumerate(window.history.model.rows) if r.record_id == wanted.id)
    table.selectRow(row)
    window.action_print_slip.trigger()
    dialog = window.dialog
    assert isinstance(dialog, SlipPreviewDialog)
    assert dialog.issued.slip.record_id == str(wanted.id)
    assert dialog.issued.slip.claims["plates"] == ["新B77777"]


def test_release_slip_from_the_record_dialog(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    issuing_slips(ops.store)
    wanted = records.save(ops.store, truck(plate="新C12321"), officer=OFFICER[0])
    walker = records.save(ops.store, passenger(), officer=OFFICER[0])
    sign_in(qtbot, window)
    window.history.open_record(str(walker.id))
    assert not window.history.record_dialog.ui.slipButton.isVisible()
    window.history.record_dialog.reject()
    window.history.open_record(str(wanted.id))
    record_dialog = window.history.record_dialog
    assert record_dialog.ui.slipButton.isEnabled()
    record_dialog.ui.slipButton.click()
    dialog = window.dialog
    assert isinstance(dialog, SlipPreviewDialog)
    assert dialog.issued.slip.claims["plates"] == ["新C12321"]


@pytest.mark.parametrize("viewer", [True, False])
def test_open_as_pdf_says_whether_a_viewer_showed_it(
    qtbot: QtBot,
    window: MainWindow,
    ops: ImmediateOperations,
    monkeypatch: pytest.MonkeyPatch,
    viewer: bool,
) -> None:
    from PySide6.QtGui import QDesktopServices

    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or viewer
    )
    sign_in(qtbot, window)
    _seed_shift(ops.store, window)
    window.action_reports.trigger()
    reports = window.reports
    assert window.session is not None and window.session.shift is not None
    assert reports.select_shift(str(window.session.shift.shift_id))
    reports.open_pdf()
    qtbot.waitUntil(lambda: reports.last_written is not None, timeout=20_000)
    assert opened == [str(reports.last_written)] and reports.last_written.exists()
    status = reports.ui.statusLabel.text()
    assert status.startswith("Opened") if viewer else "No program to show PDF files" in status


def test_save_dialogs_open_where_the_last_document_went_else_an_existing_folder(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QWidget

    from inspection_client.ui import slip_printing

    monkeypatch.setattr(slip_printing, "_last_folder", [None])
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "home").mkdir()
    # No Documents folder: the home folder, not the folder the program started in.
    assert slip_printing.save_folder() in (tmp_path / "home", tmp_path / "home" / "Documents")
    assert slip_printing.save_folder().is_dir()
    owner = QWidget()
    qtbot.addWidget(owner)
    chosen: list[Path] = []
    dialog = slip_printing.ask_where_to_save(
        owner, "Save", [("pdf", "PDF (*.pdf)")], "x.pdf", lambda path, _kind: chosen.append(path)
    )
    target = tmp_path / "stick" / "report.pdf"
    target.parent.mkdir()
    dialog.fileSelected.emit(str(target))
    assert chosen == [target]
    assert slip_printing.save_folder() == target.parent  # the next dialog opens there
    dialog.reject()


def test_the_slip_preview_shows_the_port_s_time_as_the_slip_does(
    qtbot: QtBot,
    window: MainWindow,
    ops: ImmediateOperations,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Cleared at the port (eight hours ahead of UTC); the preview is shown on a computer whose
    # zone is UTC. The officer must see one clock time for the record, the slip's own.
    port_time = datetime.now(timezone(timedelta(hours=8))).replace(microsecond=0)
    draft = records.Draft(truck(plate="新D80808"), OFFICER[0], None, port_time)
    issuing_slips(ops.store)
    (record,) = records.save_many(ops.store, [draft])
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    try:
        sign_in(qtbot, window)
        window.print_release_slip(str(record.id))
        dialog = window.dialog
        assert isinstance(dialog, SlipPreviewDialog)
        printed = dict(slip.slip_lines(dialog.issued.slip, "en"))
        summary = dialog.ui.summaryLabel.text()
    finally:
        monkeypatch.undo()
        time.tzset()
    until = printed["Valid until"]
    assert until.endswith(" +0800") and printed["Time"].endswith(" +0800")
    assert f"Valid until {until}." in summary
    utc_until = dialog.issued.slip.expires_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M")
    assert utc_until not in summary


def test_printed_english_is_the_window_s_english_for_every_code(window: MainWindow) -> None:
    from inspection_client.reports import labels as printed
    from inspection_client.ui.labels import label as on_screen

    for vocabulary in printed.PRINTED_VOCABULARIES:
        for code in vocabulary:
            assert printed.label(str(code), "en") == on_screen(code), code
    assert printed.label("tractor_trailer", "en") == "Tractor-trailer"
    assert printed.label("cage_car", "en") == "Livestock cage car"
    # The window still finds its Chinese for the same English words.
    window.apply_settings("zh_CN", 10)
    try:
        assert on_screen(VehicleKind.CAGE_CAR) == "畜禽运输车"
        assert on_screen(Direction.EXIT) == "出境"
    finally:
        window.apply_settings("en", 10)


def test_printed_grounds_of_refusal_read_as_the_window_words_them(window: MainWindow) -> None:
    from inspection_client.domain.codes import RefusalGround
    from inspection_client.reports import labels as printed
    from inspection_client.ui.labels import label as on_screen

    for ground in RefusalGround:
        assert printed.ground_label(ground.value, "en") == on_screen(ground), ground
    window.apply_settings("zh_CN", 10)
    try:
        for ground in RefusalGround:
            assert printed.ground_label(ground.value, "zh_CN") == on_screen(ground), ground
    finally:
        window.apply_settings("en", 10)
    assert printed.ground_label("Z9", "en") == "Z9"  # a code from a newer version, as it is
