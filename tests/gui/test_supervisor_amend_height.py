"""The amendment dialog shows the whole lane form, as tall as it needs up to the screen."""

from __future__ import annotations

from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from inspection_client.domain.codes import TravellerRole
from inspection_client.domain.models import PassengerClearance, VehicleClearance
from inspection_client.store import records
from inspection_client.ui.main_window import MainWindow
from inspection_client.ui.operations import ImmediateOperations
from inspection_client.ui.supervisor import AmendDialog
from tests import factories
from tests.gui.conftest import OFFICER, sign_in

pytestmark = pytest.mark.gui

SCREEN_HEIGHT = 768


def _amend(
    qtbot: QtBot,
    window: MainWindow,
    ops: ImmediateOperations,
    body: PassengerClearance | VehicleClearance,
) -> AmendDialog:
    record = records.save(ops.store, body, officer=OFFICER[0])
    assert window.session is not None
    dialog = AmendDialog(ops, window.session, record, body, window)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    return dialog


def _minor() -> PassengerClearance:
    today = date.today()
    document = factories.document(birth_date=date(today.year - 9, 1, 1))
    return factories.passenger(
        document=document, traveller_role=TravellerRole.MINOR, remarks="With a consent letter"
    )


@pytest.mark.usefixtures("styled")
@pytest.mark.parametrize("body", [_minor(), factories.truck()], ids=["minor", "truck"])
def test_the_whole_form_shows_without_scrolling_on_a_1366_by_768_screen(
    qtbot: QtBot,
    window: MainWindow,
    ops: ImmediateOperations,
    body: PassengerClearance | VehicleClearance,
) -> None:
    sign_in(qtbot, window)
    dialog = _amend(qtbot, window, ops, body)
    scroll = dialog.ui.formScroll
    assert scroll.verticalScrollBar().maximum() == 0
    assert scroll.viewport().height() >= dialog.ui.formHost.minimumSizeHint().height()
    # Room left on a 1366x768 screen for a title bar.
    assert dialog.height() <= SCREEN_HEIGHT - 40


@pytest.mark.usefixtures("styled")
def test_on_a_low_screen_the_form_scrolls_within_the_screen(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations, monkeypatch: pytest.MonkeyPatch
) -> None:
    sign_in(qtbot, window)
    monkeypatch.setattr(AmendDialog, "available_height", lambda self: 650)
    dialog = _amend(qtbot, window, ops, _minor())
    assert dialog.height() <= 650
    assert dialog.ui.formScroll.verticalScrollBar().maximum() > 0
