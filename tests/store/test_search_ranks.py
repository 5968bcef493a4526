"""Search gives the same statements in the same order whichever way it gets them: the page chosen on the FTS table
(no filters), FTS5 with filters, or a kept ranking (``RankCache``: a slice of the ranking after the filters' masks)
— each compared with the single query search ran before these, on a synthetic store with many ties in bm25."""

from __future__ import annotations

import random
import sqlite3
import threading

import pytest

from quotegraph.model import SearchQuery
from quotegraph.store import search as search_module
from quotegraph.store.db import open_store
from quotegraph.store.search import RankCache, prepare_query, search

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


def find(conn, text="", ranks=None, **kw):
    """``search`` of a ``SearchQuery`` made of the arguments."""
    return search(conn, SearchQuery(text, **kw), ranks)


@pytest.fixture
def conn(store_path):
    c = sqlite3.connect(f"file:{store_path}?mode=ro", uri=True)
    yield c
    c.close()


def reference(conn: sqlite3.Connection, text: str, limit: int, offset: int, **filters: str) -> list[tuple[int, float]]:
    """(statement id, score) of a search as one query, FTS5 joined to the statements: how search() did it before."""
    where, params = ["statement_search MATCH ?"], [prepare_query(text)]
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
    if filters.get("outlet"):
        where.append(
            "EXISTS (SELECT 1 FROM occurrences o JOIN articles a ON a.id = o.article_id WHERE o.statement_id = s.id "
            "AND a.outlet_id IN (SELECT id FROM outlets WHERE name LIKE ?) AND a.published >= ?)"
        )
        params += [f"%{filters['outlet']}%", filters.get("since", "")]
    sql = (
        "SELECT s.id, bm25(statement_search) AS score FROM statement_search f JOIN statements s ON s.id = f.rowid "
        f"WHERE {' AND '.join(where)} ORDER BY score, s.id LIMIT ? OFFSET ?"
    )
    return conn.execute(sql, [*params, limit, offset]).fetchall()


CASES = [
    ("the", {}),
    ("the*", {}),
    ("said OR plan", {}),
    ('"the plan"', {}),
    ("tax", {"kind": "mixed"}),
    ("the", {"speaker": "Family3"}),  # 11 speakers, fewer statements than the ranking: looked up in it
    ("the", {"speaker": "Family39"}),  # the speaker of one statement in ten
    ("the", {"speaker": "Speaker2", "kind": "direct"}),
    ("the", {"speaker": "nobody"}),
    ("the", {"outlet": "Outlet 2", "since": "2018"}),
    ("the*", {"outlet": "Outlet", "since": "2015"}),
    ("said", {"role": "spokesperson"}),  # passes few: a long walk (and the SQL search with a shorter one, below)
    ("and", {"role": "mayor", "kind": "indirect"}),
]


@pytest.mark.parametrize(("text", "filters"), CASES)
@pytest.mark.parametrize(("limit", "offset"), [(21, 0), (20, 40), (7, 500), (50, 2900)])
@pytest.mark.parametrize("min_matches", [1, 10])
def test_search_pages_match_the_single_query_search(conn, text, filters, limit, offset, min_matches):
    want = reference(conn, text, limit, offset, **filters)
    ranks = RankCache(min_matches=min_matches)
    plain = find(conn, text, **filters, limit=limit, offset=offset)
    cold = find(conn, text, **filters, limit=limit, offset=offset, ranks=ranks)
    warm = find(conn, text, **filters, limit=limit, offset=offset, ranks=ranks)
    assert [(h.statement_id, h.score) for h in plain] == want
    assert plain == cold == warm
    kept = len(reference(conn, text, min_matches, 0)) >= min_matches
    assert len(ranks) == kept  # the ranking was kept (with min_matches 1, every one)
    assert ranks.nbytes > 0 if kept or filters else ranks.nbytes == 0  # and the filters' masks


def test_search_masks_are_kept_per_filter_and_shared_by_texts(conn):
    ranks = RankCache()
    for text in ("the", "said", "plan*"):
        for filters in ({"kind": "direct"}, {"kind": "direct", "outlet": "Outlet 2"}, {"role": "mayor"}):
            assert find(conn, text, **filters, limit=30, ranks=ranks) == find(conn, text, **filters, limit=30), (text, filters)
    masks = [key for key in ranks._kept if key[0] == "mask"]
    assert len(ranks) == 3 and len(masks) == 3  # kind=direct, outlet 2, role mayor: once each
    mask = ranks._kept[next(k for k in masks if "direct" in k)][0]
    direct = {r[0] for r in conn.execute("SELECT id FROM statements WHERE kind = 'direct'")}
    assert set(mask.nonzero()[0].tolist()) == direct


