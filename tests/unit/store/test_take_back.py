"""Taking back the records a database restored from an older backup lost, as the central
holds them: the same bytes and chain, or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspection_client.domain.canonical import chain_hash
from inspection_client.domain.models import Record
from inspection_client.store import history, records, search_index, sync_state
from inspection_client.store.audit import chain_head, verify_chain
from inspection_client.store.backup import back_up
from inspection_client.store.database import Store
from inspection_client.store.take_back import HeldCopy, NotTakenBack, take_back
from tests import factories
from tests.factories import indexed_terms


def save(store: Store, count: int, surname: str = "KHAN") -> list[Record]:
    body = factories.passenger(document=factories.document(surname=surname))
    return records.save_many(store, [records.Draft(body, "OFF01") for _ in range(count)])


def held(store: Store, first: int, last: int, *, hashes: bool = True) -> list[HeldCopy]:
    """Records first..last as the central holds them, with its chain hashes."""
    rows = store.conn.execute(
        "SELECT r.seq, r.content, a.hash FROM records r JOIN audit_chain a USING (seq) "
        "WHERE r.seq BETWEEN ? AND ? ORDER BY r.seq",
        (first, last),
    ).fetchall()
    return [
        HeldCopy(seq, bytes(content), bytes(digest) if hashes else None)
        for seq, content, digest in rows
    ]


@pytest.fixture
def restored(store: Store, tmp_path: Path) -> Store:
    """The lane's database as its backup holds it: records #1-#3 of the five it saved."""
    save(store, 3)
    back_up(store, tmp_path / "backup.db")
    save(store, 2, surname="LATER")
    return Store.open(tmp_path / "backup.db")


def test_records_taken_back_continue_the_chain_exactly(store: Store, restored: Store) -> None:
    assert take_back(restored, 3, held(store, 4, 5)) == 2
    assert chain_head(restored) == chain_head(store)
    assert verify_chain(restored).intact
    assert restored.conn.execute("SELECT count(*) FROM outbox WHERE seq > 3").fetchone() == (0,)
    assert sync_state.get(restored, sync_state.ACKED_SEQ) == "5"
    found = history.page(restored, history.HistoryFilter(text="LATER"))
    assert [row.seq for row in found.rows] == [5, 4]  # found by the history filter again
    saved = save(restored, 1)[0]
    assert saved.seq == 6


def test_a_record_the_central_holds_as_rejected_stays_rejected(
    store: Store, restored: Store
) -> None:
    copies = held(store, 4, 5)
    copies[0] = HeldCopy(4, copies[0].content, None, "record schema not known here")
    assert take_back(restored, 3, copies) == 2
    problems = sync_state.sync_problems(restored)
    assert [(p.seq, p.state, p.detail) for p in problems] == [
        (4, "rejected", "record schema not known here")
    ]


def test_only_records_the_central_vouches_for_are_taken(store: Store, restored: Store) -> None:
    copies = held(store, 4, 5)
    copies[1] = HeldCopy(5, copies[1].content, None)
    assert take_back(restored, 3, copies) == 1
    assert chain_head(restored)[0] == 4
    assert take_back(restored, 4, held(store, 5, 5, hashes=False)) == 0
    assert chain_head(restored)[0] == 4


def test_a_forked_database_takes_nothing_back(store: Store, restored: Store) -> None:
    save(restored, 1)  # #4 again, another traveller: the history forked
    with pytest.raises(NotTakenBack, match="does not continue this database's audit chain"):
        take_back(restored, 4, held(store, 5, 5))
    assert chain_head(restored)[0] == 4


def test_what_the_central_vouches_for_before_its_history_forks_is_taken_back(
    store: Store, restored: Store
) -> None:
    # The central's #5 is another copy's record under the same number: its chain hash is
    # not this chain's. #4 is vouched for, and comes back; #5 is where it stops.
    copies = held(store, 4, 5)
    forked = copies[1].content.replace(b"LATER", b"OTHER")
    copies[1] = HeldCopy(5, forked, chain_hash(copies[0].chain_hash or b"", forked + b" "))
    assert take_back(restored, 3, copies) == 1
    assert chain_head(restored)[0] == 4
    with pytest.raises(NotTakenBack, match=r"record #5 does not continue .* another history"):
        take_back(restored, 4, copies[1:])
    assert chain_head(restored)[0] == 4
    assert verify_chain(restored).intact


def test_a_database_that_moved_on_meanwhile_takes_nothing_back(
    store: Store, restored: Store
) -> None:
    with pytest.raises(NotTakenBack, match="last record is #3, not #2"):
        take_back(restored, 2, held(store, 3, 5))
    assert chain_head(restored)[0] == 3


@pytest.mark.parametrize(
    "spoil",
    [
        lambda c: HeldCopy(c.seq + 1, c.content, c.chain_hash),  # out of its place
        lambda c: HeldCopy(c.seq, c.content.replace(b"LATER", b"OTHER"), c.chain_hash),
        lambda c: HeldCopy(c.seq, b"\x00 not json", None),
    ],
    ids=["wrong place", "edited", "garbage"],
)
def test_spoiled_copies_change_nothing(store: Store, restored: Store, spoil: object) -> None:
    copies = held(store, 4, 5)
    copies[0] = spoil(copies[0])  # type: ignore[operator]
    with pytest.raises(NotTakenBack):
        take_back(restored, 3, copies)
    assert chain_head(restored)[0] == 3
    assert verify_chain(restored).intact


def test_a_record_of_another_workstation_is_not_taken(store: Store, restored: Store) -> None:
    copies = held(store, 4, 4)
    other = copies[0].content.replace(b'"workstation_id":"', b'"workstation_id":"X')
    previous = bytes.fromhex(chain_head(restored)[1])
    forged = HeldCopy(4, other, chain_hash(previous, other))
    with pytest.raises(NotTakenBack, match="not a record of this workstation"):
        take_back(restored, 3, [forged])
    assert chain_head(restored)[0] == 3


def test_records_taken_back_leave_a_stopped_search_index_to_db_reindex(
    store: Store, restored: Store
) -> None:
    # Saves stopped writing the index when it was found damaged: taking back does too.
    search_index.stop(restored, "found damaged")
    before = search_index.stopped(restored.conn)
    assert take_back(restored, 3, held(store, 4, 5)) == 2
    assert verify_chain(restored).intact
    assert search_index.stopped(restored.conn) == before
    assert 4 not in indexed_terms(restored.conn) and 5 not in indexed_terms(restored.conn)
    search_index.rebuild(restored)
    found = history.page(restored, history.HistoryFilter(text="LATER"))
    assert [row.seq for row in found.rows] == [5, 4]
