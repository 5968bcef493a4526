"""Publication dates from evidence only (page metadata, URL), with their granularity; never from the body."""

from __future__ import annotations

import pytest

from quotegraph.ingest.html import parse_html
from quotegraph.ingest.pubdate import PubDate, page_date, parse_date, url_date

BODY = """<article><h1>Author looks back</h1>
<p>In his 2002 book, the author argued that cities would shrink. “I was wrong about that,” said John Smith on a visit.</p>
<p>He now lives in Boston with his family and teaches at a local college, where students read the book.</p>
<p>“Cities are where ideas meet,” Smith said, adding that he is writing a new book about them.</p>
</article>"""


def html_page(head: str = "", body: str = BODY) -> str:
    return f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Author looks back</title>{head}</head><body>{body}</body></html>'


UNDATED_URL = "https://news.example.com/books/author"


@pytest.mark.parametrize(
    ("head", "url", "expected"),
    [
        # Regression (issue 10, point 5): a year of the body became 1 January of it, as metadata.
        ("", UNDATED_URL, None),
        ("", None, None),
        ('<meta property="article:published_time" content="2019-11-05T08:00:00Z">', UNDATED_URL, PubDate("2019-11-05", "day", "metadata")),
        ('<meta name="date" content="2019">', UNDATED_URL, PubDate("2019", "year", "metadata")),
        ('<meta name="dc.date" content="November 2019">', UNDATED_URL, PubDate("2019-11", "month", "metadata")),
        ('<meta itemprop="datePublished" content="2019-11">', UNDATED_URL, PubDate("2019-11", "month", "metadata")),
        (
            '<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "datePublished": "2019-11-05T10:00:00+01:00"}]}</script>',
            UNDATED_URL,
            PubDate("2019-11-05", "day", "metadata"),
        ),
        ('<meta name="pubdate" content="20191105">', None, PubDate("2019-11-05", "day", "metadata")),
        ("", None, None),
        # The finest date given wins over a bare year.
        ('<meta name="date" content="2019"><meta property="article:published_time" content="2019-11-05">', None, PubDate("2019-11-05", "day", "metadata")),
        # Metadata wins over the URL; the URL serves when the page has none.
        ('<meta property="article:published_time" content="2019-11-05">', "https://x.example/2019/11/04/a", PubDate("2019-11-05", "day", "metadata")),
        ("", "https://x.example/2019/11/04/story", PubDate("2019-11-04", "day", "url")),
        ("", "https://x.example/2019/11/story", PubDate("2019-11", "month", "url")),
        # A modification date, a relative date or a CMS's zero date is not a publication date.
        ('<meta property="article:modified_time" content="2021-03-01">', UNDATED_URL, None),
        ('<meta name="date" content="3 hours ago">', UNDATED_URL, None),
        ('<meta name="date" content="1970-01-01T00:00:00Z">', UNDATED_URL, None),
        ('<meta name="date" content="0001-01-01">', UNDATED_URL, None),
        ('<meta name="date" content="2999-01-01">', UNDATED_URL, None),
    ],
)
def test_pubdate_page_date_from_evidence_only(head, url, expected):
    assert page_date(html_page(head), url) == expected


@pytest.mark.parametrize(
    ("head", "url", "published", "source"),
    [
        ("", UNDATED_URL, None, None),
        ('<meta property="article:published_time" content="2019-11-05T08:00:00Z">', UNDATED_URL, "2019-11-05", "metadata"),
        ('<meta name="date" content="2019">', UNDATED_URL, "2019", "metadata"),
        ("", "https://news.example.com/2019/11/05/author", "2019-11-05", "url"),
    ],
)
def test_pubdate_parse_html_keeps_evidence_granularity_and_source(head, url, published, source):
    doc = parse_html(html_page(head), "p.html", url=url)
    assert (doc.published, doc.published_source) == (published, source)


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ('<time class="entry-date published" datetime="2019-11-05T09:00:00+00:00">5 Nov</time>', PubDate("2019-11-05", "day", "metadata")),
        ('<time pubdate datetime="2019-11-05">5 Nov</time>', PubDate("2019-11-05", "day", "metadata")),
        ('<time itemprop="datePublished" datetime="2019-11">Nov</time>', PubDate("2019-11", "month", "metadata")),
        # A <time> that does not say it is the publication's, or a date written in the text, is no evidence.
        ('<time class="updated" datetime="2021-01-02">2 Jan</time>', None),
        ("<p>Posted January 3, 2002</p>", None),
    ],
)
def test_pubdate_page_date_from_time_markup_in_body(markup, expected):
    assert page_date(html_page(body=markup + BODY), UNDATED_URL) == expected


def test_pubdate_parse_html_canonical_url_gives_the_date():
    doc = parse_html(html_page('<link rel="canonical" href="https://news.example.com/2018/06/01/author">'), "p.html")
    assert (doc.published, doc.published_source) == ("2018-06-01", "url")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://x.example/2019/11/05/story", ("2019-11-05", "day")),
        ("https://x.example/news/2019-11-05-story", ("2019-11-05", "day")),
        ("https://x.example/news/20191105/story", ("2019-11-05", "day")),
        ("https://x.example/2019/11/story", ("2019-11", "month")),
        ("https://x.example/2019/story", ("2019", "year")),
        ("https://x.example/story-2019", None),
        ("https://x.example/p/12320191105", None),  # digits of an id
        ("https://x.example/2019/02/30/story", ("2019-02", "month")),  # no 30 February: the month stands
        ("https://x.example/story?date=2019-11-05", None),  # the query is not the page's address
        (None, None),
    ],
)
def test_pubdate_url_date(url, expected):
    assert url_date(url) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-11-05T08:00:00Z", ("2019-11-05", "day")),
        ("2019/11/05", ("2019-11-05", "day")),
        ("20191105", ("2019-11-05", "day")),
        ("Tue, 05 Nov 2019 10:00:00 GMT", ("2019-11-05", "day")),
        ("November 2019", ("2019-11", "month")),
        ("2019-11", ("2019-11", "month")),
        ("2019", ("2019", "year")),
        ("November 5", None),  # no year: it would be this year's
        ("yesterday", None),
        ("garbage", None),
    ],
)
def test_pubdate_parse_date_keeps_granularity(value, expected):
    assert parse_date(value) == expected
