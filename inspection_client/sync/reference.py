"""Reference data from the central (roster, lanes, workstation keys with the withdrawn release
slips, watchlist, the backup recovery key): verify, apply.

A snapshot is applied only whole, only when signed by the pinned central key, and only when
its version is newer than the one applied here; an equal version is a harmless repeat.
"""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pydantic
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from inspection_client import paths
from inspection_client.domain.models import Officer
from inspection_client.domain.validation import describe_validation
from inspection_client.store.account_history import AccountEvent, from_roster, note
from inspection_client.store.database import Store
from inspection_client.sync import keys, withdrawals
from inspection_client.sync.errors import BadReferenceData
from inspection_client.sync.wire import ReferenceKind, SignedSnapshot, verify

WATCHLIST_HOOK = "inspection_client.watchlist.apply"


@dataclass(frozen=True)
class Applied:
    kind: ReferenceKind
    version: int
    applied: bool  # False: this version (or a newer one) was already applied
    expired: bool
    note: str
    # Something the officer or IT should know although it was applied (a watchlist whose
    # re-check of the last day could not be made); '' when there is nothing.
    warning: str = ""


def local_versions(store: Store) -> dict[ReferenceKind, int]:
    """The version of each kind applied here. A watchlist whose file is missing or damaged
    counts as none, so that the next sync or import brings it back."""
    rows = store.conn.execute("SELECT kind, version FROM sync_reference").fetchall()
    versions = {ReferenceKind(kind): int(version) for kind, version in rows if kind in _KINDS}
    if ReferenceKind.WATCHLIST in versions and importlib.util.find_spec(WATCHLIST_HOOK):
        hook: Any = importlib.import_module(WATCHLIST_HOOK)
        if hook.needs_rebuild(store):
            del versions[ReferenceKind.WATCHLIST]
    return versions


_KINDS = {kind.value for kind in ReferenceKind}


def parse_snapshot(data: bytes) -> SignedSnapshot:
    try:
        return SignedSnapshot.model_validate_json(data)
    except (pydantic.ValidationError, ValueError):
        raise BadReferenceData(
            "This is not a reference snapshot from the central; nothing was applied."
        ) from None


def apply(store: Store, signed: SignedSnapshot, central_key: Ed25519PublicKey) -> Applied:
    """Verify `signed` against the pinned key and apply it whole, or raise BadReferenceData."""
    snapshot = signed.snapshot
    if not verify(snapshot, signed.signature, central_key):
        raise BadReferenceData(
            f"The {snapshot.kind.value} snapshot v{snapshot.version} is not signed by the "
            "central this workstation enrolled with; it was not applied."
        )
    held = local_versions(store).get(snapshot.kind, 0)
    expired = snapshot.expires_at < datetime.now(UTC)
    if snapshot.version < held:
        raise BadReferenceData(
            f"The {snapshot.kind.value} snapshot v{snapshot.version} is older than the "
            f"v{held} already in use; it was not applied."
        )
    if snapshot.version == held:
        return Applied(snapshot.kind, held, False, expired, "already in use")
    note = warning = ""
    if snapshot.kind is ReferenceKind.ROSTER:
        _apply_roster(store, snapshot.payload, signed)
    elif snapshot.kind is ReferenceKind.WORKSTATION_KEYS:
        _apply_keys(store, snapshot.payload, signed)
    elif snapshot.kind is ReferenceKind.BACKUP_KEY:
        _apply_backup_key(store, snapshot.payload, signed)
        note = "backups are sealed for it from now on"
    elif snapshot.kind is ReferenceKind.WATCHLIST and importlib.util.find_spec(WATCHLIST_HOOK):
        hook: Any = importlib.import_module(WATCHLIST_HOOK)
        result = hook.apply_snapshot(store, signed, central_key=central_key)
        if result.active_version != snapshot.version:
            # A newer one was applied by `watchlist import-snapshot`: this one is not in use.
            return Applied(snapshot.kind, result.active_version, False, expired, result.message)
        with store.write() as conn:
            _record_version(conn, signed, held=False)
        if not result.applied:
            return Applied(snapshot.kind, snapshot.version, False, expired, "already in use")
        if result.rebuilt:
            note = "its file was missing or damaged: built again"
        warning = result.unchecked
    else:
        # Lanes, and a watchlist before its module exists: kept whole for whoever reads it.
        with store.write() as conn:
            _record_version(conn, signed, held=True)
        note = "kept for later use"
    if expired:
        note = (note + "; " if note else "") + "it has expired: ask the central for a newer one"
    return Applied(snapshot.kind, snapshot.version, True, expired, note, warning)


