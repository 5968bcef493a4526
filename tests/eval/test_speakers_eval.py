"""The speaker figures' arithmetic: B-cubed identity, role rightness, gold identities."""

import json

import pytest

from quotegraph.eval.speakers import _identity, _role_right, _role_whole, bcubed


@pytest.mark.parametrize(
    "items, precision, recall",
    [
        # One person, one speaker id: perfect.
        ([("a", "1"), ("a", "1"), ("b", "2")], 1.0, 1.0),
        # One person split in two: precision stays, recall drops.
        ([("a", "1"), ("a", "2"), ("b", "3")], 1.0, (0.5 + 0.5 + 1) / 3),
        # Two people merged into one speaker: recall stays, precision drops.
        ([("a", "1"), ("b", "1")], 0.5, 1.0),
        ([("a", "1"), ("a", "1"), ("a", "2"), ("b", "2")], (1 + 1 + 0.5 + 0.5) / 4, (2 / 3 + 2 / 3 + 1 / 3 + 1) / 4),
    ],
)
def test_speakers_eval_bcubed(items, precision, recall):
    got = bcubed(items)
    assert got["precision"] == pytest.approx(precision) and got["recall"] == pytest.approx(recall)
    assert got["f1"] == pytest.approx(2 * precision * recall / (precision + recall))


@pytest.mark.parametrize(
    "pred, gold, right",
    [
        ("US Defence Secretary", {"Defence Secretary"}, True),
        ("When President", {"Democratic presidential nominee"}, False),
        ("chairman of Mrs.", {"campaign chairman"}, False),
        ("former Secretary of State", {"Secretary of State"}, True),
        ("campaign aide.", {"Republican nominee"}, False),
        ("", {"senator"}, False),
    ],
)
def test_speakers_eval_role_right_by_its_last_word(pred, gold, right):
    assert _role_right(pred, gold) is right


@pytest.mark.parametrize(
    "pred, gold, whole",
    [
        ("Senator", {"Vermont senator"}, True),
        ("polls show Senator", {"Senator"}, False),  # right by its last word, not as a whole
        ("Sen.", {"Senator"}, True),  # an abbreviated title spelled out
        ("former Secretary of State", {"Secretary of State", "former secretary"}, False),  # every word in one role
        ("spokesman for Sanders", {"spokesman"}, False),
        ("", {"senator"}, False),
    ],
)
def test_speakers_eval_role_whole_phrase(pred, gold, whole):
    assert _role_whole(pred, gold) is whole


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("Donald J. Trump", "Donald Trump", True),
        ("John G. Roberts Jr.", "John Roberts", True),
        ("Hillary Clinton", "Bill Clinton", False),
        ("Trump campaign", "Trump", False),
        # a gold name copied from text read in the wrong encoding is the name repaired
        ("FranÃ§ois Hollande", "François Hollande", True),
        ("FranÃ§ois Hollande", "Francis Hollande", False),
    ],
)
def test_speakers_eval_gold_identity(a, b, same):
    assert (_identity(a) == _identity(b)) is same


@pytest.mark.parametrize(
    "pred_content, pred_source, right",
    [
        ("We will win the vote", "she", True),  # the gold quote
        ("We will win", "she", True),  # half or more of its characters
        ("We will win the vote", "He", False),  # another source
        ("We will win the vote", None, False),  # a source on one side only
        ("Prices rose", None, True),  # no source on either side
        ("He agreed", None, False),  # no gold content there
    ],
)
def test_confidence_a_quote_is_right_as_the_scorer_matches_it(pred_content, pred_source, right):
    from quotegraph.eval.confidence import right as is_right
    from quotegraph.eval.polnear import GoldAttribution
    from quotegraph.model import Quote, Span

    text = "“We will win the vote,” she said. He agreed. Prices rose, it was added."

    def span(part):
        s = text.index(part)
        return Span.of(text, s, s + len(part))

    gold = [
        GoldAttribution(cue=[(text.index("said"), text.index("said") + 4)], source=[(text.index("she"), text.index("she") + 3)],
                        content=[(0, text.index(" she") )]),
        GoldAttribution(cue=[(text.index("was added"), text.index("was added") + 9)], content=[(text.index("Prices"), text.index(", it"))]),
    ]
    q = Quote("direct", None, [span(pred_source)] if pred_source else [], [span(pred_content)])
    assert is_right(text, q, gold) is right


def test_speakers_eval_identity_keeps_misses_as_clusters_and_reports_the_found_ones_apart(tmp_path):
    from quotegraph.eval.speakers import identity_bcubed

    texts = tmp_path / "text"
    texts.mkdir()
    docs = {
        "ex_2016-01-01_one": "Talks resume.\n\n“We must be vigilant,” UN Secretary-General Antonio Guterres said on Monday.\n",
        "ex_2016-01-02_two": "Talks end.\n\n“The talks were good,” Antonio Guterres said on Tuesday. The weather was mild and Guterres left.\n",
    }
    rows = []
    for doc, text in docs.items():
        (texts / f"{doc}.txt").write_text(text, encoding="utf-8")
        at = text.index("Antonio Guterres")
        rows.append({"doc": doc, "source": {"start": at, "end": at + 16}, "canonical": "Antonio Guterres"})
    left = docs["ex_2016-01-02_two"].index("Guterres left")  # no attribution: the pipeline finds no source there
    rows.append({"doc": "ex_2016-01-02_two", "source": {"start": left, "end": left + 8}, "canonical": "Antonio Guterres"})
    annotation = tmp_path / "gold.jsonl"
    annotation.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    got = identity_bcubed(texts, annotation, tmp_path)
    assert (got["items"], got["found_items"]) == (3, 2)
    assert got["found_precision"] == 1.0 and got["found_recall"] == 1.0  # one store speaker for both articles' sources
    assert got["recall"] == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3)  # the miss is a cluster of its own


@pytest.mark.parametrize(
    "pred, gold, right",
    [
        # A name is its gold name with or without its middle initial or a suffix the other leaves out ...
        ("Donald J. Trump", "Donald Trump", True),
        ("John G. Roberts Jr.", "John Roberts", True),
        # ... a comma before the suffix aside ...
        ("Brent Bozell Jr.", "Brent Bozell, Jr.", True),
        # ... but two suffixes must agree: a father is not his son.
        ("Brent Bozell III", "Brent Bozell, Jr.", False),
        ("Hank Williams Sr.", "Hank Williams Jr.", False),
        (None, "Brent Bozell, Jr.", False),
        (None, None, True),
    ],
)
def test_speakers_eval_a_name_matches_its_gold_name(pred, gold, right):
    from quotegraph.eval.speakers import _matches

    assert _matches(pred, gold) is right
