"""The gate screen: a valid slip, the same slip again, a forged or damaged code, garbage."""

from __future__ import annotations

import time
import uuid
import zlib
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone

import cbor2
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from inspection_client.domain.codes import Decision
from inspection_client.domain.models import Amendment, RecordBody
from inspection_client.reports import base45, documents, slip
from inspection_client.reports.sealed_qr import PREFIXES, DocumentKind, seal
from inspection_client.store import records
from inspection_client.store.database import Store
from inspection_client.sync import reference
from inspection_client.sync.wire import ReferenceKind, wire_time
from inspection_client.ui.main_window import MainWindow
from inspection_client.ui.operations import ImmediateOperations
from tests.factories import truck
from tests.gui.conftest import OFFICER, issuing_slips, sign_in
from tests.sync.fake_central import FakeCentral

pytestmark = pytest.mark.gui


def _slip_text(store: Store, **overrides: object) -> str:
    record = records.save(store, truck(**overrides), officer=OFFICER[0])
    issuing_slips(store)
    return slip.issue_slip(store, str(record.id), documents.workstation_key(store)).text


def _scan(qtbot: QtBot, window: MainWindow, text: str) -> str:
    window.ui.screens.setCurrentWidget(window.gate)
    window.action_gate.trigger()
    edit = window.gate.ui.scanEdit
    assert edit.hasFocus()
    edit.setText(text)  # a scanner types fast; keyClicks of 400 characters adds nothing
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert edit.text() == ""
    assert edit.hasFocus()
    return window.gate.ui.verdictLabel.text()


def _forged(text: str) -> str:
    """The same slip with one character of its content changed, re-packed by a forger."""
    prefix = PREFIXES[DocumentKind.SLIP]
    tag = cbor2.loads(zlib.decompress(base45.decode(text[len(prefix) :])))
    parts = list(tag.value)
    payload = bytearray(parts[2])
    at = payload.index(b"CSQU3054383")
    payload[at + 3] = ord("X")
    parts[2] = bytes(payload)
    return prefix + base45.encode(zlib.compress(cbor2.dumps(cbor2.CBORTag(tag.tag, parts))))


