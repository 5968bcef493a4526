"""The store commands: ingest, search, speakers, speaker, export (thin layers, tested end to end)."""

import csv
import io
import json

import pytest
from click.testing import CliRunner

from quotegraph.cli import cli
from tests.ingest.pages import ARTICLES
from tests.store.fakes import FAKE


def run(*args, **kw):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False, **kw)


@pytest.mark.parametrize("name", ["ingest", "search", "speakers", "speaker", "export"])
def test_cli_store_command_registered_with_example(name):
    res = run(name, "--help")
    assert res.exit_code == 0 and "Example" in res.output


def test_cli_ingest_summary_and_strict(tmp_path):
    (tmp_path / "a.jsonl").write_text('{"text": "T\\n\\n“It is a fine day today,” said Ann Lee."}\nbroken\n', encoding="utf-8")
    db = str(tmp_path / "q.db")
    res = run("ingest", str(tmp_path / "a.jsonl"), "--db", db, "--jobs", "1", "--extractor", FAKE)
    assert res.exit_code == 0
    assert "1 new articles" in res.output and "1 failures" in res.output
    res = run("ingest", str(tmp_path / "a.jsonl"), "--db", db, "--jobs", "1", "--strict", "--extractor", FAKE)
    assert res.exit_code == 1
    assert "0 new articles (1 already stored)" in res.output


def test_cli_search_table_json_csv(db):
    res = run("search", "vigilant", "--db", db)
    assert res.exit_code == 0 and "Antonio Guterres" in res.output and "vigilant" in res.output
    data = json.loads(run("search", "vigilant", "--db", db, "--format", "json").output)
    assert data[0]["speaker"] == "Antonio Guterres" and data[0]["outlets"] == ["World Example"]
    rows = list(csv.reader(io.StringIO(run("search", "", "--speaker", "Khan", "--db", db, "--format", "csv").output)))
    assert rows[0][:2] == ["statement", "speaker"] and len(rows) == 3


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["search", '"unterminated'], "cannot read the search text"),
        (["search", "x", "--since", "whenever"], "--since: 'whenever' is not a date"),
        # The CLI names its options for the library's fields (issue 14): the library names none.
        (["search", "x" * 1001], "TEXT: too long (1,001 characters)"),
        (["export", "--until", "2020-13"], "--until: '2020-13' is not a date"),
        (["export", "--search", '"unterminated'], "cannot read the search text"),
        (["speaker", "Nobody Here"], "no speaker named"),
    ],
)
def test_cli_errors_are_one_line(db, args, message):
    res = run(*args, "--db", db)
    assert res.exit_code == 1
    assert message in res.output and "Traceback" not in res.output


def test_cli_missing_database(tmp_path):
    res = run("search", "x", "--db", str(tmp_path / "none.db"))
    assert res.exit_code == 1 and "no such database" in res.output
    assert not (tmp_path / "none.db").exists()


def test_cli_speakers_and_speaker(db):
    res = run("speakers", "--db", db, "--top", "3")
    assert res.exit_code == 0 and res.output.splitlines()[0].split()[1:3] == ["Antonio", "Guterres"]
    res = run("speaker", "Guterres", "--db", db)
    assert res.exit_code == 0
    assert "aliases: Antonio Guterres, Guterres" in res.output and "2020-11" in res.output and "linked (surname" in res.output
    data = json.loads(run("speaker", "antonio guterres", "--db", db, "--format", "json").output)
    assert data[0]["speaker"]["statements"] == 2
    # Each name with the rule that joined it; gender said with its evidence, or unknown.
    assert "written as 'Guterres' (1x): surname, 'Guterres' is the surname of 'Antonio Guterres'" in res.output
    assert "gender: unknown" in res.output  # the stand-in extractor gives no gender evidence
    assert [m["rule"] for m in data[0]["merges"]] == ["new", "surname"] and data[0]["genders"] == []


def test_cli_export_jsonl_is_extract_shape_plus_metadata(db):
    res = run("export", "--db", db, "--format", "jsonl")
    recs = [json.loads(line) for line in res.output.splitlines() if line.startswith("{")]
    assert len(recs) == len(ARTICLES)
    rec = next(r for r in recs if r["url"] == ARTICLES[1].url)
    assert {"doc", "body", "boilerplate", "published", "quotes", "url", "title", "outlet"} <= set(rec)
    q = rec["quotes"][0]
    assert {"kind", "cue", "sources", "contents", "speaker", "confidence", "statement"} <= set(q)
    assert q["speaker"]["name"] == "Antonio Guterres" and isinstance(q["speaker"]["id"], int)


