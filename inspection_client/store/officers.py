"""Officer accounts on this workstation: PINs as memory-hard hashes, lockout after failures.

PINs are hashed with scrypt (standard library, memory-hard: 16 MiB and about 45 ms per
attempt), which makes every guess at a copied database cost that much. It does not make a
short PIN safe there: the 10,000 four-digit PINs take a few minutes of one core, so the
database file and its backups are what must be kept from others (0600, sealed backups), and
a longer PIN (up to 12 digits) is what holds out, and PINs among the first guesses are
refused when a person chooses one (`inspection_client.domain.pins`). Five wrong PINs lock
the account for five minutes, each further lock in a row twice as long as the one before
(up to `MAX_LOCKOUT`), until the right PIN, a new one, or a day with no wrong PIN
(`FORGOTTEN_AFTER`); the lock is kept in the database, so restarting the app does not lift
it. A code with no account gets the same answers, so codes cannot be probed. Every change to
an account is written to its history (`account_history`).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from inspection_client.domain.codes import Role
from inspection_client.domain.models import Officer
from inspection_client.domain.pins import pin_format_problem, pin_problem
from inspection_client.errors import InputError
from inspection_client.message import Message
from inspection_client.store.account_history import (
    AccountEvent,
    Via,
    any_account_set_up,
    note,
)
from inspection_client.store.database import Store
from inspection_client.store.errors import StoreCorrupt, decoding, translated_errors

MAX_FAILURES = 5
LOCKOUT = timedelta(minutes=5)
# 5, 10, 20, 40, 80 minutes, then 2 hours for every lock after: a guesser at the keypad
# gets five tries an hour or two, an officer who forgot the PIN is let in by a new one.
MAX_LOCKOUT = timedelta(hours=2)
# A day with no wrong PIN forgets the wrong PINs counted and the locks in a row: an officer
# who mistyped last month starts today with five tries and a five-minute lock. Longer than
# the longest lock, so that a guesser who waits out each lock is still held to the long ones.
FORGOTTEN_AFTER = timedelta(hours=24)
_N, _R, _P = 2**14, 8, 1
# A well-formed hash that no PIN matches: checked against when there is no account or no PIN,
# so that every sign-in costs the same one scrypt run.
_NO_PIN = f"scrypt${_N}${_R}${_P}${base64.b64encode(bytes(16)).decode()}${'A' * 43}="


def hash_pin(pin: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    encoded = base64.b64encode(salt).decode(), base64.b64encode(digest).decode()
    return f"scrypt${_N}${_R}${_P}${encoded[0]}${encoded[1]}"


def pin_matches(pin: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        actual = hashlib.scrypt(
            pin.encode(), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p), dklen=32
        )
        return hmac.compare_digest(actual, base64.b64decode(digest))
    except (ValueError, TypeError):
        return False


def check_pin_format(pin: str) -> None:
    problem = pin_format_problem(pin)
    if problem is not None:
        raise InputError(problem)


def check_pin_choice(pin: str, code: str) -> None:
    """Refuse a PIN a person chooses for account `code`: malformed, or among the first
    guesses (`inspection_client.domain.pins`)."""
    problem = pin_problem(pin, code.strip().upper())
    if problem is not None:
        raise InputError(problem)


def add_officer(
    store: Store,
    officer: Officer,
    pin: str | None,
    *,
    by: str | None = None,
    via: Via | None = None,
) -> None:
    """Add or update an account; a PIN of None keeps the current one, unless the account
    was disabled: it comes back with no PIN, as from the central's roster.

    For accounts the lane makes itself (the demo's, tests'): the PIN is checked for its
    form only. A PIN a person chooses goes through `new_officer`, `set_pin` or
    `enable_officer`, which refuse guessable ones. Given `via`, the change is written to the
    account's history.

    A new PIN also clears the wrong PINs counted and the lock they set: it is how IT lets
    back in an officer who forgot theirs and locked the account trying.
    """
    if pin is not None:
        check_pin_format(pin)
    pin_hash = hash_pin(pin) if pin is not None else None
    with store.write() as conn:
        existing = get_account(store, officer.code)
        conn.execute(
            "INSERT INTO officers(code, name, role, pin_hash) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(code) DO UPDATE SET name = excluded.name, role = excluded.role, "
            "pin_hash = coalesce(excluded.pin_hash, iif(officers.active, officers.pin_hash, "
            "NULL)), active = 1, "
            "failed_attempts = iif(excluded.pin_hash IS NULL, officers.failed_attempts, 0), "
            "locked_until = iif(excluded.pin_hash IS NULL, officers.locked_until, NULL), "
            "lockouts = iif(excluded.pin_hash IS NULL, officers.lockouts, 0)",
            (officer.code, officer.name, officer.role.value, pin_hash),
        )
        if via is not None:
            event = AccountEvent.ADDED if existing is None else AccountEvent.PIN_SET
            note(conn, officer.code, event, by=by, via=via, detail=officer.role.value)


def new_officer(
    store: Store, officer: Officer, pin: str, *, by: str | None, via: Via
) -> Account | None:
    """Add an account for a code that has none here; None when added.

    An account already there, active or disabled, is returned untouched: changing its name,
    role or PIN, or letting it in again, is a deliberate act of its own (`set_role`,
    `set_pin`, `enable_officer`), not a side effect of adding.
    """
    check_pin_choice(pin, officer.code)
    pin_hash = hash_pin(pin)
    with store.write() as conn:
        existing = get_account(store, officer.code)
        if existing is None:
            conn.execute(
                "INSERT INTO officers(code, name, role, pin_hash) VALUES (?, ?, ?, ?)",
                (officer.code, officer.name, officer.role.value, pin_hash),
            )
            note(conn, officer.code, AccountEvent.ADDED, by=by, via=via, detail=officer.role.value)
    return existing


class SetupClosed(InputError):
    """The first-supervisor setup is only for a lane where no account was ever set up."""


def add_first_supervisor(store: Store, supervisor: Officer, pin: str) -> None:
    """The first account of a lane, made at the window by whoever sets it up.

    Refused (`SetupClosed`) once any account was given a PIN or disabled here: from then
    on, an account that cannot sign in is IT's to fix, or anyone at the window could make
    themselves a supervisor by waiting for the others to be locked out.
    """
    check_pin_choice(pin, supervisor.code)
    pin_hash = hash_pin(pin)
    with store.write() as conn:
        if any_account_set_up(conn):
            raise SetupClosed(SETUP_CLOSED)
        conn.execute(
            "INSERT INTO officers(code, name, role, pin_hash) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(code) DO UPDATE SET name = excluded.name, role = excluded.role, "
            "pin_hash = excluded.pin_hash, active = 1, failed_attempts = 0, "
            "locked_until = NULL, lockouts = 0",
            (supervisor.code, supervisor.name, supervisor.role.value, pin_hash),
        )
        note(
            conn,
            supervisor.code,
            AccountEvent.ADDED,
            by=supervisor.code,
            via=Via.FIRST_SETUP,
            detail=supervisor.role.value,
        )


SETUP_CLOSED = Message(
    "Accounts have already been set up on this workstation, so no supervisor can be added "
    "here; nothing was changed. Sign in with an account, or ask IT "
    "(`inspection-client officer`)."
)
NOBODY_CAN_SIGN_IN = Message(
    "No account can sign in on this workstation (all are disabled or without a PIN). "
    "IT can let one in again: `inspection-client officer enable CODE` for a disabled account, "
    "`inspection-client officer set-pin CODE` for the others."
)


class ResetRefused(InputError):
    """A supervisor at the window may not give this account a new PIN."""


def set_pin(
    store: Store, code: str, pin: str, *, by: str | None, via: Via, enable: bool = False
) -> Account | None:
    """Give an account a new PIN; None when there is no account with this code.

    IT's way of giving an account a new PIN (`officer set-pin`, `officer enable`); a
    supervisor at the window goes through `reset_pin`, which asks for their own PIN too
    (refused here, `ResetRefused`). The new PIN lifts the lock and forgets the locks in a
    row, and ends the sessions signed in with the old one (`require_signed_in`). An active
    account only, unless `enable`: then a disabled one only, which signs in again. The
    account as it was is returned, unchanged when refused (`NotDisabled`, `Disabled`).
    """
    if via is Via.SUPERVISOR:
        raise ResetRefused(_SUPERVISORS_ONLY)
    check_pin_choice(pin, code)
    pin_hash = hash_pin(pin)
    with store.write() as conn:
        account = get_account(store, code)
        if account is None:
            return None
        if account.active == enable:
            return account
        _put_pin(conn, account, pin_hash, by=by, via=via, enable=enable, now=datetime.now(UTC))
    return account


def _put_pin(
    conn: sqlite3.Connection,
    account: Account,
    pin_hash: str,
    *,
    by: str | None,
    via: Via,
    enable: bool,
    now: datetime,
) -> None:
    """Set the new PIN and write it to the history, inside the caller's transaction."""
    conn.execute(
        "UPDATE officers SET pin_hash = ?, active = 1, failed_attempts = 0, "
        "locked_until = NULL, lockouts = 0, last_failed_at = NULL WHERE code = ?",
        (pin_hash, account.officer.code),
    )
    event = AccountEvent.ENABLED if enable else AccountEvent.PIN_SET
    note(conn, account.officer.code, event, by=by, via=via, at=now)
    if account.locked_until is not None and account.locked_until > now:
        note(conn, account.officer.code, AccountEvent.UNLOCKED, by=by, via=via, at=now)


