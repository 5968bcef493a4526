"""Search statements: ranked by BM25 in the search index (``store/index.py``, tantivy), filtered by speaker, role,
outlet, date and kind.

``search`` takes a ``SearchQuery`` (``quotegraph.model``: text, filters and page, checked when it was made) and
gives its hits; ``search_page`` gives a page of them as the API and the pages show it (``Page``). The index picks
the page (the best ``limit`` after ``offset``, or by date) without scoring every match; SQLite then reads the
statements of that page alone. Filters reach the index as sets of ids read from SQLite with every value a
parameter (the speakers whose name or alias holds the words given, the outlets, the roles) and as date ranges.

The text is read here (``parse_text``): words (all of them must be found), ``"phrases"``, ``OR``, ``AND``,
``NOT``, ``prefix*`` and parentheses, the syntax SQLite FTS5 reads; a word with punctuation (``U.S.``,
``well-being``) is a phrase of its parts. A text that cannot be read raises ``SearchSyntaxError`` with a hint.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass, replace
from typing import Any

import tantivy

from ..errors import SEARCH_SYNTAX, SearchSyntaxError
from ..model import Hit, Page, SearchQuery
from .index import SAID, SCHEMA, SearchIndex, date_key, index_of, words_of
from .queries import occurrences_of

COLUMNS = "s.id, s.text, s.kind, s.speaker_id, sp.name, s.first_seen, s.occurrences, s.drift"
# A prefix found in at most this many words of the index is each of them, scored (BM25); one found in more is
# matched alone, unscored (its matches ranked by the search's other words), as a prefix of every word is costly.
MAX_EXPANSIONS = 64
# The index field and direction of each date order (undated statements last either way).
BY_DATE = {"newest": ("newest", tantivy.Order.Desc), "oldest": ("oldest", tantivy.Order.Asc)}


def search(conn: sqlite3.Connection, query: SearchQuery) -> list[Hit]:
    """The statements ``query`` finds in its order (``sort``: best first by BM25, newest first without a text; or by
    date), ``query.limit`` of them after ``query.offset``."""
    index = index_of(conn)
    searcher = index.searcher(conn)
    found = _query(conn, index, searcher, query)
    if found is None or searcher.num_docs == 0:
        return []
    limit = min(query.limit, searcher.num_docs)  # the index keeps a heap of ``limit``: never more than it holds
    if query.text.strip() and query.sort not in BY_DATE:
        result = searcher.search(found, limit, count=False, offset=query.offset)
        scores = [-score for score, _ in result.hits]  # as FTS5 gives bm25: lower is better
    else:
        field, order = BY_DATE.get(query.sort, BY_DATE["newest"])
        result = searcher.search(found, limit, count=False, order_by_field=field, offset=query.offset, order=order)
        scores = [0.0] * len(result.hits)
    ids = searcher.fast_field_values("id", [address for _, address in result.hits])
    rows = {
        r[0]: r
        for r in conn.execute(
            f"SELECT {COLUMNS} FROM json_each(?) j CROSS JOIN statements s ON s.id = j.value LEFT JOIN speakers sp ON sp.id = s.speaker_id",
            (json.dumps(ids),),
        )
    }
    hits = []
    for sid, score in zip(ids, scores):
        if sid in rows:  # a statement removed since the index was read
            r = rows[sid]
            hits.append(Hit(r[0], r[1], r[2], r[3], r[4], r[5], r[6], bool(r[7]), score))
    _add_outlets_and_roles(conn, hits)
    return hits


def search_page(conn: sqlite3.Connection, query: SearchQuery) -> Page:
    """A page of ``query``'s hits, each with where it was said (its first articles), and whether more follow
    (one hit more is asked for): what ``GET /api/statements`` and the search page show."""
    found = search(conn, replace(query, limit=query.limit + 1))
    hits = found[: query.limit]
    return Page(query, hits, len(found) > query.limit, occurrences_of(conn, [h.statement_id for h in hits]))


def _query(conn: sqlite3.Connection, index: SearchIndex, searcher: tantivy.Searcher, query: SearchQuery) -> tantivy.Query | None:
    """The index query of ``query``'s text and filters; None when a filter names nothing (no statement passes)."""
    parts: list[tuple[tantivy.Occur, tantivy.Query]] = []
    if query.text.strip():
        parts.append((tantivy.Occur.Must, parse_text(query.text, searcher)))
    for f in filter_queries(conn, query, index):
        if f is None:
            return None
        parts.append((tantivy.Occur.Must, tantivy.Query.const_score_query(f, 0.0)))  # passes or not: adds nothing to the score
    if not parts:
        return tantivy.Query.all_query()
    return parts[0][1] if len(parts) == 1 and query.text.strip() else tantivy.Query.boolean_query(parts)


