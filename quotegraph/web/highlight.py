"""An article's text as HTML with every attribution's source, cue and content marked.

The text is cut at every span boundary into segments; each segment is escaped on its own and
wrapped in one ``<span>`` whose classes name every role covering it, so nested and overlapping
spans never produce broken markup. Raw article text never reaches the page unescaped.
"""

from __future__ import annotations

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
    out = []
    for start, end in zip(cuts, cuts[1:]):
        if start >= end:
            continue
        covering = [(role, i) for s, e, role, i in marks if s <= start and end <= e]
        quotes = tuple(sorted({i for _, i in covering}))
        title = "; ".join(dict.fromkeys(labels[i] for i in quotes))
        faded = bool(quotes) and all(unsure(attributions[i]) for i in quotes)
        aside_here = any(s <= start and end <= e for s, e in aside)
        out.append(Segment(start, end, text[start:end], frozenset(r for r, _ in covering), aside_here, quotes, title, faded))
    return out


def to_html(segs: Iterable[Segment]) -> Markup:
    """The segments as HTML: plain text escaped, marked text escaped inside one ``<span>`` each."""
    parts = []
    for seg in segs:
        body = escape(seg.text)
        classes = seg.classes
        if not classes:
            parts.append(str(body))
            continue
        attrs = f' class="{escape(classes)}"'
        if seg.quotes:
            attrs += f' data-q="{escape(" ".join(str(q + 1) for q in seg.quotes))}"'
        if seg.title:
            attrs += f' title="{escape(seg.title)}"'
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
