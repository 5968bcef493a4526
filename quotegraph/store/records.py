"""The store as typed records for Python: quotes (one row per quote, the CSV and Parquet export's rows),
statements, speakers and articles, each a list with ``to_arrow()`` and ``to_pandas()``.

``quotegraph.Store(path)`` is the entry point::

    import quotegraph

    with quotegraph.Store("news.db") as store:
        df = store.quotes(speaker="Clinton", since="2016-09").to_pandas()
"""

from __future__ import annotations

import json
import sqlite3
import types
import typing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, fields
from typing import Any, Generic, TypeVar

from ..errors import QuotegraphError
from ..model import SearchQuery

T = TypeVar("T")
MAX_HITS = 1_000_000_000  # every statement a search finds


@dataclass
class QuoteRow:
    """One quote (an occurrence of a statement in an article), with its article and its speaker."""

    article: str  # the article's document id: its URL, else the name it was read under
    article_id: int
    url: str | None
    title: str | None
    outlet: str | None
    published: str | None  # ISO date at its granularity (2016-09-14, 2016-09, 2016)
    statement: int
    occurrence: int  # the quote's index in its article
    kind: str  # direct | indirect | mixed
    speaker: str | None  # the canonical speaker (the store's speakers.name)
    speaker_id: int | None
    speaker_role: str | None  # the role or affiliation the article gives
    speaker_type: str | None  # PERSON | ORG | GPE | DESCRIPTION
    speaker_gender: str | None  # female | male | None (unknown or disputed)
    speaker_gender_evidence: str | None  # pronoun | title | known | first-name (weaker)
    source: str | None  # the source as written ("he", "the mayor"): the first source span's text
    speaker_name: str | None  # the name the article resolved the source to
    cue: str | None  # the cue as written ("said")
    content: str  # the quoted words (parts joined by " … ")
    match: str  # first | exact | trimmed | edited: how this wording matched its statement
    drift: bool  # the statement is worded differently elsewhere
    confidence: float | None  # how likely the attribution is right (calibrated)


@dataclass
class Statement:
    """A statement: one thing said, however many articles quote it."""

    id: int
    text: str  # the fullest wording seen
    kind: str
    speaker_id: int | None
    speaker: str | None
    first_seen: str | None
    occurrences: int
    drift: bool


@dataclass
class Speaker:
    """A canonical speaker with the names it goes by."""

    id: int
    name: str
    type: str
    gender: str | None
    gender_evidence: str | None
    first_seen: str | None
    last_seen: str | None
    statements: int
    occurrences: int
    aliases: list[str] = field(default_factory=list)


@dataclass
class Article:
    """A stored article; ``text`` only when asked for."""

    id: int
    doc: str
    url: str | None
    title: str | None
    outlet: str | None
    published: str | None
    published_granularity: str | None  # day | month | year
    published_source: str | None  # metadata | url | dateline | capture
    author: str | None
    location: str  # where it was read: file, file@offset or file:line
    quotes: int
    text: str | None = None


class Records(list[T], Generic[T]):
    """A list of records of one type, convertible to a table."""

    def __init__(self, kind: type[T], items: Iterable[T] = ()) -> None:
        super().__init__(items)
        self.kind = kind

    def to_arrow(self) -> Any:
        """A ``pyarrow.Table``, one column per field (typed even when there are no records)."""
        import pyarrow as pa

        schema = arrow_schema(self.kind)
        return pa.Table.from_pylist([_as_dict(r) for r in self], schema=schema)

    def to_pandas(self) -> Any:
        """A ``pandas.DataFrame`` (pandas must be installed: ``pip install pandas``)."""
        try:
            import pandas  # noqa: F401 - only to say what is missing
        except ImportError:
            raise QuotegraphError("to_pandas() needs pandas: pip install pandas (to_arrow() needs only pyarrow)") from None
        return self.to_arrow().to_pandas()


def _as_dict(record: Any) -> dict[str, Any]:
    return {f.name: getattr(record, f.name) for f in fields(record)}


def _arrow_type(hint: Any) -> Any:
    import pyarrow as pa

    args = [a for a in typing.get_args(hint) if a is not type(None)]
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        return _arrow_type(args[0])
    if typing.get_origin(hint) is list:
        return pa.list_(_arrow_type(args[0]))
    return {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_()}[hint]


def arrow_schema(kind: type) -> Any:
    """The Arrow schema of a record type, from its fields' annotations."""
    import pyarrow as pa

    hints = typing.get_type_hints(kind)
    return pa.schema([pa.field(f.name, _arrow_type(hints[f.name])) for f in fields(kind)])


COLUMNS = [f.name for f in fields(QuoteRow)]

_QUOTES = (
    "SELECT a.doc, a.id, a.url, a.title, ou.name, a.published, o.statement_id, o.position, o.kind, sp.name, o.speaker_id, "
    "o.speaker_role, coalesce(sp.type, o.speaker_type), sp.gender, sp.gender_evidence, o.sources, o.speaker_name, o.cue, "
    "o.wording, o.match, o.drift, o.confidence "
    "FROM occurrences o JOIN articles a ON a.id = o.article_id LEFT JOIN outlets ou ON ou.id = a.outlet_id "
    "LEFT JOIN speakers sp ON sp.id = o.speaker_id"
)


