"""Watchlist benchmark: applying a 1,000,000-document snapshot, check latency, false positives.

Generates 1,000,000 lost/stolen documents and 200,000 persons, signs the snapshot with a
throw-away key, applies it to a fresh workstation, then measures per-record check times
(p50/p99) against a plain dict look-up of exact document numbers measured in the same run,
and the false-positive rate on a generated population of travellers not on the list.

    python benchmarks/bench_watchlist.py [--documents N] [--persons N] [--population N]
"""

from __future__ import annotations

import argparse
import random
import string
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from itertools import accumulate
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from inspection_client.domain.codes import LaneKind
from inspection_client.domain.models import Workstation
from inspection_client.store.database import Store
from inspection_client.sync import wire
from inspection_client.watchlist import normalise
from inspection_client.watchlist.apply import apply_snapshot
from inspection_client.watchlist.check import Checker, open_checker
from inspection_client.watchlist.payload import build_payload

BENCH_WORKSTATION = Workstation(
    workstation_id="BENCH", port_code="KHG", lane_id="P01", lane_kind=LaneKind.PASSENGER
)
STATES = ("UTO", "CHN", "PAK", "KAZ", "MNG", "RUS", "IND", "AFG", "KGZ", "TJK", "NPL", "DEU")
ONSETS = ("B", "CH", "D", "F", "G", "H", "J", "K", "KH", "L", "M", "N", "P", "R", "S", "SH",
          "T", "V", "Z", "ZH", "Y", "")  # fmt: skip
VOWELS = ("A", "E", "I", "O", "U", "AI", "IA", "OU", "EI")
CODAS = ("", "", "N", "NG", "R", "S", "V", "L", "M", "K")


def _syllable(rng: random.Random) -> str:
    return rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS)


def _pool(rng: random.Random, size: int, syllables: tuple[int, int]) -> list[str]:
    names = set()
    while len(names) < size:
        names.add("".join(_syllable(rng) for _ in range(rng.randint(*syllables))))
    return sorted(names)


class People:
    """Names drawn with a skewed (Zipf-like) frequency, as real surnames are."""

    def __init__(self, seed: int) -> None:
        rng = random.Random(seed)
        self.surnames = _pool(rng, 20_000, (2, 3))
        self.given = _pool(rng, 8_000, (1, 3))
        self.surname_weights = list(accumulate(1 / (i + 10) for i in range(len(self.surnames))))
        self.given_weights = list(accumulate(1 / (i + 10) for i in range(len(self.given))))

    def person(self, rng: random.Random) -> tuple[str, str, date]:
        surname = rng.choices(self.surnames, cum_weights=self.surname_weights)[0]
        given = " ".join(
            rng.choices(self.given, cum_weights=self.given_weights, k=rng.choice((1, 1, 2)))
        )
        born = date(1940, 1, 1) + timedelta(days=rng.randrange(66 * 365))
        return surname, given, born


def _document_number(rng: random.Random) -> str:
    return rng.choice(string.ascii_uppercase) + "".join(rng.choices(string.digits, k=8))


def generate(
    documents: int, persons: int, people: People, rng: random.Random
) -> tuple[dict[str, list[str]], dict[str, list[str]], list[tuple[str, str, date]]]:
    numbers = [_document_number(rng) for _ in range(documents)]
    states = [rng.choice(STATES) for _ in range(documents)]
    docs = {
        "id": [""] * documents,
        "number": numbers,
        "state": states,
        "type": ["P"] * documents,
        "reason": [rng.choice(("lost", "stolen", "revoked")) for _ in range(documents)],
        "action": [""] * documents,
    }
    listed = [people.person(rng) for _ in range(persons)]
    people_columns = {
        "id": [f"WL-{i}" for i in range(persons)],
        "surname": [p[0] for p in listed],
        "given_names": [p[1] for p in listed],
        "original_name": [""] * persons,
        # A tenth of the lists give only the birth year, as many notices do.
        "birth_date": [
            p[2].isoformat() if i % 10 else str(p[2].year) for i, p in enumerate(listed)
        ],
        "nationality": [rng.choice(STATES) for _ in range(persons)],
        "reason": ["wanted"] * persons,
        "action": ["refer"] * persons,
    }
    return docs, people_columns, listed


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return ordered[len(ordered) // 2] * 1000, ordered[int(len(ordered) * 0.99)] * 1000


def _typo(name: str, rng: random.Random) -> str:
    if len(name) < 5:
        return name
    i = rng.randrange(1, len(name) - 1)
    return name[:i] + rng.choice(string.ascii_uppercase) + name[i + 1 :]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1_000_000)
    parser.add_argument("--persons", type=int, default=200_000)
    parser.add_argument("--population", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=5_000)
    args = parser.parse_args()
    rng = random.Random(20240501)
    people = People(7)

    started = time.perf_counter()
    docs, persons, listed = generate(args.documents, args.persons, people, rng)
    print(f"generated {args.documents:,} documents and {args.persons:,} persons "
          f"in {time.perf_counter() - started:.1f} s")  # fmt: skip

    key = Ed25519PrivateKey.generate()
    issued = datetime.now(UTC)
    snapshot = wire.Snapshot(
        kind=wire.ReferenceKind.WATCHLIST,
        version=1,
        issued_at=issued,
        expires_at=issued + timedelta(days=30),
        payload=build_payload({"documents": docs, "persons": persons}),
    )
    signed = wire.SignedSnapshot(snapshot=snapshot, signature=wire.sign(snapshot, key))
    docs_only = wire.Snapshot(
        kind=wire.ReferenceKind.WATCHLIST,
        version=1,
        issued_at=issued,
        expires_at=issued + timedelta(days=30),
        payload=build_payload({"documents": docs}),
    )
    signed_docs = wire.SignedSnapshot(snapshot=docs_only, signature=wire.sign(docs_only, key))

    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        with Store.open(directory / "docs" / "lane.db") as store:
            store.configure_workstation(BENCH_WORKSTATION)
            result = apply_snapshot(store, signed_docs, central_key=key.public_key())
        print(f"apply {args.documents:,}-document snapshot: {result.seconds:.2f} s "
              f"(goal < 10 s)")  # fmt: skip
        with Store.open(directory / "lane.db") as store:
            store.configure_workstation(BENCH_WORKSTATION)
            result = apply_snapshot(store, signed, central_key=key.public_key())
            print(f"apply {args.documents:,} documents + {args.persons:,} persons: "
                  f"{result.seconds:.2f} s")  # fmt: skip
            checker = open_checker(store)
            assert checker is not None
            with checker:
                measure(checker, docs, listed, people, rng, args)


