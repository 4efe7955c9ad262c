"""The search index's check (`db check`) and its rebuild from the records (`db reindex`)."""

from __future__ import annotations

import pytest

from inspection_client.cli import main
from inspection_client.store import history, records, search_index
from inspection_client.store.audit import verify_chain
from inspection_client.store.database import Store
from inspection_client.store.errors import StoreCorrupt
from inspection_client.store.history import HistoryFilter
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


def test_a_save_that_meets_the_damage_names_the_index_and_saves_again_after_reindex(
    store: Store,
) -> None:
    _saved(store)
    store.conn.execute(
        "UPDATE record_search_data SET block = substr(block, 1, length(block) / 2) WHERE id > 10"
    )
    before = store.conn.execute("SELECT count(*) FROM records").fetchone()[0]
    with pytest.raises(StoreCorrupt) as refused:
        for _ in range(64):  # a save merges the index's pieces now and then
            records.save(store, factories.passenger(), officer="OFF01")
    message = str(refused.value)
    assert message.startswith("The history filter's search index") and "saving" in message
    assert "`inspection-client db reindex`" in message
    saved = store.conn.execute("SELECT count(*) FROM records").fetchone()[0]
    assert saved >= before  # the saves before it stay saved, whole
    search_index.rebuild(store)
    assert records.save(store, factories.passenger(), officer="OFF01").seq == saved + 1
    assert verify_chain(store).intact
