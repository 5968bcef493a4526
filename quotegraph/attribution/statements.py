"""What is not an attributed statement: rules read from ``statements_en.json`` (issue 12, point 5).

The tagger learnt PolNeAR, where an attribution is what a person or group says, thinks or
intends. On other news it also tags what is no one's statement: perception ("we could see the
smoke"), knowledge ascribed to nobody ("no one knows whether ..."), acts that are not speech
("a plan that would allow for ...", "his message to mark the day"), source-less passives of verbs
that are neither ("the vote is expected to ...") and headings. Each rule of the table either drops
such a quote or, where PolNeAR itself often counts the construction, lowers its confidence so
that ``--min-confidence`` leaves it out of what users see while the PolNeAR scorer still sees it.
Thought with a source (believe, think, know, want, fear) is an attribution there and is kept.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from ..model import Quote

RULES = Path(__file__).resolve().parent / "statements_en.json"
Action = Literal["drop", "doubt"]
_WORD = re.compile(r"[\w’'-]+")


@dataclass(frozen=True)
class Verdict:
    """Why a quote is not (or may not be) a statement, and what to do with it."""

    rule: str
    action: Action
    factor: float = 0.0  # the confidence multiplier of a "doubt"


@dataclass(frozen=True)
class Rules:
    perception_verbs: frozenset[str]
    modals: frozenset[str]
    nobody: frozenset[str]
    not_speech: frozenset[str]
    particles: frozenset[str]
    participles: frozenset[str]
    auxiliaries: frozenset[str]
    heading_words: int
    heading_labels: frozenset[str]  # labels in capitals that open a paragraph and name no speaker (transcript.py)
    sentence_ends: str
    closers: str
    actions: dict[str, tuple[Action, float]]


@lru_cache(maxsize=1)
def rules(path: str | None = None) -> Rules:
    """The table, read once."""
    table: dict[str, Any] = json.loads((Path(path) if path else RULES).read_text(encoding="utf-8"))
    d, fw = table["rules"], table["function_words"]

    def words(rule: str, key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in d[rule][key])

    return Rules(
        perception_verbs=words("perception", "verbs"),
        modals=words("perception", "modals"),
        nobody=words("nobody", "sources"),
        not_speech=words("not_speech", "verbs"),
        particles=frozenset(fw["particles"]),
        participles=words("sourceless_passive", "participles"),
        auxiliaries=frozenset(fw["auxiliaries"]),
        heading_words=int(d["heading"]["max_words"]),
        heading_labels=frozenset(w.upper() for w in table["transcript"]["heading_labels"]),
        sentence_ends="".join(d["heading"]["sentence_ends"]),
        closers="".join(d["heading"]["closers"]),
        actions={name: (r["action"], float(r.get("factor", 0.0))) for name, r in d.items()},
    )


def _words(s: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(s)]


def _perception(text: str, q: Quote, r: Rules) -> bool:
    """A verb of perception in the cue after a modal ("could see", "can't sense", "able to hear")."""
    assert q.cue is not None
    cue = _words(q.cue.text)
    seq = _words(text[max(0, q.cue.start - 40) : q.cue.start])[-3:] + cue
    first = len(seq) - len(cue)
    for i in range(first, len(seq)):
        if seq[i] in r.perception_verbs and any(w in r.modals for w in seq[max(0, i - 3) : i]):
            return True
    return False


# The most words between a cue and the content after it that still belong to the cue's phrase, and
# the most words of a cue phrase, besides auxiliaries, adverbs and particles, that one verb heads.
GAP_WORDS = 4
HEAD_WORDS = 2


def _head(text: str, q: Quote, r: Rules) -> str | None:
    """The last word of a short cue phrase that is no particle, auxiliary or adverb: "allow" of "would
    allow for", "mark" of "message to mark"; None for a longer phrase. The phrase runs on to the
    content right after the cue, where the tagger left a verb out of the cue ("would | allow for")."""
    assert q.cue is not None
    words = _words(q.cue.text)
    after = [c.start for c in q.contents if c.start >= q.cue.end]
    if after and words:
        gap = _words(text[q.cue.end : min(after)])
        # Only a verb the cue's own words call for: after a modal or auxiliary, or an infinitive.
        if 0 < len(gap) <= GAP_WORDS and (words[-1] in r.auxiliaries or gap[0] == "to"):
            words += gap
    core = [w for w in words if w not in r.particles and w not in r.auxiliaries and not w.endswith("ly")]
    # A longer phrase is a clause of its own ("said of accepting Cruz's help"): its last word heads nothing.
    return core[-1] if 0 < len(core) <= HEAD_WORDS else None


def _sourceless_passive(text: str, q: Quote, r: Rules) -> bool:
    """No source, and the cue is a listed participle with at most auxiliaries, adverbs and particles
    about it ("is expected", "was widely viewed as", "has been named")."""
    assert q.cue is not None
    if q.sources:
        return False
    core = [w for w in _words(q.cue.text) if w not in r.auxiliaries and w not in r.particles and not w.endswith("ly")]
    return len(core) == 1 and core[0] in r.participles


def _heading(text: str, q: Quote, r: Rules) -> bool:
    """Every span of the quote in one short line that, like its content, does not end as a sentence does."""
    spans = [*q.contents, *q.sources] + ([q.cue] if q.cue else [])
    lo, hi = min(s.start for s in spans), max(s.end for s in spans)
    ls = text.rfind("\n", 0, lo) + 1
    le = text.find("\n", hi)
    line = text[ls : le if le >= 0 else len(text)].strip()
    if not line or "\n" in text[lo:hi] or len(line.split()) > r.heading_words:
        return False

    def open_end(s: str) -> bool:
        return s.rstrip(r.closers + " ")[-1:] not in r.sentence_ends

    # A full sentence quoted with its speaker after it ("“…for president.” ― Francisco Herrero") is no heading.
    return open_end(line) and all(open_end(c.text) for c in q.contents)


def judge(text: str, q: Quote) -> Verdict | None:
    """The first rule that says ``q`` is not a statement, or None (offsets of ``q`` into ``text``)."""
    r = rules()
    found = None
    if q.contents and _heading(text, q, r):
        found = "heading"
    elif q.sources and all(s.text.strip().lower() in r.nobody for s in q.sources):
        found = "nobody"
    elif q.cue is not None:
        if _perception(text, q, r):
            found = "perception"
        elif _head(text, q, r) in r.not_speech:
            found = "not_speech"
        elif _sourceless_passive(text, q, r):
            found = "sourceless_passive"
    if found is None:
        return None
    action, factor = r.actions[found]
    return Verdict(found, action, factor)


def screen(text: str, quotes: Sequence[Quote]) -> list[Quote]:
    """``quotes`` less those that are no statement; the doubtful ones with their confidence lowered."""
    out = []
    for q in quotes:
        v = judge(text, q)
        if v is None:
            out.append(q)
        elif v.action == "doubt":
            q.confidence *= v.factor
            out.append(q)
    return out
