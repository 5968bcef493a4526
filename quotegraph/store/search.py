"""Search statements: SQLite FTS5 ranked by bm25, filtered by speaker, role, outlet, date and kind.

``search`` takes a ``SearchQuery`` (``quotegraph.model``: text, filters and page, checked when it was made) and
gives its hits; ``search_page`` gives a page of them as the API and the pages show it (``Page``). The text is FTS5
query syntax (words, "phrases", OR, NOT, prefix*); a malformed one raises ``SearchSyntaxError`` with a hint.
Every value reaches SQL as a parameter.

bm25 is computed for every statement a text matches, so a very common word ("the", "said*")
costs tens of milliseconds on 100,000 statements however small the page. A long-running reader
(the web app) passes a ``RankCache``: a text's full ranking is computed once and kept, so is
each filter's set of statements (a mask over statement ids), and a page is then a slice of the
ranking after the masks. The results are the same, in the same order, with or without it.
``RankCache.warm`` ranks the commonest words (``common_terms``) ahead of the first searches;
``SharedRankings`` lets the processes of one server read back each other's rankings.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import struct
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    import numpy as np

from ..errors import SEARCH_SYNTAX, SearchSyntaxError
from ..model import Hit, Page, SearchQuery
from .queries import occurrences_of

T = TypeVar("T")
_MISSING = object()
COLUMNS = "s.id, s.text, s.kind, s.speaker_id, sp.name, s.first_seen, s.occurrences, s.drift"
# ORDER BY of the date orders (SearchQuery.sort); undated statements last either way. "newest" is also the order of a
# search without a text, as it always was (a NULL sorts lowest, so last when descending).
BY_DATE = {"newest": "s.first_seen DESC, s.id", "oldest": "s.first_seen IS NULL, s.first_seen, s.id"}


def search(conn: sqlite3.Connection, query: SearchQuery, ranks: RankCache | None = None) -> list[Hit]:
    """The statements ``query`` finds in its order (``sort``: best first by bm25, newest first without a text; or by
    date), ``query.limit`` of them after ``query.offset``.

    ``ranks`` keeps the rankings of common search texts between calls (same results, less work)."""
    filters = search_filters(query)
    where = [f.where for f in filters]
    params = [v for f in filters for v in f.params]
    text, limit, offset = query.text, query.limit, query.offset
    rows: list[Any] | None
    try:
        if not text.strip():
            sql = (
                f"SELECT {COLUMNS}, 0.0 AS score FROM statements s LEFT JOIN speakers sp ON sp.id = s.speaker_id "
                f"WHERE {' AND '.join(where) or '1'} ORDER BY {BY_DATE.get(query.sort, BY_DATE['newest'])} LIMIT ? OFFSET ?"
            )
            rows = conn.execute(sql, [*params, limit, offset]).fetchall()
        elif query.sort in BY_DATE:
            # By date, a ranking is of no use: FTS5 gives the matches, SQL orders them (bm25 still reported).
            sql = (
                f"SELECT {COLUMNS}, bm25(statement_search) AS score FROM statement_search f JOIN statements s ON s.id = f.rowid "
                f"LEFT JOIN speakers sp ON sp.id = s.speaker_id WHERE statement_search MATCH ? AND {' AND '.join(where) or '1'} "
                f"ORDER BY {BY_DATE[query.sort]} LIMIT ? OFFSET ?"
            )
            rows = conn.execute(sql, [prepare_query(text), *params, limit, offset]).fetchall()
        else:
            match = prepare_query(text)
            ranking = ranks.ranking(conn, match) if ranks is not None else None
            if ranks is not None and ranking is not None:
                rows = _page_of_ranking(conn, ranking, [ranks.passing(conn, f) for f in filters], limit, offset)
            elif where:
                # Filters are checked as FTS5 yields its matches, so bm25 is computed for those that pass only.
                sql = (
                    f"SELECT {COLUMNS}, bm25(statement_search) AS score FROM statement_search f JOIN statements s ON s.id = f.rowid "
                    f"LEFT JOIN speakers sp ON sp.id = s.speaker_id WHERE statement_search MATCH ? AND {' AND '.join(where)} "
                    "ORDER BY score, s.id LIMIT ? OFFSET ?"
                )
                rows = conn.execute(sql, [match, *params, limit, offset]).fetchall()
            else:
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
            raise SearchSyntaxError(SEARCH_SYNTAX.format(text=text, reason=msg)) from None
        raise
    hits = [Hit(r[0], r[1], r[2], r[3], r[4], r[5], r[6], bool(r[7]), r[8]) for r in rows]
    _add_outlets_and_roles(conn, hits, ranks)
    return hits


def search_page(conn: sqlite3.Connection, query: SearchQuery, ranks: RankCache | None = None) -> Page:
    """A page of ``query``'s hits, each with where it was said (its first articles), and whether more follow
    (one hit more is asked for): what ``GET /api/statements`` and the search page show."""
    found = search(conn, replace(query, limit=query.limit + 1), ranks)
    hits = found[: query.limit]
    ids = [h.statement_id for h in hits]
    where = ranks.details("where", ids, lambda missing: occurrences_of(conn, missing)) if ranks is not None else occurrences_of(conn, ids)
    return Page(query, hits, len(found) > query.limit, where)


def search_filters(query: SearchQuery) -> list[Filter]:
    """The filters of ``query``, as SQL (each a condition on a statement ``s`` and the statements passing it)."""
    # An until of a month or year includes all of it ("2016-09" ends after "2016-09-30").
    lo, hi = query.since, query.until + "\uffff" if query.until else None
    speaker, role, outlet, kind = query.speaker, query.role, query.outlet, query.kind
    filters: list[Filter] = []
    if kind:
        filters.append(Filter("s.kind = ?", "SELECT id FROM statements WHERE kind = ?", [kind]))
    if speaker:
        named = "SELECT id FROM speakers WHERE name LIKE ? ESCAPE '\\' UNION SELECT speaker_id FROM speaker_aliases WHERE alias LIKE ? ESCAPE '\\'"
        filters.append(Filter(f"s.speaker_id IN ({named})", f"SELECT id FROM statements WHERE speaker_id IN ({named})", [f"%{_like(speaker)}%"] * 2))
    if role:
        held = "SELECT speaker_id FROM speaker_roles WHERE role LIKE ? ESCAPE '\\'"
        filters.append(
            Filter(
                f"(s.speaker_id IN ({held}) OR EXISTS (SELECT 1 FROM occurrences o WHERE o.statement_id = s.id AND o.speaker_role LIKE ? ESCAPE '\\'))",
                f"SELECT id FROM statements WHERE speaker_id IN ({held}) UNION SELECT statement_id FROM occurrences WHERE speaker_role LIKE ? ESCAPE '\\'",
                [f"%{_like(role)}%"] * 2,
            )
        )
    if outlet or lo or hi:
        cond: list[str] = []
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
        said = "FROM occurrences o JOIN articles a ON a.id = o.article_id WHERE " + " AND ".join(cond)
        filters.append(Filter(f"EXISTS (SELECT 1 {said} AND o.statement_id = s.id)", f"SELECT o.statement_id AS id {said}", values))
    return filters


def _add_outlets_and_roles(conn: sqlite3.Connection, hits: list[Hit], ranks: RankCache | None = None) -> None:
    """Each hit's outlets (by name) and its speaker's roles (oldest first), two queries for the whole page
    (for the statements and speakers ``ranks`` does not keep them for)."""
    if not hits:
        return

    def outlets_of(ids: list[int]) -> dict[int, list[str]]:
        found: dict[int, list[str]] = {sid: [] for sid in ids}
        for sid, name in conn.execute(
            "SELECT DISTINCT o.statement_id, ou.name FROM occurrences o JOIN articles a ON a.id = o.article_id "
            "JOIN outlets ou ON ou.id = a.outlet_id WHERE o.statement_id IN (SELECT value FROM json_each(?)) ORDER BY o.statement_id, ou.name",
            (json.dumps(ids),),
        ):
            found[sid].append(name)
        return found

    def roles_of(ids: list[int]) -> dict[int, list[str]]:
        found: dict[int, list[str]] = {spk: [] for spk in ids}
        for spk, role in conn.execute(
            "SELECT speaker_id, role FROM speaker_roles WHERE speaker_id IN (SELECT value FROM json_each(?)) ORDER BY speaker_id, first_seen, role",
            (json.dumps(ids),),
        ):
            found[spk].append(role)
        return found

    statements = [h.statement_id for h in hits]
    speakers = sorted({h.speaker_id for h in hits if h.speaker_id is not None})
    outlets = ranks.details("outlets", statements, outlets_of) if ranks is not None else outlets_of(statements)
    roles = ranks.details("roles", speakers, roles_of) if ranks is not None else roles_of(speakers)
    for h in hits:
        h.outlets = list(outlets[h.statement_id])
        h.roles = list(roles[h.speaker_id]) if h.speaker_id is not None else []


class Ranking:
    """The statements a search text matches, best first: ``ids`` (an int64 array) and their bm25 scores.

    Both are read from SQLite in one step, as text (``group_concat``): fetching a row at a time hands the GIL back
    and forth once per row, and with other threads busy each hand-back waits its turn (a 67,000-row ranking took
    0.1 s alone and over 10 s beside one busy thread). The scores are kept as SQLite wrote them (``%!.17g``,
    which reads back as the same double) and read only for the statements a page shows, or all at once
    (``values``) when the ranking is combined with others (``intersection``)."""

    __slots__ = ("ids", "_scores", "_ends", "_values", "_by_id")

    def __init__(self, ids: np.ndarray, scores: bytes = b"", values: np.ndarray | None = None) -> None:
        """``ids`` best first and their scores: ``scores`` as SQLite writes numbers, comma-separated, or ``values``."""
        import numpy as np

        self.ids, self._scores, self._values = ids, scores, values
        self._by_id: tuple[np.ndarray, np.ndarray] | None = None
        self._ends = np.flatnonzero(np.frombuffer(scores, dtype=np.uint8) == ord(",")).astype(np.int64)
        count = len(values) if values is not None else len(self._ends) + bool(scores)
        if count != len(ids):
            raise ValueError(f"a ranking of {len(ids)} statements came with {count} scores")

    @classmethod
    def from_sql(cls, ids: str | None, scores: str | None) -> Ranking:
        """The ranking of ``group_concat``'s ids and scores (None for no rows)."""
        return cls(_ids_of(ids), (scores or "").encode("ascii"))

    def to_bytes(self) -> bytes:
        """The ranking as ``from_bytes`` reads it back: only one read from SQLite, which has its scores as text."""
        if len(self.ids) and not self._scores:
            raise ValueError("a combined ranking is not written out")
        return struct.pack("<QQ", len(self.ids), len(self._scores)) + self.ids.astype("<i8").tobytes() + self._scores

    @classmethod
    def from_bytes(cls, data: bytes) -> Ranking:
        """The ranking ``to_bytes`` wrote (ValueError if ``data`` is not one)."""
        import numpy as np

        try:
            n, size = struct.unpack_from("<QQ", data)
        except struct.error:
            raise ValueError("not a ranking: too short") from None
        if len(data) != 16 + 8 * n + size:
            raise ValueError(f"not a ranking: {len(data)} bytes for {n} statements and {size} bytes of scores")
        return cls(np.frombuffer(data, dtype="<i8", count=n, offset=16).astype(np.int64), data[16 + 8 * n :])

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def nbytes(self) -> int:
        extra = (self._values.nbytes if self._values is not None else 0) + (sum(a.nbytes for a in self._by_id) if self._by_id else 0)
        return int(self.ids.nbytes + self._ends.nbytes + len(self._scores) + extra)

    def scores(self, at: Sequence[int]) -> list[float]:
        """The scores of the statements at positions ``at``."""
        if self._values is not None:
            return [float(v) for v in self._values[list(at)]]
        ends, text, last = self._ends, self._scores, len(self.ids) - 1
        return [float(text[(ends[k - 1] + 1 if k else 0) : (ends[k] if k < last else len(text))]) for k in at]

    def values(self) -> np.ndarray:
        """All the scores (float64), best first; read once, then kept with the ranking."""
        import numpy as np

        if self._values is None:
            self._values = np.fromstring(self._scores, dtype=np.float64, sep=",") if self._scores else np.zeros(0)
        return self._values

    def by_id(self) -> tuple[np.ndarray, np.ndarray]:
        """The ids in increasing order and their scores; worked out once, then kept with the ranking."""
        if self._by_id is None:
            order = self.ids.argsort(kind="stable")
            self._by_id = (self.ids[order], self.values()[order])
        return self._by_id

    @classmethod
    def intersection(cls, parts: Sequence[Ranking]) -> Ranking:
        """The ranking of the statements every part matches, each scored by the sum of its part scores in order:
        what FTS5's bm25 gives a query of the parts' texts joined by spaces (an implicit AND), to the last bit.

        bm25 adds up one term per phrase of the query, from 0.0 and in the query's order, and returns the sum
        negated; each term depends on its phrase, the statement and the index only, and is the negated score of
        that phrase's query alone. Adding the parts' scores in order therefore gives the same double (negation
        is exact); ties are broken by id, as ``ORDER BY score, rowid``."""
        import numpy as np

        ids, values = parts[0].by_id()
        for part in parts[1:]:
            other_ids, other_values = part.by_id()
            ids, at, other_at = np.intersect1d(ids, other_ids, assume_unique=True, return_indices=True)
            values = values[at] + other_values[other_at]
        order = np.lexsort((ids, values))
        return cls(ids[order].astype(np.int64), values=values[order])


