"""Release slips and the gate check: rendering, decoding, single use, and every forgery."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import time
import uuid
import zlib
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import cbor2
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PIL import Image, ImageOps
from pypdf import PdfReader

from inspection_client import cli
from inspection_client.commands import slip as slip_command
from inspection_client.domain.codes import (
    CargoCategory,
    Decision,
    Direction,
    RefusalGround,
    VehicleKind,
)
from inspection_client.domain.container import make_container
from inspection_client.domain.ids import new_id
from inspection_client.domain.models import Amendment, ContainerLoad, ShiftOpened, Void
from inspection_client.domain.vin import make_vin
from inspection_client.errors import InputError
from inspection_client.message import Message
from inspection_client.reports import base45, gate, slip
from inspection_client.reports.labels import label
from inspection_client.reports.sealed_qr import DocumentKind, Verdict, key_id, seal
from inspection_client.reports.slip import SlipRefused
from inspection_client.store import sync_state
from inspection_client.store.database import Store
from inspection_client.sync.withdrawals import DECISION_WORDS
from tests import factories
from tests.reports.conftest import VEHICLE_WORKSTATION, SaveAt, day, decode_qr_codes

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


@pytest.fixture
def truck_id(save_at: SaveAt) -> str:
    return str(save_at(factories.truck(declaration_number=None), day(9)).id)


def _issue(lane: Store, record_id: str, key: Ed25519PrivateKey) -> slip.ReleaseSlip:
    return slip.issue_slip(lane, record_id, key, now=NOW)


def test_slip_claims_hold_the_vehicle(lane: Store, truck_id: str, key: Ed25519PrivateKey) -> None:
    issued = _issue(lane, truck_id, key)
    claims = issued.claims
    assert claims["id"] == truck_id and claims["port"] == "KHG" and claims["lane"] == "V01"
    assert (
        claims["plates"] == ["新A12345"] and claims["dir"] == "exit" and claims["dec"] == "cleared"
    )
    assert claims["containers"] == ["CSQU3054383"] and claims["seals"] == ["CN12345678"]
    assert claims["exp"] - claims["iat"] == 72 * 3600 and claims["officer"] == "OFF01"
    assert claims["vins"] == [] and claims["vin_count"] == 0
    result = gate.verify_text(lane, issued.text, now=NOW)
    assert result.verdict is Verdict.VALID and result.claims == claims
    # The times printed on it read together: all in the record's own offset.
    printed = dict(slip.slip_lines(issued, "en"))
    offset = issued.recorded_at.strftime("%z")
    assert printed["Time"].endswith(offset) and printed["Issued"].endswith(offset)
    expected = issued.expires_at.astimezone(issued.recorded_at.tzinfo)
    assert printed["Valid until"] == expected.strftime("%Y-%m-%d %H:%M %z")


def test_more_than_30_vins_travel_as_a_digest(
    lane: Store, save_at: SaveAt, key: Ed25519PrivateKey
) -> None:
    vins = tuple(make_vin("LSV", f"A{1000 + i}", f"TA{100000 + i}") for i in range(31))
    carrier = factories.truck(
        vehicle_kind=VehicleKind.CAR_CARRIER,
        cargo_category=CargoCategory.COMPLETE_VEHICLES,
        containers=(),
        vins=vins,
    )
    record = save_at(carrier, day(9))
    claims = _issue(lane, str(record.id), key).claims
    assert "vins" not in claims and claims["vin_count"] == 31
    assert claims["vin_sha256"] == slip.vin_list_digest(list(vins))
    few = save_at(factories.truck(containers=(), vins=vins[:30]), day(9, 1))
    assert _issue(lane, str(few.id), key).claims["vins"] == list(vins[:30])


def test_slip_follows_amendments_and_refuses_voids_and_passengers(
    lane: Store, save_at: SaveAt, truck_id: str, key: Ed25519PrivateKey
) -> None:
    fixed = factories.truck(plate="新B77777")
    save_at(
        Amendment(
            target_id=uuid.UUID(truck_id),
            reason="plate typo",
            approved_by="SUP01",
            replacement=fixed,
        ),
        day(10),
    )
    assert _issue(lane, truck_id[:8], key).claims["plates"] == ["新B77777"]
    save_at(
        Void(target_id=uuid.UUID(truck_id), reason="entered twice", approved_by="SUP01"), day(11)
    )
    with pytest.raises(SlipRefused, match=r"voided on 2026-11-20 11:00 \+0800 \(approved"):
        _issue(lane, truck_id, key)
    passenger = save_at(factories.passenger(), day(9))
    with pytest.raises(SlipRefused, match="passenger clearance"):
        _issue(lane, str(passenger.id), key)
    shift_open = save_at(
        ShiftOpened(lane_id="V01", direction=Direction.ENTRY), day(8), uuid.uuid4()
    )
    with pytest.raises(SlipRefused, match="shift opening record"):
        _issue(lane, str(shift_open.id), key)
    with pytest.raises(SlipRefused, match="no record"):
        _issue(lane, str(uuid.UUID(int=5)), key)
    with pytest.raises(InputError, match="not a record id") as not_an_id:
        _issue(lane, "truck", key)
    assert not isinstance(not_an_id.value, SlipRefused)  # bad input (exit 2), not a refusal


def test_a_vehicle_too_big_for_a_qr_code_is_refused_clearly(
    lane: Store, save_at: SaveAt, key: Ed25519PrivateKey, capsys: pytest.CaptureFixture[str]
) -> None:
    # Twenty containers with ten 20-character seals each: valid, but no QR code holds them.
    containers = tuple(
        ContainerLoad(
            number=make_container("CSQU", f"{index:06d}"),
            seals=tuple(f"{index:02d}{n:02d}{uuid.uuid4().hex[:16].upper()}" for n in range(10)),
        )
        for index in range(20)
    )
    record = save_at(factories.truck(containers=containers), day(9))
    with pytest.raises(SlipRefused, match="more containers and seals"):
        _issue(lane, str(record.id), key)
    assert cli.main(["slip", str(record.id), "--payload"]) == 1
    assert "QR code can hold" in capsys.readouterr().err


def test_a_passenger_lane_issues_no_slip_the_gates_would_refuse(
    lane: Store, save_at: SaveAt, key: Ed25519PrivateKey, capsys: pytest.CaptureFixture[str]
) -> None:
    """A vehicle cleared at a passenger lane's workstation (its "other lane") gets no slip:
    every gate refuses one signed there, with the vehicle already in the gate's queue."""
    from inspection_client.domain.codes import LaneKind
    from tests.reports.conftest import VEHICLE_WORKSTATION

    record = save_at(factories.truck(), day(9))
    lane.configure_workstation(
        VEHICLE_WORKSTATION.model_copy(update={"lane_kind": LaneKind.PASSENGER})
    )
    with pytest.raises(SlipRefused, match="This workstation is at a passenger lane"):
        _issue(lane, str(record.id), key)
    assert cli.main(["slip", str(record.id), "--payload"]) == 1
    assert "gates take release slips only from vehicle" in capsys.readouterr().err


