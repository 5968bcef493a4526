"""The REST API: statement search, speakers, articles and live extraction, over a read-only database;
the web pages (``quotegraph.web``) are mounted beside it.

A thin layer: each endpoint parses its parameters and calls ``quotegraph.store`` or
``quotegraph.pipeline``. Every request borrows a read-only SQLite connection (``mode=ro``,
``query_only``) from a small pool, which no other request uses until it is given back; every
value reaches SQL as a parameter. Statement search, the endpoint under load, builds its JSON
itself (no response model to validate and re-encode); the search index (``quotegraph.store.index``,
beside the database) is brought up to date by the first search after the database changed, by
one process while the others wait.

``create_app`` builds the app for one process; ``app_from_env`` builds it from ``QUOTEGRAPH_*``
environment variables, for ``quotegraph serve --workers N``, whose worker processes each build
their own (with their own pool, cache and ``POST /api/extract`` rate limit; see ``workers``).
"""

from __future__ import annotations

import os
import re
import sqlite3
import threading
import time
from collections import deque
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import parse_qsl, quote

import anyio
import anyio.to_thread
import orjson
from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import Response
from pydantic import BaseModel, Field, field_validator
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import InputError, QuotegraphError, StoreError
from ..model import KINDS, MAX_DATE, MAX_FILTER, MAX_TEXT, Article, Kind, SearchQuery
from ..serve.runtime import published_date, run_search
from ..store.db import SCHEMA_VERSION
from ..store.index import update_index
from ..store.search import search_page
from . import errors

MAX_EXTRACT_BYTES = 200_000
# POST /api/extract calls per client and window (seconds): extraction costs a CPU for a while.
EXTRACT_RATE = (10, 60.0)
MAX_LIMIT = 100
SEARCH_TEXT = 'Words (all must be found), "phrases", OR, AND, NOT, prefix*, parentheses: the syntax SQLite FTS5 reads.'
MAX_OFFSET = 100_000
MAX_ID = 2**63 - 1  # SQLite's largest integer: a larger id names nothing stored (and cannot reach SQL)
POOL_IDLE = 16  # idle read-only connections kept per process (more are opened while more requests run at once)
# What ``app_from_env`` reads (``quotegraph serve`` sets them for its worker processes).
ENV_DB, ENV_MAX_EXTRACT_BYTES, ENV_EXTRACT_RATE = "QUOTEGRAPH_DB", "QUOTEGRAPH_MAX_EXTRACT_BYTES", "QUOTEGRAPH_EXTRACT_RATE"


def connect_readonly(path: str) -> sqlite3.Connection:
    """A connection that cannot write: opened ``mode=ro`` and ``query_only`` (shared across the threads of one request)."""
    uri = "file:" + quote(str(Path(path).resolve())) + "?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        conn.execute("PRAGMA query_only = ON")
        conn.execute("PRAGMA busy_timeout = 5000")
        # No memory map of the database: with searches answered by the index, a search reads a few pages, and the
        # map cost each worker process the pages it had read (RSS 478 MB on 100,000 statements, against 101 MB
        # without; 8% fewer requests/s without, p99 57 ms against 50: benchmarks/serve_load.py).
    except sqlite3.Error as e:
        raise StoreError(f"{path}: cannot open the database read-only ({e})") from None
    return conn


