"""Look and feel: the stylesheet, fonts with a CJK fallback, and state shown on widgets.

State is shown by text AND colour: `set_state(widget, "alert")` sets a dynamic property that
style.qss colours, while the widget's text always says the state in words.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QFrame, QProxyStyle, QStyle, QStyleOption, QWidget

RESOURCES = Path(__file__).resolve().parent / "resources"
# Latin first, then a CJK family so that Chinese never falls back to tofu boxes.
FONT_FAMILIES = (
    "Noto Sans",
    "DejaVu Sans",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Zen Hei",
    "Microsoft YaHei",
    "PingFang SC",
)


MENU_ITEM_ROOM = 16  # px


class RoomyMenus(QProxyStyle):
    """The platform's style, with menu items a little wider than it measures them.

    With a Latin font and a CJK fallback, the style measures a Chinese menu entry narrower
    than it paints it and elides the middle of the longer ones ("打印最近一辆…行单").
    """

    def sizeFromContents(
        self,
        kind: QStyle.ContentsType,
        option: QStyleOption,
        size: QSize,
        widget: QWidget | None = None,
    ) -> QSize:
        measured = super().sizeFromContents(kind, option, size, widget)
        if kind == QStyle.ContentsType.CT_MenuItem:
            measured.setWidth(measured.width() + MENU_ITEM_ROOM)
        return measured


def set_state(widget: QWidget, state: str) -> None:
    if widget.property("state") == state:
        return
    widget.setProperty("state", state)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    if isinstance(widget, QFrame):
        # A frame (a label) polished before with another state keeps that state's border
        # and padding widths otherwise: the text would touch the new border, and a wrapped
        # last line overlap it.
        widget.setFrameStyle(widget.frameStyle())
        widget.updateGeometry()


def apply(app: QApplication) -> None:
    available = set(QFontDatabase.families())
    families = [f for f in FONT_FAMILIES if f in available] or list(FONT_FAMILIES)
    font = QFont()
    font.setFamilies(families)
    font.setPointSize(11)
    app.setFont(font)
    if not app.property("roomyMenus"):  # once: later the style sheet's style wraps it
        app.setStyle(RoomyMenus(app.style().name()))
        app.setProperty("roomyMenus", True)
    app.setStyleSheet((RESOURCES / "style.qss").read_text(encoding="utf-8"))
    app.setWindowIcon(QIcon(str(RESOURCES / "icons" / "lane.svg")))


def icon(name: str) -> QIcon:
    return QIcon(str(RESOURCES / "icons" / f"{name}.svg"))
