"""Cross-article speaker merging: aliases merged, different people kept apart, evidence stored."""

from dataclasses import replace

import pytest

from quotegraph.model import Speaker
from quotegraph.speakers.names import name_forms, name_key, person_parts, roles_compatible
from quotegraph.store.db import open_store
from quotegraph.store.speakers import SpeakerRegistry, speaker_gender


def speaker(*args, **kw) -> Speaker:
    """A mention as the store is given it: with the forms its name and role are compared in."""
    s = Speaker(*args, **kw)
    return replace(s, forms=name_forms(s.name, s.type, s.role))


def run(mentions, flush_each: bool = False):
    """Link (name, role, type, article) mentions in order, written at the end (or after each, ``flush_each``); the
    groups as letters (same letter = same speaker)."""
    store = open_store(":memory:")
    reg = SpeakerRegistry(store.conn)
    store.conn.execute(
        "INSERT INTO articles (id, text_key, doc, location, text, body_start, body_end, ingested_at) "
        "SELECT value, 'k' || value, 'd', 'l', 't', 0, 0, 'now' FROM json_each('[1,2,3,4,5,6,7,8,9]')"
    )
    ids, links = [], []
    for name, role, type_, article in mentions:
        link = reg.link(speaker(name, role, type_), "2016-09-14", article)
        ids.append(link.speaker_id)
        links.append(link)
        if flush_each:
            reg.flush()
    reg.flush()
    letters: dict[int, str] = {}
    return "".join(letters.setdefault(i, "ABCDEFGHIJ"[len(letters)]) for i in ids), links, store


P, ORG, G, D = "PERSON", "ORG", "GPE", "DESCRIPTION"


MERGE_CASES = [
        # Full name, surname and name with title are one person.
        (
            [
                ("Antonio Guterres", "UN Secretary-General", P, 1),
                ("Guterres", None, P, 2),
                ("UN chief Antonio Guterres", None, P, 3),
            ],
            "AAA",
        ),
        # Honorifics and initials aside.
        ([("Donald J. Trump", None, P, 1), ("Donald Trump", None, P, 2), ("Mr. Trump", None, P, 3)], "AAA"),
        # Middle names.
        ([("Hillary Rodham Clinton", None, P, 1), ("Hillary Clinton", None, P, 2)], "AA"),
        # Two Khans stay two; a lone "Khan" with no role is not given to either.
        (
            [("Sadiq Khan", "Mayor of London", P, 1), ("Imran Khan", "Prime Minister of Pakistan", P, 2), ("Khan", None, P, 3)],
            "ABC",
        ),
        # ... unless the role says which one.
        (
            [
                ("Sadiq Khan", "Mayor of London", P, 1),
                ("Imran Khan", "Prime Minister of Pakistan", P, 2),
                ("Khan", "London mayor", P, 3),
            ],
            "ABA",
        ),
        # One known Khan, but the surname's role conflicts: another person.
        ([("Sadiq Khan", "Mayor of London", P, 1), ("Khan", "cricket captain", P, 2)], "AB"),
        # A surname seen first gets its full name later.
        ([("Guterres", "UN chief", P, 1), ("Antonio Guterres", "UN Secretary-General", P, 2)], "AA"),
        # Different first names, same surname: two people.
        ([("Hillary Clinton", None, P, 1), ("Bill Clinton", None, P, 2), ("Clinton", None, P, 3)], "ABC"),
        # Same name, different types: different speakers.
        ([("Jordan", None, G, 1), ("Jordan", None, P, 2)], "AB"),
        # Organisations: "the" and dots aside.
        (
            [
                ("the State Department", None, ORG, 1),
                ("State Department", None, ORG, 2),
                ("U.S.", None, G, 3),
                ("US", None, G, 4),
            ],
            "AABB",
        ),
        # Generic descriptions stay in their article.
        ([("a spokesperson", None, D, 1), ("a spokesperson", None, D, 1), ("a spokesperson", None, D, 2)], "AAB"),
        # Institutional descriptions merge, but Pakistan's Foreign Office spokesperson is not the State Department's.
        (
            [
                ("Foreign Office Spokesperson", "Pakistan", D, 1),
                ("State Department spokesperson", None, D, 2),
                ("Foreign Office Spokesperson", "Pakistan", D, 3),
            ],
            "ABA",
        ),
        ([("Foreign Office Spokesperson", "Pakistan", D, 1), ("Foreign Office Spokesperson", "United Kingdom", D, 2)], "AB"),
        # First-name variants, epithets and generational suffixes are one person.
        ([("Tom Reyes", None, P, 1), ("Thomas Reyes", None, P, 2), ("Reyes", None, P, 3)], "AAA"),
        ([("Tim Kaine", None, P, 1), ("Timothy M. Kaine", None, P, 2)], "AA"),
        ([("Crooked Hillary Clinton", None, P, 1), ("Hillary Clinton", None, P, 2)], "AA"),
        ([("Robert F. Kennedy Jr.", None, P, 1), ("Robert Kennedy", None, P, 2)], "AA"),
        # ... but a short form that is a name of its own is not merged: Jack Smith is not John Smith.
        ([("John Smith", None, P, 1), ("Jack Smith", None, P, 2)], "AB"),
        # A person the recogniser typed ORG: a full name, or a surname quoted alone before.
        ([("Lena Ortiz", "attorney", P, 1), ("Lena Ortiz", None, ORG, 2)], "AA"),
        ([("Paul Danner", None, P, 1), ("Danner", None, P, 2), ("Danner", None, ORG, 3)], "AAA"),
        # ... not a surname never used alone for the person (Ford the company is not Gerald Ford).
        ([("Gerald Ford", None, P, 1), ("Ford", None, ORG, 2)], "AB"),
        ([("Ana Bell", None, P, 1), ("Ana Bell", "singer", P, 2), ("Ana Bell", None, ORG, 3)], "AAA"),
        # An organisation the recogniser typed PERSON after it was known as one: a name of several words, not a lone
        # one (Jordan the country and Jordan the player); not where a person of that name is known too.
        ([("Black Lives Matter", None, ORG, 1), ("Black Lives Matter", None, P, 2)], "AA"),
        ([("Black Lives Matter", None, ORG, 1), ("Black Lives Matter", None, P, 2), ("Black Lives Matter", None, ORG, 3)], "AAA"),
        ([("Jordan", None, G, 1), ("Jordan", None, P, 2)], "AB"),
        ([("Ana Bell", None, P, 1), ("Ana Bell", None, ORG, 2), ("Ana Bell", None, P, 3)], "AAA"),
        # An organisation typed a place in one article ("Verizon", "Israel" for its government): one speaker.
        ([("Verizon", None, ORG, 1), ("Verizon", None, G, 2)], "AA"),
        ([("Israel", None, G, 1), ("Israel", None, ORG, 2), ("Israel", None, G, 3)], "AAA"),
        # A company's legal form aside.
        ([("Breitbart News", None, ORG, 1), ("Breitbart News, LLC", None, ORG, 2), ("Apple Inc.", None, ORG, 3)], "AAB"),
]