def reset_pin(
    store: Store,
    code: str,
    pin: str,
    *,
    supervisor: str,
    supervisor_pin: str,
    now: datetime | None = None,
) -> LoginResult:
    """A supervisor signed in at the window gives another account a new PIN, confirming
    with their own PIN; the result is the check of that PIN (`ok` when the PIN was set).

    A reset hands the account over to whoever learns the new PIN, so the supervisor's own
    PIN is asked for, as at sign-in, not taken from the session alone: a wrong one counts
    towards the supervisor's lock (and is written to its history when it locks), and a
    locked supervisor is refused without a check. The new PIN is held to the rule of any
    chosen PIN, and who may reset which account is checked (`ResetRefused`: `supervisor`
    must be an active supervisor or admin here, and the account an active one that is
    neither theirs, where Change my PIN asks for the current one, nor an admin's, IT's to
    change); both refusals come first and cost no attempt. The rules, the check of the
    supervisor's PIN and the new PIN go in one transaction: a right PIN and a change made
    meanwhile cannot come apart. The new PIN lifts the account's lock and ends the sessions
    signed in with its old one; the history says the supervisor did it.
    """
    check_pin_choice(pin, code)
    now = now or datetime.now(UTC)
    by = supervisor.strip().upper()
    with translated_errors(store.path):
        row = store.conn.execute(
            "SELECT pin_hash FROM officers WHERE code = ? AND active = 1", (by,)
        ).fetchone()
    checked = row[0] if row is not None else None
    matches = pin_matches(supervisor_pin, checked or _NO_PIN)
    pin_hash = hash_pin(pin)
    with store.write() as conn:
        account = get_account(store, code)
        who = _check_reset_allowed(store, by, code, account, enable=False)
        result = _count_check(conn, by, who, checked, matches, now)
        if result.ok and account is not None:
            _put_pin(conn, account, pin_hash, by=by, via=Via.SUPERVISOR, enable=False, now=now)
    return result


