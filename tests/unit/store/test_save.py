"""The save path: one transaction writes record, outbox entry, audit entry and search terms."""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import time
import uuid
from pathlib import Path

import pytest
from sqlite_utils import Database

from inspection_client.domain.codes import Decision, Role
from inspection_client.domain.models import Amendment, Officer, Record, Void
from inspection_client.store import officers, records
from inspection_client.store.database import Store
from inspection_client.store.errors import StoreError
from inspection_client.store.records import Draft, RecordRefused
from inspection_client.store.schema import migrations
from inspection_client.store.search import prefix_query
from tests.conftest import TEST_WORKSTATION
from tests.factories import as_indexed, indexed_terms, passenger, truck


def _count(store: Store, table: str) -> int:
    return int(store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_save_assigns_gap_free_sequence_and_writes_outbox_and_audit(store: Store) -> None:
    saved = [records.save(store, passenger(), officer="OFF01") for _ in range(3)]

    assert [r.seq for r in saved] == [1, 2, 3]
    assert _count(store, "records") == _count(store, "outbox") == _count(store, "audit_chain") == 3
    assert records.get(store, saved[1].id) == saved[1]


def test_record_ids_are_filed_under_the_time_the_records_were_made(store: Store) -> None:
    # Time-ordered (version 7) ids: the unique index on them grows at its end.
    saved = [records.save(store, passenger(), officer="OFF01") for _ in range(20)]
    for record in saved:
        assert record.id.version == 7
        assert record.id.int >> 80 == int(record.recorded_at.timestamp() * 1000)
    assert sorted(saved, key=lambda record: str(record.id)) == sorted(saved, key=_made_at)
    given = uuid.uuid4()  # an id the caller chose is kept as it is
    assert records.save(store, passenger(), officer="OFF01", record_id=given).id == given


def _made_at(record: Record) -> tuple[int, str]:
    return (record.id.int >> 80, str(record.id))


def test_a_new_database_has_8_kib_pages_and_an_older_one_keeps_its_own(tmp_path: Path) -> None:
    with Store.open(tmp_path / "new.db") as store:
        assert store.conn.execute("PRAGMA page_size").fetchone()[0] == 8192
        assert store.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 5120
    older = tmp_path / "older.db"
    with contextlib.closing(sqlite3.connect(older)) as conn:  # as earlier lane clients made it
        conn.execute("PRAGMA page_size = 4096")
        conn.execute("PRAGMA journal_mode = WAL")
        migrations.apply(Database(conn))
    with Store.open(older) as store:
        assert store.conn.execute("PRAGMA page_size").fetchone()[0] == 4096
        assert store.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 10_240  # 40 MB
        store.configure_workstation(TEST_WORKSTATION)
        assert records.save(store, passenger(), officer="OFF01").seq == 1


def test_saved_record_is_found_by_its_search_terms(store: Store) -> None:
    record = records.save(store, passenger(), officer="OFF01")
    assert {as_indexed(term) for term in ("AB1234567", "KHAN", "IMRAN")} <= indexed_terms(
        store.conn
    )[1]
    for prefix in ("AB12", "KH", "IMRAN"):
        found = store.conn.execute(
            "SELECT rowid FROM record_search WHERE record_search MATCH ?", (prefix_query(prefix),)
        ).fetchall()
        assert found == [(1,)]
    assert record.seq == 1


def test_save_many_is_all_or_nothing(store: Store) -> None:
    good = Draft(passenger(), "OFF01")
    bad = Draft(Void(target_id=uuid.uuid4(), reason="no such record", approved_by="SUP01"), "OFF01")

    with pytest.raises(RecordRefused):
        records.save_many(store, [good, good, bad])

    assert _count(store, "records") == 0
    assert _count(store, "outbox") == 0
    assert records.save(store, passenger(), officer="OFF01").seq == 1


def test_driver_and_vehicle_saved_together_link_by_preassigned_ids(store: Store) -> None:
    driver_id, vehicle_id = uuid.uuid4(), uuid.uuid4()
    saved = records.save_many(
        store,
        [
            Draft(passenger(vehicle_clearance_id=vehicle_id), "OFF01", record_id=driver_id),
            Draft(truck(driver_id=driver_id), "OFF01", record_id=vehicle_id),
        ],
    )
    assert [r.id for r in saved] == [driver_id, vehicle_id]
    vehicle = records.get(store, vehicle_id)
    assert vehicle is not None and vehicle.body.kind == "vehicle"


def test_amend_and_void_need_a_supervisor_and_derive_current_state(store: Store) -> None:
    officers.add_officer(store, Officer(code="SUP01", name="Sup", role=Role.SUPERVISOR), "1357")
    officers.add_officer(store, Officer(code="OFF01", name="Off", role=Role.OFFICER), "2468")
    original = records.save(store, passenger(), officer="OFF01")

    with pytest.raises(RecordRefused, match="not a supervisor"):
        records.save(
            store,
            Void(target_id=original.id, reason="wrong lane", approved_by="OFF01"),
            officer="OFF01",
        )
    records.save(
        store,
        Amendment(
            target_id=original.id,
            reason="sent to secondary after all",
            approved_by="SUP01",
            replacement=passenger(Decision.REFERRED),
        ),
        officer="OFF01",
    )
    state = records.current(store, original.id)
    assert state is not None and state.clearance.decision is Decision.REFERRED
    assert not state.voided

    records.save(
        store,
        Void(target_id=original.id, reason="duplicate entry", approved_by="SUP01"),
        officer="OFF01",
    )
    state = records.current(store, original.id)
    assert state is not None and state.voided
    assert len(records.revisions(store, original.id)) == 3
    with pytest.raises(RecordRefused, match="Record #1 has been voided"):
        records.save(
            store,
            Void(target_id=original.id, reason="again", approved_by="SUP01"),
            officer="OFF01",
        )


def test_saved_columns_keep_their_types(store: Store) -> None:
    # Rows are bound as bytearrays and '' for "no target": what lands is NULL and BLOBs.
    officers.add_officer(store, Officer(code="SUP01", name="Sup", role=Role.SUPERVISOR), "1357")
    original = records.save(store, passenger(), officer="OFF01")
    void = Void(target_id=original.id, reason="duplicate entry", approved_by="SUP01")
    records.save(store, void, officer="OFF01")
    rows = store.conn.execute(
        "SELECT r.seq, typeof(r.target_id), r.target_id, typeof(r.content), "
        "typeof(a.prev_hash), typeof(a.hash) FROM records r JOIN audit_chain a USING (seq) "
        "ORDER BY r.seq"
    ).fetchall()
    assert rows == [
        (1, "null", None, "blob", "blob", "blob"),
        (2, "text", str(original.id), "blob", "blob", "blob"),
    ]


def test_amendment_must_keep_the_kind(store: Store) -> None:
    officers.add_officer(store, Officer(code="SUP01", name="Sup", role=Role.SUPERVISOR), "1357")
    original = records.save(store, passenger(), officer="OFF01")
    with pytest.raises(RecordRefused, match="must be a passenger"):
        records.save(
            store,
            Amendment(
                target_id=original.id, reason="wrong form", approved_by="SUP01", replacement=truck()
            ),
            officer="OFF01",
        )


def test_saving_without_a_configured_workstation_says_so(data_dir: Path) -> None:
    with Store.open(data_dir / "lane.db") as bare, pytest.raises(StoreError, match="not set up"):
        records.save(bare, passenger(), officer="OFF01")


def test_two_connections_saving_at_once_get_distinct_gap_free_sequence_numbers(
    store: Store,
) -> None:
    errors: list[BaseException] = []

    def lane(count: int) -> None:
        try:
            with Store.open(store.path) as own:
                for _ in range(count):
                    records.save(own, passenger(), officer="OFF01")
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=lane, args=(40,)) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    seqs = [row[0] for row in store.conn.execute("SELECT seq FROM records ORDER BY seq")]
    assert seqs == list(range(1, 81))
    from inspection_client.store.audit import verify_chain

    assert verify_chain(store).intact


