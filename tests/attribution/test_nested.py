"""Nested attributions (issue 12, point 1): which contents get a second pass, and what that pass may add, on hand-built tags."""

import numpy as np
import pytest

from quotegraph.attribution.encoding import LABEL_ID, LABELS, gold_tags, words_of
from quotegraph.attribution.extract import quoted_mask
from quotegraph.attribution.nested import Candidate, NestedSettings, candidates, find_nested, inner_quotes
from quotegraph.model import Quote, Span


def _span(text: str, part: str) -> Span:
    s = text.index(part)
    return Span.of(text, s, s + len(part))


def outer(text: str, cue: str, source: str, content: str) -> Quote:
    return Quote("indirect", _span(text, cue), [_span(text, source)], [_span(text, content)])


def first_pass(text: str, cue_probs: dict[str, float]) -> tuple[list, np.ndarray]:
    """Words of ``text`` and probabilities: O everywhere, but B-CUE ``p`` for the first word ``w`` of each ``{w: p}``."""
    words = words_of(text)
    probs = np.zeros((len(words), len(LABELS)))
    probs[:, LABEL_ID["O"]] = 1.0
    for w, p in cue_probs.items():
        k = next(i for i, x in enumerate(words) if x.text == w)
        probs[k] = 0.0
        probs[k, LABEL_ID["B-CUE"]] = p
        probs[k, LABEL_ID["O"]] = 1 - p
    return words, probs


TEXT = "Officials said Reyes denied taking money from the company last year."
CONTENT = "Reyes denied taking money from the company last year"


@pytest.mark.parametrize(
    "cue_probs, settings, gate",
    [
        # A reporting verb inside the content the first pass leant to: a second pass.
        ({"denied": 0.3}, NestedSettings(), ["denied"]),
        # ... not when the first pass all but ruled it out,
        ({"denied": 0.05}, NestedSettings(), []),
        # ... nor for a word that reports nothing, however likely a cue,
        ({"taking": 0.9}, NestedSettings(), []),
        # ... nor for a content too short to hold an attribution of its own.
        ({"denied": 0.3}, NestedSettings(min_words=20), []),
    ],
)
def test_nested_candidates_need_a_reporting_verb_the_first_pass_leant_to(cue_probs, settings, gate):
    words, probs = first_pass(TEXT, cue_probs)
    found = candidates(words, probs, [outer(TEXT, "said", "Officials", CONTENT)], settings)
    assert [TEXT[s : s + len(TEXT[s:].split()[0])] for c in found for s in sorted(c.cue_starts)] == gate


def test_nested_candidates_skip_the_contents_first_word():
    text = "Officials said denied claims were never filed by anyone at all."
    words, probs = first_pass(text, {"denied": 0.9})
    assert candidates(words, probs, [outer(text, "said", "Officials", "denied claims were never filed by anyone at all")]) == []


def second_pass(text: str, start: int, end: int, marks: dict[str, str]) -> tuple[list, np.ndarray]:
    """The content's words and near-certain probabilities for the tags ``{substring: role}`` gives them."""
    words = words_of(text, start, end)
    att = {"cue": [], "source": [], "content": []}
    for sub, role in marks.items():
        s = text.index(sub)
        att[role].append((s, s + len(sub)))
    probs = np.full((len(words), len(LABELS)), 0.01)
    for k, t in enumerate(gold_tags(words, [att])):
        probs[k, LABEL_ID[t]] = 0.94
    return words, probs


# (second-pass marks, the verbs the gate lets through, settings, the inner attribution found: (cue, source, contents) or None)
INNER = [
    ({"Reyes": "source", "denied": "cue", "taking money from the company last year": "content"}, ["denied"], NestedSettings(),
     ("denied", ["Reyes"], ["taking money from the company last year"])),
    # No source: no inner attribution unless asked for.
    ({"denied": "cue", "taking money from the company last year": "content"}, ["denied"], NestedSettings(), None),
    ({"denied": "cue", "taking money from the company last year": "content"}, ["denied"], NestedSettings(require_source=False),
     ("denied", [], ["taking money from the company last year"])),
    # A cue the gate did not let through ("taking" is no reporting verb).
    ({"Reyes": "source", "taking": "cue", "money from the company last year": "content"}, ["denied"], NestedSettings(), None),
    # A cue with no content is no attribution.
    ({"Reyes": "source", "denied": "cue"}, ["denied"], NestedSettings(), None),
]


@pytest.mark.parametrize("marks, gate, settings, expected", INNER)
def test_nested_inner_quotes(marks, gate, settings, expected):
    out = outer(TEXT, "said", "Officials", CONTENT)
    c = out.contents[0]
    words, probs = second_pass(TEXT, c.start, c.end, marks)
    cand = Candidate(0, c.start, c.end, words, frozenset(TEXT.index(g) for g in gate))
    found = inner_quotes(TEXT, cand, probs, quoted_mask(TEXT, 0, len(TEXT)), [out], settings)
    got = [(q.cue.text, [s.text for s in q.sources], [x.text for x in q.contents]) for q in found]
    assert got == ([expected] if expected else [])


def test_nested_find_keeps_the_outer_and_adds_the_inner():
    out = outer(TEXT, "said", "Officials", CONTENT)
    words, probs = first_pass(TEXT, {"denied": 0.3})
    c = out.contents[0]
    calls = []

    def tag(docs):
        calls.extend(docs)
        return [second_pass(TEXT, c.start, c.end, {"Reyes": "source", "denied": "cue", "taking money from the company last year": "content"})[1]]

    found = find_nested(TEXT, words, probs, [out], tag)
    assert [(q.cue.text, q.sources[0].text) for q in found] == [("denied", "Reyes")]
    assert out.contents[0].text == CONTENT  # the outer attribution is left as it was
    assert [t for t, _ in calls] == [TEXT[: c.end]]  # the content is read up to its end, once


def test_nested_find_runs_no_second_pass_without_a_candidate():
    words, probs = first_pass(TEXT, {})

    def tag(docs):
        raise AssertionError("no second pass expected")

    assert find_nested(TEXT, words, probs, [outer(TEXT, "said", "Officials", CONTENT)], tag) == []
