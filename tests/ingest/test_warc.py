"""WARC records: read whole or reported (never a record cut short), the size limit, skips with reasons."""

from __future__ import annotations

import io
import tracemalloc

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from quotegraph.errors import RecordError, Skipped
from quotegraph.ingest.warc import iter_warc
from quotegraph.model import RawRecord
from tests.ingest.pages import ARTICLES, write_warc


def _read(data: bytes, max_bytes: int = 20_000_000) -> list:
    return list(iter_warc(io.BytesIO(data), "a.warc", max_bytes))


def _warc(records: list[tuple[str, str, bytes]], gzip: bool = False) -> bytes:
    """A WARC of response records (status line, content type, body)."""
    out = io.BytesIO()
    w = WARCWriter(out, gzip=gzip)
    for n, (status, ctype, body) in enumerate(records):
        headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        w.write_record(
            w.create_warc_record(f"https://x.example.com/{n}", "response", payload=io.BytesIO(body), length=len(body), http_headers=headers)
        )
    return out.getvalue()


@pytest.mark.parametrize("gz", [True, False])
@pytest.mark.parametrize("fraction", [0.05, 0.2, 0.35, 0.5, 0.65, 0.8, 0.9, 0.95, 0.99, 0.999])
def test_warc_cut_archive_never_yields_a_partial_page(tmp_path, gz, fraction):
    """Regression (issue 10): a truncated .warc.gz gave its cut record as a complete page; a cut .warc dropped it silently."""
    whole = write_warc(tmp_path / ("a.warc.gz" if gz else "a.warc"), ARTICLES).read_bytes()
    full = {r.location: r.payload for r in _read(whole) if isinstance(r, RawRecord)}
    assert len(full) == len(ARTICLES)
    out = _read(whole[: int(len(whole) * fraction)])
    for r in out:
        if isinstance(r, RawRecord):
            assert r.payload == full[r.location]
    errors = [r for r in out if isinstance(r, RecordError)]
    assert len(errors) == 1 and ("truncated" in str(errors[0]) or "corrupt" in str(errors[0]))
    # The failure is located at a record's start, so the whole archive later clears it.
    assert errors[0].location.startswith("a.warc@")


@pytest.mark.parametrize("gz", [True, False])
def test_warc_every_cut_point_is_whole_or_reported(tmp_path, gz):
    """Every cut of a small archive: a page is yielded only whole, and a cut inside a record is reported."""
    whole = _warc([("200 OK", "text/html", b"<html><body><p>" + b"word " * 60 + b"</p></body></html>")] * 2, gzip=gz)
    full = {r.location: r.payload for r in _read(whole) if isinstance(r, RawRecord)}
    ends = set()  # cuts at a record boundary lose nothing
    for cut in range(1, len(whole)):
        out = _read(whole[:cut])
        assert all(r.payload == full[r.location] for r in out if isinstance(r, RawRecord))
        if not any(isinstance(r, RecordError) for r in out):
            ends.add(cut)
    starts = {int(loc.rsplit("@", 1)[1]) for loc in full} | {len(whole)}
    # Silent only where a record ends (plain WARC: also inside the blank lines after it).
    assert all(any(0 <= s - c <= 4 for s in starts) for c in ends)


def test_warc_record_over_the_limit_is_a_failure_read_only_to_the_limit(tmp_path):
    """Regression (issue 10): a 33 MB record passed --max-size 5; now it fails and is never held whole."""
    big = b"<html><body><p>" + b"x" * 10_000_000 + b"</p></body></html>"
    small = b"<html><body><p>" + b"fine " * 50 + b"</p></body></html>"
    path = tmp_path / "big.warc"
    path.write_bytes(_warc([("200 OK", "text/html", big), ("200 OK", "text/html", small)]))
    tracemalloc.start()
    try:
        with open(path, "rb") as f:
            out = list(iter_warc(f, "big.warc", max_bytes=1_000_000))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert isinstance(out[0], RecordError) and "over the 1 MB limit (1 MB = 1,000,000 bytes)" in str(out[0])
    assert isinstance(out[1], RawRecord) and out[1].payload == small  # the run goes on
    assert peak < 4_000_000


@pytest.mark.parametrize(
    ("status", "ctype", "body", "reason"),
    [
        ("200 OK", "image/png", b"\x89PNG....", "not HTML (image/png)"),
        ("200 OK", "application/javascript", b"var ad = 1;", "not HTML (application/javascript)"),
        ("404 Not Found", "text/html", b"<html><body>gone</body></html>", "HTTP status 404"),
        ("301 Moved Permanently", "text/html", b"", "HTTP status 301"),
        ("200 OK", "text/html", b"  \n", "empty page"),
    ],
)
def test_warc_responses_that_are_no_page_are_skipped_with_reason(status, ctype, body, reason):
    (rec,) = _read(_warc([(status, ctype, body)]))
    assert isinstance(rec, Skipped) and rec.reason == reason


def test_warc_http_header_charset_travels_with_the_record():
    (rec,) = _read(_warc([("200 OK", "text/html; charset=windows-1252", "<p>“Yes,” he said.</p>".encode("cp1252"))]))
    assert isinstance(rec, RawRecord) and rec.charset == "windows-1252"
