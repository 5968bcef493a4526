"""The OpenAPI docs at /docs work offline: Swagger UI's script, style sheet and icon are served by the app
(from the ``fastapi-offline`` package), the page starts it from a local file (no inline script) and keeps
the pages' Content-Security-Policy; FastAPI's CDN-backed pages are gone."""

from __future__ import annotations

import re

from tests.web.test_pages import is_page

LOADED = r'<(?:link|script|img)[^>]+(?:href|src)="([^"]+)"'


def test_docs_page_loads_only_the_apps_own_files(web):
    html = is_page(web.get("/docs"))
    assert 'id="swagger-ui"' in html and 'data-openapi-url="/openapi.json"' in html
    assert not re.search(r"https?://|//cdn|cdn\.", html, re.IGNORECASE)
    assert re.findall(r"<script\b[^>]*>", html) == ['<script src="/static/swagger/swagger-ui-bundle.js">', '<script src="/static/swagger-init.js">']
    assert re.findall(r"<script\b[^>]*>(.*?)</script>", html, re.DOTALL) == ["", ""]  # no inline script
    urls = re.findall(LOADED, html)
    assert set(urls) == {
        "/static/swagger/swagger-ui.css",
        "/static/swagger/favicon.png",
        "/static/swagger/swagger-ui-bundle.js",
        "/static/swagger-init.js",
    }


def test_docs_files_are_served_by_the_app(web):
    types = {"/static/swagger/swagger-ui-bundle.js": "javascript", "/static/swagger-init.js": "javascript", "/static/swagger/swagger-ui.css": "text/css"}
    for url, kind in types.items():
        r = web.get(url)
        assert r.status_code == 200, url
        assert kind in r.headers["content-type"], (url, r.headers["content-type"])
    assert "SwaggerUIBundle" in web.get("/static/swagger/swagger-ui-bundle.js").text
    init = web.get("/static/swagger-init.js").text
    assert "SwaggerUIBundle(" in init and "validatorUrl: null" in init and not re.search(r"https?://", init)
    css = web.get("/static/swagger/swagger-ui.css").text
    assert "@import" not in css and not [u for u in re.findall(r"url\(\s*['\"]?([^'\")]+)", css) if not u.startswith("data:")]
    icon = web.get("/static/swagger/favicon.png")
    assert icon.status_code == 200 and icon.headers["content-type"] == "image/png"


def test_only_the_files_docs_loads_are_served_from_the_bundle(web):
    for path in ("/static/swagger/redoc.standalone.js", "/static/swagger/", "/static/swagger/__init__.py", "/static/swagger/../consts.py"):
        assert web.get(path).status_code == 404, path


def test_cdn_backed_docs_pages_are_gone_and_openapi_stays(web):
    assert web.get("/redoc").status_code == 404
    assert web.get("/redoc").json()["error"]["status"] == 404  # an API path: the JSON error shape
    paths = web.get("/openapi.json").json()["paths"]
    assert "/api/statements" in paths and "/docs" not in paths
