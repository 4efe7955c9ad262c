"""`inspection-client seed`: synthetic clearances for demos and benchmarks."""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
import time
from collections.abc import Iterator

from inspection_client.commands.common import open_store, positive_int_up_to
from inspection_client.errors import InputError
from inspection_client.seeding.bounds import MAX_CLEARANCES, MAX_DAY, MAX_DAYS, size_problem
from inspection_client.store import sync_state
from inspection_client.store.database import Store


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "seed",
        help="save realistic synthetic clearances (a demo workstation is set up if none is)",
        description="Save realistic synthetic clearances as this workstation, through the same "
        "save path as the lane screen: they enter the outbox and the audit chain.",
    )
    parser.add_argument(
        "--records",
        type=positive_int_up_to(MAX_CLEARANCES),
        required=True,
        metavar="N",
        help=f"number of clearances to make (at most {MAX_CLEARANCES:,})",
    )
    parser.add_argument(
        "--days",
        type=positive_int_up_to(MAX_DAYS),
        default=14,
        metavar="D",
        help=f"spread them over the last D days (default 14; at most {MAX_DAY:,} clearances a day)",
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=1,
        metavar="S",
        help="random seed: the same seed gives the same traffic (default 1)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from inspection_client.seeding import seed
    from inspection_client.store import search_index

    problem = size_problem(args.records, args.days)  # before the store is created
    if problem is not None:
        raise InputError(problem)
    started = time.perf_counter()
    with open_store(args, create=True) as store:
        interactive = sys.stderr.isatty()
        last_before = _last_seq(store)
        central = sync_state.get(store, sync_state.CENTRAL_URL)
        if central is not None:
            # Allowed (a trial central is seeded like this), but nobody should be surprised.
            print(
                f"warning: this workstation is enrolled with the central at {central}: the "
                "synthetic records go there at the next sync, as this workstation's records.",
                file=sys.stderr,
            )

        def progress(done: int) -> None:
            if interactive:
                print(f"\r{done:,} records saved", end="", file=sys.stderr, flush=True)

        try:
            with _terminated_as_interrupted():
                summary = seed(
                    store,
                    clearances=args.records,
                    days=args.days,
                    seed_value=args.seed,
                    progress=progress,
                )
        except KeyboardInterrupt:
            # Records are committed in transactions of whole days: those are kept, whole.
            # What was committed is counted in the database: the interruption can come after
            # a commit and before the progress count heard of it (a commit of a large first
            # transaction takes a while, and the signal is acted on once it returns).
            saved = _last_seq(store) - last_before
            kept = (
                f"the {saved:,} records saved before it are kept (in the outbox and the audit "
                "chain); the rest were not saved."
                if saved
                else "no records were saved."
            )
            newline = "\n" if interactive else ""
            print(f"{newline}inspection-client: interrupted; {kept}", file=sys.stderr)
            return 130
        if interactive:
            print(file=sys.stderr)
        workstation = store.require_workstation()
        index_stopped = search_index.stopped(store.conn)
    elapsed = time.perf_counter() - started
    # Every day has its three shifts, opened and closed, whether anyone crossed or not: say
    # so, rather than suggest that the clearances were spread over that many shifts.
    print(
        f"Saved {summary.clearances:,} clearance{'' if summary.clearances == 1 else 's'} and "
        f"{summary.shifts:,} shift{'' if summary.shifts == 1 else 's'} (three a day, each "
        f"opened and closed): {summary.records:,} records from {summary.first_day} to "
        f"{summary.last_day} as workstation {workstation.workstation_id} in {elapsed:.1f} s "
        f"({summary.records / max(elapsed, 1e-9):,.0f} records/s)."
    )
    if index_stopped is not None:
        # The records are saved whole; only the history filter's index left them out.
        print(f"warning: {search_index.stopped_message(store, index_stopped)}", file=sys.stderr)
    return 0


def _last_seq(store: Store) -> int:
    """The newest committed record's sequence number (0 for none): numbers have no gaps,
    so the difference of two is the number of records committed between them."""
    if store.conn.in_transaction:  # an interrupted transaction not rolled back yet
        store.conn.execute("ROLLBACK")
    last: int = store.conn.execute("SELECT coalesce(max(seq), 0) FROM records").fetchone()[0]
    return last


@contextlib.contextmanager
def _terminated_as_interrupted() -> Iterator[None]:
    """SIGTERM (`kill`, a service manager stopping it) ends a seed as Ctrl+C does: the
    transaction under way is rolled back, the worker processes are stopped, and what was
    committed is said."""

    def interrupted(_signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, interrupted)
    except ValueError:  # not the main thread: SIGTERM stays as it was
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
