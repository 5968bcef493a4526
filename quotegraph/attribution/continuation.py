"""Quotes that run on over several paragraphs.

Newspapers quote at length by opening a quotation mark at the start of each paragraph
and closing it only at the end of the last ("We made hard choices. / "The parks budget
grows ... / "I ask the council to pass it."), or by following a speaker's quoted
paragraph with more quoted paragraphs that name no one. PolNeAR annotates each such
paragraph as a content span of the attribution that introduced the quote; the tagger
reads a window at a time and has no cue to tie them to, so it drops them or credits
them to whatever cue is near. Here each continuation paragraph is given to the quote
it continues.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from ..model import Quote, Span
from .marks import open_at_end, opens_quotation, runs_to_the_end

# A transcript's speaker label after the opening mark ("WALLACE: Do you ...") starts another speaker.
_LABEL = re.compile(r"[A-Z][A-Z.'\- ]{1,40}:")
# The fewest words of a closed quotation that a paragraph with no cue may continue.
MIN_WORDS = 5
_PARAGRAPH = re.compile(r"[^\n]+")
# A title in quotation marks ("'Legend in the Coal Fields.'", a newspaper's section heading) continues no one:
# at most this many words, each capitalised but these.
TITLE_WORDS = 10
_TITLE_LOWER = frozenset("a an and as at but by for from in nor of on or the to with".split())
_WORDS = re.compile(r"[^\W\d_][\w'’-]*")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line, surrounding whitespace left out."""
    out = []
    for m in _PARAGRAPH.finditer(text):
        s, e = m.span()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _spans(q: Quote) -> list[Span]:
    return [*q.sources, *q.contents] + ([q.cue] if q.cue else [])


def _within(s: Span, p: tuple[int, int]) -> bool:
    return p[0] <= s.start and s.end <= p[1]


def _touches(s: Span, p: tuple[int, int]) -> bool:
    return s.start < p[1] and s.end > p[0]


def continue_quotes(text: str, quotes: Sequence[Quote], mask: np.ndarray) -> list[Quote]:
    """``quotes`` with continuation paragraphs added to the quote they continue.

    A paragraph continues the quote whose content ends the paragraph before when it opens
    with a quotation mark, names no speaker and has no cue outside quotation marks, and
    either the paragraph before leaves its quotation open or that content was quoted.
    Quotes the tagger made inside such a paragraph from no source (fragments of the same
    quotation) go; content other quotes had there moves to the continued quote. ``mask``
    is ``quoted_mask`` of the whole text.
    """
    quotes = list(quotes)
    paras = paragraphs(text)
    for i in range(1, len(paras)):
        para, before = paras[i], paras[i - 1]
        if not opens_quotation(text, *para) or _LABEL.match(text, para[0] + 1, para[1]) or not runs_to_the_end(text, *para):
            continue
        paragraph = text[para[0] : para[1]]
        if _title(paragraph) or _aside(paragraph):
            continue
        here = [q for q in quotes if any(_touches(s, para) for s in _spans(q))]
        # A source there makes it an attribution of its own, and so does a cue outside the quotation.
        if any(q.sources and any(_touches(s, para) for s in q.sources) for q in here):
            continue
        cues = [q.cue for q in here if q.cue is not None and _touches(q.cue, para)]
        if any(not mask[c.start : c.end].any() for c in cues):
            continue
        ending = [q for q in quotes if q.contents and _touches(_last(q), before) and _last(q).end <= para[0]]
        if not ending:
            continue
        prev = max(ending, key=lambda q: _last(q).end)
        last = _last(prev)
        if not open_at_end(text, *before):
            # The quotation before was closed: only a whole quoted sentence or more is taken on,
            # by a paragraph with no cue at all ("homicidal ideation" is no speech to continue).
            if cues or not (mask[last.start : last.end].any() or _quoted_edge(text, last)) or len(last.text.split()) < MIN_WORDS:
                continue
        rest = []
        for q in quotes:
            if q is prev:
                continue
            if q.cue is not None and _within(q.cue, para) and not q.sources:
                continue  # the tagger's fragment of this quotation, from a cue inside it
            kept = [c for c in q.contents if not _touches(c, para)]
            if kept != q.contents:
                if not kept:
                    continue
                q = replace(q, contents=kept)
            rest.append(q)
        contents = [c for c in prev.contents if not _touches(c, para)] + [Span.of(text, *para)]
        quotes = [*rest, replace(prev, contents=sorted(contents, key=lambda c: c.start), kind="direct" if prev.kind == "direct" else "mixed")]
        quotes.sort(key=lambda q: q.start)
    return quotes


# What a paragraph opened by a quotation mark may hold that goes on with no one's quotation: a transcript's stage
# direction ("(CROSSTALK.)", "[APPLAUSE]") or a writer's sign-off ("Follow Pam Key on Twitter @pamkeyNEN.").
_ASIDE = re.compile(
    r"[\"“‘'\s]*(?:[(\[][^()\[\]]*[)\]][.\s]*|(?:Follow|Contact|Email|Reach)\b[^\n]{0,80}?(?:@\w|\bon (?:Twitter|X|Facebook|Instagram)\b)[^\n]*)"
)


def _aside(paragraph: str) -> bool:
    return _ASIDE.fullmatch(paragraph.rstrip("\"”’' \t")) is not None


def _title(paragraph: str) -> bool:
    words = _WORDS.findall(paragraph)
    return 2 <= len(words) <= TITLE_WORDS and all(w[0].isupper() or w in _TITLE_LOWER for w in words)


def _last(q: Quote) -> Span:
    return max(q.contents, key=lambda c: c.end)


def _quoted_edge(text: str, span: Span) -> bool:
    """A content that ends with a closing mark (``...them,”``), whatever the mask says of its words."""
    return bool(span.text.rstrip()) and span.text.rstrip()[-1] in "”»\"" or text[span.end : span.end + 1] in ("”", "»", '"')
