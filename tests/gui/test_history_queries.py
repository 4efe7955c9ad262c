"""The Qt-free history queries behind the history screen (no QApplication needed)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from inspection_client.domain.codes import CaptureMethod, Decision, Direction
from inspection_client.domain.models import Amendment, PassengerClearance, TravelDocument
from inspection_client.store import history, records
from inspection_client.store.database import Store
from inspection_client.store.history import HistoryFilter


def _clearance(
    number: str, surname: str, direction: Direction = Direction.ENTRY
) -> PassengerClearance:
    return PassengerClearance(
        direction=direction,
        decision=Decision.CLEARED,
        document=TravelDocument(
            document_code="P",
            issuing_state="KGZ",
            number=number,
            surname=surname,
            nationality="KGZ",
            capture=CaptureMethod.TYPED_FIELDS,
        ),
    )


@pytest.fixture
def filled(store: Store) -> Store:
    drafts = [
        records.Draft(
            _clearance(
                f"AC{i:06d}",
                "ASANOV" if i % 3 else "ISAKOV",
                Direction.EXIT if i % 2 else Direction.ENTRY,
            ),
            "OFF1",
        )
        for i in range(120)
    ]
    records.save_many(store, drafts)
    return store


@pytest.mark.parametrize("dense", [False, True])
def test_prefix_filter_pages_newest_first(
    filled: Store, monkeypatch: pytest.MonkeyPatch, dense: bool
) -> None:
    if dense:  # force the walk over the records that short prefixes use
        monkeypatch.setattr(history, "_DENSE_MATCHES", 5)
    first = history.page(filled, HistoryFilter(text="isak"), limit=25)
    assert len(first.rows) == 25 and first.more
    assert all(row.who == "ISAKOV" for row in first.rows)
    second = history.page(filled, HistoryFilter(text="isak"), before_seq=first.last_seq, limit=25)
    seqs = [r.seq for r in first.rows + second.rows]
    assert seqs == sorted(seqs, reverse=True) and len(set(seqs)) == 40 and not second.more
    assert [r.document for r in history.page(filled, HistoryFilter(text="ac-000007")).rows] == [
        "P KGZ AC000007"
    ]


def test_direction_and_date_filters(filled: Store) -> None:
    exits = history.page(filled, HistoryFilter(direction=Direction.EXIT), limit=500).rows
    assert len(exits) == 60 and {r.direction for r in exits} == {"exit"}
    assert history.page(filled, HistoryFilter(date_to=date.today() - timedelta(days=1))).rows == []
    assert len(history.today_at_lane(filled, limit=500)) == 120


def test_an_amended_record_shows_and_is_found_as_corrected(filled: Store) -> None:
    original = history.page(filled, HistoryFilter(text="AC000005")).rows[0]
    fixed = _clearance("AC000005", "TOKTOGULOV")
    from inspection_client.domain.codes import Role
    from inspection_client.domain.models import Officer
    from inspection_client.store import officers

    officers.add_officer(filled, Officer(code="SUP1", name="S", role=Role.SUPERVISOR), "9999")
    records.save(
        filled,
        Amendment(
            target_id=original.record_id, reason="typo", approved_by="SUP1", replacement=fixed
        ),
        officer="OFF1",
    )
    rows = history.page(filled, HistoryFilter(text="toktog")).rows
    assert [(r.record_id, r.who, r.state) for r in rows] == [
        (original.record_id, "TOKTOGULOV", "amended")
    ]


@pytest.mark.parametrize("dense", [False, True])
def test_terms_with_punctuation_and_letters_beyond_ascii_are_found_by_their_prefixes(
    store: Store, monkeypatch: pytest.MonkeyPatch, dense: bool
) -> None:
    if dense:
        monkeypatch.setattr(history, "_DENSE_MATCHES", 1)
    names = ["O'BRIEN", "ÖZTÜRK", 'Д"АРТАН', "A(B)C", "ANNA"]
    saved = records.save_many(
        store,
        [records.Draft(_clearance(f"PX{i:04d}", name), "OFF1") for i, name in enumerate(names)],
    )
    seq_of = {name: record.seq for name, record in zip(names, saved, strict=True)}

    def found(text: str) -> list[int]:
        return [row.seq for row in history.page(store, HistoryFilter(text=text)).rows]

    assert found("o'b") == [seq_of["O'BRIEN"]]  # the apostrophe is part of the term
    assert found("brien") == []  # a prefix of the term, not of a piece of it
    assert found("öz") == [seq_of["ÖZTÜRK"]]
    assert found('д"а') == [seq_of['Д"АРТАН']]
    assert found("a(") == [seq_of["A(B)C"]]
    assert found("A") == [seq_of["ANNA"], seq_of["A(B)C"]]
    assert found("px 0001") == [seq_of["ÖZTÜRK"]]  # the separator goes, as when saved


def test_any_text_in_the_filter_box_gives_a_page(filled: Store) -> None:
    # Quotes, stars, brackets, the index's own syntax and control characters are all text.
    texts = ['"', '""', "*", 'a" OR "b', "NEAR(a b)", "a AND b", "^a", ":", "'", "as*"]
    texts.append("".join(map(chr, range(1, 128))))
    for text in texts:
        assert history.page(filled, HistoryFilter(text=text)).rows == [], text
    assert len(history.page(filled, HistoryFilter(text="as\x00an")).rows) == 80
    for nothing_to_match in ("\x00\x01", " - ", "\t"):  # the box is as good as empty
        assert len(history.page(filled, HistoryFilter(text=nothing_to_match)).rows) == 120
