"""From tagger probabilities to typed ``Quote`` records (spans, kind, confidence)."""

from __future__ import annotations

from typing import Sequence

import numpy as np

from ..model import Kind, Quote, Span
from .decode import Word, group_spans, spans_from_tags
from .encoding import LABELS

OPEN_QUOTES = "“‘«‹„"
CLOSE_QUOTES = "”’»›"
# Straight marks toggle; a single straight/curly apostrophe is too often an apostrophe to count.
QUOTE_CHARS = set("“”«»„\"")


def quoted_mask(text: str, start: int, end: int) -> np.ndarray:
    """True for each character of ``text[start:end]`` inside quotation marks.

    Quotes are tracked per paragraph; an unbalanced mark never raises, it just
    leaves the rest of the paragraph quoted (or not).
    """
    mask = np.zeros(end - start, dtype=bool)
    inside = False
    for i in range(start, end):
        ch = text[i]
        if ch == "\n":
            inside = False
        elif ch in "“«„":
            inside = True
        elif ch in "”»":
            inside = False
        elif ch == '"':
            inside = not inside
        else:
            mask[i - start] = inside
    return mask


def quote_kind(text: str, contents: Sequence[Span]) -> Kind:
    """direct: all content words inside quotation marks; indirect: none; mixed: some."""
    inside = total = 0
    for c in contents:
        lo = max(0, c.start - 1)
        hi = min(len(text), c.end + 1)
        para_lo = text.rfind("\n", 0, lo) + 1
        mask = quoted_mask(text, para_lo, hi)[c.start - para_lo : c.end - para_lo]
        for j, ch in enumerate(text[c.start : c.end]):
            if ch.isalnum():
                total += 1
                inside += bool(mask[j])
    if total == 0 or inside == 0:
        return "indirect"
    if inside >= 0.95 * total:
        return "direct"
    return "mixed"


# Cue words are rarer than the other roles and the decoder needs them all: a cue's
# probability is weighed up before choosing (chosen on PolNeAR dev).
CUE_WEIGHT = 1.5


def tags_from_probs(probs: np.ndarray, cue_weight: float = CUE_WEIGHT) -> list[str]:
    """Each word's role by the summed probability of its B- and I- tags, then B- or I-."""
    if not len(probs):
        return []
    role_p = np.stack([probs[:, 0], probs[:, 1] + probs[:, 2], probs[:, 3] + probs[:, 4], probs[:, 5] + probs[:, 6]], -1)
    role_p[:, 1] *= cue_weight
    roles = role_p.argmax(-1)
    out = []
    for i, r in enumerate(roles):
        if r == 0:
            out.append("O")
            continue
        b = 2 * r - 1
        out.append(LABELS[b] if probs[i, b] > probs[i, b + 1] else LABELS[b + 1])
    return out


def quotes_from_probs(text: str, words: Sequence[Word], probs: np.ndarray) -> list[Quote]:
    tags = tags_from_probs(probs)
    conf = probs.max(-1) if len(probs) else np.zeros(0)
    spans = spans_from_tags(tags, conf.tolist())
    quotes = []
    for g in group_spans(text, words, spans):

        def span(s):  # type: ignore[no-untyped-def]
            return Span.of(text, words[s.first].start, words[s.last].end)

        contents = [span(s) for s in g.contents]
        parts = [s.score for s in [*g.contents, *g.sources] + ([g.cue] if g.cue else [])]
        quotes.append(
            Quote(
                kind=quote_kind(text, contents),
                cue=span(g.cue) if g.cue else None,
                sources=[span(s) for s in g.sources],
                contents=contents,
                confidence=float(min(parts)) if parts else 0.0,
            )
        )
    return quotes
