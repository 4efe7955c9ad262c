"""The entry points a Reports screen or the CLI calls: build, seal, render and save a report.

Every function is a plain call without Qt; the GUI runs them in its worker thread (building a
5,000-record shift report and its PDF takes about a second) and shows the result.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from pathlib import Path
from typing import Literal

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from inspection_client import paths
from inspection_client.reports import pdf_report, shift_report, tables
from inspection_client.reports.files import save_document
from inspection_client.reports.labels import Lang
from inspection_client.reports.sealed_qr import DocumentKind, seal
from inspection_client.reports.shift_report import ShiftReport
from inspection_client.store.database import Store

ReportFormat = Literal["pdf", "csv", "xlsx"]


def build_report(
    store: Store,
    *,
    shift_id: uuid.UUID | str | None = None,
    last: bool = False,
    period: tuple[datetime, datetime] | None = None,
) -> ShiftReport:
    """The report of a shift, of the latest shift, or of a period (exactly one of them).

    Raises:
        shift_report.ReportScopeError: no such shift, no shift at all, or a reversed period.
    """
    if period is not None:
        return shift_report.for_period(store, *period)
    if last:
        return shift_report.for_last_shift(store)
    if shift_id is None:
        raise ValueError("give a shift id, last=True or a period")
    return shift_report.for_shift(store, shift_id)


def workstation_key(store: Store) -> Ed25519PrivateKey:
    """This workstation's signing key (created on first use, 0600, next to the database).

    Raises:
        KeyFileError: the workstation is enrolled and its key is missing (a database put
            back without it, say). A new key would sign slips and reports that the gates
            and the central do not trust, and sync would then be refused: none is made.
    """
    from inspection_client.store import sync_state
    from inspection_client.sync import keys

    path = paths.workstation_key_file(store.path.parent)
    if not path.exists() and sync_state.get(store, sync_state.WORKSTATION_ID) is not None:
        raise keys.missing_on_enrolled(path)
    return keys.load_or_create(path)


def seal_report(report: ShiftReport, private_key: Ed25519PrivateKey) -> str:
    """The QR text of the report's signed digest (`sealed_qr`, kind REPORT)."""
    return seal(DocumentKind.REPORT, shift_report.digest_claims(report), private_key)


def render_report(
    report: ShiftReport,
    kind: ReportFormat | str,
    *,
    lang: Lang = "en",
    qr_text: str | None = None,
) -> bytes:
    """The report's bytes in ``kind``; only a PDF carries ``qr_text``."""
    if kind == "pdf":
        return pdf_report.render_pdf(report, lang=lang, qr_text=qr_text)
    if kind == "csv":
        return tables.render_csv(report)
    if kind == "xlsx":
        return tables.render_xlsx(report)
    raise ValueError(f"unknown report format {kind!r}")


def write_report(
    store: Store, report: ShiftReport, path: Path, *, kind: ReportFormat | str, lang: Lang = "en"
) -> Path:
    """Render (sealing a PDF with this workstation's key) and save; returns the path written.

    Raises:
        files.OutputError: the path cannot be written, or is one of the workstation's own files.
        fonts.ReportFontMissing: a Chinese PDF without a CJK font installed.
    """
    qr_text = seal_report(report, workstation_key(store)) if kind == "pdf" else None
    data = render_report(report, kind, lang=lang, qr_text=qr_text)
    save_document(path, data, data_dir=store.path.parent)
    return path
