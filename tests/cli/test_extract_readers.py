"""``quotegraph extract`` reads HTML, WARC and JSONL through ingest's readers (issue 15, point 6)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from quotegraph.cli import cli
from tests.ingest.pages import ARTICLES, page, write_jsonl, write_warc
from tests.store.fakes import extract_many as fake_extract_many

STORIES = ARTICLES[:2]
# What the stand-in extractor finds in the article text of each story (the comments' “This is fake
# news,” said Commenter Bob is on the page too, outside the article).
FOUND = {
    STORIES[0].url: ["Brian Fallon", "Donald Trump"],
    STORIES[1].url: ["Antonio Guterres", "Guterres"],
}


@pytest.fixture
def fake_pipeline(monkeypatch):
    import quotegraph.pipeline

    monkeypatch.setattr(quotegraph.pipeline, "extract_many", fake_extract_many)


def run(*args):
    return CliRunner().invoke(cli, ["extract", "--jobs", "1", *args])


def speakers(rec):
    return sorted(q["speaker"]["name"] for q in rec["quotes"] if q["speaker"])


def _html(tmp_path):
    for i, s in enumerate(STORIES):
        (tmp_path / f"page{i}.html").write_text(page(s), encoding="utf-8")
    return [str(tmp_path / "page0.html"), str(tmp_path / "page1.html")]


@pytest.mark.parametrize(
    "make",
    [
        _html,
        lambda tmp_path: [str(write_warc(tmp_path / "crawl.warc", STORIES))],
        lambda tmp_path: [str(write_warc(tmp_path / "crawl.warc.gz", STORIES))],
        lambda tmp_path: [str(write_jsonl(tmp_path / "dump.jsonl", STORIES))],
        lambda tmp_path: [str(write_jsonl(tmp_path / "dump.jsonl", STORIES, as_html=True))],
        lambda tmp_path: (_html(tmp_path), [str(tmp_path)])[1],  # a folder: its HTML files too, not only .txt
    ],
    ids=["html", "warc", "warc.gz", "jsonl-text", "jsonl-html", "folder"],
)
def test_extract_reads_pages_archives_and_dumps_as_ingest_does(tmp_path, fake_pipeline, make):
    paths = make(tmp_path)
    res = run(*paths)
    assert res.exit_code == 0, res.output
    lines = [json.loads(x) for x in res.stdout.splitlines()]
    articles = [x for x in lines if "skipped" not in x]
    assert [a["doc"] for a in articles] == [s.url for s in STORIES]
    for a in articles:
        assert speakers(a) == sorted(FOUND[a["doc"]])  # the article's quotes, not the comments' nor the menu
        assert a["published"] is not None and a["published"].startswith(("2016", "2020"))
    # A WARC's request records are no response; its image responses are skipped, each saying why.
    skipped = [x for x in lines if "skipped" in x]
    assert all(x["skipped"] == "not HTML (image/png)" and x["quotes"] == [] for x in skipped)
    assert len(skipped) == (2 if ".warc" in paths[0] else 0)


def test_extract_html_page_is_its_article_not_its_markup(tmp_path, fake_pipeline):
    """Regression (issue 15): extract read a page's raw HTML as text (48 "attributions" on a news page)."""
    path = _html(tmp_path)[0]
    res = run(path, "--format", "text")
    assert res.exit_code == 0
    assert "Commenter Bob" not in res.stdout and "<p>" not in res.stdout and "Subscribe" not in res.stdout
    assert "Brian Fallon" in res.stdout


def test_extract_plain_text_keeps_its_file_name_as_id(tmp_path, fake_pipeline):
    (tmp_path / "a.txt").write_text("Headline\n\n“We will build it,” said Maria Lopez.\n", encoding="utf-8")
    rec = json.loads(run(str(tmp_path / "a.txt")).stdout)
    assert rec["doc"] == "a" and speakers(rec) == ["Maria Lopez"]


@pytest.mark.model
def test_extract_html_page_with_the_model_finds_the_article_speakers(tmp_path):
    res = run(_html(tmp_path)[0], "--min-confidence", "0")
    assert res.exit_code == 0
    rec = json.loads(res.stdout)
    names = set(speakers(rec))
    assert {"Brian Fallon", "Donald Trump"} <= names and not any("Bob" in n for n in names)
    assert rec["published"] == "2016-09-13"
