"""Fixtures for the watchlist tests: a test central key and signed snapshots made from lists."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from inspection_client.sync import wire
from inspection_client.watchlist import retrospective
from inspection_client.watchlist.payload import LIST_COLUMNS, build_payload

SnapshotMaker = Callable[..., wire.SignedSnapshot]


@contextlib.contextmanager
def power_cut_before_the_recheck() -> Iterator[None]:
    """Inside, a snapshot's re-check stops (RuntimeError "power cut") before it saves
    anything, after the snapshot was made active: as a lane stopped between the two."""

    def power_cut(*_args: object) -> list[str]:
        raise RuntimeError("power cut")

    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(retrospective, "_recent_clearances", power_cut)
        with pytest.raises(RuntimeError, match="power cut"):
            yield


def columns(list_name: str, rows: list[dict[str, str]]) -> dict[str, list[str]]:
    return {column: [row.get(column, "") for row in rows] for column in LIST_COLUMNS[list_name]}


SAMPLE_LISTS: dict[str, list[dict[str, str]]] = {
    "documents": [
        {"number": "L898902C3", "state": "UTO", "type": "P", "reason": "stolen"},
        {"number": "X0I234567", "state": "PAK", "type": "P", "reason": "lost", "action": "notify"},
        {"number": "AB1234567", "state": "IND", "type": "P", "reason": "revoked"},
    ],
    "persons": [
        {
            "id": "P-ERIKSSON",
            "surname": "ERIKSSON",
            "given_names": "ANNA MARIA",
            "birth_date": "1974-08-12",
            "nationality": "UTO",
            "reason": "wanted: fraud",
            "action": "refuse",
        },
        {
            "id": "P-WANG",
            "surname": "WANG",
            "given_names": "XIAOMING",
            "original_name": "王小明",
            "birth_date": "1980",
            "nationality": "CHN",
            "reason": "wanted: smuggling",
            "action": "refer",
        },
        {
            "id": "P-LIU",
            "surname": "",
            "given_names": "",
            "original_name": "刘德华",
            "birth_date": "1961-09-27",
            "nationality": "CHN",
            "reason": "interpol notice",
            "action": "refer",
        },
        {
            "id": "P-IVANOV",
            "surname": "",
            "original_name": "Иванов Сергей Петрович",
            "birth_date": "1970-01-02",
            "nationality": "RUS",
            "reason": "wanted: arms trafficking",
            "action": "refuse",
        },
        {
            "id": "P-MULLER",
            "surname": "Müller",
            "given_names": "Jürgen",
            "birth_date": "",
            "nationality": "DEU",
            "reason": "notify consulate",
            "action": "notify",
        },
    ],
    "vehicles": [
        {"id": "V-1", "plate": "新A 12345", "country": "CHN", "reason": "stolen truck"},
        {"id": "V-2", "vin": "1M8GDM9AXKP042788", "reason": "stolen car", "action": "refuse"},
    ],
    "containers": [{"id": "C-1", "number": "CSQU3054383", "reason": "suspected contraband"}],
}


def sample_payload(overrides: dict[str, list[dict[str, str]]] | None = None) -> dict[str, Any]:
    lists = dict(SAMPLE_LISTS) | (overrides or {})
    return build_payload({name: columns(name, rows) for name, rows in lists.items()})


@pytest.fixture
def central_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


@pytest.fixture
def make_snapshot(central_key: Ed25519PrivateKey) -> SnapshotMaker:
    def make(
        version: int = 1,
        payload: dict[str, Any] | None = None,
        *,
        issued_at: datetime | None = None,
        valid_for: timedelta = timedelta(days=30),
        key: Ed25519PrivateKey | None = None,
        kind: wire.ReferenceKind = wire.ReferenceKind.WATCHLIST,
    ) -> wire.SignedSnapshot:
        issued = issued_at or datetime.now(UTC) - timedelta(minutes=5)
        snapshot = wire.Snapshot(
            kind=kind,
            version=version,
            issued_at=issued,
            expires_at=issued + valid_for,
            payload=sample_payload() if payload is None else payload,
        )
        return wire.SignedSnapshot(
            snapshot=snapshot, signature=wire.sign(snapshot, key or central_key)
        )

    return make
