"""`inspection-client db info|check|backup|restore`: what the local database holds, a full page
check, and checked copies taken while the lane keeps working and put back after a failure."""

from __future__ import annotations

import argparse
import json

from inspection_client import paths
from inspection_client.commands.common import open_store
from inspection_client.message import Message
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
    backup = actions.add_parser(
        "backup",
        help="a consistent, checked copy of the database (e.g. onto a USB stick)",
        description="Copy the lane database while the lane keeps working: one consistent "
        "snapshot, checked page by page, readable by its owner only. TO is a folder (the "
        "file is named after the workstation and the time) or a new file.",
    )
    backup.add_argument("--to", required=True, metavar="TO", help="folder or new file")
    backup.add_argument(
        "--with-key",
        action="store_true",
        help="also copy the workstation's private key (needed to sync after a restore; keep "
        "the medium as safe as the workstation)",
    )
    backup.set_defaults(handler=run_backup)
    restore = actions.add_parser(
        "restore",
        help="put a backup in place of the database (close the lane client first)",
        description="Check a backup (a lane database of this version or older, its audit "
        "chain intact) and make it this data directory's database; a .key file beside it "
        "becomes the workstation key. What was there is renamed, not deleted.",
    )
    restore.add_argument("backup", metavar="FILE", help="a file written by `db backup`")
    restore.add_argument(
        "--replace",
        action="store_true",
        help="move the present database (and key, if the backup has one) aside",
    )
    restore.set_defaults(handler=run_restore)


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
    last = info.last_backup
    print(
        "Last backup:     "
        + (
            f"{last['at']}, {last['records']:,} records (up to #{last['head_seq']}), "
            f"to {last['path']}"
            if last
            else "none made by `db backup` or the window"
        )
    )
    restored = info.restored_from
    if restored:
        print(
            f"Restored:        {restored['at']}, from {restored['path']} "
            f"({restored['records']:,} records, up to #{restored['head_seq']})"
        )
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


def run_backup(args: argparse.Namespace) -> int:
    from datetime import datetime
    from pathlib import Path

    from inspection_client.store.backup import (
        BackupError,
        back_up,
        copy_key,
        file_name,
        key_beside,
    )

    key_file = paths.workstation_key_file(paths.data_dir(args.data_dir))
    if args.with_key and not key_file.is_file():
        raise BackupError(
            Message(
                "This workstation has no key to back up ({path}): it is not enrolled.",
                path=key_file,
            )
        )
    with open_store(args) as store:
        target = Path(args.to).expanduser()
        if target.is_dir():
            workstation = store.workstation()
            target /= file_name(workstation.workstation_id if workstation else None, datetime.now())
        if args.with_key and key_beside(target).exists():
            raise BackupError(
                Message(
                    "{path} exists already; a backup never replaces a file.",
                    path=key_beside(target),
                )
            )
        made = back_up(store, target)
    print(
        f"Backed up {made.records:,} records (up to #{made.head_seq}, audit head "
        f"{made.head_hash[:16]}…) to {made.path} ({made.size_bytes / 1e6:,.1f} MB)."
    )
    if args.with_key:
        key = copy_key(key_file, made.path)
        print(f"Workstation key: {key}. Keep the medium as safe as the workstation.")
    else:
        print(
            "It holds travellers' personal data: keep it safe. Without the workstation key "
            "(--with-key), a workstation restored from it cannot sync under its own id."
        )
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from pathlib import Path

    from inspection_client.store.backup import restore

    done = restore(Path(args.backup), paths.data_dir(args.data_dir), replace=args.replace)
    print(f"Restored {done.records:,} records (up to #{done.head_seq}) from {args.backup}.")
    for aside in done.moved_aside:
        print(f"Kept what was there as {aside}.")
    key_file = paths.workstation_key_file(paths.data_dir(args.data_dir))
    if done.key is None and key_file.exists():
        print("No workstation key came with the backup; the one in the data directory stays.")
    elif done.key is None:
        print(
            "No workstation key came with the backup, and there is none here: an enrolled "
            "workstation cannot sync until its key is back (`db backup --with-key` puts it "
            "beside the backup)."
        )
    print(
        "Records made after this backup are not in it. Before anyone saves a record, run "
        "`inspection-client sync` (or open the lane client while the central can be reached): "
        f"the records the central holds beyond #{done.head_seq} come back first. Records "
        "saved before that take numbers the central holds already, and IT must sort them out."
    )
    return 0
