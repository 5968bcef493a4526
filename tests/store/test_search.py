"""Search: BM25 ranking, filters, parameterised values, clean errors for malformed syntax and bad values."""

import pytest

from quotegraph.errors import QueryError, SearchSyntaxError
from quotegraph.model import SearchQuery
from quotegraph.store.db import open_store
from quotegraph.store.search import search, search_page


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
    hits = search(conn, SearchQuery(query, **filters))
    assert sorted(h.speaker or "" for h in hits) == speakers


def test_search_ranks_by_bm25(conn):
    hits = search(conn, SearchQuery("arms OR vigilant OR race"))
    assert hits[0].text.startswith("“Nobody wins an arms race")
    assert hits == sorted(hits, key=lambda h: h.score)


def test_search_hit_has_outlets_roles_and_counts(conn):
    (hit,) = search(conn, SearchQuery("buses"))
    assert hit.outlets == ["City Example"] and hit.occurrences == 1 and hit.first_seen == "2019-05-02"
    assert set(hit.to_json()) >= {"statement", "text", "speaker", "outlets", "first_seen", "drift", "score"}


@pytest.mark.parametrize("query", ['"unterminated', "AND", "vigilant AND", "(arms", "NEAR(", "*", "a OR OR b", 'vigilant "arms'])
def test_search_malformed_syntax_is_a_clear_error(conn, query):
    with pytest.raises(SearchSyntaxError, match="cannot read the search text"):
        search(conn, SearchQuery(query))


@pytest.mark.parametrize(
    ("filters", "field", "message"),
    [
        ({"since": "last tuesday-ish"}, "since", "'last tuesday-ish' is not a date; write it as YYYY-MM-DD (or YYYY-MM, YYYY)"),
        ({"until": "2020-13"}, "until", "'2020-13' is not a date"),
        ({"kind": "quoted"}, "kind", "'quoted' is not a kind of statement; choose one of direct, indirect, mixed"),
        ({"limit": 0}, "limit", "0 is too small; give 1 or more"),
        ({"offset": -1}, "offset", "-1 is too small; give 0 or more"),
        ({"text": "x" * 1001}, "text", "too long (1,001 characters); give at most 1,000"),
        ({"speaker": "x" * 201}, "speaker", "too long (201 characters); give at most 200"),
        ({"since": "2016-09-01T00:00:00.000000"}, "since", "too long (26 characters); give at most 20"),
    ],
)
def test_search_query_bad_values_are_query_errors_naming_the_field(filters, field, message):
    """Regression (issue 14): a bad limit or kind raised SearchSyntaxError, and the messages named CLI flags
    (``--since ... is not a date`` reached API clients); now each edge names the field its own way."""
    with pytest.raises(QueryError) as caught:
        SearchQuery(**filters)
    assert caught.value.field == field and caught.value.message.startswith(message)
    assert str(caught.value) == f"{field}: {caught.value.message}" and "--" not in str(caught.value)
    assert not isinstance(caught.value, SearchSyntaxError)


def test_search_query_is_checked_once_blank_filters_are_none_and_dates_iso():
    query = SearchQuery("vigilant", speaker="", role="  ", kind="", since="September 2016", until="2016")
    assert (query.speaker, query.role, query.kind, query.since, query.until) == (None, None, None, "2016-09", "2016")
    assert not SearchQuery("x", since=" ").filtered and SearchQuery(kind="direct").filtered


def test_search_page_asks_one_more_to_know_whether_more_follow(conn):
    everything = search(conn, SearchQuery(limit=100))
    first = search_page(conn, SearchQuery(limit=2))
    assert first.hits == everything[:2] and first.more and first.next_offset == 2
    last = search_page(conn, SearchQuery(limit=2, offset=len(everything) - 2))
    assert last.hits == everything[-2:] and not last.more and last.next_offset is None
    assert set(last.where) == {h.statement_id for h in last.hits} and all(last.where.values())
    body = last.to_json()
    assert body["statements"][0]["articles"] == last.where[last.hits[0].statement_id] and body["limit"] == 2


@pytest.mark.parametrize("value", ["'; DROP TABLE statements; --", "%", "_", "\\", "Khan' OR '1'='1"])
def test_search_values_are_parameters_not_sql(conn, value):
    assert search(conn, SearchQuery("", speaker=value)) == []
    assert search(conn, SearchQuery("", outlet=value, role=value)) == []
    assert conn.execute("SELECT count(*) FROM statements").fetchone()[0] > 0


def test_search_offset_pages_through_the_same_order(conn):
    everything = [h.statement_id for h in search(conn, SearchQuery(limit=100))]
    pages = [h.statement_id for off in range(0, len(everything), 2) for h in search(conn, SearchQuery(limit=2, offset=off))]
    assert pages == everything
