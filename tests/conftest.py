from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests draw new examples on every local run (to find what no table thought of); in CI they draw the same
# ones every time, so that a red CI means a change broke something, not that a draw was unlucky. An example a local
# run finds goes into the test's table of @example cases.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "defence-dialogue.txt"
CORPUS = Path(os.environ.get("QUOTEGRAPH_POLNEAR", ROOT.parent / "shared" / "corpora" / "polnear"))
REFERENCE_SCORER = Path(os.environ.get("QUOTEGRAPH_REFERENCE_SCORER", ROOT.parent / "shared" / "tools" / "attribution_eval.py"))


def read(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


@pytest.fixture(scope="session")
def corpus_dev() -> Path:
    dev = CORPUS / "dev"
    if not (dev / "text").is_dir():
        pytest.skip(f"PolNeAR corpus not found at {CORPUS} (set QUOTEGRAPH_POLNEAR to its folder)")
    return dev


@pytest.fixture(scope="session")
def example_text() -> str:
    return read(EXAMPLE)


@pytest.fixture(scope="session")
def example_gold() -> dict:
    return json.loads((ROOT / "tests" / "data" / "example_gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def example_article(example_text):
    from quotegraph import extract

    return extract(example_text, doc="defence-dialogue")
