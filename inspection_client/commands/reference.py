"""`inspection-client reference`: apply reference snapshots carried on USB, list what is in use."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from inspection_client import paths


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "reference",
        help="reference data from the central (roster, lanes, keys, watchlist, backup key)",
        description="Show or import the central's signed reference snapshots.",
    )
    actions = parser.add_subparsers(dest="reference_command", metavar="ACTION", required=True)
    imp = actions.add_parser(
        "import",
        help="apply signed snapshot files (from `inspection-central export-reference`)",
        description="Verify each snapshot against the pinned central key and apply it whole. "
        "Older versions are refused; the version already in use is a harmless repeat.",
    )
    imp.add_argument("files", nargs="+", type=paths.given_path_object, metavar="FILE")
    imp.set_defaults(handler=run_import)
    show = actions.add_parser("list", help="the version of each kind in use")
    show.set_defaults(handler=run_list)


def run_import(args: argparse.Namespace) -> int:
    from inspection_client.carried_files import read_file_at_most
    from inspection_client.commands.common import open_store
    from inspection_client.errors import InputError, UserFacingError
    from inspection_client.store.errors import StoreError
    from inspection_client.sync import reference
    from inspection_client.sync.enrolment import pinned_key
    from inspection_client.watchlist.apply import MAX_SNAPSHOT_FILE_BYTES

    status = 0
    with open_store(args) as store:
        files: list[Path] = []
        for path in args.files:
            files.extend(path.glob("*.snapshot.json") if path.is_dir() else [path])
        # Oldest first, so that a folder holding several versions ends at the newest.
        files.sort(key=_version_order)
        if not files:
            where = ", ".join(str(path) for path in args.files)
            print(
                f"No snapshot files (*.snapshot.json) in {where}; nothing was applied "
                "(`inspection-central export-reference` writes them).",
                file=sys.stderr,
            )
            return 2
        # Only the central's key is needed (the workstation's own signs nothing here).
        central_key = pinned_key(store)
        for path in files:
            try:
                data = read_file_at_most(path, MAX_SNAPSHOT_FILE_BYTES)
            except OSError as error:
                print(f"{path}: cannot be read ({error.strerror})", file=sys.stderr)
                status = 2
                continue
            if data is None:
                print(f"{path}: too large to be a reference snapshot", file=sys.stderr)
                status = 2
                continue
            if central_key is None:
                # As for `watchlist import-snapshot`: what cannot be verified is refused, 1.
                print(
                    "This workstation has no pinned central key, so no snapshot can be "
                    "verified; nothing was applied. Enrol the workstation with the central "
                    "first (`inspection-client enrol --central URL --code CODE`).",
                    file=sys.stderr,
                )
                return max(status, 1)
            try:
                applied = reference.apply(store, reference.parse_snapshot(data), central_key)
            except InputError as error:
                print(f"{path}: {error}", file=sys.stderr)
                status = 2
                continue
            except StoreError:
                raise
            except UserFacingError as error:
                # A watchlist refused (malformed): the other files are still worth applying.
                print(f"{path}: {error}", file=sys.stderr)
                status = max(status, error.exit_status)
                continue
            verb = "applied" if applied.applied else "already in use"
            note = f" ({applied.note})" if applied.note and applied.note != verb else ""
            print(f"{path.name}: {applied.kind.value} v{applied.version} {verb}{note}")
            if applied.warning:
                # Applied all the same; the database that refused the rest wants attention.
                print(f"{path.name}: {applied.warning}", file=sys.stderr)
                status = max(status, 3)
    return status


def _version_order(path: Path) -> tuple[str, int, str]:
    kind, _, version = path.name.removesuffix(".snapshot.json").rpartition("-v")
    return (kind, int(version), path.name) if version.isdigit() else (path.name, 0, path.name)


def run_list(args: argparse.Namespace) -> int:
    from inspection_client.commands.common import open_store

    with open_store(args, reading=True) as store:
        rows = store.conn.execute(
            "SELECT kind, version, issued_at, expires_at FROM sync_reference ORDER BY kind"
        ).fetchall()
    if not rows:
        print("No reference data from the central yet.")
    for kind, version, issued, expires in rows:
        print(f"{kind}: v{version}, issued {issued}, expires {expires}")
    return 0
