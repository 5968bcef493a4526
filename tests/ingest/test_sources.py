"""Corpus inputs detected by content and extension; records located for error messages."""

import gzip
import io
import json
import sys

import pytest

from quotegraph.errors import RecordError, Skipped
from quotegraph.ingest.sources import iter_records, sniff, to_document
from quotegraph.model import RawRecord, normalise_text, text_key
from tests.ingest.pages import ARTICLES, page, write_jsonl, write_warc


@pytest.mark.parametrize(
    ("head", "name", "kind"),
    [
        (b"WARC/1.0\r\nWARC-Type: warcinfo", "crawl.dat", "warc"),
        (b"", "crawl.warc.gz", "warc"),
        (b'{"text": "hello"}\n', "dump.dat", "jsonl"),
        (b'\xef\xbb\xbf{"url": "u", "html": "<p>x</p>"}', "dump", "jsonl"),
        (b"<!DOCTYPE html><html><body><p>x</p></body></html>", "page.txt", "html"),
        (b"  <html lang='en'><head>", "noext", "html"),
        (b"anything", "saved.htm", "html"),
        (b"Headline\n\nThe minister said...", "story.txt", "text"),
        (b"{not json at all", "story.txt", "text"),
        (b"<3 this story", "story.txt", "text"),
    ],
)
def test_sources_sniff_kind(head, name, kind):
    assert sniff(head, name) == kind


def _records(paths):
    return list(iter_records([str(p) for p in paths]))


def _pages(paths):
    return [r for r in _records(paths) if isinstance(r, RawRecord)]


def test_sources_warc_records_located_by_offset(tmp_path):
    path = write_warc(tmp_path / "a.warc.gz", ARTICLES)
    recs = _pages([path])
    assert [r.url for r in recs] == [a.url for a in ARTICLES]  # requests and images skipped
    offsets = [int(r.location.rsplit("@", 1)[1]) for r in recs]
    assert offsets == sorted(offsets) and offsets[0] > 0
    # The offset points at the record: reading from it gives that record first.
    with open(path, "rb") as f:
        f.seek(offsets[1])
        rest = gzip.GzipFile(fileobj=f).read(2000)
    assert rest.startswith(b"WARC/1.0") and ARTICLES[1].url.encode() in rest
    assert recs[0].fetched == "2016-09-13T12:00:00Z"


@pytest.mark.parametrize("name", ["a.warc", "a.warc.gz", "no_extension"])
def test_sources_warc_plain_and_gzipped(tmp_path, name):
    path = write_warc(tmp_path / name, ARTICLES, gzip=name.endswith(".gz"))
    assert len(_pages([path])) == len(ARTICLES)


def test_sources_truncated_warc_gives_error_and_keeps_earlier_records(tmp_path):
    path = write_warc(tmp_path / "a.warc", ARTICLES)
    data = path.read_bytes()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(data[: int(len(data) * 0.8)] + b"\r\nWARC/1.0\r\nbroken header line\r\n\r\n")
    recs = _records([cut])
    good = [r for r in recs if isinstance(r, RawRecord)]
    assert 1 <= len(good) < len(ARTICLES) + 1


def test_sources_jsonl_lines_located(tmp_path):
    p = tmp_path / "d.jsonl"
    p.write_text(
        '{"text": "one"}\n\n[1, 2]\n{"html": "<p>two</p>", "url": "https://x/2", "published": "2016-01-02"}\n'
        '{"text": ""}\n{bad\n',
        encoding="utf-8",
    )
    recs = _records([p])
    kinds = [(r.location.rsplit(":", 1)[1], type(r).__name__) for r in recs]
    assert kinds == [("1", "RawRecord"), ("3", "RecordError"), ("4", "RawRecord"), ("5", "Skipped"), ("6", "RecordError")]
    assert recs[2].kind == "html" and recs[2].url == "https://x/2" and recs[2].published == "2016-01-02"


