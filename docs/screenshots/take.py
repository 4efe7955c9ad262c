"""Screenshots of the real workstation window, in English and Chinese, for docs/gui.md.

Run under a virtual X server so that the real platform plug-in (xcb) renders the window:

    Xvfb :91 -screen 0 1366x768x24 & DISPLAY=:91 QT_QPA_PLATFORM=xcb \
        python docs/screenshots/take.py

It sets up a demo workstation in a temporary directory, signs in as DEMO01 and walks through
the screens, saving docs/screenshots/<screen>_<language>.png.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from take_documents import walk_documents  # docs/screenshots/, next to this script
from take_watchlist import walk_watchlist  # docs/screenshots/, next to this script

from inspection_client import paths
from inspection_client.domain.codes import Decision
from inspection_client.domain.mrz import build_td3
from inspection_client.ui import language, style
from inspection_client.ui.main_window import MainWindow
from inspection_client.ui.operations import Operations

OUT = Path(__file__).resolve().parent
VINS = ("LSVAU218XN2183294", "LFV3A23C5N3105238", "LGWEF4A51NH251843")
CONTAINERS = (
    ("MSKU1234565", "CN2201457, CN2201458"),
    ("TGHU7614327", "CN2201459"),
)


def wait_for(condition: Callable[[], object], timeout_ms: int = 60_000) -> None:
    waited = 0
    while not condition():
        QTest.qWait(50)
        waited += 50
        if waited > timeout_ms:
            raise TimeoutError("the window did not get there in time")


def shot(widget: QWidget, name: str, lang: str) -> None:
    QTest.qWait(300)
    QApplication.processEvents()
    screen = widget.screen()
    pixmap = screen.grabWindow(0) if QApplication.platformName() == "xcb" else widget.grab()
    path = OUT / f"{name}_{lang}.png"
    pixmap.save(str(path))
    print(f"saved {path.name}")


def walk(window: MainWindow, lang: str) -> None:
    wait_for(lambda: window.login.ui.loginButton.isEnabled())
    shot(window, "login", lang)
    window.login.ui.codeEdit.setText("DEMO01")
    window.login.ui.pinEdit.setText("2468")
    window.login.submit()
    wait_for(lambda: window.dialog is not None or window.session is not None)
    if window.session is None:
        shot(window, "dialog_open_shift", lang)
        window.dialog.accept()
        wait_for(lambda: window.session is not None)
    window.show_screen(window.passenger)
    line1, line2 = build_td3(
        issuing_state="PAK",
        document_number="BX4417203",
        surname="KHAN",
        given_names="AYESHA",
        nationality="PAK",
        birth_date=date(2011, 3, 9),
        sex="F",
        expiry_date=date(2031, 5, 30),
    )
    window.passenger.passenger.ui.mrzEdit.setPlainText(f"{line1}\n{line2}\n")
    shot(window, "passenger_lane", lang)
    # A misread digit: which check fails, and what it expected, in the window's language.
    misread = line2[:9] + str((int(line2[9]) + 3) % 10) + line2[10:]
    window.passenger.passenger.ui.mrzEdit.setPlainText(f"{line1}\n{misread}\n")
    shot(window, "passenger_check_failed", lang)
    window.passenger.passenger.clear()
    window.show_screen(window.vehicle)
    fields = window.vehicle.vehicle.ui
    fields.plateEdit.setText("新F·A1234")
    fields.countryEdit.setText("CHN")
    fields.vehicleKindCombo.setCurrentIndex(fields.vehicleKindCombo.findData("car_carrier"))
    fields.cargoCombo.setCurrentIndex(fields.cargoCombo.findData("complete_vehicles"))
    for vin in VINS:
        fields.vinEdit.setText(vin)
        window.vehicle.vehicle._add_vin()
    driver = build_td3(
        issuing_state="CHN",
        document_number="E12345678",
        surname="MAIMAITI",
        given_names="ALIMJAN",
        nationality="CHN",
        birth_date=date(1985, 6, 1),
        sex="M",
        expiry_date=date(2030, 1, 1),
    )
    fields.driverMrzEdit.setPlainText("\n".join(driver))
    shot(window, "vehicle_lane", lang)
    window.vehicle.decide(Decision.REFUSED)
    wait_for(lambda: window.vehicle.refusal_dialog is not None)
    shot(window, "dialog_refusal", lang)
    window.vehicle.refusal_dialog.reject()
    # A form that cannot be saved: what to fix, in the form's words; nothing typed is lost.
    fields.plateEdit.setText("x")
    fields.countryEdit.setText("zz9")
    window.vehicle.decide(Decision.CLEARED)
    wait_for(lambda: window.vehicle.ui.formMessageLabel.text())
    shot(window, "vehicle_form_problem", lang)
    # A container truck: the containers and seals take the place of the VINs.
    window.vehicle.vehicle.clear()
    window.vehicle.ui.formMessageLabel.clear()
    fields.plateEdit.setText("新F·B7788")
    fields.countryEdit.setText("CHN")
    fields.vehicleKindCombo.setCurrentIndex(fields.vehicleKindCombo.findData("tractor_trailer"))
    fields.cargoCombo.setCurrentIndex(fields.cargoCombo.findData("general"))
    for number, seals in CONTAINERS:
        fields.containerEdit.setText(number)
        fields.sealsEdit.setText(seals)
        window.vehicle.vehicle.containers.add_container()
    fields.driverMrzEdit.setPlainText("\n".join(driver))
    shot(window, "vehicle_truck", lang)
    window.vehicle.vehicle.clear()
    window.show_screen(window.history)
    wait_for(lambda: window.history.model.rowCount() > 0)
    shot(window, "history", lang)
    walk_watchlist(window, lang, shot, wait_for)
    walk_documents(window, lang, shot, wait_for)


def main() -> int:
    app = QApplication(sys.argv[:1])
    style.apply(app)
    for lang in ("en", "zh_CN"):
        language.install(lang)
        with tempfile.TemporaryDirectory() as tmp:
            data_dir = Path(tmp)
            ops = Operations(paths.database_file(data_dir))
            window = MainWindow(ops, data_dir, demo=True, explicit_language=True, sync=False)
            window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, False)
            window.resize(1366, 768)
            window.show()
            window.move(0, 0)
            window.start()
            try:
                walk(window, lang)
            finally:
                window.shutdown()
                window.deleteLater()
                QTest.qWait(100)
    return 0


if __name__ == "__main__":
    sys.exit(main())
