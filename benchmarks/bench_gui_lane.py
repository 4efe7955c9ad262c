"""The lane window's three speed goals, each next to a baseline measured in the same run.

1. Process start to a usable sign-in window on a 1,000,000-record database (goal < 1.5 s),
   next to `python -c "import PySide6.QtWidgets"` showing an empty QWidget.
2. Ctrl+Return to saved-and-form-cleared through the store worker, p99 (goal < 50 ms), next to
   a bare `records.save` on the same database; plus the longest GUI-thread pause per key of an
   MRZ burst (goal < 50 ms).
3. History filter to the first rows shown over 1,000,000 records (goal < 200 ms), next to the
   bare `history.page` query.

Run: `python benchmarks/bench_gui_lane.py [DATA_DIR]` (default /tmp/bench1m; made with
`inspection-client --data-dir DIR seed --records 1000000` when missing). Prints figures only.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from inspection_client import paths
from inspection_client.domain.codes import Decision, Direction
from inspection_client.domain.mrz import build_td3
from inspection_client.store import history, officers, records
from inspection_client.store.database import Store
from inspection_client.ui.history import HistoryModel
from inspection_client.ui.lane import PassengerLane
from inspection_client.ui.operations import Operations
from inspection_client.ui.session import Session

BARE_QT = (
    "import time; t = time.perf_counter(); from PySide6.QtWidgets import QApplication, QWidget;"
    "app = QApplication([]); w = QWidget(); w.show(); app.processEvents();"
    "print(f'ready {time.perf_counter() - t:.3f}')"
)
RUNS = 5
SAVES = 200


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def start_to_ready(command: list[str], env: dict[str, str]) -> float:
    """Seconds from starting the process to its "ready" line: the moment the window can be
    used, not the process's exit (which waits for background work it started to finish)."""
    started = time.perf_counter()
    with subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as process:
        assert process.stdout is not None
        for line in process.stdout:
            if line.startswith("ready"):
                elapsed = time.perf_counter() - started
                break
        else:
            process.wait(timeout=120)
            error = process.stderr.read() if process.stderr else ""
            raise SystemExit(f"{command[:3]} did not get ready: {error[-2000:]}")
        process.communicate(timeout=120)
    return elapsed


def bench_start(data_dir: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "INSPECTION_CLIENT_REPORT_READY": "exit"}
    app_cmd = [sys.executable, "-m", "inspection_client", "--data-dir", str(data_dir)]
    start_to_ready(app_cmd, env)  # warm the page cache and apply any new migrations
    app_times = [start_to_ready(app_cmd, env) for _ in range(RUNS)]
    bare_times = [start_to_ready([sys.executable, "-c", BARE_QT], env) for _ in range(RUNS)]
    app_s, bare_s = statistics.median(app_times), statistics.median(bare_times)
    print(
        f"start to usable sign-in, 1M records: median {app_s * 1000:.0f} ms "
        f"(best {min(app_times) * 1000:.0f}); bare Qt window {bare_s * 1000:.0f} ms; "
        f"ratio {app_s / bare_s:.2f}x; goal < 1500 ms"
    )


def wait(condition: Callable[[], bool], timeout_s: float = 30) -> None:
    deadline = time.perf_counter() + timeout_s
    while not condition():
        QCoreApplication.processEvents()
        if time.perf_counter() > deadline:
            raise TimeoutError


