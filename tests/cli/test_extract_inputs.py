"""``quotegraph extract`` on awkward inputs, with the stand-in extractor (no model loaded)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from quotegraph.cli import cli
from tests.ingest.language_samples import GERMAN, KOREAN
from tests.store.fakes import extract_many as fake_extract_many

GOOD = "Headline\n\n“We will build it this year,” said Maria Lopez.\n"


@pytest.fixture(autouse=True)
def fake_pipeline(monkeypatch):
    import quotegraph.pipeline

    monkeypatch.setattr(quotegraph.pipeline, "extract_many", fake_extract_many)


def run(*args):
    return CliRunner().invoke(cli, ["extract", "--jobs", "1", *args])


@pytest.mark.parametrize(
    "bad",
    [
        b"\xff\xfe" + "He said yes.".encode("utf-16-le") + b"x",
        b"\xff\xfe" + "He said ".encode("utf-16-le") + b"\x00\xd8" + "yes.".encode("utf-16-le"),
    ],
)
@pytest.mark.parametrize("fmt", ["json", "jsonl", "text"])
def test_extract_malformed_utf16_is_one_line_and_the_rest_written(tmp_path, bad, fmt):
    """Regression (issue 10): a traceback, the files after it lost, and nothing at all with --format json."""
    paths = []
    for name, data in [("a.txt", GOOD.encode()), ("bad.txt", bad), ("c.txt", GOOD.replace("this", "next").encode())]:
        (tmp_path / name).write_bytes(data)
        paths.append(str(tmp_path / name))
    res = run(*paths, "--format", fmt)
    assert res.exit_code == 1
    assert "Traceback" not in res.output and isinstance(res.exception, SystemExit)
    errors = [line for line in res.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and errors[0].startswith(f"error: {tmp_path / 'bad.txt'}: not valid UTF-16")
    if fmt == "json":
        assert [r["doc"] for r in json.loads(res.stdout)] == ["a", "c"]
    elif fmt == "jsonl":
        assert [json.loads(x)["doc"] for x in res.stdout.splitlines()] == ["a", "c"]
    else:
        assert "== a:" in res.stdout and "== c:" in res.stdout


def test_extract_json_written_when_a_later_file_fails(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "z.txt").write_bytes(b"\x00binary")
    res = run(str(tmp_path / "a.txt"), str(tmp_path / "z.txt"), "--format", "json")
    assert res.exit_code == 1 and [r["doc"] for r in json.loads(res.stdout)] == ["a"]


@pytest.mark.parametrize(
    ("arg", "message"),
    [
        ("https://example.com/story", "https://example.com/story: is a web address; quotegraph does not fetch web pages (it is not a crawler)"),
        ("nothere/", "nothere/: no such file or directory"),
        ("nothere.txt", "nothere.txt: no such file or directory"),
    ],
)
def test_extract_missing_and_web_inputs_exit_1_with_one_line(tmp_path, monkeypatch, arg, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ok.txt").write_text(GOOD, encoding="utf-8")
    res = run(arg, "ok.txt")
    assert res.exit_code == 1
    errors = [line for line in res.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and errors[0].startswith(f"error: {message}")
    assert [json.loads(x)["doc"] for x in res.stdout.splitlines()] == ["ok"]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t\r\n", "empty file"),
        ("\ufeff\n".encode(), "empty file"),
        (GERMAN.encode(), "language de"),
        (KOREAN.encode(), "language ko"),
    ],
)
def test_extract_skips_say_why_and_keep_a_line(tmp_path, content, reason):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "s.txt").write_bytes(content)
    res = run(str(tmp_path / "a.txt"), str(tmp_path / "s.txt"))
    assert res.exit_code == 0
    assert f"{tmp_path / 's.txt'}: skipped: {reason}" in res.stderr.splitlines()
    lines = [json.loads(x) for x in res.stdout.splitlines()]
    assert [x["doc"] for x in lines] == ["a", "s"]
    assert lines[1] == {"doc": "s", "quotes": [], "skipped": reason}
    assert lines[0]["quotes"] and "skipped" not in lines[0]


def test_extract_size_limit_message_means_mb_of_a_million_bytes(tmp_path):
    """Regression (issue 10): --max-size 20 said "over the 21 MB limit" (converted with 1024*1024, printed with 1e6)."""
    (tmp_path / "big.txt").write_bytes(b"a" * 1_500_000)
    res = run(str(tmp_path / "big.txt"), "--max-size", "1.4")
    assert res.exit_code == 1
    assert "big.txt: 1.5 MB is over the 1.4 MB limit (1 MB = 1,000,000 bytes); raise it with --max-size" in res.stderr
    assert run(str(tmp_path / "big.txt"), "--max-size", "1.5").exit_code == 0  # 1,500,000 bytes is 1.5 MB


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: (d / "gone.txt").symlink_to(d / "nowhere.txt"), "broken symbolic link"),
        (lambda d: (d / "loop").symlink_to(d), "symbolic link loop"),
    ],
)
def test_extract_folder_links_that_cannot_be_followed_are_reported(tmp_path, make, message):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(GOOD, encoding="utf-8")
    make(d)
    res = run(str(d))
    assert res.exit_code == 1 and message in res.stderr
    assert [json.loads(x)["doc"] for x in res.stdout.splitlines()] == ["a"]
