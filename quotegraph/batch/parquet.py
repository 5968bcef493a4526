"""A batch's output: Parquet parts under ``DIR/articles/`` and ``DIR/quotes/``, listed in ``DIR/_manifest.json``.

Each part is written under a temporary name starting with ``.`` (which dataset readers pass over)
and renamed into place whole, quotes first, then articles: a part is finished when both files are
there. The manifest is written the same way.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import PREPARE_FAILED
from ..model import Article, DateMention, Dating, Document, NameForms, Quote, Span, Speaker
from .workers import Parsed

MANIFEST = "_manifest.json"
FORMAT = "quotegraph-batch/1"
ARTICLES, QUOTES = "articles", "quotes"
# Rows held before a row group is written: memory stays flat however large the part.
ROW_GROUP = 256

SPAN = pa.struct([("start", pa.int64()), ("end", pa.int64()), ("text", pa.string())])
# A date the body mentions, resolved against the publication date, with every quote whose sentence holds it.
DATE = pa.struct(
    [("start", pa.int64()), ("end", pa.int64()), ("expression", pa.string()), ("value", pa.string()), ("granularity", pa.string()),
     ("quotes", pa.list_(pa.int64()))]
)
# The forms a speaker's name and role are compared in across articles (``model.NameForms``).
FORMS = pa.struct(
    [("key", pa.string()), ("first_last", pa.string()), ("surname", pa.string()), ("specific", pa.bool_()), ("role_words", pa.list_(pa.string()))]
)
ARTICLE_SCHEMA = pa.schema(
    [
        ("id", pa.string()),  # where the record was read: FILE, FILE@OFFSET (WARC), FILE:LINE (JSONL)
        ("doc", pa.string()),  # the document id extraction gave it (its URL, else a short name)
        ("url", pa.string()),
        ("title", pa.string()),
        ("outlet", pa.string()),
        ("author", pa.string()),
        ("fetched", pa.string()),  # a WARC record's capture date
        ("published", pa.string()),  # ISO date at its granularity, from evidence only (as ingest dates it)
        ("published_granularity", pa.string()),  # day, month, year
        ("published_source", pa.string()),  # metadata, url, dateline, capture
        ("language", pa.string()),
        ("text", pa.string()),
        ("text_key", pa.string()),  # sha256 of the normalised text (what the store deduplicates on)
        ("body_start", pa.int64()),
        ("body_end", pa.int64()),
        ("boilerplate", pa.list_(pa.struct([("start", pa.int64()), ("end", pa.int64())]))),
        ("quotes", pa.int64()),
        ("skipped", pa.string()),  # why the record is no article (not HTML, language de, ...)
        ("error", pa.string()),  # why it could not be read or extracted
        ("dates", pa.list_(DATE)),  # as ``ingest.dates.date_article`` finds them: what ingest stores, not found again
    ]
)
QUOTE_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()),
        ("position", pa.int64()),
        ("kind", pa.string()),
        ("cue", SPAN),
        ("sources", pa.list_(SPAN)),
        ("contents", pa.list_(SPAN)),
        ("speaker_name", pa.string()),
        ("speaker_role", pa.string()),
        ("speaker_type", pa.string()),
        ("speaker_evidence", pa.string()),
        ("speaker_gender", pa.string()),
        ("speaker_gender_evidence", pa.string()),
        ("confidence", pa.float64()),
        ("speaker_forms", FORMS),  # as ``speakers.names.name_forms`` gives them: what ingest compares, not made again
    ]
)


def _span(s: Span | None) -> dict[str, Any] | None:
    return None if s is None else {"start": s.start, "end": s.end, "text": s.text}


def article_row(p: Parsed) -> dict[str, Any]:
    """The articles row of one record: its article, or why there is none."""
    row: dict[str, Any] = {"id": p.location, "skipped": p.skipped, "error": p.error}
    if p.skipped and p.skipped.startswith("language "):
        row["language"] = p.skipped.removeprefix("language ")
    d, a = p.doc, p.article
    if d is not None:
        row.update(url=d.url, title=d.title, outlet=d.outlet, author=d.author, fetched=d.fetched, text=d.text, text_key=d.text_key)
    if d is not None and a is not None and not p.error:
        from ..ingest.dates import date_article

        try:
            dating = date_article(d, a).dating
        except Exception as e:  # noqa: BLE001 - a bug in dating fails this record, not the part
            p.error = row["error"] = PREPARE_FAILED.format(location=p.location, error=f"{type(e).__name__}: {e}")
            return row
        assert dating is not None
        published, granularity, source = dating.published, dating.granularity, dating.source
        row.update(
            doc=a.doc,
            published=published,
            published_granularity=granularity,
            published_source=source,
            language="en",
            text=a.text,
            body_start=a.body[0],
            body_end=a.body[1],
            boilerplate=[{"start": s, "end": e} for s, e in a.boilerplate],
            quotes=len(a.quotes),
            dates=[
                {"start": m.start, "end": m.end, "expression": m.expression, "value": m.value, "granularity": m.granularity, "quotes": list(m.quotes)}
                for m in dating.mentions
            ],
        )
    return row


def _forms(sp: Speaker | None) -> dict[str, Any] | None:
    if sp is None:
        return None
    from ..speakers.names import name_forms

    f = sp.forms or name_forms(sp.name, sp.type, sp.role)
    return {"key": f.key, "first_last": f.first_last, "surname": f.surname, "specific": f.specific, "role_words": list(f.role_words)}


def quote_rows(p: Parsed) -> list[dict[str, Any]]:
    if p.article is None or p.error:
        return []
    return [
        {
            "article_id": p.location,
            "position": i,
            "kind": q.kind,
            "cue": _span(q.cue),
            "sources": [_span(s) for s in q.sources],
            "contents": [_span(s) for s in q.contents],
            "speaker_name": q.speaker.name if q.speaker else None,
            "speaker_role": q.speaker.role if q.speaker else None,
            "speaker_type": q.speaker.type if q.speaker else None,
            "speaker_evidence": q.speaker.evidence if q.speaker else None,
            "speaker_gender": q.speaker.gender if q.speaker else None,
            "speaker_gender_evidence": q.speaker.gender_evidence if q.speaker else None,
            "confidence": q.confidence,
            "speaker_forms": _forms(q.speaker),
        }
        for i, q in enumerate(p.article.quotes)
    ]


@dataclass
class PartCounts:
    records: int = 0
    articles: int = 0
    quotes: int = 0
    skipped: int = 0
    failures: int = 0


@dataclass
class PartWriter:
    """One part's two files, written in row groups under temporary names, renamed into place on ``close``."""

    out: str
    name: str
    counts: PartCounts = field(default_factory=PartCounts)

    def __post_init__(self) -> None:
        tmp = f".{self.name}.{uuid.uuid4().hex[:12]}.parquet"
        self._tmp = {t: os.path.join(self.out, t, tmp) for t in (ARTICLES, QUOTES)}
        self._writers = {
            ARTICLES: pq.ParquetWriter(self._tmp[ARTICLES], ARTICLE_SCHEMA),
            QUOTES: pq.ParquetWriter(self._tmp[QUOTES], QUOTE_SCHEMA),
        }
        self._rows: dict[str, list[dict[str, Any]]] = {ARTICLES: [], QUOTES: []}

    def add(self, p: Parsed) -> None:
        row = article_row(p)  # first: a record that cannot be prepared becomes a failure here
        c = self.counts
        c.records += 1
        if p.skipped:
            c.skipped += 1
        elif p.error or p.article is None:
            c.failures += 1
        else:
            c.articles += 1
        self._rows[ARTICLES].append(row)
        quotes = quote_rows(p)
        c.quotes += len(quotes)
        self._rows[QUOTES].extend(quotes)
        if len(self._rows[ARTICLES]) >= ROW_GROUP:
            self._flush()

    def _flush(self) -> None:
        for t, schema in ((ARTICLES, ARTICLE_SCHEMA), (QUOTES, QUOTE_SCHEMA)):
            if self._rows[t]:
                self._writers[t].write_table(pa.Table.from_pylist(self._rows[t], schema=schema))
                self._rows[t] = []

    def close(self) -> PartCounts:
        self._flush()
        for w in self._writers.values():
            w.close()
        for t in (QUOTES, ARTICLES):  # articles last: both files there means the part is finished
            os.replace(self._tmp[t], part_path(self.out, t, self.name))
        return self.counts

    def abort(self) -> None:
        for t, w in self._writers.items():
            try:
                w.close()
            finally:
                if os.path.exists(self._tmp[t]):
                    os.remove(self._tmp[t])


