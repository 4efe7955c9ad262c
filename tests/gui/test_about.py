"""Help → About: the facts IT asks for first, in the window's language."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import qVersion
from pytestqt.qtbot import QtBot

from inspection_client import __version__
from inspection_client.store import records, search_index, sync_state
from inspection_client.store.schema import SCHEMA_VERSION
from inspection_client.ui.main_window import MainWindow
from inspection_client.ui.operations import ImmediateOperations
from tests import factories
from tests.conftest import TEST_WORKSTATION
from tests.gui.conftest import sign_in

pytestmark = pytest.mark.gui


def _about(qtbot: QtBot, window: MainWindow) -> str:
    window.ui.actionAbout.trigger()
    qtbot.waitUntil(lambda: getattr(window.dialog, "objectName", lambda: "")() == "aboutBox")
    text = window.dialog.text()
    window.dialog.close()
    return str(text)


def test_about_names_the_version_workstation_data_and_central(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations, data_dir: Path
) -> None:
    sign_in(qtbot, window)
    records.save(ops.store, factories.passenger(), officer="OFF1")
    text = _about(qtbot, window)
    assert f"Lane client {__version__}" in text
    assert TEST_WORKSTATION.workstation_id in text and f"lane {TEST_WORKSTATION.lane_id}" in text
    assert f"Data folder: {data_dir}" in text
    assert f"schema {SCHEMA_VERSION}," in text
    assert "waiting to be sent" in text and "Central: not enrolled" in text
    assert "Watchlist: none in force" in text and f"Qt {qVersion()}" in text
    assert "Search index" not in text
    search_index.stop(ops.store, "found damaged")
    stopped = search_index.stopped(ops.store.conn)
    assert stopped is not None
    text = _about(qtbot, window)
    assert f"Search index: found damaged {stopped.at[:16].replace('T', ' ')}" in text
    assert f"records after #{stopped.after} are not in it" in text
    assert "Tools → Rebuild the search index…" in text
    sync_state.put(
        ops.store,
        {
            sync_state.CENTRAL_URL: "https://central.example:8443",
            sync_state.CENTRAL_KEY: "key",
            sync_state.WORKSTATION_ID: TEST_WORKSTATION.workstation_id,
        },
    )
    text = _about(qtbot, window)
    assert "Central: https://central.example:8443 · last complete sync never" in text


def test_about_speaks_chinese_in_a_chinese_window(qtbot: QtBot, window: MainWindow) -> None:
    window.apply_settings("zh_CN", 10)
    text = _about(qtbot, window)
    assert "数据文件夹" in text and "Data folder" not in text
