"""The API's connection pool: read-only connections reused across requests, never lent to two borrowers at once,
closed at shutdown; a commit or a replaced database file is noticed before the next loan, and searches see it."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from fastapi.testclient import TestClient

from quotegraph.errors import StoreError
from quotegraph.serve.app import create_app
from quotegraph.serve.pool import ReadPool
from tests.api.conftest import fake_extract


@pytest.fixture
def db_copy(db, tmp_path):
    """A copy of the API database that a test may write to."""
    path = str(tmp_path / "copy.db")
    copy(db, path)
    return path


def copy(src: str, dst: str) -> None:
    """A copy with what the write-ahead log holds (a plain file copy can miss it), in one file (no log beside it)."""
    a, b = sqlite3.connect(f"file:{src}?mode=ro", uri=True), sqlite3.connect(dst)
    a.backup(b)
    b.execute("PRAGMA journal_mode = DELETE")
    a.close()
    b.close()


def test_pool_lends_each_connection_to_one_thread_at_a_time(db):
    pool = ReadPool(db, max_idle=4)
    lent: set[int] = set()
    seen: set[int] = set()
    guard = threading.Lock()
    clashes, errors = [], []
    start = threading.Barrier(8)

    def borrower():
        start.wait()
        try:
            for _ in range(200):
                with pool.connection() as conn:
                    with guard:
                        if id(conn) in lent:
                            clashes.append(id(conn))
                        lent.add(id(conn))
                        seen.add(id(conn))
                    conn.execute("SELECT count(*) FROM statements s JOIN occurrences o ON o.statement_id = s.id").fetchone()
                    with guard:
                        lent.discard(id(conn))
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=borrower) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and not clashes
    assert len(seen) < 8 * 200  # reused, not one per loan
    assert pool.idle <= 4
    pool.close()
    assert pool.idle == 0
    with pytest.raises(StoreError, match="shutting down"):
        with pool.connection():
            pass


def test_pooled_connections_are_read_only(db):
    pool = ReadPool(db)
    for _ in range(2):  # a fresh one, then the same one reused
        with pool.connection() as conn:
            with pytest.raises(sqlite3.OperationalError):
                conn.execute("INSERT INTO outlets (name) VALUES ('x')")
            with pytest.raises(sqlite3.OperationalError):
                conn.execute("DROP TABLE statements")
    pool.close()


def test_pool_closes_a_connection_whose_borrower_raised(db):
    pool = ReadPool(db)
    with pytest.raises(RuntimeError):
        with pool.connection() as conn:
            raise RuntimeError("mid-read")
    assert pool.idle == 0
    with pytest.raises(sqlite3.ProgrammingError):
        conn.execute("SELECT 1")
    with pool.connection() as other:
        assert other.execute("SELECT 1").fetchone() == (1,)
    assert pool.idle == 1
    pool.close()


def test_pool_notices_a_commit_and_a_replaced_file(db_copy, tmp_path):
    changes = []
    pool = ReadPool(db_copy, on_change=lambda: changes.append(1))
    with pool.connection() as conn:
        before = conn.execute("SELECT count(*) FROM outlets").fetchone()[0]
    assert changes == []
    writer = sqlite3.connect(db_copy)
    writer.execute("INSERT INTO outlets (name) VALUES ('Added Later')")
    writer.commit()
    writer.close()
    with pool.connection() as conn:
        assert conn.execute("SELECT count(*) FROM outlets").fetchone()[0] == before + 1
    assert changes == [1]
    # A new file moved over the served one: the next loan is a connection to it.
    other = tmp_path / "other.db"
    copy(db_copy, str(other))
    writer = sqlite3.connect(other)
    writer.execute("DELETE FROM outlets WHERE name = 'Added Later'")
    writer.commit()
    writer.close()
    other.replace(db_copy)
    with pool.connection() as conn:
        assert conn.execute("SELECT count(*) FROM outlets").fetchone()[0] == before
    assert changes == [1, 1]
    pool.close()


def test_app_reuses_connections_and_closes_them_on_shutdown(db):
    app = create_app(db, extractor=fake_extract)
    with TestClient(app) as c:
        for q in ("vigilant", "plan", "", "buses"):
            assert c.get("/api/statements", params={"q": q}).status_code == 200
            assert c.get("/search", params={"q": q}).status_code == 200
        assert c.get("/api/speakers").status_code == 200
        assert app.state.pool.idle >= 1
    assert app.state.pool.idle == 0  # the lifespan's shutdown closed them


def test_search_answers_change_with_the_database(db_copy):
    """The search index follows the database: a statement written by another connection is found at once."""
    app = create_app(db_copy, extractor=fake_extract)
    with TestClient(app) as c:
        before = c.get("/api/statements", params={"q": "plan"}).json()["statements"]
        writer = sqlite3.connect(db_copy)
        writer.execute("INSERT INTO statements (speaker_id, kind, text, first_seen, occurrences) VALUES (NULL, 'direct', 'plan plan plan', NULL, 0)")
        sid = writer.execute("SELECT max(id) FROM statements").fetchone()[0]
        writer.execute("INSERT INTO statement_search (rowid, text) VALUES (?, 'plan plan plan')", (sid,))
        writer.commit()
        writer.close()
        after = c.get("/api/statements", params={"q": "plan"}).json()["statements"]
    assert {s["statement"] for s in after} == {s["statement"] for s in before} | {sid}


def test_app_start_up_brings_the_search_index_up_to_date(db_copy):
    """Before the first request: the index beside the database holds its statements and the change number it is at."""
    import json

    from quotegraph.store.index import index_directory

    state = index_directory(db_copy) / "state.json"
    assert not state.exists()
    with TestClient(create_app(db_copy, extractor=fake_extract)):
        written = json.loads(state.read_text())
    conn = sqlite3.connect(db_copy)
    token, n = conn.execute("SELECT token, n FROM search_seq").fetchone()
    conn.close()
    assert written == {"layout": 1, "token": token, "seq": n} and n > 0


def test_apps_of_one_server_share_one_index(db_copy):
    """Two processes of a server (two apps here) on one database: the second finds the index up to date and writes
    nothing; a write to the database is then read again by whichever searches first, and seen by both."""
    from quotegraph.store.index import index_directory

    directory = index_directory(db_copy)
    with TestClient(create_app(db_copy, extractor=fake_extract)) as a:
        want = a.get("/api/statements", params={"q": "the", "limit": 50}).json()
    files = {p.name: p.stat().st_mtime_ns for p in directory.iterdir()}
    with TestClient(create_app(db_copy, extractor=fake_extract)) as b:
        assert b.get("/api/statements", params={"q": "the", "limit": 50}).json() == want
        assert {p.name: p.stat().st_mtime_ns for p in directory.iterdir()} == files
        writer = sqlite3.connect(db_copy)
        writer.execute("UPDATE statements SET text = 'The the the the.' WHERE id = (SELECT min(id) FROM statements)")
        writer.commit()
        writer.close()
        first = b.get("/api/statements", params={"q": "the", "limit": 50}).json()["statements"][0]
    assert first["text"] == "The the the the." and first not in want["statements"]
