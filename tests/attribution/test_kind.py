import pytest

from quotegraph.attribution.extract import quote_kind, quoted_mask
from quotegraph.model import Span


@pytest.mark.parametrize(
    "text, content, kind",
    [
        ("“We must act,” he said.", "We must act,", "direct"),
        ("He said that we must act.", "that we must act", "indirect"),
        ("He called it an “affront to humanity” today.", "it an “affront to humanity”", "mixed"),
        ('He said "we must act" now.', "we must act", "direct"),
        ("He said “we must act now.", "we must act now", "direct"),  # unbalanced: no crash
        ("” stray close, then words.", "stray close, then words", "indirect"),
    ],
)
def test_kind_from_quote_marks(text, content, kind):
    s = text.index(content)
    assert quote_kind(text, [Span.of(text, s, s + len(content))]) == kind


def test_kind_quoted_mask_resets_at_paragraph():
    text = "“open\nnext"
    mask = quoted_mask(text, 0, len(text))
    assert mask[1] and not mask[-1]
