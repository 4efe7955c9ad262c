"""Applying a signed watchlist snapshot: verify, build its file, switch to it, re-check.

The one entry point for HTTP sync and USB import alike. A snapshot is applied whole or not
at all; a refused one leaves the previous snapshot active. Runs in a worker thread with its
own `Store` (it takes seconds for a million entries); checks keep using the old snapshot
until the switch.
"""

from __future__ import annotations

import contextlib
import json
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from pydantic import ValidationError

from inspection_client.carried_files import read_file_at_most
from inspection_client.domain.validation import describe_validation
from inspection_client.errors import InputError, UserFacingError
from inspection_client.message import Message
from inspection_client.store.database import Store
from inspection_client.store.errors import StoreError
from inspection_client.sync import wire
from inspection_client.watchlist import retrospective, snapshot_file
from inspection_client.watchlist.payload import PayloadError, read_payload

MAX_SNAPSHOT_FILE_BYTES = 512 * 1024 * 1024


class SnapshotRefused(UserFacingError):
    """A snapshot that must not be used: bad signature, wrong kind, malformed."""

    exit_status = 1


@dataclass(frozen=True)
class ApplyResult:
    """`applied` is False when the snapshot is not newer than the active one (a rollback or
    a repeated import: harmless, nothing changed). Refusals for integrity raise instead."""

    applied: bool
    version: int
    active_version: int | None
    message: str
    entries: dict[str, int] = field(default_factory=dict)
    alerts: int = 0
    seconds: float = 0.0
    rebuilt: bool = False  # the active version again, its missing or damaged file rebuilt
    # Why the re-check of the last day's clearances could not be made ('' when it was, or
    # was not asked for): the snapshot is in use, and the re-check stays owed.
    unchecked: str = ""


def apply_snapshot(
    store: Store,
    signed: wire.SignedSnapshot,
    *,
    central_key: Ed25519PublicKey | None = None,
    now: datetime | None = None,
    recheck: bool = True,
) -> ApplyResult:
    """Verify `signed` against the central's pinned key and make it the active watchlist.

    Raises:
        SnapshotRefused: not a watchlist, no pinned central key, bad signature, or a
            payload of the wrong shape. The previous snapshot stays active.
        StoreError: the database or the data directory cannot be written.

    A re-check of the last day that the database refuses (damaged, say) does not undo the
    switch: the message says so, and the re-check stays owed (`retrospective.RECHECK_OWED`).
    """
    started = time.perf_counter()
    now = now or datetime.now(UTC)
    snapshot = signed.snapshot
    # A re-check the active snapshot still owes is made with it, before it is replaced; its
    # alerts are told with this snapshot's. One that cannot be made now (a damaged database)
    # stays owed and does not keep the lane from a newer watchlist.
    owed_alerts = 0
    if recheck:
        with contextlib.suppress(StoreError):
            owed_alerts = retrospective.recheck_if_owed(store)
    try:
        _verify(store, signed, central_key)
    except SnapshotRefused as refusal:
        _remember(store, snapshot.version, snapshot.issued_at, "refused", refusal.message, now)
        raise
    active = _active_version(store)
    # The active version again, when its file is missing or damaged: built again, so that
    # importing the snapshot once more is the way back (as the checks' message says).
    rebuilt = snapshot.version == active and needs_rebuild(store)
    if active is not None and snapshot.version <= active and not rebuilt:
        what = "is already active" if snapshot.version == active else "is older than"
        message = (
            f"Watchlist snapshot {snapshot.version} {what} the active one ({active}); kept "
            f"version {active}."
            if snapshot.version != active
            else f"Watchlist snapshot {active} is already active; nothing to do."
        )
        _remember(store, snapshot.version, snapshot.issued_at, "not_newer", message, now)
        return ApplyResult(False, snapshot.version, active, message)
    try:
        lists = read_payload(snapshot.payload)
    except PayloadError as error:
        message = f"Watchlist snapshot {snapshot.version} is malformed: {error}."
        _remember(store, snapshot.version, snapshot.issued_at, "refused", message, now)
        raise SnapshotRefused(message) from None

    name = snapshot_file.file_name(snapshot.version)
    path = store.path.parent / name
    try:
        entries = snapshot_file.build(path, lists)
    except OSError as error:
        raise UserFacingError(f"Cannot write the watchlist file {path}: {error}") from error

    with store.write() as conn:
        # Another worker may have switched to a newer one while this file was built.
        row = conn.execute("SELECT version FROM watchlist_active").fetchone()
        if row is not None and (
            row[0] > snapshot.version or (row[0] == snapshot.version and not rebuilt)
        ):
            superseded = True
        else:
            superseded = False
            conn.execute(
                "INSERT INTO watchlist_active(singleton, version, file, issued_at, expires_at, "
                "applied_at, entries) VALUES (1, ?, ?, ?, ?, ?, ?) ON CONFLICT(singleton) DO "
                "UPDATE SET version = excluded.version, file = excluded.file, "
                "issued_at = excluded.issued_at, expires_at = excluded.expires_at, "
                "applied_at = excluded.applied_at, entries = excluded.entries",
                (
                    snapshot.version,
                    name,
                    snapshot.issued_at.isoformat(),
                    snapshot.expires_at.isoformat(),
                    now.isoformat(),
                    json.dumps(entries),
                ),
            )
            conn.execute(
                "INSERT INTO watchlist_history(version, issued_at, outcome, detail, at) "
                "VALUES (?, ?, 'applied', ?, ?)",
                (
                    snapshot.version,
                    snapshot.issued_at.isoformat(),
                    json.dumps(entries),
                    now.isoformat(),
                ),
            )
            if recheck:
                retrospective.owe_recheck(conn, snapshot.version, now)
    if superseded:
        path.unlink(missing_ok=True)
        current = _active_version(store)
        return ApplyResult(
            False, snapshot.version, current, f"A newer watchlist ({current}) is already active."
        )
    _remove_old_files(store.path.parent, keep=name)

    alerts = owed_alerts
    unchecked = ""
    if recheck:
        try:
            alerts += retrospective.recheck_recent(store, now=now)
        except StoreError as error:
            # The snapshot is in use all the same; its re-check stays owed.
            unchecked = (
                f"Its re-check of the last day's clearances could not be made: {error} It is "
                "made when the window starts, or by `inspection-client watchlist alerts`."
            )
    total = sum(entries.values())
    return ApplyResult(
        True,
        snapshot.version,
        snapshot.version,
        f"Watchlist snapshot {snapshot.version} applied{' again' if rebuilt else ''} "
        f"({total:,} entries"
        + (f", {alerts} retrospective alert(s)" if alerts else "")
        + ("): its file was missing or damaged." if rebuilt else ").")
        + (
            # Past its expiry on arrival (weeks on the way to a post without a link), yet
            # newer than what the lane has: used, and shown as stale.
            f" It expired on {snapshot.expires_at:%Y-%m-%d %H:%M %Z}: checks use it, shown "
            "as stale; ask the central for a current one."
            if snapshot.expires_at <= now
            else ""
        )
        + (" " + unchecked if unchecked else ""),
        entries,
        alerts,
        time.perf_counter() - started,
        rebuilt,
        unchecked,
    )


