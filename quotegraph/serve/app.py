"""The app ``quotegraph serve`` serves: the REST API's routes (``quotegraph.api``) and the web pages
(``quotegraph.web``) over one read-only database, with what they share: a pool of read-only connections
(``serve.pool``), the rate limit, body guard and HEAD handling (``serve.guards``), one extractor, and the
search index brought up to date before the first request.

``create_app`` builds the app for one process; ``app_from_env`` builds it from ``QUOTEGRAPH_*`` environment
variables, for ``quotegraph serve --workers N``, whose worker processes each build their own (with their own
pool and ``POST /api/extract`` rate limit; see ``workers``).
"""

from __future__ import annotations

import os
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

import anyio
import anyio.to_thread
from fastapi import FastAPI

from ..api.errors import install as install_errors
from ..api.routes import router as api_routes
from ..errors import InputError, StoreError
from ..model import Article
from .guards import BodyGuard, HeadAsGet, RateLimit
from .pool import ReadPool, check_database, connect_readonly, update_search_index

MAX_EXTRACT_BYTES = 200_000
# POST /api/extract calls per client and window (seconds): extraction costs a CPU for a while.
EXTRACT_RATE = (10, 60.0)
# What ``app_from_env`` reads (``quotegraph serve`` sets them for its worker processes).
ENV_DB, ENV_MAX_EXTRACT_BYTES, ENV_EXTRACT_RATE = "QUOTEGRAPH_DB", "QUOTEGRAPH_MAX_EXTRACT_BYTES", "QUOTEGRAPH_EXTRACT_RATE"


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
        await anyio.to_thread.run_sync(update_search_index, pool)  # before the first request (at once when it is)
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
    install_errors(app)
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

    from ..web.docs import install as install_docs
    from ..web.views import install as install_pages

    app.include_router(api_routes(max_extract_bytes, extract_rate))
    install_docs(app)  # first: its /static/swagger mount goes before the pages' /static
    install_pages(app)
    return app


def app_from_env() -> FastAPI:
    """The app as ``quotegraph serve`` configures it through the environment: the factory each worker process calls
    (``uvicorn quotegraph.serve.app:app_from_env --factory``). Reads ``QUOTEGRAPH_DB`` (required),
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
