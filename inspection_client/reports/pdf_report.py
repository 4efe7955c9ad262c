"""A shift report as an A4 PDF (fpdf2): sections, hourly chart, signature lines, signed QR code.

Every time is printed as the release slip prints it: in the offset the device recorded it in,
with that offset ("2026-11-20 21:05 +0800"), so that no one takes a lane's local time for UTC.

`render_pdf` is a pure function of the report data, the language and the sealed QR text, so the
GUI can call it in a worker thread and save or print the bytes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Final

from fpdf import FPDF

from inspection_client.domain.clock import printed_iso, printed_time
from inspection_client.domain.ids import short_id
from inspection_client.reports import fonts, printing
from inspection_client.reports.labels import Lang, ground_label, label
from inspection_client.reports.shift_report import DecisionLine, ShiftReport, hour_offsets

# Long lists are cut here in the PDF; the CSV and XLSX exports always hold every record.
MAX_LISTED: Final = 200
_MARGIN: Final = 15.0
_LINE: Final = 5.5
_ENTRY_COLOUR: Final = (40, 90, 160)
_EXIT_COLOUR: Final = (220, 130, 30)


class _ReportPage(FPDF):
    """Repeats port, lane and shift in the header and footer of every page."""

    family = "helvetica"
    header_text = ""
    footer_text = ""
    page_words = ("Page", "of", "")

    def header(self) -> None:
        self.set_font(self.family, size=8)
        self.set_text_color(90)
        self.cell(0, 5, self.header_text, new_x="LMARGIN", new_y="NEXT")
        self.line(_MARGIN, self.get_y(), self.w - _MARGIN, self.get_y())
        self.ln(3)
        self.set_text_color(0)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(self.family, size=8)
        self.set_text_color(90)
        page, of, pages = self.page_words
        self.cell(0, 5, self.footer_text, align="L")
        self.set_x(_MARGIN)
        self.cell(0, 5, f"{page} {self.page_no()} {of} {{nb}} {pages}".strip(), align="R")
        self.set_text_color(0)


def render_pdf(
    report: ShiftReport,
    *,
    lang: Lang = "en",
    qr_text: str | None = None,
    search_list: tuple[tuple[str, int], ...] = fonts.SEARCH_LIST,
) -> bytes:
    """The report as PDF bytes.

    Raises:
        fonts.ReportFontMissing: ``lang`` is zh_CN and no CJK font is installed.
    """
    document = printing.new_document(lang, search_list=search_list, pdf_class=_ReportPage)
    pdf = document.pdf
    assert isinstance(pdf, _ReportPage)
    writer = _Writer(document, lang)
    scope = _scope_words(report, lang)
    pdf.family = document.family
    pdf.header_text = writer.p(scope)
    pdf.footer_text = writer.p(scope)
    pdf.page_words = ("第", "页，共", "页") if lang == "zh_CN" else ("Page", "of", "")
    pdf.set_margins(_MARGIN, _MARGIN, _MARGIN)
    pdf.set_auto_page_break(True, margin=16)
    pdf.alias_nb_pages()
    pdf.set_title(writer.p(f"{label('Shift report', lang)} {scope}"))
    pdf.add_page()
    writer.title(report)
    writer.totals(report)
    writer.chart(report)
    writer.people_and_vehicles(report)
    writer.decisions(label("Refusals", lang), report.refusals, with_ground=True)
    writer.decisions(label("Referrals to secondary inspection", lang), report.referrals)
    writer.watchlist(report)
    writer.changes(report)
    writer.occurrences(report)
    writer.sync(report)
    writer.signatures(qr_text)
    return printing.output(document)


def _scope_words(report: ShiftReport, lang: Lang) -> str:
    parts = [f"{label('Port', lang)} {report.port}", f"{label('Lane', lang)} {report.lane}"]
    if report.shift_id:
        parts.append(f"{label('Shift', lang)} {short_id(report.shift_id)}")
    else:
        parts.append(f"{printed_iso(report.period_from)} – {printed_iso(report.period_to)}")
    return " · ".join(parts)


class _Writer:
    def __init__(self, document: printing.Document, lang: Lang) -> None:
        self.doc = document
        self.pdf = document.pdf
        self.lang = lang
        self.p = document.printable
        self.width = self.pdf.w - 2 * _MARGIN
        # The header of the table being written, printed again atop each page it goes on to.
        self._header: tuple[list[str], list[float], str] | None = None

    def l(self, text: str) -> str:  # noqa: E743 - one letter keeps the layout code readable
        return self.p(label(text, self.lang))

    def heading(self, text: str, after: str = "") -> None:
        """A section's title (``text`` in the report's language, then ``after`` as it is)."""
        self._header = None
        if self.pdf.get_y() > self.pdf.h - 45:
            self.pdf.add_page()
        self.pdf.ln(3)
        self.doc.font(12)
        self.pdf.cell(0, 7, self.l(text) + self.p(after), new_x="LMARGIN", new_y="NEXT")
        self.pdf.line(_MARGIN, self.pdf.get_y(), _MARGIN + self.width, self.pdf.get_y())
        self.pdf.ln(1.5)
        self.doc.font(9)

    def header_row(
        self, cells: Sequence[str], widths: Sequence[float], *, aligns: str = ""
    ) -> None:
        """A table's header: never alone at the foot of a page (it goes on with its first two
        rows), and printed again at the top of each page the table goes on to."""
        if self.pdf.will_page_break(3 * _LINE):
            self.pdf.add_page()
        self._header = (list(cells), list(widths), aligns)
        self._cells(cells, widths, aligns)

    def row(self, cells: Sequence[str], widths: Sequence[float], *, aligns: str = "") -> None:
        if self._header is not None and self.pdf.will_page_break(_LINE):
            self.pdf.add_page()
            self._cells(*self._header)
        self._cells(cells, widths, aligns)

    def _cells(self, cells: Sequence[str], widths: Sequence[float], aligns: str) -> None:
        for index, (text, width) in enumerate(zip(cells, widths, strict=True)):
            align = aligns[index] if index < len(aligns) else "L"
            self.pdf.cell(width, _LINE, self.p(text), align="R" if align == "R" else "L")
        self.pdf.ln(_LINE)

    def text(self, text: str) -> None:
        self.pdf.multi_cell(0, _LINE, self.p(text), new_x="LMARGIN", new_y="NEXT")

    # -- sections ------------------------------------------------------------------------

    def title(self, report: ShiftReport) -> None:
        self.doc.font(18)
        title = "Shift report" if report.is_shift else "Report for a period"
        self.pdf.cell(0, 10, self.l(title), new_x="LMARGIN", new_y="NEXT")
        self.doc.font(10)
        pairs = [
            (self.l("Port"), report.port),
            (self.l("Lane"), f"{report.lane} ({report.workstation_id})"),
        ]
        if report.is_shift:
            pairs += [
                (self.l("Shift"), report.shift_id or ""),
                (self.l("Opened"), printed_iso(report.opened_at)),
                (self.l("Closed"), printed_iso(report.closed_at) or self.l("not closed")),
            ]
        else:
            pairs.append(
                (
                    self.l("Period"),
                    f"{printed_iso(report.period_from)} – {printed_iso(report.period_to)}",
                )
            )
        seqs = "–" if report.first_seq is None else f"{report.first_seq} – {report.last_seq}"
        pairs += [
            (self.l("Officers"), ", ".join(report.officers) or "–"),
            (self.l("Sequence numbers"), seqs),
            (self.l("Generated"), printed_time(report.generated_at.astimezone(), None)),
        ]
        for name, value in pairs:
            self.row([name, value], [40, self.width - 40])

    def totals(self, report: ShiftReport) -> None:
        self.heading("Totals by direction, kind and decision (current state)")
        decisions = ("cleared", "referred", "refused")
        widths = [30, 30, 25, 25, 25, 25]
        self.header_row(
            [self.l("Direction"), self.l("Kind"), *(self.l(d) for d in decisions), self.l("Total")],
            widths,
            aligns="LLRRRR",
        )
        counts = {(t.direction, t.kind, t.decision): t.count for t in report.totals}
        for direction in ("entry", "exit"):
            for kind in ("passenger", "vehicle"):
                values = [counts.get((direction, kind, d), 0) for d in decisions]
                cells = [self.l(direction), self.l(kind), *map(str, values), str(sum(values))]
                self.row(cells, widths, aligns="LLRRRR")
        values = [report.total(decision=d) for d in decisions]
        self.row(
            [self.l("Total"), "", *map(str, values), str(report.total())], widths, aligns="LLRRRR"
        )
        self.doc.font(8)
        self.text(
            self.l(
                "Current state: amendments replace the original, voided clearances are not counted."
            )
        )

    def chart(self, report: ShiftReport) -> None:
        # The hours are each clearance's device time: the heading says in which offset(s).
        offsets = " / ".join(hour_offsets(report))
        self.heading("Clearances per hour", f" ({offsets})" if offsets else "")
        pdf = self.pdf
        height = 45.0
        if pdf.get_y() + height + 12 > pdf.h - 16:
            pdf.add_page()
        top = pdf.get_y() + 2
        left = _MARGIN + 10
        width = self.width - 10
        peak = max((max(b.entry, b.exit) for b in report.per_hour), default=0) or 1
        slot = width / len(report.per_hour)
        bar = slot * 0.38
        self.doc.font(7)
        pdf.set_draw_color(150)
        pdf.line(left, top + height, left + width, top + height)
        pdf.set_xy(_MARGIN, top - 1)
        pdf.cell(10, 3, str(peak))
        for index, bucket in enumerate(report.per_hour):
            x = left + index * slot + slot * 0.1
            for offset, value, colour in (
                (0.0, bucket.entry, _ENTRY_COLOUR),
                (bar, bucket.exit, _EXIT_COLOUR),
            ):
                if value:
                    bar_height = height * value / peak
                    pdf.set_fill_color(*colour)
                    pdf.rect(x + offset, top + height - bar_height, bar, bar_height, style="F")
            pdf.set_xy(left + index * slot, top + height + 0.5)
            pdf.cell(slot, 3, f"{bucket.hour:02d}", align="C")
        pdf.set_draw_color(0)
        legend_y = top + height + 5
        for position, (name, colour) in enumerate(
            (("entry", _ENTRY_COLOUR), ("exit", _EXIT_COLOUR))
        ):
            x = left + position * 30
            pdf.set_fill_color(*colour)
            pdf.rect(x, legend_y + 0.8, 3, 3, style="F")
            pdf.set_xy(x + 4, legend_y)
            pdf.cell(25, 4.5, self.l(name))
        pdf.set_xy(_MARGIN, legend_y + 6)
        self.doc.font(9)

    def people_and_vehicles(self, report: ShiftReport) -> None:
        self.heading("Passengers by nationality")
        pairs = report.passengers_by_nationality
        if not pairs:
            self.text(self.l("None."))
        # Four columns of nationality/count pairs keep a long list on a few lines.
        for start in range(0, len(pairs), 4):
            chunk = pairs[start : start + 4]
            cells = [text for code, count in chunk for text in (code, str(count))]
            widths = [22.0, 20.0] * len(chunk)
            self.row(cells, widths, aligns="LR" * len(chunk))
        self.heading("Vehicles by kind and cargo")
        widths = [45, 60, 25]
        self.header_row(
            [self.l("Vehicle kind"), self.l("Cargo"), self.l("Count")], widths, aligns="LLR"
        )
        for line in report.vehicles:
            cells = [self.l(line.vehicle_kind), self.l(line.cargo_category), str(line.count)]
            self.row(cells, widths, aligns="LLR")
        self._header = None  # the two lines below are not rows of that table
        self.row(
            [self.l("Green channel vehicles"), str(report.green_channel_vehicles)],
            [105, 25],
            aligns="LR",
        )
        self.row(
            [self.l("Exported complete vehicles (VINs)"), str(report.exported_vins)],
            [105, 25],
            aligns="LR",
        )

    def decisions(
        self, title: str, lines: Sequence[DecisionLine], *, with_ground: bool = False
    ) -> None:
        self.heading(title)
        if not lines:
            self.text(self.l("None."))
            return
        if with_ground:
            # By ground and nationality, the grounds in words: what a supervisor reads first.
            by_ground = Counter((line.ground or "", line.nationality) for line in lines)
            summary_widths = [110.0, 30.0, 18.0]
            header = [self.l("Ground"), self.l("Nationality"), self.l("Count")]
            self.header_row(header, summary_widths, aligns="LLR")
            ranked = sorted(by_ground.items(), key=lambda item: (-item[1], item[0]))
            for (ground, nationality), count in ranked[:MAX_LISTED]:
                words = ground_label(ground, self.lang) if ground else "—"
                self.row([words, nationality, str(count)], summary_widths, aligns="LLR")
            self.pdf.ln(2)
        widths = [38, 22, 20, 16, 20, self.width - 116]
        header = ["Time", "Kind", "Direction", "Ground", "Nationality", "Record"]
        self.header_row([self.l(h) for h in header], widths)
        for line in lines[:MAX_LISTED]:
            cells = [
                printed_iso(line.recorded_at),
                self.l(line.kind),
                self.l(line.direction),
                line.ground or "",
                line.nationality,
                line.record_id,
            ]
            self.row(cells, widths)
        self._more(len(lines))

    def _more(self, count: int) -> None:
        if count > MAX_LISTED:
            more = count - MAX_LISTED
            self.text(f"… +{more} (CSV / XLSX)")

    def watchlist(self, report: ShiftReport) -> None:
        self.heading("Watchlist hits")
        if not report.watchlist_hits:
            self.text(self.l("None."))
            return
        widths = [40, 24, self.width - 146, 12, 40, 30]
        header = ["Record", "List", "List entry", "Score", "Outcome", "Approved by"]
        self.header_row([self.l(h) for h in header], widths)
        for hit in report.watchlist_hits[:MAX_LISTED]:
            cells = [
                hit.record_id[:13],
                hit.list_name,
                hit.entry_id,
                str(hit.score),
                self.l(hit.outcome),
                hit.approved_by or "",
            ]
            self.row(cells, widths)
        self._more(len(report.watchlist_hits))

    def changes(self, report: ShiftReport) -> None:
        self.heading("Amendments and voids")
        if not report.changes:
            self.text(self.l("None."))
            return
        for change in report.changes[:MAX_LISTED]:
            # Records as History numbers them: "#3101 amends #3090" reads at a glance.
            target = f"#{change.target_seq}" if change.target_seq else change.target_id
            own = f"#{change.seq}  " if change.seq else ""
            self.text(
                f"{printed_iso(change.recorded_at)}  {own}{self.l(change.kind)}  {target}  "
                f"{self.l('Officer')}: {change.officer}  {self.l('Approved by')}: "
                f"{change.approved_by}  {self.l('Reason')}: {change.reason}"
            )
        self._more(len(report.changes))

    def occurrences(self, report: ShiftReport) -> None:
        if not report.is_shift:
            return
        self.heading("Particular occurrences")
        self.text(report.occurrences.strip() or self.l("None."))

    def sync(self, report: ShiftReport) -> None:
        self.heading("Sync state")
        acknowledged = (
            "–" if report.last_acknowledged_seq is None else str(report.last_acknowledged_seq)
        )
        self.row(
            [self.l("Records waiting to be sent"), str(report.pending_sync)], [80, 30], aligns="LR"
        )
        self.row([self.l("Last acknowledged sequence"), acknowledged], [80, 30], aligns="LR")

    def signatures(self, qr_text: str | None) -> None:
        pdf = self.pdf
        block = 62.0
        if pdf.get_y() + block > pdf.h - 16:
            pdf.add_page()
        self.heading("Signatures")
        top = pdf.get_y() + 4
        qr_size = 50.0
        line_width = self.width - qr_size - 10
        for index, who in enumerate(("Officer", "Supervisor")):
            y = top + 14 + index * 22
            pdf.line(_MARGIN, y, _MARGIN + line_width, y)
            pdf.set_xy(_MARGIN, y + 1)
            self.doc.font(8)
            pdf.cell(line_width, 4, self.l(who))
        if qr_text is not None:
            x = _MARGIN + self.width - qr_size
            pdf.image(printing.qr_png(qr_text), x=x, y=top, w=qr_size, h=qr_size)
            pdf.set_xy(x - 10, top + qr_size + 1)
            self.doc.font(7)
            pdf.multi_cell(
                qr_size + 10, 3, self.l("Scan to verify: signed digest of this report's data.")
            )
        pdf.set_xy(_MARGIN, top + block)