def measure(
    checker: Checker,
    docs: dict[str, list[str]],
    listed: list[tuple[str, str, date]],
    people: People,
    rng: random.Random,
    args: argparse.Namespace,
) -> None:
    # Baseline: a dict of exact numbers, the least any document look-up can cost.
    exact = {(n, s): i for i, (n, s) in enumerate(zip(docs["number"], docs["state"], strict=True))}
    queries = [
        (docs["number"][i], docs["state"][i]) if k % 2 else (_document_number(rng), "UTO")
        for k, i in enumerate(rng.sample(range(len(docs["number"])), args.queries))
    ]
    baseline = []
    for number, state in queries:
        t = time.perf_counter()
        _ = exact.get((normalise.document_key(number), state))
        baseline.append(time.perf_counter() - t)
    timings, hits = [], 0
    for number, state in queries:
        t = time.perf_counter()
        hits += bool(checker.documents(number, state))
        timings.append(time.perf_counter() - t)
    b50, b99 = percentiles(baseline)
    d50, d99 = percentiles(timings)
    print(f"documents: p50 {d50:.3f} ms, p99 {d99:.3f} ms (goal < 5 ms); {hits:,} hits of "
          f"{len(queries):,} (half listed); dict baseline p50 {b50:.4f} ms p99 {b99:.4f} ms; "
          f"ratio p99 {d99 / b99:.0f}x")  # fmt: skip

    timings, found = [], 0
    for k in range(args.queries):
        if k % 2:
            surname, given, born = rng.choice(listed)
            surname = _typo(surname, rng) if k % 4 == 1 else surname
        else:
            surname, given, born = people.person(rng)
        t = time.perf_counter()
        found += bool(checker.persons(surname, given, birth_date=born))
        timings.append(time.perf_counter() - t)
    p50, p99 = percentiles(timings)
    print(
        f"persons: p50 {p50:.2f} ms, p99 {p99:.2f} ms (goal < 30 ms); "
        f"{found:,} of {args.queries:,} flagged (half listed, a quarter with a typo)"
    )
    print(f"ratio person p99 / document p99: {p99 / d99:.1f}x")

    on_list = {(s, g, b) for s, g, b in listed}
    listed_names = {(s, g) for s, g, _ in listed}
    population = 0
    false_person = namesakes = false_doc = 0
    started = time.perf_counter()
    while population < args.population:
        surname, given, born = people.person(rng)
        if (surname, given, born) in on_list:
            continue
        population += 1
        hits = checker.persons(surname, given, birth_date=born)
        if hits:
            false_person += 1
            namesakes += (surname, given) in listed_names
        false_doc += bool(checker.documents(_document_number(rng), rng.choice(("UTO", "CHN"))))
    seconds = time.perf_counter() - started
    print(f"false positives on {population:,} travellers not listed: persons "
          f"{false_person:,} ({false_person / population:.2%}; {namesakes:,} of them exact "
          f"namesakes born within a year of a listed person), documents {false_doc:,} "
          f"({false_doc / population:.3%}, random numbers that happen to be listed); "
          f"{population / seconds:,.0f} travellers/s")  # fmt: skip


if __name__ == "__main__":
    main()
