"""The language of a document, found offline with py3langid (its model ships inside the package).

Only English is processed: the tagger, the cue lexicon and the speaker rules are English. Another
language is skipped only when the evidence is clear (enough letters, a confident guess), so short
texts, headlines and English full of foreign names are never turned away.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

PROCESSED = frozenset({"en"})
# Fewer bytes of letters (UTF-8: a Latin letter 1-2, a Hangul or CJK one 3, as informative as
# they are) than this and a text is processed whatever it looks like.
MIN_LETTER_BYTES = 200
# The guess must be at least this probable (py3langid's length-calibrated probability).
MIN_PROBABILITY = 0.95
# Enough to be sure, bounded so that a long article costs no more than a short one.
SAMPLE_CHARS = 20_000


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, probability) of the text's language, from its first ``SAMPLE_CHARS`` characters."""
    lang, prob = _identifier().classify(text[:SAMPLE_CHARS])
    return str(lang), float(prob)


def skip_reason(text: str) -> str | None:
    """``"language de"`` when the text is clearly in a language other than English, else None."""
    sample = text[:SAMPLE_CHARS]
    if len("".join(filter(str.isalpha, sample)).encode("utf-8")) < MIN_LETTER_BYTES:
        return None
    lang, prob = identify(sample)
    if lang in PROCESSED or prob < MIN_PROBABILITY:
        return None
    return f"language {lang}"
