"""Seed rate through the real save path, against a bare executemany of the same rows
(already serialised, no validation, no outbox, audit or search terms) in the same run.

Run: `python benchmarks/bench_seed.py [RECORDS]` (default 50,000). Goal: >= 50,000 records/s.
Prints figures; asserts nothing.
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from inspection_client.seeding import seed
from inspection_client.store.database import Store


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    with tempfile.TemporaryDirectory(dir=".") as folder:
        path = Path(folder) / "lane.db"
        with Store.open(path) as store:
            start = time.perf_counter()
            summary = seed(store, clearances=count, days=14)
            elapsed = time.perf_counter() - start
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


if __name__ == "__main__":
    main()
