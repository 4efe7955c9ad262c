"""The central's own Ed25519 key: signs receipts, enrolment grants and reference snapshots.

It lives in a file with mode 0600 (next to the SQLite database, or in the central's data
directory), or wherever `INSPECTION_CENTRAL_KEY` points; it is created on first start.
Every API server behind a load balancer must be given the same key file.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from inspection_client.sync.keys import KeyFileError, generate_key_file, load_private_key
from inspection_client.sync.keys import public_key_text as _public_key_text

ENV_KEY = "INSPECTION_CENTRAL_KEY"
KEY_FILE_NAME = "central.key"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir("inspection-central", appauthor=False))


def default_key_path(sqlite_path: Path | None) -> Path:
    """$INSPECTION_CENTRAL_KEY, else next to the SQLite file, else in the data directory."""
    from_env = os.environ.get(ENV_KEY)
    if from_env:
        return Path(from_env).expanduser()
    if sqlite_path is not None:
        return sqlite_path.with_name(sqlite_path.stem + ".key")
    return data_dir() / KEY_FILE_NAME


class CentralKeyError(KeyFileError):
    """The central's key file cannot be used: unreadable, too widely readable, damaged."""

    exit_status = 3


class WrongCentralKey(CentralKeyError):
    """The central's key file is not where it is looked for, or holds another key, while
    workstations have pinned the central's key: they would refuse whatever another one signs."""


def _load(path: Path) -> Ed25519PrivateKey:
    try:
        return load_private_key(path, what="central key")
    except CentralKeyError:
        raise
    except KeyFileError as error:
        raise CentralKeyError(error.message) from error


def load_or_create(
    path: Path, *, pinned_by: int = 0, may_make: bool = True
) -> tuple[Ed25519PrivateKey, bool]:
    """The key at `path`, created (0600) if there is none yet, and whether it was made here.

    A key made here is kept only once the database takes it (`discard_refused_key`).

    `pinned_by` is how many workstations have enrolled with this central, and so pinned its
    key: with any, a missing key file is a misplaced one (a mistyped $INSPECTION_CENTRAL_KEY,
    a command run by another user or on another host), never a reason to make a new key.
    Without `may_make` (a PostgreSQL central's key in the data directory of the account that
    runs a command other than `serve`) a missing key is not made either: the service's key
    is elsewhere, and one made here would sign what every lane then refuses.
    """
    if path.exists():
        return _load(path), False
    if not may_make:
        raise WrongCentralKey(
            f"There is no central key at {path}. On PostgreSQL the central's key is made by "
            f"`inspection-central serve` at its first start, where ${ENV_KEY} points (its "
            f"start line names the file): run this command with the same ${ENV_KEY}, as the "
            "account the service runs as, or start the service first."
        )
    if pinned_by:
        raise WrongCentralKey(
            f"There is no central key at {path}, but {pinned_by} workstation(s) enrolled with "
            "this central database have pinned its key: a new key would make every one of them "
            f"refuse it. Point ${ENV_KEY} at the central's key file (restore it from its backup "
            "if it is lost)."
        )
    try:
        return generate_key_file(path), True
    except KeyFileError:
        # Another server process created it a moment ago; that one keeps or discards it.
        return _load(path), False
    except OSError as error:
        raise CentralKeyError(f"Cannot create the central key {path}: {error}") from error


def discard_refused_key(path: Path, key: Ed25519PrivateKey) -> None:
    """Delete the key file just made at `path` for `key`, which the database refused (it
    keeps another central's key). Left behind, it would be taken for the central's key at
    the next start, and its fingerprint for the one to look for."""
    try:
        if public_key_text(_load(path)) == public_key_text(key):
            path.unlink()
    except (KeyFileError, OSError):
        pass  # gone already, or no longer the file made here: not this start's to delete


def check_pinned_key(
    key: Ed25519PrivateKey,
    path: Path,
    snapshot_json: bytes | None,
    kept_fingerprint: str | None = None,
) -> None:
    """Refuse `key` when it did not sign `snapshot_json`, the newest snapshot the central
    published to its enrolled workstations, which pinned the key that did.

    `kept_fingerprint` is the key the database keeps (the first one that signed for it),
    when it keeps one: the message names it, so IT knows which server's key file to copy.
    """
    from inspection_client.sync import wire
    from inspection_client.sync.keys import fingerprint
    from inspection_client.sync.wire import SignedSnapshot

    if snapshot_json is None:
        return
    signed = SignedSnapshot.model_validate_json(snapshot_json)
    if not wire.verify(signed.snapshot, signed.signature, key.public_key()):
        pinned = (
            f" (fingerprint {kept_fingerprint}, which the first server's start line shows)"
            if kept_fingerprint
            else ""
        )
        raise WrongCentralKey(
            f"The central key {path} (fingerprint {fingerprint(key.public_key())}) is not the "
            f"key this central database's workstations pinned{pinned}: they would refuse "
            f"everything signed with it. Copy the central's own key file to this host and "
            f"point ${ENV_KEY} at it."
        )


def public_key_text(key: Ed25519PrivateKey) -> str:
    return _public_key_text(key.public_key())
