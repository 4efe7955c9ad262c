"""Signed QR text for release slips (gate passes) and shift-report digests, verifiable offline.

The layout is the EU Digital COVID Certificate's: ``PREFIX:`` + Base45(zlib(COSE_Sign1(CBOR
claims))), signed with the issuing workstation's Ed25519 key (COSE alg EdDSA, -8). ``GP1:`` is a
gate pass (release slip) v1, ``SR1:`` a shift report v1.

COSE_Sign1 is CBOR tag 18 over ``[protected, unprotected, payload, signature]``: ``protected`` is
the bstr of ``{1: -8, 4: kid}`` (kid = `key_id` of the signer), ``unprotected`` is ``{}``,
``payload`` is the bstr of the canonical-CBOR claims. The signature covers the COSE
``Sig_structure`` ``["Signature1", protected, external_aad, payload]`` where ``external_aad`` is the
ASCII prefix (``b"GP1:"``): that binds the document kind, so a signed shift report cannot be
passed off at a gate as a gate pass by editing its prefix. A generic COSE verifier checks these
texts when given that external_aad.

Claims are a str-keyed map of str, int (CBOR range), bool, None, list and map values; times are
ints (unix seconds) before they get here. Conventions, all optional to the codec:

- ``v``: int, schema version of the claims;  ``id``: str, the slip or report id;
- ``iat``, ``exp``: int unix seconds, issued-at and expiry (checked by `unseal`);
- ``off``: int, minutes east of UTC the document prints its times in (reasons name times in
  it, UTC without it);
- ``port``: str, port code the document is valid at (checked against ``expected_port``);
- ``lane``: str, issuing lane;
- slip: ``dir``, ``dec``, ``plates``, ``vins``, ``containers``, ``seals``, ``officer``, ``decl``;
- report: ``shift``, ``digest``, ``counts``.

The codec does not interpret the kind-specific claims. `unseal` never raises on any text: every
failure is an `Unsealed` with a verdict and one sentence an officer can read. Single use
(`Verdict.ALREADY_USED`) is the gate's business; it should key on (key id, ``id``) rather than on
the text, since the same signed document can be re-compressed into a different text.
"""

from __future__ import annotations

import hashlib
import io
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, Final

import cbor2
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from inspection_client.domain.clock import claims_zone, printed_time
from inspection_client.message import Message
from inspection_client.reports import base45


class DocumentKind(StrEnum):
    SLIP = "slip"
    REPORT = "report"


PREFIXES: Final = {DocumentKind.SLIP: "GP1:", DocumentKind.REPORT: "SR1:"}
_KIND_NAMES: Final = {
    DocumentKind.SLIP: Message("gate pass"),
    DocumentKind.REPORT: Message("shift report"),
}


class Verdict(StrEnum):
    VALID = "valid"
    TAMPERED = "tampered"
    EXPIRED = "expired"
    UNKNOWN_SIGNER = "unknown signer"
    MALFORMED = "malformed"  # not a sealed document at all / cannot be decoded
    WRONG_PORT = "wrong port"  # valid signature, but issued for another port than the gate's
    ALREADY_USED = "already used"  # set by the gate layer (stateful), never by this module
    NOT_YET_VALID = "not yet valid"
    NOT_CLEARED = "not cleared"  # set by the gate layer: a genuine slip that does not clear


# A QR code holds at most 4,296 alphanumeric characters, so anything much longer did not come
# from a scanner; refusing it early keeps hostile input cheap.
MAX_TEXT_CHARS: Final = 8_000
# Claims of a real slip inflate to a few KiB; the cap defeats zip bombs (zlib reaches ~1000:1).
MAX_INFLATED_BYTES: Final = 64 * 1024
# Workstation clocks drift; a document issued a few minutes "in the future" is still genuine.
CLOCK_SKEW_SECONDS: Final = 300
KEY_ID_BYTES: Final = 8

_COSE_SIGN1_TAG: Final = 18
_HEADER_ALG: Final = 1
_HEADER_KID: Final = 4
_ALG_EDDSA: Final = -8
_MAX_KID_BYTES: Final = 64
_MAX_CLAIM_DEPTH: Final = 16
_CBOR_INT_RANGE: Final = range(-(2**64), 2**64)
_STANDARD_CLAIM_TYPES: Final[Mapping[str, type]] = {
    "v": int, "id": str, "iat": int, "exp": int, "port": str, "lane": str,
}  # fmt: skip


