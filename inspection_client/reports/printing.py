"""Setting up an fpdf2 document whose font covers the text: shared by reports and slips.

Chinese plates (新A12345) appear in English documents too, so an English document also uses the
CJK font when one is installed; without one it falls back to Helvetica and prints characters
outside Latin-1 as "?" rather than failing. The CJK font, too, prints the characters it has no
glyph for (emoji, Arabic script in a remark) as "?", so that the page shows that something
is there. A Chinese document without a CJK font fails with `fonts.ReportFontMissing`.
"""

from __future__ import annotations

import io
import logging
import unicodedata
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from fpdf import FPDF
from fpdf.fonts import TTFFont
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


def _covered_by(codepoints: Collection[int]) -> Callable[[str], str]:
    """The text with what the font has no glyph for printed as "?"; marks and format
    characters without one (an emoji's variation selector, a joiner) are dropped."""

    def printable(text: str) -> str:
        if all(ord(char) in codepoints or char < " " for char in text):
            return text
        return "".join(
            char
            if ord(char) in codepoints or char < " "
            else ("" if unicodedata.category(char) in ("Mn", "Me", "Cf") else "?")
            for char in text
        )

    return printable


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
    font = pdf.fonts[FAMILY]
    assert isinstance(font, TTFFont)
    return Document(pdf, FAMILY, _covered_by(font.cmap.keys()))


def qr_png(text: str) -> io.BytesIO:
    """The QR code as PNG bytes for `FPDF.image` (one pixel per module: fpdf2 scales it)."""
    # A one-pixel-per-module image keeps the PDF small; the PDF viewer or printer scales it
    # with sharp edges because fpdf2 embeds it as a 1-bit image without interpolation.
    image: Image.Image = qr_image.render_image(text, module_pixels=1)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    buffer.seek(0)
    return buffer


class _MissingGlyphs(logging.Filter):
    """fpdf2's warning, on stderr, about characters its font has no glyph for.

    `Document.printable` has put "?" in their place; anything written without it still
    prints the font's empty box, which the reader sees.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        return "is missing the following glyphs" not in str(record.msg)


_FPDF_OUTPUT_LOG = logging.getLogger("fpdf.output")


def output(document: Document) -> bytes:
    quiet = _MissingGlyphs()
    _FPDF_OUTPUT_LOG.addFilter(quiet)
    try:
        data: Any = document.pdf.output()
    finally:
        _FPDF_OUTPUT_LOG.removeFilter(quiet)
    return bytes(data)


def discard(document: Document) -> None:
    """Let go of a document laid out only to measure it: close its font files (fpdf2 closes
    them when it writes the document out, which this one never is)."""
    for font in document.pdf.fonts.values():
        ttfont = getattr(font, "ttfont", None)
        if ttfont is not None:
            ttfont.close()
