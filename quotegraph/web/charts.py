"""Charts as inline SVG, drawn on the server: bars over months, a share bar, a role timeline.

Every label is escaped; shapes carry classes (the style sheet colours them) and a ``<title>``
each, which browsers show on hover. No script, no style attributes (the pages' CSP forbids them).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from markupsafe import Markup, escape

_MONTH = re.compile(r"^(\d{4})-(\d{2})")


def month_index(value: str | None, end: bool = False) -> int | None:
    """Months since year 0 of an ISO date (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; a bare year is its
    January, or its December when ``end``), None when it is not a date."""
    if not value:
        return None
    m = _MONTH.match(value)
    if m:
        month = int(m.group(2))
        return int(m.group(1)) * 12 + month - 1 if 1 <= month <= 12 else None
    if re.fullmatch(r"\d{4}", value):
        return int(value) * 12 + (11 if end else 0)
    return None


def month_name(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def fill_months(counts: Iterable[tuple[str | None, int]]) -> tuple[list[tuple[str, int]], int]:
    """Counts per ``YYYY-MM`` with the months between the first and the last filled in with 0,
    and the count that has no month (undated, or dated to a year only)."""
    by: dict[int, int] = {}
    other = 0
    for key, n in counts:
        i = month_index(key) if key and _MONTH.match(key) else None
        if i is None:
            other += n
        else:
            by[i] = by.get(i, 0) + n
    if not by:
        return [], other
    lo, hi = min(by), max(by)
    if hi - lo > 1200:  # a stray date far away would make thousands of empty bars: keep the months seen
        return [(month_name(i), by[i]) for i in sorted(by)], other
    return [(month_name(i), by.get(i, 0)) for i in range(lo, hi + 1)], other


def _svg(width: int, height: int, label: str, body: Sequence[str], css: str) -> Markup:
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart {escape(css)}" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="{escape(label)}"><title>{escape(label)}</title>'
    )
    return Markup(head + "".join(body) + "</svg>")


def month_bars(counts: Sequence[tuple[str, int]], label: str, unit: str = "statements", width: int = 720, height: int = 200) -> Markup:
    """A bar per month (``counts`` from ``fill_months``), the y axis from 0 to the largest count."""
    left, right, top, bottom = 40, 10, 10, 40
    plot_w, plot_h = width - left - right, height - top - bottom
    peak = max((n for _, n in counts), default=0) or 1
    step = plot_w / max(1, len(counts))
    gap = min(2.0, step * 0.2)
    body = [
        f'<line class="axis" x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}"/>',
        f'<line class="axis" x1="{left}" y1="{top}" x2="{left}" y2="{top + plot_h}"/>',
        f'<text class="tick" x="{left - 4}" y="{top + 4}" text-anchor="end">{peak}</text>',
        f'<text class="tick" x="{left - 4}" y="{top + plot_h}" text-anchor="end">0</text>',
    ]
    every = max(1, -(-len(counts) // 8))  # at most about 8 month labels
    bar_w = max(1.0, min(step - gap, 48.0))  # a few months do not make a wall of colour
    for k, (month, n) in enumerate(counts):
        h = plot_h * n / peak
        x = left + k * step + (step - bar_w) / 2
        tip = escape(f"{month}: {n:,} {unit}")
        body.append(f'<rect class="bar" x="{x:.1f}" y="{top + plot_h - h:.1f}" width="{bar_w:.1f}" height="{h:.1f}"><title>{tip}</title></rect>')
        if k % every == 0:
            body.append(f'<text class="tick" x="{x + bar_w / 2:.1f}" y="{top + plot_h + 16}" text-anchor="middle">{escape(month)}</text>')
    return _svg(width, height, label, body, "bars")


def share_bar(parts: Sequence[tuple[str, int, str]], label: str, width: int = 720, height: int = 56) -> Markup:
    """One horizontal bar split by ``parts`` (label, count, CSS class), with a legend of counts and percentages."""
    total = sum(n for _, n, _ in parts) or 1
    body, x = [], 0.0
    for name, n, css in parts:
        w = width * n / total
        tip = escape(f"{name}: {n:,} ({100 * n / total:.1f}%)")
        body.append(f'<rect class="{escape(css)}" x="{x:.1f}" y="0" width="{w:.1f}" height="24"><title>{tip}</title></rect>')
        x += w
    lx = 0
    for name, n, css in parts:
        text = f"{name} {100 * n / total:.0f}%"
        body.append(f'<rect class="{escape(css)}" x="{lx}" y="36" width="12" height="12"/>')
        body.append(f'<text class="legend" x="{lx + 16}" y="46">{escape(text)}</text>')
        lx += 24 + 7 * len(text)
    return _svg(width, height, label, body, "share")


def day_index(value: str | None, end: bool = False) -> int | None:
    """Days since year 1 of an ISO date; a month or a year is its first day, or its last when ``end``."""
    if not value:
        return None
    m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if not m:
        return None
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    try:
        if d:
            return date(y, int(mo), int(d)).toordinal()
        if mo:
            first = date(y, int(mo), 1)
            return (date(y + (first.month == 12), first.month % 12 + 1, 1).toordinal() - 1) if end else first.toordinal()
        return date(y, 12, 31).toordinal() if end else date(y, 1, 1).toordinal()
    except ValueError:
        return None


MIN_TIMELINE_DAYS = 90  # a timeline spans at least this, so that one day is a short bar, not the whole width
_LABEL_PX = 6.6  # width of a character of the legend, about


def role_timeline(roles: Sequence[dict[str, Any]], label: str, width: int = 720) -> Markup | None:
    """A row per role from its first to its last mention (day resolution), over at least
    ``MIN_TIMELINE_DAYS`` so that roles seen on one day are short bars where they fall; labels get
    the room they need (up to half the width, longer ones cut with an ellipsis). None when no role
    is dated."""
    rows = []
    for r in roles:
        a, b = day_index(r.get("first_seen")), day_index(r.get("last_seen") or r.get("first_seen"), end=True)
        if a is not None and b is not None:
            rows.append((str(r["role"]), a, max(a, b), r))
    if not rows:
        return None
    lo, hi = min(a for _, a, _, _ in rows), max(b for _, _, b, _ in rows) + 1
    if hi - lo < MIN_TIMELINE_DAYS:
        pad = MIN_TIMELINE_DAYS - (hi - lo)
        lo, hi = lo - pad // 2, hi + pad - pad // 2
    fits = int((width / 2 - 12) / _LABEL_PX)
    longest = max(len(role) for role, _, _, _ in rows)
    left = int(min(width / 2, 12 + _LABEL_PX * longest))
    right, row_h = 10, 22
    plot_w = width - left - right
    span = hi - lo
    height = row_h * len(rows) + 24
    body = []
    for k, (role, a, b, r) in enumerate(rows):
        y = k * row_h
        x0 = left + plot_w * (a - lo) / span
        w = max(4.0, plot_w * (b + 1 - a) / span)
        name = role if len(role) <= fits else role[: fits - 1] + "…"
        tip = escape(f"{role}: {r.get('first_seen') or '?'} to {r.get('last_seen') or '?'}, {r.get('mentions', 0)} mentions")
        body.append(f'<text class="legend" x="{left - 6}" y="{y + 15}" text-anchor="end">{escape(name)}<title>{tip}</title></text>')
        body.append(f'<rect class="role" x="{x0:.1f}" y="{y + 4}" width="{w:.1f}" height="{row_h - 8}"><title>{tip}</title></rect>')
    axis_y = row_h * len(rows) + 16
    body.append(f'<text class="tick" x="{left}" y="{axis_y}">{escape(date.fromordinal(lo).isoformat())}</text>')
    body.append(f'<text class="tick" x="{left + plot_w}" y="{axis_y}" text-anchor="end">{escape(date.fromordinal(hi - 1).isoformat())}</text>')
    return _svg(width, height, label, body, "timeline")
