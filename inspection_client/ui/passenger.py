"""The passenger form: MRZ from the document reader (or typed fields), checks shown at a glance.

Used by the passenger lane and, prefilled, by the supervisor's amendment dialog. The widget
shows state; the rules (check digits, expiry, age) come from `domain`.
"""

from __future__ import annotations

import re
import time
import uuid
from datetime import date

from pydantic import ValidationError
from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QWidget

from inspection_client.domain.codes import (
    CaptureMethod,
    Decision,
    Direction,
    Purpose,
    RefusalGround,
    TravellerRole,
)
from inspection_client.domain.models import PassengerClearance, TravelDocument
from inspection_client.domain.mrz import CheckStatus, MrzResult, is_complete_mrz, parse_mrz
from inspection_client.store.companions import Adult, RecentAdults
from inspection_client.ui.forms.ui_passenger_fields import Ui_PassengerFields
from inspection_client.ui.labels import fill_combo, label, select
from inspection_client.ui.messages import localised_all
from inspection_client.ui.problems import field_at_fault, form_problem
from inspection_client.ui.scanner_keys import NewScanReplaces, end_scans_on_line_feed
from inspection_client.ui.style import set_state
from inspection_client.ui.typed_fields import guard_typed_fields, is_document_code

ADULT_AGE = 18
# The MRZ box shows an identity card's three lines whole (a passport has two).
MRZ_LINES = 3
# A document reader delivers a whole MRZ in well under a second; a person takes much longer.
READER_BURST_SECONDS = 2.0
# The lines of an MRZ: TD1 has 3 of 30 characters, TD2 (and MRV-B) 2 of 36, TD3 (and MRV-A)
# 2 of 44. A reader that sends no line breaks sends a whole MRZ as one line of 90, 72 or 88.
_LINES_OF = {30: 3, 36: 2, 44: 2}
_LONGEST_BURST = 90
# MRZ characters, and the separators a reader or a person puts between lines (lower case is
# read as upper case, as the parser does for a person typing an MRZ).
_NOT_MRZ_CHARACTER = re.compile(r"[^A-Za-z0-9<\s]")
# The adult combo's item for "not chosen yet": neither an adult nor travelling alone.
_UNCHOSEN = "?"


def reader_gave_up(text: str) -> bool:
    """True when the lines sent so far cannot be the start of any MRZ (so no more will come).

    Two lines of 30 characters are the start of an identity card (TD1) whose third line is
    still on its way; any other finished pair of lines that is not a whole MRZ is an error.
    """
    if not text.endswith(("\n", "\r")):
        return False
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    lengths = [len(line) for line in lines]
    return len(lines) >= 3 or (len(lines) == 2 and lengths != [30, 30])


def finished_scan(text: str) -> bool:
    """True when an MRZ box holds a whole MRZ, or lines no MRZ has: the next character
    typed at its end starts another scan (`NewScanReplaces`)."""
    return is_complete_mrz(text) or reader_gave_up(text)


def not_an_mrz(text: str) -> str | None:
    """Why `text` cannot be the start of any MRZ, in the officer's words; None while it can.

    Only what has arrived is judged: a line counts once a line break (or a space) has ended
    it, and the line still arriving only when it is already longer than any MRZ's, so a
    reader's burst in progress is never questioned.
    """
    bad = _NOT_MRZ_CHARACTER.search(text)
    if bad is not None:
        return QCoreApplication.translate(
            "PassengerFields", "“{character}” is not one of its characters (A to Z, 0 to 9, <)"
        ).format(character=bad.group())
    pieces = text.split()
    if not pieces:
        return None
    ended = pieces if text[-1:].isspace() else pieces[:-1]
    arriving = None if text[-1:].isspace() else pieces[-1]
    for piece in ended:
        if len(piece) not in _LINES_OF:
            return QCoreApplication.translate(
                "PassengerFields", "a line of {length} characters (its lines have 30, 36 or 44)"
            ).format(length=len(piece))
    if ended:
        first = len(ended[0])
        for piece in ended[1:]:
            if len(piece) != first:
                return QCoreApplication.translate(
                    "PassengerFields",
                    "a line of {length} characters after one of {first} (its lines are all "
                    "as long)",
                ).format(length=len(piece), first=first)
        if len(ended) > _LINES_OF[first]:
            return QCoreApplication.translate(
                "PassengerFields", "more than {count} lines of {length} characters"
            ).format(count=_LINES_OF[first], length=first)
    if arriving is not None and len(arriving) > (max(_LINES_OF) if ended else _LONGEST_BURST):
        return QCoreApplication.translate(
            "PassengerFields", "a line of {length} characters (its lines have 30, 36 or 44)"
        ).format(length=len(arriving))
    return None


