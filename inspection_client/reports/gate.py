"""The exit gate's check of a scanned release slip or shift-report code, offline.

Keys are this workstation's own plus the workstation keys of the signed reference data (the
sync feature's `store.sync_state.workstation_public_keys`, when that module is present). A
release slip is valid once: its first valid scan is recorded in ``used_slips``, keyed by the
signer's key id and the slip id, and every later scan is `Verdict.ALREADY_USED`. A slip whose
record was voided or amended since it was printed is `Verdict.NOT_CLEARED`, whether this
workstation holds the record or the central's list of withdrawn slips names it
(`sync.withdrawals`).
"""

from __future__ import annotations

import importlib
import uuid
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from inspection_client import paths
from inspection_client.domain.clock import claims_time, claims_zone, printed_time
from inspection_client.domain.codes import SLIP_LANE_KINDS, Decision, LaneKind
from inspection_client.errors import UserFacingError
from inspection_client.message import Message
from inspection_client.reports.sealed_qr import (
    PREFIXES,
    DocumentKind,
    Unsealed,
    Verdict,
    key_id,
    unseal,
)
from inspection_client.store import records
from inspection_client.store.database import Store
from inspection_client.store.errors import decoding
from inspection_client.sync import withdrawals as withdrawal_lists
from inspection_client.sync.withdrawals import HeldList

KnownKeys = dict[str, tuple[Ed25519PublicKey, bool]]


@dataclass(frozen=True)
class SlipUse:
    """The first use of a release slip at this gate."""

    key_id: str
    slip_id: str
    first_used_at: datetime
    officer: str | None
    uses: int


def known_keys(store: Store, *, key_file: Path | None = None) -> KnownKeys:
    """Key id hex -> (public key, revoked): the reference data's keys plus this workstation's."""
    keys: KnownKeys = {}
    try:
        sync_state: Any = importlib.import_module("inspection_client.store.sync_state")
        provider: Callable[[Store], KnownKeys] | None = getattr(
            sync_state, "workstation_public_keys", None
        )
    except ImportError:
        provider = None
    if provider is not None:
        keys.update(provider(store))
    own = _own_public_key(store, key_file)
    # Our own key is trusted unless the reference data says it was revoked.
    if own is not None:
        keys.setdefault(key_id(own).hex(), (own, False))
    return keys


def _own_public_key(store: Store, key_file: Path | None) -> Ed25519PublicKey | None:
    from inspection_client.sync import keys as key_files

    path = key_file or paths.workstation_key_file(store.path.parent)
    if not path.exists():
        return None
    try:
        return key_files.load_private_key(path).public_key()
    except UserFacingError:
        # An unreadable own key only means our own slips cannot be checked here.
        return None


@dataclass(frozen=True)
class GateResult(Unsealed):
    """A verdict at the gate, and what it could check a slip against besides the slip itself.

    `withdrawals_checked` is true when the check reached the central's list of withdrawn
    slips (a genuine slip for a cleared vehicle at this port); `withdrawal_list` is then the
    list held here (None: none yet), and `note` tells the officer how far to trust the verdict.
    """

    withdrawals_checked: bool = False
    withdrawal_list: HeldList | None = None
    list_age: timedelta | None = None
    note: str = ""

    def to_json(self) -> dict[str, Any]:
        data = super().to_json()
        data["note"] = self.note or None
        listed: dict[str, Any] | None = None
        if self.withdrawals_checked:
            held = self.withdrawal_list
            listed = {"held": held is not None}
            if held is not None:
                listed |= {
                    "as_of": held.checked_at.isoformat(),
                    "age_seconds": None
                    if self.list_age is None
                    else int(self.list_age.total_seconds()),
                    "issued_at": held.issued_at.isoformat(),
                    "complete_since": held.complete_since.isoformat(),
                    "entries": held.entries,
                }
        data["withdrawal_list"] = listed
        return data


def verify_text(
    store: Store,
    text: str,
    *,
    now: datetime | None = None,
    officer: str | None = None,
    mark_used: bool = True,
    keys: KnownKeys | None = None,
) -> GateResult:
    """Check a scanned text. Never raises on any text.

    A release slip must be for this workstation's port; its first valid check is recorded
    (unless ``mark_used`` is false, for a look without letting the vehicle through: a slip
    used before is still `Verdict.ALREADY_USED`). A shift report's code is checked for
    signature and expiry only. A slip whose record the central lists as withdrawn is
    `Verdict.NOT_CLEARED`; the result's note says how old that list is, or that there is none.
    """
    now = now or datetime.now(UTC)
    result = _verify(store, text, now, officer, mark_used, keys)
    if isinstance(result, GateResult):
        return result
    return GateResult(**{f.name: getattr(result, f.name) for f in fields(Unsealed)})


