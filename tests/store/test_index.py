"""The search index (``store/index.py``): a search finds exactly the statements SQLite FTS5 and the filters' SQL
find, in a right order, page after page; and the index follows every change to the database (inserts, edits,
deletes, merges, dates), survives a crash between its commit and its state, and is built again for another
database or layout. On a synthetic store with many ties in BM25."""

from __future__ import annotations

import json
import multiprocessing
import random
import re
import shutil
import sqlite3

import pytest

from quotegraph.model import SearchQuery
from quotegraph.store import index as index_module
from quotegraph.store.db import open_store
from quotegraph.store.index import date_key, index_directory, index_of
from quotegraph.store.search import search

WORDS = "the said that and plan vote tax budget health border court deal talks jobs war peace trade climate police reform".split()
KINDS = ["direct", "direct", "indirect", "mixed"]


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    """3,000 statements of a small vocabulary (so many texts tie in bm25) by 40 speakers in 120 articles of 6 outlets."""
    rng = random.Random(3)
    path = str(tmp_path_factory.mktemp("ranks") / "r.db")
    store = open_store(path)
    conn = store.conn
    with store.transaction():
        for i in range(6):
            conn.execute("INSERT INTO outlets (id, name) VALUES (?, ?)", (i + 1, f"Outlet {i + 1}"))
        for i in range(40):
            name = f"Speaker{i % 7} Family{i}"
            conn.execute("INSERT INTO speakers (id, name, type, mentions) VALUES (?, ?, 'PERSON', 0)", (i + 1, name))
            conn.execute("INSERT INTO speaker_aliases (speaker_id, alias, key, mentions) VALUES (?, ?, ?, 1)", (i + 1, name, f"PERSON:{name.lower()}"))
            conn.execute(
                "INSERT INTO speaker_roles (speaker_id, role, first_seen, last_seen, mentions) VALUES (?, ?, '2015-01-01', '2020-12-31', 1)",
                (i + 1, ["mayor", "senator", "minister"][i % 3]),
            )
        for a in range(120):
            conn.execute(
                "INSERT INTO articles (id, url, text_key, doc, outlet_id, published, published_granularity, location, text, body_start, body_end, "
                "ingested_at) VALUES (?, ?, ?, ?, ?, ?, 'day', 'synthetic', '', 0, 0, '')",
                (a + 1, f"https://x.example/{a}", f"k{a}", f"d{a}", 1 + a % 6, f"{2015 + a % 6}-{1 + a % 12:02d}-{1 + a % 28:02d}"),
            )
        occ = 0
        for s in range(3000):
            text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 9)))
            kind, spk, art = rng.choice(KINDS), 1 + rng.randrange(40) if s % 10 else 40, 1 + rng.randrange(120)
            conn.execute(
                "INSERT INTO statements (id, speaker_id, kind, text, first_seen, occurrences) VALUES (?, ?, ?, ?, '2016-01-01', 1)", (s + 1, spk, kind, text)
            )
            conn.execute("INSERT INTO statement_search (rowid, text) VALUES (?, ?)", (s + 1, text))
            for k in range(1 + s % 2):
                occ += 1
                conn.execute(
                    "INSERT INTO occurrences (id, statement_id, article_id, position, kind, speaker_id, speaker_role, sources, contents, wording, match) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, '[]', '[]', ?, 'first')",
                    (occ, s + 1, art if k == 0 else 1 + (art + 7) % 120, occ, kind, spk, "spokesperson" if s % 97 == 0 else None, text),
                )
    store.close()
    return path



@pytest.fixture
def conn(store_path):
    c = sqlite3.connect(f"file:{store_path}?mode=ro", uri=True)
    yield c
    c.close()


@pytest.fixture
def writable(store_path, tmp_path):
    """A copy of the store (and no index yet) that a test may change, and a connection writing to it."""
    path = str(tmp_path / "w.db")
    src, dst = sqlite3.connect(store_path), sqlite3.connect(path)
    src.backup(dst)
    src.close()
    yield path, dst
    dst.close()


