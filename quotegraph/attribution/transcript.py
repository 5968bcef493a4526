"""Transcripts: answers a speaker label in capitals opens ("WALLACE: Let's start with ...", "KATE BOULDUAN: Why not
debate?"), as news sites print an interview or a show's exchange, each paragraph often opened by a quotation mark.

The tagger reads a window at a time and has no cue word to go on, so it drops such answers or strings them together
across paragraphs. Here, in an article that reads as a transcript (at least two labelled paragraphs, two speakers,
no label a heading such as "UPDATE:"), each labelled paragraph is one attribution: the label its source, the colon
its cue, the rest of the paragraph its content, as PolNeAR annotates them. What the tagger made of the label or of
the answer's words from no source of their own goes; a statement the answer reports ("as The Wall Street Journal
wrote") stays one of its own. Paragraphs that go on with the answer are left to ``continuation``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..model import Quote, Span
from .continuation import paragraphs
from .statements import rules

# A label: up to four words in capitals (a title's abbreviation among them: "GOV. MIKE PENCE"), then a colon and the
# answer, after the quotation mark that may open the paragraph.
_LABEL = re.compile(r"([\"“‘']{0,2})[ \t]*((?:(?:[A-Z][A-Z’'.-]*[A-Z.]|[A-Z]\.)[ \t]+){0,3}[A-Z][A-Z’'-]*[A-Z])[ \t]*(:)[^\S\n]+(?=\S)")
# What closes the paragraph's quotation, left out of the content.
_CLOSERS = "\"”’'"
MIN_LABELS = 2  # labelled paragraphs an article needs to read as a transcript


def labelled(text: str) -> list[tuple[Span, Span, Span]]:
    """(label, colon, answer) of each paragraph a speaker label opens, where the article reads as a transcript; else none."""
    headings = rules().heading_labels  # ("UPDATE:", "CORRECTION:", "WATCH:")
    found = []
    for start, end in paragraphs(text):
        m = _LABEL.match(text, start, end)
        if m is None or m.group(2) in headings:
            continue
        answer_end = end
        while answer_end > m.end() and text[answer_end - 1] in _CLOSERS and m.group(1):
            answer_end -= 1  # the quotation the paragraph opened, closed at its end
        while answer_end > m.end() and text[answer_end - 1].isspace():
            answer_end -= 1
        if answer_end > m.end():
            found.append((Span.of(text, *m.span(2)), Span.of(text, *m.span(3)), Span.of(text, m.end(), answer_end)))
    speakers = {label.text.split()[-1] for label, _, _ in found}
    return found if len(found) >= MIN_LABELS and len(speakers) >= 2 else []


def _inside(s: Span, start: int, end: int) -> bool:
    return start <= s.start and s.end <= end


def transcript_answers(text: str, quotes: Sequence[Quote]) -> list[Quote]:
    """``quotes`` with each labelled answer of a transcript as one quote (raw confidence ``1.0``: the label and colon
    are certain), in place of what the tagger made of it."""
    answers = labelled(text)
    if not answers:
        return list(quotes)
    blocks = [(label.start, answer.end) for label, _, answer in answers]
    labels = [label for label, _, _ in answers]
    out: list[Quote] = []
    for q in quotes:
        spans = [*q.sources, *q.contents] + ([q.cue] if q.cue else [])
        touched = [b for b in blocks if any(s.start < b[1] and s.end > b[0] for s in spans)]
        if not touched:
            out.append(q)
            continue
        if any(s.start < lab.end and s.end > lab.start for s in q.sources for lab in labels):
            continue  # the tagger's reading of a label's answer
        if q.cue is not None and q.cue.text.strip() == ":":
            continue
        own = q.sources and all(any(_inside(s, *b) for b in touched) for s in q.sources) and q.cue is not None and any(
            _inside(q.cue, *b) for b in touched)
        if own:
            out.append(q)  # reported inside the answer ("as The Wall Street Journal wrote, ..."): a statement of its own
            continue
        kept = [c for c in q.contents if not any(c.start < b[1] and c.end > b[0] for b in blocks)]
        if q.sources and kept:
            out.append(replace(q, contents=kept))  # a quote before the label whose content ran on into the answer
    for label, colon, answer in answers:
        out.append(Quote("direct", colon, [label], [answer], confidence=1.0))
    out.sort(key=lambda q: q.start)
    return out
