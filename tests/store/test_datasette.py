"""The store opened in Datasette: its full-text search on statements (issue 15, point 2)."""

from __future__ import annotations

import asyncio
import sqlite3

import pytest

datasette_app = pytest.importorskip("datasette.app", reason="Datasette is not installed (pip install -e '.[test]' brings it)")


def test_datasette_detects_the_statement_search_and_searches_with_it(db):
    from datasette.utils import detect_fts

    conn = sqlite3.connect(db)
    assert detect_fts(conn, "statements") == "statement_search"
    word = "vigilant" if conn.execute("SELECT 1 FROM statements WHERE text LIKE '%vigilant%'").fetchone() else None
    word = word or conn.execute("SELECT text FROM statements LIMIT 1").fetchone()[0].split()[1].strip("“”,.")
    expected = {r[0] for r in conn.execute("SELECT rowid FROM statement_search WHERE statement_search MATCH ?", (f'"{word}"',))}
    assert expected

    async def search():
        from pathlib import Path

        ds = datasette_app.Datasette([db])
        name = Path(db).stem
        res = await ds.client.get(f"/{name}/statements.json?_search={word}&_shape=array&_col=id")
        return res.status_code, res.json()

    status, rows = asyncio.run(search())
    assert status == 200
    assert {r["id"] for r in rows} == expected


def test_datasette_form_rebuilt_index_answers_as_before(db):
    """The migration rebuilt the index from the statements: every statement's words find it."""
    conn = sqlite3.connect(db)
    for sid, text in conn.execute("SELECT id, text FROM statements"):
        words = [w.strip("“”\"',.!?;:") for w in text.split()]
        words = [w for w in words if w.isalpha()]
        if words:
            hits = {r[0] for r in conn.execute("SELECT rowid FROM statement_search WHERE statement_search MATCH ?", (f'"{words[0]}"',))}
            assert sid in hits
