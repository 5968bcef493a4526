"""Dates: publication dates from metadata or a dateline, and relative expressions in the text
("on Sunday", "four years ago", "in January 2021") resolved against the publication date.

Each resolved date keeps its granularity (day, week, month, year) and is written
as an ISO string of that precision: ``2016-09-11``, ``2016-09``, ``2016``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

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
# Words before a weekday or a bare month that point to the future.
FUTURE = re.compile(r"\b(will|would|shall|plans? to|is to|are to|scheduled|expected to|next|upcoming|due to)\b[^.!?]{0,60}$", re.I)

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


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    expression: str
    value: str
    granularity: str


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


def resolve(kind: str, m: re.Match[str], base: date, before: str = "") -> tuple[str, str] | None:
    """(ISO value, granularity) of one matched expression, against ``base`` (the publication date)."""
    g = {k: (v.lower() if isinstance(v, str) else v) for k, v in m.groupdict().items()}
    future = bool(FUTURE.search(before))
    if kind in ("month_day_year", "day_month_year"):
        d = _safe_date(int(g["year"]), MONTHS[g["month"]], int(g["day"]))
        return (iso(d, "day"), "day") if d else None
    if kind == "month_year":
        return f"{int(g['year']):04d}-{MONTHS[g['month']]:02d}", "month"
    if kind == "month_day":
        month, day = MONTHS[g["month"]], int(g["day"])
        d = _safe_date(base.year, month, day)
        if d is None:
            return None
        # A date without its year is the nearest one in the direction the text points.
        if not future and d > base + timedelta(days=31):
            d = _safe_date(base.year - 1, month, day) or d
        elif future and d < base - timedelta(days=31):
            d = _safe_date(base.year + 1, month, day) or d
        return iso(d, "day"), "day"
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
        if rel == "next" or (rel != "last" and future):
            ahead = (target - base.weekday()) % 7 or 7
            return iso(base + timedelta(days=ahead), "day"), "day"
        back = (base.weekday() - target) % 7
        if rel == "last" and back == 0:
            back = 7
        return iso(base - timedelta(days=back), "day"), "day"
    if kind == "bare_month":
        month = MONTHS[g["month"]]
        prep = g["prep"]
        year = base.year
        if prep == "next" or (prep != "last" and future):
            if month <= base.month:
                year += 1
        elif month > base.month or (prep == "last" and month == base.month):
            year -= 1
        return f"{year:04d}-{month:02d}", "month"
    if kind == "year":
        return g["year"], "year"
    return None


def find_dates(text: str, base: date, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Date expressions in ``text[start:end]``, resolved against ``base``, in text order."""
    end = len(text) if end is None else end
    taken: list[tuple[int, int]] = []
    out: list[DateMention] = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text, start, end):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            if kind == "bare_month" and m.group("month").lower() == "may" and m.group("prep").lower() not in ("in", "since", "until", "last", "next"):
                continue
            sent_start = max(text.rfind(".", 0, s), text.rfind("\n", 0, s), start - 1) + 1
            res = resolve(kind, m, base, text[sent_start:s])
            if res is None:
                continue
            expr = m.group(0)
            if kind == "weekday" and (m.group("rel") or "").lower() == "on":
                # "on Sunday": the expression is the weekday; the preposition only confirms it.
                s += len(expr) - len(m.group("weekday"))
                expr = m.group("weekday")
            taken.append((m.start(), e))
            out.append(DateMention(s, e, expr, *res))
    return sorted(out, key=lambda d: d.start)


_ISO = re.compile(r"^(?P<y>\d{4})(?:-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?)?(?:[T ].*)?$")


@lru_cache(maxsize=4096)
def parse_date(value: str | None) -> tuple[str, str] | None:
    """(ISO value, granularity) of a date as metadata or a user writes it; None if it is not a date."""
    if not value or not value.strip():
        return None
    value = value.strip()
    m = _ISO.match(value)
    if m:
        y, mo, d = m.group("y"), m.group("m"), m.group("d")
        if d:
            dd = _safe_date(int(y), int(mo), int(d))
            return (dd.isoformat(), "day") if dd else None
        if mo:
            return (f"{y}-{int(mo):02d}", "month") if 1 <= int(mo) <= 12 else None
        return y, "year"
    import dateparser

    parsed = dateparser.parse(value, languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False})
    if parsed is None:
        return None
    return parsed.date().isoformat(), "day"


DATELINE = re.compile(
    rf"(?:^|\n)[^\n]{{0,60}}?\b{_MONTH}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>(?:19|20)\d\d)\b",
    re.I,
)


def find_dateline(text: str, start: int = 0) -> str | None:
    """The full date of a dateline near the start of the article (``WASHINGTON, Sept. 12, 2016 —``)."""
    m = DATELINE.search(text[start : start + 600])
    if not m:
        return None
    d = _safe_date(int(m.group("year")), MONTHS[m.group("month").lower()], int(m.group("day")))
    return d.isoformat() if d else None


def to_date(value: str | None) -> date | None:
    """The first day of an ISO value of any granularity."""
    if not value:
        return None
    parts = [int(p) for p in value.split("-")]
    while len(parts) < 3:
        parts.append(1)
    return _safe_date(*parts[:3])
