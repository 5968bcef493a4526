"""Read-only views of the store for people: top speakers, one speaker's profile, the speakers and articles lists."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..errors import NOT_A_DATE, NOT_ONE_OF, QueryError


@dataclass
class SpeakerRow:
    id: int
    name: str
    type: str
    statements: int
    occurrences: int
    first_seen: str | None
    last_seen: str | None
    aliases: list[str] = field(default_factory=list)
    gender: str | None = None  # female | male | None: unknown, or the evidence disagrees
    gender_evidence: str | None = None  # the strongest kind behind it; "first-name" alone is weaker


_SPEAKER_COLUMNS = "sp.id, sp.name, sp.type, count(DISTINCT o.statement_id), count(o.id), sp.first_seen, sp.last_seen, sp.gender, sp.gender_evidence"


def _speaker_row(conn: sqlite3.Connection, r: tuple) -> SpeakerRow:  # type: ignore[type-arg]
    return SpeakerRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], _aliases(conn, r[0]), r[7], r[8])


@dataclass
class Profile:
    speaker: SpeakerRow
    roles: list[dict[str, object]]
    by_month: list[tuple[str, int]]
    samples: list[dict[str, object]]
    links: list[dict[str, object]]
    # Each alias with the rule and evidence that first linked it to this speaker.
    merges: list[dict[str, object]] = field(default_factory=list)
    # Each piece of gender evidence: gender, kind, mentions.
    genders: list[dict[str, object]] = field(default_factory=list)


def _aliases(conn: sqlite3.Connection, sid: int) -> list[str]:
    return [r[0] for r in conn.execute("SELECT alias FROM speaker_aliases WHERE speaker_id = ? GROUP BY alias ORDER BY sum(mentions) DESC, alias", (sid,))]


def top_speakers(conn: sqlite3.Connection, top: int = 20) -> list[SpeakerRow]:
    """Speakers with the most statements."""
    rows = conn.execute(
        f"SELECT {_SPEAKER_COLUMNS} FROM speakers sp JOIN occurrences o ON o.speaker_id = sp.id "
        "GROUP BY sp.id ORDER BY count(DISTINCT o.statement_id) DESC, sp.name LIMIT ?",
        (top,),
    ).fetchall()
    return [_speaker_row(conn, r) for r in rows]


def find_speakers(conn: sqlite3.Connection, name: str) -> list[int]:
    """Ids of speakers whose canonical name or an alias is ``name`` (case aside), else contains it."""
    exact = [
        r[0]
        for r in conn.execute(
            "SELECT id FROM speakers WHERE name = ?1 COLLATE NOCASE UNION SELECT speaker_id FROM speaker_aliases WHERE alias = ?1 COLLATE NOCASE",
            (name,),
        )
    ]
    if exact:
        return sorted(set(exact))
    like = "%" + name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    return sorted(
        {
            r[0]
            for r in conn.execute(
                "SELECT id FROM speakers WHERE name LIKE ?1 ESCAPE '\\' UNION SELECT speaker_id FROM speaker_aliases WHERE alias LIKE ?1 ESCAPE '\\'",
                (like,),
            )
        }
    )


def _dicts(conn: sqlite3.Connection, sql: str, *args: object) -> list[dict[str, object]]:
    """The rows of ``sql`` as dicts keyed by its column names."""
    cur = conn.execute(sql, args)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur]


def profile(conn: sqlite3.Connection, sid: int, samples: int = 5) -> Profile:
    """Role timeline, statements by month, sample statements and why mentions were linked."""
    r = conn.execute(
        f"SELECT {_SPEAKER_COLUMNS} FROM speakers sp LEFT JOIN occurrences o ON o.speaker_id = sp.id WHERE sp.id = ? GROUP BY sp.id",
        (sid,),
    ).fetchone()
    row = _speaker_row(conn, r)
    roles = _dicts(
        conn, "SELECT role, first_seen, last_seen, mentions FROM speaker_roles WHERE speaker_id = ? ORDER BY first_seen IS NULL, first_seen, role", sid
    )
    by_month = [
        (m or "undated", n)
        for m, n in conn.execute(
            "SELECT substr(s.first_seen, 1, 7) AS month, count(*) FROM statements s WHERE s.speaker_id = ? GROUP BY month ORDER BY month",
            (sid,),
        )
    ]
    sample = [
        dict(statement=a, text=b, kind=c, first_seen=d, occurrences=e, drift=bool(f))
        for a, b, c, d, e, f in conn.execute(
            "SELECT id, text, kind, first_seen, occurrences, drift FROM statements WHERE speaker_id = ? ORDER BY occurrences DESC, first_seen, id LIMIT ?",
            (sid, samples),
        )
    ]
    links = _dicts(
        conn,
        "SELECT link_rule AS rule, link_evidence AS evidence, count(*) AS mentions FROM occurrences WHERE speaker_id = ? "
        "GROUP BY link_rule, link_evidence ORDER BY count(*) DESC LIMIT 10",
        sid,
    )
    merges = _dicts(conn, "SELECT alias, rule, evidence, mentions FROM speaker_aliases WHERE speaker_id = ? ORDER BY rowid", sid)
    genders = _dicts(conn, "SELECT gender, evidence, mentions FROM speaker_genders WHERE speaker_id = ? ORDER BY mentions DESC, evidence", sid)
    return Profile(row, roles, by_month, sample, links, merges, genders)


GENDER_GROUPS = ("outlet", "month", "year")


@dataclass
class GenderShare:
    """Quotes by people in one group (an outlet, a month of publication, or all): by women, by men, by
    people of unknown gender, and by people whose gender rests on a first-names list alone."""

    group: str | None
    female: int
    male: int
    unknown: int
    first_name_only: int

    @property
    def known(self) -> int:
        return self.female + self.male

    @property
    def female_share(self) -> float | None:
        """Women's share of the quotes by people of known gender."""
        return self.female / self.known if self.known else None


