"""Release slips (gate passes): a vehicle clearance's current state, sealed in a QR code.

`issue_slip` builds and signs the claims; `render_pdf` lays the slip out for an 80 mm receipt
printer or an A5 sheet, `render_png` as an image. Above `MAX_LISTED_VINS` VINs the QR code holds
their count and the SHA-256 of the list instead of the list (a car carrier's 40 VINs would make
the code too dense to scan from a creased printout); the paper still lists every VIN.
"""

from __future__ import annotations

import hashlib
import io
import textwrap
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Final, Literal

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from inspection_client.domain.clock import offset_minutes, printed_time
from inspection_client.domain.codes import SLIP_LANE_KINDS, Decision
from inspection_client.domain.models import VehicleClearance
from inspection_client.errors import InputError
from inspection_client.message import Message
from inspection_client.reports import fonts, printing, qr_image
from inspection_client.reports.labels import Lang, label
from inspection_client.reports.sealed_qr import DocumentKind, seal
from inspection_client.store import records
from inspection_client.store.database import Store

DEFAULT_VALIDITY: Final = timedelta(hours=72)
MAX_VALIDITY: Final = timedelta(days=30)  # a gate pass, not a permit
MAX_LISTED_VINS: Final = 30
SLIP_CLAIMS_VERSION: Final = 1
SlipSize = Literal["80mm", "a5"]
SLIP_SIZES: Final[tuple[SlipSize, ...]] = ("80mm", "a5")


class SlipRefused(InputError):
    """No slip can be issued for this record (unknown, voided, not a cleared vehicle)."""

    exit_status = 1


@dataclass(frozen=True)
class ReleaseSlip:
    """What is printed on the slip, and the sealed text of its QR code."""

    record_id: str
    claims: dict[str, Any]
    text: str
    clearance: VehicleClearance
    officer: str
    recorded_at: datetime
    issued_at: datetime
    expires_at: datetime


def vin_list_digest(vins: tuple[str, ...] | list[str]) -> str:
    """SHA-256 hex of the VINs in record order, joined by line feeds (UTF-8)."""
    return hashlib.sha256("\n".join(vins).encode()).hexdigest()


# What a record that is not a clearance is, in a sentence.
_KINDS = {
    "shift_open": Message("shift opening"),
    "shift_close": Message("shift closing"),
    "void": Message("void"),
    "amendment": Message("amendment"),
}


def find_record_id(store: Store, text: str) -> str:
    """A full record id, from the full id or a unique start or end of it, 8 characters or more.

    Ids start with the time they were made (`domain.ids`), so records made in the same
    minute share their first characters; the end of an id is random and tells them apart.

    Raises:
        InputError: the text is not an id nor a part of one.
        SlipRefused: no such record, or the part matches several.
    """
    wanted = text.strip().lower()
    try:
        return str(uuid.UUID(wanted))
    except ValueError:
        pass
    if len(wanted) < 8 or not all(c in "0123456789abcdef-" for c in wanted):
        raise InputError(  # not an id at all: bad input (exit 2), not a refused record
            Message(
                "{text!r} is not a record id: give the whole id, or its first or last 8 "
                "characters or more (History shows it).",
                text=text,
            )
        )
    with store.read() as conn:
        rows = conn.execute(
            "SELECT id FROM records WHERE (id >= ? AND id < ?) OR substr(id, -?) = ? LIMIT 2",
            (wanted, wanted + "\uffff", len(wanted), wanted),
        ).fetchall()
    if not rows:
        raise SlipRefused(Message("There is no record {record} at this workstation.", record=text))
    if len(rows) > 1:
        raise SlipRefused(
            Message("{text} matches several records; give more of the id.", text=text)
        )
    return str(rows[0][0])


