"""Report renderers: PDF text and QR code, Chinese PDF, fonts, CSV and XLSX round trips, CLI."""

from __future__ import annotations

import csv
import io
import json
import logging
import os
import re
import stat
import time
import uuid
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pypdf import PdfReader

from inspection_client import cli, paths
from inspection_client.domain.codes import Decision, Direction
from inspection_client.domain.models import ShiftClosed, ShiftOpened
from inspection_client.reports import (
    documents,
    fonts,
    gate,
    pdf_report,
    printing,
    shift_report,
    tables,
)
from inspection_client.reports.sealed_qr import DocumentKind, Verdict
from inspection_client.reports.shift_report import RECORD_COLUMNS, ShiftReport, hour_offsets
from inspection_client.store.database import Store
from tests import factories
from tests.reports.conftest import SaveAt, day, decode_qr_codes


@pytest.fixture
def shift(lane: Store, save_at: SaveAt) -> uuid.UUID:
    """A small shift: passengers, a refusal, a truck, and a remark that looks like a formula."""
    shift_id = uuid.uuid4()
    save_at(ShiftOpened(lane_id="V01", direction=Direction.ENTRY), day(8), shift_id)
    for minute in range(7):
        save_at(factories.passenger(), day(9, minute), shift_id)
    save_at(factories.passenger(Decision.REFUSED), day(10), shift_id)
    save_at(factories.truck(remarks='=HYPERLINK("x", "y"), "quoted"'), day(11), shift_id)
    save_at(ShiftClosed(occurrences="Scanner 2 jammed."), day(15, 59), shift_id)
    return shift_id


def _text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    # pypdf reads fpdf2's embedded CMap of a CFF (OpenType) CJK font as two-byte codes and
    # puts a NUL before each character (poppler's pdftotext reads it cleanly); compare without
    # NULs and white space.
    text = "".join(page.extract_text() for page in reader.pages)
    return re.sub(r"[\s\x00]+", "", text)


def test_pdf_shows_the_totals_and_sections(lane: Store, shift: uuid.UUID) -> None:
    report = shift_report.for_shift(lane, shift)
    text = _text(pdf_report.render_pdf(report, lang="en"))
    assert "Shiftreport" in text
    # entry/passenger: 7 cleared, 0 referred, 1 refused, 8 in all; grand total 9.
    assert "EntryPassenger7018" in text.replace("entry", "Entry").replace("passenger", "Passenger")
    assert "Total" in text and "Scanner2jammed." in text
    assert "新A12345" not in text  # plates are not listed in the PDF, only in the exports
    assert "KHG" in text and "Page1of" in text
    # Refusals are counted by ground, the ground in words.
    assert "C—novalidvisaorresidencepermit" in text


def test_chinese_pdf_has_chinese_text(lane: Store, shift: uuid.UUID) -> None:
    report = shift_report.for_shift(lane, shift)
    text = _text(pdf_report.render_pdf(report, lang="zh_CN"))
    for words in ("班次报告", "总计", "旅客", "入境", "拒绝", "特殊情况", "签名"):
        assert words in text
    assert "C—无有效签证或居留许可" in text


def test_chinese_pdf_without_a_cjk_font_names_the_package(lane: Store, shift: uuid.UUID) -> None:
    report = shift_report.for_shift(lane, shift)
    with pytest.raises(fonts.ReportFontMissing, match="fonts-noto-cjk"):
        pdf_report.render_pdf(report, lang="zh_CN", search_list=())
    # English still works, with Helvetica.
    assert "Shiftreport" in _text(pdf_report.render_pdf(report, lang="en", search_list=()))


