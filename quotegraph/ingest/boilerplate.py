"""Find the article body in scraped plain text: site furniture at its edges is set aside.

Nothing is deleted: the body is a span of the original text, so every offset
stays valid. Teaser lines (headlines of other stories cut off with an ellipsis),
"Leave a Comment", share / subscribe / related-links lines, bylines and
datelines are recognised by the line patterns in ``boilerplate_en.json``.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("boilerplate_en.json")


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    edge = re.compile("(?:" + "|".join(f"(?:{p})" for p in data["edge_lines"]) + r")\Z", re.IGNORECASE)
    teaser = re.compile(data["teaser_line"])
    return edge, teaser


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, end before its line break."""
    out, pos = [], 0
    for m in re.finditer(r"\r\n|\n|\r", text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return out


def is_furniture(line: str) -> bool:
    edge, _ = _patterns()
    return bool(edge.match(line.strip()))


def is_teaser(line: str) -> bool:
    _, teaser = _patterns()
    return bool(teaser.match(line.strip()))


def find_body(text: str) -> tuple[tuple[int, int], list[tuple[int, int]]]:
    """The body span and the boilerplate lines set aside at its edges."""
    lines = [(s, e) for s, e in _lines(text)]
    content = [(s, e) for s, e in lines if text[s:e].strip() and text[s:e].strip() != "\ufeff"]
    if not content:
        return (0, 0), []
    lo, hi = 0, len(content)
    aside: list[tuple[int, int]] = []
    # Trailing furniture: teasers and site lines, in any order, up from the end.
    while hi > lo:
        s, e = content[hi - 1]
        line = text[s:e]
        if is_furniture(line) or is_teaser(line):
            aside.append((s, e))
            hi -= 1
        else:
            break
    # Leading furniture; the headline on the first real line is article text.
    while lo < hi:
        s, e = content[lo]
        line = text[s:e]
        if is_furniture(line) or (is_teaser(line) and lo + 1 < hi and is_teaser(text[slice(*content[lo + 1])])):
            aside.append((s, e))
            lo += 1
        else:
            break
    if lo >= hi:
        return (0, 0), sorted(aside)
    start = content[lo][0]
    # Skip a BOM or spaces at the start of the first body line.
    while start < content[hi - 1][1] and (text[start].isspace() or text[start] == "\ufeff"):
        start += 1
    end = content[hi - 1][1]
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end), sorted(aside)
