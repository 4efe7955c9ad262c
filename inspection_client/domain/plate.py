"""Registration plates as typed at the vehicle lane.

Plates differ by country (新F·A1234, KZ 777 ABC 02, LEA-1234, А123ВС 77): letters of any
script, digits, and the spaces, hyphens, dots and slashes printed between them. Anything else
(@, #, !, quotes, emoji) is a slip of the keyboard, said before the record is saved.

Records saved before this rule keep their plate as it was typed: the rule is the form's, not
the record model's, so no stored record becomes unreadable.
"""

from __future__ import annotations

import unicodedata

from inspection_client.message import Message

_SEPARATORS = frozenset(" -.·/")


def _allowed(char: str) -> bool:
    return char in _SEPARATORS or unicodedata.category(char)[0] in "LN"


def plate_problem(plate: str) -> Message | None:
    """What is wrong with the characters of `plate`, or None."""
    wrong = sorted({char for char in plate if not _allowed(char)}, key=plate.index)
    if wrong:
        return Message(
            "The plate has characters that are not allowed: {characters}. A plate holds "
            "letters, digits, and spaces, hyphens, dots or slashes between them.",
            characters=" ".join(wrong),
        )
    if not any(unicodedata.category(char)[0] in "LN" for char in plate):
        return Message("The plate holds no letter or digit.")
    return None