@dataclass(frozen=True)
class Unsealed:
    """What a scanned text turned out to be."""

    verdict: Verdict
    kind: DocumentKind | None
    # Decoded even when tampered or expired, so the gate can show what the slip claims.
    claims: dict[str, Any] | None
    key_id: str | None  # hex
    reason: str

    @property
    def valid(self) -> bool:
        return self.verdict is Verdict.VALID

    def to_json(self) -> dict[str, Any]:
        return {
            "valid": self.valid,
            "kind": None if self.kind is None else self.kind.value,
            "verdict": self.verdict.value,
            "reason": self.reason,
            "key_id": self.key_id,
            "claims": self.claims,
        }


def key_id(public_key: Ed25519PublicKey) -> bytes:
    """First 8 bytes of the SHA-256 of the raw 32-byte public key (the COSE ``kid``)."""
    raw = public_key.public_bytes(Encoding.Raw, PublicFormat.Raw)
    return hashlib.sha256(raw).digest()[:KEY_ID_BYTES]


def seal(kind: DocumentKind, claims: Mapping[str, Any], private_key: Ed25519PrivateKey) -> str:
    """Sign ``claims`` and return the QR text.

    Raises:
        TypeError: a key is not a str, a value is not a claim type (floats, bytes and datetimes
            included), or a conventional claim (``v``, ``id``, ``iat``, ``exp``, ``port``,
            ``lane``) has the wrong type.
        ValueError: an int is outside the CBOR range or the claims nest too deeply.
    """
    kind = DocumentKind(kind)
    _check_claims(claims)
    payload = cbor2.dumps(dict(claims), canonical=True)
    protected = cbor2.dumps(
        {_HEADER_ALG: _ALG_EDDSA, _HEADER_KID: key_id(private_key.public_key())}, canonical=True
    )
    signature = private_key.sign(_sig_structure(kind, protected, payload))
    cose = cbor2.dumps(cbor2.CBORTag(_COSE_SIGN1_TAG, [protected, {}, payload, signature]))
    return PREFIXES[kind] + base45.encode(zlib.compress(cose, 9))


def unseal(
    text: str,
    resolve_key: Callable[[bytes], Ed25519PublicKey | None],
    *,
    now: datetime | None = None,
    expected_port: str | None = None,
) -> Unsealed:
    """Verify a scanned text. Never raises on any text; see `Verdict` for the outcomes.

    Args:
        text: what the scanner typed; surrounding whitespace and CR/LF are ignored.
        resolve_key: the public key of a known workstation for a key id, else None.
        now: aware time to check ``exp``/``iat`` against; the current time by default.
        expected_port: the checking gate's port; a document for another port is WRONG_PORT.
    """
    if now is None:
        now = datetime.now(UTC)
    elif now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    if not isinstance(text, str) or len(text) > MAX_TEXT_CHARS:
        return _malformed(None, Message("the text is too long to be a sealed document"))
    text = text.strip()
    kind = next((k for k, prefix in PREFIXES.items() if text.startswith(prefix)), None)
    if kind is None:
        if any(text.upper().startswith(prefix) for prefix in PREFIXES.values()):
            return _malformed(None, _LOWER_CASE)
        return _malformed(None, Message("this is not a sealed gate pass or shift report"))

    try:
        compressed = base45.decode(text[len(PREFIXES[kind]) :])
    except base45.Base45Error:
        if any(char.islower() for char in text):
            return _malformed(kind, _LOWER_CASE)
        return _malformed(kind, Message("the code is damaged or incomplete; scan it again"))
    try:
        protected_bytes, payload, signature = _open_cose(_inflate(compressed))
        kid = _read_protected_header(protected_bytes)
    except _Malformed as exc:
        return _malformed(kind, exc.args[0])

    kid_hex = kid.hex()
    try:
        claims: dict[str, Any] | None = _decode_claims(payload)
    except _Malformed:
        claims = None

    public_key = resolve_key(kid)
    if public_key is None:
        reason = Message("signed by key {key} which is not a known workstation key", key=kid_hex)
        return Unsealed(Verdict.UNKNOWN_SIGNER, kind, claims, kid_hex, reason)
    if not _signature_matches(
        public_key, signature, _sig_structure(kind, protected_bytes, payload)
    ):
        reason = Message("signature does not match the content")
        # The prefix is signed (external_aad), so a genuine document with an edited prefix fails;
        # telling the officer what it really is beats a bare "tampered".
        for other in DocumentKind:
            sig_structure = _sig_structure(other, protected_bytes, payload)
            if other is not kind and _signature_matches(public_key, signature, sig_structure):
                reason = Message(
                    "this is a signed {real}, relabelled as a {claimed}",
                    real=_KIND_NAMES[other],
                    claimed=_KIND_NAMES[kind],
                )
        return Unsealed(Verdict.TAMPERED, kind, claims, kid_hex, reason)
    if claims is None:
        return Unsealed(
            Verdict.MALFORMED, kind, None, kid_hex, Message("the signed content is unreadable")
        )
    return _check_claim_validity(kind, claims, kid_hex, now, expected_port)


