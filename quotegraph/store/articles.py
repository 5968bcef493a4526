"""Writing one extracted, prepared article into the store: article row, speakers, statements, occurrences, dates.
The store writes what it is given (``ingest.prepare``): the article's ``dating`` says when it was published and
which dates it mentions; each speaker's ``forms``, how its name and role compare with the speakers known.

``add_article`` runs inside the caller's transaction, so an article is stored whole or not at all.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Article, Dating, Document, Quote, Span
from .db import Store, now
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
    """Store one article; None when it is already there (same URL or same normalised text)."""
    return ArticleWriter(store).add(doc, art)


def _span(s: Span) -> dict[str, object]:
    return {"start": s.start, "end": s.end, "text": s.text}  # asdict(s), without its deep copy


class ArticleWriter:
    """Writes articles inside one transaction of the caller's, with one statement index and one speaker
    registry for all of them (what the index reads stays in memory for the next article). A new writer
    for each transaction: what it keeps holds only while nothing it wrote is rolled back."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.statements = StatementIndex(store.conn)
        self.speakers = SpeakerRegistry(store.conn)

    def prefetch(self, articles: Iterable[Article]) -> None:
        """Read at once what the statements of these articles' quotes will be compared with."""
        self.statements.prefetch(wording(q) for art in articles for q in art.quotes)

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
        speakers, statements = self.speakers, self.statements
        new = 0
        occurrence_ids: list[int] = []
        for pos, q in enumerate(art.quotes):
            link, identity = None, None
            sp = q.speaker
            if sp is not None and sp.name.strip():
                link = speakers.link(sp, seen, aid)
                identity = speakers.identity(sp, link, aid)
            text = wording(q)
            match = statements.add(text, q.kind, link.speaker_id if link else None, seen, identity)
            new += match.match == "first"
            cur = conn.execute(
                "INSERT INTO occurrences (statement_id, article_id, position, kind, speaker_id, speaker_name, speaker_role, "
                "speaker_type, speaker_evidence, speaker_gender, speaker_gender_evidence, link_rule, link_evidence, cue, sources, "
                "contents, wording, match, drift, confidence) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
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
                ),
            )
            assert cur.lastrowid is not None
            occurrence_ids.append(cur.lastrowid)
        _add_dates(store, aid, dating, occurrence_ids)
        return Added(aid, new, len(art.quotes))


def _add_dates(store: Store, aid: int, dating: Dating, occurrence_ids: list[int]) -> None:
    rows = [
        (aid, occurrence_ids[d.quote] if d.quote is not None else None, d.start, d.end, d.expression, d.value, d.granularity)
        for d in dating.mentions
    ]
    store.conn.executemany(
        "INSERT INTO date_mentions (article_id, occurrence_id, start, end, expression, value, granularity) VALUES (?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