def _record_version(conn: Any, signed: SignedSnapshot, *, held: bool) -> None:
    snapshot = signed.snapshot
    conn.execute(
        "INSERT INTO sync_reference(kind, version, issued_at, expires_at, applied_at, held) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(kind) DO UPDATE SET version = excluded.version, "
        "issued_at = excluded.issued_at, expires_at = excluded.expires_at, "
        "applied_at = excluded.applied_at, held = excluded.held",
        (
            snapshot.kind.value,
            snapshot.version,
            snapshot.issued_at.isoformat(),
            snapshot.expires_at.isoformat(),
            datetime.now(UTC).isoformat(),
            signed.model_dump_json() if held else None,
        ),
    )


def _entries(payload: dict[str, Any], name: str, kind: str) -> list[dict[str, Any]]:
    entries = payload.get(name)
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise BadReferenceData(f"The {kind} snapshot has no list of {name}; nothing was applied.")
    return entries


def _apply_roster(store: Store, payload: dict[str, Any], signed: SignedSnapshot) -> None:
    workstation = store.workstation()
    port = workstation.port_code if workstation else None
    officers: list[Officer] = []
    try:
        for entry in _entries(payload, "officers", "roster"):
            if entry.get("port") not in (None, "", port):
                continue
            fields = {k: entry[k] for k in ("code", "name", "role") if k in entry}
            officers.append(Officer.model_validate(fields))
    except pydantic.ValidationError as error:
        raise BadReferenceData(
            f"The roster has an unusable entry ({describe_validation(error, limit=1)}); "
            "nothing was applied."
        ) from None
    codes = {o.code for o in officers}
    with store.write() as conn:
        before = {
            code: (role, bool(active), bool(has_pin), name)
            for code, role, active, has_pin, name in conn.execute(
                "SELECT code, role, active, pin_hash IS NOT NULL, name FROM officers"
            )
        }
        # PINs set here are kept for the officers listed who could sign in. One listed
        # again after being retired or disabled comes back with no PIN, whatever the lane
        # kept (a lane that retired officers before their PIN was removed kept it): like a
        # new officer, they are given a new one (`officer set-pin`, or a supervisor).
        conn.executemany(
            "INSERT INTO officers(code, name, role, pin_hash) VALUES (?, ?, ?, NULL) "
            "ON CONFLICT(code) DO UPDATE SET name = excluded.name, role = excluded.role, "
            "pin_hash = iif(officers.active, officers.pin_hash, NULL), "
            "failed_attempts = iif(officers.active, officers.failed_attempts, 0), "
            "locked_until = iif(officers.active, officers.locked_until, NULL), "
            "lockouts = iif(officers.active, officers.lockouts, 0), active = 1",
            [(o.code, o.name, o.role.value) for o in officers],
        )
        retired = [
            (code,)
            for (code,) in conn.execute("SELECT code FROM sync_roster_officers").fetchall()
            if code not in codes
        ]
        # A retired officer's PIN goes, as with `officer disable`: it must not work again
        # should a later roster list them again.
        conn.executemany(
            "UPDATE officers SET active = 0, pin_hash = NULL, failed_attempts = 0, "
            "locked_until = NULL, lockouts = 0 WHERE code = ?",
            retired,
        )
        _note_roster_changes(conn, before, officers, [code for (code,) in retired], signed)
        conn.execute("DELETE FROM sync_roster_officers")
        conn.executemany(
            "INSERT INTO sync_roster_officers(code) VALUES (?)", [(c,) for c in sorted(codes)]
        )
        _record_version(conn, signed, held=False)


def _note_roster_changes(
    conn: Any,
    before: dict[str, tuple[str, bool, bool, str]],
    listed: list[Officer],
    retired: list[str],
    signed: SignedSnapshot,
) -> None:
    """Write what the roster changed to the accounts' history, by nobody (the lane applies
    it), via the roster's version: an account added, listed again, retired, or given
    another role or name (a roster officer whose code an account made on this lane had
    takes that account, and gives it the roster's name)."""
    via = from_roster(signed.snapshot.version)
    for officer in sorted(listed, key=lambda o: o.code):
        if officer.code not in before:
            note(
                conn, officer.code, AccountEvent.ADDED, by=None, via=via, detail=officer.role.value
            )
            continue
        role, active, has_pin, name = before[officer.code]
        if not active:
            # Listed again after being retired or disabled: the account has no PIN, and
            # stays out until it is given a new one.
            detail = officer.role.value + ("; old PIN removed" if has_pin else "")
            note(conn, officer.code, AccountEvent.ENABLED, by=None, via=via, detail=detail)
        if role != officer.role.value:
            detail = f"{role} -> {officer.role.value}"
            note(conn, officer.code, AccountEvent.ROLE_SET, by=None, via=via, detail=detail)
        if name != officer.name:
            detail = f"{name} -> {officer.name}"
            note(conn, officer.code, AccountEvent.NAME_SET, by=None, via=via, detail=detail)
    for code in sorted(retired):
        _role, active, has_pin, _name = before.get(code, (None, False, False, ""))
        if active:
            detail = "not in the roster" + ("; PIN removed" if has_pin else "")
            note(conn, code, AccountEvent.DISABLED, by=None, via=via, detail=detail)


