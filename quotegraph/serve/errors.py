"""Which HTTP status and which words a quotegraph error gets, on the API and on the pages alike, and the API's
JSON shape of an error (``{"error": {"status": 404, "message": "..."}}``)."""

from __future__ import annotations

from typing import Any

from fastapi.responses import JSONResponse

from ..errors import InputError, ModelMissing, QueryError, QuotegraphError, SearchSyntaxError, StoreError, TooLarge

# quotegraph's errors by HTTP status; the first matching class wins.
STATUS: list[tuple[type[QuotegraphError], int]] = [
    (SearchSyntaxError, 400),
    (TooLarge, 413),
    (InputError, 400),
    (StoreError, 503),
    (ModelMissing, 503),
]

# ``SearchQuery`` fields as the API's parameters (and the search page's) name them; the others alike.
PARAMETERS = {"text": "q"}


def status_of(exc: QuotegraphError) -> int:
    return next((code for cls, code in STATUS if isinstance(exc, cls)), 500)


def message_of(exc: QuotegraphError) -> str:
    """What the API and the pages say of ``exc``: a search value's error names it as their parameter does."""
    if isinstance(exc, QueryError):
        return f"{PARAMETERS.get(exc.field, exc.field)}: {exc.message}"
    return str(exc)


def error_body(status: int, message: str) -> dict[str, Any]:
    return {"error": {"status": status, "message": message}}


def error_response(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(status, message), status_code=status, headers=headers)
