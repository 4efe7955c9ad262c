"""Translated names of the coded vocabularies (directions, decisions, grounds, kinds)."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox

from inspection_client.domain import words
from inspection_client.domain.codes import RefusalGround, VehicleKind
from inspection_client.store.history import HistoryRow


def label(value: StrEnum) -> str:
    """The officer's word for a code, in the current language.

    The English words are `domain.words` (printed documents use them too); Qt translates
    them in their context there, ``labels``.
    """
    word = words.WORDS.get(type(value), {}).get(value)
    if word is None:
        return str(value)
    return QCoreApplication.translate(words.CONTEXT, word)


PASSENGER_GROUNDS = [g for g in RefusalGround if not g.value.startswith("V")]
# Vehicle and cargo grounds first at a vehicle lane; the document grounds still apply to drivers.
VEHICLE_GROUNDS = [g for g in RefusalGround if g.value.startswith("V")] + PASSENGER_GROUNDS


def fill_combo(combo: QComboBox, values: list[StrEnum] | type[StrEnum]) -> None:
    """Fill a combo box with translated labels, keeping the code as item data and the choice."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for value in values:
        combo.addItem(label(value), value.value)
    index = combo.findData(current)
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)


def select(combo: QComboBox, value: StrEnum | str | None) -> None:
    index = combo.findData(value.value if isinstance(value, StrEnum) else value)
    combo.setCurrentIndex(max(index, 0))


def document_text(row: HistoryRow) -> str:
    """A history row's document column: its numbers, else (a vehicle with no VIN or
    container) the kind of vehicle, in the window's language."""
    if row.document or "vehicle_kind" not in row.extra:
        return row.document
    return label(VehicleKind(row.extra["vehicle_kind"]))
