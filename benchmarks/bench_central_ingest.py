"""Central ingestion throughput: 100,000 records as signed batches of 1,000 over real HTTP to an
`inspection-central serve` process on PostgreSQL, next to a raw COPY of the same rows into the
same database, then the same batches replayed (all duplicates); the server's RSS (all its
processes) is sampled throughout.

The load client is a port's lanes syncing at once: `--workstations` enrolled workstations, each
sending its own records in order, one batch at a time, on its own connection, as the lane
client does. The server runs as deployed: one worker process per core.

    python benchmarks/bench_central_ingest.py [--records 100000] [--workstations 4] [--workers N]

PostgreSQL from INSPECTION_TEST_DATABASE_URL (default postgresql://root@127.0.0.1:5432/test);
everything happens in a schema of its own, dropped at the end.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import http.client
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

import httpx
import orjson
import psycopg
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from inspection_central import enrolment
from inspection_central.storage import open_storage
from inspection_central.storage.dialect import RECORD_COLUMNS
from inspection_client.domain.canonical import GENESIS_HASH, canonical_json, chain_hash
from inspection_client.domain.ids import new_id
from inspection_client.domain.models import Record
from inspection_client.sync import wire
from inspection_client.sync.keys import public_key_text
from tests.factories import passenger

PG_URL = os.environ.get("INSPECTION_TEST_DATABASE_URL", "postgresql://root@127.0.0.1:5432/test")
BATCH = 1000


def build_batches(workstation_id: str, key: Ed25519PrivateKey, total: int) -> list[bytes]:
    made_at = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)
    template = Record(
        id=new_id(made_at),
        workstation_id=workstation_id,
        seq=1,
        recorded_at=made_at,
        officer="OFF001",
        body=passenger(),
    ).model_dump(mode="json")
    bodies = []
    previous = GENESIS_HASH
    for first in range(1, total + 1, BATCH):
        last = min(first + BATCH - 1, total)
        prev_head = previous
        items = []
        for seq in range(first, last + 1):
            record = dict(template, id=str(new_id(made_at)), seq=seq)  # as a lane makes ids
            content = canonical_json(record)
            previous = chain_hash(previous, content)
            items.append(wire.BatchRecord(seq=seq, id=record["id"], content=content.decode()))
        envelope = wire.BatchEnvelope(
            protocol=wire.PROTOCOL_VERSION,
            app_version="bench",
            workstation_id=workstation_id,
            first_seq=first,
            last_seq=last,
            count=len(items),
            prev_head=prev_head.hex(),
            head=previous.hex(),
            records=tuple(items),
        )
        canonical = envelope.canonical()
        signature = wire.sign_batch(envelope.protocol, canonical, wire.batch_id_of(canonical), key)
        signed = wire.SignedBatch(batch=envelope, signature=signature)
        bodies.append(signed.canonical())  # the bytes a lane client sends: canonical JSON
    return bodies


def raw_copy(url: str, bodies: list[bytes]) -> float:
    """Seconds to COPY the same rows into a table shaped like `records`: each record with its
    workstation, seq, content, chain hash and batch id, as the central stores it."""
    rows = []
    for body in bodies:
        batch = orjson.loads(body)["batch"]
        batch_id = wire.batch_id_of(canonical_json(batch))
        running = bytes.fromhex(batch["prev_head"])
        for item in batch["records"]:
            running = chain_hash(running, item["content"].encode())
            row = (item["id"], batch["workstation_id"], item["seq"], item["content"])
            rows.append((*row, running, batch_id))
    return copy_like_records(url, rows)


RawRecord = tuple[str, str, int, str, bytes | None, str]  # id, workstation, seq, content, ...


def copy_like_records(url: str, records: list[RawRecord]) -> float:
    """Seconds to COPY rows of (id, workstation, seq, content, chain hash, batch id), with the
    other columns the central fills, into a new table shaped like `records` (its indexes,
    logged), in one transaction."""
    now = datetime.now(UTC)
    rows = [
        (
            record_id,
            workstation_id,
            seq,
            "KHG",
            "P01",
            "passenger",
            "cleared",
            content,
            hashlib.sha256(content.encode()).digest(),
            chained,
            False,
            batch_id,
            now,
        )
        for record_id, workstation_id, seq, content, chained, batch_id in records
    ]
    columns = ", ".join(RECORD_COLUMNS)
    table = f"raw_records_{secrets.token_hex(4)}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"CREATE TABLE {table} (LIKE records INCLUDING ALL)")
        started = time.perf_counter()
        with (
            conn.transaction(),
            conn.cursor().copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
        ):
            for row in rows:
                copy.write_row(row)
        elapsed = time.perf_counter() - started
        conn.execute(f"DROP TABLE {table}")
        return elapsed


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children (the server's worker processes)."""
    total = 0.0
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(child) for child in children.read_text().split()]
    for each in pids:
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{each}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) / 1024
    return total


