"""An article's text as HTML with every attribution's source, cue and content marked, one quote's passage
marked the same way, and a statement with the words of a search marked.

The text is cut at every span boundary into segments; each segment is escaped on its own and
wrapped in one ``<span>`` whose classes name every role covering it, so nested and overlapping
spans never produce broken markup. Raw article text never reaches the page unescaped.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

# Roles in the order their classes are written (the style sheet lets the later ones win).
ROLES = ("content", "source", "cue")
# An attribution less likely than this to be right (its calibrated confidence) is shown faded.
UNSURE = 0.5


@dataclass(frozen=True)
class Segment:
    start: int
    end: int
    text: str
    roles: frozenset[str]  # of ROLES
    boilerplate: bool
    quotes: tuple[int, ...]  # indexes of the attributions covering it
    title: str  # who said it, for the hover text
    unsure: bool = False  # every attribution covering it is less likely than not to be right
    speaker: str = ""  # ends a source written otherwise than its speaker's name ("he"): the name, shown after it
    starts: tuple[int, ...] = ()  # numbers (from 1) of the attributions whose first span starts here

    @property
    def classes(self) -> str:
        names = [f"hl-{r}" for r in ROLES if r in self.roles]
        if self.boilerplate:
            names.append("boiler")
        if self.unsure and self.roles:
            names.append("unsure")
        return " ".join(names)


def unsure(attribution: Mapping[str, Any]) -> bool:
    """Whether an attribution is less likely than not to be right (no confidence: sure)."""
    c = attribution.get("confidence")
    return isinstance(c, int | float) and c < UNSURE


def speaker_label(attribution: Mapping[str, Any]) -> str:
    """``Name, role`` of an attribution's speaker (as the page shows it on hover), or why there is none."""
    sp = attribution.get("speaker")
    if not sp:
        sources = attribution.get("sources") or []
        return f"unresolved source: {sources[0]['text']}" if sources else "no source given"
    label = str(sp.get("name") or sp.get("as_written") or "unknown speaker")
    if sp.get("role"):
        label += f", {sp['role']}"
    return label


def written_as(attribution: Mapping[str, Any]) -> str:
    """The speaker's name to show beside a source written otherwise ("he", "the mayor"), or "" (no speaker, or the
    source already names them)."""
    sp = attribution.get("speaker") or {}
    name = str(sp.get("name") or "")
    sources = attribution.get("sources") or []
    written = " ".join(str(s.get("text") or "") for s in sources)
    return name if name and sources and name.casefold() not in written.casefold() else ""


def _first_start(attribution: Mapping[str, Any]) -> int | None:
    spans = [attribution.get("cue"), *(attribution.get("sources") or []), *(attribution.get("contents") or [])]
    starts = [int(s["start"]) for s in spans if s]
    return min(starts) if starts else None


def segments(
    text: str,
    attributions: Sequence[Mapping[str, Any]],
    body: tuple[int, int] | None = None,
    boilerplate: Iterable[tuple[int, int]] = (),
) -> list[Segment]:
    """``text`` cut into segments at every span boundary, each with the roles, attributions and boilerplate covering it.

    ``attributions`` are dicts with ``cue`` (a span or None), ``sources`` and ``contents`` (lists of spans,
    ``{"start", "end"}``) and ``speaker`` (``name``, ``role``), as the store and ``Article.to_json`` give them.
    Text outside ``body`` or inside a ``boilerplate`` span is marked boilerplate. Spans are clipped to the text;
    empty or inverted ones are dropped.
    """
    n = len(text)
    marks: list[tuple[int, int, str, int]] = []  # start, end, role, attribution index
    for i, a in enumerate(attributions):
        spans = [("cue", a.get("cue"))] + [("source", s) for s in a.get("sources") or []] + [("content", s) for s in a.get("contents") or []]
        for role, span in spans:
            if not span:
                continue
            start, end = max(0, int(span["start"])), min(n, int(span["end"]))
            if start < end:
                marks.append((start, end, role, i))
    aside = [(max(0, s), min(n, e)) for s, e in boilerplate if max(0, s) < min(n, e)]
    if body is not None:
        b0, b1 = max(0, min(n, body[0])), max(0, min(n, body[1]))
        aside += [(0, b0)] if b0 > 0 else []
        aside += [(b1, n)] if b1 < n else []
    cuts = sorted({0, n, *(p for s, e, _, _ in marks for p in (s, e)), *(p for s, e in aside for p in (s, e))})
    labels = [speaker_label(a) for a in attributions]
    names = [written_as(a) for a in attributions]
    # Where each attribution's first span starts (clipped as the spans are), for the anchor in the text.
    firsts: dict[int, list[int]] = {}
    for i, a in enumerate(attributions):
        first = _first_start(a)
        if first is not None:
            firsts.setdefault(min(max(0, first), max(0, n - 1)), []).append(i + 1)
    out = []
    for start, end in zip(cuts, cuts[1:]):
        if start >= end:
            continue
        covering = [(role, i) for s, e, role, i in marks if s <= start and end <= e]
        quotes = tuple(sorted({i for _, i in covering}))
        title = "; ".join(dict.fromkeys(labels[i] for i in quotes))
        faded = bool(quotes) and all(unsure(attributions[i]) for i in quotes)
        aside_here = any(s <= start and end <= e for s, e in aside)
        speaker = "; ".join(dict.fromkeys(names[i] for s, e, role, i in marks if role == "source" and e == end and s < end and names[i]))
        starts = tuple(firsts.pop(start, ()))
        out.append(Segment(start, end, text[start:end], frozenset(r for r, _ in covering), aside_here, quotes, title, faded, speaker, starts))
    return out


