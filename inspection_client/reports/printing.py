"""Setting up an fpdf2 document whose font covers the text: shared by reports and slips.

Chinese plates (新A12345) appear in English documents too, so an English document also uses the
CJK font when one is installed; without one it falls back to Helvetica and prints characters
outside Latin-1 as "?" rather than failing. A Chinese document without a CJK font fails with
`fonts.ReportFontMissing`.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fpdf import FPDF
from PIL import Image

from inspection_client.reports import fonts, qr_image
from inspection_client.reports.labels import Lang

FAMILY = "report"


@dataclass
class Document:
    """An fpdf2 document plus the font family to use and how to make text printable."""

    pdf: FPDF
    family: str
    printable: Callable[[str], str]

    def font(self, size: float) -> None:
        self.pdf.set_font(self.family, size=size)


def _latin1(text: str) -> str:
    return text.encode("latin-1", "replace").decode("latin-1")


def _as_is(text: str) -> str:
    return text


def new_document(
    lang: Lang,
    *,
    orientation: str = "portrait",
    page_format: str | tuple[float, float] = "A4",
    search_list: tuple[tuple[str, int], ...] = fonts.SEARCH_LIST,
    pdf_class: type[FPDF] = FPDF,
) -> Document:
    """A blank document with the right font loaded.

    Raises:
        fonts.ReportFontMissing: ``lang`` is zh_CN and no CJK font is installed.
    """
    pdf = pdf_class(orientation=orientation, unit="mm", format=page_format)
    face = (
        fonts.require_cjk_font(search_list) if lang == "zh_CN" else fonts.find_cjk_font(search_list)
    )
    if face is None:
        return Document(pdf, "helvetica", _latin1)
    pdf.add_font(FAMILY, fname=str(face.path), collection_font_number=face.index)
    return Document(pdf, FAMILY, _as_is)


def qr_png(text: str) -> io.BytesIO:
    """The QR code as PNG bytes for `FPDF.image` (one pixel per module: fpdf2 scales it)."""
    # A one-pixel-per-module image keeps the PDF small; the PDF viewer or printer scales it
    # with sharp edges because fpdf2 embeds it as a 1-bit image without interpolation.
    image: Image.Image = qr_image.render_image(text, module_pixels=1)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    buffer.seek(0)
    return buffer


def output(document: Document) -> bytes:
    data: Any = document.pdf.output()
    return bytes(data)