def part_path(out: str, table: str, name: str) -> str:
    return os.path.join(out, table, f"{name}.parquet")


def finished(out: str, name: str) -> bool:
    return os.path.exists(part_path(out, ARTICLES, name)) and os.path.exists(part_path(out, QUOTES, name))


def part_counts(out: str, name: str) -> dict[str, Any]:
    """The manifest entry of a finished part, read from its files."""
    articles = pq.read_table(part_path(out, ARTICLES, name), columns=["skipped", "error"]).to_pylist()
    skipped = sum(1 for r in articles if r["skipped"])
    failures = sum(1 for r in articles if r["error"] and not r["skipped"])
    return {
        "name": name,
        "records": len(articles),
        "articles": len(articles) - skipped - failures,
        "quotes": pq.ParquetFile(part_path(out, QUOTES, name)).metadata.num_rows,
        "skipped": skipped,
        "failures": failures,
    }


def read_manifest(out: str) -> dict[str, Any] | None:
    try:
        with open(os.path.join(out, MANIFEST), encoding="utf-8") as f:
            data = json.load(f)
    except (FileNotFoundError, ValueError):  # none, or not JSON (cut short, overwritten): no manifest of ours
        return None
    return data if isinstance(data, dict) and data.get("format") == FORMAT else None


def write_manifest(out: str, manifest: dict[str, Any]) -> None:
    write_json(os.path.join(out, MANIFEST), manifest)


