"""Ingest a corpus into the store: records read in this process, parsed and extracted in worker
processes (models loaded once in each), written by this process alone in one transaction per batch.

Crash safety comes from the transactions: a batch is committed whole or not at all,
progress is reported only after its commit, and a re-run skips what is stored (same
URL before any work, same normalised text before extraction), so it resumes.
"""

from __future__ import annotations

import importlib
import logging
import os
import sqlite3
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from .errors import InputError, QuotegraphError, RecordError, Skipped
from .ingest.reader import DEFAULT_MAX_BYTES
from .ingest.sources import Document, RawRecord, check_inputs, doc_name, iter_records, to_document
from .model import MIN_CONFIDENCE, Article

logger = logging.getLogger(__name__)
EXTRACTOR = "quotegraph.pipeline:extract_many"
# Records per worker task and per committed transaction: as `extract` batches, so that
# the tagger sees the same batches and two workers finish together.
BATCH = 4


@dataclass
class Parsed:
    location: str
    doc: Document | None = None
    article: Article | None = None
    error: str | None = None
    skipped: str | None = None  # why the record is no article to store (its reason)
    duplicate: bool = False


@dataclass
class Summary:
    articles: int = 0  # new articles stored by this run
    duplicates: int = 0  # records already stored (or seen earlier in this run)
    statements: int = 0  # new statements
    occurrences: int = 0
    unconfident: int = 0  # quotes left out, less confident than the run's min_confidence
    failures: int = 0
    skipped: int = 0  # records that are no article to store: empty, another language, not HTML, ...
    seconds: float = 0.0
    failed: list[str] = field(default_factory=list)
    skip_reasons: dict[str, int] = field(default_factory=dict)  # skips by reason ("language de": 3)
    missing: list[str] = field(default_factory=list)  # named inputs that do not exist or are web addresses
    totals: dict[str, int] = field(default_factory=dict)

    @property
    def records(self) -> int:
        return self.articles + self.duplicates + self.failures + self.skipped

    def skip(self, location: str, reason: str) -> None:
        logger.info("%s: skipped: %s", location, reason)
        self.skipped += 1
        # Grouped by the reason's words before any detail in parentheses ("not HTML (image/png)").
        key = reason.split(" (", 1)[0]
        self.skip_reasons[key] = self.skip_reasons.get(key, 0) + 1


def _load(spec: str) -> Callable[[Iterable[tuple[str, str, str | None]]], Iterator[Article]]:
    module, _, name = spec.partition(":")
    return getattr(importlib.import_module(module), name)  # type: ignore[no-any-return]


_worker_db: sqlite3.Connection | None = None


def _init_worker(extractor: str, db: str) -> None:
    global _worker_db
    os.environ["QUOTEGRAPH_THREADS"] = "1"
    if extractor == EXTRACTOR:
        from .pipeline import load_pipeline

        load_pipeline()
    else:
        _load(extractor)
    _worker_db = _reader(db)


def _reader(db: str) -> sqlite3.Connection | None:
    if db == ":memory:" or not os.path.exists(db):
        return None
    conn = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA busy_timeout = 30000")
    return conn


def _stored(conn: sqlite3.Connection | None, key: str) -> bool:
    return conn is not None and conn.execute("SELECT 1 FROM articles WHERE text_key = ?", (key,)).fetchone() is not None


def _doc_id(raw: RawRecord, doc: Document) -> str:
    return doc.url or doc_name(raw.location)


def process(records: list[RawRecord], extractor: str, conn: sqlite3.Connection | None) -> list[Parsed]:
    """Parse and extract one batch of records (in a worker); stored texts are not extracted again."""
    out: list[Parsed] = []
    todo: list[tuple[int, str, str, str | None]] = []
    for raw in records:
        p = Parsed(raw.location)
        try:
            p.doc = to_document(raw)
            if _stored(conn, p.doc.text_key):
                p.duplicate = True
            else:
                todo.append((len(out), _doc_id(raw, p.doc), p.doc.text, p.doc.published))
        except Skipped as e:
            p.doc, p.skipped = None, e.reason
        except RecordError as e:
            p.error = str(e)
        except Exception as e:  # noqa: BLE001 - one bad page never stops the run
            p.error = f"{raw.location}: cannot be parsed ({type(e).__name__}: {e})"
        out.append(p)
    extract_many = _load(extractor)
    try:
        for (i, _, _, _), art in zip(todo, extract_many([(d, t, pub) for _, d, t, pub in todo]), strict=True):
            out[i].article = art
    except Exception as e:  # noqa: BLE001 - a document breaking the batch: retry one by one
        logger.debug("batch failed (%s); retrying one by one", e)
        for i, d, t, pub in todo:
            try:
                out[i].article = next(iter(extract_many([(d, t, pub)])))
            except Exception as e2:  # noqa: BLE001
                out[i].error = f"{out[i].location}: extraction failed ({type(e2).__name__}: {e2})"
    return out


