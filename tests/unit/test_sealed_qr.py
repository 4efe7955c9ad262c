"""Sealing and verifying gate passes and shift reports, and every way a text can be forged."""

from __future__ import annotations

import hashlib
import json
import time
import zlib
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import cbor2
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from hypothesis import given, settings
from hypothesis import strategies as st

from inspection_client.reports import base45
from inspection_client.reports.sealed_qr import (
    MAX_TEXT_CHARS,
    PREFIXES,
    DocumentKind,
    Unsealed,
    Verdict,
    key_id,
    seal,
    unseal,
)

ISSUED = 1_790_000_000  # 2026-09-21 14:13:20 UTC
EXPIRES = ISSUED + 24 * 3600
NOW = datetime.fromtimestamp(ISSUED + 3600, UTC)

# Fixed seeds keep failures reproducible.
WORKSTATION_KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
ATTACKER_KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32, 64)))


def slip_claims(**changes: Any) -> dict[str, Any]:
    claims: dict[str, Any] = {
        "v": 1,
        "id": "GP-2026-000123",
        "iat": ISSUED,
        "exp": EXPIRES,
        "port": "DEHAM",
        "lane": "C3",
        "dir": "out",
        "dec": "release",
        "plates": ["HH-AB 1234"],
        "vins": ["WDD2050461F123456"],
        "containers": [],
        "seals": ["DE123456"],
        "officer": "4711",
        "decl": "26DE123456789012E1",
        "extra": {"nested": [1, -2, None, True, "ü"]},
    }
    claims.update(changes)
    return claims


def resolver(*keys: Ed25519PrivateKey) -> Callable[[bytes], Ed25519PublicKey | None]:
    known = {key_id(k.public_key()): k.public_key() for k in keys}
    return known.get


KNOWN = resolver(WORKSTATION_KEY)


def check(text: str, **kwargs: Any) -> Unsealed:
    kwargs.setdefault("now", NOW)
    return unseal(text, KNOWN, **kwargs)


def open_text(text: str) -> tuple[str, list[Any]]:
    """Split a sealed text into its prefix and the four COSE_Sign1 parts (mutable)."""
    prefix, body = text[:4], text[4:]
    tag = cbor2.loads(zlib.decompress(base45.decode(body)))
    assert tag.tag == 18
    return prefix, list(tag.value)


def close_text(prefix: str, parts: list[Any]) -> str:
    cose = cbor2.dumps(cbor2.CBORTag(18, parts))
    return prefix + base45.encode(zlib.compress(cose, 9))


def forge(
    prefix: str,
    header: dict[Any, Any],
    payload: bytes,
    key: Ed25519PrivateKey,
    *,
    unprotected: dict[Any, Any] | None = None,
) -> str:
    """Build a text the way the module docstring describes the wire format, from scratch."""
    protected = cbor2.dumps(header)
    sig_structure = cbor2.dumps(["Signature1", protected, prefix.encode("ascii"), payload])
    signature = key.sign(sig_structure)
    return close_text(prefix, [protected, unprotected or {}, payload, signature])


def genuine_header(key: Ed25519PrivateKey = WORKSTATION_KEY) -> dict[int, Any]:
    return {1: -8, 4: key_id(key.public_key())}


# --- the good path ---------------------------------------------------------------------------


def test_round_trip() -> None:
    text = seal(DocumentKind.SLIP, slip_claims(), WORKSTATION_KEY)
    assert text.startswith("GP1:")
    result = check(text, expected_port="DEHAM")
    assert result.verdict is Verdict.VALID
    assert result.valid
    assert result.kind is DocumentKind.SLIP
    assert result.claims == slip_claims()
    assert result.key_id == key_id(WORKSTATION_KEY.public_key()).hex()


def test_report_round_trip() -> None:
    claims = {"v": 1, "id": "SR-7", "iat": ISSUED, "shift": "N-2026-09-21", "digest": "ab" * 32,
              "counts": {"cleared": 412, "refused": 3}}  # fmt: skip
    text = seal(DocumentKind.REPORT, claims, WORKSTATION_KEY)
    assert text.startswith("SR1:")
    result = check(text)
    assert (result.verdict, result.kind, result.claims) == (
        Verdict.VALID,
        DocumentKind.REPORT,
        claims,
    )


def test_key_id_is_sha256_prefix_of_raw_key() -> None:
    public = WORKSTATION_KEY.public_key()
    raw = public.public_bytes(Encoding.Raw, PublicFormat.Raw)
    assert key_id(public) == hashlib.sha256(raw).digest()[:8]


