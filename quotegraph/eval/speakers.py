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
from functools import lru_cache
from pathlib import Path

from ftfy import fix_text

from ..model import Quote, Span
from ..speakers.names import lexicon
from ..speakers.resolve import Mention, resolve_speakers

ANNOTATION = Path(__file__).resolve().parent.parent.parent / "tests" / "data" / "speakers" / "dev_speakers.jsonl"
# Five other dev articles, annotated without looking at the resolver's output.
HELDOUT = ANNOTATION.with_name("dev_speakers_heldout.jsonl")
# 40 PolNeAR train articles annotated blind, with roles (README.md beside it): report only, never tuned on.
BLIND = ANNOTATION.with_name("train_speakers_blind.jsonl")
# 16 other PolNeAR dev articles annotated blind on 2026-11-30 (README.md beside it): report only, never tuned on.
BLIND_DEV = ANNOTATION.with_name("dev_speakers_blind.jsonl")
RESOLVED_FORMS = frozenset({"pronoun", "surname", "description"})


def _norm(name: str | None) -> str | None:
    """A name as compared: case, curly apostrophes and a leading "the" aside, and text read in the wrong encoding
    repaired on both sides ("FranÃ§ois Hollande", as some gold names copy their article, is François Hollande)."""
    if name is None:
        return None
    name = unicodedata.normalize("NFKC", fix_text(name)).replace("’", "'").lower()
    words = name.replace(".", " ").split()
    # "The Washington Post" and "Washington Post" name one paper.
    return " ".join(words[1:] if len(words) > 1 and words[0] == "the" else words)


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
    # ("Brent Bozell, Jr." is Brent Bozell Jr., not his son Brent Bozell III: two suffixes must agree)
    pw, gw = [n.replace(",", " ").split() for n in (p, g)]
    if pw[-1:] != gw[-1:] and len(pw) > 2 and len(gw) > 2 and {pw[-1], gw[-1]} <= {"jr", "sr", "ii", "iii", "iv"}:
        return False
    pt, gt = _strip_suffix(pw), _strip_suffix(gw)
    return p == g or pt == gt or (len(pt) > 1 and len(gt) > 1 and pt[0] == gt[0] and pt[-1] == gt[-1])


def _identity(name: str) -> str:
    """The gold identity of a canonical name: "Donald J. Trump" and "Donald Trump" are one person."""
    words = _strip_suffix((_norm(name) or "").split())
    return f"{words[0]} {words[-1]}" if len(words) > 2 else " ".join(words)


def _rows(annotation: str | Path) -> dict[str, list[dict]]:
    rows = [json.loads(line) for line in Path(annotation).read_text(encoding="utf-8").splitlines() if line.strip()]
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_doc[r["doc"]].append(r)
    return by_doc


def tuning_sets() -> list[tuple[str, Path]]:
    """The tuning sets of PolNeAR train articles the resolver's rules may be written on, (name, file) in order of name
    ("tune", "tune10", ...; ``train_speakers_tune*.jsonl``): never the blind sets."""
    return [(p.stem.removeprefix("train_speakers_"), p) for p in sorted(ANNOTATION.parent.glob("train_speakers_tune*.jsonl"))]


def tuning_rows(wanted: set[str] | frozenset[str] = frozenset()) -> dict[str, tuple[str, list[dict]]]:
    """The annotation lines of the tuning sets (all of them, or those ``wanted`` by name), by article: (set, lines)."""
    out: dict[str, tuple[str, list[dict]]] = {}
    for name, path in tuning_sets():
        if not wanted or name in wanted:
            for doc, rows in _rows(path).items():
                out.setdefault(doc, (name, []))[1].extend(rows)
    return out


def _read(text_dir: str | Path, doc: str) -> str:
    with open(Path(text_dir) / f"{doc}.txt", encoding="utf-8", newline="") as f:
        return f.read()


def _role_words(role: str) -> set[str]:
    return {w for w in re.findall(r"[\w'-]+", unicodedata.normalize("NFKC", role).replace("’", "'").lower()) if w not in {"the", "a", "an", "of"}}


def _role_right(pred: str, gold_roles: set[str]) -> bool:
    """A predicted role is right when its last word is a word of a role the article gives that speaker."""
    words = re.findall(r"[\w'-]+", unicodedata.normalize("NFKC", pred).replace("’", "'").lower())
    return bool(words) and any(words[-1] in _role_words(g) for g in gold_roles)


