"""Speaker-resolution accuracy on hand-annotated articles.

The annotation (``tests/data/speakers/dev_speakers.jsonl``) gives, for every
attribution with a source in 12 PolNeAR dev articles, the canonical speaker a
careful reader names; ``dev_speakers_heldout.jsonl`` does the same for 5 other
dev articles, annotated without looking at the resolver's output and kept as a
check on rules tuned to the first 12. Here each gold source span is resolved by
the project's resolver over the article's entity mentions, and compared by name.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

from ..model import Quote, Span
from ..speakers.resolve import Mention, resolve_speakers

ANNOTATION = Path(__file__).resolve().parent.parent.parent / "tests" / "data" / "speakers" / "dev_speakers.jsonl"
# Five other dev articles, annotated without looking at the resolver's output.
HELDOUT = ANNOTATION.with_name("dev_speakers_heldout.jsonl")


def _norm(name: str | None) -> str | None:
    if name is None:
        return None
    name = unicodedata.normalize("NFKC", name).replace("’", "'").lower()
    return " ".join(name.replace(".", " ").split())


def _published(doc: str) -> str | None:
    """PolNeAR file names carry the publication date: ``nyt_2016-09-19_obama-sees-...``."""
    m = re.search(r"_(\d{4}-\d{2}-\d{2})_", doc)
    return m.group(1) if m else None


def _strip_suffix(words: list[str]) -> list[str]:
    while len(words) > 1 and words[-1] in {"jr", "sr", "ii", "iii", "iv"}:
        words = words[:-1]
    return words


def _matches(pred: str | None, gold: str | None) -> bool:
    p, g = _norm(pred), _norm(gold)
    if g is None:
        return p is None
    if p is None:
        return False
    # "Donald Trump" vs "Donald J. Trump": same first and last word is the same person
    # ("John G. Roberts Jr." is John Roberts).
    pt, gt = [_strip_suffix(n.split()) for n in (p, g)]
    return p == g or (len(pt) > 1 and len(gt) > 1 and pt[0] == gt[0] and pt[-1] == gt[-1])


def speaker_accuracy(text_dir: str | Path, annotation: str | Path = ANNOTATION) -> dict[str, dict[str, float]]:
    """Accuracy by source form (name, surname, pronoun, description, other) and overall.

    Each article is resolved with its publication date (from the PolNeAR file name), as
    ``quotegraph ingest`` resolves a page with its metadata date.
    """
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
        resolve_speakers(text, quotes, mentions, _published(doc))
        for r, q in zip(items, quotes):
            sp = q.speaker
            pred = sp.name if sp is not None and sp.type != "DESCRIPTION" else None
            ok = _matches(pred, r["canonical"])
            for key in (r["form"], "all") + (("pronoun+surname+description",) if r["form"] in {"pronoun", "surname", "description"} else ()):
                total[key] += 1
                hits[key] += ok
    return {k: {"accuracy": hits[k] / total[k], "correct": hits[k], "n": total[k]} for k in sorted(total)}
