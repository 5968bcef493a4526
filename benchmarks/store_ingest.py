#!/usr/bin/env python3
"""Ingest benchmark: the PolNeAR dev articles wrapped in HTML pages (navigation, related links,
comments) and written into a WARC, ingested with ``quotegraph ingest``, against ``quotegraph extract``
on the plain texts.

Each command runs as a whole process, model loading included, as a user runs it; prints
articles/s and words/s, peak RSS (process tree), then checks the bar:

* every article stored once, and still once after a re-run;
* statements equal to ``extract``'s on the plain texts (count within 2%), none from page furniture;
* with ``--copies N``: N edited copies of each article under other URLs (headline changed,
  nothing inside quotes): their statements collapse onto the originals';
* with ``--crash``: another ingest of the same WARC is killed with SIGKILL (writer and workers)
  at a random point, then re-run; its final counts must equal the uninterrupted run's.

    .venv/bin/python benchmarks/store_ingest.py                 # 84 dev articles
    .venv/bin/python benchmarks/store_ingest.py --copies 119    # 84 x 120 = 10,080 articles
    .venv/bin/python benchmarks/store_ingest.py --crash --skip-extract   # kill -9, re-run, compare

The corpus is read from ../shared/corpora/polnear (or QUOTEGRAPH_POLNEAR); the WARC and the
databases are written to a temporary folder (or --out DIR), never into the repository.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from proc import timed  # noqa: E402  (benchmarks/proc.py)

from tests.ingest.pages import Story, page  # noqa: E402

CORPUS = Path(os.environ.get("QUOTEGRAPH_POLNEAR", ROOT.parent / "shared" / "corpora" / "polnear"))
FURNITURE = ["This is fake news", "Commenter Bob", "Great article", "Subscribe", "All rights reserved", "Share this"]


def stories(copies: int) -> tuple[list[Story], Path]:
    meta = {}
    with open(CORPUS / "metadata.tsv", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            meta[row["filename"]] = row
    texts = sorted((CORPUS / "dev" / "text").glob("*.txt"))
    out = []
    for n in range(copies + 1):
        for p in texts:
            m = meta.get(p.stem, {})
            raw = p.read_text(encoding="utf-8")
            parts = [x.strip() for x in raw.split("\n\n") if x.strip()]
            title, paragraphs = parts[0], [" ".join(x.split("\n")) for x in parts[1:]]
            outlet = m.get("publisher") or p.stem.split("_")[0]
            if n:  # an edited copy: another URL, the headline changed (nothing inside quotes)
                title = f"{title} (update {n})"
                outlet = f"{outlet}-syndicated-{n % 7}"
            out.append(Story(title, paragraphs, f"https://{outlet}.example.com/{p.stem}/{n}", m.get("publication_date") or
                             "2016-09-01", outlet, m.get("author") or "Staff"))
    return out, CORPUS / "dev" / "text"


def write_warc_stream(path: Path, items: list[Story]) -> None:
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=True)
        for s in items:
            body = page(s).encode("utf-8")
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(s.url, "response", payload=io.BytesIO(body), length=len(body),
                                                http_headers=headers,
                                                warc_headers_dict={"WARC-Date": f"{s.published}T12:00:00Z"}))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--copies", type=int, default=0, help="edited copies of each article under other URLs")
    ap.add_argument("--out", help="folder for the WARC and databases (default: a temporary one)")
    ap.add_argument("--skip-extract", action="store_true", help="do not time `quotegraph extract`")
    ap.add_argument("--crash", action="store_true", help="also kill -9 an ingest at a random point, re-run it and compare counts")
    ap.add_argument("--seed", type=int, default=None, help="seed of the random kill time")
    args = ap.parse_args()
    if not (CORPUS / "dev" / "text").is_dir():
        print(f"skipped: PolNeAR corpus not found at {CORPUS}")
        return 0
    out = Path(args.out or tempfile.mkdtemp(prefix="qg-bench-"))
    out.mkdir(parents=True, exist_ok=True)
    items, text_dir = stories(args.copies)
    warc = out / "polnear-dev.warc.gz"
    write_warc_stream(warc, items)
    originals = len(items) // (args.copies + 1)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in sorted(text_dir.glob("*.txt"))) * (args.copies + 1)
    print(f"{len(items):,} pages ({originals} articles x {args.copies + 1}), {words:,} words; WARC {warc.stat().st_size / 2**20:.1f} MiB "
          f"at {warc}", flush=True)
    qg = str(Path(sys.executable).parent / "quotegraph")

    extract_quotes = None
    if not args.skip_extract:
        preds = out / "extract.jsonl"
        with open(preds, "w") as f:
            w_ex, m_ex = timed([qg, "extract", str(text_dir), "-o", "-"], stdout=f)
        extract_quotes = sum(len(json.loads(line)["quotes"]) for line in preds.read_text(encoding="utf-8").splitlines())
        print(f"extract (plain texts, {originals} articles): {originals / w_ex:.2f} articles/s, "
              f"{words / (args.copies + 1) / w_ex:,.0f} words/s, {w_ex:.1f}s, peak RSS {m_ex / 2**20:,.0f} MiB; "
              f"{extract_quotes} quotes", flush=True)

    db = out / "bench.db"
    if db.exists():
        db.unlink()
    w_in, m_in = timed([qg, "ingest", str(warc), "--db", str(db), "-q"])
    print(f"ingest (WARC, {len(items):,} pages): {len(items) / w_in:.2f} articles/s, {words / w_in:,.0f} words/s, "
          f"{w_in:.1f}s, peak RSS {m_in / 2**20:,.0f} MiB", flush=True)
    if not args.skip_extract and args.copies == 0:
        print(f"ingest / extract throughput: {w_ex / w_in:.2f}", flush=True)
    w_re, _ = timed([qg, "ingest", str(warc), "--db", str(db), "-q"])
    print(f"re-run (all stored): {w_re:.1f}s", flush=True)

    conn = sqlite3.connect(db)
    one = lambda q, *a: conn.execute(q, a).fetchone()[0]  # noqa: E731
    arts = one("SELECT count(*) FROM articles")
    occ = one("SELECT count(*) FROM occurrences")
    stm = one("SELECT count(*) FROM statements")
    orig_occ = one("SELECT count(*) FROM occurrences o JOIN articles a ON a.id = o.article_id WHERE a.url LIKE '%/0'")
    furniture = sum(one("SELECT count(*) FROM occurrences WHERE wording LIKE ?", f"%{w}%") for w in FURNITURE)
    print(f"stored: {arts:,} articles (expected {len(items):,}), {occ:,} occurrences, {stm:,} statements, "
          f"{one('SELECT count(*) FROM speakers'):,} speakers, {one('SELECT count(*) FROM failures')} failures; "
          f"{furniture} statements from page furniture")
    if extract_quotes is not None:
        diff = (orig_occ - extract_quotes) / max(extract_quotes, 1)
        print(f"statements of the {originals} originals: {orig_occ} vs extract {extract_quotes} ({diff:+.1%})")
    if args.copies:
        multi = one("SELECT count(*) FROM statements WHERE occurrences >= ?", args.copies + 1)
        copy_only = one("SELECT count(*) FROM statements s WHERE NOT EXISTS (SELECT 1 FROM occurrences o JOIN articles a "
                        "ON a.id = o.article_id WHERE o.statement_id = s.id AND a.url LIKE '%/0')")
        # The copies' edit is in the headline: a statement found only in copies that sits wholly in
        # a copy's (edited) headline comes from the edit; one in the body would be a failure to collapse.
        in_body = 0
        for (sid,) in conn.execute("SELECT s.id FROM statements s WHERE NOT EXISTS (SELECT 1 FROM occurrences o "
                                   "JOIN articles a ON a.id = o.article_id WHERE o.statement_id = s.id AND a.url LIKE '%/0')"):
            for contents, text, start in conn.execute("SELECT o.contents, a.text, a.body_start FROM occurrences o JOIN articles a "
                                                      "ON a.id = o.article_id WHERE o.statement_id = ?", (sid,)):
                headline_end = text.find("\n", start)
                if any(c["start"] >= headline_end >= 0 for c in json.loads(contents)):
                    in_body += 1
                    break
        print(f"statements with all {args.copies + 1} occurrences: {multi:,} of {stm:,} "
              f"(originals had {orig_occ:,} occurrences); statements found only in copies: {copy_only:,} "
              f"({copy_only - in_body:,} within the copies' edited headlines, {in_body:,} in their bodies)")
    conn.close()
    if args.crash:
        crashed = out / "crashed.db"
        if crashed.exists():
            crashed.unlink()
        at = random.Random(args.seed).uniform(0.2, 0.8) * w_in
        proc = subprocess.Popen([qg, "ingest", str(warc), "--db", str(crashed), "-q"], stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, start_new_session=True)
        time.sleep(at)
        killed = proc.poll() is None
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        before = table_counts(crashed)
        timed([qg, "ingest", str(warc), "--db", str(crashed), "-q"])
        after, clean = table_counts(crashed), table_counts(db)
        print(f"kill -9 after {at:.1f}s ({'mid-run' if killed else 'too late: it had finished'}): {before['articles']} articles "
              f"committed; after the re-run {after}; uninterrupted {clean}: {'IDENTICAL' if after == clean else 'DIFFERENT'}")
    return 0


def table_counts(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("articles", "statements", "occurrences", "speakers", "failures")}
    finally:
        conn.close()


if __name__ == "__main__":
    sys.exit(main())
