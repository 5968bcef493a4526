#!/usr/bin/env python3
"""Speaker resolution over the pipeline's own quotes on the tuning sets' articles: each gold source with a predicted
source overlapping it, scored as ``benchmarks/speakers_tuning.py`` scores gold spans (``eval.speakers._matches``), by
source form. Gold spans hide what the whole pipeline meets: its own source spans, the descriptions it resolved before.

The resolver's inputs of each article (the text of each region, its quotes before resolution, the recogniser's
mentions, the date) are recorded once, by running the pipeline, into ``--cache`` (a pickle, about 3 minutes for the
30 sets); later runs replay only the resolver (about 25 s), so that a change to the rules is measured at once. The cache
holds no code: delete it after a change upstream of the resolver (the tagger, the recogniser, the regions).

    .venv/bin/python benchmarks/speakers_pipeline.py [--corpus ../shared/corpora/polnear] [--cache /tmp/qg_resolver_inputs.pkl]
        [--wrong FILE]   # also write each wrong or unresolved source, a line each (set, doc, start, form, text, gold, predicted)

The blind sets are left out. Skips, saying why, where the corpus is absent.
"""

from __future__ import annotations

import argparse
import copy
import pickle
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from quotegraph.eval.speakers import RESOLVED_FORMS, _matches, _published, _read, tuning_rows

ROOT = Path(__file__).resolve().parent.parent


def record(texts: dict[str, str], cache: Path) -> dict[str, Any]:
    """Each article's resolver inputs, from the cache where it has them, else by running the pipeline (and saved)."""
    data: dict[str, Any] = pickle.loads(cache.read_bytes()) if cache.exists() else {}
    missing = [d for d in texts if d not in data]
    if missing:
        import quotegraph.nlp.components as components
        from quotegraph.pipeline import extract_many

        calls: list[tuple[str, list, list, str | None, str | None]] = []
        real = components.resolve_speakers

        def capture(piece, inside, local, published, author):  # type: ignore[no-untyped-def]
            calls.append((piece, copy.deepcopy(list(inside)), list(local), published, author))
            real(piece, inside, local, published, author)

        components.resolve_speakers = capture  # type: ignore[assignment]
        try:
            for n, d in enumerate(missing, 1):
                calls.clear()
                list(extract_many([(d, texts[d], _published(d))]))
                data[d] = (texts[d], list(calls))
                if n % 100 == 0:
                    print(f"  recorded {n} of {len(missing)} articles", file=sys.stderr)
        finally:
            components.resolve_speakers = real
        cache.write_bytes(pickle.dumps(data))
    return data


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpora" / "polnear"), help="the PolNeAR folder (train/)")
    ap.add_argument("--cache", default="/tmp/qg_resolver_inputs.pkl", help="where the resolver's recorded inputs are kept")
    ap.add_argument("--wrong", default="", help="write the wrong and unresolved sources to this file")
    args = ap.parse_args()
    text_dir = Path(args.corpus) / "train" / "text"
    if not text_dir.is_dir():
        print(f"skipped: no PolNeAR corpus at {args.corpus} (give --corpus)")
        return 0
    from quotegraph.speakers.resolve import resolve_speakers

    sets = tuning_rows()
    by_doc = {doc: rows for doc, (_, rows) in sets.items()}
    set_of = {doc: name for doc, (name, _) in sets.items()}
    data = record({d: _read(text_dir, d) for d in sorted(by_doc)}, Path(args.cache))
    hits: Counter[str] = Counter()
    total: Counter[str] = Counter()
    wrong: list[str] = []
    for doc in sorted(by_doc):
        text, calls = data[doc]
        quotes = []
        for piece, inside, local, published, author in calls:
            inside = copy.deepcopy(inside)
            resolve_speakers(piece, inside, local, published, author)
            at = text.find(piece) if piece != text else 0
            quotes += [(at, q) for q in inside]
        for r in by_doc[doc]:
            s, e = r["source"]["start"], r["source"]["end"]
            found = [q for at, q in quotes if any(x.start + at < e and s < x.end + at for x in q.sources)]
            if not found:
                continue  # a source the pipeline does not find: extraction's miss, not the resolver's
            sp = found[0].speaker
            pred = sp.name if sp is not None and sp.type != "DESCRIPTION" else None
            ok = _matches(pred, r["canonical"])
            for key in (r["form"], "all") + (("pronoun+surname+description",) if r["form"] in RESOLVED_FORMS else ()):
                total[key] += 1
                hits[key] += ok
            if not ok:
                wrong.append("\t".join(str(x).replace("\n", " ") for x in (set_of[doc], doc, s, r["form"], text[s:e], r["canonical"], pred)))
    print(f"{len(by_doc)} articles of {len(set(set_of.values()))} tuning sets; gold sources the pipeline finds, resolved right:")
    for key in sorted(total):
        print(f"{key:30} {hits[key] / total[key]:.4f}  {hits[key]:6}/{total[key]}")
    if args.wrong:
        Path(args.wrong).write_text("\n".join(wrong) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