def test_only_a_cleared_vehicle_gets_a_slip(
    lane: Store, save_at: SaveAt, key: Ed25519PrivateKey, capsys: pytest.CaptureFixture[str]
) -> None:
    refused = save_at(
        factories.truck(decision=Decision.REFUSED, refusal_ground=RefusalGround.NO_VALID_VISA),
        day(9),
    )
    with pytest.raises(SlipRefused, match="was not cleared"):
        _issue(lane, str(refused.id), key)
    assert cli.main(["slip", str(refused.id), "--payload"]) == 1
    assert "cleared vehicles only" in capsys.readouterr().err
    referred = save_at(factories.truck(decision=Decision.REFERRED), day(9, 1))
    with pytest.raises(SlipRefused, match="was not cleared"):
        _issue(lane, str(referred.id), key)
    # Cleared after the secondary inspection: now it may leave.
    save_at(
        Amendment(
            target_id=referred.id,
            reason="secondary inspection found nothing",
            approved_by="SUP01",
            replacement=factories.truck(),
        ),
        day(10),
    )
    assert _issue(lane, str(referred.id), key).claims["dec"] == "cleared"


@pytest.mark.parametrize("size", slip.SLIP_SIZES)
def test_slip_pdf_qr_decodes_and_verifies(
    lane: Store, truck_id: str, key: Ed25519PrivateKey, tmp_path: Path, size: slip.SlipSize
) -> None:
    issued = slip.issue_slip(lane, truck_id, key)
    path = tmp_path / f"slip-{size}.pdf"
    path.write_bytes(slip.render_pdf(issued, size=size, lang="zh_CN"))
    assert decode_qr_codes(path, tmp_path) == [issued.text]
    assert gate.verify_text(lane, issued.text).verdict is Verdict.VALID


def test_slip_png_qr_decodes(lane: Store, truck_id: str, key: Ed25519PrivateKey) -> None:
    zxingcpp = pytest.importorskip("zxingcpp")
    issued = slip.issue_slip(lane, truck_id, key)
    with Image.open(io.BytesIO(slip.render_png(issued))) as image:
        # QR codes only: the slip's printed text can read as a short linear barcode.
        codes = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
        assert [r.text for r in codes] == [issued.text]


