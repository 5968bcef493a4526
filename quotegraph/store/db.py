"""Schema of the corpus database, its named migrations, and the connection.

Every schema change is a named migration recorded in the ``migrations`` table;
opening a database applies the ones it lacks, each in its own transaction.
Table and column names are meant to be read in ``sqlite3`` or Datasette.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..errors import StoreError


def _rekey_aliases(conn: sqlite3.Connection) -> None:
    """Aliases compared as ``speakers.names`` compares them now (epithets and first-name variants:
    "Tim" is Timothy): their keys computed again; two aliases of one speaker that now share a key
    become one. Speakers split before stay split until their articles are ingested again."""
    from ..speakers.names import name_key, person_parts

    rows = conn.execute("SELECT speaker_id, alias, key, mentions, rule, evidence FROM speaker_aliases ORDER BY rowid").fetchall()
    merged: dict[tuple[int, str], list] = {}  # type: ignore[type-arg]
    for sid, alias, key, mentions, rule, evidence in rows:
        type_, _, rest = key.partition(":")
        if type_ == "PERSON":
            key = name_key(alias, "PERSON")
            first_last, surname = person_parts(alias)
        elif "#" in rest or "|" in rest:
            first_last = surname = None  # a description: kept to its article, or with its role words
        else:
            key, first_last, surname = name_key(alias, type_), None, None
        row = merged.setdefault((sid, key), [sid, alias, key, first_last, surname, 0, rule, evidence])
        row[5] += mentions
    conn.execute("DELETE FROM speaker_aliases")
    conn.executemany(
        "INSERT INTO speaker_aliases (speaker_id, alias, key, first_last, surname, mentions, rule, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        list(merged.values()),
    )


# What the search index (``store/index.py``) holds of a statement changes with these columns: each such change
# records the statement in ``search_changes`` under the next number of ``search_seq``, so that an index knows what
# to read again since the number it was built at. ``token`` tells one database from another at the same path.
SEARCH_CHANGES = [
    ("statements", "INSERT", None, ["new.id"]),
    ("statements", "UPDATE", "text, kind, speaker_id, first_seen", ["new.id", "old.id"]),
    ("statements", "DELETE", None, ["old.id"]),
    ("occurrences", "INSERT", None, ["new.statement_id"]),
    ("occurrences", "UPDATE", "statement_id, article_id, speaker_role", ["new.statement_id", "old.statement_id"]),
    ("occurrences", "DELETE", None, ["old.statement_id"]),
]


def _search_changes(conn: sqlite3.Connection) -> None:
    """The change log of the search index: ``search_seq`` (one row), ``search_changes`` and their triggers."""
    conn.execute("CREATE TABLE search_seq (n INTEGER NOT NULL, token TEXT NOT NULL)")
    conn.execute("INSERT INTO search_seq (n, token) VALUES (0, lower(hex(randomblob(8))))")
    conn.execute("CREATE TABLE search_changes (statement_id INTEGER PRIMARY KEY, seq INTEGER NOT NULL)")
    conn.execute("CREATE INDEX search_changes_seq ON search_changes(seq)")
    _search_triggers(conn, "")
    # An article's date or outlet: every statement said in it.
    conn.execute(
        "CREATE TRIGGER search_articles_update AFTER UPDATE OF published, outlet_id ON articles BEGIN "
        "UPDATE search_seq SET n = n + 1; "
        "INSERT OR REPLACE INTO search_changes (statement_id, seq) SELECT o.statement_id, (SELECT n FROM search_seq) "
        "FROM occurrences o WHERE o.article_id = new.id; END"
    )


def _search_triggers(conn: sqlite3.Connection, when: str) -> None:
    """A trigger for each change of ``SEARCH_CHANGES``, firing ``when`` (an SQL condition, or always)."""
    for table, event, columns, ids in SEARCH_CHANGES:
        of = f" OF {columns}" if columns else ""
        noted = " ".join(
            f"INSERT OR REPLACE INTO search_changes (statement_id, seq) SELECT {i}, n FROM search_seq;" for i in dict.fromkeys(ids)
        )
        conn.execute(f"DROP TRIGGER IF EXISTS search_{table}_{event.lower()}")
        conn.execute(
            f"CREATE TRIGGER search_{table}_{event.lower()} AFTER {event}{of} ON {table} {when} "
            f"BEGIN UPDATE search_seq SET n = n + 1; {noted} END"
        )


def _search_changes_paused(conn: sqlite3.Connection) -> None:
    """A writer that logs its own changes (``store.articles.ArticleWriter``: a batch of statements and occurrences at
    once, under one number) pauses the triggers inside its transaction (``search_seq.paused``): fired a row at a
    time they cost about a quarter of a batch's writes (the 6,346 quotes of the scale benchmark's 300 articles,
    written again in one transaction: 0.41 s with them, 0.30 s without). Every other writer's changes are logged
    by the triggers as before."""
    conn.execute("ALTER TABLE search_seq ADD COLUMN paused INTEGER NOT NULL DEFAULT 0")
    _search_triggers(conn, "WHEN (SELECT paused FROM search_seq) = 0")


def _role_words(conn: sqlite3.Connection) -> None:
    """Each role's content words (``speaker_roles.words``, as ``speakers.names.role_words`` gives them), so that the
    store compares roles by the words it keeps rather than analysing their text when it writes."""
    from ..speakers.names import role_words

    conn.execute("ALTER TABLE speaker_roles ADD COLUMN words TEXT NOT NULL DEFAULT ''")
    rows = conn.execute("SELECT rowid, role FROM speaker_roles").fetchall()
    conn.executemany("UPDATE speaker_roles SET words = ? WHERE rowid = ?", [(" ".join(sorted(role_words(role))), rid) for rid, role in rows])


MIGRATIONS: list[tuple[str, str | Callable[[sqlite3.Connection], None]]] = [
    (
        "0001_initial",
        """
        CREATE TABLE outlets (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE
        );
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            url TEXT UNIQUE,                       -- NULL for texts without one
            text_key TEXT NOT NULL UNIQUE,         -- sha256 of the normalised text: one article per text
            doc TEXT NOT NULL,                     -- document id as `quotegraph extract` names it
            title TEXT,
            outlet_id INTEGER REFERENCES outlets(id),
            published TEXT,                        -- ISO date (YYYY-MM-DD, YYYY-MM or YYYY)
            published_granularity TEXT,            -- day | month | year
            published_source TEXT,                 -- metadata | dateline | capture
            author TEXT,
            fetched TEXT,                          -- WARC capture date
            location TEXT NOT NULL,                -- file, file@offset or file:line it was read from
            text TEXT NOT NULL,
            body_start INTEGER NOT NULL,
            body_end INTEGER NOT NULL,
            boilerplate TEXT NOT NULL DEFAULT '[]', -- JSON list of [start, end]
            ingested_at TEXT NOT NULL
        );
        CREATE INDEX articles_published ON articles(published);
        CREATE INDEX articles_outlet ON articles(outlet_id);
        CREATE TABLE speakers (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,                    -- canonical name (or description)
            type TEXT NOT NULL,                    -- PERSON | ORG | GPE | DESCRIPTION
            first_seen TEXT,
            last_seen TEXT,
            mentions INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX speakers_name ON speakers(name COLLATE NOCASE);
        CREATE TABLE speaker_aliases (
            speaker_id INTEGER NOT NULL REFERENCES speakers(id),
            alias TEXT NOT NULL,                   -- as written
            key TEXT NOT NULL,                     -- TYPE:normalised name, what merging compares
            first_last TEXT,                       -- PERSON: TYPE:first last (middle names, initials dropped)
            surname TEXT,                          -- PERSON: TYPE:surname
            mentions INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (speaker_id, key)
        );
        CREATE INDEX speaker_aliases_key ON speaker_aliases(key);
        CREATE INDEX speaker_aliases_first_last ON speaker_aliases(first_last);
        CREATE INDEX speaker_aliases_surname ON speaker_aliases(surname);
        CREATE TABLE speaker_roles (
            speaker_id INTEGER NOT NULL REFERENCES speakers(id),
            role TEXT NOT NULL,
            first_seen TEXT,
            last_seen TEXT,
            mentions INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (speaker_id, role)
        );
        CREATE TABLE statements (
            id INTEGER PRIMARY KEY,
            speaker_id INTEGER REFERENCES speakers(id),
            kind TEXT NOT NULL,                    -- direct | indirect | mixed
            text TEXT NOT NULL,                    -- the fullest wording seen
            first_seen TEXT,
            occurrences INTEGER NOT NULL DEFAULT 0,
            drift INTEGER NOT NULL DEFAULT 0       -- 1 when quoted words differ between occurrences
        );
        CREATE INDEX statements_speaker ON statements(speaker_id);
        CREATE TABLE statement_shingles (          -- word 3-grams (hashed): finds near-duplicate wordings
            shingle INTEGER NOT NULL,
            statement_id INTEGER NOT NULL REFERENCES statements(id),
            PRIMARY KEY (shingle, statement_id)
        ) WITHOUT ROWID;
        CREATE TABLE occurrences (
            id INTEGER PRIMARY KEY,
            statement_id INTEGER NOT NULL REFERENCES statements(id),
            article_id INTEGER NOT NULL REFERENCES articles(id),
            position INTEGER NOT NULL,             -- index of the quote in the article
            kind TEXT NOT NULL,
            speaker_id INTEGER REFERENCES speakers(id),
            speaker_name TEXT,                     -- as the article resolved it
            speaker_role TEXT,
            speaker_type TEXT,
            speaker_evidence TEXT,                 -- how the article resolved it (named, pronoun, ...)
            link_rule TEXT,                        -- how it was linked to the canonical speaker
            link_evidence TEXT,                    -- why, in words
            cue TEXT,                              -- JSON span {start, end, text}
            sources TEXT NOT NULL,                 -- JSON list of spans
            contents TEXT NOT NULL,                -- JSON list of spans
            wording TEXT NOT NULL,                 -- the content text of this occurrence
            match TEXT NOT NULL,                   -- first | exact | trimmed | edited
            drift INTEGER NOT NULL DEFAULT 0,
            confidence REAL,
            UNIQUE (article_id, position)
        );
        CREATE INDEX occurrences_statement ON occurrences(statement_id);
        CREATE INDEX occurrences_speaker ON occurrences(speaker_id);
        CREATE TABLE date_mentions (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id),
            occurrence_id INTEGER REFERENCES occurrences(id),
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            expression TEXT NOT NULL,
            value TEXT NOT NULL,                   -- ISO date at its granularity
            granularity TEXT NOT NULL              -- day | week | month | year
        );
        CREATE INDEX date_mentions_article ON date_mentions(article_id);
        CREATE TABLE failures (
            location TEXT PRIMARY KEY,
            error TEXT NOT NULL,
            at TEXT NOT NULL
        );
        CREATE VIRTUAL TABLE statement_search USING fts5(
            text, content='statements', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
        );
        CREATE VIEW statement_occurrences AS
            SELECT s.id AS statement_id, sp.name AS speaker, s.text AS statement, s.drift,
                   o.wording, o.match, a.published, ou.name AS outlet, a.url, a.title
            FROM statements s
            JOIN occurrences o ON o.statement_id = s.id
            JOIN articles a ON a.id = o.article_id
            LEFT JOIN outlets ou ON ou.id = a.outlet_id
            LEFT JOIN speakers sp ON sp.id = s.speaker_id;
        """,
    ),
    (
        "0002_statement_speaker_key",
        """
        -- Who counts as the same speaker when statements are merged across articles: the speaker id,
        -- or for a generic description kept to its article ("a source") the description itself.
        ALTER TABLE statements ADD COLUMN speaker_key TEXT;
        UPDATE statements SET speaker_key = 'speaker:' || speaker_id WHERE speaker_id IS NOT NULL;
        """,
    ),
    (
        "0003_occurrence_indexes",
        """
        -- Statements and articles joined through occurrences from the indexes alone, not from each occurrence's
        -- row: the statements said in a set of articles (a search filtered by outlet or date: 47,000 statements
        -- of 11 outlets in 20 ms rather than 120), and the articles and outlets of a page of statements (on the
        -- 10,000-article store, where a statement has 120 occurrences, a search page in 1.9 ms rather than 2.9).
        CREATE INDEX occurrences_article_statement ON occurrences(article_id, statement_id);
        CREATE INDEX occurrences_statement_article ON occurrences(statement_id, article_id);
        DROP INDEX occurrences_statement;
        """,
    ),
    (
        "0004_statement_search_for_datasette",
        """
        -- The same full-text index declared with content="statements" in double quotes, the form
        -- Datasette looks for, so that its ?_search= works on statements; rebuilt from the statements.
        DROP TABLE statement_search;
        CREATE VIRTUAL TABLE statement_search USING fts5(
            text, content="statements", content_rowid="id", tokenize="unicode61 remove_diacritics 2"
        );
        INSERT INTO statement_search(statement_search) VALUES ('rebuild');
        """,
    ),
    (
        "0005_speaker_gender_and_merge_evidence",
        """
        -- A speaker's gender where articles give evidence, and the kind of the strongest evidence behind it
        -- (pronoun, title, known, first-name: a first-names list alone is weaker evidence); each piece of
        -- evidence counted in speaker_genders. Each alias keeps the rule and evidence that first linked it.
        ALTER TABLE speakers ADD COLUMN gender TEXT;              -- female | male | NULL (unknown or disputed)
        ALTER TABLE speakers ADD COLUMN gender_evidence TEXT;
        CREATE TABLE speaker_genders (
            speaker_id INTEGER NOT NULL REFERENCES speakers(id),
            gender TEXT NOT NULL,
            evidence TEXT NOT NULL,
            mentions INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (speaker_id, gender, evidence)
        );
        ALTER TABLE speaker_aliases ADD COLUMN rule TEXT;
        ALTER TABLE speaker_aliases ADD COLUMN evidence TEXT;
        ALTER TABLE occurrences ADD COLUMN speaker_gender TEXT;   -- as the article gave it
        ALTER TABLE occurrences ADD COLUMN speaker_gender_evidence TEXT;
        UPDATE speaker_aliases SET rule = (
            SELECT o.link_rule FROM occurrences o WHERE o.speaker_id = speaker_aliases.speaker_id
            AND o.speaker_name = speaker_aliases.alias ORDER BY o.id LIMIT 1
        ), evidence = (
            SELECT o.link_evidence FROM occurrences o WHERE o.speaker_id = speaker_aliases.speaker_id
            AND o.speaker_name = speaker_aliases.alias ORDER BY o.id LIMIT 1
        );
        """,
    ),
    ("0006_speaker_keys_with_name_forms", _rekey_aliases),
    ("0007_search_changes", _search_changes),
    ("0008_role_words", _role_words),
    ("0009_organisation_keys_without_country", _rekey_aliases),  # "U.S. State Department" is the State Department
    ("0010_search_changes_paused", _search_changes_paused),
    ("0011_organisation_keys_without_qualifiers", _rekey_aliases),  # "the so-called Islamic State" is the Islamic State
    ("0012_organisation_keys_for_acronyms", _rekey_aliases),  # "the GOP" is the Republican Party
    ("0013_organisation_keys_without_legal_suffixes", _rekey_aliases),  # "Breitbart News LLC" is Breitbart News
    ("0014_organisation_keys_without_initials_and_poll_institutions", _rekey_aliases),  # "Quinnipiac University poll"
    ("0015_poll_keys_by_sponsors", _rekey_aliases),  # "ABC News/Washington Post poll" is the Washington Post-ABC News survey
]
SCHEMA_VERSION = MIGRATIONS[-1][0]


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def migrate(conn: sqlite3.Connection) -> list[str]:
    """Apply the migrations the database lacks; their names, in order.

    Safe when several processes open a new database at once: each migration is applied in a transaction that
    first takes the write lock (``BEGIN IMMEDIATE``, waiting up to the connection's busy timeout) and then
    re-reads which migrations are recorded, so one process applies it and the others see it done."""
    if not _missing(conn):  # the usual case, read without the write lock
        return []
    applied = []
    for name, sql in MIGRATIONS:
        with transaction(conn):
            conn.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
            if conn.execute("SELECT 1 FROM migrations WHERE name = ?", (name,)).fetchone():
                continue  # applied before, or by another process while this one waited for the lock
            if callable(sql):
                sql(conn)
            else:
                for stmt in _statements(sql):
                    conn.execute(stmt)
            conn.execute("INSERT INTO migrations (name, applied_at) VALUES (?, ?)", (name, now()))
        applied.append(name)
    return applied


def _missing(conn: sqlite3.Connection) -> list[str]:
    """The migrations not recorded in the database, read without a lock (all of them when it has no table of them)."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'").fetchone() is None:
        return [name for name, _ in MIGRATIONS]
    done = {r[0] for r in conn.execute("SELECT name FROM migrations")}
    return [name for name, _ in MIGRATIONS if name not in done]


