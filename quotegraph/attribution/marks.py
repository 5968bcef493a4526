"""Where quotation marks quote: one reading of a paragraph's marks for the kind of a quote
(``extract.quote_kind``), for the paragraphs that continue a quotation (``continuation``) and for
what the speaker resolver takes to be inside a quotation (``speakers.resolve``).

A quotation stays within its paragraph. Double marks quote: curly (“ ”), guillemets (« »), low
(„), the straight ``"`` (each one opens or closes) and two apostrophes written for one
(``''So far,'' he said``, as some newspapers' archives write them). A paragraph with none of
those may quote with single marks, as British and Irish papers do (``'We will not back down,' he
said.``). An apostrophe is so often just that (``don't``, ``the workers' union``, ``the '90s``,
``rock 'n' roll``) that a single mark quotes only where it opens a word and is closed by a mark
right after the punctuation that ends a sentence or a clause (``.`` ``,`` ``!`` ``?`` ``…`` or a
dash), or where it opens the paragraph, a sentence or what a colon introduces and is never closed
in a paragraph that ends as a sentence does (a quotation the next paragraph goes on with). A
scare-quoted word (``'insulting'``) is left alone.
"""

from __future__ import annotations

import re

import numpy as np

_DOUBLE = re.compile("''|[“«„”»\"]")
_SINGLE = re.compile("[‘’']")
_LINE = re.compile("[^\n]+")
SINGLE_OPENERS = "‘'"
_BEFORE_OPENER = '([—–-"“'
_BEFORE_CLOSER = ".,!?…—–"
_SENTENCE_END = ".!?…"


def _double(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], bool, bool]:
    """(quoted ranges, left open at the end, whether the stretch has a double mark at all)."""
    out: list[tuple[int, int]] = []
    opened: int | None = None
    seen = False
    for m in _DOUBLE.finditer(text, start, end):
        seen = True
        mark = m.group()
        if opened is not None:
            out.append((opened, m.start()))  # closed (an opening mark inside a quotation starts it again)
            opened = m.end() if mark in "“«„" else None
        elif mark not in "”»":
            opened = m.end()
    if opened is not None:
        out.append((opened, end))
    return out, opened is not None, seen


def _single(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], bool]:
    out: list[tuple[int, int]] = []
    opened: int | None = None
    for m in _SINGLE.finditer(text, start, end):
        i = m.start()
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        if opened is None:
            if m.group() in SINGLE_OPENERS and (before.isspace() or before in _BEFORE_OPENER) and after.isalpha():
                opened = i + 1
        elif m.group() in "’'" and before in _BEFORE_CLOSER and not after.isalnum():
            out.append((opened, i))
            opened = None
    # Left open: a quotation the next paragraph goes on with, where it opens the paragraph, a sentence
    # or a colon's quotation ("Holt said: 'We ...") and the paragraph ends as a sentence does.
    if opened is not None and _starts_sentence(text, start, opened - 1) and text[start:end].rstrip()[-1:] in _SENTENCE_END:
        out.append((opened, end))
        return out, True
    return out, False


def _starts_sentence(text: str, start: int, at: int) -> bool:
    before = text[start:at].rstrip()
    return not before or before[-1] in _SENTENCE_END + ":’'"


def quotations(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], bool]:
    """The quoted stretches of the paragraph ``text[start:end]`` (marks left out) and whether its
    quotation is still open at ``end``."""
    ranges, still_open, seen = _double(text, start, end)
    if seen:
        return ranges, still_open
    return _single(text, start, end)


def quoted_ranges(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The quoted stretches of ``text[start:end]``, paragraph by paragraph (``start`` may fall inside
    one: its quotation is read from there), marks left out. Unbalanced marks never raise: an open
    quotation runs to the end of its paragraph."""
    return [r for line in _LINE.finditer(text, start, len(text) if end is None else end) for r in quotations(text, *line.span())[0]]


def quoted_mask(text: str, start: int, end: int) -> np.ndarray:
    """True for each character of ``text[start:end]`` inside quotation marks (``quoted_ranges``)."""
    mask = np.zeros(end - start, dtype=bool)
    for a, b in quoted_ranges(text, start, end):
        mask[a - start : b - start] = True
    return mask


def open_at_end(text: str, start: int, end: int) -> bool:
    """Whether a quotation opened in the paragraph ``text[start:end]`` is still open at its end."""
    return quotations(text, start, end)[1]


def runs_to_the_end(text: str, start: int, end: int) -> bool:
    """Whether the paragraph's quotation runs to its end: left open, or closed by its last characters
    (not "“During the debate ...” — Maria, 34", where someone else is named after it)."""
    ranges, still_open = quotations(text, start, end)
    return still_open or (bool(ranges) and not any(ch.isalnum() for ch in text[ranges[-1][1] : end]))


def opens_quotation(text: str, start: int, end: int) -> bool:
    """Whether the paragraph ``text[start:end]`` opens with a quotation mark that quotes."""
    ranges, _ = quotations(text, start, end)
    return bool(ranges) and ranges[0][0] - start in (1, 2) and not text[start].isalnum()
