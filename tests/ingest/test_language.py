"""Language detection: other languages are skipped with a reason; English is never turned away."""

from __future__ import annotations

import pytest

from quotegraph.ingest.language import skip_reason
from tests.conftest import EXAMPLE, read
from tests.ingest.language_samples import FRENCH, GERMAN, KOREAN, NAMES, SPANISH
from tests.ingest.pages import ARTICLES


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (GERMAN, "language de"),
        (SPANISH, "language es"),
        (FRENCH, "language fr"),
        (KOREAN, "language ko"),
        ("Bundeskanzler kündigt neue Hilfen an", None),  # a headline alone: too little to be sure
        ("Der Kanzler sagte: „Wir lassen niemanden allein.“", None),
        (NAMES, None),  # English full of foreign names
        ("UN chief warns of new arms race", None),
        ("“Nobody wins an arms race,” said Guterres.", None),
        ("", None),
        ("\n\n".join([ARTICLES[1].title, *ARTICLES[1].paragraphs]), None),
    ],
)
def test_language_skip_reason(text, reason):
    assert skip_reason(text) == reason


def test_language_example_article_is_english():
    assert skip_reason(read(EXAMPLE)) is None


def test_language_no_polnear_text_is_skipped(corpus_dev):
    texts = sorted((corpus_dev / "text").iterdir())
    assert texts
    skipped = [(p.name, skip_reason(read(p))) for p in texts if skip_reason(read(p))]
    assert skipped == []