_SUPERVISORS_ONLY = Message("Only a supervisor signed in here can give an officer a new PIN.")


def _check_reset_allowed(
    store: Store, supervisor: str | None, code: str, account: Account | None, enable: bool
) -> Officer:
    """The supervisor, when they may give `account` a new PIN; `ResetRefused` otherwise."""
    who = get_officer(store, supervisor) if supervisor else None
    if who is None or who.role not in (Role.SUPERVISOR, Role.ADMIN) or enable:
        raise ResetRefused(_SUPERVISORS_ONLY)
    if account is None or not account.active:
        raise ResetRefused(
            Message(
                "There is no active account {officer} on this workstation; nothing was changed.",
                officer=code.strip().upper(),
            )
        )
    if account.officer.code == who.code:
        raise ResetRefused(
            Message("To change your own PIN, use Shift → Change my PIN; nothing was changed.")
        )
    if account.officer.role is Role.ADMIN:
        raise ResetRefused(
            Message(
                "{officer} is an administrator: only IT can give that account a new PIN "
                "(`inspection-client officer set-pin`). Nothing was changed.",
                officer=account.officer.code,
            )
        )
    return who


def resettable_accounts(store: Store, supervisor: str) -> list[Account]:
    """The accounts the supervisor signed in as `supervisor` may give a new PIN
    (`reset_pin`): active, not theirs, not an admin's."""
    code = supervisor.strip().upper()
    return [
        account
        for account in list_accounts(store)
        if account.active
        and account.officer.code != code
        and account.officer.role is not Role.ADMIN
    ]