def filter_queries(conn: sqlite3.Connection, query: SearchQuery, index: SearchIndex) -> list[tantivy.Query | None]:
    """Each filter of ``query`` as an index query (None for one that names nothing in the database)."""
    out: list[tantivy.Query | None] = []

    def ids(sql: str, *params: object) -> list[int]:
        return [r[0] for r in conn.execute(sql, params)]

    def one_of(field: str, values: list[Any]) -> tantivy.Query | None:
        return tantivy.Query.term_set_query(SCHEMA, field, values) if values else None

    if query.kind:
        out.append(tantivy.Query.term_query(SCHEMA, "kind", query.kind))
    if query.speaker:
        like = f"%{_like(query.speaker)}%"
        named = "SELECT id FROM speakers WHERE name LIKE ? ESCAPE '\\' UNION SELECT speaker_id FROM speaker_aliases WHERE alias LIKE ? ESCAPE '\\'"
        out.append(one_of("speaker", ids(named, like, like)))
    if query.role:
        # Statements of a speaker who held the role, or said by someone an article gave it (an occurrence's role):
        # the roles are the index's own, compared as SQL's LIKE compares (ASCII letters in any case).
        held = ids("SELECT DISTINCT speaker_id FROM speaker_roles WHERE role LIKE ? ESCAPE '\\'", f"%{_like(query.role)}%")
        part = _ascii_lower(query.role)
        given = [r for r in index.terms("roles") if part in _ascii_lower(r)]
        either = [q for q in (one_of("speaker", held), one_of("roles", given)) if q is not None]
        out.append(tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in either]) if either else None)
    lo, hi = date_key(query.since), date_key(query.until, last=True)
    if query.outlet:
        outlets = ids("SELECT id FROM outlets WHERE name LIKE ? ESCAPE '\\'", f"%{_like(query.outlet)}%")
        if not outlets:
            out.append(None)
        elif lo is None and hi is None:
            out.append(one_of("outlets", outlets))
        else:  # one occurrence in the outlet and in the dates
            ranges = [_range("said", o * SAID + (lo or 0), o * SAID + (hi if hi is not None else SAID - 1)) for o in outlets]
            out.append(ranges[0] if len(ranges) == 1 else tantivy.Query.boolean_query([(tantivy.Occur.Should, r) for r in ranges]))
    elif lo is not None or hi is not None:
        out.append(_range("dates", lo, hi))
    return out


def _range(field: str, lo: int | None, hi: int | None) -> tantivy.Query:
    return tantivy.Query.range_query(SCHEMA, field, tantivy.FieldType.Integer, lo, hi)


# Reading a search text.

OPERATORS = {"AND", "OR", "NOT"}
_TOKEN = re.compile(r'"[^"]*"?\*?|\(|\)|[^\s()"]+')


