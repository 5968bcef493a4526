"""The regions of a text that extraction reads: its body, in paragraph-aligned pieces of bounded length.

``quotegraph.extract`` and the spaCy components cut a text the same way, so that both find the
same quotes: the tagger and the speaker resolver see one piece at a time (speakers are resolved
within a piece), the entity recogniser reads each piece on its own.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Quote, Span

# Bodies longer than this are read in pieces of at most this many characters.
PIECE_CHARS = 100_000


def pieces(text: str, start: int, end: int, size: int | None = None) -> list[tuple[int, int]]:
    """``text[start:end]`` cut in order into pieces of at most ``size`` characters, at a line break
    in the second half of the limit where there is one, else at a space, else anywhere."""
    size = size or PIECE_CHARS
    out = []
    while end - start > size:
        cut = text.rfind("\n", start + size // 2, start + size)
        if cut <= start:
            cut = text.rfind(" ", start + size // 2, start + size)
        if cut <= start:
            cut = start + size
        out.append((start, cut))
        start = cut
    out.append((start, end))
    return out


def shift(q: Quote, text: str, off: int) -> Quote:
    """A copy of ``q`` with every offset moved by ``off``, its span texts read from ``text``."""

    def sh(s: Span) -> Span:
        return Span.of(text, s.start + off, s.end + off)

    sp = q.speaker
    if sp is not None and sp.mention is not None:
        sp = replace(sp, mention=sh(sp.mention))
    return Quote(q.kind, sh(q.cue) if q.cue else None, [sh(s) for s in q.sources], [sh(s) for s in q.contents], sp, q.confidence)
