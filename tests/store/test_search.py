"""Search: FTS5 bm25 ranking, filters, parameterised values, clean errors for malformed syntax."""

import pytest

from quotegraph.errors import SearchSyntaxError
from quotegraph.store.db import open_store
from quotegraph.store.search import search


@pytest.fixture
def conn(db):
    s = open_store(db)
    yield s.conn
    s.close()


@pytest.mark.parametrize(
    ("query", "filters", "speakers"),
    [
        ("vigilant", {}, ["Antonio Guterres"]),
        ('"arms race"', {}, ["Antonio Guterres"]),
        ("vigil*", {}, ["Antonio Guterres"]),
        ("buses OR plan", {}, ["Imran Khan", "Sadiq Khan"]),
        ("plan NOT buses", {}, ["Imran Khan"]),
        ("", {"speaker": "Khan"}, ["Imran Khan", "Sadiq Khan"]),
        ("", {"speaker": "guterres"}, ["Antonio Guterres", "Antonio Guterres"]),
        ("", {"outlet": "City"}, ["Imran Khan", "Sadiq Khan"]),
        ("", {"since": "2020-01-01"}, ["Antonio Guterres", "Antonio Guterres"]),
        ("", {"until": "2016"}, ["Brian Fallon", "Donald Trump"]),
        ("", {"since": "2016-09", "until": "2016-09"}, ["Brian Fallon", "Donald Trump"]),
        ("", {"kind": "indirect"}, []),
        ("nothing-like-this", {}, []),
        ("U.S.", {}, []),
        ("speaker:x", {}, []),
        ("streets,", {}, ["Sadiq Khan"]),
        ("well", {"speaker": "Trump", "outlet": "Daily", "kind": "direct"}, ["Donald Trump"]),
    ],
)
def test_search_finds_by_words_and_filters(conn, query, filters, speakers):
    hits = search(conn, query, **filters)
    assert sorted(h.speaker or "" for h in hits) == speakers


def test_search_ranks_by_bm25(conn):
    hits = search(conn, "arms OR vigilant OR race")
    assert hits[0].text.startswith("“Nobody wins an arms race")
    assert hits == sorted(hits, key=lambda h: h.score)


def test_search_hit_has_outlets_roles_and_counts(conn):
    (hit,) = search(conn, "buses")
    assert hit.outlets == ["City Example"] and hit.occurrences == 1 and hit.first_seen == "2019-05-02"
    assert set(hit.to_json()) >= {"statement", "text", "speaker", "outlets", "first_seen", "drift", "score"}


@pytest.mark.parametrize("query", ['"unterminated', "AND", "vigilant AND", "(arms", "NEAR(", "*", "a OR OR b", 'vigilant "arms'])
def test_search_malformed_syntax_is_a_clear_error(conn, query):
    with pytest.raises(SearchSyntaxError, match="cannot read the search text"):
        search(conn, query)


@pytest.mark.parametrize(
    ("filters", "message"),
    [({"since": "last tuesday-ish"}, "not a date"), ({"kind": "quoted"}, "choose one of"), ({"limit": 0}, "1 or more")],
)
def test_search_bad_filters_are_clear_errors(conn, filters, message):
    with pytest.raises(SearchSyntaxError, match=message):
        search(conn, "", **filters)


@pytest.mark.parametrize("value", ["'; DROP TABLE statements; --", "%", "_", "\\", "Khan' OR '1'='1"])
def test_search_values_are_parameters_not_sql(conn, value):
    assert search(conn, "", speaker=value) == []
    assert search(conn, "", outlet=value, role=value) == []
    assert conn.execute("SELECT count(*) FROM statements").fetchone()[0] > 0


def test_search_offset_pages_through_the_same_order(conn):
    everything = [h.statement_id for h in search(conn, limit=100)]
    pages = [h.statement_id for off in range(0, len(everything), 2) for h in search(conn, limit=2, offset=off)]
    assert pages == everything
    with pytest.raises(SearchSyntaxError, match="offset"):
        search(conn, offset=-1)
