"""The corpus store: one SQLite database of articles, statements, their occurrences and speakers.

Nothing here imports spaCy or the extraction stages: the store takes ``Article``
records (``quotegraph.model``) and the metadata of their documents.
"""

from .db import SCHEMA_VERSION, Store, open_store

__all__ = ["SCHEMA_VERSION", "Store", "open_store"]
