"""One JSON error shape for every error the API returns: ``{"error": {"status": 404, "message": "..."}}``.

Handlers turn HTTP errors, request validation errors and quotegraph's own errors into it;
the body-size guard (``serve.guards``) builds the same shape with ``serve.errors.error_response``.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import QuotegraphError
from ..serve.errors import error_body, error_response, message_of, status_of

__all__ = ["error_body", "error_response", "install", "message_of", "status_of"]

logger = logging.getLogger(__name__)

def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body"))
        parts.append(f"{where}: {err.get('msg', 'invalid')}" if where else str(err.get("msg", "invalid")))
    return "invalid request: " + "; ".join(parts)


def install(app: FastAPI) -> None:
    """Register the handlers that give every error the one shape."""

    async def http_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        return error_response(exc.status_code, str(exc.detail), getattr(exc, "headers", None))

    async def validation_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        return error_response(422, _validation_message(exc))

    async def quotegraph_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, QuotegraphError)
        return error_response(status_of(exc), message_of(exc))

    async def internal_error(request: Request, exc: Exception) -> JSONResponse:
        logger.exception("unexpected error on %s", request.url.path, exc_info=exc)
        return error_response(500, "internal error; the server log has the details")

    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(QuotegraphError, quotegraph_error)
    app.add_exception_handler(Exception, internal_error)
