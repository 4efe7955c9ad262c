"""The fast paths give exactly what the plain ones give: bytes, verdicts and seeded traffic."""

from __future__ import annotations

import pickle
import string
import uuid
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from inspection_client.domain.canonical import (
    body_bytes,
    chain_hash,
    record_bytes,
    record_bytes_with_body,
)
from inspection_client.domain.codes import Decision, Direction
from inspection_client.domain.container import container_is_canonical, validate_container
from inspection_client.domain.declaration import declaration_is_canonical, validate_declaration
from inspection_client.domain.models import (
    Amendment,
    Record,
    RecordBody,
    ShiftClosed,
    ShiftOpened,
    Void,
)
from inspection_client.domain.vin import validate_vin, vin_is_canonical
from inspection_client.seeding import seed
from inspection_client.store import records
from inspection_client.store.audit import verify_chain
from inspection_client.store.database import Store
from inspection_client.store.records import Draft
from tests.conftest import TEST_WORKSTATION
from tests.factories import passenger, traffic_without_ids, truck

TIMES = (
    datetime(2026, 11, 24, 8, 0, tzinfo=UTC),
    datetime(2026, 11, 24, 8, 0, 0, 120, tzinfo=timezone(timedelta(hours=8))),
    datetime(2026, 1, 2, 23, 59, 59, 999999, tzinfo=timezone(timedelta(hours=-3, minutes=-30))),
    datetime(2026, 6, 30, 12, 0, tzinfo=timezone(timedelta(hours=5, minutes=45))),
)


def _bodies() -> list[RecordBody]:
    target = uuid.uuid4()
    return [
        passenger(),
        passenger(Decision.REFUSED, direction=Direction.EXIT, remarks='"quoted" \\ 新疆 \u2028'),
        truck(),
        Amendment(target_id=target, reason="wrong plate", approved_by="sup01", replacement=truck()),
        Void(target_id=target, reason="entered twice", approved_by="SUP01"),
        ShiftOpened(lane_id="L01", direction=Direction.ENTRY),
        ShiftClosed(occurrences="printer jammed at 14:05; 行李 «x»"),
    ]


def test_spliced_record_bytes_equal_the_canonical_bytes() -> None:
    checked = 0
    for body in _bodies():
        for at in TIMES:
            for shift_id in (None, uuid.uuid4()):
                record = Record(
                    id=uuid.uuid4(),
                    workstation_id="KHG-L01",
                    seq=123_456,
                    recorded_at=at,
                    officer="off01",
                    shift_id=shift_id,
                    body=body,
                )
                assert record_bytes_with_body(record, body_bytes(body)) == record_bytes(record)
                checked += 1
    assert checked == 7 * 4 * 2


def test_prepared_drafts_save_the_canonical_bytes_even_after_pickling(store: Store) -> None:
    saved = records.save(store, passenger(), officer="OFF01")
    drafts = [
        Draft(passenger(), "off01", uuid.uuid4(), TIMES[1]),
        Draft(truck(), "OFF01", None, TIMES[2], uuid.uuid4()),
    ]
    workstation_id = TEST_WORKSTATION.workstation_id
    shipped = pickle.loads(pickle.dumps([records.prepare(d, workstation_id) for d in drafts]))
    assert all(p.record is None for p in shipped)  # the model object does not travel
    assert records.save_many(store, shipped, return_records=False) == []
    # Made anew: a prepared draft carries its record id, so it can be saved only once.
    prepared = [
        records.prepare(Draft(d.body, d.officer, d.shift_id), workstation_id) for d in drafts
    ]
    again = records.save_many(store, prepared)
    assert [r.seq for r in again] == [saved.seq + 3, saved.seq + 4]

    rows = store.conn.execute("SELECT seq, id, content FROM records ORDER BY seq").fetchall()
    assert len(rows) == 5
    for seq, record_id, content in rows:
        record = records.parse_content(bytes(content))
        assert record.seq == seq and str(record.id) == record_id
        assert record_bytes(record) == bytes(content)
    assert verify_chain(store).intact
    outbox = [seq for (seq,) in store.conn.execute("SELECT seq FROM outbox ORDER BY seq")]
    assert outbox == [row[0] for row in rows]


def test_records_returned_by_save_many_match_what_was_stored(store: Store) -> None:
    saved = records.save_many(store, [Draft(body, "OFF01") for body in _bodies()[:3]])
    for record in saved:
        (content,) = store.conn.execute(
            "SELECT content FROM records WHERE seq = ?", (record.seq,)
        ).fetchone()
        assert record_bytes(record) == bytes(content)
    previous = bytes(32)
    for record in saved:
        previous = chain_hash(previous, record_bytes(record))
    head = store.conn.execute("SELECT hash FROM audit_chain ORDER BY seq DESC LIMIT 1").fetchone()
    assert head[0] == previous


