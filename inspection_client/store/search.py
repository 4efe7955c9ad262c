"""Search terms of a record for the history filter box: documents, names, plates, VINs, containers.

Terms are stored upper-case in `search_terms`, so a prefix of any of them finds the record
through the (term, seq) key instead of a scan of every record's content; `record_terms`
holds each record's terms in one row, for checking the newest records one by one.
"""

from __future__ import annotations

import re
import unicodedata

import orjson

from inspection_client.domain.models import (
    Amendment,
    PassengerClearance,
    RecordBody,
    VehicleClearance,
)

_SEPARATORS = re.compile(r"[\s\-_.·/]+")


def normalise_term(text: str) -> str:
    """The form in which terms are stored and looked up: NFKC, upper case, no separators."""
    return _SEPARATORS.sub("", unicodedata.normalize("NFKC", text)).upper()


def _name_terms(*names: str) -> list[str]:
    return [normalise_term(part) for name in names for part in name.split() if part]


def terms_for_body(body: RecordBody) -> list[str]:
    if isinstance(body, Amendment):
        return terms_for_body(body.replacement)
    if isinstance(body, PassengerClearance):
        doc = body.document
        return [normalise_term(doc.number), *_name_terms(doc.surname, doc.given_names)]
    if isinstance(body, VehicleClearance):
        terms = [normalise_term(body.plate), *body.vins]
        terms += [load.number for load in body.containers]
        if body.declaration_number:
            terms.append(body.declaration_number)
        return terms
    return []


def terms_for_content(content: bytes) -> list[str]:
    """Terms from a stored record's canonical JSON, for records indexed after the fact."""
    from inspection_client.domain.models import Record

    record = Record.model_validate(orjson.loads(content))
    return terms_for_body(record.body)


def unique_terms(terms: list[str]) -> set[str]:
    return {term for term in terms if term}