def test_resolver_is_asked_for_the_key_id() -> None:
    asked: list[bytes] = []

    def resolve(kid: bytes) -> Ed25519PublicKey | None:
        asked.append(kid)
        return KNOWN(kid)

    assert unseal(seal(DocumentKind.SLIP, slip_claims(), WORKSTATION_KEY), resolve, now=NOW).valid
    assert asked == [key_id(WORKSTATION_KEY.public_key())]


def test_same_claims_give_the_same_text() -> None:
    claims = slip_claims()
    reordered = dict(reversed(list(claims.items())))
    first = seal(DocumentKind.SLIP, claims, WORKSTATION_KEY)
    assert seal(DocumentKind.SLIP, reordered, WORKSTATION_KEY) == first
    assert check(first).valid


def test_wire_format_is_plain_cose_sign1() -> None:
    text = seal(DocumentKind.SLIP, slip_claims(), WORKSTATION_KEY)
    _, (protected, unprotected, payload, signature) = open_text(text)
    assert cbor2.loads(protected) == genuine_header()
    assert unprotected == {}
    assert cbor2.loads(payload) == slip_claims()
    # Any COSE library verifies it when given the prefix as external_aad.
    sig_structure = cbor2.dumps(["Signature1", protected, b"GP1:", payload])
    WORKSTATION_KEY.public_key().verify(signature, sig_structure)


@pytest.mark.parametrize("noise", [("\r\n", ""), ("  ", "\r\n"), ("\t", "\n"), ("", "\r")])
def test_scanner_whitespace_is_tolerated(noise: tuple[str, str]) -> None:
    text = seal(DocumentKind.SLIP, slip_claims(), WORKSTATION_KEY)
    assert check(noise[0] + text + noise[1]).valid


def test_to_json() -> None:
    result = check(seal(DocumentKind.SLIP, slip_claims(), WORKSTATION_KEY))
    data = json.loads(json.dumps(result.to_json()))
    assert data["valid"] is True
    assert data["kind"] == "slip"
    assert data["verdict"] == "valid"
    assert data["claims"] == slip_claims()
    assert data["key_id"] == result.key_id
    assert data["reason"]
    malformed = json.loads(json.dumps(check("nonsense").to_json()))
    assert malformed["valid"] is False
    assert malformed["kind"] is None
    assert malformed["claims"] is None


# --- claims the codec refuses to seal ----------------------------------------------------------


@pytest.mark.parametrize(
    "changes",
    [
        {"weight": 1.5},
        {"when": datetime(2026, 1, 1, tzinfo=UTC)},
        {"blob": b"\x00"},
        {"seals": {"DE1"}},
        {"nested": {"deep": [1.0]}},
        {"map": {1: "int key"}},
        {"iat": True},
        {"exp": "2026-01-01"},
        {"port": 7},
        {"v": "1"},
    ],
)
def test_seal_rejects_non_claim_values(changes: dict[str, Any]) -> None:
    with pytest.raises(TypeError):
        seal(DocumentKind.SLIP, slip_claims(**changes), WORKSTATION_KEY)


def test_seal_rejects_non_str_top_level_key() -> None:
    with pytest.raises(TypeError):
        seal(DocumentKind.SLIP, {1: "x"}, WORKSTATION_KEY)  # type: ignore[dict-item]


