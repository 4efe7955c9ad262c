"""Seed rate through the real save path, against two baselines in the same run:

- bare executemany: the same records' rows into one table with one unique index (already
  serialised; no validation, outbox, audit chain, search terms or further indexes);
- the store's own SQL: every row the seed wrote (records, audit chain, outbox, search
  index), already made, inserted into a new store of the same schema the way the seed
  inserts them, in transactions of its size. No save path can be faster than this on the
  same machine: it is the rate the schema allows when making, validating, numbering and
  hashing records costs nothing;
- the same replay with fewer tables: the records table alone, then with the audit chain and
  the outbox that every save must write in the same transaction (without the history
  filter's search index). What each table costs, on this machine.

Also the CPU time per record of the process that saves and of the worker processes that
make and check the records, and the rate that CPU time allows at most when every core is
busy all the time: no arrangement of the same work between processes can beat it. With
workers, also the rate the saving process allows alone, which more cores cannot pass.

Run: `python benchmarks/bench_seed.py [RECORDS]` (default 50,000). Goal: >= 50,000 records/s.
Prints figures; asserts nothing.
"""

from __future__ import annotations

import resource
import sqlite3
import tempfile
import time
from pathlib import Path
from typing import Any

from _args import count_argument  # benchmarks/, run as a script

from inspection_client.seeding import SEED_CACHE_SIZE, SEED_TRANSACTION, ensure_demo, seed
from inspection_client.seeding.saving import usable_cores
from inspection_client.store import records
from inspection_client.store.database import PAGE_SIZE, Store
from inspection_client.store.search import search_document, terms_for_content


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


# Every table a seed writes rows into, in the order the save path writes them.
_SAVED_TABLES = ("records", "audit_chain", "outbox", "record_search")
_OUTBOX = "INSERT INTO outbox(seq) SELECT seq FROM records WHERE seq BETWEEN ? AND ?"
_COLUMNS = {"record_search": "(rowid, terms)"}  # where they are not every column in order
_TARGET = 6  # records.target_id


def _rows(store: Store, table: str) -> list[tuple[Any, ...]]:
    """The table's rows in the order the save path inserts them: by record."""
    if table == "record_search":
        # The index keeps no copy of what it indexed: its rows are made again from the
        # records, as the save path makes them (before the timed replay).
        rows = []
        for seq, content in store.conn.execute("SELECT seq, content FROM records ORDER BY seq"):
            terms = dict.fromkeys(term for term in terms_for_content(content) if term)
            if terms:
                rows.append((seq, search_document(terms)))
        return rows
    rows = store.conn.execute(f"SELECT * FROM {table} ORDER BY seq").fetchall()
    # Bound as the save path binds them: blobs as bytearrays, "no target" as ''.
    return [
        tuple(
            bytearray(value)
            if isinstance(value, bytes)
            else ""
            if value is None and table == "records" and index == _TARGET
            else value
            for index, value in enumerate(row)
        )
        for row in rows
    ]


def _insert_again(path: Path, tables: dict[str, list[tuple[Any, ...]]]) -> float:
    """Seconds to insert the rows into a new store, a transaction per `SEED_TRANSACTION`."""
    transactions: list[list[tuple[str, list[tuple[Any, ...]]]]] = []
    for first in range(1, int(tables["records"][-1][0]) + 1, SEED_TRANSACTION):
        end = first + SEED_TRANSACTION
        transactions.append(
            [
                (
                    records.INSERT_RECORD
                    if table == "records"
                    else f"INSERT INTO {table}{_COLUMNS.get(table, '')} "
                    f"VALUES ({', '.join('?' * len(rows[0]))})",
                    [row for row in rows if first <= int(row[0]) < end],
                )
                for table, rows in tables.items()
            ]
        )
    with Store.open(path) as store:
        ensure_demo(store)
        store.conn.execute(f"PRAGMA cache_size = {SEED_CACHE_SIZE}")
        start = time.perf_counter()
        with store.checkpoints_alongside() as committed:
            for statements in transactions:
                with store.write() as conn:
                    for statement, rows in statements:
                        if statement.startswith("INSERT INTO outbox"):  # as the save path does
                            first, last = rows[0][0], rows[-1][0]
                            conn.execute(_OUTBOX, (first, last))
                        else:
                            conn.executemany(statement, rows)
                committed()
        return time.perf_counter() - start


def main() -> None:
    count = count_argument(50_000)
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
            tables = {table: _rows(store, table) for table in _SAVED_TABLES}
        sql_elapsed = _insert_again(Path(folder) / "again.db", tables)
        parts = {
            "records table alone": ("records",),
            "records, audit, outbox": ("records", "audit_chain", "outbox"),
        }
        part_rates = {
            name: len(tables["records"])
            / _insert_again(
                Path(folder) / f"part{index}.db", {table: tables[table] for table in kept}
            )
            for index, (name, kept) in enumerate(parts.items())
        }
        bare = sqlite3.connect(Path(folder) / "bare.db", isolation_level=None)
        bare.execute(f"PRAGMA page_size = {PAGE_SIZE}")  # the store's pragmas
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
    sql_rate = len(tables["records"]) / sql_elapsed
    print(
        f"seed: {summary.records:,} records ({summary.clearances:,} clearances) in {elapsed:.2f} s"
    )
    print(f"  seed rate              {rate:12,.0f} records/s (goal >= 50,000)")
    print(f"  bare executemany rate  {bare_rate:12,.0f} records/s")
    print(f"  store's own SQL rate   {sql_rate:12,.0f} records/s (rows made, inserted again)")
    for name, part_rate in part_rates.items():
        print(f"    {name:<24} {part_rate:10,.0f} records/s (the same replay, only these tables)")
    print(f"  ratio seed/bare: {rate / bare_rate:.3f}; seed/store's own SQL: {rate / sql_rate:.3f}")
    print(f"  CPU, saving process    {cpu / summary.records * 1e6:12.1f} us/record")
    print(f"  CPU, worker processes  {workers_cpu / summary.records * 1e6:12.1f} us/record")
    cores = usable_cores()
    bound = cores * summary.records / (cpu + workers_cpu)
    print(
        f"  CPU bound on {cores} core(s)  {bound:12,.0f} records/s (every core busy all the time; "
        f"seed reaches {rate / bound:.0%} of it)"
    )
    if workers_cpu:
        # The days are made by the workers; the numbering, chaining and inserting only here.
        alone = summary.records / cpu
        print(
            f"  saving process alone   {alone:12,.0f} records/s (the bound with a core for "
            f"it and enough for {workers_cpu / cpu:.1f}x its CPU time in workers)"
        )


if __name__ == "__main__":
    main()
