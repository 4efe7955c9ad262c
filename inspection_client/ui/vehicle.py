"""The vehicle form: plate, kind, driver and crew by MRZ, VINs, containers and seals, cargo.

Saving makes one vehicle clearance plus a passenger clearance for the driver and each crew
member, linked by ids generated here and saved together in one transaction.
"""

from __future__ import annotations

import uuid
from datetime import date

from pydantic import ValidationError
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QShowEvent, QTextCursor
from PySide6.QtWidgets import (
    QLineEdit,
    QListWidgetItem,
    QPlainTextEdit,
    QStyle,
    QWidget,
)

from inspection_client.domain.codes import (
    CaptureMethod,
    CargoCategory,
    Decision,
    Direction,
    Purpose,
    RefusalGround,
    TravellerRole,
    VehicleKind,
)
from inspection_client.domain.declaration import validate_declaration, validate_hs_code
from inspection_client.domain.ids import new_id
from inspection_client.domain.models import (
    PassengerClearance,
    TravelDocument,
    VehicleClearance,
)
from inspection_client.domain.mrz import is_complete_mrz, parse_mrz
from inspection_client.domain.plate import plate_problem
from inspection_client.domain.vin import validate_vin
from inspection_client.store.records import Draft
from inspection_client.ui.container_scans import ContainerScans
from inspection_client.ui.forms.ui_vehicle_fields import Ui_VehicleFields
from inspection_client.ui.labels import fill_combo, select
from inspection_client.ui.messages import localised, localised_all
from inspection_client.ui.passenger import FormProblem, document_from_mrz, finished_scan
from inspection_client.ui.problems import field_at_fault, form_problem
from inspection_client.ui.scan_lists import ScanList, WholeRows, rows_height
from inspection_client.ui.scanner_keys import NewScanReplaces, end_scans_on_line_feed
from inspection_client.ui.style import set_state
from inspection_client.ui.typed_fields import guard_typed_fields, is_document_code
from inspection_client.watchlist.check import VehicleFields as VehicleSubject

DATA = Qt.ItemDataRole.UserRole
_REFUSED_SHOWN = 3  # refused VINs named under the list; the message and the question name all
_CREW_ROWS_SHOWN = 3  # then the crew list scrolls
# Vehicles that never carry an ISO 6346 container (a tanker may: tank containers have codes).
_NO_CONTAINERS = frozenset(
    kind.value
    for kind in (
        VehicleKind.CAR,
        VehicleKind.VAN,
        VehicleKind.BUS,
        VehicleKind.MOTORCYCLE,
        VehicleKind.CAR_CARRIER,
        VehicleKind.CAGE_CAR,
    )
)


