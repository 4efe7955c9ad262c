"""Sealed backups: encrypted to the agency's recovery key, in the age format (age-encryption.org).

A backup on a USB stick holds travellers' personal data, and with `--with-key` the key that
signs this workstation's records. Sealed, it can be opened only with the recovery identity
that IT keeps; the lane needs only the public half (an `age1…` recipient), so backups made
unattended at every shift close are sealed too.

age is a published format with independent implementations (the `age` and `rage` command
line tools among them): IT can open a sealed backup with them as well as with `db restore`.
The identity file `backup-key new` writes is itself sealed with a passphrase (age's scrypt
mode), as `age -p` writes one; an unprotected one from `age-keygen` works too.
"""

from __future__ import annotations

import hashlib
import stat
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, NoReturn

import pyrage

from inspection_client.message import Message
from inspection_client.store.errors import StoreError

AGE_MAGIC = b"age-encryption.org/v1\n"
SEALED_SUFFIX = ".age"
MIN_PASSPHRASE = 12
_CHUNK = 1024 * 1024


class SealingError(StoreError):
    """A sealed backup or a recovery key that cannot be used; nothing was changed."""


def is_sealed(path: Path) -> bool:
    """Whether the file starts as an age file does."""
    try:
        with open(path, "rb") as file:
            return file.read(len(AGE_MAGIC)) == AGE_MAGIC
    except OSError:
        return False


def recipient_from(text: str) -> str:
    """The recipient (`age1…`) in `text`, checked; `text` may be a file's content with comments.

    Raises:
        SealingError: there is none, or more than one, or it is not a valid recipient.
    """
    found = _recipient_words(text)
    if len(found) != 1:
        raise SealingError(
            Message(
                "Expected one recovery key (a line starting age1…), found {count}.",
                count=len(found),
            )
        )
    try:
        pyrage.x25519.Recipient.from_str(found[0])
    except pyrage.RecipientError as error:
        raise SealingError(
            Message("{key} is not a valid recovery key ({error}).", key=found[0], error=error)
        ) from None
    return found[0]


def _recipient_words(text: str) -> list[str]:
    return [
        word
        for line in text.splitlines()
        for word in line.replace(":", " ").split()
        if word.startswith("age1")
    ]


def recipient_given(argument: str) -> str:
    """The recovery key a command was given: `age1…` itself, or a file that holds it.

    Raises:
        SealingError: there is no such file, or it cannot be read, is not text, holds a
            private identity instead, or holds no valid recipient (or several).
    """
    if argument.startswith("age1"):
        return recipient_from(argument)
    candidate = Path(argument).expanduser()
    try:
        is_file = stat.S_ISREG(candidate.stat().st_mode)
    except OSError as error:
        if _recipient_words(argument):
            return recipient_from(argument)  # a pasted line, such as "# public key: age1…"
        if isinstance(error, FileNotFoundError | NotADirectoryError):
            raise SealingError(
                Message(
                    "There is no file {path}, and it is not a recovery key (one starts "
                    "age1…): give the key or the file that holds it.",
                    path=candidate,
                )
            ) from None
        raise _unreadable(candidate, error) from None
    if not is_file:
        raise SealingError(
            Message(
                "{path} is not a file: give the recovery key (age1…) or the file that holds it.",
                path=candidate,
            )
        )
    return _recipient_in_file(candidate)


