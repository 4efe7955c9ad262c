"""`seed`: synthetic days made (in worker processes when there are many) and saved in order.

Sequence numbers, the hash chain and the inserts stay in the saving process, through
`records.save_received`, the save path's bulk entry; the days are made ahead of it.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import marshal
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from multiprocessing.context import BaseContext
from multiprocessing.pool import AsyncResult, Pool

from inspection_client.domain.codes import LaneKind, Role
from inspection_client.domain.models import Officer, Workstation
from inspection_client.seeding.bounds import size_problem
from inspection_client.seeding.population import QuickRandom
from inspection_client.seeding.traffic import SHIFT_STARTS, Traffic, one_day
from inspection_client.store import officers, records
from inspection_client.store.account_history import Via
from inspection_client.store.database import Store
from inspection_client.store.records import ShippedDraft

DEMO_WORKSTATION = Workstation(
    workstation_id="DEMO-KHG-L01",
    port_code="KHG",
    lane_id="L01",
    lane_kind=LaneKind.VEHICLE,
    demo=True,
)
DEMO_OFFICERS = (
    (Officer(code="DEMO01", name="Demo Officer", role=Role.OFFICER), "2468"),
    (Officer(code="SUP01", name="Demo Supervisor", role=Role.SUPERVISOR), "1357"),
)


@dataclass(frozen=True)
class SeedSummary:
    clearances: int
    records: int
    shifts: int
    first_day: date
    last_day: date


def ensure_demo(store: Store) -> Workstation:
    """The configured workstation, or the demo one (with its two accounts) when there is none."""
    workstation = store.workstation()
    if workstation is not None:
        return workstation
    store.configure_workstation(DEMO_WORKSTATION)
    for officer, pin in DEMO_OFFICERS:
        officers.add_officer(store, officer, pin, via=Via.DEMO_SETUP)
    return DEMO_WORKSTATION


# Past this many clearances, days are made in worker processes while this one saves; below
# it, starting the workers costs more than they save.
POOL_THRESHOLD = 20_000
# A worker makes a day's records at about the rate this process saves them (each about 15 µs
# of CPU a record): on two cores, two workers at a lower priority use every moment this
# process leaves (one alone left it waiting: 48,000 records/s against 51,000-60,000), and on
# more, a third keeps it busy while the machine's other processes take their share. More
# would only hold more days in memory (the saving process is then the limit).
_MAX_WORKERS = 3
# Days made ahead wait in memory whole (about 830 bytes a record as sent, 2.7 KB made): up to
# `_DAYS_AHEAD` per worker, and no more than `_RECORDS_AHEAD` records' worth between all of
# them. A million records over 14 days (71,000 a day) with two workers then make one day
# ahead per worker, and the saving process and the workers peak at about 1.1 GB together
# (1.4 GB at 100,000 a day; 0.3 GB made here, in turn, at a third less speed). Larger days
# are made here.
POOL_MAX_DAY = 100_000
_DAYS_AHEAD = 4
_RECORDS_AHEAD = 200_000
# The saving process is the one that limits the rate: when the workers compete with it for
# a core, it should win. They still get every moment it waits (on a commit, say).
_WORKER_NICENESS = 10
SEED_CACHE_SIZE = -65536  # KiB (negative: a size, not a page count)
SEED_TRANSACTION = 20_000  # records


def seed(
    store: Store,
    *,
    clearances: int,
    days: int = 14,
    seed_value: int = 1,
    today: date | None = None,
    progress: Callable[[int], None] | None = None,
    workers: int | None = None,
) -> SeedSummary:
    """Save `clearances` synthetic clearances spread over the `days` days before `today`.

    Today itself is left to the officers, so no synthetic record lies in the future. Record,
    shift and vehicle ids are random, so seeding the same store twice adds new records.

    Each day is drawn from its own random generator, so the traffic depends only on the seed,
    whether the days are made here or (`workers` > 0; by default when there are many and more
    than one core) in worker processes. Sequence numbers, the hash chain and the inserts stay
    in this process, in day order.

    Raises:
        ValueError: `clearances` or `days` out of bounds (`MAX_CLEARANCES`, `MAX_DAYS`, and
            at most `MAX_DAY` clearances a day).
    """
    problem = size_problem(clearances, days)
    if problem is not None:
        raise ValueError(problem)
    configured = store.workstation()
    workstation = configured or DEMO_WORKSTATION
    roster = roster_codes(store, adding_demo=configured is None)
    today = today or date.today()
    first_day = today - timedelta(days=days)
    per_day = [clearances // days + (1 if i < clearances % days else 0) for i in range(days)]
    plans = [
        DayPlan(seed_value, index, first_day + timedelta(days=index), count, roster, workstation)
        for index, count in enumerate(per_day)
    ]
    if workers is None:
        # Days made ahead are held in memory whole: very large days are made here, in turn.
        pooled = clearances >= POOL_THRESHOLD and max(per_day) <= POOL_MAX_DAY
        workers = worker_count(usable_cores()) if pooled else 0
    # Tens of thousands of records per transaction touch many index pages: a larger page
    # cache (for this connection, while seeding) saves reading them back.
    cache_pages = store.conn.execute("PRAGMA cache_size").fetchone()[0]
    store.conn.execute(f"PRAGMA cache_size = {SEED_CACHE_SIZE}")
    try:
        with _collector_paused(), _made_days(plans, workers) as made:
            ensure_demo(store)  # hashing the demo accounts' PINs while the first days are made
            with store.checkpoints_alongside() as committed:
                total = _save_days(store, made, progress, committed)
    finally:
        store.conn.execute(f"PRAGMA cache_size = {int(cache_pages)}")
    shifts = len(SHIFT_STARTS) * days
    return SeedSummary(sum(per_day), total, shifts, first_day, today - timedelta(days=1))


def roster_codes(store: Store, *, adding_demo: bool) -> list[str]:
    """The codes of the officer accounts there will be once `ensure_demo` has run."""
    roles = {officer.code: officer.role for officer in officers.list_officers(store)}
    if adding_demo:
        roles.update((officer.code, officer.role) for officer, _ in DEMO_OFFICERS)
    return sorted(code for code, role in roles.items() if role is Role.OFFICER) or ["DEMO01"]


def _save_days(
    store: Store,
    days: Iterator[list[ShippedDraft]],
    progress: Callable[[int], None] | None,
    committed: Callable[[], None],
) -> int:
    """Save the days, a transaction per `SEED_TRANSACTION` records or more; records saved.

    Each day is written as soon as it is made, while the workers make the next ones; only
    the commit waits for a transaction's last day. Larger transactions write each index
    page they touch fewer times; the last one is committed after the workers are done.
    `committed` is called after each commit (to checkpoint it alongside).
    """
    total = 0
    while True:
        in_transaction = 0

        def until_full() -> Iterator[list[ShippedDraft]]:
            nonlocal in_transaction
            for made in days:
                yield made
                in_transaction += len(made)
                if in_transaction >= SEED_TRANSACTION:
                    return

        saved = records.save_received(store, until_full())
        if saved == 0:
            return total
        total += saved
        committed()
        if progress:
            progress(total)


@dataclass(frozen=True)
class DayPlan:
    seed_value: int
    index: int
    day: date
    clearances: int
    roster: list[str]
    workstation: Workstation


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection for a while (reference counting still frees memory).

    Tens of thousands of new records, none of them garbage, otherwise make the collector
    walk them again and again: a quarter of the time of making them.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def make_day(plan: DayPlan) -> list[ShippedDraft]:
    """One day's records, serialised and checked (`traffic.Traffic`): the same in any process."""
    with _collector_paused():
        rng = QuickRandom(f"{plan.seed_value}:{plan.index}")
        return one_day(Traffic(rng, plan.workstation, plan.day), plan.clearances, plan.roster)


