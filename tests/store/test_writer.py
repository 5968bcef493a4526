"""A batch written by one ArticleWriter per transaction (what ``ingest`` does, directly or from a batch's
Parquet output) gives the store that ``add_article``, one article at a time, gives: same rows in every table.

The writer keeps in memory the statements it read and wrote (``StatementIndex``) for the rest of its
transaction; these cases are the ones where what it keeps decides: quotes repeated, trimmed or edited
across articles, a speaker known by surname, generic descriptions, undated articles, a store that
already holds statements, and a transaction rolled back."""

from __future__ import annotations

from dataclasses import replace

import pytest

from quotegraph.ingest.prepare import prepare
from quotegraph.model import Article, Document, Quote, Span, Speaker
from quotegraph.store.articles import ArticleWriter, add_article
from quotegraph.store.db import open_store

BASE = "“We must be more vigilant than ever, and we must act together now,”"
TRIM = "“We must be more vigilant than ever,”"
ELLIPSIS = "“We must be more vigilant … we must act together now,”"
EDIT = "“We must be more vigilant than ever, and we must act together today,”"
OTHER = "“The economy is growing faster than anyone expected this year,”"
LONG = "“We must be more vigilant than ever, and we must act together now, before it is too late for all of us,”"

GUTERRES = ("Antonio Guterres", "UN chief", "PERSON")
SURNAME = ("Guterres", None, "PERSON")
SADIQ, IMRAN, KHAN = ("Sadiq Khan", "Mayor", "PERSON"), ("Imran Khan", "Prime Minister", "PERSON"), ("Khan", "Mayor", "PERSON")
SOURCE = ("a source", None, "DESCRIPTION")
STATE = ("State Department", None, "ORG")


def article(n: int, quotes: list[tuple[str, tuple[str, str | None, str] | None]], published: str | None = "2020-11-18",
            dateline: bool = False, url: str | None = None, text_extra: str = "") -> tuple[Document, Article]:
    """An article whose paragraphs are the quoted wordings, each said by its speaker on Sunday."""
    head = f"Story {n}\n\n" + ("WASHINGTON, Nov. 17, 2020 — " if dateline else "")
    text, spans = head, []
    for wording, _ in quotes:
        start = len(text)
        text += wording
        spans.append((start, len(text)))
        text += " he said on Sunday.\n\n"
    text += f"Closing line {n}{text_extra} about last week."
    qs = [
        Quote("direct", Span.of(text, e + 1, e + 5), [Span.of(text, e + 1, e + 3)], [Span.of(text, s, e)],
              Speaker(*sp) if sp else None, 0.9)
        for (s, e), (_, sp) in zip(spans, quotes, strict=True)
    ]
    doc = Document(text, f"loc{n}", url=url if url is not None else f"https://example.org/{n}", title=f"Story {n}",
                   outlet="Example", published=published, published_source="metadata" if published else None)
    return doc, Article(f"doc{n}", text, (len(f"Story {n}\n\n"), len(text)), qs, published, [])


