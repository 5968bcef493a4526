"""POST /api/extract with the shipped models (the one API test that loads them)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.mark.model
def test_api_extract_with_the_model(db):
    from quotegraph.serve.app import create_app

    text = "“We must be more vigilant than ever,” said UN Secretary-General Antonio Guterres on Tuesday."
    with TestClient(create_app(db)) as c:
        r = c.post("/api/extract", json={"text": text})
    assert r.status_code == 200
    quotes = r.json()["quotes"]
    assert quotes and quotes[0]["speaker"]["name"] == "Antonio Guterres"
    assert quotes[0]["contents"][0]["text"].startswith("“We must be more vigilant")
