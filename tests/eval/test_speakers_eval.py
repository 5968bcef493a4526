"""The speaker figures' arithmetic: B-cubed identity, role rightness, gold identities."""

import pytest

from quotegraph.eval.speakers import _identity, _role_right, bcubed


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
    "a, b, same",
    [
        ("Donald J. Trump", "Donald Trump", True),
        ("John G. Roberts Jr.", "John Roberts", True),
        ("Hillary Clinton", "Bill Clinton", False),
        ("Trump campaign", "Trump", False),
    ],
)
def test_speakers_eval_gold_identity(a, b, same):
    assert (_identity(a) == _identity(b)) is same