def change_own_pin(
    store: Store, code: str, current: str, new: str, *, now: datetime | None = None
) -> LoginResult:
    """An officer signed in at the window gives their account a new PIN.

    The new PIN is held to the same rule as any chosen PIN (refused before the current one
    is checked, so a refusal costs no attempt). The current PIN is checked as at sign-in: a
    wrong one counts towards the same lock, and the result that says so (attempts left, the
    lock) is returned. When right, the new PIN is set in one transaction with a check that
    the PIN has not changed meanwhile (`SessionEnded`), the change goes to the history with
    the officer as who, and the result carries the new PIN's stamp, which keeps the session
    going (`require_signed_in`).
    """
    code = code.strip().upper()
    check_pin_choice(new, code)
    if new == current:
        raise InputError(Message("The new PIN is the same as the current one; choose another."))
    result = check_pin(store, code, current, now=now)
    if not result.ok:
        return result
    pin_hash = hash_pin(new)
    with store.write() as conn:
        row = conn.execute(
            "SELECT pin_hash FROM officers WHERE code = ? AND active = 1", (code,)
        ).fetchone()
        if row is None or row[0] is None or pin_stamp(row[0]) != result.stamp:
            raise SessionEnded(_session_ended(code))
        conn.execute(
            "UPDATE officers SET pin_hash = ?, failed_attempts = 0, locked_until = NULL, "
            "lockouts = 0, last_failed_at = NULL WHERE code = ?",
            (pin_hash, code),
        )
        note(conn, code, AccountEvent.PIN_SET, by=code, via=Via.WINDOW, at=now)
    return LoginResult(result.officer, stamp=pin_stamp(pin_hash))


@dataclass(frozen=True)
class Account:
    """An account as IT sees it: disabled ones too, with their PIN and lock state."""

    officer: Officer
    active: bool
    has_pin: bool
    locked_until: datetime | None = None


def get_account(store: Store, code: str) -> Account | None:
    """The account with this code, active or disabled."""
    with translated_errors(store.path):
        row = store.conn.execute(
            f"SELECT {_ACCOUNT_COLUMNS} FROM officers WHERE code = ?", (code.strip().upper(),)
        ).fetchone()
    return None if row is None else _account(*row)


_ACCOUNT_COLUMNS = "code, name, role, active, pin_hash IS NOT NULL, locked_until"


def _account(
    code: str, name: str, role: str, active: int, has_pin: int, locked_until: str | None
) -> Account:
    with decoding(Message("The lock of account {code}", code=code)):
        locked = datetime.fromisoformat(locked_until) if locked_until else None
    return Account(_officer(code, name, role), bool(active), bool(has_pin), locked)


