"""History filter, opening a record, and a supervisor's amendment and void."""

from __future__ import annotations

import uuid

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from inspection_client.domain.codes import CaptureMethod, Decision, Direction, RefusalGround
from inspection_client.domain.models import (
    Amendment,
    PassengerClearance,
    TravelDocument,
    Void,
)
from inspection_client.domain.mrz import parse_mrz
from inspection_client.store import records
from inspection_client.store.database import Store
from inspection_client.ui.main_window import MainWindow
from inspection_client.ui.operations import ImmediateOperations
from tests.gui.conftest import OFFICER, SUPERVISOR, passport, sign_in

pytestmark = pytest.mark.gui


def _passenger(
    number: str, surname: str, decision: Decision = Decision.CLEARED
) -> PassengerClearance:
    return PassengerClearance(
        direction=Direction.ENTRY,
        decision=decision,
        refusal_ground=RefusalGround.NO_VALID_VISA if decision is Decision.REFUSED else None,
        document=TravelDocument(
            document_code="P",
            issuing_state="PAK",
            number=number,
            surname=surname,
            nationality="PAK",
            capture=CaptureMethod.TYPED_FIELDS,
        ),
    )


def _save(store: Store, number: str, surname: str, decision: Decision = Decision.CLEARED) -> str:
    return str(records.save(store, _passenger(number, surname, decision), officer=OFFICER[0]).id)


def _history(qtbot: QtBot, window: MainWindow, text: str) -> list[str]:
    window.ui.actionHistory.trigger()
    window.history.ui.filterEdit.clear()
    qtbot.keyClicks(window.history.ui.filterEdit, text)
    qtbot.keyClick(window.history.ui.filterEdit, Qt.Key.Key_Return)
    return [row.who for row in window.history.model.rows]


