"""Finding a font with Chinese glyphs for PDF reports and slips, from a documented search list.

fpdf2 embeds TrueType/OpenType fonts, including a face of a ``.ttc`` collection. The list
below is tried in order; ``$INSPECTION_REPORT_FONT`` (``PATH`` or ``PATH#INDEX`` for a face of a
collection) overrides it. Debian packages: ``fonts-noto-cjk`` (preferred), ``fonts-wqy-microhei``,
``fonts-wqy-zenhei``, ``fonts-arphic-ukai``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from inspection_client.errors import UserFacingError
from inspection_client.message import Message

ENV_FONT: Final = "INSPECTION_REPORT_FONT"
INSTALL_HINT: Final = "apt-get install fonts-noto-cjk"

# (path, face index in the collection). Noto Sans CJK's collection holds JP, KR, SC, TC, HK in
# that order; face 2 is Simplified Chinese, whose glyph shapes a reader in China expects.
SEARCH_LIST: Final[tuple[tuple[str, int], ...]] = (
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2),
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    ("/usr/share/fonts/truetype/arphic/ukai.ttc", 0),
    ("/System/Library/Fonts/PingFang.ttc", 0),
    ("C:/Windows/Fonts/msyh.ttc", 0),
    ("C:/Windows/Fonts/simsun.ttc", 0),
)


class ReportFontMissing(UserFacingError):
    """No font with Chinese glyphs could be found for a Chinese document."""

    exit_status = 3


@dataclass(frozen=True)
class FontFace:
    path: Path
    index: int = 0


def find_cjk_font(search_list: tuple[tuple[str, int], ...] = SEARCH_LIST) -> FontFace | None:
    """The font named by the environment, else the first of `search_list` present, else None.

    Raises:
        ReportFontMissing: ``$INSPECTION_REPORT_FONT`` names a file that does not exist; a
            mistyped override must not silently fall back to another font.
    """
    override = os.environ.get(ENV_FONT, "").strip()
    if override:
        path_text, _, index_text = override.partition("#")
        path = Path(path_text).expanduser()
        if not path.is_file():
            raise ReportFontMissing(f"{ENV_FONT} names {path}, which is not a font file.")
        try:
            index = int(index_text) if index_text else 0
        except ValueError:
            raise ReportFontMissing(
                f"{ENV_FONT} must be PATH or PATH#INDEX, not {override!r}."
            ) from None
        return FontFace(path, index)
    for path_text, index in search_list:
        path = Path(path_text)
        if path.is_file():
            return FontFace(path, index)
    return None


def require_cjk_font(search_list: tuple[tuple[str, int], ...] = SEARCH_LIST) -> FontFace:
    face = find_cjk_font(search_list)
    if face is None:
        raise ReportFontMissing(
            Message(
                "A Chinese report needs a font with Chinese characters, and none was found. "
                "Install one (`{hint}`) or set {variable} to a .ttf/.otf/.ttc file.",
                hint=INSTALL_HINT,
                variable=ENV_FONT,
            )
        )
    return face
