"""Fixtures of the central's tests: one storage fixture over both engines.

PostgreSQL cases get a schema of their own (dropped afterwards) on the server named by
INSPECTION_TEST_DATABASE_URL; they skip when it is unreachable, except under CI=true.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from fastapi.testclient import TestClient

from inspection_central.api import create_app
from inspection_central.storage import CentralStorage, open_storage
from tests.central.lane import Lane

PG_URL = os.environ.get("INSPECTION_TEST_DATABASE_URL", "postgresql://root@127.0.0.1:5432/test")


def with_schema(url: str, schema: str) -> str:
    joiner = "&" if "?" in url else "?"
    return f"{url}{joiner}options=-csearch_path%3D{schema}"


@pytest.fixture
def postgres_schema() -> Iterator[str]:
    """A fresh schema's URL on the test server."""
    schema = f"t_{secrets.token_hex(6)}"
    try:
        admin = psycopg.connect(PG_URL, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as error:
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL test server unreachable under CI: {error}")
        pytest.skip(f"PostgreSQL test server unreachable: {error}")
    with admin:
        admin.execute(f"CREATE SCHEMA {schema}")
        try:
            yield with_schema(PG_URL, schema)
        finally:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "central.db")
    url: str = request.getfixturevalue("postgres_schema")
    return url


@pytest.fixture
def key_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "keys" / "central.key"
    monkeypatch.setenv("INSPECTION_CENTRAL_KEY", str(path))
    return path


@pytest.fixture
def storage(database: str, key_path: Path) -> Iterator[CentralStorage]:
    opened = open_storage(database, key_path=key_path)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def client(storage: CentralStorage) -> Iterator[TestClient]:
    with TestClient(create_app(storage, max_body_bytes=2_000_000)) as test_client:
        yield test_client


@pytest.fixture
def lane(storage: CentralStorage, tmp_path: Path) -> Iterator[Lane]:
    made = Lane(storage, tmp_path)
    try:
        yield made
    finally:
        made.close()