def test_a_slip_is_valid_once(lane: Store, truck_id: str, key: Ed25519PrivateKey) -> None:
    text = _issue(lane, truck_id, key).text
    assert gate.verify_text(lane, text, now=NOW, mark_used=False).valid
    first = gate.verify_text(lane, text, now=NOW, officer="GATE1")
    assert first.verdict is Verdict.VALID
    again = gate.verify_text(lane, text, now=NOW + timedelta(hours=2), officer="GATE2")
    assert again.verdict is Verdict.ALREADY_USED
    # In the slip's own offset, as the slip prints its times.
    assert "2026-11-20 20:00 +0800 by GATE1" in again.reason
    use = gate.first_use(lane, key_id(key.public_key()).hex(), truck_id)
    assert use is not None and use.uses == 2 and use.officer == "GATE1"
    # Only looking at a used slip says it was used, and is not counted as a use.
    look = gate.verify_text(lane, text, now=NOW + timedelta(hours=3), mark_used=False)
    assert look.verdict is Verdict.ALREADY_USED and "by GATE1" in look.reason
    use = gate.first_use(lane, key_id(key.public_key()).hex(), truck_id)
    assert use is not None and use.uses == 2
    # The same slip sealed again (another text) is still the same slip.
    reissued = _issue(lane, truck_id, key).text
    assert gate.verify_text(lane, reissued, now=NOW).verdict is Verdict.ALREADY_USED


def _resealed(text: str, edit: dict[str, object]) -> str:
    """The text with its claims edited and the original signature kept."""
    cose = cbor2.loads(zlib.decompress(base45.decode(text[4:])))
    protected, unprotected, payload, signature = cose.value
    claims = dict(cbor2.loads(payload))
    claims.update(edit)
    forged = cbor2.CBORTag(
        18, [protected, unprotected, cbor2.dumps(claims, canonical=True), signature]
    )
    return text[:4] + base45.encode(zlib.compress(cbor2.dumps(forged)))