def test_font_override_must_exist(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(fonts.ENV_FONT, str(tmp_path / "missing.ttf"))
    with pytest.raises(fonts.ReportFontMissing, match=r"missing\.ttf"):
        fonts.find_cjk_font()
    monkeypatch.setenv(fonts.ENV_FONT, fonts.SEARCH_LIST[0][0] + "#2")
    face = fonts.find_cjk_font(())
    if Path(fonts.SEARCH_LIST[0][0]).is_file():
        assert face == fonts.FontFace(Path(fonts.SEARCH_LIST[0][0]), 2)


def test_pdf_qr_code_decodes_and_verifies(
    lane: Store, shift: uuid.UUID, key: Ed25519PrivateKey, tmp_path: Path
) -> None:
    report = shift_report.for_shift(lane, shift)
    path = tmp_path / "report.pdf"
    documents.write_report(lane, report, path, kind="pdf")
    texts = decode_qr_codes(path, tmp_path)
    assert len(texts) == 1 and texts[0].startswith("SR1:")
    result = gate.verify_text(lane, texts[0])
    assert result.verdict is Verdict.VALID and result.kind is DocumentKind.REPORT
    assert result.claims is not None
    assert result.claims["digest"] == report.digest()
    assert result.claims["counts"]["clearances"] == 9
    assert shift_report.recompute_digest(lane, result.claims)[0] is True


def _read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def _expected(report: ShiftReport) -> list[list[str]]:
    out = []
    for row in report.rows:
        cells = ["" if v is None else str(v) for v in row]
        out.append(["'" + c if c.startswith(("=", "+", "-", "@")) else c for c in cells])
    return out


def test_csv_round_trips(lane: Store, shift: uuid.UUID) -> None:
    report = shift_report.for_shift(lane, shift)
    rows = _read_csv(tables.render_csv(report))
    assert rows[0] == list(RECORD_COLUMNS) and rows[0][0] == "record_id"
    assert rows[1:] == _expected(report)
    truck = next(row for row in rows if row[5] == "vehicle")
    assert truck[RECORD_COLUMNS.index("plate")] == "新A12345"
    # A remark that would run as a formula in a spreadsheet is quoted as text.
    assert truck[RECORD_COLUMNS.index("remarks")].startswith("'=HYPERLINK")


@pytest.mark.slow
def test_csv_of_a_big_shift_round_trips(big_store: Store) -> None:
    report = shift_report.for_last_shift(big_store)
    rows = _read_csv(tables.render_csv(report))
    assert [row[0] for row in rows[1:]] == [str(row[0]) for row in report.rows]
    assert rows[1:] == _expected(report)


def test_xlsx_has_summary_and_records(lane: Store, shift: uuid.UUID) -> None:
    from openpyxl import load_workbook

    report = shift_report.for_shift(lane, shift)
    workbook = load_workbook(io.BytesIO(tables.render_xlsx(report)), read_only=True)
    assert workbook.sheetnames == ["Summary", "Records"]
    records = list(workbook["Records"].iter_rows(values_only=True))
    assert records[0] == RECORD_COLUMNS
    assert [row[0] for row in records[1:]] == [row[0] for row in report.rows]
    remarks = records[-1][RECORD_COLUMNS.index("remarks")]
    assert remarks == '=HYPERLINK("x", "y"), "quoted"'  # text, not a formula
    summary = [row for row in workbook["Summary"].iter_rows(values_only=True) if row]
    assert next(row for row in summary if row[0] == "Total")[3] == 9
    assert next(row for row in summary if row[0] == "Digest (SHA-256)")[1] == report.digest()
    workbook.close()


def test_cli_report_and_shift_list(
    lane: Store, shift: uuid.UUID, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["shift", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed[0]["shift_id"] == str(shift) and listed[0]["clearances"] == 9
    for kind in ("pdf", "csv", "xlsx"):
        path = tmp_path / f"out.{kind}"
        assert cli.main(["report", "--last", "--output", str(path)]) == 0
        assert path.stat().st_size > 100
    assert "9 clearances" in capsys.readouterr().out
    zh = tmp_path / "zh.pdf"
    assert cli.main(["report", "--shift", str(shift), "-o", str(zh), "--lang", "zh_CN"]) == 0
    assert "班次报告" in _text(zh.read_bytes())
    period = tmp_path / "period.csv"
    assert (
        cli.main(["report", "--from", "2026-11-20", "--to", "2026-11-20", "-o", str(period)]) == 0
    )
    assert len(_read_csv(period.read_bytes())) == 10


def test_cli_report_from_a_date_alone_runs_to_the_end_of_today_and_says_so(
    lane: Store, shift: uuid.UUID, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    period = tmp_path / "period.csv"
    assert cli.main(["report", "--from", "2026-11-19", "-o", str(period)]) == 0
    assert len(_read_csv(period.read_bytes())) == 10  # the shift of the 20th included
    out = capsys.readouterr().out
    today = date.today().isoformat()
    assert re.search(rf" for 2026-11-19T00:00[+-]\d\d:\d\d to {today}T23:59[+-]\d\d:\d\d: ", out)
    assert "9 clearances" in out


@pytest.mark.parametrize("day_text", ["2026-11-20", "20261120", "2026-W47-5"])
def test_cli_report_reads_every_form_of_a_date_as_the_whole_day(
    lane: Store, shift: uuid.UUID, tmp_path: Path, day_text: str
) -> None:
    period = tmp_path / "period.csv"
    argv = ["report", "--from", day_text, "--to", day_text, "-o", str(period)]
    assert cli.main(argv) == 0
    assert len(_read_csv(period.read_bytes())) == 10


@pytest.mark.parametrize(
    ("argv", "status", "message"),
    [
        (["--from", "2026-02-30", "-o", "{tmp}/x.csv"], 2, "not a date"),
        (["--shift", str(uuid.UUID(int=1)), "-o", "{tmp}/x.csv"], 2, "no shift"),
        (["--last", "-o", "{tmp}/missing/x.pdf"], 3, "does not exist"),
        (["--last", "-o", "{tmp}/x.doc"], 2, "Cannot tell the format"),
        (["--last", "-o", "{tmp}/x.pdf", "--lang", "fr"], 2, "written in en or zh_CN, not 'fr'"),
    ],
)
def test_cli_report_bad_input(
    lane: Store,
    shift: uuid.UUID,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    status: int,
    message: str,
) -> None:
    argv = [arg.replace("{tmp}", str(tmp_path)) for arg in argv]
    assert cli.main(["report", *argv]) == status
    assert message in capsys.readouterr().err


def test_cli_report_leaves_what_is_not_a_file_alone(
    lane: Store, shift: uuid.UUID, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Writing goes through a rename, which would put a file where a device or pipe was.
    pipe = tmp_path / "pipe.csv"
    os.mkfifo(pipe)
    assert cli.main(["report", "--last", "-o", str(pipe)]) == 3
    assert "not a regular file" in capsys.readouterr().err
    assert stat.S_ISFIFO(pipe.stat().st_mode)


def test_cli_report_never_replaces_the_workstations_own_files(
    lane: Store, shift: uuid.UUID, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    key = paths.workstation_key_file(data_dir)
    key.write_bytes(b"key")
    kept = [lane.path, key, data_dir / f"{lane.path.name}-wal"]
    before = [path.read_bytes() for path in kept]
    journal = data_dir / f"{lane.path.name}-journal"  # SQLite would read it back
    for target in (*kept, journal):
        assert cli.main(["report", "--last", "-o", str(target), "--format", "csv"]) == 3
        assert "own files" in capsys.readouterr().err
    assert [path.read_bytes() for path in kept] == before and not journal.exists()
    # A new document of its own name may go there, and be written again.
    for _ in range(2):
        assert cli.main(["report", "--last", "-o", str(data_dir / "shift.csv")]) == 0
    # A document's name never stands for the database: the database and its journals stay.
    for name in (f"{lane.path.name}.csv", f"{lane.path.name}-wal.csv"):
        assert cli.main(["report", "--last", "-o", str(data_dir / name)]) == 3


def test_text_the_font_cannot_draw_prints_as_a_placeholder_without_a_warning(
    lane: Store, save_at: SaveAt, caplog: pytest.LogCaptureFixture
) -> None:
    shift_id = uuid.uuid4()
    save_at(ShiftOpened(lane_id="V01", direction=Direction.ENTRY), day(8), shift_id)
    save_at(ShiftClosed(occurrences="Gate 3 ❤️ مرحبا 新A12345 😀 done"), day(15, 59), shift_id)
    report = shift_report.for_shift(lane, shift_id)
    with caplog.at_level(logging.WARNING):
        text = _text(pdf_report.render_pdf(report, lang="en"))
    assert "Gate3??????新A12345?done" in text
    assert [r.getMessage() for r in caplog.records] == []


def test_text_written_past_the_placeholder_does_not_warn_either(
    caplog: pytest.LogCaptureFixture,
) -> None:
    document = printing.new_document("en")
    document.pdf.add_page()
    document.font(10)
    document.pdf.cell(0, 5, "😀")
    with caplog.at_level(logging.WARNING):
        assert printing.output(document).startswith(b"%PDF")
    assert caplog.records == []


def test_cli_report_refuses_a_format_the_file_name_contradicts(
    lane: Store, shift: uuid.UUID, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "shift.pdf"
    assert cli.main(["report", "--last", "--format", "csv", "-o", str(target)]) == 2
    assert "does not match the file name" in capsys.readouterr().err and not target.exists()
    # A name without a known extension takes the format given.
    assert cli.main(["report", "--last", "--format", "csv", "-o", str(tmp_path / "shift")]) == 0


def test_every_time_on_the_report_says_its_offset(
    lane: Store, shift: uuid.UUID, save_at: SaveAt, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A lane at +0800 whose clock was switched to +0900 for one clearance, printed on a
    # computer in UTC: each time keeps the offset it was recorded in, and says it.
    save_at(
        factories.passenger(Decision.REFUSED),
        datetime(2026, 11, 20, 13, 30, tzinfo=timezone(timedelta(hours=9))),
        shift,
    )
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    try:
        report = shift_report.for_shift(lane, shift)
        text = _text(pdf_report.render_pdf(report, lang="en"))
        workbook = tables.render_xlsx(report)
    finally:
        monkeypatch.undo()
        time.tzset()
    assert "Opened2026-11-2008:00+0800Closed2026-11-2015:59+0800" in text
    assert "2026-11-2010:00+0800Passenger" in text  # the first refusal
    assert "2026-11-2013:30+0900Passenger" in text  # the one at +0900
    assert re.search(r"Generated\d{4}-\d\d-\d\d\d\d:\d\d\+0000", text)
    assert "Clearancesperhour(+0800/+0900)" in text
    assert hour_offsets(report) == ("+0800", "+0900")

    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(workbook), read_only=True)
    summary = {row[0]: row for row in book["Summary"].iter_rows(values_only=True) if row}
    book.close()
    assert summary["Opened"][1] == "2026-11-20T08:00:00+08:00"
    assert str(summary["Generated"][1]).endswith("+00:00")
    assert "Clearances per hour (+0800 / +0900)" in summary
    # The CSV keeps ISO 8601 with the offset, for programs to read back exactly.
    times = [
        row[RECORD_COLUMNS.index("recorded_at")] for row in _read_csv(tables.render_csv(report))
    ]
    assert times[1] == "2026-11-20T09:00:00+08:00" and times[-1] == "2026-11-20T13:30:00+09:00"


def test_a_report_without_clearances_charts_in_its_shift_s_offset(
    lane: Store, save_at: SaveAt
) -> None:
    shift_id = uuid.uuid4()
    save_at(ShiftOpened(lane_id="V01", direction=Direction.ENTRY), day(8), shift_id)
    report = shift_report.for_shift(lane, shift_id)
    assert hour_offsets(report) == ("+0800",)
    assert "Clearancesperhour(+0800)" in _text(pdf_report.render_pdf(report, lang="en"))


def test_a_table_header_is_never_alone_at_a_page_foot_and_heads_each_page(
    lane: Store, save_at: SaveAt
) -> None:
    shift_id = uuid.uuid4()
    save_at(ShiftOpened(lane_id="V01", direction=Direction.ENTRY), day(8), shift_id)
    for minute in range(40):
        save_at(factories.passenger(), day(9, minute), shift_id)
    refused = 60  # more than a page of refusals
    for minute in range(refused):
        save_at(factories.passenger(Decision.REFUSED), day(10, minute), shift_id)
    report = shift_report.for_shift(lane, shift_id)
    reader = PdfReader(io.BytesIO(pdf_report.render_pdf(report, lang="en")))
    header = re.compile(r"Time\s*Kind\s*Direction\s*Ground\s*Nationality\s*Record")
    row = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d [+-]\d{4}\s*Passenger")
    pages = [page.extract_text().replace("\x00", "") for page in reader.pages]
    with_rows = [text for text in pages if row.search(text)]
    assert len(with_rows) >= 2  # the refusals go on to another page
    for text in with_rows:
        found = header.search(text)
        assert found is not None  # every page of the table has its header
        assert row.search(text, found.end()) is not None  # and rows below it
    assert sum(len(row.findall(text)) for text in pages) == refused
