"""Corpus inputs: text, HTML, WARC(.gz), JSONL files, directories and stdin, detected by content and extension.

Reading is split in two so that the costly part runs in worker processes:
``iter_records`` (cheap, in the writer process) yields ``RawRecord``s with their
location (``file``, ``file@offset``, ``file:line``), and ``to_document`` (in a
worker) turns one into a ``Document``: article text plus metadata.
"""

from __future__ import annotations

import errno
import glob
import io
import json
import logging
import os
import re
import stat
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError, NotFound, RecordError, Skipped
from ..model import Document, RawRecord
from .reader import (
    DEFAULT_MAX_BYTES,
    decode,
    input_size,
    is_url,
    is_web_address,
    line_limit,
    looks_binary,
    open_binary,
    os_error,
    too_large,
    url_fs,
    web_address,
)

__all__ = ["iter_records", "to_document", "walk", "expand"]

logger = logging.getLogger(__name__)
# Bytes read to tell an input's kind (a JSON object's whole first line when it is longer).
HEAD = 8192
# A web page with fewer words of article text than this is no article (an ad or tracker frame,
# an error or consent page): skipped, with its reason.
MIN_PAGE_WORDS = 8

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


def readable_name(name: str) -> bool:
    """Whether a file met in a folder is read (by its extension)."""
    return bool(EXTENSIONS.get(Path(name).suffix.lower())) or name.lower().endswith(".warc.gz")


def walk(folder: str, accept: Callable[[str], bool] = readable_name) -> Iterator[str | RecordError]:
    """The files under a folder whose names ``accept`` takes, recursively, sorted, symbolic links followed.

    A link that cannot be followed is reported, not passed over: a broken link with a name that
    would be read, and a link back to a folder above it (a loop), come as a ``RecordError``.
    """

    def visit(folder: str, above: frozenset[tuple[int, int]]) -> Iterator[str | RecordError]:
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as e:
            yield RecordError(folder, f"cannot be read ({e.strerror or e})")
            return
        for entry in entries:
            path = os.path.join(folder, entry.name)
            try:
                st = os.stat(path)
            except OSError as e:
                if not entry.is_symlink() or not accept(entry.name):
                    continue
                if e.errno == errno.ELOOP:
                    yield RecordError(path, "symbolic link loop; not followed")
                else:
                    yield RecordError(path, f"broken symbolic link (to {os.readlink(path)}, which does not exist)")
                continue
            if stat.S_ISDIR(st.st_mode):
                if (st.st_dev, st.st_ino) in above:
                    yield RecordError(path, "symbolic link loop (to a folder above it); not followed")
                else:
                    yield from visit(path, above | {(st.st_dev, st.st_ino)})
            elif stat.S_ISREG(st.st_mode) and accept(entry.name):
                yield path

    st = os.stat(folder)
    yield from visit(folder, frozenset({(st.st_dev, st.st_ino)}))


def _has_glob(path: str) -> bool:
    return any(c in path for c in "*?[")


def expand(paths: Iterable[str], accept: Callable[[str], bool] = readable_name) -> Iterator[str | RecordError]:
    """Files named, a directory standing for its files that ``accept`` takes (see ``walk``), a glob
    (``crawl/*.warc.gz``, ``**`` for any depth) for the files and folders it matches, in sorted order;
    fsspec addresses (``s3://bucket/crawl/``) alike. A name that matches nothing is passed on as it is."""
    for p in paths:
        if p == "-" or is_web_address(p):
            yield p
        elif is_url(p):
            yield from _expand_url(p, accept)
        elif os.path.isdir(p):
            yield from walk(p, accept)
        elif _has_glob(p) and not os.path.lexists(p):
            matches = sorted(glob.glob(p, recursive=True))
            if not matches:
                yield p
            for m in matches:
                if os.path.isdir(m):
                    yield from walk(m, accept)
                else:
                    yield m
        else:
            yield p


def _expand_url(url: str, accept: Callable[[str], bool]) -> Iterator[str | RecordError]:
    try:
        fs, path = url_fs(url)
        if _has_glob(path):
            found = sorted(fs.glob(path))
            if not found:
                yield url
                return
        else:
            found = [path]
        for p in found:
            if fs.isdir(p):
                for f in sorted(fs.find(p)):
                    if accept(f.rsplit("/", 1)[-1]):
                        yield fs.unstrip_protocol(f)
            else:
                yield url if p == path else fs.unstrip_protocol(p)
    except InputError as e:
        yield RecordError(url, str(e).removeprefix(f"{url}: "))
    except OSError as e:
        yield RecordError(url, str(os_error(url, e)).removeprefix(f"{url}: "))