def test_every_kind_of_tampering_is_caught(
    lane: Store, truck_id: str, key: Ed25519PrivateKey
) -> None:
    issued = _issue(lane, truck_id, key)
    text = issued.text
    attacker = Ed25519PrivateKey.generate()
    foreign_port = dict(issued.claims, port="ALA")
    cases = {
        "edited claims": (_resealed(text, {"plates": ["新Z00000"]}), Verdict.TAMPERED),
        "truncated": (text[: len(text) // 2], Verdict.MALFORMED),
        "one character changed": (text[:40] + ("A" if text[40] != "A" else "B") + text[41:], None),
        "re-signed by another key": (
            seal(DocumentKind.SLIP, issued.claims, attacker),
            Verdict.UNKNOWN_SIGNER,
        ),
        "relabelled as a report": ("SR1:" + text[4:], Verdict.TAMPERED),
        "other port": (seal(DocumentKind.SLIP, foreign_port, key), Verdict.WRONG_PORT),
        "lower case": (text.lower(), Verdict.MALFORMED),
        "not a code": ("https://example.com/?q=1", Verdict.MALFORMED),
        "binary junk": ("\ufffd\x00\x07GP1:" + "\ufffd" * 50, Verdict.MALFORMED),
    }
    for name, (forged, verdict) in cases.items():
        result = gate.verify_text(lane, forged, now=NOW)
        assert not result.valid, name
        assert result.reason, name
        if verdict is not None:
            assert result.verdict is verdict, name
        else:
            assert result.verdict in (Verdict.TAMPERED, Verdict.MALFORMED), name
    expired = gate.verify_text(lane, text, now=NOW + timedelta(hours=73))
    assert expired.verdict is Verdict.EXPIRED
    # None of the refused texts marked the slip as used.
    assert gate.first_use(lane, key_id(key.public_key()).hex(), truck_id) is None


def test_keys_of_other_workstations_and_revocation(
    lane: Store, truck_id: str, key: Ed25519PrivateKey, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = Ed25519PrivateKey.generate()
    claims = _issue(lane, truck_id, key).claims
    text = seal(DocumentKind.SLIP, dict(claims, id="other-slip"), other)
    assert gate.verify_text(lane, text, now=NOW).verdict is Verdict.UNKNOWN_SIGNER
    known = {key_id(other.public_key()).hex(): (other.public_key(), False)}
    monkeypatch.setattr(sync_state, "workstation_public_keys", lambda store: known, raising=False)
    assert gate.verify_text(lane, text, now=NOW, mark_used=False).verdict is Verdict.VALID
    known[key_id(other.public_key()).hex()] = (other.public_key(), True)
    revoked = gate.verify_text(lane, text, now=NOW)
    assert revoked.verdict is Verdict.UNKNOWN_SIGNER and "revoked" in revoked.reason


def test_a_report_code_is_never_marked_used(lane: Store, key: Ed25519PrivateKey) -> None:
    claims = {"v": 1, "id": "r1", "iat": int(NOW.timestamp()), "port": "ALA", "digest": "00"}
    text = seal(DocumentKind.REPORT, claims, key)
    for _ in range(2):
        result = gate.verify_text(lane, text, now=NOW)
        assert result.verdict is Verdict.VALID and result.kind is DocumentKind.REPORT
    assert lane.conn.execute("SELECT count(*) FROM used_slips").fetchone()[0] == 0


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_cli_slip_and_verify(
    lane: Store,
    truck_id: str,
    key: Ed25519PrivateKey,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert cli.main(["slip", truck_id, "--payload"]) == 0
    text = capsys.readouterr().out.strip()
    assert text.startswith("GP1:")
    for name, size in (("s.pdf", ["--size", "a5"]), ("s.png", [])):
        assert cli.main(["slip", truck_id, "-o", str(tmp_path / name), *size]) == 0
        assert (tmp_path / name).stat().st_size > 500
        # The command says the time the way the slip prints it: in the lane's offset.
        written = capsys.readouterr().out
        assert "valid until " in written and written.rstrip().endswith("+0800.")
    assert cli.main(["verify", text, "--json", "--officer", "GATE1"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert {"valid", "kind", "verdict", "claims", "reason"} <= payload.keys()
    assert payload["valid"] is True and payload["kind"] == "slip"
    _stdin(monkeypatch, text.encode() + b"\r\n")
    assert cli.main(["verify", "-"]) == 1
    assert "ALREADY USED" in capsys.readouterr().out
    _stdin(monkeypatch, b"\xef\xbb\xbf" + text.encode() + b"\r\n")  # saved by Notepad
    assert cli.main(["verify", "-", "--no-mark"]) == 1
    assert "ALREADY USED" in capsys.readouterr().out
    _stdin(monkeypatch, bytes(range(256)) * 4)
    assert cli.main(["verify", "-", "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["verdict"] == "malformed"


@pytest.mark.parametrize(
    ("argv", "status", "message"),
    [
        (["{passenger}", "--payload"], 1, "passenger clearance"),
        (["{missing}", "--payload"], 1, "no record"),
        (["{truck}", "-o", "{tmp}/slip.txt"], 2, ".pdf or .png"),
        (["{truck}", "-o", "{tmp}/missing/slip.pdf"], 3, "does not exist"),
        (["{truck}", "-o", "{tmp}/slip.png", "--size", "a5"], 2, "--size is the paper of a PDF"),
        (["{truck}", "--payload", "--size", "a5"], 2, "--size is the paper of a PDF"),
        (["{truck}", "--payload", "--lang", "fr"], 2, "written in en or zh_CN, not 'fr'"),
    ],
)
def test_cli_slip_bad_input(
    lane: Store,
    save_at: SaveAt,
    truck_id: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    status: int,
    message: str,
) -> None:
    values = {
        "{passenger}": str(save_at(factories.passenger(), day(9)).id),
        "{missing}": str(uuid.UUID(int=9)),
        "{truck}": truck_id,
        "{tmp}": str(tmp_path),
    }
    for placeholder, value in values.items():
        argv = [arg.replace(placeholder, value) for arg in argv]
    assert cli.main(["slip", *argv]) == status
    assert message in capsys.readouterr().err


def test_a_record_is_named_by_the_start_or_the_end_of_its_id(
    lane: Store, save_at: SaveAt, capsys: pytest.CaptureFixture[str]
) -> None:
    # A vehicle and its driver are saved in the same millisecond: their ids start alike.
    made = day(9)
    vehicle, driver = new_id(made), new_id(made)
    save_at(factories.truck(declaration_number=None), made, record_id=vehicle)
    save_at(factories.passenger(), made, record_id=driver)
    text = str(vehicle)
    assert str(driver)[:14] == text[:14]
    assert slip.find_record_id(lane, text[-8:]) == text
    assert slip.find_record_id(lane, text[-17:].upper()) == text  # as printed, hyphen and all
    assert slip.find_record_id(lane, f" {text[:24]} ") == text
    with pytest.raises(SlipRefused, match="matches several records"):
        slip.find_record_id(lane, text[:14])
    with pytest.raises(SlipRefused, match="no record"):
        slip.find_record_id(lane, "ffffffff")
    with pytest.raises(InputError, match="first or last 8 characters"):
        slip.find_record_id(lane, text[-7:])
    assert cli.main(["slip", text[-12:], "--payload"]) == 0
    assert capsys.readouterr().out.startswith("GP1:")


def test_a_slip_is_valid_for_at_most_thirty_days(
    lane: Store, truck_id: str, key: Ed25519PrivateKey, capsys: pytest.CaptureFixture[str]
) -> None:
    assert slip.MAX_VALIDITY.total_seconds() == slip_command.MAX_VALID_HOURS * 3600
    for valid_for in (slip.MAX_VALIDITY + timedelta(seconds=1), timedelta(0)):
        with pytest.raises(InputError, match="up to 30 days"):
            slip.issue_slip(lane, truck_id, key, now=NOW, valid_for=valid_for)
    issued = slip.issue_slip(lane, truck_id, key, now=NOW, valid_for=slip.MAX_VALIDITY)
    assert issued.claims["exp"] - issued.claims["iat"] == 30 * 24 * 3600
    for hours in ("721", "99999999999999999999"):
        with pytest.raises(SystemExit) as exit_info:
            cli.main(["slip", truck_id, "--payload", "--valid-hours", hours])
        assert exit_info.value.code == 2
        assert "--valid-hours: must be at most 720" in capsys.readouterr().err


def test_verify_at_another_port(lane: Store, truck_id: str, key: Ed25519PrivateKey) -> None:
    text = _issue(lane, truck_id, key).text
    lane.configure_workstation(VEHICLE_WORKSTATION.model_copy(update={"port_code": "ALA"}))
    result = gate.verify_text(lane, text, now=NOW)
    assert result.verdict is Verdict.WRONG_PORT and "KHG" in result.reason


def test_a_genuine_slip_for_a_vehicle_not_cleared_does_not_let_it_pass(
    lane: Store, truck_id: str, key: Ed25519PrivateKey, capsys: pytest.CaptureFixture[str]
) -> None:
    # Signed by a real workstation key (an older version issued such slips): the decision on
    # the slip is what the gate goes by.
    claims = _issue(lane, truck_id, key).claims
    for decision in ("refused", "referred", None):
        text = seal(DocumentKind.SLIP, dict(claims, dec=decision, id=f"slip-{decision}"), key)
        result = gate.verify_text(lane, text, now=NOW)
        assert result.verdict is Verdict.NOT_CLEARED and not result.valid, decision
        assert f"recorded as {decision}" in result.reason
    now = int(datetime.now(UTC).timestamp())  # the command checks at the real time
    current = dict(claims, dec="refused", id="slip-cli", iat=now, exp=now + 3600)
    text = seal(DocumentKind.SLIP, current, key)
    assert cli.main(["--data-dir", str(lane.path.parent), "verify", text, "--no-mark"]) == 1
    assert capsys.readouterr().out.startswith("NOT CLEARED: the vehicle was recorded as refused")


def test_a_slip_whose_record_was_voided_or_amended_here_no_longer_passes(
    lane: Store, save_at: SaveAt, key: Ed25519PrivateKey
) -> None:
    voided, refused = (save_at(factories.truck(), day(9)) for _ in range(2))
    slips = {record.id: _issue(lane, str(record.id), key).text for record in (voided, refused)}
    save_at(Void(target_id=voided.id, reason="wrong vehicle", approved_by="SUP01"), day(10))
    save_at(
        Amendment(
            target_id=refused.id,
            reason="seal found broken at the barrier",
            approved_by="SUP01",
            replacement=factories.truck(
                decision=Decision.REFUSED, refusal_ground=RefusalGround.SEAL_BROKEN
            ),
        ),
        day(10),
    )
    first = gate.verify_text(lane, slips[voided.id], now=NOW)
    assert first.verdict is Verdict.NOT_CLEARED and "voided" in first.reason
    second = gate.verify_text(lane, slips[refused.id], now=NOW)
    assert second.verdict is Verdict.NOT_CLEARED and "amended here to refused" in second.reason
    # Not counted as a use: the slip stays refused however often it is shown.
    assert gate.first_use(lane, first.key_id or "", str(voided.id)) is None


@pytest.fixture
def machine_in_utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """This computer's clock in UTC, eight hours behind the port the records are made at."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_verify_prints_the_times_as_the_slip_does_and_json_keeps_unix_seconds(
    lane: Store,
    truck_id: str,
    key: Ed25519PrivateKey,
    capsys: pytest.CaptureFixture[str],
    machine_in_utc: None,
) -> None:
    issued = _issue(lane, truck_id, key)
    printed = dict(slip.slip_lines(issued, "en"))
    text = issued.text
    cli.main(["verify", text, "--no-mark"])
    out = capsys.readouterr().out
    # Word for word what the slip in the driver's hand says, not this computer's zone.
    assert f"  iat: {printed['Issued']}\n" in out and printed["Issued"] == "2026-11-20 20:00 +0800"
    assert f"  exp: {printed['Valid until']}\n" in out
    assert "  off: 480\n" in out
    # The verdict's own times too (here: the slip is past its validity, checked now).
    assert out.startswith(f"EXPIRED: expired {printed['Valid until']} (slip)\n")
    assert "UTC" not in out
    cli.main(["verify", text, "--no-mark", "--json"])
    claims = json.loads(capsys.readouterr().out)["claims"]
    issued = int(NOW.timestamp())
    assert (claims["iat"], claims["exp"]) == (issued, issued + 72 * 3600)


def _pdf_text(path: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(path).pages).replace("\x00", "")


def test_the_slip_prints_coded_fields_as_words(
    lane: Store, save_at: SaveAt, key: Ed25519PrivateKey, tmp_path: Path
) -> None:
    carrier = factories.truck(
        vehicle_kind=VehicleKind.CAR_CARRIER,
        cargo_category=CargoCategory.COMPLETE_VEHICLES,
        containers=(),
        vins=(make_vin("LSV", "A1000", "TA100000"),),
    )
    issued = _issue(lane, str(save_at(carrier, day(9)).id), key)
    english = dict(slip.slip_lines(issued, "en"))
    assert english["Vehicle kind"] == "Car carrier"
    assert (english["Direction"], english["Decision"]) == ("Exit", "CLEARED")
    # The Chinese slip takes its words from the same table.
    chinese = dict(slip.slip_lines(issued, "zh_CN"))
    assert (chinese["车型"], chinese["方向"], chinese["结论"]) == ("商品车运输车", "出境", "放行")
    path = tmp_path / "slip.pdf"
    path.write_bytes(slip.render_pdf(issued, size="a5"))
    printed = _pdf_text(path)
    assert "Car carrier" in printed and "car_carrier" not in printed
    assert "Exit" in printed and "exit\n" not in printed


@pytest.mark.parametrize("size", ["80mm", "png"])
def test_a_receipt_breaks_the_record_id_after_a_hyphen_never_inside_a_part(
    lane: Store, save_at: SaveAt, key: Ed25519PrivateKey, tmp_path: Path, size: str
) -> None:
    issued = _issue(lane, str(save_at(factories.truck(), day(9)).id), key)
    if size == "png":
        value = dict(slip.slip_lines(issued, "en"))["Record id"]
        lines = slip._wrapped(slip._broken_at_hyphens(value, len, 30), 30)
    else:
        path = tmp_path / "slip.pdf"
        path.write_bytes(slip.render_pdf(issued, size="80mm"))
        printed = _pdf_text(path).splitlines()
        start = next(i for i, line in enumerate(printed) if issued.record_id[:8] in line)
        first = printed[start]
        lines = [first[first.index(issued.record_id[:8]) :], printed[start + 1].strip()]
    assert len(lines) == 2 and lines[0].endswith("-"), lines
    assert "".join(lines) == issued.record_id
    parts = issued.record_id.split("-")
    assert lines[1] in ("-".join(parts[i:]) for i in range(1, len(parts)))


def test_a_line_is_broken_at_hyphens_only_where_it_does_not_fit() -> None:
    def broken(value: str, room: int) -> list[str]:
        return slip._broken_at_hyphens(value, len, room).split("\n")

    uuid_text = "01a24bce-d968-73ea-a95f-9ea38989b145"
    assert broken(uuid_text, 36) == [uuid_text]
    assert broken(uuid_text, 30) == ["01a24bce-d968-73ea-a95f-", "9ea38989b145"]
    assert broken(uuid_text, 15) == ["01a24bce-d968-", "73ea-a95f-", "9ea38989b145"]
    # A part longer than the line stays whole here (the renderer wraps it as it must).
    assert broken("ABCDEFGHIJKL-MN", 8) == ["ABCDEFGHIJKL-", "MN"]
    # Text with spaces, and lines that fit, are left to wrap at their spaces.
    assert broken("CSQU3054383  Seals: CN1-2-3", 10) == ["CSQU3054383  Seals: CN1-2-3"]
    assert broken("LEB-1234\nshort", 30) == ["LEB-1234", "short"]


def test_every_code_a_printed_document_shows_reads_as_a_word() -> None:
    codes = [*Direction, *Decision, *VehicleKind, *CargoCategory, "no_hit", "not_checked"]
    for code in codes:
        word = label(str(code), "en")
        assert word[0].isupper() and "_" not in word, code
        assert label(str(code), "zh_CN") != str(code), code  # and has its Chinese word
    assert label("cleared_with_approval", "en") == "Cleared with approval"
    # English labels are printed as they are written, lower-case words included.
    assert [label(text, "en") for text in ("Port", "not closed", "of", "pages")] == [
        "Port",
        "not closed",
        "of",
        "pages",
    ]


def test_containers_are_listed_once_each_with_its_seals(
    lane: Store, save_at: SaveAt, key: Ed25519PrivateKey, tmp_path: Path
) -> None:
    loads = (
        ContainerLoad(number="CSQU3054383", seals=("CN12345678",)),
        ContainerLoad(number=make_container("MSCU", "123456"), seals=("CN1111", "CN2222")),
        ContainerLoad(number=make_container("TGHU", "765432"), seals=()),
    )
    issued = _issue(lane, str(save_at(factories.truck(containers=loads), day(9)).id), key)
    third = loads[2].number
    receipt = slip.slip_lines(issued, "en")
    assert [name for name, _ in receipt].count("Containers (3)") == 1
    assert not any(name == "Containers" for name, _ in receipt)
    assert dict(receipt)["Containers (3)"] == (
        f"CSQU3054383\n  Seals: CN12345678\n{loads[1].number}\n  Seals: CN1111, CN2222\n"
        f"{third}\n  Seals: –"
    )
    # A5 has room for a container and its seals on one line.
    sheet = dict(slip.slip_lines(issued, "en", vin_separator="  "))
    assert sheet["Containers (3)"].splitlines()[1] == f"{loads[1].number}  Seals: CN1111, CN2222"
    for size in slip.SLIP_SIZES:
        path = tmp_path / f"slip-{size}.pdf"
        path.write_bytes(slip.render_pdf(issued, size=size))
        printed = _pdf_text(path)
        assert printed.count("Containers") == 1 and third in printed


def test_the_png_slip_wraps_between_words(
    lane: Store, save_at: SaveAt, key: Ed25519PrivateKey
) -> None:
    # A seal number is not cut in two where the line runs out.
    assert slip._wrapped("CSQU3054383\n  Seals: CN11111111, CN22222222, CN333", 30) == [
        "CSQU3054383",
        "  Seals: CN11111111,",
        "  CN22222222, CN333",
    ]
    assert slip._wrapped("68584c16-e356-4b4a-9943-0d9b3f7e031b", 30) == [
        "68584c16-e356-4b4a-9943-0d9b3f",
        "7e031b",
    ]


def test_the_slip_prints_its_times_in_the_record_s_offset_whatever_this_machine_s_zone(
    lane: Store, save_at: SaveAt, key: Ed25519PrivateKey, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    try:
        issued = _issue(lane, str(save_at(factories.truck(), day(9)).id), key)
        printed = dict(slip.slip_lines(issued, "en"))
    finally:
        monkeypatch.undo()
        time.tzset()
    # NOW is 12:00 UTC: 20:00 at the port, eight hours ahead.
    assert printed["Time"] == "2026-11-20 09:00 +0800"
    assert printed["Issued"] == "2026-11-20 20:00 +0800"
    assert printed["Valid until"] == "2026-11-23 20:00 +0800"
    assert slip.slip_time(issued, issued.expires_at) == printed["Valid until"]


def test_the_gate_says_every_time_as_the_slip_prints_it(
    lane: Store, truck_id: str, key: Ed25519PrivateKey, machine_in_utc: None
) -> None:
    issued = _issue(lane, truck_id, key)
    printed = dict(slip.slip_lines(issued, "en"))
    assert issued.claims["off"] == 480  # the record's offset, sealed with the slip
    assert gate.verify_text(lane, issued.text, now=NOW, officer="GATE1").valid
    again = gate.verify_text(lane, issued.text, now=NOW + timedelta(hours=1))
    assert again.reason == f"already used {printed['Issued']} by GATE1"
    late = gate.verify_text(lane, issued.text, now=NOW + timedelta(days=4))
    assert late.reason == f"expired {printed['Valid until']}"
    early = gate.verify_text(lane, issued.text, now=NOW - timedelta(hours=1), mark_used=False)
    assert (
        early.reason
        == f"issued {printed['Issued']}, which is still in the future; check the clocks"
    )
    # A slip printed before the offset was sealed with it: in this computer's offset (here
    # UTC), said as plainly.
    claims = {name: value for name, value in issued.claims.items() if name != "off"}
    old = seal(DocumentKind.SLIP, claims, key)
    late = gate.verify_text(lane, old, now=NOW + timedelta(days=4))
    assert late.reason == "expired 2026-11-23 12:00 +0000"


def test_a_slip_without_an_offset_verifies_and_says_its_times_in_the_gate_s_offset(
    lane: Store,
    truck_id: str,
    key: Ed25519PrivateKey,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    issued = _issue(lane, truck_id, key)
    claims = {name: value for name, value in issued.claims.items() if name != "off"}
    old = seal(DocumentKind.SLIP, claims, key)
    # A gate five and a half hours ahead of UTC: not the +0800 the paper printed, nor UTC.
    monkeypatch.setenv("TZ", "Asia/Kolkata")
    time.tzset()
    try:
        assert gate.verify_text(lane, old, now=NOW, officer="GATE1").valid
        again = gate.verify_text(lane, old, now=NOW + timedelta(hours=1))
        late = gate.verify_text(lane, old, now=NOW + timedelta(days=4), mark_used=False)
        cli.main(["verify", old, "--no-mark"])
        out = capsys.readouterr().out
        cli.main(["verify", old, "--no-mark", "--json"])
        shown = json.loads(capsys.readouterr().out)
        cli.main(["verify", issued.text, "--no-mark", "--json"])
        sealed = json.loads(capsys.readouterr().out)
    finally:
        monkeypatch.undo()
        time.tzset()
    assert again.reason == "already used 2026-11-20 17:30 +0530 by GATE1"
    assert late.reason == "expired 2026-11-23 17:30 +0530"
    assert "  iat: 2026-11-20 17:30 +0530\n" in out
    assert (
        "NOTE: the document names no UTC offset (it was made before documents did); its times "
        "are shown in this computer's, +0530.\n" in out
    )
    assert shown["offset_named"] is False and sealed["offset_named"] is True


def test_the_gate_says_an_amendment_here_in_the_window_s_words(
    lane: Store, save_at: SaveAt, key: Ed25519PrivateKey
) -> None:
    record = save_at(factories.truck(), day(9))
    text = _issue(lane, str(record.id), key).text
    save_at(
        Amendment(
            target_id=record.id,
            reason="sent back for a second look",
            approved_by="SUP01",
            replacement=factories.truck(decision=Decision.REFERRED),
        ),
        day(10),
    )
    reason = gate.verify_text(lane, text, now=NOW).reason
    # The words the central's list uses for the same thing, which the window translates.
    assert isinstance(reason, Message)
    assert reason.values["decision"] is DECISION_WORDS["referred"]
    assert (
        reason == "its record was amended here to referred to secondary after the slip was issued"
    )


def _lowest_ink_mm(pdf: bytes, tmp_path: Path) -> tuple[float, float]:
    """The page's height and how far above its bottom edge the lowest printed dot is, in mm
    (a one-page PDF rendered with poppler's pdftoppm)."""
    if shutil.which("pdftoppm") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("pdftoppm (poppler-utils) is required in CI")
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1
    source = tmp_path / "receipt.pdf"
    source.write_bytes(pdf)
    dpi = 100
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(dpi), "-singlefile", str(source), str(tmp_path / "page")],
        check=True,
    )
    with Image.open(tmp_path / "page.png") as image:
        ink = ImageOps.invert(image.convert("L")).point(lambda value: 255 if value > 64 else 0)
        box = ink.getbbox()
        height = image.height
    assert box is not None
    return height * 25.4 / dpi, (height - box[3]) * 25.4 / dpi


@pytest.mark.parametrize("vins", [0, 40])
def test_the_receipt_is_as_long_as_what_is_printed_on_it(
    lane: Store, save_at: SaveAt, key: Ed25519PrivateKey, tmp_path: Path, vins: int
) -> None:
    body = (
        factories.truck(
            vehicle_kind=VehicleKind.CAR_CARRIER,
            cargo_category=CargoCategory.COMPLETE_VEHICLES,
            containers=(),
            vins=tuple(make_vin("LSV", "A1000", f"TA1{i:05d}") for i in range(vins)),
        )
        if vins
        else factories.truck(  # a passenger car: the shortest slip there is
            vehicle_kind=VehicleKind.CAR,
            cargo_category=CargoCategory.NONE,
            containers=(),
            hs_codes=(),
            gross_weight_kg=None,
        )
    )
    issued = _issue(lane, str(save_at(body, day(9)).id), key)
    pdf = slip.render_pdf(issued, size="80mm")
    height, blank = _lowest_ink_mm(pdf, tmp_path)
    # The last line ("Present at the exit gate…") is a tear-off margin above the end of the
    # paper, not tens of millimetres of blank roll.
    assert 4 < blank < 15, (height, blank)
    printed = PdfReader(io.BytesIO(pdf)).pages[0].extract_text().replace("\x00", "")
    assert "Present at the exit gate" in printed
    if vins:
        assert height > 250 and printed.count("LSVA1000") == 40  # every VIN, on the one page
