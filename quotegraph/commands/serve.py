"""The ``quotegraph serve`` command: the web pages and the REST API on a corpus database, with uvicorn: its options
parsed, then ``server.serve``, which binds first and then says the address it has (printed here): a port in use is
one line and exit 1, and ``--port 0`` prints the port the system gave."""

from __future__ import annotations

import click

from .errors import cli_errors
from .options import DB_OPTION


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
    from ..serve.server import serve as run_server

    def listening(address: str, count: int) -> None:
        extra = f", {count} worker processes" if count > 1 else ""
        click.echo(f"quotegraph on {address} (API: {address}api/statements, docs: /docs{extra}); Ctrl-C stops it", err=True)

    with cli_errors():
        run_server(
            db,
            host,
            port,
            max_extract_bytes=max_extract * 1000,
            workers=workers,
            listening=listening,
            warn=lambda line: click.echo(f"quotegraph: {line}", err=True),
        )


def register(cli: click.Group) -> None:
    cli.add_command(serve)
