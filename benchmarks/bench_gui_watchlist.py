"""GUI-thread cost of the watchlist check in the passenger lane.

Applies a generated snapshot (default 1,000,000 documents and 200,000 persons), then times the
lane's handling of a completed MRZ (fill the form + watchlist check + band) for travellers not
on the list and for listed ones, next to the same handling on a lane with no snapshot active,
measured in the same run. The goal is < 50 ms per keystroke on the GUI thread.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_gui_watchlist.py [--documents N]
        [--persons N] [--travellers N]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_watchlist import BENCH_WORKSTATION, People, generate, percentiles
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtWidgets import QApplication

from inspection_client.domain.codes import CaptureMethod
from inspection_client.domain.mrz import build_td3, parse_mrz
from inspection_client.store.database import Store
from inspection_client.sync import wire
from inspection_client.ui.lane import PassengerLane
from inspection_client.ui.operations import ImmediateOperations
from inspection_client.watchlist.apply import apply_snapshot
from inspection_client.watchlist.payload import build_payload


def travellers(
    people: People, rng: random.Random, count: int, listed: list[tuple[str, str, date]]
) -> tuple[list[str], list[str]]:
    """MRZ texts of travellers drawn like the list's population, and of listed persons."""

    def mrz(surname: str, given: str, born: date) -> str:
        return "\n".join(
            build_td3(
                issuing_state="UTO",
                document_number=f"T{rng.randrange(10**7, 10**8)}",
                surname=surname,
                given_names=given,
                nationality="UTO",
                birth_date=born,
                sex="F",
                expiry_date=date(2034, 1, 1),
            )
        )

    unlisted = [mrz(*people.person(rng)) for _ in range(count)]
    hits = [mrz(*listed[rng.randrange(len(listed))]) for _ in range(max(1, count // 10))]
    return unlisted, hits


def time_lane(lane: PassengerLane, texts: list[str]) -> list[float]:
    samples = []
    for text in texts:
        result = parse_mrz(text)
        started = time.perf_counter()
        lane.passenger.show_mrz(result, CaptureMethod.SCANNED_MRZ)  # emits changed -> check
        samples.append(time.perf_counter() - started)
        lane.passenger.clear()
        lane._forget_watchlist()
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1_000_000)
    parser.add_argument("--persons", type=int, default=200_000)
    parser.add_argument("--travellers", type=int, default=2_000)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    rng = random.Random(11)
    people = People(7)
    docs, persons, listed = generate(args.documents, args.persons, people, rng)
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
    unlisted, hits = travellers(people, rng, args.travellers, listed)
    with (
        tempfile.TemporaryDirectory() as tmp,
        Store.open(Path(tmp) / "bare" / "lane.db") as bare,
        Store.open(Path(tmp) / "listed" / "lane.db") as store,
    ):
        for s in (bare, store):
            s.configure_workstation(BENCH_WORKSTATION)
        apply_snapshot(store, signed, central_key=key.public_key(), recheck=False)
        baseline_lane = PassengerLane(ImmediateOperations(bare))
        lane = PassengerLane(ImmediateOperations(store))
        for each in (baseline_lane, lane):
            each.raise_alert = lambda hits: None  # type: ignore[method-assign]
            each.watchlist.refresh()
        assert lane.watchlist.checker is not None and baseline_lane.watchlist.checker is None
        time_lane(lane, unlisted[:50])  # warm caches
        base = time_lane(baseline_lane, unlisted)
        clean = time_lane(lane, unlisted)
        listed_samples = time_lane(lane, hits)
        found = 0
        for text in hits[:50]:
            lane.passenger.show_mrz(parse_mrz(text), CaptureMethod.SCANNED_MRZ)
            found += bool(lane.hits)
            lane.passenger.clear()
        lane.watchlist.stop()
    b50, b99 = percentiles(base)
    c50, c99 = percentiles(clean)
    h50, h99 = percentiles(listed_samples)
    print(f"snapshot: {args.documents:,} documents, {args.persons:,} persons")
    print(f"MRZ completed, no snapshot (baseline): p50 {b50:.2f} ms  p99 {b99:.2f} ms")
    print(f"MRZ completed + check, not listed:     p50 {c50:.2f} ms  p99 {c99:.2f} ms  "
          f"(x{c50 / b50:.1f} baseline p50; goal p99 < 50 ms)")  # fmt: skip
    print(f"MRZ completed + check, listed person:  p50 {h50:.2f} ms  p99 {h99:.2f} ms  "
          f"(x{h50 / b50:.1f} baseline p50); band for {found}/{min(50, len(hits))}")  # fmt: skip
    del app


if __name__ == "__main__":
    main()
