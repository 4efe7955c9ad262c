"""Batch ingestion through the HTTP API, on both storage engines."""

from __future__ import annotations

import asyncio
import hashlib
import json
import uuid
from pathlib import Path

import httpx
import orjson
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from fastapi.testclient import TestClient

from inspection_central import ingest
from inspection_central.api import create_app
from inspection_central.storage import CentralStorage, open_storage
from inspection_client.domain.canonical import canonical_json
from inspection_client.sync import wire
from inspection_client.sync.keys import public_key_from_text
from inspection_client.sync.wire import SignedBatch, SignedReceipt
from tests.central.lane import Lane, reject_as_too_new, sign


def post(client: TestClient, batch: SignedBatch | bytes) -> tuple[int, dict]:
    body = batch if isinstance(batch, bytes) else batch.model_dump_json().encode()
    response = client.post("/v1/batches", content=body)
    assert response.headers["content-type"].startswith("application/json")
    return response.status_code, response.json()


def statuses(receipt: dict) -> list[str]:
    return [o["status"] for o in receipt["receipt"]["outcomes"]]


def batch_counts(storage: CentralStorage, batch_id: str) -> tuple[int, int, int, int]:
    """The accepted, duplicates, conflicts and rejected of a batch's stored row."""
    with storage._read() as conn:  # type: ignore[attr-defined]
        row = storage._one(  # type: ignore[attr-defined]
            conn,
            "SELECT accepted, duplicates, conflicts, rejected FROM batches WHERE batch_id = ?",
            (batch_id,),
        )
    return tuple(int(count) for count in row)  # type: ignore[return-value]


def central_key(client: TestClient) -> wire.Ed25519PublicKey:
    return public_key_from_text(client.get("/v1/hello").json()["central_key"])


def test_accepted_batch_gets_a_signed_receipt(client: TestClient, lane: Lane) -> None:
    lane.save(5)
    status, body = post(client, lane.batch(1, 5))
    assert status == 200
    receipt = SignedReceipt.model_validate(body)
    assert wire.verify(receipt.receipt, receipt.signature, central_key(client))
    assert statuses(body) == ["accepted"] * 5
    assert receipt.receipt.high_water_seq == 5
    assert receipt.receipt.chain_head == lane.rows(5, 5)[0][4].hex()
    assert receipt.receipt.gaps == ()


def test_repeated_batch_gets_the_same_stored_receipt(client: TestClient, lane: Lane) -> None:
    lane.save(3)
    first = post(client, lane.batch(1, 3))
    second = post(client, lane.batch(1, 3))
    assert first == second
    assert statuses(first[1]) == ["accepted"] * 3


def test_accepted_duplicate_conflict_and_rejected_in_one_batch(
    client: TestClient, lane: Lane, storage: CentralStorage
) -> None:
    lane.save(6)
    assert statuses(post(client, lane.batch(1, 2))[1]) == ["accepted"] * 2

    def edit(seq: int, content: str) -> str:
        record = json.loads(content)
        if seq == 2:  # same id, other content
            record["body"]["remarks"] = "changed after the fact"
        if seq == 4:  # not a valid record
            record["officer"] = "x"
        if seq == 5:  # valid JSON, not canonical
            return json.dumps(record, indent=1)
        return canonical_json(record).decode()

    status, body = post(client, lane.batch(1, 6, edit=edit))
    assert status == 200
    assert statuses(body) == [
        "duplicate",
        "conflict",
        "accepted",
        "rejected",
        "rejected",
        "accepted",
    ]
    outcomes = body["receipt"]["outcomes"]
    assert "quarantined" in outcomes[1]["reason"]
    assert "officer" in outcomes[3]["reason"]
    assert "canonical" in outcomes[4]["reason"]
    # The batch's row counts its records by status, as the receipt gives them.
    assert batch_counts(storage, body["receipt"]["batch_id"]) == (2, 1, 1, 2)
    figures = storage.stats()
    assert figures["records_total"] == 4
    assert figures["quarantined_total"] == 1
    assert figures["rejected_total"] == 2
    # The edited content no longer hashes to the head: the batch is flagged.
    assert figures["chain_alerts"]