def check_inputs(paths: Iterable[str]) -> dict[str, InputError]:
    """The named inputs that cannot be used at all, with their error: web addresses, paths and
    addresses that do not exist, globs that match nothing, filesystems that cannot be opened."""
    out: dict[str, InputError] = {}
    for p in paths:
        if p == "-":
            continue
        if is_web_address(p):
            out[p] = web_address(p)
        elif is_url(p):
            try:
                fs, inner = url_fs(p)
                if not (fs.glob(inner) if _has_glob(inner) else fs.exists(inner)):
                    out[p] = NotFound(f"{p}: no such file or directory")
            except InputError as e:
                out[p] = e
            except OSError as e:
                out[p] = os_error(p, e)
        elif not os.path.lexists(p) and not (_has_glob(p) and glob.glob(p, recursive=True)):
            out[p] = NotFound(f"{p}: no such file or directory")
    return out


def _open(path: str) -> tuple[BinaryIO, str]:
    if path == "-":
        return sys.stdin.buffer, "stdin"
    return open_binary(path), path


class _Replay(io.RawIOBase):
    """The bytes already read from a stream, then the rest of it: a stream read from its start again."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:  # type: ignore[no-untyped-def]
        if self._head:
            n = min(len(b), len(self._head))
            b[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(b))
        b[: len(data)] = data
        return len(data)

    def close(self) -> None:
        if self._rest is not sys.stdin.buffer:
            self._rest.close()
        super().close()


def _head(stream: BinaryIO, max_bytes: int) -> tuple[bytes, bytes, BinaryIO]:
    """(bytes to sniff, the bytes read, a stream that starts at the beginning again).

    The sniffed bytes are the first ``HEAD`` (gzip looked into); when they start a JSON object,
    the whole first line, so that a JSONL dump is known whatever its first line's length or source.
    """
    read = stream.read(HEAD)
    head = read
    if read.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(read, 64)
        except zlib.error:
            head = b""
    elif read.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{") and b"\n" not in read and len(read) == HEAD:
        read += stream.readline(line_limit(max_bytes))
        head = read
    return head, read, io.BufferedReader(_Replay(read, stream))  # type: ignore[return-value]


def iter_records(paths: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawRecord | RecordError | Skipped]:
    """Every article record of the inputs, in order; what cannot be read comes as a ``RecordError``,
    what is not an article (an empty file, a non-HTML WARC record) as a ``Skipped``."""
    from .jsonl import iter_jsonl
    from .warc import iter_warc

    for path in expand(paths):
        if isinstance(path, RecordError):
            yield path
            continue
        try:
            raw, name = _open(path)
        except InputError as e:
            yield RecordError(path, str(e).removeprefix(f"{path}: "))
            continue
        stream: BinaryIO = raw
        try:
            head, read, stream = _head(raw, max_bytes)
            if len(read) < HEAD and not read.lstrip(b"\xef\xbb\xbf").strip():  # a UTF-8 byte-order mark is no text
                yield Skipped(name, "empty file")
                continue
            kind = sniff(head, name)
            if kind == "warc":
                yield from iter_warc(stream, name, max_bytes)
            elif kind == "jsonl":
                yield from iter_jsonl(stream, name, max_bytes)
            else:
                data = stream.read(max_bytes + 1)
                if len(data) > max_bytes:
                    size = input_size(path, raw) if raw is not sys.stdin.buffer else None
                    yield RecordError(name, str(too_large(name, max_bytes, size)).removeprefix(f"{name}: "))
                    continue
                if not data.strip():
                    yield Skipped(name, "empty file")
                    continue
                yield RawRecord(kind=kind, location=name, payload=data)
        except OSError as e:
            yield RecordError(name, str(os_error(name, e)).removeprefix(f"{name}: "))
        finally:
            if stream is not sys.stdin.buffer:
                stream.close()


def to_document(raw: RawRecord) -> Document:
    """Parse one raw record (HTML through trafilatura); raises ``RecordError`` for what cannot be read,
    ``Skipped`` for what is no English article (no text, too little text for an article, another language)."""
    from .language import skip_reason

    if raw.kind == "html":
        from .charset import html_encoding
        from .html import parse_html

        payload = raw.payload
        if isinstance(payload, bytes) and not html_encoding(payload, raw.charset)[0].startswith("utf-16") and looks_binary(payload):
            raise RecordError(raw.location, "looks like binary data, not an HTML page")
        doc = parse_html(payload, raw.location, url=raw.url, fetched=raw.fetched, charset=raw.charset)
        # Metadata given alongside the page (JSONL fields) wins over what the page says.
        for attr in ("title", "outlet", "published", "author"):
            if getattr(raw, attr):
                setattr(doc, attr, getattr(raw, attr))
        if raw.published:
            doc.published_source = "metadata"
        words = len(doc.text.split())
        if words < MIN_PAGE_WORDS:
            raise Skipped(raw.location, f"too little text for an article ({words} words)")
    else:
        payload = raw.payload
        warnings: list[str] = []
        if isinstance(payload, bytes):
            try:
                payload, warnings = decode(payload, raw.location)
            except InputError as e:
                raise RecordError(raw.location, str(e).removeprefix(f"{raw.location}: ")) from None
        if not payload.replace("\ufeff", "").strip():
            raise Skipped(raw.location, "empty text")
        doc = Document(payload, raw.location, **raw.meta(), warnings=warnings)
        doc.title = doc.title or headline(payload)
    reason = skip_reason(doc.text)
    if reason:
        raise Skipped(raw.location, reason)
    return doc


def headline(text: str) -> str | None:
    """The first line of a plain text when it reads as a headline: short, alone in its paragraph,
    not a sentence that goes on (the text and its offsets stay as they are: the headline remains
    article text)."""
    body = text.lstrip("\ufeff \t\r\n")
    first, _, rest = body.partition("\n")
    first = first.strip()
    words = first.split()
    if not first or not rest.strip() or len(first) > 200 or len(words) > 20 or not first[:1].isalnum() and first[:1] not in "‘'\"“":
        return None
    if first.endswith((",", ";", ":", "-", "—")) or (first.endswith(".") and len(words) > 12):
        return None
    return first


def doc_name(location: str) -> str:
    """A short document id for a location (``dir/a.txt`` → ``a``)."""
    if "@" in location or re.search(r":\d+$", location) or location == "stdin":
        return location
    return Path(location).stem


class _Range(io.RawIOBase):
    """At most ``length`` bytes of a stream, from where it stands (``None``: to its end)."""

    def __init__(self, stream: BinaryIO, length: int | None) -> None:
        self._stream = stream
        self._left = length

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:  # type: ignore[no-untyped-def]
        n = len(b) if self._left is None else min(len(b), self._left)
        if n <= 0:
            return 0
        data = self._stream.read(n)
        b[: len(data)] = data
        if self._left is not None:
            self._left -= len(data)
        return len(data)

    def close(self) -> None:
        self._stream.close()
        super().close()


def iter_range(
    path: str, kind: str, start: int, end: int | None, first_line: int = 1, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[RawRecord | RecordError | Skipped]:
    """The records of a byte range of a WARC (``start`` a record's start) or a JSONL file (``start`` a
    line's start, ``first_line`` its number); ``end`` is where the next range starts (None: the file's
    end). Locations are those a read of the whole file gives."""
    from .jsonl import iter_jsonl
    from .warc import iter_warc

    try:
        raw = open_binary(path)
    except InputError as e:
        yield RecordError(path, str(e).removeprefix(f"{path}: "))
        return
    try:
        raw.seek(start)
        stream = io.BufferedReader(_Range(raw, None if end is None else end - start))  # type: ignore[arg-type]
        with stream:
            if kind == "warc":
                yield from iter_warc(stream, path, max_bytes, base=start)  # type: ignore[arg-type]
            else:
                yield from iter_jsonl(stream, path, max_bytes, first=first_line)  # type: ignore[arg-type]
    except OSError as e:
        yield RecordError(f"{path}@{start}", str(os_error(path, e)).removeprefix(f"{path}: "))
    finally:
        raw.close()


def sniff_file(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The kind of a file ("warc", "jsonl", "html", "text"), as ``iter_records`` tells it."""
    head, _, stream = _head(open_binary(path), max_bytes)
    stream.close()
    return sniff(head, path)


def jsonl_ranges(path: str, size: int) -> list[tuple[int, int]]:
    """(byte offset, line number) of a line start about every ``size`` bytes of a JSONL file, the first (0, 1)."""
    out = [(0, 1)]
    pos, line, cut = 0, 1, size
    with open_binary(path) as f:
        while piece := f.readline(1 << 20):  # bounded: a line longer than that comes in pieces
            pos += len(piece)
            if piece.endswith(b"\n"):
                line += 1
                if pos >= cut:
                    out.append((pos, line))
                    cut = pos + size
    if len(out) > 1 and out[-1][0] >= pos:  # no range starts at the end of the file
        out.pop()
    return out
