"""Click options that several commands share, defined once."""

from __future__ import annotations

import click

from ..batch.workers import EXTRACTOR
from ..model import MIN_CONFIDENCE

MIN_CONFIDENCE_OPTION = click.option(
    "--min-confidence",
    type=click.FloatRange(0.0, 1.0),
    default=MIN_CONFIDENCE,
    show_default=True,
    help="Leave out quotes less confident than this (0 keeps every one).",
)

DB_OPTION = click.option("--db", default="quotegraph.db", show_default=True, type=click.Path(dir_okay=False), help="The corpus database (SQLite).")

EXTRACTOR_OPTION = click.option(
    "--extractor",
    default=EXTRACTOR,
    show_default=True,
    metavar="MODULE:FUNCTION",
    help="Your own extractor: an importable function yielding an Article for each (doc id, text, published) item.",
)
