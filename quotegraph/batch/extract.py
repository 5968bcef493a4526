"""``extract`` over many inputs: read by ingest's readers (text, HTML, WARC, JSONL: ``ingest.sources``),
parsed and extracted by the batch runner, one result per record in input order.

A record that fails is reported with its location and the run goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice

from ..errors import RecordError, Skipped
from ..ingest.reader import DEFAULT_MAX_BYTES
from ..model import Article, RawRecord
from .workers import EXTRACTOR, available_cores, doc_id, parse_and_extract, run_ordered, worker_state

# Records per task handed to a worker: enough to batch the tagger, few enough to stream.
CHUNK = 4


@dataclass
class Result:
    path: str  # where the record was read: a file, FILE@OFFSET in a WARC, FILE:LINE in a JSONL file
    article: Article | None = None
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    skipped: str | None = None  # why the document was not extracted ("empty file", "language de")
    doc: str | None = None  # its document id: its URL, else a short name of where it was read


def _run_chunk(records: list[RawRecord | RecordError | Skipped]) -> list[Result]:
    from ..ingest.sources import doc_name

    out = []
    for p in parse_and_extract(records, worker_state().get("extractor", EXTRACTOR), log_warnings=False):
        out.append(Result(p.location, p.article, p.error, p.warnings, p.skipped, doc_id(p.doc) if p.doc is not None else doc_name(p.location)))
    return out


def _lost(record: RawRecord | RecordError | Skipped, reason: str) -> Result:
    """The result of a record whose worker process died extracting it."""
    from ..ingest.sources import doc_name

    return Result(record.location, error=f"{record.location}: {reason}", doc=doc_name(record.location))


def _chunks(records: Iterable[RawRecord | RecordError | Skipped]) -> Iterator[list[RawRecord | RecordError | Skipped]]:
    it = iter(records)
    while chunk := list(islice(it, CHUNK)):
        yield chunk


def run(
    paths: Iterable[str],
    jobs: int | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    extractor: str = EXTRACTOR,
    progress: Callable[[int, int], None] | None = None,
) -> Iterator[Result]:
    """Results for every record of the inputs, in order (a folder stands for its text, HTML, WARC and
    JSONL files, recursively); ``progress`` is told the input bytes done and their total after each."""
    from ..ingest.position import Position
    from ..ingest.sources import iter_records

    paths = list(paths)
    position = Position(paths) if progress is not None else None
    chunks = _chunks(iter_records(paths, max_bytes))
    first = list(islice(chunks, 2))
    jobs = 1 if len(first) <= 1 or "-" in paths else jobs or available_cores()
    for results in run_ordered(_run_chunk, chain(first, chunks), jobs, extractor, lost=_lost):
        for r in results:
            if progress is not None and position is not None:
                progress(position.seen(r.path), position.total)
            yield r