CASES = {
    "repeated across articles": [
        article(1, [(BASE, GUTERRES), (OTHER, STATE)]),
        article(2, [(BASE, GUTERRES), (BASE, None)]),
        article(3, [(BASE, SURNAME)]),
    ],
    "trimmed, ellipsis, fuller later": [
        article(1, [(TRIM, GUTERRES)]),
        article(2, [(ELLIPSIS, GUTERRES), (BASE, GUTERRES)]),
        article(3, [(LONG, SURNAME), (TRIM, GUTERRES)]),
        article(4, [("“and we must act together now,”", GUTERRES)]),  # found in the fuller text only
    ],
    "fuller text found": [
        article(1, [(TRIM, GUTERRES)]),
        article(2, [(BASE, GUTERRES)]),
        article(3, [("“and we must act together now,”", GUTERRES)]),
    ],
    "edited: drift": [
        article(1, [(BASE, GUTERRES)]),
        article(2, [(EDIT, GUTERRES), (EDIT, None)]),
        article(3, [(BASE, ("Mr. Guterres", "Secretary-General", "PERSON"))]),
    ],
    "surnames: two Khans": [
        article(1, [(OTHER, SADIQ)]),
        article(2, [(BASE, IMRAN)]),
        article(3, [(BASE, KHAN), (OTHER, KHAN)]),
        article(4, [(TRIM, ("Khan", "Prime Minister", "PERSON"))]),
    ],
    "a source in two copies": [
        article(1, [(BASE, SOURCE), (OTHER, SOURCE)]),
        article(2, [(BASE, SOURCE)], text_extra=" (copy)"),
        article(3, [(BASE, ("a spokesperson", None, "DESCRIPTION"))]),
    ],
    "undated, dateline, duplicates": [
        article(1, [(BASE, GUTERRES)], published=None),
        article(2, [(TRIM, GUTERRES)], published=None, dateline=True),
        article(3, [(BASE, GUTERRES)], published="2019-05"),
        article(1, [(OTHER, GUTERRES)], url="https://example.org/1"),  # same URL as the first: not stored again
        article(2, [(TRIM, GUTERRES)], published=None, dateline=True, url="https://example.org/copy"),  # same text
    ],
    "speaker learnt later": [
        article(1, [(BASE, None)]),
        article(2, [(BASE, GUTERRES)]),  # an unresolved speaker's statement takes the speaker of an exact copy
        article(3, [(EDIT, GUTERRES), (TRIM, None)]),  # ... and an edit of that speaker's joins it
        article(4, [(LONG, None), (EDIT, SURNAME)]),
    ],
    "no speaker, no words": [
        article(1, [("“…”", None), (BASE, None)]),
        article(2, [(BASE, None), ("“No,”", None)]),
        article(3, [("“No,”", GUTERRES)]),
    ],
}
TABLES = {
    "articles": "SELECT id, url, text_key, doc, outlet_id, published, published_granularity, published_source, text FROM articles",
    "outlets": "SELECT * FROM outlets",
    "speakers": "SELECT * FROM speakers",
    "speaker_aliases": "SELECT * FROM speaker_aliases ORDER BY speaker_id, key",
    "speaker_roles": "SELECT * FROM speaker_roles ORDER BY speaker_id, role",
    "statements": "SELECT * FROM statements",
    "statement_shingles": "SELECT * FROM statement_shingles",
    "occurrences": "SELECT * FROM occurrences",
    "date_mentions": "SELECT * FROM date_mentions",
    "search": "SELECT rowid, text FROM statement_search WHERE statement_search MATCH 'vigilant OR economy OR no' ORDER BY rowid",
}


def rows(store) -> dict[str, list[tuple]]:
    return {k: store.conn.execute(q).fetchall() for k, q in TABLES.items()}


def one_at_a_time(items) -> dict[str, list[tuple]]:
    store = open_store(":memory:")
    for doc, art in items:
        with store.transaction():
            add_article(store, doc, prepare(doc, art))
    return rows(store)


def in_batches(items, size: int, db: str = ":memory:", fail_first: bool = False) -> dict[str, list[tuple]]:
    store = open_store(db)
    for i in range(0, len(items), size):
        chunk = items[i : i + size]
        if fail_first and i == 0:
            # A batch rolled back half way (an error, or a kill) and written again by the next run.
            with pytest.raises(RuntimeError), store.transaction():
                writer = ArticleWriter(store)
                writer.prefetch(art for _, art in chunk)
                writer.add(chunk[0][0], prepare(*chunk[0]))
                raise RuntimeError("killed")
            store.close()
            store = open_store(db)
        prepared = [(doc, prepare(doc, art)) for doc, art in chunk]
        with store.transaction():
            writer = ArticleWriter(store)
            writer.prefetch(art for _, art in prepared)
            for doc, art in prepared:
                writer.add(doc, art)
            writer.flush()
    return rows(store)


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize(("size", "fail_first"), [(100, False), (2, False), (1, False), (2, True)])
def test_writer_batches_give_the_store_one_article_at_a_time_gives(case, size, fail_first, tmp_path):
    items = CASES[case]
    want = one_at_a_time(items)
    assert want["statements"] and want["occurrences"]
    assert in_batches(items, size, str(tmp_path / "q.db"), fail_first) == want


def test_writer_cases_exercise_every_match():
    """The cases above meet every kind of match and drift, so that the equality covers them."""
    matches, drift, rules = set(), False, set()
    for items in CASES.values():
        store = open_store(":memory:")
        for doc, art in items:
            with store.transaction():
                add_article(store, doc, prepare(doc, art))
        matches |= {r[0] for r in store.conn.execute("SELECT match FROM occurrences")}
        drift |= bool(store.conn.execute("SELECT max(drift) FROM statements").fetchone()[0])
        rules |= {r[0] for r in store.conn.execute("SELECT link_rule FROM occurrences WHERE link_rule IS NOT NULL")}
    assert matches == {"first", "exact", "trimmed", "edited"} and drift
    assert {"new", "alias", "surname", "article"} <= rules