def who_we_quote(conn: sqlite3.Connection, by: str | None = None, statement_ids: list[int] | None = None) -> list[GenderShare]:
    """Quotes (occurrences) whose speaker is a person, by the speaker's gender: for the whole store
    (``by`` None), or per outlet, month or year of publication. The Gender Gap Tracker's figure."""
    if by is not None and by not in GENDER_GROUPS:
        raise ValueError(f"by must be one of {', '.join(GENDER_GROUPS)}")
    group = {
        None: "NULL",
        "outlet": "ou.name",
        "month": "substr(a.published, 1, 7)",
        "year": "substr(a.published, 1, 4)",
    }[by]
    where = "sp.type = 'PERSON'"
    if by in {"month", "year"}:
        # A capture date is no publication date; a date to the year alone has no month.
        where += " AND a.published_source IS NOT 'capture'" + (" AND length(a.published) >= 7" if by == "month" else "")
    rows = conn.execute(
        f"SELECT {group} AS g, sum(sp.gender = 'female'), sum(sp.gender = 'male'), sum(sp.gender IS NULL), "
        "sum(sp.gender_evidence = 'first-name') "
        "FROM occurrences o JOIN speakers sp ON sp.id = o.speaker_id JOIN articles a ON a.id = o.article_id "
        f"LEFT JOIN outlets ou ON ou.id = a.outlet_id WHERE {where} GROUP BY g ORDER BY g IS NULL, g"
    ).fetchall()
    return [GenderShare(g, f or 0, m or 0, u or 0, w or 0) for g, f, m, u, w in rows]


def speaker_exists(conn: sqlite3.Connection, sid: int) -> bool:
    return conn.execute("SELECT 1 FROM speakers WHERE id = ?", (sid,)).fetchone() is not None


