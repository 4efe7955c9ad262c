"""The API describes itself at /openapi.json only: no interactive pages, which would load
their scripts from a CDN (blank at a port without a link)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize("page", ["/docs", "/redoc", "/docs/oauth2-redirect"])
def test_there_are_no_interactive_pages(client: TestClient, page: str) -> None:
    assert client.get(page).status_code == 404


def test_openapi_json_describes_the_api(client: TestClient) -> None:
    answer = client.get("/openapi.json")
    assert answer.status_code == 200
    description = answer.json()
    assert description["info"]["title"] == "inspection-central"
    paths = description["paths"]
    for path in ("/v1/hello", "/v1/enrol", "/v1/batches", "/v1/receipts/{batch_id}"):
        assert path in paths, path
    assert "post" in paths["/v1/batches"]
    assert any(path.endswith("/status") for path in paths)
