from __future__ import annotations

import json

import pytest

from tests.ingest.pages import ARTICLES, write_warc
from tests.store.fakes import FAKE
from tests.store.fakes import extract_many as fake_extract_many

XSS_TEXT = (
    "Council meeting turns to web safety\n\n"
    "“<script>alert('x')</script> and <img src=x onerror=alert(1)> are only words here,” said Mallory Hacker.\n\n"
    "The meeting ended early."
)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    """A database ingested with the stand-in extractor: the hand-written stories (WARC) and an article carrying markup."""
    from quotegraph.corpus import ingest

    folder = tmp_path_factory.mktemp("api")
    write_warc(folder / "crawl.warc.gz", ARTICLES)
    rec = {"url": "https://evil.example.net/xss", "title": "<b>Web safety</b>", "published": "2021-03-04", "outlet": "Evil <i>Example</i>", "text": XSS_TEXT}
    (folder / "xss.jsonl").write_text(json.dumps(rec) + "\n", encoding="utf-8")
    path = str(folder / "q.db")
    ingest([str(folder / "crawl.warc.gz"), str(folder / "xss.jsonl")], db=path, jobs=1, extractor=FAKE)
    return path


def fake_extract(text: str, published: str | None = None, doc: str = "text"):
    return next(fake_extract_many([(doc, text)], published))


@pytest.fixture
def client(db):
    from fastapi.testclient import TestClient

    from quotegraph.serve.app import create_app

    with TestClient(create_app(db, extractor=fake_extract)) as c:
        yield c
