"""Quote confidence as a probability: a logistic map from what a quote is (its tagger scores, whether
it has a source and a cue, its kind and length) to how often such a quote is right on PolNeAR dev.

The tagger's lowest span probability ranks quotes but is no probability (on dev, quotes it gave
0.4-0.8 were right 61-70% of the time, those of 0.9-1.0 91%). ``calibration.json`` holds the map,
fitted by ``scripts/calibrate_confidence.py`` on dev predictions, with its cross-validated
reliability table; without the file, confidence stays the tagger's.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from ..model import Quote

CALIBRATION = Path(__file__).resolve().parent / "calibration.json"
FEATURES = ("bias", "logit_score", "has_source", "has_cue", "log_words", "direct", "mixed", "several_contents")


def features(q: Quote, score: float) -> list[float]:
    """The features of a quote, ``score`` being the tagger's lowest span probability."""
    p = min(max(score, 1e-4), 1 - 1e-4)
    words = sum(len(c.text.split()) for c in q.contents)
    return [
        1.0,
        math.log(p / (1 - p)),
        float(bool(q.sources)),
        float(q.cue is not None),
        math.log1p(words),
        float(q.kind == "direct"),
        float(q.kind == "mixed"),
        float(len(q.contents) > 1),
    ]


@lru_cache(maxsize=1)
def weights(path: str | None = None) -> tuple[float, ...] | None:
    """The fitted weights, or None when no calibration ships."""
    f = Path(path) if path else CALIBRATION
    if not f.exists():
        return None
    d = json.loads(f.read_text(encoding="utf-8"))
    if tuple(d.get("features", ())) != FEATURES:
        return None  # fitted on other features: not applied
    return tuple(float(w) for w in d["weights"])


def probability(x: Sequence[float], w: Sequence[float]) -> float:
    z = sum(a * b for a, b in zip(x, w))
    return 1 / (1 + math.exp(-z)) if z > -700 else 0.0


def calibrated(q: Quote, score: float) -> float:
    """The probability that a quote like ``q`` is right (its tagger score where nothing is fitted)."""
    w = weights()
    return score if w is None else probability(features(q, score), w)


def fit(xs: Sequence[Sequence[float]], ys: Sequence[int], l2: float = 1.0, steps: int = 50) -> list[float]:
    """Logistic regression by Newton's method with a small ridge (the bias unpenalised)."""
    import numpy as np

    X = np.asarray(xs, dtype=float)
    y = np.asarray(ys, dtype=float)
    w = np.zeros(X.shape[1])
    reg = np.full(X.shape[1], l2)
    reg[0] = 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-np.clip(X @ w, -30, 30)))
        grad = X.T @ (p - y) + reg * w
        hess = (X * (p * (1 - p))[:, None]).T @ X + np.diag(reg) + 1e-9 * np.eye(X.shape[1])
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return [float(v) for v in w]


def reliability(probs: Sequence[float], ys: Sequence[int], bins: int = 10) -> tuple[list[tuple[float, float, float, int]], float]:
    """Rows (bin low, mean predicted, share right, count) and the expected calibration error."""
    rows = []
    ece = 0.0
    n = len(probs)
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        idx = [i for i, p in enumerate(probs) if lo <= p < hi or (b == bins - 1 and p == 1.0)]
        if not idx:
            continue
        mean_p = sum(probs[i] for i in idx) / len(idx)
        right = sum(ys[i] for i in idx) / len(idx)
        rows.append((lo, mean_p, right, len(idx)))
        ece += len(idx) / n * abs(mean_p - right)
    return rows, ece
