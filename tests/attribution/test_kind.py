import pytest

from quotegraph.attribution.extract import quote_kind, quoted_mask
from quotegraph.model import Quote, Span


@pytest.mark.parametrize(
    "text, content, kind",
    [
        ("“We must act,” he said.", "We must act,", "direct"),
        ("He said that we must act.", "that we must act", "indirect"),
        ("He called it an “affront to humanity” today.", "it an “affront to humanity”", "mixed"),
        ('He said "we must act" now.', "we must act", "direct"),
        ("He said “we must act now.", "we must act now", "direct"),  # unbalanced: no crash
        ("” stray close, then words.", "stray close, then words", "indirect"),
        # Two apostrophes for one mark; single marks where a paragraph has no double ones (British style).
        ("''We must act,'' he said.", "We must act,", "direct"),
        ("'We must act,' he said. 'Now.'", "'We must act,' he said. 'Now.'", "mixed"),
        ("'We must act,' he said.", "We must act,", "direct"),
        ("He said: ‘We must act now.’", "‘We must act now.’", "direct"),
        ("He said: 'We must act now.", "'We must act now.", "direct"),  # after a colon, left open for the next paragraph
        ("He said 'We must act now.", "'We must act now.", "indirect"),  # opened inside a sentence, never closed
        ("'We must act now.", "'We must act now.", "direct"),  # opens the paragraph and runs on
        # Apostrophes are not quotation marks.
        ("The workers' union said it wasn't over, in the '90s style.", "it wasn't over, in the '90s style", "indirect"),
        ("He called it 'insulting' and left.", "it 'insulting'", "indirect"),  # a scare-quoted word
        ("He said 'We must act,' and “left.”", "'We must act,'", "indirect"),  # double marks in the paragraph rule
    ],
)
def test_kind_from_quote_marks(text, content, kind):
    s = text.index(content)
    assert quote_kind(text, [Span.of(text, s, s + len(content))]) == kind


def test_kind_quoted_mask_resets_at_paragraph():
    text = "“open\nnext"
    mask = quoted_mask(text, 0, len(text))
    assert mask[1] and not mask[-1]


def _mask_char_by_char(text: str) -> list[bool]:
    """The rule quoted_mask implements, one character at a time."""
    out, inside = [], False
    for ch in text:
        if ch == "\n" or ch in "”»":
            inside, flag = False, False
        elif ch in "“«„":
            inside, flag = True, False
        elif ch == '"':
            inside, flag = not inside, False
        else:
            flag = inside
        out.append(flag)
    return out


@pytest.mark.parametrize(
    "text",
    ['a "b" c', "“a\nb” c “d", '""x"', "«a» „b“ c”", "\n\n“", "", 'x "y\n"z" w'],
)
def test_kind_quoted_mask_follows_the_rule(text):
    assert quoted_mask(text, 0, len(text)).tolist() == _mask_char_by_char(text)


