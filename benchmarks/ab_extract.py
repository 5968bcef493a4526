#!/usr/bin/env python3
"""Time `quotegraph extract` of this tree against another checkout of the repository, alternated, so that
the machine's drift falls on both alike (the ratio in `speed.py` moves with the machine as much as with the code).

    git worktree add /tmp/base 2b9eebc
    .venv/bin/python benchmarks/ab_extract.py /tmp/base [--texts DIR] [--runs 4]

Prints each run's wall time and the medians. Each run is a fresh process that imports the package from the
tree it times (the editable install's import hook is set aside for it).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TEXTS = ROOT.parent / "shared" / "corpora" / "polnear" / "dev" / "text"

RUN = """
import sys
sys.meta_path = [f for f in sys.meta_path if "editable" not in type(f).__name__.lower() and "__editable__" not in repr(f)]
sys.path.insert(0, {root!r})
import quotegraph
assert quotegraph.__file__.startswith({root!r}), quotegraph.__file__
from quotegraph.cli import main
sys.argv = ["quotegraph", "extract", {texts!r}, "-o", {null!r}]
try:
    main()
except SystemExit as e:
    sys.exit(e.code)
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("base", help="another checkout of this repository (a git worktree)")
    ap.add_argument("--texts", default=str(DEFAULT_TEXTS), help="folder of .txt files")
    ap.add_argument("--runs", type=int, default=4)
    args = ap.parse_args()
    if not Path(args.texts).is_dir():
        print(f"skipped: no folder {args.texts} (give --texts DIR)")
        return 0
    trees = {"base": str(Path(args.base).resolve()), "this": str(ROOT)}
    times: dict[str, list[float]] = {name: [] for name in trees}
    for i in range(args.runs):
        for name, root in trees.items():
            code = RUN.format(root=root, texts=args.texts, null="/dev/null")
            t = time.perf_counter()
            done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
            elapsed = time.perf_counter() - t
            if done.returncode:
                print(f"{name} failed:\n{done.stderr[-2000:]}", file=sys.stderr)
                return 1
            times[name].append(elapsed)
            print(f"run {i + 1} {name}: {elapsed:.2f} s", flush=True)
    print("medians: " + ", ".join(f"{name} {statistics.median(v):.2f} s" for name, v in times.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
