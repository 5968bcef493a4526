"""What the store is given: an extracted article prepared for storing, on the extraction side. ``prepare`` dates it
(``ingest.dates.date_article``: the publication date from evidence, the dates its body mentions, each with its
quote) and gives each speaker the forms its name and role are compared in across articles
(``speakers.names.with_name_forms``). The store writes what it is given, and analyses no text."""

from __future__ import annotations

from ..model import Article, Document
from ..speakers.names import with_name_forms
from .dates import date_article, publication_date


def prepare(doc: Document, art: Article) -> Article:
    """``art`` dated and with its speakers' name forms: what ``store.articles.ArticleWriter.add`` takes. What is
    prepared already (a batch's output is prepared by its workers) is kept: a dating whose publication date the
    document still gives, the forms of each speaker."""
    dating = art.dating
    if dating is None or (dating.published, dating.granularity, dating.source) != publication_date(doc, art):
        art = date_article(doc, art)
    if any(q.speaker is not None and q.speaker.forms is None for q in art.quotes):
        art = with_name_forms(art)
    return art
