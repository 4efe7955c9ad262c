"""The gate and the central's list of withdrawn slips: slips of records it does not hold."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from inspection_client import cli
from inspection_client.message import Message
from inspection_client.reports import gate, slip
from inspection_client.reports.sealed_qr import DocumentKind, Verdict, key_id, seal
from inspection_client.store import sync_state
from inspection_client.store.database import Store
from inspection_client.sync import reference, withdrawals
from inspection_client.sync.errors import BadReferenceData
from inspection_client.sync.wire import ReferenceKind, wire_time
from tests import factories
from tests.reports.conftest import SaveAt, day
from tests.sync.fake_central import FakeCentral

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
ISSUED = NOW - timedelta(hours=5)
OTHER_LANE = Ed25519PrivateKey.generate()
KEYS = {key_id(OTHER_LANE.public_key()).hex(): (OTHER_LANE.public_key(), False)}


@pytest.fixture
def claims(lane: Store, save_at: SaveAt, key: Ed25519PrivateKey) -> dict[str, Any]:
    """The claims of a genuine slip for a cleared truck at this gate's port."""
    record = save_at(factories.truck(declaration_number=None), day(9))
    return dict(slip.issue_slip(lane, str(record.id), key, now=ISSUED).claims)


def elsewhere(claims: dict[str, Any], record_id: str, issued: datetime = ISSUED) -> str:
    """A slip printed at another lane of the port, for a record this gate does not hold, valid
    for the longest time a slip can be."""
    stamp = int(issued.timestamp())
    changed = dict(claims, id=record_id, iat=stamp, exp=stamp + 30 * 24 * 3600)
    return seal(DocumentKind.SLIP, changed, OTHER_LANE)


def listing(*slips: dict[str, Any], complete_since: datetime | None = None) -> dict[str, Any]:
    since = complete_since or NOW - timedelta(days=30)
    return {
        "keys": [],
        "withdrawn_slips": {
            "complete_since": wire_time(since),
            "window_hours": 720,
            "slips": list(slips),
        },
    }


def voided(record_id: str, at: datetime = ISSUED + timedelta(hours=1)) -> dict[str, Any]:
    return {"id": record_id, "withdrawn": "voided", "port": "KHG", "at": wire_time(at)}


@pytest.fixture
def central() -> FakeCentral:
    return FakeCentral()


def test_a_slip_the_central_lists_as_withdrawn_is_not_cleared_and_never_used(
    lane: Store, claims: dict[str, Any], central: FakeCentral
) -> None:
    gone, refused, standing = (str(uuid.uuid4()) for _ in range(3))
    amended = {
        "id": refused,
        "withdrawn": "amended",
        "decision": "refused",
        "port": "KHG",
        "at": wire_time(ISSUED + timedelta(minutes=30)),
        "a_field_of_a_newer_central": 1,
    }
    snapshot = central.publish(ReferenceKind.WORKSTATION_KEYS, listing(voided(gone), amended), 1)
    reference.apply(lane, snapshot, central.key.public_key())
    # The round that applied it, or found nothing newer, an hour before the scan.
    withdrawals.note_checked(lane, NOW - timedelta(hours=1))

    first = gate.verify_text(lane, elsewhere(claims, gone), now=NOW, keys=KEYS)
    assert first.verdict is Verdict.NOT_CLEARED
    # Times as the slip prints them: in its record's offset (the port's, eight hours ahead).
    assert first.reason == (
        "its record was voided at KHG on 2026-11-20 16:00 +0800, after the slip was issued "
        "(the central's list of withdrawn slips)"
    )
    # A sentence of its own, shown under the verdict (window) or after "NOTE:" (verify).
    assert first.note == (
        "Checked against the central's list of withdrawn slips as of 2026-11-20 19:00 +0800 "
        "(60 min old)."
    )
    assert gate.first_use(lane, first.key_id or "", gone) is None
    second = gate.verify_text(lane, elsewhere(claims, refused), now=NOW, keys=KEYS)
    assert second.verdict is Verdict.NOT_CLEARED
    assert "amended to refused at KHG on 2026-11-20 15:30 +0800" in second.reason
    third = gate.verify_text(lane, elsewhere(claims, standing), now=NOW, keys=KEYS)
    assert third.verdict is Verdict.VALID
    assert third.to_json()["withdrawal_list"] == {
        "held": True,
        "as_of": (NOW - timedelta(hours=1)).isoformat(),
        "age_seconds": 3600,
        "issued_at": snapshot.snapshot.issued_at.isoformat(),
        "complete_since": (NOW - timedelta(days=30)).isoformat(),
        "entries": 2,
    }
    for after, age in ((timedelta(days=2), "49 h"), (timedelta(days=4), "4 days")):
        later = gate.verify_text(lane, elsewhere(claims, gone), now=NOW + after, keys=KEYS)
        assert later.verdict is Verdict.NOT_CLEARED and f"({age} old)" in later.note


