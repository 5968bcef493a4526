"""JSONL dumps: one article per line with ``text`` or ``html`` and optional metadata."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO

from ..errors import RecordError, Skipped
from ..model import RawRecord
from .reader import DEFAULT_MAX_BYTES, line_limit, too_large

FIELDS = ("url", "title", "published", "outlet", "author")
_CHUNK = 1 << 20


def _utf8_size(s: str) -> int:
    return len(s) if s.isascii() else len(s.encode("utf-8", "surrogatepass"))


def _lines(stream: BinaryIO, limit: int) -> Iterator[bytes | None]:
    """Each line of the stream; None for a line longer than ``limit`` (read past, never held whole)."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while True:
                rest = stream.readline(_CHUNK)
                if not rest or rest.endswith(b"\n"):
                    break
            yield None
            continue
        yield line


def iter_jsonl(
    stream: BinaryIO, name: str, max_bytes: int = DEFAULT_MAX_BYTES, first: int = 1
) -> Iterator[RawRecord | RecordError | Skipped]:
    """One raw record per non-empty line, located as ``FILE:LINE``; a text or page over ``max_bytes`` is a failure.
    ``first`` is the number of the stream's first line in the file (a range of its lines)."""
    for n, raw in enumerate(_lines(stream, line_limit(max_bytes)), first):
        location = f"{name}:{n}"
        if raw is None:
            yield RecordError(location, str(too_large("line", max_bytes)).removeprefix("line: "))
            continue
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError) as e:
            yield RecordError(location, f"not valid JSON ({e})")
            continue
        if not isinstance(obj, dict):
            yield RecordError(location, "a JSON object with a 'text' or 'html' field was expected")
            continue
        meta = {k: obj[k] if isinstance(obj.get(k), str) and obj[k].strip() else None for k in FIELDS}
        given = [k for k in ("text", "html") if isinstance(obj.get(k), str)]
        if not given:
            yield RecordError(location, "no 'text' or 'html' field")
            continue
        kind = next((k for k in given if obj[k].strip()), None)
        if kind is None:
            yield Skipped(location, f"empty {given[0]}")
            continue
        payload = obj[kind]
        size = _utf8_size(payload)
        if size > max_bytes:
            yield RecordError(location, str(too_large("x", max_bytes, size)).removeprefix("x: "))
            continue
        yield RawRecord(kind=kind, location=location, payload=payload, **meta)
