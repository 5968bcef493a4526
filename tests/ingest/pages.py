"""Build test corpora: hand-written articles wrapped in realistic page boilerplate, as HTML files,
a WARC file or JSONL (used by the tests and the benchmarks)."""

from __future__ import annotations

import html
import io
import json
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Story:
    title: str
    paragraphs: list[str]
    url: str
    published: str = "2016-09-14"
    outlet: str = "The Daily Example"
    author: str = "Jane Reporter"
    related: list[str] = field(default_factory=lambda: ["Markets slide as oil falls", "Storm season starts early"])


ARTICLES = [
    Story(
        "Clinton campaign defends decision after health scare",
        [
            "Hillary Clinton's campaign on Monday defended its handling of her health scare on Sunday.",
            "“She is feeling much better and will be back on the trail soon,” said Brian Fallon.",
            "Donald Trump said “I hope she gets well soon” at a rally in Baltimore.",
            "Four years ago the campaign faced a similar problem, aides recalled.",
        ],
        "https://news.example.com/2016/09/13/clinton-health",
        "2016-09-13",
    ),
    Story(
        "UN chief warns of new arms race",
        [
            "Antonio Guterres said “We must be more vigilant than ever” in a speech in Geneva on Tuesday.",
            "“Nobody wins an arms race,” said Guterres, adding that talks would resume in January 2021.",
            "Diplomats said the remarks were the sharpest yet.",
        ],
        "https://world.example.org/un/guterres-arms-race",
        "2020-11-18",
        outlet="World Example",
    ),
    Story(
        "Mayor promises new bus lanes",
        [
            "The city will add twenty miles of bus lanes by next year, the mayor announced yesterday.",
            "“Buses are the fastest way to fix our streets,” said Sadiq Khan.",
            "Critics were unconvinced. “This plan is too little, too late,” said Imran Khan, a local councillor.",
        ],
        "https://city.example.co.uk/transport/bus-lanes",
        "2019-05-02",
        outlet="City Example",
    ),
]


def page(story: Story, comments: bool = True) -> str:
    """An HTML page: navigation, the article, related links, comments, footer."""
    e = html.escape
    paras = "\n".join(f"      <p>{e(p)}</p>" for p in story.paragraphs)
    related = "\n".join(f'        <li><a href="/r/{i}">{e(t)}</a></li>' for i, t in enumerate(story.related))
    comment_block = ""
    if comments:
        comment_block = """
    <section id="comments" class="comments">
      <h3>Comments</h3>
      <div class="comment"><p>“This is fake news,” said Commenter Bob.</p></div>
      <div class="comment"><p>Great article, thanks!</p></div>
    </section>"""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{e(story.title)} | {e(story.outlet)}</title>
  <meta property="og:title" content="{e(story.title)}">
  <meta property="og:site_name" content="{e(story.outlet)}">
  <meta property="og:url" content="{e(story.url)}">
  <meta property="article:published_time" content="{e(story.published)}T08:00:00Z">
  <meta name="author" content="{e(story.author)}">
</head>
<body>
  <header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
    <li><a href="/politics">Politics</a></li><li><a href="/subscribe">Subscribe</a></li></ul></nav></header>
  <main>
    <article>
      <h1>{e(story.title)}</h1>
      <p class="byline">By {e(story.author)}</p>
{paras}
    </article>
    <aside class="related"><h2>Related</h2>
      <ul>
{related}
      </ul>
    </aside>{comment_block}
  </main>
  <footer><p>© 2016 {e(story.outlet)}. All rights reserved.</p><p>Share this: Twitter Facebook Email</p></footer>
</body>
</html>
"""


def write_html(folder: Path, stories: list[Story]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i, s in enumerate(stories):
        p = folder / f"page{i:04d}.html"
        p.write_text(page(s), encoding="utf-8")
        out.append(p)
    return out


def write_warc(path: Path, stories: list[Story], gzip: bool | None = None, extra_records: bool = True) -> Path:
    """A WARC with a response record per story (and request / non-HTML records around them)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    gz = path.name.endswith(".gz") if gzip is None else gzip
    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=gz)
        for s in stories:
            if extra_records:
                req = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.com")], is_http_request=True)
                w.write_record(w.create_warc_record(s.url, "request", payload=io.BytesIO(b""), length=0, http_headers=req))
            body = page(s).encode("utf-8")
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            rec = w.create_warc_record(
                s.url,
                "response",
                payload=io.BytesIO(body),
                length=len(body),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": f"{s.published}T12:00:00Z"},
            )
            w.write_record(rec)
            if extra_records:
                img = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
                w.write_record(
                    w.create_warc_record(
                        s.url + "/logo.png", "response", payload=io.BytesIO(b"\x89PNG...."), length=8, http_headers=img
                    )
                )
    return path


def write_jsonl(path: Path, stories: list[Story], as_html: bool = False) -> Path:
    with open(path, "w", encoding="utf-8") as f:
        for s in stories:
            rec = {"url": s.url, "title": s.title, "published": s.published, "outlet": s.outlet}
            if as_html:
                rec["html"] = page(s)
            else:
                rec["text"] = s.title + "\n\n" + "\n\n".join(s.paragraphs)
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return path
