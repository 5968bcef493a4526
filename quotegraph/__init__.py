"""quotegraph: who said what in the news."""

from __future__ import annotations

import logging

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())


def extract(text: str, published: str | None = None, doc: str = "text"):  # type: ignore[no-untyped-def]
    """Every attributed statement of one article (see ``quotegraph.pipeline.extract``)."""
    from .pipeline import extract as _extract

    return _extract(text, published=published, doc=doc)


__all__ = ["extract", "__version__"]
