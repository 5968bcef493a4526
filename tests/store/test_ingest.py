"""Ingest: every article once, idempotent re-runs, bad records skipped with their location, kill -9 resume.

The stand-in extractor (``fakes.py``) keeps these fast; the model is tested in test_ingest_model.py.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from quotegraph.corpus import ingest
from quotegraph.store.db import open_store
from tests.conftest import ROOT
from tests.ingest.pages import ARTICLES, Story, write_jsonl, write_warc
from tests.store.fakes import FAKE


def counts(db: str) -> dict[str, int]:
    with open_store(db) as s:
        c = s.counts()
        c["date_mentions"] = s.conn.execute("SELECT count(*) FROM date_mentions").fetchone()[0]
        c["aliases"] = s.conn.execute("SELECT count(*) FROM speaker_aliases").fetchone()[0]
        return c


def test_ingest_warc_and_html_store_each_article_once(db):
    c = counts(db)
    assert c["articles"] == len(ARTICLES)  # the WARC and the HTML folder hold the same pages
    with open_store(db) as s:
        urls = {r[0] for r in s.conn.execute("SELECT url FROM articles")}
        assert urls == {a.url for a in ARTICLES}
        row = s.conn.execute(
            "SELECT title, published, published_source, author, o.name FROM articles a "
            "JOIN outlets o ON o.id = a.outlet_id WHERE url = ?",
            (ARTICLES[1].url,),
        ).fetchone()
        assert row == (ARTICLES[1].title, "2020-11-18", "metadata", "Jane Reporter", "World Example")
        # Comments, related links and navigation are not article text: no statement from them.
        assert s.conn.execute("SELECT count(*) FROM occurrences WHERE wording LIKE '%fake news%'").fetchone()[0] == 0
        assert (
            s.conn.execute(
                "SELECT count(*) FROM articles WHERE text LIKE '%Storm season%' OR text LIKE '%Subscribe%'"
            ).fetchone()[0]
            == 0
        )


def test_ingest_is_idempotent(db, corpus):
    before = counts(db)
    s = ingest([str(corpus)], db=db, jobs=1, extractor=FAKE)
    assert s.articles == 0 and s.duplicates == 2 * len(ARTICLES)
    assert counts(db) == before


def test_ingest_same_text_under_another_url_is_one_article(tmp_path):
    db = str(tmp_path / "q.db")
    a = ARTICLES[0]
    copy = Story(a.title, a.paragraphs, "https://mirror.example.net/copy", a.published, "Mirror")
    write_jsonl(tmp_path / "a.jsonl", [a, copy])
    s = ingest([str(tmp_path / "a.jsonl")], db=db, jobs=1, extractor=FAKE)
    assert (s.articles, s.duplicates) == (1, 1)


def test_ingest_syndicated_copy_merges_statements(tmp_path):
    db = str(tmp_path / "q.db")
    a = ARTICLES[1]
    edited = Story(
        "UN head: arms race has no winners",
        [a.paragraphs[0] + " Officials welcomed it.", a.paragraphs[1]],
        "https://other.example.com/guterres",
        "2020-11-19",
        "Other Outlet",
    )
    write_jsonl(tmp_path / "a.jsonl", [a, edited])
    ingest([str(tmp_path / "a.jsonl")], db=db, jobs=1, extractor=FAKE)
    with open_store(db) as s:
        assert s.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
        rows = s.conn.execute("SELECT occurrences, first_seen FROM statements ORDER BY id").fetchall()
        assert rows == [(2, "2020-11-18"), (2, "2020-11-18")]
        outlets = s.conn.execute(
            "SELECT DISTINCT outlet FROM statement_occurrences WHERE statement_id = 1 ORDER BY outlet"
        ).fetchall()
        assert outlets == [("Other Outlet",), ("World Example",)]


def test_ingest_bad_records_logged_with_location_and_skipped(tmp_path, caplog):
    folder = tmp_path / "in"
    folder.mkdir()
    write_jsonl(folder / "good.jsonl", ARTICLES[:1])
    (folder / "bad.jsonl").write_text(
        '{"text": "Bob said “this line is fine and long enough” today."}\nnot json\n{"title": "no text"}\n', encoding="utf-8"
    )
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (folder / "broken.jsonl").write_text('{"text": "FAIL-EXTRACTION here"}\n', encoding="utf-8")
    db = str(tmp_path / "q.db")
    s = ingest([str(folder), str(tmp_path / "missing.txt")], db=db, jobs=1, extractor=FAKE)
    assert s.articles == 2
    locations = sorted(f.split(": ")[0] for f in s.failed)
    assert locations == sorted(
        [
            f"{folder / 'bad.jsonl'}:2",
            f"{folder / 'bad.jsonl'}:3",
            str(folder / "binary.txt"),
            f"{folder / 'broken.jsonl'}:1",
        ]
    )
    # A named input that does not exist is no record of the corpus: reported apart (the command exits 1).
    assert s.missing == [f"{tmp_path / 'missing.txt'}: no such file or directory"]
    with open_store(db) as st:
        assert st.conn.execute("SELECT count(*) FROM failures").fetchone()[0] == 4
    assert any("bad.jsonl:2" in r.getMessage() for r in caplog.records)


def test_ingest_worker_processes_give_the_same_store(tmp_path, corpus):
    one, two = str(tmp_path / "one.db"), str(tmp_path / "two.db")
    write_warc(
        corpus / "more.warc",
        [
            Story(
                f"Story {i}",
                [f"“Point number {i} is the important one,” said Ann Lee."],
                f"https://x.example.com/{i}",
                "2016-01-0" + str(1 + i % 9),
            )
            for i in range(20)
        ],
    )
    ingest([str(corpus)], db=one, jobs=1, batch=3, extractor=FAKE)
    ingest([str(corpus)], db=two, jobs=2, batch=3, extractor=FAKE)
    assert counts(one) == counts(two)
    assert counts(one)["articles"] == len(ARTICLES) + 20


SCRIPT = """
import sys
from quotegraph.corpus import ingest
def show(s):
    print("committed", s.articles, flush=True)
