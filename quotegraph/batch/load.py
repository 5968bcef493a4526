"""A batch's Parquet output read back for ``ingest``: each record as ``Parsed``, in input order,
so that the store writes it as it writes a record it extracted itself (no extraction again)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

from ..errors import BATCH_PART_MISSING, BATCH_PART_UNREADABLE, InputError
from .workers import Parsed

MANIFEST = "_manifest.json"  # as parquet.MANIFEST; here so that telling a batch folder imports no pyarrow


def is_batch_output(path: str) -> bool:
    """Whether ``path`` is a folder ``quotegraph batch`` wrote (it holds a manifest)."""
    return os.path.isdir(path) and os.path.isfile(os.path.join(path, MANIFEST))


def batch_records(out: str, has_url: Callable[[str], bool], size: int = 256) -> Iterator[list[Parsed]]:
    """The records of every finished part the manifest lists, in lists of ``size``; an article whose
    URL ``has_url`` knows is a duplicate, a listed part whose files are gone a failure."""
    import pyarrow as pa

    from .parquet import finished, read_manifest, read_part

    manifest = read_manifest(out)
    if manifest is None:
        raise InputError(f"{out}: its {MANIFEST} is not a quotegraph batch manifest")
    chunk: list[Parsed] = []
    for entry in manifest.get("parts", []):
        name = entry["name"]
        if not finished(out, name):
            chunk.append(Parsed(os.path.join(out, name), error=BATCH_PART_MISSING.format(out=out, name=name)))
            continue
        try:
            records = list(read_part(out, name))  # whole, or not at all: a part is written and read as one
        except (pa.ArrowException, OSError, ValueError) as e:  # truncated or corrupted on disk: this part fails, not the load
            reason = str(e).split(". ")[0]
            chunk.append(Parsed(os.path.join(out, name), error=BATCH_PART_UNREADABLE.format(out=out, name=name, reason=reason)))
            continue
        for p in records:
            if p.doc is not None and p.doc.url and has_url(p.doc.url):
                p.doc, p.article, p.duplicate = None, None, True
            chunk.append(p)
            if len(chunk) >= size:
                yield chunk
                chunk = []
    if chunk:
        yield chunk
