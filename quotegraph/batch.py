"""Run extraction over many files: models loaded once per worker, results streamed in order.

A file that fails is reported with its name and the batch goes on.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from .errors import QuotegraphError, RecordError
from .ingest.reader import DEFAULT_MAX_BYTES, read_input
from .model import Article

logger = logging.getLogger(__name__)
# Files per task handed to a worker: enough to batch the tagger, few enough to stream.
CHUNK = 4


@dataclass
class Result:
    path: str
    article: Article | None = None
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    skipped: str | None = None  # why the document was not extracted ("empty file", "language de")
    doc: str | None = None  # its document id, once read


def expand_paths(paths: Iterable[str]) -> Iterator[str | Result]:
    """Files named, with a directory standing for its ``.txt`` files (recursively, sorted, links
    followed); a link there that cannot be followed comes as a failed ``Result``."""
    from .ingest.sources import walk

    for p in paths:
        if p != "-" and os.path.isdir(p):
            for f in walk(p, lambda name: name.lower().endswith(".txt")):
                yield Result(f.location, error=str(f)) if isinstance(f, RecordError) else f
        else:
            yield p


def _skip_reason(text: str) -> str | None:
    from .ingest.language import skip_reason

    if not text.replace("\ufeff", "").strip():
        return "empty file"
    return skip_reason(text)


def _run_chunk(paths: list[str | Result], max_bytes: int) -> list[Result]:
    from .pipeline import extract_many

    results: list[Result] = []
    good: list[tuple[int, str, str]] = []
    for path in paths:
        if isinstance(path, Result):
            results.append(path)
            continue
        r = Result(path)
        try:
            inp = read_input(path, max_bytes)
            r.warnings, r.doc = inp.warnings, inp.doc
            r.skipped = _skip_reason(inp.text)
            if not r.skipped:
                good.append((len(results), inp.doc, inp.text))
        except QuotegraphError as e:
            r.error = str(e)
        except Exception as e:  # noqa: BLE001 - one unreadable file never stops the batch
            r.error = f"{path}: cannot be read ({type(e).__name__}: {e})"
        results.append(r)
    if not good:  # nothing to extract: no model is loaded
        return results
    try:
        for (i, _, _), art in zip(good, extract_many([(d, t) for _, d, t in good])):
            results[i].article = art
    except Exception as e:  # one document breaking the batch: retry one by one
        logger.debug("batch failed (%s); retrying files one by one", e)
        for i, doc, text in good:
            try:
                results[i].article = next(extract_many([(doc, text)]))
            except Exception as e2:  # noqa: BLE001 - the batch goes on, the file is reported
                results[i].error = f"{results[i].path}: extraction failed ({type(e2).__name__}: {e2})"
    return results


def _init_worker() -> None:
    os.environ["QUOTEGRAPH_THREADS"] = "1"
    from .pipeline import load_pipeline

    load_pipeline()


def _work(args: tuple[list[str | Result], int]) -> list[Result]:
    return _run_chunk(*args)


def run(paths: Iterable[str], jobs: int | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Result]:
    """Results for every input path, in order."""
    files = list(expand_paths(paths))
    jobs = jobs or min(os.cpu_count() or 1, 2)
    chunks = [files[i : i + CHUNK] for i in range(0, len(files), CHUNK)]
    if jobs <= 1 or len(chunks) <= 1 or "-" in files:
        for c in chunks:
            yield from _run_chunk(c, max_bytes)
        return
    import multiprocessing as mp

    ctx = mp.get_context("spawn" if os.name == "nt" else "forkserver")
    with ctx.Pool(jobs, initializer=_init_worker) as pool:
        for res in pool.imap(_work, [(c, max_bytes) for c in chunks]):
            yield from res
