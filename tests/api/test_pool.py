"""The API's connection pool: read-only connections reused across requests, never lent to two borrowers at once,
closed at shutdown; a commit or a replaced database file is noticed (and the search cache dropped) before the next loan."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from fastapi.testclient import TestClient

from quotegraph.api.app import ReadPool, create_app
from quotegraph.errors import StoreError
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
    """The search cache is dropped when the database changes: a new statement is found at once."""
    app = create_app(db_copy, extractor=fake_extract)
    app.state.ranks.min_matches = 1  # keep every ranking, so that a stale one would show
    with TestClient(app) as c:
        before = c.get("/api/statements", params={"q": "plan"}).json()["statements"]
        assert "plan" in app.state.ranks
        writer = sqlite3.connect(db_copy)
        writer.execute("INSERT INTO statements (speaker_id, kind, text, first_seen, occurrences) VALUES (NULL, 'direct', 'plan plan plan', NULL, 0)")
        sid = writer.execute("SELECT max(id) FROM statements").fetchone()[0]
        writer.execute("INSERT INTO statement_search (rowid, text) VALUES (?, 'plan plan plan')", (sid,))
        writer.commit()
        writer.close()
        after = c.get("/api/statements", params={"q": "plan"}).json()["statements"]
    assert {s["statement"] for s in after} == {s["statement"] for s in before} | {sid}


def test_app_start_up_ranks_the_commonest_words(db, monkeypatch):
    import quotegraph.api.app as app_module

    monkeypatch.setattr(app_module, "WARM_MIN_STATEMENTS", 2)  # the example database is small: words in two statements count as common here
    app = create_app(db, extractor=fake_extract)
    assert len(app.state.ranks) == 0
    with TestClient(app) as c:
        assert len(app.state.ranks) > 0 and "the" in app.state.ranks and "the*" in app.state.ranks  # the word and its prefix
        assert sum(key[0] == "mask" for key in app.state.ranks._kept) == 3  # and the statements of each kind
        assert c.get("/api/statements", params={"q": "the"}).status_code == 200


def test_apps_of_one_server_share_rankings(db, tmp_path):
    """Two processes of a server (two apps here) on one directory: what one ranked, the other reads back."""
    first, second = (create_app(db, extractor=fake_extract, shared_rankings=str(tmp_path)) for _ in range(2))
    for app in (first, second):
        app.state.ranks.shared.min_ids = 1  # the example database is small: share every ranking
    with TestClient(first) as a:
        want = a.get("/api/statements", params={"q": "the", "limit": 50}).json()
    saved = {p.name: p.stat().st_mtime_ns for p in tmp_path.glob("*.ranking")}
    assert saved
    with TestClient(second) as b:
        assert b.get("/api/statements", params={"q": "the", "limit": 50}).json() == want
    assert {p.name: p.stat().st_mtime_ns for p in tmp_path.glob("*.ranking")} == saved  # read back, none written again