def test_bad_signature_unknown_and_revoked(
    client: TestClient, lane: Lane, storage: CentralStorage
) -> None:
    lane.save(2)
    status, body = post(client, lane.batch(1, 2, key=Ed25519PrivateKey.generate()))
    assert (status, body["error"]["code"]) == (401, "bad_signature")
    status, body = post(client, lane.batch(1, 2, workstation_id="NOBODY-1"))
    assert (status, body["error"]["code"]) == (403, "unknown_workstation")
    from datetime import UTC, datetime

    storage.revoke(lane.workstation_id, datetime.now(UTC))
    status, body = post(client, lane.batch(1, 2))
    assert (status, body["error"]["code"]) == (403, "revoked")
    assert client.get("/v1/hello").status_code == 200


def test_unsupported_protocol_says_upgrade(client: TestClient, lane: Lane) -> None:
    lane.save(1)
    raw = orjson.loads(lane.batch(1, 1).model_dump_json())
    raw["batch"]["protocol"] = 99
    raw["batch"]["something_new"] = True
    status, body = post(client, orjson.dumps(raw))
    assert status == 426
    assert body["error"]["code"] == "unsupported_protocol"
    assert "Upgrade" in body["error"]["message"]
    assert (body["error"]["protocol_min"], body["error"]["protocol_max"]) == wire.PROTOCOL_RANGE


def test_another_workstations_batch(
    client: TestClient, lane: Lane, storage: CentralStorage, tmp_path
) -> None:
    other = Lane(storage, tmp_path, lane="P02")
    try:
        other.save(2)
        lane.save(2)
        # B's envelope relabelled as A's, still signed by B.
        status, body = post(client, other.batch(1, 2, workstation_id=lane.workstation_id))
        assert (status, body["error"]["code"]) == (401, "bad_signature")
        # B's records inside an envelope that A signs: each record is rejected.
        theirs = other.batch(1, 2).batch
        forged = sign(theirs.model_copy(update={"workstation_id": lane.workstation_id}), lane.key)
        status, body = post(client, forged)
        assert status == 200
        assert statuses(body) == ["rejected", "rejected"]
        assert "wrong workstation" in body["receipt"]["outcomes"][0]["reason"]
        # B's own batch replayed as it is: a harmless repeat.
        first = post(client, other.batch(1, 2))
        assert post(client, other.batch(1, 2)) == first
    finally:
        other.close()


def test_malformed_bodies_are_json_errors_and_the_server_goes_on(
    client: TestClient, lane: Lane
) -> None:
    lane.save(1)
    good = orjson.loads(lane.batch(1, 1).model_dump_json())
    wrong_type = json.loads(json.dumps(good))
    wrong_type["batch"]["first_seq"] = "one"
    bogus = {
        "batch": {**good["batch"], "count": 10_000, "last_seq": 10_000},
        "signature": good["signature"],
    }
    bogus["batch"]["records"] = [
        {"seq": i, "id": str(uuid.uuid4()), "content": "x"} for i in range(1, 10_001)
    ]
    for body in (b"{not json", b"[]", b"null", orjson.dumps(wrong_type), orjson.dumps(bogus)):
        status, answer = post(client, body)
        assert status == 400, body[:40]
        assert answer["error"]["code"] == "malformed"
    # Numbers past what the databases hold, in a batch the lane signed: malformed, not a 500.
    huge = wire.MAX_SEQ + 6
    envelope = lane.batch(1, 1).batch
    record = envelope.records[0].model_copy(update={"seq": huge})
    too_far = envelope.model_copy(
        update={"first_seq": huge, "last_seq": huge, "records": (record,)}
    )
    status, answer = post(client, sign(too_far, lane.key))
    assert (status, answer["error"]["code"]) == (400, "malformed")
    inconsistent = lane.batch(1, 1, count=1, last_seq=2)
    status, answer = post(client, inconsistent)
    assert (status, answer["error"]["code"]) == (400, "malformed")
    status, answer = post(client, b"x" * 2_000_001)
    assert (status, answer["error"]["code"]) == (413, "too_large")
    assert client.get("/nowhere").json()["error"]["code"] == "malformed"
    assert post(client, lane.batch(1, 1))[0] == 200


