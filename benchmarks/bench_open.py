"""Opening the store and `db info` with a large database, against opening a bare SQLite
connection and starting a bare Python process, in the same run.

Run: `python benchmarks/bench_open.py [RECORDS]` (default 1,000,000). The database is made once
with `inspection-client seed` in bench-data/ and reused. Goals: open < 0.5 s, db info < 1 s.
Prints figures; asserts nothing.
"""

from __future__ import annotations

import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

from _args import count_argument  # benchmarks/, run as a script

from inspection_client.store.database import Store

ROOT = Path(__file__).resolve().parents[1]


def timed(action: object, repeat: int = 5) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()  # type: ignore[operator]
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    count = count_argument(1_000_000)
    data_dir = ROOT / "bench-data" / f"records-{count}"
    path = data_dir / "lane.db"
    client = [sys.executable, "-m", "inspection_client", "--data-dir", str(data_dir)]
    if not path.exists():
        print(f"making a {count:,}-record database in {data_dir} (once) ...", flush=True)
        subprocess.run([*client, "seed", "--records", str(count), "--days", "60"], check=True)
    size = path.stat().st_size / 1e6

    def open_store() -> None:
        Store.open(path).close()

    def open_bare() -> None:
        conn = sqlite3.connect(path)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.close()

    def db_info() -> None:
        subprocess.run([*client, "db", "info", "--json"], check=True, capture_output=True)

    def bare_python() -> None:
        subprocess.run([sys.executable, "-c", "import sqlite3"], check=True)

    store_open, bare_open = timed(open_store), timed(open_bare)
    info, python = timed(db_info), timed(bare_python)
    records = sqlite3.connect(path).execute("SELECT count(*) FROM records").fetchone()[0]
    print(f"database: {records:,} records, {size:,.0f} MB")
    print(
        f"  Store.open        {store_open * 1000:8.1f} ms (goal < 500)   bare connect "
        f"{bare_open * 1000:6.1f} ms   ratio {store_open / bare_open:6.1f}x"
    )
    print(
        f"  db info (process) {info * 1000:8.1f} ms (goal < 1000)  bare python  "
        f"{python * 1000:6.1f} ms   ratio {info / python:6.1f}x"
    )


if __name__ == "__main__":
    main()