def test_without_a_list_a_slip_is_valid_and_the_gate_says_what_it_could_not_check(
    lane: Store, claims: dict[str, Any], central: FakeCentral
) -> None:
    record_id = str(uuid.uuid4())
    result = gate.verify_text(lane, elsewhere(claims, record_id), now=NOW, keys=KEYS)
    assert result.verdict is Verdict.VALID
    assert result.note.startswith("This gate has no list of withdrawn slips from the central")
    assert result.note.endswith("cannot be caught here.")
    assert isinstance(result.note, Message)  # the window shows it in the officer's language
    assert result.to_json()["withdrawal_list"] == {"held": False}
    # A central older than the list sends keys without it: a list held before is dropped,
    # since nothing says it is still current.
    key = central.key.public_key()
    reference.apply(lane, central.publish(ReferenceKind.WORKSTATION_KEYS, listing(), 1), key)
    assert withdrawals.held_list(lane) is not None
    reference.apply(lane, central.publish(ReferenceKind.WORKSTATION_KEYS, {"keys": []}, 2), key)
    assert withdrawals.held_list(lane) is None
    withdrawals.note_checked(lane, NOW)  # confirms nothing: there is no list
    assert sync_state.get(lane, sync_state.WITHDRAWN_SLIPS_CHECKED_AT) is None
    again = gate.verify_text(lane, elsewhere(claims, str(uuid.uuid4())), now=NOW, keys=KEYS)
    assert again.verdict is Verdict.VALID and "no list" in again.note
    # A report code or a forged slip never reaches the list: nothing to say of it.
    assert gate.verify_text(lane, "GP1:garbage", now=NOW).to_json()["withdrawal_list"] is None


def test_a_slip_issued_after_the_withdrawal_or_before_the_list_begins(
    lane: Store, claims: dict[str, Any], central: FakeCentral
) -> None:
    record_id = str(uuid.uuid4())
    since = NOW - timedelta(days=2)
    payload = listing(voided(record_id), complete_since=since)
    reference.apply(
        lane, central.publish(ReferenceKind.WORKSTATION_KEYS, payload, 1), central.key.public_key()
    )
    # Printed after the void: the record was cleared again since this list was made.
    after = ISSUED + timedelta(hours=2)
    reissued = gate.verify_text(lane, elsewhere(claims, record_id, after), now=NOW, keys=KEYS)
    assert reissued.verdict is Verdict.VALID
    # Printed before the list is whole: the gate says its list may not cover it.
    old = gate.verify_text(
        lane,
        elsewhere(claims, str(uuid.uuid4()), NOW - timedelta(days=2, hours=1)),
        now=NOW,
        keys=KEYS,
    )
    assert old.verdict is Verdict.VALID
    assert old.note.startswith("Checked against the central's list")
    assert old.note.endswith(
        "; that list is whole only from 2026-11-18 20:00 +0800, after this slip was issued."
    )


def test_a_tampered_or_unusable_list_is_not_applied(
    lane: Store, claims: dict[str, Any], central: FakeCentral
) -> None:
    key = central.key.public_key()
    reference.apply(lane, central.publish(ReferenceKind.WORKSTATION_KEYS, listing(), 1), key)
    record_id = str(uuid.uuid4())
    genuine = central.publish(ReferenceKind.WORKSTATION_KEYS, listing(), 2)
    # Someone adds a slip to the list (or takes one out) without the central's key.
    payload = listing(voided(record_id))
    forged = genuine.model_copy(
        update={"snapshot": genuine.snapshot.model_copy(update={"payload": payload})}
    )
    with pytest.raises(BadReferenceData, match="not signed"):
        reference.apply(lane, forged, key)
    assert withdrawals.find(lane, record_id) is None
    bad = listing({"id": "not-a-record-id", "withdrawn": "voided", "port": "KHG", "at": "x"})
    with pytest.raises(BadReferenceData, match="unusable list of withdrawn slips"):
        reference.apply(lane, central.publish(ReferenceKind.WORKSTATION_KEYS, bad, 3), key)
    assert reference.local_versions(lane)[ReferenceKind.WORKSTATION_KEYS] == 1
    assert withdrawals.held_list(lane) is not None


def test_verify_command_says_how_old_the_list_is(
    lane: Store,
    claims: dict[str, Any],
    central: FakeCentral,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sync_state, "workstation_public_keys", lambda store: KEYS, raising=False)
    record_id = str(uuid.uuid4())
    now = datetime.now(UTC)
    snapshot = central.publish(
        ReferenceKind.WORKSTATION_KEYS, listing(voided(record_id, now - timedelta(minutes=5))), 1
    )
    reference.apply(lane, snapshot, central.key.public_key())
    text = elsewhere(claims, record_id, now - timedelta(hours=1))
    assert cli.main(["verify", text, "--no-mark"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("NOT CLEARED: its record was voided at KHG on ")
    assert "\nNOTE: Checked against the central's list of withdrawn slips as of " in out
    assert " old).\n" in out
    assert cli.main(["verify", text, "--no-mark", "--json"]) == 1
    answer = json.loads(capsys.readouterr().out)
    assert answer["verdict"] == "not cleared" and "voided at KHG" in answer["reason"]
    assert answer["note"].startswith("Checked against the central's list")
    assert answer["withdrawal_list"]["held"] is True
    assert answer["withdrawal_list"]["entries"] == 1
