from __future__ import annotations

import pytest

from tests.ingest.pages import ARTICLES, write_html, write_warc
from tests.store.fakes import FAKE


@pytest.fixture
def corpus(tmp_path):
    """A folder with a WARC of the hand-written stories and the same stories as HTML pages."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    write_warc(folder / "crawl.warc.gz", ARTICLES)
    write_html(folder / "pages", ARTICLES)
    return folder


@pytest.fixture
def db(tmp_path, corpus):
    """A database ingested from ``corpus`` with the stand-in extractor."""
    from quotegraph.corpus import ingest

    path = str(tmp_path / "q.db")
    ingest([str(corpus)], db=path, jobs=1, extractor=FAKE)
    return path
