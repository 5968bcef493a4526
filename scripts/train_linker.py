#!/usr/bin/env python3
"""Fit the learned linker (quotegraph/attribution/linker.py) on PolNeAR train, choose it on dev,
and write quotegraph/attribution/linker.json.

    .venv/bin/python scripts/train_linker.py [--corpus ../shared/corpora/polnear] [--cache build/linker]

1. Tags every train and dev text once through the real pipeline (``extract_many``), keeping the
   tagger's word probabilities of each text it reads in ``--cache`` (about 5 minutes for train on
   2 CPU cores; reused on the next run).
2. Decodes each text as ``quotegraph extract`` does and collects every candidate (content, cue) and
   (source, cue) link ``decode.group_spans`` weighs, with the linker's features; a link is right when
   the content (source) overlaps the content (source) of a gold attribution whose cue the cue overlaps.
3. Fits two conditional logits (a softmax over each span's candidate cues; Newton's method, L2),
   content-to-cue and source-to-cue, on the spans with two or more candidate cues and a right one.
4. Extracts dev with the hand rules, with each model alone and with both, scores each with the
   reference scorer, and ships the best of the four (``use`` in the file: the roles the linker
   links; none when the hand rules score best).
"""

from __future__ import annotations

import argparse
import json
import pickle
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def tag_cache(split_dir: Path, cache: Path) -> dict[str, np.ndarray]:
    """The tagger's probabilities of every text the pipeline reads in ``split_dir``, tagged once."""
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    from quotegraph.attribution import tagger as tg
    from quotegraph.pipeline import extract_many

    rec: dict[str, np.ndarray] = {}
    orig = tg.Tagger.word_probs_many

    def recording(self, docs):  # type: ignore[no-untyped-def]
        res = orig(self, docs)
        for (t, _), p in zip(docs, res):
            rec[t] = p.astype(np.float32)
        return res

    tg.Tagger.word_probs_many = recording  # type: ignore[method-assign]
    try:
        paths = sorted((split_dir / "text").glob("*.txt"))
        for _ in extract_many([(p.stem, p.read_text(encoding="utf-8")) for p in paths]):
            pass
    finally:
        tg.Tagger.word_probs_many = orig  # type: ignore[method-assign]
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(pickle.dumps(rec))
    return rec


def regions(doc_text: str, probs: dict[str, np.ndarray]) -> list[tuple[int, str]]:
    """The first-pass texts of a document: cached texts found in it and inside no other (a nested
    pass reads a content of a first-pass text)."""
    found = []
    for t in probs:
        k = doc_text.find(t) if len(t) <= len(doc_text) else -1
        if k >= 0 and t.strip():
            found.append((k, k + len(t), t))
    found.sort(key=lambda x: (x[0], -x[1]))
    out: list[tuple[int, str]] = []
    end = -1
    for a, b, t in found:
        if b <= end:
            continue  # inside a text already kept
        out.append((a, t))
        end = b
    return out


def overlaps(a: tuple[int, int], spans: list[tuple[int, int]]) -> int:
    return sum(max(0, min(a[1], e) - max(a[0], s)) for s, e in spans)


def collect(gold_dir: Path, probs: dict[str, np.ndarray]) -> dict[str, list[tuple[int, int, list[float], int]]]:
    """Per role, ``(doc number, span id, features, right)`` of every candidate link."""
    from quotegraph.attribution.decode import group_spans, spans_from_tags
    from quotegraph.attribution.encoding import LABELS, words_of
    from quotegraph.attribution.extract import tags_from_probs
    from quotegraph.attribution.linker import Linker
    from quotegraph.eval.polnear import load_gold

    gold = load_gold(gold_dir)
    rows: dict[str, list[tuple[int, int, list[float], int]]] = {"CON": [], "SRC": []}
    sid = 0
    for d, name in enumerate(sorted(gold)):
        g = gold[name]
        for off, text in regions(g.text, probs):
            words = words_of(text)
            p = probs[text]
            if len(words) != len(p):
                continue
            tags = tags_from_probs(p)
            idx = np.array([LABELS.index(t) for t in tags], dtype=int)
            conf = p[np.arange(len(tags)), idx] if len(tags) else np.zeros(0)
            trace: list = []
            group_spans(text, words, spans_from_tags(tags, conf.tolist()), linker=Linker((), ()), trace=trace)

            def chars(s, off=off, words=words):  # type: ignore[no-untyped-def]
                return words[s.first].start + off, words[s.last].end + off

            ids: dict[int, int] = {}
            for role, s, c, x in trace:
                if id(s) not in ids:
                    sid += 1
                    ids[id(s)] = sid
                cc = chars(c)
                cue_of = {i for i, a in enumerate(g.attributions) if overlaps(cc, a.cue)}
                sc = chars(s)
                if role == "CON":
                    best = max(range(len(g.attributions)), key=lambda i: overlaps(sc, g.attributions[i].content), default=None)
                    ok = best is not None and overlaps(sc, g.attributions[best].content) > 0 and best in cue_of
                else:
                    ok = any(overlaps(sc, g.attributions[i].source) > 0 for i in cue_of)
                rows[role].append((d, ids[id(s)], list(x), int(ok)))
    return rows


