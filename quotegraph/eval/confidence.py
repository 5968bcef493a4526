"""Whether each predicted quote is right, for calibrating and checking quote confidence.

A predicted quote is right when some gold attribution's content shares at least half its
characters with it (Dice >= 0.5 on trimmed characters, the scorer's partial match) and they share
a source character or both have none: the reference scorer's attribution match, per quote.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Quote
from .polnear import GoldAttribution
from .score import _dice, trimmed_chars


def right(text: str, q: Quote, gold: Sequence[GoldAttribution]) -> bool:
    content = trimmed_chars(text, [(c.start, c.end) for c in q.contents])
    source = trimmed_chars(text, [(s.start, s.end) for s in q.sources])
    for g in gold:
        if _dice(content, trimmed_chars(text, g.content)) < 0.5:
            continue
        gold_source = trimmed_chars(text, g.source)
        if (not source and not gold_source) or source & gold_source:
            return True
    return False
