"""Fetching back from the central the records a restored database lost.

When the central holds records of this workstation past this database's last one, the
database was restored from an older backup (or copied). Before it saves anything new, the
sync round asks the central for those records, page by page, and takes back the ones that
continue this database's audit chain (`store.take_back`), so the lane goes on from where it
really was. Pages are signed by the central key pinned at enrolment: nothing else is read.
"""

from __future__ import annotations

import threading

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from inspection_client.message import Message
from inspection_client.store import audit
from inspection_client.store.database import Store
from inspection_client.store.take_back import HeldCopy, take_back
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
