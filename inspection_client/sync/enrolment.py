"""Enrolling this workstation with a central: key pair, one-time code, pinned central key."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pydantic
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from inspection_client import __version__, paths
from inspection_client.domain.codes import Direction, LaneKind
from inspection_client.domain.models import Workstation
from inspection_client.errors import InputError
from inspection_client.store import sync_state
from inspection_client.store.database import Store
from inspection_client.sync import keys
from inspection_client.sync.errors import CentralRefused, SyncError
from inspection_client.sync.transport import Central
from inspection_client.sync.wire import (
    PROTOCOL_VERSION,
    EnrolmentRequest,
    ErrorCode,
    verify,
)


class EnrolmentRefused(SyncError):
    exit_status = 2


@dataclass(frozen=True)
class Enrolled:
    workstation: Workstation
    central_url: str
    central_fingerprint: str


def enrol(
    store: Store, central_url: str, code: str, *, transport: httpx.BaseTransport | None = None
) -> Enrolled:
    """Register this workstation's key with the central and pin the central's key.

    A data directory that already holds records keeps its identity: records carry their
    workstation id inside their signed, hashed content, so they cannot be re-labelled.
    Such a directory (the demo's, or one set up by hand) is refused before the one-time
    code is spent; enrol a fresh data directory instead.
    """
    if sync_state.get(store, sync_state.CENTRAL_KEY) is not None:
        enrolled_as = sync_state.get(store, sync_state.WORKSTATION_ID)
        raise EnrolmentRefused(
            f"This workstation is already enrolled as {enrolled_as}. To enrol again, use a new "
            "data directory (--data-dir)."
        )
    current = store.workstation()
    held = store.conn.execute("SELECT count(*) FROM records").fetchone()[0]
    if held:
        who = current.workstation_id if current else "an unknown workstation"
        demo = " (a demo workstation)" if current and current.demo else ""
        raise EnrolmentRefused(
            f"This data directory ({store.path.parent}) already holds {held:,} records as "
            f"{who}{demo}; they cannot become another workstation's. Enrol with a new data "
            "directory: inspection-client --data-dir NEW_DIR enrol --central URL --code CODE"
        )
    key_file = paths.workstation_key_file(store.path.parent)
    key = keys.load_or_create(key_file)
    central = Central(central_url, transport=transport)
    try:
        hello = central.hello()
        request = EnrolmentRequest(
            protocol=PROTOCOL_VERSION,
            code=code.strip(),
            public_key=keys.public_key_text(key.public_key()),
            app_version=__version__,
        )
        try:
            signed = central.enrol(request)
        except CentralRefused as error:
            if error.code is ErrorCode.INVALID_CODE:
                raise EnrolmentRefused(
                    "The central did not accept this enrolment code (wrong, used or expired). "
                    "Ask IT for a new one."
                ) from None
            raise
    finally:
        central.close()
    grant = signed.grant
    central_key = _central_key(grant.central_key, hello.central_key)
    if not verify(grant, signed.signature, central_key):
        raise EnrolmentRefused("The enrolment grant is not signed by the central's key.")
    try:
        workstation = Workstation(
            workstation_id=grant.workstation_id,
            port_code=grant.port_code,
            lane_id=grant.lane_id,
            lane_kind=LaneKind(grant.lane_kind),
            default_direction=current.default_direction if current else Direction.ENTRY,
        )
    except (ValueError, pydantic.ValidationError):
        raise EnrolmentRefused(
            f"The central granted a lane this client cannot use ({grant.port_code} "
            f"{grant.lane_id}, {grant.lane_kind}); ask IT to check the workstation entry."
        ) from None
    store.configure_workstation(workstation)
    sync_state.put(
        store,
        {
            sync_state.CENTRAL_URL: central.url,
            sync_state.CENTRAL_KEY: grant.central_key,
            sync_state.WORKSTATION_ID: grant.workstation_id,
            sync_state.ENROLLED_AT: datetime.now(UTC).isoformat(),
        },
    )
    return Enrolled(workstation, central.url, keys.fingerprint(central_key))


def _central_key(granted: str, announced: str) -> Ed25519PublicKey:
    try:
        key = keys.public_key_from_text(granted)
    except ValueError:
        raise EnrolmentRefused("The central's key in the enrolment grant is unreadable.") from None
    if granted != announced:
        raise EnrolmentRefused(
            "The central's key in the grant differs from the one it announces; not enrolled."
        )
    return key


def pinned_key(store: Store) -> Ed25519PublicKey | None:
    text = sync_state.get(store, sync_state.CENTRAL_KEY)
    return keys.public_key_from_text(text) if text else None


def workstation_key(data_dir: Path) -> Ed25519PrivateKey:
    return keys.load_private_key(paths.workstation_key_file(data_dir))


def require_enrolment(store: Store) -> tuple[str, Ed25519PublicKey, Ed25519PrivateKey]:
    """(workstation id, pinned central key, workstation key), or NotEnrolled."""
    from inspection_client.sync.errors import NotEnrolled

    workstation_id = sync_state.get(store, sync_state.WORKSTATION_ID)
    central = pinned_key(store)
    if workstation_id is None or central is None:
        raise NotEnrolled(
            "not enrolled: run `inspection-client enrol --central URL --code CODE` first"
        )
    return workstation_id, central, workstation_key(Path(store.path).parent)


def check_code(code: str) -> str:
    if not 4 <= len(code.strip()) <= 64:
        raise InputError("An enrolment code is 4 to 64 characters, as printed by the central.")
    return code.strip()
