#!/usr/bin/env python3
"""Scale-out benchmark: ``quotegraph batch`` with 1 and with 2 workers over PolNeAR articles in
WARC files, then ``quotegraph ingest`` of the Parquet output into a store.

Each command runs as a whole process, as a user runs it (cluster start and model loading included).
Prints, for each worker count: wall seconds, articles/s and words/s, speed-up and efficiency against
1 worker, peak RSS of each process (the workers' separately); that the Parquet rows are identical
either way; the Parquet → store load rate (quotes/s, articles/s); and, unless --skip-direct, that the
store loaded from Parquet equals a direct ``quotegraph ingest`` of the same WARC files (articles,
statements, speakers).

    .venv/bin/python benchmarks/scale.py                        # 300 articles in 4 WARC files, 1 vs 2 workers
    .venv/bin/python benchmarks/scale.py --articles 1000 --workers 1 2 --json build/scale.json
    .venv/bin/python benchmarks/scale.py --articles 4 --skip-direct     # a check that it runs
    .venv/bin/python benchmarks/scale.py --load DIR                     # only the load of a batch output DIR, timed

Articles are PolNeAR's (train then dev texts, each once) from ../shared/corpora/polnear (or
QUOTEGRAPH_POLNEAR), wrapped in HTML pages; without the corpus, the bundled example and the test
stories, repeated under other URLs. Everything is written to a temporary folder (or --out DIR).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from proc import timed_tree  # noqa: E402  (benchmarks/proc.py; the script's folder is on sys.path)

from tests.ingest.pages import ARTICLES, Story, page  # noqa: E402

CORPUS = Path(os.environ.get("QUOTEGRAPH_POLNEAR", ROOT.parent / "shared" / "corpora" / "polnear"))
QUOTEGRAPH = str(ROOT / ".venv" / "bin" / "quotegraph")


def stories(n: int) -> list[Story]:
    texts = sorted((CORPUS / "train" / "text").glob("*.txt")) + sorted((CORPUS / "dev" / "text").glob("*.txt"))
    out: list[Story] = []
    if texts:
        for p in texts[:n]:
            parts = [x.strip() for x in p.read_text(encoding="utf-8").split("\n\n") if x.strip()]
            out.append(Story(parts[0], [" ".join(x.split("\n")) for x in parts[1:]], f"https://{p.stem.split('_')[0]}.example.com/{p.stem}"))
        if len(out) >= n:
            return out
    example = (ROOT / "examples" / "defence-dialogue.txt").read_text(encoding="utf-8").split("\n\n")
    base = [Story(example[0], [x.replace("\n", " ") for x in example[1:]], "https://example.org/defence"), *ARTICLES]
    while len(out) < n:
        s = base[len(out) % len(base)]
        out.append(Story(s.title, s.paragraphs, f"{s.url}/{len(out)}", s.published, s.outlet))
    return out


def write_warcs(folder: Path, items: list[Story], files: int) -> list[Path]:
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for k in range(files):
        path = folder / f"crawl-{k:02d}.warc.gz"
        with open(path, "wb") as f:
            w = WARCWriter(f, gzip=True)
            for s in items[k::files]:
                body = page(s).encode("utf-8")
                headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
                w.write_record(w.create_warc_record(s.url, "response", payload=io.BytesIO(body), length=len(body), http_headers=headers,
                                                    warc_headers_dict={"WARC-Date": "2016-09-20T12:00:00Z"}))
        paths.append(path)
    return paths


def run(cmd: list[str]) -> tuple[float, int, dict[int, int]]:
    """Wall seconds, peak RSS of the whole tree, and each worker's peak RSS (pid → bytes; the command itself left out)."""
    seconds, total, peaks, root = timed_tree(cmd)
    peaks.pop(root, None)
    return seconds, total, peaks


def parquet_rows(out: Path) -> tuple[list[tuple], list[tuple]]:
    import pyarrow.dataset as ds

    def rows(folder: str) -> list[tuple]:
        table = ds.dataset(str(out / folder), format="parquet").to_table()
        return sorted(tuple(json.dumps(v, sort_keys=True) for v in r.values()) for r in table.to_pylist())

    return rows("articles"), rows("quotes")


def store_view(db: Path) -> dict[str, object]:
    conn = sqlite3.connect(db)
    try:
        q = conn.execute
        return {
            "articles": sorted(q("SELECT url, text_key, published, published_source FROM articles").fetchall()),
            "statements": sorted(q("SELECT text, kind FROM statements").fetchall()),
            "speakers": sorted(q("SELECT name, type FROM speakers").fetchall()),
        }
    finally:
        conn.close()


