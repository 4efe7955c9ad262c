"""Fetching back from the central the records a restored database lost.

When the central holds records of this workstation past this database's last one, the
database was restored from an older backup (or copied). Before it saves anything new, the
sync round asks the central for those records, page by page, and takes back the ones that
continue this database's audit chain (`store.take_back`), so the lane goes on from where it
really was. Pages are signed by the central key pinned at enrolment: nothing else is read.

A lane without a link gets the same signed pages on a USB stick (`inspection-central
export-records`) and takes them back with `inspection-client sync take-back`
(`take_back_from_files`).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

import pydantic
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from inspection_client.carried_files import read_file_at_most
from inspection_client.errors import InputError
from inspection_client.message import Message
from inspection_client.store import audit, restore_hold
from inspection_client.store.database import Store
from inspection_client.store.take_back import HeldCopy, NotTakenBack, take_back
from inspection_client.sync.errors import CentralUnreachable
from inspection_client.sync.transport import Central
from inspection_client.sync.wire import SignedRecordPage, verify


def read_page(
    signed: SignedRecordPage, central_key: Ed25519PublicKey, workstation_id: str, after: int
) -> list[HeldCopy]:
    """The records of a page, once it is known to be the central's answer to this question.

    Raises:
        CentralUnreachable: not signed by the pinned key, or about another workstation or
            another place in the sequence; nothing is taken back from it.
    """
    page = signed.page
    if not verify(page, signed.signature, central_key):
        raise CentralUnreachable(
            Message(
                "The records sent back were not signed by the central this workstation "
                "enrolled with; nothing was taken back."
            )
        )
    if page.workstation_id != workstation_id or page.after != after:
        raise CentralUnreachable(
            Message(
                "The central answered another question than the one asked (records of "
                "{workstation} after #{after}); nothing was taken back.",
                workstation=page.workstation_id,
                after=page.after,
            )
        )
    return [
        HeldCopy(
            seq=record.seq,
            content=record.content.encode(),
            chain_hash=bytes.fromhex(record.chain_hash) if record.chain_hash else None,
            rejected=record.rejected,
        )
        for record in page.records
    ]


def take_back_from_central(
    store: Store,
    central: Central,
    workstation_id: str,
    key: Ed25519PrivateKey,
    central_key: Ed25519PublicKey,
    until: int,
    stop: threading.Event | None = None,
) -> int:
    """Take back, page by page, the records the central holds after this database's last one
    and up to `until` (its high-water mark). Returns how many were taken back.

    Raises:
        NotTakenBack: they do not continue this database (it saved other records since).
        CentralUnreachable, CentralRefused: as any request to the central.
    """
    taken = 0
    after = audit.chain_head(store)[0]
    while after < until and not (stop and stop.is_set()):
        copies = read_page(
            central.held_records(workstation_id, after, key), central_key, workstation_id, after
        )
        count = take_back(store, after, copies)
        if count == 0:
            break  # nothing more the central can vouch for
        taken += count
        after += count
    return taken


# -- from files: for a lane without a link ---------------------------------------------------

PAGE_SUFFIX = ".records.json"  # as `inspection-central export-records` names its files
MAX_PAGE_FILE_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class FilesTakenBack:
    taken: int  # records taken back
    head_seq: int  # this database's last record afterwards
    high_water_seq: int  # the most the central held, by the files (0: no usable file)
    refused: list[str]  # "file: why", for files that were not used
    hold_lifted: bool  # a restored database may number new records again
    stopped: str | None = None  # why taking back stopped short of a page the files hold
    # Files of other workstations, not used: how many of each workstation's (by what the
    # files say of themselves).
    others: dict[str, int] = field(default_factory=dict)


def take_back_from_files(
    store: Store, sources: list[Path], workstation_id: str, central_key: Ed25519PublicKey
) -> FilesTakenBack:
    """Take back the records in page files the central exported for this workstation.

    Each file must be signed by the pinned central key and be about this workstation.
    Pages are taken in the order of the chain, from this database's last record on, so the
    files may come in any order and a repeat is harmless. When they bring this database up
    to what the central held, a restored database's hold on new records is lifted.

    Records are taken back up to the first one that does not continue this database's
    chain (`stopped` says why); the ones before it stay taken back.

    Raises:
        InputError: a source is neither a page file nor a folder of them.
    """
    refused: list[str] = []
    others: dict[str, int] = {}
    pages: dict[int, list[HeldCopy]] = {}
    high_water = 0
    for path in _page_files(sources):
        try:
            data = read_file_at_most(path, MAX_PAGE_FILE_BYTES)
            if data is None:
                refused.append(f"{path}: larger than any page of records the central writes")
                continue
            signed = SignedRecordPage.model_validate_json(data)
        except OSError as error:
            refused.append(f"{path}: cannot be read ({error.strerror})")
            continue
        except (pydantic.ValidationError, ValueError):
            refused.append(f"{path}: not a page of records from the central")
            continue
        if signed.page.workstation_id != workstation_id:
            # Said once for all of them by the caller, not as a wrong answer per file.
            others[signed.page.workstation_id] = others.get(signed.page.workstation_id, 0) + 1
            continue
        try:
            copies = read_page(signed, central_key, workstation_id, signed.page.after)
        except CentralUnreachable as failure:
            refused.append(f"{path}: {failure.message}")
            continue
        pages[signed.page.after] = copies
        high_water = max(high_water, signed.page.high_water_seq)
    taken = 0
    stopped: str | None = None
    head = audit.chain_head(store)[0]
    while head in pages:
        copies = pages.pop(head)
        try:
            count = take_back(store, head, copies)
        except NotTakenBack as failure:
            stopped = failure.message
            break
        if count == 0:
            break
        taken += count
        head += count
        if count < len(copies):  # taken back in part: the rest starts where this database ends
            pages[head] = copies[count:]
    if stopped is None:
        refused += [
            f"page after #{after}: does not follow this database's last record (#{head})"
            for after in sorted(pages)
            if after > head
        ]
    lifted = False
    if high_water and head >= high_water and restore_hold.current(store) is not None:
        lifted = bool(
            restore_hold.lift(
                store,
                by=restore_hold.LIFTED_BY_USB,
                reason=f"the central's files hold no record past #{high_water}",
            )
        )
    return FilesTakenBack(taken, head, high_water, refused, lifted, stopped, others)


def _page_files(sources: list[Path]) -> list[Path]:
    found: list[Path] = []
    for source in sources:
        if source.is_dir():
            found += sorted(path for path in source.glob("*" + PAGE_SUFFIX) if path.is_file())
        elif source.is_file():
            found.append(source)
        else:
            raise InputError(
                Message(
                    "{path} is neither a file of records from the central nor a folder of "
                    "them (`inspection-central export-records` writes them).",
                    path=source,
                )
            )
    return found
