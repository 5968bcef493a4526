"""``quotegraph batch``: extraction on a Dask cluster into Parquet parts.

A ``LocalCluster`` of worker processes (one thread each) starts and stops with the run, or the run
uses an existing cluster (a scheduler's address). Each part is one task: it reads its records,
parses and extracts them in batches (models loaded once per worker by a worker plugin), and writes
its two Parquet files under temporary names, renamed into place when whole. A task whose worker dies
runs again elsewhere; a re-run skips finished parts, and when all are finished writes nothing.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from distributed import WorkerPlugin

from ..errors import BATCH_INPUT_CHANGED, OUTPUT_NOT_BATCH, WORKER_DIED, InputError, QuotegraphError
from ..ingest.reader import DEFAULT_MAX_BYTES, is_url, is_web_address
from .parquet import ARTICLES, FORMAT, MANIFEST, QUOTES, PartWriter, finished, part_counts, read_manifest, write_json, write_manifest
from .plan import PART_BYTES, Part, Piece, Plan, plan
from .workers import EXTRACTOR, Parsed, available_cores, check_extractor, parse_and_extract, prepare_worker

logger = logging.getLogger(__name__)
# Records parsed and extracted together in a task (as ingest batches them).
BATCH = 4
TOPIC = "quotegraph-batch"
# Seconds between manifest writes while parts finish (and once at the end).
MANIFEST_EVERY = 2.0
# Times a part whose task failed is submitted again before it counts as failed: a task can fail for the
# cluster's sake (a worker lost as its result was fetched), not the part's; run_part writes a part once.
PART_RETRIES = 2


@dataclass
class BatchSummary:
    out: str
    parts: int = 0  # parts of the plan
    done_before: int = 0  # finished by an earlier run, not run again
    written: int = 0  # finished by this run
    records: int = 0
    articles: int = 0
    quotes: int = 0
    skipped: int = 0
    failures: int = 0
    failed_parts: list[str] = field(default_factory=list)  # parts that could not be written, with why
    seconds: float = 0.0
    workers: int = 0
    scheduler: str | None = None  # the scheduler's address, once the cluster is up
    dashboard: str | None = None


class ModelsPlugin(WorkerPlugin):  # type: ignore[misc]
    """Loads the extractor's models once when a worker starts (and when one restarts)."""

    name = "quotegraph-models"

    def __init__(self, extractor: str) -> None:
        self.extractor = extractor

    def setup(self, worker: Any) -> None:
        prepare_worker(self.extractor)


def _report(name: str, records: int, fraction: float) -> None:
    try:
        from distributed import get_worker

        get_worker().log_event(TOPIC, {"part": name, "records": records, "fraction": fraction})
    except (ImportError, ValueError):
        pass  # not on a worker (run in this process)


def run_part(
    part: Part, out: str, max_bytes: int = DEFAULT_MAX_BYTES, extractor: str = EXTRACTOR,
    bad: dict[str, str] | None = None, solo: frozenset[str] = frozenset(),
) -> dict[str, Any]:
    """Read, parse and extract one part, write its two files; its counts for the manifest.
    A part already written (its task run again after its worker was lost) is not written twice.

    Before each batch the locations of its records are written to the part's marker file (``extracting``), so that
    where the task dies (its worker killed by a record: out of memory, a crash in a native library) the run knows
    which records it held: those then run each alone (``solo``), and the one that still kills it is written as a
    failure row with its reason (``bad``: location -> reason), never extracted again."""
    if finished(out, part.name):
        return part_counts(out, part.name)
    bad = bad or {}
    writer = PartWriter(out, part.name)
    marker = extracting(out, part.name)
    last = time.monotonic()

    def extract(batch: list[Any]) -> None:
        todo = [r for r in batch if r.location not in bad]
        write_json(marker, [r.location for r in todo])
        done = {p.location: p for p in parse_and_extract(todo, extractor)}
        for r in batch:
            writer.add(done[r.location] if r.location not in bad else Parsed(r.location, error=f"{r.location}: {bad[r.location]}"))

    try:
        for i, piece in enumerate(part.pieces):
            batch: list[Any] = []
            for rec in piece.records(max_bytes):
                if rec.location in solo:
                    extract(batch)
                    extract([rec])
                    batch = []
                    continue
                batch.append(rec)
                if len(batch) >= BATCH:
                    extract(batch)
                    batch = []
                    if time.monotonic() - last > 0.5:
                        last = time.monotonic()
                        _report(part.name, writer.counts.records, _fraction(part, i, rec.location))
            extract(batch)
        counts = writer.close()
    except BaseException:
        writer.abort()
        raise
    if os.path.exists(marker):
        os.remove(marker)
    return {"name": part.name, **asdict(counts)}


