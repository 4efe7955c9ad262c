"""Errors the environment or the user causes, as opposed to bugs.

Every layer raises a subclass of `UserFacingError` for conditions an officer or an IT
administrator can act on (disk full, locked database, bad input file, central unreachable).
The command line prints the message and exits with `exit_status`; the GUI shows the message.
Anything else is a bug and is allowed to fail loudly in tests.
"""

from __future__ import annotations


class UserFacingError(Exception):
    """A condition with a message that tells the user what happened and what to do."""

    exit_status = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InputError(UserFacingError):
    """Input that cannot be used: a bad file, unreadable text, a value out of range."""

    exit_status = 2
