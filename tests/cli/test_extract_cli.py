"""The ``quotegraph extract`` command: output shape, streams, bad input, exit codes."""

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from quotegraph.cli import cli

pytestmark = pytest.mark.model


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def test_extract_cli_jsonl_shape(tmp_path, example_text):
    p = tmp_path / "defence-dialogue.txt"
    p.write_text(example_text, encoding="utf-8", newline="")
    res = run("extract", str(p), "--format", "jsonl")
    assert res.exit_code == 0, res.output
    lines = [json.loads(x) for x in res.stdout.splitlines()]
    assert len(lines) == 1
    rec = lines[0]
    assert rec["doc"] == "defence-dialogue"
    assert set(rec["body"]) == {"start", "end"}
    assert rec["quotes"]
    for q in rec["quotes"]:
        assert q["kind"] in {"direct", "indirect", "mixed"}
        assert 0.0 <= q["confidence"] <= 1.0
        for s in q["sources"] + q["contents"] + ([q["cue"]] if q["cue"] else []):
            assert example_text[s["start"] : s["end"]] == s["text"]
        if q["speaker"] is not None:
            assert q["speaker"]["type"] in {"PERSON", "ORG", "GPE", "DESCRIPTION"}
            assert q["speaker"]["name"]


def test_extract_cli_stdin_doc_id():
    res = run("extract", "-", input="“We will win,” the senator said.\n")
    assert res.exit_code == 0
    assert json.loads(res.stdout)["doc"] == "stdin"


def test_extract_cli_directory_recursive_and_bad_files(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("The minister said talks would resume.\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    (tmp_path / "latin.txt").write_bytes("Le ministre a dit: caf\xe9.".encode("latin-1"))
    (tmp_path / "skip.md").write_text("not a txt", encoding="utf-8")
    res = run("extract", str(tmp_path), "--format", "jsonl")
    assert res.exit_code == 1  # the binary file failed
    docs = {json.loads(x)["doc"]: json.loads(x) for x in res.stdout.splitlines()}
    assert set(docs) == {"a", "empty", "latin"}
    assert docs["empty"]["quotes"] == []
    assert "bin.txt" in res.stderr and "binary" in res.stderr
    assert "latin.txt" in res.stderr and "warning" in res.stderr
    assert "Traceback" not in res.stderr


def test_extract_cli_missing_file_one_line_error(tmp_path):
    ok = tmp_path / "ok.txt"
    ok.write_text("He said yes.", encoding="utf-8")
    res = run("extract", str(tmp_path / "nope.txt"), str(ok))
    assert res.exit_code == 1
    assert [json.loads(x)["doc"] for x in res.stdout.splitlines()] == ["ok"]
    assert "nope.txt: no such file" in res.stderr


def test_extract_cli_too_large_names_option(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"He said yes. " * 200_000)  # 2.6 MB
    res = run("extract", str(big), "--max-size", "1")
    assert res.exit_code == 1
    assert "--max-size" in res.stderr


def test_extract_cli_text_format_lists_speakers(example_text, tmp_path):
    p = tmp_path / "ex.txt"
    p.write_text(example_text, encoding="utf-8", newline="")
    res = run("extract", str(p), "--format", "text")
    assert res.exit_code == 0
    assert "Antonio Guterres" in res.stdout
    assert "Leave a Comment" not in res.stdout


def test_extract_cli_json_format_is_one_array(tmp_path):
    p = tmp_path / "x.txt"
    p.write_text("The minister said talks would resume.", encoding="utf-8")
    res = run("extract", str(p), str(p), "--format", "json")
    data = json.loads(res.stdout)
    assert isinstance(data, list) and len(data) == 2


def test_extract_cli_console_script_many_files_uses_workers(tmp_path, example_text):
    """Several files through the real console script (worker processes), in order."""
    paths = []
    for i in range(6):
        p = tmp_path / f"doc{i}.txt"
        p.write_text(example_text if i % 2 == 0 else "Nothing quoted here.", encoding="utf-8", newline="")
        paths.append(str(p))
    exe = [sys.executable, "-m", "quotegraph.cli"]
    out = subprocess.run([*exe, "extract", *paths], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    recs = [json.loads(x) for x in out.stdout.splitlines()]
    assert [r["doc"] for r in recs] == [f"doc{i}" for i in range(6)]
    assert recs[0]["quotes"] == recs[2]["quotes"]
    assert recs[1]["quotes"] == []


def test_extract_cli_min_confidence_leaves_out_the_unsure(tmp_path, example_text):
    p = tmp_path / "defence-dialogue.txt"
    p.write_text(example_text, encoding="utf-8", newline="")

    def confidences(*extra):
        res = run("extract", str(p), *extra)
        assert res.exit_code == 0, res.output
        return [q["confidence"] for q in json.loads(res.stdout)["quotes"]]

    every = confidences("--min-confidence", "0")
    default = confidences()
    # The default keeps the example's source-less "was added" and all the rest of its 14.
    from quotegraph.model import MIN_CONFIDENCE

    assert min(default) >= MIN_CONFIDENCE and len(default) == len([c for c in every if c >= MIN_CONFIDENCE]) >= 14
    # Between two of the (rounded) confidences, so that rounding cannot move a quote across it.
    low = sorted(set(every))
    cut = round((low[len(low) // 2] + low[len(low) // 2 - 1]) / 2, 6)
    assert confidences("--min-confidence", str(cut)) == [c for c in every if c >= cut]
    assert run("extract", str(p), "--min-confidence", "1.5").exit_code == 2