_LOWER_CASE: Final = Message(
    "the text arrived in lower case; check the scanner's keyboard layout and Caps Lock"
)


class _Malformed(Exception):
    """Internal: the text cannot be decoded; the message is the reason shown."""


def _malformed(kind: DocumentKind | None, reason: str) -> Unsealed:
    return Unsealed(Verdict.MALFORMED, kind, None, None, reason)


def _sig_structure(kind: DocumentKind, protected: bytes, payload: bytes) -> bytes:
    return cbor2.dumps(["Signature1", protected, PREFIXES[kind].encode("ascii"), payload])


def _signature_matches(public_key: Ed25519PublicKey, signature: bytes, message: bytes) -> bool:
    try:
        public_key.verify(signature, message)
    except InvalidSignature:
        return False
    return True


def _inflate(compressed: bytes) -> bytes:
    inflater = zlib.decompressobj()
    try:
        data = inflater.decompress(compressed, MAX_INFLATED_BYTES + 1)
    except zlib.error:
        raise _Malformed(Message("the code is damaged; its content cannot be unpacked")) from None
    if len(data) > MAX_INFLATED_BYTES:
        raise _Malformed(Message("the content is far too large for a sealed document"))
    if not inflater.eof or inflater.unused_data:
        raise _Malformed(Message("the code is damaged or incomplete; scan it again"))
    return data


def _decode_cbor(data: bytes, what: str) -> object:
    stream = io.BytesIO(data)
    decoder = cbor2.CBORDecoder(
        stream, allow_duplicate_keys=False, allow_indefinite=False, max_depth=_MAX_CLAIM_DEPTH + 4
    )
    try:
        value = decoder.decode()
    # The decoder is a C extension fed hostile bytes; its failure types are not a documented
    # contract (CBORDecodeError, UnicodeDecodeError, OverflowError, ... have all been seen).
    except Exception:
        raise _Malformed(Message("the {what} is not valid CBOR", what=what)) from None
    if stream.tell() != len(data):
        raise _Malformed(Message("the {what} has trailing bytes", what=what))
    return value


def _open_cose(data: bytes) -> tuple[bytes, bytes, bytes]:
    """Return (protected header bytes, payload, signature) of a tagged COSE_Sign1."""
    cose = _decode_cbor(data, Message("signed envelope"))
    if not isinstance(cose, cbor2.CBORTag) or cose.tag != _COSE_SIGN1_TAG:
        raise _Malformed(Message("the content is not a COSE_Sign1 signed document"))
    # cbor2 decodes arrays and maps inside a tag as tuples and frozendicts.
    parts = cose.value
    if not isinstance(parts, list | tuple) or len(parts) != 4:
        raise _Malformed(Message("the signed envelope does not have four parts"))
    protected, unprotected, payload, signature = parts
    if not (type(protected) is bytes and type(payload) is bytes and type(signature) is bytes):
        raise _Malformed(Message("the signed envelope has parts of the wrong type"))
    # Unprotected headers are not signed; we never write any, so there is nothing to trust there.
    if not isinstance(unprotected, Mapping) or unprotected:
        raise _Malformed(Message("the signed envelope has unexpected unprotected headers"))
    return protected, payload, signature