def _statements(sql: str) -> list[str]:
    """Split a migration script (no semicolons inside literals) into statements."""
    out, buf = [], []
    for line in sql.splitlines():
        line = line.split("--", 1)[0]
        buf.append(line)
        if line.rstrip().endswith(";"):
            out.append("\n".join(buf).strip())
            buf = []
    rest = "\n".join(buf).strip()
    if rest:
        out.append(rest)
    return [s for s in out if s]


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One atomic unit: committed whole or not at all (``BEGIN IMMEDIATE``: the writer holds the lock)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


class Store:
    """A corpus database: a connection with the schema applied."""

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self.conn = conn
        self.path = path
        self._outlets: dict[str, int] = {}

    def transaction(self):  # type: ignore[no-untyped-def]
        return transaction(self.conn)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def outlet_id(self, name: str | None) -> int | None:
        """Get-or-create the outlet of this name."""
        if not name:
            return None
        if name in self._outlets:
            return self._outlets[name]
        row = self.conn.execute("SELECT id FROM outlets WHERE name = ?", (name,)).fetchone()
        oid = row[0] if row else self.conn.execute("INSERT INTO outlets (name) VALUES (?)", (name,)).lastrowid
        assert oid is not None
        self._outlets[name] = oid
        return oid

    def has_url(self, url: str | None) -> bool:
        return bool(url) and self.conn.execute("SELECT 1 FROM articles WHERE url = ?", (url,)).fetchone() is not None

    def has_text(self, text_key: str) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE text_key = ?", (text_key,)).fetchone() is not None

    def counts(self) -> dict[str, int]:
        q = {
            "articles": "SELECT count(*) FROM articles",
            "statements": "SELECT count(*) FROM statements",
            "occurrences": "SELECT count(*) FROM occurrences",
            "speakers": "SELECT count(*) FROM speakers",
            "failures": "SELECT count(*) FROM failures",
        }
        return {k: self.conn.execute(v).fetchone()[0] for k, v in q.items()}

    def record_failure(self, location: str, error: str) -> None:
        self.conn.execute(
            "INSERT INTO failures (location, error, at) VALUES (?, ?, ?) ON CONFLICT(location) DO UPDATE SET error = excluded.error, at = excluded.at",
            (location, error, now()),
        )

    def clear_failure(self, location: str) -> None:
        self.conn.execute("DELETE FROM failures WHERE location = ?", (location,))

    def schema_version(self) -> str | None:
        row = self.conn.execute("SELECT name FROM migrations ORDER BY name DESC LIMIT 1").fetchone()
        return row[0] if row else None


