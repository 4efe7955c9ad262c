"""Switching the interface language: our catalogue plus Qt's own (stock buttons, dialogs).

Installing a translator sends every widget a LanguageChange event; screens answer it by
calling their form's `retranslateUi` and refreshing the text they compose themselves.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

TRANSLATIONS = Path(__file__).resolve().parent / "resources" / "translations"
LANGUAGES = (("en", "English"), ("zh_CN", "简体中文"))

_installed: list[QTranslator] = []
_current = "en"


def normalise(code: str | None) -> str:
    """'zh', 'zh_CN', 'zh-Hans-CN' -> 'zh_CN'; anything else -> 'en'."""
    if code and code.replace("-", "_").lower().startswith("zh"):
        return "zh_CN"
    return "en"


def current() -> str:
    return _current


def install(code: str | None) -> str:
    """Use the language `code` from now on; returns the normalised code actually used."""
    global _current
    app = QCoreApplication.instance()
    assert app is not None
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _current = normalise(code)
    if _current != "en":
        for name in (f"inspection_client_{_current}", f"qtbase_{_current}"):
            translator = QTranslator(app)
            if translator.load(str(TRANSLATIONS / f"{name}.qm")):
                app.installTranslator(translator)
                _installed.append(translator)
        QLocale.setDefault(QLocale(_current))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    return _current


def qt_catalogue_gaps() -> list[str]:
    """Qt's own strings that its catalogue (qtbase_*.qm) lacks, in the current language.

    Qt 6 added shortcut marks to the file dialog's labels and moved the names of file types;
    Qt's catalogue kept the old texts. Written out here, they are in ours, which Qt asks when
    its own has nothing. Nothing calls this but the tests: lupdate reads it.
    """
    return [
        QCoreApplication.translate("QFileDialog", "&Look in:"),
        QCoreApplication.translate("QFileDialog", "Files of &type:"),
        QCoreApplication.translate("QAbstractFileIconProvider", "Folder", "All other platforms"),
        QCoreApplication.translate("QAbstractFileIconProvider", "Drive"),
    ]
