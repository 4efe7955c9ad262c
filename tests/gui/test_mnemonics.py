"""Alt+letter shortcuts: on every screen, each letter leads to one place only."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QWidget
from pytestqt.qtbot import QtBot

from inspection_client.ui import language
from inspection_client.ui.main_window import MainWindow
from inspection_client.ui.operations import ImmediateOperations

pytestmark = pytest.mark.gui

_MNEMONIC = re.compile(r"&([^&\s])")


def _letters(texts: list[str]) -> list[str]:
    return [m.group(1).upper() for text in texts for m in _MNEMONIC.finditer(text)]


def _texts(screen: QWidget) -> list[str]:
    texts = [label.text() for label in screen.findChildren(QLabel)]
    texts += [button.text() for button in screen.findChildren(QAbstractButton)]
    texts += [box.title() for box in screen.findChildren(QGroupBox)]
    return texts


@pytest.mark.parametrize("code", ["en", "zh_CN"])
def test_no_screen_shares_an_alt_letter_with_another_field_or_a_menu(
    qtbot: QtBot, window: MainWindow, code: str
) -> None:
    language.install(code)
    try:
        menus = _letters([action.text() for action in window.menuBar().actions()])
        assert len(menus) == len(set(menus)), menus
        tabs = window.ui.screens
        for screen in [tabs.widget(i) for i in range(tabs.count())]:
            letters = _letters(_texts(screen)) + menus
            repeated = [letter for letter, n in Counter(letters).items() if n > 1]
            assert repeated == [], (screen.objectName(), code, repeated)
    finally:
        language.install("en")


# The forms of the main window's screens are checked above, together with the menus.
_SCREEN_FORMS = {
    "ui_main_window",
    "ui_lane",
    "ui_history",
    "ui_gate",
    "ui_reports",
    "ui_sync_problems",
    "ui_status_bar",
}


def _form_classes() -> list[tuple[str, type]]:
    import importlib
    import pkgutil

    from inspection_client.ui import forms

    found = []
    for module_info in pkgutil.iter_modules(forms.__path__):
        if module_info.name in _SCREEN_FORMS:
            continue
        module = importlib.import_module(f"{forms.__name__}.{module_info.name}")
        found += [
            (module_info.name, cls)
            for name, cls in vars(module).items()
            if name.startswith("Ui_") and isinstance(cls, type)
        ]
    return sorted(found, key=lambda item: item[0])


@pytest.mark.parametrize("code", ["en", "zh_CN"])
@pytest.mark.parametrize(("module", "form"), _form_classes())
def test_no_dialog_or_form_shares_an_alt_letter_between_two_fields(
    qtbot: QtBot, module: str, form: type, code: str
) -> None:
    from PySide6.QtWidgets import QDialog

    language.install(code)
    try:
        host = QDialog()
        qtbot.addWidget(host)
        ui = form()
        ui.setupUi(host)
        letters = _letters(_texts(host))
        repeated = [letter for letter, n in Counter(letters).items() if n > 1]
        assert repeated == [], (module, code, repeated)
    finally:
        language.install("en")


@pytest.mark.parametrize("code", ["en", "zh_CN"])
@pytest.mark.parametrize("kind", ["passenger", "vehicle"])
def test_the_amend_dialog_and_the_form_in_it_share_no_alt_letter(
    qtbot: QtBot, window: MainWindow, ops: ImmediateOperations, code: str, kind: str
) -> None:
    from inspection_client.store import records
    from inspection_client.ui.supervisor import AmendDialog
    from tests import factories
    from tests.gui.conftest import sign_in

    body = factories.passenger() if kind == "passenger" else factories.truck()
    record = records.save(ops.store, body, officer="OFF1")
    sign_in(qtbot, window)
    language.install(code)
    try:
        dialog = AmendDialog(ops, window.session, record, body, window)
        qtbot.addWidget(dialog)
        QApplication.processEvents()  # the change of language reaches the dialog and its form
        qtbot.wait(20)  # ... and the form gives up its letters again after retranslating
        letters = _letters(_texts(dialog))
        repeated = [letter for letter, n in Counter(letters).items() if n > 1]
        assert repeated == [], (kind, code, repeated)
        labels = [label.text() for label in dialog.fields.findChildren(QLabel)]
        # A letter given up goes whole: no "(C)" left behind in Chinese.
        assert not any("(" + letter + ")" in text for text in labels for letter in "CPRD")
        assert sum("&" in text for text in labels) >= 8  # the others keep theirs
    finally:
        language.install("en")