if __name__ == "__main__":
    s = ingest([sys.argv[1]], db=sys.argv[2], jobs=int(sys.argv[3]), batch=2,
               extractor="tests.store.fakes:extract_many", progress=show)
    print("done", s.articles, flush=True)
"""


def _stories(n: int) -> list[Story]:
    return [
        Story(
            f"Story {i}",
            [
                f"“Statement {i} is made here in full,” said Person{i % 7} Smith.",
                f"Person{i % 5} Jones said “another thing number {i} was said” on Monday.",
            ],
            f"https://k.example.com/{i}",
            f"2016-02-{1 + i % 28:02d}",
        )
        for i in range(n)
    ]


@pytest.mark.parametrize("jobs", [1, 2])
def test_ingest_kill_9_then_rerun_resumes_to_the_same_counts(tmp_path, jobs):
    warc = write_warc(tmp_path / "k.warc.gz", _stories(40))
    script = tmp_path / "run_ingest.py"
    script.write_text(SCRIPT, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QUOTEGRAPH_FAKE_DELAY": "0.03"}
    killed_db, clean_db = str(tmp_path / "killed.db"), str(tmp_path / "clean.db")
    proc = subprocess.Popen(
        [sys.executable, str(script), str(warc), killed_db, str(jobs)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        start_new_session=True,
    )
    committed = 0
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("committed"):
            committed = int(line.split()[1])
            if committed >= 10:
                break
    os.killpg(proc.pid, signal.SIGKILL)  # the writer and its workers, mid-run
    proc.wait()
    proc.stdout.close()
    assert 10 <= committed < 40, "the run finished before it could be killed"
    # Nothing reported committed was lost, and no article is half-written.
    conn = sqlite3.connect(killed_db)
    stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert stored >= committed
    orphans = conn.execute(
        "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM occurrences o WHERE o.article_id = a.id)"
    ).fetchone()[0]
    assert orphans == 0
    conn.close()
    env.pop("QUOTEGRAPH_FAKE_DELAY")
    for db in (killed_db, clean_db):
        res = subprocess.run(
            [sys.executable, str(script), str(warc), db, str(jobs)], capture_output=True, text=True, env=env, timeout=120
        )
        assert res.returncode == 0, res.stderr
    assert counts(killed_db) == counts(clean_db)
    assert counts(clean_db)["articles"] == 40


def test_ingest_stdin(tmp_path):
    db = str(tmp_path / "q.db")
    text = "Headline\n\n“We will build it this year,” said Maria Lopez.\n"
    res = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from quotegraph.corpus import ingest; "
            f"s = ingest(['-'], db={db!r}, extractor={FAKE!r}); print(s.articles, s.statements)",
        ],
        input=text,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=60,
    )
    assert res.stdout.split() == ["1", "1"], res.stderr
    with open_store(db) as s:
        assert s.conn.execute("SELECT doc, location FROM articles").fetchone() == ("stdin", "stdin")


def test_ingest_paths_are_files_found_recursively(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    Path(tmp_path / "a" / "b" / "x.txt").write_text("Title\n\n“It works well enough now,” said Ann Lee.\n", encoding="utf-8")
    Path(tmp_path / "a" / "skip.png").write_bytes(b"\x89PNG")
    s = ingest([str(tmp_path / "a")], db=str(tmp_path / "q.db"), jobs=1, extractor=FAKE)
    assert (s.articles, s.failures) == (1, 0)


def test_ingest_progress_reported_after_commit(tmp_path):
    seen = []
    db = str(tmp_path / "q.db")
    write_warc(tmp_path / "k.warc", _stories(5))

    def progress(s):
        with open_store(db) as st:
            seen.append((s.articles, st.conn.execute("SELECT count(*) FROM articles").fetchone()[0]))

    ingest([str(tmp_path / "k.warc")], db=db, jobs=1, batch=2, extractor=FAKE, progress=progress)
    assert seen == [(2, 2), (4, 4), (5, 5)]


def test_ingest_speed_of_resume_skips_stored_urls_before_parsing(tmp_path, monkeypatch):
    db = str(tmp_path / "q.db")
    write_warc(tmp_path / "k.warc", _stories(6))
    ingest([str(tmp_path / "k.warc")], db=db, jobs=1, extractor=FAKE)
    import quotegraph.ingest.sources as sources

    def boom(raw):
        raise AssertionError("a stored URL was parsed again")

    monkeypatch.setattr(sources, "to_document", boom)
    t = time.perf_counter()
    s = ingest([str(tmp_path / "k.warc")], db=db, jobs=1, extractor=FAKE)
    assert s.duplicates == 6 and time.perf_counter() - t < 5


@pytest.mark.parametrize("min_confidence, stored, left_out", [(None, 1, 1), (0.0, 2, 0), (0.95, 0, 2)])
def test_ingest_leaves_out_quotes_under_the_minimum_confidence(tmp_path, min_confidence, stored, left_out):
    (tmp_path / "a.txt").write_text("Rally\n\n“We will win,” said Ann Lee.\n\n“Maybe, unsure,” said Bo Chan.\n", encoding="utf-8")
    db = str(tmp_path / "c.db")
    kwargs = {} if min_confidence is None else {"min_confidence": min_confidence}
    s = ingest([str(tmp_path / "a.txt")], db=db, jobs=1, extractor=FAKE, **kwargs)
    assert (s.articles, s.occurrences, s.unconfident) == (1, stored, left_out)
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM occurrences").fetchone()[0] == stored


def test_ingest_outlet_and_date_given_for_inputs_that_carry_none(tmp_path):
    """Issue 15, point 1: plain text had no title, outlet or date ('0 outlets', empty timelines)."""
    (tmp_path / "a.txt").write_text("Roads to be fixed\n\n“We will fix the roads,” said Ann Lee.\n", encoding="utf-8")
    write_jsonl(tmp_path / "b.jsonl", [Story("Port reopens", ["“It is open,” said Bo Chan."], "https://x.example.com/b", "2019-05-02", "Harbour News")])
    db = str(tmp_path / "c.db")
    s = ingest([str(tmp_path / "a.txt"), str(tmp_path / "b.jsonl")], db=db, jobs=1, extractor=FAKE, outlet="Springfield Herald", published="2021-03")
    assert (s.articles, s.undated) == (2, 0)
    rows = sqlite3.connect(db).execute(
        "SELECT a.title, a.published, a.published_granularity, a.published_source, o.name FROM articles a "
        "LEFT JOIN outlets o ON o.id = a.outlet_id ORDER BY a.id"
    ).fetchall()
    assert rows[0] == ("Roads to be fixed", "2021-03", "month", "metadata", "Springfield Herald")
    assert rows[1][1] == "2019-05-02" and rows[1][4] == "Harbour News"  # a record's own date and outlet win


def test_ingest_cli_warns_when_nothing_stored_is_dated_and_refuses_a_bad_date(tmp_path):
    from click.testing import CliRunner

    from quotegraph.cli import cli

    (tmp_path / "a.txt").write_text("Roads to be fixed\n\n“We will fix the roads,” said Ann Lee.\n", encoding="utf-8")
    args = ["ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "c.db"), "--jobs", "1", "--extractor", FAKE]
    res = CliRunner().invoke(cli, args)
    assert res.exit_code == 0 and "none of the 1 new articles has a publication date" in res.output
    res = CliRunner().invoke(cli, [*args, "--published", "yesterday"])
    assert res.exit_code == 2 and "--published" in res.output and "Traceback" not in res.output


def test_ingest_a_worker_dying_on_a_record_stores_every_other(tmp_path):
    # A worker process killed on one record (out of memory, a crash in a native library): the run neither hangs nor
    # loses the records the worker held; the one record fails, is kept as a failure, and is tried again by the next run.
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(9):
        kill = "KILL-WORKER " if i == 4 else ""
        (folder / f"a{i}.txt").write_text(f"{kill}Bob said “thing {i} is true and long enough” today.\n", encoding="utf-8")
    db = str(tmp_path / "q.db")
    s = ingest([str(folder)], db=db, jobs=2, extractor=FAKE)
    assert (s.articles, s.failures) == (8, 1)
    assert s.failed[0].startswith(f"{folder / 'a4.txt'}: ") and "worker process" in s.failed[0]
    with open_store(db) as st:
        assert st.conn.execute("SELECT count(*) FROM failures").fetchone()[0] == 1
        assert st.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 8
    again = ingest([str(folder)], db=db, jobs=2, extractor=FAKE)
    assert (again.articles, again.failures, again.duplicates) == (0, 1, 8)
