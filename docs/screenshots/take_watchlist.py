"""The watchlist and sync-problems part of the screenshot walk (called from take.py).

Saves passenger_watchlist_hit, status_watchlist and sync_problems (English and Chinese).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from inspection_client.domain.codes import Decision
from inspection_client.domain.mrz import build_td3
from inspection_client.store.database import Store
from inspection_client.sync import wire
from inspection_client.ui.main_window import MainWindow
from inspection_client.ui.watchlist_alert import source_for
from inspection_client.watchlist.apply import apply_snapshot
from inspection_client.watchlist.payload import LIST_COLUMNS, build_payload

OUT = Path(__file__).resolve().parent
Shot = Callable[[QWidget, str, str], None]
WaitFor = Callable[[Callable[[], object]], None]

LISTS: dict[str, list[dict[str, str]]] = {
    "documents": [
        {"number": "L898902C3", "state": "UTO", "type": "P", "reason": "stolen"},
        {"number": "EA0391245", "state": "CHN", "type": "P", "reason": "lost"},
    ],
    "persons": [
        {
            "id": "P-ERIKSSON",
            "surname": "ERIKSSON",
            "given_names": "ANNA MARIA",
            "birth_date": "1974-08-12",
            "nationality": "UTO",
            "reason": "wanted: document fraud",
            "action": "refuse",
        }
    ],
    "vehicles": [{"id": "V-1", "plate": "新A 12345", "country": "CHN", "reason": "stolen truck"}],
    "containers": [],
}
EARLIER = build_td3(
    issuing_state="CHN",
    document_number="EA0391245",
    surname="ZHANG",
    given_names="WEI",
    nationality="CHN",
    birth_date=date(1990, 2, 14),
    sex="M",
    expiry_date=date(2032, 7, 1),
)
LISTED = build_td3(
    issuing_state="UTO",
    document_number="L898902C3",
    surname="ERIKSSON",
    given_names="ANNA MARIA",
    nationality="UTO",
    birth_date=date(1974, 8, 12),
    sex="F",
    expiry_date=date(2034, 4, 15),
)


def publish(store: Store) -> None:
    key = Ed25519PrivateKey.generate()
    issued = datetime.now(UTC) - timedelta(hours=3, minutes=10)
    payload = build_payload(
        {
            name: {column: [row.get(column, "") for row in rows] for column in LIST_COLUMNS[name]}
            for name, rows in LISTS.items()
        }
    )
    snapshot = wire.Snapshot(
        kind=wire.ReferenceKind.WATCHLIST,
        version=12,
        issued_at=issued,
        expires_at=issued + timedelta(days=7),
        payload=payload,
    )
    signed = wire.SignedSnapshot(snapshot=snapshot, signature=wire.sign(snapshot, key))
    apply_snapshot(store, signed, central_key=key.public_key())


def reject_some(store: Store) -> None:
    """Two records the central would not take, as a sync round would have marked them."""
    with store.write() as conn:
        seqs = [
            r[0]
            for r in conn.execute(
                "SELECT seq FROM records WHERE kind = 'passenger' ORDER BY seq LIMIT 2"
            )
        ]
        details = [
            "record_schema: document.expiry_date is before birth_date",
            "conflict: same id, different content (quarantined at the central)",
        ]
        states = ("rejected", "conflict")
        for seq, state, detail in zip(seqs, states, details, strict=True):
            conn.execute(
                "INSERT INTO outbox(seq, state, attempts, detail) VALUES (?, ?, 3, ?) "
                "ON CONFLICT(seq) DO UPDATE SET state = excluded.state, "
                "detail = excluded.detail, attempts = 3",
                (seq, state, detail),
            )


def run(window: MainWindow, fn: Callable[[Store], Any]) -> None:
    done: list[bool] = []
    window.ops.run(fn, lambda _r: done.append(True))
    while not done:
        QTest.qWait(50)


def walk_watchlist(window: MainWindow, lang: str, shot: Shot, wait_for: WaitFor) -> None:
    lane = window.passenger
    window.show_screen(lane)
    # Cleared before the snapshot arrived: the snapshot's re-check raises an alert on it.
    lane.passenger.ui.mrzEdit.setPlainText("\n".join(EARLIER) + "\n")
    lane.decide(Decision.CLEARED)
    wait_for(lambda: lane.passenger.is_blank())
    run(window, publish)
    source = source_for(window.ops)
    source.refresh()
    wait_for(lambda: source.status is not None and source.status.version == 12)
    lane.passenger.ui.mrzEdit.setPlainText("\n".join(LISTED) + "\n")
    wait_for(lambda: lane.alert_dialog is not None)
    dialog = lane.alert_dialog
    assert dialog is not None
    shot(window, "passenger_watchlist_hit", lang)
    dialog.accept()
    QTest.qWait(200)
    status_shot(window, lang)
    lane.passenger.clear()
    run(window, reject_some)
    screen: Any = getattr(window, "sync_problems")  # noqa: B009 (set by the register call)
    window.show_screen(screen)
    screen.refresh()
    wait_for(lambda: screen.problems)
    shot(window, "sync_problems", lang)


def status_shot(window: MainWindow, lang: str) -> None:
    QApplication.processEvents()
    bar: QWidget = window.statusBar()
    top_left = bar.mapToGlobal(bar.rect().topLeft())
    if QApplication.platformName() == "xcb":
        pixmap = bar.screen().grabWindow(0, top_left.x(), top_left.y(), bar.width(), bar.height())
    else:
        pixmap = bar.grab()
    pixmap.save(str(OUT / f"status_watchlist_{lang}.png"))
    print(f"saved status_watchlist_{lang}.png")