def test_valid_then_already_used_then_forged_then_garbage(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    text = _slip_text(ops.store, declaration_number=None)
    sign_in(qtbot, window)
    gate = window.gate

    assert "VALID" in _scan(qtbot, window, text)
    assert gate.ui.verdictLabel.property("verdict") == "pass"
    claims = gate.ui.claimsText.toPlainText()
    assert "新A12345" in claims and "CSQU3054383" in claims and "CN12345678" in claims
    assert "OFF1" in claims

    assert _scan(qtbot, window, text) == "ALREADY USED"
    assert gate.ui.verdictLabel.property("verdict") == "stop"
    assert "already used at this gate on" in gate.ui.reasonLabel.text()
    assert "checked by OFF1" in gate.ui.reasonLabel.text()

    forged = _forged(_slip_text(ops.store))
    assert _scan(qtbot, window, forged) == "TAMPERED — DO NOT LET IT PASS"
    assert "CSQXU054383" not in gate.ui.claimsText.toPlainText()
    assert "CSQX3054383" in gate.ui.claimsText.toPlainText()  # what the forgery claims

    # One character changed in the scanned text itself breaks the compressed stream.
    fresh = _slip_text(ops.store)
    damaged = fresh[:40] + ("0" if fresh[40] != "0" else "1") + fresh[41:]
    assert _scan(qtbot, window, damaged) == "NOT READABLE — SCAN AGAIN"
    assert "VALID" not in gate.ui.verdictLabel.text()

    for garbage in ("hello", "GP1:%%%%", "SR1:" + "A" * 50, "\x00\x01ü漢", "gp1:abc"):
        verdict = _scan(qtbot, window, garbage)
        assert verdict == "NOT READABLE — SCAN AGAIN", garbage
        assert gate.ui.verdictLabel.property("verdict") == "check"
    # The undamaged slip was never let through before, so it still passes once.
    assert "VALID" in _scan(qtbot, window, fresh)


def test_a_report_code_shows_its_claims(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    records.save(ops.store, truck(), officer=OFFICER[0])
    sign_in(qtbot, window)
    assert window.session is not None and window.session.shift is not None
    records.save(ops.store, truck(), officer=OFFICER[0], shift_id=window.session.shift.shift_id)
    report = documents.build_report(ops.store, shift_id=window.session.shift.shift_id)
    code = documents.seal_report(report, documents.workstation_key(ops.store))
    assert _scan(qtbot, window, code) == "VALID SHIFT REPORT"
    text = window.gate.ui.claimsText.toPlainText()
    assert "Shift report" in text and str(window.session.shift.shift_id) in text
    assert "clearances: 1" in text
    # Report codes are not used up.
    assert _scan(qtbot, window, code) == "VALID SHIFT REPORT"


def test_the_gate_speaks_chinese(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    text = _slip_text(ops.store)
    sign_in(qtbot, window)
    window.apply_settings("zh_CN", 10)
    try:
        gate = window.gate
        qtbot.waitUntil(lambda: gate.ui.checkButton.text().startswith("检查"), timeout=3000)
        verdict = _scan(qtbot, window, text)
        assert verdict == "有效 — 放行"
        assert "车牌" in gate.ui.claimsText.toPlainText()
        assert "签名一致" in gate.ui.reasonLabel.text()
        assert window.ui.screens.tabText(window.ui.screens.indexOf(gate)) == "卡口核验"
        assert _scan(qtbot, window, text) == "已使用过"
        # The detail under the explanation is in Chinese too.
        assert _scan(qtbot, window, _forged(_slip_text(ops.store))) == "已被篡改 — 不得放行"
        assert "签名与内容不符" in gate.ui.reasonLabel.text()
        assert "signature" not in gate.ui.reasonLabel.text()
        assert _scan(qtbot, window, "gp1:abc") == "无法识读——请重新扫描"
        assert "请检查扫描枪的键盘布局" in gate.ui.reasonLabel.text()
    finally:
        window.apply_settings("en", 10)


def test_the_gate_says_what_its_list_of_withdrawn_slips_covers(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    key = documents.workstation_key(ops.store)
    record = records.save(ops.store, truck(), officer=OFFICER[0])
    issuing_slips(ops.store)
    claims = slip.issue_slip(ops.store, str(record.id), key).claims
    sign_in(qtbot, window)
    gate = window.gate
    elsewhere = seal(DocumentKind.SLIP, dict(claims, id=str(uuid.uuid4())), key)
    assert "VALID" in _scan(qtbot, window, elsewhere)
    # The note is a sentence of its own, on its own line under the explanation.
    assert (
        gate.ui.reasonLabel.text()
        .splitlines()[1]
        .startswith("This gate has no list of withdrawn slips from the central yet: ")
    )

    withdrawn = str(uuid.uuid4())
    central = FakeCentral()
    entry = {"id": withdrawn, "withdrawn": "amended", "decision": "refused", "port": "KHG"}
    entry["at"] = wire_time(datetime.now(UTC))
    payload = {
        "keys": [],
        "withdrawn_slips": {"complete_since": wire_time(datetime.now(UTC)), "slips": [entry]},
    }
    signed = central.publish(ReferenceKind.WORKSTATION_KEYS, payload, 1)
    reference.apply(ops.store, signed, central.key.public_key())
    refused = seal(DocumentKind.SLIP, dict(claims, id=withdrawn), key)
    assert _scan(qtbot, window, refused) == "NOT CLEARED — DO NOT LET IT PASS"
    reason = gate.ui.reasonLabel.text()
    assert "its record was amended to refused at KHG on" in reason
    assert "\nChecked against the central's list of withdrawn slips as of" in reason
    assert reason.endswith(", after this slip was issued.")


@pytest.fixture
def machine_in_utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """This computer's clock in UTC, eight hours behind the port the lane recorded at."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _at_the_port(store: Store, body: RecordBody) -> records.Record:
    """A record made at the lane, whose clock is eight hours ahead of UTC."""
    at = datetime.now(UTC).astimezone(timezone(timedelta(hours=8))) - timedelta(hours=1)
    return records.save_many(store, [records.Draft(body, OFFICER[0], None, at)])[0]


def test_the_gate_shows_every_time_as_the_slip_prints_it(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations, machine_in_utc: None
) -> None:
    record = _at_the_port(ops.store, truck())
    issuing_slips(ops.store)
    issued = slip.issue_slip(ops.store, str(record.id), documents.workstation_key(ops.store))
    printed = dict(slip.slip_lines(issued, "en"))
    assert printed["Issued"].endswith(" +0800")
    sign_in(qtbot, window)
    gate = window.gate
    assert "VALID" in _scan(qtbot, window, issued.text)
    claims = gate.ui.claimsText.toPlainText()
    # Word for word what the slip in the driver's hand says, not this computer's zone.
    assert f"\nIssued\n{printed['Issued']}\n" in claims
    assert f"\nValid until\n{printed['Valid until']}\n" in claims

    assert _scan(qtbot, window, issued.text) == "ALREADY USED"
    use = gate.last.first_use if gate.last else None
    assert use is not None
    reason = gate.ui.reasonLabel.text()
    assert f"already used at this gate on {slip.slip_time(issued, use.first_used_at)} (" in reason
    assert slip.slip_time(issued, use.first_used_at).endswith(" +0800")
    assert " UTC" not in reason and " UTC" not in gate.ui.claimsText.toPlainText()
    assert "Times in" not in gate.ui.claimsText.toPlainText()

    # A slip printed before the offset was sealed with it still verifies; its times are this
    # computer's, and the window says so.
    claims = {name: value for name, value in issued.claims.items() if name != "off"}
    old = seal(DocumentKind.SLIP, claims, documents.workstation_key(ops.store))
    assert _scan(qtbot, window, old) == "ALREADY USED"  # the same slip id, already let through
    shown = gate.ui.claimsText.toPlainText()
    assert "\nTimes in\nthis computer's offset, +0000: the document names none\n" in shown
    issued_utc = datetime.fromtimestamp(issued.claims["iat"], UTC)
    assert f"\nIssued\n{issued_utc:%Y-%m-%d %H:%M} +0000\n" in shown


def test_an_amendment_made_here_reads_in_chinese(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations
) -> None:
    record = records.save(ops.store, truck(), officer=OFFICER[0])
    issuing_slips(ops.store)
    text = slip.issue_slip(ops.store, str(record.id), documents.workstation_key(ops.store)).text
    referred = truck(decision=Decision.REFERRED)
    amendment = Amendment(
        target_id=record.id, reason="second look", approved_by="SUP1", replacement=referred
    )
    records.save(ops.store, amendment, officer=OFFICER[0])
    sign_in(qtbot, window)
    assert _scan(qtbot, window, text) == "NOT CLEARED — DO NOT LET IT PASS"
    assert "amended here to referred to secondary after" in window.gate.ui.reasonLabel.text()
    window.apply_settings("zh_CN", 10)
    try:
        gate = window.gate
        qtbot.waitUntil(lambda: gate.ui.checkButton.text().startswith("检查"), timeout=3000)
        assert _scan(qtbot, window, text) == "车辆未获放行 — 不得通行"
        reason = gate.ui.reasonLabel.text()
        # As the central's list says it: the window's word, not the stored code.
        assert "其记录已在本工作站更正为 移交二线" in reason
        assert "referred" not in reason
    finally:
        window.apply_settings("en", 10)
