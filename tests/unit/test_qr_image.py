"""QR rendering of sealed texts, read back with an independent decoder (zxing-cpp)."""

from __future__ import annotations

import io
import random
from datetime import UTC, datetime

import pytest
import qrcode
import qrcode.util
import zxingcpp
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PIL import Image

from inspection_client.reports import qr_image
from inspection_client.reports.sealed_qr import DocumentKind, Verdict, key_id, seal, unseal

KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
KNOWN = {key_id(KEY.public_key()): KEY.public_key()}
ISSUED = 1_790_000_000
AT_THE_GATE = datetime.fromtimestamp(ISSUED + 3_600, UTC)
_VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"  # VINs never use I, O or Q


def car_carrier_slip(vin_count: int = 30) -> str:
    """A car carrier leaving with ``vin_count`` new cars and two containers."""
    rng = random.Random(4711)
    # Random serials compress worse than a real carrier's runs of one make: an upper bound.
    vins = ["WDD" + "".join(rng.choice(_VIN_CHARS) for _ in range(14)) for _ in range(vin_count)]
    claims = {
        "v": 1, "id": "GP-2026-000123", "iat": ISSUED, "exp": ISSUED + 86_400,
        "port": "DEHAM", "lane": "C3", "dir": "out", "dec": "release",
        "plates": ["HH-AB 1234", "HH-XY 987"], "vins": vins,
        "containers": ["MSCU1234565", "TGHU7654321"], "seals": ["DE123456", "DE123457"],
        "officer": "4711", "decl": "26DE123456789012E1",
    }  # fmt: skip
    return seal(DocumentKind.SLIP, claims, KEY)


def scan(image: Image.Image) -> list[str]:
    return [result.text for result in zxingcpp.read_barcodes(image)]


def test_car_carrier_slip_scans_back_and_verifies() -> None:
    text = car_carrier_slip()
    # Measured: 1,021 characters; version 21 at M (101 x 101 modules), v18 at L, v25 at Q.
    # For comparison: no VINs v13, 10 VINs v17, 20 VINs v19, 40 VINs v23, 60 VINs v26 (at M).
    assert len(text) < 1_100
    assert qr_image.qr_version(text) == 21
    results = zxingcpp.read_barcodes(qr_image.render_image(text))
    assert len(results) == 1
    assert results[0].format == zxingcpp.BarcodeFormat.QRCode
    assert results[0].text == text
    verdict = unseal(results[0].text, KNOWN.get, now=AT_THE_GATE, expected_port="DEHAM")
    assert verdict.verdict is Verdict.VALID


def test_png_scans_back() -> None:
    text = car_carrier_slip(vin_count=5)
    png = qr_image.render_png(text)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert scan(Image.open(io.BytesIO(png))) == [text]


def test_short_report_at_q_scans_back() -> None:
    claims = {"v": 1, "id": "SR-7", "iat": ISSUED, "digest": "AB" * 32, "counts": {"cleared": 4}}
    text = seal(DocumentKind.REPORT, claims, KEY)
    image = qr_image.render_image(text, error_correction="Q", module_pixels=3)
    assert scan(image) == [text]
    assert unseal(scan(image)[0], KNOWN.get, now=AT_THE_GATE).valid
    assert qr_image.qr_version(text, error_correction="Q") > qr_image.qr_version(text)


def test_text_is_one_alphanumeric_segment() -> None:
    text = car_carrier_slip(vin_count=10)
    code = qr_image.build_qr(text)
    assert [segment.mode for segment in code.data_list] == [qrcode.util.MODE_ALPHA_NUM]
    # The point of Base45: byte mode would need a markedly bigger code.
    byte_mode = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M)
    byte_mode.add_data(qrcode.util.QRData(text.encode("ascii"), mode=qrcode.util.MODE_8BIT_BYTE))
    byte_mode.make(fit=True)
    assert byte_mode.version >= code.version + 3


def test_image_has_the_quiet_zone() -> None:
    text = car_carrier_slip(vin_count=0)
    version = qr_image.qr_version(text)
    image = qr_image.render_image(text, module_pixels=2)
    modules = 17 + 4 * version + 2 * qr_image.QUIET_ZONE_MODULES
    assert image.size == (modules * 2, modules * 2)
    quiet = image.crop((0, 0, image.width, qr_image.QUIET_ZONE_MODULES * 2))
    assert quiet.getextrema() == (255, 255)


@pytest.mark.parametrize("text", ["", "gp1:abc", "GP1:ABC\n", "GP1:ÄBC", "GP1:A_B"])
def test_refuses_text_outside_the_alphanumeric_set(text: str) -> None:
    with pytest.raises(ValueError):
        qr_image.build_qr(text)


def test_refuses_text_too_long_for_any_qr_code() -> None:
    with pytest.raises(ValueError, match="too long"):
        qr_image.build_qr("A" * 3_392)  # one past version 40 at M
    with pytest.raises(ValueError):
        qr_image.build_qr("0" * 4_297)
    with pytest.raises(ValueError):
        qr_image.build_qr("0" * 2_000, error_correction="H")
