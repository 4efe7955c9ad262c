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


class EntryRefused(CentralError):
    """A change to a workstation entry that its state does not allow (a code for a
    workstation that has enrolled, lifting a revocation that is not there)."""


__all__ = [
    "CentralError",
    "EntryRefused",
    "InputError",
    "NotFound",
    "StorageUnavailable",
    "UserFacingError",
]
