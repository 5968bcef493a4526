"""Publication dates read from input file names, by a strptime-like pattern (``%Y-%m-%d``).

A corpus of plain text often carries its dates only in its file names (``2016-02-16_title.txt``,
``20160216-story.txt``, ``2016/02/16/story.txt``). The pattern says how the date is written;
it is looked for anywhere in the file's name (or, when it has a ``/``, in the path's last parts),
not inside a longer run of digits. A name it does not find, or finds as no real date
(``2016-02-30``), gives no date. Year, month or day: the date keeps the pattern's granularity.
"""

from __future__ import annotations

import re
from datetime import date

from ..errors import NamePatternError

MONTHS = {
    name: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for name in names
}
_MONTH_NAME = "|".join(sorted(MONTHS, key=len, reverse=True))
# Each directive: the group it fills and what it matches (%b and %B both take a full or short month name).
DIRECTIVES = {
    "Y": ("year", r"\d{4}"),
    "y": ("year2", r"\d{2}"),
    "m": ("month", r"\d\d?"),
    "d": ("day", r"\d\d?"),
    "b": ("month_name", _MONTH_NAME),
    "B": ("month_name", _MONTH_NAME),
}
_PART = {"year": "year", "year2": "year", "month": "month", "month_name": "month", "day": "day"}
EXAMPLES = "%Y-%m-%d (2016-02-16_title.txt), %Y%m%d (20160216.txt), %d.%m.%Y, %Y/%m/%d (2016/02/16/story.txt), %Y-%m (a month)"
_LOCATION = re.compile(r"^(?P<file>.+?)(?:@\d+|:\d+)$")  # a WARC page (FILE@OFFSET), a JSONL line (FILE:LINE)


class NameDate:
    """The date a pattern finds in an input's name: ``NameDate("%Y-%m-%d")("news/2016-02-16_a.txt")``
    is ``"2016-02-16"``; ``None`` where the name has none."""

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self._regex, self._groups = _compile(pattern)
        self._in_path = "/" in pattern

    def __call__(self, location: str) -> str | None:
        """The ISO date (day, month or year) in the name of the file ``location`` was read from."""
        name = file_of(location).replace("\\", "/")
        if not self._in_path:
            name = name.rsplit("/", 1)[-1]
        for m in self._regex.finditer(name):
            found = _date(m)
            if found:
                return found
        return None


def file_of(location: str) -> str:
    """The input file of a record's location (``crawl.warc@1234`` → ``crawl.warc``, ``d.jsonl:7`` → ``d.jsonl``)."""
    m = _LOCATION.match(location)
    return m["file"] if m else location


def _compile(pattern: str) -> tuple[re.Pattern[str], set[str]]:
    parts: list[str] = []
    groups: set[str] = set()
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c != "%":
            parts.append(re.escape(c))
            i += 1
            continue
        d = pattern[i + 1 : i + 2]
        if d == "%":
            parts.append("%")
        elif d in DIRECTIVES:
            group, rx = DIRECTIVES[d]
            if _PART[group] in {_PART[g] for g in groups}:
                raise NamePatternError(f"{pattern!r}: the {_PART[group]} is given twice; write each part of the date once")
            groups.add(group)
            parts.append(f"(?P<{group}>{rx})")
        else:
            shown = f"%{d}" if d else "a lone %"
            raise NamePatternError(f"{pattern!r}: {shown} is not a date part; use %Y, %y, %m, %b, %B, %d (and %% for %), e.g. {EXAMPLES}")
        i += 2
    if not groups & {"year", "year2"}:
        raise NamePatternError(f"{pattern!r} has no year (%Y or %y); e.g. {EXAMPLES}")
    if "day" in groups and not groups & {"month", "month_name"}:
        raise NamePatternError(f"{pattern!r} has a day (%d) but no month (%m, %b or %B); e.g. {EXAMPLES}")
    # Not inside a longer number: "%Y%m%d" does not read 8 digits out of an id's 12.
    rx = "".join(parts)
    return re.compile(rf"(?<!\d){rx}(?!\d)", re.IGNORECASE), groups


def _date(m: re.Match[str]) -> str | None:
    from .pubdate import MIN_YEAR

    g = m.groupdict()
    year = int(g["year"]) if g.get("year") else None
    if year is None:
        short = int(g["year2"])
        year = 1900 + short if short >= 69 else 2000 + short  # strptime's rule for %y
    if not MIN_YEAR <= year <= date.today().year + 1:
        return None
    month = int(g["month"]) if g.get("month") else MONTHS[g["month_name"].lower()] if g.get("month_name") else None
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if not g.get("day"):
        return f"{year:04d}-{month:02d}"
    try:
        return date(year, month, int(g["day"])).isoformat()
    except ValueError:
        return None
