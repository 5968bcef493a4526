"""Read a PolNeAR-style gold folder (``text/`` and BRAT ``attributions/``)."""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

logger = logging.getLogger(__name__)

ROLE_OF = {"Source": "source", "Cue": "cue", "Content": "content"}
_T_LINE = re.compile(r"(T\d+)\t(\S+) ([\d ;]+)\t")
_E_LINE = re.compile(r"E\d+\t(.*)")

Spans = list[tuple[int, int]]


@dataclass
class GoldAttribution:
    cue: Spans = field(default_factory=list)
    source: Spans = field(default_factory=list)
    content: Spans = field(default_factory=list)


@dataclass
class GoldDoc:
    doc: str
    text: str
    attributions: list[GoldAttribution]
    ann_file: str | None


def read_text(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as f:  # keep "\r" so offsets stay right
        return f.read()


def parse_ann(path: Path) -> list[GoldAttribution]:
    """Attributions of one BRAT standoff file; spans not tied to an ``E`` line are ignored."""
    spans: dict[str, tuple[str, Spans]] = {}
    events: list[list[list[str]]] = []
    for line in read_text(path).replace("\r\n", "\n").split("\n"):
        m = _T_LINE.match(line)
        if m:
            parts = [tuple(int(x) for x in p.split()) for p in m.group(3).split(";")]
            spans[m.group(1)] = (m.group(2), [(p[0], p[1]) for p in parts])
            continue
        m = _E_LINE.match(line)
        if m:
            events.append([arg.split(":", 1) for arg in m.group(1).split()])
    out = []
    for args in events:
        att = GoldAttribution()
        for role, tid in args:
            name = ROLE_OF.get(re.sub(r"\d+$", "", role))
            if name and tid in spans:
                getattr(att, name).extend(spans[tid][1])
        out.append(att)
    return out


def load_gold(gold_dir: str | Path) -> dict[str, GoldDoc]:
    """Every text of the folder with the alphabetically first of its ``.ann`` files."""
    gold_dir = Path(gold_dir)
    text_dir, ann_dir = gold_dir / "text", gold_dir / "attributions"
    anns: dict[str, list[str]] = defaultdict(list)
    for p in ann_dir.iterdir():
        if p.suffix == ".ann":
            stem = p.stem
            anns[stem].append(p.name)
            if "_" in stem:
                anns[stem.rsplit("_", 1)[0]].append(p.name)
    gold = {}
    for p in sorted(text_dir.iterdir()):
        if p.suffix != ".txt":
            continue
        files = sorted(set(anns.get(p.stem, [])))
        if not files:
            logger.warning("no .ann file for %s; treated as having no attributions", p.stem)
        atts = parse_ann(ann_dir / files[0]) if files else []
        gold[p.stem] = GoldDoc(p.stem, read_text(p), atts, files[0] if files else None)
    return gold
