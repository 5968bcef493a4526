#!/usr/bin/env python3
"""Every page of the web app in headless Chromium, on any database: status, load time, checks, screenshots.

    .venv/bin/python benchmarks/pages.py --db examples.db
    .venv/bin/python benchmarks/pages.py --db /tmp/qg10k/bench.db     # the 10,000-article store

Serves the database with ``quotegraph serve`` (a whole process, as a user runs it) on a free
loopback port, then opens in Debian's Chromium (``/usr/bin/chromium`` or QUOTEGRAPH_CHROMIUM):
the overview, a search for the commonest word of the statements, the most-quoted speaker's
page, the article with the most attributions and the newest article, the paste-an-article
page (with an article pasted and extracted), a missing page and /docs. Each page must answer
200 (404 for the missing one), open no dialog, log no Content-Security-Policy violation or
script error, request nothing from another host and show what it is for (hits, bars,
highlights in three colours, ...). Full-page screenshots go to --shots (default
build/screenshots/pages-<db name>/). Exit status 1 if any check fails.
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from urllib.request import urlopen

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path(os.environ.get("QUOTEGRAPH_CHROMIUM", "/usr/bin/chromium"))
PASTE = (
    "Port reopens after the storm\n"
    "The port will reopen on Monday, harbour master Maria Lopez said on Sunday. "
    "\u201cWe lost two cranes but no lives,\u201d she told reporters.\n"
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def targets(db: str) -> dict[str, str]:
    """The pages to open, chosen from what the database holds."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    one = lambda q: conn.execute(q).fetchone()  # noqa: E731
    words: Counter[str] = Counter()
    for (text,) in conn.execute("SELECT text FROM statements ORDER BY id LIMIT 2000"):
        words.update(w for w in re.findall(r"[a-z]{6,}", text.lower()))
    word = words.most_common(1)[0][0] if words else "said"
    speaker = one("SELECT speaker_id FROM occurrences WHERE speaker_id IS NOT NULL GROUP BY speaker_id ORDER BY count(*) DESC LIMIT 1")
    busiest = one("SELECT article_id FROM occurrences GROUP BY article_id ORDER BY count(*) DESC LIMIT 1")
    newest = one("SELECT id FROM articles ORDER BY published DESC, id DESC LIMIT 1")
    dated = one("SELECT count(*) FROM articles WHERE length(published) >= 7")[0] > 0
    conn.close()
    pages = {"overview": "/", "search": f"/search?q={word}", "extract": "/extract", "missing": "/speakers/999999999", "docs": "/docs"}
    if speaker:
        pages["speaker"] = f"/speakers/{speaker[0]}"
    if busiest:
        pages["article-busiest"] = f"/articles/{busiest[0]}"
    if newest:
        pages["article-newest"] = f"/articles/{newest[0]}"
    return pages, dated


def check(name: str, page, dated: bool) -> list[str]:  # type: ignore[no-untyped-def]
    """What the page must show (charts over time only where some article is dated to the month); the problems found."""
    bad = []
    count = lambda sel: page.locator(sel).count()  # noqa: E731
    if name == "overview" and count("svg.chart") < (2 if dated else 1):
        bad.append("missing charts")
    if name == "search" and count("li.hit") < 1:
        bad.append("no hits")
    if name == "speaker" and ((dated and count("svg.chart.bars rect.bar") < 1) or count("ol.terms li") < 1):
        bad.append("no statements-per-month bars or no terms")
    if name.startswith("article") and count("article.article-text") != 1:
        bad.append("no article text")
    if name == "article-busiest":
        colours = set()
        for role in ("source", "cue", "content"):
            el = page.locator(f"article.article-text .hl-{role}").first
            if el.count():
                colours.add(el.evaluate("e => getComputedStyle(e).backgroundColor"))
        if len(colours) != 3:
            bad.append(f"highlights in {len(colours)} colours, expected 3")
    if name == "docs":
        page.get_by_text("/api/statements", exact=True).wait_for(timeout=15_000)
        if count(".opblock") < 5:
            bad.append("fewer than 5 operations listed")
    return bad


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", required=True)
    ap.add_argument("--shots", help="folder for the screenshots")
    ap.add_argument("--timeout", type=float, default=60, help="seconds to wait for the server to start")
    args = ap.parse_args()
    if not Path(args.db).is_file():
        print(f"no database at {args.db}", file=sys.stderr)
        return 2
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("skipped: playwright is not installed (pip install -e '.[test]')")
        return 0
    if not CHROMIUM.exists():
        print(f"skipped: Chromium not found at {CHROMIUM} (apt-get install chromium, or set QUOTEGRAPH_CHROMIUM)")
        return 0
    shots = Path(args.shots or ROOT / "build" / "screenshots" / f"pages-{Path(args.db).stem}")
    shots.mkdir(parents=True, exist_ok=True)
    pages, dated = targets(args.db)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    qg = str(Path(sys.executable).parent / "quotegraph")
    server = subprocess.Popen([qg, "serve", "--db", args.db, "--port", str(port), "--workers", "1"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    failures = 0
    try:
        deadline = time.monotonic() + args.timeout
        while True:
            try:
                urlopen(base + "/api/speakers?top=1", timeout=2).read()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    print(f"the server did not start on {base}", file=sys.stderr)
                    return 1
                time.sleep(0.3)
        print(f"{args.db}: serving on {base}; screenshots in {shots}")
        print(f"{'page':16} {'status':>6} {'load ms':>8} {'KiB':>6}  path / problems")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM))
            for name, path in pages.items():
                context = browser.new_context(viewport={"width": 1200, "height": 800})
                page = context.new_page()
                problems: list[str] = []
                page.on("dialog", lambda d, problems=problems: (problems.append(f"dialog: {d.message}"), d.dismiss()))
                page.on("console", lambda m, problems=problems: problems.append(f"console {m.type}: {m.text[:120]}") if m.type == "error" else None)
                page.on("pageerror", lambda e, problems=problems: problems.append(f"script error: {str(e)[:120]}"))
                page.on(
                    "request",
                    lambda r, problems=problems: problems.append(f"other host: {r.url}") if not r.url.startswith((base, "data:", "about:")) else None,
                )
                t0 = time.perf_counter()
                resp = page.goto(base + path, wait_until="load")
                ms = (time.perf_counter() - t0) * 1000
                status = resp.status if resp else 0
                if name == "extract":
                    page.fill("textarea[name=text]", PASTE)
                    page.click("form.extract button[type=submit]")
                    page.locator("article.article-text .hl-cue").first.wait_for(timeout=60_000)
                want = 404 if name == "missing" else 200
                if status != want:
                    problems.append(f"status {status}, expected {want}")
                if name == "missing":  # the 404 is expected, and so is the console's note of it
                    problems = [x for x in problems if not x.startswith("console error: Failed to load resource")]
                try:
                    problems += check(name, page, dated)
                except Exception as e:  # noqa: BLE001 - a check that cannot run is a failed check
                    problems.append(f"check failed: {type(e).__name__}: {str(e).splitlines()[0][:120]}")
                page.screenshot(path=str(shots / f"{name}.png"), full_page=True)
                size = len(page.content().encode("utf-8")) / 1024
                print(f"{name:16} {status:>6} {ms:>8.0f} {size:>6.0f}  {path}" + ("".join(f"\n{'':40}! {x}" for x in problems)))
                failures += bool(problems)
                context.close()
            browser.close()
    finally:
        os.killpg(server.pid, 15)
        server.wait(10)
    print(f"{len(pages) - failures} of {len(pages)} pages passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
