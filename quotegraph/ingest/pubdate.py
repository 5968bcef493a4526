"""Publication dates from evidence only: a page's metadata, its URL; dates as written, with their granularity.

Nothing is guessed from the article's body: htmldate's text search (which trafilatura
runs) picks any year the text mentions and makes it 1 January of that year. A date
given only as a year or a month keeps that granularity (``2019``, ``2019-11``).
A dateline and the capture date are weighed later (``quotegraph.ingest.dates.publication_date``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any
from urllib.parse import urlparse

# Where a publication date came from, as stored in ``articles.published_source``.
SOURCES = ("metadata", "url", "dateline", "capture")
GRANULARITY_RANK = {"year": 0, "month": 1, "day": 2}

# Meta names, properties and itemprops that carry the publication date (htmldate's
# list, modification dates left out), and JSON-LD keys.
_EXTRA_META = {"datepublished", "pubyear"}
_JSONLD_KEYS = ("datePublished",)
# Earliest year believed: a 1970 or 0001 date is a CMS's zero, not a publication date.
MIN_YEAR = 1900
ZERO_DATES = {"1970-01-01"}


@dataclass(frozen=True)
class PubDate:
    value: str  # ISO at its granularity: 2019-11-05, 2019-11, 2019
    granularity: str  # day, month, year
    source: str  # metadata, url, dateline, capture


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _plausible(year: int) -> bool:
    return MIN_YEAR <= year <= date.today().year + 1


def _evidence(value: str | None) -> tuple[str, str] | None:
    """A date a page gives, if believable: not a CMS's zero (1970-01-01, 0001-01-01) nor the future."""
    parsed = parse_date(value)
    if parsed is None or parsed[0] in ZERO_DATES or not _plausible(int(parsed[0][:4])):
        return None
    return parsed


_ISO = re.compile(r"^(?P<y>\d{4})(?:[-/](?P<m>\d{1,2})(?:[-/](?P<d>\d{1,2}))?)?(?:[T ].*)?$")
_COMPACT = re.compile(r"^(?P<y>\d{4})(?P<m>\d\d)(?P<d>\d\d)(?:T.*)?$")


@lru_cache(maxsize=4096)
def parse_date(value: str | None) -> tuple[str, str] | None:
    """(ISO value, granularity) of a date as metadata or a user writes it; None if it is not a date.

    ``2016-09``, ``September 2016`` stay months, ``2016`` a year. Relative words ("3 hours
    ago", "yesterday") and dates without a year are refused: they would be read against today.
    """
    if not value or not value.strip():
        return None
    value = value.strip()
    m = _ISO.match(value) or _COMPACT.match(value)
    if m:
        y, mo, d = int(m.group("y")), m.group("m"), m.group("d")
        if d:
            dd = _safe_date(y, int(mo), int(d))
            return (dd.isoformat(), "day") if dd else None
        if mo:
            return (f"{y:04d}-{int(mo):02d}", "month") if 1 <= int(mo) <= 12 else None
        return f"{y:04d}", "year"
    data = _parser().get_date_data(value)
    if data.date_obj is None:
        return None
    d = data.date_obj.date()
    if data.period == "year":
        return f"{d.year:04d}", "year"
    if data.period == "month":
        return f"{d.year:04d}-{d.month:02d}", "month"
    return d.isoformat(), "day"


@lru_cache(maxsize=1)
def _parser() -> Any:
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={
            "PREFER_DAY_OF_MONTH": "first",
            "RETURN_AS_TIMEZONE_AWARE": False,
            "REQUIRE_PARTS": ["year"],
            # No "relative-time": "2 days ago" in metadata would be read against today.
            "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
        },
    )