def test_a_body_that_is_not_utf8_is_called_so(client: TestClient, lane: Lane) -> None:
    lane.save(1)
    good = lane.batch(1, 1).model_dump_json().encode()
    broken = good[:30] + b"\xff\xfe" + good[30:]
    for body in (broken, b"\xff{}"):
        status, answer = post(client, body)
        assert (status, answer["error"]["code"]) == (400, "malformed")
        assert answer["error"]["message"].startswith("The content is not valid UTF-8 (byte ")
        assert "surrogates" not in answer["error"]["message"]
    enrol = client.post("/v1/enrol", content=b'{"protocol": 1, "code": "\xff"}')
    assert (enrol.status_code, enrol.json()["error"]["code"]) == (400, "malformed")
    assert enrol.json()["error"]["message"] == (
        "The content is not valid UTF-8 (byte 25 cannot be read); a request or batch file is "
        "JSON in UTF-8."
    )


def test_sql_metacharacters_are_stored_verbatim(
    client: TestClient, lane: Lane, storage: CentralStorage
) -> None:
    nasty = "O'Brien\"; DROP TABLE records; -- %s ? \\ \\N \t\n\r \x01 \u2028 汉字"
    lane.save(1, remarks=nasty)
    status, body = post(client, lane.batch(1, 1))
    assert status == 200 and statuses(body) == ["accepted"]
    # Stored exactly as sent: content, its hash and its chain hash.
    _seq, _id, content, _prev, chained = lane.rows(1, 1)[0]
    with storage._read() as conn:  # type: ignore[attr-defined]
        held = storage._one(  # type: ignore[attr-defined]
            conn,
            "SELECT content, content_hash, chain_hash, decision, port_code FROM records "
            "WHERE workstation_id = ? AND seq = 1",
            (lane.workstation_id,),
        )
    assert held[0] == content and "\\\\" in content
    assert bytes(held[1]) == hashlib.sha256(content.encode()).digest()
    assert bytes(held[2]) == chained
    assert (held[3], held[4]) == ("cleared", "KHG")
    status, body = post(client, b'{"batch": "\'; DROP TABLE batches; --", "signature": "?"}')
    assert status == 400
    assert storage.stats()["records_total"] == 1
    lane.save(1)
    assert statuses(post(client, lane.batch(2, 2))[1]) == ["accepted"]


def test_gaps_and_high_water(client: TestClient, lane: Lane) -> None:
    lane.save(10)
    _, body = post(client, lane.batch(7, 10))
    assert body["receipt"]["high_water_seq"] == 0
    assert body["receipt"]["gaps"] == [[1, 6]]
    assert body["receipt"]["chain_head"] is None
    _, body = post(client, lane.batch(3, 4))
    assert body["receipt"]["gaps"] == [[1, 2], [5, 6]]
    _, body = post(client, lane.batch(1, 2))
    assert body["receipt"]["high_water_seq"] == 4
    assert body["receipt"]["gaps"] == [[5, 6]]
    _, body = post(client, lane.batch(5, 6))
    assert body["receipt"]["high_water_seq"] == 10
    assert body["receipt"]["gaps"] == []
    assert body["receipt"]["chain_head"] == lane.rows(10, 10)[0][4].hex()
    path = f"/v1/workstations/{lane.workstation_id}/status"
    answer = client.get(path, headers=lane.headers(path)).json()
    assert answer["high_water_seq"] == 10 and answer["records"] == 10 and answer["gaps"] == []


