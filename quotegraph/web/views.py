"""The web pages: overview, search, speaker, article and paste-an-article, rendered on the server.

A thin edge like the API beside it: each view reads its parameters, calls ``quotegraph.store``
(or the app's extractor) and renders a Jinja2 template with autoescape on. Every page is sent
with a Content-Security-Policy that allows only the app's own style sheet and no script; the
style sheet is served from ``/static`` by the app itself.
"""

from __future__ import annotations

import inspect
import re
import sqlite3
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import parse_qs, urlencode, urlsplit

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import InputError, QueryError, QuotegraphError, SearchSyntaxError
from ..model import KINDS, SearchQuery
from ..store.queries import SPEAKER_TYPES
from . import charts
from .highlight import highlight, mark_terms, passage, speaker_label, unsure, written_as
from .terms import top_terms

HERE = Path(__file__).resolve().parent
PAGE_SIZE = 20
MAX_PAGE = 5000  # the API's MAX_OFFSET / PAGE_SIZE
TERMS_FROM = 2000  # statements a speaker's top terms are counted over (the newest)
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
PAGE_HEADERS = {"Content-Security-Policy": CSP, "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY"}
# The orders each list offers, as its menu words them (the first is the default).
SEARCH_SORTS = {"relevance": "best match", "newest": "newest first", "oldest": "oldest first"}
SPEAKER_SORT_NAMES = {"statements": "most statements", "quotes": "most quotes", "name": "name", "recent": "quoted most recently"}
ARTICLE_SORT_NAMES = {"newest": "newest first", "oldest": "oldest first", "quotes": "most quotes", "title": "title"}
# Paths that belong to the API and keep its JSON errors.
API_PATHS = ("/api/", "/docs", "/redoc", "/openapi.json")

env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
router = APIRouter(include_in_schema=False)
# How each kind of gender evidence reads on a page.
GENDER_EVIDENCE_WORDS = {
    "pronoun": "the articles' pronouns",
    "title": "titles such as Mrs. or Mr.",
    "known": "the table of public figures",
    "first-name": "a list of usual first names",
}


def get_conn(request: Request) -> Iterator[sqlite3.Connection]:
    """A read-only connection for one page, borrowed from the API's pool."""
    with request.app.state.pool.connection() as conn:
        yield conn


Conn = Annotated[sqlite3.Connection, Depends(get_conn)]


def render(name: str, status_code: int = 200, headers: Mapping[str, str] | None = None, **context: Any) -> HTMLResponse:
    """A page from template ``name``, with the pages' security headers."""
    html = env.get_template(name).render(**context)
    return HTMLResponse(html, status_code=status_code, headers={**PAGE_HEADERS, **(headers or {})})


def error_page(status: int, message: str, headers: Mapping[str, str] | None = None) -> HTMLResponse:
    titles = {400: "Cannot read that", 404: "Not found", 405: "Not allowed", 413: "Too large", 429: "Too many requests"}
    return render("error.html", status, headers, title=titles.get(status, "Error"), status=status, message=message, nav="")


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an http(s) address a page may link to, else None (a ``javascript:`` URL is shown, never linked)."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def _int_id(value: str) -> int | None:
    return int(value) if value.isdigit() and len(value) < 19 and int(value) > 0 else None


def _page_number(value: str) -> int:
    return min(MAX_PAGE, int(value)) if value.isdigit() and len(value) < 7 and int(value) > 0 else 1


