"""The search index's check (`db check`) and its rebuild from the records (`db reindex`)."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

import pytest

from inspection_client import seeding
from inspection_client.cli import main
from inspection_client.domain.codes import Role
from inspection_client.domain.models import RECORD_KINDS, Amendment, Officer, Record, Void
from inspection_client.store import history, officers, records, search_index
from inspection_client.store.audit import verify_chain
from inspection_client.store.database import Store
from inspection_client.store.errors import StoreCorrupt
from inspection_client.store.history import HistoryFilter
from inspection_client.store.search import content_terms, record_terms
from tests import factories
from tests.factories import indexed_terms


def _saved(store: Store, count: int = 30) -> None:
    drafts = [
        records.Draft(
            factories.passenger(document=factories.document(number=f"KX{i:07d}")), "OFF01"
        )
        for i in range(count)
    ]
    drafts.append(records.Draft(factories.truck(), "OFF01"))
    records.save_many(store, drafts)


def _damage_index(store: Store) -> None:
    # Half of the index's newest block is lost, as a fault on disk could lose it.
    store.conn.execute(
        "UPDATE record_search_data SET block = substr(block, 1, length(block) / 2) "
        "WHERE id = (SELECT max(id) FROM record_search_data)"
    )


def test_a_sound_index_passes_and_a_damaged_one_is_named(store: Store) -> None:
    _saved(store)
    assert search_index.damage(store) is None
    _damage_index(store)
    assert "malformed" in (search_index.damage(store) or "")


def test_the_rebuilt_index_is_the_one_saving_made(store: Store) -> None:
    _saved(store)
    records.save(store, factories.passenger(), officer="OFF01")  # one more transaction
    saved = indexed_terms(store.conn)
    assert search_index.rebuild(store) == 32
    assert indexed_terms(store.conn) == saved
    assert search_index.damage(store) is None


def test_db_check_names_a_damaged_index_and_db_reindex_mends_it(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    _saved(store)
    contents = store.conn.execute("SELECT seq, content FROM records ORDER BY seq").fetchall()
    _damage_index(store)

    assert main(["db", "check"]) == 1
    out = capsys.readouterr().out
    assert "search index is damaged" in out and "the records are not" in out
    assert "`inspection-client db reindex`" in out

    assert main(["db", "reindex"]) == 0
    assert "search index built again from 31 records" in capsys.readouterr().out
    assert main(["db", "check"]) == 0
    assert "integrity check ok" in capsys.readouterr().out
    found = history.page(store, HistoryFilter(text="kx0000012")).rows
    assert [row.document for row in found] == ["P PAK KX0000012"]
    assert len(history.page(store, HistoryFilter(text="kx000001")).rows) == 10
    # The records were only read.
    assert store.conn.execute("SELECT seq, content FROM records ORDER BY seq").fetchall() == (
        contents
    )
    assert verify_chain(store).intact


def test_a_record_that_no_longer_decodes_stops_the_rebuild_and_keeps_the_index(
    store: Store,
) -> None:
    _saved(store)
    saved = indexed_terms(store.conn)
    store.conn.execute("UPDATE records SET content = X'7B' WHERE seq = 7")
    with pytest.raises(StoreCorrupt, match="Record 7"):
        search_index.rebuild(store)
    assert indexed_terms(store.conn) == saved


def test_terms_read_from_the_stored_json_are_the_models_own_for_every_kind(
    store: Store,
) -> None:
    # A day of traffic (travellers; trucks, buses, car carriers with VINs, containers and
    # declarations; shift records), then amendments and a void, and names typed loosely.
    seeding.seed(store, clearances=1500, days=1, today=date(2026, 6, 2), workers=0)
    officers.add_officer(store, Officer(code="SUP01", name="Sup", role=Role.SUPERVISOR), "1357")
    loose = factories.document(surname=" o'NEIL-smith ", given_names="mary  ann", number="ab12")
    traveller = records.save(store, factories.passenger(document=loose), officer="OFF01")
    truck = records.save(store, factories.truck(plate="lEB-123 4"), officer="OFF01")
    for target, replacement in ((traveller, factories.passenger()), (truck, factories.truck())):
        amendment = Amendment(
            target_id=target.id, reason="typed wrong", approved_by="SUP01", replacement=replacement
        )
        records.save(store, amendment, officer="OFF01")
    void = Void(target_id=traveller.id, reason="duplicate", approved_by="SUP01")
    records.save(store, void, officer="OFF01")
    kinds = set()
    for kind, content in store.conn.execute("SELECT kind, content FROM records"):
        kinds.add(kind)
        body = Record.model_validate_json(content).body
        assert content_terms(bytes(content)) == record_terms(body)
    assert kinds == set(RECORD_KINDS)
    saved = indexed_terms(store.conn)
    search_index.rebuild(store)
    assert indexed_terms(store.conn) == saved


def test_a_record_that_is_json_but_no_record_stops_the_rebuild(store: Store) -> None:
    _saved(store)
    store.conn.execute("""UPDATE records SET content = '{"body": {"kind": "passenger"}}'""")
    with pytest.raises(StoreCorrupt, match="Record 1 cannot be read"):
        search_index.rebuild(store)


def test_a_filter_that_meets_the_damage_names_the_index_and_the_remedy(store: Store) -> None:
    _saved(store, count=400)
    _damage_index(store)
    with pytest.raises(StoreCorrupt) as refused:
        for prefix in ("K", "KX", "KX0", "KX00", "KX000", "AB"):  # one of them reaches it
            history.page(store, HistoryFilter(text=prefix))
    message = str(refused.value)
    assert "search index" in message and "the records are not" in message
    assert "`inspection-client db reindex`" in message and str(store.path) in message
    # Filters without text do not use the index.
    assert len(history.page(store, HistoryFilter(), limit=500).rows) == 401


def _damage_all_but_the_newest_pieces(store: Store) -> None:
    store.conn.execute(
        "UPDATE record_search_data SET block = substr(block, 1, length(block) / 2) WHERE id > 10"
    )


def test_saves_go_on_past_a_damaged_index_and_db_reindex_starts_it_again(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    _saved(store)
    _damage_all_but_the_newest_pieces(store)
    before = store.conn.execute("SELECT count(*) FROM records").fetchone()[0]
    for i in range(64):  # a save merges the index's pieces now and then: one reaches the damage
        number = factories.document(number=f"ZQ{i:07d}")
        saved = records.save(store, factories.passenger(document=number), officer="OFF01")
        assert saved.seq == before + i + 1
    stopped = search_index.stopped(store.conn)
    assert stopped is not None and before <= stopped.after < before + 64
    assert "malformed" in stopped.damage
    assert verify_chain(store).intact
    # Every record is saved whole; filters that do not use the index find them.
    assert len(history.page(store, HistoryFilter(), limit=500).rows) == before + 64
    with pytest.raises(StoreCorrupt) as refused:
        history.page(store, HistoryFilter(text="ZQ"))
    message = str(refused.value)
    assert "no longer write to it" in message and "the records are not damaged" in message
    assert "`inspection-client db reindex`" in message

    assert main(["db", "check"]) == 1
    out = capsys.readouterr().out
    assert "Saves stopped writing to it" in out and f"after #{stopped.after} are not" in out
    assert main(["db", "info"]) == 0
    assert f"records after #{stopped.after} are not in it" in capsys.readouterr().out
    assert main(["db", "info", "--json"]) == 0
    noted = json.loads(capsys.readouterr().out)["search_index_stopped"]
    assert noted["after"] == stopped.after and noted["damage"] == stopped.damage

    assert main(["db", "reindex"]) == 0
    capsys.readouterr()
    assert search_index.stopped(store.conn) is None
    assert main(["db", "check"]) == 0
    capsys.readouterr()
    found = history.page(store, HistoryFilter(text="zq"), limit=100).rows
    assert len(found) == 64  # those saved after it stopped too
    assert main(["db", "info", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["search_index_stopped"] is None
    # Saves write the index again.
    again = factories.passenger(document=factories.document(number="ZR1"))
    records.save(store, again, officer="OFF01")
    assert len(history.page(store, HistoryFilter(text="zr1")).rows) == 1


def test_a_bulk_save_that_meets_the_damage_is_made_again_without_the_index(
    store: Store,
) -> None:
    # The seed's path: its records arrive in groups, kept until the commit, so the
    # transaction that meets the damage is made again, as a single save is.
    _saved(store)
    workstation = store.require_workstation().workstation_id

    def shipped() -> list[records.ShippedDraft]:
        part = records.prepare(records.Draft(factories.passenger(), "OFF01"), workstation)
        return [part.shipped()]

    _damage_all_but_the_newest_pieces(store)
    count = store.conn.execute("SELECT count(*) FROM records").fetchone()[0]
    for _ in range(64):  # one of them merges the index's pieces and meets the damage
        if search_index.stopped(store.conn) is not None:
            break
        assert records.save_received(store, iter([shipped()])) == 1
        count += 1
    stopped = search_index.stopped(store.conn)
    assert stopped is not None and "malformed" in stopped.damage
    assert store.conn.execute("SELECT count(*) FROM records").fetchone()[0] == count
    assert stopped.after == count - 1  # the record of the save that met it is saved too
    assert records.save_received(store, iter([shipped(), shipped()])) == 2
    assert verify_chain(store).intact
    search_index.rebuild(store)
    assert records.save_received(store, iter([shipped()])) == 1
    assert search_index.damage(store) is None and search_index.stopped(store.conn) is None
    assert len(indexed_terms(store.conn)) == count + 3  # every record has terms


def test_a_bulk_save_given_a_list_saves_each_group_once_past_the_damage(store: Store) -> None:
    _saved(store)
    workstation = store.require_workstation().workstation_id
    groups = [
        [records.prepare(records.Draft(factories.passenger(), "OFF01"), workstation).shipped()]
        for _ in range(3)
    ]
    # The index's structure is lost: the first group's write of it fails.
    store.conn.execute("UPDATE record_search_data SET block = X'00' WHERE id = 10")
    assert records.save_received(store, groups) == 3
    assert store.conn.execute("SELECT count(*) FROM records").fetchone()[0] == 34
    assert verify_chain(store).intact


def test_a_sound_index_is_left_as_it_was_by_its_write_check(store: Store) -> None:
    _saved(store)
    terms = indexed_terms(store.conn)
    size = store.conn.execute("SELECT count(*), sum(length(block)) FROM record_search_data")
    before = size.fetchone()
    assert search_index.damage(store) is None
    assert indexed_terms(store.conn) == terms and 0 not in terms
    after = store.conn.execute("SELECT count(*), sum(length(block)) FROM record_search_data")
    assert after.fetchone() == before and not store.conn.in_transaction


def test_damage_fts5s_check_misses_is_found_by_a_write_and_saves_go_on_past_it(
    store: Store,
) -> None:
    _saved(store)
    # The index's structure, which every write of it reads, is lost. FTS5's own check finds
    # nothing; a write of it, tried and taken back, fails as "constraint failed".
    store.conn.execute("UPDATE record_search_data SET block = X'00' WHERE id = 10")
    assert search_index.damage(store) == "a write of it fails: constraint failed"
    saved = records.save(store, factories.passenger(), officer="OFF01")
    assert saved.seq == 32
    stopped = search_index.stopped(store.conn)
    assert stopped is not None and stopped.after == 31
    assert stopped.damage == "a write of it fails: constraint failed"
    assert verify_chain(store).intact
    assert search_index.rebuild(store) == 32
    assert search_index.stopped(store.conn) is None
    records.save(store, factories.passenger(), officer="OFF01")  # writes the index again
    assert search_index.stopped(store.conn) is None
    assert len(history.page(store, HistoryFilter(text="kx0000012")).rows) == 1
    assert len(indexed_terms(store.conn)) == 33


def test_saves_stop_only_for_damage_to_the_index(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    _saved(store)
    tried: list[str | None] = []

    def damaged(stopping: str | None) -> None:
        tried.append(stopping)
        raise StoreCorrupt("The database is damaged.")

    # Damage to the records, with a sound index: raised as it is, and not tried again.
    with pytest.raises(StoreCorrupt, match="The database is damaged"):
        search_index.saving_past_damage(store, damaged)
    assert tried == [None]

    # Nor when the index cannot be checked: the save's own error is shown, not the check's.
    def busy(_store: Store) -> str | None:
        raise sqlite3.OperationalError("database is locked")

    with monkeypatch.context() as patched:
        patched.setattr(search_index, "damage", busy)
        with pytest.raises(StoreCorrupt, match="The database is damaged"):
            search_index.saving_past_damage(store, damaged)
    assert tried == [None, None]

    def failing(stopping: str | None) -> None:
        tried.append(stopping)
        with store.write() as conn:
            if stopping is not None:
                search_index.note_stopped(conn, stopping)
            raise sqlite3.OperationalError(f"failed, try {len(tried)}")

    # An error that saving without the index does not cure was not the index's: the first
    # one is raised, and saves go on writing the index.
    with pytest.raises(sqlite3.OperationalError, match="failed, try 3"):
        search_index.saving_past_damage(store, failing)
    assert tried == [None, None, None, "a save failed: failed, try 3"]
    assert search_index.stopped(store.conn) is None


def test_a_seed_past_damage_fts5s_check_misses_saves_and_warns_and_db_check_names_it(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    _saved(store)
    store.conn.execute("UPDATE record_search_data SET block = X'00' WHERE id = 10")
    before = store.conn.execute("SELECT count(*) FROM records").fetchone()[0]
    assert main(["seed", "--records", "50", "--days", "1"]) == 0
    said = capsys.readouterr().err
    assert "found damaged" in said and "`inspection-client db reindex`" in said
    assert (
        store.conn.execute("SELECT count(*) FROM records").fetchone()[0] == before + 56
    )  # 50 and three shifts
    assert verify_chain(store).intact
    assert main(["db", "check"]) == 1
    checked = capsys.readouterr().out
    assert "a write of it fails: constraint failed" in checked
    assert f"the records after #{before} are not in it" in checked


def test_a_command_meeting_an_error_sqlite_does_not_explain_says_so_without_a_traceback(
    store: Store, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _saved(store)

    def unexplained(*_args: object, **_kwargs: object) -> None:
        raise sqlite3.DatabaseError("constraint failed")

    monkeypatch.setattr(seeding, "seed", unexplained)
    before = store.conn.execute("SELECT count(*) FROM records").fetchone()[0]
    assert main(["seed", "--records", "50", "--days", "1"]) == 3
    said = capsys.readouterr().err
    assert "constraint failed" in said and "`inspection-client db check`" in said
    assert "What was saved before stays saved" in said
    assert store.conn.execute("SELECT count(*) FROM records").fetchone()[0] == before
    assert verify_chain(store).intact