def extracting(out: str, name: str) -> str:
    """The marker file of a part's task: the locations of the records it is extracting (see ``run_part``)."""
    return os.path.join(out, f".{name}.extracting")


def _held(out: str, name: str) -> list[str]:
    """The locations a part's task held when it died (none where it left no marker), the marker removed."""
    path = extracting(out, name)
    try:
        with open(path, encoding="utf-8") as f:
            held = json.load(f)
        os.remove(path)
    except (OSError, ValueError):
        return []
    return [x for x in held if isinstance(x, str)] if isinstance(held, list) else []


def _fraction(part: Part, index: int, location: str) -> float:
    """How far into the part a record lies (by its WARC offset where it has one, else by pieces)."""
    piece = part.pieces[index]
    done = index / len(part.pieces)
    if piece.kind == "warc" and piece.end and "@" in location:
        try:
            at = int(location.rsplit("@", 1)[1])
            done += (at - piece.start) / max(1, piece.end - piece.start) / len(part.pieces)
        except ValueError:
            pass
    return min(done, 1.0)


class _Cluster:
    """A Dask client, started when first needed: on a LocalCluster of its own, or on a scheduler's."""

    def __init__(self, workers: int, scheduler: str | None, extractor: str) -> None:
        self.workers, self.scheduler, self.extractor = workers, scheduler, extractor
        self._client: Any = None
        self._cluster: Any = None

    @property
    def client(self) -> Any:
        if self._client is None:
            from distributed import Client, LocalCluster

            if self.scheduler:
                try:
                    self._client = Client(self.scheduler, timeout="30s")
                except (OSError, TimeoutError) as e:
                    raise QuotegraphError(f"{self.scheduler}: no Dask scheduler answers there ({e})") from None
            else:
                # The scheduler's web server (the dashboard where bokeh is installed) on a free port: another
                # cluster on this machine (a notebook's, another run's) may hold Dask's usual 8787.
                self._cluster = LocalCluster(
                    n_workers=self.workers, threads_per_worker=1, processes=True, dashboard_address=":0",
                    silence_logs=logging.ERROR,
                )
                self._client = Client(self._cluster)
            self._client.register_plugin(ModelsPlugin(self.extractor), name=ModelsPlugin.name)
        return self._client

    def dashboard(self) -> str | None:
        import importlib.util

        if self._client is None or not importlib.util.find_spec("bokeh"):
            return None
        return str(self._client.dashboard_link)

    def map(self, fn: Callable[[str], list[Piece]], items: list[str]) -> list[list[Piece]]:
        if not items:
            return []
        return self.client.gather(self.client.map(fn, items, pure=False))  # type: ignore[no-any-return]

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
        if self._cluster is not None:
            self._cluster.close()


def _prepare_out(out: str, overwrite: bool) -> dict[str, Any] | None:
    """The output folder made ready; the manifest of an earlier run, when it is to be continued."""
    if os.path.exists(out) and not os.path.isdir(out):
        raise InputError(OUTPUT_NOT_BATCH.format(out=out))
    manifest = read_manifest(out) if os.path.isdir(out) else None
    if os.path.isdir(out) and manifest is None and os.listdir(out):
        raise InputError(OUTPUT_NOT_BATCH.format(out=out))
    if overwrite and manifest is not None:
        for t in (ARTICLES, QUOTES):
            folder = os.path.join(out, t)
            for f in os.listdir(folder) if os.path.isdir(folder) else []:
                if f.endswith(".parquet"):
                    os.remove(os.path.join(folder, f))
        os.remove(os.path.join(out, MANIFEST))
        manifest = None
    for t in (ARTICLES, QUOTES):
        os.makedirs(os.path.join(out, t), exist_ok=True)
    if manifest is None:  # the folder is a batch output from now on, also if this run stops early
        write_manifest(out, {"format": FORMAT, "inputs": {}, "splits": {}, "parts": []})
    return manifest


def _clear_temporary(out: str) -> None:
    """Files of parts a run left unfinished (a killed worker's, a killed run's)."""
    for t in (ARTICLES, QUOTES):
        folder = os.path.join(out, t)
        for f in os.listdir(folder):
            if f.startswith(".part-"):
                os.remove(os.path.join(folder, f))


