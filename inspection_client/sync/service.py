"""One sync round (push every pending record, then pull reference data), without Qt.

The GUI wraps `SyncService` in its own thread; the command line calls it directly. A round
never raises for what the environment causes: it returns a `RoundResult` naming the cause.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from inspection_client import paths
from inspection_client.errors import UserFacingError
from inspection_client.message import Message
from inspection_client.store import audit, restore_hold, sync_state
from inspection_client.store.database import Store
from inspection_client.store.take_back import NotTakenBack
from inspection_client.sync import batches, keys, outbox, reference, withdrawals
from inspection_client.sync.backoff import Backoff
from inspection_client.sync.enrolment import require_enrolment
from inspection_client.sync.errors import (
    BadReferenceData,
    CentralRefused,
    CentralUnreachable,
    NotEnrolled,
    SyncError,
)
from inspection_client.sync.take_back import take_back_from_central
from inspection_client.sync.transport import Central, spoken_protocol
from inspection_client.sync.wire import ErrorCode, ReferenceKind

# Test hook: makes the process kill itself at a named point, to prove crash safety.
CRASH_AT_ENV = "INSPECTION_SYNC_CRASH_AT"
# Refusals about one batch only: that batch waits, the rest of the queue goes on.
_BATCH_REFUSALS = (ErrorCode.MALFORMED, ErrorCode.TOO_LARGE)
# Batches sent before the first receipt is back: the central reads one while it stores the
# other. After a crash, both are recovered by id (GET /v1/receipts/ID), not uploaded again.
IN_FLIGHT = 2


@dataclass(frozen=True)
class SyncProgress:
    pending_total: int
    sent: int
    rate_per_s: float
    eta_s: float | None


@dataclass(frozen=True)
class RoundResult:
    ok: bool
    pending: int
    acknowledged: int
    problems: int
    error: str | None
    central_reachable: bool
    # Of `acknowledged`: by receipts the central already held (answers lost, a crash).
    recovered: int = 0
    # Records this database had lost (restored from an older backup), taken back from the
    # central this round.
    taken_back: int = 0
    # This round lifted a restored database's hold on new records (`store.restore_hold`).
    hold_lifted: bool = False


# Refusals of the workstation itself: the round stops at the first, with it as its error.
# A request the central cannot verify is one signed by a key it does not hold for this
# workstation (requests are signed with the clock's offset to the central's): nothing else
# this round would be answered either.
_NOT_SERVED = frozenset({ErrorCode.REVOKED, ErrorCode.UNKNOWN_WORKSTATION, ErrorCode.BAD_SIGNATURE})


class SyncService:
    """Runs sync rounds for the workstation in `data_dir`, on its own store connection."""

    def __init__(
        self,
        data_dir: Path,
        central_url: str | None = None,
        *,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.data_dir = Path(data_dir)
        self.central_url = central_url
        self._transport = transport
        self._store: Store | None = None
        # Notes from the last round that did not stop it: reference data problems, and
        # other things the round could not do (a status check, taking records back).
        self.warnings: list[str] = []
        # Reference data the last round applied, as "kind vN".
        self.applied: list[str] = []
        self.notes: list[str] = []

    @property
    def store(self) -> Store:
        if self._store is None:
            self._store = Store.open(paths.database_file(self.data_dir), create=False)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def run_round(
        self,
        progress: Callable[[SyncProgress], None] | None = None,
        stop: threading.Event | None = None,
    ) -> RoundResult:
        self.warnings = []
        self.applied = []
        self.notes = []
        reachable = False
        error: str | None = None
        round_: _Round | None = None
        try:
            store = self.store
            workstation_id, central_key, key = require_enrolment(store)
            url = self.central_url or sync_state.get(store, sync_state.CENTRAL_URL)
            if not url:
                raise NotEnrolled(Message("no central address: give --central URL"))
            central = Central(url, transport=self._transport)
            try:
                hello = central.hello()
                reachable = True
                if hello.central_key != keys.public_key_text(central_key):
                    raise CentralUnreachable(
                        Message(
                            "{url} is not the central this workstation enrolled with (its key "
                            "differs); nothing was sent — check the address or ask IT",
                            url=url,
                        )
                    )
                skew = (datetime.now(UTC) - hello.server_time).total_seconds()
                protocol = spoken_protocol(hello)
                sync_state.put(
                    store,
                    {
                        sync_state.CLOCK_SKEW_S: f"{skew:.1f}",
                        sync_state.CENTRAL_PROTOCOL: str(protocol),
                    },
                )
                self._put_back_lost(store)
                round_ = _Round(
                    store, central, workstation_id, central_key, key, protocol, progress, stop
                )
                try:
                    round_.check_central_holds()
                except CentralRefused as refusal:
                    if refusal.code in _NOT_SERVED:
                        raise  # nothing else this round could do would be answered
                    # Pushing still works without the status check; receipts carry gaps too.
                    self.notes.append(f"status check: {refusal.message}")
                round_.push()
                if not (stop and stop.is_set()):
                    self.warnings += round_.pull(self.applied)
                if round_.unsendable:
                    error = next(iter(round_.unsendable.values()))
                if round_.refused:
                    error = Message(
                        "{count} records not taken: {refusal}",
                        count=round_.refused,
                        refusal=round_.refusal,
                    )
            finally:
                central.close()
        except SyncError as failure:
            error = failure.message
        except UserFacingError as failure:
            error = failure.message
        except OSError as failure:
            error = Message("sync stopped: {failure}", failure=failure)
        return self._finish(round_, reachable, error)

    def _put_back_lost(self, store: Store) -> None:
        """Records that left the outbox without a receipt (deleted by hand, damage) would
        never be sent: they go back in and out with this round."""
        lost, first = sync_state.lost_from_outbox(store)
        if lost:
            outbox.requeue_lost(store)
            # Said on the command line only: the window's repair is silent, and IT runs
            # `db check` or reads the sync command's warnings.
            self.notes.append(
                f"{lost} records had left the outbox without a receipt (the first is "
                f"#{first}); they were put back and are sent again"
            )

    def _finish(self, round_: _Round | None, reachable: bool, error: str | None) -> RoundResult:
        acknowledged = round_.acknowledged if round_ else 0
        if round_ is not None:
            self.notes += round_.notes
        try:
            store = self.store
            pending = outbox.pending_count(store)
            problems = len(outbox.sync_problems(store))
            now = datetime.now(UTC).isoformat()
            values: dict[str, str | None] = {sync_state.LAST_ATTEMPT_AT: now}
            if error is None and pending == 0:
                # Everything that can go is gone; rejected records wait for a supervisor.
                values[sync_state.LAST_SYNC_AT] = now
            behind = round_.behind_central if round_ else None
            if error is None and behind:
                # Said before the problems it causes: the numbers it gives again collide.
                error = Message(
                    "Restored from an old backup? Call IT: the central holds records up to "
                    "#{central}, this database only up to #{local}, and new records collide",
                    central=behind[1],
                    local=behind[0],
                )
            if error is None and problems:
                error = Message(
                    "{count} record(s) not accepted by the central — see Sync problems",
                    count=problems,
                )
            values[sync_state.LAST_ERROR] = error
            if error is None and pending:
                error = Message(
                    "{count} records still pending (stopped before the end)", count=pending
                )
            sync_state.put(store, values)
        except UserFacingError as failure:
            return RoundResult(False, -1, acknowledged, 0, failure.message, reachable)
        return RoundResult(
            ok=error is None and pending == 0,
            pending=pending,
            acknowledged=acknowledged,
            problems=problems,
            error=error,
            central_reachable=reachable,
            recovered=round_.recovered if round_ else 0,
            taken_back=round_.taken_back if round_ else 0,
            hold_lifted=round_.hold_lifted if round_ else False,
        )


def keep_syncing(
    service: SyncService,
    stop: threading.Event,
    *,
    backoff: Backoff | None = None,
    interval_s: float = 60.0,
    until_synced: bool = False,
    on_round: Callable[[RoundResult], None] | None = None,
) -> RoundResult | None:
    """Run rounds until `stop` is set: after a failure wait `backoff`, else `interval_s`.

    With `until_synced`, return after the first round that leaves nothing pending.
    """
    backoff = backoff or Backoff()
    result: RoundResult | None = None
    while not stop.is_set():
        result = service.run_round(stop=stop)
        if on_round:
            on_round(result)
        if result.ok:
            backoff.succeeded()
            if until_synced:
                return result
            stop.wait(interval_s)
        else:
            backoff.failed()
            stop.wait(backoff.next_delay())
    return result


class _Round:
    """The state of one round: what was sent, how fast, what the central said."""

    def __init__(
        self,
        store: Store,
        central: Central,
        workstation_id: str,
        central_key: Ed25519PublicKey,
        key: Ed25519PrivateKey,
        protocol: int,
        progress: Callable[[SyncProgress], None] | None,
        stop: threading.Event | None,
    ) -> None:
        self.store = store
        self.protocol = protocol  # the version batches are made in
        self.central = central
        self.workstation_id = workstation_id
        self.central_key = central_key
        self.key = key
        self.progress = progress
        self.stop = stop
        self.sent = 0
        self.started = time.monotonic()
        self.pending_total = outbox.pending_count(store)
        self.acknowledged = 0
        self.recovered = 0  # records acknowledged by a receipt the central already held
        self.central_holds_to = 0  # the central's high-water mark when the round began
        # (this database's last seq, the central's high-water mark) when the central holds
        # numbers this database never reached: it was restored from an old backup or copied.
        self.behind_central: tuple[int, int] | None = None
        self.refused = 0  # records of batches the central refused as a whole (malformed...)
        self.refusal = ""
        self.unsendable: dict[int, str] = {}  # seq -> why its record could not be sent
        self.taken_back = 0  # records this database had lost, taken back from the central
        self.hold_lifted = False  # a restored database may number new records again
        self.notes: list[str] = []  # what the round could not do, and why

    def check_central_holds(self) -> int:
        """Compare the central's view with what was acknowledged; re-queue what it lacks."""
        receipts_before = sync_state.receipts_applied(self.store)
        status = self.central.status(self.workstation_id, self.key)
        try:
            high_water = int(status["high_water_seq"])
            gaps = [(int(a), int(b)) for a, b in status.get("gaps") or ()]
            held = status.get("records")
            held_records = int(held) if held is not None else None
        except (TypeError, ValueError):
            raise CentralUnreachable("The central's status answer was not readable.") from None
        self.central_holds_to = high_water
        last_seq = audit.chain_head(self.store)[0]
        if high_water > last_seq:
            # Restored from an older backup (or copied): what the central holds past this
            # database's end comes back first, so that new records do not collide with it.
            try:
                take_back_from_central(
                    self.store,
                    self.central,
                    self.workstation_id,
                    self.key,
                    self.central_key,
                    high_water,
                    self.stop,
                )
            except (NotTakenBack, CentralRefused) as failure:
                self.notes.append(failure.message)
            finally:
                # Pages are taken back one transaction each: what came back before a failure
                # stays, and is counted.
                self.taken_back += audit.chain_head(self.store)[0] - last_seq
            last_seq = audit.chain_head(self.store)[0]
        self.behind_central = (last_seq, high_water) if high_water > last_seq else None
        in_step = self.behind_central is None
        held_back = in_step and restore_hold.current(self.store) is not None
        if held_back and gaps:
            # Records past a gap at the central: numbering new ones here would collide.
            self.notes.append(
                Message(
                    "The central holds records of this workstation past missing ones "
                    "(from #{first}); the restored database keeps holding new records. "
                    "Call IT.",
                    first=gaps[0][0],
                )
            )
        elif held_back:
            # A restored database has what the central holds: new records can be numbered.
            self.hold_lifted = bool(
                restore_hold.lift(
                    self.store,
                    by=restore_hold.LIFTED_BY_SYNC,
                    reason=f"the central holds no record past #{last_seq}",
                )
            )
        acked = int(sync_state.get(self.store, sync_state.ACKED_SEQ) or 0)
        if acked == 0 or (high_water >= acked and not gaps):
            return 0
        count = outbox.requeue_missing(
            self.store, high_water, gaps, held_records, receipts_before=receipts_before
        )
        if count is None:
            # Another round (or a stick's receipts) acknowledged records meanwhile.
            self.notes.append(
                "Another sync ran at the same time; what the central lacks is checked again "
                "at the next sync"
            )
            return 0
        self.pending_total += count
        return count

    def push(self) -> int:
        """Send every pending range once (again for ranges the central turns out to lack).

        Two batches are in flight: the central reads one while it stores the other, and this
        side builds the next batch and applies a receipt meanwhile. A batch inside what the
        central holds (a lost answer, a crash before its receipt was applied) is first asked
        for by id, so its stored receipt comes back and nothing is uploaded twice.
        """
        with ThreadPoolExecutor(max_workers=IN_FLIGHT, thread_name_prefix="sync-send") as sender:
            for _ in range(3):
                gaps_reported = False
                after = 0
                in_flight: deque[tuple[batches.Batch, Future[tuple[bytes, bool]]]] = deque()
                while True:
                    batch = None
                    if not (self.stop and self.stop.is_set()):
                        found = batches.next_range(self.store, after)
                        while found is not None and batch is None:
                            try:
                                batch = batches.build(
                                    self.store, self.key, self.workstation_id, *found, self.protocol
                                )
                                after = batch.last_seq
                            except batches.MissingRecords as missing:
                                # One record that cannot be read must not hold back the ones
                                # after it: it stays pending, and the round says why.
                                self._unsendable(found[0], missing.message)
                                after = found[0]
                                found = batches.next_range(self.store, after)
                    while in_flight and (batch is None or len(in_flight) == IN_FLIGHT):
                        ack = self._finish(*in_flight.popleft())
                        if ack is not None:
                            self.acknowledged += ack.acknowledged
                            gaps_reported = gaps_reported or bool(ack.gaps)
                    if batch is None:
                        break
                    in_flight.append((batch, sender.submit(self._deliver, batch)))
                if self.stop and self.stop.is_set():
                    break
                # A receipt said the central lacks a range: ask it again now that nothing is
                # in flight (it may have been the other batch), and send what it still lacks.
                if not (gaps_reported and self.check_central_holds()):
                    break
        return self.acknowledged

    def _unsendable(self, seq: int, reason: str) -> None:
        if seq not in self.unsendable:
            self.unsendable[seq] = reason
            with self.store.write() as conn:
                conn.execute(
                    "UPDATE outbox SET attempts = attempts + 1, detail = ? WHERE seq = ?",
                    (reason, seq),
                )

    def _deliver(self, batch: batches.Batch) -> tuple[bytes, bool]:
        """The central's answer to `batch`, and whether it was a receipt it already held.

        A stored receipt that rejects records of the batch is not the answer: they were sent
        again, and the central examines them again only when the batch is uploaded.
        """
        if batch.last_seq <= self.central_holds_to:
            stored = self.central.stored_receipt(batch.batch_id, self.workstation_id, self.key)
            if stored is not None and not outbox.rejects_any(
                stored, self.central_key, batch.batch_id, batch.record_ids
            ):
                return stored, True
        return self.central.send_batch(batch.body), False

    def _finish(
        self, batch: batches.Batch, sending: Future[tuple[bytes, bool]]
    ) -> outbox.Acknowledgement | None:
        try:
            body, recovered = sending.result()
        except CentralRefused as refusal:
            if refusal.code not in _BATCH_REFUSALS:
                raise
            _note_attempt(self.store, batch, refusal.message)
            self.refused += batch.count
            self.refusal = refusal.message
            return None
        _crash_point("after_send")
        receipt = outbox.read_receipt(body, self.central_key, batch.batch_id)
        ack = outbox.apply_receipt(self.store, receipt, batch.record_ids, requeue_gaps=False)
        self.sent += batch.count
        if recovered:
            self.recovered += batch.count
        self._report()
        return ack

    def _report(self) -> None:
        if self.progress is None:
            return
        elapsed = max(time.monotonic() - self.started, 1e-6)
        rate = self.sent / elapsed
        left = max(self.pending_total - self.sent, 0)
        self.progress(
            SyncProgress(self.pending_total, self.sent, rate, left / rate if rate else None)
        )

    def pull(self, applied: list[str]) -> list[str]:
        """Fetch and apply every kind of reference data newer than what is applied here;
        each applied is added to `applied` ("watchlist v3"). Returns the warnings."""
        warnings: list[str] = []
        held = reference.local_versions(self.store)
        for kind in ReferenceKind:
            try:
                signed = self.central.reference(
                    kind, held.get(kind, 0), self.workstation_id, self.key
                )
                if signed is None:
                    self._confirmed(kind)
                    continue
                if signed.snapshot.kind is not kind:
                    raise BadReferenceData(
                        f"The central sent a {signed.snapshot.kind.value} snapshot when asked "
                        f"for {kind.value}; it was not applied."
                    )
                done = reference.apply(self.store, signed, self.central_key)
                self._confirmed(kind)
                applied.append(f"{kind.value} v{done.version}")
                if done.expired:
                    warnings.append(f"{kind.value} v{done.version}: {done.note}")
                if done.warning:
                    warnings.append(f"{kind.value} v{done.version}: {done.warning}")
            except CentralRefused as refusal:
                if refusal.code in _NOT_SERVED:
                    raise  # the round stops with it as its error
                if refusal.code is ErrorCode.MALFORMED:
                    # A central older than this kind refuses its name in the path.
                    warnings.append(
                        Message(
                            "{kind}: the central does not publish this kind of reference "
                            "data (it is older than this lane client); nothing was applied",
                            kind=kind.value,
                        )
                    )
                    continue
                # Not a stop: the other kinds and the records are still worth the round.
                warnings.append(f"{kind.value}: {refusal.message}")
            except UserFacingError as failure:
                warnings.append(f"{kind.value}: {failure.message}")
        return warnings

    def _confirmed(self, kind: ReferenceKind) -> None:
        """The central's latest `kind` is the one applied here, as of now."""
        if kind is ReferenceKind.WORKSTATION_KEYS:
            # What the gate says of its list of withdrawn slips: how old it is.
            withdrawals.note_checked(self.store, datetime.now(UTC))


def _note_attempt(store: Store, batch: batches.Batch, detail: str) -> None:
    with store.write() as conn:
        conn.execute(
            "UPDATE outbox SET attempts = attempts + 1, detail = ? "
            "WHERE seq BETWEEN ? AND ? AND state = 'pending'",
            (detail, batch.first_seq, batch.last_seq),
        )


_crash_counts: dict[str, int] = {}


def _crash_point(name: str) -> None:
    """Kill this process at `name` when $INSPECTION_SYNC_CRASH_AT says "name" or "name:N"."""
    wanted = os.environ.get(CRASH_AT_ENV)
    if not wanted or wanted.partition(":")[0] != name:
        return
    _crash_counts[name] = _crash_counts.get(name, 0) + 1
    if _crash_counts[name] >= int(wanted.partition(":")[2] or 1):
        os.kill(os.getpid(), signal.SIGKILL)
