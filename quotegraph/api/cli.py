"""The ``quotegraph serve`` command: the web pages and the REST API on a corpus database, with uvicorn.

It binds first (``workers.bind``), then prints the address it has: a port in use is one line and exit 1, and
``--port 0`` prints the port the system gave."""

from __future__ import annotations

import os
import shutil
import socket
import tempfile
from pathlib import Path

import click

from ..cli_errors import cli_errors
from ..cli_options import DB_OPTION


@click.command()
@DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback by default; 0.0.0.0 exposes it to the network).")
@click.option("--port", type=click.IntRange(min=0, max=65535), default=8000, show_default=True, help="Port to listen on (0: a free one, printed).")
@click.option(
    "--max-extract", type=click.IntRange(min=1), default=200, show_default=True, help="Largest text POST /api/extract and the /extract page take, in kB."
)
@click.option(
    "--workers",
    type=click.IntRange(min=1, max=64),
    default=None,
    help="Server processes [default: one per core, at most 4]. Each has its own connections, search cache and "
    "POST /api/extract rate limit (per process: a client may make that many extractions in each) and loads the models "
    "on its first extraction.",
)
def serve(db: str, host: str, port: int, max_extract: int, workers: int | None) -> None:
    """Serve the corpus database as web pages and a REST API (read-only; OpenAPI docs at /docs).

    Pages: / (overview), /search, /speakers/ID, /articles/ID and /extract.
    Endpoints: /api/statements (search), /api/speakers, /api/speakers/ID,
    /api/articles/ID and POST /api/extract. Ctrl-C stops it.

    \b
    Example:
        quotegraph serve --db news.db
        quotegraph serve --db news.db --port 8080 --workers 2
    """
    from . import workers as serving
    from .app import check_database, create_app

    workers = workers or default_workers()
    app = None
    with cli_errors():
        if workers == 1:
            app = create_app(db, max_extract_bytes=max_extract * 1000)
        else:
            check_database(db)  # here, once, so that a bad --db is one line rather than an error in every worker
        # The address is taken before it is announced: a port in use is one line, and --port 0 prints the port given.
        sockets = serving.bind(host, port, workers if workers > 1 and serving.spread_by_kernel() else 1)
    address = serving.url(sockets[0])
    extra = f", {workers} worker processes" if workers > 1 else ""
    click.echo(f"quotegraph on {address} (API: {address}api/statements, docs: /docs{extra}); Ctrl-C stops it", err=True)
    try:
        with cli_errors():
            if app is not None:
                serving.serve_in_process(app, sockets[0])
            else:
                _serve_in_workers(db, sockets, workers, max_extract)
    finally:
        for sock in sockets:
            sock.close()


def _serve_in_workers(db: str, sockets: list[socket.socket], workers: int, max_extract: int) -> None:
    """Serve in ``workers`` processes on ``sockets`` (one each where the kernel spreads connections, else one shared)."""
    from . import workers as serving
    from .app import ENV_DB, ENV_MAX_EXTRACT_BYTES, ENV_SHARED_RANKINGS

    # Worker processes import the app: each builds its own from the environment (quotegraph.api.app.app_from_env).
    os.environ[ENV_DB] = str(Path(db).resolve())
    os.environ[ENV_MAX_EXTRACT_BYTES] = str(max_extract * 1000)
    try:
        shared: str | None = tempfile.mkdtemp(prefix="quotegraph-rankings-")  # private to this user; removed when the server stops
    except OSError as e:  # no writable temporary directory: each process ranks for itself
        click.echo(f"quotegraph: the server's processes will not share rankings ({e})", err=True)
        shared = None
    os.environ[ENV_SHARED_RANKINGS] = shared or ""
    try:
        serving.run(workers, sockets)
    finally:
        if shared:
            shutil.rmtree(shared, ignore_errors=True)


def default_workers() -> int:
    """One server process per core this process may run on, at most ``MAX_DEFAULT_WORKERS``: on 2 cores shared with
    the load test's 50 clients, 2 processes served the search page at 482 requests/s (p99 193 ms), 1 at 284 (p99 309 ms);
    the Python half of a request (HTTP, routing, templates) holds one process's GIL."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_DEFAULT_WORKERS))


MAX_DEFAULT_WORKERS = 4  # each process keeps its own caches and, after an extraction, its own models


def register(cli: click.Group) -> None:
    cli.add_command(serve)