def test_sources_directory_recursive_sorted_known_extensions(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Z text", encoding="utf-8")
    (tmp_path / "a.html").write_text(page(ARTICLES[0]), encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    write_jsonl(tmp_path / "b" / "d.jsonl", ARTICLES[:2])
    recs = _records([tmp_path])
    assert [r.location.replace(str(tmp_path), "") for r in recs] == ["/a.html", "/b/d.jsonl:1", "/b/d.jsonl:2", "/b/z.txt"]


@pytest.mark.parametrize(
    ("content", "error", "message"),
    [
        (b"", Skipped, "empty file"),
        (b"   \n ", Skipped, "empty file"),
        (b" " * 20_000, Skipped, "empty file"),
        (b"\x00\x01\x02\x03" * 50, RecordError, "binary"),
    ],
)
def test_sources_bad_files_are_record_errors(tmp_path, content, error, message):
    """Empty files are skipped, saying so; binary ones are failures."""
    p = tmp_path / "x.txt"
    p.write_bytes(content)
    recs = _records([p])
    if isinstance(recs[0], RawRecord):
        with pytest.raises(error, match=message):
            to_document(recs[0])
    else:
        assert isinstance(recs[0], error) and message in str(recs[0])


def test_sources_missing_file(tmp_path):
    (rec,) = _records([tmp_path / "missing.txt"])
    assert isinstance(rec, RecordError) and "no such file" in str(rec) and rec.location.endswith("missing.txt")


def test_sources_html_document_metadata_and_text():
    raw = RawRecord("html", "p.html", page(ARTICLES[1]).encode("utf-8"))
    doc = to_document(raw)
    assert (doc.title, doc.outlet, doc.published, doc.author, doc.url) == (
        ARTICLES[1].title,
        "World Example",
        "2020-11-18",
        "Jane Reporter",
        ARTICLES[1].url,
    )
    assert doc.text.split("\n\n") == [ARTICLES[1].title, *ARTICLES[1].paragraphs]


def test_sources_html_metadata_given_alongside_wins():
    raw = RawRecord("html", "d.jsonl:1", page(ARTICLES[1]), outlet="Given Outlet", published="2020-11-20")
    doc = to_document(raw)
    assert (doc.outlet, doc.published) == ("Given Outlet", "2020-11-20")


def test_sources_html_without_article_is_skipped():
    with pytest.raises(Skipped, match="no article text"):
        to_document(RawRecord("html", "p.html", "<html><head><title>T</title></head><body><div></div></body></html>"))


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("He said “yes”.", 'He said "yes".', True),
        ("Line one\r\nline two", "line one line two", True),
        ("Hello — world", "hello - world", True),
        ("\ufeffText", "Text", True),
        ("He said yes.", "He said no.", False),
    ],
)
def test_sources_normalised_text_key(a, b, same):
    assert (text_key(a) == text_key(b)) is same
    assert normalise_text(a) == normalise_text(a.upper()).casefold() or not same


class _Pipe(io.RawIOBase):
    """Stdin as a pipe gives it: a few KB per read."""

    def __init__(self, data: bytes, chunk: int = 4096) -> None:
        self.data, self.chunk = data, chunk

    def readable(self):
        return True

    def readinto(self, b):
        n = min(len(b), self.chunk, len(self.data))
        b[:n], self.data = self.data[:n], self.data[n:]
        return n


def _dump(n: int = 3, text_len: int = 20_000) -> bytes:
    lines = [json.dumps({"url": f"https://x.example.com/{i}", "text": f"Story {i}. " + "He said yes. " * (text_len // 13)}) for i in range(n)]
    return ("\n".join(lines) + "\n").encode("utf-8")


@pytest.mark.parametrize("where", ["dump.txt", "dump", "dump.json", "stdin"])
def test_sources_jsonl_with_long_first_line_is_jsonl(tmp_path, monkeypatch, where):
    """Regression (issue 10): a JSONL dump with a first line over 8 KB, or through stdin, became one text "article"."""
    data = _dump()
    assert data.index(b"\n") > 8192
    if where == "stdin":
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(_Pipe(data))))
        recs = list(iter_records(["-"]))
    else:
        (tmp_path / where).write_bytes(data)
        recs = _records([tmp_path / where])
    assert [r.url for r in recs] == [f"https://x.example.com/{i}" for i in range(3)]
    assert all(isinstance(r, RawRecord) and r.kind == "text" for r in recs)


def test_sources_stdin_text_and_html_still_sniffed(monkeypatch):
    body = b"<!DOCTYPE html><html><body><p>" + b"x" * 20_000 + b"</p></body></html>"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(_Pipe(body, 100))))
    (rec,) = iter_records(["-"])
    assert rec.kind == "html" and rec.payload == body


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ({"text": "t" * 1_500_000}, "1.5 MB is over the 1 MB limit"),
        ({"html": "<p>" + "h" * 1_500_000 + "</p>"}, "1.5 MB is over the 1 MB limit"),
        ({"text": "é" * 600_000}, "1.2 MB is over the 1 MB limit"),  # UTF-8 bytes, not characters
        ({"text": "\u0001" * 1_200_000}, "over the 1 MB limit"),  # a line too long to read (7.2 MB of JSON escapes)
        ({"text": "t" * 999_000}, None),
    ],
)
def test_sources_jsonl_records_have_the_size_limit(tmp_path, line, expected):
    """Regression (issue 10): JSONL records got no size check at all."""
    p = tmp_path / "d.jsonl"
    p.write_text(json.dumps(line) + "\n" + json.dumps({"text": "After it."}) + "\n", encoding="utf-8")
    first, second = iter_records([str(p)], max_bytes=1_000_000)
    if expected:
        assert isinstance(first, RecordError) and expected in str(first) and first.location.endswith("d.jsonl:1")
    else:
        assert isinstance(first, RawRecord)
    assert isinstance(second, RawRecord) and second.location.endswith("d.jsonl:2")


