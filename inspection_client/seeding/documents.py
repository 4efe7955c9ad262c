"""Travellers' documents as seeded clearances hold them, with their machine readable zones.

The MRZ lines are written as `domain.mrz` writes them, at a fraction of the cost: the line
with the names is cached, and the check digits are computed once per field.
"""

from __future__ import annotations

import functools
from datetime import date
from typing import Any, NamedTuple

from inspection_client.domain.mrz import build_td1, build_td3, check_digit


class Document(NamedTuple):
    """A traveller's document in record form, made once and reused when they cross again."""

    fields: dict[str, Any]  # exactly `TravelDocument.model_dump(mode="json")`
    terms: tuple[str, ...]  # the search terms of a clearance with this document


def kept_terms(terms: list[str]) -> tuple[str, ...]:
    """Search terms as `records.prepare` keeps them: non-empty, first occurrence only."""
    return tuple(dict.fromkeys([term for term in terms if term]))


# -- machine readable zones: the names' line is cached, the rest written as `domain.mrz` does

DateField = tuple[str, str]  # ISO date for the record, YYMMDD and check digit for the MRZ
_ANY_DAY = date(2000, 1, 1)


@functools.cache
def date_field(day: date) -> DateField:
    yymmdd = f"{day.year % 100:02d}{day.month:02d}{day.day:02d}"
    return day.isoformat(), yymmdd + check_digit(yymmdd)


@functools.cache
def names_line(document_code: str, state: str, surname: str, given_names: str) -> str:
    """The MRZ line with the names (TD3's first, TD1's third): it depends on nothing else."""
    build = build_td1 if document_code == "I" else build_td3
    lines = build(
        issuing_state=state,
        document_number="0",
        surname=surname,
        given_names=given_names,
        nationality=state,
        birth_date=_ANY_DAY,
        sex="X",
        expiry_date=_ANY_DAY,
    )
    return lines[-1] if document_code == "I" else lines[0]


def td3(
    state: str,
    number: str,
    surname: str,
    given_names: str,
    birth: DateField,
    sex: str,
    expiry: DateField,
) -> tuple[str, str]:
    """`build_td3` for a passport of `state` without a personal number, at a third the cost."""
    field = number.ljust(9, "<")
    line2 = f"{field}{check_digit(field)}{state.ljust(3, '<')}{birth[1]}{sex}{expiry[1]}{'<' * 15}"
    composite = check_digit(line2[0:10] + line2[13:20] + line2[21:43])
    return names_line("P", state, surname, given_names), line2 + composite


def td1(
    state: str,
    number: str,
    surname: str,
    given_names: str,
    birth: DateField,
    sex: str,
    expiry: DateField,
) -> tuple[str, str, str]:
    """`build_td1` for an identity card of `state` with a number of up to 9 characters."""
    line1 = f"I<{state.ljust(3, '<')}{number.ljust(9, '<')}{check_digit(number)}{'<' * 15}"
    line2 = f"{birth[1]}{sex}{expiry[1]}{state.ljust(3, '<')}{'<' * 11}"
    composite = check_digit(line1[5:30] + line2[0:7] + line2[8:15] + line2[18:29])
    return line1, line2 + composite, names_line("I", state, surname, given_names)
