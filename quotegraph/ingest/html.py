"""HTML page → article text and metadata (title, outlet, URL, date, author) with trafilatura."""

from __future__ import annotations

import logging
from urllib.parse import urlparse

from ..errors import Skipped
from ..model import Document
from .charset import decode_html
from .pubdate import page_date

logger = logging.getLogger(__name__)


def _hostname(url: str | None) -> str | None:
    if not url:
        return None
    host = urlparse(url).hostname or ""
    return host.removeprefix("www.") or None


def parse_html(
    html: str | bytes, location: str, url: str | None = None, fetched: str | None = None, charset: str | None = None
) -> Document:
    """The article of one HTML page; raises ``Skipped`` when the page holds no article text.

    Paragraphs are separated by blank lines and the title leads the text, as in the
    plain-text corpora the extractor was trained on.
    """
    import trafilatura

    if isinstance(html, bytes):
        # BOM, then the HTTP header's charset, then <meta>, then detection, as browsers decode.
        html = decode_html(html, charset)
    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        # Its date is not used (see pubdate): no costly search of the text for one.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    def field(name: str) -> str:
        value = getattr(doc, name, None)
        return value.strip() if isinstance(value, str) else ""

    if doc is None or not field("text"):
        raise Skipped(location, "no article text in the page")
    paragraphs = [line.strip() for line in field("text").splitlines() if line.strip()]
    title = field("title") or None
    if title and paragraphs and paragraphs[0] != title:
        paragraphs.insert(0, title)
    url = url or field("url") or None
    outlet = field("sitename") or _hostname(url)
    # Only evidence: the page's metadata, else its URL; trafilatura's date may be a year of the text.
    pub = page_date(html, url)
    return Document(
        text="\n\n".join(paragraphs),
        location=location,
        url=url,
        title=title,
        outlet=outlet,
        published=pub.value if pub else None,
        published_source=pub.source if pub else None,
        author=field("author") or None,
        fetched=fetched,
    )
