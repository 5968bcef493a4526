"""Exports and Python access (issue 15, point 3): CSV and Parquet with the same rows, one per quote,
with the canonical speaker and the source as written; ``quotegraph.Store`` records and tables."""

from __future__ import annotations

import csv
import importlib.util
import io
import json

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

import quotegraph
from quotegraph.cli import cli
from quotegraph.ingest.prepare import prepare
from quotegraph.model import Article, Document, Quote, Span, Speaker
from quotegraph.store.articles import add_article
from quotegraph.store.db import open_store
from quotegraph.store.records import COLUMNS, QuoteRow, Records

TEXT = "Campaign speaks\n\n“She is feeling much better,” said Brian Fallon, a spokesman.\n\n“We will be back on the trail,” he said.\n"


def _span(text: str, part: str, after: int = 0) -> Span:
    start = text.index(part, after)
    return Span(start, start + len(part), part)


@pytest.fixture
def pronoun_db(tmp_path):
    """A store with one article whose second quote's source is "he", resolved to Brian Fallon."""
    path = str(tmp_path / "p.db")
    fallon = _span(TEXT, "Brian Fallon")
    speaker = Speaker("Brian Fallon", "a spokesman", "PERSON", "named", fallon, "male", "pronoun")
    quotes = [
        Quote("direct", _span(TEXT, "said"), [fallon], [_span(TEXT, "“She is feeling much better,”")], speaker, 0.9),
        Quote(
            "direct",
            _span(TEXT, "said", fallon.end),
            [_span(TEXT, "he")],
            [_span(TEXT, "“We will be back on the trail,”")],
            Speaker("Brian Fallon", "a spokesman", "PERSON", "pronoun", fallon, "male", "pronoun"),
            0.75,
        ),
    ]
    with open_store(path) as store, store.transaction():
        doc = Document(TEXT, "fallon.txt", url="https://news.example.com/fallon", title="Campaign speaks", outlet="The Daily Example", published="2016-09-13")
        add_article(store, doc, prepare(doc, Article("fallon", TEXT, (0, len(TEXT)), quotes, "2016-09-13")))
    return path


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def _csv_rows(db: str, *args: str) -> list[dict[str, str]]:
    res = run("export", "--db", db, "--format", "csv", *args)
    assert res.exit_code == 0, res.output
    return list(csv.DictReader(io.StringIO(res.stdout)))


def _as_csv_text(value: object) -> str:
    """A Parquet value as the CSV writes it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(int(value))
    return str(value)


def test_export_csv_columns_are_the_quote_rows(db):
    res = run("export", "--db", db, "--format", "csv")
    assert next(csv.reader(io.StringIO(res.stdout))) == COLUMNS
    assert {
        "speaker",
        "speaker_id",
        "speaker_role",
        "speaker_type",
        "speaker_gender",
        "speaker_gender_evidence",
        "source",
        "speaker_name",
        "cue",
        "content",
        "kind",
        "outlet",
        "published",
        "url",
        "confidence",
    } <= set(COLUMNS)


@pytest.mark.parametrize(
    ("position", "expected"),
    [
        (0, {"speaker": "Brian Fallon", "source": "Brian Fallon", "speaker_name": "Brian Fallon", "cue": "said", "confidence": "0.9"}),
        (1, {"speaker": "Brian Fallon", "source": "he", "speaker_name": "Brian Fallon", "cue": "said", "confidence": "0.75"}),
    ],
)
def test_export_csv_has_the_source_as_written_and_the_canonical_speaker(pronoun_db, position, expected):
    rows = _csv_rows(pronoun_db)
    row = rows[position]
    assert {k: row[k] for k in expected} == expected
    assert row["speaker_role"] == "a spokesman" and row["speaker_type"] == "PERSON" and row["kind"] == "direct"
    assert row["speaker_gender"] == "male" and row["speaker_gender_evidence"] == "pronoun"
    assert row["outlet"] == "The Daily Example" and row["published"] == "2016-09-13" and row["url"] == "https://news.example.com/fallon"
    assert row["occurrence"] == str(position) and row["speaker_id"].isdigit()


def test_export_csv_speaker_is_canonical_where_the_article_wrote_another_name(db):
    """The speaker column was the name as the article resolved it ("Guterres"); it is the store's speaker now."""
    rows = [r for r in _csv_rows(db) if r["speaker_name"] == "Guterres"]
    assert rows and all(r["speaker"] == "Antonio Guterres" and r["source"] == "Guterres" for r in rows)


@pytest.mark.parametrize("search", [[], ["--search", "buses"], ["--speaker", "Khan"], ["--since", "2020"]], ids=["all", "search", "speaker", "since"])
def test_export_parquet_rows_equal_the_csv_rows(db, tmp_path, search):
    out = tmp_path / "q.parquet"
    res = run("export", "--db", db, "--format", "parquet", "-o", str(out), *search)
    assert res.exit_code == 0, res.output
    table = pq.read_table(out)
    assert table.column_names == COLUMNS
    assert str(table.schema.field("confidence").type) == "double" and str(table.schema.field("speaker_id").type) == "int64"
    parquet_rows = [{k: _as_csv_text(v) for k, v in r.items()} for r in table.to_pylist()]
    csv_rows = _csv_rows(db, *search)
    assert parquet_rows == csv_rows and len(csv_rows) >= 1
    assert f"{len(csv_rows)} records written" in res.output


