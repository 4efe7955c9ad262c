"""Fixtures of the reports tests: a large seeded store (once per session), small stores, keys."""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PIL import Image

from inspection_client import paths, seeding
from inspection_client.domain.codes import LaneKind, Role
from inspection_client.domain.models import Officer, RecordBody, Workstation
from inspection_client.store import officers, records
from inspection_client.store.database import Store
from inspection_client.store.records import Draft
from inspection_client.sync import keys

VEHICLE_WORKSTATION = Workstation(
    workstation_id="TEST-KHG-V01", port_code="KHG", lane_id="V01", lane_kind=LaneKind.VEHICLE
)
CHINA = seeding.CHINA_TIME


@pytest.fixture(scope="session")
def big_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """100,000 seeded clearances over 14 days (read-only for the tests that use it)."""
    directory = tmp_path_factory.mktemp("big")
    store = Store.open(paths.database_file(directory))
    seeding.seed(store, clearances=100_000, days=14)
    try:
        yield store
    finally:
        store.close()


@pytest.fixture
def lane(data_dir: Path) -> Iterator[Store]:
    """A vehicle lane at port KHG with a supervisor account, in the test's data directory."""
    store = Store.open(paths.database_file(data_dir))
    store.configure_workstation(VEHICLE_WORKSTATION)
    officers.add_officer(store, Officer(code="SUP01", name="Sup", role=Role.SUPERVISOR), None)
    try:
        yield store
    finally:
        store.close()


@pytest.fixture
def key(data_dir: Path) -> Ed25519PrivateKey:
    """This workstation's own signing key, in its data directory."""
    return keys.load_or_create(paths.workstation_key_file(data_dir))


SaveAt = Callable[..., records.Record]


@pytest.fixture
def save_at(lane: Store) -> SaveAt:
    """Save a body at a given device time, in a shift."""

    def save(
        body: RecordBody,
        at: datetime,
        shift_id: uuid.UUID | None = None,
        officer: str = "OFF01",
        record_id: uuid.UUID | None = None,
    ) -> records.Record:
        draft = Draft(body, officer, shift_id, at, record_id)
        return records.save_many(lane, [draft])[0]

    return save


def day(hour: int, minute: int = 0, *, plus_days: int = 0) -> datetime:
    return datetime(2026, 11, 20, hour, minute, tzinfo=CHINA) + timedelta(days=plus_days)


def decode_qr_codes(pdf: Path, tmp_path: Path) -> list[str]:
    """Render every page at 200 dpi with poppler's pdftoppm and read the QR codes on it."""
    zxingcpp: Any = pytest.importorskip("zxingcpp")
    if shutil.which("pdftoppm") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("pdftoppm (poppler-utils) is required in CI")
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    prefix = tmp_path / f"page-{pdf.stem}"
    subprocess.run(["pdftoppm", "-png", "-r", "200", str(pdf), str(prefix)], check=True)
    found: list[str] = []
    for page in sorted(tmp_path.glob(f"{prefix.name}-*.png")):
        with Image.open(page) as image:
            qr_codes = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
            found.extend(result.text for result in qr_codes)
    return found
