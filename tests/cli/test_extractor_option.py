"""``--extractor MODULE:FUNCTION`` (ingest, batch): your own extractor. One that cannot be loaded is a one-line error
before any worker starts. Regression: a worker that could not load it failed in its set-up and was started again,
for ever, printing a traceback each time."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from quotegraph.cli import cli


@pytest.mark.parametrize(
    ("spec", "reason"),
    [
        ("nosuch:fn", "No module named 'nosuch'"),
        ("quotegraph.pipeline", "not module:function"),
        ("quotegraph.pipeline:nothing", "has no attribute 'nothing'"),
        ("quotegraph.batch.workers:EXTRACTOR", "EXTRACTOR is not a function"),
        (":extract_many", "not module:function"),
    ],
)
@pytest.mark.parametrize("command", ["ingest", "batch"])
def test_an_extractor_that_cannot_be_loaded_is_one_line(tmp_path, spec, reason, command):
    source = tmp_path / "a.txt"
    source.write_text("“We will act,” the mayor said on Monday.\n", encoding="utf-8")
    if command == "ingest":
        args = ["ingest", str(source), "--db", str(tmp_path / "q.db"), "--jobs", "2"]
    else:
        args = ["batch", str(source), "--out", str(tmp_path / "out"), "--workers", "2"]
    res = CliRunner().invoke(cli, [*args, "--extractor", spec, "--quiet"])
    assert res.exit_code == 1, res.output
    assert res.output.startswith(f"Error: extractor {spec!r} cannot be used (") and reason in res.output
    assert "Traceback" not in res.output and len(res.output.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_the_extractor_option_is_documented():
    for command in ("ingest", "batch"):
        res = CliRunner().invoke(cli, [command, "--help"])
        assert "--extractor MODULE:FUNCTION" in res.output and "Your own extractor" in res.output


def test_a_worker_that_cannot_load_the_extractor_stops_the_run_with_one_line(tmp_path, monkeypatch):
    """Regression: a pool restarted a worker whose set-up failed, for ever; now the first task says why, once."""
    monkeypatch.delenv("QUOTEGRAPH_THREADS", raising=False)
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parent.parent.parent))
    source = tmp_path / "a.txt"
    source.write_text("“We will act,” the mayor said on Monday.\n", encoding="utf-8")
    args = ["ingest", str(source), "--db", str(tmp_path / "q.db"), "--jobs", "2", "--extractor", "tests.cli.failing_extractor:extract_many", "--quiet"]
    res = CliRunner().invoke(cli, args)
    assert res.exit_code == 1, res.output
    assert "a worker process could not load the extractor (RuntimeError: the models are not installed here)" in res.output
