#!/usr/bin/env python3
"""An experiment, not a component: a linear ranker over candidate antecedents of he / she / his / her / him, trained
and scored leaving one speaker tuning set out at a time (dev, held-out, the train tuning sets; never the blind sets),
against the resolver's rules on the same pronouns. Its 14 features are the rules' own choice, distance, same or previous
sentence and paragraph, subject of this or the previous sentence, the person quoted last and among the last three, gender
agreement, mention count and quotation marks. At 8f901b4 (2026-12-02): 2,292 pronouns, rules 0.943, ranker 0.930.

    .venv/bin/python benchmarks/pronoun_ranker.py [--corpus ../shared/corpora/polnear]

About 5 minutes. Skips, saying why, where the corpus is absent.
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

import numpy as np

from quotegraph.eval import speakers as S
from quotegraph.model import Quote, Span
from quotegraph.speakers import resolve as R

ROOT = Path(__file__).resolve().parent.parent
PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
Item = tuple[str, list[tuple[list[float], int]], int]  # (set, candidates (features, right), the rules right)


def items(corpus: Path) -> list[Item]:
    from quotegraph.pipeline import load_pipeline

    nlp = load_pipeline()
    ner = nlp.get_pipe("ner")
    sets = [("dev", S.ANNOTATION, "dev"), ("heldout", S.HELDOUT, "dev")]
    sets += [(name, path, "train") for name, path in S.tuning_sets()]
    out: list[Item] = []
    for name, ann, split in sets:
        for doc, rows in S._rows(ann).items():
            text = S._read(corpus / split / "text", doc)
            ms = [R.Mention(e.start_char, e.end_char, e.label_) for e in ner(nlp.make_doc(text)).ents]
            quotes = [Quote("indirect", None, [Span.of(text, r["source"]["start"], r["source"]["end"])],
                            [Span.of(text, r["source"]["start"], r["source"]["end"])]) for r in rows]
            R.resolve_speakers(text, quotes, ms, S._published(doc))
            res = R.Resolver(text, ms, None)
            quoted = sorted((q.sources[0].start, q.speaker.name) for q in quotes if q.speaker is not None and q.speaker.type == "PERSON")
            for r, q in zip(rows, quotes):
                word = r["source_text"].strip().lower()
                if r["form"] != "pronoun" or word not in PRONOUNS:
                    continue
                out.append((name, candidates(res, text, r, q, quoted, PRONOUNS[word]), int(S._matches(
                    q.speaker.name if q.speaker is not None and q.speaker.type == "PERSON" else None, r["canonical"]))))
    return out


def candidates(res: R.Resolver, text: str, r: dict, q: Quote, quoted: list[tuple[int, str]], gender: str) -> list[tuple[list[float], int]]:
    pos = r["source"]["start"]
    rule = q.speaker.name if q.speaker is not None and q.speaker.type == "PERSON" else None
    s0 = res._sentence_start(pos)
    s1 = res._sentence_start(max(0, s0 - 2))
    para = text.rfind("\n", 0, pos) + 1
    subj0, subj1 = res._person_at(s0), res._person_at(s1)
    last_quoted = [name for p, name in quoted if p < pos]
    out = []
    for e in res.persons:
        before = [m.start for m in e.mentions if m.start < pos]
        if not before:
            continue
        last = max(before)
        features = [
            float(bool(rule) and S._matches(rule, e.name)),
            math.log1p(pos - last) / 10,
            float(last >= s0),
            float(s1 <= last < s0),
            float(last >= para),
            float(subj0 is not None and subj0[1] is e and subj0[0] < pos),
            float(subj1 is not None and subj1[1] is e),
            float(bool(last_quoted) and S._matches(last_quoted[-1], e.name)),
            float(any(S._matches(name, e.name) for name in last_quoted[-3:])),
            float(e.gender == gender),
            float(e.gender is not None and e.gender != gender),
            math.log1p(len(e.mentions)) / 3,
            float(res._in_quotes(last)),
            float(res._in_quotes(pos)),
        ]
        out.append((features, int(S._matches(e.name, r["canonical"]))))
    return out


def train(groups: list[Item], epochs: int = 300, lr: float = 0.5, l2: float = 1e-3) -> np.ndarray:
    """A softmax over each pronoun's candidates (a conditional logit), full-batch gradient descent."""
    x = np.array([f for _, cands, _ in groups for f, _ in cands])
    w = np.zeros(x.shape[1])
    spans, k = [], 0
    for _, cands, _ in groups:
        spans.append((k, k + len(cands), [y for _, y in cands]))
        k += len(cands)
    for _ in range(epochs):
        scores = x @ w
        grad = np.zeros_like(w)
        for a, b, y in spans:
            if b == a or not any(y):
                continue
            p = np.exp(scores[a:b] - scores[a:b].max())
            p /= p.sum()
            t = np.array(y, float) / sum(y)
            grad += x[a:b].T @ (p - t)
        w -= lr * (grad / len(spans) + l2 * w)
    return w


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpora" / "polnear"), help="the PolNeAR folder (train/, dev/)")
    corpus = Path(ap.parse_args().corpus)
    if not (corpus / "train" / "text").is_dir() or not (corpus / "dev" / "text").is_dir():
        print(f"skipped: no PolNeAR corpus at {corpus} (give --corpus)")
        return 0
    data = items(corpus)
    print(f"{len(data)} pronouns, {sum(any(y for _, y in c) for _, c, _ in data)} with the right person among the candidates")
    total = rules = model = 0
    for held in sorted({name for name, _, _ in data}):
        w = train([d for d in data if d[0] != held])
        test = [d for d in data if d[0] == held]
        ru = sum(ok for _, _, ok in test)
        mo = sum(max(c, key=lambda fy: float(np.dot(w, fy[0])))[1] for _, c, _ in test if c)
        total, rules, model = total + len(test), rules + ru, model + mo
        print(f"{held:8} {len(test):4} pronouns: rules {ru:4}, ranker {mo:4}")
    print(f"all      {total:4} pronouns: rules {rules} ({rules / total:.3f}), ranker {model} ({model / total:.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