def issue_slip(
    store: Store,
    record_id: str,
    private_key: Ed25519PrivateKey,
    *,
    now: datetime | None = None,
    valid_for: timedelta = DEFAULT_VALIDITY,
) -> ReleaseSlip:
    """Seal a release slip for a vehicle clearance as it currently stands.

    Raises:
        SlipRefused: the record is unknown, voided, not a vehicle clearance, its vehicle was
            refused or referred, or it has more containers and seals than a QR code holds.
        InputError: a validity that is not positive or longer than `MAX_VALIDITY`.
    """
    if not timedelta(0) < valid_for <= MAX_VALIDITY:
        raise InputError(
            Message(
                "A release slip is valid for up to {days} days ({hours} hours).",
                days=MAX_VALIDITY.days,
                hours=MAX_VALIDITY // timedelta(hours=1),
            )
        )
    full_id = find_record_id(store, record_id)
    state = records.current(store, full_id)
    if state is None:
        original = records.get(store, full_id)
        if original is None:
            raise SlipRefused(
                Message("There is no record {record} at this workstation.", record=full_id)
            )
        raise SlipRefused(
            Message(
                "Record {record} is a {kind} record, not a vehicle clearance; release slips are "
                "issued for vehicles only.",
                record=full_id,
                kind=_KINDS.get(original.kind, original.kind),
            )
        )
    if state.voided_by is not None:
        void = state.voided_by
        raise SlipRefused(
            Message(
                "Record {record} was voided on {when} (approved by {supervisor}); no slip can be "
                "issued.",
                record=full_id,
                when=printed_time(void.recorded_at, None),
                supervisor=getattr(void.body, "approved_by", "?"),
            )
        )
    clearance = state.clearance
    if not isinstance(clearance, VehicleClearance):
        raise SlipRefused(
            Message(
                "Record {record} is a passenger clearance; release slips are issued for vehicles "
                "only (issue it for the vehicle the traveller rode in).",
                record=full_id,
            )
        )
    # The gate lets through whatever carries a valid slip, so a vehicle that was turned back
    # or is still waiting for secondary inspection must not get one.
    if clearance.decision is not Decision.CLEARED:
        raise SlipRefused(
            Message(
                "{plate} (record #{seq}) was not cleared; release slips are issued for cleared "
                "vehicles only (a referred one once a supervisor has amended it to cleared).",
                plate=clearance.plate,
                seq=state.original.seq,
            )
        )
    workstation = store.require_workstation()
    if workstation.lane_kind not in SLIP_LANE_KINDS:
        # Every gate refuses a slip signed at such a lane: printed, it would only be turned
        # back at the gate, with the vehicle in the queue.
        raise SlipRefused(
            Message(
                "This workstation is at a passenger lane: gates take release slips only from "
                "vehicle, freight and green-channel lanes. Clear the vehicle at one of those; "
                "its slip is printed there."
            )
        )
    issued = (now or datetime.now(UTC)).replace(microsecond=0)
    expires = issued + valid_for
    seals = [s for container in clearance.containers for s in container.seals]
    claims: dict[str, Any] = {
        "v": SLIP_CLAIMS_VERSION,
        "id": full_id,
        "iat": int(issued.timestamp()),
        "exp": int(expires.timestamp()),
        "port": workstation.port_code,
        "lane": workstation.lane_id,
        "dir": clearance.direction.value,
        "dec": clearance.decision.value,
        "plates": [clearance.plate],
        "vin_count": len(clearance.vins),
        "containers": [c.number for c in clearance.containers],
        "seals": seals,
        "decl": clearance.declaration_number,
        "officer": state.original.officer,
    }
    # The offset the slip prints its times in, so the gate can say them the same way.
    offset = offset_minutes(state.original.recorded_at)
    if offset is not None:
        claims["off"] = offset
    if len(clearance.vins) > MAX_LISTED_VINS:
        claims["vin_sha256"] = vin_list_digest(list(clearance.vins))
    else:
        claims["vins"] = list(clearance.vins)
    text = seal(DocumentKind.SLIP, claims, private_key)
    try:
        qr_image.qr_version(text)
    except ValueError:
        # Containers and seals have no digest form as VINs do; twenty containers with many
        # long seals each are more than the largest QR code holds.
        raise SlipRefused(
            Message(
                "Record {record} lists more containers and seals than a release slip's QR code "
                "can hold; no slip can be issued.",
                record=full_id,
            )
        ) from None
    return ReleaseSlip(
        record_id=full_id,
        claims=claims,
        text=text,
        clearance=clearance,
        officer=state.original.officer,
        recorded_at=state.original.recorded_at,
        issued_at=issued,
        expires_at=expires,
    )


# -- printing -------------------------------------------------------------------------------