def set_role(store: Store, code: str, role: Role, *, by: str | None, via: Via) -> Account | None:
    """Give an account another role; None when there is no account with this code."""
    with store.write() as conn:
        account = get_account(store, code)
        if account is not None:
            conn.execute(
                "UPDATE officers SET role = ? WHERE code = ?", (role.value, account.officer.code)
            )
            note(
                conn,
                account.officer.code,
                AccountEvent.ROLE_SET,
                by=by,
                via=via,
                detail=f"{account.officer.role.value} -> {role.value}",
            )
    return None if account is None else get_account(store, code)


class LastAccount(InputError):
    """Disabling this account would leave nobody able to sign in."""


def disable_officer(store: Store, code: str, *, by: str | None, via: Via) -> Account | None:
    """Keep an account from signing in; None when there is no account with this code.

    Its PIN is removed as well, so that a roster from the central, which marks the officers
    it lists as active again, cannot let it back in: only a new PIN does (`add_officer`).
    The last account that can sign in is refused (`LastAccount`): with none left, nobody
    could work at the lane until IT gave one a PIN again. A session signed in with it ends
    at its next save (`require_signed_in`).
    """
    with store.write() as conn:
        account = get_account(store, code)
        if account is None:
            return None
        if account.active and account.has_pin:
            (others,) = conn.execute(
                "SELECT count(*) FROM officers "
                "WHERE active = 1 AND pin_hash IS NOT NULL AND code != ?",
                (account.officer.code,),
            ).fetchone()
            if not others:
                # Plain text: only the command line disables accounts.
                raise LastAccount(
                    f"{account.officer.code} is the last account that can sign in on this "
                    "workstation; nothing was changed."
                )
        conn.execute(
            "UPDATE officers SET active = 0, pin_hash = NULL, failed_attempts = 0, "
            "locked_until = NULL, lockouts = 0 WHERE code = ?",
            (account.officer.code,),
        )
        if account.active:
            note(conn, account.officer.code, AccountEvent.DISABLED, by=by, via=via)
    return account


def get_officer(store: Store, code: str) -> Officer | None:
    with translated_errors(store.path):
        row = store.conn.execute(
            "SELECT code, name, role FROM officers WHERE code = ? AND active = 1", (code.upper(),)
        ).fetchone()
    return None if row is None else _officer(row[0], row[1], row[2])


def list_officers(store: Store) -> list[Officer]:
    """The active accounts. One that cannot be read is left out, with a warning in
    `store.warnings`, so that a damaged account does not keep every other officer out."""
    with translated_errors(store.path):
        rows = store.conn.execute(
            "SELECT code, name, role FROM officers WHERE active = 1 ORDER BY code"
        ).fetchall()
    found = []
    for code, name, role in rows:
        try:
            found.append(_officer(code, name, role))
        except StoreCorrupt as damaged:
            if str(damaged) not in store.warnings:
                store.warnings.append(damaged.message)
    return found


def list_accounts(store: Store) -> list[Account]:
    """Every account, disabled ones included, for IT; one that cannot be read is left out,
    with a warning in `store.warnings`, as in `list_officers`."""
    with translated_errors(store.path):
        rows = store.conn.execute(
            f"SELECT {_ACCOUNT_COLUMNS} FROM officers ORDER BY code"
        ).fetchall()
    found = []
    for row in rows:
        try:
            found.append(_account(*row))
        except StoreCorrupt as damaged:
            if str(damaged) not in store.warnings:
                store.warnings.append(damaged.message)
    return found


def _officer(code: str, name: str, role: str) -> Officer:
    with decoding(Message("The account {code}", code=code)):
        return Officer(code=code, name=name, role=Role(role))


def first_setup_open(store: Store) -> bool:
    """True while no account was ever set up here (`add_first_supervisor` may be used)."""
    with store.read() as conn:
        return not any_account_set_up(conn)


def can_sign_in(store: Store) -> bool:
    """True when at least one active account has a PIN on this workstation (locked or not)."""
    with translated_errors(store.path):
        row = store.conn.execute(
            "SELECT 1 FROM officers WHERE active = 1 AND pin_hash IS NOT NULL LIMIT 1"
        ).fetchone()
    return row is not None


