"""`inspection-client verify`: check a scanned release slip or shift-report code, offline."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from typing import Any

from inspection_client.commands.common import open_store
from inspection_client.domain.clock import claims_time, claims_zone, names_offset, printed_offset

# A QR code holds at most 4,296 characters; anything far longer is not a scan.
MAX_INPUT_BYTES = 64 * 1024
# Claims that are unix seconds, printed as times (--json keeps the numbers).
_TIMES = frozenset({"iat", "exp"})


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "verify",
        help="check a scanned release slip or shift-report QR text",
        description="Verify the signature, expiry and port of a scanned QR text. A valid "
        "release slip is recorded as used; a second check says when it was first used. "
        "Exit status: 0 valid, 1 anything else, 3 when this workstation's database cannot be "
        "opened (the text was not checked).",
    )
    parser.add_argument(
        "text", metavar="TEXT", help="the scanned text, or - to read standard input"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--officer", metavar="CODE", help="the gate officer (recorded with the use)"
    )
    parser.add_argument(
        "--no-mark",
        action="store_true",
        help="only look: do not record the slip as used (a used slip still says so)",
    )
    parser.add_argument(
        "--against-records",
        action="store_true",
        help="for a shift report: also rebuild the report from this database and compare digests",
    )
    parser.set_defaults(handler=run)


def read_text(source: str) -> str:
    if source != "-":
        return source
    raw = (
        sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
        if hasattr(sys.stdin, "buffer")
        else (sys.stdin.read(MAX_INPUT_BYTES + 1).encode("utf-8", "replace"))
    )
    # Undecodable bytes become U+FFFD, which the decoder then reports as not a sealed document.
    # A file saved by Windows Notepad starts with a byte-order mark, which is no part of a code.
    return raw[: MAX_INPUT_BYTES + 1].decode("utf-8-sig", "replace")


def run(args: argparse.Namespace) -> int:
    from inspection_client.reports import gate, shift_report
    from inspection_client.reports.sealed_qr import DocumentKind

    text = read_text(args.text)
    with open_store(args) as store:
        result = gate.verify_text(store, text, officer=args.officer, mark_used=not args.no_mark)
        records_match: tuple[bool, str] | None = None
        if args.against_records and result.valid and result.kind is DocumentKind.REPORT:
            assert result.claims is not None
            records_match = shift_report.recompute_digest(store, result.claims)
    valid = result.valid and (records_match is None or records_match[0])
    if args.json:
        payload: dict[str, Any] = result.to_json()
        if records_match is not None:
            payload["records_match"] = records_match[0]
            payload["records_detail"] = records_match[1]
            payload["valid"] = valid
        if result.claims is not None:
            # False for a document made before `off`: the times of its reason are this
            # computer's.
            payload["offset_named"] = names_offset(result.claims)
        print(json.dumps(payload, ensure_ascii=False, default=str))
    else:
        kind = result.kind.value if result.kind else "unknown"
        print(f"{result.verdict.value.upper()}: {result.reason} ({kind})")
        if result.note:
            print(f"NOTE: {result.note}")
        if result.claims is not None and not names_offset(result.claims):
            offset = printed_offset(datetime.now(claims_zone(result.claims)))
            print(
                "NOTE: the document names no UTC offset (it was made before documents did); "
                f"its times are shown in this computer's, {offset}."
            )
        for name, value in sorted((result.claims or {}).items()):
            # As the slip prints them (in its own offset, with it), as the verdict says them.
            shown = claims_time(result.claims, value) if name in _TIMES else value
            print(f"  {name}: {shown}")
        if records_match is not None:
            print(("MATCHES" if records_match[0] else "DIFFERS") + f": {records_match[1]}")
    return 0 if valid else 1
