"""The one batch runner: worker processes (models loaded once in each), records parsed and
extracted in batches, a batch that breaks retried one record at a time, results in input order.

``extract``, ``ingest`` and the cluster batch all go through ``parse_and_extract`` (or
``extract_each``) and, on one machine, ``run_ordered``.
"""

from __future__ import annotations

import importlib
import logging
import math
import os
import sqlite3
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any, TypeVar

from ..errors import EXTRACTOR_UNUSABLE, WORKER_DIED, WORKER_SETUP_FAILED, WORKERS_CANNOT_START, InputError, QuotegraphError, RecordError, Skipped
from ..model import Article, Document, RawRecord

logger = logging.getLogger(__name__)
# The extractor: "module:function" taking (doc id, text, published, author) items and yielding Articles.
# A name, not a function, so that it reaches worker processes and cluster workers alike.
EXTRACTOR = "quotegraph.pipeline:extract_many"
Extractor = Callable[[Iterable[tuple[str, str, str | None, str | None]]], Iterator[Article]]
R = TypeVar("R")
X = TypeVar("X")


def available_cores() -> int:
    """The cores this process may use: its CPU affinity, bounded by a cgroup CPU quota when one is set."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    quota = cgroup_cpu_quota()
    if quota is not None:
        cores = min(cores, max(1, math.ceil(quota)))
    return max(1, cores)


def cgroup_cpu_quota(root: str = "/sys/fs/cgroup", proc: str = "/proc/self/cgroup") -> float | None:
    """The CPU quota (in cores) of this process's cgroup and those above it, the smallest; None when unlimited."""
    quotas: list[float] = []
    try:
        with open(proc) as f:
            lines = f.read().splitlines()
    except OSError:
        lines = []
    for line in lines:
        _, controllers, path = line.split(":", 2)
        if controllers == "":  # cgroup v2: cpu.max holds "QUOTA PERIOD" or "max PERIOD"
            parts = path.strip("/").split("/") if path.strip("/") else []
            for depth in range(len(parts), -1, -1):
                q = _read_quota(os.path.join(root, *parts[:depth], "cpu.max"))
                if q is not None:
                    quotas.append(q)
        elif "cpu" in controllers.split(","):  # cgroup v1
            for base in (os.path.join(root, controllers), os.path.join(root, "cpu")):
                for p in (os.path.join(base, path.lstrip("/")), base):
                    q = _read_quota_v1(p)
                    if q is not None:
                        quotas.append(q)
    if not lines:  # no /proc: a container's own cgroup at the root
        q = _read_quota(os.path.join(root, "cpu.max"))
        if q is not None:
            quotas.append(q)
    return min(quotas) if quotas else None


def _read_quota(path: str) -> float | None:
    try:
        with open(path) as f:
            quota, period = f.read().split()[:2]
    except (OSError, ValueError):
        return None
    if quota == "max" or int(period) <= 0:
        return None
    return int(quota) / int(period)


def _read_quota_v1(folder: str) -> float | None:
    try:
        with open(os.path.join(folder, "cpu.cfs_quota_us")) as f:
            quota = int(f.read())
        with open(os.path.join(folder, "cpu.cfs_period_us")) as f:
            period = int(f.read())
    except (OSError, ValueError):
        return None
    return quota / period if quota > 0 and period > 0 else None


def load_extractor(spec: str) -> Extractor:
    """The function a "module:function" name stands for (looked up at each call, so tests may patch it)."""
    module, _, name = spec.partition(":")
    return getattr(importlib.import_module(module), name)  # type: ignore[no-any-return]


def check_extractor(spec: str) -> None:
    """``InputError`` unless ``spec`` names a function as module:function (checked once, here, before any worker starts:
    a worker that cannot load it would fail, and be started again, for ever)."""
    if spec == EXTRACTOR:
        return
    module, colon, name = spec.partition(":")
    try:
        if not (module and colon and name):
            raise ValueError("not module:function")
        found = getattr(importlib.import_module(module), name)
        if not callable(found):
            raise ValueError(f"{name} is not a function")
    except (ImportError, AttributeError, ValueError) as e:
        raise InputError(EXTRACTOR_UNUSABLE.format(spec=spec, reason=e)) from None


