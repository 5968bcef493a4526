"""Search statements: SQLite FTS5 ranked by bm25, filtered by speaker, role, outlet, date and kind.

The text is FTS5 query syntax (words, "phrases", OR, NOT, prefix*); a malformed one
raises ``SearchSyntaxError`` with a hint. Every value reaches SQL as a parameter.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field

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
) -> list[Hit]:
    """Statements matching the query, best first (bm25; newest first without a text); ``offset`` skips that many."""
    if kind is not None and kind not in KINDS:
        raise SearchSyntaxError(f"--kind {kind!r}: choose one of {', '.join(KINDS)}")
    if limit < 1:
        raise SearchSyntaxError("--limit must be 1 or more")
    if offset < 0:
        raise SearchSyntaxError("offset must be 0 or more")
    lo, hi = _bound(since, "since", False), _bound(until, "until", True)
    where: list[str] = []
    params: list[object] = []
    if text.strip():
        source = "statement_search f JOIN statements s ON s.id = f.rowid"
        where.append("statement_search MATCH ?")
        params.append(prepare_query(text))
        score = "bm25(statement_search)"
        order = "score, s.id"
    else:
        source = "statements s"
        score = "0.0"
        order = "s.first_seen DESC, s.id"
    if kind:
        where.append("s.kind = ?")
        params.append(kind)
    if speaker:
        where.append(
            "s.speaker_id IN (SELECT id FROM speakers WHERE name LIKE ? ESCAPE '\\' "
            "UNION SELECT speaker_id FROM speaker_aliases WHERE alias LIKE ? ESCAPE '\\')"
        )
        params += [f"%{_like(speaker)}%"] * 2
    if role:
        where.append(
            "(s.speaker_id IN (SELECT speaker_id FROM speaker_roles WHERE role LIKE ? ESCAPE '\\') "
            "OR EXISTS (SELECT 1 FROM occurrences o WHERE o.statement_id = s.id AND o.speaker_role LIKE ? ESCAPE '\\'))"
        )
        params += [f"%{_like(role)}%"] * 2
    if outlet or lo or hi:
        cond = ["o.statement_id = s.id"]
        if outlet:
            cond.append("a.outlet_id IN (SELECT id FROM outlets WHERE name LIKE ? ESCAPE '\\')")
            params.append(f"%{_like(outlet)}%")
        if lo:
            cond.append("a.published >= ?")
            params.append(lo)
        if hi:
            cond.append("a.published <= ?")
            params.append(hi)
        where.append(f"EXISTS (SELECT 1 FROM occurrences o JOIN articles a ON a.id = o.article_id WHERE {' AND '.join(cond)})")
    sql_where = " AND ".join(where) or "1"
    sql = (
        f"SELECT s.id, s.text, s.kind, s.speaker_id, sp.name, s.first_seen, s.occurrences, s.drift, {score} AS score "
        f"FROM {source} LEFT JOIN speakers sp ON sp.id = s.speaker_id WHERE {sql_where} ORDER BY {order} LIMIT ? OFFSET ?"
    )
    params += [limit, offset]
    try:
        rows = conn.execute(sql, params).fetchall()
    except sqlite3.OperationalError as e:
        msg = str(e)
        if any(k in msg for k in ("fts5", "syntax error", "no such column", "unterminated", "unknown special query")):
            raise SearchSyntaxError(
                f"cannot read the search text {text!r} ({msg}); put words with punctuation in double quotes, "
                f'e.g. "U.S. economy", or use plain words, "phrases", OR, NOT and prefix*'
            ) from None
        raise
    hits = [Hit(r[0], r[1], r[2], r[3], r[4], r[5], r[6], bool(r[7]), r[8]) for r in rows]
    for h in hits:
        h.outlets = [
            r[0]
            for r in conn.execute(
                "SELECT DISTINCT ou.name FROM occurrences o JOIN articles a ON a.id = o.article_id "
                "JOIN outlets ou ON ou.id = a.outlet_id WHERE o.statement_id = ? ORDER BY ou.name",
                (h.statement_id,),
            )
        ]
        if h.speaker_id is not None:
            h.roles = [r[0] for r in conn.execute("SELECT role FROM speaker_roles WHERE speaker_id = ? ORDER BY first_seen, role", (h.speaker_id,))]
    return hits


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