def _read_protected_header(protected: bytes) -> bytes:
    """Check the algorithm and return the key id."""
    header = _decode_cbor(protected, Message("protected header")) if protected else {}
    if not isinstance(header, Mapping) or any(type(label) is not int for label in header):
        raise _Malformed(Message("the protected header is not a COSE header map"))
    alg = header.get(_HEADER_ALG)
    # type() rather than ==, because -8.0 == -8 in Python.
    if type(alg) is not int or alg != _ALG_EDDSA:
        raise _Malformed(Message("unsupported algorithm (only EdDSA with Ed25519 is accepted)"))
    # Any other label (crit, content type, ...) would be a header we do not understand.
    if set(header) - {_HEADER_ALG, _HEADER_KID}:
        raise _Malformed(Message("the protected header has unsupported entries"))
    kid = header.get(_HEADER_KID)
    if type(kid) is not bytes or not 0 < len(kid) <= _MAX_KID_BYTES:
        raise _Malformed(Message("the document does not name the key it was signed with"))
    return kid


def _decode_claims(payload: bytes) -> dict[str, Any]:
    claims = _decode_cbor(payload, "claims")
    if not isinstance(claims, dict):
        raise _Malformed("the claims are not a map")
    try:
        _check_claims(claims)
    except (TypeError, ValueError) as exc:
        raise _Malformed(str(exc)) from None
    return claims


def _check_claims(claims: Mapping[str, Any]) -> None:
    if not isinstance(claims, Mapping):
        raise TypeError(f"claims must be a mapping, not {type(claims).__name__}")
    _check_claim_value(claims, "claims", 0)
    for name, expected in _STANDARD_CLAIM_TYPES.items():
        value = claims.get(name)
        # bool is an int subclass, but True is no timestamp or version.
        if value is not None and (type(value) is not expected):
            raise TypeError(f"claim {name!r} must be {expected.__name__}")


def _check_claim_value(value: object, path: str, depth: int) -> None:
    if depth > _MAX_CLAIM_DEPTH:
        raise ValueError(f"{path} nests deeper than {_MAX_CLAIM_DEPTH} levels")
    if value is None or isinstance(value, str | bool):
        return
    if isinstance(value, int):
        if value not in _CBOR_INT_RANGE:
            raise ValueError(f"{path} is outside the CBOR integer range")
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            _check_claim_value(item, f"{path}[{index}]", depth + 1)
    elif isinstance(value, Mapping):
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(f"{path} has a key of type {type(key).__name__}; keys must be str")
            _check_claim_value(item, f"{path}[{key!r}]", depth + 1)
    else:
        # Datetimes, floats and bytes are refused so that claims compare and encode exactly.
        raise TypeError(f"{path} is a {type(value).__name__}; claims hold str/int/bool/list/dict")


def _check_claim_validity(
    kind: DocumentKind,
    claims: dict[str, Any],
    kid_hex: str,
    now: datetime,
    expected_port: str | None,
) -> Unsealed:
    """Expiry, start of validity and port of a document whose signature is good."""
    now_ts = now.timestamp()
    exp, iat, port = claims.get("exp"), claims.get("iat"), claims.get("port")
    if exp is not None and now_ts > exp:
        return Unsealed(
            Verdict.EXPIRED,
            kind,
            claims,
            kid_hex,
            Message("expired {when}", when=_when(claims, exp)),
        )
    if iat is not None and now_ts < iat - CLOCK_SKEW_SECONDS:
        reason = Message(
            "issued {when}, which is still in the future; check the clocks",
            when=_when(claims, iat),
        )
        return Unsealed(Verdict.NOT_YET_VALID, kind, claims, kid_hex, reason)
    if expected_port is not None and port != expected_port:
        issued_for = (
            Message("no port") if port is None else Message("port {port}", port=_shorten(port))
        )
        reason = Message(
            "issued for {issued_for}, not for {expected}",
            issued_for=issued_for,
            expected=_shorten(expected_port),
        )
        return Unsealed(Verdict.WRONG_PORT, kind, claims, kid_hex, reason)
    return Unsealed(
        Verdict.VALID, kind, claims, kid_hex, Message("valid {kind}", kind=_KIND_NAMES[kind])
    )


def _when(claims: dict[str, Any] | None, unix_seconds: int) -> str:
    """A claimed time as the document prints it: in its own offset (``off``), with it."""
    try:
        return printed_time(datetime.fromtimestamp(unix_seconds, UTC), claims_zone(claims))
    except (OverflowError, ValueError, OSError):
        return Message("at {seconds} (unix time)", seconds=unix_seconds)


def _shorten(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
