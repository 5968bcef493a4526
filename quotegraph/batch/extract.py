"""``extract`` over many files: each read as a text, extracted by the batch runner, results in input order.

A file that fails is reported with its name and the batch goes on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from ..errors import QuotegraphError, RecordError
from ..ingest.reader import DEFAULT_MAX_BYTES, read_input
from ..model import Article
from .workers import EXTRACTOR, available_cores, extract_each, run_ordered, worker_state

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


def is_text_name(name: str) -> bool:
    return name.lower().endswith(".txt")


def _skip_reason(text: str) -> str | None:
    from ..ingest.language import skip_reason

    if not text.replace("\ufeff", "").strip():
        return "empty file"
    return skip_reason(text)


def _run_chunk(task: tuple[list[str | Result], int]) -> list[Result]:
    paths, max_bytes = task
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
    articles = extract_each([(d, t, None) for _, d, t in good], worker_state().get("extractor", EXTRACTOR))
    for (i, _, _), art in zip(good, articles):
        if isinstance(art, str):
            results[i].error = f"{results[i].path}: {art}"
        else:
            results[i].article = art
    return results


def run(paths: Iterable[str], jobs: int | None = None, max_bytes: int = DEFAULT_MAX_BYTES, extractor: str = EXTRACTOR) -> Iterator[Result]:
    """Results for every input path, in order (a folder stands for its ``.txt`` files, recursively)."""
    from ..ingest.sources import expand

    files: list[str | Result] = [Result(f.location, error=str(f)) if isinstance(f, RecordError) else f for f in expand(paths, is_text_name)]
    jobs = jobs or available_cores()
    chunks = [(files[i : i + CHUNK], max_bytes) for i in range(0, len(files), CHUNK)]
    if len(chunks) <= 1 or "-" in files:
        jobs = 1
    for res in run_ordered(_run_chunk, chunks, jobs, extractor):
        yield from res