def test_seeding_in_worker_processes_gives_the_same_traffic(tmp_path: Path) -> None:
    def contents(name: str, workers: int) -> list[dict[str, object]]:
        with Store.open(tmp_path / name) as store:
            summary = seed(
                store, clearances=600, days=3, seed_value=3, today=date(2026, 3, 1), workers=workers
            )
            assert summary.records == 600 + 3 * 6
            assert verify_chain(store).intact
            return traffic_without_ids([bytes(c) for _s, c in records.iter_all(store)])

    assert contents("here.db", 0) == contents("pooled.db", 2)


VIN_CHARACTERS = set(string.ascii_uppercase + string.digits) - set("IOQ")
VALUES = dict(
    zip("ABCDEFGHJKLMNPRSTUVWXYZ", (*range(1, 9), *range(1, 6), 7, 9, *range(2, 10)), strict=True)
)
VALUES |= {digit: int(digit) for digit in string.digits}


def _vin_is_valid(value: str) -> bool:
    vin = value.strip().translate(str.maketrans(string.ascii_lowercase, string.ascii_uppercase))
    if len(vin) != 17 or not set(vin) <= VIN_CHARACTERS:
        return False
    if vin[0] not in "12345L":
        return True
    weights = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
    remainder = sum(VALUES[c] * w for c, w in zip(vin, weights, strict=True)) % 11
    return vin[8] == ("X" if remainder == 10 else str(remainder))


@settings(max_examples=400)
@given(
    st.text(alphabet="LSV1WXZ0123456789ABCDEFGHJKIOQ xé", min_size=15, max_size=19)
    | st.builds(
        lambda head, tail: head + tail,
        st.sampled_from(["LSV", "1M8", "WVW", "L"]),
        st.text(alphabet="0123456789ABCX", min_size=14, max_size=14),
    )
)
def test_vin_verdicts(value: str) -> None:
    result = validate_vin(value)
    assert result.valid == _vin_is_valid(value)
    assert result.valid == (not result.errors)
    # The quick yes holds exactly for valid VINs already in their stored form.
    assert vin_is_canonical(value) == (result.valid and result.value == value)


def _container_is_valid(value: str) -> bool:
    code = value.strip().upper().replace(" ", "").replace("-", "").replace("\t", "")
    letters = set(string.ascii_uppercase)
    if len(code) != 11 or not (set(code[:3]) <= letters and code[3] in "UJZ"):
        return False
    if not set(code[4:]) <= set(string.digits):
        return False
    worth = {}
    number = 10
    for letter in string.ascii_uppercase:
        number += number % 11 == 0
        worth[letter] = number
        number += 1
    worth |= {digit: int(digit) for digit in string.digits}
    total = sum(worth[c] * 2**i for i, c in enumerate(code[:10]))
    return code[10] == str(total % 11 % 10)


@settings(max_examples=400)
@given(
    st.builds(
        lambda owner, serial: owner + serial,
        st.sampled_from(["CSQU", "MSKU", "tghu", "ABCJ", "ABCX", "AB1U"]),
        st.text(alphabet="0123456789", min_size=7, max_size=7),
    )
    | st.text(alphabet="CSQUMK0123456789 -٣", min_size=9, max_size=13)
)
def test_container_verdicts(value: str) -> None:
    result = validate_container(value)
    assert result.valid == _container_is_valid(value)
    assert result.valid == (not result.errors)
    assert container_is_canonical(value) == (result.valid and result.value == value)


@settings(max_examples=400)
@given(
    st.builds(
        lambda office, year, flag, serial: office + year + flag + serial,
        st.sampled_from(["6523", "0000", "1234", "٦٥٢٣"]),
        st.sampled_from(["2026", "2027", "2028", "1989", "1990"]),
        st.sampled_from(["0", "1", "2"]),
        st.text(alphabet="0123456789", min_size=8, max_size=10),
    )
    | st.text(alphabet="0123456789 -x", min_size=16, max_size=20)
)
def test_declaration_quick_yes_agrees_with_the_full_check(value: str) -> None:
    today = date(2026, 11, 25)
    result = validate_declaration(value, today=today)
    quick = declaration_is_canonical(value, today=today)
    assert quick == (result.valid and result.value == value)
