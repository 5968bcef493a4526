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
import heapq
import re
import sqlite3
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from .db import earlier, next_rowid, select_in

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


class Wording:
    """A wording's words as ``compare`` reads them: without ellipses, how many ellipses there were, and the
    word counts (computed once, when first needed): prepared once, compared with many."""

    __slots__ = ("_counts", "cuts", "plain")

    def __init__(self, ws: list[str]) -> None:
        self.plain, self.cuts = _plain(ws)
        self._counts: Counter[str] | None = None

    @property
    def counts(self) -> Counter[str]:
        if self._counts is None:
            self._counts = Counter(self.plain)
        return self._counts


def compare(a: list[str], b: list[str]) -> str | None:
    """How wording ``b`` relates to ``a``: exact, trimmed, edited, or None when they are different statements."""
    return compare_words(Wording(a), Wording(b))


def compare_words(wa: Wording, wb: Wording) -> str | None:
    """``compare`` of two prepared wordings."""
    a, b = wa.plain, wb.plain
    if not a or not b:
        return None
    if a == b:
        return "exact"
    (short, cuts, short_w), (long_, long_w) = ((a, wa.cuts, wa), (b, wb)) if len(a) <= len(b) else ((b, wb.cuts, wb), (a, wa))
    if len(short) < MIN_TRIMMED:
        return None
    # At most the words the two share can match: where that rules out both a trim and an edit, the
    # alignment below need not run (a bound, so the answer is the same; it was most of a load's time).
    long_counts = long_w.counts
    shared = sum(min(n, long_counts[w]) for w, n in short_w.counts.items() if w in long_counts)
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
    """Finds or creates the statement of a quote, inside the caller's transaction.

    It keeps in memory what it reads and writes: the statements under each shingle it has looked up, and
    each candidate statement's text, speaker key and words, so that a statement is read and split into words
    once, not once for every quote compared with it. What it writes (statements created and changed, their
    shingles and full-text rows) is held until ``flush``, which writes it in a few statements; the caller
    flushes before it commits. These hold while this connection is the only writer and nothing written
    through the index is rolled back: one index serves one transaction (a batch of articles).
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._postings: dict[int, set[int]] = {}  # shingle -> ids of the statements that have it, of the shingles looked up
        self._looked_up: set[int] = set()  # shingles whose statements are all in _postings (none, for most)
        self._known: dict[int, tuple[str, str | None, Wording]] = {}  # id -> (text, speaker key, words)
        self._prepared: dict[str, tuple[list[str], set[int]]] = {}  # wording -> (words, shingles), from prefetch
        self._next_id: int | None = None
        self._created: dict[int, list[Any]] = {}  # id -> [speaker_id, speaker_key, kind, text, first_seen, occurrences, drift]
        self._changed: dict[int, list[Any]] = {}  # id -> [occurrences added, drift, speaker_id, speaker_key, first_seen, text or None]
        self._indexed_text: dict[int, str] = {}  # id -> the text the full-text index holds, of changed statements whose text changes
        self._shingles: list[tuple[int, int]] = []  # (shingle, id) to write

    def prefetch(self, wordings: Iterable[str]) -> None:
        """Read the statements under every shingle of ``wordings`` (quotes about to be added) in a few queries."""
        missing: set[int] = set()
        for w in wordings:
            if w not in self._prepared:
                ws = words(w)
                self._prepared[w] = ws, shingles(ws)
            missing |= self._prepared[w][1]
        self._load_postings(missing)

    def add(self, wording: str, kind: str, speaker_id: int | None, seen: str | None, speaker_key: str | None = None) -> Match:
        """The statement of a wording; ``speaker_key`` says who counts as the same speaker across articles
        (default: the same speaker id; article-scoped descriptions pass their description)."""
        prepared = self._prepared.pop(wording, None)
        ws, hs = prepared if prepared else (lambda ws: (ws, shingles(ws)))(words(wording))
        key = speaker_key or (f"speaker:{speaker_id}" if speaker_id is not None else None)
        best = self._best(ws, hs, key)
        if best is None:
            if self._next_id is None:
                self._next_id = next_rowid(self.conn, "statements")
            sid = self._next_id
            self._next_id += 1
            self._created[sid] = [speaker_id, key, kind, wording, seen, 1, 0]
            self._known[sid] = (wording, key, Wording(ws))
            self._index(sid, hs)
            return Match(sid, "first", False)
        sid, match, old_text, old_speaker = best
        drift = match == "edited" and key is not None and key == old_speaker and is_drift(old_text, wording)
        text, old_wording = old_text, self._known[sid][2]
        new_wording = Wording(ws)
        if match == "trimmed" and len(new_wording.plain) > len(old_wording.plain):
            # The fuller wording becomes the statement's text, so later excerpts of it are found too.
            self._index(sid, hs)
            text, old_wording = wording, new_wording
        row = self._created.get(sid)
        if row is not None:
            # As UPDATE statements SET ... would: speaker and key kept where known, the earliest date.
            row[0] = row[0] if row[0] is not None else speaker_id
            row[1] = row[1] if row[1] is not None else key
            row[3] = text
            if earlier(seen, row[4]):
                row[4] = seen
            row[5] += 1
            row[6] = max(row[6], int(drift))
        else:
            change = self._changed.setdefault(sid, [0, 0, None, None, None, None])
            change[0] += 1
            change[1] = max(change[1], int(drift))
            change[2] = change[2] if change[2] is not None else speaker_id
            change[3] = change[3] if change[3] is not None else key
            if earlier(seen, change[4]):
                change[4] = seen
            if text != old_text:
                self._indexed_text.setdefault(sid, old_text)
                change[5] = text
        self._known[sid] = (text, old_speaker if old_speaker is not None else key, old_wording)
        return Match(sid, match, drift)

    def flush(self) -> None:
        """Write what is held: statements created and changed, their shingles and full-text rows, and forget what
        is held (what was read stays known: it is written now)."""
        conn = self.conn
        conn.executemany(
            "INSERT INTO statements (id, speaker_id, speaker_key, kind, text, first_seen, occurrences, drift) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(sid, *row) for sid, row in self._created.items()],
        )
        conn.executemany("INSERT INTO statement_search (rowid, text) VALUES (?, ?)", [(sid, row[3]) for sid, row in self._created.items()])
        # The full-text index of an external-content table is told the text it indexed, to take it out.
        conn.executemany(
            "INSERT INTO statement_search (statement_search, rowid, text) VALUES ('delete', ?, ?)", list(self._indexed_text.items())
        )
        conn.executemany(
            "UPDATE statements SET occurrences = occurrences + :n, drift = max(drift, :drift), "
            "speaker_id = coalesce(speaker_id, :speaker), speaker_key = coalesce(speaker_key, :key), "
            "first_seen = CASE WHEN :seen IS NOT NULL AND (first_seen IS NULL OR :seen < first_seen) THEN :seen ELSE first_seen END, "
            "text = coalesce(:text, text) WHERE id = :id",
            [
                {"n": n, "drift": drift, "speaker": speaker, "key": key, "seen": seen, "text": text, "id": sid}
                for sid, (n, drift, speaker, key, seen, text) in self._changed.items()
            ],
        )
        conn.executemany(
            "INSERT INTO statement_search (rowid, text) VALUES (?, ?)", [(sid, self._changed[sid][5]) for sid in self._indexed_text]
        )
        self._shingles.sort()
        conn.executemany("INSERT OR IGNORE INTO statement_shingles (shingle, statement_id) VALUES (?, ?)", self._shingles)
        self._created, self._changed, self._indexed_text, self._shingles = {}, {}, {}, []

    def _index(self, sid: int, hs: set[int]) -> None:
        self._load_postings(hs)  # the table's statements under these shingles read first: this one is not there yet
        self._shingles.extend((h, sid) for h in hs)
        postings = self._postings
        for h in hs:
            if h in postings:
                postings[h].add(sid)
            else:
                postings[h] = {sid}

    def _load_postings(self, hs: set[int]) -> None:
        todo = list(hs - self._looked_up)
        if not todo:
            return
        self._looked_up.update(todo)
        postings = self._postings
        for h, sid in select_in(self.conn, "SELECT shingle, statement_id FROM statement_shingles WHERE shingle IN ({marks})", todo):
            if h in postings:
                postings[h].add(sid)
            else:
                postings[h] = {sid}

    def _load_statements(self, ids: list[int]) -> None:
        todo = [i for i in ids if i not in self._known]
        for sid, text, spk in select_in(self.conn, "SELECT id, text, speaker_key FROM statements WHERE id IN ({marks})", todo):
            self._known[sid] = (text, spk, Wording(words(text)))

    def _candidates(self, hs: set[int]) -> list[int]:
        """The statements sharing the most shingles with ``hs`` (at most ``CANDIDATES``), most first, then by id."""
        self._load_postings(hs)
        shared: Counter[int] = Counter()
        postings = self._postings
        for h in hs:
            if h in postings:
                shared.update(postings[h])
        top = heapq.nsmallest(CANDIDATES, shared.items(), key=lambda kv: (-kv[1], kv[0]))
        ids = [sid for sid, _ in top]
        self._load_statements(ids)
        return [sid for sid in ids if sid in self._known]

    def _best(self, ws: list[str], hs: set[int], key: str | None) -> tuple[int, str, str, str | None] | None:
        if not ws:
            return None
        rank = {"exact": 0, "trimmed": 1, "edited": 2}
        best: tuple[int, str, str, str | None] | None = None
        wording = Wording(ws)
        for sid in self._candidates(hs):
            text, spk, known = self._known[sid]
            m = compare_words(known, wording)
            if m is None:
                continue
            same_speaker = spk == key
            # An unresolved speaker on one side joins only near-certain matches.
            if not same_speaker and not ((spk is None or key is None) and m in ("exact", "trimmed") and len(ws) >= 6):
                continue
            if best is None or rank[m] < rank[best[1]]:
                best = (sid, m, text, spk)
        return best
