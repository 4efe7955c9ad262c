"""The page check of a large database, beside the lane once the window has started.

Opening checks every page of a database up to `QUICK_CHECK_MAX_BYTES` (a few tenths of a
second); a larger one would hold the start-up for seconds, so the window checks it here, on
a thread and a read-only connection of its own, while the officer signs in and works. Damage
it finds becomes a warning in the banner, as a broken audit chain does: the lane keeps
working, and IT is told.
"""

from __future__ import annotations

import contextlib
import os
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer

from inspection_client.errors import UserFacingError
from inspection_client.store.database import QUICK_CHECK_MAX_BYTES, page_damage, page_problems
from inspection_client.ui.operations import ThreadDelivery

# Below the lane's own threads: on a two-core workstation the check yields to a save.
_NICENESS = 10
# Started this long after the window is ready, so that it takes none of the cores the start
# itself needs (on two cores it made the start 0.1 s longer with a million records).
START_DELAY_MS = 3000


def check_pages_after_start(window: Any) -> None:
    """Start `check_pages_beside` on `window`'s database `START_DELAY_MS` from now, unless
    it is under way already; the thread is `window.page_check` once started."""

    def start() -> None:
        if window.page_check is None:
            window.page_check = check_pages_beside(window, window.ops.database)

    QTimer.singleShot(START_DELAY_MS, window, start)


def check_pages_beside(window: Any, database: Path) -> threading.Thread | None:
    """Start the page check that opening left for later; None when opening made it.

    `window` gets the damage found as one more of its `warnings`, shown in its banner.
    """
    try:
        size = database.stat().st_size
    except OSError:
        return None
    if size <= QUICK_CHECK_MAX_BYTES:
        return None
    delivery = ThreadDelivery(window)

    def arrived(problems: list[str], _error: UserFacingError | None) -> None:
        delivery.deleteLater()
        if problems:
            window.warnings = [*window.warnings, page_damage(database, problems)]
            window.show_banner()

    delivery.done.connect(arrived)

    def work() -> None:
        if hasattr(os, "setpriority"):  # per thread on Linux; elsewhere it runs as it is
            with contextlib.suppress(OSError):
                os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), _NICENESS)
        delivery.send(page_problems(database), None)

    thread = threading.Thread(target=work, name="lane-page-check", daemon=True)
    thread.start()
    return thread
