"""Relative and absolute date expressions resolved against the publication date, with granularity."""

from datetime import date

import pytest

from quotegraph.store.dates import find_dateline, find_dates, parse_date

PUB = date(2016, 9, 14)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "expression", "value", "granularity"),
    [
        ("She collapsed on Sunday.", "Sunday", "2016-09-11", "day"),
        ("The speech was on Wednesday.", "Wednesday", "2016-09-14", "day"),
        ("They met last Wednesday.", "last Wednesday", "2016-09-07", "day"),
        ("She will speak on Friday.", "Friday", "2016-09-16", "day"),
        ("They meet next Monday.", "next Monday", "2016-09-19", "day"),
        ("It happened four years ago.", "four years ago", "2012", "year"),
        ("It happened 3 days ago.", "3 days ago", "2016-09-11", "day"),
        ("It happened two months ago.", "two months ago", "2016-07", "month"),
        ("It happened a decade ago.", "a decade ago", "2006", "year"),
        ("Talks resume in January 2021.", "January 2021", "2021-01", "month"),
        ("He was elected in 2008.", "in 2008", "2008", "year"),
        ("It began in March.", "in March", "2016-03", "month"),
        ("Voting ends next November.", "next November", "2016-11", "month"),
        ("The vote will be held in November.", "in November", "2016-11", "month"),
        ("The memorial on Sept. 11 drew crowds.", "Sept. 11", "2016-09-11", "day"),
        ("The deal was signed on July 4, 2015.", "July 4, 2015", "2015-07-04", "day"),
        ("The deal was signed on 4 July 2015.", "4 July 2015", "2015-07-04", "day"),
        ("He spoke yesterday.", "yesterday", "2016-09-13", "day"),
        ("He speaks tomorrow.", "tomorrow", "2016-09-15", "day"),
        ("Sales fell last month.", "last month", "2016-08", "month"),
        ("Sales rose last year.", "last year", "2015", "year"),
        ("Sales will rise next year.", "next year", "2017", "year"),
        ("It was said last week.", "last week", "2016-09-05", "week"),
    ],
)
def test_dates_resolve_relative_expression(text, expression, value, granularity):
    found = find_dates(text, PUB)
    assert [(d.expression, d.value, d.granularity) for d in found] == [(expression, value, granularity)]
    d = found[0]
    assert text[d.start : d.end] == expression


@pytest.mark.parametrize("text", ["She may go.", "They said it was a good plan.", "March on, he said.", "Room 2008 is closed."])
def test_dates_ignore_words_that_are_not_dates(text):
    assert find_dates(text, PUB) == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2016-09-12", ("2016-09-12", "day")),
        ("2016-09-12T08:00:00Z", ("2016-09-12", "day")),
        ("2016-09", ("2016-09", "month")),
        ("2016", ("2016", "year")),
        ("Sept. 12, 2016", ("2016-09-12", "day")),
        ("12 September 2016", ("2016-09-12", "day")),
        ("2016-02-30", None),
        ("", None),
        (None, None),
    ],
)
def test_dates_parse_metadata_date(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Headline\n\nWASHINGTON, Sept. 12, 2016 — The senator said...", "2016-09-12"),
        ("Headline\n\nNEW YORK (AP) — March 3, 2015: markets fell.", "2015-03-03"),
        ("Headline\n\nNo date here at all.", None),
    ],
)
def test_dates_dateline(text, expected):
    assert find_dateline(text) == expected
