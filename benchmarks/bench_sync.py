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
    def __init__(self, server: str, work: Path) -> None:
        self.admin = psycopg.connect(server, autocommit=True)
        self.name = f"bench_sync_{uuid.uuid4().hex[:8]}"
        self.admin.execute(f'CREATE DATABASE "{self.name}"')
        self.url_db = f"{server.rpartition('/')[0]}/{self.name}"
        self.env = {**os.environ, "INSPECTION_CENTRAL_KEY": str(work / "central.key")}
        self.port = free_port()
        self.log = (work / "central.log").open("wb")
        self.process = subprocess.Popen(
            [*CENTRAL, "serve", "--database", self.url_db, "--port", str(self.port)],
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


def raw_copy(server: str, data_dir: Path) -> tuple[int, float]:
    """COPY the same rows (id, workstation, seq, content) into a fresh table."""
    with Store.open(paths.database_file(data_dir)) as store:
        rows = store.conn.execute("SELECT id, seq, content FROM records ORDER BY seq").fetchall()
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
            for record_id, seq, content in rows:
                copy.write_row((record_id, "KHG-BENCH", seq, bytes(content).decode()))
        conn.commit()
        elapsed = time.perf_counter() - started
    return len(rows), elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument(
        "--database",
        default=os.environ.get(
            "INSPECTION_TEST_DATABASE_URL", "postgresql://root@127.0.0.1:5432/test"
        ),
    )
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    central = Central(args.database, work)
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
        copied, copy_s = raw_copy(args.database, data_dir)
        copy_rate = copied / copy_s
        print(f"backlog: {pending:,} records")
        print(f"sync until all acknowledged: {elapsed:.2f} s = {rate:,.0f} records/s")
        print(f"raw COPY of the same rows:   {copy_s:.2f} s = {copy_rate:,.0f} records/s")
        print(f"ratio sync / raw COPY: {rate / copy_rate:.1%} (goal >= 10%, >= 20,000 rec/s)")
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
        held = central.held(crash_ws)
        resent = held - (total - pending_after)
        again = subprocess.run([*CLIENT, "--data-dir", str(crash_dir), "sync"], capture_output=True)
        assert again.returncode == 0, again.stderr
        print(
            f"crash after 8 batches of {total:,}: {resent:,} records sent again on restart "
            f"(goal: at most one batch, 1,000); central holds {central.held(crash_ws):,}"
        )
    finally:
        central.close()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