def _apply_keys(store: Store, payload: dict[str, Any], signed: SignedSnapshot) -> None:
    from inspection_client.reports.sealed_qr import key_id

    rows = []
    for entry in _entries(payload, "keys", "workstation keys"):
        try:
            public = keys.public_key_from_text(str(entry["public_key"]))
            rows.append(
                (
                    key_id(public).hex(),
                    str(entry["workstation_id"]),
                    str(entry["public_key"]),
                    int(bool(entry.get("revoked", False))),
                    _port_of(entry),
                    _lane_kind_of(entry),
                )
            )
        except (KeyError, ValueError, TypeError):
            raise BadReferenceData(
                "The workstation keys snapshot has an unusable key; nothing was applied."
            ) from None
    with store.write() as conn:
        conn.execute("DELETE FROM sync_workstation_keys")
        conn.executemany(
            "INSERT OR REPLACE INTO sync_workstation_keys(key_id, workstation_id, public_key, "
            "revoked, port_code, lane_kind) VALUES (?, ?, ?, ?, ?, ?)",
            rows,
        )
        # The withdrawn release slips travel with the keys, under the same signature.
        withdrawals.apply(conn, signed)
        _record_version(conn, signed, held=False)


def _port_of(entry: dict[str, Any]) -> str | None:
    port = entry.get("port_code")
    if port is None:
        return None
    if not isinstance(port, str) or not port:
        raise ValueError("not a port code")
    return port


def _lane_kind_of(entry: dict[str, Any]) -> str | None:
    """The kind of the key's lane, as the central names it; None from a central before it."""
    kind = entry.get("lane_kind")
    if kind is None:
        return None
    if not isinstance(kind, str) or not kind:
        raise ValueError("not a lane kind")
    return kind


def _apply_backup_key(store: Store, payload: dict[str, Any], signed: SignedSnapshot) -> None:
    """Seal this lane's backups for the agency's recovery key from now on."""
    from inspection_client.store.backup import write_recipient
    from inspection_client.store.sealing import SealingError, recipient_from

    try:
        recipient = recipient_from(str(payload["recipient"]))
    except (KeyError, SealingError):
        raise BadReferenceData(
            "The backup key snapshot holds no usable recovery key; nothing was applied."
        ) from None
    with store.write() as conn:
        write_recipient(conn, recipient, source=f"central v{signed.snapshot.version}")
        _record_version(conn, signed, held=False)


def workstation_public_keys(store: Store) -> dict[str, tuple[Ed25519PublicKey, bool]]:
    """Key id hex -> (public key, revoked), for checking release slips offline.

    Includes this workstation's own key (from its key file) even before any snapshot arrives.
    """
    from inspection_client.reports.sealed_qr import key_id

    found: dict[str, tuple[Ed25519PublicKey, bool]] = {}
    for kid, text, revoked in store.conn.execute(
        "SELECT key_id, public_key, revoked FROM sync_workstation_keys"
    ).fetchall():
        try:
            found[kid] = (keys.public_key_from_text(text), bool(revoked))
        except ValueError:
            continue
    own_file = paths.workstation_key_file(Path(store.path).parent)
    if own_file.exists():
        try:
            own = keys.load_private_key(own_file).public_key()
        except keys.KeyFileError:
            return found
        found.setdefault(key_id(own).hex(), (own, False))
    return found


def held_snapshot(store: Store, kind: ReferenceKind) -> SignedSnapshot | None:
    """A snapshot kept whole for later use (lanes; a watchlist before its module existed)."""
    row = store.conn.execute(
        "SELECT held FROM sync_reference WHERE kind = ?", (kind.value,)
    ).fetchone()
    if row is None or row[0] is None:
        return None
    return SignedSnapshot.model_validate_json(row[0])
