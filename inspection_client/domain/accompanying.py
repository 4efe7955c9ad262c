"""Who may accompany a minor: the rule for the adult a minor's clearance names, applied alike
by the lane when it saves the record and by the central when it receives it.

A minor's clearance (or an amendment whose replacement is one) names the adult's passenger
clearance by record id. The adult must be a passenger clearance of the same workstation, made
before the record that names it, and, as it stood when that record was made (its amendments
and voids up to then applied), neither voided nor a minor's. Each side finds those records in
its own database and words the answer for its own readers.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from enum import StrEnum

from inspection_client.domain.codes import TravellerRole
from inspection_client.domain.models import Amendment, PassengerClearance, RecordBody, Void


class AdultProblem(StrEnum):
    """Why a record cannot be a minor's accompanying adult."""

    NOT_A_PASSENGER_CLEARANCE = "not_a_passenger_clearance"  # of this workstation, made before
    VOIDED = "voided"
    MINOR = "minor"


def named_adult(body: RecordBody) -> uuid.UUID | None:
    """The accompanying adult a record names: a minor's clearance names one, and so does an
    amendment whose replacement is a minor's clearance. None for every other record."""
    decided = body.replacement if isinstance(body, Amendment) else body
    if isinstance(decided, PassengerClearance):
        return decided.accompanying_adult_id
    return None


def adult_problem(
    adult: RecordBody | None, aimed_at_it: Iterable[RecordBody]
) -> AdultProblem | None:
    """What is wrong with naming a record as a minor's accompanying adult; None when nothing.

    Args:
        adult: the named record's body, when it is a record of the naming record's
            workstation made before it; None when there is no such record.
        aimed_at_it: the bodies of that workstation's records that amend or void the named
            one, made after it and before the naming record, in sequence order.
    """
    if not isinstance(adult, PassengerClearance):
        return AdultProblem.NOT_A_PASSENGER_CLEARANCE
    stands = adult
    for later in aimed_at_it:
        if isinstance(later, Void):
            return AdultProblem.VOIDED
        if isinstance(later, Amendment) and isinstance(later.replacement, PassengerClearance):
            stands = later.replacement
    if stands.traveller_role is TravellerRole.MINOR:
        return AdultProblem.MINOR
    return None
