"""Containers and their seals scanned into the vehicle form: a container, then its seals.

Enter in Container adds the container (with any seals already in Seals) and goes on to Seals,
where each seal scanned is added to it; a bare Enter there goes back to Container for the next
one. A container or seal already in this vehicle is refused, and so is a seal that is not one,
named with its container; a seal shaped like a container number is questioned first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QLineEdit, QListWidgetItem

from inspection_client.domain.container import (
    container_shaped,
    validate_container,
    validate_seal,
)
from inspection_client.domain.models import ContainerLoad
from inspection_client.ui.messages import localised_all

if TYPE_CHECKING:
    from inspection_client.ui.vehicle import VehicleFields

DATA = Qt.ItemDataRole.UserRole


class ContainerScans(QObject):
    """The Container and Seals fields of `fields` and the list they fill."""

    def __init__(self, fields: VehicleFields) -> None:
        super().__init__(fields)
        self.fields = fields
        self.ui = fields.ui
        # The container and seals entries last questioned for a container-shaped seal.
        self._doubt: tuple[str, str] | None = None
        # The container just added, whose seals are scanned next into Seals (None once a bare
        # Enter there has gone back to Container for the next one).
        self._sealing: str | None = None
        self.ui.containerEdit.returnPressed.connect(self.add_container)
        self.ui.sealsEdit.returnPressed.connect(self.seals_entered)

    def reset(self) -> None:
        """A new vehicle: nothing questioned, no container waiting for its seals."""
        self._doubt = None
        self._sealing = None

    def loads(self) -> list[ContainerLoad]:
        ui = self.ui
        return [ui.containerList.item(i).data(DATA) for i in range(ui.containerList.count())]

    def _entered_seals(self) -> list[str]:
        return [s.strip().upper() for s in self.ui.sealsEdit.text().split(",") if s.strip()]

    def _refuse(self, text: str, at_fault: QLineEdit) -> None:
        """Say why, and select what was refused: the next scan replaces it instead of being
        added to it (typed after it, a container number glued onto a short seal passed as a
        seal)."""
        self.fields.message.emit(text, "alert")
        at_fault.setFocus()
        at_fault.selectAll()

    def _seal_problems(self, seals: list[str]) -> list[str]:
        """Each seal refused, named with its reasons (three short seals gave the same reason
        three times, and the officer could not tell which to scan again)."""
        return [
            self.tr("seal {seal}: {errors}").format(seal=seal, errors=localised_all(errors))
            for seal in seals
            if (errors := validate_seal(seal))
        ]

    def _seal_taken(self, seals: list[str], number: str) -> str | None:
        """The refusal of a seal already entered in this vehicle (on any container, or twice
        in this entry for container `number`), else None."""
        holders = {seal: load.number for load in self.loads() for seal in load.seals}
        for seal in seals:
            if seal in holders:
                holder = holders[seal]
            elif seals.count(seal) > 1:
                holder = number
            else:
                continue
            return self.tr("Seal {seal} is already entered for container {number}.").format(
                seal=seal, number=holder
            )
        return None

    def _seal_doubted(self, seals: list[str], number: str) -> bool:
        """A seal with a container's shape is most likely the next container, scanned while
        the focus was still in Seals. Some seal series do look like that, so a second Enter on
        the same entries adds it after all. True when the officer is asked."""
        misplaced = [seal for seal in seals if container_shaped(seal)]
        entries = (number, self.ui.sealsEdit.text())
        if not misplaced or self._doubt == entries:
            self._doubt = None
            return False
        self._doubt = entries
        self._refuse(
            self.tr(
                "{seal} is shaped like a container number, not a seal: scan the seals of "
                "{number}, or empty Seals, then Enter. If it is a seal of {number}, press "
                "Enter again to add it."
            ).format(seal=misplaced[0], number=number),
            self.ui.sealsEdit,
        )
        return True

    def _seals_held_back(self, seals: list[str], number: str) -> bool:
        """True when the seals for container `number` are not added now: one is already in
        this vehicle (refused), or one looks like a container (questioned). Said either way,
        with the focus in Seals."""
        taken = self._seal_taken(seals, number)
        if taken is not None:
            self._refuse(taken, self.ui.sealsEdit)
            return True
        return self._seal_doubted(seals, number)

    def _container_text(self, load: ContainerLoad) -> str:
        return load.number + (
            " · " + self.tr("seals") + ": " + ", ".join(load.seals) if load.seals else ""
        )

    def add_container(self) -> None:
        """The container in Container, with the seals already in Seals if any; then the focus
        goes to Seals, for the seals scanned next."""
        ui = self.ui
        number = ui.containerEdit.text().strip()
        if not number:
            return
        result = validate_container(number)
        seals = self._entered_seals()
        problems = [localised_all(result.errors)] if not result.valid else []
        problems += self._seal_problems(seals)
        if problems:
            self._refuse(
                self.tr("Container {number} not added: {errors}").format(
                    number=number, errors="; ".join(problems)
                ),
                ui.containerEdit if not result.valid else ui.sealsEdit,
            )
            return
        if result.value in (load.number for load in self.loads()):
            self._refuse(
                self.tr("Container {number} is already in this vehicle's list.").format(
                    number=result.value
                ),
                ui.containerEdit,
            )
            return
        if self._seals_held_back(seals, result.value):
            return
        load = ContainerLoad(number=result.value, seals=tuple(seals))
        item = QListWidgetItem(self._container_text(load))
        item.setData(DATA, load)
        ui.containerList.addItem(item)
        self.fields.show_sections()
        ui.containerList.scrollToItem(item)
        ui.containerEdit.clear()
        ui.sealsEdit.clear()
        # A container's seals are scanned after it: left in Container, the first seal was
        # refused there as a container number.
        self._sealing = load.number
        ui.sealsEdit.setFocus()
        # Said, so that a refusal of this container no longer stands under the form.
        self.fields.message.emit(
            self.tr(
                "Container {number} added: {count} in the list. Now its seals, or Enter with "
                "Seals empty for the next container."
            ).format(number=load.number, count=ui.containerList.count()),
            "ok",
        )
        self.fields.changed.emit()

    def seals_entered(self) -> None:
        """Enter in Seals: the container in Container with these seals; else these seals for
        the container just added; a bare Enter goes back to Container for the next one."""
        ui = self.ui
        if ui.containerEdit.text().strip():
            self.add_container()
        elif self._entered_seals():
            self._add_seals()
        else:
            self._sealing = None
            self._doubt = None
            ui.containerEdit.setFocus()

    def _add_seals(self) -> None:
        ui = self.ui
        row = next(
            (i for i, load in enumerate(self.loads()) if load.number == self._sealing),
            None,
        )
        if row is None:
            # The seals stay where they are: the container scanned next takes them.
            self._refuse(self.tr("Scan the container first, then its seals."), ui.containerEdit)
            return
        item = ui.containerList.item(row)
        load: ContainerLoad = item.data(DATA)
        seals = self._entered_seals()
        problems = self._seal_problems(seals)
        if problems:
            self._refuse(
                self.tr("Seals not added to container {number}: {errors}").format(
                    number=load.number, errors="; ".join(problems)
                ),
                ui.sealsEdit,
            )
            return
        if self._seals_held_back(seals, load.number):
            return
        load = ContainerLoad(number=load.number, seals=(*load.seals, *seals))
        item.setData(DATA, load)
        item.setText(self._container_text(load))
        ui.containerList.scrollToItem(item)
        ui.sealsEdit.clear()
        self.fields.message.emit(
            self.tr("Seals of container {number}: {seals}.").format(
                number=load.number, seals=", ".join(load.seals)
            ),
            "ok",
        )
        self.fields.changed.emit()
