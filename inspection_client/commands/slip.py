"""`inspection-client slip RECORD_ID`: a signed release slip (gate pass) for a vehicle."""

from __future__ import annotations

import argparse
import sys
from datetime import timedelta
from pathlib import Path

from inspection_client import paths
from inspection_client.commands.common import open_store, positive_int_up_to
from inspection_client.errors import InputError

# `reports.slip.MAX_VALIDITY` in hours; that module loads the PDF and QR libraries, which the
# command line loads only when a slip is made.
MAX_VALID_HOURS = 720


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "slip",
        help="print a release slip (gate pass) for a vehicle clearance",
        description="Seal the vehicle clearance's current state into a release slip with a QR "
        "code signed by this workstation, checked offline at the exit gate "
        "(`inspection-client verify`). Only a cleared vehicle gets one: voided, passenger, "
        "refused and referred records get no slip.",
    )
    parser.add_argument(
        "record_id", metavar="RECORD_ID", help="the record id (or its first or last 8+ characters)"
    )
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument(
        "--output", "-o", type=paths.file_to_write, metavar="FILE", help="FILE.pdf or FILE.png"
    )
    target.add_argument(
        "--payload", action="store_true", help="print only the QR text to standard output"
    )
    parser.add_argument(
        "--size",
        type=_size,
        metavar="SIZE",
        help="PDF paper: 80mm (receipt printer, default) or a5",
    )
    parser.add_argument(
        "--valid-hours",
        type=positive_int_up_to(MAX_VALID_HOURS),
        default=72,
        metavar="H",
        help=f"hours the slip stays valid (default 72, at most {MAX_VALID_HOURS})",
    )
    parser.add_argument(
        "--lang",
        dest="slip_lang",
        metavar="LANG",
        help="en or zh_CN (default: global --lang, else en)",
    )
    parser.set_defaults(handler=run)


def _size(text: str) -> str:
    if text.lower() not in ("80mm", "a5"):
        raise argparse.ArgumentTypeError(f"{text!r} is not 80mm or a5")
    return text.lower()


def run(args: argparse.Namespace) -> int:
    from inspection_client.reports import documents
    from inspection_client.reports import slip as slips
    from inspection_client.reports.files import save_document
    from inspection_client.reports.labels import check_lang

    try:
        lang = check_lang(args.slip_lang or getattr(args, "lang", None) or "en")
    except ValueError as error:
        raise InputError(str(error)) from None
    output = Path(args.output) if args.output else None
    if output is not None and output.suffix.lower() not in (".pdf", ".png"):
        raise InputError(f"Write the slip to a .pdf or .png file, not {output.name!r}.")
    if args.size is not None and (output is None or output.suffix.lower() != ".pdf"):
        # Said, not ignored: whoever asked for A5 would otherwise get something else.
        raise InputError("--size is the paper of a PDF slip; give it with --output FILE.pdf.")
    with open_store(args) as store:
        slip = slips.issue_slip(
            store,
            args.record_id,
            documents.workstation_key(store),
            valid_for=timedelta(hours=args.valid_hours),
        )
        data_dir = store.path.parent
    if output is None:
        print(slip.text)
        return 0
    if output.suffix.lower() == ".png":
        data = slips.render_png(slip, lang=lang)
    else:
        data = slips.render_pdf(slip, size=args.size or "80mm", lang=lang)
    save_document(output, data, data_dir=data_dir)
    print(
        f"Wrote {output}: release slip for {slip.clearance.plate}, valid until "
        f"{slips.slip_time(slip, slip.expires_at)}.",  # as the slip prints it
        file=sys.stdout,
    )
    return 0
