"""A record the central rejected, sent again by a supervisor, is stored at the lane's next
round once the cause is fixed, even in the very batch that was rejected: through real sync
rounds against the central, in-process."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from inspection_central import enrolment as central_enrolment
from inspection_central import ingest
from inspection_central.storage import CentralStorage
from inspection_client import paths
from inspection_client.domain.codes import TravellerRole
from inspection_client.store import records
from inspection_client.store.database import Store
from inspection_client.store.sync_state import sync_problems
from inspection_client.sync import outbox
from inspection_client.sync.enrolment import enrol
from inspection_client.sync.service import RoundResult, SyncService
from tests import factories
from tests.sync.conftest import FAKE_URL, through


def sync(directory: Path, client: TestClient) -> RoundResult:
    service = SyncService(directory, FAKE_URL, transport=through(client))
    try:
        result = service.run_round()
    finally:
        service.close()
    assert result.central_reachable, result.error
    return result


def test_records_sent_again_one_batch_each_are_stored_once_the_cause_is_fixed(
    tmp_path: Path,
    real_central: tuple[CentralStorage, TestClient],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    storage, client = real_central
    lane_dir = tmp_path / "lane"
    lane = Store.open(paths.database_file(lane_dir))
    try:
        invitation = central_enrolment.invite(storage, "KHG", "P01", "passenger")
        enrol(lane, FAKE_URL, invitation.code, transport=through(client))
        # A central too old for the adult's record rejects it; the minor's record, which
        # names that adult, is then rejected too: the central does not hold the adult.
        validate = ingest._validate
        adult = records.save(lane, factories.passenger(), officer="OFF01")
        too_new = f'"id":"{adult.id}"'.encode()  # the adult's record, not the minor's link
        monkeypatch.setattr(
            ingest,
            "_validate",
            lambda content: (
                (None, "schema not known here") if too_new in content else validate(content)
            ),
        )
        assert sync(lane_dir, client).problems == 1
        child = factories.passenger(
            document=factories.document(given_names="ALI", birth_date=date(2016, 5, 1)),
            traveller_role=TravellerRole.MINOR,
            accompanying_adult_id=adult.id,
        )
        records.save(lane, child, officer="OFF01")
        assert sync(lane_dir, client).problems == 2  # all the queue holds
        assert [problem.seq for problem in sync_problems(lane)] == [1, 2]
        assert "schema not known here" in str(sync_problems(lane)[0].detail)
        assert "which the central does not hold" in str(sync_problems(lane)[1].detail)

        monkeypatch.setattr(ingest, "_validate", validate)  # the central, upgraded
        # One at a time, as a supervisor may: each goes in a batch of its own, the very
        # batch the central rejected, below the central's high-water mark.
        for seq in (1, 2):
            assert outbox.send_again(lane, [seq], "SUP01") == 1
            result = sync(lane_dir, client)
            assert (result.acknowledged, result.pending, result.recovered) == (1, 0, 0)
        assert sync_problems(lane) == []
        assert sync(lane_dir, client).ok
    finally:
        lane.close()
    figures = storage.stats()
    assert (figures["records_total"], figures["rejected_total"]) == (2, 0)
    assert figures["workstations"][0]["high_water_seq"] == 2
