"""Language switch, first-run setup, the demo workstation, the threaded store worker."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMenu, QMessageBox, QStyle, QStyleFactory
from pytestqt.qtbot import QtBot

from inspection_client.domain.codes import LaneKind
from inspection_client.errors import UserFacingError
from inspection_client.store import officers
from inspection_client.store.database import Store
from inspection_client.ui import language, style
from inspection_client.ui.dialogs import SetupDialog
from inspection_client.ui.main_window import MainWindow, load_startup
from inspection_client.ui.operations import ImmediateOperations, Operations
from inspection_client.watchlist.status import active_snapshot
from tests.conftest import TEST_WORKSTATION
from tests.gui.conftest import sign_in

pytestmark = pytest.mark.gui


def test_switching_to_chinese_translates_labels_and_qt_buttons(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    sign_in(qtbot, window)
    lane = window.passenger.ui
    assert lane.clearButton.text().startswith("Clear")
    window.apply_settings("zh_CN", 10)
    qtbot.waitUntil(lambda: lane.clearButton.text().startswith("放行"), timeout=3000)
    assert window.ui.screens.tabText(0) == "旅客通道"
    assert window.passenger.passenger.ui.surnameEditLabel.text().startswith("姓")
    assert "入境" in lane.directionLabel.text()
    box = QMessageBox(
        QMessageBox.Icon.Information, "t", "t", QMessageBox.StandardButton.Cancel, window
    )
    assert box.button(QMessageBox.StandardButton.Cancel).text() == "取消"
    assert ops.store.setting("ui.language") == "zh_CN"
    window.apply_settings("en", 10)
    qtbot.waitUntil(lambda: lane.clearButton.text().startswith("Clear"), timeout=3000)


def test_first_run_sets_up_the_workstation_and_its_supervisor(qtbot: QtBot, data_dir: Path) -> None:
    store = Store.open(data_dir / "lane.db")
    try:
        window = MainWindow(ImmediateOperations(store), data_dir, sync=False)
        qtbot.addWidget(window)
        window.start()
        dialog = window.dialog
        assert isinstance(dialog, SetupDialog) and dialog.isVisible()
        ui = dialog.ui
        ui.portEdit.setText("khg")
        ui.laneEdit.setText("p07")
        ui.laneKindCombo.setCurrentIndex(ui.laneKindCombo.findData(LaneKind.PASSENGER.value))
        ui.supervisorCodeEdit.setText("SUP9")
        ui.supervisorNameEdit.setText("First Supervisor")
        ui.pinEdit.setText("4321")
        ui.pinAgainEdit.setText("4322")
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
        assert "differ" in ui.messageLabel.text() and store.workstation() is None
        ui.pinAgainEdit.setText("4321")
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
        # Digits in a row are among the first guesses: refused, and said why.
        assert "digits in a row" in ui.messageLabel.text() and store.workstation() is None
        ui.pinEdit.setText("4821")
        ui.pinAgainEdit.setText("4821")
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
        workstation = store.workstation()
        assert workstation is not None and workstation.lane_id == "P07"
        assert officers.check_pin(store, "SUP9", "4821").ok
        assert window.login.ui.loginButton.isEnabled()
        window.shutdown()
    finally:
        store.close()


def test_an_enrolled_workstation_without_accounts_asks_only_for_a_supervisor(
    qtbot: QtBot, store: Store
) -> None:
    # `store` is configured (as enrolment leaves it) but has no account with a PIN.
    before = store.workstation()
    assert before is not None and not officers.can_sign_in(store)
    window = MainWindow(ImmediateOperations(store), store.path.parent, sync=False)
    qtbot.addWidget(window)
    window.start()
    dialog = window.dialog
    assert isinstance(dialog, SetupDialog) and dialog.isVisible()
    ui = dialog.ui
    assert ui.portEdit.text() == before.port_code and not ui.portEdit.isEnabled()
    assert not ui.laneEdit.isEnabled()
    ui.supervisorCodeEdit.setText("SUP7")
    ui.supervisorNameEdit.setText("Station Supervisor")
    ui.pinEdit.setText("8642")
    ui.pinAgainEdit.setText("8642")
    ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    assert store.workstation() == before
    assert officers.check_pin(store, "SUP7", "8642").ok
    assert window.login.ui.loginButton.isEnabled()
    window.shutdown()


def test_demo_refuses_a_real_workstation(store: Store) -> None:
    with pytest.raises(UserFacingError, match="--data-dir"):
        load_startup(store, demo=True)


def test_demo_sets_up_once_with_its_two_accounts(data_dir: Path) -> None:
    with Store.open(data_dir / "lane.db") as store:
        startup = load_startup(store, demo=True)
        assert startup.workstation is not None and startup.workstation.demo
        assert {o.code for o in startup.officers} == {"DEMO01", "SUP01"}
        count = store.conn.execute("SELECT count(*) FROM records").fetchone()[0]
        assert count >= 2000
        demo_list = active_snapshot(store)  # a first tour shows a watchlist hit
        assert demo_list is not None and demo_list.entries["persons"] == 1
        load_startup(store, demo=True)
        assert active_snapshot(store) == demo_list  # made once, like the records
        assert store.conn.execute("SELECT count(*) FROM records").fetchone()[0] == count
        assert officers.check_pin(store, "DEMO01", "2468").ok


def test_a_demo_made_by_seed_opens_with_the_demo_watchlist(data_dir: Path) -> None:
    from inspection_client.seeding import seed

    with Store.open(data_dir / "lane.db") as store:
        seed(store, clearances=50, days=2)  # `inspection-client seed` before the window
        assert active_snapshot(store) is None
        startup = load_startup(store, demo=False)
        assert startup.workstation is not None and startup.workstation.demo
        demo_list = active_snapshot(store)
        assert demo_list is not None and demo_list.entries["containers"] == 1


def test_the_worker_runs_off_the_gui_thread_and_reports_back(qtbot: QtBot, store: Store) -> None:
    ops = Operations(store.path)
    try:
        gui_thread = threading.get_ident()
        seen: list[object] = []
        ops.run(lambda s: (threading.get_ident(), s.workstation()), seen.append)
        qtbot.waitUntil(lambda: bool(seen), timeout=5000)
        worker_thread, workstation = seen[0]  # type: ignore[misc]
        assert worker_thread != gui_thread
        assert workstation == TEST_WORKSTATION
        failures: list[UserFacingError] = []

        def refuse(_store: Store) -> None:
            raise UserFacingError("the disk is full")

        ops.run(refuse, seen.append, failures.append)
        qtbot.waitUntil(lambda: bool(failures), timeout=5000)
        assert str(failures[0]) == "the disk is full"
        # The worker survived: the next job runs.
        ops.run(lambda s: "still here", seen.append)
        qtbot.waitUntil(lambda: "still here" in seen, timeout=5000)
    finally:
        ops.shutdown()
        language.install("en")


def test_menu_entries_get_room_for_chinese_text(qtbot: QtBot) -> None:
    # The style measures a Chinese entry narrower than it paints it; without the room the
    # middle of "打印最近一辆车的放行单" is elided.
    def width(menu_style: QStyle) -> int:
        menu = QMenu()
        qtbot.addWidget(menu)
        menu.setStyle(menu_style)
        menu.addAction("打印最近一辆车的放行单(&P)").setShortcut("Ctrl+P")
        return menu.sizeHint().width()

    plain, roomy = QStyleFactory.create("Fusion"), style.RoomyMenus("Fusion")
    assert width(roomy) == width(plain) + style.MENU_ITEM_ROOM