@pytest.mark.parametrize(
    "changes", [{"big": 2**64}, {"deep": [[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]}]
)
def test_seal_rejects_out_of_range(changes: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        seal(DocumentKind.SLIP, slip_claims(**changes), WORKSTATION_KEY)


# --- tampering --------------------------------------------------------------------------------


def test_every_single_byte_flip_in_the_payload_is_detected() -> None:
    text = seal(DocumentKind.SLIP, slip_claims(), WORKSTATION_KEY)
    prefix, parts = open_text(text)
    payload = parts[2]
    for index in range(len(payload)):
        for mask in (0x01, 0x80, 0xFF):
            changed = bytearray(payload)
            changed[index] ^= mask
            parts[2] = bytes(changed)
            result = check(close_text(prefix, parts))
            assert result.verdict is Verdict.TAMPERED, (index, mask, result)


def test_every_single_byte_flip_in_the_signature_is_detected() -> None:
    prefix, parts = open_text(seal(DocumentKind.SLIP, slip_claims(), WORKSTATION_KEY))
    signature = parts[3]
    for index in range(len(signature)):
        changed = bytearray(signature)
        changed[index] ^= 0x01
        parts[3] = bytes(changed)
        assert check(close_text(prefix, parts)).verdict is Verdict.TAMPERED


def test_no_single_byte_change_of_the_envelope_is_valid() -> None:
    prefix, parts = open_text(seal(DocumentKind.SLIP, slip_claims(), WORKSTATION_KEY))
    cose = cbor2.dumps(cbor2.CBORTag(18, parts))
    for index in range(len(cose)):
        changed = bytearray(cose)
        changed[index] ^= 0x04
        text = prefix + base45.encode(zlib.compress(bytes(changed)))
        assert not check(text).valid, index


def test_no_single_character_change_of_the_text_is_valid() -> None:
    text = seal(DocumentKind.SLIP, slip_claims(), WORKSTATION_KEY)
    for index in range(len(text)):
        for replacement in ("0", "Z", ":"):
            if text[index] != replacement:
                changed = text[:index] + replacement + text[index + 1 :]
                assert not check(changed).valid, (index, replacement)


def test_changed_claim_with_the_original_signature_is_tampered() -> None:
    prefix, parts = open_text(seal(DocumentKind.SLIP, slip_claims(), WORKSTATION_KEY))
    forged_claims = slip_claims(exp=EXPIRES + 30 * 24 * 3600, containers=["MSCU1234565"])
    parts[2] = cbor2.dumps(forged_claims, canonical=True)
    result = check(close_text(prefix, parts))
    assert result.verdict is Verdict.TAMPERED
    assert result.reason == "signature does not match the content"
    # The gate still gets to see what the forged slip claims.
    assert result.claims == forged_claims


def test_resigned_with_an_unknown_key() -> None:
    text = seal(DocumentKind.SLIP, slip_claims(), ATTACKER_KEY)
    result = check(text)
    assert result.verdict is Verdict.UNKNOWN_SIGNER
    assert result.key_id == key_id(ATTACKER_KEY.public_key()).hex()
    assert result.key_id in result.reason
    assert result.claims == slip_claims()


def test_genuine_key_id_with_attackers_signature_is_tampered() -> None:
    payload = cbor2.dumps(slip_claims(), canonical=True)
    text = forge("GP1:", genuine_header(), payload, ATTACKER_KEY)
    assert check(text).verdict is Verdict.TAMPERED


def test_truncated_text_is_malformed() -> None:
    text = seal(DocumentKind.SLIP, slip_claims(), WORKSTATION_KEY)
    for length in range(len(text)):
        result = check(text[:length])
        assert result.verdict is Verdict.MALFORMED, length


@pytest.mark.parametrize(
    ("kind", "other", "shown_as"),
    [(DocumentKind.SLIP, DocumentKind.REPORT, "gate pass"),
     (DocumentKind.REPORT, DocumentKind.SLIP, "shift report")],
)  # fmt: skip
def test_relabelled_prefix_is_tampered(
    kind: DocumentKind, other: DocumentKind, shown_as: str
) -> None:
    text = seal(kind, slip_claims(), WORKSTATION_KEY)
    relabelled = PREFIXES[other] + text[4:]
    result = check(relabelled)
    assert result.verdict is Verdict.TAMPERED
    assert result.kind is other
    assert f"signed {shown_as}, relabelled" in result.reason


@pytest.mark.parametrize("prefix", ["XX1:", "GP2:", "HC1:", "GP1", ""])
def test_unknown_prefix_is_malformed(prefix: str) -> None:
    text = seal(DocumentKind.SLIP, slip_claims(), WORKSTATION_KEY)
    assert check(prefix + text[4:]).verdict is Verdict.MALFORMED


@pytest.mark.parametrize("alg", [-7, -8.0, "EdDSA", None, True])
def test_other_algorithm_is_malformed(alg: object) -> None:
    header: dict[int, Any] = {1: alg, 4: key_id(WORKSTATION_KEY.public_key())}
    text = forge("GP1:", header, cbor2.dumps(slip_claims()), WORKSTATION_KEY)
    result = check(text)
    assert result.verdict is Verdict.MALFORMED
    assert "unsupported algorithm" in result.reason


@pytest.mark.parametrize(
    "header",
    [
        {1: -8},  # no kid
        {1: -8, 4: "kid as text"},
        {1: -8, 4: b""},
        {1: -8, 4: b"x" * 8, 2: [4]},  # crit: a header we would have to understand
        {1: -8, 4: b"x" * 8, "alg": -8},
    ],
)
def test_bad_protected_header_is_malformed(header: dict[Any, Any]) -> None:
    text = forge("GP1:", header, cbor2.dumps(slip_claims()), WORKSTATION_KEY)
    assert check(text).verdict is Verdict.MALFORMED


def test_unprotected_header_is_malformed() -> None:
    text = forge(
        "GP1:", genuine_header(), cbor2.dumps(slip_claims()), WORKSTATION_KEY, unprotected={4: b"x"}
    )
    assert check(text).verdict is Verdict.MALFORMED


@pytest.mark.parametrize(
    "payload",
    [
        cbor2.dumps(["not", "a", "map"]),
        cbor2.dumps({"weight": 1.5}),
        cbor2.dumps({1: "int key"}),
        cbor2.dumps({"iat": datetime(2026, 1, 1, tzinfo=UTC)}, datetime_as_timestamp=True),
        cbor2.dumps({"exp": "tomorrow"}),
        cbor2.dumps({"a": 1}) + b"\x00",  # trailing bytes
        b"\xff",
    ],
)
def test_genuinely_signed_garbage_is_malformed(payload: bytes) -> None:
    result = check(forge("GP1:", genuine_header(), payload, WORKSTATION_KEY))
    assert result.verdict is Verdict.MALFORMED
    assert result.claims is None


def test_untagged_or_wrongly_tagged_envelope_is_malformed() -> None:
    prefix, parts = open_text(seal(DocumentKind.SLIP, slip_claims(), WORKSTATION_KEY))
    for envelope in (parts, cbor2.CBORTag(98, parts), cbor2.CBORTag(18, parts[:3])):
        text = prefix + base45.encode(zlib.compress(cbor2.dumps(envelope)))
        assert check(text).verdict is Verdict.MALFORMED


def test_uncompressed_or_trailing_garbage_is_malformed() -> None:
    prefix, parts = open_text(seal(DocumentKind.SLIP, slip_claims(), WORKSTATION_KEY))
    cose = cbor2.dumps(cbor2.CBORTag(18, parts))
    for body in (cose, zlib.compress(cose) + b"\x00", zlib.compress(cose + b"\x00")):
        assert check(prefix + base45.encode(body)).verdict is Verdict.MALFORMED


# --- time and place ---------------------------------------------------------------------------


def test_expired(monkeypatch: pytest.MonkeyPatch) -> None:
    text = seal(DocumentKind.SLIP, slip_claims(exp=1_795_183_200), WORKSTATION_KEY)
    assert check(text, now=datetime.fromtimestamp(1_795_183_200, UTC)).valid  # the last second
    monkeypatch.setenv("TZ", "America/Sao_Paulo")
    time.tzset()
    try:
        result = check(text, now=datetime(2026, 11, 20, 14, 0, 1, tzinfo=UTC))
    finally:
        monkeypatch.undo()
        time.tzset()
    assert result.verdict is Verdict.EXPIRED
    # Without an offset claim (slips printed before it), in this computer's offset, written
    # as slips write times.
    assert result.reason == "expired 2026-11-20 11:00 -0300"
    assert result.claims == slip_claims(exp=1_795_183_200)
    # With one, in the offset the slip prints its times in.
    text = seal(DocumentKind.SLIP, slip_claims(exp=1_795_183_200, off=480), WORKSTATION_KEY)
    result = check(text, now=datetime(2026, 11, 20, 14, 0, 1, tzinfo=UTC))
    assert result.reason == "expired 2026-11-20 22:00 +0800"


def test_not_yet_valid_allows_five_minutes_of_clock_skew() -> None:
    text = seal(DocumentKind.SLIP, slip_claims(), WORKSTATION_KEY)
    issued = datetime.fromtimestamp(ISSUED, UTC)
    assert check(text, now=issued - timedelta(seconds=300)).valid
    result = check(text, now=issued - timedelta(seconds=301))
    assert result.verdict is Verdict.NOT_YET_VALID
    assert "2026-09-21" in result.reason


def test_time_claims_are_optional() -> None:
    text = seal(DocumentKind.SLIP, {"id": "GP-1"}, WORKSTATION_KEY)
    assert check(text, now=datetime(2099, 1, 1, tzinfo=UTC)).valid


def test_absurd_times_still_give_a_reason() -> None:
    text = seal(DocumentKind.SLIP, slip_claims(exp=-(2**63)), WORKSTATION_KEY)
    result = check(text)
    assert result.verdict is Verdict.EXPIRED
    assert result.reason


def test_naive_now_is_a_programming_error() -> None:
    text = seal(DocumentKind.SLIP, slip_claims(), WORKSTATION_KEY)
    with pytest.raises(ValueError):
        unseal(text, KNOWN, now=datetime(2026, 9, 21))


def test_wrong_port() -> None:
    text = seal(DocumentKind.SLIP, slip_claims(port="DEHAM"), WORKSTATION_KEY)
    assert check(text, expected_port="DEHAM").valid
    assert check(text).valid  # no port check asked for
    result = check(text, expected_port="DEBRV")
    assert result.verdict is Verdict.WRONG_PORT
    assert result.reason == "issued for port DEHAM, not for DEBRV"
    portless = seal(DocumentKind.SLIP, slip_claims(port=None), WORKSTATION_KEY)
    assert check(portless, expected_port="DEHAM").verdict is Verdict.WRONG_PORT


def test_tampering_is_reported_before_expiry() -> None:
    prefix, parts = open_text(seal(DocumentKind.SLIP, slip_claims(), WORKSTATION_KEY))
    parts[2] = cbor2.dumps(slip_claims(port="DEBRV"), canonical=True)
    later = datetime.fromtimestamp(EXPIRES + 1, UTC)
    result = check(close_text(prefix, parts), now=later, expected_port="DEHAM")
    assert result.verdict is Verdict.TAMPERED


# --- hostile and accidental input -------------------------------------------------------------


def test_lower_cased_text_is_malformed_with_a_hint() -> None:
    text = seal(DocumentKind.SLIP, slip_claims(), WORKSTATION_KEY)
    for variant in (text.lower(), text[:4] + text[4:].lower(), text.swapcase()):
        result = check(variant)
        assert result.verdict is Verdict.MALFORMED
        assert "lower case" in result.reason


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\x00",
        "GP1:",
        "GP1:\x00",
        "GP1:\r\nABC",
        "SR1:A",
        "GP1:" + "0" * 30,
        "https://x.eu",
    ],
)
def test_odd_texts_are_malformed(text: str) -> None:
    assert check(text).verdict is Verdict.MALFORMED


