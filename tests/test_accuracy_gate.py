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
    from quotegraph.eval.speakers import speaker_accuracy

    return speaker_accuracy(corpus_dev / "text")


@pytest.mark.parametrize("form", sorted(FLOORS["speakers"]))
def test_accuracy_gate_speaker_resolution(speaker_scores, form):
    got = speaker_scores[form]["accuracy"]
    assert got >= FLOORS["speakers"][form], f"speaker resolution ({form}) {got:.4f} < floor"
