"""Tools → Back up the database…: a supervisor copies the lane database onto a USB stick while
the lane keeps working (`store.backup`, on a thread and a connection of its own)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from inspection_client.domain.codes import Role
from inspection_client.errors import UserFacingError
from inspection_client.store.backup import Backup, back_up, file_name
from inspection_client.store.database import Store
from inspection_client.ui.messages import error_text, show_info, show_problem


def choose_folder(parent: QWidget) -> str:
    """The folder the supervisor picks for the backup; empty when they cancel."""
    return QFileDialog.getExistingDirectory(
        parent, QCoreApplication.translate("backup", "Back up the lane database to")
    )


def back_up_database(window: Any) -> None:
    """Ask a signed-in supervisor for a folder and back up there; say what was copied."""
    session = window.session
    if session is None:
        return
    if session.officer.role not in (Role.SUPERVISOR, Role.ADMIN):
        show_info(
            window,
            QCoreApplication.translate(
                "backup",
                "A supervisor backs up the lane database: the copy holds travellers' "
                "personal data.",
            ),
        )
        return
    folder = choose_folder(window)
    if not folder:
        return
    target = Path(folder) / file_name(session.workstation.workstation_id, datetime.now())
    window.ui.actionBackUp.setEnabled(False)

    def finished(made: Backup | None, error: UserFacingError | None) -> None:
        window.ui.actionBackUp.setEnabled(window.session is not None)
        if error is not None:
            show_problem(window, error_text(error))
        elif made is not None:
            show_info(
                window,
                QCoreApplication.translate(
                    "backup",
                    "Backed up {records:,} records (up to #{seq}) to {path} ({size:,.1f} MB). "
                    "It holds travellers' personal data: keep the medium safe.",
                ).format(
                    records=made.records,
                    seq=made.head_seq,
                    path=made.path,
                    size=made.size_bytes / 1e6,
                ),
            )

    back_up_then(window, Path(window.ops.database), target, finished)


class _Delivery(QObject):
    done = Signal(object, object)  # Backup | None, UserFacingError | None


def back_up_then(
    parent: QObject,
    database: Path,
    target: Path,
    finished: Callable[[Backup | None, UserFacingError | None], None],
) -> threading.Thread:
    """Back up on a thread and a connection of its own, then call back on the GUI thread.

    A large database takes seconds to copy and check: the lane's saves, which go through the
    store worker, must not queue behind it.
    """
    delivery = _Delivery(parent)

    def arrived(made: Backup | None, error: UserFacingError | None) -> None:
        delivery.deleteLater()
        finished(made, error)

    delivery.done.connect(arrived)

    def work() -> None:
        try:
            with Store.open(database, create=False) as store:
                delivery.done.emit(back_up(store, target), None)
        except UserFacingError as error:
            delivery.done.emit(None, error)
        except Exception as error:  # a thread of its own: report it rather than lose it
            delivery.done.emit(None, UserFacingError(f"The backup failed: {error!r}"))

    thread = threading.Thread(target=work, name="lane-backup", daemon=True)
    thread.start()
    return thread