@lru_cache(maxsize=1)
def _abbreviations() -> dict[str, str]:
    """The lexicon's abbreviated titles, lower case ("sen" -> "senator"), made once."""
    return {k.lower(): v.lower() for k, v in lexicon().abbreviations.items()}


def _spelled_words(role: str) -> set[str]:
    """``_role_words`` with abbreviated titles spelled out ("Sen." -> "senator")."""
    return {_abbreviations().get(w.rstrip("."), w) for w in _role_words(role)}


def _role_whole(pred: str, gold_roles: set[str]) -> bool:
    """A stricter diagnostic than ``_role_right``: every word of the predicted role is a word of one role the article
    gives that speaker (abbreviated titles spelled out), so that debris before the head ("polls show Senator") counts
    as wrong where the last word alone does not."""
    spelled = _spelled_words(pred)
    return bool(spelled) and any(spelled <= _spelled_words(g) for g in gold_roles)


def speaker_accuracy(text_dir: str | Path, annotation: str | Path = ANNOTATION) -> dict[str, dict[str, float]]:
    """Accuracy by source form (name, surname, pronoun, description, other) and overall; where the
    annotation has roles, ``role`` precision and recall too.

    Each article is resolved with its publication date (from the PolNeAR file name), as
    ``quotegraph ingest`` resolves a page with its metadata date.
    """
    from ..pipeline import load_pipeline

    nlp = load_pipeline()
    ner = nlp.get_pipe("ner")
    by_doc = _rows(annotation)
    hits: Counter[str] = Counter()
    total: Counter[str] = Counter()
    roles = Counter[str]()
    has_roles = any("role" in r for items in by_doc.values() for r in items)
    for doc, items in by_doc.items():
        text = _read(text_dir, doc)
        sdoc = ner(nlp.make_doc(text))
        mentions = [Mention(e.start_char, e.end_char, e.label_) for e in sdoc.ents]
        quotes = []
        for r in items:
            s, e = r["source"]["start"], r["source"]["end"]
            quotes.append(Quote("indirect", None, [Span.of(text, s, e)], [Span.of(text, s, e)]))
        resolve_speakers(text, quotes, mentions, _published(doc))
        gold_roles: dict[str, set[str]] = defaultdict(set)
        for r in items:
            if r.get("canonical") and r.get("role"):
                gold_roles[r["canonical"]].add(r["role"])
        for r, q in zip(items, quotes):
            sp = q.speaker
            pred = sp.name if sp is not None and sp.type != "DESCRIPTION" else None
            ok = _matches(pred, r["canonical"])
            for key in (r["form"], "all") + (("pronoun+surname+description",) if r["form"] in RESOLVED_FORMS else ()):
                total[key] += 1
                hits[key] += ok
            if not has_roles or not r.get("canonical"):
                continue
            predicted_role = sp.role if sp is not None and sp.type != "DESCRIPTION" else None
            right = bool(predicted_role) and _role_right(predicted_role or "", gold_roles[r["canonical"]])
            roles["predicted"] += bool(predicted_role)
            roles["right"] += right
            roles["whole"] += right and _role_whole(predicted_role or "", gold_roles[r["canonical"]])
            roles["gold"] += bool(r.get("role"))
            roles["found"] += right and bool(r.get("role"))
    out = {k: {"accuracy": hits[k] / total[k], "correct": hits[k], "n": total[k]} for k in sorted(total)}
    if has_roles:
        out["role precision"] = {"accuracy": roles["right"] / max(1, roles["predicted"]), "correct": roles["right"], "n": roles["predicted"]}
        out["role recall"] = {"accuracy": roles["found"] / max(1, roles["gold"]), "correct": roles["found"], "n": roles["gold"]}
        # Diagnostic: the right roles whose every word is a word of one of the speaker's roles (see _role_whole).
        out["role whole-phrase precision"] = {"accuracy": roles["whole"] / max(1, roles["predicted"]), "correct": roles["whole"], "n": roles["predicted"]}
    return out


