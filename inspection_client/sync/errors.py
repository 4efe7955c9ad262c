"""What can stop a sync round, in words an officer or IT administrator can act on."""

from __future__ import annotations

from inspection_client.errors import InputError, UserFacingError
from inspection_client.sync.wire import ErrorCode


class SyncError(UserFacingError):
    """A sync round stopped; every record is kept and is sent on a later round."""

    exit_status = 4


class CentralUnreachable(SyncError):
    """No answer, a transient server fault, or an answer that is not the central's.

    `cause` is what went wrong in a few words (such as "ConnectError" or "HTTP 502"), for a
    caller that words the message its own way; empty when the message is all there is.
    """

    def __init__(self, message: str, *, cause: str = "") -> None:
        super().__init__(message)
        self.cause = cause


class NotDelivered(CentralUnreachable):
    """An answer came, but not a well-formed receipt signed by the central for this batch."""


class NotEnrolled(SyncError):
    pass


class CentralRefused(SyncError):
    """The central answered with a reason (4xx ErrorBody); `detail` is the central's own
    message."""

    def __init__(self, code: ErrorCode, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.detail = detail


class UpgradeRequired(SyncError):
    pass


class BadReferenceData(InputError):
    """A snapshot that is malformed, badly signed, of another kind, or older than the one held."""