IN_CHUNK = 500  # values in one IN (...) list, well under SQLite's limit of bound parameters


def next_rowid(conn: sqlite3.Connection, table: str) -> int:
    """The rowid SQLite gives the next row of ``table`` (no AUTOINCREMENT): a writer holding the write lock allocates
    ids itself, from this one up, and writes its rows later."""
    return int(conn.execute(f"SELECT max(rowid) FROM {table}").fetchone()[0] or 0) + 1


def earlier(seen: str | None, than: str | None) -> bool:
    """Whether ``seen`` replaces ``than`` as the earliest date (an unknown date never does), as the store's
    ``CASE WHEN ?1 IS NOT NULL AND (first_seen IS NULL OR ?1 < first_seen)`` does."""
    return seen is not None and (than is None or seen < than)


def later(seen: str | None, than: str | None) -> bool:
    """Whether ``seen`` replaces ``than`` as the latest date (an unknown date never does)."""
    return seen is not None and (than is None or seen > than)


def select_in(conn: sqlite3.Connection, sql: str, values: Sequence[Any]) -> Iterator[tuple[Any, ...]]:
    """The rows of ``sql``, whose ``{marks}`` is an IN list, for every value of ``values`` (a chunk at a time)."""
    for i in range(0, len(values), IN_CHUNK):
        part = values[i : i + IN_CHUNK]
        yield from conn.execute(sql.format(marks=",".join("?" * len(part))), part)


