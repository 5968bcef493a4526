"""The pages in a real browser: Playwright driving Debian's Chromium (``/usr/bin/chromium``, or
QUOTEGRAPH_CHROMIUM) against the app served by uvicorn on a free loopback port.

Skipped, saying why, where Playwright or Chromium is missing (``.ci/run`` installs Chromium with
apt-get; no browser is ever downloaded). Full-page screenshots of every page go to
``build/screenshots/`` (git-ignored); the run's summary names the folder.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.api.conftest import XSS_TEXT, fake_extract
from tests.conftest import ROOT
from tests.web.conftest import PORT_TEXT, SCREENSHOTS, article_id

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]'): browser tests skipped")
CHROMIUM = Path(os.environ.get("QUOTEGRAPH_CHROMIUM", "/usr/bin/chromium"))
SHOTS = ROOT / "build" / "screenshots"


@pytest.fixture(scope="module")
def live(web_db) -> Iterator[str]:
    """The app on a free loopback port, served by uvicorn in a thread; its base URL."""
    import uvicorn

    from quotegraph.serve.app import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(web_db, extractor=fake_extract), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"uvicorn did not start on 127.0.0.1:{port}")
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install chromium, or set QUOTEGRAPH_CHROMIUM): browser tests skipped")
    with sync_api.sync_playwright() as p:
        try:
            b = p.chromium.launch(executable_path=str(CHROMIUM))
        except sync_api.Error as e:
            pytest.skip(f"Chromium at {CHROMIUM} does not start ({str(e).splitlines()[0]}): browser tests skipped")
        SHOTS.mkdir(parents=True, exist_ok=True)
        yield b
        b.close()


class Watched:
    """A page with the dialogs it opened and the Content-Security-Policy violations it logged."""

    def __init__(self, page, base: str) -> None:
        self.page, self.base = page, base
        self.dialogs: list[str] = []
        self.csp: list[str] = []
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.on("console", lambda m: self.csp.append(m.text) if "Content Security Policy" in m.text else None)

    def goto(self, path: str):
        return self.page.goto(self.base + path)

    def shot(self, name: str) -> None:
        path = SHOTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        SCREENSHOTS.append(path)


@pytest.fixture
def web_page(browser, live) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1200, "height": 800})
    w = Watched(context.new_page(), live)
    yield w
    context.close()
    assert not w.dialogs, f"a dialog opened: {w.dialogs}"
    assert not w.csp, f"the page broke its Content-Security-Policy: {w.csp}"


def test_overview(web_page):
    web_page.goto("/")
    page = web_page.page
    assert page.locator("h1").inner_text() == "Who gets quoted"
    assert page.locator("svg.chart").count() == 3  # sources, who do we quote, quotes over time
    assert page.get_by_role("link", name="Antonio Guterres").is_visible()
    web_page.shot("overview")


def test_search_and_open_a_speaker(web_page):
    page = web_page.page
    web_page.goto("/search")
    page.fill("form.filters input[name=q]", "vigilant")
    page.click("form.filters button[type=submit]")
    hit = page.locator("li.hit").first
    hit.wait_for()
    assert "We must be more vigilant than ever" in hit.inner_text()
    assert "World Example" in hit.inner_text() and "2020-11-18" in hit.inner_text()
    web_page.shot("search")
    hit.get_by_role("link", name="Antonio Guterres").click()
    page.wait_for_url("**/speakers/*")
    assert page.locator("h1").inner_text().startswith("Antonio Guterres")
    assert page.locator("svg.chart.bars rect.bar").count() >= 1 and page.locator("svg.chart.timeline").count() == 1
    assert page.locator("ol.terms li").count() >= 3
    web_page.shot("speaker")


def test_article_highlights_in_distinct_colours_with_the_speaker_on_hover(web_page):
    page = web_page.page
    web_page.goto("/search?q=port")
    page.get_by_role("link", name="Port reopens after the storm").first.click()
    page.wait_for_url("**/articles/*")
    text = page.locator("article.article-text")
    colours = {}
    for role in ("source", "cue", "content"):
        el = text.locator(f".hl-{role}").first
        assert el.is_visible()
        colours[role] = el.evaluate("e => getComputedStyle(e).backgroundColor")
        assert el.get_attribute("title") == "Maria Lopez"
    assert len(set(colours.values())) == 3, colours
    boiler = text.locator(".boiler", has_text="Leave a Comment")
    assert boiler.count() == 1
    assert boiler.evaluate("e => getComputedStyle(e).color") != text.evaluate("e => getComputedStyle(e).color")
    text.locator(".hl-source", has_text="Jon Berg").hover()
    web_page.shot("article")


def test_paste_an_article(web_page):
    page = web_page.page
    web_page.goto("/extract")
    page.fill("textarea[name=text]", PORT_TEXT)
    page.click("form.extract button[type=submit]")
    page.locator("article.article-text .hl-cue").first.wait_for()
    assert "Result: 2 attributions" in page.locator("h2").first.inner_text()
    assert page.locator("ol.quotes > li.quote").count() == 2
    assert page.locator("article.article-text .hl-source").first.get_attribute("title") == "Maria Lopez"
    web_page.shot("extract")


def test_article_with_markup_renders_inert(web_page, web_db):
    page = web_page.page
    web_page.goto(f"/articles/{article_id(web_db, '<b>Web safety</b>')}")
    text = page.locator("article.article-text")
    shown = text.inner_text()
    assert "<script>alert('x')</script>" in shown and "<img src=x onerror=alert(1)>" in shown
    assert page.locator("h1").inner_text() == "<b>Web safety</b>"
    assert page.evaluate("document.querySelectorAll('script, img, main b, main i').length") == 0
    web_page.shot("xss-article")
    web_page.goto(f"/articles/{article_id(web_db, '<script>alert(' + chr(39) + 'title' + chr(39) + ')</script>')}")
    assert page.get_by_text("javascript:alert(document.domain)").is_visible()
    assert page.locator("a[href^='javascript:']").count() == 0
    web_page.goto("/extract")
    page.fill("textarea[name=text]", XSS_TEXT)
    page.click("form.extract button[type=submit]")
    page.locator("article.article-text .hl-content").first.wait_for()
    assert "<script>alert('x')</script>" in page.locator("article.article-text").inner_text()
    assert page.evaluate("document.querySelectorAll('script, img').length") == 0
    # the fixture asserts that no dialog opened


def test_unknown_speaker_is_a_readable_page(web_page):
    r = web_page.goto("/speakers/999999")
    assert r.status == 404
    assert web_page.page.locator("h1").inner_text() == "Not found"
    assert "no speaker" in web_page.page.locator(".error").inner_text()
    web_page.shot("not-found")


def test_api_docs_render_from_the_apps_own_files(web_page):
    """/docs (Swagger UI) lists the operations with every request answered by the app: nothing from another host."""
    page = web_page.page
    requested: list[str] = []
    failed: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.on("requestfailed", lambda r: failed.append(f"{r.url}: {r.failure}"))
    page.on("response", lambda r: failed.append(f"{r.url}: {r.status}") if r.status >= 400 else None)
    assert web_page.goto("/docs").status == 200
    page.get_by_text("/api/statements", exact=True).wait_for(timeout=15_000)
    assert page.locator(".opblock").count() >= 5  # statements, speakers, speaker, article, extract
    op = page.locator(".opblock", has_text="/api/statements").first
    op.locator(".opblock-summary").click()
    op.get_by_text("the syntax SQLite FTS5 reads", exact=False).wait_for()
    op.get_by_role("button", name="Try it out").click()
    op.locator("input[placeholder='q']").fill("vigilant")
    op.get_by_role("button", name="Execute").click()
    op.locator(".live-responses-table .response-col_status", has_text="200").wait_for()
    assert "We must be more vigilant than ever" in op.locator(".live-responses-table").inner_text()
    web_page.shot("docs")
    elsewhere = [u for u in requested if not u.startswith((web_page.base + "/", "data:"))]
    assert not elsewhere, f"/docs asked other hosts: {elsewhere}"
    assert any(u.endswith("/openapi.json") for u in requested) and not failed, failed


# Issue 15, point 7: the lists, quotes and their anchors, the CSV download, and every page at a phone's width.

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone_page(browser, live) -> Iterator[Watched]:
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    w = Watched(context.new_page(), live)
    yield w
    context.close()
    assert not w.dialogs, f"a dialog opened: {w.dialogs}"
    assert not w.csp, f"the page broke its Content-Security-Policy: {w.csp}"


def _pages(db: str) -> dict[str, str]:
    from tests.web.conftest import speaker_id

    return {
        "overview": "/",
        "search": "/search?q=port+OR+vigilant+OR+buses",
        "speakers": "/speakers",
        "speaker": f"/speakers/{speaker_id(db, 'Antonio Guterres')}",
        "articles": "/articles",
        "article": f"/articles/{article_id(db, 'Port reopens after the storm')}",
        "article-long": f"/articles/{_most_quoted(db)}",
        "extract": "/extract",
        "not-found": "/speakers/999999",
    }


def _most_quoted(db: str) -> int:
    """The article with the most quotes (the bundled example, a long one)."""
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(db)) as conn:
        return int(conn.execute("SELECT article_id FROM occurrences GROUP BY article_id ORDER BY count(*) DESC, article_id LIMIT 1").fetchone()[0])


@pytest.mark.parametrize("name", ["overview", "search", "speakers", "speaker", "articles", "article", "article-long", "extract", "not-found"])
def test_every_page_fits_a_phone_without_scrolling_sideways(phone_page, web_db, name):
    page = phone_page.page
    phone_page.goto(_pages(web_db)[name])
    if name == "extract":
        page.fill("textarea[name=text]", PORT_TEXT)
        page.click("form.extract button[type=submit]")
        page.locator("ol.quotes li.quote").first.wait_for()
    wide = page.evaluate("document.documentElement.scrollWidth")
    assert wide <= PHONE["width"], f"{name} is {wide} px wide in a {PHONE['width']} px viewport"
    # nothing sticks out of the page either (an element wider than the viewport hidden by overflow would not count above)
    over = page.evaluate(
        "[...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1"
        " && getComputedStyle(e).position !== 'fixed' && !e.closest('table, svg')).map(e => e.tagName + '.' + e.className).slice(0, 5)"
    )
    assert not over, f"{name}: {over} stick out"
    phone_page.shot(f"phone-{name}")


def test_speakers_list_sorts_filters_and_pages(web_page):
    page = web_page.page
    web_page.goto("/speakers")
    assert page.locator("h1").inner_text() == "Speakers"
    rows = page.locator("table.list tbody tr")
    assert rows.count() >= 7
    assert rows.first.locator("a.speaker").inner_text() == "Antonio Guterres"  # most statements
    web_page.shot("speakers")
    page.select_option("form.filters select[name=sort]", "name")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/speakers?*sort=name*")
    names = page.locator("table.list tbody a.speaker").all_inner_texts()
    assert names == sorted(names, key=str.casefold)
    page.fill("form.filters input[name=name]", "khan")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**name=khan*")
    assert page.locator("table.list tbody a.speaker").all_inner_texts() == ["Imran Khan", "Sadiq Khan"]
    page.get_by_role("link", name="Sadiq Khan").click()
    page.wait_for_url("**/speakers/*")
    assert page.locator("h1").inner_text().startswith("Sadiq Khan")


def test_articles_list_and_a_quote_anchor(web_page):
    page = web_page.page
    web_page.goto("/articles")
    items = page.locator("ol.articles > li")
    assert items.count() >= 5
    dates = page.locator("ol.articles time").all_inner_texts()
    assert dates == sorted(dates, reverse=True)
    web_page.shot("articles")
    page.get_by_role("link", name="Port reopens after the storm").click()
    page.wait_for_url("**/articles/*")
    quotes = page.locator("ol.quotes > li.quote")
    assert quotes.count() == 2
    second = quotes.nth(1)
    assert second.locator("blockquote.passage").inner_text() == "Jon Berg said “Ships are already waiting outside the breakwater”"
    assert "source as written Jon Berg" in second.locator(".quote-meta").inner_text()
    second.get_by_role("link", name="in the text").click()
    page.wait_for_url("**#t2")
    assert page.locator("#t2").is_visible() or page.locator("#t2").count() == 1
    web_page.shot("article-quotes")


def test_search_result_opens_the_article_at_its_quote(web_page):
    page = web_page.page
    web_page.goto("/search?q=breakwater")
    hit = page.locator("li.hit").first
    assert hit.locator("mark").all_inner_texts() == ["breakwater"]
    assert hit.locator("mark").evaluate("e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"
    hit.get_by_role("link", name="Port reopens after the storm").click()
    page.wait_for_url("**/articles/*#q2")
    target = page.locator("li.quote:target")
    assert target.count() == 1 and "Ships are already waiting" in target.inner_text()
    top = target.evaluate("e => e.getBoundingClientRect().top")
    assert 0 <= top < 800, "the page opens at the quote, not at its top"
    web_page.shot("article-at-quote")


def test_search_by_date_and_download_csv(web_page, web_db):
    import io
    import sqlite3
    from contextlib import closing

    from quotegraph.model import SearchQuery
    from quotegraph.store.export import export
    from quotegraph.store.records import MAX_HITS
    from quotegraph.store.search import search

    page = web_page.page
    web_page.goto("/search")
    page.fill("form.filters input[name=q]", "port OR vigilant OR buses")
    page.select_option("form.filters select[name=sort]", "oldest")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**sort=oldest*")
    dates = page.locator("li.hit time.when").all_inner_texts()
    assert len(dates) >= 3 and dates == sorted(dates)
    web_page.shot("search-oldest")
    with page.expect_download() as got:
        page.get_by_role("link", name="Download every quote of this search (CSV)").click()
    body = Path(got.value.path()).read_bytes().decode("utf-8")
    out = io.StringIO()
    with closing(sqlite3.connect(web_db)) as conn:
        export(conn, "csv", out, [h.statement_id for h in search(conn, SearchQuery("port OR vigilant OR buses", limit=MAX_HITS))])
    assert body == out.getvalue() and body.count("\n") >= 4
    assert got.value.suggested_filename == "quotegraph-port-OR-vigilant-OR-buses.csv"


def test_source_written_otherwise_shows_the_speaker_without_hovering(web_page, web_db):
    """The name after "he" is drawn by the style sheet from data-speaker: visible, with no title to hover."""
    from fastapi.testclient import TestClient

    from quotegraph.serve.app import create_app
    from tests.web.test_pages import _pronoun_extract

    page = web_page.page  # the live server has the stand-in extractor: this page comes from an app of its own
    with TestClient(create_app(web_db, extractor=_pronoun_extract)) as c:
        html = c.post("/extract", data={"text": "x"}).text
    css = (ROOT / "quotegraph" / "web" / "static" / "style.css").read_text(encoding="utf-8")
    page.set_content(html.replace('<link rel="stylesheet" href="/static/style.css">', ""))
    page.add_style_tag(content=css)
    after = page.locator("article.article-text .hl-source").evaluate("e => getComputedStyle(e, '::after').content")
    assert "Jon Berg" in after
    web_page.shot("extract-pronoun")
