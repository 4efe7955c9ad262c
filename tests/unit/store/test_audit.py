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
    assert report.problem.startswith("record 3 (")
    assert "was edited after it was saved" in report.problem
    assert "which entry 4 confirms" in report.problem
    assert report.checked == 2 and report.head_seq == 2


def test_edited_decision_column_is_detected(filled: Store) -> None:
    _tamper(filled, "UPDATE records SET decision = 'refused' WHERE seq = 2")
    report = verify_chain(filled)
    assert not report.intact and report.broken_at == 2


def test_deleted_record_is_detected(filled: Store) -> None:
    _tamper(filled, "DELETE FROM audit_chain WHERE seq = 4")
    _tamper(filled, "DELETE FROM records WHERE seq = 4")
    report = verify_chain(filled)
    assert not report.intact and report.broken_at == 4
    assert report.problem == "record 4 is missing (next is 5)."


def test_deleted_last_record_is_detected_by_the_orphan_audit_entry(filled: Store) -> None:
    _tamper(filled, "DELETE FROM records WHERE seq = 5")
    report = verify_chain(filled)
    assert not report.intact and report.broken_at == 5


def test_edited_stored_hash_is_named_as_such_not_as_an_edited_record(filled: Store) -> None:
    _tamper(filled, "UPDATE audit_chain SET hash = ? WHERE seq = 2", bytes(32))
    report = verify_chain(filled)
    assert not report.intact and report.broken_at == 2
    assert report.problem.startswith("the stored hash of audit entry 2 was edited")
    assert "record 2" in report.problem and "entry 3" in report.problem


def test_edited_content_of_the_newest_record_names_both_possible_edits(filled: Store) -> None:
    content = filled.conn.execute("SELECT content FROM records WHERE seq = 5").fetchone()[0]
    _tamper(filled, "UPDATE records SET content = ? WHERE seq = 5", content + b" ")
    report = verify_chain(filled)
    assert not report.intact and report.broken_at == 5
    assert "does not match the stored hash of audit entry 5" in report.problem
    assert "newest entry" in report.problem


def test_record_and_stored_hash_both_edited(filled: Store) -> None:
    content = filled.conn.execute("SELECT content FROM records WHERE seq = 3").fetchone()[0]
    _tamper(filled, "UPDATE records SET content = ? WHERE seq = 3", content + b" ")
    _tamper(filled, "UPDATE audit_chain SET hash = ? WHERE seq = 3", bytes(32))
    report = verify_chain(filled)
    assert not report.intact and report.broken_at == 3
    assert "were both edited" in report.problem and "record 3" in report.problem


def test_edited_prev_hash_of_an_audit_entry_is_named(filled: Store) -> None:
    _tamper(filled, "UPDATE audit_chain SET prev_hash = ? WHERE seq = 3", bytes(32))
    report = verify_chain(filled)
    assert not report.intact and report.broken_at == 3
    assert report.problem.startswith("the prev-hash stored in audit entry 3 was edited")


def test_audit_entry_with_both_hashes_edited(filled: Store) -> None:
    _tamper(
        filled, "UPDATE audit_chain SET prev_hash = ?, hash = ? WHERE seq = 3", bytes(32), bytes(32)
    )
    report = verify_chain(filled)
    assert not report.intact and report.broken_at == 3
    assert "its prev-hash and its hash were both edited" in report.problem


def test_record_rewritten_with_its_hash_is_blamed_not_the_entry_after_it(
    filled: Store,
) -> None:
    # Whoever edits a record and recomputes its hash leaves the next entry's prev-hash.
    content = filled.conn.execute("SELECT content FROM records WHERE seq = 3").fetchone()[0]
    edited = content.replace(b"KHAN", b"KHAM")
    before = filled.conn.execute("SELECT hash FROM audit_chain WHERE seq = 2").fetchone()[0]
    _tamper(filled, "UPDATE records SET content = ? WHERE seq = 3", edited)
    _tamper(
        filled,
        "UPDATE audit_chain SET hash = ? WHERE seq = 3",
        chain_hash(bytes(before), edited),
    )
    report = verify_chain(filled)
    assert not report.intact and report.broken_at == 3
    assert report.problem.startswith("record 3 and its audit entry were rewritten together")
    assert report.checked == 2 and report.head_seq == 2
    assert report.head == bytes(before).hex()


def test_reordered_records_are_named(filled: Store) -> None:
    _tamper(filled, "UPDATE records SET seq = -2 WHERE seq = 2")
    _tamper(filled, "UPDATE records SET seq = 2 WHERE seq = 3")
    _tamper(filled, "UPDATE records SET seq = 3 WHERE seq = -2")
    report = verify_chain(filled)
    assert not report.intact and report.broken_at == 2
    assert "was saved as record 3" in report.problem and "reordered" in report.problem


def test_reordered_audit_entries_are_named(filled: Store) -> None:
    _tamper(filled, "UPDATE audit_chain SET seq = -2 WHERE seq = 2")
    _tamper(filled, "UPDATE audit_chain SET seq = 2 WHERE seq = 3")
    _tamper(filled, "UPDATE audit_chain SET seq = 3 WHERE seq = -2")
    report = verify_chain(filled)
    assert not report.intact and report.broken_at == 2
    assert "audit entry 2 follows entry 3, not entry 1" in report.problem


def test_deleted_audit_entry_is_named(filled: Store) -> None:
    _tamper(filled, "DELETE FROM audit_chain WHERE seq = 3")
    report = verify_chain(filled)
    assert not report.intact and report.broken_at == 3
    assert report.problem == "record 3 has no audit entry."


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
    assert report.problem == "record 6 has no audit entry."


def test_inserted_record_with_a_made_up_audit_entry_is_named(filled: Store) -> None:
    row = filled.conn.execute("SELECT * FROM records WHERE seq = 5").fetchone()
    _tamper(
        filled,
        "INSERT INTO records VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        6,
        "11111111-1111-4111-8111-111111111111",
        *row[2:],
    )
    _tamper(filled, "INSERT INTO audit_chain VALUES (6, ?, ?)", bytes(32), bytes(32))
    report = verify_chain(filled)
    assert not report.intact and report.broken_at == 6
    assert "was saved as record 5" in report.problem


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