@router.get("/", response_class=HTMLResponse)
def overview(conn: Conn) -> HTMLResponse:
    """Most-quoted speakers and outlets, the share of unnamed sources, quotes over time."""
    from ..store import queries

    totals = queries.totals(conn)
    shares = queries.source_shares(conn)
    months, undated = charts.fill_months(queries.quotes_by_month(conn))
    parts = [
        ("named", shares["named"], "share-named"),
        ("unnamed (described)", shares["described"], "share-described"),
        ("unresolved", shares["unresolved"], "share-unresolved"),
        ("no source", shares["none"], "share-none"),
    ]
    quoted = sum(shares.values())
    overall = queries.who_we_quote(conn)
    everyone = overall[0] if overall else queries.GenderShare(None, 0, 0, 0, 0)
    gender = {
        "all": everyone,
        "total": everyone.known + everyone.unknown,
        "female_pct": 100 * (everyone.female_share or 0.0),
        "outlets": queries.who_we_quote(conn, "outlet"),
        "years": queries.who_we_quote(conn, "year"),
    }
    gender_parts = [
        ("by women", everyone.female, "share-female"),
        ("by men", everyone.male, "share-male"),
        ("unknown", everyone.unknown, "share-unknown"),
    ]
    return render(
        "overview.html",
        title="Overview",
        nav="overview",
        totals=totals,
        speakers=queries.top_speakers(conn, 10),
        outlets=queries.top_outlets(conn, 10),
        shares=[(name, n, 100 * n / quoted if quoted else 0.0) for name, n, _ in parts],
        unnamed_pct=100 * shares["described"] / quoted if quoted else 0.0,
        share_chart=charts.share_bar([p for p in parts if p[1]], "Quotes by kind of source") if quoted else None,
        time_chart=charts.month_bars(months, "Quotes per month of publication", unit="quotes") if months else None,
        undated=undated,
        gender=gender,
        gender_chart=charts.share_bar([p for p in gender_parts if p[1]], "Quotes by people, by gender") if gender["total"] else None,
    )


@dataclass(frozen=True)
class SearchForm:
    """The search page's fields as sent (strings, blank for none): the one place they are read, for the page and
    its CSV download alike."""

    q: str = ""
    speaker: str = ""
    role: str = ""
    outlet: str = ""
    since: str = ""
    until: str = ""
    kind: str = ""
    sort: str = "relevance"

    def query(self, limit: int = PAGE_SIZE, offset: int = 0) -> SearchQuery:
        """The search record (a ``QueryError`` for a bad value)."""
        return SearchQuery(self.q, self.speaker, self.role, self.outlet, self.since, self.until, self.kind, limit, offset, self.sort or "relevance")

    def given(self) -> dict[str, str]:
        """The fields given, for links that keep them (the default order left out)."""
        return {k: v for k, v in asdict(self).items() if v and not (k == "sort" and v == "relevance")}


SearchFields = Annotated[SearchForm, Depends()]


@router.get("/search", response_class=HTMLResponse)
async def search_page(request: Request, form: SearchFields, page: str = "1") -> HTMLResponse:
    """Statements matching a search (the CLI's and the API's search), a page at a time, on a search thread (the API's)."""
    from ..serve.runtime import run_search

    return await run_search(request.app, lambda: _search_page(request, form, page))


def _search_page(request: Request, form: SearchForm, page: str, error: str | None = None) -> HTMLResponse:
    from ..serve.errors import message_of
    from ..store.search import search_page

    number = _page_number(page)
    hits, where, more = [], {}, False
    if error is None:
        try:
            query = form.query(PAGE_SIZE, (number - 1) * PAGE_SIZE)
            state = request.app.state
            with state.pool.connection() as conn:  # borrowed here, not by a dependency: one thread hop less per page
                found = search_page(conn, query)
            hits, where, more = found.hits, found.where, found.more
        except (QueryError, SearchSyntaxError) as e:
            error = message_of(e)
    kept = form.given()
    return render(
        "search.html",
        400 if error else 200,
        title="Search" + (f": {form.q}" if form.q else ""),
        nav="search",
        filters=asdict(form),
        kinds=KINDS,
        sorts=SEARCH_SORTS,
        order_words=_order_words(form),
        error=error,
        hits=hits,
        where=where,
        marked={h.statement_id: mark_terms(h.text, form.q) for h in hits},
        csv_query=urlencode(kept),
        page=number,
        prev_query=urlencode({**kept, "page": number - 1}) if number > 1 else None,
        next_query=urlencode({**kept, "page": number + 1}) if more else None,
        first=(number - 1) * PAGE_SIZE + 1,
    )


