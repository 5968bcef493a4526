"""Group word-level cue / source / content tags into attributions.

The tagger labels each word with a BIO tag over three roles (``CUE``, ``SRC``,
``CON``). This module turns such a sequence into attributions: one per cue, its
content spans and at most one source, as PolNeAR's univocal annotation has it.
It knows nothing of the tagger, so it can be checked on gold tags alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple


class Word(NamedTuple):
    start: int
    end: int
    text: str


@dataclass
class Span:
    role: str  # "CUE" | "SRC" | "CON"
    first: int  # word index, inclusive
    last: int  # word index, inclusive
    score: float = 1.0


@dataclass
class Group:
    cue: Span | None
    sources: list[Span] = field(default_factory=list)
    contents: list[Span] = field(default_factory=list)


def spans_from_tags(tags: Sequence[str], scores: Sequence[float] | None = None) -> list[Span]:
    """Runs of one role; a ``B-`` tag or a change of role starts a new span."""
    spans: list[Span] = []
    cur: Span | None = None
    for i, tag in enumerate(tags):
        if tag == "O":
            cur = None
            continue
        bio, role = tag.split("-", 1)
        if cur is not None and bio == "I" and cur.role == role and cur.last == i - 1:
            cur.last = i
        else:
            cur = Span(role, i, i)
            spans.append(cur)
    if scores is not None:
        for s in spans:
            vals = scores[s.first : s.last + 1]
            s.score = sum(vals) / len(vals)
    return spans


def _paragraphs(text: str, words: Sequence[Word]) -> list[int]:
    """Paragraph number of every word (a newline between two words starts a new one)."""
    para, out, prev_end = 0, [], 0
    for w in words:
        if "\n" in text[prev_end : w.start]:
            para += 1
        out.append(para)
        prev_end = w.end
    return out


def _gap(a: Span, b: Span) -> int:
    """Number of words strictly between two spans."""
    if a.last < b.first:
        return b.first - a.last - 1
    if b.last < a.first:
        return a.first - b.last - 1
    return 0


SENTENCE_END = frozenset(".?!")
# Words whose full stop ends no sentence ("Sen.", "Jan.", "Corp."); a single letter before a full
# stop is an initial or part of one ("U.S.", "John G. Roberts").
ABBREVIATIONS = frozenset(
    "mr mrs ms dr sen rep gov gen lt col capt sgt adm maj cmdr st jr sr prof rev hon pres sec amb supt "
    "jan feb mar apr aug sep sept oct nov dec inc corp co ltd bros dept no vs etc approx est ft mt".split()
)


def ends_sentence(words: Sequence[Word], k: int) -> bool:
    """Whether word ``k`` ends a sentence: a ., ? or ! that is not the stop of an abbreviation or an
    initial written right before it ("the U.S. military", "Sen. Warren", "John G. Roberts")."""
    w = words[k]
    if w.text not in SENTENCE_END:
        return False
    if w.text != "." or k == 0:
        return True
    prev = words[k - 1]
    if prev.end != w.start:
        return True
    return not (len(prev.text) == 1 and prev.text.isalpha() or prev.text.lower() in ABBREVIATIONS)
# Crossing a sentence end between a content (or source) and a cue costs this many words.
SENTENCE_COST = 20


def _split_before_cues(words: Sequence[Word], spans: Sequence[Span], cues: Sequence[Span], n_end: Sequence[int]) -> list[Span]:
    """Split a content span of several sentences whose last sentence leads straight into a cue.

    "… bind us together.” Terrorism also threatens …, Guterres said." tagged as one run
    of content is two contents: the last sentence belongs to the cue right after it.
    """
    starts = {c.first for c in cues}
    ends = {c.last for c in cues}
    con_starts = {s.first for s in spans if s.role == "CON"}
    out: list[Span] = []
    for s in spans:
        if s.role != "CON" or n_end[s.last] - n_end[s.first] == 0:
            out.append(s)
            continue
        # Only a span claimed by a cue right before it ("described terrorism as ...").
        if not any(e in ends for e in range(s.first - 3, s.first)):
            out.append(s)
            continue
        # A cue within three words after the span, no sentence end on the way.
        j = s.last + 1
        follows = False
        while j < len(words) and j <= s.last + 4:
            if j in starts:
                # ... and only for a cue with no content of its own after it.
                follows = True
                for k in range(j + 1, min(len(words), j + 5)):
                    if ends_sentence(words, k):
                        break
                    if k in con_starts:
                        follows = False
                        break
                break
            if ends_sentence(words, j):
                break
            j += 1
        if not follows:
            out.append(s)
            continue
        cut = None
        for k in range(s.last - 2, s.first, -1):
            if not ends_sentence(words, k):
                continue
            nxt = k + 1
            if words[nxt].text in "”’\"" and nxt + 1 <= s.last:
                nxt += 1  # a closing quote mark stays with its sentence
            if words[nxt].text[:1].isupper() or (words[nxt].text in "“\"‘" and nxt + 1 <= s.last):
                cut = nxt - 1
                break
        if cut is None:
            out.append(s)
            continue
        out.append(Span(s.role, s.first, cut, s.score))
        out.append(Span(s.role, cut + 1, s.last, s.score))
    return out


def _absorb_inner_cues(words: Sequence[Word], spans: Sequence[Span], n_end: Sequence[int]) -> list[Span]:
    """A "cue" right after content, in a sentence closed by a cue with no content of its own,
    is part of that content: "Issues will be discussed during the talks, it was added." is one
    attribution, cued by "was added", whether or not "the talks" was tagged as content.
    """
    by_last = {s.last: s for s in spans}
    ordered = sorted(spans, key=lambda s: s.first)
    drop: set[int] = set()
    merged: list[Span] = []
    for k, c in enumerate(ordered):
        if c.role != "CUE" or id(c) in drop:
            continue
        before = by_last.get(c.first - 1)
        if before is None or before.role != "CON" or id(before) in drop:
            continue
        # What follows the cue up to the closing cue: content starting within 8 words of it or
        # nothing tagged, at most a one-word source right before the closing cue ("it was added"),
        # and the closing cue within 10 words.
        rest = ordered[k + 1 :]
        i = 0
        while i < len(rest) and rest[i].role == "CON" and rest[i].first - c.last <= 8:
            i += 1
        if i < len(rest) and rest[i].role == "SRC" and rest[i].first == rest[i].last:
            i += 1
        if i >= len(rest) or rest[i].role != "CUE":
            continue
        d = rest[i]
        if d.first - c.last > 10 or n_end[d.first] - n_end[c.last + 1] > 0:
            continue
        # The closing cue ends its sentence: it has no content of its own after it.
        if d.last + 1 >= len(words) or not ends_sentence(words, d.last + 1):
            continue
        # ... after a comma: the content ends before it (", it was added.").
        commas = [j for j in range(c.last + 1, d.first) if words[j].text == ","]
        if not commas:
            continue
        last = commas[-1] - 1
        drop.update(id(x) for x in [before, c, *[r for r in rest[:i] if r.role == "CON"]])
        merged.append(Span("CON", before.first, last, before.score))
    if not merged:
        return list(spans)
    out = [s for s in spans if id(s) not in drop] + merged
    return sorted(out, key=lambda s: s.first)


def group_spans(
    text: str, words: Sequence[Word], spans: Sequence[Span], max_gap: int = 60, share_sources: bool = True, share_gap: int = 40,
    keep_orphans: bool = False, linker: Any = None, trace: list | None = None,
) -> list[Group]:
    """Attributions from spans: each content to the cheapest cue of its paragraph, sources one per cue.

    Content with no cue in reach is dropped unless ``keep_orphans`` (on predicted tags such
    fragments are mostly noise: dropping them scores higher on PolNeAR dev). ``linker``
    (``linker.Linker``) scores the same candidate links and picks the best-scored instead of the
    cheapest, for the roles it was chosen for (one with no weights links as the hand rules do);
    ``trace``, when given with a ``linker``, receives ``(role, span, cue,
    features)`` for every candidate link (what ``scripts/train_linker.py`` learns from).
    """
    para = _paragraphs(text, words)
    # Prefix counts of word-like words and of sentence ends, for gap costs in O(1).
    n_word = [0]
    n_end = [0]
    for k, w in enumerate(words):
        n_word.append(n_word[-1] + (w.text[0].isalnum()))
        n_end.append(n_end[-1] + ends_sentence(words, k))

    def cost(a: Span, b: Span) -> int:
        lo, hi = (a, b) if a.last < b.first else (b, a)
        if lo.last >= hi.first:
            return 0
        i, j = lo.last + 1, hi.first  # words strictly between
        return (n_word[j] - n_word[i]) + SENTENCE_COST * (n_end[j] - n_end[i])

    spans = _absorb_inner_cues(words, spans, n_end)
    cues = [s for s in spans if s.role == "CUE"]
    groups = {id(c): Group(c) for c in cues}

    def candidates(s: Span) -> list[tuple[int, int, Span]]:
        out = []
        for c in cues:
            if para[c.first] != para[s.first] and para[c.last] != para[s.last]:
                continue
            if _gap(s, c) <= max_gap:
                out.append((cost(s, c), c.first, c))
        return sorted(out, key=lambda x: (x[0], x[1]))

    spans = _split_before_cues(words, spans, cues, n_end)
    ctx = linker.context(words, para, n_word, n_end, spans) if linker is not None else None

    def scored(s: Span, cand: list[tuple[int, int, Span]]) -> list[float]:
        """The linker's probability of each candidate (1 for the hand rule's first, without one)."""
        if ctx is None:
            return [float(r == 0) for r in range(len(cand))]
        xs = [linker.features(ctx, s, c, g, r, len(cand)) for r, (g, _, c) in enumerate(cand)]
        if trace is not None:
            trace.extend((s.role, s, c, x) for (_, _, c), x in zip(cand, xs))
        if not linker.links(s.role):
            return [float(r == 0) for r in range(len(cand))]
        return linker.choice(s.role, xs)

    orphans: list[Span] = []
    for s in spans:
        if s.role != "CON":
            continue
        cand = candidates(s)
        if cand:
            probs = scored(s, cand)
            pick = max(range(len(cand)), key=lambda r: (probs[r], -r))
            groups[id(cand[pick][2])].contents.append(s)
        else:
            orphans.append(s)
    # Content with no cue in its paragraph: a cue left without content shortly before it
    # (typically "... continued:" closing the paragraph before) takes it.
    still: list[Span] = []
    for s in orphans:
        best = None
        for c in cues:
            if c.last < s.first and not groups[id(c)].contents and s.first - c.last <= 80:
                if best is None or c.last > best.last:
                    best = c
        if best is not None:
            groups[id(best)].contents.append(s)
        else:
            still.append(s)
    orphans = still
    # Sources: one per cue, nearest first, one-to-one.
    pairs = []
    by_linker = linker is not None and linker.links("SRC")
    for s in spans:
        if s.role != "SRC":
            continue
        cand = candidates(s)
        probs = scored(s, cand)
        for (g, _, c), p in zip(cand, probs):
            if groups[id(c)].contents:  # a cue without content is no attribution: it takes no source
                if by_linker and p < linker.min_source:
                    continue
                pairs.append((-p if by_linker else g, s.first, id(s), s, c))
    used_s: set[int] = set()
    for _, _, sid, s, c in sorted(pairs, key=lambda x: (x[0], x[1])):
        grp = groups[id(c)]
        if sid in used_s or grp.sources:
            continue
        used_s.add(sid)
        grp.sources.append(s)
    if share_sources:
        # A cue with no source of its own in the sentence of another cue shares that cue's
        # source, as PolNeAR annotates "Trump tweeted that ... and encouraged ...",
        # "..., he said, noting that ...".
        ordered = sorted(cues, key=lambda c: c.first)
        for i, c in enumerate(ordered):
            grp = groups[id(c)]
            if grp.sources or not grp.contents:
                continue
            nearest = None
            for other in ordered:
                if other is c or not groups[id(other)].sources:
                    continue
                if para[other.first] != para[c.first]:
                    continue
                lo, hi = (other, c) if other.last < c.first else (c, other)
                if n_end[hi.first] - n_end[lo.last + 1] > 0:
                    continue  # a sentence end between them
                d = _gap(other, c)
                if d <= share_gap and (nearest is None or d < nearest[0]):
                    nearest = (d, other)
            if nearest is not None:
                grp.sources.extend(groups[id(nearest[1])].sources)
    out = [g for g in groups.values() if g.contents]
    if keep_orphans:
        out.extend(Group(None, [], [o]) for o in orphans)
    out.sort(key=lambda g: min(x.first for x in g.contents))
    return out


def decode(
    text: str, words: Sequence[Word], tags: Sequence[str], scores: Sequence[float] | None = None, keep_orphans: bool = False
) -> list[dict]:
    """Tags to attributions as dicts of character spans (``cue``, ``source``, ``content``)."""
    groups = group_spans(text, words, spans_from_tags(tags, scores), keep_orphans=keep_orphans)

    def chars(s: Span) -> tuple[int, int]:
        return words[s.first].start, words[s.last].end

    out = []
    for g in groups:
        out.append(
            {
                "cue": [chars(g.cue)] if g.cue else [],
                "source": [chars(s) for s in g.sources],
                "content": [chars(s) for s in g.contents],
            }
        )
    return out
