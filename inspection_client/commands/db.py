"""`inspection-client db info|check|reindex|backup|backup-key|seal-backups|restore|lift-hold`:
what the local database holds, a full page check, the search index built again, and checked
copies taken while the lane keeps working, sealed for the agency's recovery key and put back
after a failure."""

from __future__ import annotations

import argparse
import functools
import getpass
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from inspection_client import paths
from inspection_client.commands.common import (
    line_from_stdin,
    nothing_left_if_refused,
    open_store,
)
from inspection_client.errors import InputError
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
        description="Run SQLite's full integrity check, FTS5's check of the history "
        "filter's search index (when the database is writable), and check that every record "
        "not yet acknowledged by the central is in the outbox. Exit 0 when all hold.",
    )
    check.set_defaults(handler=run_check)
    reindex = actions.add_parser(
        "reindex",
        help="build the history filter's search index again from the records",
        description="Empty the history filter's search index and index every record again "
        "from its saved content, in one transaction (about 25 s for a million records). "
        "The records themselves are only read. For an index that `db check` finds damaged.",
    )
    reindex.set_defaults(handler=run_reindex)
    backup = actions.add_parser(
        "backup",
        help="a consistent, checked copy of the database (e.g. onto a USB stick)",
        description="Copy the lane database while the lane keeps working: one consistent "
        "snapshot, checked page by page, readable by its owner only. TO is a folder (the "
        "file is named after the workstation and the time) or a new file ending in .db.",
    )
    backup.add_argument(
        "--to",
        required=True,
        type=paths.given_path,
        metavar="TO",
        help="folder, or new file ending in .db",
    )
    backup.add_argument(
        "--with-key",
        action="store_true",
        help="also copy the workstation's private key (needed to sync after a restore; "
        "sealed like the backup when a recovery key is set)",
    )
    backup.set_defaults(handler=run_backup)
    keys = actions.add_parser(
        "backup-key",
        help="the agency's recovery key, which backups are sealed (encrypted) for",
        description="With a recovery key set, every backup (from the command line or the "
        "window) is sealed for it in the age format: only the holder of the matching "
        "identity file opens it (`db restore --identity`, or the `age` tool).",
    )
    key_actions = keys.add_subparsers(dest="key_command", metavar="ACTION", required=True)
    new_key = key_actions.add_parser(
        "new",
        help="make a recovery identity (kept by IT) and print its public key",
        description="Write a new recovery identity to FILE, sealed with a passphrase asked "
        "twice, and print its public key (age1…) for `inspection-central backup-key set` "
        "(every enrolled lane gets it at its next sync) or `db backup-key set` on a lane. "
        "Keep FILE and its passphrase apart from the lanes: whoever holds both opens "
        "every backup sealed for it.",
    )
    new_key.add_argument(
        "--out", required=True, type=paths.given_file, metavar="FILE", help="a new file"
    )
    new_key.add_argument(
        "--passphrase-stdin", action="store_true", help="read the passphrase from stdin"
    )
    new_key.set_defaults(handler=run_key_new)
    set_key = key_actions.add_parser(
        "set",
        help="seal this lane's backups for a recovery key from now on",
        description="Seal every backup of this lane for KEY from now on: a public key "
        "(age1…) or a file holding one (what `db backup-key new` printed, or age-keygen's "
        "output). Backups made before stay as they are. An enrolled lane also gets the "
        "agency's key from the central (`inspection-central backup-key set`): the newer "
        "word wins.",
    )
    set_key.add_argument("key", metavar="KEY", help="age1… or a file holding it")
    set_key.set_defaults(handler=run_key_set)
    show_key = key_actions.add_parser(
        "show", help="the recovery key backups are sealed for", description="Print it."
    )
    show_key.set_defaults(handler=run_key_show)
    seal_old = actions.add_parser(
        "seal-backups",
        help="seal backups made before the recovery key was set, or for an older key",
        description="Seal backups already on a medium for the recovery key: readable ones "
        "(lane-….db, with their .key) are sealed beside themselves, read back, then "
        "overwritten and deleted; with --identity, ones sealed for an older recovery key "
        "are opened on this lane's disk and sealed again for the current one. PATH is a "
        "backup or a folder of them (files named lane-….db or lane-….db.age). Exit 1 when "
        "a backup could not be sealed (it is left as it was).",
    )
    seal_old.add_argument(
        "paths", nargs="+", type=paths.given_path, metavar="PATH", help="a backup or a folder"
    )
    seal_old.add_argument(
        "--key",
        metavar="KEY",
        help="the recovery key (age1… or a file holding it); by default this lane's",
    )
    _identity_arguments(
        seal_old, "the old recovery identity, to seal its backups again for the current key"
    )
    seal_old.set_defaults(handler=run_seal_backups)
    restore = actions.add_parser(
        "restore",
        help="put a backup in place of the database (close the lane client first)",
        description="Check a backup (a lane database of this version or older, its audit "
        "chain intact) and make it this data directory's database; a .key file beside it "
        "becomes the workstation key. A sealed backup (.db.age, with .key.age) is opened "
        "with the recovery identity first. What was there is renamed, not deleted.",
    )
    restore.add_argument(
        "backup",
        type=paths.given_file,
        metavar="FILE",
        help="a file written by `db backup` (.db or .db.age)",
    )
    restore.add_argument(
        "--replace",
        action="store_true",
        help="move the present database (and key, if the backup has one) aside",
    )
    _identity_arguments(
        restore, "the recovery identity, for a sealed backup (.age); its passphrase is asked"
    )
    restore.set_defaults(handler=run_restore)
    lift = actions.add_parser(
        "lift-hold",
        help="let a restored database save records before it has synced (a supervisor)",
        description="A restored database of an enrolled workstation, and one found put back "
        "to an older copy without `db restore`, holds new records until a sync round has "
        "brought back the records the central holds past it. When the central cannot be "
        "reached (or the workstation is not enrolled with one), a supervisor lifts the hold "
        "so that the lane can work: records saved then take numbers the central holds "
        "already, and the central flags them for IT. Who lifted it, when and why is kept "
        "(`db info`).",
    )
    lift.add_argument(
        "--supervisor", required=True, metavar="CODE", help="the supervisor who decides this"
    )
    lift.add_argument("--reason", required=True, metavar="TEXT", help="why the lane cannot wait")
    lift.set_defaults(handler=run_lift_hold)


