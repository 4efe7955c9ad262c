"""The workstation's Ed25519 key pair and the central's pinned public key.

The private key signs batches, release slips and report digests. It lives in the data
directory with mode 0600 and never leaves the workstation; the public key is registered
with the central at enrolment.
"""

from __future__ import annotations

import base64
import hashlib
import os
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from inspection_client.errors import UserFacingError
from inspection_client.message import Message


class KeyFileError(UserFacingError):
    """A key file that is missing, unreadable, damaged, or too widely readable."""

    exit_status = 3  # a file the lane needs cannot be used, as for its database


class KeyFileUnwritable(KeyFileError):
    """No key yet, and none can be written: the data directory is read-only or missing."""


def generate_key_file(path: Path) -> Ed25519PrivateKey:
    """Create a new private key at `path` (mode 0600); an existing key is never overwritten."""
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise KeyFileError(f"A workstation key already exists at {path}; it is kept.") from None
    except OSError as error:
        raise KeyFileUnwritable(
            Message(
                "This workstation has no key yet, and {path} cannot be created ({error}). "
                "The key signs what the lane sends and its PDF reports and slips: make the "
                "data directory writable (or ask IT to) and try again.",
                path=path,
                error=error.strerror,
            )
        ) from None
    with os.fdopen(fd, "wb") as handle:
        handle.write(pem)
        handle.flush()
        os.fsync(handle.fileno())
    return key


def load_private_key(path: Path, *, what: str = "workstation key") -> Ed25519PrivateKey:
    """The Ed25519 private key in `path`; `what` names it in messages ("central key" for the
    central's own)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        hint = (
            " Enrol the workstation first (`inspection-client enrol`)."
            if what == "workstation key"
            else ""
        )
        raise KeyFileError(f"There is no {what} at {path}.{hint}") from None
    except OSError as error:
        raise KeyFileError(f"Cannot read the {what} {path}: {error}") from error
    if os.name == "posix" and path.stat().st_mode & 0o077:
        raise KeyFileError(
            f"The {what} {path} can be read by other users. Restrict it with "
            f"`chmod 600 {path}` and start again."
        )
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError):
        # The library's own words ("Unable to load PEM file. See https://…") tell IT nothing.
        raise KeyFileError(
            f"The {what} {path} is damaged: it is not a private key in PEM form. Put it back "
            "from a backup made with `db backup --with-key`, or ask IT."
            if what == "workstation key"
            else f"The {what} {path} is damaged: it is not a private key in PEM form."
        ) from None
    if not isinstance(key, Ed25519PrivateKey):
        raise KeyFileError(f"The {what} {path} is not an Ed25519 key.")
    return key


def missing_on_enrolled(path: Path) -> KeyFileError:
    """The key of an enrolled workstation is not at `path` (a database put back without it,
    say). A new one would sign what the gates and the central do not trust: none is made."""
    return KeyFileError(
        Message(
            "This workstation is enrolled, but its key {path} is missing. A new key "
            "would sign slips and reports that the gates and the central do not trust, "
            "so none was made: put the key back (a backup made with "
            "`db backup --with-key` holds it), or ask IT.",
            path=path,
        )
    )


def load_or_create(path: Path) -> Ed25519PrivateKey:
    return load_private_key(path) if path.exists() else generate_key_file(path)


def public_key_text(key: Ed25519PublicKey) -> str:
    """The raw 32-byte public key, base64url without padding: how keys travel on the wire."""
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def public_key_from_text(text: str) -> Ed25519PublicKey:
    """Parse a public key sent as base64url; raises ValueError on anything else."""
    raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    if len(raw) != 32:
        raise ValueError("an Ed25519 public key is 32 bytes")
    return Ed25519PublicKey.from_public_bytes(raw)


def fingerprint(key: Ed25519PublicKey) -> str:
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def signature_valid(key: Ed25519PublicKey, signature: bytes, message: bytes) -> bool:
    try:
        key.verify(signature, message)
    except InvalidSignature:
        return False
    return True
