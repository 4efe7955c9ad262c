"""`Message`: English text that keeps its template and values for the window to translate."""

from __future__ import annotations

import copy
import json
import pickle

import orjson

from inspection_client.domain.mrz import parse_mrz
from inspection_client.domain.vin import validate_vin
from inspection_client.message import Message, from_message_data, listed, message_data
from inspection_client.store.errors import StoreFull, translate


def test_a_message_is_its_english_text_and_keeps_what_it_was_made_from() -> None:
    label = Message("document number")
    text = Message(
        "{label} check digit is {shown}, expected {expected}", label=label, shown=3, expected=4
    )
    assert text == "document number check digit is 3, expected 4"
    assert isinstance(text, str)
    assert text.template == "{label} check digit is {shown}, expected {expected}"
    assert text.values == {"label": label, "shown": 3, "expected": 4}
    assert text.values["label"].template == "document number"


def test_a_template_without_values_is_not_formatted() -> None:
    assert Message("braces {stay} as written") == "braces {stay} as written"


def test_messages_survive_copies_pickles_and_json() -> None:
    text = Message("{count} records not accepted by the central — see supervisor queue", count=3)
    for again in (copy.copy(text), copy.deepcopy(text), pickle.loads(pickle.dumps(text))):
        assert again == text
        assert isinstance(again, Message)
        assert again.template == text.template and again.values == {"count": 3}
    assert json.loads(json.dumps([text])) == [str(text)]
    assert orjson.loads(orjson.dumps({"error": text})) == {"error": str(text)}


def test_listed_keeps_each_part_translatable_and_reads_like_a_join() -> None:
    parts = [Message("no MRZ text"), Message("document number is empty")]
    joined = listed(parts)
    assert joined == "no MRZ text; document number is empty"
    assert isinstance(joined, Message) and list(joined.values.values()) == parts
    assert listed(["plain", "text"]) == "plain; text"
    assert not isinstance(listed(["plain", "text"]), Message)


def test_validator_verdicts_are_messages() -> None:
    result = parse_mrz(
        "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C26UTO7408122F1204159ZE184226B<<<<<10"
    )
    assert not result.valid
    assert all(isinstance(error, Message) for error in result.errors)
    vin = validate_vin("1M8GDM9AXKP04278I")
    assert vin.errors and all(isinstance(error, Message) for error in vin.errors)


def test_store_errors_carry_a_message(tmp_path: object) -> None:
    import sqlite3
    from pathlib import Path

    error = translate(sqlite3.OperationalError("database or disk is full"), Path("/data/lane.db"))
    assert isinstance(error, StoreFull)
    assert isinstance(error.message, Message)
    assert error.message.values == {"path": Path("/data/lane.db")}
    assert str(error).startswith("The disk holding /data/lane.db is full.")


def test_message_data_round_trips_through_json_with_nested_messages() -> None:
    text = Message(
        "{document} reported {word} ({score})",
        document=Message("{code} {number}", code="P", number="L898902C3"),
        word=Message("stolen"),
        score=100,
    )
    again = from_message_data(json.loads(json.dumps(message_data(text))))
    assert isinstance(again, Message) and again == text
    assert again.template == text.template
    assert isinstance(again.values["word"], Message) and again.values["word"].template == "stolen"
    assert again.values["score"] == 100
    assert from_message_data(message_data("plain")) == "plain"


def test_message_data_that_is_not_a_message_is_refused() -> None:
    for data in (
        {"template": "x"},
        {"template": 1, "values": {}},
        {"template": "{missing}", "values": {"other": 1}},
        {"template": "{a}", "values": {"a": 1}, "extra": 2},
        [1, 2],
        None,
    ):
        try:
            from_message_data(data)
        except ValueError:
            continue
        raise AssertionError(f"accepted {data!r}")