def slip_lines(
    slip: ReleaseSlip, lang: Lang, *, vin_separator: str = "\n"
) -> list[tuple[str, str]]:
    """(label, value) pairs printed on the slip, in order (shared by PDF and PNG)."""
    vehicle = slip.clearance
    lines = [
        (
            label("Port", lang),
            f"{slip.claims['port']} / {label('Lane', lang)} {slip.claims['lane']}",
        ),
        (label("Plate", lang), f"{vehicle.plate} ({vehicle.registration_country})"),
        (label("Vehicle kind", lang), label(vehicle.vehicle_kind.value, lang)),
        (label("Direction", lang), label(vehicle.direction.value, lang)),
        (label("Decision", lang), label(vehicle.decision.value, lang).upper()),
        (label("Declaration", lang), vehicle.declaration_number or "–"),
    ]
    if vehicle.vins:
        lines.append(
            (f"{label('VINs', lang)} ({len(vehicle.vins)})", vin_separator.join(vehicle.vins))
        )
        if len(vehicle.vins) > MAX_LISTED_VINS:
            lines.append((label("VIN list digest", lang), str(slip.claims["vin_sha256"])))
    if vehicle.containers:
        # One label for them all; each container with its own seals, on a line of its own
        # (a receipt puts the seals on the next line, indented, so they stay with it).
        between = "\n  " if vin_separator == "\n" else "  "
        lines.append(
            (
                f"{label('Containers', lang)} ({len(vehicle.containers)})",
                "\n".join(
                    f"{c.number}{between}{label('Seals', lang)}: {', '.join(c.seals) or '–'}"
                    for c in vehicle.containers
                ),
            )
        )
    lines += [
        (label("Officer", lang), slip.officer),
        # All three in the record's own offset (the lane's clock), so they read together.
        (label("Time", lang), slip_time(slip, slip.recorded_at)),
        (label("Issued", lang), slip_time(slip, slip.issued_at)),
        (label("Valid until", lang), slip_time(slip, slip.expires_at)),
        (label("Record id", lang), slip.record_id),
    ]
    return lines


def slip_time(slip: ReleaseSlip, moment: datetime) -> str:
    """A moment as the slip prints it: in the offset of the record's own time (the lane's
    clock when the vehicle was cleared), with that offset, whatever this machine's zone is."""
    return printed_time(moment, slip.recorded_at.tzinfo)


def render_pdf(
    slip: ReleaseSlip,
    *,
    size: SlipSize = "80mm",
    lang: Lang = "en",
    search_list: tuple[tuple[str, int], ...] = fonts.SEARCH_LIST,
) -> bytes:
    """The slip as a one-page PDF: 80 mm wide receipt paper (height to fit) or A5.

    Raises:
        fonts.ReportFontMissing: ``lang`` is zh_CN and no CJK font is installed.
    """
    # A5 has room for several VINs a line; a receipt lists one a line.
    lines = slip_lines(slip, lang, vin_separator="\n" if size == "80mm" else "  ")
    if size == "80mm":
        layout = _Layout(width=80.0, margin=4.0, qr_size=56.0, font_size=8.0, label_width=22.0)
        # Receipt paper is a roll: the page ends a tear-off margin below what is printed on it,
        # measured by laying the slip out once on a page longer than any slip.
        scratch = printing.new_document(
            lang, page_format=(layout.width, _MEASURING_LENGTH), search_list=search_list
        )
        try:
            scratch.pdf.add_page()
            bottom = _draw(scratch, slip, lines, layout, lang, qr=False)
        finally:
            printing.discard(scratch)
        page = (layout.width, bottom + TEAR_OFF_MARGIN)
    else:
        layout = _Layout(width=148.0, margin=10.0, qr_size=70.0, font_size=10.0, label_width=34.0)
        page = (layout.width, 210.0)
    document = printing.new_document(lang, page_format=page, search_list=search_list)
    document.pdf.add_page()
    _draw(document, slip, lines, layout, lang, qr=True)
    return printing.output(document)


def _broken_at_hyphens(value: str, width_of: Callable[[str], float], room: float) -> str:
    """`value` with each line too long for `room` broken after hyphens, not inside a part.

    A receipt's record id does not fit its line: broken anywhere, "…9ea38989 / b145" reads
    as two ids. Lines with spaces wrap at them as usual; parts longer than the line still
    wrap where they must.
    """
    broken = []
    for line in value.split("\n"):
        if " " in line or "-" not in line or width_of(line) <= room:
            broken.append(line)
            continue
        current = ""
        for part in line.split("-"):
            piece = f"{current}-{part}" if current else part
            if current and width_of(piece + "-") > room:
                broken.append(current + "-")
                current = part
            else:
                current = piece
        broken.append(current)
    return "\n".join(broken)


# Blank paper left below the last printed line of a receipt, to tear it off by.
TEAR_OFF_MARGIN: Final = 10.0
# Longer than any slip's content (40 VINs and twenty containers fill less than a metre).
_MEASURING_LENGTH: Final = 2000.0
_ROW: Final = 4.2


@dataclass(frozen=True)
class _Layout:
    width: float
    margin: float
    qr_size: float
    font_size: float
    label_width: float


