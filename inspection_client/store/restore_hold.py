"""A restored database holds new records until the central has been asked for the ones it lost.

A backup ends at some record #N; the lane went on past it before the disk failed, and the
records it synced are at the central. A record saved on the restored database would take
number N+1, which the central already holds for another record: the lane's history forks,
and IT has to sort out two records under one number. So a restore of an enrolled
workstation places a hold: saving is refused until a sync round has compared this database
with the central (and taken back what it holds past #N), which lifts it.

A database put back to an older copy without `db restore` (by hand, a virtual machine's
snapshot, a disk that lost its last writes) is in the same state. Opening it finds that out
from the witness file beside it (`store.witness`) and places the same hold, noting the cause
(`ROLLED_BACK`), so that the messages say what happened. A workstation that is not enrolled
has no central to take records back from: only a supervisor lifts such a hold.

A lane that cannot reach the central (a remote port, a link down for days, a lane that syncs
by USB only) must still be able to work: a supervisor can lift the hold, knowing that the
central will then flag the records numbered twice. Who lifted it, when and why is kept.

The check costs nothing on a database that was never held: a `Store` that has seen no hold
does not look again. A hold is placed only by a restore, which refuses a database in use, and
by opening a database that went back, which happens before the lane saves anything on it.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from inspection_client.message import Message
from inspection_client.store.database import Store, write_setting
from inspection_client.store.errors import StoreError

HOLD_SETTING = "backup.awaiting_central"
LIFTED_SETTING = "backup.hold_lifted"
LIFTED_BY_SYNC = "sync"  # `Lifted.by` when a sync round lifted the hold
LIFTED_BY_USB = "usb"  # when records the central exported onto a USB stick did
# `Hold.cause`: put back by `db restore`, or found gone back at open without one.
RESTORED = "restored"
ROLLED_BACK = "rolled_back"


class HeldAfterRestore(StoreError):
    """Saving refused: the database was restored and the central has not been asked yet."""

    exit_status = 1


@dataclass(frozen=True)
class Hold:
    since: str  # when the hold was placed (ISO 8601, local time with its offset)
    head_seq: int  # the backup's last record; for `ROLLED_BACK`, the database's at open
    cause: str = RESTORED
    # `ROLLED_BACK` only: the newest record the witness file noted, and that file.
    noted_seq: int | None = None
    noted_in: str | None = None
    # Read, not kept: whether the workstation is enrolled (a central can take records back).
    enrolled: bool = True

    @property
    def when(self) -> str:
        """`since` for people: the local date and minute."""
        return self.since[:16].replace("T", " ")

    @property
    def rolled_back(self) -> bool:
        return self.cause == ROLLED_BACK

    def to_json(self) -> dict[str, Any]:
        """As `db info --json` shows it; a restore's hold as before this cause was noted."""
        shown: dict[str, Any] = {"since": self.since, "head_seq": self.head_seq}
        if self.rolled_back:
            shown |= {"cause": self.cause, "noted_seq": self.noted_seq, "noted_in": self.noted_in}
            shown["enrolled"] = self.enrolled
        return shown


@dataclass(frozen=True)
class Lifted:
    at: str
    by: str  # `LIFTED_BY_SYNC`, or the code of the supervisor who lifted it
    reason: str
    head_seq: int  # this database's last record when it was lifted


def place(store: Store, head_seq: int) -> Hold:
    """Hold new records from now on (a restore of an enrolled workstation does this)."""
    with store.write() as conn:
        hold = place_in(conn, head_seq)
    store.hold_possible = True
    return hold


def place_in(
    conn: sqlite3.Connection,
    head_seq: int,
    *,
    cause: str = RESTORED,
    noted_seq: int | None = None,
    noted_in: str | None = None,
) -> Hold:
    """`place` inside the caller's write transaction (the caller sets `hold_possible`)."""
    hold = Hold(
        datetime.now().astimezone().isoformat(timespec="seconds"),
        head_seq,
        cause,
        noted_seq,
        noted_in,
        _enrolled(conn),
    )
    noted: dict[str, Any] = {"since": hold.since, "head_seq": head_seq}
    if cause != RESTORED:
        noted |= {"cause": cause, "noted_seq": noted_seq, "noted_in": noted_in}
    conn.execute("DELETE FROM settings WHERE key = ?", (LIFTED_SETTING,))
    write_setting(conn, HOLD_SETTING, json.dumps(noted))
    return hold


def current(store: Store) -> Hold | None:
    """The hold in force, or None."""
    return _read_hold(store.conn)


