"""The search index of a store's statements: a tantivy index (BM25 with top-k pruning) in a directory beside the
database (``quotes.db`` → ``quotes.db-search/``), built from SQLite and brought up to date from it on demand.

SQLite stays the one source of truth. Every change to what the index holds of a statement (its text, kind,
speaker, first date; the outlets, dates and roles of its occurrences) is recorded by triggers in
``search_changes`` under a growing number (``search_seq``, migration 0007). The index remembers the number
it was brought up to (``state.json``, written after each commit); ``SearchIndex.searcher(conn)`` reads the
database's number and, when it moved, reads again the statements changed since (or everything, for an index of
another database, of an older layout, or with a count that disagrees). A kill -9 at any point leaves an index
that the next search brings up to date: the changes are read again, never lost.

Several processes may share the directory: one brings it up to date (tantivy's writer lock) while the others
wait for it. Where the directory cannot be written (a read-only disk), each process keeps an index in memory.
An in-memory database has an in-memory index.

Fields: ``id`` (the statement), ``text`` (words as FTS5's unicode61 tokenizer with diacritics removed splits
them: letters and digits, lower-cased, folded to ASCII), ``kind``, ``speaker``, ``newest``/``oldest`` (the
first date as a number, YYYYMMDD with 00 for a missing month or day; undated sorts last either way), and per
occurrence ``outlets``, ``dates``, ``said`` (outlet and date together: ``outlet * 10**8 + date``) and ``roles``.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import threading
import time
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import tantivy

LAYOUT = 1  # the index's fields and analysis: an index of another layout is built again
TOKENIZER = "quotegraph"
UNDATED_LAST = 99_999_999  # ``oldest`` of an undated statement
SAID = 10**8  # ``said`` = outlet * SAID + date
WRITER_HEAP = 50_000_000
WAIT_FOR_OTHER = 30.0  # seconds a process waits for another bringing the shared index up to date
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def date_key(value: str | None, last: bool = False) -> int | None:
    """An ISO date at its granularity as a number that sorts as the string does: "2016-09-05" → 20160905,
    "2016-09" → 20160900, "2016" → 20160000; with ``last``, the number past every day it covers (20160999,
    20169999): what ``until`` compares against. None for no date."""
    m = _DATE.match(value or "")
    if not m:
        return None
    year, month, day = m.group(1), m.group(2), m.group(3)
    fill = 99 if last else 0
    return int(year) * 10_000 + (int(month) if month else fill) * 100 + (int(day) if day else fill)


def _schema() -> tantivy.Schema:
    b = tantivy.SchemaBuilder()
    b.add_unsigned_field("id", indexed=True, fast=True)
    b.add_text_field("text", tokenizer_name=TOKENIZER)
    b.add_text_field("kind", tokenizer_name="raw")
    b.add_unsigned_field("speaker", indexed=True)
    b.add_integer_field("newest", fast=True)
    b.add_integer_field("oldest", fast=True)
    b.add_unsigned_field("outlets", indexed=True)
    b.add_integer_field("dates", indexed=True)
    b.add_integer_field("said", indexed=True)
    b.add_text_field("roles", tokenizer_name="raw")
    return b.build()


SCHEMA = _schema()
ANALYZER = (
    tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple()).filter(tantivy.Filter.lowercase()).filter(tantivy.Filter.ascii_fold()).build()
)


def words_of(text: str) -> list[str]:
    """The words the index keeps of ``text``, as it keeps them: what a search's words are compared as."""
    return list(ANALYZER.analyze(text))


