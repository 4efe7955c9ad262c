"""Applying snapshots: whole or not at all, never older, never badly signed."""

from __future__ import annotations

import os
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from inspection_client.store.database import Store
from inspection_client.store.errors import StoreError
from inspection_client.sync import wire
from inspection_client.watchlist.apply import SnapshotRefused, apply_snapshot
from inspection_client.watchlist.check import open_checker
from inspection_client.watchlist.status import watchlist_status
from tests.watchlist.conftest import SnapshotMaker, sample_payload


def _active_version(store: Store) -> int | None:
    return watchlist_status(store).version


def _apply(store: Store, signed: wire.SignedSnapshot, key: Ed25519PrivateKey) -> object:
    return apply_snapshot(store, signed, central_key=key.public_key())


def test_applied_snapshot_is_recorded_with_its_dates(
    store: Store, make_snapshot: SnapshotMaker, central_key: Ed25519PrivateKey
) -> None:
    signed = make_snapshot(3)
    result = apply_snapshot(store, signed, central_key=central_key.public_key())
    assert result.applied and result.version == 3
    assert result.entries == {"documents": 3, "persons": 5, "vehicles": 2, "containers": 1}
    status = watchlist_status(store)
    assert status.version == 3 and not status.stale
    assert status.issued_at == signed.snapshot.issued_at
    assert status.expires_at == signed.snapshot.expires_at
    assert status.applied_at is not None and status.age is not None
    assert (store.path.parent / "watchlist-3.db").is_file()


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_the_watchlist_file_is_readable_by_its_owner_only(
    store: Store,
    make_snapshot: SnapshotMaker,
    central_key: Ed25519PrivateKey,
) -> None:
    """It holds listed people's names, birth dates and document numbers, like lane.db."""
    store.path.parent.chmod(0o755)  # a folder IT made, readable by all
    previous = os.umask(0o022)
    try:
        _apply(store, make_snapshot(3), central_key)
    finally:
        os.umask(previous)
    path = store.path.parent / "watchlist-3.db"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    # A file built before, readable by all, is made the owner's when the lane opens it.
    path.chmod(0o644)
    checker = open_checker(store)
    assert checker is not None
    checker.close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_newer_snapshot_replaces_the_lists_and_the_old_file(
    store: Store, make_snapshot: SnapshotMaker, central_key: Ed25519PrivateKey
) -> None:
    _apply(store, make_snapshot(1), central_key)
    fewer = sample_payload({"documents": []})
    _apply(store, make_snapshot(2, fewer), central_key)
    checker = open_checker(store)
    assert checker is not None
    with checker:
        assert checker.version == 2
        assert checker.documents("L898902C3", "UTO") == []
    assert not (store.path.parent / "watchlist-1.db").exists()


@pytest.mark.parametrize("version", [1, 4])
def test_older_or_equal_version_is_refused_and_the_active_one_kept(
    store: Store, make_snapshot: SnapshotMaker, central_key: Ed25519PrivateKey, version: int
) -> None:
    _apply(store, make_snapshot(4), central_key)
    result = apply_snapshot(
        store,
        make_snapshot(version, sample_payload({"documents": []})),
        central_key=central_key.public_key(),
    )
    assert not result.applied
    assert result.active_version == 4
    checker = open_checker(store)
    assert checker is not None
    with checker:
        assert checker.documents("L898902C3", "UTO")  # still the version 4 lists


@pytest.mark.parametrize("damage", ["missing", "garbage"])
def test_the_active_version_applied_again_rebuilds_a_missing_or_damaged_file(
    store: Store, make_snapshot: SnapshotMaker, central_key: Ed25519PrivateKey, damage: str
) -> None:
    # The checks' message says to import the snapshot again: that must bring the file back.
    signed = make_snapshot(4)
    _apply(store, signed, central_key)
    path = store.path.parent / "watchlist-4.db"
    if damage == "missing":
        path.unlink()
    else:
        path.write_bytes(b"not a database")
    with pytest.raises(StoreError):
        open_checker(store)
    result = apply_snapshot(store, signed, central_key=central_key.public_key())
    assert result.applied and result.rebuilt and "applied again" in result.message
    checker = open_checker(store)
    assert checker is not None
    with checker:
        assert checker.version == 4 and checker.documents("L898902C3", "UTO")
    again = apply_snapshot(store, signed, central_key=central_key.public_key())
    assert not again.applied and not again.rebuilt  # a sound file is left alone


def test_an_older_version_does_not_stand_in_for_a_damaged_active_one(
    store: Store, make_snapshot: SnapshotMaker, central_key: Ed25519PrivateKey
) -> None:
    _apply(store, make_snapshot(4), central_key)
    (store.path.parent / "watchlist-4.db").unlink()
    result = apply_snapshot(store, make_snapshot(3), central_key=central_key.public_key())
    assert not result.applied and _active_version(store) == 4


def test_badly_signed_snapshot_is_refused_and_the_previous_stays(
    store: Store, make_snapshot: SnapshotMaker, central_key: Ed25519PrivateKey
) -> None:
    _apply(store, make_snapshot(1), central_key)
    forged = make_snapshot(2, key=Ed25519PrivateKey.generate())
    with pytest.raises(SnapshotRefused, match="bad signature"):
        _apply(store, forged, central_key)
    assert _active_version(store) == 1
    assert not (store.path.parent / "watchlist-2.db").exists()


