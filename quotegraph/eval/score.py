"""Attribution metrics, as defined by the reference PolNeAR scorer.

content_exact, content_partial (token Dice >= 0.5) and attribution (partial match
plus a shared source token, or no source on both sides) are one-to-one quote-level
matches; token_<role> and span_<role> compare the union / the set of spans of a
role in each document. Tokens are ``\\w+|[^\\w\\s]``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

TOKEN_RE = re.compile(r"\w+|[^\w\s]")
QUOTES = "\"'`\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a"
FINAL_PUNCT = ".,;:!?\u2026-\u2013\u2014"
ROLES = ("source", "cue", "content")
QUOTE_METRICS = ("content_exact", "content_partial", "attribution")

Spans = Sequence[tuple[int, int]]
# One quote: {"cue": spans, "source": spans, "content": spans}
Quote = Mapping[str, Spans]


def _covered(tok_starts: list[int], tok_ends: list[int], spans: Spans) -> frozenset[int]:
    import bisect

    out: set[int] = set()
    for s, e in spans:
        i = bisect.bisect_right(tok_ends, s)  # first token ending after s
        while i < len(tok_starts) and tok_starts[i] < e:
            out.add(i)
            i += 1
    return frozenset(out)


def trimmed_chars(text: str, spans: Spans) -> frozenset[int]:
    """Characters of the union of spans, each trimmed of quotes, spaces and final punctuation."""
    chars: set[int] = set()
    for s, e in spans:
        s, e = max(0, s), min(len(text), e)
        while s < e and (text[s].isspace() or text[s] in QUOTES):
            s += 1
        while e > s and (text[e - 1].isspace() or text[e - 1] in QUOTES + FINAL_PUNCT):
            e -= 1
        chars.update(i for i in range(s, e) if not text[i].isspace())
    return frozenset(chars)


def _dice(a: frozenset[int], b: frozenset[int]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a or b else 0.0


def _greedy(pairs: list[tuple[float, int, int]]) -> list[tuple[int, int]]:
    """One-to-one (pred, gold) matches, best score first."""
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _, p, g in sorted(pairs, key=lambda x: (-x[0], x[1], x[2])):
        if p not in used_p and g not in used_g:
            used_p.add(p)
            used_g.add(g)
            out.append((p, g))
    return out


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "n_pred": n_pred, "n_gold": n_gold}


def _quote_matches(
    text: str, gold: Sequence[Quote], pred: Sequence[Quote], g: Sequence[Mapping[str, frozenset[int]]], p: Sequence[Mapping[str, frozenset[int]]]
) -> dict[str, list[tuple[int, int]]]:
    """One document's one-to-one (pred, gold) matches for each of QUOTE_METRICS (``g``, ``p``: token sets by role)."""
    gi = [i for i, a in enumerate(g) if a["content"]]
    pi = [j for j, q in enumerate(p) if q["content"]]
    gx = {i: trimmed_chars(text, gold[i]["content"]) for i in gi}
    px = {j: trimmed_chars(text, pred[j]["content"]) for j in pi}
    exact, partial, attrib = [], [], []
    for j in pi:
        for i in gi:
            if px[j] and px[j] == gx[i]:
                exact.append((1.0, j, i))
            d = _dice(p[j]["content"], g[i]["content"])
            if d >= 0.5:
                partial.append((d, j, i))
                gsrc, psrc = g[i]["source"], p[j]["source"]
                if (gsrc & psrc) if gsrc else not psrc:
                    attrib.append((d, j, i))
    return {"content_exact": _greedy(exact), "content_partial": _greedy(partial), "attribution": _greedy(attrib)}


def quote_matches(text: str, gold: Sequence[Quote], pred: Sequence[Quote]) -> dict[str, list[tuple[int, int]]]:
    """The (pred index, gold index) pairs each of QUOTE_METRICS counts as true positives in one document."""
    toks = [m.span() for m in TOKEN_RE.finditer(text)]
    ts, te = [t[0] for t in toks], [t[1] for t in toks]
    g = [{r: _covered(ts, te, a[r]) for r in ROLES} for a in gold]
    p = [{r: _covered(ts, te, q[r]) for r in ROLES} for q in pred]
    return _quote_matches(text, gold, pred, g, p)


