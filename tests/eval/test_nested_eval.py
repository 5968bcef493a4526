"""The nested report (issue 12, point 1): gold attributions nested in a gold content, and those a predicted content swallows."""

import pytest

from quotegraph.eval.nested import nested_in, nested_report, spans_inside

TEXT = "Officials said Reyes denied taking money. The mayor agreed."


def span(sub: str) -> list[tuple[int, int]]:
    s = TEXT.index(sub)
    return [(s, s + len(sub))]


OUTER = {"cue": span("said"), "source": span("Officials"), "content": span("Reyes denied taking money")}
INNER = {"cue": span("denied"), "source": span("Reyes"), "content": span("taking money")}
# PolNeAR's univocal way: the outer content ends where the inner attribution begins.
CUT = {"cue": span("said"), "source": span("Officials"), "content": span("Officials")}


@pytest.mark.parametrize(
    "inner, outer, expected",
    [
        (span("denied"), span("Reyes denied taking money"), True),
        (span("denied") + span("money"), span("Reyes denied taking money"), True),
        (span("denied"), span("Reyes") + span("taking money"), False),  # in the gap between two spans
        ([], span("Reyes denied taking money"), False),
    ],
)
def test_nested_spans_inside(inner, outer, expected):
    assert spans_inside(inner, outer) is expected


@pytest.mark.parametrize(
    "gold, nested",
    [
        ([OUTER, INNER], [False, True]),
        ([CUT, INNER], [False, False]),
        # A source outside the outer content: not nested.
        ([OUTER, {**INNER, "source": span("The mayor")}], [False, False]),
    ],
)
def test_nested_in(gold, nested):
    assert [nested_in(gold, i) for i in range(len(gold))] == nested


def test_nested_report_counts_gold_nesting_and_swallowed_cues():
    # The prediction finds the outer attribution only: its content swallows the inner one.
    pred = [OUTER]
    r = nested_report([(TEXT, [CUT, INNER], pred)])
    assert (r.gold, r.gold_nested, r.swallowed, r.swallowed_found) == (2, 0, 1, 0)
    r = nested_report([(TEXT, [CUT, INNER], [OUTER, INNER])])
    assert (r.swallowed, r.swallowed_found) == (1, 1)
    r = nested_report([(TEXT, [OUTER, INNER], [OUTER, INNER])])
    assert (r.gold_nested, r.gold_nested_found) == (1, 1)
