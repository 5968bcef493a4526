"""WARC / WARC.gz files: every HTML response record is one page (its URL and capture date kept)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import BinaryIO

from ..errors import RecordError
from .sources import RawRecord

logger = logging.getLogger(__name__)
HTML_TYPES = ("text/html", "application/xhtml+xml")


def iter_warc(stream: BinaryIO, name: str) -> Iterator[RawRecord | RecordError]:
    """Raw HTML payloads of the response records, each located as ``FILE@OFFSET``.

    A record that cannot be read is yielded as a ``RecordError``; a broken archive
    (truncated gzip member, bad header) ends the file with one error.
    """
    from warcio.archiveiterator import ArchiveIterator

    it = ArchiveIterator(stream)
    try:
        for record in it:
            # The start of this record (compressed offset for .warc.gz); get_record_offset() would
            # read the record through and lose its payload.
            offset = it.offset
            location = f"{name}@{offset}"
            if record.rec_type != "response":
                continue
            ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
            if not ctype.lower().startswith(HTML_TYPES):
                continue
            try:
                payload = record.content_stream().read()
            except Exception as e:  # noqa: BLE001 - a broken record is reported and skipped
                yield RecordError(location, f"unreadable WARC record ({type(e).__name__}: {e})")
                continue
            yield RawRecord(
                kind="html",
                location=location,
                payload=payload,
                url=record.rec_headers.get_header("WARC-Target-URI"),
                fetched=record.rec_headers.get_header("WARC-Date"),
            )
    except Exception as e:  # noqa: BLE001 - warcio raises assorted errors on a corrupt archive
        yield RecordError(f"{name}@{it.offset}", f"corrupt WARC archive ({type(e).__name__}: {e})")
