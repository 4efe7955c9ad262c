"""`inspection-client db info|check`: what the local database holds, and a full page check."""

from __future__ import annotations

import argparse
import json

from inspection_client.commands.common import open_store
from inspection_client.store.errors import translated_errors
from inspection_client.store.info import store_info


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("db", help="the local database", description="The local database.")
    actions = parser.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    info = actions.add_parser(
        "info",
        help="path, schema version, record counts, pending sync, audit head",
        description="Path, schema version, record counts by kind, pending sync, audit head.",
    )
    info.add_argument("--json", action="store_true", help="print one JSON object")
    info.set_defaults(handler=run_info)
    check = actions.add_parser(
        "check",
        help="full SQLite integrity check of every page (slow on large databases)",
        description="Run SQLite's full integrity check. Exit 0 when the file is sound.",
    )
    check.set_defaults(handler=run_check)


def run_info(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        info = store_info(store)
    if args.json:
        print(json.dumps(info.to_json()))
        return 0
    kinds = ", ".join(f"{kind} {count:,}" for kind, count in sorted(info.records_by_kind.items()))
    print(f"Database:        {info.path}")
    print(f"Schema version:  {info.schema_version}")
    print(f"Size:            {info.size_bytes / 1e6:,.1f} MB")
    print(
        f"Workstation:     {info.workstation_id or '(not set up)'}"
        + (f" at {info.port_code} lane {info.lane_id}" if info.port_code else "")
    )
    print(f"Records:         {info.records_total:,}" + (f" ({kinds})" if kinds else ""))
    print(
        f"Pending sync:    {info.pending_sync:,}"
        + (f" (+{info.sync_problems:,} needing attention)" if info.sync_problems else "")
    )
    print(f"Audit head:      {info.audit_head} (sequence {info.audit_head_seq})")
    return 0


def run_check(args: argparse.Namespace) -> int:
    with open_store(args) as store, translated_errors(store.path):
        problems = [row[0] for row in store.conn.execute("PRAGMA integrity_check(20)")]
    if problems == ["ok"]:
        print(f"{store.path}: integrity check ok.")
        return 0
    print(f"{store.path}: the database is damaged:")
    for problem in problems:
        print(f"  {problem}")
    return 1
