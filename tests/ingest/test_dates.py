"""Relative and absolute date expressions resolved against the publication date, with granularity."""

from datetime import date

import pytest

from quotegraph.ingest.dates import find_dateline, find_dates, parse_date

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
        ("Headline\n\nNov. 5, 2019\n\nThe senator said...", "2019-11-05"),
        ("Headline\n\nPublished: Tuesday, November 5, 2019 10:00 ET\n\nThe senator said...", "2019-11-05"),
        ("Headline\n\nST. LOUIS, Mo. (AP) — Nov. 5, 2019: The senator said...", "2019-11-05"),
        # Regression (issue 10, point 5): a date in the body's first sentence is not a dateline.
        ("Headline\n\nIn his book published January 3, 2002, he argued that cities would shrink.", None),
        ("Headline\n\nThe deal signed on July 4, 2015 lapsed, the minister said.", None),
    ],
)
def test_dates_dateline(text, expected):
    assert find_dateline(text) == expected


NOV = date(2019, 11, 20)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        # Regression (issue 10, point 5): "early January" in a November 2019 article meant 2020-01.
        ("Talks are expected to resume in early January.", "early January", "2020-01"),
        ("The talks will resume in early January.", "early January", "2020-01"),
        ("Talks are set to resume in early January.", "early January", "2020-01"),
        ("In early January, the company will open a new plant.", "early January", "2020-01"),
        ("The minister said the talks will resume in January.", "in January", "2020-01"),
        ("The vote will be held in December.", "in December", "2019-12"),
        ("The company plans to list its shares in March.", "in March", "2020-03"),
        ("The ceasefire collapsed in early January.", "early January", "2019-01"),
        ("The vote was held in December.", "in December", "2018-12"),
        ("He said in January that he will run.", "in January", "2019-01"),
        ("Prices have risen since March.", "since March", "2019-03"),
        ("It happened last December.", "last December", "2018-12"),
        ("It happens next February.", "next February", "2020-02"),
        # The publication's own month needs no tense.
        ("In November, sales fell.", "In November", "2019-11"),
    ],
)
def test_dates_bare_month_placed_by_tense(text, expression, value):
    found = find_dates(text, NOV)
    assert [(d.expression, d.value, d.granularity) for d in found] == [(expression, value, "month")]


@pytest.mark.parametrize(
    "text",
    [
        # No tense to go by (a present, or only the reporting verb after it): left unresolved, not guessed.
        "The talks resume in early January, officials said.",
        "It ends in March.",
        "The hearing is on Friday.",
        "The hearing on Jan. 15 is open to the public.",
    ],
)
def test_dates_unsure_relative_expression_left_unresolved(text):
    assert find_dates(text, NOV) == []


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("The hearing on Jan. 15 will decide the case.", "Jan. 15", "2020-01-15"),
        ("The hearing on Jan. 15 decided the case.", "Jan. 15", "2019-01-15"),
        ("The hearing on Nov. 25 is open to the public.", "Nov. 25", "2019-11-25"),  # within a month: no doubt
        ("The hearing is on Wednesday.", "Wednesday", "2019-11-20"),  # the publication's own weekday
        ("He was arrested on Friday.", "Friday", "2019-11-15"),
        ("He is expected to appear in court on Friday.", "Friday", "2019-11-22"),
    ],
)
def test_dates_day_without_year_placed_by_tense(text, expression, value):
    found = find_dates(text, NOV)
    assert [(d.expression, d.value, d.granularity) for d in found] == [(expression, value, "day")]


def test_dates_without_publication_day_only_dates_with_their_year():
    text = "The deal, signed on July 4, 2015, lapsed in January 2021. Talks resume on Sunday, as they did in 2008 and last year."
    found = find_dates(text, None)
    assert [(d.expression, d.value) for d in found] == [("July 4, 2015", "2015-07-04"), ("January 2021", "2021-01"), ("in 2008", "2008")]


@pytest.mark.parametrize(
    "text",
    [
        "The talks resumed ON SUNDAY and will end Next Week, the MINISTER said on Monday.",
        "In JANUARY 2021 she Said that two Years Ago, on Sept. 12, 2016, nothing happened; Yesterday it did.",
        "“We met Last Tuesday,” he said in 2008. The vote is expected in November.",
        "ſunday, the Kelvin sign K and dotless ı: the patterns' own IGNORECASE decides (on ſunday, in 2015).",
        "İn January 2020 the İstanbul office met on Monday, four years ago.",  # lowering İ adds a character
        "Straße und Größe: on Friday, MAY 5, 2019, since early March.",
        "",
    ],
)
@pytest.mark.parametrize("base", [date(2016, 9, 20), None])
def test_dates_lowered_text_finds_what_ignorecase_finds(text, base):
    """The patterns run on the lowered text find the same dates, written as in the text, as the
    case-insensitive patterns on the text itself."""
    fast = find_dates(text, base)
    assert fast == find_dates(text, base, fold=False)
    assert all(text[d.start : d.end] == d.expression for d in fast)


DATE_WORDS = [
    "Jan.", "January", "Feb", "29", "30", "31", "0", "1", "12", "13", "2016", "1999", "9999", "0001", "Sunday", "Monday", "last", "next",
    "on", "in", "since", "until", "week", "month", "year", "May", "may", "Sept.", ",", ".", "\n", "—", "WASHINGTON", "Published", "ago",
    "days", "two", "the", "said", "“", "”", "12/31/2016", "1990s", "early", "this",
]


def test_dates_any_text_and_base_give_dates_or_none():
    """Whatever the words and however absurd the publication date (a CMS's 0001-01-01, 9999-12-31), dating an article
    finds dates or none and never fails (a date beyond the calendar is no date)."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from quotegraph.ingest.dates import date_article
    from quotegraph.model import Article, Document, Quote, Span

    @settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.lists(st.sampled_from(DATE_WORDS), min_size=1, max_size=30),
           st.sampled_from([None, "2016", "2016-02-29", "0001-01-01", "9999-12-31", "garbage"]))
    def check(words, published):  # type: ignore[no-untyped-def]
        text = " ".join(words)
        art = Article("x", text, (0, len(text)), [Quote("direct", None, [Span.of(text, 0, 1)], [Span.of(text, 0, len(text))])], published, [])
        dating = date_article(Document(text, "x", published=published, published_source="metadata" if published else None), art).dating
        assert dating is not None and all(0 <= d.start < d.end <= len(text) for d in dating.mentions)

    check()
    assert isinstance(find_dates("He said next Jan. 29 it would end.", date(1, 1, 1)), list)  # the case that failed