def test_chain_verified_across_batches_and_a_fork_flagged(
    client: TestClient, lane: Lane, storage: CentralStorage
) -> None:
    lane.save(4)
    post(client, lane.batch(1, 2))
    post(client, lane.batch(3, 4))
    assert storage.stats()["chain_alerts"] == []
    lane.save(2)
    # A workstation restored from a backup: its next batch does not continue the held chain.
    forked = lane.batch(5, 6, prev_head="ab" * 32)
    status, body = post(client, forked)
    assert status == 200
    assert statuses(body) == ["accepted", "accepted"]
    alerts = storage.stats()["chain_alerts"]
    assert len(alerts) == 2  # does not continue seq 4, and does not hash to its head
    assert {a["workstation_id"] for a in alerts} == {lane.workstation_id}
    assert body["receipt"]["chain_head"] is None  # not verified at the high-water mark


def test_records_that_do_not_hash_to_the_head_are_stored_flagged(
    client: TestClient, lane: Lane, storage: CentralStorage
) -> None:
    lane.save(6)
    post(client, lane.batch(1, 2))
    # The batch continues the held chain, but one record was edited after it was hashed (it
    # is still a valid record): everything is stored, flagged, with an alert.
    edited = lane.batch(3, 6, edit=lambda seq, c: c.replace("OFF001", "OFX001") if seq == 5 else c)
    status, body = post(client, edited)
    assert status == 200
    assert statuses(body) == ["accepted"] * 4
    alerts = storage.stats()["chain_alerts"]
    assert [a["reason"].split(":")[-1].strip() for a in alerts] == ["edited history"]
    assert body["receipt"]["chain_head"] is None
    assert body["receipt"]["high_water_seq"] == 6


def test_a_lane_sharing_a_busy_server_process_is_asked_to_reconnect(
    storage: CentralStorage, tmp_path: Path
) -> None:
    """Lanes keep their connection unless their batch shared the process with another one:
    then the answer says `Connection: close`, so the next batch may go to a free process."""
    app = create_app(storage, max_body_bytes=2_000_000)
    first, second = Lane(storage, tmp_path, lane="P01"), Lane(storage, tmp_path, lane="P02")
    try:
        first.save(6)
        second.save(3)

        async def send(*batches: SignedBatch) -> list[httpx.Response]:
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://central") as http:
                return await asyncio.gather(
                    *(http.post("/v1/batches", content=b.model_dump_json()) for b in batches)
                )

        (alone,) = asyncio.run(send(first.batch(1, 3)))
        assert alone.status_code == 200
        assert "connection" not in alone.headers
        together = asyncio.run(send(first.batch(4, 6), second.batch(1, 3)))
        assert [answer.status_code for answer in together] == [200, 200]
        assert "close" in [answer.headers.get("connection") for answer in together]
        assert all(statuses(answer.json()) == ["accepted"] * 3 for answer in together)
    finally:
        first.close()
        second.close()


def test_a_stored_receipt_is_handed_back_by_batch_id_to_its_workstation_only(
    client: TestClient, lane: Lane, storage: CentralStorage, tmp_path: Path
) -> None:
    lane.save(4)
    status, answer = post(client, lane.batch(1, 4))
    assert status == 200
    batch_id = answer["receipt"]["batch_id"]
    path = f"/v1/receipts/{batch_id}"
    again = client.get(path, headers=lane.headers(path))
    assert again.status_code == 200
    assert again.json() == answer
    receipt = SignedReceipt.model_validate_json(again.content)
    assert wire.verify(receipt.receipt, receipt.signature, central_key(client))

    unknown = f"/v1/receipts/{'0' * 64}"
    missing = client.get(unknown, headers=lane.headers(unknown))
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "unknown_batch"
    other = Lane(storage, tmp_path, lane="P02")
    try:
        stranger = client.get(path, headers=other.headers(path))
        assert stranger.status_code == 404  # not another workstation's to read, nor to know of
    finally:
        other.close()
    assert client.get(path).status_code == 401


