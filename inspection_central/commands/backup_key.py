"""`inspection-central backup-key set|show`: the agency's recovery key, for every lane at once.

The lanes seal their backups for it (docs/store.md, "Sealed backups"): it reaches each one as
signed reference data at its next sync, or on a USB stick with `export-reference`. Only the
public half (`age1…`) is given here; the identity stays with IT.
"""

from __future__ import annotations

import argparse

from inspection_central.commands.common import Subparsers, add_database_argument

MAX_NAME = 200


def register(sub: Subparsers) -> None:
    parser = sub.add_parser(
        "backup-key",
        help="the recovery key every lane seals its backups for",
        description="Publish the agency's recovery key (the age1… public key that "
        "`inspection-client db backup-key new` printed) to every lane. Each lane seals its "
        "backups for it from its next sync (or `reference import` of the exported snapshot).",
    )
    verbs = parser.add_subparsers(dest="verb", metavar="VERB", required=True)
    put = verbs.add_parser(
        "set",
        help="publish a recovery key to every lane",
        description="Publish KEY (age1…, or a file holding it, such as recovery.key.pub) as "
        "the key every lane seals its backups for. A new key replaces the old one on each "
        "lane at its next sync; backups made before stay sealed for the old one.",
    )
    put.add_argument("key", metavar="KEY", help="age1… or a file holding it")
    put.add_argument("--by", required=True, metavar="NAME", help="who sets it")
    add_database_argument(put)
    put.set_defaults(handler=_set)
    show = verbs.add_parser(
        "show", help="the recovery key published", description="Print it, or exit 1 if none."
    )
    show.add_argument("--json", action="store_true", help="print JSON")
    add_database_argument(show)
    show.set_defaults(handler=_show)


def _set(args: argparse.Namespace) -> int:
    from inspection_central import reference
    from inspection_central.commands.common import open_from_args
    from inspection_central.errors import InputError
    from inspection_client.store.sealing import SealingError, recipient_given
    from inspection_client.sync.wire import ReferenceKind

    by = " ".join(args.by.split())
    if not by or len(by) > MAX_NAME:
        raise InputError(f"--by: say who sets the key, in 1 to {MAX_NAME} characters.")
    try:
        recipient = recipient_given(args.key)
    except SealingError as error:
        raise InputError(str(error)) from None
    storage = open_from_args(args)
    try:
        held = reference.latest(storage, ReferenceKind.BACKUP_KEY)
        if held is not None and held.snapshot.payload.get("recipient") == recipient:
            print(
                f"{recipient} is already the published recovery key "
                f"(v{held.snapshot.version}); nothing changed."
            )
            return 0
        signed = reference.publish_backup_key(storage, recipient, by)
    finally:
        storage.close()
    print(
        f"Published recovery key {recipient} (backup_key v{signed.snapshot.version}): every "
        "lane seals its backups for it from its next sync. Lanes without a link get it with "
        "`export-reference` and `inspection-client reference import`."
    )
    return 0


def _show(args: argparse.Namespace) -> int:
    from inspection_central import reference
    from inspection_central.commands.common import open_from_args, print_json
    from inspection_client.sync.wire import ReferenceKind

    storage = open_from_args(args, create=False)
    try:
        held = reference.latest(storage, ReferenceKind.BACKUP_KEY)
    finally:
        storage.close()
    if held is None:
        if args.json:
            print_json(None)
        else:
            print("No recovery key published: lanes seal backups only for a key set on them.")
        return 1
    snapshot = held.snapshot
    facts = {
        "recipient": snapshot.payload.get("recipient"),
        "set_by": snapshot.payload.get("set_by"),
        "version": snapshot.version,
        "issued_at": snapshot.issued_at.isoformat(),
    }
    if args.json:
        print_json(facts)
    else:
        print(facts["recipient"])
        print(f"v{facts['version']}, set by {facts['set_by']} at {facts['issued_at']}")
    return 0
