"""Guessable PINs refused, locks that grow, the accounts' history, the end of a session."""

from __future__ import annotations

import re
import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from inspection_client.domain.codes import Role
from inspection_client.domain.models import Officer
from inspection_client.domain.pins import guessable
from inspection_client.errors import InputError
from inspection_client.store import account_history, officers
from inspection_client.store.account_history import Via
from inspection_client.store.database import Store
from inspection_client.store.errors import StoreError

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)


@pytest.fixture
def with_officer(store: Store) -> Store:
    officers.add_officer(store, Officer(code="OFF01", name="Li Wei"), "2468")
    officers.add_officer(store, Officer(code="SUP01", name="S", role=Role.SUPERVISOR), "5826")
    return store


# -- guessable PINs ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pin", "why"),
    [
        ("1111", "repeats one digit"),
        ("000000", "repeats one digit"),
        ("1212", "group of digits"),
        ("123123", "group of digits"),
        ("1234", "digits in a row"),
        ("4321", "digits in a row"),
        ("7890", "digits in a row"),
        ("123456789012", "digits in a row"),
        ("2580", "most common"),
        ("1122", "most common"),
        ("1004", "most common"),
        ("4711", "digits of the account code"),
        ("47110", "digits of the account code"),
    ],
)
def test_guessable_pins_are_refused_saying_why(store: Store, pin: str, why: str) -> None:
    officer = Officer(code="KHG4711", name="Ma Lin")
    with pytest.raises(InputError, match=why):
        officers.new_officer(store, officer, pin, by="it", via=Via.COMMAND_LINE)
    assert officers.get_account(store, "KHG4711") is None


@pytest.mark.parametrize("pin", ["2468", "1357", "8642", "1985", "2031", "5826", "97531"])
def test_pins_far_down_the_lists_are_accepted(pin: str) -> None:
    # The demo's 2468 and 1357 pass the rule itself: no exemption is needed for them.
    assert guessable(pin, "DEMO01") is None


def test_a_new_pin_is_held_to_the_same_rule(with_officer: Store) -> None:
    with pytest.raises(InputError, match="digits in a row"):
        officers.set_pin(with_officer, "OFF01", "9876", by="it", via=Via.COMMAND_LINE)
    assert officers.check_pin(with_officer, "OFF01", "2468").ok


def test_the_first_supervisor_is_held_to_the_same_rule(store: Store) -> None:
    supervisor = Officer(code="SUP9", name="First", role=Role.SUPERVISOR)
    with pytest.raises(InputError, match="repeats one digit"):
        officers.add_first_supervisor(store, supervisor, "9999")
    assert officers.get_account(store, "SUP9") is None


# -- locks that grow -----------------------------------------------------------------------


def _lock(store: Store, code: str, at: datetime) -> datetime | None:
    result = None
    for _ in range(officers.MAX_FAILURES):
        result = officers.check_pin(store, code, "0000", now=at)
    assert result is not None
    return result.locked_until


