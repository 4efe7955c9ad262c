"""The history of the sign-in accounts: who changed which account, when, and how.

Kept apart from the records and their audit chain: the chain is what the lane sends to the
central, which takes only the kinds of record it knows, and a restored lane holds records
back until a sync, while IT must still be able to fix an account then. The table refuses
to change or delete a row (triggers); it never holds a PIN nor its hash.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from inspection_client.store.database import Store
from inspection_client.store.errors import translated_errors


class AccountEvent(StrEnum):
    ADDED = "added"
    PIN_SET = "pin-set"
    ROLE_SET = "role-set"
    NAME_SET = "name-set"  # by the central's roster, the only way a name changes
    DISABLED = "disabled"
    ENABLED = "enabled"
    LOCKED = "locked"
    UNLOCKED = "unlocked"
    PIN_REMOVED = "pin-removed"  # from an inactive account, by `0008_retired_pins_removed`


class Via(StrEnum):
    """Where a change was made."""

    COMMAND_LINE = "command line"
    FIRST_SETUP = "first setup"  # the window's first-supervisor dialog
    SIGN_IN = "sign-in"  # wrong PINs, at sign-in or a supervisor's approval
    DEMO_SETUP = "demo setup"
    WINDOW = "window"  # an officer changing their own PIN at the window
    SUPERVISOR = "supervisor at the window"  # a supervisor giving another officer a new PIN
    STORE_UPGRADE = "store upgrade"  # a migration of the local database, when it is opened


_ROSTER = "central roster v"


def from_roster(version: int) -> str:
    """The `via` of a change made by the central's roster of this version."""
    return f"{_ROSTER}{version}"


@dataclass(frozen=True)
class AccountChange:
    at: datetime
    code: str
    event: str
    by: str | None  # who: an operating-system user, an officer code; None for the lane itself
    via: str
    detail: str = ""


# Codes typed at sign-in can be anything; what is kept of one is bounded.
_CODE_LENGTH = 40


def note(
    conn: sqlite3.Connection,
    code: str,
    event: AccountEvent,
    *,
    by: str | None,
    via: Via | str,
    detail: str = "",
    at: datetime | None = None,
) -> None:
    """Add a row, inside the caller's write transaction (the change and its row go together)."""
    conn.execute(
        "INSERT INTO account_history(at, code, event, by, via, detail) VALUES (?, ?, ?, ?, ?, ?)",
        (
            (at or datetime.now(UTC)).isoformat(),
            code[:_CODE_LENGTH],
            event.value,
            by,
            str(via),
            detail,
        ),
    )


def changes(store: Store, code: str | None = None) -> list[AccountChange]:
    """Every change, oldest first; only those of account `code` when given."""
    query = "SELECT at, code, event, by, via, detail FROM account_history"
    params: tuple[str, ...] = ()
    if code is not None:
        query += " WHERE code = ?"
        params = (code.strip().upper(),)
    with translated_errors(store.path):
        rows = store.conn.execute(query + " ORDER BY id", params).fetchall()
    return [
        AccountChange(_when(at), code, event, by, via, detail)
        for at, code, event, by, via, detail in rows
    ]


def _when(at: str) -> datetime:
    try:
        return datetime.fromisoformat(at)
    except ValueError:
        return datetime(1970, 1, 1, tzinfo=UTC)  # a damaged time: the row is still shown


def any_account_set_up(conn: sqlite3.Connection) -> bool:
    """True when an account was ever given a PIN here, or disabled here.

    A roster from the central brings accounts with no PIN: those alone, and the history
    rows that say so, do not count, as a newly enrolled lane has nothing else. Anything more
    means the lane has been in use, and its accounts are IT's to fix
    (`inspection-client officer`), not whoever's at the window.
    """
    row = conn.execute(
        "SELECT 1 FROM officers WHERE pin_hash IS NOT NULL OR active = 0 "
        "UNION ALL SELECT 1 FROM account_history WHERE event != ? AND via NOT LIKE ? LIMIT 1",
        (AccountEvent.LOCKED.value, f"{_ROSTER}%"),
    ).fetchone()
    return row is not None