def prepare_worker(extractor: str) -> None:
    """Set up a worker process: one thread for the tagger (the workers are the parallelism), models loaded."""
    os.environ["QUOTEGRAPH_THREADS"] = "1"
    if extractor == EXTRACTOR:
        from ..pipeline import load_pipeline

        load_pipeline()
    else:
        load_extractor(extractor)


def extract_each(items: list[tuple[str, str, str | None, str | None]], extractor: str) -> list[Article | str]:
    """The article of each ``(doc id, text, published, author)`` item, in order, the tagger batched across them;
    where extraction fails, the reason instead (a batch that breaks is retried one item at a time)."""
    if not items:  # nothing to extract: no model is loaded
        return []
    extract_many = load_extractor(extractor)
    try:
        return list(extract_many(items))
    except Exception as e:  # noqa: BLE001 - one document breaking the batch: retry one by one
        logger.debug("batch failed (%s); retrying one by one", e)
    out: list[Article | str] = []
    for item in items:
        try:
            out.append(next(iter(extract_many([item]))))
        except Exception as e:  # noqa: BLE001 - the batch goes on, the document is reported
            out.append(f"extraction failed ({type(e).__name__}: {e})")
    return out


@dataclass
class Parsed:
    """One record once parsed and extracted: its article, or why there is none."""

    location: str
    doc: Document | None = None
    article: Article | None = None
    error: str | None = None
    skipped: str | None = None  # why the record is no article to store (its reason)
    duplicate: bool = False  # its text is stored already (ingest), so it was not extracted
    warnings: list[str] = field(default_factory=list)  # what reading it found worth saying (a text decoded as cp1252)


def doc_id(doc: Document) -> str:
    """The document id of an article: its URL, else a short name of where it was read."""
    from ..ingest.sources import doc_name

    return doc.url or doc_name(doc.location)


def parse_and_extract(
    records: Iterable[RawRecord | RecordError | Skipped], extractor: str, stored: Callable[[str], bool] | None = None, log_warnings: bool = True
) -> list[Parsed]:
    """Parse and extract one batch of records; a text ``stored`` says is there already is not extracted.
    What reading a record found worth saying is in its ``warnings``, and logged unless ``log_warnings`` is false."""
    from ..ingest.sources import to_document

    out: list[Parsed] = []
    todo: list[int] = []
    for raw in records:
        if isinstance(raw, (RecordError, Skipped)):
            out.append(Parsed(raw.location, skipped=raw.reason) if isinstance(raw, Skipped) else Parsed(raw.location, error=str(raw)))
            continue
        p = Parsed(raw.location)
        try:
            p.doc = to_document(raw)
            p.warnings = p.doc.warnings
            for w in p.warnings if log_warnings else []:
                logger.warning("%s", w)
            if stored is not None and stored(p.doc.text_key):
                p.duplicate = True
            else:
                todo.append(len(out))
        except Skipped as e:
            p.doc, p.skipped = None, e.reason
        except RecordError as e:
            p.error = str(e)
        except Exception as e:  # noqa: BLE001 - one bad page never stops the run
            p.error = f"{raw.location}: cannot be parsed ({type(e).__name__}: {e})"
        out.append(p)
    items = [(doc_id(d), d.text, d.published, d.author) for i in todo if (d := out[i].doc) is not None]
    for i, art in zip(todo, extract_each(items, extractor)):
        if isinstance(art, str):
            out[i].error = f"{out[i].location}: {art}"
        else:
            out[i].article = art
    return out


# The state of a worker process of ``run_ordered``: what ``setup`` made, for the task function.
_state: dict[str, Any] = {}


def _init(extractor: str, db: str | None) -> None:
    try:
        prepare_worker(extractor)
    except Exception as e:  # noqa: BLE001 - raised again by the first task, in the parent
        # A pool starts a worker whose set-up failed again, for ever: the failure waits for the first task instead.
        _state["setup_failed"] = e
    _state.update(extractor=extractor, db=reader(db))


def _call(args: tuple[Callable[[Any], Any], Any]) -> Any:
    failed = _state.get("setup_failed")
    if failed is not None:
        if isinstance(failed, QuotegraphError):
            raise failed
        raise QuotegraphError(WORKER_SETUP_FAILED.format(reason=f"{type(failed).__name__}: {failed}"))
    fn, task = args
    return fn(task)


def worker_state() -> dict[str, Any]:
    """What the current worker was set up with: ``extractor`` and ``db`` (a read-only connection or None)."""
    return _state