# A date in the URL's path: /2019/11/05/, /2019-11-05-slug, /20191105/; /2019/11/ a month;
# /2019/ (a whole segment, more path after it) a year.
_URL_DAY = re.compile(r"(?<![\d])((?:19|20)\d\d)([/_-]?)(0[1-9]|1[0-2]|[1-9])\2(0[1-9]|[12]\d|3[01]|[1-9])(?![\d])")
_URL_MONTH = re.compile(r"/((?:19|20)\d\d)/(0[1-9]|1[0-2]|[1-9])/")
_URL_YEAR = re.compile(r"/((?:19|20)\d\d)/(?=[^/])")


def url_date(url: str | None) -> tuple[str, str] | None:
    """(ISO value, granularity) of a date written in the URL's path; None if it has none."""
    if not url:
        return None
    path = urlparse(url).path
    for m in _URL_DAY.finditer(path):
        # Eight digits in a row must stand alone in their segment (not part of an id).
        if not m.group(2) and not re.fullmatch(r"[/_-]?\d{8}[/_.-]?", path[max(m.start() - 1, 0) : m.end() + 1]):
            continue
        d = _safe_date(int(m.group(1)), int(m.group(3)), int(m.group(4)))
        if d and _plausible(d.year):
            return d.isoformat(), "day"
    month = _URL_MONTH.search(path)
    if month and _plausible(int(month.group(1))):
        return f"{int(month.group(1)):04d}-{int(month.group(2)):02d}", "month"
    year = _URL_YEAR.search(path)
    if year and _plausible(int(year.group(1))):
        return year.group(1), "year"
    return None


def _meta_names() -> set[str]:
    from htmldate.core import DATE_ATTRIBUTES

    # "meta" is too loose a name to be evidence.
    return (set(DATE_ATTRIBUTES) | _EXTRA_META) - {"meta"}


def _jsonld_dates(obj: Any) -> Iterator[str]:
    if isinstance(obj, dict):
        for key in _JSONLD_KEYS:
            if isinstance(obj.get(key), str):
                yield obj[key]
        for v in obj.values():
            if isinstance(v, dict | list):
                yield from _jsonld_dates(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _jsonld_dates(v)


def _candidates(tree: Any) -> Iterator[str]:
    names = _meta_names()
    for elem in tree.iter("meta", "time"):
        if elem.tag == "time":
            classes = (elem.get("class") or "").lower().split()
            if elem.get("itemprop", "").lower() == "datepublished" or "pubdate" in elem.attrib or "published" in classes:
                yield elem.get("datetime") or ""
            continue
        key = (elem.get("property") or elem.get("name") or elem.get("itemprop") or "").lower()
        if key in names:
            yield elem.get("content") or elem.get("datetime") or ""
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() == "application/ld+json" and script.text and "datePublished" in script.text:
            try:
                yield from _jsonld_dates(json.loads(script.text))
            except ValueError:
                continue


def metadata_date(html: str | bytes | Any) -> tuple[str, str] | None:
    """(ISO value, granularity) of the publication date the page's metadata gives: meta tags,
    ``<time datetime>`` marked as the publication date, JSON-LD ``datePublished``.

    The finest date found wins (a day over a bare year); among equals, the first.
    """
    tree = _tree(html)
    if tree is None:
        return None
    best: tuple[str, str] | None = None
    for raw in _candidates(tree):
        parsed = _evidence(raw)
        if parsed and (best is None or GRANULARITY_RANK[parsed[1]] > GRANULARITY_RANK[best[1]]):
            best = parsed
            if parsed[1] == "day":
                break
    return best


def _tree(html: str | bytes | Any) -> Any:
    if not isinstance(html, str | bytes):
        return html
    from trafilatura.utils import load_html

    return load_html(html)


def page_date(html: str | bytes | Any, url: str | None = None) -> PubDate | None:
    """The publication date of a page from its metadata, else from its URL; None without evidence."""
    found = metadata_date(html)
    if found:
        return PubDate(*found, "metadata")
    found = url_date(url)
    if found:
        return PubDate(*found, "url")
    return None
