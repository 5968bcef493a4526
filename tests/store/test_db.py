"""Schema and migrations: recorded by name, applied once, readable by plain sqlite3."""

import sqlite3

import pytest

from quotegraph.errors import StoreError
from quotegraph.store import db as dbmod
from quotegraph.store.db import MIGRATIONS, SCHEMA_VERSION, open_store


def test_db_migrations_recorded_and_applied_once(tmp_path):
    path = str(tmp_path / "a.db")
    with open_store(path) as s:
        assert [r[0] for r in s.conn.execute("SELECT name FROM migrations")] == [m[0] for m in MIGRATIONS]
        assert s.schema_version() == SCHEMA_VERSION
    with open_store(path) as s:  # reopening applies nothing again
        assert s.conn.execute("SELECT count(*) FROM migrations").fetchone()[0] == len(MIGRATIONS)


def test_db_new_migration_applied_to_old_database(tmp_path, monkeypatch):
    path = str(tmp_path / "a.db")
    open_store(path).close()
    monkeypatch.setattr(
        dbmod, "MIGRATIONS", [*MIGRATIONS, ("0099_test_column", "ALTER TABLE articles ADD COLUMN language TEXT;")]
    )
    with open_store(path) as s:
        cols = [r[1] for r in s.conn.execute("PRAGMA table_info(articles)")]
        assert "language" in cols
        assert s.conn.execute("SELECT name FROM migrations ORDER BY name DESC LIMIT 1").fetchone()[0] == "0099_test_column"


def test_db_opens_in_plain_sqlite3_with_readable_names(db):
    conn = sqlite3.connect(db)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    assert {
        "articles",
        "outlets",
        "speakers",
        "speaker_aliases",
        "speaker_roles",
        "statements",
        "occurrences",
        "date_mentions",
        "failures",
        "migrations",
        "statement_search",
        "statement_occurrences",
    } <= tables
    assert conn.execute("SELECT count(*) FROM statement_occurrences").fetchone()[0] > 0
    conn.close()


def test_db_missing_database_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no such database"):
        open_store(str(tmp_path / "nope.db"), create=False)


def test_db_not_a_database_is_a_clear_error(tmp_path):
    p = tmp_path / "x.db"
    p.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="not a quotegraph database|cannot open"):
        open_store(str(p))


