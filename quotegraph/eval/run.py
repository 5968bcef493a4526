"""``quotegraph eval``: score predictions (a JSONL file, or a fresh run) on a gold folder."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..errors import GoldFormatError
from .polnear import load_gold
from .score import evaluate

logger = logging.getLogger(__name__)


def _spans(value: Any) -> list[tuple[int, int]]:
    if not value:
        return []
    if isinstance(value, dict):
        value = [value]
    return [(int(v["start"]), int(v["end"])) for v in value]


def quotes_of(record: dict[str, Any]) -> list[dict[str, list[tuple[int, int]]]]:
    """A prediction line's quotes as span lists (``cue`` may be one span or a list)."""
    return [
        {"cue": _spans(q.get("cue")), "source": _spans(q.get("sources")), "content": _spans(q.get("contents"))}
        for q in record.get("quotes", [])
    ]


def load_pred(path: str | Path, docs: set[str]) -> dict[str, list[dict[str, list[tuple[int, int]]]]]:
    pred: dict[str, list[dict[str, list[tuple[int, int]]]]] = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                doc = rec["doc"]
                quotes = quotes_of(rec)
            except (ValueError, KeyError, TypeError) as e:
                raise GoldFormatError(f"{path}, line {n}: not a prediction record ({e})") from None
            if doc not in docs:
                logger.warning("line %d: unknown doc %r ignored", n, doc)
                continue
            pred.setdefault(doc, []).extend(quotes)
    return pred


def predict_folder(
    gold_dir: str | Path, save: str | None = None, progress: Callable[[int, int], None] | None = None
) -> dict[str, list[dict[str, list[tuple[int, int]]]]]:
    """Predictions for the gold texts, by a fresh run (``progress``: told the bytes read and their total)."""
    from ..batch import run

    paths = sorted(str(p) for p in (Path(gold_dir) / "text").glob("*.txt"))
    pred = {}
    out = open(save, "w", encoding="utf-8") if save else None
    try:
        for res in run(paths, progress=progress):
            if res.article is None:
                logger.warning("%s", res.error)
                continue
            rec = res.article.to_json()
            if out:
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            pred[res.article.doc] = quotes_of(rec)
    finally:
        if out:
            out.close()
    return pred


def evaluate_folder(  # type: ignore[no-untyped-def]
    gold_dir: str | Path, pred_path: str | None = None, save: str | None = None, progress: Callable[[int, int], None] | None = None
):
    """Metrics and counts of ``score.evaluate`` for a gold folder, with predictions read from ``pred_path`` or made afresh."""
    return evaluate(folder_triples(gold_dir, pred_path, save, progress))


def folder_triples(
    gold_dir: str | Path, pred_path: str | None = None, save: str | None = None, progress: Callable[[int, int], None] | None = None
) -> list[tuple[str, list[dict[str, list[tuple[int, int]]]], list[dict[str, list[tuple[int, int]]]]]]:
    """``(text, gold quotes, predicted quotes)`` of every gold text, as ``score.evaluate`` takes them."""
    gold_path = Path(gold_dir)
    if not (gold_path / "text").is_dir() or not (gold_path / "attributions").is_dir():
        raise GoldFormatError(f"{gold_dir}: expected text/ and attributions/ folders (PolNeAR layout)")
    gold = load_gold(gold_path)
    pred = load_pred(pred_path, set(gold)) if pred_path else predict_folder(gold_path, save, progress)
    missing = [d for d in gold if d not in pred]
    if missing:
        logger.warning("%d gold documents have no prediction (scored as empty)", len(missing))
    triples = []
    for doc, g in gold.items():
        gq = [{"cue": a.cue, "source": a.source, "content": a.content} for a in g.attributions]
        triples.append((g.text, gq, pred.get(doc, [])))
    return triples