class FormProblem(ValueError):
    """The form cannot be saved as it is; the message says what to fix, `field` where."""

    def __init__(self, text: str, field: QWidget | None = None) -> None:
        super().__init__(text)
        self.field = field


def adult_text(adult: Adult) -> str:
    """How an accompanying adult is named: name · document number · time (of the clearance),
    and the decision when the adult was not cleared (referred, say)."""
    text = f"{adult.name} · {adult.document_number} · {adult.recorded_at.strftime('%H:%M')}"
    if adult.decision is not Decision.CLEARED:
        text += f" · {label(adult.decision).upper()}"
    return text


def document_from_mrz(result: MrzResult, capture: CaptureMethod) -> TravelDocument:
    return TravelDocument(
        document_code=result.document_code.replace("<", "") or "P",
        issuing_state=result.issuing_state.replace("<", ""),
        number=result.document_number.replace("<", ""),
        surname=result.surname or "<",
        given_names=result.given_names,
        nationality=result.nationality.replace("<", ""),
        birth_date=result.birth_date,
        sex=result.sex if result.sex in ("M", "F") else "X",
        expiry_date=result.expiry_date,
        optional_data=result.optional_data[:40],
        capture=capture,
        mrz=result.lines,
    )


class PassengerFields(QWidget):
    """Document and traveller fields, filled from an MRZ burst or typed by hand; `message`
    reports scans that were not taken."""

    message = Signal(str, str)  # text, state ("alert")
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_PassengerFields()
        self.ui.setupUi(self)
        self._mrz_result: MrzResult | None = None
        self._mrz_lines: tuple[str, ...] = ()
        self._first_key_at: float | None = None
        self._not_mrz_said = False  # the alerts line says the MRZ box holds no MRZ
        self._capture = CaptureMethod.TYPED_FIELDS
        # The accompanying adult: the adults offered, the one the officer (or a loaded record)
        # chose, and whether a minor with none needs a remark saying so (at the lane it does).
        self._adults = RecentAdults([], None)
        self._chosen_adult: uuid.UUID | None = None
        self._adult_chosen = False
        self.unaccompanied_needs_remark = True
        self._fill_combos()
        self.ui.mrzEdit.textChanged.connect(self._mrz_changed)
        end_scans_on_line_feed(self.ui.mrzEdit)
        NewScanReplaces(self.ui.mrzEdit, finished_scan)
        self.typed_guard = guard_typed_fields(self)
        self.typed_guard.refused.connect(lambda text: self.message.emit(text, "alert"))
        self.ui.roleCombo.currentIndexChanged.connect(self._role_changed)
        self.ui.adultCombo.activated.connect(self._adult_picked)
        self.ui.remarksEdit.textChanged.connect(self._show_remark_hint)
        for edit in (self.ui.birthDateEdit, self.ui.expiryDateEdit, self.ui.docNumberEdit):
            edit.textEdited.connect(self._typed)
        # Typed entry is checked against the watchlist when a field is left, not per letter:
        # a half-typed name must not raise an alert.
        for edit in (
            self.ui.docNumberEdit,
            self.ui.issuingStateEdit,
            self.ui.surnameEdit,
            self.ui.givenNamesEdit,
            self.ui.birthDateEdit,
            self.ui.nationalityEdit,
        ):
            edit.editingFinished.connect(self._typed_done)
        self._show_alerts()

    # -- language -------------------------------------------------------------------------

    def _fill_combos(self) -> None:
        current = self.ui.sexCombo.currentData()
        self.ui.sexCombo.clear()
        for code, text in (
            ("X", self.tr("Unspecified")),
            ("F", self.tr("Female")),
            ("M", self.tr("Male")),
        ):
            self.ui.sexCombo.addItem(text, code)
        select(self.ui.sexCombo, current)
        fill_combo(self.ui.purposeCombo, Purpose)
        fill_combo(self.ui.roleCombo, TravellerRole)
        self._fill_adults()
        self._role_changed()

    def _fit_mrz_box(self) -> None:
        """Exactly as high as an MRZ's three lines in the box's font (the style sheet's)."""
        edit = self.ui.mrzEdit
        edit.ensurePolished()
        lines = edit.fontMetrics().lineSpacing() * MRZ_LINES
        margin = round(edit.document().documentMargin() * 2)
        # Qt shows a scroll bar unless the lines fit in one pixel less than the viewport.
        height = lines + margin + edit.frameWidth() * 2 + 1
        if edit.maximumHeight() != height:
            edit.setMaximumHeight(height)

    def event(self, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Polish, QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self._fit_mrz_box()
        return super().event(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._fill_combos()
            if self._mrz_result is not None:
                self._show_checks(self._mrz_result)
            self._show_alerts()
        super().changeEvent(event)

    # -- the reader's burst ----------------------------------------------------------------

    def _mrz_changed(self) -> None:
        text = self.ui.mrzEdit.toPlainText()
        if text.endswith("\n") and is_complete_mrz(text):
            self._drop_trailing_newline()
        if not text.strip():
            self._first_key_at = None
            self._mrz_lines = ()  # the same document scanned again is read again
            if self._not_mrz_said:
                self._show_alerts()
            return
        if is_document_code(text):
            return  # a release slip's code, as long as an MRZ: refused at its Enter
        if self._first_key_at is None:
            self._first_key_at = time.monotonic()
        if not is_complete_mrz(text):
            if reader_gave_up(text):
                self._not_mrz_said = False
                self._show_checks(parse_mrz(text))
                set_state(self.ui.alertsLabel, "alert")
                self.ui.alertsLabel.setText(
                    self.tr("MRZ not readable — check the lines, or type the fields")
                )
            elif self._not_mrz_said or not_an_mrz(text) is not None:
                self._show_alerts()  # typing is no scan: the officer must know at once
            return
        result = parse_mrz(text)
        if result.lines == self._mrz_lines:
            return  # the reader's trailing Enter: nothing new
        elapsed = time.monotonic() - self._first_key_at
        capture = (
            CaptureMethod.SCANNED_MRZ
            if elapsed <= READER_BURST_SECONDS
            else CaptureMethod.TYPED_MRZ
        )
        self.show_mrz(result, capture)

    def _drop_trailing_newline(self) -> None:
        """The reader's Enter after the last line would leave an empty line, and a scroll bar
        in the box: the MRZ is whole, so it goes (the text read is parsed as it came)."""
        edit = self.ui.mrzEdit
        edit.blockSignals(True)
        cursor = edit.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.deletePreviousChar()
        edit.setTextCursor(cursor)
        edit.blockSignals(False)

    def show_mrz(self, result: MrzResult, capture: CaptureMethod) -> None:
        self._mrz_result = result
        self._mrz_lines = result.lines
        self._capture = capture
        ui = self.ui
        ui.docCodeEdit.setText(result.document_code.replace("<", ""))
        ui.issuingStateEdit.setText(result.issuing_state.replace("<", ""))
        ui.docNumberEdit.setText(result.document_number.replace("<", ""))
        ui.surnameEdit.setText(result.surname)
        ui.givenNamesEdit.setText(result.given_names)
        ui.nationalityEdit.setText(result.nationality.replace("<", ""))
        ui.birthDateEdit.setText(result.birth_date.isoformat() if result.birth_date else "")
        ui.expiryDateEdit.setText(result.expiry_date.isoformat() if result.expiry_date else "")
        select(ui.sexCombo, result.sex if result.sex in ("M", "F") else "X")
        self._show_checks(result)
        self._show_alerts()  # a minor's role is chosen here
        self._fill_adults()  # and the adult offered by default is the minor's family's
        self.changed.emit()

    def check_summary(self, result: MrzResult) -> tuple[str, bool]:
        """One line naming every check digit and whether it is right; True when all are."""
        names = {
            "document_number": self.tr("document number"),
            "birth_date": self.tr("birth date"),
            "expiry_date": self.tr("expiry date"),
            "optional_data": self.tr("optional data"),
            "composite": self.tr("composite"),
        }
        parts = []
        all_ok = True
        for name, status in result.checks.items():
            if status is CheckStatus.NOT_APPLICABLE:
                continue
            # The mark and "BAD" are bound to their check's name (no-break spaces): alone at
            # the end or the start of a wrapped line, they named nothing.
            if status is CheckStatus.OK:
                parts.append(f"✓\N{NO-BREAK SPACE}{names.get(name, name)}")
            else:
                all_ok = False
                parts.append(
                    f"✗\N{NO-BREAK SPACE}{names.get(name, name)}\N{NO-BREAK SPACE}" + self.tr("BAD")
                )
        return "  ·  ".join(parts), all_ok

    def _show_checks(self, result: MrzResult) -> None:
        summary, all_ok = self.check_summary(result)
        text = self.tr("Check digits: {summary}").format(summary=summary or "—")
        if result.errors:
            # One paragraph, not a line each: four failed checks with a watchlist band
            # above them pushed the fields out of a 1366 x 768 screen.
            text += "\n" + localised_all(result.errors[:4], "  ·  ")
        self.ui.checksLabel.setText(text)
        set_state(self.ui.checksLabel, "ok" if all_ok and result.valid else "alert")

    def _typed(self) -> None:
        if self._mrz_result is None:
            self._capture = CaptureMethod.TYPED_FIELDS
        self._show_alerts()

    def _typed_done(self) -> None:
        if self._mrz_result is None and self.watch_document() is not None:
            self.changed.emit()

    def watch_document(self) -> TravelDocument | None:
        """The document as far as it is filled in, for the watchlist; None when incomplete."""
        try:
            return self.document()
        except FormProblem:
            return None

    # -- the accompanying adult ------------------------------------------------------------

    def set_adults(self, found: RecentAdults) -> None:
        """The adults to offer for a minor (newest first) and the one cleared just before."""
        self._adults = found
        self._fill_adults()

    def _fill_adults(self) -> None:
        combo = self.ui.adultCombo
        combo.blockSignals(True)
        combo.clear()
        for adult in self._adults.adults:
            combo.addItem(adult_text(adult), str(adult.record_id))
        combo.addItem(self.tr("None / travelling alone"), "")
        wanted = self._chosen_adult if self._adult_chosen else self._adults.default
        if not self._adult_chosen and not self._may_go_with(wanted):
            wanted = None  # another family's adult: the officer chooses
        index = combo.findData(str(wanted) if wanted is not None else "")
        if index < 0 and wanted is not None:
            # A loaded record's adult, before (or without) the list: kept, not dropped.
            combo.insertItem(0, self.tr("The adult recorded with this minor"), str(wanted))
            index = 0
        elif wanted is None and not self._adult_chosen and self._adults.adults:
            # Adults to offer, but none cleared just before (only a referred one, say): the
            # officer chooses; neither a referred adult nor travelling alone is preset.
            combo.insertItem(0, self.tr("Choose the accompanying adult…"), _UNCHOSEN)
            index = 0
        combo.setCurrentIndex(index if index >= 0 else combo.count() - 1)
        combo.blockSignals(False)
        self._show_remark_hint()

    def _may_go_with(self, adult_id: uuid.UUID | None) -> bool:
        """Whether the adult offered by default may be this minor's: one sharing the minor's
        surname or nationality, or any while the minor's document is not read yet. After a
        sibling the default is the adult they went with; a child of another family next in
        line was preset to that family's mother."""
        adult = next((a for a in self._adults.adults if a.record_id == adult_id), None)
        if adult is None or not self._is_minor():
            return True
        surname = self.ui.surnameEdit.text().strip().upper()
        nationality = self.ui.nationalityEdit.text().strip().upper()
        if not (surname or nationality) or not (adult.surname or adult.nationality):
            return True  # nothing to compare yet
        return adult.surname.upper() == surname or adult.nationality.upper() == nationality

    def _adult_picked(self) -> None:
        self._adult_chosen = True
        self._chosen_adult = self._combo_adult()
        self._show_remark_hint()

    def _combo_adult(self) -> uuid.UUID | None:
        data = self.ui.adultCombo.currentData()
        return uuid.UUID(data) if data and data != _UNCHOSEN else None

    def _adult_unchosen(self) -> bool:
        return bool(self.ui.adultCombo.currentData() == _UNCHOSEN)

    def _is_minor(self) -> bool:
        return bool(self.ui.roleCombo.currentData() == TravellerRole.MINOR.value)

    def accompanying_adult(self) -> uuid.UUID | None:
        """The adult chosen for a minor; None for anyone else, or a minor travelling alone."""
        return self._combo_adult() if self._is_minor() else None

    def _role_changed(self) -> None:
        # Asked for a minor only, beside the alert that says "minor": the form grows no row.
        minor = self._is_minor()
        self.ui.adultComboLabel.setVisible(minor)
        self.ui.adultCombo.setVisible(minor)
        self._show_remark_hint()

    def _show_remark_hint(self) -> None:
        alone = self._is_minor() and self._combo_adult() is None and not self._adult_unchosen()
        self.ui.remarksEdit.setPlaceholderText(
            self.tr("Required: why the minor travels alone")
            if alone and self.unaccompanied_needs_remark
            else ""
        )

    # -- alerts ----------------------------------------------------------------------------

    def _date(self, text: str) -> date | None:
        try:
            return date.fromisoformat(text.strip()) if text.strip() else None
        except ValueError:
            return None

    def alerts(self, today: date | None = None) -> list[str]:
        today = today or date.today()
        found = []
        expiry = self._date(self.ui.expiryDateEdit.text())
        birth = self._date(self.ui.birthDateEdit.text())
        if expiry is not None and expiry < today:
            found.append(self.tr("DOCUMENT EXPIRED on {date}").format(date=expiry.isoformat()))
        if birth is not None:
            age = today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))
            if age < ADULT_AGE:
                found.append(self.tr("MINOR — age {age}").format(age=age))
        if self._mrz_result is not None and not self._mrz_result.valid:
            found.append(self.tr("MRZ CHECK FAILED — compare with the document"))
        return found

    def _not_an_mrz(self) -> str | None:
        """Why the MRZ box cannot hold the start of an MRZ; None when it can, or is done with
        (empty, a whole MRZ, a slip's code refused at its Enter, or one the reader sent
        whole and wrong, said as not readable)."""
        text = self.ui.mrzEdit.toPlainText()
        if (
            not text.strip()
            or is_document_code(text)
            or is_complete_mrz(text)
            or reader_gave_up(text)
        ):
            return None
        return not_an_mrz(text)

    def _show_alerts(self) -> None:
        found = self.alerts()
        not_mrz = self._not_an_mrz()
        self._not_mrz_said = not_mrz is not None
        if not_mrz is not None:
            text = self.tr(
                "This is not a machine readable zone: {reason}. Scan the document again, or "
                "type the fields."
            ).format(reason=not_mrz)
            self.ui.alertsLabel.setText("\n⚠ ".join([text, *found]))
            set_state(self.ui.alertsLabel, "alert")
        elif found:
            self.ui.alertsLabel.setText("⚠ " + "   ⚠ ".join(found))
            set_state(self.ui.alertsLabel, "alert")
        elif self._mrz_result is not None:
            self.ui.alertsLabel.setText(self.tr("✓ Document read, all checks passed"))
            set_state(self.ui.alertsLabel, "ok")
        else:
            self.ui.alertsLabel.setText(self.tr("Waiting for the document reader…"))
            set_state(self.ui.alertsLabel, "idle")
        # One alert stays on one line (the accompanying adult's list gives way at 1024 px):
        # "MINOR — age 10" broken in two read worse. Longer texts wrap.
        self.ui.alertsLabel.setWordWrap(not_mrz is not None or len(found) > 1)
        minor = any(a.startswith(self.tr("MINOR")) for a in found)
        if minor and self.ui.roleCombo.currentData() == TravellerRole.PASSENGER.value:
            select(self.ui.roleCombo, TravellerRole.MINOR)

    # -- building and loading -------------------------------------------------------------

    def document(self) -> TravelDocument:
        ui = self.ui
        birth_text, expiry_text = ui.birthDateEdit.text().strip(), ui.expiryDateEdit.text().strip()
        birth, expiry = self._date(birth_text), self._date(expiry_text)
        if birth_text and birth is None:
            raise FormProblem(
                self.tr("The date of birth {text} is not a date: write it as YYYY-MM-DD.").format(
                    text=birth_text
                ),
                ui.birthDateEdit,
            )
        if expiry_text and expiry is None:
            raise FormProblem(
                self.tr("The date of expiry {text} is not a date: write it as YYYY-MM-DD.").format(
                    text=expiry_text
                ),
                ui.expiryDateEdit,
            )
        if not ui.docNumberEdit.text().strip() or not ui.surnameEdit.text().strip():
            raise FormProblem(
                self.tr("Scan the document, or type at least its number and the surname."),
                ui.mrzEdit,
            )
        try:
            return TravelDocument(
                document_code=ui.docCodeEdit.text().strip() or "P",
                issuing_state=ui.issuingStateEdit.text().strip(),
                number=ui.docNumberEdit.text().strip(),
                surname=ui.surnameEdit.text().strip(),
                given_names=ui.givenNamesEdit.text().strip(),
                nationality=ui.nationalityEdit.text().strip(),
                birth_date=birth,
                sex=ui.sexCombo.currentData() or "X",
                expiry_date=expiry,
                optional_data=self._mrz_result.optional_data[:40] if self._mrz_result else "",
                capture=self._capture,
                mrz=self._mrz_lines,
            )
        except ValidationError as error:
            raise FormProblem(form_problem(error), self._at_fault(error)) from None

    def _at_fault(self, error: ValidationError) -> QWidget | None:
        ui = self.ui
        return field_at_fault(
            error,
            {
                "document_code": ui.docCodeEdit,
                "issuing_state": ui.issuingStateEdit,
                "number": ui.docNumberEdit,
                "surname": ui.surnameEdit,
                "given_names": ui.givenNamesEdit,
                "nationality": ui.nationalityEdit,
                "birth_date": ui.birthDateEdit,
                "expiry_date": ui.expiryDateEdit,
                "remarks": ui.remarksEdit,
            },
        )

    def clearance(
        self,
        direction: Direction,
        decision: Decision,
        ground: RefusalGround | None,
        **links: object,
    ) -> PassengerClearance:
        remarks = self.ui.remarksEdit.text().strip()
        adult = self.accompanying_adult()
        if self._is_minor() and self._adult_unchosen():
            raise FormProblem(
                self.tr(
                    "A minor: choose the accompanying adult, or None / travelling alone with "
                    "a remark saying why."
                ),
                self.ui.adultCombo,
            )
        if self._is_minor() and adult is None and self.unaccompanied_needs_remark and not remarks:
            # Travelling alone is allowed, but chosen on purpose: the remark says why. The
            # remark is what is missing, so the officer's typing goes there (in the adult
            # list it would open the list and be lost).
            raise FormProblem(
                self.tr(
                    "A minor travelling alone: choose the accompanying adult, or say in the "
                    "remarks why the minor travels alone."
                ),
                self.ui.remarksEdit,
            )
        try:
            return PassengerClearance(
                direction=direction,
                decision=decision,
                refusal_ground=ground,
                remarks=remarks,
                document=self.document(),
                traveller_role=TravellerRole(self.ui.roleCombo.currentData()),
                purpose=Purpose(self.ui.purposeCombo.currentData()),
                accompanying_adult_id=adult,
                **links,  # type: ignore[arg-type]
            )
        except ValidationError as error:
            raise FormProblem(form_problem(error), self._at_fault(error)) from None

    def load(self, clearance: PassengerClearance) -> None:
        """Show a saved clearance (for an amendment)."""
        doc = clearance.document
        ui = self.ui
        self._mrz_lines = doc.mrz
        self._capture = doc.capture
        ui.mrzEdit.blockSignals(True)
        ui.mrzEdit.setPlainText("\n".join(doc.mrz))
        ui.mrzEdit.blockSignals(False)
        ui.docCodeEdit.setText(doc.document_code)
        ui.issuingStateEdit.setText(doc.issuing_state)
        ui.docNumberEdit.setText(doc.number)
        ui.surnameEdit.setText(doc.surname)
        ui.givenNamesEdit.setText(doc.given_names)
        ui.nationalityEdit.setText(doc.nationality)
        ui.birthDateEdit.setText(doc.birth_date.isoformat() if doc.birth_date else "")
        ui.expiryDateEdit.setText(doc.expiry_date.isoformat() if doc.expiry_date else "")
        select(ui.sexCombo, doc.sex)
        select(ui.purposeCombo, clearance.purpose)
        select(ui.roleCombo, clearance.traveller_role)
        ui.remarksEdit.setText(clearance.remarks)
        self._chosen_adult, self._adult_chosen = clearance.accompanying_adult_id, True
        self._fill_adults()
        # A document read from its MRZ keeps what only the MRZ holds (the optional data) and
        # shows its checks again; the fields stay as saved, corrections included.
        self._mrz_result = parse_mrz("\n".join(doc.mrz)) if doc.mrz else None
        if self._mrz_result is not None:
            self._show_checks(self._mrz_result)
        self._show_alerts()

    def clear(self) -> None:
        ui = self.ui
        self._mrz_result = None
        self._mrz_lines = ()
        self._first_key_at = None
        self._capture = CaptureMethod.TYPED_FIELDS
        ui.mrzEdit.blockSignals(True)
        ui.mrzEdit.clear()
        ui.mrzEdit.blockSignals(False)
        for edit in (
            ui.docCodeEdit,
            ui.issuingStateEdit,
            ui.docNumberEdit,
            ui.surnameEdit,
            ui.givenNamesEdit,
            ui.nationalityEdit,
            ui.birthDateEdit,
            ui.expiryDateEdit,
            ui.remarksEdit,
        ):
            edit.clear()
        select(ui.sexCombo, "X")
        select(ui.purposeCombo, Purpose.TOURISM)
        select(ui.roleCombo, TravellerRole.PASSENGER)
        self._chosen_adult, self._adult_chosen = None, False  # the next child: the default again
        self._fill_adults()
        ui.checksLabel.clear()
        set_state(ui.checksLabel, "idle")
        self._show_alerts()

    def focus_start(self) -> None:
        self.ui.mrzEdit.setFocus()

    def is_blank(self) -> bool:
        ui = self.ui
        return not (
            ui.mrzEdit.toPlainText().strip()
            or ui.docNumberEdit.text().strip()
            or ui.surnameEdit.text().strip()
        )

    def summary(self) -> str:
        return f"{self.ui.surnameEdit.text()} {self.ui.givenNamesEdit.text()}".strip()

    def doubts(self) -> list[str]:
        """What the officer should look at again before clearing: a failed MRZ check, an
        expired document, a document typed without its date of expiry (every passport and
        card has one; asked here, not said while the fields are being typed). A minor is
        not a doubt (the role says so)."""
        found = [a for a in self.alerts() if not a.startswith(self.tr("MINOR"))]
        if not self.ui.expiryDateEdit.text().strip() and not self.is_blank():
            found.append(self.tr("NO DATE OF EXPIRY — the document's own is not in the form"))
        return found


def passenger_label(clearance: PassengerClearance) -> str:
    doc = clearance.document
    return f"{doc.surname} {doc.given_names} · {doc.number} · {label(clearance.decision)}"