def _identity_arguments(parser: argparse.ArgumentParser, help_text: str) -> None:
    parser.add_argument("--identity", type=paths.given_file, metavar="FILE", help=help_text)
    parser.add_argument(
        "--passphrase-stdin",
        action="store_true",
        help="read the identity's passphrase from stdin instead of the terminal",
    )


def _identity_loader(args: argparse.Namespace) -> Callable[[], Any] | None:
    """What loads `--identity` (asking its passphrase) when first called; None without one."""
    if not args.identity:
        return None
    from pathlib import Path

    from inspection_client.store.sealing import load_identity

    read = _passphrase_reader(args.passphrase_stdin)
    return functools.partial(load_identity, Path(args.identity), read)


def run_info(args: argparse.Namespace) -> int:
    from inspection_client.store.restore_hold import LIFTED_BY_SYNC, LIFTED_BY_USB, ROLLED_BACK

    with open_store(args, reading=True) as store:
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
    if stopped := info.search_index_stopped:
        print(
            f"Search index:    found damaged {stopped['at']}; records after #{stopped['after']} "
            "are not in it (`db reindex` builds it again)"
        )
    last, restored = info.last_backup, info.restored_from
    if last:
        latest = (
            f"{last['at']}, {last['records']:,} records (up to #{last['head_seq']}), "
            f"to {last['path']}"
        )
        if restored and restored.get("made_at") == last["at"]:
            latest += " (the backup this database was restored from)"
    elif restored:
        latest = (
            "the backup this database was restored from (it does not say when it was made); "
            "none since"
        )
    else:
        latest = "none made by `db backup` or the window"
    print(f"Last backup:     {latest}")
    print(
        "Backups:         "
        + (
            f"sealed for the recovery key {info.backup_recovery_key}"
            + (f" ({info.backup_recovery_key_source})" if info.backup_recovery_key_source else "")
            if info.backup_recovery_key
            else "not sealed (no recovery key: `db backup-key set`)"
        )
    )
    if restored:
        made = f", made {restored['made_at']}" if restored.get("made_at") else ""
        print(
            f"Restored:        {restored['at']}, from {restored['path']} "
            f"({restored['records']:,} records, up to #{restored['head_seq']}{made})"
        )
    held = info.held_after_restore
    if held and held.get("cause") == ROLLED_BACK:
        print(
            f"Rolled back:     this database ends at record #{held['head_seq']}, but record "
            f"#{held['noted_seq']} was saved on it before (noted in {held['noted_in']}): it "
            f"was put back to an older copy without `db restore` (found {held['since']})"
        )
        if held.get("enrolled"):
            print(
                "New records:     held until a sync with the central brings back the records "
                f"saved after #{held['head_seq']} (a supervisor can `db lift-hold`)"
            )
        else:
            print(
                "New records:     held until a supervisor lifts the hold (`db lift-hold`): "
                "the workstation is not enrolled, so no sync can bring back what it lost"
            )
    elif held:
        print(
            "New records:     held until a sync with the central brings back the records "
            "saved after the backup (a supervisor can `db lift-hold`)"
        )
    elif info.hold_lifted:
        lifted = info.hold_lifted
        who = {
            LIFTED_BY_SYNC: "by a sync round",
            LIFTED_BY_USB: "by the central's records on USB",
        }.get(lifted["by"], f"by {lifted['by']}")
        print(f"Hold lifted:     {lifted['at']}, {who}: {lifted['reason']}")
    return 0


