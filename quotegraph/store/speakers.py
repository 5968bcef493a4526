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
                  that exactly one known person carries and has been quoted under alone before.
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
from dataclasses import dataclass

from ..model import NameForms, Speaker


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


class SpeakerRegistry:
    """Links mentions to rows of ``speakers`` (creating them), inside the caller's transaction."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

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

    # -- matching -------------------------------------------------------------

    def _find(self, m: Speaker, article_id: int) -> Link | None:
        key = self._key(m, article_id)
        if m.type == "DESCRIPTION" and "#" in key:
            row = self.conn.execute("SELECT speaker_id FROM speaker_aliases WHERE key = ? LIMIT 1", (key,)).fetchone()
            return Link(row[0], "article", f"generic description {m.name!r} is linked only within its article") if row else None
        rows = self.conn.execute("SELECT DISTINCT speaker_id, alias FROM speaker_aliases WHERE key = ? ORDER BY speaker_id", (key,)).fetchall()
        if m.type == "PERSON" and forms_of(m).first_last is None:
            return self._by_surname(m, key, rows)
        if rows:
            sid, alias = rows[0]
            return Link(sid, "alias", f"same name as {alias!r} ({m.type})")
        if m.type in {"ORG", "GPE"}:
            return self._person_typed_otherwise(m)
        if m.type != "PERSON":
            return None
        first_last, surname = forms_of(m).first_last, forms_of(m).surname
        rows = self.conn.execute("SELECT DISTINCT speaker_id, alias FROM speaker_aliases WHERE first_last = ? ORDER BY speaker_id", (first_last,)).fetchall()
        if rows:
            sid, alias = rows[0]
            return Link(sid, "first-last", f"same first and last name as {alias!r}")
        # A lone surname speaker gets its full name, if no other full-name person has that surname.
        rows = self.conn.execute("SELECT DISTINCT speaker_id, alias, first_last FROM speaker_aliases WHERE surname = ?", (surname,)).fetchall()
        full = {r[0] for r in rows if r[2] is not None}
        lone = sorted({r[0] for r in rows if r[2] is None} - full)
        if not full and len(lone) == 1 and compatible(set(forms_of(m).role_words), self._role_of(lone[0], m)):
            self.conn.execute("UPDATE speakers SET name = ? WHERE id = ?", (m.name, lone[0]))
            return Link(lone[0], "full-name", f"full name of {(surname or ':').split(':', 1)[1]!r}, the only speaker known by that surname")
        return None

    def _person_typed_otherwise(self, m: Speaker) -> Link | None:
        """A person the article's recogniser typed ORG or GPE ("Lena Ortiz", "Guterres")."""
        if not m.name[:1].isupper():
            return None
        first_last, surname = forms_of(m).first_last, forms_of(m).surname
        if first_last is not None:
            rows = self.conn.execute(
                "SELECT DISTINCT speaker_id, alias FROM speaker_aliases WHERE first_last = ? ORDER BY speaker_id", (first_last,)
            ).fetchall()
            if len({r[0] for r in rows}) == 1:
                return Link(rows[0][0], "type", f"typed {m.type} in its article, but {m.name!r} has the first and last name of the person {rows[0][1]!r}")
            return None
        rows = self.conn.execute(
            "SELECT DISTINCT speaker_id, alias, first_last FROM speaker_aliases WHERE surname = ? ORDER BY speaker_id", (surname,)
        ).fetchall()
        people = {r[0] for r in rows}
        quoted_alone = {r[0] for r in rows if r[2] is None}
        if len(people) == 1 and people == quoted_alone and any(r[2] for r in rows):
            full = next(r[1] for r in rows if r[2])
            return Link(rows[0][0], "type", f"typed {m.type} in its article, but {m.name!r} is the surname of {full!r}, quoted under it alone before")
        return None

    def _by_surname(self, m: Speaker, key: str, exact: list[tuple[int, str]]) -> Link | None:
        surname = forms_of(m).surname
        rows = self.conn.execute(
            "SELECT DISTINCT a.speaker_id, s.name FROM speaker_aliases a JOIN speakers s ON s.id = a.speaker_id "
            "WHERE a.surname = ? AND a.first_last IS NOT NULL ORDER BY a.speaker_id",
            (surname,),
        ).fetchall()
        cands = {sid: name for sid, name in rows}
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
        """The content words of each known role of the speaker."""
        return [set((r[0] or "").split()) for r in self.conn.execute("SELECT words FROM speaker_roles WHERE speaker_id = ? ORDER BY role", (sid,))]

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

    # -- writing --------------------------------------------------------------

    def _create(self, m: Speaker) -> int:
        cur = self.conn.execute("INSERT INTO speakers (name, type) VALUES (?, ?)", (m.name, m.type))
        assert cur.lastrowid is not None
        return cur.lastrowid

    def _record(self, link: Link, m: Speaker, seen: str | None, article_id: int) -> None:
        sid = link.speaker_id
        key = self._key(m, article_id)
        first_last, surname = (forms_of(m).first_last, forms_of(m).surname) if m.type == "PERSON" else (None, None)
        self.conn.execute(
            "INSERT INTO speaker_aliases (speaker_id, alias, key, first_last, surname, mentions, rule, evidence) VALUES (?, ?, ?, ?, ?, 1, ?, ?) "
            "ON CONFLICT(speaker_id, key) DO UPDATE SET mentions = mentions + 1",
            (sid, m.name, key, first_last, surname, link.rule, link.evidence),
        )
        if m.gender and m.gender_evidence:
            self.conn.execute(
                "INSERT INTO speaker_genders (speaker_id, gender, evidence, mentions) VALUES (?, ?, ?, 1) "
                "ON CONFLICT(speaker_id, gender, evidence) DO UPDATE SET mentions = mentions + 1",
                (sid, m.gender, m.gender_evidence),
            )
            rows = self.conn.execute("SELECT gender, evidence, mentions FROM speaker_genders WHERE speaker_id = ?", (sid,)).fetchall()
            gender, evidence = speaker_gender(rows)
            self.conn.execute("UPDATE speakers SET gender = ?, gender_evidence = ? WHERE id = ?", (gender, evidence, sid))
        self.conn.execute(
            "UPDATE speakers SET mentions = mentions + 1, "
            "first_seen = CASE WHEN ?1 IS NOT NULL AND (first_seen IS NULL OR ?1 < first_seen) THEN ?1 ELSE first_seen END, "
            "last_seen = CASE WHEN ?1 IS NOT NULL AND (last_seen IS NULL OR ?1 > last_seen) THEN ?1 ELSE last_seen END, "
            "name = CASE WHEN type = 'PERSON' AND instr(name, ' ') = 0 AND instr(?2, ' ') > 0 THEN ?2 ELSE name END "
            "WHERE id = ?3",
            (seen, m.name, sid),
        )
        if m.role:
            self.conn.execute(
                "INSERT INTO speaker_roles (speaker_id, role, first_seen, last_seen, mentions, words) VALUES (?1, ?2, ?3, ?3, 1, ?4) "
                "ON CONFLICT(speaker_id, role) DO UPDATE SET mentions = mentions + 1, "
                "first_seen = CASE WHEN ?3 IS NOT NULL AND (first_seen IS NULL OR ?3 < first_seen) THEN ?3 ELSE first_seen END, "
                "last_seen = CASE WHEN ?3 IS NOT NULL AND (last_seen IS NULL OR ?3 > last_seen) THEN ?3 ELSE last_seen END",
                (sid, m.role, seen, " ".join(forms_of(m).role_words)),
            )
