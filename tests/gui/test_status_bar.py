"""The sync segment of the status bar follows the store, not only the last round."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from pytestqt.qtbot import QtBot

from inspection_client.ui import language
from inspection_client.ui.main_window import MainWindow
from inspection_client.ui.status import StatusSegments, SyncFacts
from tests.gui.conftest import sign_in

pytestmark = pytest.mark.gui


def test_records_saved_after_a_round_are_counted_as_waiting(qtbot: QtBot) -> None:
    status = StatusSegments()
    qtbot.addWidget(status)
    synced_at = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
    status.set_sync_text("Syncing 1000 of 2046", "busy")
    assert status.ui.syncLabel.text() == "Syncing 1000 of 2046"
    status.set_sync_text("", "ok")  # the round ended well
    status.set_sync_facts(SyncFacts(pending=0, enrolled=True, last_sync_at=synced_at))
    assert status.ui.syncLabel.text().startswith("0 waiting · synced ")
    status.set_sync_facts(SyncFacts(pending=2, enrolled=True, last_sync_at=synced_at))
    assert status.ui.syncLabel.text().startswith("2 waiting · synced ")
    status.set_sync_facts(SyncFacts(pending=5))
    assert status.ui.syncLabel.text() == "5 waiting · not enrolled"


def test_large_counts_are_grouped_as_the_language_writes_them(qtbot: QtBot) -> None:
    language.install("en")
    status = StatusSegments()
    qtbot.addWidget(status)
    status.set_sync_facts(SyncFacts(pending=1_000_360, problems=1_204))
    assert status.ui.syncLabel.text() == "1,000,360 waiting · not enrolled · 1,204 sync problem(s)"


def test_the_shift_counts_are_grouped_too(qtbot: QtBot, window: MainWindow) -> None:
    sign_in(qtbot, window)
    window.status.set_counts(12_345, {"cleared": 12_000, "referred": 300, "refused": 45})
    assert window.status.ui.countsLabel.text() == (
        "This shift: 12,345 (12,000 cleared, 300 referred, 45 refused)"
    )
