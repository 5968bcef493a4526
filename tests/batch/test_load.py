"""A batch's Parquet output carries what its workers prepared for the store (each article's dates, each speaker's
name forms), so that ``ingest`` does not find them again; the store it loads is the one it loads from a part
written without them (prepared by ``ingest`` itself), whatever the options: quotes dropped as unconfident (a
date then goes to the next quote whose sentence holds it) and a publication date given to undated records (the
dates are then found again against it)."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from quotegraph.batch.parquet import ARTICLES, FORMAT, QUOTES, PartWriter, part_counts, part_path, read_part, write_manifest
from quotegraph.batch.workers import Parsed
from quotegraph.corpus import ingest
from quotegraph.ingest.dates import date_article
from quotegraph.model import Article, Document, Quote, Span, Speaker
from quotegraph.store.db import open_store
from tests.store.test_writer import CASES

# Two quotes in one sentence, the first unconfident: the date is in the sentence of both.
SHARED = "Story 90\n\n“We will win,” said Ann Lee, and “we will not,” said Bob Roe on Sunday.\n\nThe end."


def shared() -> tuple[Document, Article]:
    t = SHARED
    a, b = t.index("“We"), t.index("“we")
    quotes = [
        Quote("direct", Span.of(t, t.index("said Ann"), t.index("said Ann") + 4), [Span.of(t, t.index("Ann"), t.index("Ann") + 7)],
              [Span.of(t, a, t.index("”", a) + 1)], Speaker("Ann Lee", None, "PERSON"), 0.1),  # unconfident
        Quote("direct", Span.of(t, t.index("said Bob"), t.index("said Bob") + 4), [Span.of(t, t.index("Bob"), t.index("Bob") + 7)],
              [Span.of(t, b, t.index("”", b) + 1)], Speaker("Bob Roe", None, "PERSON"), 0.9),
    ]
    doc = Document(t, "loc90", url="https://example.org/90", title="Story 90", published="2020-11-18", published_source="metadata")
    return doc, Article("doc90", t, (10, len(t)), quotes, "2020-11-18", [])


def records() -> list[Parsed]:
    """Every article of the writer's cases under a URL of its own (the first quote of every third made unconfident)."""
    out = []
    items = [item for case in CASES.values() for item in case] + [shared()]
    for n, (doc, art) in enumerate(items):
        quotes = [replace(q, confidence=0.1) if k == 0 and n % 3 == 0 else q for k, q in enumerate(art.quotes)]
        doc = replace(doc, location=f"in.warc@{n}", url=f"https://example.org/{n}" if doc.url != "https://example.org/90" else doc.url)
        out.append(Parsed(f"in.warc@{n}", doc=doc, article=replace(art, quotes=quotes)))
    return out


def write_output(out, strip: bool = False) -> None:
    """A batch output of one part; ``strip``: as a part written before the workers prepared articles."""
    os.makedirs(out / ARTICLES)
    os.makedirs(out / QUOTES)
    writer = PartWriter(str(out), "part-0")
    for p in records():
        writer.add(p)
    writer.close()
    if strip:
        for table, column in ((ARTICLES, "dates"), (QUOTES, "speaker_forms")):
            path = part_path(str(out), table, "part-0")
            pq.write_table(pq.read_table(path).drop_columns([column]), path)
    write_manifest(str(out), {"format": FORMAT, "inputs": {}, "splits": {}, "parts": [part_counts(str(out), "part-0")]})


