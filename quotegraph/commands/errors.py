"""The CLI's error edge, defined once: a quotegraph error raised inside ``cli_errors()`` becomes one line and exit
status 1 (``click.ClickException``), a search value's error (``QueryError``) naming the command's option for it."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager

import click

from ..errors import QueryError, QuotegraphError


@contextmanager
def cli_errors(options: Mapping[str, str] | None = None) -> Iterator[None]:
    """The block's quotegraph errors as one-line usage errors. ``options`` names the ``SearchQuery`` fields the
    command takes otherwise than ``--FIELD`` (``{"text": "--search"}``)."""
    try:
        yield
    except QueryError as e:
        option = (options or {}).get(e.field, f"--{e.field}")
        raise click.ClickException(f"{option}: {e.message}") from None
    except QuotegraphError as e:
        raise click.ClickException(str(e)) from None