def test_cli_export_citron_and_search_subset(db, tmp_path):
    out = tmp_path / "c.jsonl"
    res = run("export", "--db", db, "--format", "citron", "--search", "buses", "-o", str(out))
    assert res.exit_code == 0
    (rec,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert set(rec) == {"doc", "text", "quotes"}
    for q in rec["quotes"]:
        for span in [q["cue"], *q["sources"], *q["contents"]]:
            assert rec["text"][span["start"] : span["end"]] == span["text"]


def test_cli_export_csv(db):
    res = run("export", "--db", db, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert len(rows) == 6 and {r["outlet"] for r in rows} == {"The Daily Example", "World Example", "City Example"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        # Regression (issue 10, point 9): a --limit beyond 64 bits was a traceback (OverflowError from SQLite).
        (["search", "x", "--limit", "100000000000000000000"], "--limit 100000000000000000000: give a whole number from 1 to"),
        (["search", "x", "--limit", str(2**63)], "--limit"),
        (["search", "x", "--limit", "0"], "--limit 0: give a whole number"),
        (["search", "x", "--limit", "-3"], "--limit -3: give a whole number"),
        (["search", "", "--limit", "-100000000000000000000"], "--limit"),
        # Regression (issue 10, point 14): `speakers --top -3` listed every speaker.
        (["speakers", "--top", "-3"], "--top -3: give a whole number from 1 to"),
        (["speakers", "--top", "0"], "--top 0"),
        (["speakers", "--top", "100000000000000000000"], "--top 100000000000000000000"),
        # Regression (issue 10, point 14): `speaker ""` showed an arbitrary speaker (every name contains "").
        (["speaker", ""], "give a speaker's name"),
        (["speaker", "   "], "give a speaker's name"),
        (["speaker", "\t\n"], "give a speaker's name"),
    ],
)
def test_cli_counts_and_names_out_of_range_are_one_line(db, args, message):
    res = CliRunner().invoke(cli, [*args, "--db", db])
    assert res.exit_code == 1, res.output
    assert res.exception is None or isinstance(res.exception, SystemExit)
    lines = res.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and message in lines[0], res.output


@pytest.mark.parametrize(
    ("args", "count"),
    [(["search", "", "--limit", "1000000000"], 2), (["speakers", "--top", "1000000000"], 3), (["speakers", "--top", "1"], 1)],
)
def test_cli_counts_at_the_bounds_work(db, args, count):
    res = run(*args, "--db", db, "--format", "json")
    assert res.exit_code == 0 and len(json.loads(res.output)) >= count


def test_cli_speaker_name_is_stripped(db):
    res = run("speaker", "  Antonio Guterres ", "--db", db)
    assert res.exit_code == 0 and res.output.startswith("Antonio Guterres")


def test_cli_speaker_by_id_and_a_list_when_a_name_is_ambiguous(db):
    """Regression (issue 15): `speakers` printed ids that `speaker` did not take, and a name that
    fits several speakers silently showed them all."""
    first = run("speakers", "--db", db, "--top", "1").output.split()[0]
    res = run("speaker", first, "--db", db)
    assert res.exit_code == 0 and f"(id {first})" in res.output
    assert run("speaker", "999999", "--db", db).exit_code == 1
    import sqlite3

    names = [r[0] for r in sqlite3.connect(db).execute("SELECT name FROM speakers WHERE type = 'PERSON' ORDER BY id")]
    letter = next(ch for ch in "aeiou" if sum(ch in n.lower() for n in names) >= 2)
    res = run("speaker", letter, "--db", db)
    assert res.exit_code == 0 and "give one's id" in res.output
    listed = [line.split()[0] for line in res.output.splitlines() if line.strip()[:1].isdigit()]
    assert len(listed) >= 2 and all(x.isdigit() for x in listed)


def test_cli_speakers_as_csv(db):
    import csv
    import io

    rows = list(csv.reader(io.StringIO(run("speakers", "--db", db, "--format", "csv").output)))
    assert rows[0][:4] == ["id", "name", "type", "statements"] and rows[1][1] == "Antonio Guterres"


def test_cli_export_text_only_where_it_has_a_place(db):
    res = run("export", "--db", db, "--format", "csv", "--text")
    assert res.exit_code == 2 and "--text" in res.output
    assert run("export", "--db", db, "--format", "jsonl", "--text").exit_code == 0