@pytest.mark.parametrize(("mentions", "groups"), MERGE_CASES)
def test_speakers_merge_rules(mentions, groups):
    got, _, _ = run(mentions)
    assert got == groups


@pytest.mark.parametrize(("mentions", "groups"), MERGE_CASES)
def test_speakers_held_until_flush_link_as_written_at_once(mentions, groups):
    """The registry holds its writes until it flushes: the links and the tables are those of writing each mention
    at once (a flush after each, the registry reading the tables again)."""
    held_groups, held_links, held = run(mentions)
    each_groups, each_links, each = run(mentions, flush_each=True)
    assert held_groups == each_groups == groups and held_links == each_links
    for table in ["speakers", "speaker_aliases", "speaker_roles", "speaker_genders"]:
        assert held.conn.execute(f"SELECT rowid, * FROM {table}").fetchall() == each.conn.execute(f"SELECT rowid, * FROM {table}").fetchall()


def test_speakers_link_evidence_is_stored():
    _, links, _ = run(
        [("Sadiq Khan", "Mayor of London", P, 1), ("Imran Khan", "Prime Minister", P, 2), ("Khan", "London mayor", P, 3)]
    )
    assert [lk.rule for lk in links] == ["new", "new", "surname"]
    assert "Sadiq Khan" in links[2].evidence and "London mayor" in links[2].evidence


def test_speakers_role_history_with_dates():
    store = open_store(":memory:")
    reg = SpeakerRegistry(store.conn)
    reg.link(speaker("Antonio Guterres", "Portuguese Prime Minister", P), "1998-05-01", 1)
    reg.link(speaker("Antonio Guterres", "UN Secretary-General", P), "2017-01-05", 2)
    reg.link(speaker("Guterres", "UN Secretary-General", P), "2020-11-18", 3)
    reg.flush()
    rows = store.conn.execute("SELECT role, first_seen, last_seen, mentions FROM speaker_roles ORDER BY first_seen").fetchall()
    assert rows == [
        ("Portuguese Prime Minister", "1998-05-01", "1998-05-01", 1),
        ("UN Secretary-General", "2017-01-05", "2020-11-18", 2),
    ]
    assert store.conn.execute("SELECT name, first_seen, last_seen, mentions FROM speakers").fetchall() == [
        ("Antonio Guterres", "1998-05-01", "2020-11-18", 3)
    ]


