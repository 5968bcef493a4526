"""Attributions a reader expects in news written in styles PolNeAR lacks (``tests/data/styles``): each expected
content with its speaker, checked against what the pipeline gives."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..model import Article, Quote


@dataclass
class Expected:
    article: str
    want: dict[str, Any]
    got: Sequence[tuple[str | None, str | None, str | None, str]]  # (speaker, type, role, kind) of each quote holding the content
    right: bool


def expectations(folder: str | Path) -> dict[str, list[dict[str, Any]]]:
    """The folder's ``expected.json``: article file name -> its expected attributions."""
    table = json.loads((Path(folder) / "expected.json").read_text(encoding="utf-8"))
    return {k: v for k, v in table.items() if not k.startswith("_")}


def matches(q: Quote, want: dict[str, Any]) -> bool:
    """Whether ``q`` gives the expected speaker (null: a description), and the role's last word, kind and start
    where the expectation names them."""
    sp = q.speaker
    if sp is None:
        return False
    ok = sp.type == "DESCRIPTION" if want["speaker"] is None else (sp.name, sp.type) == (want["speaker"], want["type"])
    if "role" in want:
        ok = ok and sp.role is not None and sp.role.lower().endswith(want["role"].lower().split()[-1])
    if "kind" in want:
        ok = ok and q.kind == want["kind"]
    if "starts" in want:
        ok = ok and any(c.text.startswith(want["starts"]) for c in q.contents)
    return ok


def check(folder: str | Path, articles: dict[str, Article]) -> list[Expected]:
    """Each expectation of the folder, against ``articles`` (file name -> the pipeline's article)."""
    out = []
    for name, wants in expectations(folder).items():
        for want in wants:
            quotes = [q for q in articles[name].quotes if any(want["content"] in c.text for c in q.contents)]
            got = [(q.speaker.name if q.speaker else None, q.speaker.type if q.speaker else None, q.speaker.role if q.speaker else None, q.kind)
                   for q in quotes]
            out.append(Expected(name, want, got, any(matches(q, want) for q in quotes)))
    return out
