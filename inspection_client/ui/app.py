"""Starting the workstation window: application, look, language, store worker, main window."""

from __future__ import annotations

import argparse
import os
import sys
import time

from PySide6.QtCore import QLocale, QObject, QSize, QTimer
from PySide6.QtWidgets import QApplication

from inspection_client import paths
from inspection_client.ui import language, qt_log, style
from inspection_client.ui.main_window import MainWindow
from inspection_client.ui.operations import Operations

# Set by benchmarks and the end-to-end test: print "ready <seconds>" once sign-in is usable,
# and with "exit" also quit then.
READY_ENV = "INSPECTION_CLIENT_REPORT_READY"
MIN_WIDTH, MIN_HEIGHT = 1024, 700


def qt_binding_is_sound() -> bool:
    """False for Qt bindings that lose a reference to None on each call returning nothing.

    PySide6 6.12.0 does so on CPython 3.11 (where None is not yet immortal): the process
    aborts after a few thousand calls, in the middle of a shift. Checked once at start-up.
    """
    if sys.version_info >= (3, 12):
        return True
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(100):
        probe.setObjectName("probe")
    return sys.getrefcount(None) > before - 50


def first_size(available: QSize) -> QSize:
    """1366x768, or the screen's free space when smaller (a 1024x768 one).

    Maximising needs a window manager; without one (a kiosk session) the window keeps this
    size, and one wider than the screen hides the lane's right-hand column.
    """
    return QSize(1366, 768).boundedTo(available).expandedTo(QSize(MIN_WIDTH, MIN_HEIGHT))


def run(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    if not qt_binding_is_sound():
        import PySide6

        print(
            f"inspection-client: PySide6 {PySide6.__version__} is unsafe on this Python "
            "(it would crash after a few minutes of work). Install a sound version: "
            "pip install 'PySide6-Essentials>=6.7,<6.12'",
            file=sys.stderr,
        )
        return 2
    qt_log.install()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("inspection-client")
    app.setApplicationDisplayName("Lane client")
    style.apply(app)
    requested = getattr(args, "lang", None)
    system = QLocale.system().name()
    language.install(requested or system)
    data_dir = paths.data_dir(getattr(args, "data_dir", None))
    ops = Operations(paths.database_file(data_dir))
    try:
        window = MainWindow(
            ops,
            data_dir,
            demo=bool(getattr(args, "demo", False)),
            explicit_language=bool(requested),
        )
    except BaseException:
        ops.shutdown()
        raise
    window.quit_on_startup_failure = True
    window.setMinimumSize(MIN_WIDTH, MIN_HEIGHT)
    window.resize(first_size(window.screen().availableGeometry().size()))
    report = os.environ.get(READY_ENV)
    if report:

        def ready() -> None:
            print(f"ready {time.perf_counter() - started:.3f}", flush=True)
            if report == "exit":
                QTimer.singleShot(0, app.quit)

        window.ready.connect(ready)
    # A lane workstation's screen belongs to this window: take all of it, title bar and
    # panels of the desktop excepted, so nothing (the status bar) falls off a 1366x768 screen.
    window.showMaximized()
    window.start()
    status = app.exec()
    window.shutdown()
    return status or window.exit_status
