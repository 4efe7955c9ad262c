"""Errors of the central store that an IT administrator can act on (as opposed to bugs)."""

from __future__ import annotations

from inspection_client.errors import InputError, UserFacingError


class CentralError(UserFacingError):
    """A condition of the central store with a message for its administrator."""


class StorageUnavailable(CentralError):
    """The database cannot be reached or is busy: a transient fault, worth retrying."""

    exit_status = 3


class NotFound(CentralError):
    """A workstation, lane or officer named on the command line that does not exist."""


__all__ = ["CentralError", "InputError", "NotFound", "StorageUnavailable", "UserFacingError"]