def _verify(
    store: Store,
    text: str,
    now: datetime,
    officer: str | None,
    mark_used: bool,
    keys: KnownKeys | None,
) -> Unsealed:
    known = known_keys(store) if keys is None else keys
    revoked: list[str] = []

    def resolve(kid: bytes) -> Ed25519PublicKey | None:
        entry = known.get(kid.hex())
        if entry is None:
            return None
        public_key, is_revoked = entry
        if is_revoked:
            revoked.append(kid.hex())
            return None
        return public_key

    is_slip = isinstance(text, str) and text.strip().startswith(PREFIXES[DocumentKind.SLIP])
    port = store.require_workstation().port_code if is_slip else None
    result = unseal(text, resolve, now=now, expected_port=port)
    if result.verdict is Verdict.UNKNOWN_SIGNER and revoked:
        reason = Message("signed by workstation key {key}, which has been revoked", key=revoked[0])
        return replace(result, reason=reason)
    if not result.valid or result.kind is not DocumentKind.SLIP:
        return result
    assert result.key_id is not None and result.claims is not None
    kid = result.key_id
    foreign = signed_at_another_port(store, kid, port)
    if foreign is not None:
        return replace(result, verdict=Verdict.WRONG_PORT, reason=foreign)
    no_slips = signed_at_a_lane_without_slips(store, kid)
    if no_slips is not None:
        return replace(result, verdict=Verdict.NOT_CLEARED, reason=no_slips)
    slip_id = str(result.claims.get("id"))
    decision = result.claims.get("dec")
    if decision != "cleared":
        # Slips are issued for cleared vehicles only; whatever signed this one, the gate lets
        # through what the slip itself says was cleared, nothing else.
        reason = Message("the vehicle was recorded as {decision}", decision=str(decision)[:40])
        return replace(result, verdict=Verdict.NOT_CLEARED, reason=reason)
    withdrawn = withdrawn_here(store, slip_id)
    if withdrawn is not None:
        return replace(result, verdict=Verdict.NOT_CLEARED, reason=withdrawn)
    held = withdrawal_lists.held_list(store)
    iat = result.claims.get("iat")
    issued = iat if isinstance(iat, int) else None
    result = GateResult(
        **{f.name: getattr(result, f.name) for f in fields(Unsealed)},
        withdrawals_checked=True,
        withdrawal_list=held,
        list_age=None if held is None else max(now - held.checked_at, timedelta(0)),
        note=_list_note(held, now, issued, claims_zone(result.claims)),
    )
    listed = withdrawn_elsewhere(store, slip_id, issued, zone=claims_zone(result.claims))
    if listed is not None:
        return replace(result, verdict=Verdict.NOT_CLEARED, reason=listed)
    if mark_used:
        use = record_use(store, kid, slip_id, now, officer)
        if use.uses == 1:
            return result
    else:
        # A look does not count as a use, but a slip used before must not look valid.
        seen = first_use(store, kid, slip_id)
        if seen is None:
            return result
        use = seen
    when = claims_time(result.claims, use.first_used_at)
    reason = (
        Message("already used {when} by {officer}", when=when, officer=use.officer)
        if use.officer
        else Message("already used {when}", when=when)
    )
    return replace(result, verdict=Verdict.ALREADY_USED, reason=reason)


def signed_at_another_port(store: Store, kid: str, port: str | None) -> Message | None:
    """Why a slip for this port does not count, when the workstation that signed it is one of
    another port (the keys snapshot says which): its claims name this port, but only a lane of
    this port clears vehicles through its gate. None when the signer is of this port, or its
    port is not known (a key from a snapshot made before keys had ports)."""
    row = store.conn.execute(
        "SELECT workstation_id, port_code FROM sync_workstation_keys WHERE key_id = ?", (kid,)
    ).fetchone()
    if row is None or row[1] is None or row[1] == port:
        return None
    return Message(
        "signed by workstation {workstation} of port {signer}, which issues no slips for this port",
        workstation=row[0],
        signer=row[1],
    )


def signed_at_a_lane_without_slips(store: Store, kid: str) -> Message | None:
    """Why a slip does not count, when the workstation that signed it is at a lane whose kind
    issues no release slips (the keys snapshot says which): a passenger lane clears no
    vehicles, so its key on a slip is a genuine key put to a use it never has. None when the
    lane is one that issues slips (`SLIP_LANE_KINDS`), or its kind is not known (a key from
    a snapshot made before keys had lane kinds)."""
    row = store.conn.execute(
        "SELECT workstation_id, lane_kind FROM sync_workstation_keys WHERE key_id = ?", (kid,)
    ).fetchone()
    if row is None or row[1] is None or row[1] in SLIP_LANE_KINDS:
        return None
    if row[1] == LaneKind.PASSENGER:
        return Message(
            "signed by workstation {workstation} of a passenger lane, which issues no slips",
            workstation=row[0],
        )
    return Message(
        "signed by workstation {workstation} of a lane of kind {kind}, which issues no slips",
        workstation=row[0],
        kind=str(row[1])[:40],
    )


