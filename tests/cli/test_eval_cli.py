import json

from click.testing import CliRunner

from quotegraph.cli import cli


def test_eval_cli_scores_a_prediction_file(tmp_path):
    gold = tmp_path / "gold"
    (gold / "text").mkdir(parents=True)
    (gold / "attributions").mkdir()
    text = "“We will win,” she said.\n"
    (gold / "text" / "d1.txt").write_text(text, encoding="utf-8")
    (gold / "attributions" / "d1_aaaa.ann").write_text(
        "T1\tContent 1 12\tWe will win\nT2\tSource 15 18\tshe\nT3\tCue 19 23\tsaid\n"
        "E1\tAttribution:T3 Content:T1 Cue:T3 Source:T2\n",
        encoding="utf-8",
    )
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps({"doc": "d1", "quotes": [
        {"cue": [{"start": 19, "end": 23}], "sources": [{"start": 15, "end": 18}], "contents": [{"start": 0, "end": 14}]}
    ]}) + "\n", encoding="utf-8")
    res = CliRunner().invoke(cli, ["eval", "--gold", str(gold), "--pred", str(pred), "--json"])
    assert res.exit_code == 0, res.output
    m = json.loads(res.output)["metrics"]
    assert m["attribution"]["f1"] == 1.0
    assert m["content_exact"]["f1"] == 1.0


def test_eval_cli_bad_gold_folder_is_clean_error(tmp_path):
    res = CliRunner().invoke(cli, ["eval", "--gold", str(tmp_path)])
    assert res.exit_code != 0
    assert "text/ and attributions/" in res.output
