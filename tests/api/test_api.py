"""The REST API with FastAPI's test client, on a database built with the stand-in extractor."""

from __future__ import annotations

import sqlite3

import pytest
from fastapi.testclient import TestClient

from quotegraph.serve.app import create_app
from quotegraph.serve.pool import connect_readonly
from tests.api.conftest import XSS_TEXT, fake_extract


def test_api_statements_search_ranks_and_shows_where_said(client):
    r = client.get("/api/statements", params={"q": "vigilant"})
    assert r.status_code == 200
    body = r.json()
    assert [s["speaker"] for s in body["statements"]] == ["Antonio Guterres"]
    hit = body["statements"][0]
    assert hit["kind"] == "direct" and hit["outlets"] == ["World Example"]
    assert hit["articles"][0]["cue"]["text"] == "said" and hit["articles"][0]["title"] == "UN chief warns of new arms race"
    assert body["next_offset"] is None


@pytest.mark.parametrize(
    "params, speakers",
    [
        ({"speaker": "Guterres"}, {"Antonio Guterres"}),
        ({"outlet": "City"}, {"Sadiq Khan", "Imran Khan"}),
        ({"since": "2020", "until": "2020-12"}, {"Antonio Guterres"}),
        ({"until": "2016-09"}, {"Brian Fallon", "Donald Trump"}),
        ({"kind": "indirect"}, set()),
    ],
)
def test_api_statements_filters(client, params, speakers):
    r = client.get("/api/statements", params={**params, "limit": 100})
    assert r.status_code == 200
    assert {s["speaker"] for s in r.json()["statements"]} == speakers


def test_api_statements_pagination_covers_all_once(client):
    everything = [s["statement"] for s in client.get("/api/statements", params={"limit": 100}).json()["statements"]]
    assert len(everything) >= 6
    seen, offset = [], 0
    while offset is not None:
        page = client.get("/api/statements", params={"limit": 2, "offset": offset}).json()
        assert len(page["statements"]) <= 2
        seen += [s["statement"] for s in page["statements"]]
        offset = page["next_offset"]
    assert seen == everything


def test_api_speakers_top_and_detail(client):
    top = client.get("/api/speakers", params={"top": 2}).json()["speakers"]
    assert len(top) == 2 and top[0]["name"] == "Antonio Guterres" and top[0]["statements"] == 2
    detail = client.get(f"/api/speakers/{top[0]['id']}").json()
    assert set(detail["speaker"]["aliases"]) == {"Antonio Guterres", "Guterres"}
    assert detail["by_month"] == [{"month": "2020-11", "statements": 2}]
    assert isinstance(detail["roles"], list) and len(detail["samples"]) == 2


def test_api_article_has_text_and_every_attribution_span(client):
    hit = client.get("/api/statements", params={"q": "buses"}).json()["statements"][0]
    art = client.get(f"/api/articles/{hit['articles'][0]['article']}").json()
    assert art["outlet"] == "City Example" and art["body"]["start"] <= art["body"]["end"] <= len(art["text"])
    assert [a["speaker"]["name"] for a in art["attributions"]] == ["Sadiq Khan", "Imran Khan"]
    for a in art["attributions"]:
        for span in [a["cue"], *a["sources"], *a["contents"]]:
            assert art["text"][span["start"] : span["end"]] == span["text"]


def test_api_article_markup_is_returned_as_data(client):
    """Text from articles is JSON data: never HTML, never sniffed as HTML."""
    hit = client.get("/api/statements", params={"speaker": "Mallory"}).json()["statements"][0]
    r = client.get(f"/api/articles/{hit['articles'][0]['article']}")
    assert r.headers["content-type"] == "application/json"
    assert r.headers["x-content-type-options"] == "nosniff"
    art = r.json()
    assert art["text"] == XSS_TEXT and art["title"] == "<b>Web safety</b>"
    assert "<script>alert('x')</script>" in art["attributions"][0]["contents"][0]["text"]


def test_api_extract_returns_the_extract_record(client):
    r = client.post("/api/extract", json={"text": "“We will win,” said Ada Lovelace.", "doc": "mine"})
    assert r.status_code == 200
    rec = r.json()
    assert set(rec) == {"doc", "body", "boilerplate", "published", "quotes"} and rec["doc"] == "mine"
    assert rec["quotes"][0]["speaker"]["name"] == "Ada Lovelace"


def test_api_extract_over_the_size_limit_is_413(db):
    with TestClient(create_app(db, extractor=fake_extract, max_extract_bytes=1000)) as c:
        assert c.post("/api/extract", json={"text": "x" * 900}).status_code == 200
        r = c.post("/api/extract", json={"text": "x" * 2000})
        assert r.status_code == 413
        assert "1,000 bytes" in r.json()["error"]["message"]
        # A body streamed without a Content-Length is counted as it arrives.
        chunks = (b'{"text": "' + b"y" * 400 + b'"}' if i == 0 else b" " * 400 for i in range(4))
        r = c.post("/api/extract", content=chunks, headers={"content-type": "application/json"})
        assert r.status_code == 413


def test_api_extract_rate_limit_is_429(db):
    with TestClient(create_app(db, extractor=fake_extract, extract_rate=(2, 60.0))) as c:
        for _ in range(2):
            assert c.post("/api/extract", json={"text": "Hello."}).status_code == 200
        r = c.post("/api/extract", json={"text": "Hello."})
        assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1
        assert r.json()["error"]["status"] == 429
        # Other endpoints are not limited.
        assert c.get("/api/speakers").status_code == 200


def test_api_connection_is_read_only(db):
    app = create_app(db)
    conn = app.state.connect()
    try:
        with pytest.raises(sqlite3.OperationalError):
            conn.execute("INSERT INTO outlets (name) VALUES ('x')")
        with pytest.raises(sqlite3.OperationalError):
            conn.execute("DROP TABLE statements")
    finally:
        conn.close()
    assert connect_readonly(db).execute("SELECT count(*) FROM outlets WHERE name = 'x'").fetchone()[0] == 0


def test_api_search_text_is_a_parameter_not_sql(client):
    r = client.get("/api/statements", params={"speaker": "x' OR 1=1 --", "outlet": "%"})
    assert r.status_code == 200 and r.json()["statements"] == []


def test_api_openapi_docs(client):
    assert client.get("/docs").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/statements", "/api/speakers", "/api/speakers/{speaker_id}", "/api/articles/{article_id}", "/api/extract"} <= set(paths)


def test_api_refuses_a_missing_database(tmp_path):
    from quotegraph.errors import StoreError

    with pytest.raises(StoreError, match="quotegraph ingest"):
        create_app(str(tmp_path / "none.db"))


def test_api_index_lists_every_endpoint(client):
    """Regression (issue 15): /api was a 404 and the footer's /api link went to /docs."""
    res = client.get("/api")
    assert res.status_code == 200
    paths = {e["path"] for e in res.json()["endpoints"]}
    declared = client.app.openapi()["paths"]  # every route the app serves, as its OpenAPI document lists them
    routes = {p.replace("{speaker_id}", "{id}").replace("{article_id}", "{id}") for p in declared if p.startswith("/api/")}
    assert paths == routes and res.json()["docs"] == "/docs"
