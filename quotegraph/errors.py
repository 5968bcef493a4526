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