def _order_words(form: SearchForm) -> str:
    if form.sort in ("", "relevance"):
        return "best match first" if form.q.strip() else "newest first"  # without a text, nothing to match
    return SEARCH_SORTS.get(form.sort, "")


@router.get("/search.csv", response_model=None)
async def search_csv(request: Request, form: SearchFields) -> Response:
    """Every quote of the statements a search finds, as ``quotegraph export --format csv`` writes them (its rows and
    columns), sent as it is written; a bad search is the search page with its message."""
    from ..serve.errors import message_of
    from ..serve.runtime import run_search
    from ..store.export import search_csv as csv_pieces

    state = request.app.state
    try:
        query = form.query()
    except QueryError as e:
        refused = message_of(e)
        return await run_search(request.app, lambda: _search_page(request, form, "1", refused))

    def pieces() -> Iterator[str]:
        with state.pool.connection() as conn:
            yield from csv_pieces(conn, query)

    chunks = pieces()
    try:
        first = await run_search(request.app, lambda: next(chunks))  # the search itself, where a bad text is found
    except SearchSyntaxError as e:
        unread = message_of(e)
        return await run_search(request.app, lambda: _search_page(request, form, "1", unread))
    name = "quotegraph-" + ("-".join(re.findall(r"[A-Za-z0-9]+", form.q))[:40] or "search") + ".csv"
    return StreamingResponse(
        _then(first, chunks),
        media_type="text/csv; charset=utf-8",
        headers={**PAGE_HEADERS, "Content-Disposition": f'attachment; filename="{name}"'},
    )


def _then(first: str, rest: Iterator[str]) -> Iterator[str]:
    yield first
    yield from rest


def _list_page(
    template: str, title: str, form: dict[str, str], default_sort: str, number: int, fetch: Callable[[int, int], list[Any]], **context: Any
) -> HTMLResponse:
    """A list page (speakers, articles): a page of ``fetch(limit, offset)`` rows, asked one over to know whether
    more follow, with the form's values kept in the pager's links (the default sort left out)."""
    from ..serve.errors import message_of

    error, rows = None, []
    try:
        rows = fetch(PAGE_SIZE + 1, (number - 1) * PAGE_SIZE)
    except QueryError as e:
        error = message_of(e)
    kept = {k: v for k, v in form.items() if v and not (k == "sort" and v == default_sort)}
    return render(
        template,
        400 if error else 200,
        title=title,
        nav=template.removesuffix(".html"),
        form=form,
        error=error,
        rows=rows[:PAGE_SIZE],
        kept=kept,
        page=number,
        first=(number - 1) * PAGE_SIZE + 1,
        prev_query=urlencode({**kept, "page": number - 1}) if number > 1 else None,
        next_query=urlencode({**kept, "page": number + 1}) if len(rows) > PAGE_SIZE else None,
        **context,
    )


@router.get("/speakers", response_class=HTMLResponse)
def speakers_page(conn: Conn, name: str = "", type: str = "", sort: str = "statements", page: str = "1") -> HTMLResponse:
    """Every speaker, filtered by name (or alias) and type, sorted, a page at a time."""
    from ..store.queries import speaker_list

    sort = sort or "statements"
    form = {"name": name, "type": type, "sort": sort}
    return _list_page(
        "speakers.html",
        "Speakers",
        form,
        "statements",
        _page_number(page),
        lambda limit, offset: speaker_list(conn, name, type, sort, limit, offset),
        types=SPEAKER_TYPES,
        sorts=SPEAKER_SORT_NAMES,
    )


@router.get("/articles", response_class=HTMLResponse)
def articles_page(conn: Conn, title: str = "", outlet: str = "", since: str = "", until: str = "", sort: str = "newest", page: str = "1") -> HTMLResponse:
    """Every article, filtered by title, outlet and date, sorted, a page at a time."""
    from ..store.queries import article_list

    sort = sort or "newest"
    form = {"title": title, "outlet": outlet, "since": since, "until": until, "sort": sort}
    return _list_page(
        "articles.html",
        "Articles",
        form,
        "newest",
        _page_number(page),
        lambda limit, offset: article_list(conn, title, outlet, since, until, sort, limit, offset),
        sorts=ARTICLE_SORT_NAMES,
    )


