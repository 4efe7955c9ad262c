"""Watchlist checks in the lanes: the alert (band, dialog), the decisions it allows, what the
saved record says, and the status-bar segment with its retrospective alerts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from inspection_client.domain.codes import Decision
from inspection_client.domain.models import PassengerClearance, Record, VehicleClearance
from inspection_client.store import records
from inspection_client.store.database import Store
from inspection_client.store.errors import StoreCorrupt
from inspection_client.sync import wire
from inspection_client.ui.main_window import MainWindow
from inspection_client.ui.operations import ImmediateOperations
from inspection_client.ui.watchlist_alert import REASON_COLUMN, WatchlistAlertDialog, source_for
from inspection_client.watchlist import retrospective
from inspection_client.watchlist.apply import apply_snapshot
from inspection_client.watchlist.retrospective import pending_alerts
from tests import factories
from tests.gui.conftest import SUPERVISOR, passport, sign_in
from tests.watchlist.conftest import power_cut_before_the_recheck, sample_payload

pytestmark = pytest.mark.gui

LISTED = passport()  # L898902C3 of UTO, ERIKSSON ANNA MARIA: a document and a person entry
NOT_LISTED = passport(document_number="ZX9876543", surname="NOWAK", given_names="PIOTR")


def publish(store: Store, version: int = 7, issued: datetime | None = None) -> None:
    key = Ed25519PrivateKey.generate()
    issued = issued or datetime.now(UTC) - timedelta(hours=3, minutes=5)
    snapshot = wire.Snapshot(
        kind=wire.ReferenceKind.WATCHLIST,
        version=version,
        issued_at=issued,
        expires_at=issued + timedelta(days=2),
        payload=sample_payload(),
    )
    signed = wire.SignedSnapshot(snapshot=snapshot, signature=wire.sign(snapshot, key))
    assert apply_snapshot(store, signed, central_key=key.public_key()).applied


@pytest.fixture
def listed(ops: ImmediateOperations) -> Store:
    publish(ops.store)
    return ops.store


def _burst(qtbot: QtBot, window: MainWindow, lines: tuple[str, str]) -> None:
    mrz = window.passenger.passenger.ui.mrzEdit
    for line in lines:
        qtbot.keyClicks(mrz, line)
        qtbot.keyClick(mrz, Qt.Key.Key_Return)


def _saved(store: Store) -> list[Record]:
    return list(records.by_seq(store, 1, 10_000))


def _clearances(store: Store) -> list[PassengerClearance | VehicleClearance]:
    return [
        r.body for r in _saved(store) if isinstance(r.body, PassengerClearance | VehicleClearance)
    ]


def _alert(window: MainWindow) -> WatchlistAlertDialog:
    dialog = window.passenger.alert_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_a_listed_document_raises_the_band_and_the_dialog(
    qtbot: QtBot, window: MainWindow, listed: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    beeps: list[bool] = []
    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: beeps.append(True)))
    sign_in(qtbot, window)
    _burst(qtbot, window, LISTED)
    band = window.passenger.ui.watchlistBand
    assert band.isVisible() and band.property("state") == "hit"
    assert "WATCHLIST HIT — Lost/stolen documents: P L898902C3 of UTO reported stolen" in (
        band.text()
    )
    assert "(score 100)" in band.text()
    assert "Wanted persons" in band.text()  # the holder is listed too
    assert not window.passenger.ui.watchlistNote.isVisible()  # the hit replaces the note
    dialog = _alert(window)
    table = dialog.ui.hitsTable
    rows = {table.item(r, 1).text(): r for r in range(table.rowCount())}
    assert "P-ERIKSSON" in rows
    row = rows["P-ERIKSSON"]
    assert "wanted: fraud" in table.item(row, 2).text()
    assert table.item(row, 3).text() == "Refuse entry/exit"
    assert int(table.item(row, 4).text()) >= 88
    assert beeps == [True]
    assert _clearances(listed) == []  # nothing is saved by the alert itself


def test_ctrl_return_on_a_hit_needs_a_supervisor_and_a_reason(
    qtbot: QtBot, window: MainWindow, listed: Store
) -> None:
    sign_in(qtbot, window)
    _burst(qtbot, window, LISTED)
    qtbot.mouseClick(_alert(window).ui.seenButton, Qt.MouseButton.LeftButton)
    mrz = window.passenger.passenger.ui.mrzEdit
    qtbot.keyClick(mrz, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    approval = window.passenger.approval_dialog
    assert approval is not None and approval.isVisible()
    assert _clearances(listed) == []
    # No reason: refused on the spot.
    qtbot.keyClicks(approval.ui.supervisorCodeEdit, SUPERVISOR[0])
    qtbot.keyClicks(approval.ui.supervisorPinEdit, SUPERVISOR[1])
    approval.submit()
    assert "reason" in approval.ui.messageLabel.text()
    # The officer's own PIN is not a supervisor's.
    qtbot.keyClicks(approval.ui.reasonEdit, "Known namesake, checked with HQ")
    approval.ui.supervisorCodeEdit.setText("OFF1")
    approval.ui.supervisorPinEdit.setText("1111")
    approval.submit()
    assert "not a supervisor" in approval.ui.messageLabel.text()
    assert _clearances(listed) == [] and approval.isVisible()
    approval.ui.supervisorCodeEdit.setText(SUPERVISOR[0].lower())
    approval.ui.supervisorPinEdit.setText(SUPERVISOR[1])
    approval.submit()
    assert not approval.isVisible()
    [saved] = _clearances(listed)
    assert saved.decision is Decision.CLEARED
    check = saved.watchlist
    assert check is not None
    assert check.outcome == "cleared_with_approval"
    assert check.approved_by == SUPERVISOR[0]
    assert check.approval_reason == "Known namesake, checked with HQ"
    assert check.snapshot_version == 7
    assert {h.entry_id for h in check.hits} >= {"P-ERIKSSON"}
    assert window.passenger.passenger.is_blank()
    assert not window.passenger.ui.watchlistBand.isVisible()


def test_f8_on_the_alert_refers_with_the_hits(
    qtbot: QtBot, window: MainWindow, listed: Store
) -> None:
    sign_in(qtbot, window)
    _burst(qtbot, window, LISTED)
    qtbot.keyClick(_alert(window), Qt.Key.Key_F8)
    [saved] = _clearances(listed)
    assert saved.decision is Decision.REFERRED
    assert saved.watchlist is not None and saved.watchlist.outcome == "referred"
    assert saved.watchlist.approved_by is None and len(saved.watchlist.hits) >= 2


def test_f8_in_the_lane_after_the_alert_refers(
    qtbot: QtBot, window: MainWindow, listed: Store
) -> None:
    sign_in(qtbot, window)
    _burst(qtbot, window, LISTED)
    qtbot.mouseClick(_alert(window).ui.seenButton, Qt.MouseButton.LeftButton)
    qtbot.keyClick(window.passenger.passenger.ui.mrzEdit, Qt.Key.Key_F8)
    [saved] = _clearances(listed)
    assert saved.watchlist is not None and saved.watchlist.outcome == "referred"


def test_a_traveller_not_listed_saves_no_hit_with_the_version(
    qtbot: QtBot, window: MainWindow, listed: Store
) -> None:
    sign_in(qtbot, window)
    _burst(qtbot, window, NOT_LISTED)
    note = window.passenger.ui.watchlistNote
    assert window.passenger.alert_dialog is None
    assert note.text() == "✓ Watchlist v7: no hit" and note.property("state") == "ok"
    assert not window.passenger.ui.watchlistBand.isVisible()
    mrz = window.passenger.passenger.ui.mrzEdit
    qtbot.keyClick(mrz, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    [saved] = _clearances(listed)
    assert saved.decision is Decision.CLEARED
    assert saved.watchlist is not None
    assert (saved.watchlist.outcome, saved.watchlist.snapshot_version) == ("no_hit", 7)


def test_a_hit_typed_by_hand_is_caught_at_the_decision(
    qtbot: QtBot, window: MainWindow, listed: Store
) -> None:
    sign_in(qtbot, window)
    ui = window.passenger.passenger.ui
    ui.docNumberEdit.setText("L898902C3")
    ui.issuingStateEdit.setText("UTO")
    ui.surnameEdit.setText("SMITH")
    ui.nationalityEdit.setText("UTO")
    ui.expiryDateEdit.setText("2031-05-06")
    qtbot.keyClick(ui.mrzEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert _alert(window).isVisible()  # the alert first, no save
    assert _clearances(listed) == []


def test_without_a_snapshot_the_record_is_not_checked(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    sign_in(qtbot, window)
    note = window.passenger.ui.watchlistNote
    assert note.isVisible() and note.property("state") == "warning"
    assert "Watchlist not available" in note.text()
    _burst(qtbot, window, LISTED)
    assert window.passenger.alert_dialog is None
    qtbot.keyClick(
        window.passenger.passenger.ui.mrzEdit,
        Qt.Key.Key_Return,
        Qt.KeyboardModifier.ControlModifier,
    )
    [saved] = _clearances(ops.store)
    assert saved.watchlist is not None
    assert (saved.watchlist.outcome, saved.watchlist.snapshot_version) == ("not_checked", None)


def test_a_listed_plate_raises_the_alert_in_the_vehicle_lane(
    qtbot: QtBot, window: MainWindow, listed: Store
) -> None:
    sign_in(qtbot, window)
    window.show_screen(window.vehicle)
    ui = window.vehicle.vehicle.ui
    ui.plateEdit.setText("新A-12345")
    qtbot.keyClicks(ui.countryEdit, "CHN")
    ui.countryEdit.editingFinished.emit()
    band = window.vehicle.ui.watchlistBand
    assert band.property("state") == "hit" and "stolen truck" in band.text()
    dialog = window.vehicle.alert_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_F8)
    [vehicle] = _clearances(listed)
    assert isinstance(vehicle, VehicleClearance)
    assert vehicle.watchlist is not None and vehicle.watchlist.outcome == "referred"
    assert [h.entry_id for h in vehicle.watchlist.hits] == ["V-1"]


def test_the_status_bar_shows_version_age_stale_and_alerts(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    sign_in(qtbot, window)
    status = window.status.ui
    assert status.watchlistLabel.text() == "Watchlist not available"
    assert not status.alertsButton.isVisible()
    # A traveller cleared before the snapshot came is found by its re-check.
    _burst(qtbot, window, LISTED)
    qtbot.keyClick(
        window.passenger.passenger.ui.mrzEdit,
        Qt.Key.Key_Return,
        Qt.KeyboardModifier.ControlModifier,
    )
    publish(ops.store)
    source = source_for(ops)
    source.refresh()
    assert status.watchlistLabel.text() == "Watchlist v7, 3 h old"
    assert status.watchlistLabel.property("state") == "idle"
    assert status.alertsButton.isVisible()
    assert status.alertsButton.text() == "⚠ 2 alert(s)"
    # Two days later the snapshot is past its expiry.
    source.now = lambda: datetime.now(UTC) + timedelta(days=2)
    source.refresh()
    assert status.watchlistLabel.text().startswith("Watchlist v7 STALE (expired ")
    assert status.watchlistLabel.property("state") == "stale"
    assert "STALE" in window.passenger.ui.watchlistNote.text()
    # The officer acknowledges the alerts from the list.
    window.resize(1366, 768)
    qtbot.mouseClick(status.alertsButton, Qt.MouseButton.LeftButton)
    dialog = window.dialog
    assert dialog.objectName() == "watchlistAlertsDialog" and dialog.isVisible()
    assert dialog.ui.alertsTable.rowCount() == 2
    # Most of the window, not the list's least size (where two alerts showed at a time).
    assert dialog.height() >= 600 and dialog.height() > dialog.minimumHeight()
    assert "ERIKSSON" in dialog.ui.alertsTable.item(0, 2).text()
    dialog.acknowledge()
    dialog.acknowledge()
    assert dialog.ui.alertsTable.rowCount() == 0
    assert not status.alertsButton.isVisible()
    acknowledged = ops.store.conn.execute(
        "SELECT count(*) FROM watchlist_alerts WHERE acknowledged_by = 'OFF1'"
    ).fetchone()[0]
    assert acknowledged == 2
    dialog.reject()
    assert not dialog.isVisible()


def test_shutting_the_window_down_stops_the_watchlist_refresh(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    # A refresh timer left running would load from a closed store a minute later.
    sign_in(qtbot, window)
    source = source_for(ops)
    assert source.timer.isActive()
    window.shutdown()
    assert not source.timer.isActive()
    assert source_for(ops) is not source


def test_the_go_menu_opens_the_alerts_even_when_none_wait_and_not_when_locked(
    qtbot: QtBot, window: MainWindow
) -> None:
    action = window.action_alerts
    assert not action.isEnabled()  # nobody signed in
    sign_in(qtbot, window)
    assert action.isEnabled()
    assert action in window.ui.menuGo.actions()
    assert action.shortcut().toString() == "Ctrl+6"
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    dialog = window.dialog
    assert dialog is not None and dialog.objectName() == "watchlistAlertsDialog"
    assert dialog.isVisible()
    assert dialog.ui.alertsTable.rowCount() == 0
    assert dialog.ui.messageLabel.text() == "No alerts are waiting."
    dialog.reject()
    window.lock_screen()
    assert not action.isEnabled()


def test_a_watchlist_file_damaged_after_opening_leaves_the_lane_working(
    qtbot: QtBot, window: MainWindow, listed: Store
) -> None:
    # The file is opened at sign-in; damage found at the decision must not be a traceback on
    # the GUI thread: the officer is told, and the lane goes on as without a watchlist.
    sign_in(qtbot, window)
    checker = source_for(window.ops).checker
    assert checker is not None
    _burst(qtbot, window, NOT_LISTED)
    checker.path.write_bytes(b"\0" * 4096)
    mrz = window.passenger.passenger.ui.mrzEdit
    qtbot.keyClick(mrz, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert _clearances(listed) == []  # the officer decided on a check that was not made
    assert "NOT SAVED" in window.passenger.ui.formMessageLabel.text()
    box = window.passenger.findChild(QMessageBox, "problemBox")
    assert box is not None and "watchlist file" in box.text() and "damaged" in box.text()
    box.accept()
    note = window.passenger.ui.watchlistNote
    assert note.property("state") == "warning"
    assert note.text().startswith("⚠ Watchlist not available — records are saved as not checked.")
    assert "damaged" in note.text()
    assert window.status.ui.watchlistLabel.text() == "Watchlist not available"
    assert not window.passenger.passenger.is_blank()
    qtbot.keyClick(mrz, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    [saved] = _clearances(listed)
    assert saved.watchlist is not None
    assert (saved.watchlist.outcome, saved.watchlist.snapshot_version) == ("not_checked", None)


def test_a_watchlist_file_damaged_while_typing_shows_in_the_band(
    qtbot: QtBot, window: MainWindow, listed: Store
) -> None:
    sign_in(qtbot, window)
    window.show_screen(window.vehicle)
    checker = source_for(window.ops).checker
    assert checker is not None
    checker.path.write_bytes(b"\0" * 4096)
    ui = window.vehicle.vehicle.ui
    ui.plateEdit.setText("新A-12345")
    qtbot.keyClicks(ui.countryEdit, "CHN")
    ui.countryEdit.editingFinished.emit()
    note = window.vehicle.ui.watchlistNote
    assert note.property("state") == "warning" and "damaged" in note.text()
    assert window.vehicle.alert_dialog is None


def test_a_hit_is_explained_in_the_officers_language(
    qtbot: QtBot, window: MainWindow, listed: Store
) -> None:
    sign_in(qtbot, window)
    window.apply_settings("zh_CN", 10)
    _burst(qtbot, window, LISTED)
    band = window.passenger.ui.watchlistBand.text()
    # The checker's own words are translated; the list's reason is shown as the list has it.
    assert "UTO 签发的 P L898902C3，登记为被盗" in band
    assert "ERIKSSON ANNA MARIA：wanted: fraud（姓名相似度 100，出生日期相同）" in band
    assert "same birth date" not in band
    table = _alert(window).ui.hitsTable
    reasons = {table.item(row, 2).text() for row in range(table.rowCount())}
    assert "UTO 签发的 P L898902C3，登记为被盗" in reasons
    # What is saved with the record stays in English, whatever the window's language.
    hits = window.passenger.hits
    assert any(hit.reason.endswith("(name 100, same birth date)") for hit in hits)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_reason_of_an_alert_can_be_read_whole_in_the_list(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations, language: str
) -> None:
    # The reason is what the officer acts on; it used to get only what the other columns
    # left over ("Los…"), so the list said who was found but not why. Chinese has no spaces
    # to wrap at: it must wrap between characters.
    sign_in(qtbot, window)
    window.apply_settings(language, 10)
    _burst(qtbot, window, LISTED)
    qtbot.keyClick(
        window.passenger.passenger.ui.mrzEdit,
        Qt.Key.Key_Return,
        Qt.KeyboardModifier.ControlModifier,
    )
    publish(ops.store)
    source_for(ops).refresh()
    window.open_watchlist_alerts()
    dialog = window.dialog
    assert dialog.objectName() == "watchlistAlertsDialog" and dialog.isVisible()
    table = dialog.ui.alertsTable
    QApplication.processEvents()
    assert table.rowCount() == 2
    for row in range(table.rowCount()):
        item = table.item(row, REASON_COLUMN)
        needed = table.fontMetrics().boundingRect(
            0,
            0,
            table.columnWidth(REASON_COLUMN) - 6,  # the item's text margins
            10_000,
            int(Qt.TextFlag.TextWordWrap),
            item.text(),
        )
        assert table.columnWidth(REASON_COLUMN) >= 150
        assert table.rowHeight(row) >= needed.height()
    assert not table.horizontalScrollBar().isVisible()
    reasons = " ".join(table.item(row, REASON_COLUMN).text() for row in range(2))
    # Saved with its words, the reason reads in the window's language.
    assert ("登记为被盗" in reasons) == (language == "zh_CN")
    assert ("reported stolen" in reasons) == (language == "en")
    dialog.reject()


@pytest.fixture
def recheck_owed(ops: ImmediateOperations) -> Store:
    """A snapshot made active, and the lane stopped before its re-check of the last day."""
    store = ops.store
    listed = factories.document(
        number="L898902C3", issuing_state="UTO", nationality="UTO", surname="ERIKSSON"
    )
    records.save(store, factories.passenger(document=listed), officer="OFF1")
    with power_cut_before_the_recheck():
        publish(store)
    assert pending_alerts(store) == []
    return store


def test_a_recheck_the_lane_still_owes_is_made_when_the_window_starts(
    qtbot: QtBot, recheck_owed: Store, window: MainWindow
) -> None:
    (alert,) = pending_alerts(recheck_owed)
    assert (alert.snapshot_version, alert.entry_id) == (7, "UTO/L898902C3")
    assert window.warnings == []
    sign_in(qtbot, window)
    assert window.status.ui.alertsButton.text() == "⚠ 1 alert(s)"


def test_a_recheck_that_fails_at_start_is_said_and_the_lane_starts(
    qtbot: QtBot, recheck_owed: Store, monkeypatch: pytest.MonkeyPatch, ops: ImmediateOperations
) -> None:
    def damaged(_store: Store) -> int:
        raise StoreCorrupt("The database is damaged (database disk image is malformed).")

    monkeypatch.setattr(retrospective, "recheck_if_owed", damaged)
    window = MainWindow(ops, recheck_owed.path.parent, sync=False)
    qtbot.addWidget(window)
    window.show()
    window.start()
    (warning,) = window.warnings
    assert "could not be made: The database is damaged" in warning
    assert "It is tried again after each sync" in window.ui.bannerLabel.text()
    sign_in(qtbot, window)
    assert recheck_owed.setting(retrospective.RECHECK_OWED) is not None
    window.shutdown()


def test_a_recheck_refused_under_a_sync_round_is_said_and_made_at_the_next_refresh(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A sync round applies a snapshot whose re-check the database refuses: the banner says
    so after the round (the source refreshes then), once, and no more once it is made."""
    store = ops.store
    listed = factories.document(
        number="L898902C3", issuing_state="UTO", nationality="UTO", surname="ERIKSSON"
    )
    records.save(store, factories.passenger(document=listed), officer="OFF1")
    sign_in(qtbot, window)
    source = source_for(ops)

    def refused(*_args: object) -> list[str]:
        raise StoreCorrupt("The database is damaged (database disk image is malformed).")

    with monkeypatch.context() as patched:
        patched.setattr(retrospective, "_recent_clearances", refused)
        publish(store)  # as the round's `reference.apply` does
        for _ in range(2):  # the round's refresh, then the minute's: one warning all along
            source.refresh()
            (warning,) = window.warnings
            assert "could not be made: The database is damaged" in warning
            assert "tried again after each sync" in window.ui.bannerLabel.text()
    assert window.status.ui.alertsButton.isHidden()
    source.refresh()
    assert window.warnings == []
    assert "could not be made" not in window.ui.bannerLabel.text()
    assert window.status.ui.alertsButton.text() == "⚠ 1 alert(s)"
    assert store.setting(retrospective.RECHECK_OWED) is None