def mib(n: int) -> str:
    return f"{n / 2**20:,.0f} MiB"


def rewrite_seconds(db: Path, new: Path) -> float:
    """Seconds to write every row of the store ``db`` again into a new store, in one transaction with executemany:
    what the writes of a load cost without the rules (speaker links, statement matching, dates) that decide them."""
    sys.path.insert(0, str(ROOT))
    from quotegraph.store.db import open_store

    src = sqlite3.connect(db)
    tables = [r[0] for r in src.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'statement_search%' "
                                        "AND name NOT LIKE 'search_%' AND name NOT IN ('migrations', 'sqlite_sequence')")]
    rows = {t: src.execute(f"SELECT * FROM {t}").fetchall() for t in tables}
    shingles = rows.get("statement_shingles", [])
    # In the order a load writes them (by statement), not the table's order (by shingle), which is cheaper to insert.
    shingles.sort(key=lambda r: (r[1], r[0]))
    search = src.execute("SELECT id, text FROM statements").fetchall()
    src.close()
    store = open_store(str(new))
    started = time.perf_counter()
    with store.transaction():
        for t in tables:
            if rows[t]:
                store.conn.executemany(f"INSERT INTO {t} VALUES ({','.join('?' * len(rows[t][0]))})", rows[t])
        store.conn.executemany("INSERT INTO statement_search (rowid, text) VALUES (?, ?)", search)
    seconds = time.perf_counter() - started
    store.close()
    return seconds


