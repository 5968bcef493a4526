"""Statements across articles: one statement per thing said, with every occurrence of it.

Wordings are compared as word sequences (case, punctuation, quotation marks and
ellipses aside). ``compare`` says how two wordings relate:

* ``exact``    the same words;
* ``trimmed``  one is the other cut at its ends or with parts left out (an ellipsis): every word of
               the shorter appears, in order, in runs of at least two words;
* ``edited``   small edits: at least ``EDIT_SIMILARITY`` of the shorter's words line up.

Drift is an ``edited`` match of the same speaker where the words inside the quotation
marks differ (changed, added or dropped, not just trimmed); both wordings are kept
(each occurrence keeps its own).
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import unicodedata
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher

SHINGLE = 3
MIN_TRIMMED = 4  # a shorter wording needs this many words to be taken as an excerpt of a longer one
MIN_EDITED = 5
EDIT_SIMILARITY = 0.8
CANDIDATES = 20
QUOTED = re.compile(r"[\"“”„«»]([^\"“”„«»]+)[\"“”„«»]")


ELLIPSIS = "…"


def words(text: str) -> list[str]:
    """Folded words of a wording, an ellipsis kept as the token ``…`` (it marks words left out)."""
    t = unicodedata.normalize("NFKC", text).casefold().replace("’", "'").replace("‘", "'")
    t = re.sub(r"\.\s?\.\s?\.|\[\s*(?:…|\.\.\.)\s*\]", " … ", t)
    return re.findall(r"\w+(?:'\w+)*|…", t)


def _plain(ws: list[str]) -> tuple[list[str], int]:
    return [w for w in ws if w != ELLIPSIS], sum(1 for w in ws if w == ELLIPSIS)


def quoted_words(text: str) -> list[str]:
    """Words inside quotation marks; the whole wording if it has none but starts as a quote would."""
    return [w for part in QUOTED.findall(text) for w in words(part)]


def compare(a: list[str], b: list[str]) -> str | None:
    """How wording ``b`` relates to ``a``: exact, trimmed, edited, or None when they are different statements."""
    (a, a_cuts), (b, b_cuts) = _plain(a), _plain(b)
    if not a or not b:
        return None
    if a == b:
        return "exact"
    (short, cuts), long_ = ((a, a_cuts), b) if len(a) <= len(b) else ((b, b_cuts), a)
    if len(short) < MIN_TRIMMED:
        return None
    # At most the words the two share can match: where that rules out both a trim and an edit, the
    # alignment below need not run (a bound, so the answer is the same; it was most of a load's time).
    shared = sum((Counter(short) & Counter(long_)).values())
    if shared < len(short) and (len(short) < MIN_EDITED or shared / len(short) < EDIT_SIMILARITY or shared / len(long_) < 0.5):
        return None
    blocks = [blk for blk in SequenceMatcher(None, long_, short, autojunk=False).get_matching_blocks() if blk.size]
    matched = sum(blk.size for blk in blocks)
    # Words left out inside the shorter wording must be marked there by an ellipsis.
    gaps = sum(1 for x, y in zip(blocks, blocks[1:], strict=False) if y.a > x.a + x.size)
    if matched == len(short) and gaps <= cuts and all(blk.size >= 2 for blk in blocks):
        return "trimmed"
    if len(short) >= MIN_EDITED and matched / len(short) >= EDIT_SIMILARITY and matched / len(long_) >= 0.5:
        return "edited"
    return None


def is_drift(a_text: str, b_text: str) -> bool:
    """Quoted words differ between two wordings beyond trimming."""
    qa, qb = quoted_words(a_text), quoted_words(b_text)
    if not qa or not qb:
        return False
    return compare(qa, qb) not in ("exact", "trimmed")


def shingles(ws: list[str]) -> set[int]:
    ws = _plain(ws)[0]
    grams = [" ".join(ws[i : i + SHINGLE]) for i in range(max(1, len(ws) - SHINGLE + 1))]
    return {int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "big", signed=True) for g in grams if g}


@dataclass(frozen=True)
class Match:
    statement_id: int
    match: str  # first | exact | trimmed | edited
    drift: bool


class StatementIndex:
    """Finds or creates the statement of a quote, inside the caller's transaction."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def add(self, wording: str, kind: str, speaker_id: int | None, seen: str | None, speaker_key: str | None = None) -> Match:
        """The statement of a wording; ``speaker_key`` says who counts as the same speaker across articles
        (default: the same speaker id; article-scoped descriptions pass their description)."""
        ws = words(wording)
        key = speaker_key or (f"speaker:{speaker_id}" if speaker_id is not None else None)
        best = self._best(ws, wording, key)
        if best is None:
            cur = self.conn.execute(
                "INSERT INTO statements (speaker_id, speaker_key, kind, text, first_seen, occurrences) VALUES (?, ?, ?, ?, ?, 1)",
                (speaker_id, key, kind, wording, seen),
            )
            sid = cur.lastrowid
            assert sid is not None
            self._index(sid, wording, ws)
            return Match(sid, "first", False)
        sid, match, old_text, old_speaker = best
        drift = match == "edited" and key is not None and key == old_speaker and is_drift(old_text, wording)
        self.conn.execute(
            "UPDATE statements SET occurrences = occurrences + 1, drift = max(drift, :drift), "
            "speaker_id = coalesce(speaker_id, :speaker), speaker_key = coalesce(speaker_key, :key), "
            "first_seen = CASE WHEN :seen IS NOT NULL AND (first_seen IS NULL OR :seen < first_seen) THEN :seen ELSE first_seen END "
            "WHERE id = :id",
            {"drift": int(drift), "speaker": speaker_id, "key": key, "seen": seen, "id": sid},
        )
        if match == "trimmed" and len(_plain(ws)[0]) > len(_plain(words(old_text))[0]):
            # The fuller wording becomes the statement's text, so later excerpts of it are found too.
            self.conn.execute("INSERT INTO statement_search (statement_search, rowid, text) VALUES ('delete', ?, ?)", (sid, old_text))
            self.conn.execute("UPDATE statements SET text = ? WHERE id = ?", (wording, sid))
            self._index(sid, wording, ws)
        return Match(sid, match, drift)

    def _index(self, sid: int, wording: str, ws: list[str]) -> None:
        self.conn.execute("INSERT INTO statement_search (rowid, text) VALUES (?, ?)", (sid, wording))
        self.conn.executemany("INSERT OR IGNORE INTO statement_shingles (shingle, statement_id) VALUES (?, ?)", [(h, sid) for h in shingles(ws)])

    def _best(self, ws: list[str], wording: str, key: str | None) -> tuple[int, str, str, str | None] | None:
        if not ws:
            return None
        hs = list(shingles(ws))
        marks = ",".join("?" * len(hs))
        rows = self.conn.execute(
            f"SELECT s.id, s.text, s.speaker_key FROM statements s JOIN ("
            f"  SELECT statement_id, count(*) AS n FROM statement_shingles WHERE shingle IN ({marks})"
            f"  GROUP BY statement_id ORDER BY n DESC, statement_id LIMIT {CANDIDATES}) c ON c.statement_id = s.id "
            f"ORDER BY c.n DESC, s.id",
            hs,
        ).fetchall()
        rank = {"exact": 0, "trimmed": 1, "edited": 2}
        best: tuple[int, str, str, str | None] | None = None
        for sid, text, spk in rows:
            m = compare(words(text), ws)
            if m is None:
                continue
            same_speaker = spk == key
            # An unresolved speaker on one side joins only near-certain matches.
            if not same_speaker and not ((spk is None or key is None) and m in ("exact", "trimmed") and len(ws) >= 6):
                continue
            if best is None or rank[m] < rank[best[1]]:
                best = (sid, m, text, spk)
        return best