def run_check(args: argparse.Namespace) -> int:
    from inspection_client.store import search_index, witness
    from inspection_client.store.sync_state import lost_from_outbox

    with open_store(args, reading=True) as store, translated_errors(store.path):
        problems = [row[0] for row in store.conn.execute("PRAGMA integrity_check(20)")]
        lost, first = lost_from_outbox(store) if problems == ["ok"] else (0, None)
        index_damage = search_index.damage(store) if problems == ["ok"] else None
        index_stopped = search_index.stopped(store.conn) if problems == ["ok"] else None
        # A warning, not a failure: the records are sound; only a rollback may go unnoticed.
        for trouble in witness.problems(store):
            print(f"warning: {trouble}", file=sys.stderr)
    if problems != ["ok"]:
        print(f"{store.path}: the database is damaged:")
        for problem in problems:
            print(f"  {problem}")
        return 1
    if lost:
        print(
            f"{store.path}: {lost:,} records (the first is #{first}) are neither in the outbox "
            "nor acknowledged by the central: they would never be sent. The next "
            "`inspection-client sync` (or `sync export`) puts them back in the outbox and "
            "sends them; a record sent twice is harmless."
        )
        return 1
    if index_damage is not None or index_stopped is not None:
        stopped = (
            f" Saves stopped writing to it on {index_stopped.at}, when it was found damaged"
            + (f" ({index_stopped.damage})" if index_damage is None else "")
            + f": the records after #{index_stopped.after} are not in it."
            if index_stopped is not None
            else ""
        )
        print(
            f"{store.path}: the history filter's search index is "
            + (f"damaged ({index_damage})" if index_damage is not None else "incomplete")
            + f"; the records are not damaged.{stopped} `inspection-client db reindex` "
            "builds the index again from them."
        )
        return 1
    print(f"{store.path}: integrity check ok.")
    return 0


def run_reindex(args: argparse.Namespace) -> int:
    from inspection_client.store import search_index

    started = time.perf_counter()
    with open_store(args) as store, translated_errors(store.path):
        indexed = search_index.rebuild(store)
    print(
        f"{store.path}: search index built again from {indexed:,} records in "
        f"{time.perf_counter() - started:.1f} s."
    )
    return 0


def run_backup(args: argparse.Namespace) -> int:
    from datetime import datetime
    from pathlib import Path

    from inspection_client.store.backup import (
        RECIPIENT_SETTING,
        BackupError,
        back_up,
        copy_key,
        file_name,
        key_beside,
        sealed_name,
    )

    key_file = paths.workstation_key_file(paths.data_dir(args.data_dir))
    if args.with_key and not key_file.is_file():
        raise BackupError(
            Message(
                "This workstation has no key to back up ({path}): it is not enrolled.",
                path=key_file,
            )
        )
    if args.with_key:
        from inspection_client.sync import keys

        try:
            keys.load_private_key(key_file)  # a damaged key would be restored as one
        except keys.KeyFileError as error:
            raise BackupError(
                Message(
                    "{problem} Nothing was backed up; `db backup` without --with-key backs "
                    "up the database alone.",
                    problem=error.message,
                )
            ) from None
    with open_store(args, reading=True) as store:
        recipient = store.setting(RECIPIENT_SETTING)
        target = Path(args.to).expanduser()
        if not target.is_dir() and not target.exists() and not _names_a_backup(target):
            # An unmounted stick's folder: a file named after it would put the travellers'
            # data on the lane's own disk, under a name no one looks for.
            # (A file of its own is named `….db`: see --to's help.)
            if target.suffix and target.parent.is_dir():
                # x.txt in a folder that is there: a file name, not a missing folder.
                raise InputError(
                    Message(
                        "A backup file's name ends in .db, not {suffix}: give a new file "
                        "such as {example}, or a folder that exists.",
                        suffix=target.suffix,
                        example=target.with_suffix(".db"),
                    )
                )
            raise BackupError(Message("There is no folder {folder} to write to.", folder=target))
        if target.is_dir():
            workstation = store.workstation()
            target /= file_name(workstation.workstation_id if workstation else None, datetime.now())
        if recipient:
            target = sealed_name(target)
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
    if made.sealed_for:
        print(f"Sealed for the recovery key {made.sealed_for}: only its identity opens it.")
    if args.with_key:
        key = copy_key(key_file, made.path, made.sealed_for)
        care = "sealed likewise" if made.sealed_for else "keep the medium as safe as the lane"
        print(f"Workstation key: {key} ({care}).")
    elif key_file.exists():  # enrolled: the key is what lets a restored lane sync again
        print(
            "Without the workstation key (--with-key), a workstation restored from it cannot "
            "sync under its own id."
        )
    if not made.sealed_for:
        print(
            "warning: this backup is not encrypted; anyone with the medium can read the "
            "travellers' personal data in it"
            + (" and sign records as this workstation" if args.with_key else "")
            + ". IT seals the backups with a recovery key: `inspection-central backup-key set` "
            "for every lane, or `inspection-client db backup-key set` on this one.",
            file=sys.stderr,
        )
    return 0


