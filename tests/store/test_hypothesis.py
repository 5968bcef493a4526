"""Round trips through the store: what goes in as an Article comes out the same (export, spans, counts)."""

from __future__ import annotations

import io
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotegraph.ingest.prepare import prepare
from quotegraph.model import Article, Document, Quote, SearchQuery, Span, Speaker
from quotegraph.store.articles import add_article
from quotegraph.store.db import open_store
from quotegraph.store.export import export
from quotegraph.store.search import search

WORD = st.text(alphabet=st.characters(categories=("L", "N"), max_codepoint=0x2FFF), min_size=1, max_size=8)
NAMES = st.sampled_from(["Antonio Guterres", "Guterres", "Sadiq Khan", "Imran Khan", "Khan", "State Department", "a source"])


@st.composite
def articles(draw):
    paragraphs = draw(st.lists(st.lists(WORD, min_size=3, max_size=12).map(" ".join), min_size=1, max_size=5))
    text = "Headline\n\n" + "\n\n".join(paragraphs)
    quotes = []
    for _ in range(draw(st.integers(0, 4))):
        a = draw(st.integers(0, len(text) - 1))
        b = draw(st.integers(a + 1, len(text)))
        c = draw(st.integers(0, len(text) - 1))
        name = draw(st.none() | NAMES)
        typ = "DESCRIPTION" if name == "a source" else "ORG" if name == "State Department" else "PERSON"
        speaker = (
            None
            if name is None
            else Speaker(
                name, draw(st.none() | st.sampled_from(["Mayor", "UN chief"])), typ, draw(st.sampled_from(["named", "pronoun"]))
            )
        )
        quotes.append(
            Quote(
                draw(st.sampled_from(["direct", "indirect", "mixed"])),
                Span.of(text, c, min(c + 4, len(text))),
                [Span.of(text, c, min(c + 3, len(text)))],
                [Span.of(text, a, b)],
                speaker,
                round(draw(st.floats(0, 1)), 4),
            )
        )
    published = draw(st.none() | st.dates().map(lambda d: d.isoformat()))
    return Article("doc", text, (0, len(text)), quotes, None, []), published


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(articles(), min_size=1, max_size=4))
def test_hypothesis_articles_round_trip_through_export(items):
    store = open_store(":memory:")
    stored = []
    for n, (art, published) in enumerate(items):
        art.doc = f"doc{n}"
        doc = Document(art.text, f"loc{n}", url=f"https://x.example/{n}", outlet="Outlet", published=published)
        with store.transaction():
            added = add_article(store, doc, prepare(doc, art))
        if added is not None:
            stored.append(art)
    out = io.StringIO()
    export(store.conn, "jsonl", out)
    recs = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(recs) == len(stored)
    for art, rec in zip(stored, recs, strict=True):
        want = art.to_json()
        for q_want, q_got in zip(want["quotes"], rec["quotes"], strict=True):
            for key in ("kind", "cue", "sources", "contents", "confidence"):
                assert q_got[key] == q_want[key]
            if q_want["speaker"] is None:
                assert q_got["speaker"] is None
            else:
                assert {k: q_got["speaker"][k] for k in ("name", "role", "type", "evidence", "gender", "gender_evidence")} == q_want["speaker"]
        assert rec["body"] == want["body"] and rec["doc"] == want["doc"]
    # Every occurrence belongs to exactly one statement; occurrence counts add up.
    c = store.conn
    assert (
        c.execute("SELECT coalesce(sum(occurrences), 0) FROM statements").fetchone()[0]
        == c.execute("SELECT count(*) FROM occurrences").fetchone()[0]
        == sum(len(a.quotes) for a in stored)
    )
    store.close()


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=30))
def test_hypothesis_any_search_text_is_results_or_a_clean_error(text):
    from quotegraph.errors import SearchSyntaxError

    store = open_store(":memory:")
    with store.transaction():
        art = Article("d", "Headline\n\n“Some words here to find,” said Ann Lee.", (0, 44), [], None, [])
        add_article(store, Document(art.text, "l"), prepare(Document(art.text, "l"), art))
    try:
        search(store.conn, SearchQuery(text))
    except SearchSyntaxError:
        pass
    store.close()


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["a", "b", "c"]), st.booleans()), min_size=1, max_size=8))
def test_hypothesis_same_article_twice_is_stored_once(seq):
    store = open_store(":memory:")
    texts = {"a": "Alpha story text.", "b": "Beta story text.", "c": "Gamma story text."}
    for key, with_url in seq:
        art = Article(key, texts[key], (0, len(texts[key])), [], None, [])
        doc = Document(texts[key], key, url=f"https://x/{key}" if with_url else None)
        with store.transaction():
            add_article(store, doc, prepare(doc, art))
    assert store.counts()["articles"] == len({k for k, _ in seq})
    store.close()
