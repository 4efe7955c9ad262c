"""`inspection-client audit verify`: check the local audit chain from the first record on."""

from __future__ import annotations

import argparse
import json

from inspection_client.commands.common import open_store
from inspection_client.store.audit import verify_chain


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "audit",
        help="check the audit chain",
        description="Check the audit chain over every record.",
    )
    actions = parser.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = actions.add_parser(
        "verify",
        help="exit 0 when the chain is intact, 1 naming the first broken entry",
        description="Recompute the hash chain over every record in sequence order. An edited, "
        "deleted or inserted record or audit entry breaks it.",
    )
    verify.add_argument("--json", action="store_true", help="print one JSON object")
    verify.set_defaults(handler=run_verify)


def run_verify(args: argparse.Namespace) -> int:
    with open_store(args, reading=True) as store:
        report = verify_chain(store)
    if args.json:
        print(
            json.dumps(
                {
                    "intact": report.intact,
                    "checked": report.checked,
                    "head": report.head,
                    "head_seq": report.head_seq,
                    "broken_at": report.broken_at,
                    "problem": report.problem,
                }
            )
        )
    elif report.intact:
        print(
            f"Audit chain intact: {report.checked:,} records, head {report.head} "
            f"at sequence {report.head_seq}."
        )
    else:
        print(
            f"Audit chain BROKEN at sequence {report.broken_at}: {report.problem} "
            f"({report.checked:,} records before it are intact.)"
        )
    return 0 if report.intact else 1
