"""Who is working at this workstation right now, and in which shift."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from inspection_client.domain.codes import Direction
from inspection_client.domain.models import Officer, Shift, Workstation
from inspection_client.store.database import Store
from inspection_client.store.officers import require_signed_in


@dataclass(frozen=True)
class Session:
    workstation: Workstation
    officer: Officer
    shift: Shift | None = None
    direction: Direction = Direction.ENTRY
    stamp: str | None = None  # the PIN signed in with (`officers.pin_stamp`)

    def with_shift(self, shift: Shift | None) -> Session:
        return replace(self, shift=shift)


def as_signed_in(
    officer: str, stamp: str | None, work: Callable[[Store], Any]
) -> Callable[[Store], Any]:
    """`work` for the store worker, done only while the officer with this code, signed in
    with the PIN `stamp` tells, may still work here: an
    account disabled or given a new PIN meanwhile raises `SessionEnded` instead, and the
    window goes back to the sign-in page (`Operations.session_ended`).

    Checked before `work` starts, and again inside each of its write transactions, under
    the write lock (`Store.guarding_writes`): a change made by the command line between
    the first check and the save cannot let that save through.
    """

    def guarded(store: Store) -> Any:
        require_signed_in(store, officer, stamp)
        with store.guarding_writes(lambda: require_signed_in(store, officer, stamp)):
            return work(store)

    return guarded