def _names_a_backup(target: Path) -> bool:
    """Whether `target` is a backup file's name (`….db`, `….db.age`) rather than a folder's."""
    return target.name.endswith((".db", ".db.age")) and target.name not in (".db", ".db.age")


def _passphrase_reader(from_stdin: bool, *, twice: bool = False) -> Callable[[], str]:
    given: list[str] = []  # standard input is read once, however often it is asked for

    def read() -> str:
        if from_stdin:
            if not given:
                given.append(line_from_stdin("passphrase", strip=False))
            return given[0]
        if not sys.stdin.isatty():
            raise InputError("No terminal to ask for the passphrase: use --passphrase-stdin.")
        passphrase = getpass.getpass("Passphrase: ")
        if twice and getpass.getpass("Passphrase again: ") != passphrase:
            raise InputError("The two passphrases differ; nothing was written.")
        return passphrase

    return read


def run_key_new(args: argparse.Namespace) -> int:
    from pathlib import Path

    from inspection_client.store.backup import BackupError, missing_folder, write_new
    from inspection_client.store.sealing import MIN_PASSPHRASE, new_identity

    out = Path(args.out).expanduser()
    if out.exists():
        raise InputError(f"{out} exists already; a recovery key never replaces a file.")
    if not out.parent.is_dir():  # said before the passphrase is asked for
        raise BackupError(missing_folder(out))
    public = out.with_name(out.name + ".pub")
    if public.exists():
        raise InputError(f"{public} exists already; a recovery key never replaces a file.")
    passphrase = _passphrase_reader(args.passphrase_stdin, twice=True)()
    if len(passphrase) < MIN_PASSPHRASE:
        raise InputError(f"A recovery key's passphrase needs at least {MIN_PASSPHRASE} characters.")
    sealed, recipient = new_identity(passphrase)
    write_new(out, sealed)
    public.write_text(f"{recipient}\n", encoding="utf-8")
    print(f"Recovery identity: {out} (sealed with the passphrase). Keep it and the passphrase")
    print("apart from the lanes, and a copy of both somewhere safe: without them no sealed")
    print("backup can be opened. Its public key is in")
    print(f"{public}: publish it to every lane with `inspection-central backup-key set`, or")
    print("give it to one lane with `inspection-client db backup-key set`:")
    print(recipient)
    return 0


def run_key_set(args: argparse.Namespace) -> int:
    from inspection_client.store import backup
    from inspection_client.store.sealing import SealingError, recipient_given

    try:
        recipient = recipient_given(args.key)
    except SealingError as error:
        raise InputError(str(error)) from None  # what was typed, not the store, is wrong
    with open_store(args) as store:
        backup.set_recipient(store, recipient, source=backup.SET_ON_THIS_LANE)
    print(f"Backups of this lane are sealed for {recipient} from now on.")
    return 0


def run_key_show(args: argparse.Namespace) -> int:
    from inspection_client.store.backup import RECIPIENT_SETTING, RECIPIENT_SOURCE_SETTING

    with open_store(args, reading=True) as store:
        recipient = store.setting(RECIPIENT_SETTING)
        source = store.setting(RECIPIENT_SOURCE_SETTING)
    if recipient:
        print(recipient)
        if source:
            print(f"({source})", file=sys.stderr)
        return 0
    print("No recovery key: backups are not sealed (`db backup-key set`).")
    return 1


