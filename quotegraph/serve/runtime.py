"""The search threads the API and the pages run searches on, and the rule for a publication date given with a
text to extract."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from datetime import date
from typing import TypeVar

import anyio
import anyio.to_thread
from fastapi import FastAPI

from ..errors import InputError

T = TypeVar("T")

# Searches (API and page) run at once per process, on threads of their own: more only contend for the GIL and the
# cores (measured in process, 50 concurrent searches on 2 cores: 40 threads 3.0-3.4 ms of CPU a search, 2-4 threads 2.3-2.9).
SEARCH_THREADS = 4


async def run_search(app: FastAPI, work: Callable[[], T]) -> T:
    """``work()`` on a search thread: at most ``SEARCH_THREADS`` at once in this process, the others queued in turn
    (first come, first served) without holding a thread; other endpoints keep the default thread pool to themselves."""
    loop = asyncio.get_running_loop()
    held = getattr(app.state, "search_threads", None)
    if held is None or held[0] is not loop:  # one limiter per event loop (a test client runs one per session)
        held = (loop, anyio.CapacityLimiter(SEARCH_THREADS))
        app.state.search_threads = held
    return await anyio.to_thread.run_sync(work, limiter=held[1])


PUBLISHED = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def published_date(value: str | None) -> str | None:
    """The publication date given with a text to extract, as the API and the /extract page both take it: YYYY-MM-DD,
    YYYY-MM or YYYY, a real date; None when empty; ``InputError`` for anything else."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    m = PUBLISHED.fullmatch(value)
    try:
        if m is None:
            raise ValueError
        year, month, day = int(m[1]), int(m[2] or 1), int(m[3] or 1)
        date(year, month, day)  # ValueError for month 13, 30 February
    except ValueError:
        raise InputError(f"publication date {value[:40]!r} is not a date; write it as YYYY-MM-DD (or YYYY-MM, YYYY)") from None
    return value
