"""Search terms of a record for the history filter box: documents, names, plates, VINs, containers.

Terms are normalised (`normalise_term`) and indexed in `record_search`, a full-text index
(SQLite FTS5) with one row per record: its terms separated by spaces, under its seq. The
index's tokenizer splits at spaces only (migration `0010_record_search`), so each term is
one token, and `prefix_query` finds the records with a term that starts with a prefix.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

import orjson

from inspection_client.domain.models import (
    Amendment,
    PassengerClearance,
    RecordBody,
    VehicleClearance,
)

# Separators, and control characters (which the search index's tokenizer would split at).
_SEPARATORS = re.compile(r"[\s\-_.·/\x00-\x1f\x7f]+")


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


def record_terms(body: RecordBody) -> tuple[str, ...]:
    """The terms a record is indexed under: non-empty, each once, in the order found."""
    return tuple(dict.fromkeys(term for term in terms_for_body(body) if term))


def terms_for_content(content: bytes) -> list[str]:
    """`terms_for_body` of a stored record, from its canonical JSON, for records indexed
    after the fact (`search_index.rebuild`).

    The JSON is what the models dumped, so its values are the fields as validated: the terms
    are read from it as `terms_for_body` reads them from the models (a test holds the two
    to the same answer for every kind of record), at a fifth of the cost of validating the
    record again. The audit chain, not this, is what vouches for the content.

    Raises:
        ValueError, KeyError, TypeError: the content is not a record's (damage).
    """
    body = orjson.loads(content)["body"]
    if body["kind"] == "amendment":
        body = body["replacement"]
    if body["kind"] == "passenger":
        doc = body["document"]
        return [normalise_term(doc["number"]), *_name_terms(doc["surname"], doc["given_names"])]
    if body["kind"] == "vehicle":
        terms = [normalise_term(body["plate"]), *body["vins"]]
        terms += [load["number"] for load in body["containers"]]
        if body["declaration_number"]:
            terms.append(body["declaration_number"])
        return terms
    return []


def content_terms(content: bytes) -> tuple[str, ...]:
    """`record_terms` of a stored record, from its canonical JSON (`terms_for_content`)."""
    return tuple(dict.fromkeys(term for term in terms_for_content(content) if term))


def unique_terms(terms: list[str]) -> set[str]:
    return {term for term in terms if term}


def search_document(terms: Iterable[str]) -> str:
    """A record's row in `record_search`: its (normalised, non-empty) terms."""
    return " ".join(terms)


def prefix_query(prefix: str) -> str:
    """The FTS5 query for the records with a term that starts with `prefix` (normalised).

    A quoted string is one token to the index's tokenizer, whatever it holds; a double
    quote inside it is doubled.
    """
    return '"' + prefix.replace('"', '""') + '"*'
