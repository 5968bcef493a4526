"""Read-only views of the store for people: top speakers and one speaker's profile."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field


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


@dataclass
class Profile:
    speaker: SpeakerRow
    roles: list[dict[str, object]]
    by_month: list[tuple[str, int]]
    samples: list[dict[str, object]]
    links: list[dict[str, object]]


def _aliases(conn: sqlite3.Connection, sid: int) -> list[str]:
    return [r[0] for r in conn.execute("SELECT alias FROM speaker_aliases WHERE speaker_id = ? GROUP BY alias ORDER BY sum(mentions) DESC, alias", (sid,))]


def top_speakers(conn: sqlite3.Connection, top: int = 20) -> list[SpeakerRow]:
    """Speakers with the most statements."""
    rows = conn.execute(
        "SELECT sp.id, sp.name, sp.type, count(DISTINCT o.statement_id), count(o.id), sp.first_seen, sp.last_seen "
        "FROM speakers sp JOIN occurrences o ON o.speaker_id = sp.id "
        "GROUP BY sp.id ORDER BY count(DISTINCT o.statement_id) DESC, sp.name LIMIT ?",
        (top,),
    ).fetchall()
    return [SpeakerRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], _aliases(conn, r[0])) for r in rows]


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


def profile(conn: sqlite3.Connection, sid: int, samples: int = 5) -> Profile:
    """Role timeline, statements by month, sample statements and why mentions were linked."""
    r = conn.execute(
        "SELECT sp.id, sp.name, sp.type, count(DISTINCT o.statement_id), count(o.id), sp.first_seen, sp.last_seen "
        "FROM speakers sp LEFT JOIN occurrences o ON o.speaker_id = sp.id WHERE sp.id = ? GROUP BY sp.id",
        (sid,),
    ).fetchone()
    row = SpeakerRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], _aliases(conn, sid))
    roles = [
        dict(role=a, first_seen=b, last_seen=c, mentions=d)
        for a, b, c, d in conn.execute(
            "SELECT role, first_seen, last_seen, mentions FROM speaker_roles WHERE speaker_id = ? ORDER BY first_seen IS NULL, first_seen, role",
            (sid,),
        )
    ]
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
    links = [
        dict(rule=a, evidence=b, mentions=c)
        for a, b, c in conn.execute(
            "SELECT link_rule, link_evidence, count(*) FROM occurrences WHERE speaker_id = ? GROUP BY link_rule, link_evidence ORDER BY count(*) DESC LIMIT 10",
            (sid,),
        )
    ]
    return Profile(row, roles, by_month, sample, links)
