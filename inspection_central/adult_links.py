"""The accompanying adult a minor's record names, checked when its batch is stored.

The lane refuses a link that breaks the rule (`inspection_client.domain.accompanying`) when it
saves the record; the central applies the same rule to what it holds, so that a link made
elsewhere (a forged or edited record, a lane too old to check) does not pass unnoticed. A
record whose link fails is rejected like an invalid one: kept aside with the reason, named in
the receipt, listed by `inspection-central problems`.
"""

from __future__ import annotations

from typing import NamedTuple

from inspection_central.storage import AdultLink
from inspection_client.domain.accompanying import AdultProblem, adult_problem
from inspection_client.domain.models import Record


class HeldAdult(NamedTuple):
    """The record held with the id a link names."""

    workstation_id: str
    seq: int
    content: str


def target_pattern(record_id: str) -> str:
    """A LIKE pattern for the records that amend or void `record_id`: contents are canonical
    JSON, so the target's id appears exactly so."""
    return f'%"target_id":"{record_id}"%'


def refusal(
    link: AdultLink, workstation_id: str, held: HeldAdult | None, aimed_at_it: list[str]
) -> str | None:
    """Why the central rejects the record of `link`, or None when its adult is a valid one.

    Args:
        link: the record and the adult it names.
        workstation_id: the record's workstation.
        held: the record held with the adult's id, if any.
        aimed_at_it: the contents of the workstation's amendments and voids of it, made after
            it and before the linking record, in seq order.
    """
    if held is None:
        return (
            f"names as accompanying adult record {link.adult_id}, which the central does not "
            "hold (not delivered yet, or rejected): send this record again once it does"
        )
    if held.workstation_id == workstation_id:
        named = f"#{held.seq}"
    else:
        named = f"record {link.adult_id} of {held.workstation_id}"
    earlier = held.workstation_id == workstation_id and held.seq < link.seq
    adult = Record.model_validate_json(held.content).body if earlier else None
    later = [Record.model_validate_json(content).body for content in aimed_at_it]
    problem = adult_problem(adult, later)
    if problem is AdultProblem.NOT_A_PASSENGER_CLEARANCE:
        return (
            f"names as accompanying adult {named}, which is not a passenger clearance of this "
            "workstation made before this record"
        )
    if problem is AdultProblem.VOIDED:
        return f"names as accompanying adult {named}, which had been voided before this record"
    if problem is AdultProblem.MINOR:
        return (
            f"names as accompanying adult {named}, which is a minor's clearance: a minor cannot "
            "accompany another"
        )
    return None