def test_internal_line_break_is_malformed() -> None:
    text = seal(DocumentKind.SLIP, slip_claims(), WORKSTATION_KEY)
    assert check(text[:50] + "\r\n" + text[50:]).verdict is Verdict.MALFORMED


def _elapsed(text: str) -> tuple[Unsealed, float]:
    start = time.perf_counter()
    result = check(text)
    return result, time.perf_counter() - start


def test_zip_bomb_is_refused_quickly() -> None:
    bomb = zlib.compress(b"\x00" * 5_000_000, 9)
    text = "GP1:" + base45.encode(bomb)
    assert len(text) <= MAX_TEXT_CHARS  # so that it is the inflation cap that stops it
    result, seconds = _elapsed(text)
    assert result.verdict is Verdict.MALFORMED
    assert seconds < 0.5


@pytest.mark.parametrize("length", [MAX_TEXT_CHARS + 1, 1_000_000])
def test_over_long_text_is_refused_quickly(length: int) -> None:
    text = "GP1:" + "0" * (length - 4)
    result, seconds = _elapsed(text)
    assert result.verdict is Verdict.MALFORMED
    assert seconds < 0.1


@given(st.text(max_size=300))
def test_any_text_is_never_valid_and_never_raises(text: str) -> None:
    assert not check(text).valid


