"""``quotegraph ingest`` exit codes and summary on awkward inputs, with the stand-in extractor."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from quotegraph.cli import cli
from tests.ingest.language_samples import GERMAN
from tests.ingest.pages import ARTICLES, write_warc
from tests.store.fakes import FAKE


def run(*args):
    return CliRunner().invoke(cli, ["ingest", "--jobs", "1", "--extractor", FAKE, *args])


@pytest.mark.parametrize(
    ("arg", "message"),
    [
        ("nothere/", "nothere/: no such file or directory"),
        ("https://example.com/story", "https://example.com/story: is a web address; quotegraph does not fetch web pages (it is not a crawler)"),
    ],
)
def test_ingest_cli_missing_or_web_input_exits_1_with_one_line(tmp_path, monkeypatch, arg, message):
    """Regression (issue 10): both exited 0 with an empty database."""
    monkeypatch.chdir(tmp_path)
    res = run(arg, "--db", "q.db")
    assert res.exit_code == 1
    assert res.stderr.strip().startswith(f"Error: {message}") and len(res.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "q.db").exists()


def test_ingest_cli_missing_input_beside_a_good_one_exits_1_after_storing(tmp_path, caplog):
    write_warc(tmp_path / "ok.warc", ARTICLES[:1])
    res = run(str(tmp_path / "ok.warc"), str(tmp_path / "gone.jsonl"), "--db", str(tmp_path / "q.db"))
    assert res.exit_code == 1 and "1 new articles" in res.stderr
    assert [r.getMessage() for r in caplog.records if r.levelname == "ERROR"] == [f"{tmp_path / 'gone.jsonl'}: no such file or directory"]


def test_ingest_cli_skips_counted_in_summary_and_strict_passes_on_them(tmp_path):
    """Regression (issue 10): a real crawl's non-article records were failures, so --strict failed on any crawl."""
    write_warc(tmp_path / "crawl.warc.gz", ARTICLES[:2])  # with request and image records
    (tmp_path / "de.txt").write_text(GERMAN, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    res = run(str(tmp_path / "crawl.warc.gz"), str(tmp_path / "de.txt"), str(tmp_path / "empty.txt"), "--db", str(tmp_path / "q.db"), "--strict")
    assert res.exit_code == 0, res.stderr
    assert "2 new articles (0 already stored)" in res.stderr
    assert "4 skipped (not HTML 2, empty file 1, language de 1), 0 failures" in res.stderr


def test_ingest_cli_strict_fails_on_a_cut_archive(tmp_path, caplog):
    path = write_warc(tmp_path / "crawl.warc.gz", ARTICLES)
    path.write_bytes(path.read_bytes()[:-300])
    res = run(str(path), "--db", str(tmp_path / "q.db"), "--strict")
    assert res.exit_code == 1 and "1 failures" in res.stderr
    assert any("(truncated); it is not stored" in r.getMessage() for r in caplog.records)
