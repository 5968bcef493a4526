"""Ingest with the shipped models (few, marked): the store holds what ``extract`` finds."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from quotegraph.cli import cli
from tests.conftest import EXAMPLE

pytestmark = pytest.mark.model


def test_ingest_model_statements_equal_extract(tmp_path, example_article):
    db = str(tmp_path / "q.db")
    res = CliRunner().invoke(cli, ["ingest", str(EXAMPLE), "--db", db, "--jobs", "1"], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    out = CliRunner().invoke(cli, ["export", "--db", db, "--format", "jsonl"], catch_exceptions=False).stdout
    (rec,) = [json.loads(line) for line in out.splitlines()]
    want = example_article.to_json()
    assert rec["doc"] == want["doc"] and rec["body"] == want["body"]
    assert len(rec["quotes"]) == len(want["quotes"]) > 0
    for got, exp in zip(rec["quotes"], want["quotes"], strict=True):
        assert (got["kind"], got["cue"], got["sources"], got["contents"]) == (exp["kind"], exp["cue"], exp["sources"], exp["contents"])
        if exp["speaker"]:
            assert got["speaker"]["name"] == exp["speaker"]["name"]
