"""The character encoding of an HTML page, found as browsers find it.

A byte-order mark wins; then the charset of the HTTP ``Content-Type`` header (a WARC record's);
then a ``<meta charset>`` or ``<meta http-equiv="Content-Type">`` near the start of the page; then
valid UTF-8; then detection (charset-normalizer). Labels are read as the WHATWG Encoding Standard
reads them: ``iso-8859-1`` and ``us-ascii`` mean windows-1252, a ``<meta>`` naming UTF-16 means UTF-8.
"""

from __future__ import annotations

import codecs
import re

# UTF-8 bytes read as Windows-1252 or Latin-1 where a page was made ("FranÃ§ois", "â€™"): text that ftfy repairs.
MOJIBAKE = re.compile(r"[ÃÂ][\x80-\xbf¡-¿]|â€")

BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
# How far into the page a <meta> charset is looked for (browsers look at the first 1,024 bytes;
# pages with long scripts in their head put it later).
META_WINDOW = 4096
_META = re.compile(rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)
_HEADER = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)
# Python codec names for what browsers decode under a label (WHATWG maps these to supersets).
_AS_BROWSERS = {
    "iso8859-1": "cp1252",
    "ascii": "cp1252",
    "iso8859-9": "cp1254",
    "iso8859-11": "cp874",
    "tis-620": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "shift_jis": "cp932",
    "euc_kr": "cp949",
}


def codec(label: str | None) -> str | None:
    """The Python codec for an encoding label, as a browser reads the label; None when unknown."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    return _AS_BROWSERS.get(name, name)


def header_charset(content_type: str | None) -> str | None:
    """The charset named by an HTTP ``Content-Type`` value (``text/html; charset=windows-1252``)."""
    m = _HEADER.search(content_type or "")
    return m.group(1) if m else None


def meta_charset(data: bytes) -> str | None:
    """The codec a page's ``<meta>`` declares near its start."""
    m = _META.search(data[:META_WINDOW])
    if not m:
        return None
    found = codec(m.group(1).decode("ascii", "replace"))
    # A <meta> readable as ASCII cannot be in UTF-16: browsers take it as UTF-8.
    return "utf-8" if found and found.startswith("utf-16") else found


def detect(data: bytes) -> str:
    """The codec of undeclared bytes: UTF-8 when they are valid UTF-8, else charset-normalizer's guess."""
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return (codec(best.encoding) if best is not None else None) or "cp1252"


def html_encoding(data: bytes, http_charset: str | None = None) -> tuple[str, int]:
    """(codec, bytes of BOM to skip) for an HTML page's bytes."""
    for bom, name in BOMS:
        if data.startswith(bom):
            return name, len(bom)
    return codec(http_charset) or meta_charset(data) or detect(data), 0


def decode_html(data: bytes, http_charset: str | None = None) -> str:
    """The text of an HTML page's bytes (undecodable bytes become U+FFFD, as in a browser)."""
    name, skip = html_encoding(data, http_charset)
    return data[skip:].decode(name, errors="replace")
