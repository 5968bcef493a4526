"""``quotegraph batch`` refuses bad inputs and outputs in one line, before any cluster starts."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from quotegraph.cli import cli
from tests.store.fakes import FAKE


def run(*args):
    return CliRunner().invoke(cli, ["batch", "--extractor", FAKE, *args])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nothere.warc", "--out", "o"], "nothere.warc: no such file or directory"),
        (["https://example.com/a", "--out", "o"], "https://example.com/a: is a web address; quotegraph does not fetch web pages"),
        (["-", "--out", "o"], "- (standard input) cannot be read by a batch"),
        (["in.txt", "--out", "full"], "full: exists and is not a batch output folder (no readable _manifest.json)"),
    ],
)
def test_batch_cli_bad_input_or_output_is_one_line(tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in.txt").write_text("“Fine,” said Ann Lee.\n")
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "notes.txt").write_text("mine")
    res = run(*args)
    assert res.exit_code == 1 and "Traceback" not in res.output
    assert message in res.stderr and len(res.stderr.strip().splitlines()) == 1
    assert (tmp_path / "full" / "notes.txt").read_text() == "mine"


def test_batch_cli_help_has_an_example():
    res = CliRunner().invoke(cli, ["batch", "--help"])
    assert res.exit_code == 0 and "quotegraph batch crawl/*.warc.gz --out" in res.output