def write_json(path: str, data: Any) -> None:
    """``data`` as JSON at ``path``, whole or not at all: written under a temporary name starting with "." beside it,
    then renamed."""
    folder, name = os.path.split(path)
    tmp = os.path.join(folder, f".{name.lstrip('.')}.{uuid.uuid4().hex[:12]}")
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=1)
        f.write("\n")
    os.replace(tmp, path)


def _span_of(d: dict[str, Any] | None) -> Span | None:
    return None if d is None else Span(d["start"], d["end"], d["text"])


def read_part(out: str, name: str) -> Iterator[Parsed]:
    """The records of one finished part, as ``Parsed`` (what ``ingest`` writes to the store): each article dated and
    its speakers' names in their forms as the workers prepared them (a part written before they did is prepared
    by ``ingest``)."""
    quotes: dict[str, list[Quote]] = {}
    for q in pq.read_table(part_path(out, QUOTES, name)).to_pylist():
        sp = None
        if q["speaker_name"] is not None:
            # A part written before genders (or forms) travelled has no such columns.
            f = q.get("speaker_forms")
            sp = Speaker(
                q["speaker_name"],
                q["speaker_role"],
                q["speaker_type"],
                q["speaker_evidence"] or "named",
                gender=q.get("speaker_gender"),
                gender_evidence=q.get("speaker_gender_evidence"),
                forms=NameForms(f["key"], f["first_last"], f["surname"], f["specific"], tuple(f["role_words"])) if f else None,
            )
        quotes.setdefault(q["article_id"], []).append(
            Quote(q["kind"], _span_of(q["cue"]), [Span(**s) for s in q["sources"]], [Span(**s) for s in q["contents"]], sp, q["confidence"])
        )
    table = pq.ParquetFile(part_path(out, ARTICLES, name))
    for batch in table.iter_batches(batch_size=ROW_GROUP):
        for r in batch.to_pylist():
            p = Parsed(r["id"], skipped=r["skipped"], error=r["error"])
            if r["text"] is not None and r["body_start"] is not None and not r["error"] and not r["skipped"]:
                source = r["published_source"]
                # The date as the store would find it again: given (metadata, URL) or found in the text / capture.
                given = r["published"] if source in ("metadata", "url") else None
                p.doc = Document(
                    r["text"], r["id"], url=r["url"], title=r["title"], outlet=r["outlet"], published=given,
                    author=r["author"], fetched=r["fetched"], published_source=source if given else None,
                )
                dates = r.get("dates")
                dating = None
                if dates is not None:
                    mentions = [
                        DateMention(d["start"], d["end"], d["expression"], d["value"], d["granularity"], tuple(d["quotes"]))
                        for d in dates
                    ]
                    dating = Dating(r["published"], r["published_granularity"], source, mentions)
                p.article = Article(
                    r["doc"], r["text"], (r["body_start"], r["body_end"]), quotes.pop(r["id"], []), given,
                    [(b["start"], b["end"]) for b in r["boilerplate"] or []], dating,
                )
            yield p