def run_batch(
    paths: Iterable[str],
    out: str,
    workers: int | None = None,
    scheduler: str | None = None,
    overwrite: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    part_bytes: int = PART_BYTES,
    extractor: str = EXTRACTOR,
    progress: Callable[[str, Any], None] | None = None,
) -> BatchSummary:
    """Extract every record of ``paths`` on a Dask cluster into Parquet parts under ``out``.

    ``progress(event, value)`` hears "start" (the summary, once the cluster is up), "total" (input
    bytes to do), "advance" (bytes done so far) and "records" (records done so far).
    """
    from ..ingest.sources import check_inputs

    started = time.perf_counter()
    paths = [p if is_url(p) or is_web_address(p) or p == "-" else os.path.abspath(p) for p in paths]
    missing = check_inputs(paths)
    if missing:
        raise InputError("\n".join(str(e) for e in missing.values()))
    check_extractor(extractor)
    out = os.path.abspath(out)
    manifest = _prepare_out(out, overwrite)
    summary = BatchSummary(out, workers=workers or available_cores())
    cluster = _Cluster(summary.workers, scheduler, extractor)
    try:
        known = _known_splits(manifest)

        def mapper(fn: Callable[[str], list[Piece]], files: list[str]) -> list[list[Piece]]:
            todo = [f for f in files if f not in (known or {})]
            found = dict(zip(todo, cluster.map(fn, todo)))
            return [(known or {}).get(f) or found[f] for f in files]

        the_plan = plan(paths, part_bytes, max_bytes, mapper=mapper)
        _check_unchanged(the_plan, manifest, out)
        summary.parts = len(the_plan.parts)
        todo = [p for p in the_plan.parts if not finished(out, p.name)]
        summary.done_before = summary.parts - len(todo)
        entries = {e["name"]: e for e in (manifest or {}).get("parts", [])}
        if not todo:
            if manifest is None or any(p.name not in entries for p in the_plan.parts):
                # Parts a killed run finished but did not list: listed now (read from their files).
                _finish_manifest(out, manifest, the_plan, entries, part_bytes, max_bytes, extractor)
            summary.seconds = time.perf_counter() - started
            return summary
        _clear_temporary(out)
        client = cluster.client
        summary.dashboard = cluster.dashboard()
        summary.scheduler = client.scheduler.address
        summary.workers = len(client.scheduler_info().get("workers", {})) or summary.workers
        if progress:
            progress("start", summary)
            progress("total", sum(p.size for p in todo))
        _run(client, todo, out, max_bytes, extractor, summary, progress, the_plan, manifest, entries, part_bytes)
        _clear_temporary(out)
    finally:
        cluster.close()
    summary.seconds = time.perf_counter() - started
    return summary


def _run(
    client: Any,
    todo: list[Part],
    out: str,
    max_bytes: int,
    extractor: str,
    summary: BatchSummary,
    progress: Callable[[str, Any], None] | None,
    the_plan: Plan,
    manifest: dict[str, Any] | None,
    entries: dict[str, dict[str, Any]],
    part_bytes: int,
) -> None:
    from distributed import as_completed

    sizes = {p.name: p.size for p in todo}
    running: dict[str, tuple[int, float]] = {}  # part → (records, fraction) heard from its worker
    finished_bytes = 0
    finished_records = 0

    def tell() -> None:
        if progress:
            progress("advance", finished_bytes + sum(sizes[n] * f for n, (_, f) in running.items()))
            progress("records", finished_records + sum(r for r, _ in running.values()))

    def heard(event: Any) -> None:
        msg = event[1] if isinstance(event, tuple) else event
        if isinstance(msg, dict) and msg.get("part") in sizes:
            running[msg["part"]] = (int(msg["records"]), float(msg["fraction"]))
            tell()

    client.subscribe_topic(TOPIC, heard)
    for p in todo:  # (a marker an earlier run's dead task left names no record of this run's)
        _held(out, p.name)
    run_id = os.urandom(4).hex()
    futures = client.map(
        run_part, todo, out=out, max_bytes=max_bytes, extractor=extractor, key=[f"{p.name}-{run_id}" for p in todo], pure=False
    )
    names = {f.key: p.name for f, p in zip(futures, todo)}
    parts = {p.name: p for p in todo}
    tries = {p.name: 0 for p in todo}
    bad: dict[str, dict[str, str]] = {p.name: {} for p in todo}  # part -> the records that kill its task, with why
    solo: dict[str, set[str]] = {p.name: set() for p in todo}  # part -> records to extract alone
    last_write = time.monotonic()
    try:
        pending = as_completed(futures)
        for fut in pending:
            name = names[fut.key]
            try:
                counts = fut.result()
            except Exception as e:  # noqa: BLE001 - a part that cannot be written: the others go on
                running.pop(name, None)
                held = [x for x in _held(out, name) if x not in bad[name]]
                if held:
                    # The task died extracting these records: each alone, and one that still kills it a failure row.
                    if len(held) == 1:
                        bad[name][held[0]] = _death_reason(e)
                        logger.error("%s: %s", held[0], bad[name][held[0]])
                    else:
                        solo[name].update(held)
                    again = client.submit(run_part, parts[name], out=out, max_bytes=max_bytes, extractor=extractor,
                                          bad=dict(bad[name]), solo=frozenset(solo[name]),
                                          key=f"{name}-{run_id}-r{len(bad[name])}-{len(solo[name])}", pure=False)
                    names[again.key] = name
                    pending.add(again)
                    continue
                if tries[name] < PART_RETRIES:
                    tries[name] += 1
                    logger.warning("%s: task failed (%s: %s), submitted again", name, type(e).__name__, e)
                    again = client.submit(run_part, parts[name], out=out, max_bytes=max_bytes, extractor=extractor,
                                          key=f"{name}-{run_id}-{tries[name]}", pure=False)
                    names[again.key] = name
                    pending.add(again)
                    continue
                logger.error("%s: part could not be written (%s: %s)", name, type(e).__name__, e)
                summary.failed_parts.append(f"{name}: {type(e).__name__}: {e}")
                continue
            running.pop(name, None)
            fut.release()  # its result is kept here: a worker lost later does not run it again
            entries[name] = counts
            summary.written += 1
            for k in ("records", "articles", "quotes", "skipped", "failures"):
                setattr(summary, k, getattr(summary, k) + counts[k])
            finished_bytes += sizes[name]
            finished_records += counts["records"]
            tell()
            if time.monotonic() - last_write > MANIFEST_EVERY:
                _write(out, manifest, the_plan, entries, part_bytes, max_bytes, extractor)
                last_write = time.monotonic()
    finally:
        client.unsubscribe_topic(TOPIC)
        _write(out, manifest, the_plan, entries, part_bytes, max_bytes, extractor)


