"""What makes a PIN acceptable: its form, and not being among the first guesses.

Wrong PINs lock an account after a few tries, so someone at the keypad gets only a handful
of guesses before the lock grows long: the PINs tried first must not be allowed. These are
one digit or a short group repeated (1111, 1212, 123123), digits in a row up or down
(1234, 4321, 7890), the keypad's lines (2580, 147258) and the PINs most often found in
leaked lists, and the digits of the account's own code. Years (19xx, 20xx) and skips by
two (2468, 1357) are allowed: far down those lists, and refusing every pattern would
leave officers with PINs they cannot remember.
"""

from __future__ import annotations

from inspection_client.message import Message

MIN_LENGTH, MAX_LENGTH = 4, 12

# The keypad's columns and diagonals, and the most frequent PINs of leaked lists that the
# rules below do not already catch.
_COMMON = frozenset(
    {
        "2580",
        "0852",
        "1470",
        "0741",
        "3690",
        "0963",
        "1590",
        "7530",
        "147258",
        "258369",
        "147258369",
        "159753",
        "357159",
        "1004",
        "2000",
        "2001",
        "1122",
        "1133",
        "1313",
        "112233",
        "123321",
        "654123",
        "110110",
        "520520",
        "5201314",
        "1314520",
        "131313",
        "123654",
        "147852",
        "147369",
        "753951",
    }
)
_UP = "01234567890123456789"  # digits in a row, 9 followed by 0 as on a keypad's last row


def pin_format_problem(pin: str) -> Message | None:
    """Why `pin` is not a PIN at all, or None."""
    # ASCII digits only: a full-width "１２３４" is digits to Python, and no keypad types it.
    if not (pin.isascii() and pin.isdigit() and MIN_LENGTH <= len(pin) <= MAX_LENGTH):
        return Message("A PIN is 4 to 12 digits.")
    return None


def guessable(pin: str, code: str) -> Message | None:
    """Why `pin` (well formed) would be among the first guesses for account `code`, or None."""
    if any(pin == pin[:size] * (len(pin) // size) for size in range(1, len(pin) // 2 + 1)):
        return Message(
            "This PIN repeats one digit or a group of digits (like 1111 or 1212), which is "
            "among the first guesses; choose another."
        )
    if pin in _UP or pin in _UP[::-1]:
        return Message(
            "This PIN has its digits in a row (like 1234 or 4321), which is among the first "
            "guesses; choose another."
        )
    if pin in _COMMON:
        return Message(
            "This PIN is one of the most common PINs and among the first guesses; choose another."
        )
    digits = "".join(ch for ch in code if ch.isascii() and ch.isdigit())
    if pin in digits or (len(digits) >= MIN_LENGTH and digits in pin):
        return Message(
            "This PIN is made of the digits of the account code {code}, which is among the "
            "first guesses; choose another.",
            code=code,
        )
    return None


def pin_problem(pin: str, code: str) -> Message | None:
    """Why `pin` cannot be chosen for account `code` (its form, or guessable), or None."""
    return pin_format_problem(pin) or guessable(pin, code)
