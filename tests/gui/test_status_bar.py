"""The sync segment of the status bar follows the store, not only the last round."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from pytestqt.qtbot import QtBot

from inspection_client.ui.status import StatusSegments, SyncFacts

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
