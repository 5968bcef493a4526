"""A stand-in extractor for ingest tests: quotes found by a pattern, no model loaded.

``“...,” said NAME`` and ``NAME said “...”`` become direct quotes with the name as
a PERSON speaker, confidence 0.9 (0.1 when the quote has the word "unsure"); QUOTEGRAPH_FAKE_DELAY (seconds per article) slows it down for
the kill -9 test;
KILL-WORKER in a text makes a worker process (not the main one) die on it.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import time
from collections.abc import Iterable, Iterator

from quotegraph.ingest.boilerplate import find_body
from quotegraph.model import Article, Quote, Span, Speaker

NAME = r"(?P<name>[A-Z]\w*(?: [A-Z]\w*){0,3})"
AFTER = re.compile(r"(?P<content>“[^”]+”),? (?P<cue>said|says) " + NAME)
BEFORE = re.compile(NAME + r" (?P<cue>said|says),? (?P<content>“[^”]+”)")


def quotes_of(text: str, start: int, end: int) -> list[Quote]:
    out = []
    for pat in (AFTER, BEFORE):
        for m in pat.finditer(text, start, end):
            name = Span.of(text, *m.span("name"))
            out.append(
                Quote(
                    "direct",
                    Span.of(text, *m.span("cue")),
                    [name],
                    [Span.of(text, *m.span("content"))],
                    Speaker(name.text, None, "PERSON", "named", name),
                    0.1 if "unsure" in m.group("content") else 0.9,
                )
            )
    return sorted(out, key=lambda q: q.start)


def extract_many(items: Iterable[tuple[str, str, str | None]], published: str | None = None) -> Iterator[Article]:
    delay = float(os.environ.get("QUOTEGRAPH_FAKE_DELAY", "0"))
    for doc, text, *date in items:
        if "FAIL-EXTRACTION" in text:
            raise RuntimeError("this article breaks the extractor")
        if "KILL-WORKER" in text and multiprocessing.parent_process() is not None:
            os._exit(9)  # a worker process dying on this article (killed, out of memory, a crash in a native library)
        if delay:
            time.sleep(delay)
        body, aside = find_body(text)
        yield Article(doc, text, body, quotes_of(text, *body), (date[0] if date else None) or published, aside)


FAKE = "tests.store.fakes:extract_many"