def _ids_of(listed: str | None) -> np.ndarray:
    """The ids ``group_concat`` listed (None for none) as an int64 array."""
    import numpy as np

    return np.fromstring(listed, dtype=np.int64, sep=",") if listed else np.zeros(0, dtype=np.int64)


@dataclass(frozen=True)
class Filter:
    """A search filter, two ways: ``where``, a condition on the statement ``s``; ``ids``, a query of the ids (a column
    named ``id``) of the statements that meet it. Both take ``params``."""

    where: str
    ids: str
    params: list[object]


def _page_of_ranking(
    conn: sqlite3.Connection, ranking: Ranking, masks: Sequence[np.ndarray], limit: int, offset: int
) -> list[tuple[Any, ...]]:
    """Rows ``offset`` to ``offset + limit`` of a kept ranking, among the statements every mask passes (a mask is
    True at the ids of the statements that meet a filter): the rows the SQL search returns, in the same order."""
    import numpy as np

    ids = ranking.ids
    if masks:
        keep = np.ones(len(ids), dtype=bool)
        for mask in masks:
            inside = ids < len(mask)  # a statement newer than the mask does not meet its filter
            keep &= inside
            keep[inside] &= mask[ids[inside]]
        at = np.flatnonzero(keep)[offset : offset + limit]
    else:
        at = np.arange(offset, min(len(ids), offset + limit))
    if not len(at):
        return []
    page_ids, page_scores = ids[at].tolist(), ranking.scores(at.tolist())
    found = {
        r[0]: r
        for r in conn.execute(
            f"SELECT {COLUMNS} FROM json_each(?) j CROSS JOIN statements s ON s.id = j.value LEFT JOIN speakers sp ON sp.id = s.speaker_id",
            (json.dumps(page_ids),),
        )
    }
    return [(*found[sid], score) for sid, score in zip(page_ids, page_scores) if sid in found]