def run_seal_backups(args: argparse.Namespace) -> int:
    from pathlib import Path

    from inspection_client.store.backup import RECIPIENT_SETTING
    from inspection_client.store.reseal import LEFT, SEALED, backups_in, seal_backups
    from inspection_client.store.sealing import SealingError, recipient_given

    if args.key:
        try:
            recipient = recipient_given(args.key)
        except SealingError as error:
            raise InputError(str(error)) from None
    else:
        with open_store(args) as store:
            recipient = store.setting(RECIPIENT_SETTING) or ""
        if not recipient:
            raise InputError(
                "This lane has no recovery key to seal for: give one with --key, or set it "
                "(`db backup-key set`, or `inspection-central backup-key set` and a sync)."
            )
    backups = backups_in([Path(path) for path in args.paths])
    if not backups:
        print(
            "No backups there (files named lane-….db or lane-….db.age, or a readable lane-….key)."
        )
        return 0
    identity = _identity_loader(args)
    scratch = paths.data_dir(args.data_dir)
    scratch.mkdir(parents=True, exist_ok=True, mode=0o700)
    outcomes = seal_backups(backups, recipient, scratch, identity)
    for outcome in outcomes:
        print(f"{outcome.path}: {outcome.note}", file=sys.stderr if outcome.failed else sys.stdout)
    done = sum(outcome.done != LEFT for outcome in outcomes)
    failed = sum(outcome.failed for outcome in outcomes)
    print(
        f"{done} of {len(outcomes)} backup(s) sealed for {recipient}"
        + (f"; {failed} could not be" if failed else "")
        + "."
    )
    if any(outcome.done == SEALED for outcome in outcomes):
        print(
            "The readable copies were overwritten and deleted. A flash medium may keep old "
            "blocks of its own accord: wipe a stick that held readable backups once you can."
        )
    return 1 if failed else 0


def run_restore(args: argparse.Namespace) -> int:
    from pathlib import Path

    from inspection_client.store.backup import restore

    with nothing_left_if_refused(paths.data_dir(args.data_dir)):
        done = restore(
            Path(args.backup),
            paths.data_dir(args.data_dir),
            replace=args.replace,
            identity=_identity_loader(args),
        )
    print(f"Restored {done.records:,} records (up to #{done.head_seq}) from {args.backup}.")
    for aside in done.moved_aside:
        print(f"Kept what was there as {aside}.")
    if done.settings_kept:
        print(
            "This workstation's settings (recovery key, shift-close backups, language, idle "
            "lock) are kept as they were, not taken from the backup."
        )
    key_file = paths.workstation_key_file(paths.data_dir(args.data_dir))
    if done.key is None and key_file.exists():
        print("No workstation key came with the backup; the one in the data directory stays.")
    elif done.key is None:
        print(
            "No workstation key came with the backup, and there is none here: an enrolled "
            "workstation cannot sync until its key is back (`db backup --with-key` puts it "
            "beside the backup)."
        )
    if done.held:
        print(
            "Records made after this backup are not in it. New records are held until "
            "`inspection-client sync` (or the lane client, once the central can be reached) "
            f"has brought back the records the central holds beyond #{done.head_seq}. Without "
            "a link, IT exports them at the central (`inspection-central export-records "
            f"--after {done.head_seq}`) for `inspection-client sync take-back`. If the lane "
            "cannot wait, a supervisor can lift the hold (`inspection-client db lift-hold`); "
            "records saved then take numbers the central holds already, and IT must sort them "
            "out."
        )
    return 0


def run_lift_hold(args: argparse.Namespace) -> int:
    from inspection_client.commands.common import supervisor_account
    from inspection_client.store import restore_hold

    reason = args.reason.strip()
    if not reason:
        raise InputError("Say why the hold is lifted (--reason TEXT).")
    with open_store(args) as store:
        supervisor = supervisor_account(store, args.supervisor)
        hold = restore_hold.current(store)
        lifted = restore_hold.lift(store, by=supervisor.code, reason=reason)
    if lifted is None:
        print("This database holds no records back: nothing to lift.")
        return 0
    saved_from = f"Hold lifted by {lifted.by}: records can be saved from #{lifted.head_seq + 1} on."
    if hold is not None and hold.rolled_back and not hold.enrolled:
        print(
            f"{saved_from} They take the numbers of the records this database lost (up to "
            f"#{hold.noted_seq}): keep any older copy that holds those apart for IT."
        )
    elif hold is not None and hold.rolled_back:
        print(
            f"{saved_from} If the central holds records past #{lifted.head_seq}, it will flag "
            "the ones numbered twice."
        )
    else:
        print(
            f"{saved_from} If the central holds records past the backup, it will flag the ones "
            "numbered twice."
        )
    return 0