class ReadPool:
    """Read-only connections to one database, reused across requests (opening one and reading its schema
    costs about a millisecond, as much as a small search).

    ``with pool.connection() as conn:`` lends a connection to one borrower; it goes back to the pool when
    the block ends, or is closed when the block raised (a statement may have been left half-read). A lent
    connection is never lent again before it is back, so no two threads use one at once; it may pass from one
    thread to another inside a request (FastAPI runs a dependency and its endpoint on different threads),
    hence ``check_same_thread=False``. Each loan first asks a watch connection for ``PRAGMA data_version``,
    which changes whenever another connection (an ingest) commits: ``on_change`` is called then, and when the
    file at ``path`` was replaced by another, whose connections replace the old ones."""

    def __init__(self, path: str, max_idle: int = POOL_IDLE, on_change: Callable[[], None] | None = None) -> None:
        self.path, self.max_idle, self.on_change = path, max_idle, on_change
        self._idle: list[sqlite3.Connection] = []
        self._epoch_of: dict[int, int] = {}  # id(connection) -> the file epoch it was opened in
        self._epoch = 0
        self._lock = threading.Lock()
        self._closed = False
        self._file = _file_id(path)
        self._watch = connect_readonly(path)
        self._version = self._watch.execute("PRAGMA data_version").fetchone()[0]

    @contextmanager
    def connection(self) -> Iterator[sqlite3.Connection]:
        """A read-only connection, this borrower's alone until the block ends."""
        conn = self._take()
        ok = False
        try:
            yield conn
            ok = True
        finally:
            self._give(conn, ok)

    def close(self) -> None:
        """Close the idle connections and the watch; those still lent are closed when they come back."""
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
            for conn in idle:
                self._epoch_of.pop(id(conn), None)
                conn.close()
            self._watch.close()

    @property
    def idle(self) -> int:
        return len(self._idle)

    def _take(self) -> sqlite3.Connection:
        with self._lock:
            if self._closed:
                raise StoreError(f"{self.path}: the server is shutting down")
            file = _file_id(self.path)
            if file != self._file:  # replaced (or gone): connections to the new file from now on
                watch = connect_readonly(self.path)  # StoreError (503) while there is none
                self._watch.close()
                self._watch, self._file, self._epoch = watch, file, self._epoch + 1
                self._version = watch.execute("PRAGMA data_version").fetchone()[0]
                for old in self._idle:
                    self._epoch_of.pop(id(old), None)
                    old.close()
                self._idle, changed = [], True
            else:
                version = self._watch.execute("PRAGMA data_version").fetchone()[0]
                changed, self._version = version != self._version, version
            if changed and self.on_change is not None:
                self.on_change()  # before any other loan: none may read what the change made stale
            conn = self._idle.pop() if self._idle else None
            epoch = self._epoch
        if conn is None:
            conn = connect_readonly(self.path)
            with self._lock:
                self._epoch_of[id(conn)] = epoch
        return conn

    def _give(self, conn: sqlite3.Connection, ok: bool) -> None:
        with self._lock:
            keep = ok and not self._closed and self._epoch_of.get(id(conn)) == self._epoch and len(self._idle) < self.max_idle
            if keep and not conn.in_transaction:
                self._idle.append(conn)
                return
            self._epoch_of.pop(id(conn), None)
        conn.close()


def _file_id(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _update_index(pool: ReadPool) -> None:
    """Bring the database's search index up to date (its directory beside the database, or memory where that cannot
    be written), so that no request waits for it."""
    with pool.connection() as conn:
        update_index(conn)


def check_database(path: str) -> None:
    """Fail early, with what to do, when ``path`` is not an up-to-date quotegraph database."""
    if not Path(path).is_file():
        raise StoreError(f"{path}: no such database; create it with `quotegraph ingest PATH --db {path}`")
    conn = connect_readonly(path)
    try:
        done = {r[0] for r in conn.execute("SELECT name FROM migrations")}
    except sqlite3.DatabaseError as e:
        raise StoreError(f"{path}: not a quotegraph database ({e})") from None
    finally:
        conn.close()
    if SCHEMA_VERSION not in done:
        raise StoreError(f"{path}: the database lacks migration {SCHEMA_VERSION}; run `quotegraph speakers --db {path}` once to upgrade it")


class RateLimit:
    """At most ``calls`` per ``seconds`` per client, in this process (a sliding window)."""

    def __init__(self, calls: int, seconds: float) -> None:
        self.calls, self.seconds = calls, seconds
        self._seen: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def __call__(self, request: Request) -> None:
        client = request.client.host if request.client else "unknown"
        now = time.monotonic()
        with self._lock:
            seen = self._seen.setdefault(client, deque())
            while seen and seen[0] <= now - self.seconds:
                seen.popleft()
            if len(seen) >= self.calls:
                wait = max(1, int(seen[0] + self.seconds - now + 1))
                raise HTTPException(
                    429,
                    f"too many extraction requests: at most {self.calls} per {self.seconds:g} s per client; retry in {wait} s",
                    headers={"Retry-After": str(wait)},
                )
            seen.append(now)
            if len(self._seen) > 10_000:  # forget idle clients so the table stays small
                for key in [k for k, v in self._seen.items() if not v or v[-1] <= now - self.seconds]:
                    del self._seen[key]


class BodyGuard:
    """ASGI middleware: a body over ``max_bytes`` on ``path`` is refused with 413 before it is parsed;
    every response says ``X-Content-Type-Options: nosniff`` (JSON is never sniffed as HTML)."""

    def __init__(self, app: ASGIApp, path: str, max_bytes: int) -> None:
        self.app, self.path, self.max_bytes = app, path, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_nosniff(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"x-content-type-options", b"nosniff")]
            await send(message)

        if scope["path"] != self.path:
            await self.app(scope, receive, send_nosniff)
            return
        headers = dict(scope.get("headers", []))
        declared = headers.get(b"content-length", b"").decode("latin-1")
        if declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(scope, receive, send_nosniff)
            return
        body = bytearray()
        more = True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away
            body += message.get("body", b"")
            more = message.get("more_body", False)
            if len(body) > self.max_bytes:
                await self._refuse(scope, receive, send_nosniff)
                return
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if sent:
                return await receive()
            sent = True
            return {"type": "http.request", "body": bytes(body), "more_body": False}

        await self.app(scope, replay, send_nosniff)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        msg = f"request body over {self.max_bytes:,} bytes; send a shorter text (or split the article)"
        await errors.error_response(413, msg)(scope, receive, send)