class SharedRankings:
    """Rankings shared by the processes of one server through files in a directory of their own (``quotegraph
    serve --workers`` makes it, private to the user, and removes it on exit): a text one process has ranked,
    another reads back in a millisecond or two rather than ranking it again.

    A file is named by a hash of FTS5's own records of the index (its structure, which every write to the index
    changes, and its totals), read on the connection that ranks or looks up, and of the search text: a ranking is
    read back only for the index it was computed on. Rankings of fewer than ``min_ids`` statements cost less to
    compute than to share; each process writes ``max_bytes`` at most for one index. When it first saves for a new
    index (the database changed), the files of the others, which no process will read again, are removed and its
    budget starts again."""

    def __init__(self, directory: str | os.PathLike[str], min_ids: int = 1000, max_bytes: int = 256_000_000) -> None:
        self.directory, self.min_ids, self.max_bytes = Path(directory), min_ids, max_bytes
        self.written = 0  # bytes this process wrote for the index of ``_tag``
        self._tag = ""
        self._lock = threading.Lock()

    @staticmethod
    def index(conn: sqlite3.Connection) -> bytes:
        """What identifies the FTS index as ``conn`` sees it: its structure and totals records."""
        row = conn.execute(
            "SELECT (SELECT block FROM statement_search_data WHERE id = 10), (SELECT block FROM statement_search_data WHERE id = 1)"
        ).fetchone()
        return b"|".join(bytes(b or b"") for b in row)

    @staticmethod
    def _index_tag(index: bytes) -> str:
        return hashlib.blake2b(index, digest_size=8).hexdigest()

    def _path(self, index: bytes, match: str) -> Path:
        digest = hashlib.blake2b(index + b"\0" + match.encode("utf-8"), digest_size=20).hexdigest()
        return self.directory / f"{self._index_tag(index)}-{digest}.ranking"

    def load(self, index: bytes, match: str) -> Ranking | None:
        """The ranking of ``match`` on ``index`` if a process saved it, else None (an unreadable file counts as none)."""
        try:
            return Ranking.from_bytes(self._path(index, match).read_bytes())
        except (OSError, ValueError):
            return None

    def save(self, index: bytes, match: str, ranking: Ranking) -> None:
        """Share ``ranking`` (quietly not, when it is small, the budget is spent or the directory is gone)."""
        data = ranking.to_bytes() if len(ranking) >= self.min_ids else b""
        tag = self._index_tag(index)
        with self._lock:
            moved = tag != self._tag
            if moved:  # a new index: what was written for the old one is stale, and counts no more
                self._tag, self.written = tag, 0
            spend = bool(data) and self.written + len(data) <= self.max_bytes
            if spend:
                self.written += len(data)
        if moved:
            self._remove_stale(tag)
        if not spend:
            return
        path = self._path(index, match)
        part = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}")
        try:
            part.write_bytes(data)
            os.replace(part, path)  # whole or not at all, for a process reading it now
        except OSError:
            part.unlink(missing_ok=True)

    def _remove_stale(self, tag: str) -> None:
        """Remove the rankings of every index but ``tag``'s (a process still reading an old one finds none and ranks)."""
        try:
            names = [p for p in self.directory.glob("*.ranking") if not p.name.startswith(tag + "-")]
        except OSError:
            return
        for p in names:
            try:
                p.unlink()
            except OSError:
                pass