class VehicleFields(QWidget):
    """Vehicle, people and cargo; `message` reports scans that were not accepted."""

    message = Signal(str, str)  # text, state ("ok" / "alert")
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_VehicleFields()
        self.ui.setupUi(self)
        self.driver: TravelDocument | None = None
        self._driver_ok = True
        # Scans refused in this form: in a burst the next VIN's message would hide them.
        self._refused_vins: list[str] = []
        # Links kept from the clearance being amended (people are not re-scanned then).
        self._links: dict[str, object] = {}
        self._fill_combos()
        ui = self.ui
        ui.cargoCombo.currentIndexChanged.connect(self._cargo_changed)
        ui.cargoCombo.currentIndexChanged.connect(self.show_sections)
        ui.vehicleKindCombo.currentIndexChanged.connect(self.show_sections)
        ui.vinEdit.returnPressed.connect(self._add_vin)
        self.containers = ContainerScans(self)
        ui.removeVinButton.clicked.connect(self._remove_vin)
        ScanList(ui.crewList, ui.crewMrzEdit)
        ScanList(ui.vinList, ui.vinEdit, remove=self._remove_vin)
        ScanList(ui.containerList, ui.containerEdit)
        for listing in (ui.crewList, ui.vinList, ui.containerList):
            WholeRows(listing)
        # A crew member's line is cut at its end (its tooltip has it whole), never given a
        # scroll bar of its own: in a list one row high, the bar left a strip of the row.
        ui.crewList.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        ui.crewList.setTextElideMode(Qt.TextElideMode.ElideRight)
        end_scans_on_line_feed(
            ui.vinEdit, ui.containerEdit, ui.sealsEdit, ui.driverMrzEdit, ui.crewMrzEdit
        )
        self.typed_guard = guard_typed_fields(self)
        self.typed_guard.refused.connect(lambda text: self.message.emit(text, "alert"))
        ui.driverMrzEdit.textChanged.connect(self._driver_changed)
        NewScanReplaces(ui.driverMrzEdit, finished_scan)
        ui.crewMrzEdit.textChanged.connect(self._crew_changed)
        ui.plateEdit.editingFinished.connect(self.changed)
        ui.countryEdit.editingFinished.connect(self.changed)
        self._cargo_changed()
        self._count_vins()
        self._show_driver()
        self.show_sections()
        ui.crewList.setVisible(False)

    def showEvent(self, event: QShowEvent) -> None:
        # Styled by now: the MRZ boxes are made wide enough for a whole TD3 line, and high
        # enough for a card's three lines even when a small screen makes the form scroll (a
        # squeezed box grew scroll bars that hid the line's last characters).
        for edit in (self.ui.driverMrzEdit, self.ui.crewMrzEdit):
            edit.setMinimumWidth(_mrz_width(edit))
            edit.setFixedHeight(_mrz_height(edit))
        # Seals whole, three of them (the amendment dialog gave them a quarter of its width);
        # the driver's line whole when it wraps; two VINs in sight however little room is left.
        seals = self.ui.sealsEdit
        seals.setMinimumWidth(_text_width(seals, SEALS_SHOWN))
        self.ui.containerEdit.setMinimumWidth(_text_width(self.ui.containerEdit, CONTAINER_SHOWN))
        driver = self.ui.driverLabel
        driver.setMinimumHeight(2 * driver.fontMetrics().lineSpacing() + 2 * driver.margin() + 6)
        vins = self.ui.vinList
        vins.setMinimumHeight(max(vins.minimumHeight(), rows_height(vins, 2)))
        super().showEvent(event)

    def wanted_width(self) -> int:
        """How much wider than its least the form would show every cargo whole.

        The cargo choice asks for sixteen characters (its longest item pushed a small screen
        sideways); where the lane has room, the list of today's records gives this up.
        """
        combo = self.ui.cargoCombo
        metrics = combo.fontMetrics()
        longest = max(
            (metrics.horizontalAdvance(combo.itemText(i)) for i in range(combo.count())),
            default=0,
        )
        least = metrics.horizontalAdvance("x") * combo.minimumContentsLength()
        return max(0, longest - least)

    def _fill_combos(self) -> None:
        fill_combo(self.ui.vehicleKindCombo, VehicleKind)
        fill_combo(self.ui.cargoCombo, CargoCategory)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._fill_combos()
            self._count_vins()
            self._show_driver()
        super().changeEvent(event)

    # -- scans ------------------------------------------------------------------------------

    def show_sections(self) -> None:
        """The VINs for a car carrier or complete vehicles, the containers for the vehicles
        that carry them; a list that holds anything stays shown, whatever is chosen.

        A form with both always on needs scrolling at 1366x768 to reach the seals, and a car
        carrier never has a container nor a truck exported VINs.
        """
        ui = self.ui
        kind, cargo = ui.vehicleKindCombo.currentData(), ui.cargoCombo.currentData()
        vins = (
            kind == VehicleKind.CAR_CARRIER.value
            or cargo == CargoCategory.COMPLETE_VEHICLES.value
            or ui.vinList.count() > 0
        )
        containers = kind not in _NO_CONTAINERS or ui.containerList.count() > 0
        for widget in (
            ui.vinEditLabel,
            ui.vinEdit,
            ui.vinList,
            ui.vinCountLabel,
            ui.removeVinButton,
        ):
            widget.setVisible(vins)
        for widget in (
            ui.containerEditLabel,
            ui.containerEdit,
            ui.sealsEditLabel,
            ui.sealsEdit,
            ui.containerList,
        ):
            widget.setVisible(containers)

    def _cargo_changed(self) -> None:
        green = self.ui.cargoCombo.currentData() == CargoCategory.FRESH_AGRICULTURAL.value
        self.ui.greenChannelLabel.setVisible(green)
        set_state(self.ui.greenChannelLabel, "priority" if green else "idle")

    def vins(self) -> list[str]:
        return [self.ui.vinList.item(i).data(DATA) for i in range(self.ui.vinList.count())]

    def _add_vin(self) -> None:
        text = self.ui.vinEdit.text().strip()
        if not text:
            return
        result = validate_vin(text)
        if not result.valid:
            if text not in self._refused_vins:
                self._refused_vins.append(text)
            self._count_vins()
            self.message.emit(
                self.tr("VIN {vin} not added: {errors}").format(
                    vin=text, errors=localised_all(result.errors)
                ),
                "alert",
            )
            self.ui.vinEdit.selectAll()
            return
        if result.value in self.vins():
            self.message.emit(
                self.tr("VIN {vin} is already in the list.").format(vin=result.value), "alert"
            )
            self.ui.vinEdit.clear()
            return
        item = QListWidgetItem(f"✓ {result.value}")
        item.setData(DATA, result.value)
        self.ui.vinList.addItem(item)
        self.show_sections()
        # The one just scanned is the one to look at (the list holds dozens on a car carrier).
        self.ui.vinList.scrollToItem(item)
        self.ui.vinEdit.clear()
        self._count_vins()
        if self._refused_vins:
            self.message.emit(
                self.tr(
                    "VIN {vin} added: {count} in the list. Not added: {refused} — "
                    "scan them again or type them from the vehicles."
                ).format(
                    vin=result.value,
                    count=self.ui.vinList.count(),
                    refused=", ".join(self._refused_vins),
                ),
                "alert",
            )
        else:
            self.message.emit(
                self.tr("VIN {vin} added: {count} in the list.").format(
                    vin=result.value, count=self.ui.vinList.count()
                ),
                "ok",
            )
        self.changed.emit()

    def _remove_vin(self) -> None:
        for item in self.ui.vinList.selectedItems():
            self.ui.vinList.takeItem(self.ui.vinList.row(item))
        self._count_vins()
        self.changed.emit()

    def _count_vins(self) -> None:
        text = self.tr("{count} VIN(s)").format(count=self.ui.vinList.count())
        if self._refused_vins:
            shown = self._refused_vins[:_REFUSED_SHOWN]
            more = len(self._refused_vins) - len(shown)
            text += " · " + self.tr("not added: {vins}").format(
                vins=", ".join(shown) + (f" (+{more})" if more else "")
            )
        self.ui.vinCountLabel.setText(text)
        set_state(self.ui.vinCountLabel, "alert" if self._refused_vins else "idle")

    def _driver_changed(self) -> None:
        text = self.ui.driverMrzEdit.toPlainText()
        # A release slip's code long enough to pass for an MRZ is refused at its Enter.
        if not is_complete_mrz(text) or is_document_code(text):
            if not text.strip():
                self.driver = None
                self._show_driver()
            return
        if text.endswith("\n"):
            # The reader's Enter after the last line would leave an empty line (and, after
            # an identity card's three, a scroll bar); the MRZ is whole, so it goes.
            edit = self.ui.driverMrzEdit
            edit.blockSignals(True)
            cursor = edit.textCursor()
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.deletePreviousChar()
            edit.setTextCursor(cursor)
            edit.blockSignals(False)
        result = parse_mrz(text)
        try:
            self.driver = document_from_mrz(result, CaptureMethod.SCANNED_MRZ)
        except ValidationError as error:
            self.driver = None
            self.message.emit(
                self.tr("Driver's MRZ not usable: {errors}").format(errors=form_problem(error)),
                "alert",
            )
        self._driver_ok = result.valid
        self._show_driver(result.errors)
        self.changed.emit()

    def _show_driver(self, errors: tuple[str, ...] = ()) -> None:
        if self.driver is None:
            self.ui.driverLabel.setText(self.tr("No driver scanned yet."))
            set_state(self.ui.driverLabel, "idle")
            return
        doc = self.driver
        text = self.tr("Driver: {name} · {number} ({state})").format(
            name=f"{doc.surname} {doc.given_names}".strip(),
            number=doc.number,
            state=doc.issuing_state,
        )
        if self._driver_ok:
            text += "  ✓ " + self.tr("MRZ checks passed")
        else:
            text += (
                "  ⚠ "
                + self.tr("MRZ CHECK FAILED")
                + (": " + localised(errors[0]) if errors else "")
            )
        expired = self._expired(doc)
        if expired:
            text += "  ⚠ " + expired
        self.ui.driverLabel.setText(text)
        set_state(self.ui.driverLabel, "ok" if self._driver_ok and not expired else "alert")

    def _expired(self, doc: TravelDocument) -> str:
        """ "DOCUMENT EXPIRED on …" for a document past its expiry today, else ""."""
        if doc.expiry_date is None or not doc.is_expired(date.today()):
            return ""
        return self.tr("DOCUMENT EXPIRED on {date}").format(date=doc.expiry_date.isoformat())

    def _crew_changed(self) -> None:
        text = self.ui.crewMrzEdit.toPlainText()
        if not is_complete_mrz(text) or is_document_code(text):
            return
        result = parse_mrz(text)
        try:
            doc = document_from_mrz(result, CaptureMethod.SCANNED_MRZ)
        except ValidationError as error:
            self.message.emit(
                self.tr("Crew MRZ not usable: {errors}").format(errors=form_problem(error)),
                "alert",
            )
            return
        # The warnings first and short, then who: "⚠ EXPIRED 2012-04-15 · ORAZOV ASKAR · N1…";
        # the whole text is the tooltip.
        warnings = [] if result.valid else [self.tr("MRZ CHECK FAILED")]
        expired = self._expired(doc)
        if expired:
            assert doc.expiry_date is not None
            warnings.insert(0, self.tr("EXPIRED {date}").format(date=doc.expiry_date.isoformat()))
        who = f"{doc.surname} {doc.given_names} · {doc.number}"
        mark = "⚠ " + " · ".join(warnings) if warnings else "✓"
        item = QListWidgetItem(f"{mark} · {who}" if warnings else f"{mark} {who}")
        whole = [expired] if expired else []
        if not result.valid:
            whole.append(self.tr("MRZ CHECK FAILED"))
        item.setToolTip("\n".join([who, *whole]))
        if warnings:
            item.setForeground(QColor("#8b0000"))
            font = item.font()
            font.setBold(True)
            item.setFont(font)
        item.setData(DATA, doc)
        self.ui.crewList.addItem(item)
        self._fit_crew_list()
        self.ui.crewMrzEdit.blockSignals(True)
        self.ui.crewMrzEdit.clear()
        self.ui.crewMrzEdit.blockSignals(False)
        self.changed.emit()

    def _fit_crew_list(self) -> None:
        """The crew list as high as its members, up to three rows: on a car carrier every
        line of the column counts, for the VINs below it to stay in sight."""
        crew = self.ui.crewList
        rows = min(crew.count(), _CREW_ROWS_SHOWN)
        crew.setFixedHeight(rows_height(crew, rows))
        crew.setVisible(True)

    # -- what the watchlist checks -----------------------------------------------------------

    def watch_documents(self) -> list[TravelDocument]:
        """The driver's and the crew's documents scanned so far."""
        crew = [self.ui.crewList.item(i).data(DATA) for i in range(self.ui.crewList.count())]
        return ([self.driver] if self.driver is not None else []) + crew

    def watch_vehicle(self) -> VehicleSubject:
        ui = self.ui
        containers = self.containers.loads()
        return VehicleSubject(
            plate=ui.plateEdit.text().strip(),
            country=ui.countryEdit.text().strip(),
            vins=tuple(self.vins()),
            containers=tuple(load.number for load in containers),
        )

    # -- building ---------------------------------------------------------------------------

    def vehicle(
        self,
        direction: Direction,
        decision: Decision,
        ground: RefusalGround | None,
        **links: object,
    ) -> VehicleClearance:
        ui = self.ui
        if not ui.plateEdit.text().strip() or not ui.countryEdit.text().strip():
            raise FormProblem(
                self.tr("Enter the plate and the registration country."),
                ui.plateEdit if not ui.plateEdit.text().strip() else ui.countryEdit,
            )
        plate_wrong = plate_problem(ui.plateEdit.text().strip())
        if plate_wrong is not None:
            raise FormProblem(localised(plate_wrong), ui.plateEdit)
        hs_codes = [
            c.strip() for c in ui.hsCodesEdit.text().replace(";", ",").split(",") if c.strip()
        ]
        for code in hs_codes:
            errors = validate_hs_code(code)
            if errors:
                raise FormProblem(
                    self.tr("HS code {code}: {errors}").format(
                        code=code, errors=localised_all(errors)
                    ),
                    ui.hsCodesEdit,
                )
        declaration = ui.declarationEdit.text().strip() or None
        if declaration:
            result = validate_declaration(declaration)
            if not result.valid:
                raise FormProblem(
                    self.tr("Declaration {number}: {errors}").format(
                        number=declaration, errors=localised_all(result.errors)
                    ),
                    ui.declarationEdit,
                )
        containers = self.containers.loads()
        try:
            return VehicleClearance(
                direction=direction,
                decision=decision,
                refusal_ground=ground,
                remarks=ui.remarksEdit.text().strip(),
                plate=ui.plateEdit.text().strip(),
                registration_country=ui.countryEdit.text().strip(),
                vehicle_kind=VehicleKind(ui.vehicleKindCombo.currentData()),
                vins=tuple(self.vins()),
                containers=tuple(containers),
                cargo_category=CargoCategory(ui.cargoCombo.currentData()),
                hs_codes=tuple(hs_codes),
                declaration_number=declaration,
                gross_weight_kg=ui.weightSpin.value() or None,
                **{**self._links, **links},  # type: ignore[arg-type]
            )
        except ValidationError as error:
            raise FormProblem(form_problem(error), self._at_fault(error)) from None

    def _at_fault(self, error: ValidationError) -> QWidget | None:
        ui = self.ui
        return field_at_fault(
            error,
            {
                "plate": ui.plateEdit,
                "registration_country": ui.countryEdit,
                "vins": ui.vinEdit,
                "containers": ui.containerEdit,
                "hs_codes": ui.hsCodesEdit,
                "declaration_number": ui.declarationEdit,
                "gross_weight_kg": ui.weightSpin,
                "remarks": ui.remarksEdit,
            },
        )

    def drafts(
        self,
        direction: Direction,
        decision: Decision,
        ground: RefusalGround | None,
        officer: str,
        shift_id: uuid.UUID | None,
    ) -> list[Draft]:
        """The driver's and crew's clearances and the vehicle's, linked, for one save."""
        ui = self.ui
        vehicle_id = new_id()
        people: list[tuple[uuid.UUID, TravelDocument, TravellerRole]] = []
        if self.driver is not None:
            people.append((new_id(), self.driver, TravellerRole.DRIVER))
        for i in range(self.ui.crewList.count()):
            people.append((new_id(), self.ui.crewList.item(i).data(DATA), TravellerRole.CREW))
        vehicle = self.vehicle(
            direction,
            decision,
            ground,
            driver_clearance_id=people[0][0] if self.driver is not None else None,
            crew_clearance_ids=tuple(p[0] for p in people if p[2] is TravellerRole.CREW),
        )
        drafts = []
        for person_id, document, role in people:
            try:
                body = PassengerClearance(
                    direction=direction,
                    decision=decision,
                    refusal_ground=ground,
                    document=document,
                    traveller_role=role,
                    purpose=Purpose.TRANSPORT,
                    vehicle_clearance_id=vehicle_id,
                )
            except ValidationError as error:
                box = ui.driverMrzEdit if role is TravellerRole.DRIVER else ui.crewMrzEdit
                raise FormProblem(form_problem(error), box) from None
            drafts.append(Draft(body, officer, shift_id, record_id=person_id))
        drafts.append(Draft(vehicle, officer, shift_id, record_id=vehicle_id))
        return drafts

    def load(self, clearance: VehicleClearance) -> None:
        """Show a saved clearance for an amendment; its people links are kept as they are."""
        ui = self.ui
        self.clear()
        self._links = {
            "driver_clearance_id": clearance.driver_clearance_id,
            "crew_clearance_ids": clearance.crew_clearance_ids,
        }
        for widget in (
            ui.driverMrzEdit,
            ui.driverMrzEditLabel,
            ui.driverLabel,
            ui.crewMrzEdit,
            ui.crewMrzEditLabel,
            ui.crewList,
        ):
            widget.setVisible(False)
        ui.plateEdit.setText(clearance.plate)
        ui.countryEdit.setText(clearance.registration_country)
        select(ui.vehicleKindCombo, clearance.vehicle_kind)
        select(ui.cargoCombo, clearance.cargo_category)
        ui.hsCodesEdit.setText(", ".join(clearance.hs_codes))
        ui.declarationEdit.setText(clearance.declaration_number or "")
        ui.weightSpin.setValue(clearance.gross_weight_kg or 0)
        ui.remarksEdit.setText(clearance.remarks)
        for vin in clearance.vins:
            item = QListWidgetItem(f"✓ {vin}")
            item.setData(DATA, vin)
            ui.vinList.addItem(item)
        for load in clearance.containers:
            item = QListWidgetItem(
                load.number + (" · " + ", ".join(load.seals) if load.seals else "")
            )
            item.setData(DATA, load)
            ui.containerList.addItem(item)
        self._count_vins()
        self.show_sections()

    def clear(self) -> None:
        ui = self.ui
        for edit in (
            ui.plateEdit,
            ui.countryEdit,
            ui.hsCodesEdit,
            ui.declarationEdit,
            ui.remarksEdit,
            ui.vinEdit,
            ui.containerEdit,
            ui.sealsEdit,
        ):
            edit.clear()
        for text_edit in (ui.driverMrzEdit, ui.crewMrzEdit):
            text_edit.blockSignals(True)
            text_edit.clear()
            text_edit.blockSignals(False)
        ui.vinList.clear()
        ui.containerList.clear()
        ui.crewList.clear()
        ui.crewList.setVisible(False)  # shown with the first crew member: room for the rest
        ui.weightSpin.setValue(0)
        select(ui.vehicleKindCombo, VehicleKind.CAR)
        select(ui.cargoCombo, CargoCategory.NONE)
        self.driver = None
        self._driver_ok = True
        self._links = {}
        self._refused_vins = []
        self.containers.reset()
        self._count_vins()
        self._show_driver()
        self.show_sections()

    def focus_start(self) -> None:
        self.ui.plateEdit.setFocus()

    def is_blank(self) -> bool:
        ui = self.ui
        return not (ui.plateEdit.text().strip() or ui.vinList.count() or self.driver)

    def summary(self) -> str:
        """The plate, with the VINs and containers when there are any."""
        ui = self.ui
        parts = [ui.plateEdit.text().strip()]
        if ui.vinList.count():
            parts.append(self.tr("{n} VIN").format(n=ui.vinList.count()))
        if ui.containerList.count():
            parts.append(self.tr("{n} container(s)").format(n=ui.containerList.count()))
        return " · ".join(parts)

    def doubts(self) -> list[str]:
        """What the officer should look at again before clearing: no driver scanned, the
        driver's MRZ failing its checks, the driver's or a crew member's document expired, or
        scanned VINs that were refused (vehicles on board that the list would leave out)."""
        found = []
        if self._refused_vins:
            found.append(
                self.tr("Scanned VINs not added to the list: {vins}").format(
                    vins=", ".join(self._refused_vins)
                )
            )
        if self.driver is None:
            found.append(self.tr("No driver scanned: the driver's document is not recorded"))
        else:
            if not self._driver_ok:
                found.append(self.tr("Driver: MRZ CHECK FAILED"))
            expired = self._expired(self.driver)
            if expired:
                found.append(self.tr("Driver: {warning}").format(warning=expired))
        for i in range(self.ui.crewList.count()):
            member: TravelDocument = self.ui.crewList.item(i).data(DATA)
            expired = self._expired(member)
            if expired:
                found.append(
                    self.tr("Crew {name}: {warning}").format(name=member.surname, warning=expired)
                )
        return found