def fit(groups: list[list[tuple[list[float], int]]], l2: float = 1.0, iters: int = 30) -> np.ndarray:
    """A conditional logit (softmax over each group's candidates, the right ones as targets) by
    Newton's method with an L2 penalty; weights on the raw features (the bias drops out)."""
    x = np.array([f for g in groups for f, _ in g], dtype=float)
    y = np.array([t for g in groups for _, t in g], dtype=float)
    gid = np.concatenate([np.full(len(g), i) for i, g in enumerate(groups)])
    n = len(groups)
    y = y / np.bincount(gid, weights=y, minlength=n)[gid]
    mu, sd = x.mean(0), x.std(0)
    sd[sd == 0] = 1.0
    z = (x - mu) / sd
    z[:, 0] = 0.0
    w = np.zeros(x.shape[1])
    for _ in range(iters):
        s = z @ w
        top = np.full(n, -np.inf)
        np.maximum.at(top, gid, s)
        e = np.exp(s - top[gid])
        p = e / np.bincount(gid, weights=e, minlength=n)[gid]
        zbar = np.stack([np.bincount(gid, weights=p * z[:, j], minlength=n) for j in range(z.shape[1])], 1)
        d = z - zbar[gid]
        grad = z.T @ (p - y) + l2 * w
        hess = (d * p[:, None]).T @ d + l2 * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w / sd


def choice_groups(rows: list[tuple[int, int, list[float], int]]) -> list[list[tuple[list[float], int]]]:
    """The candidate links of each span that has two or more and a right one (the choices to learn)."""
    by: dict[int, list[tuple[list[float], int]]] = {}
    for _, s, x, y in rows:
        by.setdefault(s, []).append((x, y))
    return [g for g in by.values() if len(g) >= 2 and any(y for _, y in g)]


def dev_scores(dev: Path, probs: dict[str, np.ndarray], linker, reference: Path) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Reference-scorer figures of dev extracted with ``linker`` (None: the hand rules), tags from the cache."""
    from quotegraph.attribution import extract
    from quotegraph.attribution import tagger as tg
    from quotegraph.pipeline import extract_many

    orig_many, orig_load = tg.Tagger.word_probs_many, extract.load_linker

    def cached(self, docs):  # type: ignore[no-untyped-def]
        return [probs[t] if t in probs else orig_many(self, [(t, w)])[0] for t, w in docs]

    tg.Tagger.word_probs_many = cached  # type: ignore[method-assign]
    extract.load_linker = lambda path=None: linker  # type: ignore[assignment]
    try:
        with tempfile.TemporaryDirectory() as tmp:
            pred = Path(tmp) / "pred.jsonl"
            paths = sorted((dev / "text").glob("*.txt"))
            with pred.open("w", encoding="utf-8") as f:
                for art in extract_many([(p.stem, p.read_text(encoding="utf-8")) for p in paths]):
                    f.write(json.dumps(art.to_json(), ensure_ascii=False) + "\n")
            cmd = [sys.executable, str(reference), "--gold", str(dev), "--pred", str(pred), "--json"]
            out = json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout)
    finally:
        tg.Tagger.word_probs_many, extract.load_linker = orig_many, orig_load  # type: ignore[method-assign]
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpora" / "polnear"))
    ap.add_argument("--cache", default=str(ROOT / "build" / "linker"))
    ap.add_argument("--reference", default=str(ROOT.parent / "shared" / "tools" / "attribution_eval.py"))
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--out", default=str(ROOT / "quotegraph" / "attribution" / "linker.json"))
    args = ap.parse_args()

    from quotegraph.attribution.linker import FEATURES, Linker

    corpus, cache = Path(args.corpus), Path(args.cache)
    t0 = time.time()
    train_probs = tag_cache(corpus / "train", cache / "train.pkl")
    dev_probs = tag_cache(corpus / "dev", cache / "dev.pkl")
    print(f"tags: {len(train_probs)} train texts, {len(dev_probs)} dev texts ({time.time() - t0:.0f} s)")
    t0 = time.time()
    rows = collect(corpus / "train", train_probs)
    models = {}
    for role in ("CON", "SRC"):
        groups = choice_groups(rows[role])
        models[role] = fit(groups, args.l2)
        hand = sum(g[0][1] for g in groups)
        print(f"{role}: {len(groups)} spans with a choice of cues, the hand rule's right for {hand}")
    print(f"fitted in {time.time() - t0:.1f} s")
    content, source = tuple(models["CON"].tolist()), tuple(models["SRC"].tolist())

    results = {}
    variants = [("hand rules", None), ("content", Linker(content, ())), ("source", Linker((), source)), ("both", Linker(content, source))]
    for name, lk in variants:
        sc = {k: v["f1"] for k, v in dev_scores(corpus / "dev", dev_probs, lk, Path(args.reference))["metrics"].items()}
        results[name] = sc
        print(f"dev {name:<10} attribution {sc['attribution']:.4f}  content exact {sc['content_exact']:.4f}  "
              f"span cue {sc['span_cue']:.4f}  span source {sc['span_source']:.4f}", flush=True)
    best = max(results, key=lambda k: (results[k]["attribution"], k == "hand rules"))
    use_content, use_source = best in ("content", "both"), best in ("source", "both")
    min_source = 0.0
    out = {
        "_doc": "The learned linker (quotegraph/attribution/linker.py); made by scripts/train_linker.py. "
        "'use' says for which roles it replaces the hand rules: the best of hand rules, content, source and both "
        "by PolNeAR dev attribution F1 (reference scorer), in 'dev_attribution'.",
        "features": list(FEATURES),
        "content": list(content),
        "source": list(source),
        "min_source": min_source,
        "use": {"content": bool(use_content), "source": bool(use_source)},
        "dev_attribution": {k: round(v["attribution"], 4) for k, v in results.items()},
        "fitted_on": f"PolNeAR train, {len(rows['CON'])} content and {len(rows['SRC'])} source candidate links, l2 {args.l2}",
        "model": "conditional logit",
    }
    Path(args.out).write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(f"use: content {use_content}, source {use_source} (min_source {min_source}); wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