def dump(db: str) -> dict[str, list[tuple]]:
    with open_store(db) as s:
        tables = [r[0] for r in s.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'statement_search%' "
                                               "AND name NOT LIKE 'sqlite_%' AND name NOT IN ('migrations', 'search_seq')")]
        return {t: sorted(s.conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables if t != "failures"} | {
            "articles": s.conn.execute("SELECT id, url, published, published_source, location FROM articles ORDER BY id").fetchall()
        }


def test_load_workers_prepared_what_ingest_reads(tmp_path):
    write_output(tmp_path / "out")
    parsed = [p for p in read_part(str(tmp_path / "out"), "part-0")]
    assert all(p.article is not None and p.article.dating is not None for p in parsed)
    assert all(q.speaker.forms is not None for p in parsed for q in p.article.quotes if q.speaker)  # type: ignore[union-attr]
    # The dates the workers found are those found here, each with every quote whose sentence holds it.
    for p in parsed:
        assert p.article.dating == date_article(p.doc, replace(p.article, dating=None)).dating  # type: ignore[arg-type, union-attr]
    (both,) = [m for p in parsed if p.doc.url.endswith("/90") for m in p.article.dating.mentions if m.expression == "Sunday"]  # type: ignore[union-attr]
    assert (both.quote, both.quotes) == (0, (0, 1))


@pytest.mark.parametrize(
    "options",
    [{}, {"min_confidence": 0.5}, {"published": "2021-03-04"}, {"min_confidence": 0.5, "published": "2021-03-04"}],
    ids=["as extracted", "unconfident dropped", "date given", "both"],
)
def test_load_prepared_output_gives_the_store_an_unprepared_one_gives(tmp_path, options):
    write_output(tmp_path / "prepared")
    write_output(tmp_path / "unprepared", strip=True)
    a, b = str(tmp_path / "a.db"), str(tmp_path / "b.db")
    sa = ingest([str(tmp_path / "prepared")], db=a, jobs=1, extractor="no.such:extractor", **options)
    sb = ingest([str(tmp_path / "unprepared")], db=b, jobs=1, extractor="no.such:extractor", **options)
    assert (sa.articles, sa.duplicates) == (sb.articles, sb.duplicates) and sa.articles > 15 and sa.duplicates > 0  # cases share texts
    assert dump(a) == dump(b)
    if "min_confidence" in options:
        assert sa.unconfident > 0
        with open_store(a) as s:
            # The date of the shared sentence goes to the second quote once the first is dropped.
            row = s.conn.execute(
                "SELECT o.position, o.speaker_name FROM date_mentions d JOIN occurrences o ON o.id = d.occurrence_id "
                "JOIN articles a ON a.id = d.article_id WHERE a.url LIKE '%/90' AND d.expression = 'Sunday'"
            ).fetchall()
            assert row == [(0, "Bob Roe")]


@pytest.mark.parametrize(
    ("confidences", "quotes", "kept"),
    [
        ([0.9, 0.9, 0.9], (1, 2), (1, (1, 2))),  # all kept: as it was
        ([0.1, 0.9, 0.9], (1, 2), (0, (0, 1))),  # an earlier quote dropped: the indexes move down
        ([0.9, 0.1, 0.9], (1, 2), (1, (1,))),  # its first quote dropped: the next one that holds it
        ([0.9, 0.1, 0.1], (1, 2), (None, ())),  # none left: the article's date, no quote's
        ([0.1, 0.9, 0.9], (), (None, ())),  # in no quote's sentence
    ],
)
def test_load_confident_gives_a_date_to_the_first_kept_quote_that_holds_it(confidences, quotes, kept):
    doc, art = shared()
    art = replace(art, quotes=[replace(art.quotes[0], confidence=c) for c in confidences])
    dated = date_article(doc, art)
    assert dated.dating is not None
    dated.dating.mentions = [replace(dated.dating.mentions[0], quotes=quotes)]
    (m,) = dated.confident(0.5).dating.mentions  # type: ignore[union-attr]
    assert (m.quote, m.quotes) == kept


def test_load_a_record_that_cannot_be_prepared_fails_alone(tmp_path, monkeypatch):
    """A bug in dating one article (here, a raise for one text) fails that record with its reason, in the batch
    workers' part as in ingest; the other records are written and stored."""
    import quotegraph.ingest.dates as dates
    import quotegraph.ingest.prepare as prepare_module

    real = dates.date_article
    write_output(tmp_path / "old", strip=True)  # written before the bug: ingest prepares its records itself

    def breaks_on_one(doc, art):  # type: ignore[no-untyped-def]
        if "Story 90" in art.text:
            raise RuntimeError("broken date")
        return real(doc, art)

    monkeypatch.setattr(dates, "date_article", breaks_on_one)
    monkeypatch.setattr(prepare_module, "date_article", breaks_on_one)
    write_output(tmp_path / "out")
    rows = pq.read_table(part_path(str(tmp_path / "out"), ARTICLES, "part-0")).to_pylist()
    (bad,) = [r for r in rows if r["error"]]
    assert "could not be prepared for the store (RuntimeError: broken date)" in bad["error"] and bad["url"].endswith("/90")
    assert not [q for q in pq.read_table(part_path(str(tmp_path / "out"), QUOTES, "part-0")).to_pylist() if q["article_id"] == bad["id"]]
    loaded = ingest([str(tmp_path / "out")], db=str(tmp_path / "a.db"), jobs=1, extractor="no.such:extractor")
    assert loaded.failures == 1 and loaded.articles > 15
    # ingest's own preparing (a part written before the workers prepared): the same record fails, alone.
    assert not [r for r in pq.read_table(part_path(str(tmp_path / "old"), ARTICLES, "part-0")).to_pylist() if r["error"]]
    loaded = ingest([str(tmp_path / "old")], db=str(tmp_path / "b.db"), jobs=1, extractor="no.such:extractor")
    assert loaded.failures == 1 and loaded.articles > 15 and "could not be prepared" in loaded.failed[0]


@pytest.mark.parametrize("table", [QUOTES, ARTICLES])
def test_load_a_part_that_cannot_be_read_fails_alone(tmp_path, table):
    """A part truncated or corrupted on disk is a failure with its reason; the other parts are loaded."""
    out = tmp_path / "out"
    os.makedirs(out / ARTICLES)
    os.makedirs(out / QUOTES)
    items = records()
    for name, part in (("part-0", items[:10]), ("part-1", items[10:])):
        writer = PartWriter(str(out), name)
        for p in part:
            writer.add(p)
        writer.close()
    write_manifest(str(out), {"format": FORMAT, "inputs": {}, "splits": {}, "parts": [part_counts(str(out), n) for n in ("part-0", "part-1")]})
    path = Path(part_path(str(out), table, "part-0"))
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])  # truncated
    loaded = ingest([str(out)], db=str(tmp_path / "a.db"), jobs=1, extractor="no.such:extractor")
    assert loaded.failures == 1 and "part-0 cannot be read" in loaded.failed[0] and "run the batch again" in loaded.failed[0]
    assert loaded.articles + loaded.duplicates == len(items) - 10


@pytest.mark.parametrize("manifest", [b'{"format": "quotegraph-batch/1", "parts": [', b"\x00\x01binary", b""])
def test_load_a_manifest_that_cannot_be_read_is_a_clear_error(tmp_path, manifest):
    """A manifest cut short or overwritten: ingest says the folder is no batch output, in one line."""
    from quotegraph.errors import InputError

    write_output(tmp_path / "out")
    (tmp_path / "out" / "_manifest.json").write_bytes(manifest)
    with pytest.raises(InputError, match="is not a quotegraph batch manifest"):
        ingest([str(tmp_path / "out")], db=str(tmp_path / "a.db"), jobs=1, extractor="no.such:extractor")