@pytest.mark.parametrize(
    ("name", "content"),
    [("empty.txt", b""), ("blank.txt", b" \n\t\n"), ("empty.jsonl", b""), ("empty.warc", b""), ("empty.html", b"\n")],
)
def test_sources_empty_files_are_skipped_saying_so(tmp_path, name, content):
    (tmp_path / name).write_bytes(content)
    (rec,) = _records([tmp_path / name])
    assert isinstance(rec, Skipped) and rec.reason == "empty file"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: (d / "gone.txt").symlink_to(d / "nowhere.txt"), "broken symbolic link"),
        (lambda d: (d / "self.txt").symlink_to(d / "self.txt"), "symbolic link loop"),
        (lambda d: (d / "sub" / "up").symlink_to(d), "symbolic link loop"),
    ],
)
def test_sources_links_that_cannot_be_followed_are_reported(tmp_path, make, message):
    """Regression (issue 10): broken links and link loops in a folder were passed over without a word."""
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    (d / "sub" / "a.txt").write_text("A story.", encoding="utf-8")
    make(d)
    recs = _records([d])
    errors = [r for r in recs if isinstance(r, RecordError)]
    assert len(errors) == 1 and message in str(errors[0])
    assert [r.location for r in recs if isinstance(r, RawRecord)] == [str(d / "sub" / "a.txt")]


def test_sources_links_to_folders_are_followed_and_other_broken_links_ignored(tmp_path):
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "b.txt").write_text("B story.", encoding="utf-8")
    d = tmp_path / "in"
    d.mkdir()
    (d / "linked").symlink_to(tmp_path / "elsewhere")
    (d / "logo.png").symlink_to(tmp_path / "missing.png")  # not a file we would read
    assert [r.location for r in _records([d])] == [str(d / "linked" / "b.txt")]


@pytest.mark.parametrize("path", ["https://example.com/story", "HTTP://example.com/feed.jsonl"])
def test_sources_web_addresses_are_errors(path):
    (rec,) = _records([path])
    assert isinstance(rec, RecordError) and "not a crawler" in str(rec)


@pytest.mark.parametrize(
    "text, title",
    [
        ("Mayor defends budget plan\n\nThe mayor spoke on Tuesday.", "Mayor defends budget plan"),
        ("\ufeffMayor defends budget plan\r\n\r\nThe mayor spoke.", "Mayor defends budget plan"),
        ("“We must act,” says UN chief\n\nHe spoke on Sunday.", "“We must act,” says UN chief"),
        # A first sentence that goes on is no headline.
        (
            "The mayor of Springfield, Dana Holt, defended her budget on Tuesday in a long statement to the council.\n\nMore.",
            None,
        ),
        ("In Springfield:\n\nThe mayor spoke.", None),
        ("Only one line of text here", None),
        ("", None),
    ],
)
def test_sources_first_line_is_the_title_when_it_reads_as_a_headline(text, title):
    from quotegraph.ingest.sources import headline

    assert headline(text) == title