class HeadAsGet:
    """ASGI middleware: a HEAD request is answered as the same GET would be (status and headers, Content-Length
    included) without the body, on every page and API route (FastAPI's routes take GET alone, and answered HEAD
    with 405); on a route without GET it is a 405 as GET is."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def without_body(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, without_body)


# GET /api/statements parameters the fast path takes as they are: longest text, or the values allowed.
PLAIN_TEXT = {"q": MAX_TEXT, "speaker": MAX_FILTER, "role": MAX_FILTER, "outlet": MAX_FILTER, "since": MAX_DATE, "until": MAX_DATE}
PLAIN_INT = re.compile(r"0|[1-9][0-9]{0,6}")


def plain_statements_params(query_string: bytes) -> dict[str, Any] | None:
    """The parameters of a ``GET /api/statements`` query string when FastAPI would take each as it is (the route's
    declared bounds, no parameter twice, none unknown), else None: the request then goes to the route, whose answer
    (a 422, say) is the documented one. Parsed as Starlette parses it."""
    found: dict[str, Any] = {}
    for key, value in parse_qsl(query_string.decode("latin-1"), keep_blank_values=True):
        if key in found:
            return None
        if key in PLAIN_TEXT:
            if len(value) > PLAIN_TEXT[key]:
                return None
            found[key] = value
        elif key == "kind":
            if value not in KINDS:
                return None
            found[key] = value
        elif key in ("limit", "offset"):
            if not PLAIN_INT.fullmatch(value):
                return None
            number = int(value)
            if not (1 <= number <= MAX_LIMIT if key == "limit" else number <= MAX_OFFSET):
                return None
            found[key] = number
        else:
            return None
    return found


class FastSearch:
    """ASGI middleware: a ``GET /api/statements`` whose parameters are plainly valid (``plain_statements_params``) is
    answered here, as the route would answer it, without FastAPI's routing and parameter validation (a third of the
    Python time of a search request); any other request goes on to the app."""

    def __init__(self, app: ASGIApp, api: FastAPI) -> None:
        self.app, self.api = app, api

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET" and scope["path"] == "/api/statements":
            params = plain_statements_params(scope.get("query_string", b""))
            if params is not None:
                state = self.api.state
                response = await run_search(self.api, lambda: statements_answer(state.pool, params))
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def statements_answer(pool: ReadPool, params: dict[str, Any]) -> Response:
    """The answer to ``GET /api/statements`` with ``params`` (valid ones): the page, or the error the app's handler gives."""
    try:
        query = SearchQuery(**{("text" if k == "q" else k): v for k, v in params.items()})
        with pool.connection() as conn:
            return json_response(search_page(conn, query).to_json())
    except QuotegraphError as e:
        return errors.error_response(errors.status_of(e), errors.message_of(e))


def get_conn(request: Request) -> Iterator[sqlite3.Connection]:
    """A read-only connection for one request, borrowed from the app's pool."""
    with request.app.state.pool.connection() as conn:
        yield conn


Conn = Annotated[sqlite3.Connection, Depends(get_conn)]


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