def _work(args: tuple[list[RawRecord], str]) -> list[Parsed]:
    return process(args[0], args[1], _worker_db)


def ingest(
    paths: Iterable[str],
    db: str = "quotegraph.db",
    jobs: int | None = None,
    batch: int = BATCH,
    max_bytes: int = DEFAULT_MAX_BYTES,
    extractor: str = EXTRACTOR,
    progress: Callable[[Summary], None] | None = None,
    min_confidence: float = MIN_CONFIDENCE,
) -> Summary:
    """Ingest every article of ``paths`` into the database ``db``; what is already there is skipped.

    Quotes less confident than ``min_confidence`` are not stored (counted in ``unconfident``)."""
    from .store.articles import add_article
    from .store.db import open_store

    paths = list(paths)
    missing = check_inputs(paths)
    paths = [p for p in paths if p not in missing]
    if missing and not paths:
        # Nothing to read: no database is made.
        raise InputError("\n".join(str(e) for e in missing.values()))
    for e in missing.values():
        logger.error("%s", e)
    store = open_store(db)
    summary = Summary(missing=[str(e) for e in missing.values()])
    started = time.perf_counter()
    jobs = jobs or min(os.cpu_count() or 1, 2)

    def batches() -> Iterator[list[RawRecord]]:
        chunk: list[RawRecord] = []
        for rec in iter_records(paths, max_bytes):
            if isinstance(rec, Skipped):
                summary.skip(rec.location, rec.reason)
                continue
            if isinstance(rec, RecordError):
                _fail(rec.location, str(rec))
                continue
            if rec.url and store.has_url(rec.url):
                summary.duplicates += 1
                continue
            chunk.append(rec)
            if len(chunk) >= batch:
                yield chunk
                chunk = []
        if chunk:
            yield chunk

    def _fail(location: str, message: str) -> None:
        logger.error("%s", message)
        summary.failures += 1
        summary.failed.append(message)
        with store.transaction():
            store.record_failure(location, message)

    def write(results: list[Parsed]) -> None:
        with store.transaction():
            for p in results:
                if p.skipped:
                    summary.skip(p.location, p.skipped)
                    store.clear_failure(p.location)
                    continue
                if p.error or p.article is None or p.doc is None:
                    if p.duplicate:
                        summary.duplicates += 1
                        continue
                    message = p.error or f"{p.location}: no result"
                    logger.error("%s", message)
                    summary.failures += 1
                    summary.failed.append(message)
                    store.record_failure(p.location, message)
                    continue
                article = p.article.confident(min_confidence)
                added = add_article(store, p.doc, article)
                if added is None:
                    summary.duplicates += 1
                    continue
                store.clear_failure(p.location)
                summary.unconfident += len(p.article.quotes) - len(article.quotes)
                summary.articles += 1
                summary.statements += added.statements_new
                summary.occurrences += added.occurrences
        # Reported only once committed: what a progress line shows survives a kill.
        summary.seconds = time.perf_counter() - started
        if progress:
            progress(summary)

    try:
        if jobs <= 1 or "-" in paths:
            conn = _reader(db) if db != ":memory:" else None
            for chunk in batches():
                write(process(chunk, extractor, conn))
        else:
            _run_pool(batches(), jobs, extractor, db, write)
        summary.totals = store.counts()
    except sqlite3.Error as e:
        raise QuotegraphError(f"{db}: database error during ingest ({e})") from None
    finally:
        store.close()
    summary.seconds = time.perf_counter() - started
    return summary


def _run_pool(
    chunks: Iterator[list[RawRecord]], jobs: int, extractor: str, db: str, write: Callable[[list[Parsed]], None]
) -> None:
    """Results written in input order, with few batches in flight so memory stays flat."""
    import multiprocessing as mp

    ctx = mp.get_context("spawn" if os.name == "nt" else "forkserver")
    with ctx.Pool(jobs, initializer=_init_worker, initargs=(extractor, db)) as pool:
        pending: deque = deque()  # type: ignore[type-arg]
        for chunk in chunks:
            pending.append(pool.apply_async(_work, ((chunk, extractor),)))
            while len(pending) > jobs * 2:
                write(pending.popleft().get())
        while pending:
            write(pending.popleft().get())
