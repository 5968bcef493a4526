"""Corpus inputs detected by content and extension; records located for error messages."""

import gzip

import pytest

from quotegraph.errors import RecordError, Skipped
from quotegraph.ingest.sources import RawRecord, iter_records, normalise_text, sniff, text_key, to_document
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
