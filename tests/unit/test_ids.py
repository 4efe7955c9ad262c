"""Record and shift ids: version 7 UUIDs that begin with their time and are otherwise random."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from inspection_client.domain.codes import Direction
from inspection_client.domain.ids import id_prefix, new_id, random_id_ends
from inspection_client.store import records, shifts
from inspection_client.store.database import Store
from tests.factories import passenger


def _ms(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


def test_a_new_id_is_version_7_with_the_time_it_was_made_for() -> None:
    moment = datetime(2026, 12, 6, 9, 30, 15, 123000, tzinfo=UTC)
    made = new_id(moment)
    assert made.version == 7 and made.variant == uuid.RFC_4122
    assert made.int >> 80 == _ms(moment)


def test_a_new_id_without_a_time_has_the_time_now() -> None:
    before = _ms(datetime.now(UTC))
    made = new_id()
    assert before <= made.int >> 80 <= _ms(datetime.now(UTC))


def test_ids_of_one_moment_differ_and_ids_sort_as_their_times() -> None:
    start = datetime(2026, 1, 1, tzinfo=UTC)
    same = {new_id(start) for _ in range(10_000)}
    assert len(same) == 10_000
    times = [start + timedelta(milliseconds=step) for step in range(0, 5_000, 7)]
    texts = [str(new_id(moment)) for moment in times]
    assert texts == sorted(texts)


def test_a_wrong_clock_still_gives_an_id() -> None:
    for moment in (datetime(1960, 1, 1, tzinfo=UTC), datetime(9999, 12, 31, tzinfo=UTC)):
        made = new_id(moment)
        assert made.version == 7 and made.variant == uuid.RFC_4122


def test_the_seeders_ids_are_version_7_text_as_str_writes_it() -> None:
    ends = random_id_ends()
    moment = _ms(datetime(2026, 6, 1, 8, tzinfo=UTC))
    texts = [id_prefix(moment) + next(ends) for _ in range(10_000)]  # several random blocks
    assert len(set(texts)) == len(texts)
    variants = set()
    for text in texts:
        parsed = uuid.UUID(text)
        assert str(parsed) == text
        assert parsed.version == 7 and parsed.variant == uuid.RFC_4122
        assert parsed.int >> 80 == moment
        variants.add(text[19])
    assert variants == set("89ab")


def test_records_and_shifts_saved_at_the_lane_get_version_7_ids(store: Store) -> None:
    shift = shifts.open_shift(store, "OFF01", Direction.ENTRY)
    before = _ms(datetime.now(UTC))
    saved = records.save(store, passenger(), officer="OFF01", shift_id=shift.shift_id)
    assert shift.shift_id.version == saved.id.version == 7
    assert before <= saved.id.int >> 80 <= _ms(datetime.now(UTC))
