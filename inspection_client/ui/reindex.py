"""Tools → Rebuild the search index…: `db reindex` from the window, for a lane far from IT.

The history filter's text box reads the search index. When the index was found damaged,
saves stopped writing it (`store.search_index`), and until it is built again the filter
names the damage instead of searching. Building it again reads every record, on the store
worker: the lane's saves wait until it is done, so the officer is told how long first.
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QCoreApplication

from inspection_client.store import search_index
from inspection_client.store.database import Store
from inspection_client.ui.messages import error_text, show_info, show_problem

# About what `db reindex` takes a million records on a lane workstation, rounded up.
SECONDS_PER_MILLION_RECORDS = 15


def attach_reindex(window: Any) -> None:
    """Wire Tools → Rebuild the search index… of `window` (a `MainWindow`)."""
    window.ui.actionRebuildSearchIndex.triggered.connect(lambda: rebuild_search_index(window))


def _state(store: Store) -> tuple[int, search_index.Stopped | None]:
    """Records to index (sequence numbers have no gaps), and whether saves stopped writing it."""
    with store.read() as conn:
        last = conn.execute("SELECT max(seq) FROM records").fetchone()[0] or 0
        return int(last), search_index.stopped(conn)


def rebuild_search_index(window: Any) -> None:
    """Say what building the index again costs, and build it on Yes."""
    if window.session is None:
        return
    window.ops.run(_state, lambda state: _ask(window, *state))


def _ask(window: Any, records: int, stopped: search_index.Stopped | None) -> None:
    seconds = max(1, round(records / 1e6 * SECONDS_PER_MILLION_RECORDS))
    question = QCoreApplication.translate(
        "reindex",
        "Building the history filter's search index again reads all {records:,} records and "
        "takes about {seconds} s. Records cannot be saved meanwhile: the lane waits until it "
        "is done. Build it now?",
    ).format(records=records, seconds=seconds)
    if stopped is not None:
        question = (
            QCoreApplication.translate(
                "reindex",
                "The search index was found damaged on {at}, and saves stopped writing to "
                "it: the history filter cannot search by text until it is built again.",
            ).format(at=stopped.minute)
            + "\n\n"
            + question
        )
    window.ask(
        "rebuildSearchIndexQuestion",
        QCoreApplication.translate("reindex", "Rebuild the search index"),
        question,
        lambda: _rebuild(window),
        answers=(
            QCoreApplication.translate("reindex", "&Rebuild it now"),
            QCoreApplication.translate("reindex", "&Not now"),
        ),
    )


def _rebuild(window: Any) -> None:
    action = window.ui.actionRebuildSearchIndex
    action.setEnabled(False)
    started = time.monotonic()

    def enable() -> None:
        # As the other work actions stand now: the screen may have locked meanwhile.
        action.setEnabled(window.ui.actionSyncNow.isEnabled())

    def built(records: int) -> None:
        enable()
        show_info(
            window,
            QCoreApplication.translate(
                "reindex", "Search index built again from {records:,} records in {seconds:.1f} s."
            ).format(records=records, seconds=time.monotonic() - started),
        )
        window.history.model.refresh()

    def failed(error: Exception) -> None:
        enable()
        show_problem(window, error_text(error))

    window.ops.run(search_index.rebuild, built, failed)
