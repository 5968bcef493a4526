"""Read-only connections to the served database: ``connect_readonly``, a pool that lends each to one borrower at a
time and notices a commit or a replaced file, and ``check_database``, the check made before serving."""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from ..errors import StoreError
from ..store.db import SCHEMA_VERSION
from ..store.index import update_index

POOL_IDLE = 16  # idle read-only connections kept per process (more are opened while more requests run at once)


def connect_readonly(path: str) -> sqlite3.Connection:
    """A connection that cannot write: opened ``mode=ro`` and ``query_only`` (shared across the threads of one request)."""
    uri = "file:" + quote(str(Path(path).resolve())) + "?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        conn.execute("PRAGMA query_only = ON")
        conn.execute("PRAGMA busy_timeout = 5000")
        # No memory map of the database: with searches answered by the index, a search reads a few pages, and the
        # map cost each worker process the pages it had read (RSS 478 MB on 100,000 statements, against 101 MB
        # without; 8% fewer requests/s without, p99 57 ms against 50: benchmarks/serve_load.py).
    except sqlite3.Error as e:
        raise StoreError(f"{path}: cannot open the database read-only ({e})") from None
    return conn


class ReadPool:
    """Read-only connections to one database, reused across requests (opening one and reading its schema
    costs about a millisecond, as much as a small search).

    ``with pool.connection() as conn:`` lends a connection to one borrower; it goes back to the pool when
    the block ends, or is closed when the block raised (a statement may have been left half-read). A lent
    connection is never lent again before it is back, so no two threads use one at once; it may pass from one
    thread to another inside a request (FastAPI runs a dependency and its endpoint on different threads),
    hence ``check_same_thread=False``. Each loan first asks a watch connection for ``PRAGMA data_version``,
    which changes whenever another connection (an ingest) commits: ``on_change`` is called then, and when the
    file at ``path`` was replaced by another, whose connections replace the old ones."""

    def __init__(self, path: str, max_idle: int = POOL_IDLE, on_change: Callable[[], None] | None = None) -> None:
        self.path, self.max_idle, self.on_change = path, max_idle, on_change
        self._idle: list[sqlite3.Connection] = []
        self._epoch_of: dict[int, int] = {}  # id(connection) -> the file epoch it was opened in
        self._epoch = 0
        self._lock = threading.Lock()
        self._closed = False
        self._file = _file_id(path)
        self._watch = connect_readonly(path)
        self._version = self._watch.execute("PRAGMA data_version").fetchone()[0]

    @contextmanager
    def connection(self) -> Iterator[sqlite3.Connection]:
        """A read-only connection, this borrower's alone until the block ends."""
        conn = self._take()
        ok = False
        try:
            yield conn
            ok = True
        finally:
            self._give(conn, ok)

    def close(self) -> None:
        """Close the idle connections and the watch; those still lent are closed when they come back."""
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
            for conn in idle:
                self._epoch_of.pop(id(conn), None)
                conn.close()
            self._watch.close()

    @property
    def idle(self) -> int:
        return len(self._idle)

    def _take(self) -> sqlite3.Connection:
        with self._lock:
            if self._closed:
                raise StoreError(f"{self.path}: the server is shutting down")
            file = _file_id(self.path)
            if file != self._file:  # replaced (or gone): connections to the new file from now on
                watch = connect_readonly(self.path)  # StoreError (503) while there is none
                self._watch.close()
                self._watch, self._file, self._epoch = watch, file, self._epoch + 1
                self._version = watch.execute("PRAGMA data_version").fetchone()[0]
                for old in self._idle:
                    self._epoch_of.pop(id(old), None)
                    old.close()
                self._idle, changed = [], True
            else:
                version = self._watch.execute("PRAGMA data_version").fetchone()[0]
                changed, self._version = version != self._version, version
            if changed and self.on_change is not None:
                self.on_change()  # before any other loan: none may read what the change made stale
            conn = self._idle.pop() if self._idle else None
            epoch = self._epoch
        if conn is None:
            conn = connect_readonly(self.path)
            with self._lock:
                self._epoch_of[id(conn)] = epoch
        return conn

    def _give(self, conn: sqlite3.Connection, ok: bool) -> None:
        with self._lock:
            keep = ok and not self._closed and self._epoch_of.get(id(conn)) == self._epoch and len(self._idle) < self.max_idle
            if keep and not conn.in_transaction:
                self._idle.append(conn)
                return
            self._epoch_of.pop(id(conn), None)
        conn.close()


def _file_id(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def update_search_index(pool: ReadPool) -> None:
    """Bring the database's search index up to date (its directory beside the database, or memory where that cannot
    be written), so that no request waits for it."""
    with pool.connection() as conn:
        update_index(conn)


def check_database(path: str) -> None:
    """Fail early, with what to do, when ``path`` is not an up-to-date quotegraph database."""
    if not Path(path).is_file():
        raise StoreError(f"{path}: no such database; create it with `quotegraph ingest PATH --db {path}`")
    conn = connect_readonly(path)
    try:
        done = {r[0] for r in conn.execute("SELECT name FROM migrations")}
    except sqlite3.DatabaseError as e:
        raise StoreError(f"{path}: not a quotegraph database ({e})") from None
    finally:
        conn.close()
    if SCHEMA_VERSION not in done:
        raise StoreError(f"{path}: the database lacks migration {SCHEMA_VERSION}; run `quotegraph speakers --db {path}` once to upgrade it")