@dataclass
class _Reader:
    """A search text's tokens, read left to right into an index query."""

    text: str
    tokens: list[str]
    searcher: tantivy.Searcher
    at: int = 0

    def fail(self, reason: str) -> SearchSyntaxError:
        return SearchSyntaxError(SEARCH_SYNTAX.format(text=self.text, reason=reason))

    def peek(self) -> str | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def any_of(self) -> tantivy.Query:  # a OR b OR ...
        parts = [self.all_of()]
        while self.peek() == "OR":
            self.at += 1
            parts.append(self.all_of())
        return parts[0] if len(parts) == 1 else tantivy.Query.boolean_query([(tantivy.Occur.Should, p) for p in parts])

    def all_of(self) -> tantivy.Query:  # a b, a AND b
        parts = [self.but_not()]
        while self.peek() not in (None, ")", "OR"):
            if self.peek() == "AND":
                self.at += 1
            parts.append(self.but_not())
        return parts[0] if len(parts) == 1 else tantivy.Query.boolean_query([(tantivy.Occur.Must, p) for p in parts])

    def but_not(self) -> tantivy.Query:  # a NOT b
        found = self.one()
        while self.peek() == "NOT":
            self.at += 1
            found = tantivy.Query.boolean_query([(tantivy.Occur.Must, found), (tantivy.Occur.MustNot, self.one())])
        return found

    def one(self) -> tantivy.Query:
        tok = self.peek()
        if tok is None:
            raise self.fail("it ends where a word was expected")
        if tok in OPERATORS or tok == ")":
            raise self.fail(f"{tok} where a word was expected")
        self.at += 1
        if tok == "(":
            inside = self.any_of()
            if self.peek() != ")":
                raise self.fail("a parenthesis is not closed")
            self.at += 1
            return inside
        prefix = tok.endswith("*")
        body = tok.rstrip("*")
        if not body:
            raise self.fail("a * follows no word")
        if body.startswith('"'):
            if len(body) < 2 or not body.endswith('"'):
                raise self.fail("a double quote is not closed")
            body = body[1:-1]
        return self.words(list(words_of(body)), prefix)

    def words(self, found: list[str | tuple[int, str]], prefix: bool) -> tantivy.Query:
        if not found:
            return tantivy.Query.empty_query()  # no letter or digit: found nowhere
        if len(found) > 1:
            if prefix:
                return tantivy.Query.phrase_prefix_query(SCHEMA, "text", found)
            return tantivy.Query.phrase_query(SCHEMA, "text", found)
        word = str(found[0])
        if not prefix:
            return tantivy.Query.term_query(SCHEMA, "text", word)
        expansions = self.searcher.terms_with_prefix("text", word, limit=MAX_EXPANSIONS + 1)
        if not expansions:
            return tantivy.Query.empty_query()
        if len(expansions) <= MAX_EXPANSIONS:
            terms = [tantivy.Query.term_query(SCHEMA, "text", term) for term, _ in expansions]
            return terms[0] if len(terms) == 1 else tantivy.Query.boolean_query([(tantivy.Occur.Should, t) for t in terms])
        return tantivy.Query.regex_query(SCHEMA, "text", re.escape(word) + ".*")


def parse_text(text: str, searcher: tantivy.Searcher) -> tantivy.Query:
    """The index query of a search text (``SearchSyntaxError`` for one that cannot be read)."""
    reader = _Reader(text, _TOKEN.findall(text), searcher)
    found = reader.any_of()
    if reader.peek() is not None:
        raise reader.fail(f"{reader.peek()} where none was expected")
    return found


def _add_outlets_and_roles(conn: sqlite3.Connection, hits: list[Hit]) -> None:
    """Each hit's outlets (by name) and its speaker's roles (oldest first), two queries for the whole page."""
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
    outlets, roles = outlets_of(statements), roles_of(speakers)
    for h in hits:
        h.outlets = list(outlets[h.statement_id])
        h.roles = list(roles[h.speaker_id]) if h.speaker_id is not None else []


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _ascii_lower(value: str) -> str:
    """``value`` with its ASCII letters lower-cased, as SQLite's LIKE compares them (other letters as they are)."""
    return value.translate(_ASCII_LOWER)


def _like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
