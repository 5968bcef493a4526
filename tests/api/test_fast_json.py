"""GET /api/statements builds its JSON itself: the body is byte for byte what FastAPI's response model and
``JSONResponse`` made of the same search (as the endpoint did before); its parameters are checked by the route
(FastAPI's parser, the one there is)."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse
from fastapi.testclient import TestClient

from quotegraph.model import SearchQuery
from quotegraph.serve.app import create_app
from quotegraph.serve.pool import connect_readonly
from quotegraph.store.queries import occurrences_of
from quotegraph.store.search import search
from tests.api.conftest import fake_extract

QUERIES = [
    {},
    {"q": "vigilant"},
    {"q": "plan OR buses", "limit": "1"},
    {"q": "plan OR buses", "limit": "1", "offset": "1"},
    {"speaker": "Khan", "limit": "100"},
    {"outlet": "City", "since": "2019", "until": "2019-12"},
    {"q": "web*", "kind": "direct"},
    {"q": "nothing-like-this"},
]


def before(db: str, params: dict[str, str]) -> bytes:
    """The body as the endpoint made it before: a dict through FastAPI's encoder into a JSONResponse."""
    limit, offset = int(params.get("limit", 20)), int(params.get("offset", 0))
    filters = {k: params.get(k) for k in ("speaker", "role", "outlet", "since", "until", "kind")}
    conn = connect_readonly(db)
    try:
        hits = search(conn, SearchQuery(params.get("q", ""), **filters, limit=limit + 1, offset=offset))
        more, hits = len(hits) > limit, hits[:limit]
        where = occurrences_of(conn, [h.statement_id for h in hits])
    finally:
        conn.close()
    body: dict[str, Any] = {
        "statements": [{**h.to_json(), "articles": where[h.statement_id]} for h in hits],
        "limit": limit,
        "offset": offset,
        "next_offset": offset + limit if more else None,
    }
    return bytes(JSONResponse(jsonable_encoder(body)).body)


def test_statements_body_is_the_same_as_before(db):
    app = create_app(db, extractor=fake_extract)
    with TestClient(app) as c:
        for params in QUERIES:
            r = c.get("/api/statements", params=params)
            assert r.status_code == 200
            assert r.headers["content-type"] == "application/json" and r.headers["x-content-type-options"] == "nosniff"
            assert r.content == before(db, params), params


def test_statements_body_keeps_non_ascii_text_as_is(client):
    r = client.get("/api/statements", params={"q": "vigilant"})
    assert "“" in r.content.decode("utf-8")  # not \u201c: FastAPI's JSONResponse did not escape it either


def test_statements_openapi_keeps_the_documented_parameters_and_answer(client):
    op = client.get("/openapi.json").json()["paths"]["/api/statements"]["get"]
    assert [p["name"] for p in op["parameters"]] == ["q", "speaker", "role", "outlet", "since", "until", "kind", "limit", "offset", "sort"]
    assert op["responses"]["200"]["content"]["application/json"]["schema"]["type"] == "object"
    assert "422" in op["responses"]


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("", 200),
        ("q=vigilant", 200),
        ("q=plan+OR+buses&limit=1&offset=1", 200),
        ("speaker=Khan&limit=100", 200),
        ("outlet=City&since=2019&until=2019-12", 200),
        ("q=web*&kind=direct", 200),
        ("q=%22unterminated", 400),  # from the search
        ("since=2020-13", 400),  # not a date
        ("q=%E2%80%9Cvigilant%E2%80%9D&role=", 200),  # percent-encoded UTF-8, an empty filter
        ("speaker=", 200),
    ],
)
def test_statements_answers_json_with_its_status(client, query, status):
    r = client.get("/api/statements?" + query)
    assert r.status_code == status, r.text
    assert r.headers["content-type"] == "application/json" and r.headers["x-content-type-options"] == "nosniff"
    assert set(r.json()) == ({"statements", "limit", "offset", "next_offset"} if status == 200 else {"error"})


@pytest.mark.parametrize(
    ("query", "status", "words"),
    [
        ("limit=0", 422, "limit: Input should be greater than or equal to 1"),
        ("limit=101", 422, "limit: Input should be less than or equal to 100"),
        ("limit=020", 200, None),  # pydantic reads 20
        ("limit=", 422, "limit: Input should be a valid integer"),
        ("limit=2.0", 200, None),  # pydantic takes a whole float: 2
        ("offset=-1", 422, "offset: Input should be greater than or equal to 0"),
        ("offset=100001", 422, "offset: Input should be less than or equal to 100000"),
        ("kind=shouted", 422, "kind: Input should be 'direct', 'indirect' or 'mixed'"),
        ("kind=", 422, "kind: Input should be 'direct', 'indirect' or 'mixed'"),
        ("q=a&q=b", 200, None),  # the last value
        ("x=1", 200, None),  # unknown parameters are ignored
        ("q=" + "a" * 1001, 422, "q: String should have at most 1000 characters"),
    ],
)
def test_statements_parameters_are_checked_by_the_route(client, query, status, words):
    """Regression (issue 14): this asserted "200 or 422", which any answer but a crash met."""
    r = client.get("/api/statements?" + query)
    assert r.status_code == status, r.text
    if words is None:
        assert set(r.json()) == {"statements", "limit", "offset", "next_offset"}
        assert r.json()["limit"] == {"limit=020": 20, "limit=2.0": 2}.get(query, 20)
    else:
        assert set(r.json()) == {"error"} and r.json()["error"]["status"] == 422
        assert r.json()["error"]["message"].startswith("invalid request: " + words)