def fts5(text: str) -> str:
    """The FTS5 query of a search text, for the reference (as search wrote it for FTS5 before): words with punctuation
    (``U.S.``, ``well-being``) become phrases; the syntax is left for FTS5."""
    out = []
    for tok in re.findall(r'"[^"]*"?\*?|\(|\)|[^\s()"]+', text):
        if tok.startswith('"') or tok in ("(", ")", "AND", "OR", "NOT") or re.fullmatch(r"\w+\*?", tok):
            out.append(tok)
        else:
            star = "*" if tok.endswith("*") and len(tok) > 1 else ""
            out.append('"' + tok.rstrip("*").replace('"', '""') + '"' + star)
    return " ".join(out)


def reference(conn: sqlite3.Connection, text: str, **filters: str) -> set[int]:
    """The statements a search finds, as one SQL query: FTS5 for the text, the filters as search defined them in SQL."""
    where, params = ["1"], []
    if text:
        where.append("s.id IN (SELECT rowid FROM statement_search WHERE statement_search MATCH ?)")
        params.append(fts5(text))
    if filters.get("kind"):
        where.append("s.kind = ?")
        params.append(filters["kind"])
    if filters.get("speaker"):
        where.append("s.speaker_id IN (SELECT id FROM speakers WHERE name LIKE ? UNION SELECT speaker_id FROM speaker_aliases WHERE alias LIKE ?)")
        params += [f"%{filters['speaker']}%"] * 2
    if filters.get("role"):
        where.append(
            "(s.speaker_id IN (SELECT speaker_id FROM speaker_roles WHERE role LIKE ?) "
            "OR EXISTS (SELECT 1 FROM occurrences o WHERE o.statement_id = s.id AND o.speaker_role LIKE ?))"
        )
        params += [f"%{filters['role']}%"] * 2
    said = []
    if filters.get("outlet"):
        said.append("a.outlet_id IN (SELECT id FROM outlets WHERE name LIKE ?)")
        params.append(f"%{filters['outlet']}%")
    if filters.get("since"):
        said.append("a.published >= ?")
        params.append(filters["since"])
    if filters.get("until"):
        said.append("a.published <= ?")
        params.append(filters["until"] + "\uffff")
    if said:
        where.append(f"EXISTS (SELECT 1 FROM occurrences o JOIN articles a ON a.id = o.article_id WHERE o.statement_id = s.id AND {' AND '.join(said)})")
    return {r[0] for r in conn.execute(f"SELECT s.id FROM statements s WHERE {' AND '.join(where)}", params)}


CASES = [
    ("the", {}),
    ("the*", {}),
    ("t*", {}),  # a prefix of many words
    ("said OR plan", {}),
    ("said AND plan", {}),
    ("said NOT plan", {}),
    ("(tax OR budget) AND the", {}),
    ('"the plan"', {}),
    ('"the pla"*', {}),
    ("well-being", {}),
    ("tax", {"kind": "mixed"}),
    ("the", {"speaker": "Family3"}),
    ("the", {"speaker": "Family39"}),
    ("the", {"speaker": "Speaker2", "kind": "direct"}),
    ("the", {"speaker": "nobody"}),
    ("the", {"outlet": "Outlet 2", "since": "2018"}),
    ("the*", {"outlet": "Outlet", "since": "2015", "until": "2017-06"}),
    ("", {"since": "2016-03", "until": "2016-03"}),
    ("", {"outlet": "Outlet 5"}),
    ("said", {"role": "spokesperson"}),
    ("and", {"role": "mayor", "kind": "indirect"}),
    ("", {"role": "nobody"}),
]


@pytest.mark.parametrize(("text", "filters"), CASES)
def test_search_finds_what_fts5_and_the_filters_sql_find(conn, text, filters):
    everything = search(conn, SearchQuery(text, **filters, limit=100_000))
    assert {h.statement_id for h in everything} == reference(conn, text, **filters)
    assert len({h.statement_id for h in everything}) == len(everything)
    if text:
        assert [h.score for h in everything] == sorted(h.score for h in everything)  # best first (bm25 negated)
    else:
        dates = [h.first_seen for h in everything]
        assert dates == sorted(dates, key=lambda d: d or "", reverse=True)


@pytest.mark.parametrize(("text", "filters"), CASES[:3] + CASES[10:12] + CASES[15:18])
@pytest.mark.parametrize("sort", ["relevance", "newest", "oldest"])
def test_search_pages_follow_one_another(conn, text, filters, sort):
    whole = [h.statement_id for h in search(conn, SearchQuery(text, **filters, sort=sort, limit=100_000))]
    pages = []
    for offset in range(0, len(whole) + 40, 37):
        pages += [h.statement_id for h in search(conn, SearchQuery(text, **filters, sort=sort, limit=37, offset=offset))]
    assert pages == whole


