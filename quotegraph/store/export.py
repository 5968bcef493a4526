"""Export the store: JSONL (the ``extract`` shape plus metadata), CSV and Parquet (the same rows, one per
quote: ``records.QuoteRow``), Citron."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import astuple, replace
from typing import IO, Any

from ..model import SearchQuery
from .records import COLUMNS, MAX_HITS, QuoteRow, arrow_schema, quote_rows

FORMATS = ("jsonl", "csv", "parquet", "citron")
CSV_COLUMNS = COLUMNS
PARQUET_ROW_GROUP = 50_000  # quotes per row group: a store of millions is written in bounded memory


def _article_ids(conn: sqlite3.Connection, statement_ids: Iterable[int] | None) -> Iterator[int]:
    if statement_ids is None:
        yield from (r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id"))
        return
    ids = sorted(set(statement_ids))
    seen: set[int] = set()
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        for (aid,) in conn.execute(
            f"SELECT DISTINCT article_id FROM occurrences WHERE statement_id IN ({','.join('?' * len(chunk))}) ORDER BY article_id",
            chunk,
        ):
            seen.add(aid)
    yield from sorted(seen)


def article_record(conn: sqlite3.Connection, aid: int, with_text: bool = False) -> dict[str, object]:
    a = conn.execute(
        "SELECT a.doc, a.url, a.title, ou.name, a.published, a.author, a.body_start, a.body_end, a.boilerplate, a.text, "
        "a.location "
        "FROM articles a LEFT JOIN outlets ou ON ou.id = a.outlet_id WHERE a.id = ?",
        (aid,),
    ).fetchone()
    quotes = []
    for row in conn.execute(
        "SELECT kind, cue, sources, contents, speaker_id, speaker_name, speaker_role, speaker_type, speaker_evidence, "
        "speaker_gender, speaker_gender_evidence, confidence, statement_id, match, drift FROM occurrences WHERE article_id = ? ORDER BY position",
        (aid,),
    ):
        kind, cue, sources, contents, sid, name, role, stype, evidence, gender, gender_evidence, conf, stmt, match, drift = row
        speaker = None
        if name is not None:
            speaker = {"name": name, "role": role, "type": stype, "evidence": evidence, "gender": gender, "gender_evidence": gender_evidence, "id": sid}
        quotes.append(
            {
                "kind": kind,
                "cue": json.loads(cue) if cue else None,
                "sources": json.loads(sources),
                "contents": json.loads(contents),
                "speaker": speaker,
                "confidence": conf,
                "statement": stmt,
                "match": match,
                "drift": bool(drift),
            }
        )
    rec: dict[str, object] = {
        "doc": a[0],
        "body": {"start": a[6], "end": a[7]},
        "boilerplate": [{"start": s, "end": e} for s, e in json.loads(a[8])],
        "published": a[4],
        "quotes": quotes,
        "url": a[1],
        "title": a[2],
        "outlet": a[3],
        "author": a[5],
        "location": a[10],
        "article": aid,
    }
    if with_text:
        rec["text"] = a[9]
    return rec


def export(conn: sqlite3.Connection, fmt: str, out: IO[str], statement_ids: Iterable[int] | None = None, with_text: bool = False) -> int:
    """Write every article (or those carrying ``statement_ids``) in ``fmt`` (jsonl, citron: one line per
    article; csv: one row per quote, only the quotes of ``statement_ids``); the number of records written."""
    wanted = None if statement_ids is None else set(statement_ids)
    if fmt == "parquet":
        raise ValueError("Parquet is written to a file, not a text stream: call export_parquet(conn, path)")
    if fmt == "csv":
        return _csv(quote_rows(conn, wanted), out)
    n = 0
    for aid in _article_ids(conn, wanted):
        rec = article_record(conn, aid, with_text=with_text or fmt == "citron")
        quotes: list[dict[str, Any]] = rec["quotes"]  # type: ignore[assignment]
        if fmt == "jsonl":
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
        elif fmt == "citron":
            spans = [{"cue": q["cue"], "sources": q["sources"], "contents": q["contents"]} for q in quotes]
            out.write(json.dumps({"doc": rec["doc"], "text": rec["text"], "quotes": spans}, ensure_ascii=False) + "\n")
            n += 1
    return n


def _cells(row: QuoteRow) -> list[object]:
    # A flag as 0/1, as spreadsheets and the earlier export had it.
    return [int(v) if isinstance(v, bool) else v for v in astuple(row)]


def _csv(rows: Iterable[QuoteRow], out: IO[str]) -> int:
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    n = 0
    for row in rows:
        writer.writerow(_cells(row))
        n += 1
    return n


def search_statement_ids(conn: sqlite3.Connection, query: SearchQuery) -> list[int] | None:
    """The ids of every statement ``query`` finds (its page and order aside), or None when it has neither text nor
    filter (every statement): what an export of a search exports."""
    if not query.text.strip() and not query.filtered:
        return None
    from .search import search

    return [h.statement_id for h in search(conn, replace(query, limit=MAX_HITS, offset=0))]


def search_csv(conn: sqlite3.Connection, query: SearchQuery, every: int = 1000) -> Iterator[str]:
    """The CSV export (``export(conn, "csv", ...)``: header, then one row per quote) of the statements ``query`` finds,
    in pieces of ``every`` rows, to be sent as it is made. The search runs first, so a bad query raises before
    anything is given."""
    ids = search_statement_ids(conn, query)

    def pieces() -> Iterator[str]:
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(CSV_COLUMNS)
        for n, row in enumerate(quote_rows(conn, ids), 1):
            writer.writerow(_cells(row))
            if n % every == 0:
                yield buf.getvalue()
                buf.seek(0)
                buf.truncate()
        yield buf.getvalue()

    return pieces()


def export_parquet(conn: sqlite3.Connection, path: str, statement_ids: Iterable[int] | None = None) -> int:
    """Write the quotes (or those of ``statement_ids``) to a Parquet file, the CSV export's rows and columns
    typed; the number of rows written."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = arrow_schema(QuoteRow)
    n = 0
    with pq.ParquetWriter(path, schema) as writer:
        batch: list[dict[str, Any]] = []
        for row in quote_rows(conn, None if statement_ids is None else set(statement_ids)):
            batch.append(row.__dict__)
            if len(batch) >= PARQUET_ROW_GROUP:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                n += len(batch)
                batch = []
        if batch or not n:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
    return n
