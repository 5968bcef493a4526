"""From tagger probabilities to typed ``Quote`` records (spans, kind, confidence)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from ..model import Kind, Quote, Span
from .calibration import calibrated
from .continuation import continue_quotes
from .decode import Word, group_spans, spans_from_tags
from .encoding import LABELS
from .linker import load_linker
from .marks import quoted_mask
from .statements import screen
from .transcript import transcript_answers


def quote_kind(text: str, contents: Sequence[Span], mask: np.ndarray | None = None) -> Kind:
    """direct: all content words inside quotation marks; indirect: none; mixed: some.

    ``mask`` is ``quoted_mask`` of the whole text, when the caller has it (a text of one long
    paragraph would otherwise be scanned from its start for every quote).
    """
    inside = total = 0
    for c in contents:
        if mask is not None:
            part = mask[c.start : c.end]
        else:
            para_lo = text.rfind("\n", 0, max(0, c.start - 1)) + 1
            para_hi = text.find("\n", c.end)
            part = quoted_mask(text, para_lo, len(text) if para_hi < 0 else para_hi)[c.start - para_lo : c.end - para_lo]
        for j, ch in enumerate(text[c.start : c.end]):
            if ch.isalnum():
                total += 1
                inside += bool(part[j])
    if total == 0 or inside == 0:
        return "indirect"
    if inside >= 0.95 * total:
        return "direct"
    return "mixed"


def _transitions() -> tuple[np.ndarray, np.ndarray]:
    """BIO constraints: an ``I-X`` follows only ``B-X`` or ``I-X``; nothing starts with ``I-``."""
    n = len(LABELS)
    trans = np.zeros((n, n))
    start = np.zeros(n)
    for j, lab in enumerate(LABELS):
        if lab.startswith("I-"):
            start[j] = -1e9
            for i, prev in enumerate(LABELS):
                if prev not in ("B-" + lab[2:], lab):
                    trans[i, j] = -1e9
    return trans, start


_TRANS, _START = _transitions()


# Log-probability bonus per label (O, B/I-CUE, B/I-SRC, B/I-CON), a hook for a tagger whose
# precision and recall are out of balance. An earlier, cautious tagger gained 0.4 attribution F1
# on dev from +0.5 on sources; the shipped one is balanced (dev attribution F1 0.765 with no
# bonus, 0.764-0.766 with 0.25-0.5 on sources, lower with any on content), so there is none.
LABEL_BIAS = np.zeros(len(LABELS))


def tags_from_probs(probs: np.ndarray, bias: np.ndarray | None = None) -> list[str]:
    """The most probable well-formed BIO sequence (Viterbi over the word probabilities).

    Whole spans rather than word-by-word choices: +2 attribution F1 and +5 content-exact
    F1 on PolNeAR dev over a per-word argmax.
    """
    n = len(probs)
    if n == 0:
        return []
    logp = np.log(probs + 1e-9) + (LABEL_BIAS if bias is None else bias)
    score = logp[0] + _START
    back = np.zeros((n, len(LABELS)), dtype=np.int8)
    for t in range(1, n):
        m = score[:, None] + _TRANS
        back[t] = m.argmax(0)
        score = m.max(0) + logp[t]
    best = [int(score.argmax())]
    for t in range(n - 1, 0, -1):
        best.append(int(back[t, best[-1]]))
    return [LABELS[i] for i in reversed(best)]


# "..., it was added." names no source: the "it" of a passive reporting verb is a dummy
# subject (PolNeAR annotates such attributions without a source).
PASSIVE_AUX = frozenset({"was", "is", "were", "are", "has", "have", "had", "been", "be"})


_PASSIVE_CUE = re.compile(r"(?:is|are|was|were|has been|have been|had been|being|been|be)\s+(?:\w+ly\s+)?\w+(?:ed|en|wn)\b", re.I)


# "it" right before a passive reporting verb ("…, it was added.", "it is learnt that") is a
# dummy subject whatever cue the grouping gave it to.
_IT_PASSIVE = re.compile(r"\s+(?:is|was|has been|had been)\s+(?:\w+ly\s+)?\w+(?:ed|en|wn|nt)\b", re.I)


def _expletive(sources: Sequence[Span], cue: Span, text: str) -> bool:
    """The subject of a passive cue is not who spoke ("it was added", "they were accused of")."""
    if len(sources) != 1:
        return False
    src = sources[0]
    is_it = src.text.strip().lower() == "it"
    if is_it and _IT_PASSIVE.match(text, src.end):
        return True
    if src.end > cue.start:
        return False
    if is_it:
        words = cue.text.split()
        return len(words) > 1 and words[0].lower() in PASSIVE_AUX
    return bool(_PASSIVE_CUE.match(cue.text))


# What may stand between two content spans of one quote that are one: spaces, and a comma the tagger left out
# ("After some challenges, [the company] beat expectations"). Not a dash, colon or semicolon: on PolNeAR dev
# joining at those cost an attribution and gained nothing a comma alone does not.
_JOINING_GAP = re.compile(r"\s*,?\s*")


def join_adjacent(text: str, spans: Sequence[Span]) -> list[Span]:
    """Content spans with nothing but spaces (or a comma) between them, in one paragraph, made one ("… in half.
    It was …" tagged as two sentences): one quotation read on, as annotators mark it (PolNeAR train: a sentence
    end inside one content span 2,312 times, two spans split there 377 times; a comma inside one 8,721 times,
    split at one once)."""
    out: list[Span] = []
    for sp in sorted(spans, key=lambda s: s.start):
        gap = text[out[-1].end : sp.start] if out and out[-1].end <= sp.start else None
        if gap is not None and _JOINING_GAP.fullmatch(gap) and "\n" not in gap:
            out[-1] = Span.of(text, out[-1].start, sp.end)
        else:
            out.append(sp)
    return out


# A wire dateline opening a paragraph ("SPRINGFIELD — ", "BRUSSELS, Dec 9 (Reuters) - ", "NEW YORK (AP) — "): where
# the article is filed from, no part of what anyone said (PolNeAR train: 8 contents start right after one, none holds one).
_DATELINE = re.compile(
    r"[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?(?:,? [A-Z][a-z]{2,8}\.? \d{1,2})?"
    r"(?:\s*(?:--|[—–])| ?\([A-Za-z. ]{1,20}\)\s*(?:--|[—–-]))\s+"  # a hyphen only after the agency: "US - China talks" is none
)


def without_dateline(text: str, span: Span) -> Span:
    """``span`` with a dateline it opens with, at the start of its paragraph, left out."""
    if span.start > 0 and text[span.start - 1] != "\n":
        return span
    m = _DATELINE.match(text, span.start, span.end)
    return Span.of(text, m.end(), span.end) if m and m.end() < span.end else span


def grouped_quotes(text: str, words: Sequence[Word], probs: np.ndarray, mask: np.ndarray) -> list[Quote]:
    """The tagger's quotes of ``words`` before continuation and screening, confidence the lowest span score
    (``mask``: ``quoted_mask`` of the whole text)."""
    tags = tags_from_probs(probs)
    idx = np.array([LABELS.index(t) for t in tags], dtype=int)
    conf = probs[np.arange(len(tags)), idx] if len(tags) else np.zeros(0)
    spans = spans_from_tags(tags, conf.tolist())
    quotes = []
    for g in group_spans(text, words, spans, linker=load_linker()):

        def span(s):  # type: ignore[no-untyped-def]
            return Span.of(text, words[s.first].start, words[s.last].end)

        contents = join_adjacent(text, [without_dateline(text, span(s)) for s in g.contents])
        sources = [span(s) for s in g.sources]
        cue = span(g.cue) if g.cue else None
        if cue is not None and _expletive(sources, cue, text):
            sources = []
        parts = [s.score for s in [*g.contents, *g.sources] + ([g.cue] if g.cue else [])]
        quotes.append(
            Quote(
                kind=quote_kind(text, contents, mask),
                cue=cue,
                sources=sources,
                contents=contents,
                confidence=float(min(parts)) if parts else 0.0,
            )
        )
    return quotes


def answers_to_the_end(text: str, quotes: Sequence[Quote]) -> list[Quote]:
    """A labelled answer ("Ruiz: Yes. The council funded it ...", a transcript's or an interview's) whose content the
    tagger stopped short: its last content runs to the end of the paragraph, as PolNeAR annotates them (train: 111 of
    119 such contents do), where no other label's answer lies in between ("Clinton: ... Bush: ..."); a statement
    reported inside the answer stays one of its own ("... I expect them by December")."""
    out = list(quotes)
    for k, q in enumerate(out):
        if q.cue is None or q.cue.text.strip() != ":" or not q.sources or not q.contents:
            continue
        para = text.rfind("\n", 0, q.sources[0].start) + 1
        if text[para : q.sources[0].start].strip():
            continue  # the label opens its paragraph
        last = max(q.contents, key=lambda c: c.end)
        end = text.find("\n", last.end)
        end = len(text) if end < 0 else end
        while end > last.end and text[end - 1].isspace():
            end -= 1
        if text[end - 1 : end] in (".", ";"):
            end -= 1  # the paragraph's full stop stays out, as annotators leave it (train: 65 of the 111)
        if end <= last.end or any(o is not q and o.cue is not None and o.cue.text.strip() == ":" and last.end < o.cue.end and o.cue.start < end
                                  for o in out):
            continue  # another label's answer in between ("Clinton: ... Bush: ...")
        out[k] = replace(q, contents=[c if c is not last else Span.of(text, c.start, end) for c in q.contents])
    return out


def quotes_from_probs(text: str, words: Sequence[Word], probs: np.ndarray) -> list[Quote]:
    mask = quoted_mask(text, 0, len(text))
    quotes = grouped_quotes(text, words, probs, mask)
    quotes = answers_to_the_end(text, continue_quotes(text, transcript_answers(text, quotes), mask))
    for q in quotes:
        q.confidence = calibrated(q, q.confidence)  # the tagger's lowest span score, made a probability
    # PolNeAR taught the tagger what a person says or thinks; what it also tags and is no one's
    # statement (perception, acts, headings, source-less passives) is left out or doubted here.
    return screen(text, quotes)