def refuse_if_held(store: Store, conn: sqlite3.Connection) -> None:
    """Inside a write transaction that saves new records: refuse them while held.

    Raises:
        HeldAfterRestore: the database is held; the transaction should roll back.
    """
    if not store.hold_possible:
        return
    hold = _read_hold(conn)
    if hold is None:
        store.hold_possible = False
        return
    if hold.rolled_back:
        raise HeldAfterRestore(Message("{held} Nothing was saved.", held=describe(hold)))
    raise HeldAfterRestore(
        Message(
            "This lane database was restored from a backup on {since} and holds new records "
            "until a sync with the central brings back the records saved after that backup: "
            "saved now, they would take numbers the central already holds. Sync first. If the "
            "central cannot be reached, a supervisor can lift the hold; the central will then "
            "flag the records numbered twice for IT. Nothing was saved.",
            since=hold.when,
        )
    )


def what_happened(hold: Hold) -> Message:
    """For a `ROLLED_BACK` hold: how the database was found to have gone back."""
    return Message(
        "This lane database ends at record #{head}, but record #{noted} was saved on it "
        "before (noted in {file}): it was put back to an older copy without `db restore`.",
        head=hold.head_seq,
        noted=hold.noted_seq if hold.noted_seq is not None else "?",
        file=hold.noted_in or "?",
    )


def what_now(hold: Hold) -> Message:
    """For a `ROLLED_BACK` hold: why new records wait, and what ends the wait."""
    if hold.enrolled:
        return Message(
            "New records are held until a sync with the central brings back the records "
            "saved after #{head}: saved now, they would take numbers the central already "
            "holds. Sync first. If the central cannot be reached, a supervisor can lift the "
            "hold; the central will then flag the records numbered twice for IT.",
            head=hold.head_seq,
        )
    return Message(
        "New records are held: saved now, they would take the numbers of the records it "
        "lost. This workstation is not enrolled, so no sync can bring them back: ask IT "
        "for a newer copy of the data directory, or have a supervisor lift the hold.",
    )


# The window's title over a `ROLLED_BACK` hold, where a restore's says "Restored database".
ROLLED_BACK_TITLE = Message("Lane database put back to an older copy: new records are held")


def describe(hold: Hold) -> Message:
    """A `ROLLED_BACK` hold for people: what happened, and what to do."""
    return Message("{what} {then}", what=what_happened(hold), then=what_now(hold))


def lift(store: Store, *, by: str, reason: str) -> Lifted | None:
    """Lift the hold, noting who, when and why; None when there was none."""
    with store.write() as conn:
        if _read_hold(conn) is None:
            return None
        row = conn.execute("SELECT max(seq) FROM records").fetchone()
        lifted = Lifted(
            datetime.now().astimezone().isoformat(timespec="seconds"),
            by,
            reason,
            int(row[0] or 0),
        )
        conn.execute("DELETE FROM settings WHERE key = ?", (HOLD_SETTING,))
        noted = {"at": lifted.at, "by": by, "reason": reason, "head_seq": lifted.head_seq}
        write_setting(conn, LIFTED_SETTING, json.dumps(noted))
    return lifted


def last_lifted(store: Store) -> Lifted | None:
    """How the last hold ended, or None (never held, or held now)."""
    noted = _setting_json(store.conn, LIFTED_SETTING)
    if noted is None:
        return None
    try:
        return Lifted(
            str(noted["at"]), str(noted["by"]), str(noted["reason"]), int(noted["head_seq"])
        )
    except (KeyError, TypeError, ValueError):
        return None


def _read_hold(conn: sqlite3.Connection) -> Hold | None:
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (HOLD_SETTING,)).fetchone()
    if row is None:
        return None
    noted = _setting_json(conn, HOLD_SETTING) or {}
    try:
        since, head_seq = str(noted["since"]), int(noted["head_seq"])
    except (KeyError, TypeError, ValueError):
        # A note damaged on disk still holds: the safe side is not to number records twice.
        return Hold("?", 0)
    if noted.get("cause") != ROLLED_BACK:
        return Hold(since, head_seq)
    seq, file = noted.get("noted_seq"), noted.get("noted_in")
    return Hold(
        since,
        head_seq,
        ROLLED_BACK,
        seq if isinstance(seq, int) else None,
        file if isinstance(file, str) else None,
        _enrolled(conn),
    )


def _enrolled(conn: sqlite3.Connection) -> bool:
    """Whether a central key is pinned (`sync_state.CENTRAL_KEY`): a central to ask."""
    query = "SELECT 1 FROM sync_state WHERE key = 'central_key'"
    return conn.execute(query).fetchone() is not None


def _setting_json(conn: sqlite3.Connection, key: str) -> dict[str, Any] | None:
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    try:
        noted = json.loads(row[0]) if row else None
    except ValueError:
        return None
    return noted if isinstance(noted, dict) else None
