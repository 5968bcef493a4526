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
import json
import sqlite3
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from quotegraph.corpus import ingest
from quotegraph.eval.speakers import ANNOTATION, _identity, _published, _read, _rows, bcubed

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
    wanted = {s for s in args.sets.split(",") if s}
    files = [p for p in sorted(ANNOTATION.parent.glob("train_speakers_tune*.jsonl"))
             if not wanted or p.stem.removeprefix("train_speakers_") in wanted]
    by_doc: dict[str, list[dict]] = {}
    for f in files:
        for doc, rows in _rows(f).items():
            by_doc.setdefault(doc, []).extend(rows)
    with tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / "articles.jsonl"
        with open(dump, "w", encoding="utf-8") as out:
            for doc in sorted(by_doc):
                out.write(json.dumps({"text": _read(text_dir, doc), "url": f"polnear:{doc}", "published": _published(doc)}) + "\n")
        db = str(Path(tmp) / "store.db")
        ingest([str(dump)], db=db, jobs=1, min_confidence=0.0)
        conn = sqlite3.connect(db)
        names = dict(conn.execute("SELECT id, name FROM speakers").fetchall())
        clusters: dict[str, Counter[str]] = defaultdict(Counter)
        items: list[tuple[str, str]] = []
        for doc, rows in by_doc.items():
            got = conn.execute("SELECT id FROM articles WHERE url = ?", (f"polnear:{doc}",)).fetchone()
            occ = conn.execute("SELECT sources, speaker_id FROM occurrences WHERE article_id = ?", (got[0],)).fetchall() if got else []
            spans = [(sp["start"], sp["end"], sid) for sources, sid in occ for sp in json.loads(sources)]
            for n, r in enumerate(rows):
                if not r.get("canonical"):
                    continue
                s, e = r["source"]["start"], r["source"]["end"]
                sid = next((x for a, b, x in spans if a < e and s < b and x is not None), None)
                gold = _identity(r["canonical"])
                clusters[gold][names.get(sid, "?") if sid is not None else "(missed)"] += 1
                items.append((gold, f"speaker {sid}" if sid is not None else f"missed {doc} {n}"))
        conn.close()
    scores = bcubed(items)
    print(f"{len(by_doc)} articles, {len(items)} gold sources with a named referent; B-cubed "
          f"P {scores['precision']:.3f} R {scores['recall']:.3f} F1 {scores['f1']:.3f}")
    for gold, found in sorted(clusters.items(), key=lambda kv: -sum(kv[1].values())):
        if len([k for k in found if k != "(missed)"]) > 1:
            print(f"{gold}: " + "; ".join(f"{k} {v}" for k, v in found.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