def test_a_record_that_is_not_what_its_envelope_says_is_rejected(
    client: TestClient, lane: Lane
) -> None:
    lane.save(3)
    stranger = str(uuid.uuid4())

    def edit(seq: int, content: str) -> str:
        record = json.loads(content)
        if seq == 2:  # the record inside carries another id than the envelope
            record["id"] = stranger
        return canonical_json(record).decode()

    status, body = post(client, lane.batch(1, 3, edit=edit))
    assert status == 200
    assert statuses(body) == ["accepted", "rejected", "accepted"]
    reason = body["receipt"]["outcomes"][1]["reason"]
    assert "envelope says seq 2" in reason and stranger in reason


def test_envelope_ids_are_lower_case_hyphenated_uuids(client: TestClient, lane: Lane) -> None:
    lane.save(1)
    batch = lane.batch(1, 1)
    item = batch.batch.records[0]
    for other in (item.id.upper(), item.id.replace("-", ""), f"{{{item.id}}}"):
        shouted = batch.batch.model_copy(
            update={"records": (item.model_copy(update={"id": other}),)}
        )
        status, body = post(client, sign(shouted, lane.key))
        assert status == 400
        assert body["error"]["code"] == "malformed"


def test_the_receipt_is_exactly_the_canonical_json_of_its_wire_model(
    client: TestClient, lane: Lane
) -> None:
    """The central writes receipts without building the models; the client reads them with
    the models. Every kind of outcome, gaps and times come out as the models write them."""
    lane.save(8)
    post(client, lane.batch(2, 3))

    def edit(seq: int, content: str) -> str:
        record = json.loads(content)
        if seq == 7:
            record["officer"] = "x"
        return canonical_json(record).decode()

    answer = client.post("/v1/batches", content=lane.batch(2, 8, edit=edit).model_dump_json())
    assert answer.status_code == 200
    parsed = SignedReceipt.model_validate_json(answer.content)
    assert parsed.canonical() == answer.content
    assert {outcome.status.value for outcome in parsed.receipt.outcomes} == {
        "duplicate",
        "accepted",
        "rejected",
    }
    assert parsed.receipt.gaps == ((1, 1),)
    assert wire.verify(parsed.receipt, parsed.signature, central_key(client))


@pytest.mark.postgres
def test_receipts_are_compressed_with_lz4_on_postgresql(
    postgres_schema: str, key_path: Path
) -> None:
    storage = open_storage(postgres_schema, key_path=key_path)
    try:
        with storage._read() as conn:  # type: ignore[attr-defined]
            method = conn.execute(
                "SELECT attcompression FROM pg_attribute "
                "WHERE attrelid = 'batches'::regclass AND attname = 'receipt'"
            ).fetchone()[0]
    finally:
        storage.close()
    assert method == "l"  # this project's PostgreSQL is built with lz4, as Debian's is


