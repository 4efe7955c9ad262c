"""Where the central keeps everything: one interface, two engines.

`CentralStorage` is what the API, the commands and the reference publisher use. PostgreSQL
(psycopg 3) is the engine for deployments; a SQLite file is the embedded default so that
`inspection-central serve` runs with nothing else installed. `open_storage` picks the engine
from the URL and runs the schema migrations.
"""

from __future__ import annotations

import os
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal, NamedTuple, Protocol

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from inspection_client.sync.wire import ReferenceKind

ENV_DATABASE = "INSPECTION_CENTRAL_DATABASE"
DEFAULT_SQLITE_NAME = "central.db"


class WorkstationIdTaken(Exception):
    """An enrolment asked for a workstation id that is already registered."""


class CodeForAnotherLane(Exception):
    """An enrolment named a lane other than the one its code was issued for."""

    def __init__(self, port_code: str, lane_id: str) -> None:
        super().__init__(port_code, lane_id)
        self.port_code = port_code
        self.lane_id = lane_id


class WorkstationRevoked(Exception):
    """The workstation was revoked while its batch waited to be stored; nothing was stored."""


@dataclass(frozen=True, slots=True)
class WorkstationInfo:
    workstation_id: str
    port_code: str
    lane_id: str
    lane_kind: str
    public_key: str | None  # None until the workstation has enrolled
    created_at: datetime
    enrolled_at: datetime | None
    revoked_at: datetime | None
    last_seen: datetime | None = None
    high_water_seq: int = 0
    chain_head: str | None = None
    gaps: tuple[tuple[int, int], ...] = ()
    records: int = 0
    # When the newest unused enrolment code runs out; None when there is none.
    code_expires_at: datetime | None = None
    # Records held that it may have made while it was revoked (`inspection_central.revoked_time`).
    made_while_revoked: int = 0

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def state(self) -> str:
        if self.revoked_at is not None:
            return "revoked"
        if self.public_key:
            return "enrolled"
        if self.code_expires_at is not None and self.code_expires_at > datetime.now(UTC):
            return "awaiting enrolment"
        return "code expired"


# What a change to a workstation entry found: done, or why it was left as it was.
EntryChange = Literal["done", "unknown", "enrolled", "awaiting", "revoked", "not revoked"]


@dataclass(frozen=True, slots=True)
class Reinstatement:
    """A revocation that IT lifted: when the workstation had been revoked, when it was
    reinstated, and why."""

    workstation_id: str
    revoked_at: datetime
    reinstated_at: datetime
    reason: str
    # The highest seq the central held for the workstation when it was revoked.
    held_seq_at_revocation: int = 0


@dataclass(frozen=True, slots=True)
class RevokedTimeRecord:
    """A record held that its workstation may have made while it was revoked."""

    workstation_id: str
    seq: int
    record_id: str
    kind: str
    decision: str | None
    recorded_at: datetime | None  # the device's clock, as the record says
    received_at: datetime
    batch_id: str


@dataclass(frozen=True, slots=True)
class ChainAlert:
    """A batch that does not continue its workstation's audit chain as held (a workstation
    restored from an old backup, or history edited after it was hashed), and what IT made
    of it once investigated."""

    alert_id: int
    workstation_id: str
    batch_id: str
    first_seq: int
    last_seq: int
    reason: str
    detected_at: datetime
    resolved_at: datetime | None = None
    resolved_by: str | None = None
    resolution: str | None = None

    @property
    def resolved(self) -> bool:
        return self.resolved_at is not None


@dataclass(frozen=True, slots=True)
class HeldBackRecord:
    """A record the central keeps aside: quarantined (its id or seq is held with other
    content) or rejected (not a valid record), with the content exactly as it arrived."""

    state: str  # "quarantined" or "rejected"
    workstation_id: str
    seq: int
    record_id: str
    reason: str
    batch_id: str
    received_at: datetime
    content: str


@dataclass(frozen=True, slots=True)
class HeldRecordRow:
    """A record the central holds for a seq of a workstation: stored (with its chain hash
    when its batch hashed to its head) or rejected (with the reason)."""

    seq: int
    record_id: str
    content: str
    chain_hash: bytes | None
    rejected: str | None


@dataclass(frozen=True, slots=True)
class OfficerEntry:
    code: str
    name: str
    role: str
    port: str | None


@dataclass(frozen=True, slots=True)
class LaneEntry:
    port_code: str
    lane_id: str
    kind: str


