"""quotegraph: who said what in the news."""

from __future__ import annotations

import logging

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())


def extract(text: str, published: str | None = None, doc: str = "text"):  # type: ignore[no-untyped-def]
    """Every attributed statement of one article (see ``quotegraph.pipeline.extract``)."""
    from .pipeline import extract as _extract

    return _extract(text, published=published, doc=doc)


def load():  # type: ignore[no-untyped-def]
    """The whole extraction as a spaCy pipeline: ``nlp(text)`` finds what ``extract(text)`` finds
    (``doc._.quotes``, span groups ``quote_cues``, ``quote_sources``, ``quote_contents``)."""
    from .pipeline import load as _load

    return _load()


def __getattr__(name: str):  # type: ignore[no-untyped-def]
    """``quotegraph.Store``: a corpus database as records (``quotegraph.store.records.Store``), imported when used."""
    if name == "Store":
        from .store.records import Store

        return Store
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["Store", "extract", "load", "__version__"]
