"""The bundled example article: the bar the core issue sets for it."""

import pytest

from quotegraph.eval.example import check_example

pytestmark = pytest.mark.model


def test_example_attributions_found(example_article, example_gold):
    r = check_example(example_article, example_gold)
    assert r["found"] >= 13, r["missed"]
    assert r["predicted"] <= 15


def test_example_no_statement_from_a_message_to_mark_a_day(example_article):
    # "The appeal came in his message to mark the first-ever 'International Day ...'" names an
    # occasion, not what anyone said (issue 12, point 5: statements.py, not_speech).
    assert not [q for q in example_article.quotes if q.cue and "mark" in q.cue.text]
    assert not [q for q in example_article.quotes if any(c.text.startswith("the first-ever") for c in q.contents)]


def test_example_speakers_resolved(example_article, example_gold):
    r = check_example(example_article, example_gold)
    assert r["resolved"] >= r["with_speaker"] - 1, r["speaker_misses"]


def test_example_nothing_from_boilerplate(example_article, example_gold):
    assert check_example(example_article, example_gold)["from_boilerplate"] == 0
    assert example_article.body[1] == example_gold["body_end"]


def test_example_roles(example_article):
    roles = {q.speaker.name: q.speaker.role for q in example_article.quotes if q.speaker and q.speaker.role}
    assert roles.get("Antonio Guterres") == "UN Secretary-General"
    assert roles.get("Lloyd Austin") == "US Defence Secretary"


def test_example_unnamed_spokesperson_stays_description(example_article):
    sp = [q.speaker for q in example_article.quotes if q.speaker and "Spokesperson" in q.speaker.name]
    assert sp and sp[0].type == "DESCRIPTION" and sp[0].name == "Foreign Office Spokesperson"


def test_example_added_has_no_source(example_article):
    q = [q for q in example_article.quotes if any("Issues of bilateral" in c.text for c in q.contents)]
    assert q and q[0].sources == [] and q[0].cue is not None and q[0].cue.text.endswith("added")
