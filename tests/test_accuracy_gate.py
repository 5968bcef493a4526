"""Accuracy gate: dev scores must not fall below the floors in accuracy_floors.json.

Floors only go up: raise them when a change improves the scores.
"""

import json
from pathlib import Path

import pytest

FLOORS = json.loads((Path(__file__).with_name("accuracy_floors.json")).read_text())
FLOORS.pop("_doc", None)

pytestmark = [pytest.mark.model, pytest.mark.corpus]


@pytest.fixture(scope="module")
def dev_scores(corpus_dev):
    from quotegraph.eval.run import evaluate_folder

    res, _ = evaluate_folder(corpus_dev)
    return res


@pytest.mark.parametrize("metric", sorted(FLOORS["dev"]))
def test_accuracy_gate_dev(dev_scores, metric):
    assert dev_scores[metric]["f1"] >= FLOORS["dev"][metric], f"{metric} F1 {dev_scores[metric]['f1']:.4f} < floor"


@pytest.fixture(scope="module")
def speaker_scores(corpus_dev):
    from quotegraph.eval.speakers import ANNOTATION, HELDOUT, speaker_accuracy

    return {"speakers": speaker_accuracy(corpus_dev / "text", ANNOTATION), "speakers_heldout": speaker_accuracy(corpus_dev / "text", HELDOUT)}


@pytest.mark.parametrize("which, form", [(w, f) for w in ("speakers", "speakers_heldout") for f in sorted(FLOORS[w])])
def test_accuracy_gate_speaker_resolution(speaker_scores, which, form):
    got = speaker_scores[which][form]["accuracy"]
    assert got >= FLOORS[which][form], f"speaker resolution, {which} ({form}) {got:.4f} < floor"