def create_app(
    db_path: str,
    *,
    max_extract_bytes: int = MAX_EXTRACT_BYTES,
    extract_rate: tuple[int, float] = EXTRACT_RATE,
    extractor: Callable[..., Article] | None = None,
) -> FastAPI:
    """The API over the corpus database at ``db_path`` (opened read-only; ``extractor`` defaults to ``quotegraph.pipeline.extract``)."""
    check_database(db_path)
    pool = ReadPool(db_path)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await anyio.to_thread.run_sync(_update_index, pool)  # before the first request (at once when it is)
        yield
        pool.close()  # on shutdown

    app = FastAPI(
        title="quotegraph",
        summary="Who said what in the news: attributed statements, speakers and articles of a corpus database.",
        version=_version(),
        docs_url=None,  # FastAPI's /docs and /redoc load Swagger UI / ReDoc from a CDN; ours is served by the app (web/docs.py)
        redoc_url=None,
        lifespan=lifespan,
    )
    errors.install(app)
    app.add_middleware(FastSearch, api=app)
    app.add_middleware(BodyGuard, path="/api/extract", max_bytes=max_extract_bytes)
    app.add_middleware(HeadAsGet)  # added last: outermost, so that every route and middleware sees a GET
    app.state.connect = lambda: connect_readonly(db_path)  # a connection of one's own (to be closed)
    app.state.pool = pool
    limit_extract = RateLimit(*extract_rate)
    extract_lock = threading.Lock()  # one extraction at a time: the pipeline is not shared across threads

    def run_extract(text: str, published: str | None = None, doc: str = "text") -> Article:
        with extract_lock:
            return (extractor or _pipeline_extract)(text, published=published, doc=doc)

    # What the web pages share with the API: one extractor, one lock, one size limit, one rate limit.
    app.state.extract = run_extract
    app.state.limit_extract = limit_extract
    app.state.max_extract_bytes = max_extract_bytes

    @app.get("/api/statements", tags=["statements"], response_class=Response, responses={200: STATEMENTS_RESPONSE})
    async def statements(
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
            with pool.connection() as conn:
                body = search_page(conn, query).to_json()
            return json_response(body)

        return await run_search(app, page)

    @app.get("/api", tags=["index"])
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

    @app.get("/api/speakers", tags=["speakers"])
    def speakers(conn: Conn, top: Annotated[int, Query(ge=1, le=500)] = 20) -> dict[str, Any]:
        """The speakers with the most statements."""
        from ..store.queries import top_speakers

        return {"speakers": [asdict(r) for r in top_speakers(conn, top)]}

    @app.get("/api/speakers/{speaker_id}", tags=["speakers"])
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

    @app.get("/api/gender", tags=["speakers"])
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

    @app.get("/api/articles/{article_id}", tags=["articles"])
    def article(conn: Conn, article_id: Annotated[int, PathParam(ge=1)]) -> dict[str, Any]:
        """One article: text, body and boilerplate spans, and every attribution's cue, source and content spans with its speaker."""
        from ..store.queries import article as get_article

        found = get_article(conn, article_id) if article_id <= MAX_ID else None
        if found is None:
            raise HTTPException(404, f"no article {article_id}; search statements to find article ids")
        return found

    @app.post(
        "/api/extract",
        tags=["extract"],
        dependencies=[Depends(limit_extract)],
        description=f"Attributions of one text, as a `quotegraph extract` JSONL record. The request body may hold at most "
        f"{max_extract_bytes:,} bytes (413 beyond) and each client {extract_rate[0]} requests per {extract_rate[1]:g} s (429 beyond).",
    )
    def extract(req: ExtractRequest) -> dict[str, Any]:
        return run_extract(req.text, published=req.published, doc=req.doc).to_json()

    from ..web.docs import install as install_docs
    from ..web.views import install as install_pages

    install_docs(app)  # first: its /static/swagger mount goes before the pages' /static
    install_pages(app)
    return app


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


def app_from_env() -> FastAPI:
    """The app as ``quotegraph serve`` configures it through the environment: the factory each worker process calls
    (``uvicorn quotegraph.api.app:app_from_env --factory``). Reads ``QUOTEGRAPH_DB`` (required),
    ``QUOTEGRAPH_MAX_EXTRACT_BYTES`` and ``QUOTEGRAPH_EXTRACT_RATE`` (``CALLS/SECONDS``, e.g. ``10/60``)."""
    db = os.environ.get(ENV_DB)
    if not db:
        raise StoreError(f"{ENV_DB} is not set: name the database to serve (quotegraph serve sets it)")
    max_bytes = os.environ.get(ENV_MAX_EXTRACT_BYTES, str(MAX_EXTRACT_BYTES))
    rate = os.environ.get(ENV_EXTRACT_RATE, f"{EXTRACT_RATE[0]}/{EXTRACT_RATE[1]:g}")
    calls, _, seconds = rate.partition("/")
    try:
        extract_rate = (int(calls), float(seconds))
        max_extract_bytes = int(max_bytes)
    except ValueError:
        raise InputError(f"{ENV_MAX_EXTRACT_BYTES}={max_bytes!r} / {ENV_EXTRACT_RATE}={rate!r}: expected a number of bytes and CALLS/SECONDS") from None
    return create_app(db, max_extract_bytes=max_extract_bytes, extract_rate=extract_rate)


def _pipeline_extract(text: str, published: str | None = None, doc: str = "text") -> Article:
    from ..pipeline import extract  # the models load on the first extraction, not at start-up

    return extract(text, published=published, doc=doc)


def _version() -> str:
    from .. import __version__

    return __version__
