"""The ``quotegraph`` command: a thin layer over the library. The group is here; its commands are in
``quotegraph.commands``, one module per group of them, each registering its own."""

from __future__ import annotations

import logging
import sys

import click

from . import __version__
from .commands import batch, extract, serve, store


def _setup_logging(verbose: int) -> None:
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="quotegraph")
@click.option("-v", "--verbose", count=True, help="More log output on stderr (-vv for debug).")
def cli(verbose: int) -> None:
    """quotegraph: who said what in the news.

    \b
    Example:
        quotegraph extract article.txt --format text
    """
    _setup_logging(verbose)


for group in (extract, batch, store, serve):
    group.register(cli)


def main() -> None:
    cli(prog_name="quotegraph")


if __name__ == "__main__":
    main()
