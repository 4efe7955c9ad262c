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


def load_or_create(path: Path) -> Ed25519PrivateKey:
    """The key at `path`, created (0600) if there is none yet."""
    if path.exists():
        return load_private_key(path)
    try:
        return generate_key_file(path)
    except KeyFileError:
        # Another server process created it a moment ago.
        return load_private_key(path)
    except OSError as error:
        raise KeyFileError(f"Cannot create the central key {path}: {error}") from error


def public_key_text(key: Ed25519PrivateKey) -> str:
    return _public_key_text(key.public_key())
