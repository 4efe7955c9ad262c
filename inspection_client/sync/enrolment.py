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
from inspection_client.sync.errors import CentralRefused, CentralUnreachable, SyncError
from inspection_client.sync.transport import Central, spoken_protocol
from inspection_client.sync.wire import (
    EnrolmentGrant,
    EnrolmentRequest,
    ErrorCode,
    SignedEnrolmentGrant,
    verify,
)
from inspection_client.watchlist import demo as demo_watchlist


class EnrolmentRefused(SyncError):
    exit_status = 2


@dataclass(frozen=True)
class Enrolled:
    workstation: Workstation
    central_url: str
    central_fingerprint: str
    granted_lane_kind: str = ""  # the kind the central registered; a kept workstation's may differ


def enrol(
    store: Store, central_url: str, code: str, *, transport: httpx.BaseTransport | None = None
) -> Enrolled:
    """Register this workstation's key with the central and pin the central's key.

    A data directory that already holds records keeps its identity: records carry their
    workstation id inside their signed, hashed content, so they cannot be re-labelled. Its
    id is sent with the code and the central registers the device under it; the code must
    have been issued for the same port and lane. A data directory without records (fresh,
    or a demo not yet used) takes the identity the central grants.
    """
    if sync_state.get(store, sync_state.CENTRAL_KEY) is not None:
        enrolled_as = sync_state.get(store, sync_state.WORKSTATION_ID)
        raise EnrolmentRefused(
            f"This workstation is already enrolled as {enrolled_as}. To enrol again, use a new "
            "data directory (--data-dir)."
        )
    current = store.workstation()
    held = store.conn.execute("SELECT count(*) FROM records").fetchone()[0]
    if held and current is None:
        raise EnrolmentRefused(
            f"This data directory ({store.path.parent}) holds {held:,} records but no "
            "workstation identity; it cannot be enrolled. Enrol with a new data directory: "
            "inspection-client --data-dir NEW_DIR enrol --central URL --code CODE"
        )
    keep = current if held else None
    key_file = paths.workstation_key_file(store.path.parent)
    key = keys.load_or_create(key_file)
    central = Central(central_url, transport=transport)
    try:
        try:
            hello = central.hello()
        except CentralUnreachable as error:
            raise _not_reached(central.url, error, code_used=False) from None
        protocol = spoken_protocol(hello)
        request = EnrolmentRequest(
            protocol=protocol,
            code=code.strip(),
            public_key=keys.public_key_text(key.public_key()),
            app_version=__version__,
            workstation_id=keep.workstation_id if keep else None,
            port_code=keep.port_code if keep else None,
            lane_id=keep.lane_id if keep else None,
        )
        try:
            signed = _ask_grant(central, request)
        except CentralUnreachable as error:
            raise _not_reached(central.url, error, code_used=None) from None
        except CentralRefused as error:
            if error.code is ErrorCode.WRONG_LANE and keep is not None:
                raise EnrolmentRefused(
                    f"The central refused the code for this workstation: {error.detail} "
                    f"This workstation ({keep.workstation_id}) serves port {keep.port_code} "
                    f"lane {keep.lane_id}; not enrolled, and nothing changed at the central. "
                    f"Ask IT for a code for port {keep.port_code} lane {keep.lane_id} "
                    f"(`inspection-central workstation add --port-code {keep.port_code} "
                    f"--lane {keep.lane_id}`)."
                ) from None
            if error.code is ErrorCode.INVALID_CODE:
                raise EnrolmentRefused(
                    "The central did not accept this enrolment code (wrong, used or expired). "
                    "Ask IT for a new one."
                ) from None
            if error.code is ErrorCode.WORKSTATION_ID_TAKEN and keep is not None:
                raise EnrolmentRefused(
                    f"The central already has a workstation {keep.workstation_id}, so this "
                    f"data directory's records cannot be enrolled under that id; the code "
                    f"was not used. Ask IT to check `inspection-central workstation list`: an "
                    f"entry that never delivered records can be revoked "
                    f"(`inspection-central workstation revoke {keep.workstation_id}`), and "
                    f"this directory enrolled again with the same code."
                ) from None
            raise
    finally:
        central.close()
    grant = signed.grant
    central_key = _central_key(grant.central_key, hello.central_key)
    if not verify(grant, signed.signature, central_key):
        raise EnrolmentRefused("The enrolment grant is not signed by the central's key.")
    if keep is not None:
        workstation = _kept(keep, grant)
    else:
        workstation = _granted(grant, current)
        store.configure_workstation(workstation)
    sync_state.put(
        store,
        {
            sync_state.CENTRAL_URL: central.url,
            sync_state.CENTRAL_KEY: grant.central_key,
            sync_state.WORKSTATION_ID: grant.workstation_id,
            sync_state.ENROLLED_AT: datetime.now(UTC).isoformat(),
            sync_state.CENTRAL_PROTOCOL: str(protocol),
        },
    )
    if current is not None and current.demo:
        # Only the central's watchlists count from now on; its first may also be version 1.
        demo_watchlist.withdraw(store)
    return Enrolled(workstation, central.url, keys.fingerprint(central_key), grant.lane_kind)


