"""A minor's accompanying adult at the passenger lane, in the record view and in amendments."""

from __future__ import annotations

import uuid
from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from inspection_client.domain.codes import TravellerRole
from inspection_client.domain.models import Amendment, PassengerClearance, Record
from inspection_client.store import records
from inspection_client.store.companions import Adult, RecentAdults
from inspection_client.ui.main_window import MainWindow
from inspection_client.ui.operations import ImmediateOperations
from tests.gui.conftest import SUPERVISOR, passport, sign_in

pytestmark = pytest.mark.gui


def _burst(qtbot: QtBot, window: MainWindow, lines: tuple[str, ...]) -> None:
    """What a document reader acting as a keyboard sends: each line, then Enter."""
    mrz = window.passenger.passenger.ui.mrzEdit
    for line in lines:
        qtbot.keyClicks(mrz, line)
        qtbot.keyClick(mrz, Qt.Key.Key_Return)


def _clear(qtbot: QtBot, window: MainWindow) -> None:
    mrz = window.passenger.passenger.ui.mrzEdit
    qtbot.keyClick(mrz, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def _child(number: str, given: str = "ALI", age: int = 8) -> tuple[str, str]:
    today = date.today()
    return passport(
        document_number=number,
        given_names=given,
        birth_date=date(today.year - age, 1, 1),
    )


def _saved(ops: ImmediateOperations) -> list[Record]:
    return [r for r in records.by_seq(ops.store, 1, 1000) if isinstance(r.body, PassengerClearance)]


def _body(record: Record) -> PassengerClearance:
    assert isinstance(record.body, PassengerClearance)
    return record.body


def test_the_adult_cleared_just_before_goes_with_the_child_and_with_a_sibling(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    sign_in(qtbot, window)
    fields = window.passenger.passenger.ui
    assert not fields.adultCombo.isVisible()  # an adult: not asked
    _burst(qtbot, window, passport(document_number="M1234567", surname="ERIKSSON"))
    assert not fields.adultCombo.isVisible()
    _clear(qtbot, window)
    _burst(qtbot, window, _child("C1111111"))
    assert fields.roleCombo.currentData() == TravellerRole.MINOR.value
    assert fields.adultCombo.isVisible() and fields.adultComboLabel.isVisible()
    shown = fields.adultCombo.currentText()
    assert "ERIKSSON ANNA MARIA · M1234567 · " in shown  # name, document, time
    assert fields.adultCombo.itemText(fields.adultCombo.count() - 1) == "None / travelling alone"
    _clear(qtbot, window)
    _burst(qtbot, window, _child("C2222222", "SVEN"))  # the brother, straight after
    assert "M1234567" in fields.adultCombo.currentText()
    _clear(qtbot, window)
    mother, first, second = _saved(ops)
    assert _body(mother).accompanying_adult_id is None
    assert _body(first).accompanying_adult_id == mother.id
    assert _body(second).accompanying_adult_id == mother.id
    assert _body(second).traveller_role is TravellerRole.MINOR
    # Back to an adult: the question goes away.
    _burst(qtbot, window, passport(document_number="F7654321"))
    assert not fields.adultCombo.isVisible()


def test_the_officer_picks_another_adult_from_the_list(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    sign_in(qtbot, window)
    _burst(qtbot, window, passport(document_number="F1111111", surname="FATHER"))
    _clear(qtbot, window)
    _burst(qtbot, window, passport(document_number="M2222222", surname="MOTHER"))
    _clear(qtbot, window)
    _burst(qtbot, window, _child("C3333333"))
    combo = window.passenger.passenger.ui.adultCombo
    assert [combo.itemText(i).split(" · ")[1] for i in range(2)] == ["M2222222", "F1111111"]
    combo.setCurrentIndex(1)
    combo.activated.emit(1)  # as a click or the keyboard chooses
    _clear(qtbot, window)
    father = _saved(ops)[0]
    assert _body(_saved(ops)[-1]).accompanying_adult_id == father.id


def test_a_minor_travelling_alone_is_a_deliberate_choice_with_a_remark(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    sign_in(qtbot, window)
    fields = window.passenger.passenger.ui
    _burst(qtbot, window, _child("C4444444"))  # nobody cleared before: no adult to offer
    assert fields.adultCombo.currentText() == "None / travelling alone"
    assert "travels alone" in fields.remarksEdit.placeholderText()
    _clear(qtbot, window)
    assert _saved(ops) == []
    message = window.passenger.ui.formMessageLabel.text()
    assert "A minor travelling alone" in message and "remarks" in message
    assert fields.docNumberEdit.text() == "C4444444"  # the form is kept
    fields.remarksEdit.setText("Consent letter from both parents; met by aunt")
    _clear(qtbot, window)
    (alone,) = _saved(ops)
    assert _body(alone).accompanying_adult_id is None
    assert _body(alone).remarks.startswith("Consent letter")


def test_a_link_the_store_refuses_is_not_saved_and_says_why(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    sign_in(qtbot, window)
    _burst(qtbot, window, _child("C5555555"))
    forged = Adult(uuid.uuid4(), 99, "NOBODY", "X0000000", datetime.now().astimezone())
    window.passenger.passenger.set_adults(RecentAdults([forged], forged.record_id))
    _clear(qtbot, window)
    assert _saved(ops) == []
    message = window.passenger.ui.formMessageLabel.text()
    assert "NOT SAVED" in message and "not a passenger clearance of this workstation" in message


def test_the_record_view_and_the_amendment_show_the_adult(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    sign_in(qtbot, window)
    _burst(qtbot, window, passport(document_number="F1111111", surname="FATHER"))
    _clear(qtbot, window)
    _burst(qtbot, window, passport(document_number="M2222222", surname="MOTHER"))
    _clear(qtbot, window)
    _burst(qtbot, window, _child("C6666666"))
    _clear(qtbot, window)
    father, mother, child = _saved(ops)
    window.history.open_record(str(child.id))
    dialog = window.history.record_dialog
    assert dialog is not None
    text = dialog.ui.revisionsText.toPlainText()
    assert f"with adult MOTHER ANNA MARIA, M2222222 (#{mother.seq}, " in text
    # The supervisor corrects the adult: the list offers the shift's adults.
    dialog.ui.amendButton.click()
    amend = dialog.approval
    combo = amend.fields.ui.adultCombo
    assert combo.isVisible() and "M2222222" in combo.currentText()
    combo.setCurrentIndex(combo.findData(str(father.id)))
    combo.activated.emit(combo.currentIndex())
    amend.ui.reasonEdit.setText("Travels with the father")
    amend.ui.supervisorCodeEdit.setText(SUPERVISOR[0])
    amend.ui.supervisorPinEdit.setText(SUPERVISOR[1])
    amend.submit()
    state = records.current(ops.store, child.id)
    assert state is not None and isinstance(state.amended_by[0].body, Amendment)
    assert _body_of(state.clearance).accompanying_adult_id == father.id
    window.history.open_record(str(child.id))
    text = window.history.record_dialog.ui.revisionsText.toPlainText()
    assert "with adult FATHER ANNA MARIA, F1111111" in text
    assert "with adult MOTHER ANNA MARIA, M2222222" in text  # the original, as recorded


def _body_of(clearance: object) -> PassengerClearance:
    assert isinstance(clearance, PassengerClearance)
    return clearance


@pytest.mark.usefixtures("styled")
def test_the_chinese_form_of_a_minor_fits_a_1366_by_768_screen(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.workstation = window.workstation.model_copy(update={"demo": True})
    sign_in(qtbot, window)
    _burst(qtbot, window, passport(document_number="M1234567"))
    _clear(qtbot, window)
    window.apply_settings("zh_CN", 10)
    window.show_banner()
    window.resize(1366, 768)
    window.show_screen(window.passenger)
    _burst(qtbot, window, _child("C1111111"))
    lane = window.passenger.ui
    qtbot.waitUntil(lambda: lane.watchlistNote.isVisible())
    assert window.passenger.passenger.ui.adultCombo.isVisible()
    assert window.ui.bannerLabel.isVisible()
    assert lane.fieldsScroll.verticalScrollBar().maximum() == 0
    # With room to spare: a real X display's fonts are a few pixels taller than these.
    fields = window.passenger.passenger
    # On a real X display (Xvfb, with the same fonts) the rows take about 20 pixels more
    # than here: with 44 to spare here, the form scrolled there.
    assert lane.fieldsScroll.viewport().height() - fields.minimumSizeHint().height() >= 56


def _refuse(qtbot: QtBot, window: MainWindow) -> None:
    from inspection_client.domain.codes import RefusalGround

    qtbot.keyClick(window.passenger.passenger.ui.mrzEdit, Qt.Key.Key_F9)
    dialog = window.passenger.refusal_dialog
    assert dialog is not None
    combo = dialog.ui.groundCombo
    combo.setCurrentIndex(combo.findData(RefusalGround.NO_VALID_VISA.value))
    qtbot.keyClick(combo, Qt.Key.Key_Return)


def test_only_a_cleared_adult_is_preset_a_referred_one_is_marked_a_refused_one_left_out(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    sign_in(qtbot, window)
    mrz = window.passenger.passenger.ui.mrzEdit
    _burst(qtbot, window, passport(document_number="M1111111", surname="MOTHER"))
    _clear(qtbot, window)
    _burst(qtbot, window, passport(document_number="R2222222", surname="REFERRED"))
    qtbot.keyClick(mrz, Qt.Key.Key_F8)  # sent to secondary inspection (a watchlist hit, say)
    _burst(qtbot, window, passport(document_number="X3333333", surname="REFUSED"))
    _refuse(qtbot, window)
    assert len(_saved(ops)) == 3
    _burst(qtbot, window, _child("C1111111"))
    combo = window.passenger.passenger.ui.adultCombo
    items = [combo.itemText(i) for i in range(combo.count())]
    assert "M1111111" in combo.currentText()  # the adult cleared before, not the latest adult
    assert not any("X3333333" in item for item in items)  # refused: not offered at all
    (referred,) = [item for item in items if "R2222222" in item]
    assert referred.endswith(" · REFERRED")
    assert not any("REFERRED" in item for item in items if "M1111111" in item)
    _clear(qtbot, window)
    mother = _saved(ops)[0]
    child = _saved(ops)[-1]
    assert _body(child).accompanying_adult_id == mother.id
    # Her brother next: the adult his sister went with, though a referred adult came between.
    _burst(qtbot, window, passport(document_number="R4444444", surname="OTHER"))
    qtbot.keyClick(mrz, Qt.Key.Key_F8)
    _burst(qtbot, window, _child("C2222222", "SVEN"))
    assert "M1111111" in combo.currentText()


def test_with_only_a_referred_adult_before_the_officer_chooses(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    sign_in(qtbot, window)
    fields = window.passenger.passenger.ui
    _burst(qtbot, window, passport(document_number="R2222222", surname="REFERRED"))
    qtbot.keyClick(fields.mrzEdit, Qt.Key.Key_F8)
    _burst(qtbot, window, _child("C1111111"))
    combo = fields.adultCombo
    # Neither the referred adult nor "travelling alone" is preset: the officer says which.
    assert combo.currentText() == "Choose the accompanying adult…"
    assert fields.remarksEdit.placeholderText() == ""
    _clear(qtbot, window)
    assert len(_saved(ops)) == 1
    message = window.passenger.ui.formMessageLabel.text()
    assert "choose the accompanying adult" in message
    assert QApplication.focusWidget() is combo
    referred = _saved(ops)[0]
    combo.setCurrentIndex(combo.findData(str(referred.id)))
    combo.activated.emit(combo.currentIndex())
    _clear(qtbot, window)
    assert _body(_saved(ops)[-1]).accompanying_adult_id == referred.id


def test_travelling_alone_without_a_remark_sends_the_officer_to_the_remarks(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    sign_in(qtbot, window)
    fields = window.passenger.passenger.ui
    _burst(qtbot, window, passport(document_number="M1234567"))
    _clear(qtbot, window)
    _burst(qtbot, window, _child("C4444444"))
    combo = fields.adultCombo
    combo.setFocus()
    alone = combo.count() - 1
    combo.setCurrentIndex(alone)
    combo.activated.emit(alone)  # None / travelling alone, chosen on purpose
    qtbot.keyClick(combo, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(_saved(ops)) == 1  # not saved: a remark is needed
    assert "A minor travelling alone" in window.passenger.ui.formMessageLabel.text()
    # The field at fault has the focus: what the officer types next is the remark.
    assert QApplication.focusWidget() is fields.remarksEdit
    qtbot.keyClicks(QApplication.focusWidget(), "Met by the aunt at arrivals")
    assert combo.currentIndex() == alone
    qtbot.keyClick(fields.remarksEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    child = _saved(ops)[-1]
    assert _body(child).accompanying_adult_id is None
    assert _body(child).remarks == "Met by the aunt at arrivals"


def test_a_child_of_another_family_next_in_line_is_not_given_the_last_family_s_adult(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    sign_in(qtbot, window)
    fields = window.passenger.passenger.ui
    uzbek = {"issuing_state": "UZB", "nationality": "UZB"}
    _burst(qtbot, window, passport(document_number="FA1234567", surname="KARIMOVA", **uzbek))
    _clear(qtbot, window)
    _burst(
        qtbot,
        window,
        passport(
            document_number="FA7654321",
            surname="KARIMOV",
            **uzbek,
            given_names="TIMUR",
            birth_date=date(date.today().year - 7, 1, 1),
        ),
    )
    assert "KARIMOVA" in fields.adultCombo.currentText()  # same nationality: preset
    _clear(qtbot, window)
    # A Kyrgyz child next: neither the surname nor the nationality of that mother.
    _burst(
        qtbot,
        window,
        passport(
            document_number="AC1112223",
            surname="TOKTOGULOVA",
            issuing_state="KGZ",
            nationality="KGZ",
            given_names="AIDA",
            birth_date=date(date.today().year - 6, 1, 1),
        ),
    )
    assert fields.adultCombo.currentText() == "Choose the accompanying adult…"
    assert fields.adultCombo.findText("KARIMOVA", Qt.MatchFlag.MatchContains) >= 0  # offered
    _clear(qtbot, window)
    assert len(_saved(ops)) == 2  # the officer must choose first
