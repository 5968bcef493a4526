"""A corpus database for the web pages: the hand-written stories, an article with boilerplate lines,
an article carrying markup (in its text, a quote, its title, outlet and URL) and the bundled example,
ingested with the stand-in extractor (no model loaded)."""

from __future__ import annotations

import json
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from tests.api.conftest import XSS_TEXT, fake_extract
from tests.conftest import EXAMPLE
from tests.ingest.pages import ARTICLES, write_warc

# Screenshots the browser tests saved this run (named in the run's summary).
SCREENSHOTS: list[Path] = []

PORT_TEXT = (
    "Port reopens after the storm\n\n"
    "“The port will reopen on Monday,” said Maria Lopez.\n\n"
    "Harbour master Jon Berg said “Ships are already waiting outside the breakwater” as the wind dropped.\n\n"
    "Leave a Comment\nShare this article on Twitter\n"
)
# An article whose every field carries markup; its URL is a javascript: address that must never become a link.
XSS_RECORD = {
    "url": "https://evil.example.net/xss",
    "title": "<b>Web safety</b>",
    "published": "2021-03-04",
    "outlet": "Evil <i>Example</i>",
    "text": XSS_TEXT,
}
XSS_URL_RECORD = {
    "url": "javascript:alert(document.domain)",
    "title": "<script>alert('title')</script>",
    "published": "2021-03-05",
    "outlet": "Evil <i>Example</i>",
    "text": "A second unsafe page\n\n“<img src=x onerror=alert(2)> is also a word,” said Mallory Hacker.\n",
}
PORT_RECORD = {
    "url": "https://harbour.example.com/port-reopens",
    "title": "Port reopens after the storm",
    "published": "2021-01-12",
    "outlet": "Harbour News",
    "text": PORT_TEXT,
}


@pytest.fixture(scope="session")
def web_db(tmp_path_factory) -> str:
    from quotegraph.corpus import ingest

    folder = tmp_path_factory.mktemp("web")
    write_warc(folder / "crawl.warc.gz", ARTICLES)
    lines = [json.dumps(r) for r in (PORT_RECORD, XSS_RECORD, XSS_URL_RECORD)]
    (folder / "pages.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    shutil.copy(EXAMPLE, folder / "defence-dialogue.txt")
    path = str(folder / "web.db")
    inputs = [str(folder / "crawl.warc.gz"), str(folder / "pages.jsonl"), str(folder / "defence-dialogue.txt")]
    ingest(inputs, db=path, jobs=1, extractor="tests.store.fakes:extract_many")
    # The stand-in extractor gives no roles: give one speaker a role history to draw.
    with closing(sqlite3.connect(path)) as conn, conn:
        (sid,) = conn.execute("SELECT id FROM speakers WHERE name = 'Antonio Guterres'").fetchone()
        conn.executemany(
            "INSERT INTO speaker_roles (speaker_id, role, first_seen, last_seen, mentions) VALUES (?, ?, ?, ?, ?)",
            [(sid, "Prime Minister of Portugal", "1996-01-10", "2001-12-17", 3), (sid, "UN Secretary-General", "2017-01-01", "2020-11-18", 2)],
        )
        # ... nor genders: one from pronouns, one from first names alone (weaker), one disputed.
        evidence = [("Antonio Guterres", "male", "pronoun", 4), ("Maria Lopez", "female", "first-name", 1), ("Jon Berg", "male", "pronoun", 1),
                    ("Jon Berg", "female", "pronoun", 1)]
        for name, gender, kind, n in evidence:
            conn.execute(
                "INSERT INTO speaker_genders (speaker_id, gender, evidence, mentions) SELECT id, ?, ?, ? FROM speakers WHERE name = ?", (gender, kind, n, name)
            )
        conn.execute("UPDATE speakers SET gender = 'male', gender_evidence = 'pronoun' WHERE name = 'Antonio Guterres'")
        conn.execute("UPDATE speakers SET gender = 'female', gender_evidence = 'first-name' WHERE name = 'Maria Lopez'")
    return path


@pytest.fixture
def web(web_db):
    """A test client on the pages (and the API) with the stand-in extractor."""
    from fastapi.testclient import TestClient

    from quotegraph.serve.app import create_app

    with TestClient(create_app(web_db, extractor=fake_extract)) as c:
        yield c


def article_id(path: str, title: str) -> int:
    """The id of the article with this title (or document id)."""
    with closing(sqlite3.connect(path)) as conn:
        return int(conn.execute("SELECT id FROM articles WHERE title = ? OR doc = ?", (title, title)).fetchone()[0])


def speaker_id(path: str, name: str) -> int:
    """The id of the speaker with this canonical name."""
    with closing(sqlite3.connect(path)) as conn:
        return int(conn.execute("SELECT id FROM speakers WHERE name = ?", (name,)).fetchone()[0])


def pytest_terminal_summary(terminalreporter) -> None:
    if SCREENSHOTS:
        terminalreporter.write_line(f"web: {len(SCREENSHOTS)} screenshots in {SCREENSHOTS[0].parent}")
