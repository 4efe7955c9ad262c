"""A database too large to check page by page at opening is checked beside the window, and
damage found is said in the banner while the lane goes on."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from inspection_client.store import records
from inspection_client.store.database import Store
from inspection_client.ui import page_check
from inspection_client.ui.main_window import MainWindow
from inspection_client.ui.operations import ImmediateOperations
from tests.factories import damage_index_page, passenger

pytestmark = pytest.mark.gui


@pytest.fixture
def large(accounts: Store, monkeypatch: pytest.MonkeyPatch) -> Store:
    """A database the check at opening leaves for later (as one of over 64 MB would be)."""
    for _ in range(20):
        records.save(accounts, passenger(), officer="OFF01")
    monkeypatch.setattr(page_check, "QUICK_CHECK_MAX_BYTES", 0)
    return accounts


@pytest.fixture(autouse=True)
def _no_delay(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(page_check, "START_DELAY_MS", 0)


def _checked(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.page_check is not None)
    thread = window.page_check
    assert thread is not None
    thread.join(timeout=30)
    assert not thread.is_alive()
    qtbot.wait(50)  # the result comes back through the GUI thread's event loop


@pytest.fixture
def damaged(large: Store) -> Store:
    damage_index_page(large.conn, large.path)
    return large


def test_damage_found_beside_the_window_is_said_in_the_banner(
    qtbot: QtBot, damaged: Store, window: MainWindow
) -> None:
    _checked(qtbot, window)
    banner = window.ui.bannerLabel
    qtbot.waitUntil(lambda: "is damaged" in banner.text())
    assert banner.isVisible() and banner.property("state") == "alert"
    assert str(damaged.path) in banner.text() and "db check" in banner.text()
    assert window.login.ui.codeEdit.isEnabled()  # the lane is not stopped


@pytest.mark.usefixtures("large")
def test_an_intact_large_database_shows_no_warning(qtbot: QtBot, window: MainWindow) -> None:
    _checked(qtbot, window)
    assert "damaged" not in window.ui.bannerLabel.text()
    assert window.warnings == []


def test_a_small_database_was_checked_at_opening_and_is_not_checked_again(
    qtbot: QtBot, window: MainWindow
) -> None:
    qtbot.wait(50)  # past the start of the check
    assert window.page_check is None


def test_the_check_starts_a_while_after_the_window_is_ready(
    qtbot: QtBot, large: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(page_check, "START_DELAY_MS", 300)
    window = MainWindow(ImmediateOperations(large), large.path.parent, sync=False)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready):
        window.start()
    assert window.page_check is None  # ready, and the check not started yet
    _checked(qtbot, window)
    window.shutdown()
