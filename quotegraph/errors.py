"""Every error quotegraph raises, each with a message saying what to do."""

from __future__ import annotations


class QuotegraphError(Exception):
    """Base class: the edges (CLI, API, batch) turn these into their own shape."""


class InputError(QuotegraphError):
    """A document that cannot be read as text."""


class EmptyInput(InputError):
    pass


class BinaryInput(InputError):
    pass


class TooLarge(InputError):
    pass


class ModelMissing(QuotegraphError):
    pass


class GoldFormatError(QuotegraphError):
    pass


class RecordError(InputError):
    """One record of a corpus (a file, a WARC record, a JSONL line) that cannot be read; the run goes on."""

    def __init__(self, location: str, message: str) -> None:
        super().__init__(f"{location}: {message}")
        self.location = location


class StoreError(QuotegraphError):
    """A corpus database that cannot be opened or written."""


class SearchSyntaxError(QuotegraphError):
    """A search text that SQLite FTS5 cannot parse."""
