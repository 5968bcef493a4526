"""Dates: an article's publication date from evidence (metadata or URL, a dateline, the capture date), and the
expressions of its text ("on Sunday", "four years ago", "in January 2021") resolved against it; ``date_article``
gives both as a ``Dating`` record, which travels on the ``Article`` to the store.

Each resolved date keeps its granularity (day, week, month, year) and is written
as an ISO string of that precision: ``2016-09-11``, ``2016-09``, ``2016``.

A bare month or weekday ("in January", "on Sunday") is placed by the tense around it
("will", "is expected to" → the next one; "was", "met", "-ed" → the last one); with
no tense to go by it is left unresolved rather than given a year it may not have.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from dataclasses import replace
from datetime import date, timedelta

from ..model import Article, DateMention, Dating, Document
from .pubdate import SOURCES, parse_date

__all__ = ["DateMention", "date_article", "find_dateline", "find_dates", "parse_date", "publication_date", "resolve", "tense", "to_date"]

MONTHS = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "several": 3,
    "a few": 3,
    "a couple of": 2,
}
# Words around a weekday or a bare month that say which way it lies; the nearest one in
# its sentence decides (tense tells "the talks will resume in January" from "the talks
# resumed in January").
FUTURE = re.compile(
    r"\b(?:will|won't|shall|would|'ll|is to|are to|plans? to|planned|planning|intends? to|scheduled|expected to"
    r"|expects? to|set to|due to|going to|aims? to|hopes? to|upcoming|coming|next|later this|ahead)\b",
    re.I,
)
PAST = re.compile(
    r"\b(?:was|were|had|did|has been|have been|began|met|took|came|went|made|gave|fell|rose|won|lost|left|held"
    r"|became|saw|found|spoke|wrote|sent|led|ran|got|knew|thought|brought|bought|paid|kept|sold|chose|drew|struck"
    r"|ago|last|earlier|previously|already)\b",
    re.I,
)
# Regular past tense, lower case (not "United", "Limited"); "-eed" words are not past ("need").
PAST_ED = re.compile(r"\b[a-z]{2,}ed\b")
NOT_PAST = frozenset(
    "need speed indeed proceed exceed succeed feed seed breed bleed shed embed hundred creed greed weed sacred "
    "naked wicked rugged kindred expected scheduled planned proposed supposed alleged based".split()
)
# A reporting verb tells the time of the saying only right before the date: "said on Sunday",
# "told reporters on Sunday"; "the talks resume in January, she said" says nothing of January.
REPORTING = re.compile(r"\b(?:said|told|added|noted|stated|explained|declared|insisted|argued|claimed)(?:\s+\S+){0,2}\s+$", re.I)
# A participle after "be" takes its tense from the auxiliary: "will be held", "was held".
_PARTICIPLE = re.compile(r"\b(?:be|been|being)\s+(?:\w+ly\s+)?$", re.I)
WINDOW = 240
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z\"“‘]|\s*$)|\n")

_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_NUM = r"(?P<num>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few|a couple of)"
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # Order matters: earlier patterns claim their text first.
    ("month_day_year", re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.I)),
    (
        "day_month_year",
        re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    ),
    ("month_year", re.compile(rf"\b{_MONTH},?\s+(?P<year>(?:19|20)\d\d)\b", re.I)),
    ("month_day", re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s*\d)", re.I)),
    ("ago", re.compile(rf"\b{_NUM}\s+(?P<unit>day|week|month|year|decade)s?\s+ago\b", re.I)),
    ("relative_unit", re.compile(r"\b(?P<rel>last|next|this|earlier this|later this|past)\s+(?P<unit>week|month|year)\b", re.I)),
    ("deictic", re.compile(r"\b(?P<word>yesterday|today|tomorrow)\b", re.I)),
    (
        "weekday",
        re.compile(r"\b(?:(?P<rel>last|next|this|on)\s+)?(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I),
    ),
    (
        "bare_month",
        re.compile(rf"\b(?P<prep>in|since|by|until|last|next|this|early|late|mid-|since early|since late)\s*{_MONTH}\b(?!\s+\d)", re.I),
    ),
    ("year", re.compile(r"\b(?P<prep>in|since|by|until|of|from|during)\s+(?P<year>(?:19|20)\d\d)\b(?![-/]\d)", re.I)),
]


def _low(word: str) -> str:
    """A matched word as the tables spell it: lowered, and the letters IGNORECASE also takes for ASCII ones
    ("ſunday", "frıday", "frİday") made those letters, so that no such spelling is a key the tables lack."""
    return word.lower().replace("ſ", "s").replace("ı", "i").replace("i\u0307", "i")


def iso(d: date, granularity: str) -> str:
    if granularity == "year":
        return f"{d.year:04d}"
    if granularity == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return d.isoformat()


def _add_months(d: date, months: int) -> date:
    m = d.month - 1 + months
    return date(d.year + m // 12, m % 12 + 1, 1)


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def tense(text: str, start: int, end: int, lo: int = 0, hi: int | None = None) -> str | None:
    """Which way a date lies ("future", "past", None for no cue): the nearest tense cue to ``text[start:end]`` in its sentence."""
    # A sentence, but no more than WINDOW characters either side: a text without full stops stays linear.
    lo = max(lo, start - WINDOW)
    hi = min(len(text) if hi is None else hi, end + WINDOW)
    s0 = max(text.rfind(".", lo, start), text.rfind("\n", lo, start), text.rfind("!", lo, start), text.rfind("?", lo, start), lo - 1) + 1
    m_end = _SENTENCE_END.search(text, end, hi)
    s1 = m_end.start() if m_end else hi
    before, after = text[s0:start], text[end:s1]
    if REPORTING.search(before):
        return "past"
    best: tuple[int, str] | None = None
    for part, offset, is_before in ((before, s0, True), (after, end, False)):
        future = [m.span() for m in FUTURE.finditer(part)]
        cues = [(a, b, "future") for a, b in future]
        past = [*PAST.finditer(part), *(m for m in PAST_ED.finditer(part) if m.group(0) not in NOT_PAST)]
        cues += [(m.start(), m.end(), "past") for m in past if not any(a <= m.start() < b for a, b in future) and not _PARTICIPLE.search(part, 0, m.start())]
        for a, b, which in cues:
            distance = start - (offset + b) if is_before else (offset + a) - end
            if best is None or distance < best[0]:
                best = (distance, which)
    return best[1] if best else None


def resolve(kind: str, m: re.Match[str], base: date | None, direction: str | None = None) -> tuple[str, str] | None:
    """(ISO value, granularity) of one matched expression, against ``base`` (the publication date).

    ``direction`` ("future", "past" or None) places a bare month, weekday or day of a month
    whose year is not written; None (no tense cue) leaves it unresolved unless it is the
    publication's own month or day. Without ``base`` only dates that carry their year resolve.
    """
    g = {k: (_low(v) if isinstance(v, str) else v) for k, v in m.groupdict().items()}
    if kind in ("month_day_year", "day_month_year"):
        d = _safe_date(int(g["year"]), MONTHS[g["month"]], int(g["day"]))
        return (iso(d, "day"), "day") if d else None
    if kind == "month_year":
        return f"{int(g['year']):04d}-{MONTHS[g['month']]:02d}", "month"
    if kind == "year":
        return g["year"], "year"
    if base is None:
        return None
    if kind == "month_day":
        return _month_day(MONTHS[g["month"]], int(g["day"]), base, direction)
    if kind == "ago":
        n = int(g["num"]) if g["num"].isdigit() else NUMBERS[g["num"]]
        unit = g["unit"]
        if unit == "day":
            return iso(base - timedelta(days=n), "day"), "day"
        if unit == "week":
            return iso(base - timedelta(weeks=n), "day"), "week"
        if unit == "month":
            return iso(_add_months(base, -n), "month"), "month"
        years = n * (10 if unit == "decade" else 1)
        return f"{base.year - years:04d}", "year"
    if kind == "relative_unit":
        step = {"last": -1, "past": -1, "next": 1}.get(g["rel"], 0)
        unit = g["unit"]
        if unit == "week":
            monday = base - timedelta(days=base.weekday()) + timedelta(weeks=step)
            return iso(monday, "day"), "week"
        if unit == "month":
            return iso(_add_months(base, step), "month"), "month"
        return f"{base.year + step:04d}", "year"
    if kind == "deictic":
        delta = {"yesterday": -1, "today": 0, "tomorrow": 1}[g["word"]]
        return iso(base + timedelta(days=delta), "day"), "day"
    if kind == "weekday":
        target = WEEKDAYS[g["weekday"]]
        rel = g["rel"]
        direction = {"next": "future", "last": "past"}.get(rel or "", direction)
        if direction == "future":
            ahead = (target - base.weekday()) % 7 or 7
            return iso(base + timedelta(days=ahead), "day"), "day"
        back = (base.weekday() - target) % 7
        if direction == "past":
            if rel == "last" and back == 0:
                back = 7
            return iso(base - timedelta(days=back), "day"), "day"
        # No tense: only the publication's own weekday is certain.
        return (iso(base, "day"), "day") if back == 0 else None
    if kind == "bare_month":
        month = MONTHS[g["month"]]
        prep = g["prep"].strip()
        direction = {"next": "future", "last": "past", "since": "past", "since early": "past", "since late": "past"}.get(prep, direction)
        year = base.year
        if prep == "last" and month == base.month:
            year -= 1
        elif prep == "next" and month == base.month:
            year += 1
        elif month == base.month:
            pass
        elif direction == "future":
            year += month < base.month
        elif direction == "past":
            year -= month > base.month
        else:
            # "It ends in November" in a September article: this November or last? Unsaid.
            return None
        return f"{year:04d}-{month:02d}", "month"
    return None


def _month_day(month: int, day: int, base: date, direction: str | None) -> tuple[str, str] | None:
    """A day of a month with no year: the next one, the last one, or (no tense) one within a month."""
    options = [d for y in (base.year - 1, base.year, base.year + 1) if (d := _safe_date(y, month, day))]
    if direction == "future":
        # The publication date may be a day late (time zones): tolerate one day.
        ahead = [d for d in options if d >= base - timedelta(days=1)]
        d = min(ahead) if ahead else None
    elif direction == "past":
        back = [d for d in options if d <= base + timedelta(days=1)]
        d = max(back) if back else None
    else:
        near = [d for d in options if abs((d - base).days) <= 31]
        d = near[0] if near else None
    return (iso(d, "day"), "day") if d else None


# The patterns without IGNORECASE, run on the lowered text: the same matches at half the cost. Only where
# lowering keeps every offset and no character matches an ASCII letter's other case under IGNORECASE
# alone ("ſ" is "s", the Kelvin sign "k", dotless "ı" and dotted "İ" are "i").
_PATTERNS_LOWER = [(kind, re.compile(p.pattern, p.flags & ~re.I)) for kind, p in PATTERNS]
_CASE_ODD = frozenset("ſKıİ")


def _haystack(text: str) -> tuple[str, list[tuple[str, re.Pattern[str]]]]:
    """The text the patterns run on, and the patterns: the lowered text and the patterns without IGNORECASE where that finds the same."""
    lowered = text.lower()
    if len(lowered) == len(text) and _CASE_ODD.isdisjoint(text):
        return lowered, _PATTERNS_LOWER
    return text, PATTERNS


def find_dates(text: str, base: date | None, start: int = 0, end: int | None = None, *, fold: bool = True) -> list[DateMention]:
    """Date expressions in ``text[start:end]``, resolved against ``base``, in text order.

    Without ``base`` (no publication date known to the day) only dates that carry
    their year are found ("July 4, 2015", "January 2021", "in 2008"). ``fold=False`` runs the
    case-insensitive patterns on the text itself (what the lowered text must find the same).
    """
    end = len(text) if end is None else end
    haystack, patterns = _haystack(text) if fold else (text, PATTERNS)
    # Spans already claimed, sorted and disjoint: a bisect finds the one a match could overlap.
    taken: list[tuple[int, int]] = []
    out: list[DateMention] = []
    for kind, pattern in patterns:
        for m in pattern.finditer(haystack, start, end):
            s, e = m.span()
            i = bisect_left(taken, (e,))
            if i and taken[i - 1][1] > s:
                continue
            if kind == "bare_month" and _low(m.group("month")) == "may" and _low(m.group("prep")) not in ("in", "since", "until", "last", "next"):
                continue
            direction = tense(text, s, e, start, end) if kind in ("month_day", "weekday", "bare_month") else None
            try:
                res = resolve(kind, m, base, direction)
            except (OverflowError, ValueError):
                res = None  # a date beyond the calendar from an absurd base ("next Jan. 29" of 0001-01-01): none
            if res is None:
                continue
            if kind == "weekday" and _low(m.group("rel") or "") == "on":
                # "on Sunday": the expression is the weekday; the preposition only confirms it.
                s = m.start("weekday")
            expr = text[s:e]  # as written, not as lowered
            insort(taken, (m.start(), e))
            out.append(DateMention(s, e, expr, *res))
    return sorted(out, key=lambda d: d.start)


# A dateline opens a line: the date alone, or after a place in capitals ("WASHINGTON,",
# "NEW YORK (AP) —") or "Published", optionally with its weekday. A date inside a
# sentence ("In his book published January 3, 2002") is not one.
_DATELINE_PLACE = r"[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?(?: ?\([A-Za-z. ]{1,20}\))?"
DATELINE = re.compile(
    rf"(?:^|\n)[ \t]*(?:{_DATELINE_PLACE}\s*[,—–-]+\s*|(?i:(?:first )?(?:published|posted)(?: on)?:?)\s*)?"
    r"(?i:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    rf"(?i:{_MONTH})\s+(?P<day>\d{{1,2}}),?\s+(?P<year>(?:19|20)\d\d)\b"
)


def find_dateline(text: str, start: int = 0) -> str | None:
    """The full date of a dateline near the start of the article (``WASHINGTON, Sept. 12, 2016 —``)."""
    m = DATELINE.search(text[start : start + 600])
    if not m:
        return None
    d = _safe_date(int(m.group("year")), MONTHS[_low(m.group("month"))], int(m.group("day")))
    return d.isoformat() if d else None


def to_date(value: str | None) -> date | None:
    """The first day of an ISO value of any granularity."""
    if not value:
        return None
    parts = [int(p) for p in value.split("-")]
    while len(parts) < 3:
        parts.append(1)
    return _safe_date(*parts[:3])


def publication_date(doc: Document, art: Article) -> tuple[str | None, str | None, str | None]:
    """(ISO date, granularity, where it came from), from evidence only: the page's metadata or
    URL (``doc.published_source``; a date given alongside the text is metadata), else a dateline,
    else the capture date, marked "capture": the day the page was crawled, not when it was written.
    """
    value = doc.published or art.published
    parsed = parse_date(value)
    if parsed:
        source = doc.published_source if doc.published and doc.published_source in SOURCES else "metadata"
        return parsed[0], parsed[1], source
    line = find_dateline(art.text, art.body[0])
    if line:
        return line, "day", "dateline"
    parsed = parse_date(doc.fetched)
    if parsed:
        return parsed[0], parsed[1], "capture"
    return None, None, None


def date_article(doc: Document, art: Article) -> Article:
    """``art`` with its ``dating``: the publication date from evidence (``publication_date``) and the dates of its
    body resolved against it, each with the quote whose sentence holds it ("..., he said on Sunday.")."""
    published, granularity, source = publication_date(doc, art)
    # A capture date only bounds publication from above: it dates no "on Sunday". Relative expressions need the
    # day of publication; dates with their year are found without it.
    base = to_date(published) if granularity == "day" and source != "capture" else None
    extents: list[tuple[int, int, int]] = []
    for k, q in enumerate(art.quotes):
        spans = [*q.contents, *q.sources, *([q.cue] if q.cue else [])]
        if spans:
            last = max(s.end for s in spans)
            stop = min((i for i in (art.text.find(". ", last), art.text.find("\n", last)) if i >= 0), default=len(art.text))
            extents.append((min(s.start for s in spans), stop, k))
    mentions = [
        replace(d, quotes=tuple(k for s, e, k in extents if s <= d.start and d.end <= e))
        for d in find_dates(art.text, base, art.body[0], art.body[1])
    ]
    return replace(art, dating=Dating(published, granularity, source, mentions))
