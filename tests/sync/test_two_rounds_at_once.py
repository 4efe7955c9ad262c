"""Two sync rounds of one lane at once (the window's background sync and an officer's
`inspection-client sync`): a status answer asked for before the other round's receipt was
applied must not put the records that receipt acknowledged back into the outbox."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import httpx
from fastapi.testclient import TestClient

from inspection_central import enrolment as central_enrolment
from inspection_central.storage import CentralStorage
from inspection_client import paths
from inspection_client.store import sync_state
from inspection_client.store.database import Store
from inspection_client.sync import outbox
from inspection_client.sync.enrolment import enrol
from inspection_client.sync.service import RoundResult, SyncService
from tests.sync.conftest import FAKE_URL, save_clearances, through
from tests.sync.fake_central import FakeCentral

Handler = Callable[[httpx.Request], httpx.Response]


def status_answered_late(central: Handler, meanwhile: Callable[[], None]) -> httpx.MockTransport:
    """Hands each request to `central`; the first status answer, once the central has given
    it, reaches the round only after `meanwhile` has run."""
    answered: list[httpx.Response] = []

    def handle(request: httpx.Request) -> httpx.Response:
        answer = central(request)
        if request.url.path.endswith("/status") and not answered:
            answered.append(answer)
            meanwhile()
        return answer

    return httpx.MockTransport(handle)


def one_round(data_dir: Path, transport: httpx.BaseTransport) -> RoundResult:
    service = SyncService(data_dir, FAKE_URL, transport=transport)
    try:
        return service.run_round()
    finally:
        service.close()


def requeued(store: Store) -> int:
    return int(
        store.conn.execute(
            "SELECT count(*) FROM outbox WHERE detail LIKE 'sent again: the central lacks it%'"
        ).fetchone()[0]
    )


def test_a_status_answer_older_than_the_other_round_s_receipt_requeues_nothing(
    enrolled: Store, data_dir: Path, central: FakeCentral
) -> None:
    save_clearances(enrolled, 10)
    officers_round: list[RoundResult] = []

    def officer_syncs() -> None:
        officers_round.append(one_round(data_dir, central.transport()))
        central.fail_next = 1  # and the link drops before the background round sends again

    background = one_round(data_dir, status_answered_late(central.handle, officer_syncs))

    assert officers_round[0].ok and officers_round[0].acknowledged == 10
    assert background.ok, background.error
    assert background.acknowledged == 0
    assert outbox.pending_count(enrolled) == 0 and requeued(enrolled) == 0
    assert sync_state.get(enrolled, sync_state.ACKED_SEQ) == "10"
    assert central.batches_seen == 1


def test_against_the_real_central_the_records_go_up_once(
    tmp_path: Path, real_central: tuple[CentralStorage, TestClient]
) -> None:
    storage, client = real_central
    data_dir = tmp_path / "lane"
    store = Store.open(paths.database_file(data_dir))
    try:
        invitation = central_enrolment.invite(storage, "KHG", "P01", "passenger")
        enrol(store, FAKE_URL, invitation.code, transport=through(client))
        save_clearances(store, 25)
        uploads: list[str] = []
        to_central = through(client)

        def counted(request: httpx.Request) -> httpx.Response:
            if request.url.path == "/v1/batches":
                uploads.append(request.url.path)
            return to_central.handle_request(request)

        officers_round: list[RoundResult] = []
        transport = status_answered_late(
            counted,
            lambda: officers_round.append(one_round(data_dir, httpx.MockTransport(counted))),
        )
        background = one_round(data_dir, transport)

        assert officers_round[0].ok and officers_round[0].acknowledged == 25
        assert background.ok and background.acknowledged == 0, background.error
        assert outbox.pending_count(store) == 0 and requeued(store) == 0
        assert len(uploads) == 1
    finally:
        store.close()


def test_what_a_stale_answer_says_the_central_lacks_goes_in_the_next_round(
    enrolled: Store, data_dir: Path, central: FakeCentral
) -> None:
    """The central really lost records (restored from an older backup), but a receipt was
    applied after its answer was asked for: the answer is not acted on, the next round's is."""
    save_clearances(enrolled, 10)
    assert one_round(data_dir, central.transport()).ok
    central.forget_above("KHG-L07", 4)
    view = central.status("KHG-L07")
    before_the_last_receipt = sync_state.receipts_applied(enrolled) - 1
    assert (
        outbox.requeue_missing(
            enrolled,
            view["high_water_seq"],
            [],
            view["records"],
            receipts_before=before_the_last_receipt,
        )
        is None
    )
    assert outbox.pending_count(enrolled) == 0
    assert sync_state.get(enrolled, sync_state.ACKED_SEQ) == "10"

    next_round = one_round(data_dir, central.transport())
    assert next_round.ok and next_round.acknowledged == 6
    assert central.ids_of("KHG-L07") == sorted(
        row[0] for row in enrolled.conn.execute("SELECT id FROM records")
    )
