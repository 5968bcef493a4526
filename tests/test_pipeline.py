"""The whole-article pipeline: pieces of long texts, offsets, empty input."""

import pytest

from quotegraph import pipeline
from quotegraph.nlp import regions


@pytest.mark.parametrize("size", [50, 200, 1000])
def test_pipeline_pieces_cover_the_span_in_order(example_text, size):
    pieces = regions.pieces(example_text, 0, len(example_text), size)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(example_text)
    assert all(a[1] == b[0] for a, b in zip(pieces, pieces[1:]))
    assert all(e - s <= size for s, e in pieces)


@pytest.mark.model
def test_pipeline_long_text_in_pieces_keeps_offsets(example_text, monkeypatch):
    monkeypatch.setattr(regions, "PIECE_CHARS", 600)
    art = pipeline.extract(example_text)
    assert art.quotes
    for q in art.quotes:
        for s in [*q.contents, *q.sources] + ([q.cue] if q.cue else []):
            assert example_text[s.start : s.end] == s.text


@pytest.mark.model
@pytest.mark.parametrize("text", ["", "   \n\n", "\ufeff", "Leave a Comment\n", "“unbalanced quote, he said.\n” ” “"])
def test_pipeline_degenerate_texts_give_a_result(text):
    art = pipeline.extract(text)
    assert art.text == text
    assert all(text[c.start : c.end] == c.text for q in art.quotes for c in q.contents)


@pytest.mark.model
def test_pipeline_items_carry_the_pages_author_to_the_first_person():
    """An op-ed read from HTML: its byline went to the metadata, so "I" is the author the item gives."""
    from quotegraph.pipeline import extract_many

    text = ("Our cities need more trees\n\nEvery summer, my neighbourhood in Phoenix bakes.\n\n"
            "I believe we should convert a share of downtown parking into shaded public space.\n")
    with_author, without = extract_many([("a", text, "2023-08-01", "Laura Chen"), ("b", text, "2023-08-01")])
    said = [q for q in with_author.quotes if q.sources and q.sources[0].text == "I"]
    assert said and said[0].speaker is not None and said[0].speaker.name == "Laura Chen"
    assert not any(q.speaker is not None and q.speaker.name == "Laura Chen" for q in without.quotes)


@pytest.mark.model
def test_pipeline_names_garbled_by_a_wrong_charset_are_still_names():
    """UTF-8 read as Windows-1252 where the page was made ("SarukhÃ\x83Â¡n", which spaCy's recogniser takes for a number
    in some contexts): the recogniser reads the words repaired, token for token, so its entities are the same tokens of
    the text as given; the text and its offsets stay as given, the speaker is named as written before the damage."""
    from quotegraph.pipeline import extract, load_pipeline

    text = ("Mexico changes course.\n\nArturo Sarukh\u00c3\u0083\u00c2\u00a1n, Mexico's ambassador to the United States from 2007 "
            "to 2013, said Mexico must rebut the claims. The new strategy is a \"very welcome tack,\" he said.\n")
    bounded = load_pipeline().get_pipe("ner")
    seen: list[str] = []
    inner = bounded.ner

    class Spy:
        def pipe(self, docs, **kw):
            docs = list(docs)
            seen.extend(d.text for d in docs)
            return inner.pipe(docs, **kw)

    bounded.ner = Spy()
    try:
        art = extract(text)
    finally:
        bounded.ner = inner
    assert any("Arturo Sarukhán, Mexico" in t for t in seen) and not any("\u00c3" in t for t in seen)
    assert art.text == text
    he = [q for q in art.quotes if q.sources and q.sources[0].text == "he"]
    assert he and he[0].speaker is not None and he[0].speaker.name == "Arturo Sarukhán"