def _ask_grant(central: Central, request: EnrolmentRequest) -> SignedEnrolmentGrant:
    """The central's grant. A central older than the lane in the request refuses a body it
    does not know as malformed, without spending the code: it is asked again without the
    lane, and `_kept` then checks the grant's lane here."""
    try:
        return central.enrol(request)
    except CentralRefused as error:
        if error.code is not ErrorCode.MALFORMED or request.port_code is None:
            raise
    return central.enrol(request.model_copy(update={"port_code": None, "lane_id": None}))


def _not_reached(url: str, error: CentralUnreachable, *, code_used: bool | None) -> SyncError:
    """What to check when enrolment did not reach the central: no record is at stake yet,
    only the address, the network and the central itself."""
    if not error.cause:  # the central answered in words of its own (asked to wait)
        return error
    if code_used is False:
        code = "The code was not used: run enrol again with it."
    else:
        code = (
            "Run enrol again with the same code; if the central then says it was used, ask IT "
            "for a new one (`inspection-central workstation reissue ID`)."
        )
    return CentralUnreachable(
        f"Enrolment did not reach the central at {url} ({error.cause}). Check the address "
        "(http://HOST:PORT as IT gave it, without a path), this workstation's network, and "
        f"that the central is running (`inspection-central serve`). {code}",
        cause=error.cause,
    )


def _kept(local: Workstation, grant: EnrolmentGrant) -> Workstation:
    """The local workstation, unchanged, if the grant is for its id, port and lane."""
    if grant.workstation_id != local.workstation_id:
        raise EnrolmentRefused(
            f"The central registered this device as {grant.workstation_id}, not as "
            f"{local.workstation_id} whose records this data directory holds (the central may "
            f"be too old to keep an id); not enrolled. Ask IT to revoke workstation "
            f"{grant.workstation_id}."
        )
    granted = (grant.port_code.upper(), grant.lane_id.upper())
    if granted != (local.port_code, local.lane_id):
        raise EnrolmentRefused(
            f"The code was issued for port {granted[0]} lane {granted[1]}, but this "
            f"workstation ({local.workstation_id}) serves port {local.port_code} lane "
            f"{local.lane_id}; not enrolled. Ask IT to revoke workstation "
            f"{local.workstation_id} at the central and issue a code for port "
            f"{local.port_code} lane {local.lane_id}."
        )
    return local


def _granted(grant: EnrolmentGrant, current: Workstation | None) -> Workstation:
    """A fresh data directory's workstation, as the central granted it."""
    try:
        return Workstation(
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
    """The key of an enrolled workstation (KeyFileError: missing, damaged, readable by
    others; a missing one is never made again here)."""
    path = paths.workstation_key_file(data_dir)
    if not path.exists():
        raise keys.missing_on_enrolled(path)
    return keys.load_private_key(path)


def require_enrolment(store: Store) -> tuple[str, Ed25519PublicKey, Ed25519PrivateKey]:
    """(workstation id, pinned central key, workstation key), or NotEnrolled (or
    KeyFileError, for the key of an enrolled workstation that cannot be used)."""
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