def to_html(segs: Iterable[Segment], anchors: bool = True) -> Markup:
    """The segments as HTML: plain text escaped, marked text escaped inside one ``<span>`` each. A source written
    otherwise than its speaker's name carries the name (``data-speaker``, shown after it by the style sheet); with
    ``anchors``, an empty ``<span id="tN" class="qn">`` marks where attribution N starts (numbered by the style
    sheet) and marked text says which attributions cover it (``data-q``) and who said it on hover."""
    parts: list[str] = []
    for seg in segs:
        if anchors:
            parts.extend(f'<span class="qn" id="t{n}" data-n="{n}"></span>' for n in seg.starts)
        body = escape(seg.text)
        classes = seg.classes
        if not classes:
            parts.append(str(body))
            continue
        attrs = f' class="{escape(classes)}"'
        if seg.quotes and anchors:
            attrs += f' data-q="{escape(" ".join(str(q + 1) for q in seg.quotes))}"'
        if seg.title and anchors:
            attrs += f' title="{escape(seg.title)}"'
        if seg.speaker:
            attrs += f' data-speaker="{escape(seg.speaker)}"'
        parts.append(f"<span{attrs}>{body}</span>")
    return Markup("".join(parts))


def highlight(
    text: str,
    attributions: Sequence[Mapping[str, Any]],
    body: tuple[int, int] | None = None,
    boilerplate: Iterable[tuple[int, int]] = (),
) -> Markup:
    """``text`` as HTML with sources, cues and contents marked (classes ``hl-source``, ``hl-cue``, ``hl-content``),
    the speaker on hover (``title``) and boilerplate greyed (class ``boiler``)."""
    return to_html(segments(text, attributions, body, boilerplate))


def passage(text: str, attribution: Mapping[str, Any], margin: int = 0) -> Markup:
    """One attribution as the article has it: the text from its first span to its last (``margin`` characters more
    either side, cut at a space), with its source, cue and content marked where they stand."""
    spans = [attribution.get("cue"), *(attribution.get("sources") or []), *(attribution.get("contents") or [])]
    spans = [s for s in spans if s and int(s["start"]) < int(s["end"])]
    if not spans:
        return Markup("")
    n = len(text)
    lo, hi = max(0, min(int(s["start"]) for s in spans)), min(n, max(int(s["end"]) for s in spans))
    if margin:
        before, after = text.rfind(" ", max(0, lo - margin), lo), text.find(" ", hi, min(n, hi + margin))
        lo = before + 1 if before >= 0 and lo - margin > 0 else max(0, lo - margin)
        hi = after if after >= 0 and hi + margin < n else min(n, hi + margin)

    def shifted(span: Mapping[str, Any] | None) -> dict[str, int] | None:
        return {"start": int(span["start"]) - lo, "end": int(span["end"]) - lo} if span else None

    one = {
        "cue": shifted(attribution.get("cue")),
        "sources": [{**s, **shifted(s)} for s in attribution.get("sources") or []],  # type: ignore[dict-item]
        "contents": [shifted(s) for s in attribution.get("contents") or []],
        "speaker": attribution.get("speaker"),
        "confidence": attribution.get("confidence"),
    }
    return to_html(segments(text[lo:hi], [one]), anchors=False)


# A word as SQLite FTS5's unicode61 tokenizer cuts them: letters and digits (an underscore separates).
_WORD = re.compile(r"[^\W_]+")
_QUERY_TOKEN = re.compile(r'"[^"]*"?|[^\s()"]+')


def _fold(word: str) -> str:
    """A word as the index compares it: case and diacritics aside (``remove_diacritics 2``)."""
    return "".join(c for c in unicodedata.normalize("NFKD", word.casefold()) if not unicodedata.combining(c))


def search_terms(query: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """The words of a search text (the syntax FTS5 reads) that found what it found, folded: whole words, and prefixes
    (``word*``). Operators, and words after NOT, are left out."""
    words: set[str] = set()
    prefixes: list[str] = []
    skip = False
    for tok in _QUERY_TOKEN.findall(query):
        if tok in ("AND", "OR"):
            continue
        if tok == "NOT":
            skip = True
            continue
        if tok.startswith("NEAR"):
            tok = tok[4:]
        if skip:
            skip = False
            continue
        star = tok.endswith("*")
        found = [_fold(w) for w in _WORD.findall(tok)]
        if star and found:
            prefixes.append(found.pop())
        words.update(found)
    return frozenset(words), tuple(prefixes)


def mark_terms(text: str, query: str) -> Markup:
    """``text`` escaped, with each word the search text ``query`` looks for in ``<mark>``."""
    words, prefixes = search_terms(query)
    if not words and not prefixes:
        return escape(text)
    parts, at = [], 0
    for m in _WORD.finditer(text):
        folded = _fold(m.group())
        if folded in words or folded.startswith(prefixes):
            parts += [str(escape(text[at : m.start()])), f"<mark>{escape(m.group())}</mark>"]
            at = m.end()
    parts.append(str(escape(text[at:])))
    return Markup("".join(parts))
