"""Render a sealed document's text (see `sealed_qr`) as a QR code image, for slips and reports.

The whole text goes into one QR alphanumeric segment: that is why sealed texts are Base45, whose
alphabet is exactly QR's alphanumeric set (5.5 bits a character instead of 8 in byte mode).

Error correction is M (15 % of the code may be lost) by default. A slip is printed on paper that
rides in a truck cab and gets creased and smudged, which argues for Q; but a slip listing many
VINs already needs a large code, and at Q it grows by about a fifth again, with smaller modules
on the same paper and slower scans. Pass ``error_correction="Q"`` for short payloads when a
robust code matters more than its size.
"""

from __future__ import annotations

import io
from typing import Final, Literal

import qrcode
import qrcode.constants
import qrcode.exceptions
import qrcode.util
from PIL import Image

ErrorCorrection = Literal["L", "M", "Q", "H"]

_LEVELS: Final = {
    "L": qrcode.constants.ERROR_CORRECT_L,
    "M": qrcode.constants.ERROR_CORRECT_M,
    "Q": qrcode.constants.ERROR_CORRECT_Q,
    "H": qrcode.constants.ERROR_CORRECT_H,
}
# ISO/IEC 18004 asks for a quiet zone of four modules; scanners miss codes printed too close to
# other ink.
QUIET_ZONE_MODULES: Final = 4
_ALPHANUMERIC: Final = frozenset(qrcode.util.ALPHA_NUM.decode("ascii"))


def build_qr(text: str, *, error_correction: ErrorCorrection = "M") -> qrcode.QRCode:
    """Lay out ``text`` as the smallest QR code that holds it in alphanumeric mode.

    Raises:
        ValueError: ``text`` has characters outside QR's alphanumeric set (sealed texts never
            do), or is too long for any QR version at that error correction level.
    """
    if not text or not _ALPHANUMERIC.issuperset(text):
        raise ValueError("only upper-case Base45 text can be rendered in QR alphanumeric mode")
    code = qrcode.QRCode(
        version=None, error_correction=_LEVELS[error_correction], border=QUIET_ZONE_MODULES
    )
    # A QRData with an explicit mode stops qrcode from choosing (or splitting into) byte mode.
    code.add_data(qrcode.util.QRData(text, mode=qrcode.util.MODE_ALPHA_NUM))
    try:
        code.make(fit=True)
    # Past version 40 qrcode raises its own ValueError ("Invalid version") rather than this.
    except (qrcode.exceptions.DataOverflowError, ValueError):
        raise ValueError("the text is too long for a QR code") from None
    return code


def qr_version(text: str, *, error_correction: ErrorCorrection = "M") -> int:
    """The QR version (1-40; version v is 17 + 4v modules wide) that ``text`` needs."""
    version: int = build_qr(text, error_correction=error_correction).version
    return version


def render_image(
    text: str, *, error_correction: ErrorCorrection = "M", module_pixels: int = 4
) -> Image.Image:
    """A black-on-white 1-bit PIL image of the QR code, quiet zone included."""
    code = build_qr(text, error_correction=error_correction)
    matrix = code.get_matrix()  # includes the quiet zone, True for dark modules
    size = len(matrix)
    image = Image.new("1", (size, size), 255)
    # Mode "1" stores white as 255; a stored 1 would read as nearly black once converted to "L".
    image.putdata([0 if dark else 255 for row in matrix for dark in row])
    # NEAREST keeps module edges sharp; any smoothing would blur them for the scanner.
    return image.resize((size * module_pixels, size * module_pixels), Image.Resampling.NEAREST)


def render_png(
    text: str, *, error_correction: ErrorCorrection = "M", module_pixels: int = 4
) -> bytes:
    """The QR code as PNG bytes (for PDFs and printing)."""
    buffer = io.BytesIO()
    image = render_image(text, error_correction=error_correction, module_pixels=module_pixels)
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
