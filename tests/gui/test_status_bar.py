"""The sync segment of the status bar follows the store, not only the last round."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from inspection_client import __version__
from inspection_client.sync.service import RoundResult
from inspection_client.ui import language
from inspection_client.ui.main_window import MainWindow
from inspection_client.ui.status import StatusSegments, SyncFacts, SyncRunner
from inspection_client.watchlist.status import WatchlistStatus
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
    counts = window.status.ui.countsLabel
    assert counts.text() == "12,000 cleared · 300 referred · 45 refused"
    assert counts.toolTip() == "This shift: 12,345 (12,000 cleared, 300 referred, 45 refused)"


def test_records_taken_back_are_said_until_the_next_round(qtbot: QtBot, tmp_path: Path) -> None:
    language.install("en")
    runner = SyncRunner(tmp_path)
    said: list[tuple[str, str]] = []
    runner.state_changed.connect(lambda text, state: said.append((text, state)))
    try:
        runner._finished(RoundResult(True, 0, 3, 0, None, True, taken_back=1_250), None)
        runner._finished(RoundResult(True, 0, 0, 0, None, True), None)
    finally:
        runner.shutdown()
    assert said == [("1,250 lost records taken back from the central", "ok"), ("", "ok")]


def test_a_round_that_cannot_reach_the_central_is_offline_with_its_cause(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from inspection_client.ui.status import OFFLINE

    runner = SyncRunner(tmp_path)
    said: list[tuple[str, str]] = []
    runner.state_changed.connect(lambda text, state: said.append((text, state)))
    try:
        cause = "The central at https://central.example cannot be reached"
        runner._finished(RoundResult(False, 7, 0, 0, cause, False), None)
    finally:
        runner.shutdown()
    assert said == [(cause, OFFLINE)]


def test_sync_now_on_a_workstation_not_enrolled_says_so_instead_of_offline(
    qtbot: QtBot, window: MainWindow
) -> None:
    from PySide6.QtWidgets import QMessageBox

    sign_in(qtbot, window)
    window.status.set_sync_facts(SyncFacts(pending=3))
    window.ui.actionSyncNow.trigger()
    (info,) = window.findChildren(QMessageBox, "infoBox")
    assert "not enrolled with a central store yet" in info.text()
    assert "Offline" not in window.status.ui.syncLabel.text()
    info.accept()


@pytest.mark.usefixtures("styled")
@pytest.mark.parametrize(
    "facts",
    [
        SyncFacts(pending=2_044),
        # Enrolled: the Sync now button too, and a synced count in its green box.
        SyncFacts(pending=0, enrolled=True, last_sync_at=datetime.now(UTC) - timedelta(minutes=5)),
    ],
)
def test_every_segment_is_whole_on_a_1366_pixel_screen_with_watchlist_alerts(
    qtbot: QtBot, window: MainWindow, facts: SyncFacts
) -> None:
    sign_in(qtbot, window)
    window.resize(1366, 768)
    status = window.status
    status.set_counts(1_204, {"cleared": 1_150, "referred": 42, "refused": 12})
    status.set_sync_facts(facts)
    status.set_watchlist(WatchlistStatus(version=12, age=timedelta(hours=3)), 1)
    qtbot.waitUntil(lambda: status.ui.alertsButton.isVisible())
    for lang in ("en", "zh_CN"):
        window.apply_settings(lang, 10)
        qtbot.waitUntil(lambda: status.ui.countsLabel.text().startswith(("1,150", "放行")))
        qtbot.wait(50)  # the layout is redone after the new texts
        for segment in (status.ui.countsLabel, status.ui.syncLabel, status.ui.watchlistLabel):
            assert segment.width() >= segment.sizeHint().width(), (lang, segment.text())
    assert window.windowTitle().endswith(__version__)  # where the status bar had it


@pytest.mark.usefixtures("styled")
@pytest.mark.parametrize(
    "facts",
    [
        SyncFacts(pending=2_044),
        SyncFacts(pending=0, enrolled=True, last_sync_at=datetime.now(UTC) - timedelta(minutes=5)),
    ],
)
def test_a_1024_pixel_screen_shows_every_segment_whole_in_its_short_form(
    qtbot: QtBot, window: MainWindow, facts: SyncFacts
) -> None:
    sign_in(qtbot, window)
    status = window.status
    status.set_counts(1_204, {"cleared": 1_150, "referred": 42, "refused": 12})
    status.set_sync_facts(facts)
    status.set_watchlist(WatchlistStatus(version=12, age=timedelta(hours=3)), 1)
    qtbot.waitUntil(lambda: status.ui.alertsButton.isVisible())
    ui = status.ui
    segments = (ui.officerLabel, ui.shiftLabel, ui.countsLabel, ui.syncLabel, ui.watchlistLabel)
    for lang in ("en", "zh_CN"):
        window.apply_settings(lang, 10)
        window.resize(1024, 768)
        qtbot.wait(50)  # the layout is redone after the new texts
        for segment in segments:
            assert segment.width() >= segment.sizeHint().width(), (lang, segment.text())
        # The count leads each shortened segment; what was left out is in its tooltip.
        assert ui.officerLabel.text() == "OFF1" and "OFF1" in ui.officerLabel.toolTip()
        assert ui.syncLabel.text().startswith(("2,044", "0")), ui.syncLabel.text()
        if lang == "en":  # the Chinese full text is short enough
            assert ui.syncLabel.text() != ui.syncLabel.toolTip()
        assert "1,150" in ui.countsLabel.text() and "1,150" in ui.countsLabel.toolTip()
        # Wide again: the full texts are back.
        window.resize(1366, 768)
        qtbot.waitUntil(lambda: ui.officerLabel.text() != "OFF1")
        assert ui.syncLabel.text() == ui.syncLabel.toolTip()


def test_offline_counts_what_is_saved_meanwhile_and_says_why_and_since_when(
    qtbot: QtBot,
) -> None:
    from inspection_client.ui.status import OFFLINE

    status = StatusSegments()
    qtbot.addWidget(status)
    synced_at = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
    status.set_sync_facts(SyncFacts(pending=3, enrolled=True, last_sync_at=synced_at))
    status.set_sync_text("The central at https://central.example cannot be reached", OFFLINE)
    label = status.ui.syncLabel
    assert label.text() == "Offline — 3 waiting" and label.property("state") == "alert"
    tip = label.toolTip()
    assert "cannot be reached" in tip and "Last complete sync: 2026-11-2" in tip
    # A clearance saved while offline is counted at once (the window raises the store's count).
    status.set_sync_facts(SyncFacts(pending=4, enrolled=True, last_sync_at=synced_at))
    assert label.text() == "Offline — 4 waiting"
    status.set_sync_text("", "ok")  # the next round reached the central
    assert label.text().startswith("4 waiting · synced ")
