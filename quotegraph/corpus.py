"""Ingest a corpus into the store: records read in this process, parsed and extracted in worker
processes (models loaded once in each), written by this process alone in one transaction per batch.

Crash safety comes from the transactions: a batch is committed whole or not at all,
progress is reported only after its commit, and a re-run skips what is stored (same
URL before any work, same normalised text before extraction), so it resumes.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from .batch.load import batch_records, is_batch_output
from .batch.workers import EXTRACTOR, Parsed, available_cores, parse_and_extract, run_ordered, worker_state
from .errors import PREPARE_FAILED, InputError, QuotegraphError, RecordError, Skipped
from .ingest.reader import DEFAULT_MAX_BYTES
from .ingest.sources import check_inputs, iter_records
from .model import MIN_CONFIDENCE, Article, RawRecord

logger = logging.getLogger(__name__)
# Records per worker task and per committed transaction: as `extract` batches, so that
# the tagger sees the same batches and two workers finish together.
BATCH = 4
__all__ = ["BATCH", "EXTRACTOR", "Parsed", "Summary", "ingest", "process"]


@dataclass
class Summary:
    articles: int = 0  # new articles stored by this run
    duplicates: int = 0  # records already stored (or seen earlier in this run)
    statements: int = 0  # new statements
    occurrences: int = 0
    unconfident: int = 0  # quotes left out, less confident than the run's min_confidence
    undated: int = 0  # new articles stored with no publication date
    failures: int = 0
    skipped: int = 0  # records that are no article to store: empty, another language, not HTML, ...
    seconds: float = 0.0
    bytes_done: int = 0  # input bytes of the records written so far (for a progress bar)
    bytes_total: int = 0  # input bytes in all (0: unknown, as for stdin or a batch output)
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


def _stored(conn: sqlite3.Connection | None) -> Callable[[str], bool] | None:
    if conn is None:
        return None
    return lambda key: conn.execute("SELECT 1 FROM articles WHERE text_key = ?", (key,)).fetchone() is not None


def process(records: list[RawRecord], extractor: str = EXTRACTOR, conn: sqlite3.Connection | None = None) -> list[Parsed]:
    """Parse and extract one batch of records; texts already in the store (``conn``) are not extracted again."""
    return parse_and_extract(records, extractor, _stored(conn))


def _work(records: list[RawRecord]) -> list[Parsed]:
    state = worker_state()
    return process(records, state["extractor"], state.get("db"))


def _lost(record: RawRecord, reason: str) -> Parsed:
    """What a record whose worker process died extracting it gets: a failure, to be tried again by the next run."""
    return Parsed(record.location, error=f"{record.location}: {reason}")


def _segments(paths: list[str]) -> Iterator[tuple[bool, list[str]]]:
    """The inputs in order: (True, [a batch output folder]) or (False, [inputs read and extracted here])."""
    group: list[str] = []
    for p in paths:
        if p != "-" and is_batch_output(p):
            if group:
                yield False, group
                group = []
            yield True, [p]
        else:
            group.append(p)
    if group:
        yield False, group


def ingest(
    paths: Iterable[str],
    db: str = "quotegraph.db",
    jobs: int | None = None,
    batch: int = BATCH,
    max_bytes: int = DEFAULT_MAX_BYTES,
    extractor: str = EXTRACTOR,
    progress: Callable[[Summary], None] | None = None,
    min_confidence: float = MIN_CONFIDENCE,
    outlet: str | None = None,
    published: str | None = None,
    date_from_name: str | None = None,
) -> Summary:
    """Ingest every article of ``paths`` into the database ``db``; what is already there is skipped.
    A batch output folder (``quotegraph batch --out``) is loaded as it is, without extracting again.

    Quotes less confident than ``min_confidence`` are not stored (counted in ``unconfident``); ``outlet`` and
    ``published`` (an ISO date) apply to the records that give none. ``date_from_name``, a strptime-like
    pattern (``%Y-%m-%d``, see ``ingest.namedate``), reads a date from each input file's name for its
    records that give none (before ``published``); a name without one gives none.
    ``progress`` is told the summary after each committed batch (``bytes_done`` of ``bytes_total``)."""
    from .ingest.namedate import NameDate
    from .ingest.position import Position
    from .ingest.prepare import prepare
    from .store.articles import ArticleWriter
    from .store.db import open_store
    from .store.index import update_index

    name_date = NameDate(date_from_name) if date_from_name else None  # a bad pattern fails before any work

    def date_of(location: str) -> str | None:
        return (name_date(location) if name_date else None) or published

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
    # The bytes done are read from the locations of the records written (batch output folders aside:
    # their records are located in their own inputs).
    position = Position([p for folder, group in _segments(paths) if not folder for p in group]) if progress else None
    summary.bytes_total = position.total if position else 0
    started = time.perf_counter()
    jobs = jobs or available_cores()

    def batches(paths: list[str]) -> Iterator[list[RawRecord]]:
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
            if rec.kind != "html":
                # What the caller says of every input, where a text says nothing of its own (a page's own
                # metadata is read first: it gets them after parsing, below, only where it has none).
                rec.outlet = rec.outlet or outlet
                rec.published = rec.published or date_of(rec.location)
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
        # Each article prepared (dated, its speakers' names in their forms) before the transaction.
        prepared: dict[int, Article] = {}
        for i, p in enumerate(results):
            if p.skipped or p.error or p.article is None or p.doc is None:
                continue
            p.doc.outlet = p.doc.outlet or outlet
            if not p.doc.published and (given := date_of(p.location)):
                p.doc.published, p.doc.published_source = given, "metadata"
            try:
                prepared[i] = prepare(p.doc, p.article.confident(min_confidence))
            except Exception as e:  # noqa: BLE001 - a bug in dating or naming fails this record, not the batch
                p.error = PREPARE_FAILED.format(location=p.location, error=f"{type(e).__name__}: {e}")
        with store.transaction():
            # One writer for the transaction: what its articles' quotes are compared with is read once.
            writer = ArticleWriter(store)
            writer.prefetch(prepared.values())
            for i, p in enumerate(results):
                if position is not None:
                    summary.bytes_done = position.seen(p.location)
                if p.skipped:
                    summary.skip(p.location, p.skipped)
                    store.clear_failure(p.location)
                    continue
                if i not in prepared or p.doc is None or p.article is None:
                    if p.duplicate:
                        summary.duplicates += 1
                        continue
                    message = p.error or f"{p.location}: no result"
                    logger.error("%s", message)
                    summary.failures += 1
                    summary.failed.append(message)
                    store.record_failure(p.location, message)
                    continue
                article = prepared[i]
                added = writer.add(p.doc, article)
                if added is None:
                    summary.duplicates += 1
                    continue
                store.clear_failure(p.location)
                summary.unconfident += len(p.article.quotes) - len(article.quotes)
                summary.articles += 1
                summary.undated += not p.doc.published
                summary.statements += added.statements_new
                summary.occurrences += added.occurrences
            writer.flush()
        # Reported only once committed: what a progress line shows survives a kill.
        summary.seconds = time.perf_counter() - started
        if progress:
            progress(summary)

    try:
        for folder, group in _segments(paths):
            if folder:  # a batch's output: its records are extracted already
                for results in batch_records(group[0], store.has_url):
                    write(results)
            else:
                for results in run_ordered(_work, batches(group), 1 if "-" in group else jobs, extractor, db, lost=_lost):
                    write(results)
        summary.totals = store.counts()
        update_index(store.conn)  # the search index read up to date now, not by the first search
    except sqlite3.Error as e:
        raise QuotegraphError(f"{db}: database error during ingest ({e})") from None
    finally:
        store.close()
    summary.seconds = time.perf_counter() - started
    return summary
