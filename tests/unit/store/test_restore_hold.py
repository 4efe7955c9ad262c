"""A restored database of an enrolled workstation holds new records until the central is heard."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from inspection_client.store import records, restore_hold, sync_state
from inspection_client.store.backup import back_up, restore
from inspection_client.store.database import Store
from inspection_client.store.info import store_info
from inspection_client.store.restore_hold import HOLD_SETTING, HeldAfterRestore
from tests import factories


def save(store: Store, count: int = 1) -> list[int]:
    drafts = [records.Draft(factories.passenger(), "OFF01") for _ in range(count)]
    return [record.seq for record in records.save_many(store, drafts)]


def restored(store: Store, tmp_path: Path, *, enrolled: bool) -> Store:
    if enrolled:
        sync_state.put(store, {sync_state.CENTRAL_KEY: "pinned", sync_state.WORKSTATION_ID: "W"})
    save(store, 3)
    back_up(store, tmp_path / "usb.db")
    done = restore(tmp_path / "usb.db", tmp_path / "fresh", replace=False)
    assert done.held is enrolled
    return Store.open(tmp_path / "fresh" / "lane.db", create=False)


def test_a_lane_that_never_synced_has_nothing_to_wait_for(store: Store, tmp_path: Path) -> None:
    with restored(store, tmp_path, enrolled=False) as again:
        assert restore_hold.current(again) is None
        assert save(again) == [4]
        assert store_info(again).held_after_restore is None


def test_every_way_of_saving_waits_and_nothing_is_written(store: Store, tmp_path: Path) -> None:
    with restored(store, tmp_path, enrolled=True) as again:
        hold = restore_hold.current(again)
        assert hold is not None and hold.head_seq == 3
        assert store_info(again).held_after_restore == {"since": hold.since, "head_seq": 3}
        with pytest.raises(HeldAfterRestore) as refused:
            save(again)
        assert refused.value.exit_status == 1
        prepared = records.prepare(
            records.Draft(factories.passenger(), "OFF01"),
            again.require_workstation().workstation_id,
        )
        shipped = prepared.shipped()
        with pytest.raises(HeldAfterRestore):
            records.save_received(again, [[shipped]])  # the seeder's way in
        count = again.conn.execute("SELECT count(*) FROM records").fetchone()[0]
        assert count == 3 and again.conn.execute("SELECT count(*) FROM outbox").fetchone()[0] == 3

        lifted = restore_hold.lift(again, by="SUP01", reason="link down for a week")
        assert lifted is not None and (lifted.by, lifted.head_seq) == ("SUP01", 3)
        assert save(again) == [4]
        assert restore_hold.lift(again, by="SUP01", reason="again") is None
        assert store_info(again).hold_lifted == {
            "at": lifted.at,
            "by": "SUP01",
            "reason": "link down for a week",
            "head_seq": 3,
        }


def test_another_connection_sees_the_hold_lifted(store: Store, tmp_path: Path) -> None:
    with restored(store, tmp_path, enrolled=True) as window, Store.open(window.path) as worker:
        with pytest.raises(HeldAfterRestore):
            save(window)
        assert restore_hold.lift(worker, by=restore_hold.LIFTED_BY_SYNC, reason="in step")
        assert save(window) == [4]
        # Seen lifted once, this connection does not ask again on every save.
        assert window.hold_possible is False


def test_a_hold_note_damaged_on_disk_still_holds(store: Store, tmp_path: Path) -> None:
    with restored(store, tmp_path, enrolled=True) as again:
        again.set_setting(HOLD_SETTING, "{not json")
        again.hold_possible = True
        with pytest.raises(HeldAfterRestore, match=r"on \? and holds"):
            save(again)
        assert restore_hold.current(again) == restore_hold.Hold("?", 0)
        again.set_setting(restore_hold.LIFTED_SETTING, json.dumps({"by": "x"}))
        assert restore_hold.last_lifted(again) is None


def test_a_second_restore_holds_again_and_forgets_the_last_lift(
    store: Store, tmp_path: Path
) -> None:
    with restored(store, tmp_path, enrolled=True) as again:
        restore_hold.lift(again, by="SUP01", reason="link down")
        save(again)
        back_up(again, tmp_path / "second.db")
    restore(tmp_path / "second.db", tmp_path / "fresh", replace=True)
    with Store.open(tmp_path / "fresh" / "lane.db", create=False) as third:
        hold = restore_hold.current(third)
        assert hold is not None and hold.head_seq == 4
        assert restore_hold.last_lifted(third) is None