class IncomingRecord(NamedTuple):
    """A record of a batch that passed validation, ready to be stored.

    A named tuple: a thousand are made for every batch, and it is the cheapest to make.
    """

    seq: int
    id: str
    content: str
    content_hash: bytes  # SHA-256 of the canonical content: tells duplicates from conflicts
    kind: str
    decision: str | None
    chain_hash: bytes  # the audit chain hash after this record, as the batch claims it
    recorded_at: datetime  # the device's clock when the record was made


class WithdrawingRecord(NamedTuple):
    """A void or an amendment held by the central, as the withdrawn-slips list reads it."""

    record_id: str
    workstation_id: str
    seq: int
    port_code: str
    content: str  # canonical JSON of the record


class HeldClearance(NamedTuple):
    """Where a record is held and what it is: enough to tell a cleared vehicle."""

    workstation_id: str
    seq: int
    kind: str
    decision: str | None


class RejectedRecord(NamedTuple):
    seq: int
    id: str
    content: str
    reason: str


class AdultLink(NamedTuple):
    """A valid record of a batch that names a minor's accompanying adult (a minor's clearance,
    or an amendment to one): checked against the records held once the batch is stored."""

    seq: int
    id: str
    adult_id: str


class StoredBatch(NamedTuple):
    """A batch the central stored before: its receipt as stored, and how many of its records
    that receipt rejected."""

    receipt: bytes  # the canonical JSON of a `SignedReceipt`
    rejected: int


class RecordSource(Protocol):
    """A batch's records, validated on demand, a chunk at a time.

    A storage can send the first records to its database while the rest are still being
    checked; one that needs them all at once calls `finish`.
    """

    def next_chunk(self) -> list[IncomingRecord] | None:
        """The records of the next chunk that passed validation; None once all are examined."""

    def finish(self) -> None:
        """Examine whatever is left."""

    @property
    def incoming(self) -> list[IncomingRecord]:
        """The valid records examined so far, in sequence order."""

    @property
    def rejected(self) -> list[RejectedRecord]:
        """The invalid records examined so far, with why."""

    @property
    def links(self) -> list[AdultLink]:
        """The valid records examined so far that name an accompanying adult."""

    @property
    def chain_consistent(self) -> bool:
        """Once all are examined: the contents hash from prev_head to head."""


@dataclass(frozen=True, slots=True)
class PreparedBatch:
    """A signed, consistent batch whose records are validated as the storage takes them;
    what one ingestion transaction stores."""

    batch_id: str
    protocol: int
    workstation: WorkstationInfo
    first_seq: int
    last_seq: int
    prev_head: bytes
    head: bytes
    source: RecordSource
    remote_address: str
    user_agent: str
    # For a batch stored before whose receipt rejected records: their seqs, the only
    # records `source` examined (`inspection_central.sent_again`). Empty for a new batch.
    examined_again: frozenset[int] = frozenset()

    @property
    def records(self) -> list[IncomingRecord]:
        """Every valid record of the batch (all of them examined first)."""
        self.source.finish()
        return self.source.incoming

    @property
    def rejected(self) -> list[RejectedRecord]:
        self.source.finish()
        return self.source.rejected

    @property
    def adult_links(self) -> list[AdultLink]:
        """The valid records of the batch that name an accompanying adult."""
        self.source.finish()
        return self.source.links

    @property
    def chain_consistent(self) -> bool:
        self.source.finish()
        return self.source.chain_consistent


# Signs the canonical bytes of a receipt; the signature as the wire carries it (base64url).
ReceiptSigner = Callable[[bytes], str]
# Builds the stored document of a snapshot, given the version the storage assigned to it.
SnapshotBuilder = Callable[[int], bytes]