@router.get("/speakers/{speaker_id}", response_class=HTMLResponse)
def speaker_page(conn: Conn, speaker_id: str, page: str = "1") -> HTMLResponse:
    """A speaker: aliases, role timeline, statements per month, top terms, statements."""
    from ..store import queries

    sid = _int_id(speaker_id)
    if sid is None or not queries.speaker_exists(conn, sid):
        return error_page(404, f"There is no speaker {speaker_id!r} in this database. The overview lists the most-quoted speakers; search finds the others.")
    number = _page_number(page)
    p = queries.profile(conn, sid, samples=0)
    statements = queries.speaker_statements(conn, sid, PAGE_SIZE + 1, (number - 1) * PAGE_SIZE)
    more, statements = len(statements) > PAGE_SIZE, statements[:PAGE_SIZE]
    months, undated = charts.fill_months(p.by_month if p.by_month else [])
    terms = top_terms(str(s["text"]) for s in queries.speaker_statements(conn, sid, TERMS_FROM))
    return render(
        "speaker.html",
        title=p.speaker.name,
        nav="",
        p=p,
        statements=statements,
        where=queries.occurrences_of(conn, [int(str(s["statement"])) for s in statements]),
        month_chart=charts.month_bars(months, f"Statements per month by {p.speaker.name}") if months else None,
        undated=undated,
        timeline=charts.role_timeline(p.roles, f"Roles of {p.speaker.name} over time"),
        gender_words=GENDER_EVIDENCE_WORDS,
        terms=terms,
        page=number,
        prev_query=urlencode({"page": number - 1}) if number > 1 else None,
        next_query=urlencode({"page": number + 1}) if more else None,
        first=(number - 1) * PAGE_SIZE + 1,
    )


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(conn: Conn, article_id: str) -> HTMLResponse:
    """An article with every attribution's source, cue and content highlighted and boilerplate greyed."""
    from ..store.queries import article

    aid = _int_id(article_id)
    found = article(conn, aid) if aid is not None else None
    if found is None:
        return error_page(404, f"There is no article {article_id!r} in this database. Search statements to find articles.")
    text = str(found["text"])
    body = found["body"]
    assert isinstance(body, dict)
    attributions: list[dict[str, Any]] = found["attributions"]  # type: ignore[assignment]
    aside = [(s["start"], s["end"]) for s in found["boilerplate"]]  # type: ignore[attr-defined]
    return render(
        "article.html",
        title=found["title"] or found["doc"],
        nav="",
        a=found,
        link=safe_url(found["url"]),  # type: ignore[arg-type]
        marked=highlight(text, attributions, (body["start"], body["end"]), aside),
        rows=_rows(attributions, text),
    )


@router.get("/extract", response_class=HTMLResponse)
def extract_form(request: Request) -> HTMLResponse:
    """The paste-an-article form."""
    return _extract_page(request)


@router.post("/extract", response_class=HTMLResponse)
async def extract_page(request: Request) -> Response:
    """Run extraction on the pasted text (the API's size, rate and date rules) and show it highlighted."""
    from ..serve.runtime import published_date

    state = request.app.state
    max_bytes: int = state.max_extract_bytes
    form = await _read_form(request, 3 * max_bytes + 4096)  # percent-encoding triples non-ASCII bytes
    if form is None:
        return _extract_page(request, status=413, error=_too_large(max_bytes, None))
    text = form.get("text", "").replace("\r\n", "\n")
    published = form.get("published", "").strip()
    size = len(text.encode("utf-8"))
    if size > max_bytes:
        return _extract_page(request, text="", published=published, status=413, error=_too_large(max_bytes, size))
    if not text.strip():
        return _extract_page(request, text=text, published=published, status=400, error="Paste the text of an article first.")
    try:
        date = published_date(published)  # the API's rule
    except InputError as e:
        return _extract_page(request, text=text, published=published, status=422, error=f"{str(e)[0].upper()}{str(e)[1:]}.")
    try:
        state.limit_extract(request)
        art = await run_in_threadpool(state.extract, text, published=date, doc="pasted")
    except HTTPException as e:
        return _extract_page(request, text=text, published=published, status=e.status_code, error=str(e.detail), headers=e.headers)
    except QuotegraphError as e:
        from ..serve.errors import status_of

        return _extract_page(request, text=text, published=published, status=status_of(e), error=str(e))
    record = art.to_json()
    return _extract_page(
        request,
        text=text,
        published=published,
        marked=highlight(art.text, record["quotes"], art.body, art.boilerplate),
        rows=_rows(record["quotes"], art.text),
    )