def needs_rebuild(store: Store) -> bool:
    """True when a snapshot is active but its file is missing or damaged: the checks cannot
    run until the same snapshot (or a newer one) is applied again."""
    from inspection_client.watchlist.check import open_checker

    try:
        checker = open_checker(store)
    except StoreError:
        return True
    if checker is not None:
        checker.close()
    return False


def read_snapshot_file(path: Path) -> wire.SignedSnapshot:
    """A `SignedSnapshot` JSON file (as written by `inspection-central export-reference`).

    Raises:
        InputError: missing, unreadable, too large or not a signed snapshot.
    """
    try:
        data = read_file_at_most(path, MAX_SNAPSHOT_FILE_BYTES)
    except FileNotFoundError:
        raise InputError(f"No such file: {path}") from None
    except OSError as error:
        raise InputError(f"Cannot read {path}: {error.strerror}") from None
    if data is None:
        raise InputError(f"{path} is larger than 512 MB; it is not a watchlist snapshot.")
    try:
        return wire.SignedSnapshot.model_validate_json(data)
    except ValidationError as error:
        raise InputError(
            f"{path} is not a signed snapshot file ({describe_validation(error, limit=1)})."
        ) from None


def _verify(
    store: Store,
    signed: wire.SignedSnapshot,
    central_key: Ed25519PublicKey | None,
) -> None:
    snapshot = signed.snapshot
    if snapshot.kind is not wire.ReferenceKind.WATCHLIST:
        raise SnapshotRefused(f"This is a {snapshot.kind.value} snapshot, not a watchlist.")
    key = central_key or _pinned_central_key(store)
    if key is None:
        raise SnapshotRefused(
            Message(
                "This workstation has no pinned central key, so the watchlist snapshot cannot be "
                "verified. Enrol the workstation with the central first "
                "(`inspection-client enrol`)."
            )
        )
    if not wire.verify(snapshot, signed.signature, key):
        raise SnapshotRefused(
            Message(
                "Watchlist snapshot {version} is not signed by this workstation's central "
                "(bad signature); it was refused and the previous watchlist stays active.",
                version=snapshot.version,
            )
        )


def _pinned_central_key(store: Store) -> Ed25519PublicKey | None:
    """The central's key pinned at enrolment; None before the workstation is enrolled."""
    from inspection_client.sync.enrolment import pinned_key

    return pinned_key(store)


def _active_version(store: Store) -> int | None:
    with store.read() as conn:
        row = conn.execute("SELECT version FROM watchlist_active").fetchone()
    return None if row is None else int(row[0])


def _remember(
    store: Store, version: int, issued_at: datetime, outcome: str, detail: str, now: datetime
) -> None:
    with store.write() as conn:
        conn.execute(
            "INSERT INTO watchlist_history(version, issued_at, outcome, detail, at) "
            "VALUES (?, ?, ?, ?, ?)",
            (version, issued_at.isoformat(), outcome, detail, now.isoformat()),
        )


def _remove_old_files(directory: Path, keep: str) -> None:
    for old in directory.glob(f"{snapshot_file.FILE_PREFIX}*.db*"):
        if old.name != keep:
            # A checker in another thread may still hold it open (Windows): retried next time.
            with contextlib.suppress(OSError):
                old.unlink()