def test_each_lock_in_a_row_lasts_twice_the_one_before_up_to_a_cap(with_officer: Store) -> None:
    for code in ("OFF01", "NOBODY"):  # a code with no account: the same answers
        at, lengths = NOW, []
        for _ in range(7):
            until = _lock(with_officer, code, at)
            assert until is not None
            lengths.append(until - at)
            at = until + timedelta(seconds=1)
        minutes = [int(length.total_seconds() // 60) for length in lengths]
        assert minutes == [5, 10, 20, 40, 80, 120, 120], code


def test_the_attempts_left_say_how_long_the_next_lock_lasts(with_officer: Store) -> None:
    first = officers.check_pin(with_officer, "OFF01", "0000", now=NOW)
    assert first.next_lock == timedelta(minutes=5)
    until = _lock(with_officer, "OFF01", NOW)
    assert until is not None
    after = officers.check_pin(with_officer, "OFF01", "0000", now=until + timedelta(seconds=1))
    assert after.attempts_left == 4 and after.next_lock == timedelta(minutes=10)
    unknown = officers.check_pin(with_officer, "NOBODY", "0000", now=NOW)
    assert unknown.next_lock == timedelta(minutes=5)


def test_the_right_pin_or_a_new_one_starts_the_locks_over(with_officer: Store) -> None:
    until = _lock(with_officer, "OFF01", NOW)
    assert until is not None
    at = until + timedelta(seconds=1)
    assert officers.check_pin(with_officer, "OFF01", "2468", now=at).ok
    again = _lock(with_officer, "OFF01", at)
    assert again == at + timedelta(minutes=5)
    at = again + timedelta(seconds=1)
    assert _lock(with_officer, "OFF01", at) == at + timedelta(minutes=10)
    officers.set_pin(with_officer, "OFF01", "5937", by="it", via=Via.COMMAND_LINE)
    assert _lock(with_officer, "OFF01", NOW) == NOW + timedelta(minutes=5)


def test_a_lock_on_another_day_names_the_date(with_officer: Store) -> None:
    until = datetime(2026, 11, 25, 0, 30, tzinfo=UTC)
    text = officers.lock_end_text(until, now=until - timedelta(days=2))
    assert text == f"{until.astimezone():%Y-%m-%d %H:%M:%S}"
    assert officers.lock_end_text(until, now=until) == f"{until.astimezone():%H:%M:%S}"


# -- the accounts' history -----------------------------------------------------------------


def test_every_change_to_an_account_is_in_its_history(with_officer: Store) -> None:
    store = with_officer
    officer = Officer(code="OFF02", name="Wang Fang")
    assert officers.new_officer(store, officer, "5937", by="root", via=Via.COMMAND_LINE) is None
    officers.set_role(store, "OFF02", Role.SUPERVISOR, by="root", via=Via.COMMAND_LINE)
    _lock(store, "OFF02", datetime.now(UTC))
    officers.set_pin(store, "OFF02", "8264", by="root", via=Via.COMMAND_LINE)
    officers.disable_officer(store, "OFF02", by="root", via=Via.COMMAND_LINE)
    officers.set_pin(store, "OFF02", "7315", by="root", via=Via.COMMAND_LINE, enable=True)
    changes = account_history.changes(store, " off02 ")
    assert [(c.event, c.by, c.via) for c in changes] == [
        ("added", "root", "command line"),
        ("role-set", "root", "command line"),
        ("locked", None, "sign-in"),
        ("pin-set", "root", "command line"),
        ("unlocked", "root", "command line"),
        ("disabled", "root", "command line"),
        ("enabled", "root", "command line"),
    ]
    assert changes[1].detail == "officer -> supervisor"
    assert changes[2].detail.startswith("until ")
    # Never a PIN nor its hash, in any column of the history's rows.
    # Times are left out: their microseconds may hold any four digits.
    history = [
        re.sub(r"\d{4}-\d\d-\d\dT[\d:.]+(?:[+-]\d\d:\d\d)?", "<time>", repr(row))
        for row in store.conn.execute("SELECT * FROM account_history")
    ]
    assert any("<time>" in line for line in history)
    for pin in ("5937", "8264", "7315"):
        assert not any(pin in line for line in history)
    assert not any("scrypt$" in line for line in history)


def test_a_lock_on_a_code_with_no_account_is_in_the_history_too(store: Store) -> None:
    _lock(store, "NOBODY", NOW)
    (change,) = account_history.changes(store, "NOBODY")
    assert change.event == "locked" and "no account" in change.detail


def test_the_history_cannot_be_changed_or_deleted(with_officer: Store) -> None:
    officers.set_pin(with_officer, "OFF01", "5937", by="root", via=Via.COMMAND_LINE)
    for statement in ("UPDATE account_history SET by = 'x'", "DELETE FROM account_history"):
        with (
            pytest.raises((sqlite3.DatabaseError, StoreError), match="append-only"),
            with_officer.write() as conn,
        ):
            conn.execute(statement)
    assert len(account_history.changes(with_officer)) == 1


def test_the_demo_accounts_are_in_the_history_as_such(store: Store) -> None:
    officers.add_officer(store, Officer(code="DEMO01", name="D"), "2468", via=Via.DEMO_SETUP)
    (change,) = account_history.changes(store)
    assert (change.code, change.event, change.via) == ("DEMO01", "added", "demo setup")


# -- who may set up the first supervisor ---------------------------------------------------


def test_the_first_supervisor_only_on_a_lane_where_no_account_was_set_up(store: Store) -> None:
    # A roster brings accounts without a PIN: a newly enrolled lane may still be set up.
    officers.add_officer(store, Officer(code="ROST01", name="From the roster"), None)
    assert officers.first_setup_open(store)
    supervisor = Officer(code="SUP9", name="First", role=Role.SUPERVISOR)
    officers.add_first_supervisor(store, supervisor, "5826")
    assert not officers.first_setup_open(store)
    with pytest.raises(officers.SetupClosed, match="already been set up"):
        officers.add_first_supervisor(store, supervisor.model_copy(update={"code": "X9"}), "5826")
    assert officers.get_account(store, "X9") is None


def test_disabled_or_locked_accounts_keep_the_first_setup_closed(with_officer: Store) -> None:
    store = with_officer
    officers.disable_officer(store, "OFF01", by="it", via=Via.COMMAND_LINE)
    store.conn.execute("UPDATE officers SET active = 0, pin_hash = NULL")  # all of them
    assert not officers.can_sign_in(store)
    assert not officers.first_setup_open(store)


# -- the end of a session ------------------------------------------------------------------


def test_a_session_ends_with_a_disabled_account_or_a_new_pin(with_officer: Store) -> None:
    signed_in = officers.check_pin(with_officer, "OFF01", "2468")
    assert signed_in.stamp
    officers.require_signed_in(with_officer, "OFF01", signed_in.stamp)
    officers.set_pin(with_officer, "OFF01", "5937", by="it", via=Via.COMMAND_LINE)
    with pytest.raises(officers.SessionEnded, match="OFF01 is no longer signed in"):
        officers.require_signed_in(with_officer, "OFF01", signed_in.stamp)
    again = officers.check_pin(with_officer, "OFF01", "5937")
    officers.require_signed_in(with_officer, "OFF01", again.stamp)
    officers.disable_officer(with_officer, "OFF01", by="it", via=Via.COMMAND_LINE)
    with pytest.raises(officers.SessionEnded):
        officers.require_signed_in(with_officer, "OFF01", again.stamp)
    with pytest.raises(officers.SessionEnded):
        officers.require_signed_in(with_officer, "OFF01", None)


# -- locks forgotten after a quiet day -----------------------------------------------------


@pytest.mark.parametrize("code", ["OFF01", "NOBODY"])
def test_a_quiet_day_forgets_the_wrong_pins_and_the_locks_in_a_row(
    with_officer: Store, code: str
) -> None:
    at = NOW
    for _ in range(3):  # three locks in a row: the next would last 40 minutes
        until = _lock(with_officer, code, at)
        assert until is not None
        at = until + timedelta(seconds=1)
    wrong = officers.check_pin(with_officer, code, "0000", now=at)
    assert wrong.attempts_left == 4 and wrong.next_lock == timedelta(minutes=40)
    # Just under a day after that wrong PIN: still counted.
    almost = at + officers.FORGOTTEN_AFTER - timedelta(seconds=1)
    kept = officers.check_pin(with_officer, code, "0000", now=almost)
    assert kept.attempts_left == 3 and kept.next_lock == timedelta(minutes=40)
    # A day after the last wrong PIN: five tries again, and a five-minute lock.
    later = almost + officers.FORGOTTEN_AFTER
    fresh = officers.check_pin(with_officer, code, "0000", now=later)
    assert fresh.attempts_left == 4 and fresh.next_lock == timedelta(minutes=5)
    assert _lock(with_officer, code, later) == later + timedelta(minutes=5)


def test_a_lock_is_not_forgotten_while_it_lasts(with_officer: Store) -> None:
    until = _lock(with_officer, "OFF01", NOW)
    assert until is not None
    during = officers.check_pin(with_officer, "OFF01", "2468", now=until - timedelta(seconds=1))
    assert not during.ok and during.locked_until == until


# -- an officer's own new PIN --------------------------------------------------------------


def test_an_officer_changes_their_own_pin_and_stays_signed_in(with_officer: Store) -> None:
    signed_in = officers.check_pin(with_officer, "OFF01", "2468")
    changed = officers.change_own_pin(with_officer, "off01", "2468", "5937")
    assert changed.ok and changed.stamp and changed.stamp != signed_in.stamp
    officers.require_signed_in(with_officer, "OFF01", changed.stamp)
    with pytest.raises(officers.SessionEnded):
        officers.require_signed_in(with_officer, "OFF01", signed_in.stamp)
    assert officers.check_pin(with_officer, "OFF01", "5937").ok
    assert not officers.check_pin(with_officer, "OFF01", "2468").ok
    (change,) = account_history.changes(with_officer, "OFF01")
    assert (change.event, change.by, change.via) == ("pin-set", "OFF01", "window")


def test_a_wrong_current_pin_counts_towards_the_same_lock(with_officer: Store) -> None:
    for left in (4, 3, 2, 1):
        result = officers.change_own_pin(with_officer, "OFF01", "0000", "5937", now=NOW)
        assert not result.ok and result.attempts_left == left
    locked = officers.change_own_pin(with_officer, "OFF01", "0000", "5937", now=NOW)
    assert locked.locked_until == NOW + timedelta(minutes=5)
    # Locked: even the right PIN changes nothing until the lock ends, as at sign-in.
    again = officers.change_own_pin(with_officer, "OFF01", "2468", "5937", now=NOW)
    assert not again.ok
    assert officers.check_pin(with_officer, "OFF01", "2468").ok
    assert [c.event for c in account_history.changes(with_officer, "OFF01")] == ["locked"]


@pytest.mark.parametrize(
    ("new", "why"), [("1234", "digits in a row"), ("12a4", "4 to 12 digits"), ("2468", "same")]
)
def test_a_new_pin_of_ones_own_is_held_to_the_rule_and_costs_no_attempt(
    with_officer: Store, new: str, why: str
) -> None:
    with pytest.raises(InputError, match=why):
        officers.change_own_pin(with_officer, "OFF01", "2468", new, now=NOW)
    assert officers.check_pin(with_officer, "OFF01", "0000", now=NOW).attempts_left == 4
    assert account_history.changes(with_officer, "OFF01")[-1:] == []


def test_a_pin_set_by_it_meanwhile_is_not_overwritten(with_officer: Store) -> None:
    # IT sets a PIN between the current PIN's check and the change: the change is refused.
    real_check = officers.check_pin

    def check_then_it_sets_one(store: Store, code: str, pin: str, **kw: object) -> object:
        result = real_check(store, code, pin)
        officers.set_pin(store, "OFF01", "8264", by="it", via=Via.COMMAND_LINE)
        return result

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(officers, "check_pin", check_then_it_sets_one)
        with pytest.raises(officers.SessionEnded):
            officers.change_own_pin(with_officer, "OFF01", "2468", "5937")
    assert officers.check_pin(with_officer, "OFF01", "8264").ok


# -- the session checked inside the save's transaction --------------------------------------


def test_a_guard_runs_inside_each_write_and_undoes_it(with_officer: Store) -> None:
    from inspection_client.store import records
    from tests.factories import passenger

    store = with_officer
    signed_in = officers.check_pin(store, "OFF01", "2468")
    other = Store.open(store.path)  # the command line's own connection
    try:
        with store.guarding_writes(
            lambda: officers.require_signed_in(store, "OFF01", signed_in.stamp)
        ):
            records.save(store, passenger(), officer="OFF01")
            # The command line lands after any check made before the save, and before it.
            officers.disable_officer(other, "OFF01", by="it", via=Via.COMMAND_LINE)
            with pytest.raises(officers.SessionEnded):
                records.save(store, passenger(), officer="OFF01")
        records.save(store, passenger(), officer="OFF02")  # no guard outside the block
    finally:
        other.close()
    saved = store.conn.execute("SELECT officer FROM records ORDER BY seq").fetchall()
    assert saved == [("OFF01",), ("OFF02",)]
    assert not store.conn.in_transaction


# -- a supervisor gives an officer a new PIN -----------------------------------------------


@pytest.fixture
def lane(with_officer: Store) -> Store:
    store = with_officer
    officers.add_officer(store, Officer(code="SUP02", name="T", role=Role.SUPERVISOR), "7315")
    officers.add_officer(store, Officer(code="ADM01", name="A", role=Role.ADMIN), "9173")
    officers.add_officer(store, Officer(code="NEW01", name="From the roster"), None)
    officers.add_officer(store, Officer(code="OLD01", name="Gone"), "3816")
    officers.disable_officer(store, "OLD01", by="it", via=Via.COMMAND_LINE)
    return store


def _reset(store: Store, code: str, pin: str, by: str = "SUP01", own: str = "5826") -> bool:
    return officers.reset_pin(store, code, pin, supervisor=by, supervisor_pin=own).ok


def test_a_supervisor_resets_an_officer_s_pin_lifting_the_lock(lane: Store) -> None:
    for _ in range(5):
        officers.check_pin(lane, "OFF01", "0000")
    assert officers.check_pin(lane, "OFF01", "2468").locked_until is not None
    signed_in = officers.check_pin(lane, "SUP01", "5826")
    assert _reset(lane, "off01", "5937", by=" sup01 ")
    assert officers.check_pin(lane, "OFF01", "5937").ok
    assert not officers.check_pin(lane, "OFF01", "2468").ok
    # Another supervisor's PIN too, and an account the roster brought with no PIN yet.
    assert _reset(lane, "SUP02", "6182")
    assert _reset(lane, "NEW01", "4093")
    assert officers.check_pin(lane, "NEW01", "4093").ok
    officers.require_signed_in(lane, "SUP01", signed_in.stamp)  # their own session goes on
    changes = [
        (c.code, c.event, c.by, c.via)
        for c in account_history.changes(lane)
        if c.via == "supervisor at the window"
    ]
    assert changes == [
        ("OFF01", "pin-set", "SUP01", "supervisor at the window"),
        ("OFF01", "unlocked", "SUP01", "supervisor at the window"),
        ("SUP02", "pin-set", "SUP01", "supervisor at the window"),
        ("NEW01", "pin-set", "SUP01", "supervisor at the window"),
    ]


def test_set_pin_refuses_a_supervisor_s_reset_without_their_pin(lane: Store) -> None:
    # The command line's way in; the window's goes through reset_pin and the supervisor's PIN.
    with pytest.raises(officers.ResetRefused, match="Only a supervisor"):
        officers.set_pin(lane, "OFF01", "5937", by="SUP01", via=Via.SUPERVISOR)
    assert officers.check_pin(lane, "OFF01", "2468").ok


def _unchanged(store: Store) -> tuple[object, ...]:
    return (
        store.conn.execute(
            "SELECT code, pin_hash, active, failed_attempts, locked_until FROM officers"
        ).fetchall(),
        account_history.changes(store),
    )


@pytest.mark.parametrize(
    ("by", "code", "pin", "refusal"),
    [
        ("SUP01", "ADM01", "5937", "administrator: only IT"),
        ("SUP01", "SUP01", "5937", "Change my PIN"),
        ("SUP01", "OLD01", "5937", "no active account OLD01"),
        ("SUP01", "NOBODY", "5937", "no active account NOBODY"),
        ("OFF01", "SUP01", "5937", "Only a supervisor"),
        ("OLD01", "OFF01", "5937", "Only a supervisor"),
        ("", "OFF01", "5937", "Only a supervisor"),
        ("SUP01", "OFF01", "1111", "among the first guesses"),
        ("SUP01", "OFF01", "12", "4 to 12 digits"),
    ],
)
def test_a_supervisor_s_reset_is_refused_changing_nothing(
    lane: Store, by: str, code: str, pin: str, refusal: str
) -> None:
    # Refused before the supervisor's PIN is checked: not even a wrong one costs an attempt.
    before = _unchanged(lane)
    for own in ("5826", "0000"):
        with pytest.raises(InputError, match=refusal):
            officers.reset_pin(lane, code, pin, supervisor=by, supervisor_pin=own)
    assert _unchanged(lane) == before


def test_a_wrong_supervisor_pin_counts_against_the_supervisor_and_changes_nothing(
    lane: Store,
) -> None:
    wrong = officers.reset_pin(lane, "OFF01", "5937", supervisor="SUP01", supervisor_pin="2468")
    assert not wrong.ok and wrong.locked_until is None
    assert wrong.attempts_left == officers.MAX_FAILURES - 1
    assert officers.check_pin(lane, "OFF01", "2468").ok  # the officer's PIN is untouched
    # The same count as at sign-in: three more wrong there, and the fifth here locks.
    for _ in range(3):
        officers.check_pin(lane, "SUP01", "0000")
    locked = officers.reset_pin(lane, "OFF01", "5937", supervisor="SUP01", supervisor_pin="0000")
    assert not locked.ok and locked.locked_until is not None
    assert not officers.check_pin(lane, "SUP01", "5826").ok  # locked at sign-in too
    # Locked: even the right PIN is refused, and nothing is counted or changed.
    before = _unchanged(lane)
    refused = officers.reset_pin(lane, "OFF01", "5937", supervisor="SUP01", supervisor_pin="5826")
    assert not refused.ok and refused.locked_until == locked.locked_until
    assert _unchanged(lane) == before
    assert officers.check_pin(lane, "OFF01", "2468").ok
    history = [(c.code, c.event, c.via) for c in account_history.changes(lane, "SUP01")]
    assert history[-1] == ("SUP01", "locked", "sign-in")
    assert not [c for c in account_history.changes(lane, "OFF01") if c.event == "pin-set"]


def test_a_right_supervisor_pin_starts_their_count_over(lane: Store) -> None:
    for _ in range(4):
        officers.check_pin(lane, "SUP01", "0000")
    assert _reset(lane, "OFF01", "5937")
    assert officers.check_pin(lane, "SUP01", "0000").attempts_left == officers.MAX_FAILURES - 1


def test_a_supervisor_s_pin_changed_meanwhile_counts_as_wrong(
    lane: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # IT gives the supervisor a new PIN between the check of the old one and the write.
    real = officers.hash_pin

    def hash_then_change(pin: str) -> str:
        monkeypatch.setattr(officers, "hash_pin", real)
        officers.set_pin(lane, "SUP01", "7391", by="it", via=Via.COMMAND_LINE)
        return real(pin)

    monkeypatch.setattr(officers, "hash_pin", hash_then_change)
    assert not _reset(lane, "OFF01", "5937")
    assert officers.check_pin(lane, "OFF01", "2468").ok


def test_a_supervisor_cannot_enable_an_account(lane: Store) -> None:
    with pytest.raises(officers.ResetRefused):
        _reset(lane, "OLD01", "5937")
    with pytest.raises(officers.ResetRefused):
        officers.set_pin(lane, "OLD01", "5937", by="SUP01", via=Via.SUPERVISOR, enable=True)
    assert not officers.get_account(lane, "OLD01").active  # type: ignore[union-attr]


def test_a_supervisor_demoted_meanwhile_is_refused(lane: Store) -> None:
    # The window's session still says supervisor; the account no longer is one.
    officers.set_role(lane, "SUP01", Role.OFFICER, by="it", via=Via.COMMAND_LINE)
    with pytest.raises(officers.ResetRefused, match="Only a supervisor"):
        _reset(lane, "OFF01", "5937")


def test_the_accounts_a_supervisor_may_reset(lane: Store) -> None:
    found = officers.resettable_accounts(lane, " sup01 ")
    assert [a.officer.code for a in found] == ["NEW01", "OFF01", "SUP02"]
    assert [a.has_pin for a in found] == [False, True, True]
