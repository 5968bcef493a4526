#!/usr/bin/env python3
"""Where one real person or organisation becomes several store speakers: the tuning sets' articles
(``tests/data/speakers/train_speakers_tune*.jsonl``; the blind sets are left out) ingested into one store
with the whole pipeline, each gold source matched to the store speaker of the predicted source that
overlaps it; prints every gold identity found under more than one store speaker, with the counts,
largest first, and the B-cubed figures of the whole (``quotegraph.eval.speakers.bcubed``).

    .venv/bin/python benchmarks/speaker_splits.py [--corpus ../shared/corpora/polnear] [--sets tune23,tune24]

About 3 minutes for the 24 train sets (about 360 articles). Skips, saying why, where the corpus is absent.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from quotegraph.eval.speakers import bcubed, store_speakers, tuning_rows

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpora" / "polnear"), help="the PolNeAR folder (train/)")
    ap.add_argument("--sets", default="", help="comma-separated set names (tune, tune2, ...); default: every train tuning set")
    args = ap.parse_args()
    text_dir = Path(args.corpus) / "train" / "text"
    if not text_dir.is_dir():
        print(f"skipped: no PolNeAR corpus at {args.corpus} (give --corpus)")
        return 0
    by_doc = {doc: rows for doc, (_, rows) in tuning_rows({s for s in args.sets.split(",") if s}).items()}
    with tempfile.TemporaryDirectory() as tmp:
        found = store_speakers(text_dir, by_doc, tmp)
    items = [(gold, cluster) for gold, cluster, _ in found]
    clusters: dict[str, Counter[str]] = defaultdict(Counter)
    for gold, _, name in found:
        clusters[gold][name if name is not None else "(missed)"] += 1
    scores = bcubed(items)
    print(f"{len(by_doc)} articles, {len(items)} gold sources with a named referent; B-cubed "
          f"P {scores['precision']:.3f} R {scores['recall']:.3f} F1 {scores['f1']:.3f}")
    for gold, under in sorted(clusters.items(), key=lambda kv: -sum(kv[1].values())):
        if len([k for k in under if k != "(missed)"]) > 1:
            print(f"{gold}: " + "; ".join(f"{k} {v}" for k, v in under.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
