"""The REST API's routes: statement search, speakers, gender, articles and live extraction, each parsing its
parameters (FastAPI's, the one parser) and calling ``quotegraph.store`` or the app's extractor. The app
(``serve.app.create_app``) holds what they share: the connection pool, the extractor, the limits.

Statement search, the endpoint under load, builds its JSON itself (no response model to validate and
re-encode). Every value reaches SQL as a parameter."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import asdict
from typing import Annotated, Any, Literal

import orjson
from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import Response
from pydantic import BaseModel, Field, field_validator

from ..errors import InputError
from ..model import MAX_DATE, MAX_FILTER, MAX_TEXT, Kind, SearchQuery
from ..serve.runtime import published_date, run_search
from ..store.search import search_page

MAX_LIMIT = 100
MAX_OFFSET = 100_000
MAX_ID = 2**63 - 1  # SQLite's largest integer: a larger id names nothing stored (and cannot reach SQL)
SEARCH_TEXT = 'Words (all must be found), "phrases", OR, AND, NOT, prefix*, parentheses: the syntax SQLite FTS5 reads.'


def get_conn(request: Request) -> Iterator[sqlite3.Connection]:
    """A read-only connection for one request, borrowed from the app's pool."""
    with request.app.state.pool.connection() as conn:
        yield conn


Conn = Annotated[sqlite3.Connection, Depends(get_conn)]


def limit_extract(request: Request) -> None:
    """The app's rate limit of extractions (429 beyond it)."""
    request.app.state.limit_extract(request)


class ExtractRequest(BaseModel):
    text: str = Field(min_length=1, description="The article text (UTF-8); offsets in the answer index into it.")
    doc: str = Field("text", max_length=200, description="Document id to put in the record.")
    published: str | None = Field(None, max_length=40, description="Publication date, if known: YYYY-MM-DD (or YYYY-MM, YYYY); 422 otherwise.")

    @field_validator("published")
    @classmethod
    def _published(cls, value: str | None) -> str | None:
        try:
            return published_date(value)
        except InputError as e:
            raise ValueError(str(e)) from None