def sources_found(text_dir: str | Path, annotation: str | Path = ANNOTATION) -> dict[str, dict[str, float]]:
    """Share of the gold sources, by form, that the whole pipeline finds: a predicted source overlaps it."""
    from ..pipeline import extract_many

    by_doc = _rows(annotation)
    docs = sorted(by_doc)
    hits: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for doc, art in zip(docs, extract_many([(d, _read(text_dir, d), _published(d)) for d in docs])):
        spans = [(s.start, s.end) for q in art.quotes for s in q.sources]
        for r in by_doc[doc]:
            s, e = r["source"]["start"], r["source"]["end"]
            found = any(a < e and s < b for a, b in spans)
            for key in (r["form"], "all") + (("pronoun+surname+description",) if r["form"] in RESOLVED_FORMS else ()):
                total[key] += 1
                hits[key] += found
    return {k: {"accuracy": hits[k] / total[k], "correct": hits[k], "n": total[k]} for k in sorted(total)}


def identity_bcubed(text_dir: str | Path, annotation: str | Path, workdir: str | Path) -> dict[str, float]:
    """One identity across articles: the annotated articles ingested into one store, B-cubed precision,
    recall and F1 of the store's speaker ids against the gold canonical names.

    Items are the gold sources with a named referent; one the pipeline finds no source for (or
    gives no speaker) is a cluster of its own, so a miss costs recall.
    """
    items = [(gold, cluster) for gold, cluster, _ in store_speakers(text_dir, _rows(annotation), workdir)]
    scores = bcubed(items)
    # A diagnostic, not the figure: the same over the sources the pipeline found, which tells what the misses cost
    # (recall) from what the store's merging and the resolver's errors cost.
    found = [(g, p) for g, p in items if not p.startswith("missed ")]
    return {**scores, "items": len(items), "speakers": len({p for _, p in items}), "people": len({g for g, _ in items}),
            "found_items": len(found), **{f"found_{k}": v for k, v in bcubed(found).items()}}


def store_speakers(text_dir: str | Path, by_doc: dict[str, list[dict]], workdir: str | Path) -> list[tuple[str, str, str | None]]:
    """The annotated articles (``doc`` -> its annotation lines) ingested into one store in ``workdir``: for each gold source
    with a named referent, its gold identity, its predicted cluster ("speaker ID" of the predicted source that overlaps
    it, or "missed DOC N") and that store speaker's name (None where missed)."""
    import sqlite3

    from ..corpus import ingest

    dump = Path(workdir) / "annotated.jsonl"
    with open(dump, "w", encoding="utf-8") as f:
        for doc in sorted(by_doc):
            f.write(json.dumps({"text": _read(text_dir, doc), "url": f"polnear:{doc}", "published": _published(doc)}) + "\n")
    db = str(Path(workdir) / "identity.db")
    ingest([str(dump)], db=db, jobs=1, min_confidence=0.0)
    conn = sqlite3.connect(db)
    names = dict(conn.execute("SELECT id, name FROM speakers").fetchall())
    items: list[tuple[str, str, str | None]] = []
    for doc, rows in by_doc.items():
        got = conn.execute("SELECT id FROM articles WHERE url = ?", (f"polnear:{doc}",)).fetchone()
        occ = conn.execute("SELECT sources, speaker_id FROM occurrences WHERE article_id = ?", (got[0],)).fetchall() if got else []
        spans = [(sp["start"], sp["end"], sid) for sources, sid in occ for sp in json.loads(sources)]
        for n, r in enumerate(rows):
            if not r.get("canonical"):
                continue
            s, e = r["source"]["start"], r["source"]["end"]
            sid = next((x for a, b, x in spans if a < e and s < b and x is not None), None)
            items.append((_identity(r["canonical"]), f"speaker {sid}" if sid is not None else f"missed {doc} {n}",
                          names.get(sid) if sid is not None else None))
    conn.close()
    return items


def bcubed(items: list[tuple[str, str]]) -> dict[str, float]:
    """B-cubed precision, recall and F1 of (gold cluster, predicted cluster) items: for each item, the
    share of its predicted cluster with its gold cluster (precision) and the share of its gold cluster
    in its predicted cluster (recall), averaged over the items."""
    gold_of: dict[str, Counter[str]] = defaultdict(Counter)
    pred_of: dict[str, Counter[str]] = defaultdict(Counter)
    for g, p in items:
        gold_of[g][p] += 1
        pred_of[p][g] += 1
    gold_size = {g: sum(c.values()) for g, c in gold_of.items()}
    pred_size = {p: sum(c.values()) for p, c in pred_of.items()}
    precision = sum(pred_of[p][g] / pred_size[p] for g, p in items) / max(1, len(items))
    recall = sum(gold_of[g][p] / gold_size[g] for g, p in items) / max(1, len(items))
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}
