"""Sync by USB stick for ports with no link: batch files out, receipt files back.

The files are the same signed messages as over HTTP and go through the same checks, so
importing a receipt twice, late, out of order or after HTTP delivered the batch is harmless.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import orjson

from inspection_client.carried_files import read_file_at_most
from inspection_client.errors import InputError
from inspection_client.message import Message
from inspection_client.reports.files import OutputError, save_document
from inspection_client.store import sync_state
from inspection_client.store.database import Store
from inspection_client.sync import batches, outbox
from inspection_client.sync.enrolment import require_enrolment
from inspection_client.sync.errors import NotDelivered
from inspection_client.sync.wire import PROTOCOL_RANGE

MANIFEST = "manifest.json"
MAX_RECEIPT_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True)
class Exported:
    files: list[Path]
    records: int
    unsendable: tuple[str, ...] = ()  # why records that could not be read were left out


@dataclass(frozen=True)
class Imported:
    receipts: int
    acknowledged: int
    problems: int
    refused: list[str]  # "<file>: why", for files that were not valid receipts of ours


def _protocol_for_files(store: Store) -> int:
    """The protocol last spoken with the central; 1, which every central takes, if unknown."""
    spoken = sync_state.get(store, sync_state.CENTRAL_PROTOCOL) or ""
    if spoken.isdigit() and PROTOCOL_RANGE[0] <= int(spoken) <= PROTOCOL_RANGE[1]:
        return int(spoken)
    return 1


def export_batches(store: Store, directory: Path) -> Exported:
    """Write every pending range as signed batch files plus a manifest; the outbox is unchanged,
    except that records it had lost before any receipt acknowledged them are put back first
    (`outbox.requeue_lost`), so that they go too."""
    workstation_id, _central, key = require_enrolment(store)
    if not directory.exists() and not directory.parent.is_dir():
        # A stick not mounted: its folder made on the lane's own disk would hold the batches
        # (travellers' data) where no one looks, and the stick would go to the central empty.
        raise OutputError(
            Message(
                "There is no folder {folder} to write {name} in (is the stick mounted?); "
                "nothing was written.",
                folder=directory.parent,
                name=directory.name,
            )
        )
    if directory.exists() and not directory.is_dir():
        raise OutputError(
            Message(
                "{folder} is a file, not a folder; choose another place. Nothing was written.",
                folder=directory,
            )
        )
    try:
        directory.mkdir(exist_ok=True)
    except OSError as error:
        raise OutputError(
            Message(
                "Cannot write to {folder}: {error}.",
                folder=directory,
                error=error.strerror or error,
            )
        ) from error
    files: list[Path] = []
    entries: list[dict[str, object]] = []
    records = 0
    protocol = _protocol_for_files(store)
    if sync_state.lost_from_outbox(store)[0]:
        outbox.requeue_lost(store)
    unsendable: list[str] = []
    for first, last in batches.pending_ranges(store):
        at = first
        while at <= last:
            try:
                batch = batches.build(store, key, workstation_id, at, last, protocol)
            except batches.MissingRecords as missing:
                # As in a round: one record that cannot be read does not hold back the rest.
                unsendable.append(missing.message)
                at += 1
                continue
            name = f"{workstation_id}-{batch.first_seq}-{batch.last_seq}.batch.json"
            save_document(directory / name, batch.body)  # no half file if a stick is pulled
            files.append(directory / name)
            entries.append(
                {
                    "file": name,
                    "batch_id": batch.batch_id,
                    "first_seq": batch.first_seq,
                    "last_seq": batch.last_seq,
                    "count": batch.count,
                }
            )
            records += batch.count
            at = batch.last_seq + 1
    manifest = {
        "format": "inspection-batches/1",
        "workstation_id": workstation_id,
        "created_at": datetime.now(UTC).isoformat(),
        "batches": entries,
    }
    save_document(directory / MANIFEST, orjson.dumps(manifest, option=orjson.OPT_INDENT_2))
    return Exported(files, records, tuple(unsendable))


def import_receipts(store: Store, source: Path) -> Imported:
    """Apply every `*.receipt.json` in `source` (a file or a folder) that is a valid receipt."""
    workstation_id, central_key, key = require_enrolment(store)
    if source.is_dir():
        candidates = sorted(source.glob("*.receipt.json"))
    elif source.is_file():
        candidates = [source]
    else:
        raise InputError(f"There is no file or folder {source}.")
    if not candidates:
        raise InputError(f"There are no receipt files (*.receipt.json) in {source}.")
    acknowledged = problems = receipts = 0
    refused: list[str] = []
    for path in candidates:
        try:
            data = _read(path)
            receipt = outbox.read_receipt(data, central_key, None)
            if receipt.workstation_id != workstation_id:
                raise NotDelivered("the receipt is for another workstation")
            # The same check as over HTTP: the receipt must be for the batch this
            # workstation would send for that range, byte for byte.
            batch = batches.build(
                store, key, workstation_id, receipt.first_seq, receipt.last_seq, receipt.protocol
            )
            if batch.batch_id != receipt.batch_id or batch.last_seq != receipt.last_seq:
                raise NotDelivered("the receipt is not for a batch of this workstation")
        except outbox.NotAReceipt:
            refused.append(
                f"{path.name}: not a receipt file from the central (damaged, cut short, or "
                "another kind of file); its records stay queued"
            )
            continue
        except (NotDelivered, InputError) as error:
            refused.append(f"{path.name}: {error.message}")
            continue
        except batches.MissingRecords:
            refused.append(f"{path.name}: its records are not in this workstation's store")
            continue
        ack = outbox.apply_receipt(store, receipt, batch.record_ids)
        receipts += 1
        acknowledged += ack.acknowledged
        problems += ack.problems
    return Imported(receipts, acknowledged, problems, refused)


def _read(path: Path) -> bytes:
    try:
        data = read_file_at_most(path, MAX_RECEIPT_BYTES)
    except OSError as error:
        raise InputError(f"Cannot read {path}: {error.strerror}") from error
    if data is None:
        raise InputError(f"{path} is too large to be a receipt.")
    return data
