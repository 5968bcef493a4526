#!/usr/bin/env python3
"""Search benchmark: ``quotegraph.store.search`` latency on a store of >= 100,000 statements.

The store is synthetic: statements made of sentences of the PolNeAR dev texts (or a
built-in vocabulary without the corpus), spread over speakers, roles, outlets,
dates and kinds, each with one to three occurrences. Queries mix single words, two
words, phrases, prefixes and filters (speaker, outlet, dates, kind), as a user would.
Prints p50 / p95 / max in milliseconds, each query timed as the CLI runs it (hits,
outlets and roles included), on a warm connection.

    .venv/bin/python benchmarks/store_search.py [--statements 100000] [--queries 300] [--db FILE]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quotegraph.model import SearchQuery  # noqa: E402
from quotegraph.store.db import open_store  # noqa: E402
from quotegraph.store.search import search  # noqa: E402
from quotegraph.store.statements import shingles, words  # noqa: E402

CORPUS = Path(os.environ.get("QUOTEGRAPH_POLNEAR", ROOT.parent / "shared" / "corpora" / "polnear"))
FALLBACK = ("the government said economy plan would taxes voters campaign election president senator policy health "
            "security trade jobs climate border police court vote budget reform war peace talks deal").split()


def sentences() -> list[str]:
    texts = sorted((CORPUS / "dev" / "text").glob("*.txt"))
    out = []
    for p in texts:
        for s in re.split(r"(?<=[.!?”])\s+", p.read_text(encoding="utf-8")):
            s = " ".join(s.split())
            if 6 <= len(s.split()) <= 60:
                out.append(s)
    return out


def build(path: str, n: int, rng: random.Random) -> None:
    store = open_store(path)
    conn = store.conn
    sents = sentences() or [" ".join(rng.choice(FALLBACK) for _ in range(rng.randint(8, 30))) for _ in range(5000)]
    vocab = sorted({w for s in sents for w in s.split() if w.isalpha() and len(w) > 3})
    first = ["Anna", "Ben", "Carla", "David", "Elena", "Farid", "Grace", "Hugo", "Imran", "Julia", "Kofi", "Lena"]
    last = ["Smith", "Khan", "Garcia", "Chen", "Okafor", "Novak", "Rossi", "Silva", "Kim", "Jones", "Meyer", "Ali"]
    roles = ["senator", "mayor", "spokesperson", "minister", "economist", "campaign manager", "governor", "analyst"]
    with store.transaction():
        for i in range(20):
            conn.execute("INSERT INTO outlets (id, name) VALUES (?, ?)", (i + 1, f"Outlet {i + 1}"))
        speakers = 600
        for i in range(speakers):
            name = f"{first[i % 12]} {last[(i // 12) % 12]}" + ("" if i < 144 else f" {i}")
            conn.execute("INSERT INTO speakers (id, name, type, mentions) VALUES (?, ?, 'PERSON', 0)", (i + 1, name))
            conn.execute("INSERT INTO speaker_aliases (speaker_id, alias, key, mentions) VALUES (?, ?, ?, 1)",
                         (i + 1, name, f"PERSON:{name.lower()}"))
            conn.execute("INSERT INTO speaker_roles (speaker_id, role, first_seen, last_seen, mentions) VALUES (?, ?, ?, ?, 1)",
                         (i + 1, roles[i % len(roles)], "2014-01-01", "2020-12-31"))
        articles = max(1000, n // 12)
        for a in range(articles):
            day = f"{2014 + a % 7}-{1 + a % 12:02d}-{1 + a % 28:02d}"
            conn.execute("INSERT INTO articles (id, url, text_key, doc, outlet_id, published, published_granularity, location, "
                         "text, body_start, body_end, ingested_at) VALUES (?, ?, ?, ?, ?, ?, 'day', 'synthetic', '', 0, 0, '')",
                         (a + 1, f"https://x.example/{a}", f"k{a}", f"d{a}", 1 + a % 20, day))
        occ = 0
        for s in range(n):
            text = rng.choice(sents)
            ws = text.split()
            for _ in range(rng.randint(0, 3)):  # varied words
                ws[rng.randrange(len(ws))] = rng.choice(vocab)
            text = "“" + " ".join(ws) + "”"
            kind = rng.choice(["direct", "direct", "indirect", "mixed"])
            spk = 1 + int(rng.paretovariate(1.2)) % speakers
            art = rng.randrange(articles) + 1
            day = conn.execute("SELECT published FROM articles WHERE id = ?", (art,)).fetchone()[0]
            conn.execute("INSERT INTO statements (id, speaker_id, kind, text, first_seen, occurrences) VALUES (?, ?, ?, ?, ?, ?)",
                         (s + 1, spk, kind, text, day, 0))
            conn.execute("INSERT INTO statement_search (rowid, text) VALUES (?, ?)", (s + 1, text))
            conn.executemany("INSERT OR IGNORE INTO statement_shingles (shingle, statement_id) VALUES (?, ?)",
                             [(h, s + 1) for h in shingles(words(text))])
            for k in range(rng.randint(1, 3)):
                occ += 1
                a2 = art if k == 0 else rng.randrange(articles) + 1
                conn.execute("INSERT INTO occurrences (id, statement_id, article_id, position, kind, speaker_id, sources, contents, "
                             "wording, match) VALUES (?, ?, ?, ?, ?, ?, '[]', '[]', ?, ?)",
                             (occ, s + 1, a2, occ, kind, spk, text, "first" if k == 0 else "exact"))
                conn.execute("UPDATE statements SET occurrences = occurrences + 1 WHERE id = ?", (s + 1,))
    conn.execute("ANALYZE")
    store.close()


def queries(conn, rng: random.Random, n: int) -> list[dict]:  # type: ignore[no-untyped-def]
    texts = [r[0] for r in conn.execute("SELECT text FROM statements ORDER BY random() LIMIT 2000")]
    names = [r[0] for r in conn.execute("SELECT name FROM speakers ORDER BY random() LIMIT 50")]
    out = []
    # Words lower-cased (a statement's "AND" or "NOT" is a word here, not an FTS5 operator); a statement may have none ("No.").
    worded = [ws for ws in (re.findall(r"[a-z]{3,}", t.lower()) for t in texts) if ws]
    for i in range(n):
        ws = rng.choice(worded)
        form = i % 6
        if form == 0:
            q = {"text": rng.choice(ws)}
        elif form == 1:
            q = {"text": " ".join(rng.sample(ws, min(2, len(ws))))}
        elif form == 2:
            k = rng.randrange(max(1, len(ws) - 2))
            q = {"text": '"' + " ".join(ws[k : k + 3]) + '"'}
        elif form == 3:
            q = {"text": rng.choice(ws)[:4] + "*", "kind": "direct"}
        elif form == 4:
            q = {"text": rng.choice(ws), "speaker": rng.choice(names).split()[-1]}
        else:
            q = {"text": rng.choice(ws), "outlet": f"Outlet {rng.randint(1, 20)}", "since": "2016-01-01", "until": "2018-12-31"}
        out.append(q)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--statements", type=int, default=100_000)
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--db", help="reuse or build this database (default: a temporary file)")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    path = args.db or str(Path(tempfile.mkdtemp(prefix="qg-search-")) / "search.db")
    if not Path(path).exists():
        t = time.perf_counter()
        build(path, args.statements, rng)
        print(f"built {path}: {args.statements:,} statements in {time.perf_counter() - t:.0f}s", flush=True)
    store = open_store(path)
    conn = store.conn
    total = conn.execute("SELECT count(*) FROM statements").fetchone()[0]
    qs = queries(conn, rng, args.queries)
    for q in qs[:20]:  # warm the page cache
        search(conn, SearchQuery(**q))
    times, hits = [], []
    for q in qs:
        t = time.perf_counter()
        res = search(conn, SearchQuery(**q, limit=20))
        times.append((time.perf_counter() - t) * 1000)
        hits.append(len(res))
    times.sort()
    p95 = times[int(0.95 * (len(times) - 1))]
    print(f"{total:,} statements, {len(qs)} queries ({sum(1 for h in hits if h)} with hits): "
          f"p50 {statistics.median(times):.1f} ms, p95 {p95:.1f} ms, max {times[-1]:.1f} ms")
    worst = sorted(zip(times, range(len(qs))), reverse=True)[:3]
    for ms, i in worst:
        print(f"  slowest: {ms:.1f} ms {qs[i]}")
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
