"""Durable save of one clearance (record + outbox + audit entry, one transaction), against a
bare sqlite3 INSERT + COMMIT of a row of the same size with the same pragmas, in the same run.

Run: `python benchmarks/bench_save.py [COUNT]` (default 5,000). Goal: p99 <= 3x the bare commit.
Prints figures; asserts nothing.
"""

from __future__ import annotations

import sqlite3
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from _args import count_argument  # benchmarks/, run as a script

from inspection_client.domain.codes import CaptureMethod, Decision, Direction, LaneKind
from inspection_client.domain.models import PassengerClearance, TravelDocument, Workstation
from inspection_client.domain.mrz import build_td3
from inspection_client.store import records
from inspection_client.store.database import PAGE_SIZE, WAL_CHECKPOINT_BYTES, Store


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def bare_commits(path: Path, count: int, row_size: int) -> list[float]:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")  # the same pragmas as the store
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute(f"PRAGMA wal_autocheckpoint = {WAL_CHECKPOINT_BYTES // PAGE_SIZE}")
    conn.execute("CREATE TABLE t (seq INTEGER PRIMARY KEY, content BLOB NOT NULL)")
    payload = b"x" * row_size
    times = []
    for _ in range(count):
        start = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO t(content) VALUES (?)", (payload,))
        conn.execute("COMMIT")
        times.append(time.perf_counter() - start)
    conn.close()
    return times


def lane_saves(path: Path, count: int) -> tuple[list[float], int]:
    store = Store.open(path)
    store.configure_workstation(
        Workstation(
            workstation_id="BENCH", port_code="KHG", lane_id="P01", lane_kind=LaneKind.PASSENGER
        )
    )
    body = PassengerClearance(
        direction=Direction.ENTRY,
        decision=Decision.CLEARED,
        document=TravelDocument(
            document_code="P",
            issuing_state="PAK",
            number="AB1234567",
            surname="KHAN",
            given_names="IMRAN",
            nationality="PAK",
            sex="M",
            capture=CaptureMethod.SCANNED_MRZ,
            mrz=build_td3(
                issuing_state="PAK",
                document_number="AB1234567",
                surname="KHAN",
                given_names="IMRAN",
                nationality="PAK",
                birth_date=date(1985, 3, 14),
                sex="M",
                expiry_date=date(2031, 1, 1),
            ),
        ),
    )
    times = []
    for _ in range(count):
        start = time.perf_counter()
        records.save(store, body, officer="OFF01")
        times.append(time.perf_counter() - start)
    size = len(store.conn.execute("SELECT content FROM records LIMIT 1").fetchone()[0])
    store.close()
    return times, size


def main() -> None:
    count = count_argument(5000)
    with tempfile.TemporaryDirectory(dir=".") as folder:
        saves, size = lane_saves(Path(folder) / "lane.db", count)
        bare = bare_commits(Path(folder) / "bare.db", count, size)
    ms = 1000.0
    print(f"{count:,} durable saves, record of {size} bytes, on {Path('.').resolve()}'s disk")
    for label, samples in (("lane save  ", saves), ("bare commit", bare)):
        p50, p99 = percentile(samples, 0.5) * ms, percentile(samples, 0.99) * ms
        mean = statistics.fmean(samples) * ms
        print(f"  {label}  p50 {p50:7.3f} ms   p99 {p99:7.3f} ms   mean {mean:7.3f} ms")
    ratio = percentile(saves, 0.99) / percentile(bare, 0.99)
    print(f"  ratio p99 lane/bare: {ratio:.2f}x (goal <= 3x)")


if __name__ == "__main__":
    main()