BUSY_TIMEOUT_MS = 30_000  # how long a connection waits for another's lock


def _set_wal(conn: sqlite3.Connection) -> None:
    """Put the database in WAL mode. Switching needs the database to itself, and SQLite answers "database is
    locked" at once, without waiting, while another connection holds a lock (another process creating the same
    new database): so it is retried for as long as the busy timeout."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    pause = 0.005
    while True:
        try:
            mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
            if str(mode).lower() != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) and "busy" not in str(e) or time.monotonic() > deadline:
                raise
        time.sleep(pause)
        pause = min(0.1, pause * 2)


def connect(path: str, readonly: bool = False) -> sqlite3.Connection:
    try:
        if readonly:
            conn = sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True, isolation_level=None)
        else:
            conn = sqlite3.connect(path, isolation_level=None)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if not readonly:
            # WAL: readers (search, workers checking duplicates) never block the writer;
            # a kill -9 keeps every committed transaction.
            _set_wal(conn)
            conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
    except sqlite3.Error as e:
        raise StoreError(f"{path}: cannot open the database ({e}); check the path and that it is a quotegraph database") from None
    return conn


def open_store(path: str = "quotegraph.db", create: bool = True) -> Store:
    """Open (and, if ``create``, create or migrate) a corpus database."""
    if not create and path != ":memory:" and not Path(path).exists():
        raise StoreError(f"{path}: no such database; create it with `quotegraph ingest PATH --db {path}`")
    conn = connect(path)
    try:
        migrate(conn)
    except sqlite3.DatabaseError as e:
        conn.close()
        raise StoreError(f"{path}: not a quotegraph database ({e})") from None
    return Store(conn, path)
