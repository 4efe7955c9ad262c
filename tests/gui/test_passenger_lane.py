"""The passenger lane: an MRZ burst fills the form, decision keys save through the worker."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from inspection_client.domain.codes import CaptureMethod, Decision, Direction, RefusalGround
from inspection_client.domain.models import REMARKS_MAX, PassengerClearance
from inspection_client.domain.mrz import build_td1, parse_mrz
from inspection_client.store import records, search_index
from inspection_client.store.errors import StoreFull
from inspection_client.store.records import Draft
from inspection_client.ui.lane import with_remark
from inspection_client.ui.main_window import MainWindow
from inspection_client.ui.operations import ImmediateOperations
from inspection_client.ui.passenger import document_from_mrz
from tests.gui.conftest import passport, sign_in

pytestmark = pytest.mark.gui


def _burst(qtbot: QtBot, window: MainWindow, lines: tuple[str, ...]) -> None:
    """What a document reader acting as a keyboard sends: each line, then Enter."""
    mrz = window.passenger.passenger.ui.mrzEdit
    for line in lines:
        qtbot.keyClicks(mrz, line)
        qtbot.keyClick(mrz, Qt.Key.Key_Return)


def _clearances(ops: ImmediateOperations) -> list[PassengerClearance]:
    found = []
    for seq in range(1, 100):
        record = next(iter(records.by_seq(ops.store, seq, seq)), None)
        if record is None:
            break
        if isinstance(record.body, PassengerClearance):
            found.append(record.body)
    return found


def test_a_td3_burst_fills_the_form_and_ctrl_return_clears(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    sign_in(qtbot, window)
    fields = window.passenger.passenger.ui
    assert QApplication.focusWidget() is fields.mrzEdit
    _burst(qtbot, window, passport())
    assert fields.docNumberEdit.text() == "L898902C3"
    assert fields.surnameEdit.text() == "ERIKSSON"
    assert fields.givenNamesEdit.text() == "ANNA MARIA"
    assert fields.birthDateEdit.text() == "1974-08-12"
    assert "✓\N{NO-BREAK SPACE}document number" in fields.checksLabel.text()
    assert "BAD" not in fields.checksLabel.text()
    assert fields.checksLabel.property("state") == "ok"
    qtbot.keyClick(fields.mrzEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    saved = _clearances(ops)
    assert len(saved) == 1
    assert saved[0].decision is Decision.CLEARED
    assert saved[0].direction is Direction.ENTRY
    assert saved[0].document.capture is CaptureMethod.SCANNED_MRZ
    assert saved[0].document.mrz == passport()
    # The form is clear, focus is back on the MRZ field, the record tops today's list.
    assert fields.mrzEdit.toPlainText() == "" and fields.docNumberEdit.text() == ""
    assert QApplication.focusWidget() is fields.mrzEdit
    assert "ERIKSSON" in window.passenger.ui.todayList.item(0).text()
    assert window.status.ui.countsLabel.text().startswith("1 cleared · 0 referred")


def test_f6_turns_the_direction_and_f8_refers(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    sign_in(qtbot, window)
    mrz = window.passenger.passenger.ui.mrzEdit
    qtbot.keyClick(mrz, Qt.Key.Key_F6)
    assert "EXIT" in window.passenger.ui.directionLabel.text()
    _burst(qtbot, window, passport(document_number="X1234567"))
    qtbot.keyClick(mrz, Qt.Key.Key_F8)
    saved = _clearances(ops)
    assert [(c.decision, c.direction) for c in saved] == [(Decision.REFERRED, Direction.EXIT)]


def test_f9_asks_for_a_ground_and_saves_a_refusal(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    sign_in(qtbot, window)
    mrz = window.passenger.passenger.ui.mrzEdit
    _burst(qtbot, window, passport())
    qtbot.keyClick(mrz, Qt.Key.Key_F9)
    dialog = window.passenger.refusal_dialog
    assert dialog is not None and dialog.isVisible()
    combo = dialog.ui.groundCombo
    combo.setCurrentIndex(combo.findData(RefusalGround.NO_VALID_VISA.value))
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    saved = _clearances(ops)
    assert len(saved) == 1
    assert saved[0].decision is Decision.REFUSED
    assert saved[0].refusal_ground is RefusalGround.NO_VALID_VISA


def test_cancelling_the_refusal_saves_nothing_and_keeps_the_form(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    sign_in(qtbot, window)
    _burst(qtbot, window, passport())
    qtbot.keyClick(window.passenger.passenger.ui.mrzEdit, Qt.Key.Key_F9)
    window.passenger.refusal_dialog.reject()
    assert _clearances(ops) == []
    assert window.passenger.passenger.ui.surnameEdit.text() == "ERIKSSON"


def test_expired_minor_and_bad_check_digit_are_shown_in_words(
    qtbot: QtBot, window: MainWindow
) -> None:
    sign_in(qtbot, window)
    today = date.today()
    line1, line2 = passport(
        birth_date=today.replace(year=today.year - 10),
        expiry_date=today.replace(year=today.year - 1),
    )
    damaged = line2[:9] + str((int(line2[9]) + 1) % 10) + line2[10:]  # wrong number check digit
    _burst(qtbot, window, (line1, damaged))
    fields = window.passenger.passenger.ui
    alerts = fields.alertsLabel.text()
    assert "DOCUMENT EXPIRED" in alerts
    assert "MINOR — age 10" in alerts
    assert "MRZ CHECK FAILED" in alerts
    assert fields.alertsLabel.property("state") == "alert"
    # "BAD" is bound to its check (a no-break space): never alone at the start of a line.
    assert "✗\N{NO-BREAK SPACE}document number\N{NO-BREAK SPACE}BAD" in fields.checksLabel.text()
    assert fields.roleCombo.currentData() == "minor"


def test_every_failed_check_digit_is_said_once_in_one_paragraph(
    qtbot: QtBot, window: MainWindow
) -> None:
    sign_in(qtbot, window)
    line1, line2 = passport()
    wrong = (9, 19, 27)  # the check digits of the document number, birth and expiry dates
    damaged = "".join(str((int(c) + 1) % 10) if i in wrong else c for i, c in enumerate(line2))
    _burst(qtbot, window, (line1, damaged))
    text = window.passenger.passenger.ui.checksLabel.text()
    summary, explained = text.split("\n")
    assert summary.count("BAD") == 4  # the composite fails with them
    for name in ("document number", "birth date", "expiry date", "composite"):
        assert explained.count(f"{name} check digit is") == 1


def test_lines_of_the_wrong_length_are_reported_once_the_reader_has_sent_them(
    qtbot: QtBot, window: MainWindow
) -> None:
    sign_in(qtbot, window)
    line1, line2 = passport()
    fields = window.passenger.passenger.ui
    _burst(qtbot, window, (line1 + "<", line2))  # one filler too many on line 1
    assert "MRZ not readable" in fields.alertsLabel.text()
    assert fields.alertsLabel.property("state") == "alert"
    assert "45" in fields.checksLabel.text()
    assert fields.docNumberEdit.text() == ""


def test_two_id_card_lines_wait_for_the_third(qtbot: QtBot, window: MainWindow) -> None:
    sign_in(qtbot, window)
    fields = window.passenger.passenger.ui
    _burst(qtbot, window, ("I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6"))
    assert "MRZ not readable" not in fields.alertsLabel.text()
    qtbot.keyClicks(fields.mrzEdit, "ERIKSSON<<ANNA<MARIA<<<<<<<<<<")
    qtbot.keyClick(fields.mrzEdit, Qt.Key.Key_Return)
    assert fields.docNumberEdit.text() == "D23145890"


def test_typed_fields_without_mrz_can_be_saved(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    sign_in(qtbot, window)
    fields = window.passenger.passenger.ui
    qtbot.keyClicks(fields.issuingStateEdit, "KAZ")
    qtbot.keyClicks(fields.docNumberEdit, "N1234567")
    qtbot.keyClicks(fields.surnameEdit, "SEITKALI")
    qtbot.keyClicks(fields.nationalityEdit, "KAZ")
    qtbot.keyClicks(fields.birthDateEdit, "1990-01-02")
    # Without its date of expiry, clearing is asked once more (every document has one).
    qtbot.keyClick(fields.surnameEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    question = window.passenger.clear_question
    assert question is not None and "NO DATE OF EXPIRY" in question.text()
    assert _clearances(ops) == []
    question.defaultButton().click()  # back to the form
    qtbot.keyClicks(fields.expiryDateEdit, "2031-05-06")
    qtbot.keyClick(fields.surnameEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    saved = _clearances(ops)
    assert saved[0].document.capture is CaptureMethod.TYPED_FIELDS
    assert saved[0].document.number == "N1234567"
    assert saved[0].document.expiry_date == date(2031, 5, 6)


def test_an_incomplete_form_is_not_saved_and_says_why(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    sign_in(qtbot, window)
    qtbot.keyClicks(window.passenger.passenger.ui.surnameEdit, "ONLYNAME")
    qtbot.keyClick(window.passenger.passenger.ui.surnameEdit, Qt.Key.Key_F8)
    assert _clearances(ops) == []
    message = window.passenger.ui.formMessageLabel
    assert "number" in message.text()
    # The document is scanned: what the form lacked no longer stands under it.
    _burst(qtbot, window, passport())
    assert message.text() == ""
    qtbot.keyClick(window.passenger.passenger.ui.mrzEdit, Qt.Key.Key_F8)
    assert "Saved #" in message.text()
    # A message that is not about the form stays when the next traveller's document comes.
    _burst(qtbot, window, passport(document_number="X1234567"))
    assert "Saved #" in message.text()


def test_a_full_disk_keeps_the_form_and_says_so(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    sign_in(qtbot, window)
    _burst(qtbot, window, passport())

    def full(_fn: object) -> object:
        def refuse(_store: object) -> object:
            raise StoreFull("The disk holding lane.db is full. Free some space.")

        return refuse

    ops.intercept = full
    qtbot.keyClick(
        window.passenger.passenger.ui.mrzEdit,
        Qt.Key.Key_Return,
        Qt.KeyboardModifier.ControlModifier,
    )
    fields = window.passenger.passenger.ui
    assert fields.surnameEdit.text() == "ERIKSSON"
    assert "NOT SAVED" in window.passenger.ui.formMessageLabel.text()
    box = window.passenger.findChild(QMessageBox, "problemBox")
    assert box is not None and "disk" in box.text()
    box.close()
    # Space freed: the same form saves.
    ops.intercept = None
    qtbot.keyClick(fields.mrzEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(_clearances(ops)) == 1


def test_a_real_full_database_keeps_the_form(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    sign_in(qtbot, window)
    _burst(qtbot, window, passport())
    pages = ops.store.conn.execute("PRAGMA page_count").fetchone()[0]
    ops.store.conn.execute(f"PRAGMA max_page_count = {pages}")
    window.passenger.passenger.ui.remarksEdit.setText("x" * 1900)
    for _ in range(20):  # fill the last free pages, whatever they hold
        if "NOT SAVED" in window.passenger.ui.formMessageLabel.text():
            break
        if window.passenger.passenger.ui.surnameEdit.text() == "":
            _burst(qtbot, window, passport())
            window.passenger.passenger.ui.remarksEdit.setText("x" * 1900)
        window.passenger.decide(Decision.CLEARED)
    assert window.passenger.passenger.ui.surnameEdit.text() == "ERIKSSON"
    assert "NOT SAVED" in window.passenger.ui.formMessageLabel.text()
    ops.store.conn.execute("PRAGMA max_page_count = 1073741823")


def test_a_bug_in_a_save_fails_loudly_and_keeps_the_form(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    sign_in(qtbot, window)
    _burst(qtbot, window, passport())

    def broken(_fn: object) -> object:
        def crash(_store: object) -> object:
            raise RuntimeError("bug")

        return crash

    ops.intercept = broken
    mrz = window.passenger.passenger.ui.mrzEdit
    with qtbot.captureExceptions() as exceptions:
        qtbot.keyClick(mrz, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert exceptions and isinstance(exceptions[0][1], RuntimeError)
    assert window.passenger.passenger.ui.surnameEdit.text() == "ERIKSSON"
    assert "internal error" in window.passenger.ui.formMessageLabel.text()
    # The lane is not stuck: once the fault is gone the same form saves.
    for box in window.findChildren(QMessageBox):
        box.close()
    ops.intercept = None
    qtbot.keyClick(mrz, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(_clearances(ops)) == 1


def test_clearing_over_a_failed_mrz_check_or_an_expired_document_is_asked_twice(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    sign_in(qtbot, window)
    lane = window.passenger
    mrz = lane.passenger.ui.mrzEdit
    first, second = passport(expiry_date=date(2020, 1, 31))
    broken = second[:9] + str((int(second[9]) + 1) % 10) + second[10:]  # wrong check digit
    _burst(qtbot, window, (first, broken))
    qtbot.keyClick(mrz, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    question = lane.clear_question
    assert question is not None and question.isVisible()
    assert "MRZ CHECK FAILED" in question.text() and "EXPIRED on 2020-01-31" in question.text()
    assert _clearances(ops) == []
    # Enter (or a second Ctrl+Return) takes the default answer: back to the form.
    assert question.defaultButton().text() == "&Back to the form"
    question.defaultButton().click()
    assert _clearances(ops) == [] and mrz.toPlainText() != ""
    # Clearing anyway is the second choice, and saves.
    qtbot.keyClick(mrz, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    question = lane.clear_question
    assert question is not None
    clear = next(b for b in question.buttons() if b.text() == "&Clear anyway")
    clear.click()
    saved = _clearances(ops)
    assert [c.decision for c in saved] == [Decision.CLEARED]
    assert saved[0].document.mrz == (first, broken)
    # The record keeps what it was cleared over, after the officer's own remarks if any.
    assert saved[0].remarks.startswith("Cleared despite: ")
    assert "MRZ CHECK FAILED" in saved[0].remarks
    assert "EXPIRED on 2020-01-31" in saved[0].remarks
    # Referring does not ask, and adds nothing to the remarks.
    _burst(qtbot, window, (first, broken))
    qtbot.keyClick(mrz, Qt.Key.Key_F8)
    assert [c.decision for c in _clearances(ops)] == [Decision.CLEARED, Decision.REFERRED]
    assert _clearances(ops)[1].remarks == ""


@pytest.mark.usefixtures("styled")
def test_the_chinese_passenger_form_fits_a_1366_by_768_screen_with_both_notes(
    qtbot: QtBot, window: MainWindow
) -> None:
    # The demo banner across the window, and "watchlist not available" (no snapshot here):
    # the note sits in the lane's header, so every field is in view without scrolling.
    window.workstation = window.workstation.model_copy(update={"demo": True})
    sign_in(qtbot, window)
    window.apply_settings("zh_CN", 10)
    window.show_banner()
    window.resize(1366, 768)
    window.show_screen(window.passenger)
    window.passenger.passenger.ui.mrzEdit.setPlainText("\n".join(passport()))
    lane = window.passenger.ui
    qtbot.waitUntil(lambda: lane.watchlistNote.isVisible())
    assert window.ui.bannerLabel.isVisible()
    assert lane.watchlistNote.property("state") == "warning"
    assert not lane.watchlistBand.isVisible()
    assert lane.fieldsScroll.verticalScrollBar().maximum() == 0


@pytest.mark.usefixtures("styled")
@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_on_a_1024_screen_a_minor_s_band_is_one_line_and_the_form_needs_no_scrolling(
    qtbot: QtBot, window: MainWindow, lang: str
) -> None:
    sign_in(qtbot, window)
    window.apply_settings(lang, 10)
    window.resize(1024, 768)
    window.show_screen(window.passenger)
    fields = window.passenger.passenger.ui
    fields.mrzEdit.setPlainText("\n".join(passport(birth_date=date(2016, 3, 4))))
    qtbot.waitUntil(lambda: fields.adultCombo.isVisible())
    qtbot.wait(50)  # the layout is redone after the new texts
    band = fields.alertsLabel
    assert band.property("state") == "alert"
    line = band.fontMetrics().height()
    assert band.contentsRect().height() < 2 * line, band.text()
    assert band.width() >= band.sizeHint().width()
    assert window.passenger.ui.fieldsScroll.verticalScrollBar().maximum() == 0


@pytest.mark.usefixtures("styled")
@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_keys_hint_is_one_line_at_1366_and_wraps_between_keys_at_1024(
    qtbot: QtBot, window: MainWindow, lang: str
) -> None:
    sign_in(qtbot, window)
    window.apply_settings(lang, 10)
    window.show_screen(window.passenger)
    window.passenger.passenger.ui.mrzEdit.setPlainText("\n".join(passport()))
    keys = window.passenger.ui.keysLabel
    qtbot.waitUntil(lambda: window.passenger.ui.watchlistNote.isVisible())
    # At 1024 px the English hint wraps beside the note (the Chinese one still fits).
    for width, most in ((1366, 1), (1024, 2), (1366, 1)):
        window.resize(width, 768)
        qtbot.wait(50)  # the layout is redone at the new width
        line = keys.fontMetrics().height()
        needed = keys.heightForWidth(keys.width())  # the text's height at the label's width
        assert needed < (most + 1) * line, (width, lang, needed)
    assert " ·" not in keys.text() and "· " in keys.text()  # "·" ends a line, never starts one


def test_the_decision_keys_work_in_chinese_too(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    # Shortcuts are made once, from key names that are not translated: a retranslated
    # window keeps them.
    sign_in(qtbot, window)
    window.apply_settings("zh_CN", 10)
    _burst(qtbot, window, passport())
    qtbot.keyClick(window.passenger.passenger.ui.mrzEdit, Qt.Key.Key_F9)
    dialog = window.passenger.refusal_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() != "Refuse"  # the dialog speaks Chinese as well
    dialog.reject()
    qtbot.keyClick(window.passenger.passenger.ui.mrzEdit, Qt.Key.Key_F8)
    (saved,) = _clearances(ops)
    assert saved.decision is Decision.REFERRED


@pytest.mark.parametrize(
    "lines",
    [
        passport(),
        build_td1(
            document_code="I",
            issuing_state="UTO",
            document_number="D23145890",
            birth_date=date(1974, 8, 12),
            sex="F",
            expiry_date=date(2034, 4, 15),
            nationality="UTO",
            surname="ERIKSSON",
            given_names="ANNA MARIA",
        ),
    ],
    ids=["passport", "id-card"],
)
@pytest.mark.usefixtures("styled")
def test_the_reader_s_trailing_enter_adds_no_line_and_no_scroll_bar(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations, lines: tuple[str, ...]
) -> None:
    sign_in(qtbot, window)
    fields = window.passenger.passenger.ui
    _burst(qtbot, window, lines)
    mrz = fields.mrzEdit
    assert mrz.toPlainText() == "\n".join(lines)
    assert mrz.blockCount() == len(lines)
    assert mrz.verticalScrollBar().maximum() == 0
    assert fields.surnameEdit.text() == "ERIKSSON"  # parsed as before
    assert "BAD" not in fields.checksLabel.text()
    qtbot.keyClick(mrz, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    (saved,) = _clearances(ops)
    assert saved.document.capture is CaptureMethod.SCANNED_MRZ
    assert saved.document.mrz == lines


def test_a_damaged_search_index_does_not_stop_the_lane(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    sign_in(qtbot, window)
    for i in range(3):
        _burst(qtbot, window, passport(document_number=f"KX{i:07d}"))
        window.passenger.decide(Decision.CLEARED)
    # A fault on disk loses half of each of the index's pieces but the newest.
    ops.store.conn.execute(
        "UPDATE record_search_data SET block = substr(block, 1, length(block) / 2) WHERE id > 10"
    )
    for i in range(64):  # one of them merges the index's pieces and meets the damage
        _burst(qtbot, window, passport(document_number=f"ZQ{i:07d}"))
        window.passenger.decide(Decision.CLEARED)
        assert "Saved #" in window.passenger.ui.formMessageLabel.text()
        assert not any(box.isVisible() for box in window.findChildren(QMessageBox, "problemBox"))
    assert len(_clearances(ops)) == 67
    assert search_index.stopped(ops.store.conn) is not None
    # The filter box says why it cannot search, and what IT should do: in a window once,
    # then beside the count for as long as it is so.
    window.ui.actionHistory.trigger()
    qtbot.keyClicks(window.history.ui.filterEdit, "ZQ")
    qtbot.keyClick(window.history.ui.filterEdit, Qt.Key.Key_Return)
    boxes = [box for box in window.findChildren(QMessageBox, "problemBox") if box.isVisible()]
    assert len(boxes) == 1
    assert "no longer write to it" in boxes[0].text() and "db reindex" in boxes[0].text()
    boxes[0].close()
    result = window.history.ui.resultLabel
    assert result.text() == boxes[0].text() and result.property("state") == "alert"
    qtbot.keyClicks(window.history.ui.filterEdit, "0")
    qtbot.keyClick(window.history.ui.filterEdit, Qt.Key.Key_Return)
    assert not any(box.isVisible() for box in window.findChildren(QMessageBox, "problemBox"))
    assert "no longer write to it" in result.text()
    # Filters without text still work, and say so.
    window.history.ui.filterEdit.clear()
    qtbot.keyClick(window.history.ui.filterEdit, Qt.Key.Key_Return)
    assert result.text().startswith("Records: ") and result.property("state") == ""


def test_text_that_cannot_be_an_mrz_is_said_in_words_as_it_is_typed(
    qtbot: QtBot, window: MainWindow
) -> None:
    sign_in(qtbot, window)
    fields = window.passenger.passenger.ui
    qtbot.keyClicks(fields.mrzEdit, "hello")
    assert fields.alertsLabel.text() == "Waiting for the document reader…"  # may still be one
    qtbot.keyClicks(fields.mrzEdit, " world 12345")
    alerts = fields.alertsLabel.text()
    assert alerts.startswith("This is not a machine readable zone: a line of 5 characters")
    assert "30, 36 or 44" in alerts
    assert fields.alertsLabel.property("state") == "alert"
    fields.mrzEdit.clear()
    assert fields.alertsLabel.text() == "Waiting for the document reader…"
    qtbot.keyClicks(fields.mrzEdit, "P<UTO,")
    assert "“,” is not one of its characters" in fields.alertsLabel.text()
    # Taken back, it may be an MRZ again; a whole one is read as ever.
    qtbot.keyClick(fields.mrzEdit, Qt.Key.Key_Backspace)
    assert fields.alertsLabel.text() == "Waiting for the document reader…"
    fields.mrzEdit.clear()
    line1, line2 = passport()
    qtbot.keyClicks(fields.mrzEdit, line1)
    qtbot.keyClick(fields.mrzEdit, Qt.Key.Key_Return)
    qtbot.keyClicks(fields.mrzEdit, line2[:20])
    assert "not a machine readable zone" not in fields.alertsLabel.text()  # still arriving
    qtbot.keyClick(fields.mrzEdit, Qt.Key.Key_Return)
    assert "MRZ not readable" in fields.alertsLabel.text()  # a reader's whole wrong burst
    fields.mrzEdit.clear()
    qtbot.keyClicks(fields.mrzEdit, f"{line1} {line2[:30]} ")  # lines separated by spaces
    assert "a line of 30 characters after one of 44" in fields.alertsLabel.text()


def test_a_reader_s_burst_is_never_questioned_while_it_arrives(
    qtbot: QtBot, window: MainWindow
) -> None:
    sign_in(qtbot, window)
    fields = window.passenger.passenger.ui
    td1 = build_td1(
        issuing_state="UTO",
        document_number="D23145890",
        surname="ERIKSSON",
        given_names="ANNA MARIA",
        nationality="UTO",
        birth_date=date(1974, 8, 12),
        sex="F",
        expiry_date=date(2034, 4, 15),
    )
    for lines, separator in ((passport(), "\n"), (td1, "\n"), (passport(), "")):
        window.passenger.passenger.clear()
        for line in lines:
            for char in line + separator:
                if char == "\n":
                    qtbot.keyClick(fields.mrzEdit, Qt.Key.Key_Return)
                else:
                    qtbot.keyClick(fields.mrzEdit, char)
                assert "not a machine readable zone" not in fields.alertsLabel.text()
        assert fields.surnameEdit.text() == "ERIKSSON"


def test_a_second_ctrl_return_after_a_save_keeps_saying_what_was_saved(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    sign_in(qtbot, window)
    mrz = window.passenger.passenger.ui.mrzEdit
    _burst(qtbot, window, passport())
    qtbot.keyClick(mrz, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    message = window.passenger.ui.formMessageLabel
    said = message.text()
    assert said.startswith("Saved #") and message.property("state") == "ok"
    qtbot.keyClick(mrz, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert message.text() == said and message.property("state") == "ok"
    assert len(_clearances(ops)) == 1
    # On an empty form with nothing saved before, the decision says what is missing.
    window.passenger.show_message("", "")
    qtbot.keyClick(mrz, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert message.property("state") == "alert"


def test_the_next_scan_replaces_a_finished_one_and_the_same_document_is_read_again(
    qtbot: QtBot, window: MainWindow
) -> None:
    sign_in(qtbot, window)
    fields = window.passenger.passenger.ui
    _burst(qtbot, window, passport())
    assert fields.surnameEdit.text() == "ERIKSSON"
    # Another traveller's passport scanned over the unsaved one: it replaces it.
    other = passport(document_number="X1234567", surname="NOWAK", given_names="PIOTR")
    _burst(qtbot, window, other)
    assert fields.mrzEdit.toPlainText() == "\n".join(other)
    assert fields.surnameEdit.text() == "NOWAK"
    assert fields.checksLabel.property("state") == "ok"
    # A scan that is no MRZ, then the box emptied and the same passport scanned again:
    # read again, not left saying "not readable".
    _burst(qtbot, window, (passport()[0], passport()[1][:36]))
    assert "not readable" in fields.alertsLabel.text()
    fields.mrzEdit.clear()
    _burst(qtbot, window, other)
    assert "not readable" not in fields.alertsLabel.text()
    assert fields.alertsLabel.property("state") == "ok"
    # A character typed inside a whole MRZ (a correction) is typed there, as usual.
    cursor = fields.mrzEdit.textCursor()
    cursor.setPosition(5)
    fields.mrzEdit.setTextCursor(cursor)
    qtbot.keyClicks(fields.mrzEdit, "X")
    assert fields.mrzEdit.toPlainText().startswith("P<UTOXNOWAK")


def test_a_note_of_what_was_cleared_over_follows_the_remarks_within_their_limit() -> None:
    document = document_from_mrz(parse_mrz("\n".join(passport())), CaptureMethod.SCANNED_MRZ)
    body = PassengerClearance(
        direction=Direction.ENTRY,
        decision=Decision.CLEARED,
        remarks="Seen by the duty chief",
        document=document,
    )
    (noted,) = with_remark([Draft(body, "DEMO01")], "Cleared despite: EXPIRED")
    assert isinstance(noted.body, PassengerClearance)
    assert noted.body.remarks == "Seen by the duty chief · Cleared despite: EXPIRED"
    assert noted.officer == "DEMO01" and body.remarks == "Seen by the duty chief"
    long = body.model_copy(update={"remarks": "x" * REMARKS_MAX})
    (cut,) = with_remark([Draft(long, "DEMO01")], "Cleared despite: EXPIRED")
    assert isinstance(cut.body, PassengerClearance)
    assert len(cut.body.remarks) == REMARKS_MAX and cut.body.remarks.endswith("…")
    PassengerClearance.model_validate(cut.body.model_dump())  # still a valid record body