def test_search_a_statement_newer_than_a_mask_does_not_pass_it(conn):
    """A ranking may name a statement a mask read earlier did not know of (the database changed in between):
    that statement is left out rather than looked up past the mask's end."""
    import numpy as np

    ranking = search_module.Ranking.from_sql("5,4000,3", "-3,-2,-1")
    mask = np.zeros(10, dtype=bool)
    mask[[3, 5]] = True
    rows = search_module._page_of_ranking(conn, ranking, [mask], 10, 0)
    assert [r[0] for r in rows] == [5, 3]


def test_rank_cache_keeps_only_common_texts_and_stays_in_bounds(conn):
    n = {w: conn.execute("SELECT count(*) FROM statement_search WHERE statement_search MATCH ?", (w,)).fetchone()[0] for w in ("the", "said")}
    assert min(n.values()) >= 200
    size = {w: RankCache().ranking(conn, w).nbytes + RankCache.OVERHEAD for w in n}
    ranks = RankCache(min_matches=200, max_bytes=size["the"] + size["said"] - 1)
    assert ranks.ranking(conn, "the") is not None and len(ranks) == 1
    assert ranks.ranking(conn, '"the plan the"') is None and len(ranks) == 1  # few matches: not kept, remembered as small
    said = ranks.ranking(conn, "said")
    ids, scores = said.ids, said.scores(range(len(said)))
    assert len(ids) == n["said"] and scores == sorted(scores) and len(set(ids.tolist())) == len(ids)
    assert ranks.nbytes == size["said"] and len(ranks) == 1 and "said" in ranks and "the" not in ranks  # "the" went first
    ranks.clear()
    assert len(ranks) == 0 and ranks.nbytes == 0


def test_rank_cache_ranks_every_text_by_default(conn):
    ranks = RankCache()
    found = ranks.ranking(conn, '"the plan the"')
    want = reference(conn, '"the plan the"', 10_000, 0)
    assert list(zip(found.ids.tolist(), found.scores(range(len(found))))) == want and len(want) < 200 and '"the plan the"' in ranks
    assert len(ranks.ranking(conn, "nosuchword")) == 0 and len(ranks) == 2


def test_rank_cache_ranks_a_text_once_for_concurrent_searches(store_path):
    ranks = RankCache(min_matches=10)
    start = threading.Barrier(8)
    rankings, results, errors = [], [], []

    def worker():
        c = sqlite3.connect(f"file:{store_path}?mode=ro", uri=True)
        c.set_trace_callback(lambda sql: rankings.append(sql) if "ORDER BY score, rowid" in sql and "LIMIT" not in sql else None)
        try:
            start.wait()
            results.append([h.statement_id for h in find(c, "the", limit=30, ranks=ranks)])
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)
        finally:
            c.close()

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and len(results) == 8 and all(r == results[0] for r in results)
    assert len(rankings) == 1 and len(ranks) == 1


def test_rank_cache_forgets_a_ranking_computed_before_a_clear(conn):
    ranks = RankCache(min_matches=10)

    class Racing:
        """A connection on which the database changes (and the cache is cleared) while a ranking is computed."""

        def execute(self, sql, params=()):
            if "ORDER BY score, rowid" in sql:
                ranks.clear()
            return conn.execute(sql, params)

    assert ranks.ranking(Racing(), "the") is not None  # answered ...
    assert len(ranks) == 0  # ... but not kept
    assert ranks.ranking(conn, "the") is not None and len(ranks) == 1


def test_common_terms_and_warm_rank_the_commonest_words_first(store_path):
    from quotegraph.store.search import common_terms

    vocab = sqlite3.connect(f"file:{store_path}?mode=ro", uri=True)  # read-only; the vocabulary table is a temporary one
    terms = common_terms(vocab, 400)
    vocab.close()
    with sqlite3.connect(f"file:{store_path}?mode=ro", uri=True) as conn:
        docs = [conn.execute("SELECT count(*) FROM statement_search WHERE statement_search MATCH ?", (t,)).fetchone()[0] for t in terms]
        assert terms and "the" in terms and set(terms) <= set(WORDS)
        assert docs == sorted(docs, reverse=True) and min(docs) >= 400
        ranks = RankCache(min_matches=400)
        assert ranks.warm(conn, terms, seconds=0) == 0 and len(ranks) == 0
        assert ranks.warm(conn, terms, seconds=60) == len(terms) == len(ranks)
        assert find(conn, "said", limit=30, ranks=ranks) == find(conn, "said", limit=30)