class SearchIndex:
    """The search index of one database (``directory`` None: in memory)."""

    def __init__(self, directory: Path | None) -> None:
        self.directory = directory
        self._lock = threading.Lock()
        self._seq: tuple[str, int] | None = None  # (token, number) this process knows the index to be at
        self._memory_state: dict[str, Any] | None = None  # an in-memory index's state.json
        self._terms: dict[str, tuple[object, list[str]]] = {}  # field -> (the index state read at, its terms)
        self._index = self._open()

    def _open(self) -> tantivy.Index:
        if self.directory is None:
            index = tantivy.Index(SCHEMA)
        else:
            self.directory.mkdir(parents=True, exist_ok=True)
            state = self._state()
            if state is not None and state.get("layout") != LAYOUT:
                for p in self.directory.iterdir():  # an index of an older layout: built again from nothing
                    if p.is_file() and not p.name.startswith(".tantivy"):
                        p.unlink()
            index = tantivy.Index(SCHEMA, path=str(self.directory))
        index.register_tokenizer(TOKENIZER, ANALYZER)
        return index

    def searcher(self, conn: sqlite3.Connection) -> tantivy.Searcher:
        """A searcher of the index as up to date as the database ``conn`` reads."""
        seq = database_seq(conn)
        if seq != self._seq:
            with self._lock:
                if seq != self._seq:
                    self._bring_up_to_date(conn, seq)
        return self._index.searcher()

    def terms(self, field: str) -> list[str]:
        """Every term of ``field`` (the roles occurrences give), read once per state of the index."""
        with self._lock:
            seen = self._terms.get(field)
            if seen is None or seen[0] != self._seq:
                seen = self._terms[field] = (self._seq, [term for term, _ in self._index.searcher().terms_with_prefix(field, "")])
            return seen[1]

    # Bringing the index up to date.

    def _bring_up_to_date(self, conn: sqlite3.Connection, seq: tuple[str, int]) -> None:
        deadline = time.monotonic() + WAIT_FOR_OTHER
        while True:
            state = self._state()
            if state is not None and (state.get("token"), state.get("seq")) == seq and self._count_agrees(conn):
                self._index.reload()
                self._seq = seq
                return
            try:
                writer = self._index.writer(heap_size=WRITER_HEAP, num_threads=1)
            except ValueError as e:
                if "LockBusy" not in str(e):  # the directory cannot be written: this process keeps an index in memory
                    self.directory, self._memory_state = None, None
                    self._index = self._open()
                    continue
                # Another process holds the writer: it is bringing the index up to date.
                if time.monotonic() > deadline:
                    self._index.reload()  # serve what it has committed so far
                    return
                time.sleep(0.05)
                continue
            try:
                self._seq = self._update(conn, writer, self._state())
            finally:
                del writer  # releases the writer's lock
            self._index.reload()
            return

    def _update(self, conn: sqlite3.Connection, writer: tantivy.IndexWriter, state: dict[str, Any] | None) -> tuple[str, int]:
        """Bring the index up to date with ``writer``, from one consistent read of the database; the number it is at."""
        with _snapshot(conn):
            token, n = database_seq(conn)
            total = conn.execute("SELECT count(*) FROM statements").fetchone()[0]
            full = state is None or state.get("token") != token or not isinstance(state.get("seq"), int) or state["seq"] > n
            changed: list[int] = []
            if not full:
                changed = [r[0] for r in conn.execute("SELECT statement_id FROM search_changes WHERE seq > ?", (state["seq"],))]  # type: ignore[index]
                full = len(changed) > max(1000, total // 5)  # reading everything costs less
            for attempt in range(2):
                if full:
                    writer.delete_all_documents()
                    for doc in _documents(conn, None):
                        writer.add_document(doc)
                else:
                    for part in _chunks(changed, 10_000):
                        writer.delete_documents_by_query(tantivy.Query.term_set_query(SCHEMA, "id", part))
                        for doc in _documents(conn, part):
                            writer.add_document(doc)
                writer.commit()
                self._index.reload()
                if full or self._index.searcher().num_docs == total:
                    break
                full = True  # the index disagrees with the database (it should not): read everything
            writer.wait_merging_threads()
            self._write_state({"layout": LAYOUT, "token": token, "seq": n})
        return token, n

    def _count_agrees(self, conn: sqlite3.Connection) -> bool:
        self._index.reload()
        return bool(self._index.searcher().num_docs == conn.execute("SELECT count(*) FROM statements").fetchone()[0])

    def _state(self) -> dict[str, Any] | None:
        if self.directory is None:
            return self._memory_state
        try:
            state = json.loads((self.directory / "state.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return state if isinstance(state, dict) else None

    def _write_state(self, state: dict[str, Any]) -> None:
        if self.directory is None:
            self._memory_state = state
            return
        part = self.directory / f".state.{os.getpid()}.{threading.get_ident()}"
        part.write_text(json.dumps(state), encoding="utf-8")
        os.replace(part, self.directory / "state.json")  # whole or not at all


def database_seq(conn: sqlite3.Connection) -> tuple[str, int]:
    """The database's token and change number (``search_seq``)."""
    row = conn.execute("SELECT token, n FROM search_seq").fetchone()
    return str(row[0]), int(row[1])


class _snapshot:
    """One read transaction (one consistent view of the database) around the reads, unless one is open."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn, self.began = conn, False

    def __enter__(self) -> None:
        if not self.conn.in_transaction:
            self.conn.execute("BEGIN")
            self.began = True

    def __exit__(self, *exc: object) -> None:
        if self.began:
            self.conn.execute("COMMIT")


def _chunks(ids: list[int], size: int) -> Iterator[list[int]]:
    for k in range(0, len(ids), size):
        yield ids[k : k + size]


def _documents(conn: sqlite3.Connection, ids: list[int] | None) -> Iterable[tantivy.Document]:
    """The index's documents of statements ``ids`` (None: all of them)."""
    where, params = ("", ()) if ids is None else (" WHERE {} IN (SELECT value FROM json_each(?))", (json.dumps(ids),))
    said: dict[int, list[tuple[int | None, str | None, str | None]]] = {}
    sql = "SELECT o.statement_id, a.outlet_id, a.published, o.speaker_role FROM occurrences o JOIN articles a ON a.id = o.article_id"
    for sid, outlet, published, role in conn.execute(sql + where.format("o.statement_id"), params):
        said.setdefault(sid, []).append((outlet, published, role))
    sql = "SELECT id, text, kind, speaker_id, first_seen FROM statements"
    for sid, text, kind, speaker, first_seen in conn.execute(sql + where.format("id"), params):
        doc = tantivy.Document()
        doc.add_unsigned("id", sid)
        doc.add_text("text", text)
        doc.add_text("kind", kind)
        doc.add_unsigned("speaker", speaker or 0)
        first = date_key(first_seen)
        doc.add_integer("newest", first or 0)
        doc.add_integer("oldest", first or UNDATED_LAST)
        outlets: set[int] = set()
        dates: set[int] = set()
        pairs: set[int] = set()
        roles: set[str] = set()
        for outlet, published, role in said.get(sid, ()):
            day = date_key(published)
            if outlet is not None:
                outlets.add(outlet)
            if day is not None:
                dates.add(day)
                if outlet is not None:
                    pairs.add(outlet * SAID + day)
            if role:
                roles.add(role)
        for v in sorted(outlets):
            doc.add_unsigned("outlets", v)
        for v in sorted(dates):
            doc.add_integer("dates", v)
        for v in sorted(pairs):
            doc.add_integer("said", v)
        for r in sorted(roles):
            doc.add_text("roles", r)
        yield doc


# One index per database per process: the directory beside a file, or memory for an in-memory database (the
# last few kept, by connection: an in-memory database is its connection's alone).
_indexes: dict[str, SearchIndex] = {}
_memory: OrderedDict[int, SearchIndex] = OrderedDict()
_registry_lock = threading.Lock()
MEMORY_INDEXES = 8


def index_of(conn: sqlite3.Connection) -> SearchIndex:
    """The search index of ``conn``'s database (opened once per process)."""
    file = next((r[2] for r in conn.execute("PRAGMA database_list") if r[1] == "main"), "")
    with _registry_lock:
        if not file:
            found = _memory.get(id(conn))
            if found is None:
                found = _memory[id(conn)] = SearchIndex(None)
                while len(_memory) > MEMORY_INDEXES:
                    _memory.popitem(last=False)
            _memory.move_to_end(id(conn))
            return found
        key = os.path.realpath(file)
        found = _indexes.get(key)
        if found is None:
            try:
                found = SearchIndex(index_directory(key))
            except (OSError, ValueError):  # cannot be written here: this process keeps one in memory
                found = SearchIndex(None)
            _indexes[key] = found
        return found


def index_directory(database: str | os.PathLike[str]) -> Path:
    """Where the index of the database file ``database`` lies: beside it, its name and ``-search``."""
    path = Path(database)
    return path.with_name(path.name + "-search")


def update_index(conn: sqlite3.Connection) -> None:
    """Bring the index of ``conn``'s database up to date now (after an ingest, so that the first search does not)."""
    index_of(conn).searcher(conn)