def article(conn: sqlite3.Connection, aid: int) -> dict[str, object] | None:
    """One stored article: metadata, text, body and boilerplate spans, every attribution's spans with its speaker."""
    r = conn.execute(
        "SELECT a.id, a.doc, a.url, a.title, ou.name, a.published, a.published_granularity, a.author, a.text, "
        "a.body_start, a.body_end, a.boilerplate FROM articles a LEFT JOIN outlets ou ON ou.id = a.outlet_id WHERE a.id = ?",
        (aid,),
    ).fetchone()
    if r is None:
        return None
    attributions = []
    for o in conn.execute(
        "SELECT o.id, o.statement_id, o.position, o.kind, o.speaker_id, sp.name, o.speaker_name, o.speaker_role, o.speaker_type, "
        "o.speaker_evidence, o.cue, o.sources, o.contents, o.match, o.drift, o.confidence "
        "FROM occurrences o LEFT JOIN speakers sp ON sp.id = o.speaker_id WHERE o.article_id = ? ORDER BY o.position",
        (aid,),
    ):
        speaker = None
        if o[4] is not None or o[6] is not None:
            speaker = {"id": o[4], "name": o[5] or o[6], "as_written": o[6], "role": o[7], "type": o[8], "evidence": o[9]}
        attributions.append(
            {
                "occurrence": o[0],
                "statement": o[1],
                "position": o[2],
                "kind": o[3],
                "cue": json.loads(o[10]) if o[10] else None,
                "sources": json.loads(o[11]),
                "contents": json.loads(o[12]),
                "speaker": speaker,
                "match": o[13],
                "drift": bool(o[14]),
                "confidence": o[15],
            }
        )
    return {
        "id": r[0],
        "doc": r[1],
        "url": r[2],
        "title": r[3],
        "outlet": r[4],
        "published": r[5],
        "published_granularity": r[6],
        "author": r[7],
        "text": r[8],
        "body": {"start": r[9], "end": r[10]},
        "boilerplate": [{"start": s, "end": e} for s, e in json.loads(r[11])],
        "attributions": attributions,
    }


def occurrences_of(conn: sqlite3.Connection, statement_ids: list[int], per_statement: int = 5) -> dict[int, list[dict[str, object]]]:
    """Where each statement was said, earliest first: article id, the quote's number in it, title, outlet, date, the
    role the article gives, cue, and the source as written."""
    out: dict[int, list[dict[str, object]]] = {sid: [] for sid in statement_ids}
    if not statement_ids:
        return out
    marks = ", ".join("?" * len(statement_ids))
    # The first ``per_statement`` of each statement chosen in SQL: a statement copied by many outlets has
    # hundreds of occurrences, and reading them all into Python took 2 ms a search page on the 10,000-article store.
    for sid, aid, title, outlet, published, cue, role, position, sources, as_written in conn.execute(
        "SELECT o.statement_id, o.article_id, a.title, ou.name, a.published, o.cue, o.speaker_role, o.position, o.sources, o.speaker_name FROM ("
        "SELECT o.id, row_number() OVER (PARTITION BY o.statement_id ORDER BY a.published IS NULL, a.published, o.id) AS k "
        f"FROM occurrences o JOIN articles a ON a.id = o.article_id WHERE o.statement_id IN ({marks})) r "
        "JOIN occurrences o ON o.id = r.id JOIN articles a ON a.id = o.article_id LEFT JOIN outlets ou ON ou.id = a.outlet_id "
        "WHERE r.k <= ? ORDER BY o.statement_id, r.k",
        [*statement_ids, per_statement],
    ):
        first = (json.loads(sources) or [None])[0]
        out[sid].append(
            {
                "article": aid,
                "quote": position + 1,  # its number in the article: the article page's anchor #q<quote>
                "title": title,
                "outlet": outlet,
                "published": published,
                "role": role,
                "cue": json.loads(cue) if cue else None,
                "source": first["text"] if first else None,  # the source as written ("he")
                "as_written": as_written,  # the name the article resolved it to
            }
        )
    return out