def router(max_extract_bytes: int, extract_rate: tuple[int, float]) -> APIRouter:
    """The API's routes (the limits are written into the extraction endpoint's documentation)."""
    api = APIRouter()

    @api.get("/api/statements", tags=["statements"], response_class=Response, responses={200: STATEMENTS_RESPONSE})
    async def statements(
        request: Request,
        q: Annotated[str, Query(max_length=MAX_TEXT, description=SEARCH_TEXT)] = "",
        speaker: Annotated[str | None, Query(max_length=MAX_FILTER, description="Speaker name or alias (part of it).")] = None,
        role: Annotated[str | None, Query(max_length=MAX_FILTER, description="Role or affiliation (part of it).")] = None,
        outlet: Annotated[str | None, Query(max_length=MAX_FILTER, description="Outlet name (part of it).")] = None,
        since: Annotated[str | None, Query(max_length=MAX_DATE, description="Published on or after (YYYY-MM-DD, YYYY-MM or YYYY).")] = None,
        until: Annotated[str | None, Query(max_length=MAX_DATE, description="Published on or before.")] = None,
        kind: Kind | None = None,
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 20,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
        sort: Annotated[
            Literal["relevance", "newest", "oldest"], Query(description="relevance: best match first (newest first without `q`); newest, oldest: by date.")
        ] = "relevance",
    ) -> Response:
        """Statements matching a search, best first (BM25; newest first without `q`) or by date, a page at a time."""

        query = SearchQuery(q, speaker, role, outlet, since, until, kind, limit, offset, sort)

        def page() -> Response:
            # The connection is borrowed here rather than by a dependency: one thread hop less per request.
            with request.app.state.pool.connection() as conn:
                body = search_page(conn, query).to_json()
            return json_response(body)

        return await run_search(request.app, page)

    @api.get("/api", tags=["index"])
    def index() -> dict[str, Any]:
        """What the API offers: every endpoint with what it gives, and where its documentation is."""
        return {
            "docs": "/docs",
            "openapi": "/openapi.json",
            "endpoints": [
                {"method": "GET", "path": "/api/statements", "gives": "statements matching a search and filters, each with the articles it was said in"},
                {"method": "GET", "path": "/api/speakers", "gives": "the speakers with the most statements"},
                {
                    "method": "GET",
                    "path": "/api/speakers/{id}",
                    "gives": "one speaker: aliases with how each was linked, gender with its evidence, roles, statements by month, samples",
                },
                {"method": "GET", "path": "/api/gender", "gives": "who do we quote: quotes by women and men, overall or ?by=outlet, month or year"},
                {"method": "GET", "path": "/api/articles/{id}", "gives": "one article: text, body, boilerplate and every attribution with its speaker"},
                {"method": "POST", "path": "/api/extract", "gives": "the attributions of a text sent as {\"text\": ...}"},
            ],
        }

    @api.get("/api/speakers", tags=["speakers"])
    def speakers(conn: Conn, top: Annotated[int, Query(ge=1, le=500)] = 20) -> dict[str, Any]:
        """The speakers with the most statements."""
        from ..store.queries import top_speakers

        return {"speakers": [asdict(r) for r in top_speakers(conn, top)]}

    @api.get("/api/speakers/{speaker_id}", tags=["speakers"])
    def speaker(conn: Conn, speaker_id: Annotated[int, PathParam(ge=1)]) -> dict[str, Any]:
        """One speaker: aliases, role history, statements by month, sample statements, why mentions were linked."""
        from ..store.queries import profile, speaker_exists

        if speaker_id > MAX_ID or not speaker_exists(conn, speaker_id):
            raise HTTPException(404, f"no speaker {speaker_id}; GET /api/speakers lists them")
        p = profile(conn, speaker_id)
        return {
            "speaker": asdict(p.speaker),
            "roles": p.roles,
            "by_month": [{"month": m, "statements": n} for m, n in p.by_month],
            "samples": p.samples,
            "links": p.links,
            "merges": p.merges,
            "genders": p.genders,
        }

    @api.get("/api/gender", tags=["speakers"])
    def gender(
        conn: Conn,
        by: Annotated[Literal["outlet", "month", "year"] | None, Query(description="Group by outlet, month or year of publication.")] = None,
    ) -> dict[str, Any]:
        """Who do we quote: quotes by people, by the speaker's gender (female, male, unknown), overall or per
        group; ``first_name_only`` counts quotes whose speaker's gender rests on a first-names list alone
        (weaker evidence, included in female and male); ``female_share`` is women's share of the quotes by
        people of known gender."""
        from ..store.queries import who_we_quote

        return {"by": by, "groups": [asdict(g) | {"female_share": g.female_share} for g in who_we_quote(conn, by)]}

    @api.get("/api/articles/{article_id}", tags=["articles"])
    def article(conn: Conn, article_id: Annotated[int, PathParam(ge=1)]) -> dict[str, Any]:
        """One article: text, body and boilerplate spans, and every attribution's cue, source and content spans with its speaker."""
        from ..store.queries import article as get_article

        found = get_article(conn, article_id) if article_id <= MAX_ID else None
        if found is None:
            raise HTTPException(404, f"no article {article_id}; search statements to find article ids")
        return found

    @api.post(
        "/api/extract",
        tags=["extract"],
        dependencies=[Depends(limit_extract)],
        description=f"Attributions of one text, as a `quotegraph extract` JSONL record. The request body may hold at most "
        f"{max_extract_bytes:,} bytes (413 beyond) and each client {extract_rate[0]} requests per {extract_rate[1]:g} s (429 beyond).",
    )
    def extract(request: Request, req: ExtractRequest) -> dict[str, Any]:
        return request.app.state.extract(req.text, published=req.published, doc=req.doc).to_json()

    return api


# The answer's shape in the OpenAPI document: what FastAPI wrote when the endpoint returned a dict.
STATEMENTS_RESPONSE: dict[str, Any] = {
    "description": "Successful Response",
    "content": {"application/json": {"schema": {"type": "object", "additionalProperties": True, "title": "Response Statements Api Statements Get"}}},
}


def json_response(body: Any, status_code: int = 200) -> Response:
    """``body`` (JSON types only) as the bytes FastAPI's ``JSONResponse`` sends, without its validation and encoding passes."""
    # orjson writes the same bytes as json.dumps(ensure_ascii=False, separators=(",", ":")) in a quarter of the
    # time (0.03 ms against 0.14 for a page of search hits; tests compare the two). It would write a NaN as null:
    # the bodies here hold none (bm25 scores, counts, ids and text).
    content = orjson.dumps(body)
    return Response(content, status_code=status_code, media_type="application/json")
