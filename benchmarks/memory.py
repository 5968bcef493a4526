#!/usr/bin/env python3
"""Memory and time against article length: ``quotegraph extract`` and ``quotegraph ingest`` on one
article of 0.1, 0.5, 1, 2 and 5 MB (issue 10: flat memory, linear time).

Each article is made of PolNeAR texts joined by blank lines (or, without the corpus, the bundled
example repeated), cut to the size; ``--one-line`` joins everything into one line instead (no
paragraph to cut at). Each run is a whole process, as a user runs it (model loading included):

    quotegraph extract FILE -o /dev/null
    quotegraph ingest FILE --db NEW.db -q           (its default workers)

and prints wall seconds, seconds per MB, peak RSS of the process tree (summed) and of its
largest process.

    .venv/bin/python benchmarks/memory.py [--sizes 0.1 0.5 1 2 5] [--one-line] [--texts DIR]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from proc import timed_peaks  # benchmarks/proc.py (the script's folder is on sys.path)

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TEXTS = ROOT.parent / "shared" / "corpora" / "polnear" / "train" / "text"
QUOTEGRAPH = str(Path(sys.executable).with_name("quotegraph"))


def article(size_mb: float, texts: list[str], one_line: bool) -> str:
    want = int(size_mb * 1_000_000)
    parts, n, i = [], 0, 0
    while n < want:
        t = texts[i % len(texts)]
        parts.append(t)
        n += len(t.encode("utf-8")) + 2
        i += 1
    text = "\n\n".join(parts)
    if one_line:
        text = " ".join(text.split())
    data = text.encode("utf-8")[:want]
    return data.decode("utf-8", errors="ignore")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=float, nargs="+", default=[0.1, 0.5, 1, 2, 5], help="article sizes in MB")
    ap.add_argument("--texts", default=str(DEFAULT_TEXTS), help="folder of .txt files to build articles from")
    ap.add_argument("--one-line", action="store_true", help="each article one line, with no paragraph break")
    ap.add_argument("--only", choices=["extract", "ingest"], help="run one command only")
    args = ap.parse_args()

    folder = Path(args.texts)
    paths = sorted(folder.glob("*.txt")) if folder.is_dir() else []
    if not paths:
        print(f"no texts at {folder}: articles are the bundled example repeated", file=sys.stderr)
        paths = [ROOT / "examples" / "defence-dialogue.txt"]
    texts = [p.read_text(encoding="utf-8") for p in paths]
    print(f"{'command':<8} {'MB':>5} {'seconds':>8} {'s/MB':>6} {'peak RSS, all processes':>24} {'largest process':>16}")
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            path = Path(tmp) / f"article-{size}MB.txt"
            path.write_text(article(size, texts, args.one_line), encoding="utf-8")
            mb = path.stat().st_size / 1e6
            runs = {
                "extract": [QUOTEGRAPH, "extract", str(path), "-o", "/dev/null", "--max-size", "50"],
                "ingest": [QUOTEGRAPH, "ingest", str(path), "--db", str(Path(tmp) / f"{size}.db"), "-q", "--max-size", "50"],
            }
            for name, cmd in runs.items():
                if args.only and name != args.only:
                    continue
                seconds, peak, largest = timed_peaks(cmd)
                print(f"{name:<8} {mb:>5.2f} {seconds:>8.1f} {seconds / mb:>6.1f} {peak / 1e9:>21.2f} GB {largest / 1e9:>13.2f} GB", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
