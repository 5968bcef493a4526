"""The OpenAPI docs at ``/docs``: Swagger UI served by the app itself, so the page works offline.

Swagger UI's files (version 5, which reads FastAPI's OpenAPI 3.1) come from the installed
``fastapi-offline`` package (mounted at ``/static/swagger/``, only the files the page loads; its
``FastAPIOffline`` class is not used, as its page has an inline script); the page is our own template and starts
Swagger UI from ``/static/swagger-init.js`` instead of an inline script, so it is sent with the
same Content-Security-Policy as the other pages (``script-src 'self'``). FastAPI's own ``/docs``
and ``/redoc`` load their scripts from a CDN: ``create_app`` turns them off.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, HTTPException
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from starlette.responses import Response
from starlette.types import Scope

from .views import render

DOCS_URL = "/docs"
SWAGGER_URL = "/static/swagger"
# What /docs loads from the package's folder (which also holds ReDoc, not served).
SWAGGER_FILES = frozenset({"swagger-ui-bundle.js", "swagger-ui.css", "favicon.png"})


def swagger_dir() -> Path:
    """The folder of Swagger UI's files in the installed ``fastapi-offline`` package."""
    from importlib.resources import files

    return Path(str(files("fastapi_offline") / "static"))


class SwaggerFiles(StaticFiles):
    """Static files from Swagger UI's folder, limited to ``SWAGGER_FILES``."""

    async def get_response(self, path: str, scope: Scope) -> Response:
        if path not in SWAGGER_FILES:
            raise HTTPException(404)
        return await super().get_response(path, scope)


def install(app: FastAPI) -> None:
    """Serve Swagger UI's files and the ``/docs`` page on ``app`` (before the pages' ``/static`` mount, which would shadow them)."""
    app.mount(SWAGGER_URL, SwaggerFiles(directory=swagger_dir()), name="swagger")
    openapi_url = app.openapi_url or "/openapi.json"

    @app.get(DOCS_URL, include_in_schema=False, response_class=HTMLResponse)
    def docs() -> HTMLResponse:
        """Swagger UI on the app's OpenAPI description, from the app's own files."""
        return render("docs.html", title=f"{app.title} API", openapi_url=openapi_url, swagger=SWAGGER_URL)
