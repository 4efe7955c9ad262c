"""PINs are stored only as scrypt hashes; five failures lock the account for five minutes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from inspection_client.domain.codes import Role
from inspection_client.domain.models import Officer
from inspection_client.errors import InputError
from inspection_client.store import officers
from inspection_client.store.database import Store


@pytest.fixture
def with_officer(store: Store) -> Store:
    officers.add_officer(store, Officer(code="OFF01", name="Li Wei", role=Role.OFFICER), "2468")
    return store


def test_pin_is_stored_only_as_a_memory_hard_hash(with_officer: Store) -> None:
    stored = with_officer.conn.execute("SELECT pin_hash FROM officers").fetchone()[0]
    assert stored.startswith("scrypt$16384$8$1$") and "2468" not in stored
    assert officers.pin_matches("2468", stored)
    assert not officers.pin_matches("2469", stored)


def test_right_pin_logs_in_case_insensitive_code(with_officer: Store) -> None:
    result = officers.check_pin(with_officer, " off01 ", "2468")
    assert result.ok and result.officer is not None and result.officer.name == "Li Wei"


def test_unknown_officer_looks_like_a_wrong_pin(with_officer: Store) -> None:
    result = officers.check_pin(with_officer, "NOBODY", "2468")
    assert not result.ok and result.locked_until is None


def test_five_wrong_pins_lock_for_five_minutes_even_with_the_right_pin(with_officer: Store) -> None:
    now = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
    left = [
        officers.check_pin(with_officer, "OFF01", "0000", now=now).attempts_left for _ in range(5)
    ]
    assert left == [4, 3, 2, 1, 0]
    locked = officers.check_pin(with_officer, "OFF01", "2468", now=now + timedelta(minutes=4))
    assert not locked.ok and locked.locked_until == now + timedelta(minutes=5)
    after = officers.check_pin(
        with_officer, "OFF01", "2468", now=now + timedelta(minutes=5, seconds=1)
    )
    assert after.ok


def test_a_new_pin_set_by_it_lifts_the_lock_and_the_failures(with_officer: Store) -> None:
    # The officer who forgot their PIN has locked the account trying; IT sets a new one.
    for _ in range(5):
        officers.check_pin(with_officer, "OFF01", "0000")
    assert officers.check_pin(with_officer, "OFF01", "2468").locked_until is not None
    officer = officers.get_officer(with_officer, "OFF01")
    assert officer is not None
    officers.add_officer(with_officer, officer, "1357")
    assert officers.check_pin(with_officer, "OFF01", "1357").ok
    # A roster update (no PIN) leaves the count of failures alone.
    for _ in range(4):
        officers.check_pin(with_officer, "OFF01", "0000")
    officers.add_officer(with_officer, officer, None)
    assert officers.check_pin(with_officer, "OFF01", "0000").locked_until is not None


def test_a_good_login_resets_the_failure_count(with_officer: Store) -> None:
    for _ in range(4):
        officers.check_pin(with_officer, "OFF01", "0000")
    assert officers.check_pin(with_officer, "OFF01", "2468").ok
    assert officers.check_pin(with_officer, "OFF01", "0000").attempts_left == 4


# Digits of other scripts (full-width from a Chinese input method, Arabic-Indic,
# superscripts) are digits to Python, but no keypad types them at sign-in.
@pytest.mark.parametrize(
    "pin", ["", "12", "abcd", "1234567890123", "12 34", "１２３４", "١٢٣٤", "²³⁴⁵"]
)
def test_malformed_pins_are_refused(store: Store, pin: str) -> None:
    with pytest.raises(InputError):
        officers.add_officer(store, Officer(code="OFF02", name="X"), pin)


def test_updating_an_officer_without_pin_keeps_the_pin(with_officer: Store) -> None:
    officers.add_officer(
        with_officer, Officer(code="OFF01", name="Li Wei", role=Role.SUPERVISOR), None
    )
    assert officers.check_pin(with_officer, "OFF01", "2468").ok
    assert officers.get_officer(with_officer, "OFF01") == Officer(
        code="OFF01", name="Li Wei", role=Role.SUPERVISOR
    )


def test_a_supervisor_approval_says_what_is_wrong(with_officer: Store) -> None:
    officers.add_officer(with_officer, Officer(code="SUP1", name="S", role=Role.SUPERVISOR), "9999")
    assert officers.check_supervisor(with_officer, " sup1 ", "9999").code == "SUP1"
    with pytest.raises(officers.NotApproved, match=r"^OFF01 is not a supervisor\.$"):
        officers.check_supervisor(with_officer, "OFF01", "2468")
    for left in (4, 3, 2, 1):
        with pytest.raises(officers.NotApproved, match=rf"\({left} attempt\(s\) left\)"):
            officers.check_supervisor(with_officer, "SUP1", "0000")
    # The fifth wrong PIN locks the account, as at sign-in; then even the right one is refused.
    with pytest.raises(officers.NotApproved, match="SUP1 is locked after too many wrong PINs"):
        officers.check_supervisor(with_officer, "SUP1", "0000")
    with pytest.raises(officers.NotApproved, match="locked"):
        officers.check_supervisor(with_officer, "SUP1", "9999")


def test_a_code_with_no_account_counts_down_and_locks_like_a_real_one(
    with_officer: Store,
) -> None:
    # Otherwise "5 attempts left" after a wrong PIN would tell that a code does not exist.
    now = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
    officers.add_officer(with_officer, Officer(code="NOPIN1", name="Roster only"), None)
    for code in ("OFF01", "NOBODY", "NOPIN1"):
        left = [
            officers.check_pin(with_officer, code, "0000", now=now).attempts_left for _ in range(5)
        ]
        assert left == [4, 3, 2, 1, 0], code
        locked = officers.check_pin(with_officer, code, "2468", now=now + timedelta(minutes=4))
        assert locked.locked_until == now + timedelta(minutes=5), code
        after = officers.check_pin(with_officer, code, "0000", now=now + timedelta(minutes=6))
        assert after.locked_until is None and after.attempts_left == 4, code


def test_the_count_for_a_code_with_no_account_survives_a_restart(store: Store) -> None:
    for _ in range(2):
        officers.check_pin(store, "NOBODY", "0000")
    with Store.open(store.path) as reopened:
        assert officers.check_pin(reopened, "nobody", "0000").attempts_left == 2


def test_every_sign_in_costs_one_scrypt_run(
    with_officer: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The time an answer takes must not tell a real code from an unknown one.
    import hashlib

    runs: list[int] = []
    scrypt = hashlib.scrypt

    def counted(*args: object, **kwargs: object) -> bytes:
        runs.append(1)
        return scrypt(*args, **kwargs)  # type: ignore[arg-type]

    officers.add_officer(with_officer, Officer(code="NOPIN1", name="Roster only"), None)
    monkeypatch.setattr(hashlib, "scrypt", counted)
    for code, pin in (("OFF01", "2468"), ("OFF01", "0000"), ("NOBODY", "0000"), ("NOPIN1", "0")):
        runs.clear()
        officers.check_pin(with_officer, code, pin)
        assert len(runs) == 1, code
    for _ in range(5):
        officers.check_pin(with_officer, "OFF01", "0000")
    runs.clear()
    assert officers.check_pin(with_officer, "OFF01", "2468").locked_until is not None
    assert len(runs) == 1


def test_a_locked_supervisor_is_told_the_second_the_lock_ends(with_officer: Store) -> None:
    # "try again after 10:05" for a lock until 10:05:40 sent them back 40 seconds too soon.
    officers.add_officer(with_officer, Officer(code="SUP1", name="S", role=Role.SUPERVISOR), "9999")
    for _ in range(5):
        officers.check_pin(with_officer, "SUP1", "0000")
    lock = officers.check_pin(with_officer, "SUP1", "9999").locked_until
    assert lock is not None
    with pytest.raises(officers.NotApproved, match=f"try again after {lock.astimezone():%H:%M:%S}"):
        officers.check_supervisor(with_officer, "SUP1", "9999")


def test_wrong_pins_checked_at_the_same_time_all_count(
    with_officer: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A second process (`db lift-hold --supervisor`, say) checks a PIN while the first is
    # in scrypt: each used to write the count it had read, and one failure was lost.
    pin_matches = officers.pin_matches
    interleaved: list[int] = []

    def with_another_check(pin: str, stored: str) -> bool:
        if not interleaved:
            interleaved.append(1)
            with Store.open(with_officer.path) as other:
                officers.check_pin(other, "OFF01", "0000")
        return pin_matches(pin, stored)

    monkeypatch.setattr(officers, "pin_matches", with_another_check)
    officers.check_pin(with_officer, "OFF01", "0000")
    monkeypatch.setattr(officers, "pin_matches", pin_matches)
    assert officers.check_pin(with_officer, "OFF01", "0000").attempts_left == 2


def test_an_account_updated_without_a_pin_after_being_disabled_has_none(
    with_officer: Store,
) -> None:
    officer = officers.get_officer(with_officer, "OFF01")
    assert officer is not None
    with_officer.conn.execute("UPDATE officers SET active = 0 WHERE code = 'OFF01'")
    officers.add_officer(with_officer, officer, None)
    account = officers.get_account(with_officer, "OFF01")
    assert account is not None and account.active and not account.has_pin
    assert not officers.check_pin(with_officer, "OFF01", "2468").ok