def bench_save_and_filter(data_dir: Path) -> None:
    database = paths.database_file(data_dir)
    with Store.open(database) as store:
        workstation = store.require_workstation()
        officer = officers.get_officer(store, "DEMO01")
    assert officer is not None
    ops = Operations(database)
    lane = PassengerLane(ops)
    lane.resize(1366, 768)
    lane.show()
    lane.set_session(Session(workstation, officer, None, Direction.ENTRY))
    wait(lambda: ops.pending == 0)
    mrz = lane.passenger.ui.mrzEdit
    gui_times, key_pauses = [], []
    for i in range(SAVES):
        lines = build_td3(
            issuing_state="KAZ",
            document_number=f"BG{i:07d}",
            surname="NURLANOV",
            given_names="ASKAR",
            nationality="KAZ",
            birth_date=date(1980, 1, 1),
            sex="M",
            expiry_date=date(2033, 1, 1),
        )
        if i < 20:  # the keystroke burst, key by key, for the per-key pause figure
            for line in lines:
                for char in line:
                    started = time.perf_counter()
                    QTest.keyClick(mrz, char)
                    key_pauses.append(time.perf_counter() - started)
                QTest.keyClick(mrz, Qt.Key.Key_Return)
        else:
            mrz.setPlainText("\n".join(lines))
        started = time.perf_counter()
        lane.decide(Decision.CLEARED)
        wait(lambda: not lane.saving and lane.passenger.is_blank())
        gui_times.append(time.perf_counter() - started)
        wait(lambda: ops.pending == 0)  # today's list refresh, outside the measured span
    bare = []
    with Store.open(database) as store:
        body = records.parse_content(
            store.conn.execute(
                "SELECT content FROM records WHERE kind='passenger' ORDER BY seq DESC LIMIT 1"
            ).fetchone()[0]
        ).body
        for _ in range(SAVES):
            started = time.perf_counter()
            records.save(store, body, officer="DEMO01")
            bare.append(time.perf_counter() - started)
    gui_p99, bare_p99 = percentile(gui_times, 0.99), percentile(bare, 0.99)
    print(
        f"Ctrl+Return to saved and cleared: p50 {statistics.median(gui_times) * 1000:.1f} ms, "
        f"p99 {gui_p99 * 1000:.1f} ms; bare records.save p50 "
        f"{statistics.median(bare) * 1000:.1f} ms, p99 {bare_p99 * 1000:.1f} ms; "
        f"ratio p99 {gui_p99 / bare_p99:.2f}x; goal < 50 ms"
    )
    print(
        f"GUI thread per key of an MRZ burst ({len(key_pauses)} keys): max "
        f"{max(key_pauses) * 1000:.2f} ms, p99 {percentile(key_pauses, 0.99) * 1000:.2f} ms; "
        "goal < 50 ms"
    )

    model = HistoryModel(ops)
    shown: list[float] = []
    bare_query: list[float] = []
    with Store.open(database) as store:
        for text in ("", "E12", "WANG", "LSV", "CSQU", "BG00001", "K"):
            started = time.perf_counter()
            model.set_filter(history.HistoryFilter(text=text))
            wait(lambda: not model.loading)
            shown.append(time.perf_counter() - started)
            started = time.perf_counter()
            history.page(store, history.HistoryFilter(text=text))
            bare_query.append(time.perf_counter() - started)
    worst, bare_worst = max(shown), max(bare_query)
    print(
        f"history filter to first rows shown, 1M records ({len(shown)} filters): median "
        f"{statistics.median(shown) * 1000:.1f} ms, worst {worst * 1000:.1f} ms; bare query "
        f"median {statistics.median(bare_query) * 1000:.1f} ms, worst "
        f"{bare_worst * 1000:.1f} ms; ratio {worst / bare_worst:.2f}x; goal < 200 ms"
    )
    lane.close()
    ops.shutdown()


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    data_dir = Path(args[0] if args else "/tmp/bench1m")
    if not paths.database_file(data_dir).exists():
        print(f"seeding 1,000,000 records into {data_dir} (takes a few minutes)…")
        subprocess.run(
            [
                sys.executable,
                "-m",
                "inspection_client",
                "--data-dir",
                str(data_dir),
                "seed",
                "--records",
                "1000000",
                "--days",
                "60",
            ],
            check=True,
        )
    QApplication(sys.argv[:1])
    if "--skip-start" not in sys.argv:
        bench_start(data_dir)
    bench_save_and_filter(data_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