@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_search_by_date_puts_undated_statements_last(writable, sort):
    path, w = writable
    w.execute("UPDATE statements SET first_seen = NULL WHERE id % 5 = 0")
    w.execute("UPDATE statements SET first_seen = '2019-05' WHERE id % 5 = 1")
    w.commit()
    c = sqlite3.connect(path)
    found = [h.first_seen for h in search(c, SearchQuery("the", sort=sort, limit=100_000))]
    dated = [d for d in found if d is not None]
    assert found == dated + [None] * (len(found) - len(dated)) and len(dated) < len(found)
    assert dated == sorted(dated, reverse=sort == "newest")


def written(w: sqlite3.Connection) -> None:
    """Commit, with SQLite's FTS5 index (the reference's) rebuilt: these tests write the statements' text directly."""
    w.execute("INSERT INTO statement_search(statement_search) VALUES ('rebuild')")
    w.commit()


def ids(conn, text="", **filters):
    return {h.statement_id for h in search(conn, SearchQuery(text, **filters, limit=100_000))}


def test_the_index_follows_every_change_to_the_database(writable):
    """Each kind of write is seen by the next search, read again from the change log rather than rebuilt."""
    path, w = writable
    c = sqlite3.connect(path)
    assert ids(c, "the") == reference(c, "the")
    built = json.loads((index_directory(path) / "state.json").read_text())

    w.execute("INSERT INTO statements (id, speaker_id, kind, text, first_seen, occurrences) VALUES (5000, 3, 'direct', 'zebra crossing', '2016-01-01', 0)")
    w.execute("INSERT INTO occurrences (statement_id, article_id, position, kind, speaker_id, speaker_role, sources, contents, wording, match) "
              "VALUES (5000, 7, 99999, 'direct', 3, 'zookeeper', '[]', '[]', 'zebra crossing', 'first')")
    w.commit()
    assert ids(c, "zebra") == {5000} and ids(c, "zebra", outlet="Outlet 1") == {5000} and ids(c, "zebra", outlet="Outlet 2") == set()
    w.execute("INSERT INTO speaker_roles (speaker_id, role, mentions) VALUES (3, 'zookeeper', 1)")
    w.commit()
    assert ids(c, "", role="zookeep") == reference(c, "", role="zookeep") and 5000 in ids(c, "", role="zookeep")

    w.execute("UPDATE statements SET text = 'zebra stripes' WHERE id = 5000")  # a fuller wording
    w.commit()
    assert ids(c, "stripes") == {5000} and ids(c, "crossing") == set()

    w.execute("UPDATE statements SET speaker_id = 4 WHERE speaker_id = 3")  # two speakers merged (Family2 into Family3)
    w.commit()
    assert 5000 in ids(c, "zebra", speaker="Family3") and 5000 not in ids(c, "", speaker="Family2")
    assert ids(c, "", speaker="Family2") == reference(c, "", speaker="Family2") and ids(c, "", speaker="Family3") == reference(c, "", speaker="Family3")

    w.execute("UPDATE articles SET published = '2030-01-02', outlet_id = 2 WHERE id = 7")  # an article's date and outlet corrected
    w.commit()
    assert ids(c, "zebra", since="2030") == {5000} and ids(c, "zebra", outlet="Outlet 2", until="2030-01") == {5000}
    assert ids(c, "", since="2030") == reference(c, "", since="2030")

    w.execute("UPDATE statements SET first_seen = '1999-01-01' WHERE id = 5000")
    w.commit()
    assert search(c, SearchQuery("", sort="oldest", limit=1))[0].statement_id == 5000

    w.execute("DELETE FROM occurrences WHERE statement_id = 5000")
    w.execute("DELETE FROM statements WHERE id = 5000")
    written(w)
    assert ids(c, "zebra") == set() and ids(c, "the") == reference(c, "the")
    assert index_of(c).searcher(c).num_docs == c.execute("SELECT count(*) FROM statements").fetchone()[0]
    state = json.loads((index_directory(path) / "state.json").read_text())
    assert state["token"] == built["token"] and state["seq"] > built["seq"]


