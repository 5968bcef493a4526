"""Export the store: JSONL (the ``extract`` shape plus metadata), CSV (one row per occurrence), Citron."""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterable, Iterator
from typing import IO, Any

FORMATS = ("jsonl", "csv", "citron")
CSV_COLUMNS = [
    "article",
    "url",
    "outlet",
    "published",
    "statement",
    "occurrence",
    "kind",
    "speaker_id",
    "speaker",
    "speaker_role",
    "speaker_type",
    "cue",
    "wording",
    "match",
    "drift",
    "confidence",
]


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
    """Write every article (or those carrying ``statement_ids``) in ``fmt``; the number of records written."""
    n = 0
    writer = None
    if fmt == "csv":
        writer = csv.writer(out)
        writer.writerow(CSV_COLUMNS)
    wanted = None if statement_ids is None else set(statement_ids)
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
        else:
            assert writer is not None
            for pos, q in enumerate(quotes):
                if wanted is not None and q["statement"] not in wanted:
                    continue
                sp = q["speaker"] or {}
                writer.writerow(
                    [
                        rec["doc"],
                        rec["url"],
                        rec["outlet"],
                        rec["published"],
                        q["statement"],
                        pos,
                        q["kind"],
                        sp.get("id"),
                        sp.get("name"),
                        sp.get("role"),
                        sp.get("type"),
                        q["cue"]["text"] if q["cue"] else None,
                        " … ".join(c["text"] for c in q["contents"]),
                        q["match"],
                        int(q["drift"]),
                        q["confidence"],
                    ]
                )
                n += 1
    return n