def totals(conn: sqlite3.Connection) -> dict[str, int]:
    """How many articles, statements, occurrences (quotes in articles), speakers and outlets the database holds."""
    tables = {"articles": "articles", "statements": "statements", "occurrences": "occurrences", "speakers": "speakers", "outlets": "outlets"}
    return {key: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for key, table in tables.items()}


def top_outlets(conn: sqlite3.Connection, top: int = 10) -> list[dict[str, object]]:
    """Outlets with the most quotes: name, articles and quotes (occurrences)."""
    return [
        dict(name=a, articles=b, quotes=c)
        for a, b, c in conn.execute(
            "SELECT ou.name, count(DISTINCT a.id), count(o.id) FROM outlets ou JOIN articles a ON a.outlet_id = ou.id "
            "LEFT JOIN occurrences o ON o.article_id = a.id GROUP BY ou.id ORDER BY count(o.id) DESC, ou.name LIMIT ?",
            (top,),
        )
    ]


def source_shares(conn: sqlite3.Connection) -> dict[str, int]:
    """Quotes by who the source is: ``named`` (a person, organisation or place), ``described`` (an unnamed
    source, "a spokesperson"), ``unresolved`` (a source that was not resolved) and ``none`` (no source given)."""
    out = {"named": 0, "described": 0, "unresolved": 0, "none": 0}
    for key, n in conn.execute(
        "SELECT CASE WHEN speaker_type IN ('PERSON', 'ORG', 'GPE') THEN 'named' WHEN speaker_type = 'DESCRIPTION' THEN 'described' "
        "WHEN sources = '[]' THEN 'none' ELSE 'unresolved' END AS who, count(*) FROM occurrences GROUP BY who"
    ):
        out[key] = n
    return out


def quotes_by_month(conn: sqlite3.Connection) -> list[tuple[str | None, int]]:
    """Quotes (occurrences) per month of their article's publication date (``YYYY-MM``; ``YYYY`` or None when not known to the month)."""
    return [
        (m, n)
        for m, n in conn.execute(
            "SELECT substr(a.published, 1, 7) AS month, count(*) FROM occurrences o JOIN articles a ON a.id = o.article_id GROUP BY month ORDER BY month"
        )
    ]


def speaker_statements(conn: sqlite3.Connection, sid: int, limit: int = 20, offset: int = 0) -> list[dict[str, object]]:
    """One speaker's statements, newest first: id, text, kind, first_seen, occurrences, drift."""
    return [
        dict(statement=a, text=b, kind=c, first_seen=d, occurrences=e, drift=bool(f))
        for a, b, c, d, e, f in conn.execute(
            "SELECT id, text, kind, first_seen, occurrences, drift FROM statements WHERE speaker_id = ? "
            "ORDER BY first_seen IS NULL, first_seen DESC, id DESC LIMIT ? OFFSET ?",
            (sid, limit, offset),
        )
    ]


# The orders of the speakers list and the articles list: the word a page or caller gives, and its SQL.
SPEAKER_SORTS = {
    "statements": "statements DESC, sp.name, sp.id",
    "quotes": "quotes DESC, sp.name, sp.id",
    "name": "sp.name COLLATE NOCASE, sp.id",
    "recent": "sp.last_seen IS NULL, sp.last_seen DESC, sp.name, sp.id",
}
SPEAKER_TYPES = ("PERSON", "ORG", "GPE", "DESCRIPTION")
ARTICLE_SORTS = {
    "newest": "a.published IS NULL, a.published DESC, a.id DESC",
    "oldest": "a.published IS NULL, a.published, a.id",
    "quotes": "quotes DESC, a.published IS NULL, a.published DESC, a.id DESC",
    "title": "coalesce(a.title, a.doc) COLLATE NOCASE, a.id",
}


@dataclass
class ArticleRow:
    """An article as the articles list shows it."""

    id: int
    doc: str
    title: str | None
    url: str | None
    outlet: str | None
    published: str | None
    quotes: int


