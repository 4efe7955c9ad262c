"""Help → About: what IT asks for on the telephone before anything else.

The version, this workstation, where its data is, the database's schema and counts, the
central it syncs with and when it last did, and the watchlist in force; read off the GUI
thread, like everything from the store.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import PySide6
from PySide6.QtCore import QCoreApplication, Qt, qVersion

from inspection_client import __version__
from inspection_client.domain.models import Workstation
from inspection_client.store import search_index
from inspection_client.store.database import Store
from inspection_client.store.schema import SCHEMA_VERSION
from inspection_client.store.sync_state import SyncStatus, sync_status
from inspection_client.ui.messages import error_text, show_info, show_problem
from inspection_client.ui.watchlist_alert import source_for


@dataclass(frozen=True)
class AboutFacts:
    workstation: Workstation | None
    database: Path
    records: int
    sync: SyncStatus
    search_index_stopped: search_index.Stopped | None = None


def about_facts(store: Store) -> AboutFacts:
    """Read in the store's worker: cheap counts only (the records' index, the outbox)."""
    with store.read() as conn:
        records = int(conn.execute("SELECT coalesce(max(seq), 0) FROM records").fetchone()[0])
        stopped = search_index.stopped(conn)
    return AboutFacts(store.workstation(), store.path, records, sync_status(store), stopped)


def _when(at: datetime | None) -> str:
    return (
        at.astimezone().strftime("%Y-%m-%d %H:%M")
        if at is not None
        else QCoreApplication.translate("About", "never")
    )


def about_text(facts: AboutFacts, watchlist_version: int | None) -> str:
    lines = [
        QCoreApplication.translate("About", "Lane client {version}").format(version=__version__)
    ]
    station = facts.workstation
    if station is None:
        lines.append(QCoreApplication.translate("About", "Workstation: not set up yet"))
    else:
        lines.append(
            QCoreApplication.translate(
                "About", "Workstation {ws} · port {port} · lane {lane}"
            ).format(ws=station.workstation_id, port=station.port_code, lane=station.lane_id)
        )
    lines.append(
        QCoreApplication.translate("About", "Data folder: {folder}").format(
            folder=facts.database.parent
        )
    )
    lines.append(
        QCoreApplication.translate(
            "About",
            "Database: schema {schema}, {records:,} records, {pending:,} waiting to be sent",
        ).format(schema=SCHEMA_VERSION, records=facts.records, pending=facts.sync.pending)
    )
    if (stopped := facts.search_index_stopped) is not None:
        lines.append(
            QCoreApplication.translate(
                "About",
                "Search index: found damaged {when}; records after #{seq} are not in it "
                "(Tools → Rebuild the search index…)",
            ).format(when=stopped.minute, seq=stopped.after)
        )
    if facts.sync.enrolled:
        lines.append(
            QCoreApplication.translate(
                "About", "Central: {url} · last complete sync {when}"
            ).format(url=facts.sync.central_url or "—", when=_when(facts.sync.last_sync_at))
        )
    else:
        lines.append(
            QCoreApplication.translate(
                "About", "Central: not enrolled (records are kept here until it is)"
            )
        )
    if watchlist_version is None:
        lines.append(QCoreApplication.translate("About", "Watchlist: none in force"))
    else:
        lines.append(
            QCoreApplication.translate("About", "Watchlist: version {version}").format(
                version=watchlist_version
            )
        )
    lines.append(
        QCoreApplication.translate("About", "Python {python} · Qt {qt} · PySide6 {pyside}").format(
            python=sys.version.split()[0], qt=qVersion(), pyside=PySide6.__version__
        )
    )
    return "\n".join(lines)


def show_about(window: Any) -> None:
    """Ask the store, then show the facts in a box whose text can be selected and copied."""

    def done(facts: AboutFacts) -> None:
        status = source_for(window.ops).status
        box = show_info(
            window,
            about_text(facts, status.version if status is not None else None),
            QCoreApplication.translate("About", "About the lane client"),
        )
        box.setObjectName("aboutBox")
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        window.dialog = box

    def failed(error: Exception) -> None:
        show_problem(window, error_text(error))

    window.ops.run(about_facts, done, failed)