def evaluate(
    docs: Iterable[tuple[str, Sequence[Quote], Sequence[Quote]]],
) -> tuple[dict[str, dict[str, float]], dict[str, int]]:
    """Score ``(text, gold quotes, predicted quotes)`` triples; returns (metrics, stats)."""
    tp: Counter[str] = Counter()
    n: Counter[str] = Counter()
    stats: Counter[str] = Counter()
    for text, gold, pred in docs:
        stats["documents"] += 1
        toks = [m.span() for m in TOKEN_RE.finditer(text)]
        ts, te = [t[0] for t in toks], [t[1] for t in toks]
        g = [{r: _covered(ts, te, a[r]) for r in ROLES} for a in gold]
        p = [{r: _covered(ts, te, q[r]) for r in ROLES} for q in pred]
        for r in ROLES:
            gt = frozenset().union(*[a[r] for a in g])
            pt = frozenset().union(*[q[r] for q in p])
            tp["token_" + r] += len(gt & pt)
            n["pred_token_" + r] += len(pt)
            n["gold_token_" + r] += len(gt)
            gs = Counter(c for a in gold for c in (trimmed_chars(text, [x]) for x in a[r]) if c)
            ps = Counter(c for q in pred for c in (trimmed_chars(text, [x]) for x in q[r]) if c)
            tp["span_" + r] += sum((gs & ps).values())
            n["pred_span_" + r] += sum(ps.values())
            n["gold_span_" + r] += sum(gs.values())
        gi = [i for i, a in enumerate(g) if a["content"]]
        pi = [j for j, q in enumerate(p) if q["content"]]
        stats["gold_attributions"] += len(g)
        stats["gold_without_content"] += len(g) - len(gi)
        stats["gold_without_source"] += sum(1 for a in g if not a["source"])
        stats["pred_quotes"] += len(p)
        stats["pred_without_content"] += len(p) - len(pi)
        stats["pred_without_source"] += sum(1 for q in p if not q["source"])
        n["gold_quotes"] += len(gi)
        n["pred_quotes"] += len(pi)
        for k, pairs in _quote_matches(text, gold, pred, g, p).items():
            tp[k] += len(pairs)
    res = {k: prf(tp[k], n["pred_quotes"], n["gold_quotes"]) for k in QUOTE_METRICS}
    for r in ROLES:
        res["token_" + r] = prf(tp["token_" + r], n["pred_token_" + r], n["gold_token_" + r])
    for r in ROLES:
        res["span_" + r] = prf(tp["span_" + r], n["pred_span_" + r], n["gold_span_" + r])
    return res, dict(stats)


def format_table(res: Mapping[str, Mapping[str, float]], stats: Mapping[str, int]) -> str:
    lines = [
        f"documents {stats.get('documents', 0)}; gold attributions {stats.get('gold_attributions', 0)} "
        f"(no content: {stats.get('gold_without_content', 0)}, no source: {stats.get('gold_without_source', 0)}); "
        f"predicted quotes {stats.get('pred_quotes', 0)} (no content: {stats.get('pred_without_content', 0)}, "
        f"no source: {stats.get('pred_without_source', 0)})",
        f"{'metric':<16}{'P':>8}{'R':>8}{'F1':>8}{'TP':>8}{'#pred':>8}{'#gold':>8}",
    ]
    for k, v in res.items():
        lines.append(
            f"{k:<16}{v['precision']:>8.3f}{v['recall']:>8.3f}{v['f1']:>8.3f}"
            f"{int(v['tp']):>8}{int(v['n_pred']):>8}{int(v['n_gold']):>8}"
        )
    return "\n".join(lines)