def test_db_store_imports_no_spacy():
    import subprocess
    import sys

    code = (
        "import sys, quotegraph.commands.store, quotegraph.store.search, quotegraph.store.articles, quotegraph.store.export, "
        "quotegraph.store.queries; bad = [m for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc', 'onnxruntime') "
        "or m.startswith(('quotegraph.pipeline', 'quotegraph.nlp', 'quotegraph.attribution'))]; print(bad); sys.exit(bool(bad))"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert res.returncode == 0, res.stdout + res.stderr


def _open_at_once(path: str, barrier, results) -> None:  # runs in a process of its own
    try:
        barrier.wait(60)
        with open_store(path) as s:
            results.put(("ok", s.schema_version()))
    except BaseException as e:  # noqa: BLE001 - reported to the test, which fails on it
        results.put(("error", repr(e)))


@pytest.mark.parametrize("processes", [2, 4])
def test_db_new_database_created_by_processes_at_once(tmp_path, processes):
    """Regression (issue 10, point 8): two first ingests into a new database raced ("database is locked ... check
    that it is a quotegraph database", "table outlets already exists"). Real processes, released together, each
    open (create and migrate) the same new database, several times over: every one succeeds, each migration once."""
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    for trial in range(4):
        path = str(tmp_path / f"new{trial}.db")
        barrier, results = context.Barrier(processes), context.Queue()
        workers = [context.Process(target=_open_at_once, args=(path, barrier, results)) for _ in range(processes)]
        for w in workers:
            w.start()
        answers = [results.get(timeout=120) for _ in workers]
        for w in workers:
            w.join(60)
        assert answers == [("ok", SCHEMA_VERSION)] * processes, answers
        conn = sqlite3.connect(path)
        names = [r[0] for r in conn.execute("SELECT name FROM migrations ORDER BY name")]
        mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
        conn.close()
        assert names == [m[0] for m in MIGRATIONS] and mode == "wal"


def test_db_migration_already_applied_by_another_connection_is_skipped(tmp_path, monkeypatch):
    """What is applied is read again inside the write lock: a connection that found every migration missing before
    another process applied them (here: told so) applies none of them twice."""
    path = str(tmp_path / "a.db")
    first = dbmod.connect(path)
    open_store(path).close()
    monkeypatch.setattr(dbmod, "_missing", lambda conn: [m[0] for m in MIGRATIONS])  # what it saw before the other ran
    assert dbmod.migrate(first) == []
    assert first.execute("SELECT count(*) FROM migrations").fetchone()[0] == len(MIGRATIONS)
    first.close()


def test_db_wal_switch_waits_for_a_lock_held_elsewhere(tmp_path):
    """Switching to WAL answers "database is locked" at once while another connection holds a lock: it is retried."""
    import threading

    path = str(tmp_path / "a.db")
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")  # a new database written in its first (rollback-journal) transaction
    holder.execute("CREATE TABLE t (x)")
    timer = threading.Timer(0.5, lambda: holder.execute("COMMIT"))
    timer.start()
    try:
        with open_store(path) as s:
            assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        timer.join()
        holder.close()


def test_db_migration_rekeys_aliases_and_keeps_link_evidence(tmp_path, monkeypatch):
    """A store made before names were compared in their full form: its aliases get today's keys
    (two aliases of one speaker that now share a key become one), and each alias the rule that
    first linked it, read from its occurrences."""
    path = str(tmp_path / "old.db")
    before = [m for m in MIGRATIONS if m[0] < "0005"]
    monkeypatch.setattr(dbmod, "MIGRATIONS", before)
    with open_store(path) as s:
        c = s.conn
        c.execute("INSERT INTO speakers (id, name, type, mentions) VALUES (1, 'Timothy Reyes', 'PERSON', 3)")
        c.executemany(
            "INSERT INTO speaker_aliases (speaker_id, alias, key, first_last, surname, mentions) VALUES (1, ?, ?, ?, 'PERSON:reyes', ?)",
            [("Tim Reyes", "PERSON:tim reyes", "PERSON:tim reyes", 1), ("Timothy Reyes", "PERSON:timothy reyes", "PERSON:timothy reyes", 2)],
        )
        c.execute(
            "INSERT INTO articles (id, text_key, doc, location, text, body_start, body_end, ingested_at) VALUES (1, 'k', 'd', 'l', 't', 0, 0, 'now')"
        )
        c.execute("INSERT INTO statements (id, speaker_id, kind, text, occurrences) VALUES (1, 1, 'direct', 'x', 1)")
        c.execute(
            "INSERT INTO occurrences (statement_id, article_id, position, kind, speaker_id, speaker_name, link_rule, link_evidence, "
            "sources, contents, wording, match) VALUES (1, 1, 0, 'direct', 1, 'Tim Reyes', 'new', 'no known speaker', '[]', '[]', 'x', 'first')"
        )
        c.commit()
    monkeypatch.setattr(dbmod, "MIGRATIONS", MIGRATIONS)
    with open_store(path) as s:
        rows = s.conn.execute("SELECT alias, key, first_last, mentions, rule FROM speaker_aliases").fetchall()
        assert rows == [("Tim Reyes", "PERSON:timothy reyes", "PERSON:timothy reyes", 3, "new")]
        assert [r[1] for r in s.conn.execute("PRAGMA table_info(speakers)")][-2:] == ["gender", "gender_evidence"]


def test_db_migration_gives_an_acronyms_alias_the_key_of_what_it_stands_for(tmp_path, monkeypatch):
    """A store made before acronyms were compared as what they stand for: "GOP" gets the Republican Party's key."""
    path = str(tmp_path / "old.db")
    monkeypatch.setattr(dbmod, "MIGRATIONS", [m for m in MIGRATIONS if m[0] < "0012"])
    with open_store(path) as s:
        s.conn.execute("INSERT INTO speakers (id, name, type, mentions) VALUES (1, 'GOP', 'ORG', 2)")
        s.conn.execute("INSERT INTO speaker_aliases (speaker_id, alias, key, mentions, rule) VALUES (1, 'GOP', 'ORG:gop', 2, 'new')")
        s.conn.commit()
    monkeypatch.setattr(dbmod, "MIGRATIONS", MIGRATIONS)
    with open_store(path) as s:
        assert s.conn.execute("SELECT alias, key, mentions FROM speaker_aliases").fetchall() == [("GOP", "ORG:republican party", 2)]


def test_db_migration_leaves_a_companys_legal_form_out_of_its_key(tmp_path, monkeypatch):
    """A store made before legal forms were left out: "Breitbart News LLC" gets Breitbart News's key."""
    path = str(tmp_path / "old.db")
    monkeypatch.setattr(dbmod, "MIGRATIONS", [m for m in MIGRATIONS if m[0] < "0013"])
    with open_store(path) as s:
        s.conn.execute("INSERT INTO speakers (id, name, type, mentions) VALUES (1, 'Breitbart News LLC', 'ORG', 2)")
        s.conn.execute(
            "INSERT INTO speaker_aliases (speaker_id, alias, key, mentions, rule) VALUES (1, 'Breitbart News LLC', 'ORG:breitbart news llc', 2, 'new')"
        )
        s.conn.commit()
    monkeypatch.setattr(dbmod, "MIGRATIONS", MIGRATIONS)
    with open_store(path) as s:
        assert s.conn.execute("SELECT alias, key, mentions FROM speaker_aliases").fetchall() == [("Breitbart News LLC", "ORG:breitbart news", 2)]


@pytest.mark.parametrize(
    ("alias", "old_key", "key"),
    [
        ("Quinnipiac University poll", "ORG:quinnipiac university poll", "ORG:quinnipiac poll"),
        ("Paul D. Ryan's office", "ORG:paul d ryan office", "ORG:paul ryan office"),
    ],
)
def test_db_migration_leaves_poll_institutions_and_initials_out_of_a_key(tmp_path, monkeypatch, alias, old_key, key):
    """A store made before: "Quinnipiac University poll" is the Quinnipiac poll, "Paul D. Ryan's office" Paul Ryan's."""
    path = str(tmp_path / "old.db")
    monkeypatch.setattr(dbmod, "MIGRATIONS", [m for m in MIGRATIONS if m[0] < "0014"])
    with open_store(path) as s:
        s.conn.execute("INSERT INTO speakers (id, name, type, mentions) VALUES (1, ?, 'ORG', 2)", (alias,))
        s.conn.execute("INSERT INTO speaker_aliases (speaker_id, alias, key, mentions, rule) VALUES (1, ?, ?, 2, 'new')", (alias, old_key))
        s.conn.commit()
    monkeypatch.setattr(dbmod, "MIGRATIONS", MIGRATIONS)
    with open_store(path) as s:
        assert s.conn.execute("SELECT alias, key, mentions FROM speaker_aliases").fetchall() == [(alias, key, 2)]


def test_db_migration_keys_a_poll_by_its_sponsors(tmp_path, monkeypatch):
    """A store made before: "ABC News/Washington Post poll" and "Washington Post-ABC News survey" become one key."""
    path = str(tmp_path / "old.db")
    monkeypatch.setattr(dbmod, "MIGRATIONS", [m for m in MIGRATIONS if m[0] < "0015"])
    with open_store(path) as s:
        s.conn.execute("INSERT INTO speakers (id, name, type, mentions) VALUES (1, 'ABC News/Washington Post poll', 'ORG', 2)")
        s.conn.execute("INSERT INTO speaker_aliases (speaker_id, alias, key, mentions, rule) "
                       "VALUES (1, 'ABC News/Washington Post poll', 'ORG:abc news washington post poll', 2, 'new')")
        s.conn.commit()
    monkeypatch.setattr(dbmod, "MIGRATIONS", MIGRATIONS)
    with open_store(path) as s:
        assert s.conn.execute("SELECT key FROM speaker_aliases").fetchall() == [("ORG:abc washington post poll",)]
