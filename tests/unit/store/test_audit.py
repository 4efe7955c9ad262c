"""The audit chain notices every kind of silent edit of the log."""

from __future__ import annotations

import pytest

from inspection_client.domain.canonical import GENESIS_HASH, chain_hash
from inspection_client.store import records
from inspection_client.store.audit import chain_head, verify_chain
from inspection_client.store.database import Store
from tests.factories import passenger


@pytest.fixture
def filled(store: Store) -> Store:
    for _ in range(5):
        records.save(store, passenger(), officer="OFF01")
    return store


def _tamper(store: Store, sql: str, *params: object) -> None:
    store.conn.execute("PRAGMA foreign_keys = OFF")
    store.conn.execute(sql, params)


def test_intact_chain_reports_its_head(filled: Store) -> None:
    report = verify_chain(filled)
    assert report.intact and report.checked == 5 and report.head_seq == 5
    assert report.head == chain_head(filled)[1]


def test_chain_follows_the_documented_formula(filled: Store) -> None:
    previous = GENESIS_HASH
    for (content,) in filled.conn.execute("SELECT content FROM records ORDER BY seq"):
        previous = chain_hash(previous, bytes(content))
    assert previous.hex() == chain_head(filled)[1]


def test_edited_record_content_is_detected(filled: Store) -> None:
    content = filled.conn.execute("SELECT content FROM records WHERE seq = 3").fetchone()[0]
    _tamper(
        filled, "UPDATE records SET content = ? WHERE seq = 3", content.replace(b"KHAN", b"KHAM")
    )
    report = verify_chain(filled)
    assert not report.intact and report.broken_at == 3
    assert "differs" in report.problem


def test_edited_decision_column_is_detected(filled: Store) -> None:
    _tamper(filled, "UPDATE records SET decision = 'refused' WHERE seq = 2")
    report = verify_chain(filled)
    assert not report.intact and report.broken_at == 2


def test_deleted_record_is_detected(filled: Store) -> None:
    _tamper(filled, "DELETE FROM audit_chain WHERE seq = 4")
    _tamper(filled, "DELETE FROM records WHERE seq = 4")
    report = verify_chain(filled)
    assert not report.intact and report.broken_at == 4 and "missing" in report.problem


def test_deleted_last_record_is_detected_by_the_orphan_audit_entry(filled: Store) -> None:
    _tamper(filled, "DELETE FROM records WHERE seq = 5")
    report = verify_chain(filled)
    assert not report.intact and report.broken_at == 5


def test_edited_audit_entry_is_detected(filled: Store) -> None:
    _tamper(filled, "UPDATE audit_chain SET hash = ? WHERE seq = 2", bytes(32))
    report = verify_chain(filled)
    assert not report.intact and report.broken_at == 2


def test_inserted_record_is_detected(filled: Store) -> None:
    row = filled.conn.execute("SELECT * FROM records WHERE seq = 5").fetchone()
    _tamper(
        filled,
        "INSERT INTO records VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        6,
        "11111111-1111-4111-8111-111111111111",
        *row[2:],
    )
    report = verify_chain(filled)
    assert not report.intact and report.broken_at == 6


def test_open_warns_about_a_broken_tail_but_keeps_working(filled: Store) -> None:
    _tamper(filled, "UPDATE audit_chain SET prev_hash = ? WHERE seq = 5", bytes(32))
    with Store.open(filled.path) as reopened:
        assert any("audit chain" in warning for warning in reopened.warnings)
        assert records.save(reopened, passenger(), officer="OFF01").seq == 6


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("officer", "SUP99"),
        ("recorded_at", "2020-01-01T00:00:00+00:00"),
        ("kind", "vehicle"),
        ("shift_id", "22222222-2222-4222-8222-222222222222"),
    ],
)
def test_edited_query_column_is_detected(filled: Store, column: str, value: str) -> None:
    _tamper(filled, f"UPDATE records SET {column} = ? WHERE seq = 1", value)
    report = verify_chain(filled)
    assert not report.intact and report.broken_at == 1
