"""A learned linker: which cue a content span, and which cue a source span, belongs to.

``decode.group_spans`` links each content to the cheapest cue of its paragraph (words between, a
sentence end costing 20) and each source to the cheapest cue that has content. The linker scores the
same candidate pairs with a conditional logit (a softmax over each span's candidate cues) over what lies between the two spans (words, sentence
ends, other cues, contents and sources, quotation marks, a comma or a colon), their order, lengths and
tagger scores, and the hand rule's own cost and rank, and ``group_spans`` takes the best-scored cue
instead. ``linker.json`` holds the weights, fitted on PolNeAR train by ``scripts/train_linker.py``;
without the file the hand rules link alone.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .decode import SENTENCE_COST, Span, Word

LINKER = Path(__file__).resolve().parent / "linker.json"
QUOTE_MARKS = frozenset("“”«»„\"")
# Bare pronouns as sources ("he said"): nearly always right next to their cue.
PRONOUNS = frozenset("i we you he she it they who which that this".split())

FEATURES = (
    "bias",
    "cue_before",
    "adjacent",
    "log_gap_before",
    "log_gap_after",
    "ends_before",
    "ends_after",
    "other_paragraph",
    "cues_between",
    "contents_between",
    "sources_between",
    "quote_marks_between",
    "comma_between",
    "colon_before_span",
    "log_span_words",
    "log_cue_words",
    "logit_span_score",
    "logit_cue_score",
    "hand_cost",
    "hand_first",
    "hand_rank",
    "n_candidates",
    "pronoun",
    "capitalised",
)


@dataclass
class Context:
    """Prefix counts over the words of one text, so that a pair's features cost O(1)."""

    words: Sequence[Word]
    para: list[int]
    n_word: list[int]
    n_end: list[int]
    n_quote: list[int]
    n_comma: list[int]
    n_start: dict[str, list[int]]  # role -> prefix count of span starts

    @classmethod
    def of(cls, words: Sequence[Word], para: list[int], n_word: list[int], n_end: list[int], spans: Sequence[Span]) -> Context:
        n_quote, n_comma = [0], [0]
        for w in words:
            n_quote.append(n_quote[-1] + (w.text in QUOTE_MARKS))
            n_comma.append(n_comma[-1] + (w.text == ","))
        starts: dict[str, list[int]] = {}
        for role in ("CUE", "CON", "SRC"):
            flags = [0] * len(words)
            for s in spans:
                if s.role == role:
                    flags[s.first] = 1
            acc = [0]
            for f in flags:
                acc.append(acc[-1] + f)
            starts[role] = acc
        return cls(words, para, n_word, n_end, n_quote, n_comma, starts)


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def pair_features(ctx: Context, s: Span, c: Span, hand_cost: int, rank: int, n_cand: int) -> list[float]:
    """Features of linking span ``s`` (content or source) to cue ``c``; ``rank`` is the cue's place
    among ``s``'s ``n_cand`` candidates by the hand rule's ``hand_cost``."""
    before = c.last < s.first
    lo, hi = (c, s) if before else (s, c)
    i, j = lo.last + 1, max(lo.last + 1, hi.first)  # words strictly between
    gap = j - i
    ends = ctx.n_end[j] - ctx.n_end[i]

    def between(role: str) -> int:
        return ctx.n_start[role][j] - ctx.n_start[role][i]

    words = ctx.words
    first = words[s.first].text
    return [
        1.0,
        float(before),
        float(gap == 0),
        math.log1p(gap) if before else 0.0,
        0.0 if before else math.log1p(gap),
        float(min(ends, 3)) if before else 0.0,
        0.0 if before else float(min(ends, 3)),
        float(ctx.para[s.first] != ctx.para[c.first]),
        float(min(between("CUE"), 3)),
        float(min(between("CON"), 3)),
        float(min(between("SRC"), 3)),
        float(min(ctx.n_quote[j] - ctx.n_quote[i], 3)),
        float(ctx.n_comma[j] > ctx.n_comma[i]),
        float(s.first > 0 and words[s.first - 1].text == ":"),
        math.log1p(s.last - s.first + 1),
        math.log1p(c.last - c.first + 1),
        _logit(s.score),
        _logit(c.score),
        min(hand_cost, 200) / SENTENCE_COST,
        float(rank == 0),
        float(min(rank, 3)),
        float(min(n_cand, 5)),
        float(s.first == s.last and first.lower() in PRONOUNS),
        float(first[:1].isupper()),
    ]


@dataclass(frozen=True)
class Linker:
    """Conditional-logit weights for content-to-cue and source-to-cue links (each span chooses among its
    candidate cues), and the probability under which a source is left unlinked."""

    content: tuple[float, ...]
    source: tuple[float, ...]
    min_source: float = 0.0

    context = staticmethod(Context.of)
    features = staticmethod(pair_features)

    def links(self, role: str) -> bool:
        """Whether this linker chooses links for ``role`` (else the hand rule does)."""
        return bool(self.content if role == "CON" else self.source)

    def score(self, role: str, x: Sequence[float]) -> float:
        """The link's score (a logit, comparable among one span's candidates)."""
        w = self.content if role == "CON" else self.source
        return sum(a * b for a, b in zip(x, w))

    def choice(self, role: str, xs: Sequence[Sequence[float]]) -> list[float]:
        """The probability of each of one span's candidate links (a conditional logit: softmax over them)."""
        z = [self.score(role, x) for x in xs]
        top = max(z, default=0.0)
        e = [math.exp(v - top) for v in z]
        total = sum(e)
        return [v / total for v in e]


@lru_cache(maxsize=2)
def load_linker(path: str | None = None) -> Linker | None:
    """The shipped linker, or None when no ``linker.json`` ships (or it was fitted on other features)."""
    f = Path(path) if path else LINKER
    if not f.exists():
        return None
    d = json.loads(f.read_text(encoding="utf-8"))
    if tuple(d.get("features", ())) != FEATURES:
        return None
    use = d.get("use", {})
    if not use.get("content") and not use.get("source"):
        return None
    content = tuple(float(w) for w in d["content"]) if use.get("content") else ()
    source = tuple(float(w) for w in d["source"]) if use.get("source") else ()
    return Linker(content, source, float(d.get("min_source", 0.0)))