@given(st.binary(max_size=300), st.sampled_from(["utf-8", "latin-1", "cp1252"]))
def test_any_bytes_as_text_never_raise(data: bytes, encoding: str) -> None:
    assert not check(data.decode(encoding, errors="replace")).valid


@given(st.sampled_from(list(PREFIXES.values())), st.binary(max_size=300), st.booleans())
def test_any_body_never_raises(prefix: str, body: bytes, compress: bool) -> None:
    payload = zlib.compress(body) if compress else body
    assert not check(prefix + base45.encode(payload)).valid


_cbor_leaf = (
    st.none() | st.booleans() | st.integers() | st.binary(max_size=70) | st.text(max_size=8)
)
_cbor_value = st.recursive(
    _cbor_leaf | st.floats(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_cbor_leaf, inner, max_size=4),
    max_leaves=12,
)


@settings(max_examples=300)
@given(
    protected=st.one_of(_cbor_value, st.dictionaries(st.integers(-10, 10), _cbor_value)),
    unprotected=_cbor_value,
    payload=_cbor_value,
    signature=_cbor_value,
    tag=st.sampled_from([18, 18, 18, 61, 98]),
)
def test_any_cose_shaped_envelope_never_raises(
    protected: object, unprotected: object, payload: object, signature: object, tag: int
) -> None:
    parts = [cbor2.dumps(protected), unprotected, cbor2.dumps(payload), signature]
    envelope = cbor2.dumps(cbor2.CBORTag(tag, parts))
    assert not check("GP1:" + base45.encode(zlib.compress(envelope))).valid