def reader(db: str | None) -> sqlite3.Connection | None:
    """A connection for reading the store from a worker (None when there is no store file yet)."""
    if not db or db == ":memory:" or not os.path.exists(db):
        return None
    conn = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA busy_timeout = 30000")
    return conn


def run_ordered(
    fn: Callable[[list[X]], list[R]],
    tasks: Iterable[list[X]],
    jobs: int,
    extractor: str = EXTRACTOR,
    db: str | None = None,
    lost: Callable[[X, str], R] | None = None,
) -> Iterator[list[R]]:
    """``fn(task)`` for every task (a list of records; its result a list of theirs), in order: in this process when
    ``jobs`` is 1, else in ``jobs`` worker processes set up once each (``prepare_worker``), at most 2 × ``jobs`` tasks
    in flight so memory stays flat.

    A worker that dies holding tasks (killed, out of memory, a crash in a native library) stops nothing and loses no
    record: the tasks then in flight run again, each alone, in fresh workers, a task that still kills its worker one
    record at a time, and a record that kills its worker on its own gets ``lost(record, reason)`` for its result
    (without ``lost``, the run stops with that reason). ``fn`` reads what its worker was set up with from
    ``worker_state()``.
    """
    check_extractor(extractor)
    if jobs <= 1:
        _state.update(extractor=extractor, db=reader(db))
        try:
            for task in tasks:
                yield fn(task)
        finally:
            conn = _state.pop("db", None)
            if conn is not None:
                conn.close()
        return
    workers = _Workers(jobs, extractor, db)
    try:
        pending: deque[tuple[list[X], Future[list[R]]]] = deque()
        for task in tasks:
            pending.append((task, workers.submit(fn, task)))
            while len(pending) > jobs * 2:
                yield from workers.next_results(fn, pending, lost)
        while pending:
            yield from workers.next_results(fn, pending, lost)
    finally:
        workers.close()


class _Workers:
    """The worker processes of ``run_ordered``, started again where one dies."""

    def __init__(self, jobs: int, extractor: str, db: str | None):
        import multiprocessing as mp

        self.jobs, self.extractor, self.db = jobs, extractor, db
        self.ctx = mp.get_context("spawn" if os.name == "nt" else "forkserver")
        self.pool = self._start()
        self.started = False  # whether a worker has returned a result yet

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.jobs, mp_context=self.ctx, initializer=_init, initargs=(self.extractor, self.db))

    def restart(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
        self.pool = self._start()

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)

    def submit(self, fn: Callable[[list[X]], list[R]], task: list[X]) -> Future[list[R]]:
        try:
            return self.pool.submit(_call, (fn, task))
        except BrokenProcessPool:  # a worker died since the last result was read
            self.restart()
            return self.pool.submit(_call, (fn, task))

    def next_results(self, fn: Callable[[list[X]], list[R]], pending: deque[tuple[list[X], Future[list[R]]]],
                     lost: Callable[[X, str], R] | None) -> Iterator[list[R]]:
        """The result of the first pending task; where the workers broke, those of every task then in flight."""
        task, future = pending[0]
        try:
            result = future.result()
        except BrokenProcessPool:
            # Which task killed its worker is not known: each one in flight runs again alone (one that finished keeps
            # its result), in order, then the run goes on.
            flight = list(pending)
            pending.clear()
            self.restart()
            for t, f in flight:
                done = f.done() and not f.cancelled() and f.exception() is None
                yield f.result() if done else self.alone(fn, t, lost)
            return
        pending.popleft()
        self.started = True
        yield result

    def alone(self, fn: Callable[[list[X]], list[R]], task: list[X], lost: Callable[[X, str], R] | None) -> list[R]:
        """``fn(task)`` with no other task in flight; where its worker dies, each record of it alone."""
        try:
            result = self.submit(fn, task).result()
            self.started = True
            return result
        except BrokenProcessPool:
            self.restart()
        if not self.started:
            # No worker has returned anything yet: one that dies on a task with no record is no record's doing.
            try:
                self.submit(fn, []).result()
                self.started = True
            except BrokenProcessPool:
                raise QuotegraphError(WORKERS_CANNOT_START) from None
        if len(task) > 1:
            return [r for record in task for r in self.alone(fn, [record], lost)]
        logger.error("a worker process died while it held one record; workers started again")
        if lost is None:
            raise QuotegraphError(WORKER_DIED)
        return [lost(task[0], WORKER_DIED)]
