"""Speaker-resolution accuracy on hand-annotated articles.

The annotation (``tests/data/speakers/dev_speakers.jsonl``) gives, for every
attribution with a source in 12 PolNeAR dev articles, the canonical speaker a
careful reader names. Here each gold source span is resolved by the project's
resolver over the article's entity mentions, and compared by name.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

from ..model import Quote, Span
from ..speakers.resolve import Mention, resolve_speakers

ANNOTATION = Path(__file__).resolve().parent.parent.parent / "tests" / "data" / "speakers" / "dev_speakers.jsonl"


def _norm(name: str | None) -> str | None:
    if name is None:
        return None
    name = unicodedata.normalize("NFKC", name).replace("’", "'").lower()
    return " ".join(name.replace(".", " ").split())


def _matches(pred: str | None, gold: str | None) -> bool:
    p, g = _norm(pred), _norm(gold)
    if g is None:
        return p is None
    if p is None:
        return False
    # "Donald Trump" vs "Donald J. Trump": same first and last word is the same person.
    pt, gt = p.split(), g.split()
    return p == g or (len(pt) > 1 and len(gt) > 1 and pt[0] == gt[0] and pt[-1] == gt[-1])


def speaker_accuracy(text_dir: str | Path, annotation: str | Path = ANNOTATION) -> dict[str, dict[str, float]]:
    """Accuracy by source form (name, surname, pronoun, description, other) and overall."""
    from ..pipeline import load_pipeline

    nlp = load_pipeline()
    ner = nlp.get_pipe("ner")
    rows = [json.loads(line) for line in Path(annotation).read_text(encoding="utf-8").splitlines() if line.strip()]
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_doc[r["doc"]].append(r)
    hits: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for doc, items in by_doc.items():
        with open(Path(text_dir) / f"{doc}.txt", encoding="utf-8", newline="") as f:
            text = f.read()
        sdoc = ner(nlp.make_doc(text))
        mentions = [Mention(e.start_char, e.end_char, e.label_) for e in sdoc.ents]
        quotes = []
        for r in items:
            s, e = r["source"]["start"], r["source"]["end"]
            quotes.append(Quote("indirect", None, [Span.of(text, s, e)], [Span.of(text, s, e)]))
        resolve_speakers(text, quotes, mentions)
        for r, q in zip(items, quotes):
            sp = q.speaker
            pred = sp.name if sp is not None and sp.type != "DESCRIPTION" else None
            ok = _matches(pred, r["canonical"])
            for key in (r["form"], "all") + (("pronoun+surname+description",) if r["form"] in {"pronoun", "surname", "description"} else ()):
                total[key] += 1
                hits[key] += ok
    return {k: {"accuracy": hits[k] / total[k], "correct": hits[k], "n": total[k]} for k in sorted(total)}