def test_a_crash_between_the_commit_and_the_state_reads_the_changes_again(writable):
    """kill -9 after the index committed but before its state was written: the changes are read again, none twice."""
    path, w = writable
    c = sqlite3.connect(path)
    ids(c, "the")
    state_file = index_directory(path) / "state.json"
    stale = state_file.read_text()
    w.execute("UPDATE statements SET text = 'quokka' WHERE id IN (1, 2, 3)")
    written(w)
    assert ids(c, "quokka") == {1, 2, 3}
    state_file.write_text(stale)  # as if the process died before writing it
    index_module._indexes.clear()  # a new process
    c2 = sqlite3.connect(path)
    assert ids(c2, "quokka") == {1, 2, 3} and ids(c2, "the") == reference(c2, "the")
    assert index_of(c2).searcher(c2).num_docs == c2.execute("SELECT count(*) FROM statements").fetchone()[0]


def test_an_index_of_another_database_or_layout_is_built_again(writable, store_path):
    path, w = writable
    c = sqlite3.connect(path)
    ids(c, "the")
    directory = index_directory(path)
    state = json.loads((directory / "state.json").read_text())
    # Another database now at this path (its own token), with a change number that happens to be the same.
    w.execute("UPDATE search_seq SET token = 'another', n = ?", (state["seq"],))
    w.execute("UPDATE statements SET text = 'wombat' WHERE id = 9")
    w.execute("UPDATE search_seq SET n = ?", (state["seq"],))
    written(w)
    index_module._indexes.clear()
    assert ids(sqlite3.connect(path), "wombat") == {9}
    # An index of an older layout: built again from nothing.
    state = json.loads((directory / "state.json").read_text())
    (directory / "state.json").write_text(json.dumps({**state, "layout": 0}))
    index_module._indexes.clear()
    c3 = sqlite3.connect(path)
    assert ids(c3, "wombat") == {9} and ids(c3, "the") == reference(c3, "the")


def test_an_index_that_cannot_be_written_beside_the_database_is_kept_in_memory(writable, monkeypatch, tmp_path):
    path, _ = writable
    blocked = tmp_path / "file"
    blocked.write_text("")
    monkeypatch.setattr(index_module, "index_directory", lambda database: blocked / "index")  # under a file: cannot be made
    index_module._indexes.clear()
    c = sqlite3.connect(path)
    assert ids(c, "the") == reference(c, "the") and index_of(c).directory is None


def test_an_in_memory_store_has_an_in_memory_index():
    store = open_store(":memory:")
    store.conn.execute("INSERT INTO statements (id, kind, text, occurrences) VALUES (1, 'direct', 'in memory only', 0)")
    assert ids(store.conn, "memory") == {1} and index_of(store.conn).directory is None
    store.close()


def _search_in_a_process(path: str, queue) -> None:  # type: ignore[no-untyped-def]
    c = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    queue.put(sorted(ids(c, "the")))


def test_processes_bring_one_index_up_to_date_together(writable):
    """Three processes search a database whose index is out of date at once: one reads the changes, the others wait
    for it; all find the same, and the index holds each statement once."""
    path, w = writable
    c = sqlite3.connect(path)
    ids(c, "the")
    w.execute("UPDATE statements SET text = 'the platypus' WHERE id % 3 = 0")
    written(w)
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    procs = [context.Process(target=_search_in_a_process, args=(path, queue)) for _ in range(3)]
    for p in procs:
        p.start()
    found = [queue.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(60)
    want = sorted(reference(c, "the"))
    assert found == [want] * 3
    index_module._indexes.clear()
    assert index_of(c).searcher(c).num_docs == c.execute("SELECT count(*) FROM statements").fetchone()[0]
    shutil.rmtree(index_directory(path))


@pytest.mark.parametrize(
    ("value", "last", "key"),
    [
        ("2016-09-05", False, 20160905),
        ("2016-09", False, 20160900),
        ("2016", False, 20160000),
        ("2016-09", True, 20160999),
        ("2016", True, 20169999),
        ("2016-09-05T10:00:00", False, 20160905),
        (None, False, None),
        ("", True, None),
        ("soon", False, None),
    ],
)
def test_date_keys_sort_as_the_dates_do(value, last, key):
    assert date_key(value, last) == key
