"""Which records a workstation made while it was revoked.

A revoked workstation keeps recording offline; once IT reinstates it, it delivers what it
kept and the central stores it as usual (docs/central.md, "Revoked workstations"). Whoever
held the device meanwhile may not have been the lane, so each record stored after a
reinstatement is marked `made_while_revoked` when it may have been made in the revoked time.

The rule, for each revocation IT lifted (revoked at R, reinstated at T, and S the highest
sequence number the central held for the workstation when it was revoked): a record is
marked when

- its seq is above S, and
- its device time (`recorded_at`) is before T.

Why these two, and not the device time alone:

- Sequence numbers are gap-free and given in order on the device, and S is the central's own
  observation. A record at or below S existed before R, whatever its clock says: it is never
  marked. This evidence cannot be forged by resetting a clock, and a record sent again at a
  held seq with other content is quarantined, never stored.
- Above S, the central never saw the record before R. It may have been made offline before
  the revocation, but only the device's clock would say so, and that is the clock a thief sets
  back. So a device time before R does not clear it (as the central refuses to take a
  "sealed before the revocation" time on trust): it is marked.
- At T, IT declared the device back in the lane's hands (`workstation reinstate` says to do so
  only once that is checked): records stamped at or after T are the lane's work after the
  reinstatement, and are not marked. This is the one place where the device clock decides;
  there is no sequence evidence for the end of the revoked time, as the central hears nothing
  from a revoked workstation.

What it cannot catch: a record whose device clock was set past the (then future) moment of
reinstatement. Auditors compare device times against `received_at` for that.

The mark depends only on the record and on revocations lifted before it could be stored (a
revoked workstation's batches are refused), so it is the same whichever batch brings the record,
and a duplicate sent again changes nothing. For a revocation lifted before the central kept
S, the migration that brought the mark (`central_005_made_while_revoked` on SQLite,
`central_006_made_while_revoked` on PostgreSQL) works S out from when the central received
what it held, and marks the records stored by then.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import NamedTuple


class LiftedRevocation(NamedTuple):
    """What the mark needs of a lifted revocation."""

    held_seq: int  # the highest seq the central held when the workstation was revoked
    reinstated_at: datetime


def made_while_revoked(seq: int, recorded_at: datetime, lifted: Iterable[LiftedRevocation]) -> bool:
    """Whether the record at `seq`, stamped `recorded_at` by the device, is marked (see the
    module's docstring). A device time without a UTC offset is read as UTC."""
    if recorded_at.tzinfo is None:
        recorded_at = recorded_at.replace(tzinfo=UTC)
    return any(seq > span.held_seq and recorded_at < span.reinstated_at for span in lifted)
