"""HEAD is answered as GET, without the body, on every page and API route. Regression (issue 10, point 14): HEAD
answered 405 everywhere (FastAPI's routes take GET alone)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from quotegraph.serve.app import create_app
from tests.api.conftest import fake_extract

PATHS = [
    "/",
    "/search",
    "/search?q=vigilant",
    "/search?q=%22unterminated",  # a 400 page
    "/search.csv?q=vigilant",
    "/speakers",
    "/speakers?sort=name&page=2",
    "/articles",
    "/speakers/{speaker}",
    "/speakers/999999",  # a 404 page
    "/articles/{article}",
    "/extract",
    "/docs",
    "/openapi.json",
    "/static/style.css",
    "/static/swagger/swagger-ui.css",
    "/api",
    "/api/statements",
    "/api/statements?q=vigilant",
    "/api/statements?q=vigilant&limit=0",  # a 422 from the route
    "/api/speakers",
    "/api/gender",
    "/api/gender?by=month",
    "/api/speakers?top=2",
    "/api/speakers/{speaker}",
    "/api/speakers/999999",  # a 404
    "/api/articles/{article}",
    "/api/no-such-endpoint",
    "/no-such-page",
    "/api/extract",  # POST only: 405, as GET is
]


@pytest.fixture(scope="module")
def head_client(db):
    with TestClient(create_app(db, extractor=fake_extract)) as c:
        yield c


def _ids(client: TestClient) -> dict[str, int]:
    speaker = client.get("/api/speakers", params={"top": 1}).json()["speakers"][0]["id"]
    article = client.get("/api/statements", params={"q": "vigilant"}).json()["statements"][0]["articles"][0]["article"]
    return {"speaker": speaker, "article": article}


@pytest.mark.parametrize("path", PATHS)
def test_head_is_get_without_the_body(head_client, path):
    path = path.format(**_ids(head_client))
    got, head = head_client.get(path), head_client.head(path)
    assert head.status_code == got.status_code, (path, head.status_code, got.status_code)
    assert head.content == b""
    assert head.headers["content-type"] == got.headers["content-type"]
    assert head.headers.get("content-length") == got.headers.get("content-length")
    assert head.headers.get("allow") == got.headers.get("allow")


def test_head_on_every_get_route_is_listed(head_client):
    """A route added later without a row in PATHS fails here, so that its HEAD gets checked."""
    from fastapi.routing import APIRoute

    def routes(found):  # the app's routes, those of included routers too
        for route in found:
            included = getattr(route, "original_router", None)
            yield from routes(included.routes) if included is not None else [route]

    listed = {p.split("?")[0] for p in PATHS}
    seen = [r for r in routes(head_client.app.routes) if isinstance(r, APIRoute) and "GET" in r.methods]
    assert {"/api/statements", "/search", "/"} <= {r.path for r in seen}
    for route in seen:
        if route.path:
            pattern = route.path.replace("{speaker_id}", "{speaker}").replace("{article_id}", "{article}")
            assert pattern in listed, route.path
