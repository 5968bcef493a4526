import importlib.util
import json

import pytest

from quotegraph.eval.run import evaluate_folder, quotes_of
from quotegraph.eval.score import evaluate, trimmed_chars

TEXT = "“We will win,” she said. Prices rose, officials said."


def span(sub: str) -> list[tuple[int, int]]:
    s = TEXT.index(sub)
    return [(s, s + len(sub))]


GOLD = [
    {"cue": span("said"), "source": span("she"), "content": span("“We will win,”")},
    {"cue": span("officials said")[:1], "source": span("officials"), "content": span("Prices rose")},
]


@pytest.mark.parametrize(
    "pred, metric, tp",
    [
        # quote marks and final punctuation are trimmed for exact match
        ([{"cue": [], "source": span("she"), "content": span("We will win")}], "content_exact", 1),
        ([{"cue": [], "source": span("she"), "content": span("We will win")}], "attribution", 1),
        # right content, wrong source
        ([{"cue": [], "source": span("officials"), "content": span("We will win")}], "attribution", 0),
        # gold has a source, prediction none
        ([{"cue": [], "source": [], "content": span("Prices rose")}], "attribution", 0),
        # half the content words: Dice 2*1/(1+2) < 0.5? no: 0.67 >= 0.5
        ([{"cue": [], "source": span("officials"), "content": span("Prices")}], "content_partial", 1),
        ([{"cue": [], "source": span("officials"), "content": span("Prices")}], "content_exact", 0),
        ([], "attribution", 0),
    ],
)
def test_score_quote_metrics(pred, metric, tp):
    res, _ = evaluate([(TEXT, GOLD, pred)])
    assert res[metric]["tp"] == tp
    assert res[metric]["n_gold"] == 2


def test_score_trimmed_chars_drops_quotes_and_final_punct():
    assert trimmed_chars(TEXT, span("“We will win,”")) == trimmed_chars(TEXT, span("We will win"))


def test_score_cue_may_be_a_list_of_spans():
    rec = {"doc": "d", "quotes": [{"cue": [{"start": 1, "end": 3}, {"start": 5, "end": 6}], "sources": [], "contents": []}]}
    assert quotes_of(rec)[0]["cue"] == [(1, 3), (5, 6)]
    rec["quotes"][0]["cue"] = None
    assert quotes_of(rec)[0]["cue"] == []


def test_score_same_figures_as_reference_scorer(corpus_dev, tmp_path):
    """The project's scorer and the reference one agree on dev (gold dumped as a prediction, then perturbed)."""
    from tests.conftest import REFERENCE_SCORER

    if not REFERENCE_SCORER.exists():
        pytest.skip(f"reference scorer not found at {REFERENCE_SCORER}")
    spec = importlib.util.spec_from_file_location("attribution_eval", REFERENCE_SCORER)
    ref = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ref)
    gold, _ = ref.load_gold(str(corpus_dev))
    dump = tmp_path / "gold.jsonl"
    ref.dump_gold(gold, str(dump))
    # Perturb: drop every third quote, shift some content ends, drop some sources.
    lines = []
    for line in dump.read_text().splitlines():
        rec = json.loads(line)
        qs = []
        for i, q in enumerate(rec["quotes"]):
            if i % 3 == 2:
                continue
            if i % 4 == 1 and q["contents"]:
                q["contents"][0]["end"] -= 7
            if i % 5 == 3:
                q["sources"] = []
            qs.append(q)
        rec["quotes"] = qs
        lines.append(json.dumps(rec))
    pred = tmp_path / "pred.jsonl"
    pred.write_text("\n".join(lines) + "\n")
    theirs, _ = ref.evaluate(gold, ref.load_pred(str(pred), gold))
    ours, _ = evaluate_folder(corpus_dev, str(pred))
    for metric, vals in theirs.items():
        for k in ("precision", "recall", "f1"):
            assert round(ours[metric][k], 3) == round(vals[k], 3), (metric, k)
