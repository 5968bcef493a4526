"""The web pages with the test client: each page renders its content, unknown ids get a readable 404,
bad input a message on the page, and text from articles is escaped everywhere."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from quotegraph.serve.app import create_app
from tests.api.conftest import XSS_TEXT, fake_extract
from tests.web.conftest import PORT_TEXT, article_id, speaker_id

RAW_MARKUP = ["<script>alert", "<img src=x", "<b>Web safety", "<i>Example", 'href="javascript:']


def is_page(r, status: int = 200) -> str:
    assert r.status_code == status, r.text[:500]
    assert r.headers["content-type"].startswith("text/html")
    csp = r.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
    return r.text


def test_overview_shows_speakers_outlets_unnamed_share_and_a_chart(web):
    html = is_page(web.get("/"))
    assert "Most-quoted speakers" in html and ">Antonio Guterres</a>" in html
    assert ">World Example</a>" in html and ">City Example</a>" in html
    assert "unnamed source" in html and re.search(r"\d+\.\d%", html)
    assert html.count("<svg") == 3  # the share bar, who do we quote, quotes over time
    assert 'class="bar"' in html and "2020-11" in html


def test_stylesheet_is_served_by_the_app(web):
    r = web.get("/static/style.css")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/css")
    assert ".hl-source" in r.text and ".hl-cue" in r.text and ".hl-content" in r.text and "@import" not in r.text and "url(" not in r.text
    html = web.get("/").text
    assert re.findall(r'(?:href|src)="([^"]+)"', html)  # every resource the page loads is local
    assert not [u for u in re.findall(r'<(?:link|script|img)[^>]+(?:href|src)="([^"]+)"', html) if u.startswith(("http:", "https:", "//"))]


def test_search_shows_speaker_role_outlet_date_statement_cue_and_article_link(web, web_db):
    html = is_page(web.get("/search", params={"q": "vigilant"}))
    assert ">Antonio Guterres</a>" in html and f'href="/speakers/{speaker_id(web_db, "Antonio Guterres")}"' in html
    assert "We must be more <mark>vigilant</mark> than ever" in html
    assert "World Example" in html and "2020-11-18" in html
    assert 'cue <q class="written">said</q>' in html
    assert re.search(rf'href="/articles/{article_id(web_db, "UN chief warns of new arms race")}#q\d+"', html)


@pytest.mark.parametrize(
    "params, present, absent",
    [
        ({"speaker": "Khan"}, ["Sadiq Khan", "Imran Khan"], ["Antonio Guterres"]),
        ({"outlet": "City"}, ["Sadiq Khan"], ["Maria Lopez"]),
        ({"since": "2020", "until": "2020-12"}, ["Antonio Guterres"], ["Sadiq Khan"]),
        ({"kind": "direct", "q": "port"}, ["Maria Lopez"], ["Antonio Guterres"]),
    ],
)
def test_search_filters(web, params, present, absent):
    html = is_page(web.get("/search", params=params))
    for name in present:
        assert name in html
    for name in absent:
        assert f">{name}</a>" not in html


def test_search_pages_through_every_statement_once(web, monkeypatch):
    from quotegraph.web import views

    everything = re.findall(r'<blockquote class="statement">([^<]*)', web.get("/search").text)
    assert len(everything) >= 8
    monkeypatch.setattr(views, "PAGE_SIZE", 3)
    seen, url = [], "/search"
    while url:
        html = is_page(web.get(url))
        seen += re.findall(r'<blockquote class="statement">([^<]*)', html)
        nxt = re.search(r'<a rel="next" href="([^"]+)"', html)
        url = nxt.group(1).replace("&amp;", "&") if nxt else ""
    assert seen == everything


@pytest.mark.parametrize(
    "params, words",
    [
        ({"q": '"unterminated'}, "cannot read the search text"),
        ({"q": "vigilant", "since": "2020-13"}, "is not a date"),
        ({"kind": "shouted"}, "choose one of direct, indirect, mixed"),
        ({"speaker": "x" * 500}, "too long"),
    ],
)
def test_search_malformed_input_is_a_message_on_the_page(web, params, words):
    html = is_page(web.get("/search", params=params), 400)
    assert 'class="error"' in html and words in html.replace("&#34;", '"').replace("&#39;", "'")


def test_speaker_page_has_aliases_roles_chart_terms_and_statements(web, web_db):
    sid = speaker_id(web_db, "Antonio Guterres")
    html = is_page(web.get(f"/speakers/{sid}"))
    assert "<h1>Antonio Guterres" in html
    assert '<span class="alias">Guterres</span>' in html
    assert 'class="chart bars"' in html and "2020-11: 2 statements" in html
    assert "Top terms" in html and ">vigilant</a>" in html and ">arms</a>" in html and ">the</a>" not in html
    assert "Nobody wins an arms race" in html and "We must be more vigilant than ever" in html


def test_speaker_page_role_timeline(web, web_db):
    html = is_page(web.get(f"/speakers/{speaker_id(web_db, 'Antonio Guterres')}"))
    assert 'class="chart timeline"' in html and ">Prime Minister of Portugal<title>" in html and "1996-01-10" in html and "2020-11-18" in html
    assert html.index("Prime Minister of Portugal") < html.index("UN Secretary-General")


def test_article_page_highlights_source_cue_content_and_greys_boilerplate(web, web_db):
    html = is_page(web.get(f"/articles/{article_id(web_db, 'Port reopens after the storm')}"))
    assert '<span class="hl-content" data-q="1" title="Maria Lopez">“The port will reopen on Monday,”</span>' in html
    assert '<span class="hl-cue" data-q="1" title="Maria Lopez">said</span>' in html
    assert '<span class="hl-source" data-q="1" title="Maria Lopez">Maria Lopez</span>' in html
    assert '<span class="boiler">Leave a Comment</span>' in html
    assert 'href="https://harbour.example.com/port-reopens"' in html and "Harbour News" in html
    text = re.search(r'<article class="article-text">(.*?)</article>', html, re.S).group(1)
    assert re.sub(r"<[^>]+>", "", text).replace("&#34;", '"') == PORT_TEXT  # the whole text, nothing lost or added


@pytest.mark.parametrize("path", ["/speakers/999999", "/speakers/abc", "/articles/999999", "/articles/-1", "/no-such-page"])
def test_unknown_ids_and_pages_get_a_readable_404(web, path):
    html = is_page(web.get(path), 404)
    assert "<h1>Not found</h1>" in html and 'class="error"' in html


def test_api_errors_keep_their_json_shape(web):
    r = web.get("/api/articles/999999")
    assert r.status_code == 404 and r.json()["error"]["status"] == 404


def test_markup_from_articles_is_escaped_on_every_page(web, web_db):
    mallory = speaker_id(web_db, "Mallory Hacker")
    pages = [
        web.get("/"),
        web.get("/search", params={"speaker": "Mallory"}),
        web.get("/search", params={"q": "onerror"}),
        web.get(f"/speakers/{mallory}"),
        web.get(f"/articles/{article_id(web_db, '<b>Web safety</b>')}"),
        web.get(f"/articles/{article_id(web_db, '<script>alert(' + chr(39) + 'title' + chr(39) + ')</script>')}"),
        web.post("/extract", data={"text": XSS_TEXT}),
        web.get("/search", params={"q": "<script>alert(1)</script>"}),
    ]
    for r in pages:
        html = r.text
        for raw in RAW_MARKUP:
            assert raw not in html, (r.url, raw)
    article = pages[4].text
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in article and "&lt;img src=x onerror=alert(1)&gt;" in article
    assert "&lt;b&gt;Web safety&lt;/b&gt;" in article and "Evil &lt;i&gt;Example&lt;/i&gt;" in article
    assert "javascript:alert(document.domain)" in pages[5].text  # shown as text, not linked


def test_extract_form_and_result(web):
    is_page(web.get("/extract"))
    html = is_page(web.post("/extract", data={"text": PORT_TEXT, "published": "2021-01-12"}))
    assert "Result: 2 attributions" in html
    assert '<span class="hl-source" data-q="2" title="Jon Berg">Jon Berg</span>' in html
    assert '<span class="boiler">Leave a Comment</span>' in html


def test_extract_page_checks_its_input(web):
    assert "Paste the text" in is_page(web.post("/extract", data={"text": "  "}), 400)


@pytest.mark.parametrize("published", ["soon", "garbage", "2021-13", "2021-02-30", "21-01-12", "2021/01/12", "2021-1-12", "2021-01-12T10:00"])
def test_extract_page_refuses_a_date_that_is_not_one_as_the_api_does(web, published):
    """Regression (issue 10, point 14): the API took ``published: "garbage"`` where the page refused it; one rule
    (``published_date``), a 422 with the same words on both."""
    html = is_page(web.post("/extract", data={"text": PORT_TEXT, "published": published}), 422)
    api = web.post("/api/extract", json={"text": PORT_TEXT, "published": published})
    assert api.status_code == 422 and set(api.json()) == {"error"}
    words = "is not a date; write it as YYYY-MM-DD (or YYYY-MM, YYYY)"
    assert words in html and words in api.json()["error"]["message"] and "published" in api.json()["error"]["message"]


@pytest.mark.parametrize("published, stored", [("2021-01-12", "2021-01-12"), (" 2021-01 ", "2021-01"), ("2021", "2021"), ("", None), ("  ", None)])
def test_extract_page_and_api_take_the_same_dates(web, published, stored):
    is_page(web.post("/extract", data={"text": PORT_TEXT, "published": published}))
    api = web.post("/api/extract", json={"text": PORT_TEXT, "published": published})
    assert api.status_code == 200 and api.json()["published"] == stored


def test_extract_page_size_limit_is_a_message(web_db):
    with TestClient(create_app(web_db, extractor=fake_extract, max_extract_bytes=2000)) as c:
        html = is_page(c.post("/extract", data={"text": "é" * 1500}), 413)  # 3,000 bytes of UTF-8
        assert "3,000 bytes" in html and "at most 2,000 bytes" in html
        html = is_page(c.post("/extract", data={"text": "z" * 50_000}), 413)  # refused before it is read whole
        assert "at most 2,000 bytes" in html


def test_extract_page_shares_the_api_rate_limit(web_db):
    with TestClient(create_app(web_db, extractor=fake_extract, extract_rate=(2, 60.0))) as c:
        assert c.post("/api/extract", json={"text": PORT_TEXT}).status_code == 200
        is_page(c.post("/extract", data={"text": PORT_TEXT}))
        r = c.post("/extract", data={"text": PORT_TEXT})
        assert "too many extraction requests" in is_page(r, 429) and r.headers["retry-after"]
        assert c.post("/api/extract", json={"text": PORT_TEXT}).status_code == 429


def test_extract_page_shows_extraction_errors(web_db):
    from quotegraph.errors import EmptyInput

    def refuse(text, published=None, doc="text"):
        raise EmptyInput("the text is empty; send some article text")

    with TestClient(create_app(web_db, extractor=refuse)) as c:
        assert "the text is empty" in is_page(c.post("/extract", data={"text": "x"}), 400)


def test_serve_prints_the_web_page_address(web_db, monkeypatch):
    from click.testing import CliRunner

    from quotegraph.cli import cli
    from quotegraph.serve import workers

    bound = []
    monkeypatch.setattr(workers, "serve_in_process", lambda app, sock: bound.append(sock.getsockname()[1]))
    monkeypatch.setattr(workers, "run", lambda n, socks: bound.append(socks[0].getsockname()[1]))  # serve --workers N (the default on N cores)
    res = CliRunner().invoke(cli, ["serve", "--db", web_db, "--port", "0"])
    assert res.exit_code == 0, res.output
    assert bound[0] > 0 and f"quotegraph on http://127.0.0.1:{bound[0]}/ " in res.output


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("Antonio Guterres", ["<strong>male</strong>, from the articles&#39; pronouns", "male by the articles&#39; pronouns 4×"]),
        ("Maria Lopez", ["<strong>female</strong>, from a list of usual first names (weaker evidence)"]),
        ("Jon Berg", ["<strong>unknown</strong>: the articles disagree"]),
    ],
)
def test_speaker_page_gender_with_its_evidence(web, web_db, name, says):
    html = is_page(web.get(f"/speakers/{speaker_id(web_db, name)}"))
    for words in says:
        assert words in html


def test_speaker_page_names_and_the_rule_that_joined_each(web, web_db):
    html = is_page(web.get(f"/speakers/{speaker_id(web_db, 'Antonio Guterres')}"))
    table = re.search(r'<section id="names">(.*?)</section>', html, re.S).group(1)
    rows = re.findall(r"<tr><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td>", table)
    assert ("Antonio Guterres", "new", "no known speaker matches PERSON &#39;Antonio Guterres&#39;") in rows
    assert any(alias == "Guterres" and rule in {"surname", "alias"} and why for alias, rule, why in rows)


def test_overview_who_do_we_quote(web, web_db):
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(web_db)) as conn:
        female, male = conn.execute(
            "SELECT sum(sp.gender = 'female'), sum(sp.gender = 'male') FROM occurrences o JOIN speakers sp ON sp.id = o.speaker_id WHERE sp.type = 'PERSON'"
        ).fetchone()
    assert female and male
    html = is_page(web.get("/"))
    section = re.search(r'<section id="gender">(.*?)</section>', html, re.S).group(1)
    assert f"{100 * female / (female + male):.1f}%</strong> of the quotes by people of known gender are by women" in section
    assert f"{female} by women, {male} by men" in section
    assert "Harbour News" in section and 'class="chart share"' in section


def test_api_gender_overall_and_by_outlet_add_up(web):
    overall = web.get("/api/gender").json()["groups"]
    by_outlet = web.get("/api/gender", params={"by": "outlet"}).json()["groups"]
    assert len(overall) == 1 and overall[0]["group"] is None
    for key in ("female", "male", "unknown", "first_name_only"):
        assert sum(g[key] for g in by_outlet) == overall[0][key]
    assert overall[0]["female_share"] == overall[0]["female"] / (overall[0]["female"] + overall[0]["male"])
    assert web.get("/api/gender", params={"by": "speaker"}).status_code == 422
    assert any(e["path"] == "/api/gender" for e in web.get("/api").json()["endpoints"])


def test_api_speaker_detail_gives_merges_and_gender_evidence(web, web_db):
    body = web.get(f"/api/speakers/{speaker_id(web_db, 'Antonio Guterres')}").json()
    assert body["speaker"]["gender"] == "male" and body["speaker"]["gender_evidence"] == "pronoun"
    assert body["genders"] == [{"gender": "male", "evidence": "pronoun", "mentions": 4}]
    assert {"alias", "rule", "evidence", "mentions"} <= set(body["merges"][0]) and body["merges"][0]["rule"] == "new"


# Issue 15, point 7: the web for journalists.


def _db(path: str):
    import sqlite3

    return sqlite3.connect(path)


@pytest.mark.parametrize(
    "q, marked, plain",
    [
        ("vigilant", ["<mark>vigilant</mark>"], []),
        ("VIGIL*", ["<mark>vigilant</mark>"], []),  # a prefix, case aside
        ('"arms race"', ["<mark>arms</mark>", "<mark>race</mark>"], []),
        ("onerror", ["&lt;img src=x <mark>onerror</mark>=alert(2)&gt;"], ["<img"]),  # marked inside escaped markup
        ("arms NOT vigilant", ["<mark>arms</mark>"], ["<mark>vigilant</mark>"]),
        ("<script>alert(1)</script>", [], ["<script>", "<mark><"]),
    ],
)
def test_search_words_are_marked_and_escaped(web, q, marked, plain):
    html = web.get("/search", params={"q": q}).text
    for words in marked:
        assert words in html
    for raw in plain + RAW_MARKUP:
        assert raw not in html


def _anchors(html: str) -> list[tuple[str, str]]:
    return re.findall(r'href="/articles/(\d+)#q(\d+)"', html)


@pytest.mark.parametrize("params", [{"q": "vigilant"}, {"q": "port"}, {"speaker": "Khan"}, {}])
def test_search_links_go_to_the_quote_on_the_article_page(web, params):
    html = is_page(web.get("/search", params=params))
    statements = re.findall(r'<blockquote class="statement">(.*?)</blockquote>', html, re.S)
    links = _anchors(html)
    assert links and not re.search(r'href="/articles/\d+"', html), "every article link names its quote"
    for aid, n in links:
        page = web.get(f"/articles/{aid}").text
        quote = re.search(rf'<li class="quote[^"]*" id="q{n}">(.*?)</li>', page, re.S)
        assert quote, (aid, n)
        assert f'id="t{n}"' in page and f'href="#t{n}"' in quote.group(1)  # and from the quote to where it stands in the text
        said = re.sub(r"<[^>]+>", "", quote.group(1))
        assert any(re.sub(r"<[^>]+>", "", s).strip("“”,. ")[:20] in said for s in statements)


def test_speaker_page_links_go_to_the_quote(web, web_db):
    html = is_page(web.get(f"/speakers/{speaker_id(web_db, 'Antonio Guterres')}"))
    links = _anchors(html)
    assert links and not re.search(r'href="/articles/\d+"', html)
    for aid, n in links:
        assert f'id="q{n}"' in web.get(f"/articles/{aid}").text


def test_article_page_lists_quotes_in_reading_order_with_the_cue_where_it_stands(web, web_db):
    html = is_page(web.get(f"/articles/{article_id(web_db, 'Port reopens after the storm')}"))
    quotes = re.findall(r'<li class="quote[^"]*" id="q(\d+)">(.*?)</li>', html, re.S)
    assert [n for n, _ in quotes] == ["1", "2"]
    passages = [re.sub(r"<[^>]+>", "", re.search(r'<blockquote class="passage">(.*?)</blockquote>', q, re.S).group(1)) for _, q in quotes]
    assert passages == ["“The port will reopen on Monday,” said Maria Lopez", "Jon Berg said “Ships are already waiting outside the breakwater”"]
    # the cue stands between content and source, or source and content, as in the article
    assert re.search(r'hl-content">“The port will reopen on Monday,”</span> <span class="hl-cue">said</span> <span class="hl-source">Maria Lopez', quotes[0][1])
    assert 'source as written <q class="written">Jon Berg</q>' in quotes[1][1] and '<a class="speaker" href="/speakers/' in quotes[1][1]
    assert html.index('id="q1"') < html.index('id="q2"') < html.index('<article class="article-text">')


def _pronoun_extract(text, published=None, doc="text"):
    """One quote whose source is written "he" and resolved to Jon Berg."""
    from quotegraph.model import Article, Quote, Span, Speaker

    t = "Jon Berg spoke first. “Ships are waiting,” he said."
    he = Span.of(t, t.index("he said"), t.index("he said") + 2)
    quote = Quote(
        "direct",
        Span.of(t, t.index("said."), t.index("said.") + 4),
        [he],
        [Span.of(t, t.index("“"), t.index("”") + 1)],
        Speaker("Jon Berg", "harbour master", "PERSON", "pronoun", he),
        0.8,
    )
    return Article(doc, t, (0, len(t)), [quote], published, [])


def test_source_as_written_and_the_speaker_are_both_shown_without_hovering(web_db):
    with TestClient(create_app(web_db, extractor=_pronoun_extract)) as c:
        html = is_page(c.post("/extract", data={"text": "anything"}))
    quote = re.search(r'<li class="quote[^"]*" id="q1">(.*?)</li>', html, re.S).group(1)
    assert '<span class="speaker">Jon Berg</span>' in quote and "harbour master" in quote
    assert 'source as written <q class="written">he</q> → Jon Berg' in quote
    # in the text and the passage, the name follows "he" (a data attribute the style sheet shows), never only in a title
    assert html.count('class="hl-source" data-q="1" title="Jon Berg, harbour master" data-speaker="Jon Berg">he</span>') == 1
    assert '<span class="hl-source" data-speaker="Jon Berg">he</span>' in quote


def _walk(web, url: str, pattern: str) -> list[str]:
    seen = []
    while url:
        html = is_page(web.get(url))
        seen += re.findall(pattern, html)
        nxt = re.search(r'<a rel="next" href="([^"]+)"', html)
        url = nxt.group(1).replace("&amp;", "&") if nxt else ""
    return seen


SPEAKER_ORDERS = {
    "statements": "ORDER BY count(DISTINCT o.statement_id) DESC, sp.name, sp.id",
    "quotes": "ORDER BY count(o.id) DESC, sp.name, sp.id",
    "name": "ORDER BY sp.name COLLATE NOCASE, sp.id",
    "recent": "ORDER BY sp.last_seen IS NULL, sp.last_seen DESC, sp.name, sp.id",
}


@pytest.mark.parametrize("sort", list(SPEAKER_ORDERS))
def test_speakers_list_is_sorted_and_paged(web, web_db, monkeypatch, sort):
    from quotegraph.web import views

    with _db(web_db) as conn:
        expected = [
            str(r[0])
            for r in conn.execute(f"SELECT sp.id FROM speakers sp LEFT JOIN occurrences o ON o.speaker_id = sp.id GROUP BY sp.id {SPEAKER_ORDERS[sort]}")
        ]
    monkeypatch.setattr(views, "PAGE_SIZE", 3)
    assert len(expected) > 6
    assert _walk(web, f"/speakers?sort={sort}", r'<a class="speaker" href="/speakers/(\d+)"') == expected


ARTICLE_ORDERS = {
    "newest": "ORDER BY a.published IS NULL, a.published DESC, a.id DESC",
    "oldest": "ORDER BY a.published IS NULL, a.published, a.id",
    "quotes": "ORDER BY (SELECT count(*) FROM occurrences o WHERE o.article_id = a.id) DESC, a.published IS NULL, a.published DESC, a.id DESC",
    "title": "ORDER BY coalesce(a.title, a.doc) COLLATE NOCASE, a.id",
}


@pytest.mark.parametrize("sort", list(ARTICLE_ORDERS))
def test_articles_list_is_sorted_and_paged(web, web_db, monkeypatch, sort):
    from quotegraph.web import views

    with _db(web_db) as conn:
        expected = [str(r[0]) for r in conn.execute(f"SELECT a.id FROM articles a {ARTICLE_ORDERS[sort]}")]
    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    assert len(expected) > 4
    assert _walk(web, f"/articles?sort={sort}", r'<a class="title" href="/articles/(\d+)"') == expected


@pytest.mark.parametrize(
    "path, present, absent",
    [
        ("/speakers?name=khan", ["Sadiq Khan", "Imran Khan"], ["Antonio Guterres"]),
        ("/speakers?name=Guterres&type=PERSON", ["Antonio Guterres"], ["Sadiq Khan"]),
        ("/speakers?type=ORG", [], ["Antonio Guterres"]),
        ("/articles?outlet=City", ["City Example"], ["Harbour News"]),
        ("/articles?since=2021-01&until=2021-01", ["Port reopens after the storm"], ["UN chief warns"]),
        ("/articles?title=port", ["Port reopens after the storm"], ["UN chief warns"]),
    ],
)
def test_list_filters(web, path, present, absent):
    html = is_page(web.get(path))
    for words in present:
        assert words in html
    for words in absent:
        assert words not in html


@pytest.mark.parametrize(
    "path, words",
    [
        ("/speakers?sort=loudest", "sort: &#39;loudest&#39; is not one of statements, quotes, name, recent"),
        ("/speakers?type=ALIEN", "type: &#39;ALIEN&#39; is not one of PERSON"),
        ("/articles?since=2021-13", "since: &#39;2021-13&#39; is not a date"),
        ("/articles?sort=%3Cscript%3E", "&#39;&lt;script&gt;&#39; is not one of"),
        ("/search?sort=random", "sort: &#39;random&#39; is not an order of results"),
    ],
)
def test_list_and_search_orders_refuse_what_they_do_not_know(web, path, words):
    assert words in is_page(web.get(path), 400)


@pytest.mark.parametrize("q", ["", "the", "port OR vigilant OR buses"])
@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_search_sorts_by_date(web, web_db, q, sort):
    html = is_page(web.get("/search", params={"q": q, "sort": sort}))
    dates = re.findall(r'<time class="when">([^<]+)</time>', html)
    assert len(dates) >= 2 and dates == sorted(dates, reverse=sort == "newest")
    assert f'<option value="{sort}" selected>' in html and f"sort={sort}" in re.search(r'href="/search\.csv\?([^"]*)"', html).group(1)


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"q": "port"},
        {"q": "said OR port", "sort": "oldest"},
        {"speaker": "Khan"},
        {"outlet": "City", "kind": "direct"},
        {"since": "2021"},
        {"q": "nothingmatchesthis"},
    ],
)
def test_search_csv_rows_are_the_exports_rows_for_the_same_query(web, web_db, params):
    import csv
    import io

    from quotegraph.model import SearchQuery
    from quotegraph.store.export import export
    from quotegraph.store.records import MAX_HITS
    from quotegraph.store.search import search

    r = web.get("/search.csv", params=params)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv") and "attachment" in r.headers["content-disposition"]
    query = SearchQuery(params.get("q", ""), params.get("speaker"), None, params.get("outlet"), params.get("since"), None, params.get("kind"), MAX_HITS)
    out = io.StringIO()
    with _db(web_db) as conn:
        ids = [h.statement_id for h in search(conn, query)] if query.text or query.filtered else None
        export(conn, "csv", out, ids)
    assert r.text == out.getvalue()
    rows = list(csv.reader(io.StringIO(r.text)))
    assert rows[0][:3] == ["article", "article_id", "url"] and ("source" in rows[0] and "speaker" in rows[0])
    assert (len(rows) > 1) == (params.get("q") != "nothingmatchesthis")


def test_search_csv_is_the_cli_export(web, web_db):
    from click.testing import CliRunner

    from quotegraph.cli import cli

    res = CliRunner().invoke(cli, ["export", "--db", web_db, "--format", "csv", "--search", "port"])
    assert res.exit_code == 0, res.output
    assert web.get("/search.csv", params={"q": "port"}).text.replace("\r\n", "\n") == res.stdout.replace("\r\n", "\n")


@pytest.mark.parametrize("params, words", [({"q": '"unterminated'}, "cannot read the search text"), ({"since": "2020-13"}, "is not a date")])
def test_search_csv_of_a_bad_search_is_the_search_page_with_its_message(web, params, words):
    html = is_page(web.get("/search.csv", params=params), 400)
    assert words in html.replace("&#34;", '"')


def test_nav_links_every_page(web):
    html = is_page(web.get("/"))
    for path in ("/search", "/speakers", "/articles", "/extract"):
        assert f'href="{path}"' in html
    assert web.get("/api").json()["endpoints"]  # the JSON index stays


@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_api_statements_sorts_by_date_as_the_page_does(web, sort):
    body = web.get("/api/statements", params={"sort": sort, "limit": 50}).json()
    dates = [s["first_seen"] for s in body["statements"] if s["first_seen"]]
    assert len(dates) >= 3 and dates == sorted(dates, reverse=sort == "newest")
    assert all("quote" in a and "source" in a for s in body["statements"] for a in s["articles"])
    assert web.get("/api/statements", params={"sort": "random"}).status_code == 422
