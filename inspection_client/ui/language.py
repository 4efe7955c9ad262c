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
