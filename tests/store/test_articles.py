"""Publication dates as stored: from evidence only, with their granularity and source; a capture date dates nothing else."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from quotegraph.corpus import ingest
from quotegraph.store.db import open_store
from tests.store.fakes import FAKE

BODY = (
    "<article><h1>Author looks back</h1>"
    "<p>In his 2002 book, the author argued that cities would shrink and that nobody would live in them.</p>"
    "<p>“I was wrong about that,” said John Smith on Sunday, on a visit to the city where he now lives.</p>"
    "<p>He teaches at a local college, where students still read the book every year.</p></article>"
)
TEXT = "Author looks back\n\nIn his 2002 book, the author argued that cities would shrink.\n\n“I was wrong about that,” said John Smith on Sunday."
UNDATED_URL = "https://news.example.com/books/author"


def html_page(head: str = "") -> str:
    return f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Author looks back</title>{head}</head><body>{BODY}</body></html>'


def write_warc(path: Path, html: str, url: str, captured: str) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    body = html.encode("utf-8")
    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=False)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        w.write_record(
            w.create_warc_record(url, "response", payload=io.BytesIO(body), length=len(body), http_headers=headers, warc_headers_dict={"WARC-Date": captured})
        )


def _html(path: Path, head: str = "") -> Path:
    p = path / "page.html"
    p.write_text(html_page(head), encoding="utf-8")
    return p


def _jsonl(path: Path, record: dict) -> Path:
    p = path / "dump.jsonl"
    p.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    return p


def _warc(path: Path, head: str = "", url: str = UNDATED_URL) -> Path:
    p = path / "crawl.warc"
    write_warc(p, html_page(head), url, "2023-05-02T10:00:00Z")
    return p


def _text(path: Path, text: str) -> Path:
    p = path / "story.txt"
    p.write_text(text, encoding="utf-8")
    return p


CASES = {
    # Regression (issue 10, point 5): no date metadata and a year in the body gave 2002-01-01, "metadata".
    "no evidence": (lambda p: _html(p), (None, None, None)),
    "article:published_time": (
        lambda p: _html(p, '<meta property="article:published_time" content="2019-11-05T08:00:00Z">'),
        ("2019-11-05", "day", "metadata"),
    ),
    "year-only metadata": (lambda p: _html(p, '<meta name="date" content="2019">'), ("2019", "year", "metadata")),
    "URL": (lambda p: _warc(p, url="https://news.example.com/2019/11/05/author"), ("2019-11-05", "day", "url")),
    "dateline": (lambda p: _text(p, TEXT.replace("In his", "WASHINGTON, Nov. 5, 2019 — In his")), ("2019-11-05", "day", "dateline")),
    "capture only": (lambda p: _warc(p), ("2023-05-02", "day", "capture")),
    "metadata over capture": (
        lambda p: _warc(p, '<meta property="article:published_time" content="2019-11-05">'),
        ("2019-11-05", "day", "metadata"),
    ),
    "JSONL published (month)": (lambda p: _jsonl(p, {"text": TEXT, "published": "2019-11"}), ("2019-11", "month", "metadata")),
    "JSONL published over a URL date": (
        lambda p: _jsonl(p, {"html": html_page(), "url": "https://news.example.com/2019/11/05/author", "published": "2019-11-07"}),
        ("2019-11-07", "day", "metadata"),
    ),
    "JSONL garbage published, no evidence": (lambda p: _jsonl(p, {"text": TEXT, "published": "garbage"}), (None, None, None)),
}


@pytest.mark.parametrize("case", list(CASES))
def test_articles_publication_date_from_evidence(tmp_path, case):
    make, expected = CASES[case]
    src = tmp_path / "in"
    src.mkdir()
    db = str(tmp_path / "q.db")
    summary = ingest([str(make(src))], db=db, jobs=1, extractor=FAKE)
    assert summary.articles == 1, summary.failed
    with open_store(db) as s:
        row = s.conn.execute("SELECT published, published_granularity, published_source FROM articles").fetchone()
    assert tuple(row) == expected


def _seen(db: str) -> tuple:
    with open_store(db) as s:
        c = s.conn
        return (
            c.execute("SELECT first_seen, last_seen FROM speakers WHERE name = 'John Smith'").fetchone(),
            c.execute("SELECT first_seen FROM statements").fetchone(),
            [tuple(r) for r in c.execute("SELECT expression, value FROM date_mentions ORDER BY start")],
        )


def test_articles_capture_date_dates_no_speaker_statement_or_relative_expression(tmp_path):
    """A crawl date bounds publication from above; it is not when John Smith spoke, nor what "Sunday" was."""
    src = tmp_path / "in"
    src.mkdir()
    db = str(tmp_path / "q.db")
    ingest([str(_warc(src))], db=db, jobs=1, extractor=FAKE)
    assert _seen(db) == ((None, None), (None,), [])


def test_articles_publication_date_dates_speakers_statements_and_relative_expressions(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    db = str(tmp_path / "q.db")
    ingest([str(_warc(src, '<meta property="article:published_time" content="2019-11-06">'))], db=db, jobs=1, extractor=FAKE)
    assert _seen(db) == (("2019-11-06", "2019-11-06"), ("2019-11-06",), [("Sunday", "2019-11-03")])