def quote_rows(conn: sqlite3.Connection, statement_ids: Iterable[int] | None = None) -> Iterator[QuoteRow]:
    """Every quote in article and reading order (or only the quotes of ``statement_ids``)."""
    wanted = None if statement_ids is None else set(statement_ids)
    for r in conn.execute(_QUOTES + " ORDER BY o.article_id, o.position"):
        doc, aid, url, title, outlet, published, stmt, pos, kind, speaker, sid, role, stype, gender, evidence = r[:15]
        sources, name, cue, content, match, drift, confidence = r[15:]
        if wanted is not None and stmt not in wanted:
            continue
        first = (json.loads(sources) or [None])[0]
        cue_span = json.loads(cue) if cue else None
        yield QuoteRow(
            doc,
            aid,
            url,
            title,
            outlet,
            published,
            stmt,
            pos,
            kind,
            speaker,
            sid,
            role,
            stype,
            gender,
            evidence,
            source=first["text"] if first else None,
            speaker_name=name,
            cue=cue_span["text"] if cue_span else None,
            content=content,
            match=match,
            drift=bool(drift),
            confidence=confidence,
        )


def statements(conn: sqlite3.Connection, ids: list[int] | None = None) -> Records[Statement]:
    """Every statement by id, or those of ``ids`` in that order."""
    sql = (
        "SELECT s.id, s.text, s.kind, s.speaker_id, sp.name, s.first_seen, s.occurrences, s.drift "
        "FROM statements s LEFT JOIN speakers sp ON sp.id = s.speaker_id"
    )
    if ids is None:
        rows = conn.execute(sql + " ORDER BY s.id").fetchall()
    else:
        found = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            found.update({r[0]: r for r in conn.execute(f"{sql} WHERE s.id IN ({','.join('?' * len(chunk))})", chunk)})
        rows = [found[i] for i in ids if i in found]
    return Records(Statement, (Statement(r[0], r[1], r[2], r[3], r[4], r[5], r[6], bool(r[7])) for r in rows))


def speakers(conn: sqlite3.Connection) -> Records[Speaker]:
    """Every speaker by id, with its statement and quote counts and its aliases (most mentioned first)."""
    aliases: dict[int, list[str]] = {}
    for sid, alias in conn.execute("SELECT speaker_id, alias FROM speaker_aliases GROUP BY speaker_id, alias ORDER BY speaker_id, sum(mentions) DESC, alias"):
        aliases.setdefault(sid, []).append(alias)
    rows = conn.execute(
        "SELECT sp.id, sp.name, sp.type, sp.gender, sp.gender_evidence, sp.first_seen, sp.last_seen, "
        "count(DISTINCT o.statement_id), count(o.id) FROM speakers sp LEFT JOIN occurrences o ON o.speaker_id = sp.id "
        "GROUP BY sp.id ORDER BY sp.id"
    )
    return Records(Speaker, (Speaker(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], aliases.get(r[0], [])) for r in rows))


def articles(conn: sqlite3.Connection, with_text: bool = False) -> Records[Article]:
    """Every article by id, with its number of quotes (and its text with ``with_text``)."""
    rows = conn.execute(
        "SELECT a.id, a.doc, a.url, a.title, ou.name, a.published, a.published_granularity, a.published_source, a.author, "
        f"a.location, (SELECT count(*) FROM occurrences o WHERE o.article_id = a.id), {'a.text' if with_text else 'NULL'} "
        "FROM articles a LEFT JOIN outlets ou ON ou.id = a.outlet_id ORDER BY a.id"
    )
    return Records(Article, (Article(*r) for r in rows))


class Store:
    """A quotegraph database for Python: ``Store("news.db").quotes(...).to_pandas()``.

    ``quotes`` and ``statements`` take the filters of ``quotegraph search`` (text in the syntax FTS5 reads,
    speaker, role, outlet, since, until, kind); without any, they give everything."""

    def __init__(self, path: str) -> None:
        from .db import open_store

        self.path = path
        self._store = open_store(path, create=False)

    @property
    def conn(self) -> sqlite3.Connection:
        return self._store.conn

    def _statement_ids(self, query: SearchQuery, everything: bool) -> list[int] | None:
        """The ids of the statements ``query`` finds, or None for every statement (``everything``: no text, no filter)."""
        if everything and not query.text and not query.filtered:
            return None
        from .search import search

        return [h.statement_id for h in search(self.conn, query)]

    def quotes(
        self,
        text: str = "",
        *,
        speaker: str | None = None,
        role: str | None = None,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        kind: str | None = None,
    ) -> Records[QuoteRow]:
        """One row per quote, as ``quotegraph export --format csv`` writes them, of the statements found."""
        query = SearchQuery(text, speaker, role, outlet, since, until, kind, MAX_HITS)
        return Records(QuoteRow, quote_rows(self.conn, self._statement_ids(query, everything=True)))

    def statements(
        self,
        text: str = "",
        *,
        speaker: str | None = None,
        role: str | None = None,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        kind: str | None = None,
        limit: int | None = None,
    ) -> Records[Statement]:
        """The statements found, best first (by id without any filter)."""
        query = SearchQuery(text, speaker, role, outlet, since, until, kind, limit or MAX_HITS)
        return statements(self.conn, self._statement_ids(query, everything=limit is None))

    def speakers(self) -> Records[Speaker]:
        return speakers(self.conn)

    def articles(self, with_text: bool = False) -> Records[Article]:
        return articles(self.conn, with_text)

    def close(self) -> None:
        self._store.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


__all__ = ["COLUMNS", "Article", "QuoteRow", "Records", "Speaker", "Statement", "Store", "arrow_schema", "quote_rows"]
