"""`inspection-client report`: a shift or period report as PDF, CSV or XLSX."""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime, time
from pathlib import Path

from inspection_client import paths
from inspection_client.commands.common import open_store
from inspection_client.errors import InputError

FORMATS = ("pdf", "csv", "xlsx")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "report",
        help="write a shift report (PDF, CSV or XLSX)",
        description="Write the report of a shift, of the latest shift, or of the clearances "
        "recorded in a period. Figures are the current state: amendments replace the original "
        "clearance, voided clearances are not counted. A PDF carries a QR code with a signed "
        "digest of the report's data (check it with `inspection-client verify`).",
    )
    scope = parser.add_mutually_exclusive_group(required=True)
    scope.add_argument(
        "--shift",
        metavar="ID",
        help="a shift id, or its first or last characters (see `shift list`)",
    )
    scope.add_argument("--last", action="store_true", help="the latest shift")
    scope.add_argument(
        "--from",
        dest="date_from",
        metavar="DATE",
        help="start of a period: YYYY-MM-DD or YYYY-MM-DDTHH:MM[+08:00]; times without an "
        "offset are this computer's local time",
    )
    parser.add_argument(
        "--to",
        dest="date_to",
        metavar="DATE",
        help="end of the period, in the same forms (a date is inclusive; default: today, "
        "so --from alone covers DATE up to the end of today)",
    )
    parser.add_argument(
        "--format",
        type=_report_format,
        metavar="FORMAT",
        help="pdf, csv or xlsx (default: from the file name)",
    )
    parser.add_argument(
        "--output",
        "-o",
        required=True,
        type=paths.file_to_write,
        metavar="PATH",
        help="file to write (not '-': a report is never written to standard output)",
    )
    parser.add_argument(
        "--lang",
        dest="report_lang",
        metavar="LANG",
        help="language of a PDF: en or zh_CN (default: the global --lang, else en)",
    )
    parser.set_defaults(handler=run)


def _report_format(text: str) -> str:
    if text.lower() not in FORMATS:
        raise argparse.ArgumentTypeError(f"{text!r} is not one of pdf, csv, xlsx")
    return text.lower()


def parse_when(text: str, *, end: bool) -> datetime:
    """A date or ISO date-time; a date is its first (or with ``end``, last) instant.

    Raises:
        InputError: the text is neither.
    """
    text = text.strip()
    try:
        # Every form of a bare date (2026-11-20, 20261120, 2026-W47-5) means the whole day;
        # datetime.fromisoformat would read the compact ones as their first instant.
        day = date.fromisoformat(text)
    except ValueError:
        pass
    else:
        return datetime.combine(day, time.max if end else time.min).astimezone()
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise InputError(
            f"{text!r} is not a date; use YYYY-MM-DD or YYYY-MM-DDTHH:MM (e.g. 2026-11-20)."
        ) from None
    return moment if moment.tzinfo else moment.astimezone()


def run(args: argparse.Namespace) -> int:
    from inspection_client.reports import documents
    from inspection_client.reports.labels import check_lang

    output = Path(args.output)
    kind = args.format or output.suffix.lower().lstrip(".")
    if kind not in FORMATS:
        raise InputError(
            f"Cannot tell the format from {output.name!r}; add --format pdf, csv or xlsx."
        )
    named = output.suffix.lower().lstrip(".")
    if named in FORMATS and named != kind:
        # A CSV in a file named .pdf opens as a broken PDF for whoever receives it.
        raise InputError(
            f"--format {kind} does not match the file name {output.name!r}; name the file "
            f".{kind}, or leave --format out."
        )
    try:
        lang = check_lang(args.report_lang or getattr(args, "lang", None) or "en")
    except ValueError as error:
        raise InputError(str(error)) from None
    if args.date_to and not args.date_from:
        raise InputError("--to needs --from.")
    with open_store(args, reading=True) as store:
        period = ""
        if args.date_from:
            start = parse_when(args.date_from, end=False)
            # Without --to, up to the end of today: a period that stopped after its first
            # day gave an empty report for an older date, and said nothing about it.
            finish = (
                parse_when(args.date_to, end=True)
                if args.date_to
                else datetime.combine(date.today(), time.max).astimezone()
            )
            report = documents.build_report(store, period=(start, finish))
            period = f" for {_moment(start)} to {_moment(finish)}"
        else:
            report = documents.build_report(store, shift_id=args.shift, last=args.last)
        written = documents.write_report(store, report, output, kind=kind, lang=lang)
    counts = report.counts()
    print(
        f"Wrote {written} ({kind.upper()}){period}: {counts['clearances']:,} clearances, "
        f"{counts['refused']:,} refused, {counts['referred']:,} referred.",
        file=sys.stdout,
    )
    return 0


def _moment(when: datetime) -> str:
    """A period's bound as given: to the minute, with its offset (the last instant of a day
    reads 23:59)."""
    return when.isoformat(timespec="minutes")
