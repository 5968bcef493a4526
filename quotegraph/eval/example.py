"""Check an extracted article against a hand annotation of it (the bundled example's bar)."""

from __future__ import annotations

from typing import Any

from ..model import Article
from .score import TOKEN_RE, _dice


def _toks(text: str, spans: list[tuple[int, int]]) -> frozenset[int]:
    out = set()
    for i, m in enumerate(TOKEN_RE.finditer(text)):
        if any(m.start() < e and s < m.end() for s, e in spans):
            out.add(i)
    return frozenset(out)


def check_example(art: Article, gold: dict[str, Any]) -> dict[str, Any]:
    """found: gold quotes matched (content Dice >= 0.5, source sharing a token or both absent);
    resolved: matched gold quotes with a speaker whose name is right; plus what was predicted."""
    text = art.text
    g = [
        (
            _toks(text, [(c["start"], c["end"]) for c in q["contents"]]),
            _toks(text, [(s["start"], s["end"]) for s in q["sources"]]),
            q,
        )
        for q in gold["quotes"]
    ]
    p = [
        (_toks(text, [(c.start, c.end) for c in q.contents]), _toks(text, [(s.start, s.end) for s in q.sources]), q)
        for q in art.quotes
    ]
    pairs = []
    for j, (pc, ps, _) in enumerate(p):
        for i, (gc, gs, _) in enumerate(g):
            d = _dice(pc, gc)
            if d >= 0.5 and ((gs & ps) if gs else not ps):
                pairs.append((d, j, i))
    used_p: set[int] = set()
    matched: dict[int, int] = {}
    for d, j, i in sorted(pairs, key=lambda x: (-x[0], x[1], x[2])):
        if j not in used_p and i not in matched:
            used_p.add(j)
            matched[i] = j
    resolved = with_speaker = 0
    misses = []
    for i, (_, _, gq) in enumerate(g):
        want = gq.get("speaker")
        if want is None:
            continue
        with_speaker += 1
        got = p[matched[i]][2].speaker if i in matched else None
        if got is not None and got.name == want["name"]:
            resolved += 1
        else:
            misses.append((gq["contents"][0]["text"][:50], want["name"], got.name if got else None))
    body_end = gold["body_end"]
    in_boilerplate = sum(1 for q in art.quotes if any(c.start >= body_end for c in q.contents))
    return {
        "gold": len(g),
        "found": len(matched),
        "predicted": len(art.quotes),
        "with_speaker": with_speaker,
        "resolved": resolved,
        "from_boilerplate": in_boilerplate,
        "missed": [g[i][2]["contents"][0]["text"][:60] for i in range(len(g)) if i not in matched],
        "speaker_misses": misses,
    }
