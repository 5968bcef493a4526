"""Attributions nested in another's content: a second tagger pass over the contents where one can be (issue 12, point 1).

BIO tags give each word one role, so a report inside a content comes out of the first pass as
part of that content: in a PolNeAR dev article the content "Donald Trump's claim that there have
been 'thousands of shootings' in gun-controlled Chicago this year alone" swallows Trump's own
attribution. Here a content that holds a reporting verb the first pass leant to as a cue (its B-CUE
probability at least ``min_cue_prob``) is tagged again on its own, and what that pass decodes as an
attribution cued by such a verb, with a source, is added. The outer attribution stays as it is.

On PolNeAR dev (reference scorer) the step adds 2 quotes, 1 right: attribution F1 0.7700 -> 0.7701,
content exact 0.6262 -> 0.6269, span cue 0.7453 -> 0.7458, for 6 tagger windows (133 pieces) besides
the 763 of the first pass. The gate is strict: a report the first pass gave no lean to ("Smith said
Reyes denied ...") gets no second pass. Looser gates lose on PolNeAR, which gives each word one role
in one attribution, so that most reports inside a content ("what he called", "she said" inside a
quotation) belong to the outer content there: a second pass over every content of six words or
more (304 inner attributions), or over every one with a reporting verb, lost 0.004-0.006 attribution F1.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from ..model import Quote
from .calibration import calibrated
from .decode import Word
from .encoding import LABEL_ID
from .extract import grouped_quotes, quoted_mask
from .statements import screen

# Word forms that report speech, by language: an inner cue must hold one.
REPORTING_VERBS: dict[str, frozenset[str]] = {
    "en": frozenset(
        """say says said saying tell tells told telling ask asks asked asking claim claims claimed claiming
        report reports reported reporting state states stated describe describes described describing
        call calls called calling deny denies denied denying dub dubs dubbed write writes wrote written
        tweet tweets tweeted argue argues argued arguing add adds added note notes noted noting
        warn warns warned warning""".split()
    )
}


@dataclass(frozen=True)
class NestedSettings:
    """Where a second pass is run, and what it may add."""

    min_words: int = 6  # a content this short holds no attribution with a source and content of its own
    min_cue_prob: float = 0.15  # the first pass's B-CUE probability a reporting verb needs
    require_source: bool = True  # an inner attribution names who spoke
    language: str = "en"


@dataclass(frozen=True)
class Candidate:
    """A content worth a second pass: its words, and the starts of the words that may head an inner cue."""

    quote: int  # index of the outer quote
    start: int
    end: int
    words: list[Word]
    cue_starts: frozenset[int]


def candidates(
    words: Sequence[Word], probs: np.ndarray, quotes: Sequence[Quote], settings: NestedSettings = NestedSettings()
) -> list[Candidate]:
    """Contents of ``quotes`` of at least ``min_words`` words holding a reporting verb (not their first word)
    that the first pass (``probs`` of ``words``) gave a B-CUE probability of at least ``min_cue_prob``."""
    verbs = REPORTING_VERBS[settings.language]
    starts = [w.start for w in words]
    out = []
    for qi, q in enumerate(quotes):
        for c in q.contents:
            lo, hi = bisect.bisect_left(starts, c.start), bisect.bisect_left(starts, c.end)
            if hi - lo < settings.min_words:
                continue
            gate = frozenset(
                words[k].start
                for k in range(lo + 1, hi)
                if words[k].text.lower() in verbs and probs[k, LABEL_ID["B-CUE"]] >= settings.min_cue_prob
            )
            if gate:
                out.append(Candidate(qi, c.start, c.end, list(words[lo:hi]), gate))
    return out


def inner_quotes(
    text: str, cand: Candidate, probs: np.ndarray, mask: np.ndarray, outer: Sequence[Quote], settings: NestedSettings = NestedSettings()
) -> list[Quote]:
    """The attributions the second pass (``probs`` of ``cand.words``) finds inside the candidate content: cued
    by one of its gated verbs, with a source where ``require_source``, and no cue of a quote in ``outer``."""
    taken = {q.cue.start for q in outer if q.cue is not None}
    out = []
    for q in grouped_quotes(text, cand.words, probs, mask):
        if q.cue is None or q.cue.start in taken or not any(q.cue.start <= s < q.cue.end for s in cand.cue_starts):
            continue
        if settings.require_source and not q.sources:
            continue
        q.confidence = calibrated(q, q.confidence)
        out.append(q)
    return screen(text, out)


def find_nested(
    text: str,
    words: Sequence[Word],
    probs: np.ndarray,
    quotes: Sequence[Quote],
    tag: Callable[[Sequence[tuple[str, Sequence[Word]]]], list[np.ndarray]],
    settings: NestedSettings = NestedSettings(),
) -> list[Quote]:
    """The attributions nested in the contents of ``quotes`` (the first pass's, ``probs`` of ``words``); ``tag``
    is the tagger's ``word_probs_many``. Each candidate content is read on its own, up to its end."""
    cands = candidates(words, probs, quotes, settings)
    if not cands:
        return []
    mask = quoted_mask(text, 0, len(text))
    found: list[Quote] = []
    for cand, p in zip(cands, tag([(text[: c.end], c.words) for c in cands])):
        found.extend(inner_quotes(text, cand, p, mask, [*quotes, *found], settings))
    return found
