"""JSONL dumps: one article per line with ``text`` or ``html`` and optional metadata."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from ..errors import RecordError
from .sources import RawRecord

FIELDS = ("url", "title", "published", "outlet", "author")


def iter_jsonl(lines: Iterable[bytes], name: str) -> Iterator[RawRecord | RecordError]:
    """One raw record per non-empty line, located as ``FILE:LINE``."""
    for n, raw in enumerate(lines, 1):
        location = f"{name}:{n}"
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
        if isinstance(obj.get("text"), str) and obj["text"].strip():
            yield RawRecord(kind="text", location=location, payload=obj["text"], **meta)
        elif isinstance(obj.get("html"), str) and obj["html"].strip():
            yield RawRecord(kind="html", location=location, payload=obj["html"], **meta)
        else:
            yield RecordError(location, "no 'text' or 'html' field with content")
