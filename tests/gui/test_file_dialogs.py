"""File dialogs tell files apart by name: reading one to guess its type can block for good
(`/proc/kmsg` typed in the name box froze the window)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QFileInfo
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QWidget
from pytestqt.qtbot import QtBot

from inspection_client.ui.file_dialogs import NamedFileIcons, folder_dialog
from inspection_client.ui.slip_printing import ask_where_to_save

pytestmark = pytest.mark.gui


@pytest.fixture
def unnamed_pdf(tmp_path: Path) -> QFileInfo:
    # A file whose name says nothing and whose first bytes say PDF.
    path = tmp_path / "report"
    path.write_bytes(b"%PDF-1.7\n" + b"x" * 100)
    return QFileInfo(str(path))


def test_a_file_is_typed_by_its_name_not_its_content(qtbot: QtBot, unnamed_pdf: QFileInfo) -> None:
    assert "PDF" in QFileIconProvider().type(unnamed_pdf)  # what Qt's own provider reads
    icons = NamedFileIcons()
    assert icons.type(unnamed_pdf) == "File"
    assert icons.type(QFileInfo(unnamed_pdf.absolutePath())) == "Folder"
    assert icons.type(QFileInfo(unnamed_pdf.absoluteFilePath() + ".pdf")) == "PDF File"
    assert not icons.icon(unnamed_pdf).isNull()


def test_the_save_and_folder_dialogs_never_read_files(qtbot: QtBot, tmp_path: Path) -> None:
    parent = QWidget()
    qtbot.add_widget(parent)
    save = ask_where_to_save(parent, "Save", [("pdf", "PDF (*.pdf)")], "x.pdf", lambda *_: None)
    folder = folder_dialog(parent, "Back up", str(tmp_path))
    try:
        for dialog in (save, folder):
            assert isinstance(dialog.iconProvider(), NamedFileIcons)
        assert folder.fileMode() == QFileDialog.FileMode.Directory
        assert folder.directory().absolutePath() == str(tmp_path)
    finally:
        save.reject()
