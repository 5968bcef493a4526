"""Publication dates from file names (issue 15, point 1: ``ingest --date-from-name``)."""

from __future__ import annotations

import pytest

from quotegraph.errors import NamePatternError
from quotegraph.ingest.namedate import NameDate, file_of


@pytest.mark.parametrize(
    ("pattern", "location", "expected"),
    [
        ("%Y-%m-%d", "news/2016-02-16_some-title.txt", "2016-02-16"),
        ("%Y-%m-%d", "2016-02-16.txt", "2016-02-16"),
        ("%Y-%m-%d", "title-2016-02-16.html", "2016-02-16"),  # anywhere in the name
        ("%Y%m%d", "texts/20160216-story.txt", "2016-02-16"),
        ("%Y%m%d", "texts/120160216.txt", None),  # not 8 digits out of a longer number
        ("%d.%m.%Y", "16.2.2016 bericht.txt", "2016-02-16"),
        ("%d %B %Y", "16 February 2016 speech.txt", "2016-02-16"),
        ("%d-%b-%Y", "16-feb-2016.txt", "2016-02-16"),  # month names in any case, short or full
        ("%y%m%d", "160216.txt", "2016-02-16"),
        ("%y%m%d", "991231.txt", "1999-12-31"),  # %y as strptime reads it
        ("%Y-%m", "2016-02_roundup.txt", "2016-02"),  # a month stays a month
        ("%Y", "annual-2016.txt", "2016"),
        ("%Y/%m/%d", "corpus/2016/02/16/story.txt", "2016-02-16"),  # a pattern with / reads the path
        ("%Y-%m-%d", "2016/02/16/story.txt", None),  # one without reads the file name only
        ("%Y-%m-%d", "crawl-2016-02-16.warc.gz@1234", "2016-02-16"),  # a WARC page: its file's name
        ("%Y-%m-%d", "dump-2016-02-16.jsonl:7", "2016-02-16"),  # a JSONL line: its file's name
        ("%Y-%m-%d", "2016-02-30_x.txt", None),  # no such day
        ("%Y-%m-%d", "2016-13-01_x.txt", None),  # no such month
        ("%Y-%m-%d", "0001-01-01_x.txt", None),  # no believable year
        ("%Y-%m-%d", "untitled.txt", None),
        ("%Y-%m-%d", "stdin", None),
        ("%Y-%m-%d", "bad-0000-00-00-then-2016-02-16.txt", "2016-02-16"),  # the first real date
        ("100%% %Y", "100% 2016.txt", "2016"),
    ],
)
def test_namedate_reads_the_date_a_pattern_finds_in_a_name(pattern, location, expected):
    assert NameDate(pattern)(location) == expected


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ("%m-%d", "has no year"),
        ("title", "has no year"),
        ("%Y %d", "a day (%d) but no month"),
        ("%Y-%Q", "%Q is not a date part"),
        ("%Y-%", "a lone % is not a date part"),
        ("%Y-%Y", "the year is given twice"),
        ("%Y-%m-%b", "the month is given twice"),
    ],
)
def test_namedate_a_pattern_that_finds_no_date_is_an_error(pattern, message):
    with pytest.raises(NamePatternError, match=message.replace("(", r"\(").replace(")", r"\)")):
        NameDate(pattern)


@pytest.mark.parametrize(
    ("location", "expected"),
    [("a.txt", "a.txt"), ("c.warc.gz@40", "c.warc.gz"), ("d.jsonl:12", "d.jsonl"), ("s3://b/x.txt", "s3://b/x.txt")],
)
def test_namedate_file_of_a_location(location, expected):
    assert file_of(location) == expected
