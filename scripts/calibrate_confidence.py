#!/usr/bin/env python3
"""Fit quote confidence to a probability on PolNeAR dev and write quotegraph/attribution/calibration.json.

    .venv/bin/python scripts/calibrate_confidence.py [--gold ../shared/corpora/polnear/dev]

Extracts every dev text with the tagger's raw scores, marks each predicted quote right or wrong
(``quotegraph.eval.confidence.right``), fits the logistic map of ``quotegraph.attribution.calibration``
on all of them, and records the reliability table and expected calibration error of five-fold
cross-validation by document (each fold's quotes scored by a map fitted on the other four), beside
those of the raw scores.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", default=str(ROOT.parent / "shared" / "corpora" / "polnear" / "dev"))
    ap.add_argument("--out", default=str(ROOT / "quotegraph" / "attribution" / "calibration.json"))
    args = ap.parse_args()

    from quotegraph.attribution import calibration
    from quotegraph.eval.confidence import right
    from quotegraph.eval.polnear import load_gold
    from quotegraph.pipeline import extract_many

    calibration.weights.cache_clear()
    calibration.weights = lambda path=None: None  # type: ignore[assignment]  # raw tagger scores
    gold = load_gold(args.gold)
    docs = sorted(gold)
    rows: list[tuple[int, list[float], int, float]] = []  # (doc index, features, right, raw score)
    for i, art in enumerate(extract_many([(d, gold[d].text) for d in docs])):
        for q in art.quotes:
            rows.append((i, calibration.features(q, q.confidence), int(right(art.text, q, gold[docs[i]].attributions)), q.confidence))
    ys = [r[2] for r in rows]
    folds = 5
    oof = [0.0] * len(rows)
    for k in range(folds):
        train = [r for r in rows if r[0] % folds != k]
        w = calibration.fit([r[1] for r in train], [r[2] for r in train])
        for j, r in enumerate(rows):
            if r[0] % folds == k:
                oof[j] = calibration.probability(r[1], w)
    weights = calibration.fit([r[1] for r in rows], ys)
    table, ece = calibration.reliability(oof, ys)
    raw_table, raw_ece = calibration.reliability([r[3] for r in rows], ys)
    out = {
        "_doc": "Quote confidence as a probability (quotegraph/attribution/calibration.py); made by scripts/calibrate_confidence.py.",
        "features": list(calibration.FEATURES),
        "weights": weights,
        "fitted_on": f"PolNeAR dev, {len(docs)} documents, {len(rows)} predicted quotes, {sum(ys)} right",
        "cross_validated": {"folds": folds, "ece": ece, "table": [list(t) for t in table]},
        "raw_scores": {"ece": raw_ece, "table": [list(t) for t in raw_table]},
    }
    Path(args.out).write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(f"{len(rows)} quotes, {sum(ys)} right; expected calibration error: raw scores {raw_ece:.3f}, calibrated (5-fold) {ece:.3f}")
    print(f"{'bin':>6} {'predicted':>10} {'right':>8} {'quotes':>7}   (cross-validated)")
    for lo, p, r, n in table:
        print(f"{lo:>6.1f} {p:>10.3f} {r:>8.3f} {n:>7}")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
