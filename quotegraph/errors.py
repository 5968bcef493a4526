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


class NotFound(InputError):
    """A named input that does not exist."""


class WebAddress(InputError):
    """An http(s) address given as an input: web pages are never fetched."""


# Sizes are in MB of 1,000,000 bytes, in the options, the code and the messages alike.
TOO_LARGE = "over the {limit:g} MB limit (1 MB = 1,000,000 bytes); raise it with --max-size"
NOT_A_CRAWLER = (
    "is a web address; quotegraph does not fetch web pages (it is not a crawler): "
    "give it WARC files or a crawler's output (HTML, JSONL) instead"
)

# An object-store or other fsspec address whose filesystem cannot be opened here.
NO_FILESYSTEM = (
    "cannot open {scheme}:// addresses here ({reason}); install fsspec and the package for that "
    "filesystem (s3fs for s3://, gcsfs for gs://, adlfs for az://)"
)

STDIN_IN_BATCH = "- (standard input) cannot be read by a batch; give files, folders, globs or addresses"
BATCH_INPUT_CHANGED = (
    "{path}: changed since {out} was made from it (size or modification time); start again with --overwrite, "
    "or give the changed file another name"
)
BATCH_PART_MISSING = "{out}: {name} is listed in its manifest but its files are gone; run the batch again to write it"
BATCH_PART_UNREADABLE = (
    "{out}: {name} cannot be read ({reason}); remove its two files and run the batch again to write it, "
    "the other parts are loaded"
)
OUTPUT_NOT_BATCH = "{out}: exists and is not a batch output folder (no readable _manifest.json); give a new or empty folder"
WORKER_SETUP_FAILED = "a worker process could not load the extractor ({reason}); nothing more was extracted"
# A worker process that died (killed, out of memory, a crash in a native library) while it extracted one record alone.
# Worker processes that die before doing anything, even on no record at all.
WORKERS_CANNOT_START = (
    "worker processes die as they start, before extracting anything (out of memory, or, where quotegraph is called "
    "from a script, a script that starts workers when imported: put its work under if __name__ == \"__main__\":); "
    "--jobs 1 extracts in this process"
)
WORKER_DIED = "the worker process extracting it died (killed, out of memory, or a crash), also when it was run alone; the other records go on"
# An extracted article that could not be prepared for the store (dated, its speakers' names in their forms): a bug.
PREPARE_FAILED = "{location}: extracted, but could not be prepared for the store ({error}); the rest of the batch goes on"
EXTRACTOR_UNUSABLE = (
    "extractor {spec!r} cannot be used ({reason}); name an importable function as module:function, one that yields "
    "an Article for each (doc id, text, published) item, as quotegraph.pipeline:extract_many does"
)


class NamePatternError(QuotegraphError):
    """A file-name date pattern (``ingest --date-from-name``) that cannot find a date."""


class ModelMissing(QuotegraphError):
    pass


class GoldFormatError(QuotegraphError):
    pass


class RecordError(InputError):
    """One record of a corpus (a file, a WARC record, a JSONL line) that cannot be read; the run goes on."""

    def __init__(self, location: str, message: str) -> None:
        super().__init__(f"{location}: {message}")
        self.location = location


class Skipped(QuotegraphError):
    """A record that is not an article to extract from (empty, another language, not HTML, no article
    in the page): counted and reported with its reason, not a failure."""

    def __init__(self, location: str, reason: str) -> None:
        super().__init__(f"{location}: skipped: {reason}")
        self.location = location
        self.reason = reason


class StoreError(QuotegraphError):
    """A corpus database that cannot be opened or written."""


class QueryError(InputError):
    """A search's filter or page value that cannot be used. ``field`` is the ``SearchQuery`` field it was given
    for and ``message`` says what is wrong with it, worded for any edge: each edge names the field its own way
    (the CLI ``--since``, the API and the pages ``since``, the search text ``q``)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field, self.message = field, message


class SearchSyntaxError(InputError):
    """A search text that cannot be read (an unclosed quote or parenthesis, an operator without a word)."""


# A search's values (``QueryError`` messages; the field is named by the edge).
NOT_A_DATE = "{value!r} is not a date; write it as YYYY-MM-DD (or YYYY-MM, YYYY)"
NOT_A_KIND = "{value!r} is not a kind of statement; choose one of {kinds}"
NOT_ONE_OF = "{value!r} is not one of {allowed}"
NOT_A_SORT = "{value!r} is not an order of results; choose one of {sorts}"
TOO_LONG = "too long ({length:,} characters); give at most {most:,}"
TOO_SMALL = "{value} is too small; give {least} or more"
SEARCH_SYNTAX = (
    "cannot read the search text {text!r} ({reason}); put words with punctuation in double quotes, "
    'e.g. "U.S. economy", or use plain words, "phrases", OR, NOT and prefix*'
)