def _recipient_in_file(path: Path) -> str:
    """The recipient in the file `path`, saying what the file is when it holds none."""
    try:
        with open(path, "rb") as file:
            data = file.read(_MAX_IDENTITY_FILE + 1)
    except OSError as error:
        raise _unreadable(path, error) from None
    if data.startswith(b"age-encryption.org/") or (
        b"AGE-SECRET-KEY-1" in data and b"age1" not in data
    ):
        raise SealingError(
            Message(
                "{path} holds a private identity, not its public key: give the age1… "
                "line, and keep the identity away from the lanes.",
                path=path,
            )
        )
    if len(data) > _MAX_IDENTITY_FILE:
        raise SealingError(
            Message(
                "{path} is far larger than a file holding a recovery key: give the key "
                "(age1…) or the file that holds it, such as the .pub beside the identity.",
                path=path,
            )
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is None or "\x00" in text:
        raise SealingError(
            Message(
                "{path} is not a text file, so it holds no recovery key: give the key (age1…) "
                "or the text file that holds it, such as the .pub beside the identity.",
                path=path,
            )
        )
    if not _recipient_words(text):
        raise SealingError(
            Message(
                "{path} holds no recovery key (a line starting age1…): give the key or the "
                "file that holds it, such as the .pub beside the identity.",
                path=path,
            )
        )
    return recipient_from(text)


def _unreadable(path: Path, error: OSError) -> SealingError:
    return SealingError(
        Message("Cannot read {path}: {error}", path=path, error=error.strerror or error)
    )


def new_identity(passphrase: str) -> tuple[bytes, str]:
    """A new recovery identity, sealed with `passphrase`, and its recipient (`age1…`).

    Raises:
        SealingError: the passphrase is shorter than `MIN_PASSPHRASE`.
    """
    if len(passphrase) < MIN_PASSPHRASE:
        raise SealingError(
            Message(
                "A recovery key's passphrase needs at least {count} characters.",
                count=MIN_PASSPHRASE,
            )
        )
    identity = pyrage.x25519.Identity.generate()
    recipient = str(identity.to_public())
    text = f"# inspection-client backup recovery key\n# public key: {recipient}\n{identity}\n"
    return pyrage.passphrase.encrypt(text.encode(), passphrase), recipient


def load_identity(path: Path, passphrase: Callable[[], str]) -> pyrage.x25519.Identity:
    """The recovery identity in `path`; `passphrase` is asked only when the file is sealed.

    Two forms are accepted: the file `db backup-key new` writes (an age file sealed with a
    passphrase, holding the identity) and an unprotected one from `age-keygen` (a line
    starting AGE-SECRET-KEY-1). A file that is neither is refused saying what it looks like
    instead (empty, not text, the public half, a sealed backup) and what an identity is.

    Raises:
        SealingError: the file cannot be read, the passphrase is wrong, or there is no
            identity in it.
    """
    path = Path(path).expanduser()
    try:
        with open(path, "rb") as file:
            data = file.read(_MAX_IDENTITY_FILE + 1)
    except OSError as error:
        raise SealingError(
            Message(
                "Cannot read the recovery identity {path}: {error}",
                path=path,
                error=error.strerror or error,
            )
        ) from error
    if data.startswith(AGE_MAGIC):
        if not data[len(AGE_MAGIC) :].startswith(b"-> scrypt "):
            raise SealingError(
                Message(
                    "{path} is sealed for a recovery key, not with a passphrase (a sealed "
                    "backup, say): it is not a recovery identity. {forms}",
                    path=path,
                    forms=_identity_forms(),
                )
            )
        try:
            data = pyrage.passphrase.decrypt(data, passphrase())
        except pyrage.DecryptError:
            raise SealingError(
                Message("The passphrase does not open the recovery key {path}.", path=path)
            ) from None
        lines = _secret_lines(data)
        if not lines:
            raise SealingError(
                Message(
                    "{path} opens with the passphrase but holds no recovery identity (a line "
                    "starting AGE-SECRET-KEY-1).",
                    path=path,
                )
            )
    else:
        lines = _secret_lines(data)
        if not lines:
            _refuse_identity(path, data)
    if len(lines) != 1:
        raise SealingError(
            Message(
                "{path} holds {count} identities; a recovery identity file holds one.",
                path=path,
                count=len(lines),
            )
        )
    try:
        return pyrage.x25519.Identity.from_str(lines[0])
    except pyrage.IdentityError:
        raise SealingError(Message("{path} holds a damaged recovery key.", path=path)) from None


# A recovery identity is a few hundred bytes; a larger file is not one, and is not read whole.
_MAX_IDENTITY_FILE = 64 * 1024


def _secret_lines(data: bytes) -> list[str]:
    return [
        line.strip()
        for line in data.decode("utf-8", "replace").splitlines()
        if line.strip().startswith("AGE-SECRET-KEY-1")
    ]


def _identity_forms() -> Message:
    return Message(
        "A recovery identity is the file `inspection-client db backup-key new` wrote (it "
        "starts with age-encryption.org/v1, and its passphrase opens it), or one from "
        "age-keygen (a line starting AGE-SECRET-KEY-1)."
    )


def _refuse_identity(path: Path, data: bytes) -> NoReturn:
    """Refuse `path` as a recovery identity, saying what it is instead where that shows."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if not data.strip():
        said = Message("{path} is empty. {forms}", path=path, forms=_identity_forms())
    elif text is None or "\x00" in text or len(data) > _MAX_IDENTITY_FILE:
        said = Message(
            "{path} is not a text file, so not a recovery identity. {forms}",
            path=path,
            forms=_identity_forms(),
        )
    elif any(word.startswith("age1") for word in text.replace(":", " ").split()):
        # The `.pub` written beside the identity, or the key `backup-key show` prints.
        beside = path.with_name(path.name.removesuffix(".pub"))
        if path.name.endswith(".pub") and beside.is_file():
            said = Message(
                "{path} is the public half of a recovery key (age1…): it seals backups but "
                "cannot open them. Give the identity itself: the identity is probably "
                "{identity}.",
                path=path,
                identity=beside,
            )
        else:
            said = Message(
                "{path} is the public half of a recovery key (age1…): it seals backups but "
                "cannot open them. Give the identity itself. {forms}",
                path=path,
                forms=_identity_forms(),
            )
    else:
        said = Message(
            "{path} is not a recovery identity. {forms}", path=path, forms=_identity_forms()
        )
    raise SealingError(said)


def seal(source: Path, destination: BinaryIO, recipient: str) -> str:
    """Encrypt `source` into `destination` (an open file); the SHA-256 of what was written.

    The digest lets the caller read the sealed file back and compare: the lane cannot open
    what it sealed, but it can tell that the medium kept every byte.
    """
    digest = hashlib.sha256()

    class _Counting:
        def write(self, data: bytes) -> int:
            digest.update(data)
            return destination.write(data)

        def flush(self) -> None:
            destination.flush()

    with open(source, "rb") as plain:
        pyrage.encrypt_io(plain, _Counting(), [pyrage.x25519.Recipient.from_str(recipient)])
    return digest.hexdigest()


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        while chunk := file.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def unseal(source: Path, destination: BinaryIO, identity: pyrage.x25519.Identity) -> None:
    """Decrypt `source` into `destination` (an open file).

    Raises:
        SealingError: the recovery key is not the one the file was sealed for, or the file
            is damaged or was changed after it was sealed (age authenticates every chunk).
    """
    try:
        with open(source, "rb") as sealed:
            pyrage.decrypt_io(sealed, destination, [identity])
    except OSError as error:
        if error.errno is not None:
            raise  # the system's: a disk full, a medium gone
        _refuse(source, error)  # a chunk that fails its authentication
    except pyrage.DecryptError as error:
        _refuse(source, error)


def _refuse(source: Path, error: Exception) -> NoReturn:
    # The age library's own words, on one line and without its advice to upgrade it.
    said = " ".join(
        str(error).replace("Have you tried upgrading to the latest version?", "").split()
    )
    raise SealingError(
        Message(
            "{path} cannot be opened with this recovery key: it was sealed for another "
            "one, or it is damaged ({error}). Nothing was changed.",
            path=source,
            error=said.rstrip(".") or type(error).__name__,
        )
    ) from None


def unseal_bytes(data: bytes, path: Path, identity: pyrage.x25519.Identity) -> bytes:
    """`data` (read from `path`) decrypted; see `unseal`."""
    try:
        plain: bytes = pyrage.decrypt(data, [identity])
    except pyrage.DecryptError as error:
        _refuse(path, error)
    return plain
