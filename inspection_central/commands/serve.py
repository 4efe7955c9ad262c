"""`inspection-central serve`: run the HTTP API with uvicorn."""

from __future__ import annotations

import argparse

from inspection_central.commands.common import Subparsers, add_database_argument, whole_number

DEFAULT_PORT = 8470
# A batch is at most 1 MB; a body of more than this is never one.
MAX_BODY_BYTES = 256 * 1024 * 1024
MAX_WORKERS = 64


def register(sub: Subparsers) -> None:
    parser = sub.add_parser(
        "serve",
        help="run the HTTP API",
        description="Run the central's HTTP API. Migrates the database at start and creates "
        "the central key on first start.",
    )
    add_database_argument(parser)
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument(
        "--port",
        type=whole_number(1, 65535),
        default=DEFAULT_PORT,
        help=f"TCP port (default {DEFAULT_PORT})",
    )
    parser.add_argument(
        "--max-body-bytes",
        type=whole_number(64 * 1024, MAX_BODY_BYTES),
        metavar="N",
        default=None,
        help=f"largest request body accepted (default 4 MB, at most {MAX_BODY_BYTES:,})",
    )
    parser.add_argument(
        "--workers",
        type=whole_number(1, MAX_WORKERS),
        default=1,
        metavar="N",
        help="worker processes (default 1; use about one per core on PostgreSQL)",
    )
    parser.add_argument(
        "--log-level", default="info", choices=("critical", "error", "warning", "info", "debug")
    )
    parser.set_defaults(handler=serve)


def serve(args: argparse.Namespace) -> int:
    import os

    import uvicorn

    from inspection_central import withdrawals
    from inspection_central.api import (
        DEFAULT_MAX_BODY_BYTES,
        ENV_MAX_BODY_BYTES,
        create_app,
        tune_collector,
    )
    from inspection_central.commands.common import open_from_args
    from inspection_central.errors import InputError
    from inspection_central.keys import ENV_KEY
    from inspection_central.storage import ENV_DATABASE, default_database
    from inspection_client.sync.keys import fingerprint, public_key_text

    limit = args.max_body_bytes or DEFAULT_MAX_BODY_BYTES
    _check_address(args.host, args.port)
    # Refused before anything is opened, so that no new SQLite file (nor key) is left behind.
    # (An empty --database, or a URL of another engine, is for open_from_args to refuse.)
    target = default_database() if args.database is None else args.database
    if args.workers > 1 and target.strip() and "://" not in target:
        raise InputError("--workers above 1 needs PostgreSQL; SQLite has one writer.")
    _check_folder(args.database, target)
    # Migrates the database and creates the key once, before any worker starts.
    storage = open_from_args(args, make_key=True, upgrade=True)
    # The fingerprint is what `inspection-client enrol` prints as the key it pinned. Read
    # first: a key that did not sign what the lanes hold is refused before anything is signed.
    try:
        public_key = storage.signing_key().public_key()
        # Withdrawn release slips past their window leave the list, and a central upgraded
        # from a version without the list sends it from now on.
        withdrawals.refresh(storage)
    except BaseException:
        storage.close()
        raise
    print(
        f"inspection-central: {storage.description}; central key {fingerprint(public_key)} "
        f"({storage.key_path}, public key {public_key_text(public_key)}); "
        f"listening on {args.host}:{args.port}",
        flush=True,
    )
    try:
        if args.workers == 1:
            app = create_app(storage, max_body_bytes=limit)
            tune_collector()
            uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level)
            return 0
        os.environ[ENV_DATABASE] = args.database or default_database()
        os.environ[ENV_KEY] = str(storage.key_path)
        os.environ[ENV_MAX_BODY_BYTES] = str(limit)
    finally:
        storage.close()
    uvicorn.run(
        "inspection_central.api:app_from_environment",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_level=args.log_level,
    )
    return 0


def _check_folder(given: str | None, target: str) -> None:
    """Refuse a SQLite file named by --database or $INSPECTION_CENTRAL_DATABASE in a folder
    that does not exist: a mistyped path would otherwise start a new central with a new key,
    which no enrolled lane trusts. A new central file in an existing folder is made as
    before, and so is the default one's folder in the user data directory."""
    import os
    from pathlib import Path

    from inspection_central.errors import InputError
    from inspection_central.storage import ENV_DATABASE

    if not target.strip() or "://" in target:
        return  # an empty --database, or a URL: open_storage says what is wrong with it
    if given is None and not os.environ.get(ENV_DATABASE):
        return
    folder = Path(target).expanduser().parent
    if folder.is_dir():
        return
    named = "--database" if given is not None else f"${ENV_DATABASE}"
    what = "is a file, not a folder" if folder.exists() else "does not exist"
    raise InputError(
        f"The folder {folder} of the central database {target} {what} (a mistyped "
        f"{named}?); nothing was created. To start a new central there, create the folder "
        "first."
    )


def _check_address(host: str, port: int) -> None:
    """Refuse, before saying "listening", an address that another server holds already."""
    import socket

    from inspection_central.errors import CentralError

    try:
        with socket.create_server((host, port)):
            pass
    except OSError as error:
        raise CentralError(
            f"Cannot listen on {host}:{port}: {error.strerror or error} (another server there, "
            "or an address this machine does not have?). Choose another --port or --host."
        ) from None
