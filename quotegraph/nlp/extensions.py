"""quotegraph's ``Doc`` extensions, stored so that ``Doc.to_bytes`` and ``DocBin(store_user_data=True)``
give them back equal.

    doc._.quotes       list[Quote] | None    every quote, offsets into doc.text, sorted by start
    doc._.body         (start, end) | None   the article body (None: the whole text)
    doc._.boilerplate  list[(start, end)]    lines set aside as site furniture (teasers, share lines, bylines)
    doc._.published    str | None            ISO date of the article, if known: dates the roles of public figures
    doc._.author       str | None            the page's author, if its metadata names one: who writes "I" where the text signs nothing

spaCy writes ``doc.user_data`` as msgpack and reads it back with lists as tuples. The records
(``Quote``, ``Span``, ``Speaker``) go through an encoder and decoder registered with srsly here; a
list- or tuple-valued extension is kept in a small holder that restores its shape on reading.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from typing import Any

import srsly
from spacy.tokens import Doc

from ..model import Quote, Span, Speaker

MARK = "__quotegraph__"
_RECORDS: dict[str, type] = {"Quote": Quote, "Span": Span, "Speaker": Speaker}
# How each held extension's value comes back from msgpack (which reads arrays as tuples).
_RESTORE: dict[str, Callable[[Any], Any]] = {
    "quotes": list,
    "body": tuple,
    "boilerplate": lambda v: [tuple(x) for x in v],
}


class Held:
    """An extension's value in ``doc.user_data``: written with its name, read back in its own shape."""

    __slots__ = ("name", "value")

    def __init__(self, name: str, value: Any) -> None:
        self.name = name
        self.value = value


def encode(obj: Any, chain: Callable[[Any], Any] | None = None) -> Any:
    """srsly msgpack encoder: quotegraph records and held values as marked maps."""
    if isinstance(obj, Held):
        return {MARK: "held", "name": obj.name, "value": obj.value}
    name = type(obj).__name__
    if _RECORDS.get(name) is type(obj):
        return {MARK: name, **{f.name: getattr(obj, f.name) for f in fields(obj)}}  # type: ignore[arg-type]
    return obj if chain is None else chain(obj)


def decode(obj: Any, chain: Callable[[Any], Any] | None = None) -> Any:
    """srsly msgpack decoder: the marked maps of ``encode`` back to records and held values."""
    kind = obj.get(MARK) if isinstance(obj, dict) else None
    if kind == "held":
        value = obj["value"]
        return Held(obj["name"], None if value is None else _RESTORE[obj["name"]](value))
    if kind == "Quote":
        return Quote(obj["kind"], obj["cue"], list(obj["sources"]), list(obj["contents"]), obj["speaker"], obj["confidence"])
    if kind in ("Span", "Speaker"):
        return _RECORDS[kind](**{k: v for k, v in obj.items() if k != MARK})
    return obj if chain is None else chain(obj)


def _held(name: str) -> tuple[Callable[[Doc], Any], Callable[[Doc, Any], None]]:
    key = f"quotegraph.{name}"

    def get(doc: Doc) -> Any:
        held = doc.user_data.get(key)
        return held.value if isinstance(held, Held) else None

    def set_(doc: Doc, value: Any) -> None:
        if value is None:
            doc.user_data.pop(key, None)
        else:
            doc.user_data[key] = Held(name, value)

    return get, set_


def register() -> None:
    """Set the ``Doc`` extensions and the msgpack encoder and decoder (once; again is a no-op)."""
    srsly.msgpack_encoders.register("quotegraph", func=encode)
    srsly.msgpack_decoders.register("quotegraph", func=decode)
    for name in _RESTORE:
        if not Doc.has_extension(name):
            get, set_ = _held(name)
            Doc.set_extension(name, getter=get, setter=set_)
    if not Doc.has_extension("published"):
        Doc.set_extension("published", default=None)
    if not Doc.has_extension("author"):
        Doc.set_extension("author", default=None)
