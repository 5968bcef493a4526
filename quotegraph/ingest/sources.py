"""Corpus inputs: text, HTML, WARC(.gz), JSONL files, directories and stdin, detected by content and extension.

Reading is split in two so that the costly part runs in worker processes:
``iter_records`` (cheap, in the writer process) yields ``RawRecord``s with their
location (``file``, ``file@offset``, ``file:line``), and ``to_document`` (in a
worker) turns one into a ``Document``: article text plus metadata.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import logging
import os
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError, RecordError
from .reader import DEFAULT_MAX_BYTES, decode, os_error

logger = logging.getLogger(__name__)

# Extensions read when a directory is walked; other files there are skipped.
EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".warc": "warc",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}


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


@dataclass
class Document(PageMeta):
    """Article text and what is known about it; ``location`` says where it was read, for messages."""

    text: str
    location: str
    # Where ``published`` came from: "metadata" (also when None and a date is given) or "url".
    published_source: str | None = None

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


def sniff(head: bytes, name: str) -> str:
    """Kind of input ("warc", "jsonl", "html", "text") from its first bytes and its name."""
    lower = name.lower()
    if head.startswith(b"WARC/"):
        return "warc"
    if lower.endswith((".warc", ".warc.gz", ".arc.gz")):
        return "warc"
    ext = Path(lower).suffix
    if ext in EXTENSIONS and EXTENSIONS[ext] != "text":
        return EXTENSIONS[ext]
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"{"):
        first = stripped.split(b"\n", 1)[0]
        try:
            if isinstance(json.loads(first), dict):
                return "jsonl"
        except (json.JSONDecodeError, UnicodeDecodeError):
            pass
    if stripped.startswith(b"<") and re.search(rb"<(!doctype html|html|body|head|article|p)[\s>]", stripped[:4096], re.I):
        return "html"
    return "text"


def expand(paths: Iterable[str]) -> Iterator[str]:
    """Files named, a directory standing for its readable files (recursively, sorted)."""
    for p in paths:
        if p != "-" and os.path.isdir(p):
            for f in sorted(Path(p).rglob("*")):
                if f.is_file() and (EXTENSIONS.get(f.suffix.lower()) or f.name.lower().endswith(".warc.gz")):
                    yield str(f)
        else:
            yield p


def _open(path: str, max_bytes: int) -> tuple[BinaryIO, str]:
    if path == "-":
        return sys.stdin.buffer, "stdin"
    try:
        f: BinaryIO = open(path, "rb")  # noqa: SIM115 - closed by the caller
    except OSError as e:
        raise os_error(path, e) from None
    return f, path


def _head(stream: BinaryIO) -> tuple[bytes, BinaryIO]:
    """The first bytes (gzip looked into) and a stream that still starts at the beginning."""
    buffered = stream if hasattr(stream, "peek") else io.BufferedReader(stream)  # type: ignore[arg-type, type-var]
    head = buffered.peek(8192)[:8192]  # type: ignore[attr-defined]
    if head.startswith(b"\x1f\x8b"):
        try:
            head = gzip.GzipFile(fileobj=io.BytesIO(head)).read(64)
        except (OSError, EOFError):
            head = b""
    return head, buffered


def iter_records(paths: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawRecord | RecordError]:
    """Every article record of the inputs, in order; what cannot be read comes as a ``RecordError``."""
    from .jsonl import iter_jsonl
    from .warc import iter_warc

    for path in expand(paths):
        try:
            stream, name = _open(path, max_bytes)
        except InputError as e:
            yield RecordError(path, str(e).removeprefix(f"{path}: "))
            continue
        try:
            head, stream = _head(stream)
            kind = sniff(head, name)
            if kind == "warc":
                yield from iter_warc(stream, name)
            elif kind == "jsonl":
                yield from iter_jsonl(stream, name)
            else:
                data = stream.read(max_bytes + 1)
                if len(data) > max_bytes:
                    yield RecordError(name, f"over the {max_bytes / 1e6:.0f} MB limit; raise it with --max-size (in MB)")
                    continue
                if not data.strip():
                    yield RecordError(name, "empty file")
                    continue
                yield RawRecord(kind=kind, location=name, payload=data)
        finally:
            if stream is not sys.stdin.buffer:
                stream.close()


def to_document(raw: RawRecord) -> Document:
    """Parse one raw record (HTML through trafilatura); raises ``RecordError``."""
    if raw.kind == "html":
        from .html import parse_html

        doc = parse_html(raw.payload, raw.location, url=raw.url, fetched=raw.fetched)
        # Metadata given alongside the page (JSONL fields) wins over what the page says.
        for attr in ("title", "outlet", "published", "author"):
            if getattr(raw, attr):
                setattr(doc, attr, getattr(raw, attr))
        if raw.published:
            doc.published_source = "metadata"
        return doc
    payload = raw.payload
    if isinstance(payload, bytes):
        try:
            payload, warnings = decode(payload, raw.location)
        except InputError as e:
            raise RecordError(raw.location, str(e).removeprefix(f"{raw.location}: ")) from None
        for w in warnings:
            logger.warning("%s", w)
    if not payload.strip():
        raise RecordError(raw.location, "no article text")
    return Document(payload, raw.location, **raw.meta())


def doc_name(location: str) -> str:
    """A short document id for a location (``dir/a.txt`` → ``a``)."""
    if "@" in location or re.search(r":\d+$", location) or location == "stdin":
        return location
    return Path(location).stem