def _like(value: str) -> str:
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _choice(name: str, value: str, allowed: Sequence[str]) -> str:
    if value not in allowed:
        raise QueryError(name, NOT_ONE_OF.format(value=value, allowed=", ".join(allowed)))
    return value


def speaker_list(conn: sqlite3.Connection, name: str = "", type: str = "", sort: str = "statements", limit: int = 20, offset: int = 0) -> list[SpeakerRow]:
    """Speakers whose name or an alias contains ``name`` (every one without), of one ``type`` or any, in the order
    ``sort`` names (``SPEAKER_SORTS``), ``limit`` of them after ``offset``; a bad value is a ``QueryError``."""
    order = SPEAKER_SORTS[_choice("sort", sort, list(SPEAKER_SORTS))]
    where, params = ["1"], []  # type: list[str], list[object]
    if name.strip():
        where.append(
            "sp.id IN (SELECT id FROM speakers WHERE name LIKE ?1 ESCAPE '\\' UNION SELECT speaker_id FROM speaker_aliases WHERE alias LIKE ?1 ESCAPE '\\')"
        )
        params.append(_like(name.strip()))
    if type:
        where.append(f"sp.type = ?{len(params) + 1}")
        params.append(_choice("type", type, SPEAKER_TYPES))
    rows = conn.execute(
        "SELECT sp.id, sp.name, sp.type, count(DISTINCT o.statement_id) AS statements, count(o.id) AS quotes, sp.first_seen, sp.last_seen, "
        "sp.gender, sp.gender_evidence "
        f"FROM speakers sp LEFT JOIN occurrences o ON o.speaker_id = sp.id WHERE {' AND '.join(where)} "
        f"GROUP BY sp.id ORDER BY {order} LIMIT ?{len(params) + 1} OFFSET ?{len(params) + 2}",
        [*params, limit, offset],
    ).fetchall()
    return [_speaker_row(conn, r) for r in rows]


def article_list(
    conn: sqlite3.Connection,
    title: str = "",
    outlet: str = "",
    since: str = "",
    until: str = "",
    sort: str = "newest",
    limit: int = 20,
    offset: int = 0,
) -> list[ArticleRow]:
    """Articles whose title (or document id) contains ``title``, of an outlet whose name contains ``outlet``,
    published from ``since`` to ``until`` (YYYY-MM-DD, YYYY-MM or YYYY; an until of a month takes all of it), in
    the order ``sort`` names (``ARTICLE_SORTS``), ``limit`` of them after ``offset``; a bad value is a ``QueryError``."""
    from ..ingest.pubdate import parse_date  # a user's date, as search reads it

    order = ARTICLE_SORTS[_choice("sort", sort, list(ARTICLE_SORTS))]
    where, params = ["1"], []  # type: list[str], list[object]
    if title.strip():
        where.append("coalesce(a.title, a.doc) LIKE ? ESCAPE '\\'")
        params.append(_like(title.strip()))
    if outlet.strip():
        where.append("ou.name LIKE ? ESCAPE '\\'")
        params.append(_like(outlet.strip()))
    for name, value, op in (("since", since, ">="), ("until", until, "<=")):
        if value.strip():
            parsed = parse_date(value.strip())
            if parsed is None:
                raise QueryError(name, NOT_A_DATE.format(value=value))
            where.append(f"a.published {op} ?")
            params.append(parsed[0] + ("\uffff" if name == "until" else ""))
    rows = conn.execute(
        "SELECT a.id, a.doc, a.title, a.url, ou.name, a.published, (SELECT count(*) FROM occurrences o WHERE o.article_id = a.id) AS quotes "
        f"FROM articles a LEFT JOIN outlets ou ON ou.id = a.outlet_id WHERE {' AND '.join(where)} ORDER BY {order} LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    return [ArticleRow(*r) for r in rows]
