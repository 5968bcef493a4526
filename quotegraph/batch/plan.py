"""A batch's partitions: each input file a part (small text and HTML files a few to a part), a large
WARC split into ranges of its records by byte offsets, a large JSONL file into ranges of its lines.

A part's name is a digest of what it reads (files, ranges, their sizes and modification times),
so a re-run finds the parts it has finished.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

from ..errors import STDIN_IN_BATCH, InputError, RecordError, Skipped
from ..ingest.reader import DEFAULT_MAX_BYTES, MB, is_url, url_fs
from ..model import RawRecord

# Input bytes per part: a file larger than this is split (WARC, JSONL), smaller ones share a part.
PART_BYTES = 64 * MB
# Small files per part at most, so that a folder of pages spreads over the workers.
FILES_PER_PART = 64
# A batch smaller than TARGET_PARTS parts of PART_BYTES is cut into about that many parts (none
# smaller than MIN_PART_BYTES), so that it spreads over the workers too.
TARGET_PARTS = 16
MIN_PART_BYTES = 32 * 1024


@dataclass(frozen=True)
class Piece:
    """What a part reads: a whole file as ``ingest`` reads it, or a byte range of a WARC or JSONL file."""

    path: str
    kind: str | None = None  # "warc" or "jsonl" for a range; None for the whole file
    start: int = 0
    end: int | None = None  # where the next range starts; None: the file's end
    line: int = 1  # the number of a JSONL range's first line
    error: str | None = None  # an input found but unreadable (a broken link in a folder): its failure

    def records(self, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawRecord | RecordError | Skipped]:
        from ..ingest.sources import iter_range, iter_records

        if self.error is not None:
            yield RecordError(self.path, self.error)
        elif self.kind is None:
            yield from iter_records([self.path], max_bytes)
        else:
            yield from iter_range(self.path, self.kind, self.start, self.end, self.line, max_bytes)


@dataclass
class Part:
    name: str
    pieces: list[Piece]
    size: int = 0  # input bytes, for progress

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "size": self.size, "pieces": [asdict(p) for p in self.pieces]}


@dataclass
class Plan:
    parts: list[Part] = field(default_factory=list)
    inputs: dict[str, dict[str, Any]] = field(default_factory=dict)  # file → {"size", "mtime"}

    @property
    def size(self) -> int:
        return sum(p.size for p in self.parts)


def identity(path: str) -> dict[str, Any]:
    """Size and modification time of a file or fsspec address (what tells that it changed)."""
    if is_url(path):
        fs, inner = url_fs(path)
        info = fs.info(inner)
        mtime = info.get("mtime") or info.get("LastModified") or info.get("updated") or info.get("created")
        return {"size": int(info.get("size") or 0), "mtime": str(mtime) if mtime is not None else None}
    st = os.stat(path)
    return {"size": st.st_size, "mtime": st.st_mtime_ns}


def split_file(path: str, part_bytes: int = PART_BYTES, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Piece]:
    """The pieces of one large file: ranges of ``part_bytes`` or more of a WARC's records or a JSONL's
    lines, else the whole file. Runs where the file is read (a cluster worker)."""
    from ..ingest.reader import open_binary
    from ..ingest.sources import jsonl_ranges, sniff_file
    from ..ingest.warc import record_offsets

    try:
        kind = sniff_file(path, max_bytes)
        if kind == "warc":
            with open_binary(path) as f:
                offsets = record_offsets(f)
            cuts = [0]
            for o in offsets[1:]:
                if o - cuts[-1] >= part_bytes:
                    cuts.append(o)
            return [Piece(path, "warc", s, e) for s, e in zip(cuts, [*cuts[1:], None])]
        if kind == "jsonl":
            ranges = jsonl_ranges(path, part_bytes)
            ends = [s for s, _ in ranges[1:]] + [None]
            return [Piece(path, "jsonl", s, e, line) for (s, line), e in zip(ranges, ends)]
    except (OSError, InputError):
        pass  # read whole: the part reports what is wrong with it
    return [Piece(path)]


def _name(pieces: list[Piece], inputs: dict[str, dict[str, Any]]) -> str:
    key = json.dumps([[asdict(p), inputs.get(p.path)] for p in pieces], sort_keys=True, default=str)
    return "part-" + hashlib.sha256(key.encode()).hexdigest()[:20]


def plan(
    paths: Iterable[str],
    part_bytes: int = PART_BYTES,
    max_bytes: int = DEFAULT_MAX_BYTES,
    mapper: Callable[[Callable[[str], list[Piece]], list[str]], Iterable[list[Piece]]] | None = None,
) -> Plan:
    """The parts of a batch over ``paths`` (files, folders, globs, fsspec addresses), in input order.

    ``mapper(fn, files)`` runs ``split_file`` over the large files (``map`` here; a cluster's map there).
    """
    from ..ingest.sources import expand

    out = Plan()
    found: list[str | RecordError] = []
    for f in expand(paths):
        if f == "-":
            raise InputError(STDIN_IN_BATCH)
        found.append(f)
    sizes: dict[str, int] = {}
    for f in found:
        if isinstance(f, str):
            try:
                out.inputs[f] = identity(f)
                sizes[f] = out.inputs[f]["size"]
            except (OSError, InputError, ValueError):
                sizes[f] = 0  # read as it is: its part reports why it cannot be read
    # A small batch is still cut into several parts, so that every worker has some (300 articles
    # in 4 files made 1 part at 64 MB, or 2 of 225 and 75 articles at 0.5 MB): the size follows
    # from the inputs alone, so that a re-run makes the same parts.
    part_bytes = min(part_bytes, max(MIN_PART_BYTES, sum(sizes.values()) // TARGET_PARTS))
    large = [f for f in found if isinstance(f, str) and sizes[f] > part_bytes]
    split = dict(zip(large, (mapper or map)(lambda p: split_file(p, part_bytes, max_bytes), large)))
    group: list[Piece] = []
    group_size = 0

    def close() -> None:
        nonlocal group, group_size
        if group:
            out.parts.append(Part(_name(group, out.inputs), group, group_size))
        group, group_size = [], 0

    for f in found:
        if isinstance(f, RecordError):
            group.append(Piece(f.location, error=str(f).removeprefix(f"{f.location}: ")))
        elif f in split:
            close()
            pieces = split[f]
            for i, piece in enumerate(pieces):
                end = piece.end if piece.end is not None else sizes[f]
                out.parts.append(Part(_name([piece], out.inputs), [piece], max(0, end - piece.start)))
            continue
        else:
            group.append(Piece(f))
            group_size += sizes[f]
        if group_size >= part_bytes or len(group) >= FILES_PER_PART:
            close()
    close()
    return out
