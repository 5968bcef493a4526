"""The ``quotegraph serve`` command: the web pages and the REST API on a corpus database, with uvicorn."""

from __future__ import annotations

import click

from ..errors import QuotegraphError
from ..store.cli import DB_OPTION


@click.command()
@DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback by default; 0.0.0.0 exposes it to the network).")
@click.option("--port", type=int, default=8000, show_default=True, help="Port to listen on.")
@click.option("--max-extract", type=int, default=200, show_default=True, help="Largest text POST /api/extract and the /extract page take, in kB.")
def serve(db: str, host: str, port: int, max_extract: int) -> None:
    """Serve the corpus database as web pages and a REST API (read-only; OpenAPI docs at /docs).

    Pages: / (overview), /search, /speakers/ID, /articles/ID and /extract.
    Endpoints: /api/statements (search), /api/speakers, /api/speakers/ID,
    /api/articles/ID and POST /api/extract. Ctrl-C stops it.

    \b
    Example:
        quotegraph serve --db news.db
        quotegraph serve --db news.db --port 8080
    """
    import uvicorn

    from .app import create_app

    try:
        app = create_app(db, max_extract_bytes=max_extract * 1000)
    except QuotegraphError as e:
        raise click.ClickException(str(e)) from None
    click.echo(f"quotegraph on http://{host}:{port}/ (API: http://{host}:{port}/api/statements, docs: /docs); Ctrl-C stops it", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def register(cli: click.Group) -> None:
    cli.add_command(serve)