def withdrawn_here(store: Store, slip_id: str) -> Message | None:
    """Why a slip no longer lets its vehicle pass, when this workstation holds its record.

    A slip is the signed word of the lane that cleared the vehicle; a void or an amendment
    to another decision made there since is known only where that record is (the lane's own
    workstation, or a gate that shares its database). Elsewhere, None: the slip stands.
    """
    try:
        record_id = uuid.UUID(slip_id)
    except ValueError:
        return None
    state = records.current(store, record_id)
    if state is None:
        return None
    if state.voided:
        return Message("its record was voided here after the slip was issued")
    decision = state.clearance.decision
    if decision is not Decision.CLEARED:
        return Message(
            "its record was amended here to {decision} after the slip was issued",
            # The words the central's list says it in, which the window translates.
            decision=withdrawal_lists.DECISION_WORDS.get(decision.value, decision.value),
        )
    return None


def withdrawn_elsewhere(
    store: Store, slip_id: str, issued: int | None, *, zone: tzinfo = UTC
) -> Message | None:
    """Why a slip no longer lets its vehicle pass, when the central's list names its record
    (its time in ``zone``, the offset the slip prints its times in).

    A slip issued after the listed withdrawal was issued for the record cleared once more
    (a lane issues slips for cleared vehicles only) since the list held here was made.
    """
    found = withdrawal_lists.find(store, slip_id)
    if found is None:
        return None
    if issued is not None and issued > found.at.timestamp():
        return None
    return found.reason(zone)


def _list_note(held: HeldList | None, now: datetime, issued: int | None, zone: tzinfo) -> Message:
    """What the officer should know about the list of withdrawn slips this check used.

    A sentence of its own (the window shows it under the verdict, `verify` after "NOTE:"),
    unlike a verdict's reason, which finishes the sentence the verdict starts.
    """
    if held is None:
        return Message(
            "This gate has no list of withdrawn slips from the central yet: a slip whose record "
            "was voided or amended elsewhere since it was printed cannot be caught here."
        )
    as_of = printed_time(held.checked_at, zone)
    age = _age(now - held.checked_at)
    if issued is not None and issued < held.complete_since.timestamp():
        return Message(
            "Checked against the central's list of withdrawn slips as of {as_of} ({age} old); "
            "that list is whole only from {since}, after this slip was issued.",
            as_of=as_of,
            age=age,
            since=printed_time(held.complete_since, zone),
        )
    return Message(
        "Checked against the central's list of withdrawn slips as of {as_of} ({age} old).",
        as_of=as_of,
        age=age,
    )


def _age(elapsed: timedelta) -> Message:
    minutes = max(int(elapsed.total_seconds() // 60), 0)
    if minutes < 120:
        return Message("{minutes} min", minutes=minutes)
    if minutes < 72 * 60:
        return Message("{hours} h", hours=minutes // 60)
    return Message("{days} days", days=minutes // (24 * 60))


def record_use(store: Store, kid: str, slip_id: str, now: datetime, officer: str | None) -> SlipUse:
    """Count a use of the slip and return its first use (uses == 1 when this is the first)."""
    with store.write() as conn:
        conn.execute(
            "INSERT INTO used_slips(key_id, slip_id, first_used_at, officer) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(key_id, slip_id) DO UPDATE SET uses = uses + 1",
            (kid, slip_id, now.astimezone(UTC).isoformat(), officer),
        )
        row = conn.execute(
            "SELECT first_used_at, officer, uses FROM used_slips WHERE key_id = ? AND slip_id = ?",
            (kid, slip_id),
        ).fetchone()
    return _use(kid, slip_id, row)


def _use(kid: str, slip_id: str, row: tuple[Any, ...]) -> SlipUse:
    with decoding(Message("The use of slip {slip}", slip=slip_id)):
        return SlipUse(kid, slip_id, datetime.fromisoformat(row[0]), row[1], int(row[2]))


def first_use(store: Store, kid: str, slip_id: str) -> SlipUse | None:
    """When the slip was first used at this gate, or None if never."""
    row = store.conn.execute(
        "SELECT first_used_at, officer, uses FROM used_slips WHERE key_id = ? AND slip_id = ?",
        (kid, slip_id),
    ).fetchone()
    if row is None:
        return None
    return _use(kid, slip_id, row)