def send_all(port: int, lanes: list[list[bytes]]) -> float:
    """Seconds until every lane has sent all its batches, each in order on its own connection.

    The lanes use the standard library's http.client, a sixth of httpx's CPU for a 1 MB
    upload: on a 2-core machine the load client competes with the server it measures.
    A lane reconnects when the server closes the connection, as the lane client does.
    """

    def lane(bodies: list[bytes]) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        try:
            for body in bodies:
                connection.request(
                    "POST", "/v1/batches", body=body, headers={"Content-Type": "application/json"}
                )
                answer = connection.getresponse()
                answer.read()
                if answer.status != 200:
                    raise RuntimeError(f"the central answered HTTP {answer.status}")
                if answer.will_close:
                    connection.close()
        finally:
            connection.close()

    started = time.perf_counter()
    with ThreadPoolExecutor(len(lanes)) as pool:
        list(pool.map(lane, lanes))
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--workstations", type=int, default=4, help="lanes sending at once")
    parser.add_argument(
        "--workers", type=int, default=os.cpu_count() or 1, help="server worker processes"
    )
    args = parser.parse_args()

    schema = f"bench_{secrets.token_hex(4)}"
    url = f"{PG_URL}{'&' if '?' in PG_URL else '?'}options=-csearch_path%3D{schema}"
    admin = psycopg.connect(PG_URL, autocommit=True)
    admin.execute(f"CREATE SCHEMA {schema}")
    workdir = Path(tempfile.mkdtemp(prefix="bench-central-"))
    key_path = workdir / "central.key"
    server = None
    try:
        storage = open_storage(url, key_path=key_path)
        t0 = time.perf_counter()
        lanes: list[list[bytes]] = []
        share, extra = divmod(args.records, args.workstations)
        for number in range(args.workstations):
            invitation = enrolment.invite(storage, "KHG", f"P{number + 1:02d}", "passenger")
            lane_key = Ed25519PrivateKey.generate()
            enrolment.enrol(
                storage,
                wire.EnrolmentRequest(
                    protocol=wire.PROTOCOL_VERSION,
                    code=invitation.code,
                    public_key=public_key_text(lane_key.public_key()),
                    app_version="bench",
                ),
            )
            count = share + (1 if number < extra else 0)
            lanes.append(build_batches(invitation.workstation_id, lane_key, count))
        storage.close()
        bodies = [body for lane in lanes for body in lane]
        print(
            f"built {len(bodies)} signed batches of {args.workstations} workstations in "
            f"{time.perf_counter() - t0:.1f} s; server workers: {args.workers}"
        )

        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        env = os.environ | {"INSPECTION_CENTRAL_KEY": str(key_path)}
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "inspection_central",
                "serve",
                "--database",
                url,
                "--port",
                str(port),
                "--log-level",
                "warning",
                "--workers",
                str(args.workers),
            ],
            env=env,
            stdout=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        for _ in range(200):
            try:
                httpx.get(f"{base}/v1/hello", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        samples: list[float] = []
        stop = threading.Event()

        def sample() -> None:
            while not stop.is_set():
                samples.append(rss_mb(server.pid))
                stop.wait(0.2)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        ingest_s = send_all(port, lanes)
        with psycopg.connect(url) as conn:
            held = conn.execute("SELECT count(*) FROM records").fetchone()[0]
        replay_s = send_all(port, lanes)
        with psycopg.connect(url) as conn:
            after = conn.execute("SELECT count(*) FROM records").fetchone()[0]
        stop.set()
        sampler.join()
        copy_s = raw_copy(url, bodies)

        n = args.records
        ingest_rate, replay_rate, copy_rate = n / ingest_s, n / replay_s, n / copy_s
        print(f"records                 {n}")
        print(f"ingest over HTTP        {ingest_s:7.2f} s  {ingest_rate:9.0f} records/s")
        print(f"raw COPY baseline       {copy_s:7.2f} s  {copy_rate:9.0f} records/s")
        print(f"ingest / raw COPY       {ingest_rate / copy_rate:7.1%}   (goal >= 40%)")
        print(f"replay (duplicates)     {replay_s:7.2f} s  {replay_rate:9.0f} records/s")
        print(f"replay / ingest         {replay_rate / ingest_rate:7.2f}x  (goal >= 1)")
        print(f"rows after ingest/replay {held} / {after}  (must be equal)")
        print(f"server RSS max          {max(samples):7.1f} MB  (goal < 300 MB)")
        return 0 if held == after == n else 1
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
        admin.execute(f"DROP SCHEMA {schema} CASCADE")
        admin.close()


if __name__ == "__main__":
    sys.exit(main())
