"""Ingest over awkward inputs (stand-in extractor): cut archives, records over the limit, skips, missing inputs."""

from __future__ import annotations

import json

import pytest

from quotegraph.corpus import ingest
from quotegraph.errors import InputError
from quotegraph.store.db import open_store
from tests.ingest.language_samples import GERMAN
from tests.ingest.pages import ARTICLES, page, write_warc
from tests.store.fakes import FAKE


def _rows(db: str, sql: str) -> list:
    with open_store(db) as s:
        return s.conn.execute(sql).fetchall()


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
@pytest.mark.parametrize("inside", [0.3, 0.6, 0.9])
def test_ingest_cut_archive_stores_no_partial_article_and_whole_one_later(tmp_path, name, inside):
    """Regression (issue 10): a truncated .warc.gz stored its cut record; the whole archive then skipped its URL."""
    path = write_warc(tmp_path / name, ARTICLES)
    whole = path.read_bytes()
    from quotegraph.ingest.sources import iter_records

    offsets = sorted(int(r.location.rsplit("@", 1)[1]) for r in iter_records([str(path)]))
    last = [r for r in iter_records([str(path)]) if getattr(r, "url", None) == ARTICLES[-1].url][0]
    start = int(last.location.rsplit("@", 1)[1])
    end = offsets[offsets.index(start) + 1]  # the image record after it
    cut = start + int((end - start) * inside)
    path.write_bytes(whole[:cut])
    db = str(tmp_path / "q.db")
    s = ingest([str(path)], db=db, jobs=1, extractor=FAKE)
    assert (s.articles, s.failures) == (len(ARTICLES) - 1, 1)
    assert s.failed[0].startswith(f"{path}@{start}: ")
    assert _rows(db, "SELECT location FROM failures") == [(f"{path}@{start}",)]
    assert _rows(db, f"SELECT count(*) FROM articles WHERE url = '{ARTICLES[-1].url}'") == [(0,)]
    path.write_bytes(whole)  # the whole archive, later
    s = ingest([str(path)], db=db, jobs=1, extractor=FAKE)
    assert (s.articles, s.duplicates, s.failures) == (1, len(ARTICLES) - 1, 0)
    assert _rows(db, "SELECT count(*) FROM failures") == [(0,)]
    (text,) = _rows(db, f"SELECT text FROM articles WHERE url = '{ARTICLES[-1].url}'")[0]
    assert text.endswith(ARTICLES[-1].paragraphs[-1])


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("big.txt", b"He said yes. " * 120_000),
        ("big.html", page(ARTICLES[0]).replace("</article>", "<p>" + "word " * 300_000 + "</p></article>").encode()),
        ("big.jsonl", (json.dumps({"text": "He said yes. " * 120_000}) + "\n").encode()),
        ("big.jsonl", (json.dumps({"html": "<p>" + "word " * 300_000 + "</p>"}) + "\n").encode()),
    ],
)
def test_ingest_every_record_has_the_size_limit(tmp_path, name, content):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / name).write_bytes(content)
    write_warc(tmp_path / "in" / "ok.warc", ARTICLES[:1])
    s = ingest([str(tmp_path / "in")], db=str(tmp_path / "q.db"), jobs=1, max_bytes=1_000_000, extractor=FAKE)
    assert s.articles == 1 and s.failures == 1  # the run goes on
    assert "is over the 1 MB limit (1 MB = 1,000,000 bytes)" in s.failed[0]


def test_ingest_warc_record_over_the_limit_fails(tmp_path):
    big = ARTICLES[0].__class__("Big", ["word " * 300_000], "https://x.example.com/big")
    write_warc(tmp_path / "a.warc.gz", [big, ARTICLES[1]])
    s = ingest([str(tmp_path / "a.warc.gz")], db=str(tmp_path / "q.db"), jobs=1, max_bytes=1_000_000, extractor=FAKE)
    assert (s.articles, s.failures) == (1, 1) and "over the 1 MB limit" in s.failed[0]


def test_ingest_skips_are_counted_with_reasons_apart_from_failures(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    write_warc(d / "crawl.warc", ARTICLES[:1])  # its request and image records: not HTML
    (d / "empty.txt").write_bytes(b"")
    (d / "de.txt").write_text(GERMAN, encoding="utf-8")
    (d / "ad.html").write_text("<html><body><div><a href='/x'><img src='/ad.gif'></a></div></body></html>", encoding="utf-8")
    (d / "d.jsonl").write_text(json.dumps({"text": "  "}) + "\n" + json.dumps({"text": GERMAN, "url": "https://de.example/1"}) + "\n", encoding="utf-8")
    db = str(tmp_path / "q.db")
    s = ingest([str(d)], db=db, jobs=1, extractor=FAKE)
    assert (s.articles, s.failures) == (1, 0)
    assert s.skip_reasons == {"not HTML": 1, "empty file": 1, "language de": 2, "no article text in the page": 1, "empty text": 1}
    assert s.skipped == 6 and s.records == 7
    assert _rows(db, "SELECT count(*) FROM failures") == [(0,)]


@pytest.mark.parametrize("path", ["nothere/", "nothere.warc.gz", "https://example.com/story", "http://example.com/a.warc"])
def test_ingest_missing_or_web_inputs_alone_are_an_error_and_make_no_database(tmp_path, path):
    """Regression (issue 10): `ingest nothere/` and `ingest https://...` exited 0 with an empty database."""
    db = tmp_path / "q.db"
    with pytest.raises(InputError, match="no such file or directory|not a crawler"):
        ingest([str(tmp_path / path) if "://" not in path else path], db=str(db), jobs=1, extractor=FAKE)
    assert not db.exists()


def test_ingest_missing_input_beside_good_ones_is_reported_and_the_rest_stored(tmp_path):
    write_warc(tmp_path / "ok.warc", ARTICLES[:1])
    s = ingest([str(tmp_path / "ok.warc"), "https://example.com/story"], db=str(tmp_path / "q.db"), jobs=1, extractor=FAKE)
    assert s.articles == 1 and len(s.missing) == 1 and "not a crawler" in s.missing[0]
