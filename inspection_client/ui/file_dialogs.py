"""File dialogs that name files by their names only, never by reading them.

Qt's own dialog (the one used with no desktop environment, as at a lane) asks the file icon
provider for each file it shows or completes, and the stock provider guesses a file's type
from its content when the name says nothing. Some files never finish being read: typing
`/proc/` in the name box read `/proc/kmsg` on the GUI thread and froze the window for good.
"""

from __future__ import annotations

from PySide6.QtCore import QFileInfo
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import QApplication, QFileDialog, QStyle, QWidget

_FILE = QStyle.StandardPixmap.SP_FileIcon
_FOLDER = QStyle.StandardPixmap.SP_DirIcon
_ICON_OF_TYPE = {
    QAbstractFileIconProvider.IconType.Computer: QStyle.StandardPixmap.SP_ComputerIcon,
    QAbstractFileIconProvider.IconType.Drive: QStyle.StandardPixmap.SP_DriveHDIcon,
    QAbstractFileIconProvider.IconType.Network: QStyle.StandardPixmap.SP_DriveNetIcon,
    QAbstractFileIconProvider.IconType.Trashcan: QStyle.StandardPixmap.SP_TrashIcon,
    QAbstractFileIconProvider.IconType.File: _FILE,
}


class NamedFileIcons(QAbstractFileIconProvider):
    """Icons and type names from a file's kind and name (folder, link, `.pdf`), not its bytes."""

    def icon(self, which: QFileInfo | QAbstractFileIconProvider.IconType) -> QIcon:  # type: ignore[override]
        if isinstance(which, QFileInfo):
            pixmap = _FOLDER if which.isDir() else _FILE
        else:
            pixmap = _ICON_OF_TYPE.get(which, _FOLDER)
        return QApplication.style().standardIcon(pixmap)

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return QApplication.translate("QFileDialog", "Folder")
        suffix = info.suffix()
        if suffix:
            return QApplication.translate("QFileDialog", "%1 File").replace("%1", suffix.upper())
        return QApplication.translate("QFileDialog", "File")


_ICONS: list[NamedFileIcons] = []  # one for every dialog, kept alive as long as the program


def file_dialog(parent: QWidget | None, title: str) -> QFileDialog:
    """A QFileDialog that never reads a file to show or complete it."""
    dialog = QFileDialog(parent, title)
    if not _ICONS:
        _ICONS.append(NamedFileIcons())
    dialog.setIconProvider(_ICONS[0])
    return dialog


def folder_dialog(parent: QWidget | None, title: str, start: str) -> QFileDialog:
    """A dialog for choosing a folder, opening in `start`."""
    dialog = file_dialog(parent, title)
    dialog.setObjectName("folderDialog")
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    dialog.setDirectory(start)
    return dialog
