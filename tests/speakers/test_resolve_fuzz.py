"""Property test: the resolver takes any text, mentions and sources without failing, and gives each quote either
no speaker or one with a name and a known type. How fast it is, is a benchmark's (``benchmarks/speed.py``); a call
that never ends (a regular expression running away) ends the test run with the traceback of where it hung."""

from __future__ import annotations

import faulthandler

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from quotegraph.model import Quote, Span
from quotegraph.speakers.resolve import Mention, resolve_speakers

WORDS = [
    "Sen.", "Tom", "Hale", "Ann", "Ray", "said", "he", "she", "his", "her", "who", "which", "that", "it", "they", "I", "me",
    "the", "a", "former", "president", "spokesman", "for", "of", "to", "under", "and", ",", ".", "“", "”", "\n\n", "As",
    "Both", "Mr.", "Maybe", "Trump", "Clinton", "campaign", "poll", "survey", "by", "CNN/ORC", "Reuters/Ipsos", "administration",
    "since", "2014", "Secretary-Treasurer", "Government", "Affairs", "Phil", "Smith", "Department", "Justice", "The", "Iranians",
    "Conceding", "park", "Streets", "was", "elected", "is", "a", "student", "whose", "—", ":", "Lou", "Jiwei", "Xi", "husband",
    "served", "as", "Florida", "Republican", "Sandy", "Hook", "Elementary", "School", "Sanford", "Gary", "Byrne", "Bryne",
    "Interestingly", "says", "A", "lawmaker", "head", "Woman", "GOP", "DNC", "Judge", "Peter", "Carter’s", "press", "secretary",
]
ALLOWED = {"PERSON", "ORG", "GPE", "DESCRIPTION"}
HANG_SECONDS = 120


@st.composite
def articles(draw):  # type: ignore[no-untyped-def]
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=60))
    text = " ".join(words)
    spans = []
    at = 0
    for w in words:
        start = text.index(w, at)
        spans.append((start, start + len(w)))
        at = start + len(w)
    n = len(spans)
    mentions = []
    for _ in range(draw(st.integers(0, 6))):
        i = draw(st.integers(0, n - 1))
        j = draw(st.integers(i, min(n - 1, i + 3)))
        mentions.append(Mention(spans[i][0], spans[j][1], draw(st.sampled_from(["PERSON", "ORG", "GPE", "NORP"]))))
    mentions.sort(key=lambda m: (m.start, -m.end))
    kept: list[Mention] = []
    for m in mentions:
        if not kept or m.start >= kept[-1].end:
            kept.append(m)
    quotes = []
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, n - 1))
        j = draw(st.integers(i, min(n - 1, i + 8)))
        src = Span.of(text, spans[i][0], spans[j][1])
        quotes.append(Quote("indirect", None, [src], [src]))
    return text, kept, quotes


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles(), st.sampled_from([None, "2016-05-04", "2009-01-20"]))
# Found by a draw: "that" after a run of verbs the recogniser took for an organisation's name gave a speaker named "".
@example(("Sen. Sen. Sen. Sen. Sen. Sen. said said said said that", [Mention(0, 4, "PERSON"), Mention(30, 49, "ORG")],
          [Quote("indirect", None, [Span(50, 54, "that")], [Span(50, 54, "that")])]), None)
def test_resolver_never_fails_and_ends(article, published):
    text, mentions, quotes = article
    # Not a time limit on the resolver (calls take milliseconds): a hang detector, far above any slow machine.
    faulthandler.dump_traceback_later(HANG_SECONDS, exit=True)
    try:
        resolve_speakers(text, quotes, mentions, published)
    finally:
        faulthandler.cancel_dump_traceback_later()
    for q in quotes:
        sp = q.speaker
        assert sp is None or (sp.name.strip() and sp.type in ALLOWED)
