"""Signed pages of the records the central holds for one workstation.

A lane restored from an old backup takes back what it had sent since the backup was made:
over HTTP (`GET /v1/workstations/{id}/records`, the lane asking for itself) or, for a lane
without a link, from files IT writes onto a USB stick (`export-records`). Both are the same
signed `SignedRecordPage` bytes, so the lane checks them the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from inspection_central.errors import InputError, NotFound
from inspection_central.storage import CentralStorage
from inspection_central.usb import write_atomically
from inspection_client.domain.canonical import canonical_json
from inspection_client.sync import wire

PAGE_SUFFIX = ".records.json"


def signed_page(
    storage: CentralStorage, workstation_id: str, high_water_seq: int, after: int, limit: int
) -> tuple[bytes, int]:
    """The signed page of `workstation_id`'s records past `after` (at most `limit`), and how
    many records it holds. It ends before a gap or a seq held only in quarantine."""
    rows = storage.held_records(workstation_id, after, limit)
    page = {
        "after": after,
        "high_water_seq": high_water_seq,
        "records": [
            {
                "chain_hash": row.chain_hash.hex() if row.chain_hash is not None else None,
                "content": row.content,
                "id": row.record_id,
                "rejected": row.rejected,
                "seq": row.seq,
            }
            for row in rows
        ],
        "workstation_id": workstation_id,
    }
    canonical = canonical_json(page)
    signature = wire.b64url(storage.signing_key().sign(canonical))
    body = b"".join(
        (
            b'{"format":"inspection-records/1","page":',
            canonical,
            b',"signature":',
            canonical_json(signature),
            b"}",
        )
    )
    return body, len(rows)


@dataclass(frozen=True)
class Exported:
    files: list[Path]
    records: int
    last_seq: int  # the last record written (`after` when none)
    high_water_seq: int  # the highest seq up to which the central holds every record
    gaps: tuple[tuple[int, int], ...]  # missing ranges above it, with records past them


def export_pages(
    storage: CentralStorage, workstation_id: str, after: int, folder: Path
) -> Exported:
    """Write the workstation's records past `after` as signed page files into `folder`.

    Raises:
        NotFound: no such workstation.
        InputError: `after` is negative.
        CentralError: a file cannot be written (a full or pulled stick).
    """
    if after < 0:
        raise InputError("--after: a record number, 0 or more.")
    found = storage.workstation(workstation_id)
    if found is None:
        raise NotFound(f"No workstation {workstation_id} is registered here.")
    files: list[Path] = []
    records = 0
    last = after
    while last < found.high_water_seq:
        body, count = signed_page(
            storage, workstation_id, found.high_water_seq, last, wire.MAX_PAGE_RECORDS
        )
        if count == 0:
            break  # a gap or a quarantined seq: nothing past it can continue the chain
        target = folder / f"{workstation_id}-after-{last:09d}{PAGE_SUFFIX}"
        write_atomically(target, body)
        files.append(target)
        records += count
        last += count
    return Exported(files, records, last, found.high_water_seq, found.gaps)
