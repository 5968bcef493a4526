"""Typed records passed between the stages. Offsets are Python string indices into
the original text (end exclusive); records never hold copies that drift from it."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any, Literal

from . import errors

Kind = Literal["direct", "indirect", "mixed"]
KINDS: tuple[Kind, ...] = ("direct", "indirect", "mixed")
# Quotes less confident than this are left out by ``extract`` and ``ingest`` unless asked
# (--min-confidence). Confidence is calibrated on PolNeAR dev (attribution/calibration.py): this
# leaves out 29 of its 2,177 predicted quotes, 15 of them wrong (most of the others are what
# attribution/statements.py doubts: "is expected", "no one knows", which PolNeAR counts and
# a reader does not take for anyone's statement), and keeps the example's source-less "was added" (0.17).
MIN_CONFIDENCE = 0.15
SpeakerType = Literal["PERSON", "ORG", "GPE", "DESCRIPTION"]
Gender = Literal["female", "male"]
GenderEvidence = Literal["pronoun", "title", "known", "first-name"]


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(start, end, text[start:end])


@dataclass(frozen=True)
class NameForms:
    """How a speaker's name and role are compared across articles, as ``speakers.names`` normalises them: ``key``
    (``TYPE:normalised name``), the first-last and surname keys of the name read as a person's (``first_last``
    None for a lone word), whether a description names an institution (``specific``: "State Department
    spokesperson"), and the content words of the role, synonyms in their canonical form, sorted."""

    key: str
    first_last: str | None = None
    surname: str | None = None
    specific: bool = False
    role_words: tuple[str, ...] = ()


@dataclass
class Speaker:
    name: str
    role: str | None
    type: SpeakerType
    # How the name was found: "named", "alias", "pronoun", "description", "unresolved".
    evidence: str = "named"
    # Where in the text the canonical name was read (the antecedent mention).
    mention: Span | None = None
    # PERSON only: "female" or "male" where the article gives evidence, and which: "pronoun" (its own
    # "he"/"she" for this person), "title" ("Mrs.", "congresswoman"), "known" (the public-figures
    # table), or "first-name" (a list of usual first names: weaker evidence).
    gender: Gender | None = None
    gender_evidence: GenderEvidence | None = None
    # How the store compares it with the speakers it knows (``speakers.names.name_forms``), once prepared for storing.
    forms: NameForms | None = None


@dataclass
class Quote:
    kind: Kind
    cue: Span | None
    sources: list[Span]
    contents: list[Span]
    speaker: Speaker | None = None
    confidence: float = 1.0

    @property
    def start(self) -> int:
        return min(s.start for s in [*self.contents, *self.sources] + ([self.cue] if self.cue else []))


@dataclass(frozen=True)
class DateMention:
    """A date expression in an article's body, resolved ("on Sunday" → 2016-09-11): its span, the value as ISO at its
    granularity (day, week, month, year), and every quote whose sentence holds it (indexes in ``Article.quotes``), so
    that it keeps a quote when some are dropped; ``quote`` is the one it is given to, the first."""

    start: int
    end: int
    expression: str
    value: str
    granularity: str
    quotes: tuple[int, ...] = ()

    @property
    def quote(self) -> int | None:
        return self.quotes[0] if self.quotes else None


@dataclass
class Dating:
    """When an article was published, from evidence only (``published`` at its ``granularity``; ``source``: the
    page's metadata or URL, a dateline, or the capture date, which only bounds it), and the dates its body
    mentions, resolved against it. Made on the extraction side (``ingest.dates.date_article``); the store
    writes it as it is."""

    published: str | None = None
    granularity: str | None = None
    source: str | None = None
    mentions: list[DateMention] = field(default_factory=list)


@dataclass
class Article:
    doc: str
    text: str
    body: tuple[int, int]
    quotes: list[Quote] = field(default_factory=list)
    published: str | None = None
    # Spans of the text set aside as site furniture (teasers, share lines, bylines).
    boilerplate: list[tuple[int, int]] = field(default_factory=list)
    # When it was published and the dates it mentions (``ingest.dates.date_article``), once it is dated for storing.
    dating: Dating | None = None

    def confident(self, min_confidence: float = MIN_CONFIDENCE) -> Article:
        """This article with only the quotes of at least ``min_confidence`` (a dated article's dates given to the
        first of their quotes that is kept)."""
        kept = [k for k, q in enumerate(self.quotes) if q.confidence >= min_confidence]
        if len(kept) == len(self.quotes):
            return replace(self, quotes=list(self.quotes))
        dating = self.dating
        if dating is not None:
            index = {k: i for i, k in enumerate(kept)}
            mentions = []
            for d in dating.mentions:
                mentions.append(replace(d, quotes=tuple(index[k] for k in d.quotes if k in index)))
            dating = replace(dating, mentions=mentions)
        return replace(self, quotes=[self.quotes[k] for k in kept], dating=dating)

    def to_json(self) -> dict[str, Any]:
        """The ``quotegraph extract --format jsonl`` record of this article."""
        return {
            "doc": self.doc,
            "body": {"start": self.body[0], "end": self.body[1]},
            "boilerplate": [{"start": s, "end": e} for s, e in self.boilerplate],
            "published": self.published,
            "quotes": [quote_json(q) for q in self.quotes],
        }


def quote_json(q: Quote) -> dict[str, Any]:
    speaker = None
    if q.speaker is not None:
        speaker = {"name": q.speaker.name, "role": q.speaker.role, "type": q.speaker.type}
        speaker["evidence"] = q.speaker.evidence
        speaker["gender"] = q.speaker.gender
        speaker["gender_evidence"] = q.speaker.gender_evidence
    return {
        "kind": q.kind,
        "cue": asdict(q.cue) if q.cue else None,
        "sources": [asdict(s) for s in q.sources],
        "contents": [asdict(s) for s in q.contents],
        "speaker": speaker,
        "confidence": round(q.confidence, 4),
    }


# A search of the statements and what it finds: one record every edge builds (CLI, API, pages, ``Store``).

MAX_TEXT = 1000  # characters of search text
MAX_FILTER = 200  # characters of a speaker, role or outlet filter
MAX_DATE = 20  # characters of a date filter
# How a search orders its statements: "relevance" is best match first (BM25) with a text and newest first without
# one; "newest" and "oldest" go by the date a statement was first seen (undated ones last either way).
SORTS = ("relevance", "newest", "oldest")


@dataclass(frozen=True)
class SearchQuery:
    """One search: ``text`` in the syntax FTS5 reads (words, "phrases", OR, AND, NOT, prefix*, parentheses; empty: the
    filters alone), the
    filters (part of a speaker's name or alias, of a role, of an outlet's name; published on or after ``since``,
    on or before ``until``; a kind of statement), the page (``limit`` statements after ``offset``) and the order
    (``sort``, one of ``SORTS``).

    Checked when made, once, whichever edge makes it: a bad value is a ``QueryError`` naming its field. A blank
    filter counts as none; dates are kept as ISO at their granularity (YYYY-MM-DD, YYYY-MM or YYYY)."""

    text: str = ""
    speaker: str | None = None
    role: str | None = None
    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    kind: str | None = None  # one of KINDS
    limit: int = 20
    offset: int = 0
    sort: str = "relevance"  # one of SORTS

    def __post_init__(self) -> None:
        def fail(name: str, template: str, **values: object) -> errors.QueryError:
            return errors.QueryError(name, template.format(**values))

        if len(self.text) > MAX_TEXT:
            raise fail("text", errors.TOO_LONG, length=len(self.text), most=MAX_TEXT)
        for name in ("speaker", "role", "outlet", "since", "until", "kind"):
            value = getattr(self, name)
            if value is not None and not value.strip():
                object.__setattr__(self, name, None)  # blank: no filter
            elif value is not None and len(value) > (MAX_DATE if name in ("since", "until") else MAX_FILTER):
                raise fail(name, errors.TOO_LONG, length=len(value), most=MAX_DATE if name in ("since", "until") else MAX_FILTER)
        if self.kind is not None and self.kind not in KINDS:
            raise fail("kind", errors.NOT_A_KIND, value=self.kind, kinds=", ".join(KINDS))
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None:
                from .ingest.pubdate import parse_date  # a user's date, as ingest --published reads it

                parsed = parse_date(value)
                if parsed is None:
                    raise fail(name, errors.NOT_A_DATE, value=value)
                object.__setattr__(self, name, parsed[0])
        if self.sort not in SORTS:
            raise fail("sort", errors.NOT_A_SORT, value=self.sort, sorts=", ".join(SORTS))
        if self.limit < 1:
            raise fail("limit", errors.TOO_SMALL, value=self.limit, least=1)
        if self.offset < 0:
            raise fail("offset", errors.TOO_SMALL, value=self.offset, least=0)

    @property
    def filtered(self) -> bool:
        """Whether any filter is given (besides the text)."""
        return any(v is not None for v in (self.speaker, self.role, self.outlet, self.since, self.until, self.kind))


@dataclass
class Hit:
    """A statement a search found, with its score (BM25 negated as FTS5 gives it: lower is better; 0.0 without a
    text or when ordered by date)."""

    statement_id: int
    text: str
    kind: str
    speaker_id: int | None
    speaker: str | None
    first_seen: str | None
    occurrences: int
    drift: bool
    score: float
    outlets: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {
            "statement": self.statement_id,
            "text": self.text,
            "kind": self.kind,
            "speaker_id": self.speaker_id,
            "speaker": self.speaker,
            "roles": self.roles,
            "first_seen": self.first_seen,
            "occurrences": self.occurrences,
            "outlets": self.outlets,
            "drift": self.drift,
            "score": round(self.score, 4),
        }


@dataclass
class Page:
    """One page of a search's hits, where each was said (``where``: a statement's first articles, by statement id)
    and whether more follow."""

    query: SearchQuery
    hits: list[Hit]
    more: bool
    where: dict[int, list[dict[str, object]]] = field(default_factory=dict)

    @property
    def next_offset(self) -> int | None:
        return self.query.offset + self.query.limit if self.more else None

    def to_json(self) -> dict[str, Any]:
        """The body of ``GET /api/statements``."""
        return {
            "statements": [{**h.to_json(), "articles": self.where.get(h.statement_id, [])} for h in self.hits],
            "limit": self.query.limit,
            "offset": self.query.offset,
            "next_offset": self.next_offset,
        }


# What ingest passes along: a ``RawRecord`` as found in an input, a ``Document`` once parsed (the readers in
# ``ingest`` make them, the store writes them).


@dataclass(kw_only=True)
class PageMeta:
    """What is known about an article besides its text (all optional, keyword-only)."""

    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    author: str | None = None
    fetched: str | None = None

    def meta(self) -> dict[str, str | None]:
        return {f.name: getattr(self, f.name) for f in fields(PageMeta)}


@dataclass
class RawRecord(PageMeta):
    """One article as found in the input, before parsing."""

    kind: str  # "text" or "html"
    location: str
    payload: str | bytes
    charset: str | None = None  # the HTTP Content-Type header's, for an HTML page from a WARC


@dataclass
class Document(PageMeta):
    """Article text and what is known about it; ``location`` says where it was read, for messages."""

    text: str
    location: str
    # Where ``published`` came from: "metadata" (also when None and a date is given) or "url".
    published_source: str | None = None
    # What reading it found worth saying ("not valid UTF-8 ... decoded as cp1252"): for the caller to report.
    warnings: list[str] = field(default_factory=list)

    @property
    def doc_id(self) -> str:
        return self.url or self.location

    @property
    def text_key(self) -> str:
        return text_key(self.text)


def normalise_text(text: str) -> str:
    """Text for duplicate detection: NFKC, quotes and dashes folded, case and whitespace ignored."""
    t = unicodedata.normalize("NFKC", text).replace("\ufeff", "")
    t = re.sub(r"[‘’‚‛′`]", "'", t)
    t = re.sub(r"[“”„‟″]", '"', t)
    t = re.sub(r"[‐‑‒–—―]", "-", t)
    return re.sub(r"\s+", " ", t).strip().casefold()


def text_key(text: str) -> str:
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()