def load_only(out: Path, json_path: str | None) -> int:
    """The Parquet -> store load rate of an existing batch output, process start included."""
    import pyarrow.dataset as ds

    quotes = ds.dataset(str(out / "quotes"), format="parquet").count_rows()
    articles = ds.dataset(str(out / "articles"), format="parquet").count_rows()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "from-parquet.db"
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        seconds, _, _ = run([QUOTEGRAPH, "ingest", str(out), "--db", str(db), "--quiet"])
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        stored = store_view(db)
        floor = rewrite_seconds(db, Path(tmp) / "rewritten.db")
    # CPU seconds as well as wall: on a machine others share, the wall time counts their work too.
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    figures = {"load": {"seconds": seconds, "cpu_seconds": cpu, "quotes": quotes, "quotes_s": quotes / seconds, "quotes_cpu_s": quotes / cpu,
                        "articles_s": articles / seconds, "rows_alone_seconds": floor, "rows_alone_quotes_s": quotes / floor}}
    print(f"Parquet -> store: {seconds:.2f} s ({cpu:.2f} s of CPU) for {quotes:,} quotes of {articles} records: {quotes / seconds:,.0f} quotes/s "
          f"({quotes / cpu:,.0f} a CPU second), {articles / seconds:,.0f} articles/s (process start included; bar: 20,000 quotes/s); "
          f"stored {len(stored['articles'])} articles, {len(stored['statements'])} statements, {len(stored['speakers'])} speakers")
    print(f"the same rows alone, written again into a new store (executemany, one transaction, no rules): {floor:.2f} s, "
          f"{quotes / floor:,.0f} quotes/s: the most a loader of this schema gets here")
    if json_path:
        Path(json_path).parent.mkdir(parents=True, exist_ok=True)
        Path(json_path).write_text(json.dumps(figures, indent=1) + "\n")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=300, help="articles in all (at least 250 for the bar)")
    ap.add_argument("--files", type=int, default=4, help="WARC files they are written to")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker counts to compare (the first is the base)")
    ap.add_argument("--part-size", type=float, default=0.5, help="--part-size of quotegraph batch, MB (small: parts spread evenly)")
    ap.add_argument("--skip-direct", action="store_true", help="do not run the direct ingest the Parquet store is compared with")
    ap.add_argument("--out", help="folder for the inputs, outputs and databases (default: a temporary one)")
    ap.add_argument("--json", help="also write the figures to this file")
    ap.add_argument("--load", metavar="DIR", help="only time loading DIR, a quotegraph batch output, into a new store (no batch, no direct ingest)")
    args = ap.parse_args()
    if args.load:
        return load_only(Path(args.load), args.json)

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(args.out or tmp)
        items = stories(args.articles)
        warcs = write_warcs(work / "in", items, max(1, min(args.files, len(items))))
        words = sum(len(" ".join([s.title, *s.paragraphs]).split()) for s in items)
        print(f"{len(items)} articles, {words:,} words, in {len(warcs)} WARC files ({sum(p.stat().st_size for p in warcs) / 1e6:.1f} MB)")
        figures: dict[str, object] = {"articles": len(items), "words": words, "runs": {}}
        outputs = {}
        for n in args.workers:
            out = work / f"out-{n}"
            cmd = [QUOTEGRAPH, "batch", *map(str, warcs), "--out", str(out), "--workers", str(n), "--overwrite", "--quiet",
                   "--part-size", str(args.part_size)]
            seconds, total, peaks = run(cmd)
            workers = sorted(peaks.values(), reverse=True)[:n]  # the workers are the largest children (models loaded)
            figures["runs"][n] = {"seconds": seconds, "articles_s": len(items) / seconds, "words_s": words / seconds,  # type: ignore[index]
                                  "peak_rss_tree": total, "peak_rss_workers": workers}
            outputs[n] = out
            print(f"{n} worker(s): {seconds:.1f} s, {len(items) / seconds:.2f} articles/s, {words / seconds:,.0f} words/s; "
                  f"peak RSS all {mib(total)}, each worker {', '.join(mib(w) for w in workers)}")
        base = args.workers[0]
        for n in args.workers[1:]:
            speedup = figures["runs"][base]["seconds"] / figures["runs"][n]["seconds"]  # type: ignore[index]
            efficiency = speedup / (n / base)
            figures["runs"][n].update(speedup=speedup, efficiency=efficiency)  # type: ignore[index]
            print(f"{n} vs {base} worker(s): speed-up {speedup:.2f}x, efficiency {efficiency:.0%} (bar: 2 vs 1 >= 1.70x)")
        same = all(parquet_rows(outputs[base]) == parquet_rows(outputs[n]) for n in args.workers[1:])
        figures["parquet_identical"] = same
        print(f"Parquet rows identical for every worker count: {'yes' if same else 'NO'}")

        quotes = len(parquet_rows(outputs[base])[1])
        parquet = {part: sum(f.stat().st_size for f in (outputs[base] / part).glob("*.parquet")) for part in ("articles", "quotes")}
        figures["parquet_bytes"] = {**parquet, "per_article": sum(parquet.values()) / len(items)}
        print(f"Parquet: articles {parquet['articles'] / 1e6:.2f} MB, quotes {parquet['quotes'] / 1e6:.2f} MB: "
              f"{sum(parquet.values()) / len(items) / 1e3:.1f} kB an article ({sum(parquet.values()) / max(1, words) :.1f} bytes a word)")
        db = work / "from-parquet.db"
        if db.exists():
            db.unlink()
        seconds, _, _ = run([QUOTEGRAPH, "ingest", str(outputs[base]), "--db", str(db), "--quiet"])
        figures["load"] = {"seconds": seconds, "quotes": quotes, "quotes_s": quotes / seconds, "articles_s": len(items) / seconds}
        index = db.with_name(db.name + "-search")  # the search index beside the store
        index_bytes = sum(f.stat().st_size for f in index.rglob("*") if f.is_file()) if index.is_dir() else 0
        db_bytes = db.stat().st_size
        figures["store_bytes"] = {"db": db_bytes, "search_index": index_bytes, "per_article": (db_bytes + index_bytes) / len(items)}
        print(f"store: {db_bytes / 1e6:.2f} MB, search index {index_bytes / 1e6:.2f} MB: "
              f"{(db_bytes + index_bytes) / len(items) / 1e3:.1f} kB an article (its text included)")
        print(f"Parquet -> store: {seconds:.1f} s for {quotes:,} quotes of {len(items)} articles: {quotes / seconds:,.0f} quotes/s, "
              f"{len(items) / seconds:,.0f} articles/s (process start included; bar: 20,000 quotes/s)")
        if not args.skip_direct:
            direct = work / "direct.db"
            if direct.exists():
                direct.unlink()
            seconds, _, _ = run([QUOTEGRAPH, "ingest", *map(str, warcs), "--db", str(direct), "--quiet", "--jobs", str(max(args.workers))])
            a, b = store_view(db), store_view(direct)
            diff = {k: (len(a[k]), len(b[k]), len(set(a[k]) ^ set(b[k]))) for k in a}  # type: ignore[arg-type]
            figures["direct"] = {"seconds": seconds, "compare": diff}
            for k, (x, y, d) in diff.items():
                print(f"store from Parquet vs direct ingest ({seconds:.1f} s): {k} {x} vs {y}, {d} differ ({d / max(1, y):.1%}; bar: within 1%)")
        if args.json:
            Path(args.json).parent.mkdir(parents=True, exist_ok=True)
            Path(args.json).write_text(json.dumps(figures, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
