"""Seed rate through the real save path, against a bare executemany of the same rows
(already serialised, no validation, no outbox, audit or search terms) in the same run.

Also the CPU time per record of the process that saves and of the worker processes that
make and validate the records: on a machine with two cores, their sum bounds the rate.

Run: `python benchmarks/bench_seed.py [RECORDS]` (default 50,000). Goal: >= 50,000 records/s.
Prints figures; asserts nothing.
"""

from __future__ import annotations

import resource
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from inspection_client.seeding import seed
from inspection_client.store.database import Store


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    with tempfile.TemporaryDirectory(dir=".") as folder:
        path = Path(folder) / "lane.db"
        with Store.open(path) as store:
            children_before = _children_cpu()
            start, cpu_start = time.perf_counter(), time.process_time()
            summary = seed(store, clearances=count, days=14)
            elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
            workers_cpu = _children_cpu() - children_before
            rows = store.conn.execute(
                "SELECT seq, id, kind, recorded_at, officer, content FROM records"
            ).fetchall()
        bare = sqlite3.connect(Path(folder) / "bare.db", isolation_level=None)
        bare.execute("PRAGMA journal_mode = WAL")
        bare.execute("PRAGMA synchronous = FULL")
        bare.execute(
            "CREATE TABLE r (seq INTEGER PRIMARY KEY, id TEXT UNIQUE, kind TEXT, "
            "recorded_at TEXT, officer TEXT, content BLOB)"
        )
        start = time.perf_counter()
        for first in range(0, len(rows), 10_000):
            bare.execute("BEGIN")
            bare.executemany(
                "INSERT INTO r VALUES (?, ?, ?, ?, ?, ?)", rows[first : first + 10_000]
            )
            bare.execute("COMMIT")
        bare_elapsed = time.perf_counter() - start
        bare.close()
    rate = summary.records / elapsed
    bare_rate = len(rows) / bare_elapsed
    print(
        f"seed: {summary.records:,} records ({summary.clearances:,} clearances) in {elapsed:.2f} s"
    )
    print(f"  seed rate              {rate:12,.0f} records/s (goal >= 50,000)")
    print(f"  bare executemany rate  {bare_rate:12,.0f} records/s")
    print(f"  ratio seed/bare: {rate / bare_rate:.3f}")
    print(f"  CPU, saving process    {cpu / summary.records * 1e6:12.1f} us/record")
    print(f"  CPU, worker processes  {workers_cpu / summary.records * 1e6:12.1f} us/record")


if __name__ == "__main__":
    main()
