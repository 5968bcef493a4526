"""HTML encodings found as browsers find them: BOM, HTTP header charset, <meta>, then detection."""

from __future__ import annotations

import pytest

from quotegraph.ingest.charset import decode_html, html_encoding
from quotegraph.ingest.sources import to_document
from quotegraph.model import RawRecord
from tests.ingest.pages import ARTICLES, page

QUOTE = "“We will not back down,” said the café’s owner — Zoë Müller."


def _page(meta: str = "") -> str:
    return f"<html><head>{meta}<title>T</title></head><body><p>{QUOTE}</p></body></html>"


@pytest.mark.parametrize(
    ("data", "http", "codec"),
    [
        (_page().encode("cp1252"), "windows-1252", "cp1252"),  # the HTTP header
        (_page().encode("cp1252"), "ISO-8859-1", "cp1252"),  # read as browsers read the label
        (_page('<meta charset="windows-1252">').encode("cp1252"), None, "cp1252"),
        (_page("<meta http-equiv='Content-Type' content='text/html; charset=windows-1252'>").encode("cp1252"), None, "cp1252"),
        (_page('<meta charset="windows-1252">').encode("utf-8"), "utf-8", "utf-8"),  # the header before <meta>
        (b"\xef\xbb\xbf" + _page('<meta charset="windows-1252">').encode("utf-8"), "windows-1252", "utf-8"),  # a BOM wins
        (b"\xff\xfe" + _page().encode("utf-16-le"), None, "utf-16-le"),
        (_page('<meta charset="utf-16">').encode("utf-8"), None, "utf-8"),  # a <meta> naming UTF-16 means UTF-8
        (_page('<meta charset="no-such-thing">').encode("utf-8"), "bogus", "utf-8"),  # unknown labels: detection
        (_page().encode("utf-8"), None, "utf-8"),
    ],
)
def test_charset_order_header_bom_meta_detection(data, http, codec):
    assert html_encoding(data, http)[0] == codec
    assert QUOTE in decode_html(data, http)


def test_charset_undeclared_cp1252_is_detected():
    data = _page().encode("cp1252") * 3
    text = decode_html(data)
    assert QUOTE in text and "\ufffd" not in text


@pytest.mark.parametrize("where", ["meta", "header"])
def test_charset_declared_page_keeps_its_quotes(where):
    """Regression (issue 10): pages declared windows-1252 were decoded as UTF-8 (U+FFFD, quotes lost)."""
    html = page(ARTICLES[0]).replace('<meta charset="utf-8">', '<meta charset="windows-1252">' if where == "meta" else "")
    raw = RawRecord("html", "x.warc@0", html.encode("cp1252"), charset="windows-1252" if where == "header" else None)
    doc = to_document(raw)
    assert "\ufffd" not in doc.text
    assert "“She is feeling much better and will be back on the trail soon,” said Brian Fallon." in doc.text