def test_shared_rankings_are_read_back_by_another_cache(conn, tmp_path):
    from quotegraph.store.search import SharedRankings

    shared = SharedRankings(tmp_path, min_ids=10)
    first = RankCache(shared=shared)
    ranked = first.ranking(conn, "the")
    assert len(list(tmp_path.glob("*.ranking"))) == 1 and shared.written > 0
    other = RankCache(shared=SharedRankings(tmp_path, min_ids=10))  # another process's, on the same directory
    calls = []
    conn.set_trace_callback(calls.append)
    try:
        back = other.ranking(conn, "the")
    finally:
        conn.set_trace_callback(None)
    assert not [sql for sql in calls if "bm25" in sql]  # read back, not ranked again
    assert back.ids.tolist() == ranked.ids.tolist() and back.scores(range(len(back))) == ranked.scores(range(len(ranked)))
    assert find(conn, "the", limit=50, offset=100, ranks=other) == find(conn, "the", limit=50, offset=100)


def test_shared_rankings_hold_only_for_the_index_they_were_computed_on(store_path, tmp_path):
    """A write to the index changes FTS5's structure record: a ranking saved before it is not read after it."""
    import shutil

    from quotegraph.store.search import SharedRankings

    path = str(tmp_path / "copy.db")
    shutil.copy(store_path, path)
    shared = SharedRankings(tmp_path / "shared", min_ids=10)
    (tmp_path / "shared").mkdir()
    reader = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    before = shared.index(reader)
    RankCache(shared=shared).ranking(reader, "said")
    assert shared.load(before, "said") is not None
    writer = sqlite3.connect(path)
    writer.execute("INSERT INTO statements (id, kind, text, occurrences) VALUES (9001, 'direct', 'said said said', 1)")
    writer.execute("INSERT INTO statement_search (rowid, text) VALUES (9001, 'said said said')")
    writer.commit()
    writer.close()
    after = shared.index(reader)
    assert after != before and shared.load(after, "said") is None
    fresh = RankCache(shared=shared).ranking(reader, "said")
    assert fresh.ids[0] == 9001 and shared.load(after, "said").ids.tolist() == fresh.ids.tolist()
    reader.close()


def test_shared_rankings_skip_small_ones_keep_to_their_budget_and_ignore_broken_files(conn, tmp_path):
    from quotegraph.store.search import Ranking, SharedRankings

    small = SharedRankings(tmp_path, min_ids=10**6)
    RankCache(shared=small).ranking(conn, "the")
    assert small.written == 0 and not list(tmp_path.iterdir())  # fewer ids than min_ids: not worth a file
    tight = SharedRankings(tmp_path, min_ids=10, max_bytes=100)
    RankCache(shared=tight).ranking(conn, "the")
    assert tight.written == 0 and not list(tmp_path.iterdir())  # over the budget
    shared = SharedRankings(tmp_path, min_ids=10)
    index = shared.index(conn)
    RankCache(shared=shared).ranking(conn, "said")
    (saved,) = tmp_path.glob("*.ranking")
    saved.write_bytes(saved.read_bytes()[:-3])  # cut short
    assert shared.load(index, "said") is None
    assert RankCache(shared=shared).ranking(conn, "said").ids.tolist() == RankCache().ranking(conn, "said").ids.tolist()
    with pytest.raises(ValueError):
        Ranking.from_bytes(b"short")


def test_outlet_and_date_masks_read_the_covering_index(conn):
    """The statements said in an outlet's articles come from the index on (article_id, statement_id) alone."""
    from quotegraph.store.search import search_filters

    (f,) = search_filters(SearchQuery(outlet="Outlet 2", since="2016"))
    plan = " ".join(r[3] for r in conn.execute(f"EXPLAIN QUERY PLAN {f.ids}", f.params))
    assert "COVERING INDEX occurrences_article_statement" in plan


@pytest.mark.parametrize("text", ["the said", "said the", "the the", "plan* the", "the said plan", "tax budget", "war peace* talks"])
def test_a_search_of_kept_words_is_combined_from_their_rankings_to_the_last_bit(conn, text):
    ranks = RankCache()
    for word in text.split():
        ranks.ranking(conn, word)
    calls = []
    conn.set_trace_callback(calls.append)
    try:
        combined = ranks.ranking(conn, text)
    finally:
        conn.set_trace_callback(None)
    assert not calls  # nothing asked of SQLite
    want = reference(conn, text, 100_000, 0)
    assert list(zip(combined.ids.tolist(), combined.scores(range(len(combined))))) == want and len(want) > 5
    assert find(conn, text, kind="direct", limit=30, offset=20, ranks=ranks) == find(conn, text, kind="direct", limit=30, offset=20)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("the said", ["the"]),  # "said" not kept
        ("the OR said", ["the", "said"]),
        ('"the said" plan', ["the", "said", "plan"]),
        ("the NOT said", ["the", "said"]),
        ("the _", ["the"]),  # "_" is no word
    ],
)
def test_a_search_is_not_combined_unless_all_its_parts_are_kept_plain_words(conn, text, kept):
    ranks = RankCache()
    for word in kept:
        ranks.ranking(conn, word)
    assert ranks._combined(prepare_query(text)) is None
    assert find(conn, text, limit=30, ranks=ranks) == find(conn, text, limit=30)


