"""Base45 (RFC 9285): binary to text that fits a QR code's alphanumeric mode.

Sealed documents are Base45 rather than Base64 because QR alphanumeric mode stores 45 symbols in
5.5 bits each, so Base45 text costs fewer QR modules than Base64 in byte mode.
"""

from __future__ import annotations

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
_VALUES = {char: value for value, char in enumerate(ALPHABET)}


class Base45Error(ValueError):
    """The text is not valid Base45."""


def encode(data: bytes) -> str:
    """Encode bytes as Base45 text (upper-case letters, digits and `` $%*+-./:``)."""
    out: list[str] = []
    for start in range(0, len(data) - 1, 2):
        value = data[start] * 256 + data[start + 1]
        value, c = divmod(value, 45)
        e, d = divmod(value, 45)
        out += (ALPHABET[c], ALPHABET[d], ALPHABET[e])
    if len(data) % 2:
        d, c = divmod(data[-1], 45)
        out += (ALPHABET[c], ALPHABET[d])
    return "".join(out)


def decode(text: str) -> bytes:
    """Decode Base45 text; raise `Base45Error` on a foreign character, bad length or overflow."""
    if len(text) % 3 == 1:
        raise Base45Error(f"Base45 text cannot be {len(text)} characters long")
    try:
        digits = [_VALUES[char] for char in text]
    except KeyError as exc:
        # repr() so that control characters and spaces are visible in the message.
        raise Base45Error(f"{exc.args[0]!r} is not a Base45 character") from None
    out = bytearray()
    for start in range(0, len(digits), 3):
        group = digits[start : start + 3]
        value = sum(digit * 45**power for power, digit in enumerate(group))
        if len(group) == 3:
            if value > 0xFFFF:
                raise Base45Error(f"Base45 group {text[start : start + 3]!r} exceeds 65535")
            out += value.to_bytes(2, "big")
        else:
            if value > 0xFF:
                raise Base45Error(f"Base45 group {text[start : start + 2]!r} exceeds 255")
            out.append(value)
    return bytes(out)
