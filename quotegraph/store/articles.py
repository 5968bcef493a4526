"""Writing one extracted, prepared article into the store: article row, speakers, statements, occurrences, dates.
The store writes what it is given (``ingest.prepare``): the article's ``dating`` says when it was published and
which dates it mentions; each speaker's ``forms``, how its name and role compare with the speakers known.

``add_article`` runs inside the caller's transaction, so an article is stored whole or not at all.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..model import Article, Document, Quote, Span
from .db import Store, next_rowid, now
from .speakers import SpeakerRegistry
from .statements import StatementIndex


@dataclass
class Added:
    article_id: int
    statements_new: int
    occurrences: int


def wording(q: Quote) -> str:
    return " … ".join(c.text for c in q.contents)


def add_article(store: Store, doc: Document, art: Article) -> Added | None:
    """Store one prepared article, inside the caller's transaction; None when it is already there (same URL or same
    normalised text)."""
    writer = ArticleWriter(store)
    added = writer.add(doc, art)
    writer.flush()
    return added


def _span(s: Span) -> dict[str, object]:
    return {"start": s.start, "end": s.end, "text": s.text}  # asdict(s), without its deep copy


_OCCURRENCE_COLUMNS = (
    "id, statement_id, article_id, position, kind, speaker_id, speaker_name, speaker_role, speaker_type, speaker_evidence, "
    "speaker_gender, speaker_gender_evidence, link_rule, link_evidence, cue, sources, contents, wording, match, drift, confidence"
)


class ArticleWriter:
    """Writes articles inside one transaction of the caller's, with one statement index and one speaker
    registry for all of them (what they read stays in memory for the next article). An article's row is
    written when it is added; its quotes (statements, speakers, occurrences, dates) are held and written
    together by ``flush``, which the caller runs before it commits. A new writer for each transaction:
    what it keeps holds only while nothing it wrote is rolled back."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.statements = StatementIndex(store.conn)
        self.speakers = SpeakerRegistry(store.conn)
        self._occurrences: list[tuple[Any, ...]] = []  # rows of occurrences, in order
        self._dates: list[tuple[Any, ...]] = []  # rows of date_mentions
        self._next_occurrence: int | None = None

    def prefetch(self, articles: Iterable[Article]) -> None:
        """Read at once what the quotes of these (prepared) articles will be compared with."""
        quotes = [q for art in articles for q in art.quotes]
        self.statements.prefetch(wording(q) for q in quotes)
        self.speakers.prefetch(q.speaker for q in quotes if q.speaker is not None and q.speaker.name.strip())

    def add(self, doc: Document, art: Article) -> Added | None:
        """Store one prepared article (``ingest.prepare.prepare``); None when it is already there (same URL or same normalised text)."""
        if art.dating is None or any(q.speaker is not None and q.speaker.forms is None for q in art.quotes):
            raise ValueError(f"{art.doc}: an article is prepared (dated, its speakers' names in the forms they are compared in) "
                             "before it is stored: quotegraph.ingest.prepare.prepare")
        store = self.store
        conn = store.conn
        key = doc.text_key
        if store.has_url(doc.url) or store.has_text(key):
            return None
        dating = art.dating
        published, granularity, source = dating.published, dating.granularity, dating.source
        # A capture date only bounds publication from above: it dates no speaker, statement or "on Sunday".
        seen = published if source != "capture" else None
        cur = conn.execute(
            "INSERT INTO articles (url, text_key, doc, title, outlet_id, published, published_granularity, published_source, "
            "author, fetched, location, text, body_start, body_end, boilerplate, ingested_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                doc.url,
                key,
                art.doc,
                doc.title,
                store.outlet_id(doc.outlet),
                published,
                granularity,
                source,
                doc.author,
                doc.fetched,
                doc.location,
                art.text,
                art.body[0],
                art.body[1],
                json.dumps([list(b) for b in art.boilerplate]),
                now(),
            ),
        )
        aid = cur.lastrowid
        assert aid is not None
        if self._next_occurrence is None:
            self._next_occurrence = next_rowid(conn, "occurrences")
        speakers, statements = self.speakers, self.statements
        new = 0
        first = self._next_occurrence
        for pos, q in enumerate(art.quotes):
            link, identity = None, None
            sp = q.speaker
            if sp is not None and sp.name.strip():
                link = speakers.link(sp, seen, aid)
                identity = speakers.identity(sp, link, aid)
            text = wording(q)
            match = statements.add(text, q.kind, link.speaker_id if link else None, seen, identity)
            new += match.match == "first"
            self._occurrences.append(
                (
                    first + pos,
                    match.statement_id,
                    aid,
                    pos,
                    q.kind,
                    link.speaker_id if link else None,
                    sp.name if sp else None,
                    sp.role if sp else None,
                    sp.type if sp else None,
                    sp.evidence if sp else None,
                    sp.gender if sp else None,
                    sp.gender_evidence if sp else None,
                    link.rule if link else None,
                    link.evidence if link else None,
                    json.dumps(_span(q.cue), ensure_ascii=False) if q.cue else None,
                    json.dumps([_span(s) for s in q.sources], ensure_ascii=False),
                    json.dumps([_span(s) for s in q.contents], ensure_ascii=False),
                    text,
                    match.match,
                    int(match.drift),
                    q.confidence,
                )
            )
        self._next_occurrence = first + len(art.quotes)
        self._dates.extend(
            (aid, first + d.quote if d.quote is not None else None, d.start, d.end, d.expression, d.value, d.granularity) for d in dating.mentions
        )
        return Added(aid, new, len(art.quotes))

    def flush(self) -> None:
        """Write the quotes held: speakers, statements, occurrences and dates, and the search index's change log
        (one number for them all, the row-at-a-time triggers paused meanwhile)."""
        conn = self.store.conn
        if not self._occurrences and not self._dates:
            return  # nothing held (an article with no quote holds neither: its row is written already)
        if not conn.in_transaction:
            # Paused outside a transaction, the triggers would stay paused for every other writer after a crash.
            raise ValueError("ArticleWriter.flush runs inside the caller's transaction (Store.transaction())")
        conn.execute("UPDATE search_seq SET paused = 1")
        self.speakers.flush()
        self.statements.flush()
        marks = ", ".join("?" * len(_OCCURRENCE_COLUMNS.split(",")))
        conn.executemany(f"INSERT INTO occurrences ({_OCCURRENCE_COLUMNS}) VALUES ({marks})", self._occurrences)
        conn.executemany(
            "INSERT INTO date_mentions (article_id, occurrence_id, start, end, expression, value, granularity) VALUES (?, ?, ?, ?, ?, ?, ?)",
            self._dates,
        )
        changed = sorted({row[1] for row in self._occurrences})  # every statement written has an occurrence here
        conn.execute("UPDATE search_seq SET n = n + 1, paused = 0")
        conn.executemany("INSERT OR REPLACE INTO search_changes (statement_id, seq) SELECT ?, n FROM search_seq", [(i,) for i in changed])
        self._occurrences, self._dates, self._next_occurrence = [], [], None