MRZ_LINE = 44  # characters in the longest MRZ line (TD3, MRV-A)
CONTAINER_SHOWN = "CSQU3054383"
SEALS_SHOWN = "CN91234567, CN91234568, CN91234569"


def _text_width(edit: QLineEdit, sample: str) -> int:
    """Pixels a line edit needs to show `sample` whole in its own (styled) font."""
    edit.ensurePolished()
    margins = edit.textMargins()
    frame = edit.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, edit)
    return int(
        edit.fontMetrics().horizontalAdvance(sample)
        + margins.left()
        + margins.right()
        + 2 * frame
        + 12  # the style's padding and the cursor
    )


def _mrz_height(edit: QPlainTextEdit) -> int:
    """Pixels an MRZ box needs to show three lines (a TD1 card) and no more: the rest of the
    column is for the VINs or the containers."""
    edit.ensurePolished()
    lines = 3 * QFontMetrics(edit.font()).lineSpacing()
    return int(lines + 2 * (edit.document().documentMargin() + edit.frameWidth()) + 2)


def _mrz_width(edit: QPlainTextEdit) -> int:
    """Pixels an MRZ box needs to show a whole 44-character line in its own (monospace) font."""
    edit.ensurePolished()
    text = QFontMetrics(edit.font()).horizontalAdvance("<" * MRZ_LINE)
    margins = 2 * (edit.document().documentMargin() + edit.frameWidth()) + 4  # + the cursor
    return int(text + margins)
