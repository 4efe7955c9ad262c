"""Backups from the window: Tools → Back up the database… (a supervisor, onto a USB stick, now)
and Tools → Back up at every shift close (into a folder a supervisor chose, after each shift;
the newest `BACKUPS_KEPT` of this workstation's backups there are kept).

The copy is made by `store.backup` on a thread and a connection of its own: a large database
takes seconds, and the lane's saves, which go through the store worker, must not wait for it.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QStorageInfo
from PySide6.QtWidgets import QWidget

from inspection_client.domain.codes import Role
from inspection_client.errors import UserFacingError
from inspection_client.store.backup import FOLDER_SETTING, Backup, back_up, file_name, prune
from inspection_client.store.database import Store
from inspection_client.ui.file_dialogs import folder_dialog
from inspection_client.ui.messages import error_text, show_info, show_problem
from inspection_client.ui.operations import ThreadDelivery

BACKUPS_KEPT = 7

Finished = Callable[[Backup | None, UserFacingError | None], None]


def attach_backup(window: Any) -> None:
    """Wire the Tools menu's two backup actions of `window` (a `MainWindow`)."""
    ui = window.ui
    ui.actionBackUp.triggered.connect(lambda: back_up_database(window))
    ui.actionBackUpAtShiftClose.triggered.connect(
        lambda checked: set_shift_close_folder(window, checked)
    )
    window.ops.run(
        lambda store: store.setting(FOLDER_SETTING),
        lambda folder: show_shift_close_folder(window, folder),
        lambda _error: None,  # a database that cannot be read is reported at start-up
    )


# Where removable media are mounted (Linux desktops put a USB stick under one of these).
_REMOVABLE_ROOTS = ("/media/", "/run/media/", "/mnt/")
_last_folder: list[str] = [""]  # the folder of the last backup made from the menu


def removable_media() -> list[Path]:
    """Mounted volumes that look like a USB stick or card, in the order the system lists them."""
    return [
        Path(volume.rootPath())
        for volume in QStorageInfo.mountedVolumes()
        if volume.isValid() and volume.isReady() and volume.rootPath().startswith(_REMOVABLE_ROOTS)
    ]


def start_folder(chosen: str | None = None) -> Path:
    """Where the folder dialog opens: the folder chosen before, else the first removable
    medium plugged in, else the home folder. Never the folder the program was started from,
    which the dialog falls back to on its own."""
    if chosen and Path(chosen).is_dir():
        return Path(chosen)
    media = removable_media()
    return media[0] if media else Path.home()


def choose_folder(parent: QWidget, chosen: str | None = None) -> str:
    """The folder the supervisor picks for backups; empty when they cancel."""
    dialog = folder_dialog(
        parent,
        QCoreApplication.translate("backup", "Back up the lane database to"),
        str(start_folder(chosen)),
    )
    if not dialog.exec() or not dialog.selectedFiles():  # cancelled
        return ""
    return dialog.selectedFiles()[0]


def _supervisor_signed_in(window: Any) -> bool:
    session = window.session
    if session is not None and session.officer.role in (Role.SUPERVISOR, Role.ADMIN):
        return True
    show_info(
        window,
        QCoreApplication.translate(
            "backup",
            "A supervisor backs up the lane database: the copy holds travellers' personal data.",
        ),
    )
    return False


def back_up_database(window: Any) -> None:
    """Ask a signed-in supervisor for a folder and back up there; say what was copied."""
    if window.session is None or not _supervisor_signed_in(window):
        return
    folder = choose_folder(window, _last_folder[0])
    if not folder:
        return
    _last_folder[0] = folder
    target = Path(folder) / file_name(window.session.workstation.workstation_id, datetime.now())
    window.ui.actionBackUp.setEnabled(False)

    def finished(made: Backup | None, error: UserFacingError | None) -> None:
        # As the other work actions stand now: the screen may have locked meanwhile.
        window.ui.actionBackUp.setEnabled(window.ui.actionSyncNow.isEnabled())
        if error is not None:
            show_problem(window, error_text(error))
        elif made is not None:
            said = (
                QCoreApplication.translate(
                    "backup",
                    "Backed up {records:,} records (up to #{seq}) to {path} ({size:,.1f} MB), "
                    "sealed for the agency's recovery key: only IT can open it.",
                )
                if made.sealed_for
                else QCoreApplication.translate(
                    "backup",
                    "Backed up {records:,} records (up to #{seq}) to {path} ({size:,.1f} MB). "
                    "It is NOT encrypted: no recovery key is set on this lane, and anyone with "
                    "the medium can read the travellers' personal data in it. Keep the medium "
                    "safe, and ask IT to set the agency's recovery key.",
                )
            )
            show_info(
                window,
                said.format(
                    records=made.records,
                    seq=made.head_seq,
                    path=made.path,
                    size=made.size_bytes / 1e6,
                ),
            )

    back_up_then(window, Path(window.ops.database), target, finished)


