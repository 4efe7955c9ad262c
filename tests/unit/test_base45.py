"""Base45 against RFC 9285."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspection_client.reports import base45

RFC_9285_VECTORS = [
    (b"AB", "BB8"),
    (b"Hello!!", "%69 VD92EX0"),
    (b"base-45", "UJCLQE7W581"),
    (b"ietf!", "QED8WEX0"),
    (b"", ""),
]


@pytest.mark.parametrize(("data", "text"), RFC_9285_VECTORS)
def test_rfc_vectors(data: bytes, text: str) -> None:
    assert base45.encode(data) == text
    assert base45.decode(text) == data


def test_extremes() -> None:
    assert base45.encode(b"\xff\xff") == "FGW"
    assert base45.decode("FGW") == b"\xff\xff"
    assert base45.encode(b"\x00") == "00"
    assert base45.encode(b"\xff") == "U5"


@given(st.binary(max_size=2_000))
def test_round_trip(data: bytes) -> None:
    text = base45.encode(data)
    assert set(text) <= set(base45.ALPHABET)
    assert base45.decode(text) == data


@given(st.text(max_size=200))
def test_decode_any_text_raises_only_base45_error(text: str) -> None:
    try:
        data = base45.decode(text)
    except base45.Base45Error:
        return
    assert base45.encode(data) == text


@pytest.mark.parametrize(
    "text",
    [
        "GGW",  # 65536
        "::::",  # wrong length as well as overflow
        "A",  # a single character is never a full group
        "BB8A",  # 3n + 1 characters
        "V5",  # 256 in a trailing pair
        "bb8",  # lower case is not in the alphabet
        "BB\n",
        "BB=",
        "BB\x00",
        "BBé",
    ],
)
def test_decode_rejects(text: str) -> None:
    with pytest.raises(base45.Base45Error):
        base45.decode(text)


def test_error_is_a_value_error() -> None:
    assert issubclass(base45.Base45Error, ValueError)