def test_export_parquet_of_nothing_is_an_empty_typed_file(db, tmp_path):
    out = tmp_path / "none.parquet"
    res = run("export", "--db", db, "--format", "parquet", "-o", str(out), "--search", "zebrafish")
    assert res.exit_code == 0 and "0 records written" in res.output
    table = pq.read_table(out)
    assert table.num_rows == 0 and table.column_names == COLUMNS


def test_export_parquet_needs_a_file(db):
    res = CliRunner().invoke(cli, ["export", "--db", db, "--format", "parquet"])
    assert res.exit_code == 2 and "-o FILE" in res.output


def test_export_csv_to_a_file_and_jsonl_unchanged(db, tmp_path):
    out = tmp_path / "q.csv"
    assert run("export", "--db", db, "--format", "csv", "-o", str(out)).exit_code == 0
    assert list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8")))) == _csv_rows(db)
    recs = [json.loads(line) for line in run("export", "--db", db).stdout.splitlines()]
    assert {"doc", "body", "quotes", "url", "outlet", "published"} <= set(recs[0]) and "source" not in recs[0]["quotes"][0]


def test_store_api_records(pronoun_db):
    with quotegraph.Store(pronoun_db) as store:
        quotes = store.quotes()
        assert isinstance(quotes, Records) and all(isinstance(q, QuoteRow) for q in quotes)
        assert [(q.source, q.speaker, q.content) for q in quotes] == [
            ("Brian Fallon", "Brian Fallon", "“She is feeling much better,”"),
            ("he", "Brian Fallon", "“We will be back on the trail,”"),
        ]
        (speaker,) = store.speakers()
        assert (speaker.name, speaker.type, speaker.gender, speaker.statements, speaker.occurrences) == ("Brian Fallon", "PERSON", "male", 2, 2)
        assert speaker.aliases == ["Brian Fallon"]
        statements = store.statements()
        assert [s.speaker for s in statements] == ["Brian Fallon", "Brian Fallon"] and statements[0].occurrences == 1
        (article,) = store.articles()
        assert (article.title, article.outlet, article.published, article.quotes, article.text) == (
            "Campaign speaks",
            "The Daily Example",
            "2016-09-13",
            2,
            None,
        )
        assert store.articles(with_text=True)[0].text == TEXT


@pytest.mark.parametrize(
    ("kwargs", "speakers"),
    [
        ({}, {"Antonio Guterres", "Brian Fallon", "Donald Trump", "Sadiq Khan", "Imran Khan"}),
        ({"text": "vigilant"}, {"Antonio Guterres"}),
        ({"speaker": "Khan"}, {"Sadiq Khan", "Imran Khan"}),
        ({"outlet": "World"}, {"Antonio Guterres"}),
        ({"since": "2019", "until": "2019-12"}, {"Sadiq Khan", "Imran Khan"}),
    ],
)
def test_store_api_filters_as_search_does(db, kwargs, speakers):
    with quotegraph.Store(db) as store:
        quotes = store.quotes(**kwargs)
        assert {q.speaker for q in quotes} == speakers
        statement_ids = {s.id for s in store.statements(**kwargs)}
        assert {q.statement for q in quotes} == statement_ids


def test_store_api_to_arrow_typed_even_when_empty(db):
    with quotegraph.Store(db) as store:
        table = store.quotes().to_arrow()
        assert table.column_names == COLUMNS and table.num_rows == len(_csv_rows(db))
        empty = store.quotes("zebrafish").to_arrow()
        assert empty.num_rows == 0 and empty.schema == table.schema
        speakers = store.speakers().to_arrow()
        assert str(speakers.schema.field("aliases").type) == "list<item: string>"


def test_store_api_missing_database_says_how_to_make_one(tmp_path):
    from quotegraph.errors import QuotegraphError

    with pytest.raises(QuotegraphError, match="no such database"):
        quotegraph.Store(str(tmp_path / "none.db"))
    assert not (tmp_path / "none.db").exists()


HAS_PANDAS = importlib.util.find_spec("pandas") is not None


@pytest.mark.skipif(not HAS_PANDAS, reason="pandas is optional and not installed here; to_pandas() is to_arrow().to_pandas()")
def test_store_api_to_pandas(pronoun_db):
    with quotegraph.Store(pronoun_db) as store:
        df = store.quotes().to_pandas()
    assert list(df.columns) == COLUMNS and list(df["source"]) == ["Brian Fallon", "he"]


@pytest.mark.skipif(HAS_PANDAS, reason="pandas is installed: the message for its absence cannot be seen")
def test_store_api_to_pandas_without_pandas_says_what_to_install(pronoun_db):
    from quotegraph.errors import QuotegraphError

    with quotegraph.Store(pronoun_db) as store, pytest.raises(QuotegraphError, match="pip install pandas"):
        store.quotes().to_pandas()
