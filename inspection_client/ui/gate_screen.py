"""The exit gate: scan a release slip or a shift report's code, see the verdict at a glance.

The scanner types the QR text into the field and ends with Enter; `reports.gate.verify_text`
checks it in the store worker (and records a slip's first use). The verdict is shown big, in
words and colour, with what the document claims; the field clears for the next scan.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QWidget

from inspection_client.domain.clock import (
    claims_time,
    claims_zone,
    names_offset,
    printed_offset,
)
from inspection_client.domain.codes import Decision, Direction
from inspection_client.errors import UserFacingError
from inspection_client.reports import gate
from inspection_client.reports.gate import SlipUse
from inspection_client.reports.sealed_qr import DocumentKind, Unsealed, Verdict
from inspection_client.store.database import Store
from inspection_client.ui.forms.ui_gate import Ui_GateScreen
from inspection_client.ui.labels import label
from inspection_client.ui.messages import error_text, localised
from inspection_client.ui.scanner_keys import end_scans_on_line_feed
from inspection_client.ui.session import Session, as_signed_in

# Text colour, background, border: green for pass, red for stop, amber for "look again".
_COLOURS = {
    "pass": ("#ffffff", "#2b8a3e", "#1b5e20"),
    "stop": ("#ffffff", "#c92a2a", "#7a0000"),
    "check": ("#3d2c00", "#ffd43b", "#e67700"),
    "idle": ("#343a40", "#f1f3f5", "#adb5bd"),
}
_VERDICT_STYLE = (
    "font-size: 26pt; font-weight: bold; padding: 12px;"
    " color: {0}; background: {1}; border: 3px solid {2};"
)


@dataclass(frozen=True)
class GateCheck:
    """A scan's verdict, and for a slip seen before, its first use at this gate."""

    result: Unsealed
    first_use: SlipUse | None


def check_scan(store: Store, text: str, officer: str | None) -> GateCheck:
    """Verify the scanned text and record a valid slip's use (runs in the store worker)."""
    result = gate.verify_text(store, text, officer=officer)
    first = None
    if result.verdict is Verdict.ALREADY_USED and result.key_id and result.claims:
        first = gate.first_use(store, result.key_id, str(result.claims.get("id")))
    return GateCheck(result, first)


def _coded(kind: type[StrEnum], value: object) -> str:
    try:
        return label(kind(str(value)))
    except ValueError:
        return str(value)


def _listed(value: object) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value) or "—"
    return "—" if value is None else str(value)


