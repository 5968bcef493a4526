"""WARC / WARC.gz files: every HTML response record is one page (its URL, capture date and charset kept).

A record is read only when it is whole: warcio reads a record cut short (the archive ends inside it,
or inside its gzip member) without complaint, so the bytes read are checked against the record's
Content-Length, each gzip member must reach its end, and nothing may be left after the last whole
record. A record cut short is a failure, never stored; the whole archive, ingested later, stores it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any, BinaryIO

from ..errors import RecordError, Skipped
from ..model import RawRecord
from .charset import header_charset
from .reader import DEFAULT_MAX_BYTES, too_large

logger = logging.getLogger(__name__)
HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHUNK = 1 << 16
TRUNCATED = "the archive ends inside this record (truncated); it is not stored"


class _Counting:
    """A stream that counts the bytes read from it (and tells that count as its position)."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self.total = 0

    def read(self, n: int = -1) -> bytes:
        data = self.stream.read(n)
        self.total += len(data)
        return data

    def tell(self) -> int:
        return self.total

    def read_to_end(self) -> int:
        while self.read(_CHUNK):
            pass
        return self.total


def _page(record: Any, location: str, max_bytes: int) -> RawRecord | RecordError | Skipped | None:
    """What one record holds: an HTML page, a skip with its reason, a failure; None for records
    that are no response (requests, metadata, warcinfo)."""
    if record.rec_type != "response":
        return None
    http = record.http_headers
    ctype = (http.get_header("Content-Type") if http else "") or ""
    if not ctype.lower().startswith(HTML_TYPES):
        return Skipped(location, f"not HTML ({ctype.split(';')[0].strip() or 'no content type'})")
    status = http.get_statuscode() if http else None
    if status and not status.startswith("2"):
        return Skipped(location, f"HTTP status {status}")
    try:
        payload = record.content_stream().read(max_bytes + 1)
    except Exception as e:  # noqa: BLE001 - a broken record is reported and skipped
        return RecordError(location, f"unreadable WARC record ({type(e).__name__}: {e})")
    if len(payload) > max_bytes:
        return RecordError(location, str(too_large("x", max_bytes)).removeprefix("x: "))
    if not payload.strip():
        return Skipped(location, "empty page")
    return RawRecord(
        kind="html",
        location=location,
        payload=payload,
        url=record.rec_headers.get_header("WARC-Target-URI"),
        fetched=record.rec_headers.get_header("WARC-Date"),
        charset=header_charset(ctype),
    )


def _damage(record: Any, it: Any) -> str | None:
    """Why the record is not whole (read through to its end first), or None when it is."""
    while record.raw_stream.read(_CHUNK):
        pass
    it.read_to_end()
    length = (record.rec_headers.get_header("Content-Length") or "").strip()
    if not length.isdigit():  # the header block itself was cut (warcio reads it as it finds it)
        return f"no valid Content-Length ({length!r}): {TRUNCATED}"
    if getattr(record.raw_stream, "limit", 0) > 0:  # fewer bytes than its Content-Length
        return f"{int(length) - record.raw_stream.limit} of {length} bytes: {TRUNCATED}"
    decompressor = getattr(it.reader, "decompressor", None)
    if decompressor is not None and not getattr(decompressor, "eof", True):
        return f"its gzip member ends early: {TRUNCATED}"
    return None


def iter_warc(
    stream: BinaryIO, name: str, max_bytes: int = DEFAULT_MAX_BYTES, base: int = 0
) -> Iterator[RawRecord | RecordError | Skipped]:
    """The HTML pages of the response records, each located as ``FILE@OFFSET`` (the record's start,
    compressed for .warc.gz); a record cut short or unreadable comes as a ``RecordError``, a response
    that is no page (an image, a redirect, an empty body) as a ``Skipped``. ``base`` is the offset in
    the file where ``stream`` starts (a range of its records)."""
    from warcio.archiveiterator import ArchiveIterator

    counted = _Counting(stream)
    it = ArchiveIterator(counted)
    try:
        for record in it:
            # The start of this record; get_record_offset() would read it through and lose its payload.
            location = f"{name}@{base + it.offset}"
            found = _page(record, location, max_bytes)
            damage = _damage(record, it)
            if damage:
                yield RecordError(location, damage)
            elif found is not None:
                yield found
    except Exception as e:  # noqa: BLE001 - warcio raises assorted errors on a corrupt archive
        yield RecordError(f"{name}@{base + it.offset}", f"corrupt or truncated WARC archive ({type(e).__name__}: {e})")
        return
    # Bytes after the last whole record are a record whose header was cut: warcio stops there silently.
    if it.offset < counted.read_to_end():
        yield RecordError(f"{name}@{base + it.offset}", TRUNCATED)


def record_offsets(stream: BinaryIO) -> list[int]:
    """The start of every record of a WARC (compressed offsets for .warc.gz), read through once;
    records after damage are not found (the range that holds it reads and reports it)."""
    from warcio.archiveiterator import ArchiveIterator

    it = ArchiveIterator(stream)
    offsets: list[int] = []
    try:
        for _ in it:
            offsets.append(it.offset)
    except Exception:  # noqa: BLE001 - a corrupt archive: its ranges end here, reading reports it
        pass
    return offsets
