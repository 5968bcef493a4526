"""Search statements: SQLite FTS5 ranked by bm25, filtered by speaker, role, outlet, date and kind.

The text is FTS5 query syntax (words, "phrases", OR, NOT, prefix*); a malformed one
raises ``SearchSyntaxError`` with a hint. Every value reaches SQL as a parameter.

bm25 is computed for every statement a text matches, so a very common word ("the", "said*")
costs tens of milliseconds on 100,000 statements however small the page. A long-running reader
(the web app) passes a ``RankCache``: the full ranking of such a text is computed once and
kept, and each page is then read from it (filters are checked a chunk of ranked ids at a time).
The results are the same, in the same order, with or without it. ``RankCache.warm`` ranks the commonest
words (``common_terms``) ahead of the first searches.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
import time
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

from ..errors import SearchSyntaxError
from .dates import parse_date

KINDS = ("direct", "indirect", "mixed")


@dataclass
class Hit:
    statement_id: int
    text: str
    kind: str
    speaker_id: int | None
    speaker: str | None
    first_seen: str | None
    occurrences: int
    drift: bool
    score: float
    outlets: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {
            "statement": self.statement_id,
            "text": self.text,
            "kind": self.kind,
            "speaker_id": self.speaker_id,
            "speaker": self.speaker,
            "roles": self.roles,
            "first_seen": self.first_seen,
            "occurrences": self.occurrences,
            "outlets": self.outlets,
            "drift": self.drift,
            "score": round(self.score, 4),
        }


def _bound(value: str | None, name: str, end: bool) -> str | None:
    if value is None:
        return None
    parsed = parse_date(value)
    if parsed is None:
        raise SearchSyntaxError(f"--{name} {value!r} is not a date; write it as YYYY-MM-DD (or YYYY-MM, YYYY)")
    iso = parsed[0]
    # An --until of a month or year includes all of it ("2016-09" ends after "2016-09-30").
    return iso + "\uffff" if end else iso


COLUMNS = "s.id, s.text, s.kind, s.speaker_id, sp.name, s.first_seen, s.occurrences, s.drift"


def search(
    conn: sqlite3.Connection,
    text: str = "",
    speaker: str | None = None,
    role: str | None = None,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    kind: str | None = None,
    limit: int = 20,
    offset: int = 0,
    ranks: RankCache | None = None,
) -> list[Hit]:
    """Statements matching the query, best first (bm25; newest first without a text); ``offset`` skips that many.

    ``ranks`` keeps the rankings of common search texts between calls (same results, less work)."""
    if kind is not None and kind not in KINDS:
        raise SearchSyntaxError(f"--kind {kind!r}: choose one of {', '.join(KINDS)}")
    if limit < 1:
        raise SearchSyntaxError("--limit must be 1 or more")
    if offset < 0:
        raise SearchSyntaxError("offset must be 0 or more")
    lo, hi = _bound(since, "since", False), _bound(until, "until", True)
    filters: list[tuple[str, list[object]]] = []  # conditions on the statement ``s``, with their parameters
    if kind:
        filters.append(("s.kind = ?", [kind]))
    by_speaker: Filter | None = None
    if speaker:
        by_speaker = (
            "s.speaker_id IN (SELECT id FROM speakers WHERE name LIKE ? ESCAPE '\\' "
            "UNION SELECT speaker_id FROM speaker_aliases WHERE alias LIKE ? ESCAPE '\\')",
            [f"%{_like(speaker)}%"] * 2,
        )
        filters.append(by_speaker)
    if role:
        filters.append(
            (
                "(s.speaker_id IN (SELECT speaker_id FROM speaker_roles WHERE role LIKE ? ESCAPE '\\') "
                "OR EXISTS (SELECT 1 FROM occurrences o WHERE o.statement_id = s.id AND o.speaker_role LIKE ? ESCAPE '\\'))",
                [f"%{_like(role)}%"] * 2,
            )
        )
    if outlet or lo or hi:
        cond = ["o.statement_id = s.id"]
        values: list[object] = []
        if outlet:
            cond.append("a.outlet_id IN (SELECT id FROM outlets WHERE name LIKE ? ESCAPE '\\')")
            values.append(f"%{_like(outlet)}%")
        if lo:
            cond.append("a.published >= ?")
            values.append(lo)
        if hi:
            cond.append("a.published <= ?")
            values.append(hi)
        filters.append((f"EXISTS (SELECT 1 FROM occurrences o JOIN articles a ON a.id = o.article_id WHERE {' AND '.join(cond)})", values))
    where = [c for c, _ in filters]
    params = [v for _, values in filters for v in values]
    rows: list[Any] | None
    try:
        if not text.strip():
            sql = (
                f"SELECT {COLUMNS}, 0.0 AS score FROM statements s LEFT JOIN speakers sp ON sp.id = s.speaker_id "
                f"WHERE {' AND '.join(where) or '1'} ORDER BY s.first_seen DESC, s.id LIMIT ? OFFSET ?"
            )
            rows = conn.execute(sql, [*params, limit, offset]).fetchall()
        else:
            match = prepare_query(text)
            ranking = ranks.ranking(conn, match) if ranks is not None else None
            rows = _page_of_ranking(conn, ranking, filters, by_speaker, limit, offset) if ranking is not None else None
            if rows is None and where:
                # Filters are checked as FTS5 yields its matches, so bm25 is computed for those that pass only.
                sql = (
                    f"SELECT {COLUMNS}, bm25(statement_search) AS score FROM statement_search f JOIN statements s ON s.id = f.rowid "
                    f"LEFT JOIN speakers sp ON sp.id = s.speaker_id WHERE statement_search MATCH ? AND {' AND '.join(where)} "
                    "ORDER BY score, s.id LIMIT ? OFFSET ?"
                )
                rows = conn.execute(sql, [match, *params, limit, offset]).fetchall()
            elif rows is None:
                # The page is chosen on the FTS table alone (ids and scores, every FTS row is a statement's),
                # then only its statements are read: the same rows as a join ordered the same way, for less.
                sql = (
                    f"SELECT {COLUMNS}, m.score FROM (SELECT rowid AS id, bm25(statement_search) AS score FROM statement_search "
                    "WHERE statement_search MATCH ? ORDER BY score, rowid LIMIT ? OFFSET ?) m "
                    "JOIN statements s ON s.id = m.id LEFT JOIN speakers sp ON sp.id = s.speaker_id ORDER BY m.score, s.id"
                )
                rows = conn.execute(sql, [match, limit, offset]).fetchall()
    except sqlite3.OperationalError as e:
        msg = str(e)
        if any(k in msg for k in ("fts5", "syntax error", "no such column", "unterminated", "unknown special query")):
            raise SearchSyntaxError(
                f"cannot read the search text {text!r} ({msg}); put words with punctuation in double quotes, "
                f'e.g. "U.S. economy", or use plain words, "phrases", OR, NOT and prefix*'
            ) from None
        raise
    hits = [Hit(r[0], r[1], r[2], r[3], r[4], r[5], r[6], bool(r[7]), r[8]) for r in rows]
    _add_outlets_and_roles(conn, hits)
    return hits


def _add_outlets_and_roles(conn: sqlite3.Connection, hits: list[Hit]) -> None:
    """Each hit's outlets (by name) and its speaker's roles (oldest first), two queries for the whole page."""
    if not hits:
        return
    ids = json.dumps([h.statement_id for h in hits])
    outlets: dict[int, list[str]] = {}
    for sid, name in conn.execute(
        "SELECT DISTINCT o.statement_id, ou.name FROM occurrences o JOIN articles a ON a.id = o.article_id "
        "JOIN outlets ou ON ou.id = a.outlet_id WHERE o.statement_id IN (SELECT value FROM json_each(?)) ORDER BY o.statement_id, ou.name",
        (ids,),
    ):
        outlets.setdefault(sid, []).append(name)
    speakers = json.dumps(sorted({h.speaker_id for h in hits if h.speaker_id is not None}))
    roles: dict[int, list[str]] = {}
    for spk, role in conn.execute(
        "SELECT speaker_id, role FROM speaker_roles WHERE speaker_id IN (SELECT value FROM json_each(?)) ORDER BY speaker_id, first_seen, role",
        (speakers,),
    ):
        roles.setdefault(spk, []).append(role)
    for h in hits:
        h.outlets = list(outlets.get(h.statement_id, ()))
        h.roles = list(roles.get(h.speaker_id, ())) if h.speaker_id is not None else []


WALK_IDS = 4000  # ranked ids checked against filters at most, before the SQL search takes over
Ranking = tuple["np.ndarray", "np.ndarray"]  # statement ids (int64) and their bm25 scores (float64), best first
Filter = tuple[str, list[object]]  # a condition on the statement ``s`` and its parameters


def _page_of_ranking(
    conn: sqlite3.Connection, ranking: Ranking, filters: Sequence[Filter], by_speaker: Filter | None, limit: int, offset: int
) -> list[tuple[Any, ...]] | None:
    """Rows ``offset`` to ``offset + limit`` of a kept ranking, after the ``filters``: the rows the SQL search returns;
    None when the filters pass too few of the best-ranked statements to fill the page cheaply (the SQL search is then
    the faster way: it checks them as FTS5 yields its matches and ranks only those that pass).

    Without filters the page is a slice. A speaker filter (``by_speaker``, one of ``filters``) is applied first when
    its statements are fewer than the ranking's: they are read by index and looked up in the ranking. Other filters
    are checked on ranked ids a chunk at a time (a larger chunk each time), ``WALK_IDS`` at most."""
    import numpy as np

    ids, scores = ranking
    order: np.ndarray | None = None  # positions in the ranking still in the running, best first (None: all)
    rest = list(filters)
    if by_speaker is not None:
        theirs = [r[0] for r in conn.execute(f"SELECT s.id FROM statements s WHERE {by_speaker[0]}", by_speaker[1])]
        if len(theirs) < len(ids):
            order = np.flatnonzero(np.isin(ids, np.array(theirs, dtype=np.int64)))
            rest.remove(by_speaker)
    total = len(ids) if order is None else len(order)
    if not rest:
        page = list(range(offset, min(total, offset + limit)))
    else:
        page, passed, start, size = [], 0, 0, 500
        check = f"SELECT s.id FROM json_each(?) j CROSS JOIN statements s ON s.id = j.value WHERE {' AND '.join(c for c, _ in rest)}"
        values = [v for _, vs in rest for v in vs]
        while start < total and len(page) < limit:
            if start >= WALK_IDS:
                return None
            chunk = (ids[start : start + size] if order is None else ids[order[start : start + size]]).tolist()
            ok = {r[0] for r in conn.execute(check, [json.dumps(chunk), *values])}
            for k, sid in enumerate(chunk):
                if sid in ok:
                    if passed >= offset:
                        page.append(start + k)
                        if len(page) == limit:
                            break
                    passed += 1
            start += len(chunk)
            size = min(size * 2, WALK_IDS - start)
    if not page:
        return []
    at = page if order is None else order[page].tolist()
    page_ids, page_scores = ids[at].tolist(), scores[at].tolist()
    found = {
        r[0]: r
        for r in conn.execute(
            f"SELECT {COLUMNS} FROM json_each(?) j CROSS JOIN statements s ON s.id = j.value LEFT JOIN speakers sp ON sp.id = s.speaker_id",
            (json.dumps(page_ids),),
        )
    }
    return [(*found[sid], score) for sid, score in zip(page_ids, page_scores) if sid in found]


class RankCache:
    """The bm25 rankings of search texts that match many statements, kept between searches on one database.

    A text's ranking is kept when it matches at least ``min_matches`` statements (fewer cost little to rank
    each time); the least recently used go first once more than ``max_rows`` ids are kept. Thread-safe: one
    thread ranks a text while others asking for it wait. ``clear()`` whenever the database may have changed
    (the web app's connection pool does on every commit it sees); a ranking computed before a ``clear()``
    is not kept."""

    def __init__(self, min_matches: int = 2000, max_rows: int = 2_000_000, max_small: int = 10_000) -> None:
        self.min_matches, self.max_rows, self.max_small = min_matches, max_rows, max_small
        self._kept: OrderedDict[str, Ranking] = OrderedDict()
        self._small: OrderedDict[str, None] = OrderedDict()  # texts known to match fewer than min_matches
        self._rows = 0
        self._generation = 0
        self._lock = threading.Lock()
        self._ranking: dict[str, threading.Lock] = {}  # a lock per text being ranked

    def clear(self) -> None:
        with self._lock:
            self._kept.clear()
            self._small.clear()
            self._rows = 0
            self._generation += 1

    def __len__(self) -> int:
        return len(self._kept)

    def ranking(self, conn: sqlite3.Connection, match: str) -> Ranking | None:
        """The ranking of FTS5 query ``match`` (kept or computed now), or None when it matches few statements."""
        with self._lock:
            found = self._lookup(match)
            if found is not None or match in self._small:
                return found
            generation = self._generation
        few = "SELECT count(*) FROM (SELECT 1 FROM statement_search WHERE statement_search MATCH ? LIMIT ?)"
        (n,) = conn.execute(few, (match, self.min_matches)).fetchone()
        if n < self.min_matches:
            with self._lock:
                if generation == self._generation:
                    self._small[match] = None
                    while len(self._small) > self.max_small:
                        self._small.popitem(last=False)
            return None
        with self._lock:
            busy = self._ranking.setdefault(match, threading.Lock())
        with busy:
            with self._lock:
                found = self._lookup(match)
                generation = self._generation
            if found is not None:
                return found
            import numpy as np  # only here: a search without a cache does not need it

            rows = conn.execute(
                "SELECT rowid, bm25(statement_search) AS score FROM statement_search WHERE statement_search MATCH ? ORDER BY score, rowid", (match,)
            ).fetchall()
            ranking = (np.array([r[0] for r in rows], dtype=np.int64), np.array([r[1] for r in rows], dtype=np.float64))
            with self._lock:
                if generation == self._generation and len(rows) <= self.max_rows:
                    self._kept[match] = ranking
                    self._rows += len(rows)
                    while self._rows > self.max_rows:
                        _, old = self._kept.popitem(last=False)
                        self._rows -= len(old[0])
                self._ranking.pop(match, None)
        return ranking

    def warm(self, conn: sqlite3.Connection, terms: Sequence[str], seconds: float) -> int:
        """Rank ``terms`` (words, commonest first) until ``seconds`` have passed; how many were ranked."""
        deadline = time.monotonic() + seconds
        done = 0
        for term in terms:
            if time.monotonic() >= deadline:
                break
            try:
                done += self.ranking(conn, prepare_query(term)) is not None
            except sqlite3.Error:
                continue
        return done

    def _lookup(self, match: str) -> Ranking | None:
        found = self._kept.get(match)
        if found is not None:
            self._kept.move_to_end(match)
        return found


def common_terms(conn: sqlite3.Connection, min_statements: int) -> list[str]:
    """The indexed words found in at least ``min_statements`` statements, commonest first: FTS5's vocabulary, read
    through a table in the connection's temporary schema (so not a ``query_only`` connection; nothing is written
    to the database)."""
    conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.statement_vocabulary USING fts5vocab(main, 'statement_search', 'row')")
    sql = "SELECT term FROM temp.statement_vocabulary WHERE doc >= ? ORDER BY doc DESC, term"
    return [term for (term,) in conn.execute(sql, (min_statements,))]


OPERATORS = {"AND", "OR", "NOT"}
_TOKEN = re.compile(r'"[^"]*"?|\(|\)|[^\s()"]+')


def prepare_query(text: str) -> str:
    """FTS5 query of a user's text: words with punctuation (``U.S.``, ``well-being``) become phrases;
    the syntax (``"phrases"``, ``OR``, ``NOT``, ``prefix*``, ``NEAR(...)``, parentheses) is left for FTS5 to check."""
    out = []
    for tok in _TOKEN.findall(text):
        if tok.startswith('"') or tok in ("(", ")") or tok in OPERATORS or tok == "NEAR" or tok.startswith("NEAR("):
            out.append(tok)
        elif re.fullmatch(r"\w+\*?", tok) or tok == "*":
            out.append(tok)
        else:
            star = "*" if tok.endswith("*") and len(tok) > 1 else ""
            out.append('"' + tok.rstrip("*").replace('"', '""') + '"' + star)
    return " ".join(out)


def _like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
