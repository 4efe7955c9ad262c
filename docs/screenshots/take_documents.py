"""Screenshots of the Reports and Gate screens and the release-slip preview (called by take.py).

The gate is shown with a slip of a cleared demo vehicle (valid) and with the same slip whose
content a forger changed and re-packed (tampered).
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from typing import Any

import cbor2
from PySide6.QtCore import QDate

from inspection_client.reports import base45
from inspection_client.store.database import Store
from inspection_client.ui.main_window import MainWindow
from inspection_client.ui.slip_printing import SlipPreviewDialog


def cleared_vehicle(store: Store) -> str:
    row = store.conn.execute(
        "SELECT id FROM records WHERE kind = 'vehicle' AND decision = 'cleared' "
        "ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    return str(row[0])


def forged(text: str, container: str) -> str:
    """A container number changed in the signed content and the code re-packed, as a forger
    would print it."""
    prefix = text[:4]
    tag = cbor2.loads(zlib.decompress(base45.decode(text[4:])))
    parts = list(tag.value)
    payload = bytes(parts[2])
    parts[2] = payload.replace(container.encode(), (container[:4] + "7" + container[5:]).encode())
    return prefix + base45.encode(zlib.compress(cbor2.dumps(cbor2.CBORTag(tag.tag, parts))))


def walk_documents(
    window: MainWindow,
    lang: str,
    shot: Callable[[Any, str, str], None],
    wait_for: Callable[[Callable[[], object]], None],
) -> None:
    reports = window.reports
    window.show_screen(reports)
    wait_for(lambda: reports.ui.shiftCombo.count() > 0)
    # The demo's seeded week has no shifts of its own: show it as a period.
    reports.ui.periodRadio.setChecked(True)
    reports.ui.fromDateEdit.setDate(QDate.currentDate().addDays(-7))
    reports.report = None
    reports.show_report()
    wait_for(lambda: reports.report is not None)
    shot(window, "reports", lang)

    found: list[str] = []
    window.ops.run(cleared_vehicle, found.append)
    wait_for(lambda: bool(found))
    window.print_release_slip(found[0])
    wait_for(lambda: isinstance(window.dialog, SlipPreviewDialog))
    preview = window.dialog
    assert isinstance(preview, SlipPreviewDialog)
    preview.move(window.x() + 200, window.y() + 40)
    shot(window, "slip_preview", lang)
    text = preview.issued.slip.text
    container = preview.issued.slip.clearance.containers[0].number
    preview.reject()

    gate = window.gate
    window.show_screen(gate)
    for name, scanned in (("gate_valid", text), ("gate_tampered", forged(text, container))):
        gate.last = None
        gate.ui.scanEdit.setText(scanned)
        gate.check()
        wait_for(lambda: gate.last is not None)
        shot(window, name, lang)