def test_a_body_in_the_form_clients_send_is_checked_over_its_bytes_as_sent(
    client: TestClient, lane: Lane
) -> None:
    lane.save(3)
    signed = lane.batch(1, 3)
    body = signed.canonical()  # as the lane client sends it: canonical, keys sorted
    assert body.startswith(b'{"batch":{')
    status, answer = post(client, body)
    assert status == 200 and statuses(answer) == ["accepted"] * 3
    assert answer["receipt"]["batch_id"] == signed.batch.batch_id

    # The same envelope, its keys in another order: signed over the canonical form, it is
    # still taken, under the same batch id (the stored receipt comes back).
    envelope = json.loads(signed.batch.canonical())
    shuffled = json.dumps(dict(reversed(list(envelope.items()))), separators=(",", ":"))
    reordered = (
        b'{"batch":'
        + shuffled.encode()
        + b',"format":"inspection-batch/1","signature":"'
        + signed.signature.encode()
        + b'"}'
    )
    assert reordered != body
    assert post(client, reordered) == (status, answer)

    # Changed after signing: refused, whichever form it comes in.
    forged = body.replace(b'"count":3', b'"count":2')
    assert forged != body
    assert post(client, forged)[0] == 401
    lane.save(1)
    other = lane.batch(4, 4).canonical()
    tampered = other.replace(b'\\"officer\\":\\"OFF001\\"', b'\\"officer\\":\\"OFF002\\"')
    assert tampered != other
    status, refused = post(client, tampered)
    assert status == 401 and refused["error"]["code"] == "bad_signature"


def test_a_body_that_only_looks_like_the_client_form_is_read_whole(
    client: TestClient, lane: Lane
) -> None:
    lane.save(2)
    signed = lane.batch(1, 2)
    envelope = signed.batch.canonical()
    # Valid JSON whose "batch" is followed by a second "format" member: the bytes before the
    # last "format" are not one JSON value, so the body is parsed as a whole.
    odd = (
        b'{"batch":'
        + envelope
        + b',"format":"x","format":"inspection-batch/1","signature":"'
        + signed.signature.encode()
        + b'"}'
    )
    status, answer = post(client, odd)
    assert status == 200  # JSON keeps the last of two members with the same name
    assert statuses(answer) == ["accepted"] * 2
    assert answer["receipt"]["batch_id"] == signed.batch.batch_id
    assert post(client, b'{"batch":' + envelope + b',"format":"inspection-batch/1"}')[0] == 400


def test_protocol_1_and_2_batches_are_both_taken_each_signed_its_own_way(
    client: TestClient, lane: Lane
) -> None:
    lane.save(4)
    older = lane.batch(1, 2, protocol=1)  # signed over the whole envelope
    newer = lane.batch(3, 4)  # protocol 2: signed over the batch id
    assert newer.batch.protocol == 2
    for signed in (older, newer):
        status, answer = post(client, signed.canonical())
        assert status == 200 and statuses(answer) == ["accepted"] * 2
        assert answer["receipt"]["protocol"] == signed.batch.protocol

    # Each signature only counts for its own protocol's message.
    lane.save(2)
    envelope = lane.batch(5, 6).batch
    v1_style = wire.SignedBatch(batch=envelope, signature=wire.sign(envelope, lane.key))
    status, answer = post(client, v1_style.canonical())
    assert status == 401 and answer["error"]["code"] == "bad_signature"
    as_v1 = envelope.model_copy(update={"protocol": 1})
    canonical = as_v1.canonical()
    v2_style = wire.SignedBatch(
        batch=as_v1,
        signature=wire.sign_batch(2, canonical, wire.batch_id_of(canonical), lane.key),
    )
    status, answer = post(client, v2_style.canonical())
    assert status == 401 and answer["error"]["code"] == "bad_signature"


def test_a_rejected_record_sent_again_after_a_fix_is_held_and_no_longer_rejected(
    client: TestClient, lane: Lane, storage: CentralStorage, monkeypatch: pytest.MonkeyPatch
) -> None:
    lane.save(3)
    validate = ingest._validate
    reject_as_too_new(monkeypatch, lane.rows(2, 2)[0][1])
    assert statuses(post(client, lane.batch(1, 3))[1]) == ["accepted", "rejected", "accepted"]
    assert storage.stats()["rejected_total"] == 1

    monkeypatch.setattr(ingest, "_validate", validate)  # the central, upgraded
    status, body = post(client, lane.batch(2, 2))
    assert status == 200 and statuses(body) == ["accepted"]
    figures = storage.stats()
    assert figures["records_total"] == 3 and figures["rejected_total"] == 0
    assert not figures["chain_alerts"]
