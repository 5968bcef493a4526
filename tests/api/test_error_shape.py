"""Every error the API returns has one JSON shape: {"error": {"status": N, "message": "..."}}."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from quotegraph.serve.app import create_app
from tests.api.conftest import fake_extract


@pytest.mark.parametrize(
    "method, path, kwargs, status",
    [
        ("get", "/api/no-such-endpoint", {}, 404),
        ("get", "/api/speakers/999999", {}, 404),
        ("get", "/api/articles/999999", {}, 404),
        ("get", "/api/articles/abc", {}, 422),
        ("get", "/api/statements", {"params": {"limit": 0}}, 422),
        ("get", "/api/statements", {"params": {"kind": "shouted"}}, 422),
        ("get", "/api/statements", {"params": {"q": '"unterminated'}}, 400),
        ("get", "/api/statements", {"params": {"since": "2020-13"}}, 400),
        ("post", "/api/extract", {"json": {"no_text": 1}}, 422),
        ("post", "/api/extract", {"content": b"not json", "headers": {"content-type": "application/json"}}, 422),
        ("post", "/api/extract", {"json": {"text": "z" * 3000}}, 413),
        ("post", "/api/extract", {"json": {"text": "x", "published": "garbage"}}, 422),
        ("get", "/api/speakers/99999999999999999999999", {}, 404),
        ("delete", "/api/speakers", {}, 405),
    ],
)
def test_error_shape_is_the_same_everywhere(db, method, path, kwargs, status):
    with TestClient(create_app(db, extractor=fake_extract, max_extract_bytes=2000)) as c:
        r = getattr(c, method)(path, **kwargs)
    assert r.status_code == status
    assert r.headers["content-type"] == "application/json"
    body = r.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "message"}
    assert body["error"]["status"] == status
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]


def test_error_shape_of_quotegraph_errors(db):
    """An input the extractor refuses (a quotegraph error) comes out as 400 in the same shape."""
    from quotegraph.errors import EmptyInput

    def refuse(text, published=None, doc="text"):
        raise EmptyInput("the text is empty; send some article text")

    with TestClient(create_app(db, extractor=refuse)) as c:
        r = c.post("/api/extract", json={"text": "   "})
    assert r.status_code == 400
    assert r.json() == {"error": {"status": 400, "message": "the text is empty; send some article text"}}


@pytest.mark.parametrize("extra", ["", "&unknown=1"], ids=["fast path", "route"])
@pytest.mark.parametrize(
    "query, message",
    [
        ("since=2020-13", "since: '2020-13' is not a date; write it as YYYY-MM-DD (or YYYY-MM, YYYY)"),
        ("until=soon", "until: 'soon' is not a date; write it as YYYY-MM-DD (or YYYY-MM, YYYY)"),
    ],
)
def test_search_value_errors_name_the_parameter_not_a_cli_flag(db, query, extra, message):
    """Regression (issue 14): ``--since '2020-13' is not a date`` reached API clients; the library's message names
    no edge's spelling, the API adds its parameter's name."""
    with TestClient(create_app(db, extractor=fake_extract)) as c:
        r = c.get("/api/statements?" + query + extra)
    assert r.status_code == 400 and r.json() == {"error": {"status": 400, "message": message}}
