"""Nested attributions in a gold folder, and how many of them a run finds (issue 12, point 1).

Two counts, since PolNeAR's annotation is univocal (each word has one role in one attribution):

- ``gold_nested``: gold attributions whose cue (and source, where it has one) lies inside another gold
  attribution's content. The univocal annotation leaves none: PolNeAR ends the outer content where
  an inner attribution begins ("recent comments his rival made | questioning why ...") or keeps the
  inner report in the outer content, unannotated ("what he called Machado's 'sex tape'").
- ``swallowed``: gold attributions whose cue lies inside a predicted content, the nesting a BIO tagger
  makes when one content runs over a second attribution; ``swallowed_found`` of them are matched
  (the scorer's attribution match, ``score.quote_matches``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .score import Quote, Spans, quote_matches


def spans_inside(inner: Spans, outer: Spans) -> bool:
    """Whether every span of ``inner`` (at least one) lies within one span of ``outer``."""
    return bool(inner) and all(any(os <= s and e <= oe for os, oe in outer) for s, e in inner)


def nested_in(gold: Sequence[Quote], i: int) -> bool:
    """Whether gold attribution ``i`` is nested: its cue and source inside another gold attribution's content."""
    a = gold[i]
    return any(
        j != i and spans_inside(a["cue"], b["content"]) and (not a["source"] or spans_inside(a["source"], b["content"]))
        for j, b in enumerate(gold)
    )


@dataclass
class NestedReport:
    documents: int = 0
    gold: int = 0
    gold_nested: int = 0
    gold_nested_found: int = 0
    swallowed: int = 0
    swallowed_found: int = 0

    def format(self) -> str:
        return (
            f"{self.documents} documents, {self.gold} gold attributions; nested in a gold content: {self.gold_nested} "
            f"(found {self.gold_nested_found}); cue inside a predicted content: {self.swallowed} (found {self.swallowed_found})"
        )


def nested_report(docs: Iterable[tuple[str, Sequence[Quote], Sequence[Quote]]]) -> NestedReport:
    """Count nested gold attributions over ``(text, gold quotes, predicted quotes)`` triples, as ``score.evaluate`` takes."""
    r = NestedReport()
    for text, gold, pred in docs:
        r.documents += 1
        r.gold += len(gold)
        found = {g for _, g in quote_matches(text, gold, pred)["attribution"]}
        for i, a in enumerate(gold):
            if nested_in(gold, i):
                r.gold_nested += 1
                r.gold_nested_found += i in found
            if any(spans_inside(a["cue"], q["content"]) for q in pred):
                r.swallowed += 1
                r.swallowed_found += i in found
    return r