class CentralStorage(ABC):
    """Everything the central stores. Implementations are safe to share between threads."""

    #: Where the central's signing key lives for this storage.
    key_path: Path
    #: A description for messages (file path or database host), without any password.
    description: str

    def __init__(self, key_path: Path, description: str) -> None:
        self.key_path = key_path
        self.description = description
        self._key: Ed25519PrivateKey | None = None
        #: Whether a missing key file may be made (see `open_storage`).
        self.may_make_key = True

    def signing_key(self) -> Ed25519PrivateKey:
        """The central's private key, created on first use by a central that no workstation
        has enrolled with yet.

        Raises:
            KeyFileError: the key file is unusable; or it is missing, or holds another key
                than the one that signed this central's snapshots, while workstations are
                enrolled: they pinned that key, and would refuse everything signed by another
                (a mistyped $INSPECTION_CENTRAL_KEY, a command run by another user or host).
        """
        if self._key is None:
            from inspection_central.keys import (
                WrongCentralKey,
                check_pinned_key,
                discard_refused_key,
                load_or_create,
            )

            # Revoked ones count: they pinned the key too, and may be reinstated.
            enrolled = [w for w in self.workstations() if w.public_key]
            key, made = load_or_create(
                self.key_path, pinned_by=len(enrolled), may_make=self.may_make_key
            )
            try:
                if enrolled:
                    check_pinned_key(
                        key,
                        self.key_path,
                        self._latest_signed_snapshot(),
                        kept_fingerprint=self.kept_central_key_fingerprint(),
                    )
                self._check_database_key(key, made=made)
            except WrongCentralKey:
                # Only a refusal: when the database could not be asked, it may have kept the
                # key all the same, and the file is then the only copy of it.
                if made:
                    discard_refused_key(self.key_path, key)
                raise
            self._key = key
        return self._key

    def _check_database_key(self, key: Ed25519PrivateKey, *, made: bool = False) -> None:
        """Record `key` as the database's if none is yet, else refuse another one: two
        servers started with different keys would each sign what the lanes enrolled
        through the other refuse. `made`: the key was made for this start, as no file was
        found at `key_path`."""
        from inspection_central.keys import ENV_KEY, WrongCentralKey
        from inspection_client.sync.keys import fingerprint, public_key_text

        mine = fingerprint(key.public_key())
        stored_key, stored_fingerprint = self.claim_central_key(
            public_key_text(key.public_key()), mine
        )
        if stored_key != public_key_text(key.public_key()) and made:
            raise WrongCentralKey(
                f"There is no central key at {self.key_path}, and the central database "
                f"{self.description} keeps the key of fingerprint {stored_fingerprint}, "
                "which its first server was started with; no new key was kept, as its "
                "workstations would refuse whatever it signs. Copy that server's key file "
                f"(its start line shows {stored_fingerprint}) to this host and point "
                f"${ENV_KEY} at it."
            )
        if stored_key != public_key_text(key.public_key()):
            raise WrongCentralKey(
                f"The central key {self.key_path} (fingerprint {mine}) is not the key of the "
                f"central database {self.description}, which was first served with the key "
                f"of fingerprint {stored_fingerprint}: its workstations pin that one and would "
                "refuse whatever this key signs. Copy the first server's key file (its start "
                f"line shows {stored_fingerprint}) to this host and point ${ENV_KEY} at it: "
                "every server of one database signs with the same key."
            )

    def _latest_signed_snapshot(self) -> bytes | None:
        """The newest workstation_keys snapshot (published at every enrolment), as JSON."""
        import gzip

        stored = self.latest_snapshot(ReferenceKind.WORKSTATION_KEYS)
        return gzip.decompress(stored[1]) if stored else None

    @abstractmethod
    def close(self) -> None: ...

    # -- workstations and enrolment ------------------------------------------------------

    @abstractmethod
    def add_workstation(
        self,
        workstation_id: str,
        port_code: str,
        lane_id: str,
        lane_kind: str,
        code_hash: bytes,
        code_expires_at: datetime,
    ) -> None:
        """Register a workstation awaiting enrolment with its one-time code (hash only)."""

    @abstractmethod
    def enrol(
        self,
        code_hash: bytes,
        public_key: str,
        now: datetime,
        workstation_id: str | None = None,
        lane: tuple[str, str] | None = None,
    ) -> WorkstationInfo | None:
        """Use a one-time code: None if it is unknown, used or expired; else the workstation.

        With `workstation_id` (an identity the workstation already has), the code's lane
        is registered under that id instead of the code's own. With `lane` (port code, lane
        id: the lane that workstation serves), a code issued for another lane is not used.

        Raises:
            WorkstationIdTaken: `workstation_id` is registered already; the code stays unused.
            CodeForAnotherLane: the code's lane is not `lane`; the code stays unused.
        """

    @abstractmethod
    def workstation(self, workstation_id: str) -> WorkstationInfo | None: ...

    @abstractmethod
    def workstations(self) -> list[WorkstationInfo]: ...

    @abstractmethod
    def seen(self, workstation_id: str, at: datetime) -> None:
        """Note that the workstation reached the central at `at` (a sync round's status
        request), so that `last_seen` tells a lane with nothing to send from one cut off."""

    @abstractmethod
    def revoke(self, workstation_id: str, now: datetime) -> bool:
        """Revoke a workstation; False when there is no such workstation."""

    @abstractmethod
    def replace_code(
        self, workstation_id: str, code_hash: bytes, code_expires_at: datetime
    ) -> EntryChange:
        """Give a workstation awaiting enrolment a new one-time code; its unused codes stop
        working. "unknown", "enrolled" or "revoked" when the entry cannot take one."""

    @abstractmethod
    def cancel_workstation(self, workstation_id: str) -> EntryChange:
        """Delete an entry that never enrolled, with its codes. "unknown" or "enrolled"
        when there is no such entry or a device enrolled with it."""

    @abstractmethod
    def reinstate(self, workstation_id: str, reason: str, now: datetime) -> EntryChange:
        """Lift a workstation's revocation, keeping when it was revoked, when it was lifted
        and why. "unknown", "not revoked", or "awaiting" for an entry that never enrolled
        (it takes a new code instead)."""

    @abstractmethod
    def reinstatements(self) -> list[Reinstatement]:
        """Every revocation lifted, oldest first."""

    @abstractmethod
    def made_while_revoked(
        self, workstation_id: str | None, limit: int
    ) -> tuple[list[RevokedTimeRecord], int]:
        """The records marked as possibly made while their workstation was revoked (of one
        workstation, or all), by workstation and seq: at most `limit`, and how many in all."""

    # -- roster and lanes ------------------------------------------------------------------

    @abstractmethod
    def add_officer(self, officer: OfficerEntry) -> None:
        """Add an officer, or update the name, role and port of an existing code."""

    @abstractmethod
    def remove_officer(self, code: str) -> bool:
        """Take an officer off the roster; False when the code is not on it."""

    @abstractmethod
    def officers(self) -> list[OfficerEntry]: ...

    @abstractmethod
    def add_lane(self, lane: LaneEntry) -> None:
        """Add a lane, or change the kind of an existing one."""

    @abstractmethod
    def lanes(self) -> list[LaneEntry]: ...

    # -- batches ---------------------------------------------------------------------------

    @abstractmethod
    def stored_receipt(self, batch_id: str, workstation_id: str | None = None) -> bytes | None:
        """The stored `SignedReceipt` JSON of a batch (of `workstation_id`'s, if given)."""

    @abstractmethod
    def stored_batch(self, batch_id: str) -> StoredBatch | None:
        """The stored receipt of a batch, and how many records it rejected."""

    @abstractmethod
    def ingest(self, batch: PreparedBatch, sign: ReceiptSigner) -> bytes:
        """Store a batch in one transaction and return its signed receipt, as stored: the
        canonical JSON of a `SignedReceipt`.

        A batch whose receipt is already stored gets that receipt back unchanged, unless it
        comes with `examined_again`: then those of its records that the stored receipt
        still rejects are stored, or rejected again, as a new batch's would be, and a new
        receipt replaces the stored one. Records the workstation may have made while it
        was revoked are stored marked (`inspection_central.revoked_time`).

        Raises:
            WorkstationRevoked: the workstation is revoked (since the batch was checked).
        """

    # -- reference snapshots -----------------------------------------------------------------

    @abstractmethod
    def store_snapshot(self, kind: ReferenceKind, build: SnapshotBuilder) -> int:
        """Assign the next version of `kind`, store `build(version)` (gzip JSON); the version."""

    @abstractmethod
    def latest_snapshot(self, kind: ReferenceKind) -> tuple[int, bytes] | None:
        """(version, gzip-compressed SignedSnapshot JSON) of the newest snapshot of `kind`."""

    @abstractmethod
    def latest_version(self, kind: ReferenceKind) -> int:
        """The newest version of `kind`, 0 when none was published."""

    # -- withdrawn release slips -------------------------------------------------------------

    @abstractmethod
    def withdrawing_records(self, received_since: datetime) -> list[WithdrawingRecord]:
        """The voids and amendments received at or after `received_since`."""

    @abstractmethod
    def clearances(self, record_ids: Sequence[str]) -> dict[str, HeldClearance]:
        """id -> where and what, of the records held with these ids."""

    @abstractmethod
    def amended_to(
        self, target_id: str, decision: str, workstation_id: str, after_seq: int, before_seq: int
    ) -> bool:
        """Whether the workstation amended `target_id` to `decision` between the two seqs
        (both excluded)."""

    # -- investigation: chain alerts and the records kept aside ----------------------------

    @abstractmethod
    def chain_alerts(self, *, include_resolved: bool = False) -> list[ChainAlert]:
        """Chain alerts in the order they were detected: the open ones, or all of them."""

    @abstractmethod
    def resolve_chain_alert(
        self, alert_id: int, *, by: str, resolution: str, at: datetime
    ) -> tuple[ChainAlert, bool] | None:
        """Close an open alert, keeping who closed it, when and why. Returns the alert as it
        stands and whether this call closed it (an alert resolved before keeps its first
        resolution), or None when there is no such alert."""

    @abstractmethod
    def held_back(self, workstation_id: str | None, limit: int) -> tuple[list[HeldBackRecord], int]:
        """Quarantined and rejected records, by workstation and seq (of one workstation, or
        all), at most `limit` of them, and how many there are in all."""

    @abstractmethod
    def held_records(self, workstation_id: str, after: int, limit: int) -> list[HeldRecordRow]:
        """The workstation's records held for seqs `after + 1` on, stored or rejected, in seq
        order and contiguous: at most `limit`, ending before the first seq held for neither
        (a gap, or a seq whose only record is quarantined)."""

    # -- figures ---------------------------------------------------------------------------

    @abstractmethod
    def claim_central_key(self, public_key: str, fingerprint: str) -> tuple[str, str]:
        """Keep this public key (text) and fingerprint as the database's central key unless
        one is kept already; the kept one's."""

    @abstractmethod
    def kept_central_key_fingerprint(self) -> str | None:
        """The fingerprint of the database's central key, or None while it keeps none
        (no server has signed for it since the schema step that keeps it)."""

    @abstractmethod
    def stats(self) -> dict[str, Any]:
        """Records by port, lane, kind and decision; per workstation: progress and alerts."""


