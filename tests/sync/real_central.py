"""Running the real `inspection-central` for the fault tests: a PostgreSQL database of its
own, a server process on a free loopback port, and its admin commands."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import time
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest

CENTRAL = shutil.which("inspection-central") or "inspection-central"
DEFAULT_URL = "postgresql://root@127.0.0.1:5432/test"


def server_url() -> str:
    return os.environ.get("INSPECTION_TEST_DATABASE_URL", DEFAULT_URL)


def admin_connection() -> Any:
    """An autocommit connection to the test server, or skip (fail under CI) when unreachable."""
    try:
        import psycopg

        return psycopg.connect(server_url(), autocommit=True, connect_timeout=3)
    except Exception as error:  # any failure to connect means "no PostgreSQL here"
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL test server unreachable under CI: {error}")
        pytest.skip(f"PostgreSQL test server unreachable: {error}")


def database_url(name: str) -> str:
    base, _, _db = server_url().rpartition("/")
    return f"{base}/{name}"


def central_available() -> bool:
    try:
        import inspection_central.cli  # noqa: F401
    except Exception:
        return False
    return True


class RealCentral:
    """One central server process on its own database and key, restartable."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.name = f"sync_{uuid.uuid4().hex[:12]}"
        self.admin = admin_connection()
        self.admin.execute(f'CREATE DATABASE "{self.name}"')
        self.database = database_url(self.name)
        self.env = {
            **os.environ,
            "INSPECTION_CENTRAL_KEY": str(workdir / "central.key"),
            "XDG_DATA_HOME": str(workdir / "xdg"),
        }
        self.port = _free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self.log = workdir / "central.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def command(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            [CENTRAL, *args, "--database", self.database],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        if check and result.returncode != 0:
            raise AssertionError(f"inspection-central {args} failed: {result.stderr}")
        return result

    def enrolment_code(self, port: str = "KHG", lane: str = "L01") -> str:
        out = self.command(
            "workstation",
            "add",
            "--port-code",
            port,
            "--lane",
            lane,
            "--lane-kind",
            "vehicle",
            "--json",
        ).stdout
        return str(json.loads(out)["code"])

    def start(self) -> None:
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [
                    CENTRAL,
                    "serve",
                    "--database",
                    self.database,
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(self.port),
                ],
                env=self.env,
                stdout=log,
                stderr=log,
            )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"central exited: {self.log.read_text()[-2000:]}")
            try:
                if httpx.get(f"{self.url}/v1/hello", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.1)
        raise AssertionError("central did not start")

    def kill(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()

    def status(self) -> dict[str, Any]:
        out = self.command("stats", "--json").stdout
        data: dict[str, Any] = json.loads(out)
        return data

    def workstation(self, workstation_id: str) -> dict[str, Any]:
        for entry in self.status()["workstations"]:
            if entry["workstation_id"] == workstation_id:
                return dict(entry)
        raise AssertionError(f"{workstation_id} unknown to the central")

    def record_ids(self, workstation_id: str) -> list[str]:
        import psycopg

        with psycopg.connect(self.database) as conn:
            table = _records_table(conn)
            rows = conn.execute(
                f"SELECT id::text FROM {table} WHERE workstation_id = %s", (workstation_id,)
            ).fetchall()
        return sorted(r[0] for r in rows)

    def snapshot(self, to: str) -> None:
        """A backup: a copy of the database taken now (the server must be stopped)."""
        self.admin.execute(f'CREATE DATABASE "{to}" TEMPLATE "{self.name}"')

    def restore(self, backup: str) -> None:
        self.admin.execute(f'DROP DATABASE "{self.name}" WITH (FORCE)')
        self.admin.execute(f'CREATE DATABASE "{self.name}" TEMPLATE "{backup}"')
        self.admin.execute(f'DROP DATABASE "{backup}" WITH (FORCE)')

    def close(self) -> None:
        self.stop()
        self.admin.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
        self.admin.close()


def _records_table(conn: Any) -> str:
    row = conn.execute(
        "SELECT table_schema || '.' || table_name FROM information_schema.columns "
        "WHERE table_name = 'records' AND column_name = 'workstation_id' LIMIT 1"
    ).fetchone()
    if row is None:
        raise AssertionError("the central's records table was not found")
    return str(row[0])


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
