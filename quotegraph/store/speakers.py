"""Speakers across articles: mentions linked to canonical speakers, conservatively, with the evidence kept.

Rules (``link``), in order, each recorded as ``link_rule`` with a sentence of evidence:

* ``alias``       the same normalised name (titles, honorifics, dots dropped) and type as a known alias.
* ``first-last``  PERSON: same first and last name, middle names and initials aside ("Hillary Rodham Clinton").
* ``full-name``   PERSON: a full name whose surname is known only as a lone surname speaker, and no other
                  full-name person has that surname: the surname speaker is given the full name.
* ``surname``     PERSON: a lone surname ("Guterres") that exactly one known full-name person carries and
                  whose role does not conflict; with several candidates, the one whose role history
                  matches the mention's role, if exactly one does. Otherwise the surname stays its own
                  speaker: two people named Khan stay two unless the evidence says otherwise.
* ``type``        ORG or GPE in its article, but a person's name the store knows: a full name ("Lena
                  Ortiz") with the first and last name of exactly one known person, or a lone surname
                  that exactly one known person carries and has been quoted under alone before; and
                  PERSON in its article, but a name of several words that is the whole name of exactly
                  one known organisation or place and of no known person ("Black Lives Matter").
* ``article``     DESCRIPTION without a proper name ("a spokesperson", "officials"): kept to its article.
* ``new``         none of the above.

Names are compared in the forms each mention carries (``Speaker.forms``, made on the extraction side by
``speakers.names``: titles, epithets, initials, suffixes aside; a first name in its usual full form: "Tim"
is Timothy); roles by their content words, kept with each role (``speaker_roles.words``). Each alias keeps
the rule and evidence that first linked it.

Gender: each PERSON mention's gender and its kind of evidence (``Speaker.gender_evidence``) is
counted in ``speaker_genders``; the speaker's gender is that of its strongest kind of evidence
(pronoun or title, then the public-figures table, then first names), when that kind agrees.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple

from ..model import NameForms, Speaker
from .db import earlier, later, next_rowid, select_in


def forms_of(m: Speaker) -> NameForms:
    """The forms ``m`` is compared in (ValueError for a speaker not prepared for storing)."""
    if m.forms is None:
        raise ValueError(f"speaker {m.name!r} has no name forms: prepare the article first (quotegraph.ingest.prepare)")
    return m.forms


def compatible(a: set[str], b: set[str]) -> bool:
    """Roles given by their content words: unknown ones are compatible; known ones must share a word."""
    return not a or not b or bool(a & b)


@dataclass(frozen=True)
class Link:
    speaker_id: int
    rule: str
    evidence: str


# Kinds of gender evidence, strongest first; kinds in one tier count together.
GENDER_TIERS: tuple[frozenset[str], ...] = (frozenset({"pronoun", "title"}), frozenset({"known"}), frozenset({"first-name"}))


def speaker_gender(evidence: list[tuple[str, str, int]]) -> tuple[str | None, str | None]:
    """(gender, kind of evidence) from (gender, kind, mentions) rows: the strongest tier that has any
    evidence decides, by a clear majority (at least two thirds of its mentions); else unknown."""
    for tier in GENDER_TIERS:
        rows = [r for r in evidence if r[1] in tier]
        if not rows:
            continue
        total = sum(r[2] for r in rows)
        by_gender: dict[str, int] = {}
        for g, _, n in rows:
            by_gender[g] = by_gender.get(g, 0) + n
        gender, n = max(by_gender.items(), key=lambda kv: kv[1])
        if 3 * n < 2 * total:
            return None, None  # the strongest evidence disagrees with itself
        kind = max((r for r in rows if r[0] == gender), key=lambda r: r[2])[1]
        return gender, kind
    return None, None


class _Row:
    """A row of ``speakers`` as a registry holds it until it flushes."""

    __slots__ = ("first_seen", "gender", "gender_evidence", "last_seen", "mentions", "name", "type")

    def __init__(
        self,
        name: str,
        type_: str,
        first_seen: str | None = None,
        last_seen: str | None = None,
        mentions: int = 0,
        gender: str | None = None,
        gender_evidence: str | None = None,
    ) -> None:
        self.name, self.type, self.first_seen, self.last_seen = name, type_, first_seen, last_seen
        self.mentions, self.gender, self.gender_evidence = mentions, gender, gender_evidence

    def values(self) -> tuple[object, ...]:
        return (self.name, self.type, self.first_seen, self.last_seen, self.mentions, self.gender, self.gender_evidence)


class _Alias(NamedTuple):
    """An alias as the rules read it; ``order`` is the rowid it has, or will have once written."""

    order: int
    speaker_id: int
    alias: str
    key: str
    first_last: str | None
    surname: str | None


_ALIAS_COLUMNS = ("key", "first_last", "surname")


def _distinct(rows: Iterable[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """Rows without repeats, the first kept, then ordered by their first field (SELECT DISTINCT ... ORDER BY)."""
    return sorted(dict.fromkeys(rows), key=lambda r: r[0])


class SpeakerRegistry:
    """Links mentions to rows of ``speakers`` (creating them), inside the caller's transaction.

    What it reads stays in memory, and what it writes is held there until ``flush``, which writes it in a few
    statements; the caller flushes before it commits. The rules see the tables as they would be had each
    earlier mention been written at once (the rows read and the rows held, together). This holds while this
    connection is the only writer (``BEGIN IMMEDIATE``) and nothing it wrote is rolled back: one registry
    serves one transaction."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._forget()

    def _forget(self) -> None:
        """Hold nothing, read nothing yet."""
        self._db_aliases: dict[tuple[str, str], list[_Alias]] = {}  # (column, value) -> the aliases read with it
        self._new_aliases: dict[tuple[str, str], list[_Alias]] = {}  # (column, value) -> the aliases created with it
        self._alias_mentions: dict[tuple[int, str], list[Any]] = {}  # (speaker, key) -> [alias, key, first_last, surname, n, rule, evidence]
        self._speakers: dict[int, _Row] = {}  # read or created
        self._created: list[int] = []
        self._touched: set[int] = set()
        self._db_roles: dict[int, dict[str, str]] = {}  # speaker -> role -> its words, as read
        self._role_rows: dict[tuple[int, str], list[Any]] = {}  # (speaker, role) -> [words, first_seen, last_seen, n], held
        self._held_roles: dict[int, dict[str, str]] = {}  # speaker -> role -> words, of the roles held
        self._db_genders: dict[int, dict[tuple[str, str], int]] = {}  # speaker -> (gender, evidence) -> mentions, as read
        self._genders: dict[int, dict[tuple[str, str], int]] = {}  # speaker -> (gender, evidence) -> mentions held
        self._gender_order: dict[tuple[int, str, str], None] = {}  # the same, in the order they were first held
        self._next_speaker: int | None = None
        self._next_alias: int | None = None

    def link(self, m: Speaker, seen: str | None, article_id: int) -> Link:
        found = self._find(m, article_id)
        if found is None:
            sid = self._create(m)
            found = Link(sid, "new", f"no known speaker matches {m.type} {m.name!r}")
        self._record(found, m, seen, article_id)
        return found

    def identity(self, m: Speaker, link: Link, article_id: int) -> str:
        """Who this mention is when statements are compared across articles: the speaker, or for a
        description kept to its article, the description (the same quote from "a source" in two copies
        of a story is one statement)."""
        key = self._key(m, article_id)
        if m.type == "DESCRIPTION" and "#" in key:
            return key.split("#", 1)[0]
        return f"speaker:{link.speaker_id}"

    def prefetch(self, mentions: Iterable[Speaker]) -> None:
        """Read at once what these mentions, about to be linked, are compared with (descriptions kept to their
        article aside: their article is new)."""
        wanted: dict[str, set[str]] = {c: set() for c in _ALIAS_COLUMNS}
        for m in mentions:
            forms = m.forms
            if forms is None or (m.type == "DESCRIPTION" and not forms.specific):
                continue
            wanted["key"].add(self._key(m, 0))
            if m.type in {"ORG", "GPE"}:  # what _place_or_organisation compares
                wanted["key"].add(("GPE:" if m.type == "ORG" else "ORG:") + forms.key.split(":", 1)[1])
            for column, value in (("first_last", forms.first_last), ("surname", forms.surname)):
                if value is not None:
                    wanted[column].add(value)
        for column, values in wanted.items():
            self._load_aliases(column, values)
        ids = {a.speaker_id for rows in self._db_aliases.values() for a in rows}
        self._load_speakers(ids)
        self._load_roles(ids)

    # -- reading ----------------------------------------------------------------

    def _aliases(self, column: str, value: str | None) -> list[_Alias]:
        """The aliases whose ``column`` is ``value``, in table order."""
        if value is None:
            return []
        if (column, value) not in self._db_aliases:
            self._load_aliases(column, {value})
        return self._db_aliases[column, value] + self._new_aliases.get((column, value), [])

    def _load_aliases(self, column: str, values: set[str]) -> None:
        todo = [v for v in values if (column, v) not in self._db_aliases]
        for v in todo:
            self._db_aliases[column, v] = []
        sql = f"SELECT rowid, speaker_id, alias, key, first_last, surname, {column} FROM speaker_aliases WHERE {column} IN ({{marks}}) ORDER BY rowid"
        for row in select_in(self.conn, sql, todo):
            self._db_aliases[column, row[6]].append(_Alias(*row[:6]))

    def _speaker(self, sid: int) -> _Row:
        if sid not in self._speakers:
            self._load_speakers({sid})
        return self._speakers[sid]

    def _load_speakers(self, ids: set[int]) -> None:
        todo = [i for i in ids if i not in self._speakers]
        sql = "SELECT id, name, type, first_seen, last_seen, mentions, gender, gender_evidence FROM speakers WHERE id IN ({marks})"
        for sid, *rest in select_in(self.conn, sql, todo):
            self._speakers[sid] = _Row(*rest)

    def _load_roles(self, ids: set[int]) -> None:
        todo = [i for i in ids if i not in self._db_roles]
        for i in todo:
            self._db_roles[i] = {}
        for sid, role, words in select_in(self.conn, "SELECT speaker_id, role, words FROM speaker_roles WHERE speaker_id IN ({marks})", todo):
            self._db_roles[sid][role] = words or ""

    # -- matching -------------------------------------------------------------

    def _find(self, m: Speaker, article_id: int) -> Link | None:
        key = self._key(m, article_id)
        if m.type == "DESCRIPTION" and "#" in key:
            found = self._aliases("key", key)
            return Link(found[0].speaker_id, "article", f"generic description {m.name!r} is linked only within its article") if found else None
        rows = _distinct((a.speaker_id, a.alias) for a in self._aliases("key", key))
        if m.type == "PERSON" and forms_of(m).first_last is None:
            return self._by_surname(m, rows)
        if rows:
            sid, alias = rows[0]
            return Link(sid, "alias", f"same name as {alias!r} ({m.type})")
        if m.type in {"ORG", "GPE"}:
            return self._place_or_organisation(m, key) or self._person_typed_otherwise(m)
        if m.type != "PERSON":
            return None
        first_last, surname = forms_of(m).first_last, forms_of(m).surname
        rows = _distinct((a.speaker_id, a.alias) for a in self._aliases("first_last", first_last))
        if rows:
            sid, alias = rows[0]
            return Link(sid, "first-last", f"same first and last name as {alias!r}")
        # A lone surname speaker gets its full name, if no other full-name person has that surname.
        by_surname = self._aliases("surname", surname)
        full = {a.speaker_id for a in by_surname if a.first_last is not None}
        lone = sorted({a.speaker_id for a in by_surname if a.first_last is None} - full)
        if not full and len(lone) == 1 and compatible(set(forms_of(m).role_words), self._role_of(lone[0], m)):
            self._speaker(lone[0]).name = m.name
            self._touched.add(lone[0])
            return Link(lone[0], "full-name", f"full name of {(surname or ':').split(':', 1)[1]!r}, the only speaker known by that surname")
        return self._organisation_typed_otherwise(m, key)

    def _organisation_typed_otherwise(self, m: Speaker, key: str) -> Link | None:
        """A PERSON of several words whose whole name is that of exactly one known organisation or place and of no
        known person ("Black Lives Matter" typed PERSON in its article): that organisation. A lone word may name
        both ("Jordan")."""
        name = key.split(":", 1)[1]  # the PERSON key's name part ("PERSON:black lives matter")
        rows = _distinct((a.speaker_id, a.alias) for t in ("ORG", "GPE") for a in self._aliases("key", f"{t}:{name}"))
        if len({r[0] for r in rows}) != 1:
            return None
        sid, alias = rows[0]
        return Link(sid, "type", f"typed PERSON in its article, but {m.name!r} is the name of the {self._speaker(sid).type} {alias!r} and of no known person")

    def _place_or_organisation(self, m: Speaker, key: str) -> Link | None:
        """An organisation typed GPE in one article and ORG in another ("Verizon", "Israel" for its government):
        the one speaker of the other of those types with the same name."""
        other = "GPE" if m.type == "ORG" else "ORG"
        rows = _distinct((a.speaker_id, a.alias) for a in self._aliases("key", f"{other}:{key.split(':', 1)[1]}"))
        if len({r[0] for r in rows}) != 1:
            return None
        sid, alias = rows[0]
        return Link(sid, "type", f"typed {m.type} in its article, but {m.name!r} is the name of the {other} {alias!r}")

    def _person_typed_otherwise(self, m: Speaker) -> Link | None:
        """A person the article's recogniser typed ORG or GPE ("Lena Ortiz", "Guterres")."""
        if not m.name[:1].isupper():
            return None
        first_last, surname = forms_of(m).first_last, forms_of(m).surname
        if first_last is not None:
            rows = _distinct((a.speaker_id, a.alias) for a in self._aliases("first_last", first_last))
            if len({r[0] for r in rows}) == 1:
                return Link(rows[0][0], "type", f"typed {m.type} in its article, but {m.name!r} has the first and last name of the person {rows[0][1]!r}")
            return None
        rows = _distinct((a.speaker_id, a.alias, a.first_last) for a in self._aliases("surname", surname))
        people = {r[0] for r in rows}
        quoted_alone = {r[0] for r in rows if r[2] is None}
        if len(people) == 1 and people == quoted_alone and any(r[2] for r in rows):
            full = next(r[1] for r in rows if r[2])
            return Link(rows[0][0], "type", f"typed {m.type} in its article, but {m.name!r} is the surname of {full!r}, quoted under it alone before")
        return None

    def _by_surname(self, m: Speaker, exact: list[tuple[Any, ...]]) -> Link | None:
        surname = forms_of(m).surname
        ids = sorted({a.speaker_id for a in self._aliases("surname", surname) if a.first_last is not None})
        cands = {sid: self._speaker(sid).name for sid in ids}
        if len(cands) == 1:
            sid, name = next(iter(cands.items()))
            if compatible(set(forms_of(m).role_words), self._role_of(sid, m)):
                return Link(sid, "surname", f"{m.name!r} is the surname of {name!r}, the only known person with it")
        elif len(cands) > 1 and m.role:
            matching = [sid for sid in cands if self._has_matching_role(sid, m)]
            if len(matching) == 1:
                sid = matching[0]
                return Link(
                    sid,
                    "surname",
                    f"{m.name!r} is the surname of {cands[sid]!r}, the only one of {len(cands)} people with it whose roles match {m.role!r}",
                )
        if exact:
            sid, alias = exact[0]
            return Link(sid, "alias", f"same surname-only name as {alias!r}")
        return None

    def _roles(self, sid: int) -> list[set[str]]:
        """The content words of each known role of the speaker, in the order of the roles."""
        if sid not in self._db_roles:
            self._load_roles({sid})
        roles = {**self._db_roles[sid], **self._held_roles.get(sid, {})}
        return [set(roles[r].split()) for r in sorted(roles)]

    def _role_of(self, sid: int, m: Speaker) -> set[str]:
        """The words of a known role of the speaker compatible with ``m``'s if there is one, else of any known role."""
        roles = self._roles(sid)
        if not roles:
            return set()
        words = set(forms_of(m).role_words)
        return next((r for r in roles if compatible(r, words)), roles[0])

    def _has_matching_role(self, sid: int, m: Speaker) -> bool:
        words = set(forms_of(m).role_words)
        return any(words & r for r in self._roles(sid))

    def _key(self, m: Speaker, article_id: int) -> str:
        forms = forms_of(m)
        key = forms.key
        if m.type == "DESCRIPTION":
            if not forms.specific:
                return f"{key}#article{article_id}"
            if m.role:
                key += "|" + " ".join(forms.role_words)
        return key

    # -- writing: held until flush ----------------------------------------------

    def _create(self, m: Speaker) -> int:
        if self._next_speaker is None:
            self._next_speaker = next_rowid(self.conn, "speakers")
        sid = self._next_speaker
        self._next_speaker += 1
        self._speakers[sid] = _Row(m.name, m.type)
        self._created.append(sid)
        self._db_roles[sid] = {}
        self._db_genders[sid] = {}
        return sid

    def _record(self, link: Link, m: Speaker, seen: str | None, article_id: int) -> None:
        sid = link.speaker_id
        key = self._key(m, article_id)
        first_last, surname = (forms_of(m).first_last, forms_of(m).surname) if m.type == "PERSON" else (None, None)
        held = self._alias_mentions.get((sid, key))
        if held is not None:
            held[4] += 1
        else:
            self._alias_mentions[sid, key] = [m.name, key, first_last, surname, 1, link.rule, link.evidence]
            if not any(a.speaker_id == sid for a in self._aliases("key", key)):
                # A new alias: the rules see it from now on, under each of its columns.
                if self._next_alias is None:
                    self._next_alias = next_rowid(self.conn, "speaker_aliases")
                row = _Alias(self._next_alias, sid, m.name, key, first_last, surname)
                self._next_alias += 1
                for column, value in zip(_ALIAS_COLUMNS, (key, first_last, surname), strict=True):
                    if value is not None:
                        self._new_aliases.setdefault((column, value), []).append(row)
        sp = self._speaker(sid)
        self._touched.add(sid)
        if m.gender and m.gender_evidence:
            held_genders = self._genders.setdefault(sid, {})
            held_genders[m.gender, m.gender_evidence] = held_genders.get((m.gender, m.gender_evidence), 0) + 1
            self._gender_order[sid, m.gender, m.gender_evidence] = None
            sp.gender, sp.gender_evidence = speaker_gender(self._gender_rows(sid))
        sp.mentions += 1
        if earlier(seen, sp.first_seen):
            sp.first_seen = seen
        if later(seen, sp.last_seen):
            sp.last_seen = seen
        if sp.type == "PERSON" and " " not in sp.name and " " in m.name:
            sp.name = m.name
        if m.role:
            role = self._role_rows.get((sid, m.role))
            if role is None:
                words = " ".join(forms_of(m).role_words)
                self._role_rows[sid, m.role] = [words, seen, seen, 1]
                self._held_roles.setdefault(sid, {}).setdefault(m.role, words)
            else:
                role[3] += 1
                if earlier(seen, role[1]):
                    role[1] = seen
                if later(seen, role[2]):
                    role[2] = seen

    def _gender_rows(self, sid: int) -> list[tuple[str, str, int]]:
        """The speaker's (gender, evidence, mentions) as the table would hold them, in its order."""
        if sid not in self._db_genders:
            sql = "SELECT gender, evidence, mentions FROM speaker_genders WHERE speaker_id = ?"
            self._db_genders[sid] = {(g, e): n for g, e, n in self.conn.execute(sql, (sid,))}
        rows = dict(self._db_genders[sid])
        for ge, n in self._genders.get(sid, {}).items():
            rows[ge] = rows.get(ge, 0) + n
        return [(g, e, n) for (g, e), n in sorted(rows.items())]

    def flush(self) -> None:
        """Write what is held (speakers created and changed, their aliases, genders and roles) and forget it:
        the registry reads the tables again for what comes next."""
        conn = self.conn
        created = set(self._created)
        conn.executemany(
            "INSERT INTO speakers (id, name, type, first_seen, last_seen, mentions, gender, gender_evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(sid, *self._speakers[sid].values()) for sid in self._created],
        )
        conn.executemany(
            "UPDATE speakers SET name = ?, first_seen = ?, last_seen = ?, mentions = ?, gender = ?, gender_evidence = ? WHERE id = ?",
            [
                (r.name, r.first_seen, r.last_seen, r.mentions, r.gender, r.gender_evidence, sid)
                for sid in sorted(self._touched - created)
                for r in (self._speakers[sid],)
            ],
        )
        conn.executemany(
            "INSERT INTO speaker_aliases (speaker_id, alias, key, first_last, surname, mentions, rule, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(speaker_id, key) DO UPDATE SET mentions = mentions + excluded.mentions",
            [(sid, *rest) for (sid, _), rest in self._alias_mentions.items()],
        )
        conn.executemany(
            "INSERT INTO speaker_genders (speaker_id, gender, evidence, mentions) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(speaker_id, gender, evidence) DO UPDATE SET mentions = mentions + excluded.mentions",
            [(sid, g, e, self._genders[sid][g, e]) for sid, g, e in self._gender_order],
        )
        conn.executemany(
            "INSERT INTO speaker_roles (speaker_id, role, first_seen, last_seen, mentions, words) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
            "ON CONFLICT(speaker_id, role) DO UPDATE SET mentions = mentions + ?5, "
            "first_seen = CASE WHEN ?3 IS NOT NULL AND (first_seen IS NULL OR ?3 < first_seen) THEN ?3 ELSE first_seen END, "
            "last_seen = CASE WHEN ?4 IS NOT NULL AND (last_seen IS NULL OR ?4 > last_seen) THEN ?4 ELSE last_seen END",
            [(sid, role, first, last, n, words) for (sid, role), (words, first, last, n) in self._role_rows.items()],
        )
        self._forget()
