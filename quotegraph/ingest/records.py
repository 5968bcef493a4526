"""The records that ingest passes along: a ``RawRecord`` as found in an input, a ``Document`` once parsed.

They live apart from the readers (``sources``, ``warc``, ``jsonl``, ``html``) so that each reader
imports them without importing the others.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field, fields


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