def test_rank_cache_details_are_read_once_kept_in_bounds_and_dropped_on_clear():
    ranks = RankCache(max_details=3)
    asked: list[list[int]] = []

    def read(ids: list[int]) -> dict[int, str]:
        asked.append(ids)
        return {i: f"about {i}" for i in ids}

    assert ranks.details("where", [1, 2], read) == {1: "about 1", 2: "about 2"}
    assert ranks.details("where", [2, 3], read) == {2: "about 2", 3: "about 3"}
    assert ranks.details("roles", [2], read) == {2: "about 2"}  # another kind: read again
    assert asked == [[1, 2], [3], [2]]
    ranks.details("where", [2, 3], read)
    assert len(asked) == 3  # both kept
    ranks.details("where", [1], read)
    assert asked[-1] == [1]  # three kept at most: ("where", 1), the least recently used, went first
    ranks.clear()
    ranks.details("where", [2], read)
    assert asked[-1] == [2]


def test_a_ranking_read_from_sqlite_is_written_out_even_once_combined_and_a_combined_one_never(conn):
    from quotegraph.store.search import Ranking

    ranks = RankCache()
    the, said = ranks.ranking(conn, "the"), ranks.ranking(conn, "said")
    both = ranks.ranking(conn, "the said")  # combined: reads all of both rankings' scores
    back = Ranking.from_bytes(the.to_bytes())
    assert back.ids.tolist() == the.ids.tolist() and back.scores(range(len(back))) == the.scores(range(len(the)))
    assert Ranking.from_bytes(said.to_bytes()).ids.tolist() == said.ids.tolist()
    with pytest.raises(ValueError):
        both.to_bytes()


def test_where_statements_were_said_is_the_same_kept_or_read(conn):
    from quotegraph.store.queries import occurrences_of
    from quotegraph.store.search import search_page

    ranks = RankCache()
    query = SearchQuery("the", limit=30)
    ids = [h.statement_id for h in find(conn, "the", limit=30)]
    want = occurrences_of(conn, ids)
    assert search_page(conn, query).where == want
    assert search_page(conn, query, ranks).where == want == search_page(conn, query, ranks).where  # read, then kept
    assert all(("where", i) in ranks._details for i in ids)


def test_rank_cache_drops_the_lock_of_a_search_that_raised(conn):
    """Regression (issue 14): a malformed search text left its computing lock behind for good (``_busy``), so
    anyone could grow the cache's memory without bound through GET /api/statements; ``clear()`` did not drop them."""
    from quotegraph.errors import SearchSyntaxError

    ranks = RankCache()
    for i in range(50):
        with pytest.raises(SearchSyntaxError):
            find(conn, f'"unterminated{i}', ranks=ranks)
    assert ranks._busy == {} and len(ranks) == 0
    assert find(conn, "the", limit=5, ranks=ranks) == find(conn, "the", limit=5) and ranks._busy == {}


def test_shared_rankings_budget_starts_again_for_a_new_index(store_path, tmp_path):
    """Regression (issue 14): the bytes written were counted for the life of the process, so a long-running server
    whose database changed stopped sharing for good once it had written ``max_bytes``; now the budget is per index,
    and the files of an old index are removed."""
    import shutil

    from quotegraph.store.search import SharedRankings

    path = str(tmp_path / "copy.db")
    shutil.copy(store_path, path)
    (tmp_path / "shared").mkdir()
    reader = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    size = len(RankCache().ranking(reader, "the").to_bytes())
    shared = SharedRankings(tmp_path / "shared", min_ids=10, max_bytes=size + size // 2)  # room for one "the" ranking
    RankCache(shared=shared).ranking(reader, "the")
    RankCache(shared=shared).ranking(reader, "said")  # over the budget: not written
    assert shared.written == size and len(list((tmp_path / "shared").glob("*.ranking"))) == 1
    writer = sqlite3.connect(path)
    writer.execute("INSERT INTO statements (id, kind, text, occurrences) VALUES (9002, 'direct', 'the plan', 1)")
    writer.execute("INSERT INTO statement_search (rowid, text) VALUES (9002, 'the plan')")
    writer.commit()
    writer.close()
    index = shared.index(reader)
    fresh = RankCache(shared=shared).ranking(reader, "the")
    assert shared.written == len(fresh.to_bytes())  # written again, for the new index
    (only,) = (tmp_path / "shared").glob("*.ranking")  # the old index's file is gone
    assert shared.load(index, "the").ids.tolist() == fresh.ids.tolist()
    reader.close()
