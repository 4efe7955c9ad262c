"""Who is working at this workstation right now, and in which shift."""

from __future__ import annotations

from dataclasses import dataclass, replace

from inspection_client.domain.codes import Direction
from inspection_client.domain.models import Officer, Shift, Workstation


@dataclass(frozen=True)
class Session:
    workstation: Workstation
    officer: Officer
    shift: Shift | None = None
    direction: Direction = Direction.ENTRY

    def with_shift(self, shift: Shift | None) -> Session:
        return replace(self, shift=shift)
