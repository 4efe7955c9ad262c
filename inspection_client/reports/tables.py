"""A shift report as CSV (one row per clearance) and as an XLSX workbook (summary + records).

Times are ISO 8601 text with the UTC offset the device recorded them in
("2026-11-20T21:05:00+08:00"), so that a program reads them back exactly.

CSV is UTF-8 with a byte-order mark, because Excel reads BOM-less CSV in the system's ANSI code
page and garbles Chinese plates and names; LibreOffice accepts the BOM as well. Text cells that
a spreadsheet would run as a formula (starting with = + - @) get a leading apostrophe in the CSV
(the usual defence against CSV injection); in the workbook they are stored as plain text.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import astuple
from pathlib import Path
from typing import IO, Any, Final

from inspection_client.reports.shift_report import (
    RECORD_COLUMNS,
    Cell,
    ShiftReport,
    hour_offsets,
)

_FORMULA_START: Final = ("=", "+", "-", "@", "\t", "\r")
# Characters XML 1.0 cannot carry; openpyxl refuses them, so a stray control character typed
# into remarks must not make the whole export fail.
_ILLEGAL_XML: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _csv_cell(value: Cell) -> str | int:
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_csv(report: ShiftReport, stream: IO[str]) -> None:
    """Write the header and one row per clearance to a text stream opened with newline=""."""
    writer = csv.writer(stream)
    writer.writerow(RECORD_COLUMNS)
    writer.writerows([_csv_cell(value) for value in row] for row in report.rows)


def render_csv(report: ShiftReport) -> bytes:
    buffer = io.StringIO(newline="")
    write_csv(report, buffer)
    return buffer.getvalue().encode("utf-8-sig")


def summary_lines(report: ShiftReport) -> Iterator[tuple[Any, ...]]:
    """The summary sheet's rows: scope, totals and the sections, in the PDF's order."""
    yield ("Port", report.port)
    yield ("Lane", report.lane)
    yield ("Workstation", report.workstation_id)
    if report.is_shift:
        yield ("Shift", report.shift_id)
        yield ("Opened", report.opened_at)
        yield ("Closed", report.closed_at or "not closed")
    else:
        yield ("Period from", report.period_from)
        yield ("Period to", report.period_to)
    yield ("Officers", ", ".join(report.officers))
    yield ("First sequence", report.first_seq)
    yield ("Last sequence", report.last_seq)
    # In this computer's offset, as the PDF prints it (and the report code's `off` says).
    yield ("Generated", report.generated_at.astimezone().isoformat(timespec="seconds"))
    yield ("Digest (SHA-256)", report.digest())
    yield ()
    yield ("Totals (current state: amendments replace, voids removed)",)
    yield ("Direction", "Kind", "Decision", "Count")
    yield from (astuple(line) for line in report.totals)
    yield ("Total", "", "", report.total())
    yield ()
    yield ("Passengers by nationality",)
    yield from report.passengers_by_nationality
    yield ()
    yield ("Vehicles", "Cargo", "Count")
    yield from (astuple(vehicle) for vehicle in report.vehicles)
    yield ("Green channel vehicles", "", report.green_channel_vehicles)
    yield ("Exported complete vehicles (VINs)", "", report.exported_vins)
    yield ()
    yield ("Refusals", "Time", "Kind", "Direction", "Ground", "Nationality")
    yield from (astuple(line) for line in report.refusals)
    yield ()
    yield ("Referrals", "Time", "Kind", "Direction", "Ground", "Nationality")
    yield from (astuple(line) for line in report.referrals)
    yield ()
    yield ("Watchlist hits", "List", "Entry", "Score", "Action", "Outcome", "Approved by")
    yield from (astuple(hit) for hit in report.watchlist_hits)
    yield ()
    yield (
        "Amendments and voids",
        "Target",
        "Kind",
        "Time",
        "Officer",
        "Approved by",
        "Reason",
        "Record #",
        "Target #",
    )
    yield from (astuple(change) for change in report.changes)
    yield ()
    yield ("Particular occurrences", report.occurrences)
    yield ("Records waiting to be sent", report.pending_sync)
    yield ("Last acknowledged sequence", report.last_acknowledged_seq)
    yield ()
    # Hours of the device's clock: the heading names its offset(s), as the PDF's does.
    offsets = " / ".join(hour_offsets(report))
    yield (
        f"Clearances per hour ({offsets})" if offsets else "Clearances per hour",
        "Entry",
        "Exit",
    )
    for bucket in report.per_hour:
        yield (f"{bucket.hour:02d}:00", bucket.entry, bucket.exit)


def write_xlsx(report: ShiftReport, target: str | Path | IO[bytes]) -> None:
    """Write the workbook (openpyxl write-only mode: rows stream out, memory stays flat)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    summary = workbook.create_sheet("Summary")

    def cells(sheet: Any, values: Iterable[Any]) -> list[Any]:
        out: list[Any] = []
        for value in values:
            if isinstance(value, str):
                value = _ILLEGAL_XML.sub("", value)
                if value.startswith("="):
                    # openpyxl would store it as a formula; force a text cell.
                    cell = WriteOnlyCell(sheet, value=value)
                    cell.data_type = "s"
                    out.append(cell)
                    continue
            out.append(value)
        return out

    for line in summary_lines(report):
        summary.append(cells(summary, line))
    sheet = workbook.create_sheet("Records")
    sheet.freeze_panes = "B2"
    sheet.append(RECORD_COLUMNS)
    for row in report.rows:
        sheet.append(cells(sheet, row))
    workbook.save(target)


def render_xlsx(report: ShiftReport) -> bytes:
    buffer = io.BytesIO()
    write_xlsx(report, buffer)
    return buffer.getvalue()