def test_a_second_record_with_the_same_id_is_refused_and_nothing_is_saved(store: Store) -> None:
    record_id = uuid.uuid4()
    records.save(store, passenger(), officer="OFF01", record_id=record_id)
    with pytest.raises(RecordRefused, match="same id"):
        records.save_many(
            store,
            [Draft(passenger(), "OFF01"), Draft(passenger(), "OFF01", record_id=record_id)],
        )
    assert _count(store, "records") == _count(store, "outbox") == 1


def _in_database_file(path: Path, seq: int) -> bool:
    """Whether record `seq` is in the database file itself, not only in its write-ahead log."""
    uri = f"file:{path}?immutable=1"  # immutable: SQLite reads the file and ignores the log
    with contextlib.closing(sqlite3.connect(uri, uri=True)) as conn:
        return conn.execute("SELECT 1 FROM records WHERE seq = ?", (seq,)).fetchone() is not None


def test_checkpoints_alongside_copy_commits_into_the_database_file(store: Store) -> None:
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the schema, into the file
    with store.checkpoints_alongside() as committed:
        assert store.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 0
        records.save(store, passenger(), officer="OFF01")
        assert not _in_database_file(store.path, 1)
        committed()
        deadline = time.monotonic() + 10
        while not _in_database_file(store.path, 1) and time.monotonic() < deadline:
            time.sleep(0.01)
        assert _in_database_file(store.path, 1)

    assert store.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 5120  # 40 MB
    assert [r.seq for r in records.by_seq(store, 1, 1)] == [1]


def test_shift_counts_are_the_current_state_as_the_shift_report_counts_it(store: Store) -> None:
    from inspection_client.domain.codes import Direction
    from inspection_client.store import shifts

    officers.add_officer(store, Officer(code="SUP01", name="S", role=Role.SUPERVISOR), "1357")
    shift = shifts.open_shift(store, "OFF01", Direction.ENTRY)
    saved = [
        records.save(store, passenger(), officer="OFF01", shift_id=shift.shift_id) for _ in range(3)
    ]
    records.save(
        store,
        Void(target_id=saved[0].id, reason="wrong lane", approved_by="SUP01"),
        officer="OFF01",
        shift_id=shift.shift_id,
    )
    records.save(
        store,
        Amendment(
            target_id=saved[1].id,
            reason="sent to secondary after all",
            approved_by="SUP01",
            replacement=passenger(Decision.REFERRED),
        ),
        officer="OFF01",
        shift_id=shift.shift_id,
    )
    counts = shifts.shift_counts(store, shift.shift_id)
    assert counts.total == 2
    assert counts.by_decision == {"cleared": 1, "referred": 1}
    # Six records wait to be sent (the shift's opening, three clearances, the void and the
    # amendment); one the central found in conflict waits for a supervisor instead.
    assert (counts.pending_sync, counts.sync_problems) == (6, 0)
    store.conn.execute("UPDATE outbox SET state = 'conflict' WHERE seq = ?", (saved[2].seq,))
    counts = shifts.shift_counts(store, shift.shift_id)
    assert (counts.pending_sync, counts.sync_problems) == (5, 1)