def lock_period(lockouts: int) -> timedelta:
    """How long the `lockouts`-th lock in a row lasts: doubled each time, up to a cap."""
    doublings: int = max(0, min(lockouts, 16) - 1)
    return min(LOCKOUT * (1 << doublings), MAX_LOCKOUT)


@dataclass(frozen=True)
class LoginResult:
    officer: Officer | None
    locked_until: datetime | None = None
    attempts_left: int = MAX_FAILURES
    next_lock: timedelta = LOCKOUT  # how long the lock that the attempts left lead to lasts
    stamp: str = ""  # which PIN signed in (`pin_stamp`), for `require_signed_in`

    @property
    def ok(self) -> bool:
        return self.officer is not None


def pin_stamp(pin_hash: str) -> str:
    """Tells one PIN set on an account from the next (each has its own salt); no use for
    guessing the PIN, and kept only in the window's memory."""
    return hashlib.sha256(pin_hash.encode()).hexdigest()[:32]


def check_pin(store: Store, code: str, pin: str, *, now: datetime | None = None) -> LoginResult:
    """Check an officer's PIN, counting failures and locking the account after too many.

    A code with no account here, or an account with no PIN yet, gets the same answers as a
    wrong PIN (its failures are counted and locked out by the same rule, in
    `sign_in_failures`) and costs the same one scrypt run, so codes cannot be probed.
    Each lock is written to the history of the code, whether it has an account or not.
    Wrong PINs and locks in a row are forgotten `FORGOTTEN_AFTER` the last wrong PIN.
    """
    now = now or datetime.now(UTC)
    code = code.strip().upper()
    with translated_errors(store.path):
        row = store.conn.execute(
            "SELECT name, role, pin_hash FROM officers WHERE code = ? AND active = 1", (code,)
        ).fetchone()
    officer, pin_hash = (None, None) if row is None else (_officer(code, row[0], row[1]), row[2])
    matches = pin_matches(pin, pin_hash or _NO_PIN)  # one scrypt run, whatever the case
    with store.write() as conn:
        return _count_check(conn, code, officer, pin_hash, matches, now)


def _count_check(
    conn: sqlite3.Connection,
    code: str,
    officer: Officer | None,
    pin_hash: str | None,
    matches: bool,
    now: datetime,
) -> LoginResult:
    """The answer to a PIN checked (`matches`, against `pin_hash` read before the write)
    for `code`, counted inside the caller's write transaction: a lock that lasts refuses, a
    right PIN starts the count over, a wrong one counts and may lock. `officer` is None for
    a code with no active account, counted in `sign_in_failures`.

    The count is read again inside the write, so that a check made meanwhile by another
    connection (during the scrypt run) is not overwritten; a PIN changed meanwhile counts
    as wrong.
    """
    table = "officers" if officer is not None else "sign_in_failures"
    counted = conn.execute(
        f"SELECT failed_attempts, locked_until, lockouts, last_failed_at, "
        f"{'pin_hash' if officer is not None else 'NULL'} FROM {table} WHERE code = ?",
        (code,),
    ).fetchone()
    failures, locked_until, lockouts, last_failed, pin_hash_now = counted or (
        (0, None, 0, None, None)
    )
    with decoding(Message("The lock of account {code}", code=code)):
        locked = datetime.fromisoformat(locked_until) if locked_until else None
        last = datetime.fromisoformat(last_failed) if last_failed else None
        failures, lockouts = int(failures), int(lockouts)
    if locked is not None and locked > now:
        return LoginResult(None, locked, 0, lock_period(lockouts + 1))
    if last is not None and now - last >= FORGOTTEN_AFTER:
        failures, locked_until, lockouts = 0, None, 0
    if officer is not None and pin_hash and matches and pin_hash_now == pin_hash:
        conn.execute(
            "UPDATE officers SET failed_attempts = 0, locked_until = NULL, lockouts = 0, "
            "last_failed_at = NULL WHERE code = ?",
            (code,),
        )
        return LoginResult(officer, stamp=pin_stamp(pin_hash))
    failures = 0 if locked_until else failures  # a lock that has run out starts a new count
    failures += 1
    lock = None
    if failures >= MAX_FAILURES:
        lockouts += 1
        lock = now + lock_period(lockouts)
        note(
            conn,
            code,
            AccountEvent.LOCKED,
            by=None,
            via=Via.SIGN_IN,
            detail=f"until {lock.isoformat()}"
            + ("" if officer is not None else "; no account with this code"),
            at=now,
        )
    counted_as = (
        0 if lock else failures,
        lock.isoformat() if lock else None,
        lockouts,
        now.isoformat(),
        code,
    )
    if officer is None:
        conn.execute(
            "INSERT INTO sign_in_failures(failed_attempts, locked_until, lockouts, "
            "last_failed_at, code) VALUES (?, ?, ?, ?, ?) ON CONFLICT(code) DO UPDATE SET "
            "failed_attempts = excluded.failed_attempts, "
            "locked_until = excluded.locked_until, lockouts = excluded.lockouts, "
            "last_failed_at = excluded.last_failed_at",
            counted_as,
        )
    else:
        conn.execute(
            "UPDATE officers SET failed_attempts = ?, locked_until = ?, lockouts = ?, "
            "last_failed_at = ? WHERE code = ?",
            counted_as,
        )
    return LoginResult(None, lock, max(0, MAX_FAILURES - failures), lock_period(lockouts + 1))


