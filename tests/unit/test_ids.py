"""Time-ordered record ids (UUID version 7)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st

from inspection_client.domain.ids import IdMaker, new_id, short_id
from inspection_client.seeding.population import CHINA_TIME


def _milliseconds(value: uuid.UUID) -> int:
    return value.int >> 80


def test_an_id_is_a_version_7_uuid_filed_under_its_millisecond() -> None:
    at = datetime(2026, 12, 4, 9, 30, 15, 123_456, tzinfo=CHINA_TIME)
    made = new_id(at)
    assert made.version == 7 and made.variant == uuid.RFC_4122
    assert _milliseconds(made) == int(at.timestamp() * 1000)
    assert str(made).startswith(f"{int(at.timestamp() * 1000):012x}"[:8])


def test_ids_made_later_sort_later_and_ids_of_one_millisecond_differ() -> None:
    at = datetime(2026, 12, 4, 9, 30, tzinfo=UTC)
    same = {new_id(at) for _ in range(1000)}
    assert len(same) == 1000  # 74 random bits each
    later = new_id(at + timedelta(milliseconds=1))
    assert all(str(earlier) < str(later) for earlier in same)
    assert all(earlier < later for earlier in same)


def test_an_id_without_a_time_is_made_now() -> None:
    before = datetime.now(UTC)
    made = new_id()
    after = datetime.now(UTC)
    assert int(before.timestamp() * 1000) <= _milliseconds(made) <= int(after.timestamp() * 1000)


def test_a_clock_before_1970_is_filed_at_the_start() -> None:
    made = new_id(datetime(1969, 7, 20, tzinfo=UTC))
    assert _milliseconds(made) == 0 and made.version == 7


@given(st.datetimes(timezones=st.just(timezone(timedelta(hours=8)))))
def test_the_bulk_maker_writes_what_new_id_would(at: datetime) -> None:
    milliseconds = max(int(at.timestamp() * 1000), 0)
    maker = IdMaker()
    maker.milliseconds = milliseconds
    text = maker.next()
    parsed = uuid.UUID(text)
    assert str(parsed) == text  # lower case, hyphens where `str(UUID)` puts them
    assert parsed.version == 7 and parsed.variant == uuid.RFC_4122
    assert _milliseconds(parsed) == _milliseconds(new_id(at)) == milliseconds


def test_the_bulk_maker_never_repeats_itself() -> None:
    maker = IdMaker()
    maker.milliseconds = 1_780_000_000_000
    made = [maker.next() for _ in range(10_000)]  # more than one draw of randomness
    maker.milliseconds = 1_780_000_000_001
    assert all(text < maker.next() for text in made)
    assert len(set(made)) == len(made)
    assert all(uuid.UUID(text).version == 7 for text in made)
    # Random bits are random: each hex digit of the random part takes every value.
    for position in (15, 21, 30, 35):
        assert len({text[position] for text in made}) == 16


def test_the_short_form_of_an_id_is_its_random_end() -> None:
    at = datetime(2026, 12, 4, 9, 30, tzinfo=UTC)
    first, second = new_id(at), new_id(at)
    assert short_id(first) == str(first)[-8:] == short_id(str(first))
    assert short_id(first) != short_id(second)  # where the first 8 characters are the same
    assert str(first)[:8] == str(second)[:8]