def test_the_store_writes_the_dating_it_is_given():
    """Dates are worked out on the extraction side (``date_article``) and written as given: the publication date, its
    granularity and source, and each mention with the occurrence of the quote whose sentence holds it."""
    from quotegraph.model import DateMention, Dating

    doc, art = article(1, [(BASE, GUTERRES), (OTHER, STATE)])
    dated = prepare(doc, art)
    assert dated.dating is not None and dated.dating.published == "2020-11-18" and dated.dating.source == "metadata"
    on_sunday = [m for m in dated.dating.mentions if m.expression == "Sunday"]
    assert [(m.value, m.quote) for m in on_sunday] == [("2020-11-15", 0), ("2020-11-15", 1)]
    given = Dating("1999-12", "month", "dateline", [DateMention(0, 5, "Story", "1999-12-31", "day", (1,))])
    store = open_store(":memory:")
    with store.transaction():
        add_article(store, doc, replace(prepare(doc, art), dating=given))
    conn = store.conn
    assert conn.execute("SELECT published, published_granularity, published_source FROM articles").fetchone() == ("1999-12", "month", "dateline")
    second = conn.execute("SELECT id FROM occurrences WHERE position = 1").fetchone()[0]
    assert conn.execute("SELECT occurrence_id, start, end, expression, value, granularity FROM date_mentions").fetchall() == [
        (second, 0, 5, "Story", "1999-12-31", "day")
    ]


@pytest.mark.parametrize("missing", ["dating", "forms"])
def test_an_unprepared_article_is_refused_before_anything_is_written(missing):
    doc, art = article(1, [(BASE, GUTERRES)])
    if missing == "forms":
        art = replace(art, dating=prepare(doc, art).dating)  # dated, but its speaker has no name forms
    store = open_store(":memory:")
    with pytest.raises(ValueError, match="prepared .* before it is stored"):
        add_article(store, doc, art)
    assert store.counts()["articles"] == 0


def test_the_store_imports_no_text_analysis():
    """The store writes what it is given: none of its modules imports the date, name or text analysis of the extraction side."""
    import subprocess
    import sys

    code = ("import sys, quotegraph.store.articles, quotegraph.store.search, quotegraph.store.export, quotegraph.store.records; "
            "print(sorted(m for m in sys.modules if m.startswith(('quotegraph.ingest', 'quotegraph.attribution', 'quotegraph.speakers', 'spacy'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[]"


def test_the_store_compares_speakers_in_the_forms_it_is_given():
    """Two names the store is told are one name (the same key) are one speaker; the store does not read the names."""
    from quotegraph.model import NameForms

    store = open_store(":memory:")
    same = NameForms("PERSON:one person", "PERSON:one person", "PERSON:person")
    for n, name in enumerate(["Alpha Uno", "Beta Dos"], 1):
        doc, art = article(n, [(OTHER if n == 1 else BASE, (name, None, "PERSON"))])
        art = prepare(doc, art)
        q = art.quotes[0]
        art = replace(art, quotes=[replace(q, speaker=replace(q.speaker, forms=same))])
        with store.transaction():
            add_article(store, doc, art)
    rows = store.conn.execute("SELECT speaker_id, link_rule FROM occurrences ORDER BY id").fetchall()
    assert rows[0][0] == rows[1][0] and rows[1][1] == "alias"


def test_writer_logs_its_changes_for_the_search_index_and_resumes_the_triggers(tmp_path):
    """A writer logs every statement it wrote under one new number, its triggers paused meanwhile; after it,
    a change by any other writer is logged by the triggers again."""
    store = open_store(str(tmp_path / "q.db"))
    (before,) = store.conn.execute("SELECT n FROM search_seq").fetchone()
    items = CASES["repeated across articles"]
    with store.transaction():
        writer = ArticleWriter(store)
        for doc, art in items:
            writer.add(doc, prepare(doc, art))
        writer.flush()
    statements = {i for (i,) in store.conn.execute("SELECT id FROM statements")}
    assert statements
    assert store.conn.execute("SELECT n, paused FROM search_seq").fetchone() == (before + 1, 0)
    assert {i: n for i, n in store.conn.execute("SELECT statement_id, seq FROM search_changes")} == dict.fromkeys(statements, before + 1)
    with store.transaction():
        store.conn.execute("UPDATE statements SET kind = 'indirect' WHERE id = ?", (min(statements),))
    assert store.conn.execute("SELECT seq FROM search_changes WHERE statement_id = ?", (min(statements),)).fetchone() == (before + 2,)
    store.close()


def test_writer_flushes_only_inside_a_transaction(tmp_path):
    """Outside a transaction the paused triggers could outlive a crash: the writer refuses."""
    store = open_store(str(tmp_path / "q.db"))
    doc, art = CASES["repeated across articles"][0]
    writer = ArticleWriter(store)
    writer.add(doc, prepare(doc, art))  # its article row, in autocommit
    with pytest.raises(ValueError, match="inside the caller's transaction"):
        writer.flush()
    assert store.conn.execute("SELECT paused FROM search_seq").fetchone() == (0,)
    store.close()