def _extract_page(
    request: Request,
    text: str = "",
    published: str = "",
    status: int = 200,
    error: str | None = None,
    headers: Mapping[str, str] | None = None,
    marked: Any = None,
    rows: Sequence[dict[str, Any]] | None = None,
) -> HTMLResponse:
    max_bytes: int = request.app.state.max_extract_bytes
    return render(
        "extract.html",
        status,
        headers,
        title="Extract",
        nav="extract",
        text=text,
        published=published,
        error=error,
        marked=marked,
        rows=rows,
        max_kb=f"{max_bytes / 1000:,.0f}",
    )


def _too_large(max_bytes: int, size: int | None) -> str:
    got = f"The text is {size:,} bytes; " if size is not None else "The form is too large; "
    return got + f"at most {max_bytes:,} bytes ({max_bytes / 1000:,.0f} kB) can be extracted at once. Paste a shorter text, or split the article."


async def _read_form(request: Request, cap: int) -> dict[str, str] | None:
    """The fields of a URL-encoded form body (first value of each), or None when the body is over ``cap`` bytes."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > cap:
        return None
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > cap:
            return None
    fields = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
    return {k: v[0] for k, v in fields.items()}


def _rows(attributions: Sequence[Mapping[str, Any]], text: str) -> list[dict[str, Any]]:
    """The attributions in reading order (where their first span starts), each with its number (its anchor ``#qN``:
    its place in the store's order, as ``data-q`` in the text), speaker (with id when stored), the source as
    written, role, kind, cue, content and its passage of ``text`` with source, cue and content marked in place."""
    out = []
    for n, a in enumerate(attributions, 1):
        sp = a.get("speaker") or {}
        cue = a.get("cue")
        sources = a.get("sources") or []
        spans = [cue, *sources, *(a.get("contents") or [])]
        out.append(
            {
                "n": n,
                "at": min((int(s["start"]) for s in spans if s), default=len(text)),
                "passage": passage(text, a),
                "source": " / ".join(s["text"] for s in sources),
                "named": written_as(a),
                "speaker": sp.get("name") or sp.get("as_written"),
                "speaker_id": sp.get("id"),
                "label": speaker_label(a),
                "type": sp.get("type"),
                "role": sp.get("role"),
                "kind": a.get("kind"),
                "cue": cue["text"] if cue else None,
                "sources": " / ".join(s["text"] for s in a.get("sources") or []),
                "content": " … ".join(c["text"] for c in a.get("contents") or []),
                "confidence": a.get("confidence"),
                "unsure": unsure(a),
            }
        )
    return sorted(out, key=lambda r: (r["at"], r["n"]))


def install(app: FastAPI) -> None:
    """Mount the pages and the static files on ``app``; errors outside the API become readable pages."""
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    json_error = app.exception_handlers[StarletteHTTPException]

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        if request.url.path.startswith(API_PATHS):
            answer = json_error(request, exc)
            return await answer if inspect.isawaitable(answer) else answer
        message = "There is no page at this address." if exc.status_code == 404 else str(exc.detail)
        return error_page(exc.status_code, message, getattr(exc, "headers", None))

    app.add_exception_handler(StarletteHTTPException, http_error)