def default_database() -> str:
    """$INSPECTION_CENTRAL_DATABASE, else a SQLite file in the user data directory."""
    from_env = os.environ.get(ENV_DATABASE)
    if from_env:
        return from_env
    from inspection_central.keys import data_dir

    return str(data_dir() / DEFAULT_SQLITE_NAME)


def is_postgres(url_or_path: str) -> bool:
    return url_or_path.startswith(("postgresql://", "postgres://"))


def open_storage(
    url_or_path: str | None = None,
    *,
    key_path: Path | None = None,
    create: bool = True,
    make_key: bool = False,
    upgrade: bool = True,
) -> CentralStorage:
    """Open the central's storage and bring its schema up to date.

    `postgresql://...` selects PostgreSQL; anything else is a SQLite file path. None means
    `default_database()`. The key path defaults to `keys.default_key_path`. Without
    `create`, a SQLite file that does not exist, or a PostgreSQL database without the
    central's tables, is an error, not a new empty central.

    A PostgreSQL central's key is made, when missing, only where it was asked for (`key_path`
    or $INSPECTION_CENTRAL_KEY) or with `make_key` (`serve`): an admin command run in a shell
    without $INSPECTION_CENTRAL_KEY would otherwise make a second key in that account's
    data directory. A SQLite central's key is beside its file, the same for every account.

    Without `upgrade`, a central whose schema lacks steps of this version is refused rather
    than upgraded (`schema_steps`); one upgraded by a newer version is refused either way.
    """
    from inspection_central.errors import InputError, StorageUnavailable
    from inspection_central.keys import ENV_KEY, default_key_path

    if url_or_path is not None and not url_or_path.strip():
        raise InputError("--database is empty: give a postgresql:// URL or a SQLite file.")
    target = url_or_path or default_database()
    if "://" in target and not is_postgres(target):
        raise InputError(
            f"{target}: the database is a postgresql://… URL or the path of a SQLite file."
        )
    if is_postgres(target):
        from inspection_central.storage.postgres import PostgresStorage

        storage = PostgresStorage.open(
            target, key_path or default_key_path(None), create=create, upgrade=upgrade
        )
        storage.may_make_key = make_key or key_path is not None or bool(os.environ.get(ENV_KEY))
        return storage
    from inspection_central.storage.sqlite import SqliteStorage

    path = Path(target).expanduser()
    if not create and not path.exists():
        raise StorageUnavailable(
            f"There is no central database at {path} (a mistyped --database?); "
            "`inspection-central serve` makes a new one."
        )
    if not create and _empty_file(path):
        # SQLite would take it for a new database and make a central in it.
        raise StorageUnavailable(
            f"There is no central database at {path}: the file is empty (a mistyped "
            "--database?); `inspection-central serve` makes a new one."
        )
    return SqliteStorage.open(path, key_path or default_key_path(path), upgrade=upgrade)


def _empty_file(path: Path) -> bool:
    """Whether `path` is a file of 0 bytes with nothing in a write-ahead log beside it."""
    try:
        if not path.is_file() or path.stat().st_size:
            return False
        log = path.with_name(path.name + "-wal")
        return not log.exists() or log.stat().st_size == 0
    except OSError:
        return False  # opening it says what is wrong