def _marshalled_day(plan: DayPlan) -> bytes:
    """`make_day` in a worker process, in the cheapest form to send and to read back.

    Bytes, strings, tuples and None are all a day holds: `marshal` writes and reads them
    in a fraction of pickle's time, and the process that saves is the one that limits
    the rate. Its format is tied to the Python version, which both ends share.
    """
    return marshal.dumps(make_day(plan))


def _worker_started() -> None:
    """Set up a worker: a lower priority, and no Ctrl+C of its own (the saving process stops
    the workers, with SIGTERM, when it is interrupted). A worker whose saving process is
    gone (killed, say) ends by itself: `Pool` leaves it no end of its pipes to wait on."""
    if hasattr(os, "nice"):  # POSIX only; elsewhere the workers compete as equals
        with contextlib.suppress(OSError):
            os.nice(_WORKER_NICENESS)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # how they are stopped, whatever the parent's


def _start_pool(context: BaseContext, workers: int) -> Pool:
    return context.Pool(workers, initializer=_worker_started)


def usable_cores() -> int:
    """The cores this process may run on (fewer than the machine's under a CPU affinity)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def worker_count(cores: int) -> int:
    """Worker processes for a large seed on `cores` cores.

    On one core they would only take turns with the saving process. On two, two workers
    (at a lower priority) use every moment the saving process leaves; on more, one core
    less than there are, up to `_MAX_WORKERS`.
    """
    if cores <= 1:
        return 0
    return min(_MAX_WORKERS, max(2, cores - 1))


def days_ahead(plans: list[DayPlan], workers: int) -> int:
    """How many days each of `workers` makes ahead: `_DAYS_AHEAD`, fewer for large days."""
    largest = max((plan.clearances for plan in plans), default=1)
    return max(1, min(_DAYS_AHEAD, _RECORDS_AHEAD // (max(largest, 1) * max(workers, 1))))


@contextlib.contextmanager
def _made_days(plans: list[DayPlan], workers: int) -> Iterator[Iterator[list[ShippedDraft]]]:
    """Days in order, made ahead of the one being consumed by `workers` processes (up to
    `_DAYS_AHEAD` days per worker and `_RECORDS_AHEAD` records in all, one day each at
    least).

    With workers, the first days are being made from the moment this is entered.
    """
    if workers <= 0 or len(plans) < 2:
        yield map(make_day, plans)
        return
    # fork: the workers need no re-import, and they never touch the parent's connection.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    pool = _start_pool(context, workers)
    pending: deque[AsyncResult[bytes]] = deque()
    upcoming = iter(plans)
    for plan in itertools.islice(upcoming, workers * days_ahead(plans, workers)):
        pending.append(pool.apply_async(_marshalled_day, (plan,)))

    def in_order() -> Iterator[list[ShippedDraft]]:
        while pending:
            made = pending.popleft().get()
            for plan in itertools.islice(upcoming, 1):
                pending.append(pool.apply_async(_marshalled_day, (plan,)))
            day: list[ShippedDraft] = marshal.loads(made)
            yield day

    try:
        yield in_order()
    except BaseException:
        # Interrupted, or a day failed: the days being made would be thrown away.
        pool.terminate()
        raise
    pool.close()
    pool.join()
