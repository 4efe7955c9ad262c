"""`inspection-client sync`: send pending records to the central and fetch reference data.

Also the USB procedure for ports without a link: `sync export` and `sync import-receipt`,
and `sync take-back` for a restored lane.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from inspection_client import paths
from inspection_client.commands.common import central_url, open_store, positive_int

if TYPE_CHECKING:
    from inspection_client.store.database import Store

EXIT_PENDING = 4
CLOCK_WARNING_S = 300


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "sync",
        help="send pending records to the central and fetch reference data",
        description="One complete round: send every pending record in signed batches, then "
        "fetch reference data newer than what is applied here. Exits 0 only when nothing is "
        "left pending; otherwise prints one line naming the cause.",
    )
    parser.add_argument(
        "--central",
        type=central_url,
        metavar="URL",
        help="central address (default: enrolled)",
    )
    parser.set_defaults(handler=run_round)
    # Without an action, `sync` runs a round: the action is optional, and its place in the
    # usage line says so.
    actions = parser.add_subparsers(dest="sync_command", metavar="[ACTION]")
    export = actions.add_parser(
        "export",
        help="write pending records as signed batch files (USB)",
        description="Write every pending record as signed batch files "
        "(<workstation>-<first>-<last>.batch.json) and a manifest.json into DIR, for "
        "`inspection-central import`. Nothing is marked sent until a receipt is imported.",
    )
    export.add_argument("--to", required=True, type=paths.given_folder_object, metavar="DIR")
    export.set_defaults(handler=run_export)
    receipt = actions.add_parser(
        "import-receipt",
        help="mark what receipt files from the central acknowledge (USB)",
        description="Read *.receipt.json files written by `inspection-central import` and "
        "mark the records they acknowledge. Repeating it, or importing late, is harmless.",
    )
    receipt.add_argument("source", type=paths.given_path_object, metavar="FILE_OR_DIR")
    receipt.set_defaults(handler=run_import_receipt)
    back = actions.add_parser(
        "take-back",
        help="take back lost records from files the central exported (USB, after a restore)",
        description="A lane restored from an old backup without a link to the central: take "
        "back the records it had synced since the backup, from the signed files "
        "`inspection-central export-records` wrote (<id>-after-000000123.records.json). They must "
        "continue this database's audit chain; repeating it is harmless. When they bring "
        "the database up to what the central held, new records can be saved again.",
    )
    back.add_argument("sources", nargs="+", type=paths.given_path_object, metavar="FILE_OR_DIR")
    back.set_defaults(handler=run_take_back)
    problems = actions.add_parser(
        "problems",
        help="records the central rejected or found in conflict",
        description="The supervisor's queue: records the central rejected or found in "
        "conflict, oldest first, with the central's reason.",
    )
    problems.add_argument("--json", action="store_true", help="one JSON object per line")
    problems.set_defaults(handler=run_problems)
    again = actions.add_parser(
        "send-again",
        help="put rejected records back in the outbox, once the central is fixed",
        description="Put records the central rejected back in the outbox, for the next round "
        "to send: for when IT has fixed the cause at the central (an upgrade, say). The "
        "records do not change. Conflicts cannot be sent again.",
    )
    again.add_argument("seqs", nargs="+", type=positive_int, metavar="SEQ", help="record numbers")
    again.add_argument(
        "--supervisor", required=True, metavar="CODE", help="the supervisor who decides this"
    )
    again.set_defaults(handler=run_send_again)


def _data_dir(args: argparse.Namespace) -> Path:

    return paths.data_dir(getattr(args, "data_dir", None))


def _enrolled_key_usable(store: Store) -> None:
    """Raise KeyFileError (exit status 3) when this workstation is enrolled and its key is
    missing, damaged or readable by others; a workstation not enrolled is said by the round."""
    from inspection_client.store import sync_state
    from inspection_client.sync.enrolment import workstation_key

    if sync_state.get(store, sync_state.WORKSTATION_ID) is not None:
        workstation_key(store.path.parent)


def run_round(args: argparse.Namespace) -> int:
    from inspection_client.commands.common import open_store
    from inspection_client.sync.service import SyncProgress, SyncService

    # A database that is missing, read-only or damaged is the lane's fault, not the link's:
    # said with exit status 3, as every other command says it, rather than 4 ("pending").
    # So is the key of an enrolled workstation that is missing or cannot be used.
    with open_store(args) as store:
        _enrolled_key_usable(store)
    interactive = sys.stderr.isatty()
    shown = [0.0]

    def show(progress: SyncProgress) -> None:
        # A log file gets a line every few seconds, a terminal a line that updates in place.
        now = time.monotonic()
        finished = progress.sent >= progress.pending_total
        if not interactive and now - shown[0] < 5 and not finished:
            return
        shown[0] = now
        left = max(progress.pending_total - progress.sent, 0)
        eta = f"{progress.eta_s:,.0f} s" if progress.eta_s is not None else "?"
        line = f"{left:,} records left, {progress.rate_per_s:,.0f} records/s, about {eta} to go"
        if interactive:
            print(f"\r{line}   ", end="", file=sys.stderr, flush=True)
        else:
            print(line, file=sys.stderr, flush=True)

    service = SyncService(_data_dir(args), args.central)
    try:
        result = service.run_round(progress=show)
    finally:
        service.close()
    if interactive:
        print(file=sys.stderr)
    for warning in service.warnings:
        print(f"warning: reference data {warning}", file=sys.stderr)
    for note in service.notes:
        print(f"warning: {note}", file=sys.stderr)
    if service.applied:
        print(f"Reference data applied: {', '.join(service.applied)}.")
    if result.taken_back:
        print(
            f"Took back {result.taken_back:,} records this database had lost (it was put back "
            "to an older copy: a backup, or a file copied by hand): the central held them."
        )
    if result.hold_lifted:
        print(
            "The restored database now has every record the central holds for this "
            "workstation: new records can be saved."
        )
    skew = _clock_skew(args)
    if skew is not None and abs(skew) > CLOCK_WARNING_S:
        ahead = "ahead of" if skew > 0 else "behind"
        print(
            f"warning: this workstation's clock is {_duration(abs(skew))} {ahead} the "
            "central's; records are kept in sequence order, but ask IT to set the clock.",
            file=sys.stderr,
        )
    if result.ok:
        held = ""
        if result.recovered:
            held = f" ({result.recovered:,} of them already held by the central, not sent again)"
        print(f"Synced: {result.acknowledged:,} records acknowledged{held}, nothing pending.")
        return 0
    print(f"inspection-client: {result.error}", file=sys.stderr)
    return EXIT_PENDING


def _clock_skew(args: argparse.Namespace) -> float | None:
    from inspection_client.commands.common import open_store
    from inspection_client.errors import UserFacingError
    from inspection_client.store.sync_state import sync_status

    try:
        with open_store(args) as store:
            return sync_status(store).clock_skew_s
    except UserFacingError:
        return None


def _duration(seconds: float) -> str:
    if seconds >= 2 * 86400:
        return f"{seconds / 86400:,.0f} days"
    if seconds >= 2 * 3600:
        return f"{seconds / 3600:,.0f} hours"
    return f"{seconds / 60:,.0f} minutes"


def run_export(args: argparse.Namespace) -> int:
    from inspection_client.commands.common import open_store
    from inspection_client.sync.usb import export_batches

    with open_store(args) as store:
        exported = export_batches(store, args.to)
    for reason in exported.unsendable:
        print(f"not written: {reason}", file=sys.stderr)
    files = len(exported.files)
    print(
        f"Wrote {files} batch file{'' if files == 1 else 's'} ({exported.records:,} "
        f"record{'' if exported.records == 1 else 's'}) and "
        f"manifest.json to {args.to}. Import them with `inspection-central import`, then bring "
        "back the .receipt.json files for `inspection-client sync import-receipt`."
    )
    return 1 if exported.unsendable else 0


def run_import_receipt(args: argparse.Namespace) -> int:
    from inspection_client.commands.common import open_store
    from inspection_client.sync.outbox import pending_count
    from inspection_client.sync.usb import import_receipts

    with open_store(args) as store:
        imported = import_receipts(store, args.source)
        pending = pending_count(store)
    for line in imported.refused:
        print(f"not applied: {line}", file=sys.stderr)
    print(
        f"{imported.receipts} receipt{'' if imported.receipts == 1 else 's'} applied: "
        f"{imported.acknowledged:,} records acknowledged, "
        f"{imported.problems:,} rejected or in conflict; {pending:,} still pending."
    )
    return 0 if not imported.refused else 2


def run_take_back(args: argparse.Namespace) -> int:
    from inspection_client.sync.enrolment import require_enrolment
    from inspection_client.sync.take_back import take_back_from_files

    with open_store(args) as store:
        workstation_id, central_key, _key = require_enrolment(store)
        done = take_back_from_files(store, args.sources, workstation_id, central_key)
    for line in done.refused:
        print(f"not used: {line}", file=sys.stderr)
    if done.others:
        files = sum(done.others.values())
        whose = ", ".join(
            f"{other} ({count} file{'' if count == 1 else 's'})"
            for other, count in sorted(done.others.items())
        )
        print(
            f"inspection-client: {'That file holds' if files == 1 else 'Those files hold'} "
            f"the records of another workstation, {whose}, not of this one ({workstation_id}); "
            f"nothing was taken back from {'it' if files == 1 else 'them'}. Ask IT for this "
            f"workstation's files (`inspection-central export-records --workstation "
            f"{workstation_id} --after {done.head_seq} --to DIR`).",
            file=sys.stderr,
        )
        if not done.high_water_seq:
            return 2
    if not done.high_water_seq and not done.refused:
        print(
            "No files of records from the central were found (`inspection-central "
            "export-records` writes <id>-after-000000123.records.json); nothing was taken back.",
            file=sys.stderr,
        )
        return 2
    print(
        f"Took back {done.taken:,} record{'' if done.taken == 1 else 's'}; this database now "
        f"ends at #{done.head_seq}"
        + (f", the central's files at #{done.high_water_seq}." if done.high_water_seq else ".")
    )
    if done.stopped is not None:
        print(f"inspection-client: {done.stopped}", file=sys.stderr)
        return 1
    if done.hold_lifted:
        print(
            "The restored database now has every record the central's files hold for this "
            "workstation: new records can be saved."
        )
    if done.high_water_seq and done.head_seq < done.high_water_seq:
        print(
            f"The central held records up to #{done.high_water_seq}, but the files bring "
            f"this database only to #{done.head_seq}: ask IT for the files from "
            f"#{done.head_seq} on (`inspection-central export-records --after "
            f"{done.head_seq}`).",
            file=sys.stderr,
        )
    if done.high_water_seq and done.head_seq >= done.high_water_seq:
        return 0  # done: files that were not used are reported, and not needed
    return 2 if done.refused else 1


def run_problems(args: argparse.Namespace) -> int:
    import json

    from inspection_client.store.sync_state import sync_problems

    with open_store(args, reading=True) as store:
        problems = sync_problems(store)
    for problem in problems:
        if args.json:
            print(json.dumps(problem.__dict__, ensure_ascii=False))
        else:
            print(
                f"#{problem.seq:<8} {problem.state:<9} {problem.kind:<10} "
                f"{problem.recorded_at[:16].replace('T', ' ')}  {problem.detail or ''}"
            )
    if not problems and not args.json:
        print("No sync problems: the central took every record it was sent.")
    return 0


def run_send_again(args: argparse.Namespace) -> int:
    from inspection_client.commands.common import supervisor_account
    from inspection_client.errors import InputError
    from inspection_client.store.sync_state import sync_problems
    from inspection_client.sync.outbox import send_again

    with open_store(args) as store:
        supervisor = supervisor_account(store, args.supervisor)
        states = {problem.seq: problem.state for problem in sync_problems(store)}
        wanted = list(dict.fromkeys(args.seqs))
        unknown = [seq for seq in wanted if seq not in states]
        if unknown:
            raise InputError(
                "Not in the sync problems: " + ", ".join(f"#{seq}" for seq in unknown) + "."
            )
        count = send_again(store, wanted, supervisor.code)
    conflicts = [seq for seq in wanted if states[seq] == "conflict"]
    print(f"{count} record(s) back in the outbox; the next sync round sends them.")
    if conflicts:
        print(
            "Not sent again (in conflict: the central holds another record under the same "
            "id or number; its reason is in `sync problems`): "
            + ", ".join(f"#{seq}" for seq in conflicts)
            + "."
        )
        return 1
    return 0
