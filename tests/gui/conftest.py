"""Fixtures for driving the real window with the synchronous store runner."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QStyleFactory
from pytestqt.qtbot import QtBot

from inspection_client.domain.codes import LaneKind, Role
from inspection_client.domain.models import Officer
from inspection_client.domain.mrz import build_td3
from inspection_client.store import officers
from inspection_client.store.database import Store
from inspection_client.ui import language, style
from inspection_client.ui.main_window import MainWindow
from inspection_client.ui.operations import ImmediateOperations

OFFICER = ("OFF1", "1111")
OTHER_OFFICER = ("OFF2", "2222")
SUPERVISOR = ("SUP1", "9999")


def passport(**overrides: object) -> tuple[str, str]:
    values: dict[str, object] = dict(
        issuing_state="UTO",
        document_number="L898902C3",
        surname="ERIKSSON",
        given_names="ANNA MARIA",
        nationality="UTO",
        birth_date=date(1974, 8, 12),
        sex="F",
        expiry_date=date(2034, 4, 15),
    )
    values.update(overrides)
    return build_td3(**values)  # type: ignore[arg-type]


@pytest.fixture(autouse=True)
def _earlier_windows_deleted(qapp: QApplication) -> None:
    """Windows of earlier tests are closed but deleted only when events are processed; until
    then a change of language reaches them too, and their stores are closed."""
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def accounts(store: Store) -> Store:
    officers.add_officer(store, Officer(code=OFFICER[0], name="Officer One"), OFFICER[1])
    officers.add_officer(
        store, Officer(code=OTHER_OFFICER[0], name="Officer Two"), OTHER_OFFICER[1]
    )
    officers.add_officer(
        store, Officer(code=SUPERVISOR[0], name="Super Visor", role=Role.SUPERVISOR), SUPERVISOR[1]
    )
    return store


@pytest.fixture
def ops(accounts: Store) -> ImmediateOperations:
    return ImmediateOperations(accounts)


@pytest.fixture
def window(qtbot: QtBot, ops: ImmediateOperations, data_dir: Path) -> Iterator[MainWindow]:
    language.install("en")
    win = MainWindow(ops, data_dir, sync=False)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    win.start()
    yield win
    # Back to English while the window's store is open: its screens answer the change (posted
    # events) by reading it again.
    language.install("en")
    QApplication.sendPostedEvents()
    win.shutdown()


def sign_in(qtbot: QtBot, window: MainWindow, account: tuple[str, str] = OFFICER) -> None:
    """Type the code and PIN, press Enter, accept the open-shift dialog with Enter."""
    login = window.login.ui
    qtbot.keyClicks(login.codeEdit, account[0])
    qtbot.keyClicks(login.pinEdit, account[1])
    qtbot.keyClick(login.pinEdit, Qt.Key.Key_Return)
    if window.session is None:
        dialog = window.dialog
        assert dialog is not None and dialog.isVisible()
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert window.session is not None
    assert window.ui.pages.currentWidget() is window.ui.workPage


@pytest.fixture
def styled(qapp: QApplication) -> Iterator[None]:
    """The app's own fonts and style sheet, as the lane client runs: sizes depend on them."""
    font, sheet, base = qapp.font(), qapp.styleSheet(), qapp.style().name()
    style.apply(qapp)
    yield
    qapp.setStyleSheet(sheet)
    qapp.setStyle(QStyleFactory.create(base))
    qapp.setProperty("roomyMenus", False)
    qapp.setFont(font)


def issuing_slips(store: Store) -> None:
    """This workstation as a vehicle lane's (the tests' own is a passenger lane's): only
    vehicle, freight and green-channel lanes issue release slips."""
    from tests.conftest import TEST_WORKSTATION

    store.configure_workstation(TEST_WORKSTATION.model_copy(update={"lane_kind": LaneKind.VEHICLE}))
