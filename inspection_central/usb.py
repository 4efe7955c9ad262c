"""USB batch files: ingest `*.batch.json` files through the same path as HTTP uploads and
write each one's signed receipt next to it as `<name>.receipt.json`.

Importing the same files twice, after HTTP delivered them, or in any order is harmless: a
batch seen before gets its stored receipt again.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from inspection_central import ingest
from inspection_central.errors import CentralError, InputError
from inspection_central.storage import CentralStorage
from inspection_client.carried_files import read_file_at_most
from inspection_client.sync import wire

BATCH_SUFFIX = ".batch.json"
RECEIPT_SUFFIX = ".receipt.json"
MANIFEST = "manifest.json"
MAX_FILE_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class ImportOutcome:
    file: Path
    receipt_file: Path | None
    error: str | None = None
    accepted: int = 0
    duplicates: int = 0
    conflicts: int = 0
    rejected: int = 0
    repeat: bool = False  # imported before: the stored receipt was written again
    # Imported before, with records its receipt rejected: they were examined again, and
    # the receipt written is a new one.
    examined_again: bool = False
    # Stored, but its receipt could not be written (a write-protected stick): why.
    receipt_error: str | None = None


def receipt_path(batch_file: Path, receipts_to: Path | None = None) -> Path:
    """Where a batch file's receipt goes: next to it, or into `receipts_to`."""
    name = batch_file.name
    stem = name[: -len(BATCH_SUFFIX)] if name.endswith(BATCH_SUFFIX) else batch_file.stem
    return (receipts_to or batch_file.parent) / (stem + RECEIPT_SUFFIX)


@dataclass(frozen=True)
class BatchFiles:
    """The batch files of a folder, and what its manifest says is not there."""

    files: list[Path]
    # Batch files the manifest names that are not in the folder (a copy cut short).
    missing: list[str] = field(default_factory=list)
    # Why the manifest could not be read; the folder's batch files are tried all the same.
    manifest_error: str | None = None


def batch_files(source: Path) -> BatchFiles:
    """The batch files of a file or folder (those in its manifest, if any, and all others).

    The manifest only names files (it is not signed; each batch is): one that cannot be read
    leaves every batch file of the folder to be tried, and says that the folder cannot be
    checked against it.

    Raises:
        InputError: `source` is neither a file nor a folder.
    """
    if source.is_file():
        return BatchFiles([source])
    if not source.is_dir():
        raise InputError(f"{source} is neither a batch file nor a folder of batch files.")
    found = {path for path in source.glob("*" + BATCH_SUFFIX) if path.is_file()}
    manifest = source / MANIFEST
    missing: list[str] = []
    manifest_error = None
    if manifest.is_file():
        try:
            listed = _read_manifest(manifest)
        except ValueError as error:
            listed, manifest_error = None, str(error)
        for name in dict.fromkeys(_names_in(listed)):
            path = source / Path(name).name  # never outside the folder
            if path.is_file():
                found.add(path)
            else:
                missing.append(path.name)
    return BatchFiles(sorted(found, key=_in_seq_order), missing, manifest_error)


def _read_manifest(manifest: Path) -> Any:
    """The manifest's JSON.

    Raises:
        ValueError: why it cannot be read, in a few words.
    """
    try:
        text = read_file_at_most(manifest, MAX_FILE_BYTES)
    except OSError as error:
        raise ValueError(str(error.strerror or error)) from None
    if text is None:
        raise ValueError(f"larger than {MAX_FILE_BYTES} bytes")
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ValueError(f"not valid JSON: {error.msg} at line {error.lineno}") from None
    except ValueError:
        raise ValueError("not text in UTF-8") from None


def _in_seq_order(path: Path) -> list[str | int]:
    """Files named `<workstation>-<first>-<last>.batch.json` in sequence order, their numbers
    compared as numbers (`-10001-` after `-9001-`): a batch then comes after the ones its
    records may refer to, such as a minor's accompanying adult."""
    parts: list[str | int] = []
    for index, part in enumerate(_NUMBERS.split(path.name)):
        parts.append(int(part) if index % 2 else part)
    return parts


_NUMBERS = re.compile(r"(\d+)")


def _names_in(value: Any) -> Iterator[str]:
    """Every string naming a batch file anywhere in the manifest, whatever its layout."""
    if isinstance(value, str):
        if value.endswith(BATCH_SUFFIX):
            yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _names_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from _names_in(item)


def import_batches(
    storage: CentralStorage, source: Path, receipts_to: Path | None = None
) -> list[ImportOutcome]:
    outcomes = []
    for path in batch_files(source).files:
        outcomes.append(import_file(storage, path, receipts_to))
    return outcomes


def import_file(
    storage: CentralStorage, path: Path, receipts_to: Path | None = None
) -> ImportOutcome:
    """Store one batch file and write its receipt (next to it, or into `receipts_to`).

    A receipt that cannot be written does not undo the batch: it is stored, and importing the
    file again writes the same receipt (`receipt_error` says why it was not written).
    """
    try:
        body = read_file_at_most(path, MAX_FILE_BYTES)
    except OSError as error:
        return ImportOutcome(path, None, f"cannot be read: {error.strerror}")
    if body is None:
        return ImportOutcome(path, None, f"larger than {MAX_FILE_BYTES} bytes; not a batch")
    try:
        parsed = ingest.parse_batch(body)
        before = storage.stored_receipt(wire.batch_id_of(parsed.canonical))
        receipt = ingest.receive(
            storage, parsed, remote_address="usb", user_agent=f"usb-import {path.name}"[:400]
        )
    except ingest.BatchRefused as refused:
        return ImportOutcome(path, None, f"{refused.code.value}: {refused.message}")
    target = receipt_path(path, receipts_to)
    written: Path | None = target
    receipt_error = None
    try:
        write_atomically(target, receipt)
    except CentralError as error:
        written, receipt_error = None, str(error)
    counts = {status: 0 for status in ("accepted", "duplicate", "conflict", "rejected")}
    for outcome in wire.SignedReceipt.model_validate_json(receipt).receipt.outcomes:
        counts[outcome.status.value] += 1
    return ImportOutcome(
        path,
        written,
        receipt_error=receipt_error,
        accepted=counts["accepted"],
        duplicates=counts["duplicate"],
        conflicts=counts["conflict"],
        rejected=counts["rejected"],
        repeat=before is not None and receipt == before,
        examined_again=before is not None and receipt != before,
    )


def write_atomically(target: Path, data: bytes) -> None:
    """Write a file so that a reader never sees half of it (USB sticks get pulled), readable
    by its owner only: record pages and watchlists hold travellers' personal data."""
    # A new name of mkstemp's (0600, made with O_EXCL): a name known in advance could be
    # waiting on the stick as a link to a file of the central's, which the write would fill.
    temporary: Path | None = None
    try:
        descriptor, name = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
        temporary = Path(name)
        with open(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except OSError as error:
        if temporary is not None:
            with contextlib.suppress(OSError):  # a read-only folder refuses this too
                temporary.unlink(missing_ok=True)
        raise CentralError(f"Cannot write {target}: {error}") from error