def test_the_filter_box_finds_by_prefix_of_document_or_name(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    for i in range(30):
        _save(ops.store, f"AB{i:05d}", "KHAN" if i % 2 else "SHAH")
    _save(ops.store, "ZX99887", "QURESHI", Decision.REFUSED)
    sign_in(qtbot, window)
    assert len(_history(qtbot, window, "")) == 31
    assert _history(qtbot, window, "zx998") == ["QURESHI"]
    assert _history(qtbot, window, "qur") == ["QURESHI"]
    assert set(_history(qtbot, window, "kha")) == {"KHAN"}
    assert len(_history(qtbot, window, "AB0001")) == 10
    assert _history(qtbot, window, "nobody") == []
    window.history.ui.filterEdit.clear()
    combo = window.history.ui.decisionCombo
    combo.setCurrentIndex(combo.findData("refused"))
    assert [r.who for r in window.history.model.rows] == ["QURESHI"]
    assert "Records: 1" in window.history.ui.resultLabel.text()


def test_rows_load_page_by_page(qtbot: QtBot, window: MainWindow, ops: ImmediateOperations) -> None:
    drafts = [
        records.Draft(
            PassengerClearance(
                direction=Direction.EXIT,
                decision=Decision.CLEARED,
                document=TravelDocument(
                    document_code="P",
                    issuing_state="KAZ",
                    number=f"N{i:07d}",
                    surname="ABENOV",
                    nationality="KAZ",
                    capture=CaptureMethod.TYPED_FIELDS,
                ),
            ),
            OFFICER[0],
        )
        for i in range(450)
    ]
    records.save_many(ops.store, drafts)
    sign_in(qtbot, window)
    model = window.history.model
    assert model.rowCount() == 200 and model.canFetchMore(model.index(-1, -1))
    model.fetchMore(model.index(-1, -1))
    model.fetchMore(model.index(-1, -1))
    assert model.rowCount() == 450 and not model.canFetchMore(model.index(-1, -1))
    assert [r.seq for r in model.rows] == sorted((r.seq for r in model.rows), reverse=True)


def _open(qtbot: QtBot, window: MainWindow, text: str) -> None:
    _history(qtbot, window, text)
    table = window.history.ui.historyTable
    table.selectRow(0)
    window.history.ui.openButton.click()
    assert window.history.record_dialog is not None


def test_a_supervisor_amends_a_record_with_their_pin(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    record_id = _save(ops.store, "ZX99887", "QURESHY")
    sign_in(qtbot, window)
    _open(qtbot, window, "ZX99887")
    record_dialog = window.history.record_dialog
    record_dialog.ui.amendButton.click()
    amend = record_dialog.approval
    assert amend is not None and amend.isVisible()
    fields = amend.fields.ui
    assert fields.surnameEdit.text() == "QURESHY"  # prefilled with the current content
    fields.surnameEdit.setText("QURESHI")
    # The record was cleared: no refusal ground is offered until Refused is chosen, and then
    # only the passenger grounds.
    assert not amend.ui.groundCombo.isEnabled()
    amend.ui.decisionCombo.setCurrentIndex(amend.ui.decisionCombo.findData("refused"))
    assert amend.ui.groundCombo.isEnabled()
    grounds = [amend.ui.groundCombo.itemData(i) for i in range(amend.ui.groundCombo.count())]
    assert grounds and not any(code.startswith("V") for code in grounds)
    amend.ui.decisionCombo.setCurrentIndex(amend.ui.decisionCombo.findData("cleared"))
    amend.submit()  # no reason yet
    assert amend.ui.messageLabel.text() == "Give the reason for the amendment."
    amend.ui.reasonEdit.setText("Surname mistyped")
    amend.ui.supervisorCodeEdit.setText(OFFICER[0])  # an officer cannot approve
    amend.ui.supervisorPinEdit.setText(OFFICER[1])
    amend.submit()
    assert "not a supervisor" in amend.ui.messageLabel.text()
    amend.ui.supervisorCodeEdit.setText(SUPERVISOR[0])
    amend.ui.supervisorPinEdit.setText(SUPERVISOR[1])
    amend.submit()
    state = records.current(ops.store, record_id)
    assert state is not None and len(state.amended_by) == 1
    body = state.amended_by[0].body
    assert isinstance(body, Amendment) and body.approved_by == SUPERVISOR[0]
    assert state.amended_by[0].officer == OFFICER[0]
    assert isinstance(state.clearance, PassengerClearance)
    assert state.clearance.document.surname == "QURESHI"
    assert window.history.model.rows[0].state == "amended"
    # The table shows the record as it stands now, and the corrected name finds it.
    assert _history(qtbot, window, "QURESHI") == ["QURESHI"]


def test_a_supervisor_voids_a_record_and_it_shows_in_its_history(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    record_id = _save(ops.store, "ZX11111", "SAFI")
    sign_in(qtbot, window)
    _open(qtbot, window, "ZX11111")
    record_dialog = window.history.record_dialog
    record_dialog.ui.voidButton.click()
    void = record_dialog.approval
    void.ui.reasonEdit.setPlainText("Recorded at the wrong lane")
    void.ui.supervisorCodeEdit.setText(SUPERVISOR[0])
    void.ui.supervisorPinEdit.setText("0000")
    void.submit()
    assert "Wrong supervisor code or PIN" in void.ui.messageLabel.text()
    void.ui.supervisorPinEdit.setText(SUPERVISOR[1])
    void.submit()
    state = records.current(ops.store, record_id)
    assert state is not None and state.voided
    assert isinstance(state.voided_by.body, Void)  # type: ignore[union-attr]
    _open(qtbot, window, "ZX11111")
    again = window.history.record_dialog
    assert "VOID approved by SUP1" in again.ui.revisionsText.toPlainText()
    assert not again.ui.amendButton.isEnabled()


def test_a_vehicle_amendment_keeps_its_driver_link(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    from inspection_client.domain.codes import VehicleKind
    from inspection_client.domain.models import VehicleClearance
    from inspection_client.ui.supervisor import AmendDialog

    driver_id = uuid.uuid4()
    body = VehicleClearance(
        direction=Direction.ENTRY,
        decision=Decision.CLEARED,
        plate="KGZ123",
        registration_country="KGZ",
        vehicle_kind=VehicleKind.BUS,
        driver_clearance_id=driver_id,
    )
    record = records.save(ops.store, body, officer=OFFICER[0])
    sign_in(qtbot, window)
    assert window.session is not None
    dialog = AmendDialog(ops, window.session, record, body, window)
    qtbot.addWidget(dialog)
    assert dialog.fields.ui.plateEdit.text() == "KGZ123"
    assert not dialog.fields.ui.driverMrzEdit.isVisibleTo(dialog)
    dialog.fields.ui.plateEdit.setText("KGZ124")
    dialog.ui.decisionCombo.setCurrentIndex(dialog.ui.decisionCombo.findData("refused"))
    dialog.ui.groundCombo.setCurrentIndex(dialog.ui.groundCombo.findData("V1"))
    dialog.ui.reasonEdit.setText("Plate misread; registration papers invalid")
    dialog.ui.supervisorCodeEdit.setText(SUPERVISOR[0])
    dialog.ui.supervisorPinEdit.setText(SUPERVISOR[1])
    dialog.submit()
    state = records.current(ops.store, record.id)
    assert state is not None and isinstance(state.clearance, VehicleClearance)
    assert state.clearance.plate == "KGZ124"
    assert state.clearance.decision is Decision.REFUSED
    assert state.clearance.driver_clearance_id == driver_id


def test_history_and_the_lanes_show_what_changed_while_they_were_behind(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    sign_in(qtbot, window)
    window.ui.actionHistory.trigger()
    assert window.history.model.rows == []
    window.ui.actionPassengerLane.trigger()
    record_id = _save(ops.store, "ZX22222", "KARIMOV")  # saved elsewhere: the other lane, say
    window.ui.actionHistory.trigger()
    assert [row.who for row in window.history.model.rows] == ["KARIMOV"]
    records.save(
        ops.store,
        Void(target_id=uuid.UUID(record_id), reason="wrong lane", approved_by=SUPERVISOR[0]),
        officer=OFFICER[0],
    )
    window.ui.actionPassengerLane.trigger()
    today = window.passenger.ui.todayList
    assert today.count() == 1 and "VOIDED" in today.item(0).text()


def test_a_record_is_described_with_what_an_amendment_may_change(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    from inspection_client.ui.history import describe_record
    from tests import factories

    driver = uuid.uuid4()
    truck = factories.truck(declaration_number="510020251000012345", driver_id=driver)
    saved = records.save(ops.store, truck, officer=OFFICER[0])
    text = describe_record(window, saved)
    for shown in (
        "CSQU3054383 (CN12345678)",
        "HS codes: 8471300000",
        "declaration 510020251000012345",
        "24,000 kg gross",
        "driver and crew: 1",
    ):
        assert shown in text, shown
    person = records.save(ops.store, factories.passenger(), officer=OFFICER[0])
    text = describe_record(window, person)
    assert "born 1985-03-14" in text and "valid until 2030-01-01" in text


def test_a_vehicle_without_vins_or_containers_shows_its_kind_in_words(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    from inspection_client.domain.codes import VehicleKind
    from inspection_client.ui import language
    from tests import factories

    car = factories.truck(vehicle_kind=VehicleKind.CAR, containers=(), plate="AB1234")
    records.save(ops.store, car, officer=OFFICER[0])
    sign_in(qtbot, window)
    window.ui.actionHistory.trigger()
    model = window.history.model
    column = model.index(0, 7)
    assert model.data(column) == "Car"
    language.install("zh_CN")
    try:
        assert model.data(column) == "小汽车"
    finally:
        language.install("en")


def test_an_amendment_of_a_scanned_record_keeps_its_mrz_and_optional_data(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    mrz = passport(document_number="ZX55555", personal_number="ZE184226B")
    scanned = parse_mrz("\n".join(mrz))
    body = PassengerClearance(
        direction=Direction.ENTRY,
        decision=Decision.REFERRED,
        document=TravelDocument(
            document_code="P",
            issuing_state="UTO",
            number="ZX55555",
            surname="ERIKSSON",
            given_names="ANNA MARIA",
            nationality="UTO",
            birth_date=scanned.birth_date,
            sex="F",
            expiry_date=scanned.expiry_date,
            optional_data=scanned.optional_data,
            capture=CaptureMethod.SCANNED_MRZ,
            mrz=mrz,
        ),
    )
    record_id = str(records.save(ops.store, body, officer=OFFICER[0]).id)
    sign_in(qtbot, window)
    _open(qtbot, window, "ZX55555")
    window.history.record_dialog.ui.amendButton.click()
    amend = window.history.record_dialog.approval
    # The stored MRZ is shown checked, as when it was read.
    assert "✓\N{NO-BREAK SPACE}document number" in amend.fields.ui.checksLabel.text()
    amend.ui.decisionCombo.setCurrentIndex(amend.ui.decisionCombo.findData("cleared"))
    amend.ui.reasonEdit.setText("Secondary inspection found nothing")
    amend.ui.supervisorCodeEdit.setText(SUPERVISOR[0])
    amend.ui.supervisorPinEdit.setText(SUPERVISOR[1])
    amend.submit()
    state = records.current(ops.store, record_id)
    assert state is not None and isinstance(state.clearance, PassengerClearance)
    document = state.clearance.document
    assert document.optional_data == "ZE184226B"
    assert document.mrz == mrz and document.capture is CaptureMethod.SCANNED_MRZ
    assert state.clearance.decision is Decision.CLEARED


def _ok(qtbot: QtBot, dialog: QDialog) -> None:
    """Click OK, as the supervisor does: the button takes the focus from the field."""
    button = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)  # type: ignore[attr-defined]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _active(qtbot: QtBot, dialog: QDialog) -> None:
    """The dialog has the keyboard, as on a screen (offscreen, nothing activates it)."""
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)


def _type(qtbot: QtBot, text: str) -> None:
    """Type where the focus is, as the supervisor does after reading the message."""
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClicks(focused, text)


def test_every_refused_void_sends_the_supervisor_to_the_field_at_fault(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    record_id = _save(ops.store, "ZX33333", "NURI")
    sign_in(qtbot, window)
    _open(qtbot, window, "ZX33333")
    window.history.record_dialog.ui.voidButton.click()
    void = window.history.record_dialog.approval
    _active(qtbot, void)
    ui = void.ui
    _ok(qtbot, void)  # everything empty
    assert ui.messageLabel.text() == "Reason: too short"
    assert QApplication.focusWidget() is ui.reasonEdit
    _type(qtbot, "Recorded twice")
    assert ui.reasonEdit.toPlainText() == "Recorded twice"
    _ok(qtbot, void)
    assert ui.messageLabel.text() == "Give the supervisor's code."
    assert QApplication.focusWidget() is ui.supervisorCodeEdit
    _type(qtbot, SUPERVISOR[0])
    _ok(qtbot, void)
    assert ui.messageLabel.text() == "Give the supervisor's PIN."
    assert QApplication.focusWidget() is ui.supervisorPinEdit
    _type(qtbot, "0000")
    _ok(qtbot, void)
    assert "Wrong supervisor code or PIN" in ui.messageLabel.text()
    assert QApplication.focusWidget() is ui.supervisorPinEdit and ui.supervisorPinEdit.text() == ""
    ui.supervisorCodeEdit.setText(OFFICER[0])  # an officer's code cannot approve
    ui.supervisorPinEdit.setFocus()
    _type(qtbot, OFFICER[1])
    _ok(qtbot, void)
    assert "not a supervisor" in ui.messageLabel.text()
    assert QApplication.focusWidget() is ui.supervisorCodeEdit
    assert ui.supervisorCodeEdit.selectedText() == OFFICER[0]  # typing replaces it
    _type(qtbot, SUPERVISOR[0])
    ui.supervisorPinEdit.setFocus()
    _type(qtbot, SUPERVISOR[1])
    _ok(qtbot, void)
    state = records.current(ops.store, record_id)
    assert state is not None and state.voided


def test_a_refused_amendment_sends_the_supervisor_to_the_field_at_fault(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    _save(ops.store, "ZX44444", "ORLOV")
    sign_in(qtbot, window)
    _open(qtbot, window, "ZX44444")
    window.history.record_dialog.ui.amendButton.click()
    amend = window.history.record_dialog.approval
    _active(qtbot, amend)
    ui = amend.ui
    ui.reasonEdit.setText("ab")  # too short for a reason
    ui.supervisorPinEdit.setFocus()
    _ok(qtbot, amend)
    assert ui.messageLabel.text() == "Reason: too short"
    assert QApplication.focusWidget() is ui.reasonEdit
    _type(qtbot, "Surname checked again")
    ui.supervisorCodeEdit.setText(SUPERVISOR[0])
    ui.supervisorPinEdit.setText("0000")
    _ok(qtbot, amend)
    assert "Wrong supervisor code or PIN" in ui.messageLabel.text()
    assert QApplication.focusWidget() is ui.supervisorPinEdit and ui.supervisorPinEdit.text() == ""


def test_a_refused_watchlist_override_sends_the_supervisor_to_the_field_at_fault(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    from inspection_client.ui.supervisor import WatchlistApprovalDialog

    sign_in(qtbot, window)
    body = _passenger("ZX55555", "KHAN")
    saved: list[list[object]] = []
    dialog = WatchlistApprovalDialog(
        ops,
        lambda code, reason: [records.Draft(body, OFFICER[0])],
        "KHAN · ZX55555",
        window,
        window.session,
    )
    dialog.approved.connect(saved.append)
    qtbot.addWidget(dialog)
    dialog.open()
    _active(qtbot, dialog)
    ui = dialog.ui
    ui.supervisorPinEdit.setFocus()
    _ok(qtbot, dialog)
    assert ui.messageLabel.text() == "Give the reason for clearing despite the hit."
    assert QApplication.focusWidget() is ui.reasonEdit
    _type(qtbot, "Not the person listed: other birth date")
    _ok(qtbot, dialog)
    assert QApplication.focusWidget() is ui.supervisorCodeEdit
    _type(qtbot, SUPERVISOR[0])
    _ok(qtbot, dialog)
    assert QApplication.focusWidget() is ui.supervisorPinEdit
    _type(qtbot, "0000")
    _ok(qtbot, dialog)
    assert "Wrong supervisor code or PIN" in ui.messageLabel.text()
    assert QApplication.focusWidget() is ui.supervisorPinEdit
    _type(qtbot, SUPERVISOR[1])
    _ok(qtbot, dialog)
    assert len(saved) == 1


def test_the_record_view_shows_the_watchlist_check_and_labels_the_remarks(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    from inspection_client.domain.models import WatchlistCheck, WatchlistHit
    from tests import factories

    hit = WatchlistHit(
        list_name="persons",
        entry_id="DEMO-P1",
        score=97,
        reason="name and date of birth",
        action="refer",
    )
    approved = WatchlistCheck(
        snapshot_version=7,
        hits=(hit,),
        outcome="cleared_with_approval",
        approved_by=SUPERVISOR[0],
        approval_reason="Not the person listed",
    )
    checked = [
        (WatchlistCheck(snapshot_version=7, outcome="no_hit"), "Watchlist: v7, no hit"),
        (
            approved,
            "Watchlist: v7, hit: Wanted persons DEMO-P1 (name and date of birth); cleared "
            f"with supervisor {SUPERVISOR[0]}'s approval: Not the person listed",
        ),
        (
            WatchlistCheck(snapshot_version=7, hits=(hit,), outcome="referred"),
            "Watchlist: v7, hit: Wanted persons DEMO-P1 (name and date of birth); referred",
        ),
        (
            WatchlistCheck(snapshot_version=None, outcome="not_checked"),
            "Watchlist: not checked (no watchlist loaded)",
        ),
        (None, "Watchlist: no check recorded"),
    ]
    sign_in(qtbot, window)
    for check, said in checked:
        body = factories.passenger(watchlist=check, remarks="Travels for a wedding")
        saved = records.save(ops.store, body, officer=OFFICER[0])
        window.history.open_record(str(saved.id))
        lines = window.history.record_dialog.ui.revisionsText.toPlainText().splitlines()
        assert said in lines, lines
        assert "Remarks: Travels for a wedding" in lines
        window.history.record_dialog.reject()


def test_an_amendment_or_a_void_saved_from_history_is_confirmed_and_signalled(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    _save(ops.store, "ZX66666", "PETROV")
    sign_in(qtbot, window)
    _open(qtbot, window, "ZX66666")
    seq = window.history.model.rows[0].seq
    window.history.record_dialog.ui.amendButton.click()
    amend = window.history.record_dialog.approval
    amend.fields.ui.surnameEdit.setText("PETROVA")
    amend.ui.reasonEdit.setText("Surname mistyped")
    amend.ui.supervisorCodeEdit.setText(SUPERVISOR[0])
    amend.ui.supervisorPinEdit.setText(SUPERVISOR[1])
    facts = window.status.facts
    assert facts is not None
    with qtbot.waitSignal(window.history.saved, timeout=1000) as amended:
        amend.submit()
    (amendment,) = amended.args[0]
    # The status bar counts the amendment as waiting to be sent, at once.
    assert window.status.facts is not None
    assert window.status.facts.pending == facts.pending + 1
    assert isinstance(amendment.body, Amendment)
    result = window.history.ui.resultLabel
    assert result.text().startswith(f"Record #{seq} amended (#{amendment.seq}).")
    assert "Records: 1" in result.text()  # the count is still said
    _open(qtbot, window, "ZX66666")  # searching again: the confirmation has been read
    assert "amended" not in result.text()
    window.history.record_dialog.ui.voidButton.click()
    void = window.history.record_dialog.approval
    void.ui.reasonEdit.setPlainText("Recorded at the wrong lane")
    void.ui.supervisorCodeEdit.setText(SUPERVISOR[0])
    void.ui.supervisorPinEdit.setText(SUPERVISOR[1])
    with qtbot.waitSignal(window.history.saved, timeout=1000) as voided:
        void.submit()
    (voiding,) = voided.args[0]
    assert isinstance(voiding.body, Void)
    assert result.text().startswith(f"Record #{seq} voided (#{voiding.seq}).")
