"""spaCy's entity recogniser on bounded pieces: memory flat for any length, entities as on the whole text."""

import pytest
import spacy

from quotegraph.nlp.components import chunk_bounds


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


@pytest.mark.parametrize(
    "text, max_chars, cut_after",
    [
        ("Short text. Fits.", 100, []),
        # A paragraph break is preferred to a sentence end, a sentence end to any space.
        ("One two three.\n\nFour five six seven.", 22, ["\n\n"]),
        ("One two three. Four five six seven eight", 25, ["."]),
        ("aaaa bbbb cccc dddd eeee ffff", 12, ["bbbb", "dddd"]),
        # A token longer than the limit is a chunk of its own, never split.
        ("x " + "y" * 40 + " z", 10, ["x", "y" * 40]),
        ("", 10, []),
    ],
)
def test_bounded_ner_chunks_cut_at_the_best_break(blank, text, max_chars, cut_after):
    doc = blank(text)
    bounds = chunk_bounds(doc, max_chars)
    # In order, without gaps or overlaps, covering every token.
    assert [a for a, _ in bounds[1:]] == [b for _, b in bounds[:-1]]
    assert sum(b - a for a, b in bounds) == len(doc) and (not bounds or bounds[0][0] == 0)
    assert [doc[b - 1].text for _, b in bounds[:-1]] == cut_after
    for a, b in bounds:
        piece = doc[a:b]
        assert len(piece.text) <= max_chars or b - a == 1 or "\n" not in piece.text


@pytest.mark.model
def test_bounded_ner_finds_the_entities_of_the_whole_text(example_text):
    """Cut into pieces of 800 characters, the example has the entities that spaCy finds in it whole
    (the same spans and labels away from the cuts; at most one differs at a cut)."""
    from quotegraph.pipeline import SPACY_MODEL, load_pipeline

    whole = spacy.load(SPACY_MODEL, exclude=["tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer"])
    expected = {(e.start_char, e.end_char, e.label_) for e in whole(example_text).ents}
    ner = load_pipeline().get_pipe("ner")
    old = ner.max_chars, ner.batch_chars
    try:
        ner.max_chars, ner.batch_chars = 800, 1600
        doc = ner(load_pipeline().make_doc(example_text))
        assert len(chunk_bounds(doc, 800)) > 3
    finally:
        ner.max_chars, ner.batch_chars = old
    got = {(e.start_char, e.end_char, e.label_) for e in doc.ents}
    assert len(expected ^ got) <= 2, sorted(expected ^ got)
    assert len(expected) > 20
