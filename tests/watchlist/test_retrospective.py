"""A newer snapshot re-checks the last 24 hours and raises alerts for the supervisor."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from inspection_client.domain.models import Record, WatchlistCheck
from inspection_client.message import Message
from inspection_client.store import records
from inspection_client.store.database import Store
from inspection_client.store.errors import StoreCorrupt
from inspection_client.watchlist import retrospective
from inspection_client.watchlist.apply import apply_snapshot
from inspection_client.watchlist.retrospective import acknowledge_alert, pending_alerts
from tests import factories
from tests.watchlist.conftest import SnapshotMaker, power_cut_before_the_recheck, sample_payload

LISTED_LATER = {
    "documents": [{"number": "AB1234567", "state": "PAK", "type": "P", "reason": "stolen"}]
}


def test_traveller_listed_after_clearance_raises_one_alert(
    store: Store, make_snapshot: SnapshotMaker, central_key: Ed25519PrivateKey
) -> None:
    key = central_key.public_key()
    apply_snapshot(store, make_snapshot(1), central_key=key)
    cleared = records.save(store, factories.passenger(), officer="OFF001")
    other = records.save(
        store,
        factories.passenger(document=factories.document(number="ZZ9999999")),
        officer="OFF001",
    )
    result = apply_snapshot(store, make_snapshot(2, sample_payload(LISTED_LATER)), central_key=key)
    assert result.alerts == 1
    (alert,) = pending_alerts(store)
    assert alert.record_id == cleared.id and alert.record_seq == cleared.seq
    assert alert.record_id != other.id
    assert (alert.list_name, alert.entry_id, alert.snapshot_version) == (
        "documents",
        "PAK/AB1234567",
        2,
    )
    assert "AB1234567" in alert.subject
    # The reason keeps its words, for the window to show in the officer's language.
    assert isinstance(alert.reason, Message) and "stolen" in alert.reason
    # The same hit is not alerted twice by a later snapshot.
    again = apply_snapshot(store, make_snapshot(3, sample_payload(LISTED_LATER)), central_key=key)
    assert again.alerts == 0
    assert acknowledge_alert(store, alert.id, "SUP001")
    assert pending_alerts(store) == []
    assert not acknowledge_alert(store, alert.id, "SUP001")


def test_hits_already_handled_at_the_lane_are_not_alerted(
    store: Store, make_snapshot: SnapshotMaker, central_key: Ed25519PrivateKey
) -> None:
    from inspection_client.domain.models import WatchlistHit

    hit = WatchlistHit(
        list_name="documents", entry_id="PAK/AB1234567", score=100, reason="x", action="refer"
    )
    handled = WatchlistCheck(
        snapshot_version=1,
        hits=(hit,),
        outcome="cleared_with_approval",
        approved_by="SUP001",
        approval_reason="namesake",
    )
    records.save(store, factories.passenger(watchlist=handled), officer="OFF001")
    result = apply_snapshot(
        store, make_snapshot(2, sample_payload(LISTED_LATER)), central_key=central_key.public_key()
    )
    assert result.alerts == 0


def test_records_older_than_a_day_are_not_rechecked(
    store: Store, make_snapshot: SnapshotMaker, central_key: Ed25519PrivateKey
) -> None:
    records.save(store, factories.passenger(), officer="OFF001")
    tomorrow = datetime.now(UTC) + timedelta(hours=25)
    result = apply_snapshot(
        store,
        make_snapshot(2, sample_payload(LISTED_LATER)),
        central_key=central_key.public_key(),
        now=tomorrow,
    )
    assert result.applied and result.alerts == 0


def test_voided_clearances_are_skipped_and_amended_ones_checked_as_they_stand(
    store: Store, make_snapshot: SnapshotMaker, central_key: Ed25519PrivateKey
) -> None:
    from inspection_client.domain.codes import Role
    from inspection_client.domain.models import Amendment, Officer, Void
    from inspection_client.store.officers import add_officer

    add_officer(store, Officer(code="SUP001", name="Supervisor", role=Role.SUPERVISOR), None)
    voided = records.save(store, factories.passenger(), officer="OFF001")
    records.save(
        store,
        Void(target_id=voided.id, reason="entered twice", approved_by="SUP001"),
        officer="OFF001",
    )
    typo = factories.document(number="ZZ0000000")
    amended = records.save(store, factories.passenger(document=typo), officer="OFF001")
    records.save(
        store,
        Amendment(
            target_id=amended.id,
            reason="number mistyped",
            approved_by="SUP001",
            replacement=factories.passenger(),
        ),
        officer="OFF001",
    )
    result = apply_snapshot(
        store, make_snapshot(2, sample_payload(LISTED_LATER)), central_key=central_key.public_key()
    )
    assert result.alerts == 1
    assert [a.record_id for a in pending_alerts(store)] == [amended.id]


def test_an_alert_whose_saved_words_are_damaged_shows_its_english_reason(
    store: Store, make_snapshot: SnapshotMaker, central_key: Ed25519PrivateKey
) -> None:
    key = central_key.public_key()
    apply_snapshot(store, make_snapshot(1), central_key=key)
    records.save(store, factories.passenger(), officer="OFF001")
    apply_snapshot(store, make_snapshot(2, sample_payload(LISTED_LATER)), central_key=key)
    (english,) = pending_alerts(store)
    for words in ("{not json", '{"template": "forged {x}", "values": {"x": 1}}', None):
        with store.write() as conn:
            conn.execute("UPDATE watchlist_alerts SET reason_words = ?", (words,))
        (alert,) = pending_alerts(store)
        assert alert.reason == english.reason and not isinstance(alert.reason, Message)


@pytest.fixture
def owed(
    store: Store,
    make_snapshot: SnapshotMaker,
    central_key: Ed25519PrivateKey,
) -> Record:
    """Version 2 made active after a clearance its list names, and the lane stopped (a
    power cut) before the re-check saved anything; the clearance."""
    key = central_key.public_key()
    apply_snapshot(store, make_snapshot(1), central_key=key)
    cleared = records.save(store, factories.passenger(), officer="OFF001")
    with power_cut_before_the_recheck():
        apply_snapshot(store, make_snapshot(2, sample_payload(LISTED_LATER)), central_key=key)
    return cleared


def test_a_recheck_cut_short_is_still_owed_and_made_at_the_next_chance(
    store: Store, owed: Record
) -> None:
    # The snapshot is active, and its re-check owed.
    assert pending_alerts(store) == []
    note = store.setting(retrospective.RECHECK_OWED)
    assert note is not None and json.loads(note)["version"] == 2
    assert retrospective.recheck_if_owed(store) == 1
    (alert,) = pending_alerts(store)
    assert (alert.record_id, alert.snapshot_version) == (owed.id, 2)
    assert store.setting(retrospective.RECHECK_OWED) is None
    assert retrospective.recheck_if_owed(store) == 0


@pytest.mark.usefixtures("owed")
def test_the_next_snapshot_first_makes_the_recheck_the_active_one_owes(
    store: Store, make_snapshot: SnapshotMaker, central_key: Ed25519PrivateKey
) -> None:
    result = apply_snapshot(
        store, make_snapshot(3, sample_payload(LISTED_LATER)), central_key=central_key.public_key()
    )
    # Found by version 2's re-check, made first; told with this snapshot's.
    assert result.applied and result.alerts == 1 and "1 retrospective alert(s)" in result.message
    assert [alert.snapshot_version for alert in pending_alerts(store)] == [2]
    assert store.setting(retrospective.RECHECK_OWED) is None


@pytest.mark.usefixtures("owed")
def test_a_recheck_without_a_usable_watchlist_file_stays_owed(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as patched:
        patched.setattr(retrospective, "open_checker", lambda _store: None)
        assert retrospective.recheck_if_owed(store) == 0
    assert store.setting(retrospective.RECHECK_OWED) is not None
    assert retrospective.recheck_if_owed(store) == 1


@pytest.mark.usefixtures("owed")
def test_a_damaged_owed_note_still_gets_its_recheck_over_the_day_before_now(store: Store) -> None:
    store.set_setting(retrospective.RECHECK_OWED, "{not json")
    assert retrospective.recheck_if_owed(store) == 1
    assert store.setting(retrospective.RECHECK_OWED) is None


def test_a_recheck_the_database_refuses_leaves_the_snapshot_in_use_and_the_recheck_owed(
    store: Store,
    make_snapshot: SnapshotMaker,
    central_key: Ed25519PrivateKey,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    key = central_key.public_key()
    apply_snapshot(store, make_snapshot(1), central_key=key)
    records.save(store, factories.passenger(), officer="OFF001")

    def refused(*_args: object) -> list[str]:
        raise StoreCorrupt("The database is damaged (database disk image is malformed).")

    with monkeypatch.context() as patched:
        patched.setattr(retrospective, "_recent_clearances", refused)
        for version in (2, 3):  # nor does the one still owed keep a newer one out
            snapshot = make_snapshot(version, sample_payload(LISTED_LATER))
            result = apply_snapshot(store, snapshot, central_key=key)
            assert result.applied and result.active_version == version
            assert "re-check of the last day's clearances could not be made" in result.message
    note = store.setting(retrospective.RECHECK_OWED)
    assert note is not None and json.loads(note)["version"] == 3
    assert retrospective.recheck_if_owed(store) == 1