def _death_reason(e: BaseException) -> str:
    """Why a record's task failed when it was run alone: its worker died on it, or what it raised."""
    if type(e).__name__ == "KilledWorker":
        return WORKER_DIED
    return f"extracting it failed its whole task ({type(e).__name__}: {e}), also when it was run alone; the other records go on"


def _known_splits(manifest: dict[str, Any] | None) -> dict[str, list[Piece]] | None:
    """How an earlier run split each large file (so a re-run reads none of them again)."""
    if manifest is None:
        return None
    out: dict[str, list[Piece]] = {}
    for path, pieces in manifest.get("splits", {}).items():
        out[path] = [Piece(**p) for p in pieces]
    return out


def _check_unchanged(the_plan: Plan, manifest: dict[str, Any] | None, out: str) -> None:
    if manifest is None:
        return
    before = manifest.get("inputs", {})
    for path, ident in the_plan.inputs.items():
        if path in before and before[path] != ident:
            raise InputError(BATCH_INPUT_CHANGED.format(path=path, out=out))


def _finish_manifest(
    out: str, manifest: dict[str, Any] | None, the_plan: Plan, entries: dict[str, dict[str, Any]], part_bytes: int, max_bytes: int, extractor: str
) -> None:
    for p in the_plan.parts:
        if p.name not in entries:
            entries[p.name] = part_counts(out, p.name)
    _write(out, manifest, the_plan, entries, part_bytes, max_bytes, extractor)


def _write(
    out: str, manifest: dict[str, Any] | None, the_plan: Plan, entries: dict[str, dict[str, Any]], part_bytes: int, max_bytes: int, extractor: str
) -> None:
    """The manifest: the parts of earlier runs first, then this plan's finished ones, in input order."""
    planned = {p.name: p for p in the_plan.parts}
    earlier = [e for e in (manifest or {}).get("parts", []) if e["name"] not in planned]
    ours = [{**entries[p.name], "size": p.size, "pieces": [asdict(x) for x in p.pieces]} for p in the_plan.parts if p.name in entries]
    splits = dict((manifest or {}).get("splits", {}))
    for p in the_plan.parts:
        for x in p.pieces:
            if x.kind is not None:
                splits.setdefault(x.path, [])
    for path in splits:
        pieces = [asdict(x) for p in the_plan.parts for x in p.pieces if x.path == path and x.kind is not None]
        if pieces:
            splits[path] = pieces
    from .. import __version__

    write_manifest(
        out,
        {
            "format": FORMAT,
            "quotegraph": __version__,
            "settings": {"max_bytes": max_bytes, "part_bytes": part_bytes, "extractor": extractor},
            "inputs": {**(manifest or {}).get("inputs", {}), **the_plan.inputs},
            "splits": splits,
            "parts": earlier + ours,
        },
    )
