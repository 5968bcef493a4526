"""Serving a corpus database: ``serve`` checks it, picks the worker strategy, binds, says where it listens and
serves until Ctrl-C or SIGTERM; with worker processes it also sets what they read (the environment of
``app.app_from_env``), having brought the search index up to date once, before they start.
``quotegraph serve`` parses its options and calls it."""

from __future__ import annotations

import os
import socket
from collections.abc import Callable
from pathlib import Path

from ..store.index import index_of
from . import workers as serving
from .app import ENV_DB, ENV_MAX_EXTRACT_BYTES, MAX_EXTRACT_BYTES, create_app
from .pool import check_database, connect_readonly

MAX_DEFAULT_WORKERS = 4  # each process keeps its own caches and, after an extraction, its own models


def default_workers() -> int:
    """One server process per core this process may run on, at most ``MAX_DEFAULT_WORKERS``: on 2 cores shared with
    the load test's 50 clients, 2 processes served the search page at 482 requests/s (p99 193 ms), 1 at 284 (p99 309 ms);
    the Python half of a request (HTTP, routing, templates) holds one process's GIL."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_DEFAULT_WORKERS))


def serve(
    db: str,
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    max_extract_bytes: int = MAX_EXTRACT_BYTES,
    workers: int | None = None,
    listening: Callable[[str, int], None] | None = None,
    warn: Callable[[str], None] | None = None,
) -> None:
    """Serve the database at ``db`` as web pages and the REST API on ``host:port`` (port 0: a free one) with
    ``workers`` processes (default: ``default_workers()``; 1 serves in this process), until Ctrl-C or SIGTERM.

    The address is bound before anything is announced: ``listening(address, workers)`` is called once it is (a port
    in use is a ``QuotegraphError``, as is a database that is not one, before any worker starts); ``warn`` hears of
    what works less well than it could (a search index that cannot be kept beside the database)."""
    workers = workers or default_workers()
    app = create_app(db, max_extract_bytes=max_extract_bytes) if workers == 1 else None  # which checks the database
    if app is None:
        check_database(db)  # here, once, so that a bad database is one error rather than one in every worker
    conn = connect_readonly(db)
    try:
        index = index_of(conn)
        index.searcher(conn)  # up to date once, here, rather than by the first request while the others wait
    finally:
        conn.close()
    if index.directory is None and warn is not None:
        warn(f"the search index cannot be written beside {db}: each server process builds its own, in memory")
    sockets = serving.bind(host, port, workers if workers > 1 and serving.spread_by_kernel() else 1)
    try:
        if listening is not None:
            listening(serving.url(sockets[0]), workers)
        if app is not None:
            serving.serve_in_process(app, sockets[0])
        else:
            serve_in_workers(db, sockets, workers, max_extract_bytes)
    finally:
        for sock in sockets:
            sock.close()


def serve_in_workers(
    db: str, sockets: list[socket.socket], workers: int, max_extract_bytes: int
) -> None:
    """Serve in ``workers`` processes on ``sockets`` (one each where the kernel spreads connections, else one shared)."""
    # Worker processes import the app: each builds its own from the environment (quotegraph.serve.app.app_from_env).
    os.environ[ENV_DB] = str(Path(db).resolve())
    os.environ[ENV_MAX_EXTRACT_BYTES] = str(max_extract_bytes)
    serving.run(workers, sockets)
