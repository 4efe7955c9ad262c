"""Officer accounts on this workstation: PINs as memory-hard hashes, lockout after failures.

PINs are hashed with scrypt (standard library, memory-hard: 16 MiB and about 45 ms per
attempt), which makes every guess at a copied database cost that much. It does not make a
short PIN safe there: the 10,000 four-digit PINs take a few minutes of one core, so the
database file and its backups are what must be kept from others (0600, sealed backups), and
a longer PIN (up to 12 digits) is what holds out. Five wrong PINs lock the account for
five minutes; the lock is kept in the database, so restarting the app does not lift it
(a new PIN does). A code with no account gets the same answers, so codes cannot be probed.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from inspection_client.domain.codes import Role
from inspection_client.domain.models import Officer
from inspection_client.errors import InputError
from inspection_client.message import Message
from inspection_client.store.database import Store
from inspection_client.store.errors import StoreCorrupt, decoding, translated_errors

MAX_FAILURES = 5
LOCKOUT = timedelta(minutes=5)
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
    # ASCII digits only: a full-width "１２３４" is digits to Python, and no keypad types it.
    if not (pin.isascii() and pin.isdigit() and 4 <= len(pin) <= 12):
        raise InputError(Message("A PIN is 4 to 12 digits."))


def add_officer(store: Store, officer: Officer, pin: str | None) -> None:
    """Add or update an account; a PIN of None keeps the current one.

    A new PIN also clears the wrong PINs counted and the lock they set: it is how IT lets
    back in an officer who forgot theirs and locked the account trying.
    """
    if pin is not None:
        check_pin_format(pin)
    pin_hash = hash_pin(pin) if pin is not None else None
    with store.write() as conn:
        conn.execute(
            "INSERT INTO officers(code, name, role, pin_hash) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(code) DO UPDATE SET name = excluded.name, role = excluded.role, "
            "pin_hash = coalesce(excluded.pin_hash, officers.pin_hash), active = 1, "
            "failed_attempts = iif(excluded.pin_hash IS NULL, officers.failed_attempts, 0), "
            "locked_until = iif(excluded.pin_hash IS NULL, officers.locked_until, NULL)",
            (officer.code, officer.name, officer.role.value, pin_hash),
        )


def new_officer(store: Store, officer: Officer, pin: str) -> Account | None:
    """Add an account for a code that has none here; None when added.

    An account already there, active or disabled, is returned untouched: changing its name,
    role or PIN, or letting it in again, is a deliberate act of its own (`set_role`,
    `add_officer` with a new PIN), not a side effect of adding.
    """
    check_pin_format(pin)
    pin_hash = hash_pin(pin)
    with store.write() as conn:
        existing = get_account(store, officer.code)
        if existing is None:
            conn.execute(
                "INSERT INTO officers(code, name, role, pin_hash) VALUES (?, ?, ?, ?)",
                (officer.code, officer.name, officer.role.value, pin_hash),
            )
    return existing


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


def set_role(store: Store, code: str, role: Role) -> Account | None:
    """Give an account another role; None when there is no account with this code."""
    with store.write() as conn:
        account = get_account(store, code)
        if account is not None:
            conn.execute(
                "UPDATE officers SET role = ? WHERE code = ?", (role.value, account.officer.code)
            )
    return None if account is None else get_account(store, code)


class LastAccount(InputError):
    """Disabling this account would leave nobody able to sign in."""


def disable_officer(store: Store, code: str) -> Account | None:
    """Keep an account from signing in; None when there is no account with this code.

    Its PIN is removed as well, so that a roster from the central, which marks the officers
    it lists as active again, cannot let it back in: only a new PIN does (`add_officer`).
    The last account that can sign in is refused (`LastAccount`): with none left, the window
    asks whoever is in front of it to set up the first supervisor account.
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
            "locked_until = NULL WHERE code = ?",
            (account.officer.code,),
        )
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


def can_sign_in(store: Store) -> bool:
    """True when at least one active account has a PIN on this workstation.

    A workstation enrolled from scratch receives the roster from the central, but never PINs:
    until a local account exists nobody could sign in, so the window asks for one first.
    """
    with translated_errors(store.path):
        row = store.conn.execute(
            "SELECT 1 FROM officers WHERE active = 1 AND pin_hash IS NOT NULL LIMIT 1"
        ).fetchone()
    return row is not None


@dataclass(frozen=True)
class LoginResult:
    officer: Officer | None
    locked_until: datetime | None = None
    attempts_left: int = MAX_FAILURES

    @property
    def ok(self) -> bool:
        return self.officer is not None


def check_pin(store: Store, code: str, pin: str, *, now: datetime | None = None) -> LoginResult:
    """Check an officer's PIN, counting failures and locking the account after too many.

    A code with no account here, or an account with no PIN yet, gets the same answers as a
    wrong PIN (its failures are counted and locked out by the same rule, in
    `sign_in_failures`) and costs the same one scrypt run, so codes cannot be probed.
    """
    now = now or datetime.now(UTC)
    code = code.strip().upper()
    with translated_errors(store.path):
        row = store.conn.execute(
            "SELECT name, role, pin_hash FROM officers WHERE code = ? AND active = 1", (code,)
        ).fetchone()
    officer, pin_hash = (None, None) if row is None else (_officer(code, row[0], row[1]), row[2])
    matches = pin_matches(pin, pin_hash or _NO_PIN)  # one scrypt run, whatever the case
    # The count is read again inside the write, so that a check made meanwhile by another
    # connection (during the scrypt run) is not overwritten.
    table = "officers" if row is not None else "sign_in_failures"
    with store.write() as conn:
        counted = conn.execute(
            f"SELECT failed_attempts, locked_until FROM {table} WHERE code = ?", (code,)
        ).fetchone()
        failures, locked_until = counted or (0, None)
        with decoding(Message("The lock of account {code}", code=code)):
            locked = datetime.fromisoformat(locked_until) if locked_until else None
            failures = int(failures)
        if locked is not None and locked > now:
            return LoginResult(None, locked, 0)
        if officer is not None and pin_hash and matches:
            conn.execute(
                "UPDATE officers SET failed_attempts = 0, locked_until = NULL WHERE code = ?",
                (code,),
            )
            return LoginResult(officer)
        failures = 0 if locked_until else failures  # a lock that has run out starts a new count
        failures += 1
        lock = (now + LOCKOUT) if failures >= MAX_FAILURES else None
        counted_as = (0 if lock else failures, lock.isoformat() if lock else None, code)
        if row is None:
            conn.execute(
                "INSERT INTO sign_in_failures(failed_attempts, locked_until, code) "
                "VALUES (?, ?, ?) ON CONFLICT(code) DO UPDATE SET "
                "failed_attempts = excluded.failed_attempts, locked_until = excluded.locked_until",
                counted_as,
            )
        else:
            conn.execute(
                "UPDATE officers SET failed_attempts = ?, locked_until = ? WHERE code = ?",
                counted_as,
            )
    return LoginResult(None, lock, max(0, MAX_FAILURES - failures))


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
                    time=f"{result.locked_until.astimezone():%H:%M:%S}",
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