class RankCache:
    """Search work kept between searches on one database: the bm25 ranking of each search text, and which statements
    pass each filter (a mask over statement ids).

    A text is ranked in full on its first search, a filter's statements read on its first use; both are kept, the
    least recently used going first once they take more than ``max_bytes``. A page is then a slice of the ranking
    after the masks, whatever the text and the filters. With ``min_matches`` above 1 only texts that match at least
    that many statements are ranked, at the cost of counting their matches first (the texts known to match fewer,
    ``max_small`` at most, are remembered): the others are searched by SQL each time.

    Thread-safe: one thread computes a ranking or a mask while others asking for it wait. ``clear()`` whenever the
    database may have changed (the web app's connection pool does on every commit it sees); what was computed
    before a ``clear()`` is not kept."""

    OVERHEAD = 500  # bytes a kept item takes besides its arrays (the arrays' headers, the entry)

    def __init__(
        self,
        min_matches: int = 1,
        max_bytes: int = 128_000_000,
        max_small: int = 10_000,
        shared: SharedRankings | None = None,
        max_details: int = 20_000,
    ) -> None:
        self.min_matches, self.max_bytes, self.max_small, self.shared = min_matches, max_bytes, max_small, shared
        self._kept: OrderedDict[tuple[object, ...], tuple[Any, int]] = OrderedDict()  # key -> (ranking or mask, bytes)
        self._small: OrderedDict[str, None] = OrderedDict()  # texts known to match fewer than min_matches
        self._bytes = 0
        self._generation = 0
        self._lock = threading.Lock()
        self._busy: dict[tuple[object, ...], threading.Lock] = {}  # a lock per item being computed
        self._details: OrderedDict[tuple[str, int], Any] = OrderedDict()  # (kind, id) -> what details() read
        self.max_details = max_details

    def clear(self) -> None:
        with self._lock:
            self._kept.clear()
            self._details.clear()
            self._small.clear()
            self._bytes = 0
            self._generation += 1

    def __len__(self) -> int:
        """How many rankings are kept."""
        return sum(1 for key in self._kept if key[0] == "rank")

    def __contains__(self, match: object) -> bool:
        """Whether the ranking of FTS5 query ``match`` is kept."""
        return ("rank", match) in self._kept

    @property
    def nbytes(self) -> int:
        return self._bytes

    @staticmethod
    def _mask_key(f: Filter) -> tuple[object, ...]:
        return ("mask", f.ids, *f.params)

    def ranking(self, conn: sqlite3.Connection, match: str) -> Ranking | None:
        """The ranking of FTS5 query ``match`` (kept or computed now), or None when it matches fewer than ``min_matches``."""
        if self.min_matches > 1:
            with self._lock:
                if match in self._small:
                    return None
                generation = self._generation
            found = self._kept_item(("rank", match))
            if found is not None:
                return found
            few = "SELECT count(*) FROM (SELECT 1 FROM statement_search WHERE statement_search MATCH ? LIMIT ?)"
            (n,) = conn.execute(few, (match, self.min_matches)).fetchone()
            if n < self.min_matches:
                with self._lock:
                    if generation == self._generation:
                        self._small[match] = None
                        while len(self._small) > self.max_small:
                            self._small.popitem(last=False)
                return None

        def rank() -> tuple[Ranking, int]:
            combined = self._combined(match)
            if combined is not None:
                return combined, combined.nbytes + self.OVERHEAD
            shared, index = self.shared, None
            if shared is not None:
                index = shared.index(conn)
                found = shared.load(index, match)
                if found is not None:
                    return found, found.nbytes + self.OVERHEAD
            # One row: group_concat takes the subquery's rows in its order (SQLite keeps a FROM-clause subquery's
            # ORDER BY when the outer query aggregates with anything but count, min or max).
            ids, scores = conn.execute(
                "SELECT group_concat(id), group_concat(printf('%!.17g', score)) FROM (SELECT rowid AS id, bm25(statement_search) AS score "
                "FROM statement_search WHERE statement_search MATCH ? ORDER BY score, rowid)",
                (match,),
            ).fetchone()
            ranking = Ranking.from_sql(ids, scores)
            if shared is not None and index is not None and shared.index(conn) == index:  # the index did not change meanwhile
                shared.save(index, match, ranking)
            return ranking, ranking.nbytes + self.OVERHEAD

        return self._kept_or_computed(("rank", match), rank)

    def _combined(self, match: str) -> Ranking | None:
        """The ranking of ``match`` combined from kept rankings when it is two or more plain words or prefixes
        ("the said", "trump* said": an implicit AND of one-word phrases) and each has its ranking kept; else None.
        Searches pairing common words are common, each costs as much as its commonest word to rank (100 ms for
        "the the" on 100,000 statements), and the common words are ranked at start-up."""
        parts = match.split(" ")
        if len(parts) < 2 or not all(_PLAIN_TERM.fullmatch(p) and p not in OPERATORS and p != "NEAR" for p in parts):
            return None
        kept = [self._kept_item(("rank", p)) for p in parts]
        if any(r is None for r in kept):
            return None
        return Ranking.intersection(kept)

    def passing(self, conn: sqlite3.Connection, f: Filter) -> np.ndarray:
        """Which statements pass filter ``f``: a boolean array indexed by statement id (kept or computed now)."""

        def read() -> tuple[np.ndarray, int]:
            import numpy as np

            (top,) = conn.execute("SELECT max(id) FROM statements").fetchone()
            mask = np.zeros((top or 0) + 1, dtype=bool)
            (listed,) = conn.execute(f"SELECT group_concat(id) FROM ({f.ids})", f.params).fetchone()  # one step, as a Ranking's
            ids = _ids_of(listed)
            mask[ids[(ids >= 0) & (ids < len(mask))]] = True
            return mask, len(mask) + self.OVERHEAD

        return self._kept_or_computed(self._mask_key(f), read)

    def details(self, kind: str, ids: Sequence[int], read: Callable[[list[int]], dict[int, T]]) -> dict[int, T]:
        """What ``read`` gives for each of ``ids`` (a statement's articles or outlets, a speaker's roles: ``kind``
        names which), read only for those not kept, then kept (``max_details`` at most, the least recently used
        going first). The values are shared between searches: not to be changed."""
        found: dict[int, T] = {}
        with self._lock:
            generation = self._generation
            for i in ids:
                value = self._details.get((kind, i), _MISSING)
                if value is not _MISSING:
                    self._details.move_to_end((kind, i))
                    found[i] = value
        missing = [i for i in ids if i not in found]
        if missing:
            fresh = read(missing)
            found.update(fresh)
            with self._lock:
                if generation == self._generation:
                    for i, value in fresh.items():
                        self._details[(kind, i)] = value
                    while len(self._details) > self.max_details:
                        self._details.popitem(last=False)
        return found

    def _kept_item(self, key: tuple[object, ...]) -> Any:
        with self._lock:
            found = self._kept.get(key)
            if found is None:
                return None
            self._kept.move_to_end(key)
            return found[0]

    def _kept_or_computed(self, key: tuple[object, ...], compute: Callable[[], tuple[Any, int]]) -> Any:
        found = self._kept_item(key)
        if found is not None:
            return found
        with self._lock:
            busy = self._busy.setdefault(key, threading.Lock())
        try:
            with busy:
                with self._lock:
                    generation = self._generation
                found = self._kept_item(key)
                if found is not None:
                    return found
                value, size = compute()
                with self._lock:
                    if generation == self._generation and size <= self.max_bytes:
                        old = self._kept.pop(key, None)
                        self._bytes -= old[1] if old is not None else 0
                        self._kept[key] = (value, size)
                        self._bytes += size
                        while self._bytes > self.max_bytes:
                            _, (_, gone) = self._kept.popitem(last=False)
                            self._bytes -= gone
        finally:
            # Whether it was kept, found, or raised (a malformed search text does): the lock goes, or every
            # distinct bad text sent would leave one behind for good.
            with self._lock:
                if self._busy.get(key) is busy:
                    del self._busy[key]
        return value

    def warm(self, conn: sqlite3.Connection, terms: Sequence[str], seconds: float) -> int:
        """Rank ``terms`` (search texts, the most useful first) until ``seconds`` have passed or the rankings fill
        half of ``max_bytes``; how many were ranked."""
        deadline = time.monotonic() + seconds
        done = 0
        for term in terms:
            if time.monotonic() >= deadline or self._bytes > self.max_bytes // 2:
                break
            try:
                done += self.ranking(conn, prepare_query(term)) is not None
            except sqlite3.Error:
                continue
        return done


def common_terms(conn: sqlite3.Connection, min_statements: int) -> list[str]:
    """The indexed words found in at least ``min_statements`` statements, commonest first: FTS5's vocabulary, read
    through a table in the connection's temporary schema (so not a ``query_only`` connection; nothing is written
    to the database)."""
    conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.statement_vocabulary USING fts5vocab(main, 'statement_search', 'row')")
    sql = "SELECT term FROM temp.statement_vocabulary WHERE doc >= ? ORDER BY doc DESC, term"
    return [term for (term,) in conn.execute(sql, (min_statements,))]


OPERATORS = {"AND", "OR", "NOT"}
_PLAIN_TERM = re.compile(r"\w*[^\W_]\w*\*?")  # a word or a prefix (a letter or digit in it), as prepare_query leaves it: one FTS5 phrase
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