def _draw(
    document: printing.Document,
    slip: ReleaseSlip,
    lines: list[tuple[str, str]],
    layout: _Layout,
    lang: Lang,
    *,
    qr: bool,
) -> float:
    """Lay the slip out from the top of the current page; the y (mm) below its last line.

    Without ``qr`` the code's place is left blank (measuring needs only its size).
    """
    pdf, p = document.pdf, document.printable
    width, margin, font_size = layout.width, layout.margin, layout.font_size
    qr_size, label_width = layout.qr_size, layout.label_width
    usable = width - 2 * margin
    pdf.set_margins(margin, margin, margin)
    pdf.set_auto_page_break(True, margin=margin)
    pdf.set_title(p(f"{label('Release slip', lang)} {slip.clearance.plate}"))
    document.font(font_size + 6)
    pdf.cell(0, 9, p(label("Release slip", lang)), align="C", new_x="LMARGIN", new_y="NEXT")
    document.font(font_size + 8)
    pdf.cell(0, 10, p(slip.clearance.plate), align="C", new_x="LMARGIN", new_y="NEXT")
    for name, value in lines:
        document.font(font_size - 1)
        pdf.set_x(margin)
        pdf.cell(label_width, _ROW, p(name))
        document.font(font_size)
        value = _broken_at_hyphens(
            value, lambda text: pdf.get_string_width(p(text)), usable - label_width
        )
        pdf.multi_cell(usable - label_width, _ROW, p(value), new_x="LMARGIN", new_y="NEXT")
    room = pdf.h - margin - pdf.get_y() - 10
    if room < qr_size:
        # A smaller code on the same sheet beats a second sheet that can get separated; below
        # 45 mm the modules of a long slip get too small for a handheld scanner.
        if room >= 45:
            qr_size = room
        else:
            pdf.add_page()
    y = pdf.get_y() + 2
    if qr:
        pdf.image(printing.qr_png(slip.text), x=(width - qr_size) / 2, y=y, w=qr_size, h=qr_size)
    pdf.set_xy(margin, y + qr_size + 1)
    document.font(font_size - 1)
    pdf.multi_cell(
        usable,
        4,
        p(label("Present at the exit gate. Valid once.", lang)),
        align="C",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    return pdf.get_y()


def render_png(
    slip: ReleaseSlip,
    *,
    lang: Lang = "en",
    search_list: tuple[tuple[str, int], ...] = fonts.SEARCH_LIST,
) -> bytes:
    """The slip as a PNG 576 pixels wide (80 mm at 183 dpi, the usual receipt printer width).

    Raises:
        fonts.ReportFontMissing: ``lang`` is zh_CN and no CJK font is installed.
    """
    from PIL import Image, ImageDraw, ImageFont

    face = (
        fonts.require_cjk_font(search_list) if lang == "zh_CN" else fonts.find_cjk_font(search_list)
    )

    def font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
        if face is None:
            return ImageFont.load_default(size)
        return ImageFont.truetype(str(face.path), size, index=face.index)

    width, margin = 576, 16
    qr = qr_image.render_image(slip.text, module_pixels=4)
    if qr.width > width - 2 * margin:
        qr = qr_image.render_image(slip.text, module_pixels=3)
    small, normal, big = font(18), font(22), font(40)
    wrapped: list[tuple[str, str]] = []
    for name, value in slip_lines(slip, lang):
        chunks = _wrapped(_broken_at_hyphens(value, len, 30), 30)
        wrapped.append((name, chunks[0]))
        wrapped.extend(("", chunk) for chunk in chunks[1:])
    height = 130 + len(wrapped) * 28 + qr.height + 60
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    draw.text((width // 2, 12), label("Release slip", lang), font=normal, fill=0, anchor="mt")
    draw.text((width // 2, 48), slip.clearance.plate, font=big, fill=0, anchor="mt")
    y = 110
    for name, value in wrapped:
        draw.text((margin, y), name, font=small, fill=0)
        draw.text((margin + 150, y), value, font=normal, fill=0)
        y += 28
    image.paste(qr.convert("L"), ((width - qr.width) // 2, y + 10))
    note = label("Present at the exit gate. Valid once.", lang)
    draw.text((width // 2, y + qr.height + 24), note, font=small, fill=0, anchor="mt")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _wrapped(value: str, width: int) -> list[str]:
    """``value``'s lines cut to ``width`` characters, between words where there is room (a
    seal number stays whole), keeping a line's indent on the lines it wraps onto."""
    chunks: list[str] = []
    for part in value.split("\n"):
        indent = part[: len(part) - len(part.lstrip(" "))]
        chunks += textwrap.wrap(part, width, subsequent_indent=indent, break_on_hyphens=False) or [
            ""
        ]
    return chunks
