"""Sync benchmark: a 100,000-record backlog sent to a real central on PostgreSQL.

Prints the time until everything is acknowledged, records/s, the client's peak RSS growth,
a raw COPY of the same rows into PostgreSQL in the same run (the baseline), and how many
records a crash mid-backlog makes the client send twice.

    python benchmarks/bench_sync.py [--records 100000] [--database postgresql://...]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import httpx
import psycopg
from bench_central_ingest import copy_like_records

from inspection_client import paths
from inspection_client.store.database import Store
from inspection_client.sync.enrolment import enrol
from inspection_client.sync.service import SyncService

CLIENT = [sys.executable, "-m", "inspection_client"]
CENTRAL = [sys.executable, "-m", "inspection_central"]


def rss_bytes() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Central:
    def __init__(self, server: str, work: Path, workers: int = 1) -> None:
        self.admin = psycopg.connect(server, autocommit=True)
        self.name = f"bench_sync_{uuid.uuid4().hex[:8]}"
        self.admin.execute(f'CREATE DATABASE "{self.name}"')
        self.url_db = f"{server.rpartition('/')[0]}/{self.name}"
        self.env = {**os.environ, "INSPECTION_CENTRAL_KEY": str(work / "central.key")}
        self.port = free_port()
        self.log = (work / "central.log").open("wb")
        self.process = subprocess.Popen(
            [
                *CENTRAL,
                "serve",
                "--database",
                self.url_db,
                "--port",
                str(self.port),
                "--workers",
                str(workers),
            ],
            env=self.env,
            stdout=self.log,
            stderr=self.log,
        )
        self.url = f"http://127.0.0.1:{self.port}"
        for _ in range(300):
            try:
                if httpx.get(f"{self.url}/v1/hello", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)

    def code(self, lane: str) -> str:
        out = subprocess.run(
            [
                *CENTRAL,
                "workstation",
                "add",
                "--port-code",
                "KHG",
                "--lane",
                lane,
                "--json",
                "--database",
                self.url_db,
            ],
            env=self.env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        return str(json.loads(out)["code"])

    def held(self, workstation_id: str) -> int:
        with psycopg.connect(self.url_db) as conn:
            row = conn.execute(
                "SELECT count(*) FROM records WHERE workstation_id = %s", (workstation_id,)
            ).fetchone()
        return int(row[0]) if row else 0

    def close(self) -> None:
        self.process.terminate()
        self.process.wait(20)
        self.log.close()
        self.admin.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
        self.admin.close()


class UploadCounter(httpx.HTTPTransport):
    """Counts the records in every batch uploaded through it."""

    def __init__(self) -> None:
        super().__init__()
        self.uploaded = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.method == "POST" and request.url.path == "/v1/batches":
            self.uploaded += int(json.loads(request.content)["batch"]["count"])
        return super().handle_request(request)


def enrolled_lane(central: Central, base: Path, lane: str, records: int) -> tuple[Path, str]:
    data_dir = base / lane
    with Store.open(paths.database_file(data_dir)) as store:
        workstation = enrol(store, central.url, central.code(lane)).workstation
    subprocess.run(
        [*CLIENT, "--data-dir", str(data_dir), "seed", "--records", str(records)],
        check=True,
        capture_output=True,
    )
    return data_dir, workstation.workstation_id


def settled_count(central: Central, ws: str) -> int:
    """What the central holds of `ws` once it is done with the requests a killed client left
    in flight (two batches can be): the count no longer changes for half a second."""
    held = central.held(ws)
    while True:
        time.sleep(0.5)
        now = central.held(ws)
        if now == held:
            return held
        held = now


def stored_rows(data_dir: Path) -> list[tuple[str, int, str, bytes]]:
    """(id, seq, content, chain hash) of every record, in seq order."""
    with Store.open(paths.database_file(data_dir)) as store:
        rows = store.conn.execute(
            "SELECT r.id, r.seq, r.content, a.hash FROM records r "
            "JOIN audit_chain a ON a.seq = r.seq ORDER BY r.seq"
        ).fetchall()
    return [(i, seq, bytes(content).decode(), bytes(digest)) for i, seq, content, digest in rows]


def raw_copy_temp(server: str, rows: list[tuple[str, int, str, bytes]]) -> float:
    """Seconds to COPY the rows as (id, workstation, seq, content) into a new TEMP table."""
    with psycopg.connect(server) as conn:
        conn.execute(
            "CREATE TEMP TABLE copy_baseline (id uuid PRIMARY KEY, workstation_id text, "
            "seq bigint, content text)"
        )
        started = time.perf_counter()
        with (
            conn.cursor() as cursor,
            cursor.copy("COPY copy_baseline (id, workstation_id, seq, content) FROM STDIN") as copy,
        ):
            for record_id, seq, content, _hash in rows:
                copy.write_row((record_id, "KHG-BENCH", seq, content))
        conn.commit()
        return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument(
        "--database",
        default=os.environ.get(
            "INSPECTION_TEST_DATABASE_URL", "postgresql://root@127.0.0.1:5432/test"
        ),
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=os.cpu_count() or 1,
        help="central worker processes (default: one per core, as docs/central.md advises)",
    )
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    central = Central(args.database, work, args.workers)
    try:
        data_dir, ws = enrolled_lane(central, work, "L01", args.records)
        service = SyncService(data_dir)
        pending = service.store.conn.execute("SELECT count(*) FROM outbox").fetchone()[0]
        baseline_rss = rss_bytes()
        peak = [baseline_rss]
        done = threading.Event()

        def sample() -> None:
            while not done.wait(0.05):
                peak[0] = max(peak[0], rss_bytes())

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        started = time.perf_counter()
        result = service.run_round()
        elapsed = time.perf_counter() - started
        done.set()
        sampler.join()
        service.close()
        assert result.ok, result.error
        assert central.held(ws) == pending, "central does not hold every record"
        rate = pending / elapsed
        rows = stored_rows(data_dir)
        # The baseline: the rows as (id, workstation, seq, content) into a temporary table.
        # For scale, the same rows into a table like the central's `records` (its columns and
        # indexes, logged), as bench_central_ingest.py measures it.
        temp_s = raw_copy_temp(args.database, rows)
        # Batch ids as the lane's batches of up to 1,000 records would have them, in length.
        like = [(i, ws, s, c, h, f"{(s - 1) // 1000:064x}") for i, s, c, h in rows]
        like_s = copy_like_records(central.url_db, like)
        temp_rate, like_rate = len(rows) / temp_s, len(rows) / like_s
        print(f"backlog: {pending:,} records; central worker processes: {args.workers}")
        print(f"sync until all acknowledged: {elapsed:.2f} s = {rate:,.0f} records/s")
        print(f"raw COPY of the same rows:   {temp_s:.2f} s = {temp_rate:,.0f} records/s")
        print(f"ratio sync / raw COPY: {rate / temp_rate:.1%} (goal >= 10%, >= 20,000 rec/s)")
        print(
            f"  for scale: raw COPY into a table like records: {like_s:.2f} s = "
            f"{like_rate:,.0f} records/s; sync is {rate / like_rate:.1%} of that"
        )
        print(f"client peak RSS growth: {(peak[0] - baseline_rss) / 2**20:.1f} MB (goal < 100)")

        # A crash mid-backlog: how many records does the next round send twice?
        crash_dir, crash_ws = enrolled_lane(central, work, "L02", 20_000)
        killed = subprocess.run(
            [*CLIENT, "--data-dir", str(crash_dir), "sync"],
            env={**os.environ, "INSPECTION_SYNC_CRASH_AT": "after_send:8"},
            capture_output=True,
        )
        assert killed.returncode == -signal.SIGKILL
        with Store.open(paths.database_file(crash_dir)) as store:
            total = store.conn.execute("SELECT count(*) FROM records").fetchone()[0]
            pending_after = store.conn.execute("SELECT count(*) FROM outbox").fetchone()[0]
        held = settled_count(central, crash_ws)
        counting = UploadCounter()
        restart = SyncService(crash_dir, transport=counting)
        again = restart.run_round()
        restart.close()
        assert again.ok, again.error
        # Records uploaded on restart that the central already held: sent twice.
        resent = counting.uploaded - (total - held)
        unmarked = held - (total - pending_after)
        print(
            f"crash after 8 batches of {total:,}: the central held {unmarked:,}"
            f" records not yet marked here; on restart {again.recovered:,} of them came back as "
            f"stored receipts and {resent:,} were uploaded again (goal: at most one batch, "
            f"1,000); central holds {central.held(crash_ws):,}"
        )
    finally:
        central.close()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
