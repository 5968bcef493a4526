#!/usr/bin/env python3
"""Speaker resolution on the sets the resolver's rules are written on: the 12 dev articles, the 5 held-out ones and the
tuning sets of PolNeAR train articles (``tests/data/speakers/train_speakers_tune*.jsonl``), each set and their
totals. The blind set (``train_speakers_blind.jsonl``) is left out: ``benchmarks/accuracy.py`` reports it, alone.

    .venv/bin/python benchmarks/speakers_tuning.py [--corpus ../shared/corpora/polnear]

About 80 s (26 sets, 10,449 pronoun, surname and description sources). Skips, saying why, where the corpus is absent.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from quotegraph.eval.speakers import ANNOTATION, HELDOUT, speaker_accuracy, tuning_sets

ROOT = Path(__file__).resolve().parent.parent
KEYS = ("pronoun+surname+description", "pronoun", "surname", "description", "role precision", "role recall", "role whole-phrase precision")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpora" / "polnear"), help="the PolNeAR folder (train/, dev/)")
    args = ap.parse_args()
    corpus = Path(args.corpus)
    if not (corpus / "train" / "text").is_dir() or not (corpus / "dev" / "text").is_dir():
        print(f"skipped: no PolNeAR corpus at {corpus} (give --corpus)")
        return 0
    sets = [("dev", ANNOTATION, "dev"), ("held-out", HELDOUT, "dev")]
    sets += [(name, path, "train") for name, path in tuning_sets()]
    totals: dict[str, list[int]] = {k: [0, 0] for k in KEYS}
    print(f"{'set':10} " + "  ".join(f"{k:>28}" for k in KEYS))
    for name, annotation, split in sets:
        r = speaker_accuracy(corpus / split / "text", annotation)
        cells = []
        for k in KEYS:
            if k in r:
                totals[k][0] += int(r[k]["correct"])
                totals[k][1] += int(r[k]["n"])
                cells.append(f"{r[k]['accuracy']:.3f} ({int(r[k]['correct'])}/{int(r[k]['n'])})")
            else:
                cells.append("-")
        print(f"{name:10} " + "  ".join(f"{c:>28}" for c in cells))
    print(f"{'total':10} " + "  ".join(f"{(f'{c / n:.4f} ({c}/{n})' if n else '-'):>28}" for c, n in totals.values()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