@pytest.mark.parametrize(
    ("name", "type_", "key"),
    [
        ("UN chief Antonio Guterres", P, "PERSON:antonio guterres"),
        ("Mr. Trump", P, "PERSON:trump"),
        ("Secretary of State John Kerry", P, "PERSON:john kerry"),
        ("Democratic presidential nominee Hillary Clinton", P, "PERSON:hillary clinton"),
        ("the former mayor of New York, Rudy Giuliani", P, "PERSON:rudy giuliani"),
        ("Ludwig van Beethoven", P, "PERSON:ludwig van beethoven"),
        ("hillary clinton", P, "PERSON:hillary clinton"),
        ("Martin Luther King Jr.", P, "PERSON:martin luther king"),
        ("José Ángel Gurría", P, "PERSON:jose angel gurria"),
        ("The White House", ORG, "ORG:white house"),
        ("the so-called Islamic State", ORG, "ORG:islamic state"),  # a writer's qualifier is no part of the name
        ("Self-styled Islamic State", ORG, "ORG:islamic state"),
        ("So-Called", ORG, "ORG:so called"),  # ... unless it is the whole name
        ("U.S.", G, "GPE:us"),
    ],
)
def test_speakers_name_key(name, type_, key):
    assert name_key(name, type_) == key


@pytest.mark.parametrize(
    ("name", "parts"),
    [
        ("Hillary Rodham Clinton", ("PERSON:hillary clinton", "PERSON:clinton")),
        ("Donald J. Trump", ("PERSON:donald trump", "PERSON:trump")),
        ("Ursula von der Leyen", ("PERSON:ursula von der leyen", "PERSON:von der leyen")),
        ("Guterres", (None, "PERSON:guterres")),
    ],
)
def test_speakers_person_parts(name, parts):
    assert person_parts(name) == parts


@pytest.mark.parametrize(
    ("a", "b", "ok"),
    [
        ("Mayor of London", "London mayor", True),
        ("Mayor of London", "Prime Minister of Pakistan", False),
        ("spokesman", "spokeswoman", True),
        (None, "anything", True),
        ("former Secretary of State", "Secretary of State", True),
    ],
)
def test_speakers_roles_compatible(a, b, ok):
    assert roles_compatible(a, b) is ok


def test_speakers_alias_keeps_the_rule_that_linked_it():
    _, _, store = run([("Paul Danner", None, P, 1), ("Danner", None, P, 2), ("Danner", None, ORG, 3), ("Tom Danner", None, P, 4)])
    rows = store.conn.execute("SELECT alias, key, rule FROM speaker_aliases ORDER BY rowid").fetchall()
    assert rows == [
        ("Paul Danner", "PERSON:paul danner", "new"),
        ("Danner", "PERSON:danner", "surname"),
        ("Danner", "ORG:danner", "type"),
        ("Tom Danner", "PERSON:thomas danner", "new"),
    ]
    evidence = store.conn.execute("SELECT evidence FROM speaker_aliases WHERE rule = 'type'").fetchone()[0]
    assert "typed ORG" in evidence and "'Paul Danner'" in evidence


@pytest.mark.parametrize(
    ("evidence", "decided"),
    [
        ([], (None, None)),
        ([("female", "first-name", 3)], ("female", "first-name")),
        # Stronger evidence wins over a first-names list, whatever the counts.
        ([("female", "first-name", 5), ("male", "pronoun", 1)], ("male", "pronoun")),
        ([("male", "known", 1), ("female", "first-name", 4)], ("male", "known")),
        # Pronouns and titles count together; a clear majority decides, else unknown.
        ([("female", "pronoun", 2), ("female", "title", 3), ("male", "pronoun", 1)], ("female", "title")),
        ([("female", "pronoun", 1), ("male", "pronoun", 1)], (None, None)),
    ],
)
def test_speakers_gender_from_evidence(evidence, decided):
    assert speaker_gender(evidence) == decided


def test_speakers_gender_stored_with_evidence():
    store = open_store(":memory:")
    reg = SpeakerRegistry(store.conn)
    for gender, kind, article in [("female", "first-name", 1), ("female", "pronoun", 2), (None, None, 3)]:
        reg.link(speaker("Ana Bell", None, P, gender=gender, gender_evidence=kind), None, article)
    reg.flush()
    assert store.conn.execute("SELECT gender, gender_evidence FROM speakers").fetchall() == [("female", "pronoun")]
    assert store.conn.execute("SELECT gender, evidence, mentions FROM speaker_genders ORDER BY evidence").fetchall() == [
        ("female", "first-name", 1),
        ("female", "pronoun", 1),
    ]
