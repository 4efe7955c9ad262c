"""The real application under a virtual X server: sign in, a document reader types an MRZ,
Ctrl+Return, and the record is in the database."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from inspection_client.domain.mrz import build_td3
from inspection_client.store import history
from inspection_client.store.database import Store

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

TOOLS = ("Xvfb", "xdotool")


def _require_tools() -> None:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"{', '.join(missing)} missing: apt-get install -y xvfb xdotool")
        pytest.skip(f"{', '.join(missing)} not installed")


@pytest.fixture
def display() -> Iterator[str]:
    _require_tools()
    for number in range(97, 130):
        if (
            not Path(f"/tmp/.X11-unix/X{number}").exists()
            and not Path(f"/tmp/.X{number}-lock").exists()
        ):
            break
    name = f":{number}"
    server = subprocess.Popen(
        ["Xvfb", name, "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while not Path(f"/tmp/.X11-unix/X{number}").exists():
            if time.monotonic() > deadline or server.poll() is not None:
                pytest.fail("Xvfb did not start")
            time.sleep(0.05)
        yield name
    finally:
        server.terminate()
        server.wait(timeout=10)


def _xdotool(env: dict[str, str], *args: str) -> None:
    subprocess.run(["xdotool", *args], env=env, check=True, timeout=30)


def _wait_for_record(database: Path, number: str, timeout: float = 20) -> list[object]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with Store.open(database, create=False) as store:
            rows = history.page(store, history.HistoryFilter(text=number)).rows
        if rows:
            return list(rows)
        time.sleep(0.2)
    return []


def test_a_reader_burst_and_ctrl_return_save_a_record(display: str, tmp_path: Path) -> None:
    data_dir = tmp_path / "lane"
    env = {
        **os.environ,
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",
        "INSPECTION_CLIENT_REPORT_READY": "1",
        "LANG": "C.UTF-8",
    }
    log = (tmp_path / "app.log").open("w")
    app = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "inspection_client",
            "--demo",
            "--data-dir",
            str(data_dir),
            "--lang",
            "en",
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=log,
        text=True,
    )
    try:
        assert app.stdout is not None
        line = app.stdout.readline()  # "ready <seconds>" once the sign-in page can be used
        assert line.startswith("ready"), (tmp_path / "app.log").read_text()
        _xdotool(
            env,
            "search",
            "--sync",
            "--onlyvisible",
            "--name",
            "Lane client",
            "windowfocus",
            "--sync",
        )
        _xdotool(env, "mousemove", "600", "400")
        _xdotool(env, "type", "--delay", "20", "DEMO01")
        _xdotool(env, "key", "Tab")
        _xdotool(env, "type", "--delay", "20", "2468")
        _xdotool(env, "key", "Return")
        time.sleep(1.5)  # PIN check, then the open-shift dialog
        _xdotool(env, "key", "Return")
        time.sleep(1.0)
        # Without a window manager nobody hands the focus back after a dialog; do it here.
        _xdotool(env, "search", "--onlyvisible", "--name", "Lane client", "windowfocus", "--sync")
        # The demo is a vehicle lane: its first tab (Ctrl+1) is the vehicle lane, Ctrl+2 the
        # passenger lane, where the MRZ field has the focus.
        _xdotool(env, "key", "ctrl+2")
        time.sleep(0.5)
        lines = build_td3(
            issuing_state="PAK",
            document_number="QE7051234",
            surname="BAIG",
            given_names="FARHAN",
            nationality="PAK",
            birth_date=date(1988, 2, 3),
            sex="M",
            expiry_date=date(2033, 9, 30),
        )
        for mrz_line in lines:  # as a reader acting as a keyboard sends it
            _xdotool(env, "type", "--delay", "2", mrz_line)
            _xdotool(env, "key", "Return")
        time.sleep(0.3)
        _xdotool(env, "key", "ctrl+Return")
        rows = _wait_for_record(data_dir / "lane.db", "QE7051234")
        assert len(rows) == 1, (tmp_path / "app.log").read_text()
        row = rows[0]
        assert row.who == "BAIG FARHAN"  # type: ignore[attr-defined]
        assert row.decision == "cleared" and row.officer == "DEMO01"  # type: ignore[attr-defined]
    finally:
        app.terminate()
        try:
            app.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            app.kill()
            app.communicate()
        log.close()