class GateScreen(QWidget):
    """A scan field with focus, the verdict, its reason and the document's claims."""

    def __init__(self, ops: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_GateScreen()
        self.ui.setupUi(self)
        self.setObjectName("gateScreen")
        self.ops = ops
        self.session: Session | None = None
        self.last: GateCheck | None = None
        self._error: str | None = None
        self.ui.scanEdit.returnPressed.connect(self.check)
        end_scans_on_line_feed(self.ui.scanEdit)
        self.ui.checkButton.clicked.connect(self.check)
        self.setFocusProxy(self.ui.scanEdit)
        self._show()

    def set_session(self, session: Session | None) -> None:
        self.session = session
        if session is None:
            self.last, self._error = None, None
            self.ui.scanEdit.clear()
            self._show()

    def focus_start(self) -> None:
        self.ui.scanEdit.setFocus()

    def check(self) -> None:
        text = self.ui.scanEdit.text()
        # Cleared before the answer arrives: the next vehicle's scan must not append to this one.
        self.ui.scanEdit.clear()
        self.ui.scanEdit.setFocus()
        if not text.strip():
            return
        session = self.session
        officer = session.officer.code if session is not None else None

        def work(store: Store) -> GateCheck:
            return check_scan(store, text, officer)

        self.ops.run(
            work if session is None else as_signed_in(session.officer.code, session.stamp, work),
            self._checked,
            self._failed,
        )

    def _checked(self, found: GateCheck) -> None:
        self.last, self._error = found, None
        self._show()
        self.ui.scanEdit.setFocus()

    def _failed(self, error: UserFacingError) -> None:
        self.last, self._error = None, error_text(error)
        self._show()
        self.ui.scanEdit.setFocus()

    # -- showing ----------------------------------------------------------------------------

    def verdict_text(self, result: Unsealed) -> tuple[str, str]:
        """The big words and their colour group for a verdict."""
        report = result.kind is DocumentKind.REPORT
        words = {
            Verdict.VALID: (
                self.tr("VALID SHIFT REPORT") if report else self.tr("VALID — LET IT PASS"),
                "pass",
            ),
            Verdict.TAMPERED: (self.tr("TAMPERED — DO NOT LET IT PASS"), "stop"),
            Verdict.EXPIRED: (self.tr("EXPIRED"), "stop"),
            Verdict.UNKNOWN_SIGNER: (self.tr("UNKNOWN SIGNER"), "stop"),
            Verdict.ALREADY_USED: (self.tr("ALREADY USED"), "stop"),
            Verdict.WRONG_PORT: (self.tr("WRONG PORT"), "stop"),
            Verdict.NOT_CLEARED: (self.tr("NOT CLEARED — DO NOT LET IT PASS"), "stop"),
            Verdict.MALFORMED: (self.tr("NOT READABLE — SCAN AGAIN"), "check"),
            Verdict.NOT_YET_VALID: (self.tr("NOT YET VALID"), "check"),
        }
        return words.get(result.verdict, (str(result.verdict).upper(), "check"))

    def explanation(self, found: GateCheck) -> str:
        text = self._verdict_explanation(found)
        note = getattr(found.result, "note", "")
        # How current the gate's list of withdrawn slips is, or that it has none.
        return f"{text}\n{localised(note)}" if note else text

    def _verdict_explanation(self, found: GateCheck) -> str:
        result = found.result
        if result.verdict is Verdict.ALREADY_USED and found.first_use is not None:
            use = found.first_use
            # As the slip prints its times (its own offset), not in this computer's zone.
            when = claims_time(result.claims, use.first_used_at)
            text = self.tr("This slip was already used at this gate on {when}").format(when=when)
            if use.officer:
                text += self.tr(" (checked by {officer})").format(officer=use.officer)
            return text + self.tr("; scans so far: {n}.").format(n=use.uses)
        explain = {
            Verdict.VALID: self.tr("The signature matches and the document is in force."),
            Verdict.TAMPERED: self.tr("The content was changed after it was signed."),
            Verdict.EXPIRED: self.tr("The document is past its validity."),
            Verdict.UNKNOWN_SIGNER: self.tr("It was not signed by a workstation this gate knows."),
            Verdict.WRONG_PORT: self.tr("The slip was issued for another port."),
            Verdict.NOT_CLEARED: self.tr("The vehicle on this slip was not cleared at the lane."),
            Verdict.MALFORMED: self.tr(
                "This is not a readable slip or report code; scan it again."
            ),
            Verdict.NOT_YET_VALID: self.tr("The document is dated in the future; check clocks."),
        }.get(result.verdict, "")
        if result.verdict is Verdict.VALID:
            return explain
        return self.tr("{explanation}\nDetail: {reason}").format(
            explanation=explain, reason=localised(result.reason)
        )

    def claims_html(self, result: Unsealed) -> str:
        claims = result.claims
        if not claims:
            return ""
        rows: list[tuple[str, str]] = []
        if result.kind is DocumentKind.REPORT:
            period = claims.get("period")
            rows += [
                (self.tr("Document"), self.tr("Shift report")),
                (self.tr("Shift"), _listed(claims.get("shift"))),
                (self.tr("Period"), _listed(period) if period else "—"),
                (
                    self.tr("Sequence numbers"),
                    f"{claims.get('from', '—')} – {claims.get('to', '—')}",
                ),
            ]
            counts = claims.get("counts")
            if isinstance(counts, dict):
                rows.append(
                    (
                        self.tr("Counts"),
                        ", ".join(f"{key}: {value}" for key, value in counts.items()),
                    )
                )
            rows.append((self.tr("Digest"), str(claims.get("digest", "—"))))
        else:
            vins = claims.get("vins")
            vin_text = (
                _listed(vins)
                if vins is not None
                else self.tr("{n} VINs (list on the paper slip, digest {digest}…)").format(
                    n=claims.get("vin_count", "?"), digest=str(claims.get("vin_sha256", ""))[:16]
                )
            )
            rows += [
                (self.tr("Document"), self.tr("Release slip")),
                (self.tr("Plate(s)"), _listed(claims.get("plates"))),
                (self.tr("VINs"), vin_text),
                (self.tr("Containers"), _listed(claims.get("containers"))),
                (self.tr("Seals"), _listed(claims.get("seals"))),
                (self.tr("Declaration"), _listed(claims.get("decl"))),
                (self.tr("Decision"), _coded(Decision, claims.get("dec"))),
                (self.tr("Direction"), _coded(Direction, claims.get("dir"))),
                (self.tr("Cleared by officer"), _listed(claims.get("officer"))),
            ]
        rows += [
            (self.tr("Port / lane"), f"{claims.get('port', '—')} / {claims.get('lane', '—')}"),
            (self.tr("Issued"), claims_time(claims, claims.get("iat"))),
            (self.tr("Valid until"), claims_time(claims, claims.get("exp"))),
        ]
        if not names_offset(claims):
            # A document from before the offset was sealed with it: its times are this
            # computer's, which may not be the offset printed on the paper.
            offset = printed_offset(datetime.now(claims_zone(claims)))
            rows.append(
                (
                    self.tr("Times in"),
                    self.tr("this computer's offset, {offset}: the document names none").format(
                        offset=offset
                    ),
                )
            )
        rows.append((self.tr("Document id"), _listed(claims.get("id"))))
        body = "".join(
            f"<tr><th align='left' style='padding-right:12px'>{html.escape(name)}</th>"
            f"<td>{html.escape(value)}</td></tr>"
            for name, value in rows
        )
        return f"<table>{body}</table>"

    def _show(self) -> None:
        ui = self.ui
        if self._error is not None:
            words, group = self.tr("COULD NOT CHECK"), "check"
            reason, claims = self._error, ""
        elif self.last is None:
            words, group, reason, claims = self.tr("Waiting for a scan"), "idle", "", ""
        else:
            words, group = self.verdict_text(self.last.result)
            reason = self.explanation(self.last)
            claims = self.claims_html(self.last.result)
        ui.verdictLabel.setText(words)
        ui.verdictLabel.setProperty("verdict", group)
        ui.verdictLabel.setStyleSheet(_VERDICT_STYLE.format(*_COLOURS[group]))
        ui.reasonLabel.setText(reason)
        ui.claimsText.setHtml(claims)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._show()
        super().changeEvent(event)