# -- at every shift close -------------------------------------------------------------------


def set_shift_close_folder(window: Any, checked: bool) -> None:
    """The menu's tick: a supervisor chooses the folder (ticked) or stops the backups."""
    action = window.ui.actionBackUpAtShiftClose
    folder = ""
    if not _supervisor_signed_in(window):
        action.setChecked(not checked)
        return
    if checked:
        folder = choose_folder(window, action.property("folder"))
        if not folder:
            action.setChecked(False)
            return
    window.ops.run(
        lambda store: store.set_setting(FOLDER_SETTING, folder),
        lambda _none: show_shift_close_folder(window, folder),
    )


def show_shift_close_folder(window: Any, folder: str | None) -> None:
    """Tick the menu entry and name the folder in it (again after a change of language)."""
    action = window.ui.actionBackUpAtShiftClose
    action.setProperty("folder", folder or "")
    action.setChecked(bool(folder))
    action.setText(
        QCoreApplication.translate("backup", "Back up at every shift &close (to {folder})").format(
            folder=folder
        )
        if folder
        else QCoreApplication.translate("MainWindow", "Back up at every shift &close")
    )


def name_actions(window: Any) -> None:
    """After `retranslateUi`: the menu entry names its folder again."""
    show_shift_close_folder(window, window.ui.actionBackUpAtShiftClose.property("folder"))


def back_up_at_shift_close(window: Any) -> None:
    """After a shift is closed: a backup into the chosen folder, if one is chosen, keeping
    the newest `BACKUPS_KEPT` of this workstation's there. Only a failure is shown."""

    def read(store: Store) -> tuple[str, str]:
        return store.setting(FOLDER_SETTING) or "", store.require_workstation().workstation_id

    def start(found: tuple[str, str]) -> None:
        folder, workstation_id = found
        if not folder:
            return
        target = Path(folder) / file_name(workstation_id, datetime.now())

        def finished(_made: Backup | None, error: UserFacingError | None) -> None:
            if error is not None:
                show_problem(
                    window,
                    QCoreApplication.translate(
                        "backup",
                        "The backup at shift close failed: {error} Plug in the backup medium; "
                        "then a supervisor uses Tools → Back up the database….",
                    ).format(error=error_text(error)),
                )

        back_up_then(window, Path(window.ops.database), target, finished, keep=BACKUPS_KEPT)

    window.ops.run(read, start)


# -- the copying thread ----------------------------------------------------------------------


def back_up_then(
    parent: QObject,
    database: Path,
    target: Path,
    finished: Finished,
    *,
    keep: int | None = None,
) -> threading.Thread:
    """Back up on a thread and a connection of its own, then call back on the GUI thread.

    With `keep`, older backups of the workstation in the target's folder are then deleted
    down to that many (`store.backup.prune`); a folder that refuses it keeps them.
    """
    delivery = ThreadDelivery(parent)

    def arrived(made: Backup | None, error: UserFacingError | None) -> None:
        delivery.deleteLater()
        finished(made, error)

    delivery.done.connect(arrived)

    def work() -> None:
        try:
            with Store.open(database, create=False) as store:
                made = back_up(store, target)
                workstation = store.require_workstation().workstation_id
            if keep is not None:
                with contextlib.suppress(OSError):
                    prune(target.parent, workstation, keep)
            delivery.send(made, None)
        except UserFacingError as error:
            delivery.send(None, error)
        except Exception as error:  # a thread of its own: report it rather than lose it
            delivery.send(None, UserFacingError(f"The backup failed: {error!r}"))

    thread = threading.Thread(target=work, name="lane-backup", daemon=True)
    thread.start()
    return thread
