"""Statement dedup across articles (exact, trimmed, ellipsis, small edits) and quote drift."""

import pytest

from quotegraph.store.db import open_store
from quotegraph.store.statements import StatementIndex, compare, is_drift, words

BASE = "“We must be more vigilant than ever, and we must act together now,”"


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (BASE, BASE, "exact"),
        (BASE, "“we must be more VIGILANT than ever and we must act together now”", "exact"),  # case, punctuation
        (BASE, "“We must be more vigilant than ever,”", "trimmed"),
        (BASE, "“We must be more vigilant … we must act together now,”", "trimmed"),  # ellipsis
        (BASE, "“We must be more vigilant than ever, and we must act together today,”", "edited"),  # a word changed
        (BASE, "“We must be far more vigilant than ever, and we must act together now,”", "edited"),  # a word added
        (BASE, "“We must be vigilant than ever, and we must act together now,”", "edited"),  # a word dropped
        (BASE, "“The economy is growing faster than anyone expected this year,”", None),
        (BASE, "“We must”", None),  # too short to be an excerpt
        ("“No,”", "“No,”", "exact"),
        ("“Yes,”", "“No,”", None),
        (BASE, "“must vigilant ever act now”", None),  # scattered words are not an excerpt
    ],
)
def test_statements_compare(a, b, expected):
    assert compare(words(a), words(b)) == expected
    assert compare(words(b), words(a)) == expected


@pytest.mark.parametrize(
    ("a", "b", "drift"),
    [
        (BASE, "“We must be more vigilant than ever, and we must act together today,”", True),
        (BASE, "“We must be more vigilant than ever,”", False),  # trimmed is not drift
        ("He said the economy was “strong and getting stronger”", "He said the economy was “strong and getting stronger”", False),
        # Reported speech around the quoted words may change; the quoted words did not.
        ("that the economy was “strong and getting stronger”", "the economy is “strong and getting stronger”", False),
        ("that the economy was “strong and getting stronger”", "the economy was “strong and growing stronger”", True),
        ("the economy was strong and getting stronger", "the economy was strong and growing stronger", False),  # indirect
    ],
)
def test_statements_drift(a, b, drift):
    assert is_drift(a, b) is drift


def _index():
    store = open_store(":memory:")
    store.conn.execute("INSERT INTO speakers (id, name, type) VALUES (1, 'Antonio Guterres', 'PERSON'), (2, 'Other', 'PERSON')")
    return store, StatementIndex(store.conn)


@pytest.mark.parametrize(
    ("occurrences", "expected"),
    [
        # (wording, speaker) in order → (statement letter, match, drift)
        ([(BASE, 1), (BASE, 1)], [("A", "first", False), ("A", "exact", False)]),
        ([(BASE, 1), ("“We must be more vigilant than ever,”", 1)], [("A", "first", False), ("A", "trimmed", False)]),
        (
            [("“We must be more vigilant than ever,”", 1), (BASE, 1), ("“we must act together now”", 1)],
            [("A", "first", False), ("A", "trimmed", False), ("A", "trimmed", False)],
        ),
        (
            [(BASE, 1), ("“We must be more vigilant than ever, and we must act together today,”", 1)],
            [("A", "first", False), ("A", "edited", True)],
        ),
        # Another speaker's same words are another statement.
        ([(BASE, 1), (BASE, 2)], [("A", "first", False), ("B", "first", False)]),
        # An unresolved speaker joins an exact copy.
        ([(BASE, 1), (BASE, None)], [("A", "first", False), ("A", "exact", False)]),
        # ... but not an edited one.
        (
            [(BASE, 1), ("“We must be more vigilant than ever, and we must act together today,”", None)],
            [("A", "first", False), ("B", "first", False)],
        ),
        (
            [(BASE, 1), ("“The economy is growing faster than anyone expected this year,”", 1)],
            [("A", "first", False), ("B", "first", False)],
        ),
    ],
)
@pytest.mark.parametrize("flush_each", [False, True], ids=["held", "flushed"])
def test_statements_dedup_rules(occurrences, expected, flush_each):
    """The same whether the index holds what it writes until the end or writes each occurrence at once (and
    compares the next with the table)."""
    store, index = _index()
    letters: dict[int, str] = {}
    got = []
    for text, speaker in occurrences:
        m = index.add(text, "direct", speaker, "2020-11-18")
        got.append((letters.setdefault(m.statement_id, "ABCD"[len(letters)]), m.match, m.drift))
        if flush_each:
            index.flush()
    index.flush()
    assert got == expected
    counts = [n for (n,) in store.conn.execute("SELECT occurrences FROM statements ORDER BY id")]
    assert counts == [sum(1 for g in got if g[0] == letter) for letter in sorted({g[0] for g in got})]


@pytest.mark.parametrize("flush_between", [False, True], ids=["held", "flushed"])
def test_statements_fuller_wording_becomes_text_and_is_searchable(flush_between):
    store, index = _index()
    index.add("“We must be more vigilant than ever,”", "direct", 1, "2020-11-19")
    if flush_between:
        index.flush()
    index.add(BASE, "direct", 1, "2020-11-18")
    index.flush()
    row = store.conn.execute("SELECT text, first_seen, occurrences, drift FROM statements").fetchone()
    assert row == (BASE, "2020-11-18", 2, 0)
    hits = store.conn.execute("SELECT rowid FROM statement_search WHERE statement_search MATCH 'together'").fetchall()
    assert hits == [(1,)]
    store.conn.execute("INSERT INTO statement_search (statement_search) VALUES ('integrity-check')")


def test_statements_generic_description_in_two_copies_is_one_statement():
    # "a source" is a speaker of its own in each article; the same quote from it in a syndicated copy is one statement.
    store, index = _index()
    a = index.add(BASE, "direct", 1, "2020-11-18", speaker_key="DESCRIPTION:source")
    b = index.add(BASE, "direct", 2, "2020-11-19", speaker_key="DESCRIPTION:source")
    c = index.add(BASE, "direct", 2, "2020-11-19", speaker_key="DESCRIPTION:official")
    assert a.statement_id == b.statement_id != c.statement_id


def test_statements_compare_bound_changes_no_answer():
    """compare() skips the alignment when the words two wordings share rule out a trim and an edit;
    on any pair of wordings it answers as the alignment alone would."""
    from difflib import SequenceMatcher

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from quotegraph.store import statements as st_mod

    def reference(a, b):
        (a, a_cuts), (b, b_cuts) = st_mod._plain(a), st_mod._plain(b)
        if not a or not b:
            return None
        if a == b:
            return "exact"
        (short, cuts), long_ = ((a, a_cuts), b) if len(a) <= len(b) else ((b, b_cuts), a)
        if len(short) < st_mod.MIN_TRIMMED:
            return None
        blocks = [blk for blk in SequenceMatcher(None, long_, short, autojunk=False).get_matching_blocks() if blk.size]
        matched = sum(blk.size for blk in blocks)
        gaps = sum(1 for x, y in zip(blocks, blocks[1:]) if y.a > x.a + x.size)
        if matched == len(short) and gaps <= cuts and all(blk.size >= 2 for blk in blocks):
            return "trimmed"
        if len(short) >= st_mod.MIN_EDITED and matched / len(short) >= st_mod.EDIT_SIMILARITY and matched / len(long_) >= 0.5:
            return "edited"
        return None

    wording = st.lists(st.sampled_from(["we", "will", "win", "the", "vote", "now", "…"]), max_size=14)

    @settings(max_examples=400, deadline=None)
    @given(wording, wording)
    def same(a, b):
        assert st_mod.compare(a, b) == reference(a, b)

    same()