class SessionEnded(InputError):
    """The officer signed in at the window can no longer work: disabled, or a new PIN."""


def require_signed_in(store: Store, code: str, stamp: str | None) -> None:
    """Refuse (`SessionEnded`) work in the name of `code` unless the account is still active
    with the PIN it signed in with (`LoginResult.stamp`; None: any PIN).

    The window calls it before it saves as the officer signed in: IT disabling an account,
    or giving it a new PIN because the old one got out, ends the session there too.
    """
    with translated_errors(store.path):
        row = store.conn.execute(
            "SELECT pin_hash FROM officers WHERE code = ? AND active = 1", (code,)
        ).fetchone()
    if row is None or row[0] is None or (stamp is not None and pin_stamp(row[0]) != stamp):
        raise SessionEnded(_session_ended(code))


def _session_ended(code: str) -> Message:
    return Message(
        "{officer} is no longer signed in: the account was disabled or given a new "
        "PIN on this workstation. Nothing was saved; sign in again.",
        officer=code,
    )


def lock_end_text(until: datetime, now: datetime | None = None) -> str:
    """When a lock ends, to the second, in local time; with the date when not today."""
    local, today = until.astimezone(), (now or datetime.now(UTC)).astimezone().date()
    return f"{local:%H:%M:%S}" if local.date() == today else f"{local:%Y-%m-%d %H:%M:%S}"


class NotApproved(InputError):
    """A supervisor's code and PIN, typed on the spot to approve something, did not check out."""


def check_supervisor(store: Store, code: str, pin: str) -> Officer:
    """The supervisor (or admin) with this code and PIN; `NotApproved` says what is wrong.

    Wrong PINs count towards the account's lockout, as at sign-in.
    """
    result = check_pin(store, code, pin)
    if result.officer is None:
        if result.locked_until is not None:
            raise NotApproved(
                Message(
                    "{officer} is locked after too many wrong PINs; try again after {time}.",
                    officer=code.strip().upper(),
                    time=lock_end_text(result.locked_until),
                )
            )
        raise NotApproved(
            Message(
                "Wrong supervisor code or PIN ({count} attempt(s) left).",
                count=result.attempts_left,
            )
        )
    if result.officer.role not in (Role.SUPERVISOR, Role.ADMIN):
        raise NotApproved(Message("{officer} is not a supervisor.", officer=result.officer.code))
    return result.officer