def test_kind_from_the_whole_text_mask_is_the_same():
    """Regression: a one-line text was scanned from its start for every quote (1 MB: 125 s); the
    pipeline now passes one mask of the whole text, which must give the same kinds."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    @settings(max_examples=60, deadline=None)
    @given(st.text(alphabet='ab "“”«»\n', max_size=60), st.data())
    def same_kind_with_the_whole_mask(text, data):
        mask = quoted_mask(text, 0, len(text))
        assert mask.tolist() == _mask_char_by_char(text)
        s = data.draw(st.integers(0, len(text)))
        e = data.draw(st.integers(s, len(text)))
        spans = [Span.of(text, s, e)]
        assert quote_kind(text, spans, mask) == quote_kind(text, spans)

    same_kind_with_the_whole_mask()


def test_calibration_fit_recovers_a_logistic_relation():
    import math
    import random

    from quotegraph.attribution.calibration import fit, probability, reliability

    rnd = random.Random(3)
    xs, ys = [], []
    for _ in range(4000):
        x = rnd.uniform(-3, 3)
        xs.append([1.0, x])
        ys.append(int(rnd.random() < 1 / (1 + math.exp(-(0.5 + 1.5 * x)))))
    w = fit(xs, ys, l2=0.0)
    assert abs(w[0] - 0.5) < 0.2 and abs(w[1] - 1.5) < 0.2
    probs = [probability(x, w) for x in xs]
    _, ece = reliability(probs, ys)
    assert ece < 0.03
    # A constant guess far from the truth is badly calibrated.
    assert reliability([0.99] * len(ys), ys)[1] > 0.4


def test_calibration_shipped_map_is_a_probability_rising_with_the_score():
    from quotegraph.attribution.calibration import FEATURES, calibrated, weights
    from quotegraph.model import Quote, Span

    text = "“We will win,” she said."
    q = Quote("direct", Span.of(text, 19, 23), [Span.of(text, 15, 18)], [Span.of(text, 0, 14)])
    assert weights() is not None and len(weights()) == len(FEATURES)
    got = [calibrated(q, s) for s in (0.3, 0.6, 0.9, 0.99)]
    assert all(0.0 < p < 1.0 for p in got) and got == sorted(got)


@pytest.mark.parametrize(
    "text, content, expected",
    [
        ("SPRINGFIELD — Two people were hurt, police said.", "SPRINGFIELD — Two people were hurt", "Two people were hurt"),
        ("BRUSSELS, Dec 9 (Reuters) - The EU agreed on rules, officials said.", "BRUSSELS, Dec 9 (Reuters) - The EU agreed on rules",
         "The EU agreed on rules"),
        ("NEW YORK (AP) — Stocks fell, traders said.", "NEW YORK (AP) — Stocks fell", "Stocks fell"),
        ("WASHINGTON -- The bill passed, aides said.", "WASHINGTON -- The bill passed", "The bill passed"),
        # Not a dateline: inside a paragraph, a sentence's own capitals, or all there is.
        ("He said NATO — the alliance — would act.", "NATO — the alliance — would act", "NATO — the alliance — would act"),
        ("Headline\nUS - China talks resume, officials said.", "US - China talks resume", "US - China talks resume"),
        ("WASHINGTON — ", "WASHINGTON — ", "WASHINGTON — "),
    ],
)
def test_content_leaves_a_paragraphs_dateline_out(text, content, expected):
    from quotegraph.attribution.extract import without_dateline

    s = text.index(content)
    assert without_dateline(text, Span.of(text, s, s + len(content))).text == expected


@pytest.mark.parametrize(
    "text, quotes, expected",
    [
        # A labelled answer the tagger stopped short runs to its paragraph's end, its full stop left out ...
        ("Q: Cameras?\n\nRuiz: Yes. The council funded it, and I expect them by December.\n\nQ: Next?",
         [("Ruiz", ":", "Yes")], ["Yes. The council funded it, and I expect them by December"]),
        ("Obama on Climate Change: The Trends Are 'Terrifying.'\n\nABSTRACT.", [("Obama on Climate Change", ":", "The")],
         ["The Trends Are 'Terrifying.'"]),
        # ... not over another label's answer, nor a cue that is no label.
        ('Clinton: "We will defeat ISIS." Bush: "The mission is to destroy ISIS."', [("Clinton", ":", '"We will defeat ISIS."'), ("Bush", ":", '"The')],
         ['"We will defeat ISIS."', '"The']),  # (Bush's label does not open its paragraph: left alone)
        ("Later Ruiz said: Yes. The council funded it.", [("Ruiz", "said:", "Yes")], ["Yes"]),
    ],
)
def test_labelled_answer_runs_to_its_paragraphs_end(text, quotes, expected):
    from quotegraph.attribution.extract import answers_to_the_end

    def span(part: str, after: int = 0) -> Span:
        s = text.index(part, after)
        return Span.of(text, s, s + len(part))

    built = []
    for source, cue, content in quotes:
        src = span(source)
        c = span(cue, src.end)
        built.append(Quote("indirect", c, [src], [span(content, c.end)]))
    assert [q.contents[-1].text for q in answers_to_the_end(text, built)] == expected