def test_tampered_payload_fails_the_signature(
    store: Store, make_snapshot: SnapshotMaker, central_key: Ed25519PrivateKey
) -> None:
    signed = make_snapshot(2)
    emptied = signed.snapshot.model_copy(update={"payload": sample_payload({"persons": []})})
    tampered = wire.SignedSnapshot(snapshot=emptied, signature=signed.signature)
    with pytest.raises(SnapshotRefused, match="bad signature"):
        _apply(store, tampered, central_key)
    assert _active_version(store) is None


def test_a_newer_snapshot_expired_on_its_way_is_applied_and_shown_stale(
    store: Store, make_snapshot: SnapshotMaker, central_key: Ed25519PrivateKey
) -> None:
    # Weeks on a USB stick to a post without a link: still newer than what the lane has,
    # so refusing it would leave the lane checking against an even older list.
    issued = datetime.now(UTC) - timedelta(days=70)
    _apply(store, make_snapshot(1, issued_at=issued, valid_for=timedelta(days=30)), central_key)
    late = make_snapshot(
        2,
        sample_payload({"documents": []}),
        issued_at=datetime.now(UTC) - timedelta(days=40),
        valid_for=timedelta(days=30),
    )
    result = apply_snapshot(store, late, central_key=central_key.public_key())
    assert result.applied and "expired on" in result.message and "stale" in result.message
    status = watchlist_status(store)
    assert status.version == 2 and status.stale
    checker = open_checker(store)
    assert checker is not None
    with checker:
        assert checker.stale() and checker.documents("L898902C3", "UTO") == []


def test_active_snapshot_becomes_stale_past_its_expiry(
    store: Store, make_snapshot: SnapshotMaker, central_key: Ed25519PrivateKey
) -> None:
    signed = make_snapshot(1, valid_for=timedelta(days=2))
    _apply(store, signed, central_key)
    later = signed.snapshot.expires_at + timedelta(seconds=1)
    status = watchlist_status(store, now=later)
    assert status.stale and status.version == 1
    assert not watchlist_status(store, now=later - timedelta(days=1)).stale


def test_other_kinds_are_refused(
    store: Store, make_snapshot: SnapshotMaker, central_key: Ed25519PrivateKey
) -> None:
    roster = make_snapshot(1, {"officers": []}, kind=wire.ReferenceKind.ROSTER)
    with pytest.raises(SnapshotRefused, match="roster"):
        _apply(store, roster, central_key)


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ({"format": "other"}, "not inspection-watchlist"),
        ({"format": "inspection-watchlist/1", "lists": {"pets": {}}}, "unknown list"),
        (
            {"format": "inspection-watchlist/1", "lists": {"containers": {"id": ["a"]}}},
            "no column",
        ),
        (
            {
                "format": "inspection-watchlist/1",
                "lists": {
                    "containers": {"id": [""], "number": [1], "reason": ["x"], "action": [""]}
                },
            },
            "not text",
        ),
        (
            {
                "format": "inspection-watchlist/1",
                "lists": {"containers": {"id": [""], "number": [], "reason": [], "action": []}},
            },
            "different lengths",
        ),
    ],
)
def test_malformed_payload_is_refused_whole(
    store: Store,
    make_snapshot: SnapshotMaker,
    central_key: Ed25519PrivateKey,
    payload: dict[str, object],
    message: str,
) -> None:
    _apply(store, make_snapshot(1), central_key)
    with pytest.raises(SnapshotRefused, match=message):
        _apply(store, make_snapshot(2, payload), central_key)
    assert _active_version(store) == 1


def test_without_a_pinned_key_nothing_is_applied(
    store: Store, make_snapshot: SnapshotMaker
) -> None:
    with pytest.raises(SnapshotRefused, match=r"pinned central key|signature"):
        apply_snapshot(store, make_snapshot(1))
    assert _active_version(store) is None


def test_missing_snapshot_file_is_a_clear_error(
    store: Store, make_snapshot: SnapshotMaker, central_key: Ed25519PrivateKey
) -> None:
    from inspection_client.store.errors import StoreError

    _apply(store, make_snapshot(1), central_key)
    Path(store.path.parent / "watchlist-1.db").unlink()
    with pytest.raises(StoreError, match="missing"):
        open_checker(store)


def test_the_key_pinned_by_sync_is_used_when_none_is_given(
    store: Store,
    make_snapshot: SnapshotMaker,
    central_key: Ed25519PrivateKey,
) -> None:
    from inspection_client.store import sync_state
    from inspection_client.sync.keys import public_key_text

    # As `inspection-client enrol` pins it.
    sync_state.put(store, {sync_state.CENTRAL_KEY: public_key_text(central_key.public_key())})
    assert apply_snapshot(store, make_snapshot(1)).applied
    with pytest.raises(SnapshotRefused, match="bad signature"):
        apply_snapshot(store, make_snapshot(2, key=Ed25519PrivateKey.generate()))
    assert _active_version(store) == 1
